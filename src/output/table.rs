//! Human-readable reports: comfy-table tables for a terminal (as wide as `output::width`
//! says), or the same content as Markdown for handouts. Reads the JSON wire structs, so both say the same thing.

use crate::output::text::Forum;
use crate::resolve::JointTrial;
use comfy_table::Table;

use super::text::Style;
use super::text::{heading, line, lines, new_table, prose};

use crate::i18n::{UNOFFICIAL, element_label, tr, trf};

use super::json::{
    AlternativeReport, CaseReport, ChoiceReport, DateSource, ElementReport, SectionReport, Status,
    Truth,
};

/// How many sections that may apply the default report shows, the closest first; `--all`
/// shows every one.
pub const CLOSEST_SHOWN: usize = 5;

/// Renders one case; `all` lists every section that may apply, not only the closest.
pub fn render(report: &CaseReport, style: Style, all: bool) -> String {
    let mut out = String::new();
    let rtl = style == Style::Markdown && crate::i18n::direction() == "rtl";
    if rtl {
        // Markdown has no page attributes: a block of HTML sets the language and direction.
        out.push_str(&format!(
            "<div lang=\"{}\" dir=\"rtl\">\n\n",
            crate::i18n::code()
        ));
    }
    header(&mut out, report, style);
    super::sheet::render(&mut out, &report.charge_sheet, style);
    sections(&mut out, report, style, all);
    jurisdiction(&mut out, report, style);
    if !report.overlaps.is_empty() {
        heading(&mut out, style, 2, tr("Overlaps"));
        push_table(&mut out, &overlaps_table(report, style));
    }
    if !report.protections.is_empty() {
        heading(&mut out, style, 2, tr("Victim protection and referral"));
        push_table(&mut out, &protections_table(report, style));
    }
    if !report.unknown.is_empty() {
        heading(
            &mut out,
            style,
            2,
            tr("Unknown facts that would change the answer"),
        );
        push_table(&mut out, &unknown_table(report, style));
    }
    if let Some(alternative) = &report.alternative {
        alternative_part(&mut out, report, alternative, style);
    }
    if !report.notes.is_empty() {
        heading(&mut out, style, 2, tr("Notes"));
        for note in &report.notes {
            line(&mut out, style, &format!("- {note}"));
        }
        out.push('\n');
    }
    if rtl {
        out.push_str("</div>\n");
    }
    out
}

/// The case's title, its file and the date whose law was read, the version and the law's
/// digest, any amendment overlay, and in a translation the notice that it is unofficial.
fn header(out: &mut String, report: &CaseReport, style: Style) {
    let title = report.case.title.as_deref().unwrap_or(tr("Untitled case"));
    heading(out, style, 1, &style.case_text(title));
    let date_line = match report.case.date_source {
        DateSource::Today => trf(
            "Law in force today, {date}, because the case gives no date: conduct before today may attract an earlier law",
            &[("date", &report.case.date)],
        ),
        DateSource::Case => trf("Law in force on {date}", &[("date", &report.case.date)]),
        DateSource::Partial => trf(
            "Law in force from {date}: the case gives only a year or month (see the notes)",
            &[("date", &report.case.date)],
        ),
    };
    line(
        out,
        style,
        &format!("{} · {}", style.case_text(&report.case.file), date_line),
    );
    line(
        out,
        style,
        &trf(
            "tipnav {version} · law {digest}",
            &[("version", report.tipnav), ("digest", &report.law.digest)],
        ),
    );
    for amendment in &report.law.amendments {
        line(
            out,
            style,
            &trf(
                "Amended by {title} ({status}, from {effective}): NOT the law as enacted unless its status is `enacted`",
                &[
                    ("title", &amendment.title),
                    ("status", amendment.status.id()),
                    ("effective", &amendment.effective),
                ],
            ),
        );
    }
    if crate::i18n::translating() {
        prose(out, style, tr(UNOFFICIAL));
    }
    out.push('\n');
}

