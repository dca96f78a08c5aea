//! The page for `tipnav eval --format html`: each case with what applies and why, element by
//! element, then the parts every case page shares.

use super::case::{
    CasePage, SectionFlips, alternative_table, facts_table, jurisdiction, overlaps_table,
    protections, sources, summary, unknown,
};
use super::{
    Markup, card_class, code, concat, document, el, escape, fact_text, footer, forum, header, join,
    section, status_badge, table, text, truth_badge,
};
use crate::i18n::{tr, trf};
use crate::output::json::{
    CaseReport, ChargeSheetReport, DateSource, DecisiveReport, ElementReport, Named, SectionReport,
    Status,
};
use crate::resolve::JointTrial;

/// The page for `tipnav eval`: every case, each starting on a new printed page.
pub fn eval_page(pages: &[CasePage], all: bool) -> String {
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
        body.push(case_article(page, all));
    }
    document(&title, "", &body)
}

/// One case of `tipnav eval`.
fn case_article(page: &CasePage, all: bool) -> Markup {
    let report = &page.report;
    let applying = report.with_status(Status::Applies);
    // The closest possibilities, as the table report ranks and cuts them.
    let (possible, remote) =
        crate::output::table::closest(report.with_status(Status::MayApply), all);
    let mut body = header(
        report.case.title.as_deref().unwrap_or(tr("Untitled case")),
        case_items(report),
        report.tipnav,
        &report.law,
    );
    body.push(section(
        tr("Charge sheet"),
        charge_sheet(&report.charge_sheet),
    ));
    // The charge sheet is the handout's first pages; the details start on a page of their own
    // (print CSS), so the sheet prints alone and a reader can take it away.
    let details = case_details(page, applying, possible, remote);
    body.push(Markup(format!(
        "<div class=\"details\" id=\"{}\">{}</div>",
        details_anchor(report),
        details.0
    )));
    body.push(footer(report.tipnav, &report.law));
    el("article", "case", body)
}

/// Everything after the charge sheet: the summary, the facts, the sections, jurisdiction and
/// the parts every case page shares.
fn case_details(
    page: &CasePage,
    applying: Vec<&SectionReport>,
    possible: Vec<&SectionReport>,
    remote: usize,
) -> Markup {
    let report = &page.report;
    let mut details = Markup::default();
    details.push(summary(report));
    details.push(section(tr("Case facts"), facts_table(&page.facts)));
    details.push(section_cards(page, &applying, &possible, remote));
    details.push(section(tr("Jurisdiction"), jurisdiction(report)));
    details.push(section(tr("Overlaps"), overlaps_table(&report.overlaps)));
    details.push(section(
        tr("Victim protection and referral"),
        protections(report),
    ));
    details.push(section(
        tr("Unknown facts that would change the answer"),
        unknown(report),
    ));
    if let Some(alternative) = &report.alternative {
        details.push(section(
            &trf(
                "If the amendments whose day is unknown ({keys}) were already in force",
                &[("keys", &alternative.date_keys.join(", "))],
            ),
            alternative_table(alternative),
        ));
    }
    details.push(section(
        tr("Notes"),
        join(report.notes.iter().map(|n| el("li", "", text(n))), "\n"),
    ));
    let reaching: Vec<&SectionReport> = applying.into_iter().chain(possible).collect();
    details.push(section(tr("Sources"), sources(&reaching, report)));
    details
}

