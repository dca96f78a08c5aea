//! `tipnav diff`: what an amendment (or a later date) changes across a case bank, as tables, a
//! Markdown briefing a committee clerk could circulate, or JSON.

use super::json::AmendmentReport;
use super::schema::SchemaVersion;
use crate::overlay::AmendmentStatus;
use schemars::JsonSchema;
use serde::Serialize;

use super::json::Status;
use super::text::{Cite, Style, heading, line, lines, new_table};
use crate::diff::{CaseDiff, ChangeItem, ChangeKind, Particular, Summary};
use crate::i18n::law::family_words;
use crate::i18n::{tr, trf, trn};
use crate::model::OverlapKind;

/// The whole diff report.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DiffReport {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// The tipnav version.
    pub tipnav: &'static str,
    /// SHA-256 of the files of the law compared against (the base law).
    pub base_digest: String,
    /// SHA-256 of the files of the amended law (the same as `base_digest` without an overlay).
    pub digest: String,
    /// The overlays compared with the base law.
    pub amendments: Vec<AmendmentReport>,
    /// With `--as-if-date`: the date every case was read on.
    pub as_if_date: Option<String>,
    /// Cases compared that give no `case.date` (a year or a month counts as a date).
    pub undated_cases: usize,
    /// The day the cases without `case.date` were read on wherever a run read each case on
    /// its own date: today, the day tipnav ran (without `--as-if-date`, in both runs; with it
    /// and no overlay, in the base run). `null` when there are none, or when an overlay with
    /// `--as-if-date` read every case on that date.
    pub undated_date: Option<String>,
    /// How the comparison was made, in words (with how many cases were read on today's law
    /// for want of `case.date`).
    pub method: String,
    /// Totals.
    pub summary: Summary,
    /// The cases that changed (unchanged cases are only counted).
    pub cases: Vec<CaseDiff>,
}

/// Renders the report as tables or Markdown, every section cited and every court, agency,
/// status and overlap kind in words (the ids are for the JSON).
pub fn render(report: &DiffReport, style: Style, cite: Cite<'_>) -> String {
    let mut out = String::new();
    line(&mut out, style, &law_line(report));
    heading(
        &mut out,
        style,
        1,
        tr("What the change does to the case bank"),
    );
    amendments(&mut out, report, style, cite);
    out.push('\n');
    line(&mut out, style, &report.method);
    out.push('\n');
    summary(&mut out, &report.summary, style, cite);
    if !report.cases.is_empty() {
        cases(&mut out, &report.cases, style, cite);
    }
    out
}

/// The version and the law read: both digests when an overlay amends the law, one when
/// nothing does (only the date moves), since there is then no amended law to name.
fn law_line(report: &DiffReport) -> String {
    if report.base_digest == report.digest {
        return trf(
            "tipnav {version} · law {digest}",
            &[("version", report.tipnav), ("digest", &report.digest)],
        );
    }
    trf(
        "tipnav {version} · base law {base} · amended law {amended}",
        &[
            ("version", report.tipnav),
            ("base", &report.base_digest),
            ("amended", &report.digest),
        ],
    )
}

/// The amendments compared, one an item, each with the sections it touches cited.
fn amendments(out: &mut String, report: &DiffReport, style: Style, cite: Cite<'_>) {
    for amendment in &report.amendments {
        let sections: Vec<String> = amendment.sections.iter().map(|s| cite(s)).collect();
        let text = trf(
            "{title} ({status}, effective {date}): {sections} [{cite}]",
            &[
                ("title", &amendment.title),
                ("status", amendment_status_word(amendment.status)),
                ("date", &amendment.effective),
                ("sections", &sections.join(tr(", "))),
                ("cite", &amendment.cite),
            ],
        );
        // The continuation lines' indent of two spaces lines up under the item's text.
        line(out, style, &format!("- {text}"));
    }
}

