//! `tipnav explain`: an element-by-element derivation of each section with the facts that
//! decided it (and where the case file gives them), the rule behind every step, why a section
//! does not apply, which unknown facts decide a section that may apply, the jurisdiction and
//! overlaps, and with `--flip` the smallest changes that flip a section. Rendered as an
//! indented tree, JSON or Markdown.

use super::schema::SchemaVersion;
use crate::output::text::Forum;
use crate::statute::{Agency, Court};
use schemars::JsonSchema;
use serde::Serialize;

use super::Evaluated;
use super::json::{ChoiceReport, OverlapReport, case_report};
use super::json::{Status, Truth};
use super::text::Style;
use crate::eval::SectionOutcome;
use crate::explain::{FlipSearch, direct_facts};
use crate::i18n::{tr, trf};
use crate::model::{FactId, OffenceId, Program};
use crate::source::SourceFile;

/// The whole explanation of one case.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Explanation {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// The tipnav version.
    pub tipnav: &'static str,
    /// SHA-256 of the statute, rule and overlay files used (as in `tipnav check`).
    pub digest: String,
    /// The case file.
    pub file: String,
    /// The date whose law was used, and why.
    pub law: String,
    /// One trace per section explained.
    pub sections: Vec<SectionTrace>,
    /// Agency and court of each section that applies or may apply, with the rules behind them.
    pub jurisdiction: Vec<JurisdictionTrace>,
    /// Lead agency and court for the case, with reasons.
    pub case_jurisdiction: Vec<String>,
    /// Overlaps among the sections that apply or may apply.
    pub overlaps: Vec<OverlapReport>,
    /// The citation of each section an overlap names, for the text (JSON keeps the ids).
    #[serde(skip)]
    pub cited: std::collections::HashMap<String, String>,
    /// With `--flip`: the smallest changes that flip the section.
    pub flips: Vec<FlipTrace>,
    /// With `--flip`: how far the search went.
    pub flip_search: Option<FlipSearchTrace>,
    /// Sections that may apply left out as remote (`--all` explains them too).
    pub remote: usize,
}

/// How one section was decided.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionTrace {
    /// Section id.
    pub id: String,
    /// Its citation as people write it (`PTPA 2018 s.3(2)`).
    pub citation: String,
    /// Heading.
    pub heading: String,
    /// `applies`, `may_apply` or `does_not_apply`.
    pub status: Status,
    /// The version used and why; or why none was.
    pub version: String,
    /// For a provincial instrument, whether it extends to the case.
    pub territory: Option<String>,
    /// Each element, in rule order.
    pub elements: Vec<ElementTrace>,
    /// For a section that does not apply: the elements that failed.
    pub why_not: Vec<String>,
    /// For a section that may apply: the unknown facts that decide it, each with its question.
    pub deciding: Vec<DecidingFact>,
}

/// How one element was decided.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ElementTrace {
    /// Name.
    pub name: String,
    /// `met`, `not_met` or `unknown`.
    pub status: Truth,
    /// The rule.
    pub cite: String,
    /// The facts the element's test reads.
    pub facts: Vec<FactTrace>,
    /// The waiver that met it, with the facts its condition reads.
    pub waived_by: Option<WaiverTrace>,
}

/// A waiver used.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WaiverTrace {
    /// The rule.
    pub cite: String,
    /// The facts its condition reads.
    pub facts: Vec<FactTrace>,
}

/// A fact's value, where it was given, or how it was derived.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactTrace {
    /// Fact name.
    pub fact: String,
    /// Its value as in a case file, or `null` when unknown.
    pub value: serde_json::Value,
    /// `file:line:column` where the case file gives it.
    pub given_at: Option<String>,
    /// For a derived fact: the rule and the facts it was derived from.
    pub derived: Option<Derived>,
}

/// How a derived fact was computed.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Derived {
    /// The rule.
    pub cite: String,
    /// The facts it reads.
    pub from: Vec<FactTrace>,
}

/// An unknown fact that decides a section.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DecidingFact {
    /// Fact name.
    pub fact: String,
    /// The question to ask.
    pub question: String,
}

