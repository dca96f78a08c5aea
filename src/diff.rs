//! Comparing outcomes under two laws (the base and an amended law) or two dates, for
//! `tipnav diff`: per case, what changed (sections starting or stopping to apply, statuses,
//! penalties, lead agency, court, overlaps), and a summary. Prints nothing.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use jiff::civil::Date;

use crate::eval::{Outcome, Status};
use crate::model::{OverlapKind, Program, Value};
use crate::resolve::{CaseCourt, Resolution};
use crate::statute::{Agency, Court, OffenceParticulars, VersionId};

/// One case under one law, as far as a comparison looks at it.
pub struct Side<'a> {
    /// The law.
    pub program: &'a Program,
    /// The date whose law was read.
    pub date: Date,
    /// Every offence of the law, in its order: section id, status, and version in force.
    pub sections: Vec<(&'a str, Status, Option<VersionId>)>,
    /// The lead agency, if the case has one.
    pub lead: Option<Agency>,
    /// The court for the case, if any.
    pub court: Option<Court>,
    /// Each overlap the case hits.
    pub overlaps: Vec<Overlap<'a>>,
}

/// An overlap a case hits: its kind and its sections' ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap<'a> {
    /// Its kind.
    pub kind: OverlapKind,
    /// Its sections.
    pub sections: Vec<&'a str>,
}

impl<'a> Side<'a> {
    /// A case evaluated and resolved in full.
    pub fn evaluated(
        program: &'a Program,
        outcome: &'a Outcome,
        resolution: &'a Resolution,
    ) -> Self {
        Side {
            program,
            date: outcome.date,
            sections: outcome
                .sections
                .iter()
                .map(|s| {
                    (
                        s.section(program),
                        s.status,
                        s.version.as_ref().map(|v| v.0),
                    )
                })
                .collect(),
            lead: resolution.lead_agency(),
            court: resolution.court.as_ref().map(CaseCourt::court),
            overlaps: (resolution.overlaps.iter())
                .map(|o| Overlap {
                    kind: o.kind,
                    sections: o.sections.iter().map(String::as_str).collect(),
                })
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

/// What changed for one case.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseDiff {
    /// The case file.
    pub file: String,
    /// The date the amended law was read on: the date both laws were read on, except with
    /// `--as-if-date` and no overlay, where it is that date and the base run read the case on
    /// its own date (today's, when it gives no `case.date`).
    pub date: String,
    /// The case gives no `case.date`: wherever a run read it on its own date, that was
    /// today's (with no `--as-if-date`, `date` is today's).
    pub undated: bool,
    /// Each change.
    pub changes: Vec<ChangeItem>,
}

/// One change.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ChangeItem {
    /// What changed.
    pub kind: ChangeKind,
    /// The section, when the change is about one.
    pub section: Option<String>,
    /// Before: a status, agency or court id (`none` for none), a penalty or procedure in
    /// words, or an overlap as `kind of section, section`; empty when there was none.
    #[schemars(with = "String")]
    pub before: Particular,
    /// After, likewise.
    #[schemars(with = "String")]
    pub after: Particular,
    /// The change in words, as the table writes it, in the report's language: its kind, its
    /// section cited, and what it was and becomes (`Court: Magistrate of the First Class →
    /// Court of Session`). The fields above are for machines.
    pub words: String,
}

/// What a change is about.
// The variants are in the order of their ids, so that the totals by kind (a map) list them
// alphabetically, as they always have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The court for the case.
    Court,
    /// The lead agency.
    LeadAgency,
    /// An overlap the case now hits.
    OverlapAdded,
    /// An overlap it no longer hits.
    OverlapRemoved,
    /// A section's penalty.
    Penalty,
    /// A section's procedure (cognizable, bailable, compoundable).
    Procedure,
    /// A section that did not apply now applies.
    StartsApplying,
    /// A section's status changes otherwise.
    Status,
    /// A section that applied (or may have) no longer does.
    StopsApplying,
}

/// One side of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Particular {
    /// A section's status.
    Status(Status),
    /// A penalty or procedure, in words (empty when the section has none).
    Text(String),
    /// The lead agency, if any.
    Agency(Option<Agency>),
    /// The court for the case, if any.
    Court(Option<Court>),
    /// An overlap with its kind and section ids; `None` on the side that lacks it.
    Overlap(Option<(OverlapKind, Vec<String>)>),
}

/// JSON writes a particular as the text the contract has always had: an id, `none`, words, or
/// `kind of section, section`.
impl Serialize for Particular {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Particular::Status(status) => serializer.serialize_str(status.id()),
            Particular::Text(text) => serializer.serialize_str(text),
            Particular::Agency(agency) => {
                serializer.serialize_str(agency.map_or("none", Agency::id))
            }
            Particular::Court(court) => serializer.serialize_str(court.map_or("none", Court::id)),
            Particular::Overlap(None) => serializer.serialize_str(""),
            Particular::Overlap(Some((kind, sections))) => {
                serializer.serialize_str(&format!("{} of {}", kind.id(), sections.join(", ")))
            }
        }
    }
}