/// The sections that apply, the closest of those that may apply (every one with `all`), and
/// a sentence on those that do not.
fn sections(out: &mut String, report: &CaseReport, style: Style, all: bool) {
    let (applying, possible) = (
        report.with_status(Status::Applies),
        report.with_status(Status::MayApply),
    );
    heading(out, style, 2, tr("Sections that apply"));
    if applying.is_empty() {
        out.push_str(&format!("{}\n\n", tr("No section applies on these facts.")));
    } else {
        push_table(out, &sections_table(&applying, style));
    }
    if !possible.is_empty() {
        heading(
            out,
            style,
            2,
            tr("Sections that may apply, on facts not given"),
        );
        let (shown, more) = closest(possible, all);
        push_table(out, &possible_table(&shown, style));
        if more > 0 {
            prose(
                out,
                style,
                &trf(
                    "{n} more remote possibilities: --all",
                    &[("n", &more.to_string())],
                ),
            );
            out.push('\n');
        }
    }
    let not_applying = not_applying_summary(report);
    if !not_applying.is_empty() {
        prose(
            out,
            style,
            &trf(
                "Sections that do not apply, {summary}",
                &[("summary", &not_applying)],
            ),
        );
        out.push('\n');
    }
}

/// The court for the case and why, the venues, the agencies and each section's forum.
fn jurisdiction(out: &mut String, report: &CaseReport, style: Style) {
    heading(out, style, 2, tr("Jurisdiction"));
    if let Some(court) = &report.jurisdiction.court {
        let conflict = if court.conflict {
            trf(
                " (forum conflict; joint trial: {joint})",
                &[("joint", joint_trial_word(court.joint_trial))],
            )
        } else {
            String::new()
        };
        prose(
            out,
            style,
            &trf(
                "Court for the case: {court}{conflict}: {reason}",
                &[
                    ("court", court.id.name()),
                    ("conflict", &conflict),
                    ("reason", &court.reason),
                ],
            ),
        );
        if let Some(later) = &court.later {
            prose(
                out,
                style,
                &trf(
                    "Or the {court}: {reason}.",
                    &[("court", later.id.name()), ("reason", &later.reason)],
                ),
            );
        }
        out.push('\n');
    }
    if !report.jurisdiction.venues.is_empty() {
        prose(out, style, &venues_sentence(report, style));
        out.push('\n');
    }
    if !report.jurisdiction.agencies.is_empty() {
        push_table(out, &agencies_table(report, style));
    }
    if !report.jurisdiction.by_section.is_empty() {
        push_table(out, &by_section_table(report, style));
    }
}

/// What the case would come to if the amendments whose day is unknown were already in force.
fn alternative_part(
    out: &mut String,
    report: &CaseReport,
    alternative: &AlternativeReport,
    style: Style,
) {
    let keys = alternative
        .date_keys
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    heading(
        out,
        style,
        2,
        &trf(
            "If the amendments whose day is unknown ({keys}) were already in force",
            &[("keys", &keys)],
        ),
    );
    push_table(out, &alternative_table(report, alternative, style));
    // Names for people, as in the charge sheet ("Magistrate of the First Class").
    // Nothing applies under that law, or the facts leave the forum open.
    let name = |forum: Option<&'static str>| forum.unwrap_or(tr("none settled"));
    prose(
        out,
        style,
        &trf(
            "Under that law: lead agency {lead}, court for the case {court}.",
            &[
                ("lead", name(alternative.lead_agency.map(Forum::name))),
                ("court", name(alternative.court.map(Forum::name))),
            ],
        ),
    );
    out.push('\n');
}

/// The sections that may apply to show, closest first (by `relevance`), and how many more
/// there are: the closest [`CLOSEST_SHOWN`], or every one with `all`.
pub(super) fn closest(
    mut possible: Vec<&SectionReport>,
    all: bool,
) -> (Vec<&SectionReport>, usize) {
    possible.sort_by_key(|s| s.relevance.unwrap_or(usize::MAX));
    let shown = if all {
        possible.len()
    } else {
        CLOSEST_SHOWN.min(possible.len())
    };
    let rest = possible.split_off(shown);
    (possible, rest.len())
}

