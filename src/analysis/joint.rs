//! The largest sets of offences that can all apply on one set of facts (the maximal jointly
//! applicable sets), found exactly and region by region. Every smaller question about
//! offences applying together (groups, declared groups) is answered from these sets.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use biodivine_lib_bdd::{Bdd, BddValuation};
use jiff::civil::Date;
use rayon::prelude::*;

use super::Encoding;
use super::encode::Fixed;
use crate::model::OffenceId;

/// Offences that can all apply on one set of facts, no other offence joining them.
#[derive(Debug, Clone)]
pub struct Joint {
    /// The offences, in the order of the law.
    pub members: Vec<OffenceId>,
    /// The cases (within its region) on which all of them apply.
    cases: Bdd,
    /// The region: the province and the day it fixes.
    region: Fixed,
}

impl Joint {
    /// A full case on which every member applies.
    pub fn valuation(&self) -> BddValuation {
        let mut valuation = self
            .cases
            .sat_witness()
            .expect("the members apply together");
        for &(var, value) in &self.region {
            valuation.set_value(var, value);
        }
        valuation
    }
}

/// The maximal jointly applicable sets found.
#[derive(Debug, Clone)]
pub struct JointSets {
    /// Largest first, then in the order of the law.
    pub sets: Vec<Joint>,
    /// False when the search stopped at [`MAX_JOINT`] sets.
    pub complete: bool,
}

/// How many maximal jointly applicable sets are searched for before the search stops (the
/// shipped law has about a hundred).
pub const MAX_JOINT: usize = 5_000;

/// Every maximal set of offences that can all apply on one case, optionally on one date only.
///
/// The fact space is cut into parts (a province and a stretch of dates that read the law
/// alike), searched in parallel, parts with the same BDDs once. In a part: take any case not
/// yet covered, grow the offences that apply on it into a maximal set (adding each offence that
/// can still apply with those chosen), then keep only the cases on which some offence outside
/// that set applies. When no case is left, every set of offences that can apply together there
/// lies inside a set found: the search is complete, with one step per maximal set. (Only when
/// it stops at [`MAX_JOINT`] does which sets were found depend on the threads' timing.)
pub fn joint_sets(encoding: &Encoding<'_>, date: Option<Date>) -> JointSets {
    let (days, provinces) = encoding.regions(date);
    let mut parts: Vec<Part> = days
        .into_par_iter()
        .flat_map_iter(|day| {
            let applies = encoding.program.offence_ids().zip(&encoding.applies);
            let on_day = Part::new(applies, &encoding.valid, day);
            provinces
                .iter()
                .map(|province| on_day.within(province))
                .collect::<Vec<_>>()
        })
        .collect();
    // Parts that read the law alike (often provinces without laws of their own) have the same
    // sets: search one of them.
    let mut searched: HashSet<Vec<(OffenceId, Bdd)>> = HashSet::new();
    parts.retain(|part| searched.insert(part.applies.clone()));
    let budget = AtomicUsize::new(MAX_JOINT);
    let found: Vec<Option<Vec<Joint>>> = parts
        .par_iter()
        .map(|part| search(encoding, part, &budget))
        .collect();
    let complete = found.iter().all(Option::is_some);
    JointSets {
        sets: maximal(found.into_iter().flatten().flatten().collect()),
        complete,
    }
}

/// A region's offences that can apply there, each with the cases on which it does.
struct Part {
    applies: Vec<(OffenceId, Bdd)>,
    valid: Bdd,
    region: Fixed,
}

impl Part {
    fn new<'b>(
        applies: impl Iterator<Item = (OffenceId, &'b Bdd)>,
        valid: &Bdd,
        region: Fixed,
    ) -> Self {
        Part {
            applies: applies
                .map(|(index, bdd)| (index, bdd.restrict(&region)))
                .filter(|(_, bdd)| !bdd.is_false())
                .collect(),
            valid: valid.restrict(&region),
            region,
        }
    }

