//! The parts of a case page that `eval` and `explain` share: the answer at a glance, the facts,
//! jurisdiction, overlaps, protections, unknowns and sources.

use super::{
    Markup, code, concat, el, escape, forum, join, link, status_badge, table, text, value_text,
};
use crate::eval::SectionOutcome;
use crate::explain::FlipSearch;
use crate::i18n::{tr, trf};
use crate::model::Program;
use crate::output::Evaluated;
use crate::output::explain::{FlipSearchTrace, FlipTrace};
use crate::output::json::{
    AgencyReport, AlternativeReport, CaseReport, ChoiceReport, CourtReport, OverlapReport, Role,
    SectionJurisdictionReport, SectionReport, Status, VenueReport,
};
use crate::output::text::Forum;
use crate::resolve::JointTrial;

/// A case report with the facts the case file gives, for a page.
#[derive(Debug)]
pub struct CasePage {
    /// The report every format shares.
    pub report: CaseReport,
    /// The facts the case file gives, in vocabulary order.
    pub facts: Vec<GivenFact>,
    /// What would change each section shown, when the flips were searched.
    pub flips: Vec<SectionFlips>,
}

/// The smallest changes that flip one section, as `explain --flip` finds them.
#[derive(Debug)]
pub struct SectionFlips {
    /// The flips, smallest first.
    pub flips: Vec<FlipTrace>,
    /// How far the search went.
    pub search: FlipSearchTrace,
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
    let facts = (program.fact_ids())
        .filter(|&id| values[id].is_some())
        .map(|id| {
            let value = crate::output::json::fact_value(program, values, id);
            GivenFact {
                value: value_text(&value.fact, &value.value),
                question: program.facts[id].question.clone().unwrap_or_default(),
                fact: value.fact,
            }
        })
        .collect();
    CasePage {
        report: crate::output::json::case_report(program, evaluated),
        facts,
        flips: evaluated
            .flips
            .iter()
            .map(|(index, search)| {
                section_flips(program, &evaluated.outcome.sections[*index], search)
            })
            .collect(),
    }
}

/// A section's flip search as the explanation reports it.
fn section_flips(program: &Program, section: &SectionOutcome, search: &FlipSearch) -> SectionFlips {
    let (flips, search) = crate::output::explain::flip_traces(program, section, search);
    SectionFlips { flips, search }
}

/// The answer at a glance: what applies, who leads, which court. Of the sections that may
/// apply it names the closest, as the terminal report does, and counts the others: on a case
/// with few facts given they are most of the law, which the details list.
pub(super) fn summary(report: &CaseReport) -> Markup {
    let citations = |status: Status| {
        let (sections, more) = match status {
            Status::MayApply => crate::output::table::closest(report.with_status(status), false),
            _ => (report.with_status(status), 0),
        };
        // Citations as lawyers write them; ids are for machines (the JSON keeps them).
        let mut citations: Vec<Markup> = (sections.iter())
            .map(|s| el("span", "cite", text(&s.citation)))
            .collect();
        if more > 0 {
            citations.push(text(&trf("{n} more", &[("n", &more.to_string())])));
        }
        if citations.is_empty() {
            text(tr("none"))
        } else {
            join(citations, ", ")
        }
    };
    let lead = report
        .jurisdiction
        .agencies
        .iter()
        .filter(|a| a.role == Role::Lead)
        .map(|a| forum(a.id));
    let court = report.jurisdiction.court.as_ref().map(|c| forum(c.id));
    let rows = [
        (tr("Applies"), citations(Status::Applies)),
        (tr("May apply"), citations(Status::MayApply)),
        (tr("Lead agency"), join(lead, ", ")),
        (
            tr("Court for the case"),
            court.unwrap_or_else(|| text(tr("none named"))),
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
pub(super) fn facts_table(facts: &[GivenFact]) -> Markup {
    if facts.is_empty() {
        return el("p", "", text(tr("The case file gives no facts.")));
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
                    "<tr title=\"{}\"><th>{}</th><td><bdi>{}</bdi></td></tr>",
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
                el("caption", "", code(&format!("[{group}]"))),
                el("tbody", "", rows),
            ]),
        )
    });
    el("div", "fact-groups", join(tables, "\n"))
}