fn push_table(out: &mut String, table: &Table) {
    out.push_str(&table.to_string());
    out.push_str("\n\n");
}

fn sections_table(sections: &[&SectionReport], style: Style) -> Table {
    let mut table = new_table(
        style,
        &[tr("Section"), tr("Elements"), tr("Penalty and procedure")],
    );
    for section in sections {
        let mut name = vec![section.citation.clone(), section.heading.clone()];
        if let Some(version) = &section.version {
            let certainty = if version.certain {
                ""
            } else {
                tr(" (uncertain)")
            };
            name.push(trf(
                "text in force from {date}{certainty}",
                &[("date", &version.in_force_from), ("certainty", certainty)],
            ));
        }
        let territory = section.territory.iter().map(|t| {
            trf(
                "{mark} extends to {province}",
                &[
                    ("mark", t.status.mark()),
                    (
                        "province",
                        &crate::i18n::option_label("case.province", &t.province),
                    ),
                ],
            )
        });
        let elements: Vec<String> = territory
            .chain(section.elements.iter().map(element_line))
            .collect();
        table.add_row(vec![
            lines(style, &name),
            lines(style, &elements),
            lines(style, &penalty_lines(section)),
        ]);
    }
    table
}

fn possible_table(sections: &[&SectionReport], style: Style) -> Table {
    let mut table = new_table(
        style,
        &[
            tr("Section"),
            tr("Open elements and the facts that decide them"),
        ],
    );
    for section in sections {
        let territory = section
            .territory
            .iter()
            .filter(|t| t.status == Truth::Unknown)
            .map(|t| {
                trf(
                    "extends to {province} (case.province)",
                    &[(
                        "province",
                        &crate::i18n::option_label("case.province", &t.province),
                    )],
                )
            });
        let open: Vec<String> = territory
            .chain(
                section
                    .elements
                    .iter()
                    .filter(|e| e.status == Truth::Unknown)
                    .map(|e| {
                        let facts: Vec<&str> = e
                            .facts
                            .iter()
                            .filter(|f| f.value.is_null())
                            .map(|f| f.fact.as_str())
                            .collect();
                        format!("{} ({})", element_label(&e.name), facts.join(", "))
                    }),
            )
            .collect();
        let name = format!("{} {}", section.citation, section.heading);
        table.add_row(vec![name, lines(style, &open)]);
    }
    table
}

fn protections_table(report: &CaseReport, style: Style) -> Table {
    let mut table = new_table(
        style,
        &[tr("Section"), tr("Status"), tr("What it gives the victim")],
    );
    for protection in &report.protections {
        let name = format!("{}\n{}", protection.citation, protection.heading);
        let what = vec![
            protection.summary.clone(),
            source_line(protection.verified, &protection.unverified),
        ];
        table.add_row(vec![
            lines(style, &[name]),
            protection.status.words().to_owned(),
            lines(style, &what),
        ]);
    }
    table
}

fn alternative_table(report: &CaseReport, alternative: &AlternativeReport, style: Style) -> Table {
    let mut table = new_table(
        style,
        &[
            tr("Section"),
            tr("Before"),
            tr("After"),
            tr("Penalty after"),
        ],
    );
    if alternative.sections.is_empty() {
        table.add_row(vec![tr("(no section changes)"), "", "", ""]);
    }
    for section in &alternative.sections {
        table.add_row(vec![
            cite(report, &section.id).to_owned(),
            section.status.words().to_owned(),
            section.later_status.words().to_owned(),
            section.later_penalty.clone().unwrap_or_default(),
        ]);
    }
    table
}

