//! `--format html`: one self-contained page (inline CSS, no script, no fonts or images fetched)
//! for `eval`, `explain` and `overlaps`, to hand out or project in a training room and to print.
//! Reads the same report structs as the JSON and table renderers; decides nothing about the law.
//! Every piece of text goes through [`escape`]: the [`Markup`] type holds only escaped HTML.

mod explain;
mod overlaps;

pub use explain::explain_page;
pub use overlaps::overlaps_page;

use super::Evaluated;
use super::json::{CaseReport, ChoiceReport, LawInfo, OverlapReport, SectionReport};
use crate::model::Program;
use crate::statute::{Agency, Court};

/// A case report with the facts the case file gives, for a page.
#[derive(Debug)]
pub struct CasePage {
    /// The report every format shares.
    pub report: CaseReport,
    /// The facts the case file gives, in vocabulary order.
    pub facts: Vec<GivenFact>,
}

/// A fact the case file gives.
#[derive(Debug)]
pub struct GivenFact {
    /// Dotted name.
    pub fact: String,
    /// The question it answers.
    pub question: String,
    /// Its value, in words.
    pub value: String,
}

/// Builds the page data for one evaluated case.
pub fn case_page(program: &Program, evaluated: &Evaluated<'_>) -> CasePage {
    let values = &evaluated.case.values;
    let facts = (0..program.facts.len())
        .filter(|&id| values[id].is_some())
        .map(|id| {
            let value = super::json::fact_value(program, values, id);
            GivenFact {
                fact: value.fact,
                question: program.facts[id].question.clone().unwrap_or_default(),
                value: value_text(&value.value),
            }
        })
        .collect();
    CasePage {
        report: super::json::case_report(program, evaluated),
        facts,
    }
}

/// The page for `tipnav eval`: every case, each starting on a new printed page.
pub fn eval_page(pages: &[CasePage]) -> String {
    let title = match pages {
        [one] => one
            .report
            .case
            .title
            .clone()
            .unwrap_or_else(|| one.report.case.file.clone()),
        many => format!("{} cases", many.len()),
    };
    let mut body = Markup::default();
    for page in pages {
        body.push(case_article(page));
    }
    document(&title, "", &body)
}

/// HTML-escapes text for element content and double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A fragment of HTML in which all text is escaped. Only the helpers below build one, from
/// escaped text and tag names, classes and attribute names written in this module.
#[derive(Debug, Clone, Default)]
struct Markup(String);