/// The joint-trial answer in words.
pub(super) fn joint_trial(joint: JointTrial) -> &'static str {
    match joint {
        JointTrial::Together => tr("One court may try every charge together."),
        JointTrial::Separately => {
            tr("The charges must be tried separately: a charge only its own court may try.")
        }
        JointTrial::Open => {
            tr("Whether one court may try every charge together is open: no rule found settles it.")
        }
    }
}

pub(super) fn jurisdiction(report: &CaseReport) -> Markup {
    let jurisdiction = &report.jurisdiction;
    let mut body = Markup::default();
    if let Some(court) = &jurisdiction.court {
        body.push(court_paragraph(court));
    }
    if !jurisdiction.agencies.is_empty() {
        body.push(agencies_table(&jurisdiction.agencies));
    }
    if !jurisdiction.by_section.is_empty() {
        body.push(el("h3", "", text(tr("Each section's agency and court"))));
        body.push(by_section_table(&jurisdiction.by_section));
    }
    if !jurisdiction.venues.is_empty() {
        body.push(el("h3", "", text(tr("Candidate venues"))));
        body.push(venues_table(&jurisdiction.venues));
    }
    body
}

/// The court for the case, why, whether the charges may be tried together, and the later
/// forum the law names now, if any.
fn court_paragraph(court: &CourtReport) -> Markup {
    let mut lines = vec![
        concat([text(tr("Court for the case: ")), forum(court.id)]),
        el("span", "muted", text(&court.reason)),
    ];
    if court.conflict {
        lines.push(el(
            "strong",
            "warning",
            text(tr("Forum conflict: the sections go to different courts.")),
        ));
    }
    lines.push(concat([
        el("strong", "", text(tr("Joint trial: "))),
        text(joint_trial(court.joint_trial)),
    ]));
    if let Some(later) = &court.later {
        lines.push(concat([
            el(
                "strong",
                "warning",
                text(crate::i18n::tr("Or the court the law names now: ")),
            ),
            forum(later.id),
        ]));
        lines.push(el("span", "muted", text(&later.reason)));
    }
    el("p", "court", join(lines, "<br>"))
}

/// The agencies, each with its role, why, and the sections it serves for.
fn agencies_table(agencies: &[AgencyReport]) -> Markup {
    table(
        "agencies",
        &[tr("Agency"), tr("Role"), tr("Why"), tr("Sections")],
        agencies.iter().map(|a| {
            vec![
                forum(a.id),
                el("strong", "", text(tr(a.role.id()))),
                text(&a.reason),
                join(a.sections.iter().map(|s| code(s)), ", "),
            ]
        }),
    )
}

/// Each section's status, agency, court and supporting agencies.
fn by_section_table(by_section: &[SectionJurisdictionReport]) -> Markup {
    table(
        "by-section",
        &[
            tr("Section"),
            tr("Status"),
            tr("Agency"),
            tr("Court"),
            tr("Supporting"),
        ],
        by_section.iter().map(|s| {
            let support = join(s.support.iter().map(|o| forum(o.id)), ", ");
            vec![
                code(&s.section),
                status_badge(s.status),
                choice(&s.agency),
                choice(&s.court),
                support,
            ]
        }),
    )
}

/// The candidate venues: each place, the fact that names it, and why it is one.
fn venues_table(venues: &[VenueReport]) -> Markup {
    table(
        "venues",
        &[
            crate::i18n::tr("Place"),
            crate::i18n::tr("Fact"),
            crate::i18n::tr("Why"),
        ],
        venues.iter().map(|v| {
            let why = if v.depends_on.is_empty() {
                text(&v.reason)
            } else {
                text(&crate::i18n::trf(
                    "{reason}; possible, depending on {facts}",
                    &[("reason", &v.reason), ("facts", &v.depends_on.join(", "))],
                ))
            };
            // The place as the case file names it, isolated from the page's direction.
            let place = Markup(format!("<bdi>{}</bdi>", escape(&v.place)));
            vec![place, code(&v.fact), why]
        }),
    )
}

