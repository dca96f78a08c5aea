//! Groups of three or more offences that can all apply on one set of facts: the maximal such
//! groups among offences that overlap pairwise, and a check of every declared overlap of three
//! or more sections. Both are read off the maximal jointly applicable sets (`joint.rs`); each
//! group's witness is re-evaluated like a pair's.

use jiff::civil::Date;
use rayon::prelude::*;

use super::joint::{Joint, is_subset, joint_sets, maximal_by};
use super::{Encoding, Overlap, conflicts, minimize, reads};
use crate::eval::{Status, section_status};
use crate::facts::Case;
use crate::model::{OffenceId, OverlapKind, Program};

/// Three or more offences that can all apply on one set of facts, no other overlapping offence
/// joining them.
#[derive(Debug, Clone)]
pub struct Group {
    /// The sections, in the order of the law.
    pub sections: Vec<String>,
    /// A declared overlap that names every one of them, if any: its kind and citation.
    pub declared: Option<(OverlapKind, String)>,
    /// Conflicts among them on the witness.
    pub conflicts: Vec<OverlapKind>,
    /// The smallest case found on which all of them apply.
    pub witness: Case,
}

/// A declared overlap of three or more sections, checked.
#[derive(Debug, Clone)]
pub struct DeclaredGroup {
    /// The declared sections that are offences.
    pub sections: Vec<String>,
    /// Its kind.
    pub kind: OverlapKind,
    /// Its citation.
    pub cite: String,
    /// A case on which all of them apply, if one exists.
    pub witness: Option<Case>,
    /// When they cannot all apply: the largest parts (two or more) that can.
    pub parts: Vec<Vec<String>>,
}

/// The groups found.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// The maximal groups, largest first, at most [`MAX_GROUPS`].
    pub groups: Vec<Group>,
    /// How many maximal groups were found (more than `groups.len()` when capped).
    pub found: usize,
    /// The sections of every maximal group found, in the order of `groups`.
    pub all: Vec<Vec<String>>,
    /// False when the search stopped at [`super::MAX_JOINT`] jointly applicable sets or
    /// [`MAX_CLIQUES`] cliques, so `found` is a lower bound.
    pub complete: bool,
    /// Every declared overlap of three or more offences, checked.
    pub declared: Vec<DeclaredGroup>,
}

/// How many groups are reported with a witness.
pub const MAX_GROUPS: usize = 200;

/// How many maximal cliques (within jointly applicable sets) the group search lists before it
/// stops. Maximal cliques can be exponentially many: a law with ten copies of every offence
/// has more groups than can be listed, while the shipped law has about 1,200.
pub const MAX_CLIQUES: usize = 20_000;

/// The maximal groups of three or more pairwise-overlapping offences (the pairs in `pairs`)
/// that can all apply together, and every declared overlap of three or more offences checked.
///
/// A group is a set of offences that can apply together and overlap pairwise, so it lies in a
/// maximal jointly applicable set and is a clique of the pair graph there: the maximal cliques
/// (Bron–Kerbosch) of each maximal jointly applicable set, less those inside another, are
/// exactly the maximal groups.
pub fn groups(
    encoding: &Encoding<'_>,
    pairs: &[Overlap],
    date: Option<Date>,
    today: Date,
) -> Groups {
    let program = encoding.program;
    let joint = joint_sets(encoding, date);
    let (found, listed) = cliques(program, pairs, &joint.sets);
    let groups = found[..found.len().min(MAX_GROUPS)]
        .par_iter()
        .map(|(members, set)| group(encoding, members, set, today))
        .collect();
    Groups {
        all: found
            .iter()
            .map(|(members, _)| names(program, members))
            .collect(),
        found: found.len(),
        groups,
        complete: joint.complete && listed,
        declared: declared(encoding, &joint.sets, today),
    }
}

/// What an amendment's comparison needs, without witnesses.
#[derive(Debug, Clone)]
pub struct Outline {
    /// The sections of every maximal group.
    pub groups: Vec<Vec<String>>,
    /// The sections of every declared overlap of three or more offences, with whether they
    /// can all apply together.
    pub declared: Vec<(Vec<String>, bool)>,
}

/// The groups and declared-group verdicts of a law, without witnesses.
pub fn outline(encoding: &Encoding<'_>, pairs: &[Overlap], date: Option<Date>) -> Outline {
    let program = encoding.program;
    let joint = joint_sets(encoding, date);
    let groups = cliques(program, pairs, &joint.sets)
        .0
        .iter()
        .map(|(members, _)| names(program, members))
        .collect();
    let declared = declared_members(program)
        .into_iter()
        .map(|(_, members)| {
            let whole = covering(&joint.sets, &members).is_some();
            (names(program, &members), whole)
        })
        .collect();
    Outline { groups, declared }
}

