//! Explanations that need more than one evaluation: which unknown facts decide a section
//! (exactly: some value of the fact alone settles it), and the smallest changes to the facts
//! that flip a section (trainer mode). Searches the finite fact space of [`crate::domain`],
//! re-evaluating the case for every candidate; prints nothing.

use jiff::civil::Date;

use crate::domain::Domain;
use crate::eval::{Outcome, Status, section_status, section_statuses};
use crate::facts::Case;
use crate::model::{Expr, FactId, OffenceId, Program, Type, Value};
use crate::resolve::{Note, Unlisted, undecided_inputs};

/// How many flips to report at most, and the largest change set searched.
const MAX_FLIPS: usize = 5;
const MAX_CHANGES: usize = 3;

/// A change to one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The fact.
    pub fact: FactId,
    /// Its new value.
    pub to: Value,
    /// The change in words (`conduct.means also includes fraud`).
    pub description: String,
}

/// A set of changes that flips a section.
#[derive(Debug, Clone)]
pub struct Flip {
    /// The status the changes lead to.
    pub to: Status,
    /// The changes, all needed.
    pub changes: Vec<Change>,
}

/// The unknown facts of a `may_apply` section that decide it: for each, some value that,
/// given alone, makes the section apply or not apply. Facts that cannot settle it alone are
/// left out even if the section reads them.
pub fn deciding_facts(
    program: &Program,
    domain: &Domain,
    case: &Case,
    outcome: &Outcome,
    section: OffenceId,
    today: Date,
) -> Vec<FactId> {
    let current = &outcome.sections[section];
    if current.status != Status::MayApply {
        return Vec::new();
    }
    undecided_inputs(program, current)
        .into_iter()
        .filter(|&fact| {
            domain.of(fact).iter().any(|value| {
                let changed = with_values(case, &[(fact, value.clone())]);
                section_status(program, &changed, today, current.offence) != Status::MayApply
            })
        })
        .collect()
}

/// How many candidate change sets `--flip` re-evaluates at most. Each evaluation reads the
/// whole law, and a sparse case has thousands of candidate triples, so the search is bounded
/// and says when it stopped early rather than running for minutes.
const MAX_EVALUATIONS: usize = 20_000;

/// What the search for flips found, and whether it tried every change set it meant to.
#[derive(Debug, Clone)]
pub struct FlipSearch {
    /// The flips found, smallest first.
    pub flips: Vec<Flip>,
    /// `false` when the evaluation budget ran out: smaller or other flips may exist.
    pub complete: bool,
    /// How many change sets were evaluated.
    pub evaluated: usize,
}

/// The smallest sets of changes (up to three facts) that make a section apply if it does not,
/// or stop applying if it does; at most five, smallest first. Every flip is re-evaluated, at
/// most [`MAX_EVALUATIONS`] times in all.
pub fn flips(
    program: &Program,
    domain: &Domain,
    case: &Case,
    outcome: &Outcome,
    section: OffenceId,
    today: Date,
) -> FlipSearch {
    let offence = outcome.sections[section].offence;
    let target = if outcome.sections[section].status == Status::Applies {
        Status::DoesNotApply
    } else {
        Status::Applies
    };
    let candidates = candidate_changes(program, domain, case, outcome, section);
    let mut search = FlipSearch {
        flips: Vec::new(),
        complete: true,
        evaluated: 0,
    };
    for size in 1..=MAX_CHANGES {
        for combination in DistinctFactCombinations::new(&candidates, size) {
            if search.flips.len() >= MAX_FLIPS {
                return search;
            }
            let changes: Vec<&Change> = combination.iter().map(|&i| &candidates[i]).collect();
            if contains_a_flip(&search.flips, &changes) {
                continue;
            }
            if search.evaluated == MAX_EVALUATIONS {
                search.complete = false;
                return search;
            }
            search.evaluated += 1;
            let values: Vec<(FactId, Value)> =
                changes.iter().map(|c| (c.fact, c.to.clone())).collect();
            if section_status(program, &with_values(case, &values), today, offence) == target {
                search.flips.push(Flip {
                    to: target,
                    changes: changes.into_iter().cloned().collect(),
                });
            }
        }
    }
    search
}