/// The cards of the sections that apply and of those that may (with how many remote ones
/// are left out), then the sections that do not apply, in one sentence.
fn section_cards(
    page: &CasePage,
    applying: &[&SectionReport],
    possible: &[&SectionReport],
    remote: usize,
) -> Markup {
    let report = &page.report;
    let mut cards = Markup::default();
    let applies = if applying.is_empty() {
        el("p", "", text(tr("No section applies on these facts.")))
    } else {
        join(applying.iter().map(|s| section_card(s, page)), "\n")
    };
    cards.push(section(tr("Sections that apply"), applies));
    let mut possible_cards = join(possible.iter().map(|s| section_card(s, page)), "\n");
    if remote > 0 {
        possible_cards.push(el(
            "p",
            "muted",
            text(&trf(
                "{n} more remote possibilities: --all",
                &[("n", &remote.to_string())],
            )),
        ));
    }
    cards.push(section(
        tr("Sections that may apply, on facts not given"),
        possible_cards,
    ));
    let not_applying = crate::output::table::not_applying_summary(report);
    if !not_applying.is_empty() {
        cards.push(el(
            "p",
            "",
            text(&format!(
                "{}{}",
                trf(
                    "Sections that do not apply, {summary}",
                    &[("summary", &not_applying)],
                ),
                tr(".")
            )),
        ));
    }
    cards
}

/// The anchor of a case's details: where the charge sheet ends (a test of its printed length
/// cuts the page there).
fn details_anchor(report: &CaseReport) -> String {
    format!("details-{}", slug(&report.case.file))
}

/// The anchor of a section's details on the page (`ppc/371-A` gives `section-ppc-371-A`).
fn anchor(id: &str) -> String {
    format!("section-{}", slug(id))
}

/// Text safe in an id attribute: ASCII letters and digits, anything else a hyphen.
fn slug(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// The charge sheet: the charges gravest first, each linked to its details further down, then
/// the court, the agencies, the protections and the decisive questions.
fn charge_sheet(sheet: &ChargeSheetReport) -> Markup {
    let mut out = charges_table(sheet);
    let lines = sheet_lines(sheet);
    out.push(join(lines.iter().map(|l| el("p", "", text(l))), "\n"));
    if !sheet.decisive.is_empty() {
        out.push(decisive_questions(&sheet.decisive));
    }
    out
}

/// The charges, each linked to its details, with penalty, procedure, court and agency.
fn charges_table(sheet: &ChargeSheetReport) -> Markup {
    let names = |named: &[Named]| {
        text(
            &named
                .iter()
                .map(|n| n.name)
                .collect::<Vec<_>>()
                .join(tr(" or ")),
        )
    };
    let rows = sheet.charges.iter().map(|c| {
        let link = Markup(format!(
            "<a href=\"#{}\"><bdi dir=\"ltr\">{}</bdi></a>",
            anchor(&c.id),
            escape(&c.citation)
        ));
        let procedure = c
            .procedure
            .as_ref()
            .map_or_else(String::new, crate::output::sheet::procedure_text);
        vec![
            concat([el("strong", "", link), el("div", "muted", text(&c.heading))]),
            text(c.penalty.as_deref().unwrap_or_default()),
            text(&procedure),
            concat([names(&c.court), el("div", "muted", names(&c.agency))]),
        ]
    });
    if sheet.charges.is_empty() {
        el("p", "", text(tr("No section applies on these facts.")))
    } else {
        table(
            "charges",
            &[
                tr("Charge"),
                tr("Penalty"),
                tr("Procedure"),
                tr("Court and agency"),
            ],
            rows,
        )
    }
}

/// The sentences under the charges: the court and joint trial, the agencies, the victim's
/// protections.
fn sheet_lines(sheet: &ChargeSheetReport) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if let Some(trial) = &sheet.trial {
        lines.push(if trial.joint_trial == JointTrial::Open {
            // The reason ends by saying the joint trial is open: say it once.
            trf(
                "Court for the case: {court}. {joint}: {reason}.",
                &[
                    ("court", trial.court.name),
                    ("joint", tr("Joint trial")),
                    ("reason", &trial.reason),
                ],
            )
        } else {
            trf(
                "Court for the case: {court}. {joint} Why: {reason}.",
                &[
                    ("court", trial.court.name),
                    ("joint", super::case::joint_trial(trial.joint_trial)),
                    ("reason", &trial.reason),
                ],
            )
        });
        if let Some(later) = &trial.later {
            lines.push(trf(
                "Or the {court}: {reason}.",
                &[("court", later.court.name), ("reason", &later.reason)],
            ));
        }
    }
    if let Some(lead) = &sheet.lead_agency {
        let supporting: Vec<&str> = sheet.supporting_agencies.iter().map(|n| n.name).collect();
        let tail = if supporting.is_empty() {
            String::new()
        } else {
            trf(
                "; supporting: {agencies}",
                &[("agencies", &supporting.join(", "))],
            )
        };
        lines.push(trf(
            "Investigation: {agency} leads{tail}.",
            &[("agency", lead.name), ("tail", &tail)],
        ));
    }
    if !sheet.protections.is_empty() {
        let listed: Vec<String> = sheet
            .protections
            .iter()
            .map(|p| match p.status {
                Status::Applies => p.citation.clone(),
                Status::MayApply | Status::DoesNotApply => {
                    trf("{citation} (may apply)", &[("citation", &p.citation)])
                }
            })
            .collect();
        lines.push(trf(
            "Victim's protections: {has}.",
            &[("has", &listed.join(", "))],
        ));
    }
    lines
}

