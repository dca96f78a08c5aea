//! Which overlaps a reader asked to see (`tipnav overlaps --instrument --family
//! --declared-only`): a trainer projects one law or one kind of conflict, not the whole matrix.
//! Selects among what the analysis found; never changes what it finds.

use super::{DeclaredGroup, Group, Groups, Overlap};
use crate::model::OverlapKind;

/// The overlaps to keep: every one when the filter is empty.
#[derive(Debug, Clone, Default)]
pub struct OverlapFilter {
    /// Keep what names a section of one of these instruments (`ppc`, `ptpa-2018`).
    pub instruments: Vec<String>,
    /// Keep what was declared as one of these kinds or carries one of them as a conflict.
    pub families: Vec<OverlapKind>,
    /// Keep only what a declared overlap names.
    pub declared_only: bool,
}

impl OverlapFilter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.instruments.is_empty() && self.families.is_empty() && !self.declared_only
    }

    /// Whether offences `sections`, declared as `declared` (if at all) and carrying `conflicts`
    /// on their witness, pass every part of the filter.
    pub fn keeps(
        &self,
        sections: &[String],
        declared: Option<OverlapKind>,
        conflicts: &[OverlapKind],
    ) -> bool {
        self.names_instrument(sections)
            && (self.families.is_empty()
                || self
                    .families
                    .iter()
                    .any(|f| declared == Some(*f) || conflicts.contains(f)))
            && (!self.declared_only || declared.is_some())
    }

    /// Whether one of `sections` belongs to a chosen instrument (any, when none is chosen).
    pub fn names_instrument(&self, sections: &[String]) -> bool {
        self.instruments.is_empty()
            || sections.iter().any(|s| {
                let instrument = s.split_once('/').map_or(s.as_str(), |(i, _)| i);
                self.instruments.iter().any(|i| i == instrument)
            })
    }

    /// The pairs the filter keeps.
    pub fn pairs(&self, found: Vec<Overlap>) -> Vec<Overlap> {
        found
            .into_iter()
            .filter(|o| {
                self.keeps(
                    &o.sections,
                    o.declared.as_ref().map(|(k, _)| *k),
                    &o.conflicts,
                )
            })
            .collect()
    }

    /// The groups the filter keeps. With a filter, `found` counts the kept groups among those
    /// listed, and is exact only when every group found was listed.
    pub fn groups(&self, mut groups: Groups) -> Groups {
        if self.is_empty() {
            return groups;
        }
        let listed_all = groups.groups.len() == groups.found;
        groups.groups.retain(|g: &Group| {
            self.keeps(
                &g.sections,
                g.declared.as_ref().map(|(k, _)| *k),
                &g.conflicts,
            )
        });
        groups.found = groups.groups.len();
        groups.complete &= listed_all;
        groups.all = groups.groups.iter().map(|g| g.sections.clone()).collect();
        groups
            .declared
            .retain(|g: &DeclaredGroup| self.keeps(&g.sections, Some(g.kind), &[]));
        groups
    }
}