    /// The part of this one where `more` is fixed too.
    fn within(&self, more: &Fixed) -> Self {
        let applies = self.applies.iter().map(|(index, bdd)| (*index, bdd));
        let mut part = Part::new(applies, &self.valid, more.clone());
        part.region = self.region.iter().chain(more).copied().collect();
        part
    }
}

/// The maximal sets of one part, or `None` once [`MAX_JOINT`] sets have been found in all.
fn search(encoding: &Encoding<'_>, part: &Part, budget: &AtomicUsize) -> Option<Vec<Joint>> {
    let mut sets = Vec::new();
    let (applies, valid) = (&part.applies, &part.valid);
    let mut open = valid.clone();
    while let Some(case) = open.sat_witness() {
        if budget
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(1)
            })
            .is_err()
        {
            return None;
        }
        let (inside, cases) = grow(applies, valid, &case);
        // Keep only the cases on which an offence outside the set applies: on the others,
        // every offence that applies is already inside it.
        open = applies
            .iter()
            .zip(&inside)
            .filter(|(_, inside)| !**inside)
            .fold(encoding.none(), |rest, ((_, bdd), _)| {
                rest.or(&open.and(bdd))
            });
        sets.push(Joint {
            members: applies
                .iter()
                .zip(&inside)
                .filter(|(_, inside)| **inside)
                .map(|((index, _), _)| *index)
                .collect(),
            cases,
            region: part.region.clone(),
        });
    }
    Some(sets)
}

/// The offences that apply on `case`, then every other offence that can still apply with those
/// chosen so far (a maximal set), and the cases on which they all apply.
fn grow(applies: &[(OffenceId, Bdd)], valid: &Bdd, case: &BddValuation) -> (Vec<bool>, Bdd) {
    let mut inside: Vec<bool> = applies.iter().map(|(_, bdd)| bdd.eval_in(case)).collect();
    let mut cases = applies
        .iter()
        .zip(&inside)
        .filter(|(_, inside)| **inside)
        .fold(valid.clone(), |cases, ((_, bdd), _)| cases.and(bdd));
    for ((_, bdd), joined) in applies.iter().zip(&mut inside) {
        if *joined {
            continue;
        }
        let with = cases.and(bdd);
        if !with.is_false() {
            *joined = true;
            cases = with;
        }
    }
    (inside, cases)
}

/// Drops every set inside another (a region's set may lie inside another region's);
/// largest first, then in the order of the law.
fn maximal(sets: Vec<Joint>) -> Vec<Joint> {
    maximal_by(sets, |set| &set.members)
}

/// Drops duplicates and every item whose members (sorted) lie inside another's; largest first,
/// then in the order of the law. Members are compared as bit sets: the groups of a large law
/// number in the thousands.
pub(super) fn maximal_by<T>(mut items: Vec<T>, members: impl Fn(&T) -> &[OffenceId]) -> Vec<T> {
    items.sort_by(|a, b| {
        let (a, b) = (members(a), members(b));
        b.len().cmp(&a.len()).then_with(|| a.cmp(b))
    });
    let bits = |members: &[OffenceId]| {
        let mut words = vec![0u64; members.last().map_or(0, |&m| m.index() / 64 + 1)];
        for m in members.iter().map(|m| m.index()) {
            words[m / 64] |= 1 << (m % 64);
        }
        words
    };
    let inside = |a: &[u64], b: &[u64]| {
        a.iter()
            .enumerate()
            .all(|(k, word)| word & !b.get(k).copied().unwrap_or(0) == 0)
    };
    let mut kept: Vec<(Vec<u64>, T)> = Vec::new();
    for item in items {
        let words = bits(members(&item));
        if !kept.iter().any(|(k, _)| inside(&words, k)) {
            kept.push((words, item));
        }
    }
    kept.into_iter().map(|(_, item)| item).collect()
}

/// Whether every member of sorted `a` is in sorted `b`.
pub(super) fn is_subset(a: &[OffenceId], b: &[OffenceId]) -> bool {
    let mut rest = b.iter();
    a.iter().all(|x| rest.any(|y| y == x))
}