fn element_line(element: &ElementReport) -> String {
    let mark = element.status.mark();
    match &element.waived_by {
        Some(cite) => format!(
            "{mark} {} ({})",
            element_label(&element.name),
            trf("waived: {cite}", &[("cite", short_cite(cite))])
        ),
        None => format!("{mark} {}", element_label(&element.name)),
    }
}

/// A citation up to its first colon: `PTPA 2018 s.7`.
fn short_cite(cite: &str) -> &str {
    cite.split(':').next().unwrap_or(cite)
}

fn penalty_lines(section: &SectionReport) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(penalty) = &section.penalty {
        parts.push(penalty.text.clone());
    }
    if let Some(procedure) = &section.procedure {
        parts.push(crate::statute::procedure_text(
            procedure.cognizable,
            procedure.bailable,
            procedure.compoundable,
        ));
        if let Some(cognizance) = &procedure.cognizance {
            parts.push(trf(
                "cognizance {cognizance}",
                &[("cognizance", cognizance)],
            ));
        }
    }
    if let Some(verified) = section.verified {
        parts.push(source_line(verified, &section.unverified));
    }
    parts
}

/// "source: secondary; the penalty is not verified": how sure the data is, in a sentence.
pub(super) fn source_line(verified: &'static str, unverified: &[String]) -> String {
    let mut line = trf("source: {verified}", &[("verified", tr(verified))]);
    if !unverified.is_empty() {
        line.push_str(&format!(
            "; {}",
            crate::statute::unverified_sentence(unverified)
        ));
    }
    line
}

/// The sections that do not apply, summarised: near misses (in force and in the province, one
/// element short) by name, the rest counted by reason. `explain` and JSON give every one.
pub(super) fn not_applying_summary(report: &CaseReport) -> String {
    let (mut not_in_force, mut elsewhere, mut further) = (0, 0, 0);
    let mut near: Vec<String> = Vec::new();
    for section in report.sections.iter().filter(|s| !s.status.reaches()) {
        let failed: Vec<&ElementReport> = section
            .elements
            .iter()
            .filter(|e| e.status == Truth::NotMet)
            .collect();
        // An element that fails on the province alone (a federal Act replaced there) is
        // territorial, like a provincial Act's own extent.
        let territorial = |e: &&ElementReport| e.facts.iter().all(|f| f.fact == "case.province");
        let outside = section
            .territory
            .as_ref()
            .is_some_and(|t| t.status == Truth::NotMet)
            || failed.iter().any(territorial);
        let failed: Vec<String> = failed.iter().map(|e| element_label(&e.name)).collect();
        match (&section.version, outside, failed.as_slice()) {
            (None, _, _) => not_in_force += 1,
            (Some(_), true, _) => elsewhere += 1,
            (Some(_), false, [one]) => near.push(format!("{} ({one})", section.citation)),
            _ => further += 1,
        }
    }
    let mut parts = Vec::new();
    if !near.is_empty() {
        parts.push(trf(
            "one element short: {sections}",
            &[("sections", &near.join(tr(", ")))],
        ));
    }
    let more = [
        (
            further,
            trf(
                "{count} more miss two elements or more",
                &[("count", &further.to_string())],
            ),
        ),
        (
            elsewhere,
            trf(
                "{count} more belong to another province",
                &[("count", &elsewhere.to_string())],
            ),
        ),
        (
            not_in_force,
            trf(
                "{count} more were not in force on the date",
                &[("count", &not_in_force.to_string())],
            ),
        ),
    ];
    parts.extend(
        more.into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, text)| text),
    );
    parts.join(tr("; "))
}

fn agencies_table(report: &CaseReport, style: Style) -> Table {
    let mut table = new_table(
        style,
        &[tr("Agency"), tr("Role"), tr("Why"), tr("Sections")],
    );
    for agency in &report.jurisdiction.agencies {
        table.add_row(vec![
            agency.id.name().to_owned(),
            tr(agency.role.id()).to_owned(),
            agency.reason.clone(),
            cite_list(report, &agency.sections),
        ]);
    }
    table
}

