//! Groups of three or more offences that can all apply on one set of facts: the maximal such
//! groups among offences that overlap pairwise, and a check of every declared overlap of three
//! or more sections. Pairwise overlap does not make a group: each group is the BDD conjunction
//! of its members, and its witness is re-evaluated like a pair's.

use biodivine_lib_bdd::Bdd;
use jiff::civil::Date;

use super::{Encoding, Overlap, conflicts, date_scope, minimize, reads};
use crate::eval::{Status, section_status};
use crate::facts::Case;
use crate::model::{OverlapKind, Program};

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
    /// False when the search stopped at [`MAX_STEPS`] before trying every group.
    pub complete: bool,
    /// Every declared overlap of three or more offences, checked.
    pub declared: Vec<DeclaredGroup>,
}

/// How many groups are reported with a witness.
pub const MAX_GROUPS: usize = 200;

/// How many search steps (each a handful of BDD conjunctions) the group search may take.
pub const MAX_STEPS: usize = 400;

/// The maximal groups of three or more pairwise-overlapping offences (the pairs in `pairs`)
/// that can all apply together, and every declared overlap of three or more offences checked.
///
/// Bron–Kerbosch finds the maximal cliques of the pair graph; within each clique a second
/// Bron–Kerbosch, on "can still apply together" instead of adjacency, finds the largest parts
/// whose conjunction is satisfiable, stopping a branch as soon as all its candidates fit
/// together. A group maximal in its clique but inside another clique's group is dropped.
pub fn groups(
    encoding: &mut Encoding<'_>,
    pairs: &[Overlap],
    date: Option<Date>,
    today: Date,
) -> Groups {
    let program = encoding.program;
    let scope = date_scope(encoding, date);
    let applies: Vec<Bdd> = encoding.applies.iter().map(|a| a.and(&scope)).collect();
    let index = |section: &str| {
        program
            .offences
            .iter()
            .position(|o| o.section == section)
            .expect("a pair names offences")
    };
    let n = applies.len();
    let mut adjacent = vec![vec![false; n]; n];
    for pair in pairs {
        let (a, b) = (index(&pair.sections[0]), index(&pair.sections[1]));
        adjacent[a][b] = true;
        adjacent[b][a] = true;
    }
    let apart: Vec<Vec<bool>> = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| a != b && applies[a].and(&applies[b]).is_false())
                .collect()
        })
        .collect();
    let mut cliques = Vec::new();
    let vertices = (0..n).filter(|&v| adjacent[v].contains(&true)).collect();
    maximal_cliques(
        &adjacent,
        &mut Vec::new(),
        vertices,
        Vec::new(),
        &mut cliques,
    );
    let mut search = Search {
        applies: &applies,
        apart: &apart,
        steps: 0,
        found: Vec::new(),
        smallest: 3,
    };
    for clique in cliques.into_iter().filter(|c| c.len() >= 3) {
        search.run(&scope, clique);
    }
    let complete = search.steps < MAX_STEPS;
    let found = maximal(search.found);
    let encoding = &*encoding;
    let groups = found
        .iter()
        .take(MAX_GROUPS)
        .map(|(members, cases)| group(encoding, members, cases, today))
        .collect();
    let declared = declared(encoding, &applies, &apart, &scope, today);
    Groups {
        found: found.len(),
        groups,
        complete,
        declared,
    }
}

fn group(encoding: &Encoding<'_>, members: &[usize], cases: &Bdd, today: Date) -> Group {
    let program = encoding.program;
    let witness = witness(encoding, members, cases, today);
    let sections = names(program, members);
    let declared = program
        .overlaps
        .iter()
        .find(|o| sections.iter().all(|s| o.sections.contains(s)))
        .map(|o| (o.kind, o.cite.clone()));
    Group {
        conflicts: conflicts(program, &witness, members, today),
        sections,
        declared,
        witness,
    }
}

/// Every declared overlap of three or more offences: can they all apply, and if not, which
/// largest parts can.
fn declared(
    encoding: &Encoding<'_>,
    applies: &[Bdd],
    apart: &[Vec<bool>],
    scope: &Bdd,
    today: Date,
) -> Vec<DeclaredGroup> {
    let program = encoding.program;
    let mut checked = Vec::new();
    for overlap in &program.overlaps {
        let members: Vec<usize> = overlap
            .sections
            .iter()
            .filter_map(|s| program.offences.iter().position(|o| &o.section == s))
            .collect();
        if members.len() < 3 {
            continue;
        }
        let mut search = Search {
            applies,
            apart,
            steps: 0,
            found: Vec::new(),
            smallest: 2,
        };
        search.run(scope, members.clone());
        let found = maximal(search.found);
        let whole = found.iter().find(|(m, _)| m.len() == members.len());
        checked.push(DeclaredGroup {
            sections: names(program, &members),
            kind: overlap.kind,
            cite: overlap.cite.clone(),
            witness: whole.map(|(m, cases)| witness(encoding, m, cases, today)),
            parts: if whole.is_some() {
                Vec::new()
            } else {
                found.iter().map(|(m, _)| names(program, m)).collect()
            },
        });
    }
    checked
}

fn names(program: &Program, members: &[usize]) -> Vec<String> {
    members
        .iter()
        .map(|&i| program.offences[i].section.clone())
        .collect()
}

