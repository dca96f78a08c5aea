//! Comparing outcomes under two laws (the base and an amended law) or two dates, for
//! `tipnav diff`: per case, what changed (sections starting or stopping to apply, statuses,
//! penalties, lead agency, court, overlaps), and a summary. Prints nothing.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use jiff::civil::Date;

use crate::eval::{Outcome, Status};
use crate::model::{Program, Value};
use crate::resolve::Resolution;
use crate::statute::{Agency, OffenceParticulars, VersionId};

/// One case under one law, as far as a comparison looks at it.
pub struct Side<'a> {
    /// The law.
    pub program: &'a Program,
    /// The date whose law was read.
    pub date: Date,
    /// Every offence of the law, in its order: section id, status, and version in force.
    pub sections: Vec<(&'a str, Status, Option<VersionId>)>,
    /// The lead agency's id, or `none`.
    pub lead: &'static str,
    /// The court's id, or `none`.
    pub court: &'static str,
    /// Each overlap the case hits, as `kind of section, section`.
    pub overlaps: Vec<String>,
}

impl<'a> Side<'a> {
    /// A case evaluated and resolved in full.
    pub fn evaluated(program: &'a Program, outcome: &'a Outcome, resolution: &Resolution) -> Self {
        Side {
            program,
            date: outcome.date,
            sections: outcome
                .sections
                .iter()
                .map(|s| {
                    (
                        s.section.as_str(),
                        s.status,
                        s.version.as_ref().map(|v| v.0),
                    )
                })
                .collect(),
            lead: resolution.lead_agency().map_or("none", Agency::id),
            court: resolution.court.as_ref().map_or("none", |c| c.court.id()),
            overlaps: resolution
                .overlaps
                .iter()
                .map(|o| overlap_text(o.kind.id(), o.sections.iter().map(String::as_str)))
                .collect(),
        }
    }

    /// The status and version of a section, `None` if the law has no such offence. The same
    /// place in the other law's list is tried first: overlays seldom add or remove offences.
    fn section(&self, index: usize, id: &str) -> Option<(Status, Option<VersionId>)> {
        let at = |(section, status, version): &(&str, Status, Option<VersionId>)| {
            (*section == id).then_some((*status, *version))
        };
        (self.sections.get(index).and_then(at)).or_else(|| self.sections.iter().find_map(at))
    }
}

/// The days to read the case on before and after (`None`: its own date). With an overlay,
/// both sides move to `--as-if-date` if given; without one, the comparison is the case's own
/// date against `--as-if-date`.
pub fn days(as_if: Option<Date>, by_law: bool) -> (Option<Date>, Option<Date>) {
    (as_if.filter(|_| by_law), as_if)
}

/// Moves a case's facts to another day: `case.date` becomes `day`, when there is one.
pub fn move_to(program: &Program, values: &mut [Option<Value>], day: Option<Date>) {
    if let Some(day) = day {
        values[program.case_date] = Some(Value::Date(day));
    }
}

/// An overlap as a change names it: `duplicate_offence of ptpa-2018/3, ppc/371-A`.
pub fn overlap_text<'s>(kind: &str, sections: impl Iterator<Item = &'s str>) -> String {
    let sections: Vec<&str> = sections.collect();
    format!("{kind} of {}", sections.join(", "))
}

/// An overlap as [`overlap_text`] names it, back in its parts: the kind's id and the section
/// ids, for a renderer that puts them in words. `None` for any other text.
pub fn overlap_parts(text: &str) -> Option<(&str, Vec<&str>)> {
    let (kind, sections) = text.split_once(" of ")?;
    Some((kind, sections.split(", ").collect()))
}

/// What changed for one case.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseDiff {
    /// The case file.
    pub file: String,
    /// The date both laws were read on.
    pub date: String,
    /// Each change.
    pub changes: Vec<ChangeItem>,
}

/// One change.
#[derive(Debug, Serialize, JsonSchema)]
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
#[derive(Debug, Serialize, JsonSchema)]
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