fn by_section_table(report: &CaseReport, style: Style) -> Table {
    let mut table = new_table(style, &[tr("Section"), tr("Agency"), tr("Court")]);
    for section in &report.jurisdiction.by_section {
        table.add_row(vec![
            cite(report, &section.section).to_owned(),
            choice_text(&section.agency),
            choice_text(&section.court),
        ]);
    }
    table
}

fn choice_text<T: Forum>(choice: &ChoiceReport<T>) -> String {
    match choice.id {
        Some(id) => format!(
            "{}: {}",
            id.name(),
            short_cite(choice.reason.as_deref().unwrap_or_default())
        ),
        None => {
            let ids: Vec<&str> = choice.options.iter().map(|o| o.id.name()).collect();
            trf(
                "{options} (depends on {facts})",
                &[
                    ("options", &ids.join(tr(" or "))),
                    ("facts", &choice.deciding.join(", ")),
                ],
            )
        }
    }
}

/// A candidate venue's place and the fact naming it, and, when the rule's condition is open,
/// the facts it depends on.
fn venue_place(venue: &super::json::VenueReport, style: Style) -> String {
    let place = style.case_text(&venue.place);
    if venue.depends_on.is_empty() {
        format!("{place} ({})", venue.fact)
    } else {
        trf(
            "{place} ({fact}; possible, depending on {facts})",
            &[
                ("place", &place),
                ("fact", &venue.fact),
                ("facts", &venue.depends_on.join(", ")),
            ],
        )
    }
}

/// The candidate venues, grouped by the rule that makes them venues.
fn venues_sentence(report: &CaseReport, style: Style) -> String {
    let venues = &report.jurisdiction.venues;
    let mut reasons: Vec<&str> = Vec::new();
    for venue in venues {
        if !reasons.contains(&venue.reason.as_str()) {
            reasons.push(&venue.reason);
        }
    }
    let groups: Vec<String> = reasons
        .iter()
        .map(|reason| {
            let places: Vec<String> = venues
                .iter()
                .filter(|v| v.reason == *reason)
                .map(|v| venue_place(v, style))
                .collect();
            format!("{}: {reason}", places.join(", "))
        })
        .collect();
    trf(
        "Candidate venues: {places}",
        &[("places", &groups.join("; "))],
    )
}

fn overlaps_table(report: &CaseReport, style: Style) -> Table {
    let mut table = new_table(style, &[tr("Kind"), tr("Sections"), tr("Note")]);
    for overlap in &report.overlaps {
        let mut kind = crate::i18n::law::family_words(overlap.kind);
        if !overlap.certain {
            kind.push_str(tr(" (possible)"));
        }
        let note = overlap.note.clone();
        let note = match &overlap.cite {
            Some(cite) => format!("{note} [{cite}]"),
            None => note,
        };
        table.add_row(vec![kind, cite_list(report, &overlap.sections), note]);
    }
    table
}

fn unknown_table(report: &CaseReport, style: Style) -> Table {
    let mut table = new_table(style, &[tr("Fact"), tr("Question"), tr("Affects")]);
    for unknown in &report.unknown {
        table.add_row(vec![
            unknown.fact.clone(),
            unknown.question.clone(),
            unknown.affects_cited.join(", "),
        ]);
    }
    table
}

/// A section's citation, looked up in the report; an id it does not list is shown as it is.
fn cite<'a>(report: &'a CaseReport, id: &'a str) -> &'a str {
    report
        .sections
        .iter()
        .find(|s| s.id == id)
        .map_or(id, |s| s.citation.as_str())
}

fn cite_list(report: &CaseReport, ids: &[String]) -> String {
    ids.iter()
        .map(|id| cite(report, id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A joint-trial answer in words.
fn joint_trial_word(joint: JointTrial) -> &'static str {
    match joint {
        JointTrial::Together => tr("together"),
        JointTrial::Separately => tr("separately"),
        JointTrial::Open => tr("open"),
    }
}