/// Whether a change set includes every change of a flip already found, so it is not minimal.
fn contains_a_flip(found: &[Flip], changes: &[&Change]) -> bool {
    found
        .iter()
        .any(|flip| flip.changes.iter().all(|c| changes.contains(&c)))
}

/// Every single-fact change worth trying: each representative value of each input fact the
/// section reads, and for sets, adding or removing one member the rules test.
fn candidate_changes(
    program: &Program,
    domain: &Domain,
    case: &Case,
    outcome: &Outcome,
    section: OffenceId,
) -> Vec<Change> {
    let offence = &program.offences[outcome.sections[section].offence];
    let mut facts: Vec<FactId> = offence.inputs();
    if outcome.sections[section].territory.is_some() {
        facts.extend(program.case_province);
    }
    facts.sort_unstable();
    facts.dedup();
    let mut changes = Vec::new();
    for fact in facts {
        let ty = &program.facts[fact].ty;
        let current = case.values[fact].clone();
        let name = &program.facts[fact].name;
        match (ty, &current) {
            (Type::Set(members), Some(Value::Set(bits))) => {
                let tested: u64 = domain.masks[fact].iter().fold(0, |all, mask| all | mask);
                for member in (0..members.len()).filter(|m| tested & (1 << m) != 0) {
                    let bit = 1u64 << member;
                    let args = [
                        ("fact", name.as_str()),
                        ("member", members[member].as_str()),
                    ];
                    let (to, description) = if bits & bit == 0 {
                        (
                            bits | bit,
                            crate::i18n::trf("{fact} also includes {member}", &args),
                        )
                    } else {
                        (
                            bits & !bit,
                            crate::i18n::trf("{fact} no longer includes {member}", &args),
                        )
                    };
                    changes.push(Change {
                        fact,
                        to: Value::Set(to),
                        description,
                    });
                }
            }
            _ => {
                let mut values: Vec<&Value> = domain.of(fact).iter().collect();
                // Nearest first: a flip at 17 reads better than one at 0 for an age of 22.
                if let Some(Value::Int(now)) = &current {
                    values.sort_by_key(|v| match v {
                        Value::Int(v) => v.abs_diff(*now),
                        _ => u64::MAX,
                    });
                }
                for value in values {
                    if current.as_ref() != Some(value) {
                        let shown = value.display(ty);
                        let args = [("fact", name.as_str()), ("value", shown.as_str())];
                        let description = if current.is_some() {
                            crate::i18n::trf("{fact} were {value}", &args)
                        } else {
                            crate::i18n::trf("{fact} is given as {value}", &args)
                        };
                        changes.push(Change {
                            fact,
                            to: value.clone(),
                            description,
                        });
                    }
                }
            }
        }
    }
    changes
}

/// The case with some facts replaced.
pub fn with_values(case: &Case, values: &[(FactId, Value)]) -> Case {
    let mut changed = case.clone();
    for (fact, value) in values {
        changed.values[*fact] = Some(value.clone());
    }
    changed
}

/// Index combinations of `size` candidates that change `size` different facts, in
/// lexicographic order, produced one at a time: the number of combinations grows with the
/// cube of the candidates, so they are never held in memory together. Candidates must be
/// grouped by fact (as [`candidate_changes`] gives them).
struct DistinctFactCombinations {
    /// For each candidate, the index of the first candidate of the next fact.
    next_fact: Vec<usize>,
    /// The combination to yield next, or `None` when all have been yielded.
    current: Option<Vec<usize>>,
}

