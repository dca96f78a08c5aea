//! `tipnav diff`: what an amendment (or a later date) changes across a case bank, as tables, a
//! Markdown briefing a committee clerk could circulate, or JSON.

use super::schema::SchemaVersion;
use schemars::JsonSchema;
use serde::Serialize;

use super::table::{Style, heading, lines, new_table};
use crate::diff::{CaseDiff, Summary};
use crate::overlay::Amendment;

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

/// An overlay.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AmendmentReport {
    /// Its name.
    pub key: String,
    /// Title.
    pub title: String,
    /// `enacted`, `bill` or `proposal`.
    pub status: String,
    /// Effective day.
    pub effective: String,
    /// The bill or proposal.
    pub cite: String,
    /// The sections it changes.
    pub sections: Vec<String>,
}

impl From<&Amendment> for AmendmentReport {
    fn from(amendment: &Amendment) -> Self {
        AmendmentReport {
            key: amendment.key.clone(),
            title: amendment.title.clone(),
            status: amendment.status.clone(),
            effective: amendment.effective.to_string(),
            cite: amendment.cite.clone(),
            sections: amendment.sections.clone(),
        }
    }
}

/// Renders the report as tables or Markdown.
pub fn render(report: &DiffReport, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "tipnav {} · base law {} · amended law {}\n",
        report.tipnav, report.base_digest, report.digest
    ));
    heading(&mut out, style, 1, "What the change does to the case bank");
    for amendment in &report.amendments {
        out.push_str(&format!(
            "- {} ({}, effective {}): {} [{}]\n",
            amendment.title,
            amendment.status,
            amendment.effective,
            amendment.sections.join(", "),
            amendment.cite
        ));
    }
    out.push_str(&format!("\n{}\n\n", report.method));
    let summary = &report.summary;
    out.push_str(&format!(
        "{} cases compared: {} changed, {} unchanged.\n\n",
        summary.cases, summary.changed, summary.unchanged
    ));
    if !summary.by_kind.is_empty() {
        heading(&mut out, style, 2, "Changes by kind");
        let mut table = new_table(style, &["Change", "Count"]);
        for (kind, count) in &summary.by_kind {
            table.add_row(vec![(*kind).to_owned(), count.to_string()]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
    if !summary.sections.is_empty() {
        heading(&mut out, style, 2, "Sections most affected");
        let mut table = new_table(style, &["Section", "Cases"]);
        for (section, count) in summary.sections.iter().take(10) {
            table.add_row(vec![section.clone(), count.to_string()]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
    if !report.cases.is_empty() {
        heading(&mut out, style, 2, "Cases that change");
        let mut table = new_table(style, &["Case", "Changes"]);
        for case in &report.cases {
            let changes: Vec<String> = case
                .changes
                .iter()
                .map(|c| {
                    let section = c
                        .section
                        .as_deref()
                        .map(|s| format!(" {s}"))
                        .unwrap_or_default();
                    match (c.before.is_empty(), c.after.is_empty()) {
                        (true, _) => format!("{}{section}: {}", c.kind, c.after),
                        (_, true) => format!("{}{section}: {}", c.kind, c.before),
                        _ => format!("{}{section}: {} -> {}", c.kind, c.before, c.after),
                    }
                })
                .collect();
            table.add_row(vec![
                format!("{} ({})", style.case_text(&case.file), case.date),
                lines(style, &changes),
            ]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
    out
}