/// The totals, then the changes by kind and the sections most affected, where there are any.
fn summary(out: &mut String, summary: &Summary, style: Style, cite: Cite<'_>) {
    let totals = trn(
        summary.cases,
        "{cases} case compared: {changed} changed, {unchanged} unchanged.",
        "{cases} cases compared: {changed} changed, {unchanged} unchanged.",
        &[
            ("cases", &summary.cases.to_string()),
            ("changed", &summary.changed.to_string()),
            ("unchanged", &summary.unchanged.to_string()),
        ],
    );
    line(out, style, &totals);
    out.push('\n');
    if !summary.by_kind.is_empty() {
        heading(out, style, 2, tr("Changes by kind"));
        let mut table = new_table(style, &[tr("Change"), tr("Count")]);
        for (kind, count) in &summary.by_kind {
            table.add_row(vec![change_word(*kind).to_owned(), count.to_string()]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
    if !summary.sections.is_empty() {
        heading(out, style, 2, tr("Sections most affected"));
        let mut table = new_table(style, &[tr("Section"), tr("Cases")]);
        for (section, count) in summary.sections.iter().take(10) {
            table.add_row(vec![cite(section), count.to_string()]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
}

/// The cases that change, each with its changes one a line.
fn cases(out: &mut String, cases: &[CaseDiff], style: Style, cite: Cite<'_>) {
    heading(out, style, 2, tr("Cases that change"));
    let mut table = new_table(style, &[tr("Case"), tr("Changes")]);
    for case in cases {
        let changes: Vec<String> = case.changes.iter().map(|c| change_line(c, cite)).collect();
        table.add_row(vec![
            format!("{} ({})", style.case_text(&case.file), case.date),
            lines(style, &changes),
        ]);
    }
    out.push_str(&format!("{table}\n\n"));
}

/// One change: its kind, its section if any, and what it was and becomes, in words.
pub(crate) fn change_line(change: &ChangeItem, cite: Cite<'_>) -> String {
    let section = change
        .section
        .as_deref()
        .map(|s| format!(" {}", cite(s)))
        .unwrap_or_default();
    let kind = change_word(change.kind);
    let before = value_words(&change.before, cite);
    let after = value_words(&change.after, cite);
    match (before.is_empty(), after.is_empty()) {
        (true, _) => format!("{kind}{section}: {after}"),
        (_, true) => format!("{kind}{section}: {before}"),
        _ => format!("{kind}{section}: {before} → {after}"),
    }
}

/// What a change was or becomes, in words: a status, a court or agency by name, an overlap's
/// kind with its sections cited; empty for the side an overlap is missing from. Penalties and
/// procedures are words already.
fn value_words(value: &Particular, cite: Cite<'_>) -> String {
    match value {
        Particular::Status(status) => Status::from(*status).words().to_owned(),
        Particular::Text(text) => text.clone(),
        // No agency or court settled: none applies, or the facts leave it open. "none" alone
        // read as if no court could try the case.
        Particular::Agency(None) | Particular::Court(None) => tr("none settled").to_owned(),
        Particular::Agency(Some(agency)) => agency.name().to_owned(),
        Particular::Court(Some(court)) => court.name().to_owned(),
        Particular::Overlap(None) => String::new(),
        Particular::Overlap(Some((kind, sections))) => overlap_words(*kind, sections, cite),
    }
}

/// An overlap as the eval report names it: its kind in words and its sections cited
/// ("forum conflict of PPC s.374, PTPA 2018 s.3").
fn overlap_words(kind: OverlapKind, sections: &[String], cite: Cite<'_>) -> String {
    let sections: Vec<String> = sections.iter().map(|s| cite(s)).collect();
    trf(
        "{kind} of {sections}",
        &[
            ("kind", &family_words(kind)),
            ("sections", &sections.join(tr(", "))),
        ],
    )
}

/// A change's kind in words, as a label.
fn change_word(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::StartsApplying => tr("Starts to apply"),
        ChangeKind::StopsApplying => tr("Stops applying"),
        ChangeKind::Status => tr("Status"),
        ChangeKind::Penalty => tr("Penalty"),
        ChangeKind::Procedure => tr("Procedure"),
        ChangeKind::LeadAgency => tr("Lead agency"),
        ChangeKind::Court => tr("Court"),
        ChangeKind::OverlapAdded => tr("Overlap added"),
        ChangeKind::OverlapRemoved => tr("Overlap removed"),
    }
}

/// An amendment's standing in words.
fn amendment_status_word(status: AmendmentStatus) -> &'static str {
    match status {
        AmendmentStatus::Enacted => tr("enacted"),
        AmendmentStatus::Bill => tr("bill"),
        AmendmentStatus::Proposal => tr("proposal"),
    }
}