impl DistinctFactCombinations {
    fn new(candidates: &[Change], size: usize) -> Self {
        // Filled from the end, so one fact with many candidates costs no more than many facts.
        let mut next_fact = vec![candidates.len(); candidates.len()];
        for i in (0..candidates.len().saturating_sub(1)).rev() {
            next_fact[i] = if candidates[i + 1].fact == candidates[i].fact {
                next_fact[i + 1]
            } else {
                i + 1
            };
        }
        let mut combinations = DistinctFactCombinations {
            next_fact,
            current: None,
        };
        if size > 0 {
            let mut first = vec![0; size];
            if combinations.fill_after(&mut first, 0) {
                combinations.current = Some(first);
            }
        }
        combinations
    }

    /// Sets every position after `fixed` to the earliest candidate of a later fact than the
    /// position before it; `false` if the candidates run out.
    fn fill_after(&self, indices: &mut [usize], fixed: usize) -> bool {
        let n = self.next_fact.len();
        if indices[fixed] >= n {
            return false;
        }
        for position in fixed + 1..indices.len() {
            indices[position] = self.next_fact[indices[position - 1]];
            if indices[position] >= n {
                return false;
            }
        }
        true
    }
}

impl Iterator for DistinctFactCombinations {
    type Item = Vec<usize>;

    fn next(&mut self) -> Option<Vec<usize>> {
        let current = self.current.take()?;
        let mut following = current.clone();
        // Advance the rightmost position that still leaves room for the positions after it.
        self.current = (0..following.len()).rev().find_map(|position| {
            following[position] += 1;
            self.fill_after(&mut following, position)
                .then(|| following.clone())
        });
        Some(current)
    }
}

/// The facts an expression reads directly (not through derived facts).
pub fn direct_facts(expr: &Expr, found: &mut Vec<FactId>) {
    match expr {
        Expr::Const(_) => {}
        Expr::Fact(f) | Expr::SetAny(f, _) | Expr::SetAll(f, _) | Expr::EnumIn(f, _) => {
            if !found.contains(f) {
                found.push(*f);
            }
        }
        Expr::Not(operand) => direct_facts(operand, found),
        Expr::And(l, r) | Expr::Or(l, r) | Expr::Compare(_, l, r) => {
            direct_facts(l, found);
            direct_facts(r, found);
        }
    }
}

/// Members a closed list leaves out that would, listed alone, make a section apply: for each
/// such member, a warning naming the sections (`listing overseas_employment in
/// conduct.purposes would make Emigration Ordinance 1979 s.18 apply`). Only sections whose
/// every unmet element reads the list are tried, so a case costs a few evaluations.
pub fn closed_list_warnings(
    program: &Program,
    case: &Case,
    outcome: &Outcome,
    today: Date,
) -> Vec<Note> {
    // Which sections each closed list blocks, so that each left-out member costs one
    // evaluation of the derived facts, shared by every section it may unblock.
    let mut blocked: Vec<(FactId, Vec<OffenceId>)> = Vec::new();
    for section in outcome
        .sections
        .iter()
        .filter(|s| s.status != Status::Applies)
    {
        let offence = &program.offences[section.offence];
        for fact in closed_lists_blocking(program, case, offence, section) {
            match blocked.iter_mut().find(|(f, _)| *f == fact) {
                Some((_, offences)) => offences.push(section.offence),
                None => blocked.push((fact, vec![section.offence])),
            }
        }
    }
    // Each member with the first section it unblocks, to keep the warnings in section order.
    let mut found: Vec<(OffenceId, FactId, usize, Vec<OffenceId>)> = Vec::new();
    for (fact, offences) in blocked {
        let Some(Value::Set(bits)) = case.values[fact] else {
            continue;
        };
        let members = program.facts[fact].ty.members().map_or(0, <[String]>::len);
        for member in (0..members).filter(|m| bits & (1 << m) == 0) {
            let listed = with_values(case, &[(fact, Value::Set(bits | 1 << member))]);
            let statuses = section_statuses(program, &listed, today, &offences);
            let unblocked: Vec<OffenceId> = offences
                .iter()
                .zip(statuses)
                .filter(|(_, status)| *status == Status::Applies)
                .map(|(&o, _)| o)
                .collect();
            if let Some(&first) = unblocked.first() {
                found.push((first, fact, member, unblocked));
            }
        }
    }
    found.sort_by_key(|(first, ..)| *first);
    let found = found
        .into_iter()
        .map(|(_, fact, member, cited)| (fact, member, cited))
        .collect();
    warnings_by_list(found)
}