impl Markup {
    fn push(&mut self, other: Markup) {
        self.0.push_str(&other.0);
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Escaped text.
fn text(text: &str) -> Markup {
    Markup(escape(text))
}

/// `<tag class="...">inner</tag>`; the class is a literal of this module.
fn el(tag: &'static str, class: &'static str, inner: Markup) -> Markup {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    Markup(format!("<{tag}{class}>{}</{tag}>", inner.0))
}

/// Fragments one after another, with a literal separator.
fn join(parts: impl IntoIterator<Item = Markup>, separator: &'static str) -> Markup {
    Markup(
        parts
            .into_iter()
            .map(|m| m.0)
            .collect::<Vec<_>>()
            .join(separator),
    )
}

fn concat<const N: usize>(parts: [Markup; N]) -> Markup {
    join(parts, "")
}

fn code(id: &str) -> Markup {
    el("code", "", text(id))
}

/// A table with a header row; empty cells stay empty.
fn table(
    class: &'static str,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<Markup>>,
) -> Markup {
    let head = join(header.iter().map(|h| el("th", "", text(h))), "");
    let body = join(
        rows.into_iter().map(|cells| {
            el(
                "tr",
                "",
                join(cells.into_iter().map(|c| el("td", "", c)), ""),
            )
        }),
        "\n",
    );
    el(
        "table",
        class,
        concat([el("thead", "", el("tr", "", head)), el("tbody", "", body)]),
    )
}

/// A `<section>` with a heading, left out when it has nothing in it.
fn section(heading: &str, content: Markup) -> Markup {
    if content.is_empty() {
        return Markup::default();
    }
    el(
        "section",
        "",
        concat([el("h2", "", text(heading)), content]),
    )
}

/// A status of a section (`applies`...) or an element (`met`...), as a badge that keeps its
/// word when printed in black and white.
fn badge(status: &str) -> Markup {
    let (class, word) = match status {
        "applies" => ("badge applies", "applies"),
        "may_apply" => ("badge may-apply", "may apply"),
        "does_not_apply" => ("badge not-apply", "does not apply"),
        "met" => ("badge met", "✓ met"),
        "not_met" => ("badge not-met", "✗ not met"),
        "unknown" => ("badge unknown", "? unknown"),
        other => return el("span", "badge", text(other)),
    };
    el("span", class, text(word))
}

/// A link for an http(s) source, plain text for anything else (never a `javascript:` URL).
fn link(url: &str) -> Markup {
    if url.starts_with("https://") || url.starts_with("http://") {
        Markup(format!("<a href=\"{0}\">{0}</a>", escape(url)))
    } else {
        text(url)
    }
}

/// A court or agency id with the name a reader expects.
fn forum(id: &str) -> Markup {
    let name = Court::ALL
        .iter()
        .find(|c| c.id() == id)
        .map(|c| c.name())
        .or_else(|| Agency::ALL.iter().find(|a| a.id() == id).map(|a| a.name()));
    match name {
        Some(name) => concat([el("strong", "", text(name)), text(" "), code(id)]),
        None => code(id),
    }
}

/// A fact value as a case file would give it, in words.
fn value_text(value: &serde_json::Value) -> String {
    use serde_json::Value as Json;
    match value {
        Json::Null => "unknown".to_owned(),
        Json::Bool(true) => "yes".to_owned(),
        Json::Bool(false) => "no".to_owned(),
        Json::String(s) => s.clone(),
        Json::Array(items) if items.is_empty() => "none".to_owned(),
        Json::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// The whole document: one page, styles inline, and a policy that forbids any fetch.
fn document(title: &str, extra_css: &'static str, body: &Markup) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}{extra_css}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        escape(title),
        body.0
    )
}

/// The header every page carries: what it is, the disclaimer, and the law it used.
fn header(title: &str, items: Vec<(&str, Markup)>, tipnav: &str, law: &LawInfo) -> Markup {
    let mut rows: Vec<(&str, Markup)> = items;
    rows.push(("tipnav", text(tipnav)));
    rows.push(("Law digest", code(&law.digest)));
    let overlays = if law.amendments.is_empty() {
        text("none: the law as shipped")
    } else {
        join(
            law.amendments.iter().map(|a| {
                el(
                    "span",
                    "warning",
                    text(&format!(
                        "{} ({}, from {}; {}): NOT the law as enacted unless its status is enacted",
                        a.title, a.status, a.effective, a.key
                    )),
                )
            }),
            "<br>",
        )
    };
    rows.push(("Overlays", overlays));
    let meta = join(
        rows.into_iter()
            .map(|(term, value)| concat([el("dt", "", text(term)), el("dd", "", value)])),
        "\n",
    );
    el(
        "header",
        "",
        concat([
            el("h1", "", text(title)),
            el("dl", "meta", meta),
            el(
                "p",
                "disclaimer",
                text(
                    "Not legal advice: a research and training aid. Check every result against the official text.",
                ),
            ),
        ]),
    )
}

fn footer(tipnav: &str, law: &LawInfo) -> Markup {
    el(
        "footer",
        "",
        text(&format!("tipnav {tipnav} · law {}", law.digest)),
    )
}

/// One case of `tipnav eval`.
fn case_article(page: &CasePage) -> Markup {
    let report = &page.report;
    let with_status = |status: &str| -> Vec<&SectionReport> {
        report
            .sections
            .iter()
            .filter(|s| s.status == status)
            .collect()
    };
    let (applying, possible) = (with_status("applies"), with_status("may_apply"));
    let mut body = header(
        report.case.title.as_deref().unwrap_or("Untitled case"),
        case_items(report),
        report.tipnav,
        &report.law,
    );
    body.push(summary(report));
    body.push(section("Case facts", facts_table(&page.facts)));
    let applies = if applying.is_empty() {
        el("p", "", text("No section applies on these facts."))
    } else {
        join(applying.iter().map(|s| section_card(s)), "\n")
    };
    body.push(section("Sections that apply", applies));
    body.push(section(
        "Sections that may apply, on facts not given",
        join(possible.iter().map(|s| section_card(s)), "\n"),
    ));
    let not_applying = super::table::not_applying_summary(report);
    if !not_applying.is_empty() {
        body.push(el(
            "p",
            "",
            text(&format!("Sections that do not apply, {not_applying}.")),
        ));
    }
    body.push(section("Jurisdiction", jurisdiction(report)));
    body.push(section("Overlaps", overlaps_table(&report.overlaps)));
    body.push(section(
        "Victim protection and referral",
        protections(report),
    ));
    body.push(section(
        "Unknown facts that would change the answer",
        unknown(report),
    ));
    if let Some(alternative) = &report.alternative {
        body.push(section(
            &format!(
                "If the amendments whose day is unknown ({}) were already in force",
                alternative.date_keys.join(", ")
            ),
            alternative_table(alternative),
        ));
    }
    body.push(section(
        "Notes",
        join(report.notes.iter().map(|n| el("li", "", text(n))), "\n"),
    ));
    let reaching: Vec<&SectionReport> = applying.into_iter().chain(possible).collect();
    body.push(section("Sources", sources(&reaching, report)));
    body.push(footer(report.tipnav, &report.law));
    el("article", "case", body)
}

fn case_items(report: &CaseReport) -> Vec<(&'static str, Markup)> {
    let date = match report.case.date_source {
        "today" => format!(
            "in force today, {} (the case gives no date)",
            report.case.date
        ),
        _ => format!("in force on {}, the case date", report.case.date),
    };
    vec![("Case file", code(&report.case.file)), ("Law", text(&date))]
}

/// The answer at a glance: what applies, who leads, which court.
fn summary(report: &CaseReport) -> Markup {
    let ids = |status: &str| {
        let ids: Vec<Markup> = report
            .sections
            .iter()
            .filter(|s| s.status == status)
            .map(|s| code(&s.id))
            .collect();
        if ids.is_empty() {
            text("none")
        } else {
            join(ids, ", ")
        }
    };
    let lead = report
        .jurisdiction
        .agencies
        .iter()
        .filter(|a| a.role == "lead")
        .map(|a| forum(a.id));
    let court = report.jurisdiction.court.as_ref().map(|c| forum(c.id));
    let rows = [
        ("Applies", ids("applies")),
        ("May apply", ids("may_apply")),
        ("Lead agency", join(lead, ", ")),
        (
            "Court for the case",
            court.unwrap_or_else(|| text("none named")),
        ),
    ];
    let items = join(
        rows.into_iter()
            .map(|(term, value)| concat([el("dt", "", text(term)), el("dd", "", value)])),
        "\n",
    );
    el("dl", "summary", items)
}

/// The facts, a small table per part of the case file (`[victim]`, `[conduct]`...) side by
/// side; each fact's question shows on hover.
fn facts_table(facts: &[GivenFact]) -> Markup {
    if facts.is_empty() {
        return el("p", "", text("The case file gives no facts."));
    }
    let mut groups: Vec<(&str, Vec<&GivenFact>)> = Vec::new();
    for fact in facts {
        let (group, _) = fact.fact.split_once('.').unwrap_or(("case", &fact.fact));
        match groups.last_mut() {
            Some((last, members)) if *last == group => members.push(fact),
            _ => groups.push((group, vec![fact])),
        }
    }
    let tables = groups.into_iter().map(|(group, members)| {
        let rows = join(
            members.iter().map(|f| {
                let name = f.fact.split_once('.').map_or(f.fact.as_str(), |(_, n)| n);
                Markup(format!(
                    "<tr title=\"{}\"><th>{}</th><td>{}</td></tr>",
                    escape(&f.question),
                    code(name).0,
                    escape(&f.value)
                ))
            }),
            "\n",
        );
        el(
            "table",
            "facts",
            concat([
                el("caption", "", text(&format!("[{group}]"))),
                el("tbody", "", rows),
            ]),
        )
    });
    el("div", "fact-groups", join(tables, "\n"))
}

/// One section that applies or may apply: its elements, penalty, procedure and source.
fn section_card(section: &SectionReport) -> Markup {
    let mut heading = concat([
        code(&section.id),
        text(&format!(" {} — {} ", section.instrument, section.heading)),
    ]);
    heading.push(badge(section.status));
    let mut about = Vec::new();
    if let Some(base) = &section.variant_of {
        about.push(format!("a variant of {base}"));
    }
    if let Some(version) = &section.version {
        let certainty = if version.certain {
            ""
        } else {
            " (uncertain: the case date falls in an amendment's window)"
        };
        about.push(format!(
            "text in force from {}{certainty}",
            version.in_force_from
        ));
    }
    let mut body = concat([
        el("h3", "", heading),
        el("p", "muted", text(&about.join(" · "))),
    ]);
    if let Some(version) = &section.version {
        body.push(el("p", "", text(&version.summary)));
    }
    let territory = section.territory.iter().map(|t| {
        vec![
            text("territory"),
            badge(t.status),
            text(&format!("the instrument extends to {} only", t.province)),
            text("case.province"),
        ]
    });
    let elements = section.elements.iter().map(|e| {
        let facts = join(
            e.facts.iter().map(|f| {
                let class = if f.value.is_null() {
                    "fact unknown-fact"
                } else {
                    "fact"
                };
                el(
                    "span",
                    class,
                    text(&format!("{} = {}", f.fact, value_text(&f.value))),
                )
            }),
            "<br>",
        );
        let mut rule = text(&e.cite);
        if let Some(waiver) = &e.waived_by {
            rule.push(el(
                "div",
                "waiver",
                text(&format!("met without proof: {waiver}")),
            ));
        }
        if let Some(base) = &e.inherited_from {
            rule.push(el("div", "muted", text(&format!("from {base}"))));
        }
        vec![
            el("strong", "", text(&e.name)),
            badge(e.status),
            facts,
            rule,
        ]
    });
    body.push(table(
        "elements",
        &["Element", "Status", "Facts", "Rule"],
        territory.chain(elements),
    ));
    body.push(penalty(section));
    if let Some(note) = &section.note {
        body.push(el("p", "note", text(note)));
    }
    let class = match section.status {
        "applies" => "card applies",
        "may_apply" => "card may-apply",
        _ => "card",
    };
    el("div", class, body)
}

fn penalty(section: &SectionReport) -> Markup {
    let mut items = Vec::new();
    if let Some(penalty) = &section.penalty {
        items.push(concat([
            el("dt", "", text("Penalty")),
            el("dd", "", text(&penalty.text)),
        ]));
    }
    if let Some(p) = &section.procedure {
        let words = crate::statute::procedure_text(p.cognizable, p.bailable, p.compoundable);
        items.push(concat([
            el("dt", "", text("Procedure")),
            el("dd", "", text(&words)),
        ]));
    }
    if let (Some(court), Some(agency)) = (section.court, section.agency) {
        let value = concat([forum(court), text("; investigated by "), forum(agency)]);
        items.push(concat([
            el("dt", "", text("Statute default")),
            el("dd", "", value),
        ]));
    }
    el("dl", "penalty", join(items, "\n"))
}

/// The joint-trial answer in words.
fn joint_trial(id: &str) -> &'static str {
    match id {
        "together" => "One court may try every charge together.",
        "separately" => {
            "The charges must be tried separately: a charge only its own court may try."
        }
        _ => "Whether one court may try every charge together is open: no rule found settles it.",
    }
}

fn jurisdiction(report: &CaseReport) -> Markup {
    let jurisdiction = &report.jurisdiction;
    let mut body = Markup::default();
    if let Some(court) = &jurisdiction.court {
        let mut lines = vec![
            concat([text("Court for the case: "), forum(court.id)]),
            el("span", "muted", text(&court.reason)),
        ];
        if court.conflict {
            lines.push(el(
                "strong",
                "warning",
                text("Forum conflict: the sections go to different courts."),
            ));
        }
        lines.push(concat([
            el("strong", "", text("Joint trial: ")),
            text(joint_trial(court.joint_trial)),
        ]));
        body.push(el("p", "court", join(lines, "<br>")));
    }
    if !jurisdiction.agencies.is_empty() {
        body.push(table(
            "agencies",
            &["Agency", "Role", "Why", "Sections"],
            jurisdiction.agencies.iter().map(|a| {
                vec![
                    forum(a.id),
                    el("strong", "", text(a.role)),
                    text(&a.reason),
                    join(a.sections.iter().map(|s| code(s)), ", "),
                ]
            }),
        ));
    }
    if !jurisdiction.by_section.is_empty() {
        body.push(el("h3", "", text("Each section's agency and court")));
        body.push(table(
            "by-section",
            &["Section", "Status", "Agency", "Court", "Supporting"],
            jurisdiction.by_section.iter().map(|s| {
                let support = join(s.support.iter().map(|o| forum(o.id)), ", ");
                vec![
                    code(&s.section),
                    badge(s.status),
                    choice(&s.agency),
                    choice(&s.court),
                    support,
                ]
            }),
        ));
    }
    if !jurisdiction.venues.is_empty() {
        body.push(el("h3", "", text("Candidate venues")));
        body.push(table(
            "venues",
            &["Place", "Fact", "Why"],
            jurisdiction
                .venues
                .iter()
                .map(|v| vec![text(&v.place), code(&v.fact), text(&v.reason)]),
        ));
    }
    body
}

/// A settled or open choice of agency or court.
fn choice(choice: &ChoiceReport) -> Markup {
    match choice.id {
        Some(id) => concat([
            forum(id),
            el(
                "div",
                "muted",
                text(choice.reason.as_deref().unwrap_or_default()),
            ),
        ]),
        None => {
            let options = join(choice.options.iter().map(|o| forum(o.id)), " or ");
            concat([
                options,
                el(
                    "div",
                    "muted",
                    text(&format!("depends on {}", choice.deciding.join(", "))),
                ),
            ])
        }
    }
}

/// Overlaps among a case's sections (eval and explain).
fn overlaps_table(overlaps: &[OverlapReport]) -> Markup {
    if overlaps.is_empty() {
        return Markup::default();
    }
    table(
        "overlaps",
        &["Kind", "Sections", "Note", "Citation"],
        overlaps.iter().map(|o| {
            let mut kind = el("strong", "", text(&o.kind.replace('_', " ")));
            if !o.certain {
                kind.push(text(" (possible)"));
            }
            if !o.declared {
                kind.push(el("div", "muted", text("found by tipnav")));
            }
            vec![
                kind,
                join(o.sections.iter().map(|s| code(s)), " + "),
                text(&o.note),
                text(o.cite.as_deref().unwrap_or_default()),
            ]
        }),
    )
}

fn protections(report: &CaseReport) -> Markup {
    if report.protections.is_empty() {
        return Markup::default();
    }
    table(
        "protections",
        &["Section", "Status", "What it gives the victim", "Rule"],
        report.protections.iter().map(|p| {
            vec![
                concat([
                    code(&p.section),
                    el("div", "", text(&format!("{} {}", p.instrument, p.heading))),
                ]),
                badge(p.status),
                text(&p.summary),
                text(&p.cite),
            ]
        }),
    )
}

fn unknown(report: &CaseReport) -> Markup {
    if report.unknown.is_empty() {
        return Markup::default();
    }
    table(
        "unknown",
        &["Fact", "Question", "Affects"],
        report.unknown.iter().map(|u| {
            vec![
                code(&u.fact),
                text(&u.question),
                join(u.affects.iter().map(|s| code(s)), ", "),
            ]
        }),
    )
}

fn alternative_table(alternative: &super::json::AlternativeReport) -> Markup {
    let rows = alternative.sections.iter().map(|s| {
        vec![
            code(&s.id),
            badge(s.status),
            badge(s.later_status),
            text(s.later_penalty.as_deref().unwrap_or_default()),
        ]
    });
    let mut body = table(
        "alternative",
        &["Section", "Before", "After", "Penalty after"],
        rows,
    );
    let lead = alternative.lead_agency.map_or_else(|| text("none"), forum);
    let court = alternative.court.map_or_else(|| text("none"), forum);
    body.push(el(
        "p",
        "",
        concat([
            text("Under that law: lead agency "),
            lead,
            text(", court for the case "),
            court,
            text("."),
        ]),
    ));
    body
}

/// Where each section's text comes from and how far it is verified; unverified fields stand out.
fn sources(sections: &[&SectionReport], report: &CaseReport) -> Markup {
    let sections = sections.iter().map(|s| {
        (
            code(&s.id),
            s.verified.unwrap_or("unverified"),
            &s.unverified,
            s.source.as_deref().unwrap_or_default(),
        )
    });
    let protections = report.protections.iter().map(|p| {
        (
            code(&p.section),
            p.verified,
            &p.unverified,
            p.source.as_str(),
        )
    });
    let rows: Vec<Vec<Markup>> = sections
        .chain(protections)
        .map(|(id, verified, unverified, source)| {
            vec![id, verification(verified, unverified), link(source)]
        })
        .collect();
    if rows.is_empty() {
        return Markup::default();
    }
    table("sources", &["Section", "Verification", "Source"], rows)
}

/// `official-text`, `secondary` or `unverified`, with the fields the sources do not settle.
fn verification(verified: &str, unverified: &[String]) -> Markup {
    let class = if verified == "unverified" {
        "unverified"
    } else {
        "verified"
    };
    let mut out = el("span", class, text(verified));
    if !unverified.is_empty() {
        out.push(el(
            "div",
            "unverified",
            text(&format!("UNVERIFIED: {}", unverified.join(", "))),
        ));
    }
    out
}

/// Light colours only: projectors wash out dark themes and printers waste toner on them.
const CSS: &str = r#"
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #c9ced6; --head: #eef1f5;
  --ok: #e3f4e6; --ok-ink: #1d6b2c; --maybe: #fff3d6; --maybe-ink: #7a5200;
  --no: #fde4e1; --no-ink: #9b1c12; --warn: #9b1c12; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px 32px; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.8em; margin: 0 0 .4em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05em; margin: .2em 0 .4em; }
code { font: .92em/1.3 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
pre { font: 12px/1.35 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; margin: .3em 0; white-space: pre-wrap; }
a { color: #0b4f8a; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
dl.meta, dl.summary, dl.penalty { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: .4em 0; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; }
dl.summary { font-size: 1.1em; background: #f6f8fa; border: 1px solid var(--rule); border-left: 6px solid #0b4f8a; padding: 12px 16px; margin: 1em 0; }
dl.summary dt { color: var(--ink); }
.disclaimer { color: var(--muted); font-style: italic; margin: .3em 0 0; }
.muted { color: var(--muted); font-size: .92em; }
.warning { color: var(--warn); }
.note { border-left: 3px solid var(--rule); padding-left: 10px; color: var(--muted); }
.card { border: 1px solid var(--rule); border-left: 6px solid var(--rule); border-radius: 4px; padding: 10px 14px; margin: 0 0 14px; }
.card.applies { border-left-color: var(--ok-ink); }
.card.may-apply { border-left-color: #c98a00; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 6px; font-size: .85em; font-weight: 600; white-space: nowrap; }
.badge.applies, .badge.met { background: var(--ok); color: var(--ok-ink); }
.badge.may-apply, .badge.unknown { background: var(--maybe); color: var(--maybe-ink); }
.badge.not-apply { background: #f0f0f0; color: var(--muted); }
.badge.not-met { background: var(--no); color: var(--no-ink); }
.unknown-fact { color: var(--maybe-ink); font-style: italic; }
.fact { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
.waiver { color: var(--ok-ink); margin-top: 4px; }
.verified { color: var(--ok-ink); }
.unverified { color: var(--no-ink); font-weight: 700; }
.court { font-size: 1.05em; }
ul.trace, ul.trace ul { margin: 0; padding-left: 1.1em; }
.fact-groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 0 16px; align-items: start; }
table.facts { margin: 0 0 10px; }
table.facts caption { text-align: left; font-weight: 600; color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; padding: 2px 0; }
table.facts th { width: 45%; background: #f6f8fa; font-weight: normal; }
table.facts td { font-weight: 600; }
footer { margin-top: 2em; padding-top: .5em; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85em; }
article.case + article.case { margin-top: 3em; border-top: 4px double var(--rule); }
@media print {
  @page { margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; background: #fff; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .card, dl.summary, header { break-inside: avoid; page-break-inside: avoid; }
  article.case + article.case { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  a { color: var(--ink); text-decoration: none; }
  details > summary { display: none; }
}
"#;