/// The questions whose answers would change the most, each with the sections it decides.
fn decisive_questions(decisive: &[DecisiveReport]) -> Markup {
    let mut out = el("p", "", text(tr("The answers that would change the most:")));
    let items = decisive.iter().map(|q| {
        let mut item = concat([text(&q.question), text(" "), code(&q.fact)]);
        // A fact may matter to the law in force (the date) rather than to named sections.
        let affects = crate::output::sheet::affects_shown(q);
        if !affects.is_empty() {
            let decides = trf("decides {sections}", &[("sections", &affects.join(", "))]);
            item.push(el("div", "muted", text(&decides)));
        }
        el("li", "", item)
    });
    out.push(el("ol", "", join(items, "\n")));
    out
}

fn case_items(report: &CaseReport) -> Vec<(&'static str, Markup)> {
    let date = match report.case.date_source {
        DateSource::Today => trf(
            "in force today, {date}: the case gives no date; conduct before today may attract an earlier law",
            &[("date", report.case.date.as_str())],
        ),
        DateSource::Case => trf(
            "in force on {date}, the case date",
            &[("date", report.case.date.as_str())],
        ),
        DateSource::Partial => trf(
            "in force from {date}: the case gives only a year or month (see the notes)",
            &[("date", report.case.date.as_str())],
        ),
    };
    vec![
        (tr("Case file"), code(&report.case.file)),
        (tr("Law"), text(&date)),
    ]
}

/// One section that applies or may apply: its elements, penalty, procedure and source, with
/// what would change it beside them.
fn section_card(section: &SectionReport, page: &CasePage) -> Markup {
    let mut body = section_intro(section);
    body.push(elements_table(section));
    body.push(penalty(section));
    if let Some(note) = &section.note {
        body.push(el("p", "note", text(note)));
    }
    let flips = page.flips.iter().find(|f| f.search.section == section.id);
    let body = match flips {
        Some(flips) => el(
            "div",
            "card-grid",
            concat([el("div", "card-main", body), what_would_change(flips)]),
        ),
        None => body,
    };
    el("div", card_class(section.status), body)
}

/// A section card's heading (citation, id, heading, status), what text was read, and its
/// summary.
fn section_intro(section: &SectionReport) -> Markup {
    let mut heading = concat([
        Markup(format!("<a id=\"{}\"></a>", anchor(&section.id))),
        el(
            "strong",
            "",
            Markup(format!(
                "<bdi dir=\"ltr\">{}</bdi>",
                escape(&section.citation)
            )),
        ),
        text(" "),
        code(&section.id),
        text(&format!(" — {} ", section.heading)),
    ]);
    heading.push(status_badge(section.status));
    let mut about = Vec::new();
    if let Some(base) = &section.variant_of {
        about.push(trf("a variant of {base}", &[("base", base)]));
    }
    if let Some(version) = &section.version {
        let certainty = if version.certain {
            ""
        } else {
            tr(" (uncertain: the case date falls in an amendment's window)")
        };
        about.push(trf(
            "text in force from {date}{certainty}",
            &[("date", &version.in_force_from), ("certainty", certainty)],
        ));
    }
    let mut body = concat([
        el("h3", "", heading),
        el("p", "muted", text(&about.join(" · "))),
    ]);
    if let Some(version) = &section.version {
        body.push(el("p", "", text(&version.summary)));
    }
    body
}