/// A minimal case on which every member applies, from the cases on which they all do.
fn witness(encoding: &Encoding<'_>, members: &[usize], cases: &Bdd, today: Date) -> Case {
    let program = encoding.program;
    let valuation = cases
        .sat_witness()
        .expect("a group's members apply together");
    let holds = |case: &Case| {
        members
            .iter()
            .all(|&i| section_status(program, case, today, i) == Status::Applies)
    };
    minimize(
        program,
        encoding.case_values(&valuation),
        &reads(program, members),
        holds,
    )
}

/// Drops duplicates and every set inside another; largest first, then in the order of the law.
fn maximal(mut found: Vec<(Vec<usize>, Bdd)>) -> Vec<(Vec<usize>, Bdd)> {
    found.sort_by(|(a, _), (b, _)| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let mut kept: Vec<(Vec<usize>, Bdd)> = Vec::new();
    for (members, cases) in found {
        if !kept
            .iter()
            .any(|(k, _)| members.iter().all(|m| k.contains(m)))
        {
            kept.push((members, cases));
        }
    }
    kept
}

/// Bron–Kerbosch with a pivot: every maximal clique of the pair graph.
fn maximal_cliques(
    adjacent: &[Vec<bool>],
    clique: &mut Vec<usize>,
    mut candidates: Vec<usize>,
    mut excluded: Vec<usize>,
    out: &mut Vec<Vec<usize>>,
) {
    let Some(&pivot) = candidates
        .iter()
        .chain(&excluded)
        .max_by_key(|&&u| candidates.iter().filter(|&&v| adjacent[u][v]).count())
    else {
        out.push(clique.clone());
        return;
    };
    let branches: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&v| !adjacent[pivot][v])
        .collect();
    for v in branches {
        let near = |list: &[usize]| list.iter().copied().filter(|&u| adjacent[v][u]).collect();
        clique.push(v);
        maximal_cliques(adjacent, clique, near(&candidates), near(&excluded), out);
        clique.pop();
        candidates.retain(|&u| u != v);
        excluded.push(v);
    }
}

/// The search for the largest parts of a set of offences that can all apply together.
struct Search<'a> {
    applies: &'a [Bdd],
    /// Pairs of offences that never apply together (within the dates considered).
    apart: &'a [Vec<bool>],
    steps: usize,
    /// Each part found with the cases on which all its members apply.
    found: Vec<(Vec<usize>, Bdd)>,
    /// The smallest part worth reporting.
    smallest: usize,
}

impl Search<'_> {
    /// The maximal parts of `members` whose conjunction (within `cases`) is satisfiable.
    fn run(&mut self, cases: &Bdd, members: Vec<usize>) {
        let members = members
            .into_iter()
            .filter(|&m| !cases.and(&self.applies[m]).is_false())
            .collect();
        self.extend(&mut Vec::new(), cases, members, Vec::new());
    }

    /// Bron–Kerbosch over "can apply together": `part` applies on `cases`; a candidate may
    /// join it, an excluded offence may not. Two offences that never apply together split the
    /// search (with one, or without it); when no two candidates clash, the conjunction of all of
    /// them decides: if satisfiable, they form the one largest part of this branch.
    fn extend(
        &mut self,
        part: &mut Vec<usize>,
        cases: &Bdd,
        candidates: Vec<usize>,
        excluded: Vec<usize>,
    ) {
        if self.steps >= MAX_STEPS || part.len() + candidates.len() < self.smallest {
            return;
        }
        self.steps += 1;
        let clashes = |v: usize| candidates.iter().filter(|&&u| self.apart[v][u]).count();
        let pick = (0..candidates.len()).max_by_key(|&k| clashes(candidates[k]));
        if let Some(pick) = pick.filter(|&k| clashes(candidates[k]) > 0) {
            self.split(part, cases, candidates, excluded, pick);
            return;
        }
        let all = candidates
            .iter()
            .fold(cases.clone(), |all, &v| all.and(&self.applies[v]));
        if !all.is_false() {
            let fits = |x: &usize| !all.and(&self.applies[*x]).is_false();
            if !excluded.iter().any(fits) {
                let mut members: Vec<usize> = part.iter().chain(&candidates).copied().collect();
                members.sort_unstable();
                self.found.push((members, all));
            }
            return;
        }
        // The clash involves `part` or three or more candidates: drop candidates that cannot
        // join `part` at all, else split on the first.
        let joinable: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&u| !cases.and(&self.applies[u]).is_false())
            .collect();
        if joinable.len() < candidates.len() {
            self.extend(part, cases, joinable, excluded);
        } else {
            self.split(part, cases, candidates, excluded, 0);
        }
    }

    /// The two branches on one candidate: with it (its clashing candidates dropped), and
    /// without it.
    fn split(
        &mut self,
        part: &mut Vec<usize>,
        cases: &Bdd,
        mut candidates: Vec<usize>,
        mut excluded: Vec<usize>,
        pick: usize,
    ) {
        let v = candidates.swap_remove(pick);
        let with = cases.and(&self.applies[v]);
        let near = |list: &[usize]| -> Vec<usize> {
            list.iter()
                .copied()
                .filter(|&u| !self.apart[v][u])
                .collect()
        };
        let (near_candidates, near_excluded) = (near(&candidates), near(&excluded));
        part.push(v);
        self.extend(part, &with, near_candidates, near_excluded);
        part.pop();
        excluded.push(v);
        self.extend(part, cases, candidates, excluded);
    }
}
