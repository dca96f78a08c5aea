//! Comparing outcomes under two laws (the base and an amended law) or two dates, for
//! `tipnav diff`: per case, what changed (sections starting or stopping to apply, statuses,
//! penalties, lead agency, court, overlaps), and a summary. Prints nothing.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::eval::{Outcome, SectionOutcome, Status};
use crate::model::Program;
use crate::resolve::Resolution;

/// One evaluated case under one law.
pub struct Side<'a> {
    /// The law.
    pub program: &'a Program,
    /// Its outcome.
    pub outcome: &'a Outcome,
    /// Its resolution.
    pub resolution: &'a Resolution,
}

/// What changed for one case.
#[derive(Debug, Serialize)]
pub struct CaseDiff {
    /// The case file.
    pub file: String,
    /// The date both laws were read on.
    pub date: String,
    /// Each change.
    pub changes: Vec<ChangeItem>,
}

/// One change.
#[derive(Debug, Serialize)]
pub struct ChangeItem {
    /// `starts_applying`, `stops_applying`, `status`, `penalty`, `lead_agency`, `court`,
    /// `overlap_added`, `overlap_removed`.
    pub kind: &'static str,
    /// The section, when the change is about one.
    pub section: Option<String>,
    /// Before.
    pub before: String,
    /// After.
    pub after: String,
}

/// Totals over a case bank.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Cases compared.
    pub cases: usize,
    /// Cases with at least one change.
    pub changed: usize,
    /// Cases with no change (counted, not listed).
    pub unchanged: usize,
    /// Number of changes of each kind.
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Sections by the number of cases in which they changed, most first.
    pub sections: Vec<(String, usize)>,
}

/// The changes between two sides of one case.
pub fn compare(file: &str, before: &Side<'_>, after: &Side<'_>) -> CaseDiff {
    let mut changes = Vec::new();
    for section in &after.outcome.sections {
        let old = before
            .outcome
            .sections
            .iter()
            .find(|s| s.section == section.section);
        let old_status = old.map_or(Status::DoesNotApply, |s| s.status);
        let kind = match (old_status, section.status) {
            (a, b) if a == b => None,
            (Status::DoesNotApply, Status::Applies) => Some("starts_applying"),
            (Status::Applies, Status::DoesNotApply) => Some("stops_applying"),
            _ => Some("status"),
        };
        if let Some(kind) = kind {
            changes.push(item(
                kind,
                Some(&section.section),
                old_status.id(),
                section.status.id(),
            ));
        }
        if old_status != Status::DoesNotApply && section.status != Status::DoesNotApply {
            let (a, b) = (
                old.and_then(|o| penalty(before.program, o)),
                penalty(after.program, section),
            );
            if a != b {
                changes.push(item(
                    "penalty",
                    Some(&section.section),
                    &a.unwrap_or_default(),
                    &b.unwrap_or_default(),
                ));
            }
            let (a, b) = (
                old.and_then(|o| procedure(before.program, o)),
                procedure(after.program, section),
            );
            if a != b {
                changes.push(item(
                    "procedure",
                    Some(&section.section),
                    &a.unwrap_or_default(),
                    &b.unwrap_or_default(),
                ));
            }
        }
    }
    for section in &before.outcome.sections {
        let gone = !after
            .outcome
            .sections
            .iter()
            .any(|s| s.section == section.section);
        if gone && section.status != Status::DoesNotApply {
            changes.push(item(
                "stops_applying",
                Some(&section.section),
                section.status.id(),
                "does_not_apply",
            ));
        }
    }
    let lead = |side: &Side<'_>| {
        side.resolution
            .lead_agency()
            .map_or("none", crate::statute::Agency::id)
    };
    if lead(before) != lead(after) {
        changes.push(item("lead_agency", None, lead(before), lead(after)));
    }
    let court = |side: &Side<'_>| {
        side.resolution
            .court
            .as_ref()
            .map_or("none", |c| c.court.id())
    };
    if court(before) != court(after) {
        changes.push(item("court", None, court(before), court(after)));
    }
    let overlaps = |side: &Side<'_>| -> Vec<String> {
        side.resolution
            .overlaps
            .iter()
            .map(|o| format!("{} of {}", o.kind.id(), o.sections.join(", ")))
            .collect()
    };
    let (old, new) = (overlaps(before), overlaps(after));
    changes.extend(
        new.iter()
            .filter(|o| !old.contains(o))
            .map(|o| item("overlap_added", None, "", o)),
    );
    changes.extend(
        old.iter()
            .filter(|o| !new.contains(o))
            .map(|o| item("overlap_removed", None, o, "")),
    );
    CaseDiff {
        file: file.to_owned(),
        date: after.outcome.date.to_string(),
        changes,
    }
}

/// Totals over compared cases.
pub fn summarize(diffs: &[CaseDiff]) -> Summary {
    let mut by_kind = BTreeMap::new();
    let mut sections: BTreeMap<String, usize> = BTreeMap::new();
    for diff in diffs {
        for change in &diff.changes {
            *by_kind.entry(change.kind).or_insert(0) += 1;
        }
        let mut touched: Vec<&String> = diff
            .changes
            .iter()
            .filter_map(|c| c.section.as_ref())
            .collect();
        touched.sort();
        touched.dedup();
        for section in touched {
            *sections.entry(section.clone()).or_insert(0) += 1;
        }
    }
    let mut sections: Vec<(String, usize)> = sections.into_iter().collect();
    sections.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let changed = diffs.iter().filter(|d| !d.changes.is_empty()).count();
    Summary {
        cases: diffs.len(),
        changed,
        unchanged: diffs.len() - changed,
        by_kind,
        sections,
    }
}

fn penalty(program: &Program, section: &SectionOutcome) -> Option<String> {
    let (index, _) = section.version.as_ref()?;
    let version = &program.book.sections.get(&section.section)?.versions[*index];
    version.offence.as_ref().map(|o| o.punishment.to_string())
}

fn procedure(program: &Program, section: &SectionOutcome) -> Option<String> {
    let (index, _) = section.version.as_ref()?;
    let version = &program.book.sections.get(&section.section)?.versions[*index];
    version
        .offence
        .as_ref()
        .map(crate::statute::OffenceParticulars::procedure_text)
}

fn item(kind: &'static str, section: Option<&str>, before: &str, after: &str) -> ChangeItem {
    ChangeItem {
        kind,
        section: section.map(str::to_owned),
        before: before.to_owned(),
        after: after.to_owned(),
    }
}