/// A settled or open choice of agency or court.
pub(super) fn choice<T: Forum>(choice: &ChoiceReport<T>) -> Markup {
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
            let options = join(choice.options.iter().map(|o| forum(o.id)), tr(" or "));
            concat([
                options,
                el(
                    "div",
                    "muted",
                    text(&trf(
                        "depends on {facts}",
                        &[("facts", &choice.deciding.join(", "))],
                    )),
                ),
            ])
        }
    }
}

/// Overlaps among a case's sections (eval and explain).
pub(super) fn overlaps_table(overlaps: &[OverlapReport]) -> Markup {
    if overlaps.is_empty() {
        return Markup::default();
    }
    table(
        "overlaps",
        &[tr("Kind"), tr("Sections"), tr("Note"), tr("Citation")],
        overlaps.iter().map(|o| {
            let mut kind = el("strong", "", text(&crate::i18n::law::family_words(o.kind)));
            if !o.certain {
                kind.push(text(tr(" (possible)")));
            }
            if !o.declared {
                kind.push(el("div", "muted", text(tr("found by tipnav"))));
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

pub(super) fn protections(report: &CaseReport) -> Markup {
    if report.protections.is_empty() {
        return Markup::default();
    }
    table(
        "protections",
        &[
            tr("Section"),
            tr("Status"),
            tr("What it gives the victim"),
            tr("Rule"),
        ],
        report.protections.iter().map(|p| {
            vec![
                concat([text(&p.citation), el("div", "", text(&p.heading))]),
                status_badge(p.status),
                text(&p.summary),
                text(&p.cite),
            ]
        }),
    )
}

pub(super) fn unknown(report: &CaseReport) -> Markup {
    if report.unknown.is_empty() {
        return Markup::default();
    }
    table(
        "unknown",
        &[tr("Fact"), tr("Question"), tr("Affects")],
        report.unknown.iter().map(|u| {
            vec![
                code(&u.fact),
                text(&u.question),
                text(&u.affects_cited.join(", ")),
            ]
        }),
    )
}

pub(super) fn alternative_table(alternative: &AlternativeReport) -> Markup {
    let rows = alternative.sections.iter().map(|s| {
        vec![
            code(&s.id),
            status_badge(s.status),
            status_badge(s.later_status),
            text(s.later_penalty.as_deref().unwrap_or_default()),
        ]
    });
    let mut body = table(
        "alternative",
        &[
            tr("Section"),
            tr("Before"),
            tr("After"),
            tr("Penalty after"),
        ],
        rows,
    );
    let lead = alternative
        .lead_agency
        .map_or_else(|| text(tr("none settled")), forum);
    let court = (alternative.court).map_or_else(|| text(tr("none settled")), forum);
    body.push(el(
        "p",
        "",
        concat([
            text(tr("Under that law: lead agency ")),
            lead,
            text(tr(", court for the case ")),
            court,
            text(tr(".")),
        ]),
    ));
    body
}

/// Where each section's text comes from and how far it is verified; unverified fields stand out.
pub(super) fn sources(sections: &[&SectionReport], report: &CaseReport) -> Markup {
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
    table(
        "sources",
        &[tr("Section"), tr("Verification"), tr("Source")],
        rows,
    )
}

/// `official-text`, `secondary` or `unverified`, with the fields the sources do not settle said
/// in a sentence, as the tables say them ("the start date is not verified").
pub(super) fn verification(verified: &str, unverified: &[String]) -> Markup {
    let class = if verified == "unverified" {
        "unverified"
    } else {
        "verified"
    };
    let mut out = el("span", class, text(verification_word(verified)));
    if !unverified.is_empty() {
        out.push(el(
            "div",
            "unverified",
            text(&crate::statute::unverified_sentence(unverified)),
        ));
    }
    out
}

/// A verification label (`official-text`, `secondary`, `unverified`) as the page shows it.
fn verification_word(verified: &str) -> &str {
    match verified {
        "official-text" => tr("official-text"),
        "secondary" => tr("secondary"),
        "unverified" => tr("unverified"),
        other => other,
    }
}