/// Jurisdiction of one section.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JurisdictionTrace {
    /// Section id.
    pub section: String,
    /// Its citation as people write it (`PPC s.374`).
    pub citation: String,
    /// The agency and the rule that chose it.
    pub agency: ChoiceReport<Agency>,
    /// The court and the rule that chose it.
    pub court: ChoiceReport<Court>,
}

/// A flip found by `--flip`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FlipTrace {
    /// Section id.
    pub section: String,
    /// Status now.
    pub from: Status,
    /// Status after the changes.
    pub to: Status,
    /// The changes, in words.
    pub changes: Vec<String>,
}

/// How far the search for flips went: it is bounded, so a sparse case may stop it early.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FlipSearchTrace {
    /// Section id.
    pub section: String,
    /// `false` when the search stopped early: smaller or other flips may exist.
    pub complete: bool,
    /// How many candidate change sets were evaluated.
    pub evaluated: usize,
}

impl FlipSearchTrace {
    /// The search's result in words, for the terminal, Markdown and HTML alike.
    pub fn summary(&self, found: usize) -> String {
        if !self.complete {
            trf(
                "the search stopped after {count} candidate changes; smaller or other flips may exist",
                &[("count", &self.evaluated.to_string())],
            )
        } else if found == 0 {
            trf(
                "no change to up to three facts flips {section} ({count} candidate changes tried)",
                &[
                    ("section", &self.section),
                    ("count", &self.evaluated.to_string()),
                ],
            )
        } else {
            trf(
                "smallest first, after {count} candidate changes",
                &[("count", &self.evaluated.to_string())],
            )
        }
    }
}

/// A section's flips and how far their search went, as reports show them.
pub fn flip_traces(
    program: &Program,
    section: &SectionOutcome,
    search: &FlipSearch,
) -> (Vec<FlipTrace>, FlipSearchTrace) {
    let flips = search
        .flips
        .iter()
        .map(|flip| FlipTrace {
            section: section.section(program).to_owned(),
            from: section.status.into(),
            to: flip.to.into(),
            changes: flip.changes.iter().map(|c| c.description.clone()).collect(),
        })
        .collect();
    let trace = FlipSearchTrace {
        section: section.section(program).to_owned(),
        complete: search.complete,
        evaluated: search.evaluated,
    };
    (flips, trace)
}

/// Everything `explain` needs beyond the evaluated case.
pub struct ExplainInput<'a> {
    /// The evaluated case.
    pub evaluated: &'a Evaluated<'a>,
    /// Sections to explain in full (all that apply or may apply, if empty).
    pub sections: &'a [String],
    /// Deciding facts per section (`may_apply` sections only).
    pub deciding: Vec<(OffenceId, Vec<FactId>)>,
    /// With `--flip`: the section and the search for its flips.
    pub flips: Option<(OffenceId, FlipSearch)>,
    /// Explain every section that may apply, not only the closest (when no section is named).
    pub all: bool,
}

/// Builds the explanation.
pub fn explanation(program: &Program, input: &ExplainInput<'_>) -> Explanation {
    let evaluated = input.evaluated;
    let outcome = &evaluated.outcome;
    let report = case_report(program, evaluated);
    let (sections, remote) = section_traces(program, input);
    let jurisdiction = section_jurisdictions(program, report.jurisdiction.by_section, input);
    let case_jurisdiction = case_jurisdiction(
        &report.jurisdiction.agencies,
        report.jurisdiction.court.as_ref(),
    );
    let (flips, flip_search) = input
        .flips
        .as_ref()
        .map(|(index, search)| flip_traces(program, &outcome.sections[*index], search))
        .unzip();
    let flips = flips.unwrap_or_default();
    Explanation {
        schema_version: SchemaVersion,
        tipnav: env!("CARGO_PKG_VERSION"),
        digest: program.digest.clone(),
        file: evaluated.file.name.clone(),
        law: law_in_force(outcome),
        sections,
        jurisdiction,
        case_jurisdiction,
        cited: (report.overlaps.iter())
            .flat_map(|o| &o.sections)
            .map(|id| (id.clone(), crate::statute::citation(&program.book, id)))
            .collect(),
        overlaps: report.overlaps,
        flips,
        flip_search,
        remote,
    }
}