/// The penalty and procedure changes of a section that applies or may apply on both sides.
fn particulars_changes(
    section: &str,
    a: Option<&OffenceParticulars>,
    b: Option<&OffenceParticulars>,
) -> Vec<ChangeItem> {
    let steps = |p: &OffenceParticulars| (p.cognizable, p.bailable, p.compoundable);
    let same_penalty = a.map(|p| &p.punishment) == b.map(|p| &p.punishment);
    let penalty = particular_change(("penalty", section), (a, b), same_penalty, |p| {
        p.punishment.to_string()
    });
    let same_procedure = a.map(steps) == b.map(steps);
    let procedure = particular_change(
        ("procedure", section),
        (a, b),
        same_procedure,
        OffenceParticulars::procedure_text,
    );
    penalty.into_iter().chain(procedure).collect()
}

/// A change of one particular (`kind`) of a section, if its text differs. `same` says whether
/// the data is equal, so that the text is written only when it may differ: most sections are
/// untouched by an overlay, and writing both sides out for each would cost more than comparing.
fn particular_change(
    (kind, section): (&'static str, &str),
    (a, b): (Option<&OffenceParticulars>, Option<&OffenceParticulars>),
    same: bool,
    text: impl Fn(&OffenceParticulars) -> String,
) -> Option<ChangeItem> {
    if same {
        return None;
    }
    let (before, after) = (a.map(&text), b.map(&text));
    (before != after).then(|| {
        let (before, after) = (before.unwrap_or_default(), after.unwrap_or_default());
        item(kind, Some(section), &before, &after)
    })
}

/// The changes between two sides of one case.
pub fn compare(file: &str, before: &Side<'_>, after: &Side<'_>) -> CaseDiff {
    let mut changes = Vec::new();
    for (index, &(section, status, version)) in after.sections.iter().enumerate() {
        let old = before.section(index, section);
        let (old_status, old_version) = old.unwrap_or((Status::DoesNotApply, None));
        let kind = match (old_status, status) {
            (a, b) if a == b => None,
            (Status::DoesNotApply, Status::Applies) => Some("starts_applying"),
            (Status::Applies, Status::DoesNotApply) => Some("stops_applying"),
            _ => Some("status"),
        };
        if let Some(kind) = kind {
            changes.push(item(kind, Some(section), old_status.id(), status.id()));
        }
        if old_status != Status::DoesNotApply && status != Status::DoesNotApply {
            let a = particulars(before.program, section, old_version);
            let b = particulars(after.program, section, version);
            changes.extend(particulars_changes(section, a, b));
        }
    }
    for (index, &(section, status, _)) in before.sections.iter().enumerate() {
        let gone = after.section(index, section).is_none();
        if gone && status != Status::DoesNotApply {
            changes.push(item(
                "stops_applying",
                Some(section),
                status.id(),
                "does_not_apply",
            ));
        }
    }
    if before.lead != after.lead {
        changes.push(item("lead_agency", None, before.lead, after.lead));
    }
    if before.court != after.court {
        changes.push(item("court", None, before.court, after.court));
    }
    let (old, new) = (&before.overlaps, &after.overlaps);
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
        date: after.date.to_string(),
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

/// The particulars of a section's version.
fn particulars<'p>(
    program: &'p Program,
    section: &str,
    version: Option<VersionId>,
) -> Option<&'p OffenceParticulars> {
    let version = &program.book.sections.get(section)?.versions[version?];
    version.offence.as_ref()
}

fn item(kind: &'static str, section: Option<&str>, before: &str, after: &str) -> ChangeItem {
    ChangeItem {
        kind,
        section: section.map(str::to_owned),
        before: before.to_owned(),
        after: after.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlap_as_a_change_names_it_comes_back_in_its_parts() {
        let text = overlap_text("forum_conflict", ["ppc/374", "ptpa-2018/3"].into_iter());
        assert_eq!(
            overlap_parts(&text),
            Some(("forum_conflict", vec!["ppc/374", "ptpa-2018/3"]))
        );
        assert_eq!(overlap_parts("none"), None);
    }
}
