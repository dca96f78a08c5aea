//! The findings about the law as a whole that `tipnav overlaps` and `tipnav gaps` report (and the
//! web API serves): the analysis's pairs, groups and gaps turned into reports, with each witness
//! case written out when a folder is given, and what an amendment changes in them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::compile::Failure;
use crate::model::{OverlapKind, Program};
use crate::output;

use super::law::unknown_id;

/// The overlap filter the command line asked for, its instruments and families checked.
pub fn overlap_filter(
    program: &Program,
    instruments: &[String],
    families: &[String],
    declared_only: bool,
) -> Result<crate::analysis::OverlapFilter, Failure> {
    use crate::model::OverlapKind;
    if let Some(id) = instruments
        .iter()
        .find(|id| !program.book.instruments.contains(id.as_str()))
    {
        return Err(unknown_id("instrument", id, program.book.instruments.ids()));
    }
    let kinds: Vec<String> = OverlapKind::ALL.iter().map(|k| k.id().to_owned()).collect();
    let families = families
        .iter()
        .map(|name| {
            OverlapKind::ALL
                .into_iter()
                .find(|k| k.id() == name.replace('-', "_"))
                .ok_or_else(|| unknown_id("overlap family", name, kinds.iter().map(String::as_str)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(crate::analysis::OverlapFilter {
        instruments: instruments.to_vec(),
        families,
        declared_only,
    })
}

/// The overlap report of `program` (against `base`, the law without overlays, when given),
/// each witness written into `dir` when given.
pub fn overlap_report(
    program: &Program,
    base: Option<&Program>,
    date: Option<jiff::civil::Date>,
    filter: &crate::analysis::OverlapFilter,
    dir: Option<&Path>,
    today: jiff::civil::Date,
) -> Result<crate::output::analysis::OverlapReport, Failure> {
    use crate::output::analysis::OverlapReport;
    let mut encoding = crate::analysis::Encoding::new(program);
    let found = crate::analysis::overlaps(&mut encoding, date, today);
    let groups = crate::analysis::groups(&encoding, &found, date, today);
    let changes = match base {
        Some(base) => overlap_changes(base, &found, &groups, date, today).kept_by(filter),
        None => OverlapChanges::default(),
    };
    let pairs_in_law = found.len();
    // Filtered after the analysis: groups and changes are read off the whole law.
    let (found, groups) = (filter.pairs(found), filter.groups(groups));
    let mut overlaps = Vec::new();
    for (index, overlap) in found.iter().enumerate() {
        let name = format!(
            "overlap-{:03}-{}-{}.toml",
            index + 1,
            overlap.sections[0].replace('/', "_"),
            overlap.sections[1].replace('/', "_")
        );
        let found = (overlap.declared.as_ref(), &overlap.conflicts[..]);
        let sections = overlap.sections.to_vec();
        overlaps.push(witnessed(
            program,
            (dir, &name),
            sections,
            found,
            &overlap.witness,
        )?);
    }
    let (items, declared_groups) = group_items(program, &groups, dir)?;
    Ok(OverlapReport {
        schema_version: output::schema::SchemaVersion,
        tipnav: env!("CARGO_PKG_VERSION"),
        digest: program.digest.clone(),
        amendments: program.amendments.iter().map(Into::into).collect(),
        date: date.map(|d| d.to_string()),
        overlaps,
        added: changes.added,
        removed: changes.removed,
        groups: items,
        groups_found: groups.found,
        groups_complete: groups.complete,
        declared_groups,
        groups_added: changes.groups_added,
        groups_removed: changes.groups_removed,
        declared_groups_changed: changes.declared_changed,
        filter: crate::output::analysis::FilterReport::new(filter, &program.book, pairs_in_law),
        citations: (program.offences.iter())
            .map(|o| {
                (
                    o.section.clone(),
                    crate::statute::citation(&program.book, &o.section),
                )
            })
            .collect(),
        instrument_titles: (program.book.instruments.iter())
            .map(|instrument| (instrument.id.clone(), instrument.short_title.clone()))
            .collect(),
    })
}

/// The overlap report as `tipnav overlaps --format json` prints it, writing no witness (the web
/// API's answer).
pub fn overlap_json(
    program: &Program,
    date: Option<jiff::civil::Date>,
    today: jiff::civil::Date,
) -> Result<String, Failure> {
    let everything = crate::analysis::OverlapFilter::default();
    let report = overlap_report(program, None, date, &everything, None, today)?;
    Ok(output::render_overlaps(
        program,
        &report,
        output::Format::Json,
    ))
}

/// What an amendment changes in an overlap report, against the base law.
#[derive(Default)]
struct OverlapChanges {
    added: Vec<[String; 2]>,
    removed: Vec<[String; 2]>,
    groups_added: Vec<Vec<String>>,
    groups_removed: Vec<Vec<String>>,
    declared_changed: Vec<crate::output::analysis::DeclaredChange>,
}

impl OverlapChanges {
    /// The changes that name a chosen instrument (declared changes: that pass the whole
    /// filter); the added and removed pairs carry no conflicts to filter a family by.
    fn kept_by(mut self, filter: &crate::analysis::OverlapFilter) -> OverlapChanges {
        self.added.retain(|p| filter.names_instrument(p));
        self.removed.retain(|p| filter.names_instrument(p));
        self.groups_added.retain(|g| filter.names_instrument(g));
        self.groups_removed.retain(|g| filter.names_instrument(g));
        self.declared_changed
            .retain(|c| filter.keeps(&c.sections, Some(c.kind), &[]));
        self
    }
}

/// The pairs and groups the amended law adds and removes, and the declared overlaps of three
/// or more whose members could all apply together under one law and not the other.
fn overlap_changes(
    base: &Program,
    found: &[crate::analysis::Overlap],
    groups: &crate::analysis::Groups,
    date: Option<jiff::civil::Date>,
    today: jiff::civil::Date,
) -> OverlapChanges {
    let mut encoding = crate::analysis::Encoding::new(base);
    let base_pairs = crate::analysis::overlaps(&mut encoding, date, today);
    let outline = crate::analysis::outline(&encoding, &base_pairs, date);
    let (base_groups, base_declared) = (&outline.groups, &outline.declared);
    let pairs = |found: &[crate::analysis::Overlap]| {
        found.iter().map(|o| o.sections.clone()).collect::<Vec<_>>()
    };
    let (added, removed) = changes(&pairs(&base_pairs), &pairs(found), Clone::clone);
    // The amended law may order its sections differently: compare groups as sets.
    let sorted = |group: &Vec<String>| {
        let mut group = group.clone();
        group.sort();
        group
    };
    let (groups_added, groups_removed) = changes(base_groups, &groups.all, sorted);
    let joint_before: BTreeMap<Vec<String>, bool> = (base_declared.iter())
        .map(|(sections, joint)| (sorted(sections), *joint))
        .collect();
    let declared_changed = groups
        .declared
        .iter()
        .filter_map(|group| {
            let joint_before = *joint_before.get(&sorted(&group.sections))?;
            let joint_after = group.witness.is_some();
            (joint_before != joint_after).then(|| crate::output::analysis::DeclaredChange {
                sections: group.sections.clone(),
                kind: group.kind,
                cite: group.cite.clone(),
                joint_before,
                joint_after,
            })
        })
        .collect();
    OverlapChanges {
        added,
        removed,
        groups_added,
        groups_removed,
        declared_changed,
    }
}

/// The groups of an overlap report, their witnesses written to `dir` when given.
fn group_items(
    program: &Program,
    groups: &crate::analysis::Groups,
    dir: Option<&Path>,
) -> Result<
    (
        Vec<crate::output::analysis::OverlapItem>,
        Vec<crate::output::analysis::DeclaredGroupItem>,
    ),
    Failure,
> {
    use crate::output::analysis::DeclaredGroupItem;
    let mut items = Vec::new();
    for (index, group) in groups.groups.iter().enumerate() {
        let name = format!("group-{:03}-of-{}.toml", index + 1, group.sections.len());
        let found = (group.declared.as_ref(), &group.conflicts[..]);
        let sections = group.sections.clone();
        items.push(witnessed(
            program,
            (dir, &name),
            sections,
            found,
            &group.witness,
        )?);
    }
    let mut declared = Vec::new();
    for (index, group) in groups.declared.iter().enumerate() {
        let witness = group
            .witness
            .as_ref()
            .map(|w| crate::interview::case_file(program, w));
        let witness_file = match &witness {
            Some(text) => {
                crate::witness::write(dir, &format!("declared-group-{:03}.toml", index + 1), text)?
            }
            None => None,
        };
        declared.push(DeclaredGroupItem {
            sections: group.sections.clone(),
            kind: group.kind,
            cite: group.cite.clone(),
            joint: group.witness.is_some(),
            witness,
            witness_file,
            parts: group.parts.clone(),
        });
    }
    Ok((items, declared))
}

/// The gap report: the patterns of concern no offence reaches on the law of `date` (today's
/// when not given), each witness written into `dir` when given, and against `base` (the law
/// without overlays) the gaps an amendment opens and closes.
pub fn gap_report(
    program: &Program,
    base: Option<&Program>,
    date: Option<jiff::civil::Date>,
    dir: Option<&Path>,
    today: jiff::civil::Date,
) -> Result<output::analysis::GapReport, Failure> {
    use crate::output::analysis::{GapItem, GapReport};
    // Gaps are about the law a case would meet: today's, unless --date says otherwise.
    let date = Some(date.unwrap_or(today));
    let found = crate::analysis::gaps(&mut crate::analysis::Encoding::new(program), date, today);
    let names = |found: &[crate::analysis::Gap]| {
        found
            .iter()
            .map(|g| g.indicator.clone())
            .collect::<Vec<_>>()
    };
    let (added, closed) = match base {
        Some(base) => changes(
            &names(&crate::analysis::gaps(
                &mut crate::analysis::Encoding::new(base),
                date,
                today,
            )),
            &names(&found),
            Clone::clone,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let mut gaps = Vec::new();
    for gap in &found {
        let witness = crate::interview::case_file(program, &gap.witness);
        let witness_file =
            crate::witness::write(dir, &format!("gap-{}.toml", gap.indicator), &witness)?;
        gaps.push(GapItem {
            indicator: gap.indicator.clone(),
            title: gap.title.clone(),
            cite: gap.cite.clone(),
            patterns: gap.patterns,
            witness,
            witness_file,
        });
    }
    Ok(GapReport {
        schema_version: output::schema::SchemaVersion,
        tipnav: env!("CARGO_PKG_VERSION"),
        digest: program.digest.clone(),
        amendments: program.amendments.iter().map(Into::into).collect(),
        indicators: program.indicators.len(),
        gaps,
        added,
        closed,
    })
}

/// The findings only `after` has, and those only `before` has, in the order of the lists, each
/// compared by `key` (a set lookup: an amended law's groups number in the thousands).
fn changes<T: Clone, K: Ord>(before: &[T], after: &[T], key: impl Fn(&T) -> K) -> (Vec<T>, Vec<T>) {
    let keys = |items: &[T]| items.iter().map(&key).collect::<BTreeSet<K>>();
    let (had, has) = (keys(before), keys(after));
    let added = (after.iter()).filter(|t| !had.contains(&key(t)));
    let removed = (before.iter()).filter(|t| !has.contains(&key(t)));
    (added.cloned().collect(), removed.cloned().collect())
}

/// An overlap or group as the report lists it: its sections, the declared overlap and the
/// conflicts `found`, and its witness as a case file, also written as `name` in the witness
/// folder when one is given.
fn witnessed(
    program: &Program,
    (dir, name): (Option<&Path>, &str),
    sections: Vec<String>,
    (declared, conflicts): (Option<&(OverlapKind, String)>, &[OverlapKind]),
    witness: &crate::facts::Case,
) -> Result<crate::output::analysis::OverlapItem, Failure> {
    let witness = crate::interview::case_file(program, witness);
    let witness_file = crate::witness::write(dir, name, &witness)?;
    Ok(crate::output::analysis::OverlapItem::new(
        sections,
        declared,
        conflicts,
        witness,
        witness_file,
    ))
}