impl From<&Overlap<'_>> for Particular {
    fn from(overlap: &Overlap<'_>) -> Self {
        let sections = overlap.sections.iter().map(|&s| s.to_owned()).collect();
        Particular::Overlap(Some((overlap.kind, sections)))
    }
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
    pub by_kind: BTreeMap<ChangeKind, usize>,
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
    let penalty = particular_change((ChangeKind::Penalty, section), (a, b), same_penalty, |p| {
        p.punishment.to_string()
    });
    let same_procedure = a.map(steps) == b.map(steps);
    let procedure = particular_change(
        (ChangeKind::Procedure, section),
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
    (kind, section): (ChangeKind, &str),
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
        item(
            kind,
            Some(section),
            Particular::Text(before),
            Particular::Text(after),
        )
    })
}

/// The changes between two sides of one case; `undated` when the case gives no `case.date`.
/// `words` writes a change in words (the output layer's, which this module does not know).
pub fn compare(
    file: &str,
    undated: bool,
    (before, after): (&Side<'_>, &Side<'_>),
    words: impl Fn(&ChangeItem) -> String,
) -> CaseDiff {
    let mut changes = Vec::new();
    for (index, &(section, status, version)) in after.sections.iter().enumerate() {
        let old = before.section(index, section);
        let (old_status, old_version) = old.unwrap_or((Status::DoesNotApply, None));
        let kind = match (old_status, status) {
            (a, b) if a == b => None,
            (Status::DoesNotApply, Status::Applies) => Some(ChangeKind::StartsApplying),
            (Status::Applies, Status::DoesNotApply) => Some(ChangeKind::StopsApplying),
            _ => Some(ChangeKind::Status),
        };
        if let Some(kind) = kind {
            let (before, after) = (Particular::Status(old_status), Particular::Status(status));
            changes.push(item(kind, Some(section), before, after));
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
                ChangeKind::StopsApplying,
                Some(section),
                Particular::Status(status),
                Particular::Status(Status::DoesNotApply),
            ));
        }
    }
    if before.lead != after.lead {
        let (a, b) = (
            Particular::Agency(before.lead),
            Particular::Agency(after.lead),
        );
        changes.push(item(ChangeKind::LeadAgency, None, a, b));
    }
    if before.court != after.court {
        let (a, b) = (
            Particular::Court(before.court),
            Particular::Court(after.court),
        );
        changes.push(item(ChangeKind::Court, None, a, b));
    }
    let (old, new) = (&before.overlaps, &after.overlaps);
    let none = || Particular::Overlap(None);
    changes.extend(
        (new.iter().filter(|o| !old.contains(o)))
            .map(|o| item(ChangeKind::OverlapAdded, None, none(), o.into())),
    );
    changes.extend(
        (old.iter().filter(|o| !new.contains(o)))
            .map(|o| item(ChangeKind::OverlapRemoved, None, o.into(), none())),
    );
    for change in &mut changes {
        change.words = words(change);
    }
    CaseDiff {
        file: file.to_owned(),
        date: after.date.to_string(),
        undated,
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

fn item(
    kind: ChangeKind,
    section: Option<&str>,
    before: Particular,
    after: Particular,
) -> ChangeItem {
    ChangeItem {
        kind,
        section: section.map(str::to_owned),
        before,
        after,
        // Written once every change is known, by `compare`'s caller.
        words: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_change_kinds_are_declared_in_the_order_of_their_ids() {
        let kinds = [
            ChangeKind::Court,
            ChangeKind::LeadAgency,
            ChangeKind::OverlapAdded,
            ChangeKind::OverlapRemoved,
            ChangeKind::Penalty,
            ChangeKind::Procedure,
            ChangeKind::StartsApplying,
            ChangeKind::Status,
            ChangeKind::StopsApplying,
        ];
        let ids: Vec<String> = kinds
            .iter()
            .map(|k| serde_json::to_string(k).unwrap())
            .collect();
        assert!(kinds.is_sorted() && ids.is_sorted(), "{ids:?}");
    }

    #[test]
    fn a_particular_is_written_as_the_contract_has_it() {
        let json = |p: Particular| serde_json::to_string(&p).unwrap();
        let overlap = (
            OverlapKind::ForumConflict,
            vec!["ppc/374".into(), "ptpa-2018/3".into()],
        );
        assert_eq!(
            json(Particular::Overlap(Some(overlap))),
            r#""forum_conflict of ppc/374, ptpa-2018/3""#
        );
        assert_eq!(json(Particular::Overlap(None)), r#""""#);
        assert_eq!(json(Particular::Court(None)), r#""none""#);
        assert_eq!(json(Particular::Agency(Some(Agency::Fia))), r#""fia""#);
        assert_eq!(json(Particular::Status(Status::MayApply)), r#""may_apply""#);
    }
}
