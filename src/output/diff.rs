//! `tipnav diff`: what an amendment (or a later date) changes across a case bank, as tables, a
//! Markdown briefing a committee clerk could circulate, or JSON.

use super::json::AmendmentReport;
use super::schema::SchemaVersion;
use crate::overlay::AmendmentStatus;
use schemars::JsonSchema;
use serde::Serialize;

use super::text::{Style, heading, lines, new_table};
use crate::diff::{CaseDiff, ChangeItem, Summary};
use crate::i18n::{tr, trf};

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
    /// How the comparison was made, in words.
    pub method: String,
    /// Totals.
    pub summary: Summary,
    /// The cases that changed (unchanged cases are only counted).
    pub cases: Vec<CaseDiff>,
}

/// Renders the report as tables or Markdown.
pub fn render(report: &DiffReport, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&trf(
        "tipnav {version} · base law {base} · amended law {amended}",
        &[
            ("version", report.tipnav),
            ("base", &report.base_digest),
            ("amended", &report.digest),
        ],
    ));
    out.push('\n');
    heading(
        &mut out,
        style,
        1,
        tr("What the change does to the case bank"),
    );
    amendments(&mut out, report);
    out.push_str(&format!("\n{}\n\n", report.method));
    summary(&mut out, &report.summary, style);
    if !report.cases.is_empty() {
        cases(&mut out, &report.cases, style);
    }
    out
}

/// The amendments compared, one a line.
fn amendments(out: &mut String, report: &DiffReport) {
    for amendment in &report.amendments {
        out.push_str("- ");
        out.push_str(&trf(
            "{title} ({status}, effective {date}): {sections} [{cite}]",
            &[
                ("title", &amendment.title),
                ("status", amendment_status_word(amendment.status)),
                ("date", &amendment.effective),
                ("sections", &amendment.sections.join(", ")),
                ("cite", &amendment.cite),
            ],
        ));
        out.push('\n');
    }
}

/// The totals, then the changes by kind and the sections most affected, where there are any.
fn summary(out: &mut String, summary: &Summary, style: Style) {
    out.push_str(&trf(
        "{cases} cases compared: {changed} changed, {unchanged} unchanged.",
        &[
            ("cases", &summary.cases.to_string()),
            ("changed", &summary.changed.to_string()),
            ("unchanged", &summary.unchanged.to_string()),
        ],
    ));
    out.push_str("\n\n");
    if !summary.by_kind.is_empty() {
        heading(out, style, 2, tr("Changes by kind"));
        let mut table = new_table(style, &[tr("Change"), tr("Count")]);
        for (kind, count) in &summary.by_kind {
            table.add_row(vec![change_word(kind).to_owned(), count.to_string()]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
    if !summary.sections.is_empty() {
        heading(out, style, 2, tr("Sections most affected"));
        let mut table = new_table(style, &[tr("Section"), tr("Cases")]);
        for (section, count) in summary.sections.iter().take(10) {
            table.add_row(vec![section.clone(), count.to_string()]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
}

/// The cases that change, each with its changes one a line.
fn cases(out: &mut String, cases: &[CaseDiff], style: Style) {
    heading(out, style, 2, tr("Cases that change"));
    let mut table = new_table(style, &[tr("Case"), tr("Changes")]);
    for case in cases {
        let changes: Vec<String> = case.changes.iter().map(change_line).collect();
        table.add_row(vec![
            format!("{} ({})", style.case_text(&case.file), case.date),
            lines(style, &changes),
        ]);
    }
    out.push_str(&format!("{table}\n\n"));
}

/// One change: its kind, its section if any, and what it was and becomes.
fn change_line(c: &ChangeItem) -> String {
    let section = c
        .section
        .as_deref()
        .map(|s| format!(" {s}"))
        .unwrap_or_default();
    let kind = change_word(c.kind);
    match (c.before.is_empty(), c.after.is_empty()) {
        (true, _) => format!("{kind}{section}: {}", c.after),
        (_, true) => format!("{kind}{section}: {}", c.before),
        _ => format!("{kind}{section}: {} -> {}", c.before, c.after),
    }
}

/// A change's kind: its id in English (as the report has always shown it), in words in
/// another language.
fn change_word(kind: &str) -> &str {
    match kind {
        "starts_applying" => tr("starts_applying"),
        "stops_applying" => tr("stops_applying"),
        "status" => tr("status"),
        "penalty" => tr("penalty"),
        "procedure" => tr("procedure"),
        "lead_agency" => tr("lead_agency"),
        "court" => tr("court"),
        "overlap_added" => tr("overlap_added"),
        "overlap_removed" => tr("overlap_removed"),
        other => other,
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