/// Which law the case is read under: the one in force on its date, or today's.
fn law_in_force(outcome: &crate::eval::Outcome) -> String {
    if outcome.date_assumed {
        trf(
            "the law in force today ({date}): the case gives no case.date",
            &[("date", &outcome.date.to_string())],
        )
    } else {
        trf(
            "the law in force on {date}, the case's case.date",
            &[("date", &outcome.date.to_string())],
        )
    }
}

/// The traces of the sections to explain (those named, or those that apply and the closest
/// that may apply), and how many sections that may apply are left out as remote.
fn section_traces(program: &Program, input: &ExplainInput<'_>) -> (Vec<SectionTrace>, usize) {
    let evaluated = input.evaluated;
    let outcome = &evaluated.outcome;
    let relevance = crate::resolve::relevance(program, outcome);
    let close = |s: &SectionOutcome| {
        input.all || relevance[s.offence].is_some_and(|rank| rank <= super::table::CLOSEST_SHOWN)
    };
    let wanted = |s: &SectionOutcome| {
        if input.sections.is_empty() {
            Status::from(s.status) == Status::Applies
                || (Status::from(s.status) == Status::MayApply && close(s))
        } else {
            input.sections.iter().any(|id| id == s.section(program))
        }
    };
    let remote = outcome
        .sections
        .iter()
        .filter(|s| {
            input.sections.is_empty() && s.status == crate::eval::Status::MayApply && !close(s)
        })
        .count();
    let tracer = Tracer {
        program,
        values: &outcome.values,
        file: evaluated.file,
        given_at: &evaluated.case.given_at,
    };
    let sections = outcome
        .sections
        .iter()
        .filter(|s| wanted(s))
        .map(|s| {
            let deciding = input
                .deciding
                .iter()
                .find(|(i, _)| *i == s.offence)
                .map_or(&[][..], |(_, f)| f.as_slice());
            tracer.section(s, deciding)
        })
        .collect();
    (sections, remote)
}

/// The agency and court of each section asked about (of every section, when none is named).
fn section_jurisdictions(
    program: &Program,
    by_section: Vec<super::json::SectionJurisdictionReport>,
    input: &ExplainInput<'_>,
) -> Vec<JurisdictionTrace> {
    by_section
        .into_iter()
        .filter(|j| input.sections.is_empty() || input.sections.contains(&j.section))
        .map(|j| JurisdictionTrace {
            citation: crate::statute::citation(&program.book, &j.section),
            section: j.section,
            agency: j.agency,
            court: j.court,
        })
        .collect()
}

/// The lead agency and the court for the whole case, each with the reason it was chosen.
fn case_jurisdiction(
    agencies: &[super::json::AgencyReport],
    court: Option<&super::json::CourtReport>,
) -> Vec<String> {
    let mut lines: Vec<String> = agencies
        .iter()
        .filter(|a| a.role == super::json::Role::Lead)
        .map(|a| {
            trf(
                "lead agency {agency}: {reason}",
                &[("agency", a.id.name()), ("reason", &a.reason)],
            )
        })
        .collect();
    lines.extend(court.iter().map(|c| {
        trf(
            "court for the case {court}: {reason}",
            &[("court", c.id.name()), ("reason", &c.reason)],
        )
    }));
    lines
}

/// Why a section does not apply: not in force, or the territory and the elements not met.
fn why_not(outcome: &SectionOutcome, elements: &[ElementTrace]) -> Vec<String> {
    if outcome.version.is_none() {
        return vec!["not in force".to_owned()];
    }
    let mut failed: Vec<String> = elements
        .iter()
        .filter(|e| e.status == Truth::NotMet)
        .map(|e| e.name.clone())
        .collect();
    if outcome
        .territory
        .as_ref()
        .is_some_and(|t| t.holds == Some(false))
    {
        failed.insert(0, "territory".to_owned());
    }
    failed
}

struct Tracer<'a> {
    program: &'a Program,
    values: &'a [Option<crate::model::Value>],
    file: &'a SourceFile,
    given_at: &'a [Option<crate::source::Span>],
}