/// One warning per closed list: each group of members that would make the same sections apply.
fn warnings_by_list(found: Vec<(FactId, usize, Vec<OffenceId>)>) -> Vec<Note> {
    let mut lists: Vec<(FactId, Vec<Unlisted>)> = Vec::new();
    for (fact, member, sections) in found {
        let index = match lists.iter().position(|(f, _)| *f == fact) {
            Some(index) => index,
            None => {
                lists.push((fact, Vec::new()));
                lists.len() - 1
            }
        };
        let groups = &mut lists[index].1;
        match groups.iter_mut().find(|g| g.sections == sections) {
            Some(group) => group.members.push(member),
            None => groups.push(Unlisted {
                members: vec![member],
                sections,
            }),
        }
    }
    (lists.into_iter())
        .map(|(fact, groups)| Note::ClosedList { fact, groups })
        .collect()
}

/// The closed lists of the case that every unmet element of a section reads: adding a member
/// to one of them is the only single change that could make the section apply.
fn closed_lists_blocking(
    program: &Program,
    case: &Case,
    offence: &crate::model::Offence,
    section: &crate::eval::SectionOutcome,
) -> Vec<FactId> {
    if section.version.is_none()
        || section
            .territory
            .as_ref()
            .is_some_and(|t| t.holds != Some(true))
    {
        return Vec::new();
    }
    let unmet: Vec<&[FactId]> = section
        .elements
        .iter()
        .filter(|e| e.holds != Some(true))
        .map(|e| offence.elements[e.element].inputs.as_slice())
        .collect();
    let Some(first) = unmet.first() else {
        return Vec::new();
    };
    first
        .iter()
        .copied()
        .filter(|&fact| matches!(case.values[fact], Some(Value::Set(_))))
        // Only a list the case file writes: not the attempts a closed `conduct.acts` closes.
        .filter(|&fact| case.given_at[fact].is_some())
        .filter(|fact| unmet.iter().all(|inputs| inputs.contains(fact)))
        .filter(|&fact| matches!(program.facts[fact].ty, Type::Set(_)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Change, DistinctFactCombinations};
    use crate::model::{FactId, Value};

    fn candidates(facts: &[usize]) -> Vec<Change> {
        facts
            .iter()
            .map(|&fact| Change {
                fact: FactId(fact),
                to: Value::Bool(true),
                description: String::new(),
            })
            .collect()
    }

    #[test]
    fn combinations_are_complete_and_ordered() {
        let all: Vec<Vec<usize>> =
            DistinctFactCombinations::new(&candidates(&[0, 1, 2]), 2).collect();
        assert_eq!(all, [[0, 1], [0, 2], [1, 2]]);
        assert_eq!(
            DistinctFactCombinations::new(&candidates(&[0, 1]), 3).count(),
            0
        );
    }

    #[test]
    fn combinations_never_change_one_fact_twice() {
        let all: Vec<Vec<usize>> =
            DistinctFactCombinations::new(&candidates(&[0, 0, 1, 2, 2]), 2).collect();
        assert_eq!(
            all,
            [
                [0, 2],
                [0, 3],
                [0, 4],
                [1, 2],
                [1, 3],
                [1, 4],
                [2, 3],
                [2, 4]
            ]
        );
        let triples: Vec<Vec<usize>> =
            DistinctFactCombinations::new(&candidates(&[0, 0, 1, 2, 2]), 3).collect();
        assert_eq!(triples, [[0, 2, 3], [0, 2, 4], [1, 2, 3], [1, 2, 4]]);
    }
}