/// The maximal cliques (three or more) of the pair graph within each jointly applicable set,
/// less those inside another, each with a set that holds it.
fn cliques<'s>(
    program: &Program,
    pairs: &[Overlap],
    sets: &'s [Joint],
) -> (Vec<(Vec<OffenceId>, &'s Joint)>, bool) {
    let index = |section: &str| program.offence_id(section).expect("a pair names offences");
    let n = program.offences.len();
    let mut adjacent = vec![vec![false; n]; n];
    for pair in pairs {
        let (a, b) = (index(&pair.sections[0]), index(&pair.sections[1]));
        adjacent[a][b] = true;
        adjacent[b][a] = true;
    }
    let mut cliques = Vec::new();
    let mut found = Vec::new();
    for set in sets {
        let start = cliques.len();
        maximal_cliques(
            &adjacent,
            &mut Vec::new(),
            set.members.clone(),
            Vec::new(),
            &mut cliques,
        );
        for clique in cliques[start..].iter().filter(|c| c.len() >= 3) {
            let mut clique = clique.clone();
            clique.sort_unstable();
            found.push((clique, set));
        }
    }
    let complete = cliques.len() <= MAX_CLIQUES;
    (maximal(found), complete)
}

/// A jointly applicable set that holds every one of `members`.
fn covering<'s>(sets: &'s [Joint], members: &[OffenceId]) -> Option<&'s Joint> {
    sets.iter().find(|set| is_subset(members, &set.members))
}

/// Every declared overlap that names three or more offences, with them in the order of the law.
fn declared_members(program: &Program) -> Vec<(&crate::model::Overlap, Vec<OffenceId>)> {
    program
        .overlaps
        .iter()
        .map(|overlap| {
            let mut members = overlap.sections.clone();
            members.sort_unstable();
            members.dedup();
            (overlap, members)
        })
        .filter(|(_, members)| members.len() >= 3)
        .collect()
}

fn group(encoding: &Encoding<'_>, members: &[OffenceId], set: &Joint, today: Date) -> Group {
    let program = encoding.program;
    let witness = witness(encoding, members, set, today);
    let sections = names(program, members);
    let declared = program
        .overlaps
        .iter()
        .find(|o| members.iter().all(|m| o.sections.contains(m)))
        .map(|o| (o.kind, o.cite.clone()));
    Group {
        conflicts: conflicts(program, &witness, members, today),
        sections,
        declared,
        witness,
    }
}

/// Every declared overlap of three or more offences: all of them apply together when one
/// jointly applicable set holds them all; if none does, the largest parts that can are its
/// largest shares of those sets.
fn declared(encoding: &Encoding<'_>, sets: &[Joint], today: Date) -> Vec<DeclaredGroup> {
    let program = encoding.program;
    declared_members(program)
        .into_iter()
        .map(|(overlap, members)| {
            let whole = covering(sets, &members);
            DeclaredGroup {
                sections: names(program, &members),
                kind: overlap.kind,
                cite: overlap.cite.clone(),
                witness: whole.map(|set| witness(encoding, &members, set, today)),
                parts: if whole.is_some() {
                    Vec::new()
                } else {
                    parts(program, sets, &members)
                },
            }
        })
        .collect()
}

/// The largest parts (two or more) of `members` that can apply together: their largest shares
/// of the jointly applicable sets.
fn parts(program: &Program, sets: &[Joint], members: &[OffenceId]) -> Vec<Vec<String>> {
    let shares = sets
        .iter()
        .map(|set| {
            let share: Vec<OffenceId> = members
                .iter()
                .copied()
                .filter(|m| set.members.contains(m))
                .collect();
            (share, set)
        })
        .filter(|(share, _)| share.len() >= 2)
        .collect();
    maximal(shares)
        .iter()
        .map(|(share, _)| names(program, share))
        .collect()
}

fn names(program: &Program, members: &[OffenceId]) -> Vec<String> {
    members
        .iter()
        .map(|&i| program.offences[i].section.clone())
        .collect()
}

/// A minimal case on which every member applies, from a jointly applicable set that holds
/// them.
fn witness(encoding: &Encoding<'_>, members: &[OffenceId], set: &Joint, today: Date) -> Case {
    let program = encoding.program;
    let holds = |case: &Case| {
        members
            .iter()
            .all(|&i| section_status(program, case, today, i) == Status::Applies)
    };
    minimize(
        program,
        encoding.case_values(&set.valuation()),
        &reads(program, members),
        holds,
    )
}

/// Drops duplicates and every set inside another; largest first, then in the order of the law.
fn maximal(found: Vec<(Vec<OffenceId>, &Joint)>) -> Vec<(Vec<OffenceId>, &Joint)> {
    maximal_by(found, |(members, _)| members)
}

/// Bron–Kerbosch with a pivot: every maximal clique of the pair graph (stopping past
/// [`MAX_CLIQUES`]).
fn maximal_cliques(
    adjacent: &[Vec<bool>],
    clique: &mut Vec<OffenceId>,
    mut candidates: Vec<OffenceId>,
    mut excluded: Vec<OffenceId>,
    out: &mut Vec<Vec<OffenceId>>,
) {
    if out.len() > MAX_CLIQUES {
        return;
    }
    let Some(&pivot) = candidates
        .iter()
        .chain(&excluded)
        .max_by_key(|&&u| candidates.iter().filter(|&&v| adjacent[u][v]).count())
    else {
        out.push(clique.clone());
        return;
    };
    let branches: Vec<OffenceId> = candidates
        .iter()
        .copied()
        .filter(|&v| !adjacent[pivot][v])
        .collect();
    for v in branches {
        let near = |list: &[OffenceId]| list.iter().copied().filter(|&u| adjacent[v][u]).collect();
        clique.push(v);
        maximal_cliques(adjacent, clique, near(&candidates), near(&excluded), out);
        clique.pop();
        candidates.retain(|&u| u != v);
        excluded.push(v);
    }
}