impl Tracer<'_> {
    fn section(&self, outcome: &SectionOutcome, deciding: &[FactId]) -> SectionTrace {
        let program = self.program;
        let section = &program.book.sections[outcome.section(program)];
        let elements = self.elements(outcome);
        SectionTrace {
            id: outcome.section(program).to_owned(),
            citation: crate::statute::citation(&program.book, outcome.section(program)),
            heading: section.heading.clone(),
            status: outcome.status.into(),
            version: self.version(outcome, section),
            territory: outcome.territory.as_ref().map(|t| {
                trf(
                    "{mark} territory: the instrument extends to {province} only",
                    &[
                        ("mark", Truth::from(t.holds).mark()),
                        (
                            "province",
                            &crate::i18n::option_label("case.province", &t.province),
                        ),
                    ],
                )
            }),
            why_not: if Status::from(outcome.status) == Status::DoesNotApply {
                why_not(outcome, &elements)
            } else {
                Vec::new()
            },
            elements,
            deciding: deciding
                .iter()
                .map(|&f| DecidingFact {
                    fact: program.facts[f].name.clone(),
                    question: program.facts[f].question.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// Which text of the section was read: the version in force on the case date, or why none.
    fn version(&self, outcome: &SectionOutcome, section: &crate::statute::Section) -> String {
        let program = self.program;
        match &outcome.version {
            Some((index, certainty)) => {
                let v = &section.versions[*index];
                let from = &program.book.dates[&v.from];
                let until = v
                    .until
                    .as_ref()
                    .map(|k| {
                        trf(
                            ", until `{key}` ({date})",
                            &[
                                ("key", k),
                                ("date", &program.book.dates[k].bound.to_string()),
                            ],
                        )
                    })
                    .unwrap_or_default();
                let uncertain = match certainty {
                    crate::statute::Certainty::Certain => "",
                    crate::statute::Certainty::Uncertain(_) => tr(
                        "; the case date falls inside an amendment's window, so this is uncertain",
                    ),
                };
                let text = trf(
                    "the text in force from `{key}` ({label}: {date})",
                    &[
                        ("key", &v.from),
                        ("label", &from.label),
                        ("date", &from.bound.to_string()),
                    ],
                );
                format!("{text}{until}{uncertain}")
            }
            None => {
                let first = section
                    .versions
                    .first()
                    .map(|v| program.book.dates[&v.from].bound.to_string())
                    .unwrap_or_default();
                trf(
                    "no version was in force on the case date (the first dates from {first}); conduct is never charged under a law not yet in force",
                    &[("first", &first)],
                )
            }
        }
    }

    /// Each element of the offence, with the facts it reads and any waiver that spared it.
    fn elements(&self, outcome: &SectionOutcome) -> Vec<ElementTrace> {
        let offence = &self.program.offences[outcome.offence];
        outcome
            .elements
            .iter()
            .map(|e| {
                let element = &offence.elements[e.element];
                let mut facts = Vec::new();
                direct_facts(&element.expr, &mut facts);
                ElementTrace {
                    name: element.name.clone(),
                    status: e.holds.into(),
                    cite: element.cite.clone(),
                    facts: facts.iter().map(|&f| self.fact(f)).collect(),
                    waived_by: e.waived_by.map(|w| {
                        let waiver = &element.waivers[w];
                        let mut facts = Vec::new();
                        direct_facts(&waiver.condition, &mut facts);
                        WaiverTrace {
                            cite: waiver.cite.clone(),
                            facts: facts.iter().map(|&f| self.fact(f)).collect(),
                        }
                    }),
                }
            })
            .collect()
    }

    fn fact(&self, fact: FactId) -> FactTrace {
        let program = self.program;
        let value = super::json::fact_value(program, self.values, fact).value;
        let derived = program.facts[fact].derivation.as_ref().map(|d| {
            let mut from = Vec::new();
            direct_facts(&d.expr, &mut from);
            Derived {
                cite: d.cite.clone(),
                from: from.iter().map(|&f| self.fact(f)).collect(),
            }
        });
        FactTrace {
            fact: program.facts[fact].name.clone(),
            value,
            given_at: self.given_at[fact].map(|span| position(self.file, span.start)),
            derived,
        }
    }
}

/// `file:line:column` of a byte offset.
fn position(file: &SourceFile, offset: usize) -> String {
    let before = &file.text[..offset.min(file.text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{}:{line}:{column}", file.name)
}

/// The explanation as an indented tree (terminal) or Markdown.
pub fn render(explanation: &Explanation, markdown: bool) -> String {
    let w = Writer {
        markdown,
        width: usize::from(super::width::width()),
    };
    let mut out = String::new();
    w.header(&mut out, explanation);
    for section in &explanation.sections {
        w.section(&mut out, section);
    }
    if explanation.remote > 0 {
        out.push_str(&w.fit(
            "",
            &trf(
                "{count} more remote possibilities: --all",
                &[("count", &explanation.remote.to_string())],
            ),
        ));
        out.push('\n');
    }
    w.jurisdiction(&mut out, explanation);
    w.overlaps(&mut out, explanation);
    if let Some(search) = &explanation.flip_search {
        w.title(&mut out, tr("Smallest changes that flip the answer"));
        for flip in &explanation.flips {
            w.line(&mut out, 1, &flip_sentence(flip));
        }
        w.line(&mut out, 1, &search.summary(explanation.flips.len()));
        out.push('\n');
    }
    out
}

/// How an explanation is written: Markdown headings and nested lists, or lines wrapped to the
/// terminal's width with continuation lines indented under them.
struct Writer {
    markdown: bool,
    width: usize,
}

impl Writer {
    fn style(&self) -> Style {
        if self.markdown {
            Style::Markdown
        } else {
            Style::Terminal
        }
    }

    /// `text` as lines starting with `indent`: wrapped at a terminal, one line in Markdown.
    fn fit(&self, indent: &str, text: &str) -> String {
        if self.markdown {
            format!("{indent}{text}\n")
        } else {
            let width = self.width.saturating_sub(indent.len());
            let wrapped = super::width::wrap(text, width, 2);
            let lines: Vec<String> = wrapped.lines().map(|l| format!("{indent}{l}")).collect();
            lines.join("\n") + "\n"
        }
    }

    fn title(&self, out: &mut String, text: &str) {
        if self.markdown {
            out.push_str(&format!("## {text}\n\n"));
        } else {
            out.push_str(&self.fit("", text));
        }
    }

    /// A line at `depth`: a nested list item in Markdown, indented at a terminal.
    fn line(&self, out: &mut String, depth: usize, text: &str) {
        let indent = if self.markdown {
            "  ".repeat(depth) + "- "
        } else {
            "  ".repeat(depth)
        };
        out.push_str(&self.fit(&indent, text));
    }

    /// The case file, the law used, the version and the law's digest.
    fn header(&self, out: &mut String, explanation: &Explanation) {
        if self.markdown {
            let file = self.style().case_text(&explanation.file);
            out.push_str(&format!(
                "# {}\n\n",
                trf("Explanation: {file}", &[("file", &file)])
            ));
        } else {
            out.push_str(&self.fit("", &explanation.file));
        }
        out.push_str(&self.fit("", &trf("Law used: {law}", &[("law", &explanation.law)])));
        out.push_str(&self.fit(
            "",
            &trf(
                "tipnav {version} · law {digest}",
                &[
                    ("version", explanation.tipnav),
                    ("digest", &explanation.digest),
                ],
            ),
        ));
        out.push('\n');
    }

    /// One section: its version and territory, each element with the facts that decided it,
    /// why it does not apply, or the unknown facts that decide it.
    fn section(&self, out: &mut String, section: &SectionTrace) {
        let line = |out: &mut String, depth: usize, text: &str| self.line(out, depth, text);
        self.title(
            out,
            &format!(
                "{} {}: {}",
                section.citation,
                section.heading,
                section.status.words()
            ),
        );
        line(
            out,
            1,
            &trf("version: {version}", &[("version", &section.version)]),
        );
        if let Some(territory) = &section.territory {
            line(out, 1, territory);
        }
        for element in &section.elements {
            line(
                out,
                1,
                &format!(
                    "{} {}: {}",
                    element.status.mark(),
                    crate::i18n::element_label(&element.name),
                    element.cite
                ),
            );
            for fact in &element.facts {
                fact_lines(out, &line, self.style(), 2, fact);
            }
            if let Some(waiver) = &element.waived_by {
                line(out, 2, &trf("waived: {cite}", &[("cite", &waiver.cite)]));
                for fact in &waiver.facts {
                    fact_lines(out, &line, self.style(), 3, fact);
                }
            }
        }
        if !section.why_not.is_empty() {
            line(
                out,
                1,
                &trf(
                    "why not: {elements}",
                    &[("elements", &section.why_not.join(tr(", ")))],
                ),
            );
        }
        for fact in &section.deciding {
            line(
                out,
                1,
                &trf(
                    "decided by {fact}: {question}",
                    &[("fact", &fact.fact), ("question", &fact.question)],
                ),
            );
        }
        out.push('\n');
    }

    /// The case's agency and court with their reasons, and each section's.
    fn jurisdiction(&self, out: &mut String, explanation: &Explanation) {
        if explanation.jurisdiction.is_empty() && explanation.case_jurisdiction.is_empty() {
            return;
        }
        self.title(out, tr("Jurisdiction"));
        for item in &explanation.case_jurisdiction {
            self.line(out, 1, item);
        }
        for section in &explanation.jurisdiction {
            self.line(
                out,
                1,
                &trf(
                    "{section}: agency {agency}; court {court}",
                    &[
                        ("section", &section.citation),
                        ("agency", &choice(&section.agency)),
                        ("court", &choice(&section.court)),
                    ],
                ),
            );
        }
        out.push('\n');
    }

    /// The overlaps, their sections by citation.
    fn overlaps(&self, out: &mut String, explanation: &Explanation) {
        if explanation.overlaps.is_empty() {
            return;
        }
        self.title(out, tr("Overlaps"));
        for overlap in &explanation.overlaps {
            let sections: Vec<&str> = (overlap.sections.iter())
                .map(|id| {
                    explanation
                        .cited
                        .get(id)
                        .map_or(id.as_str(), String::as_str)
                })
                .collect();
            let cite = overlap
                .cite
                .as_deref()
                .map(|c| format!(" [{c}]"))
                .unwrap_or_default();
            let said = trf(
                "{kind} of {sections}: {note}",
                &[
                    ("kind", &crate::i18n::law::family_words(overlap.kind)),
                    ("sections", &sections.join(", ")),
                    ("note", &overlap.note),
                ],
            );
            self.line(out, 1, &format!("{said}{cite}"));
        }
        out.push('\n');
    }
}

/// A flip as a sentence: the section, which way it turns, and the changes that turn it.
fn flip_sentence(flip: &FlipTrace) -> String {
    let changes = flip.changes.join(tr(" and "));
    let args = [
        ("section", flip.section.as_str()),
        ("changes", changes.as_str()),
    ];
    match flip.to {
        Status::Applies => trf("{section} would apply if {changes}", &args),
        Status::MayApply | Status::DoesNotApply => {
            trf("{section} would stop applying if {changes}", &args)
        }
    }
}

fn fact_lines(
    out: &mut String,
    line: &impl Fn(&mut String, usize, &str),
    style: Style,
    depth: usize,
    fact: &FactTrace,
) {
    let at = fact
        .given_at
        .as_deref()
        .map(|at| format!("  ({})", style.case_text(at)))
        .unwrap_or_default();
    let value = if fact.value.is_null() {
        tr("unknown").to_owned()
    } else {
        style.case_text(&fact.value.to_string()).into_owned()
    };
    match &fact.derived {
        Some(derived) => {
            line(
                out,
                depth,
                &format!("{} = {value}: {}", fact.fact, derived.cite),
            );
            for from in &derived.from {
                fact_lines(out, line, style, depth + 1, from);
            }
        }
        None => line(out, depth, &format!("{} = {value}{at}", fact.fact)),
    }
}

fn choice<T: Forum>(choice: &ChoiceReport<T>) -> String {
    match choice.id {
        Some(id) => format!(
            "{} ({})",
            id.name(),
            choice.reason.as_deref().unwrap_or_default()
        ),
        None => {
            let ids: Vec<&str> = choice.options.iter().map(|o| o.id.name()).collect();
            trf(
                "{options} depending on {facts}",
                &[
                    ("options", &ids.join(tr(" or "))),
                    ("facts", &choice.deciding.join(", ")),
                ],
            )
        }
    }
}