/// The territory, if the instrument is limited to one, and each element: its status, the
/// facts it reads and the rule that states it.
fn elements_table(section: &SectionReport) -> Markup {
    let territory = section.territory.iter().map(|t| {
        vec![
            text(tr("territory")),
            truth_badge(t.status),
            text(&trf(
                "the instrument extends to {province} only",
                &[(
                    "province",
                    &crate::i18n::option_label("case.province", &t.province),
                )],
            )),
            code("case.province"),
        ]
    });
    table(
        "elements",
        &[
            crate::i18n::tr("Element"),
            crate::i18n::tr("Status"),
            crate::i18n::tr("Facts"),
            crate::i18n::tr("Rule"),
        ],
        territory.chain(section.elements.iter().map(element_row)),
    )
}

/// An element's row: its name, status, the facts it reads (unknown ones marked) and its rule,
/// with any waiver and the section it is inherited from.
fn element_row(e: &ElementReport) -> Vec<Markup> {
    let facts = join(
        e.facts.iter().map(|f| {
            let class = if f.value.is_null() {
                "fact unknown-fact"
            } else {
                "fact"
            };
            el("span", class, fact_text(&f.fact, &f.value))
        }),
        "<br>",
    );
    let mut rule = text(&e.cite);
    if let Some(waiver) = &e.waived_by {
        rule.push(el(
            "div",
            "waiver",
            text(&trf("met without proof: {waiver}", &[("waiver", waiver)])),
        ));
    }
    if let Some(base) = &e.inherited_from {
        rule.push(el(
            "div",
            "muted",
            text(&trf("(from {base})", &[("base", base)])),
        ));
    }
    vec![
        el("strong", "", text(&crate::i18n::element_label(&e.name))),
        truth_badge(e.status),
        facts,
        rule,
    ]
}

/// "What would change this": the smallest changes to the facts that flip a section, as
/// `explain --flip` finds them, for the margin of its card.
fn what_would_change(flips: &SectionFlips) -> Markup {
    let items = flips.flips.iter().map(|flip| {
        let verb = match flip.to {
            Status::Applies => tr("It would apply if"),
            Status::MayApply | Status::DoesNotApply => tr("It would stop applying if"),
        };
        el(
            "li",
            "",
            concat([
                text(verb),
                text(" "),
                join(flip.changes.iter().map(|change| code(change)), tr(" and ")),
            ]),
        )
    });
    let summary = flips.search.summary(flips.flips.len());
    el(
        "aside",
        "flips",
        concat([
            el("h4", "", text(tr("What would change this"))),
            el("ul", "", join(items, "\n")),
            el("p", "muted", text(&summary)),
        ]),
    )
}

fn penalty(section: &SectionReport) -> Markup {
    let mut items = Vec::new();
    if let Some(penalty) = &section.penalty {
        items.push(concat([
            el("dt", "", text(tr("Penalty"))),
            el("dd", "", text(&penalty.text)),
        ]));
    }
    if let Some(p) = &section.procedure {
        let words = crate::statute::procedure_text(p.cognizable, p.bailable, p.compoundable);
        items.push(concat([
            el("dt", "", text(tr("Procedure"))),
            el("dd", "", text(&words)),
        ]));
        if let Some(cognizance) = &p.cognizance {
            items.push(concat([
                el("dt", "", text(tr("Cognizance"))),
                el("dd", "", text(cognizance)),
            ]));
        }
    }
    if let (Some(court), Some(agency)) = (section.court, section.agency) {
        let value = concat([forum(court), text(tr("; investigated by ")), forum(agency)]);
        items.push(concat([
            el("dt", "", text(tr("Statute default"))),
            el("dd", "", value),
        ]));
    }
    el("dl", "penalty", join(items, "\n"))
}
