//! Explanations that need more than one evaluation: which unknown facts decide a section
//! (exactly: some value of the fact alone settles it), and the smallest changes to the facts
//! that flip a section (trainer mode). Searches the finite fact space of [`crate::domain`],
//! re-evaluating the case for every candidate; prints nothing.

use jiff::civil::Date;

use crate::domain::Domain;
use crate::eval::{Outcome, Status, section_status};
use crate::facts::Case;
use crate::model::{Expr, FactId, Program, Type, Value};
use crate::resolve::undecided_inputs;

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
    section: usize,
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

/// The smallest sets of changes (up to three facts) that make a section apply if it does not,
/// or stop applying if it does; at most five, smallest first. Every flip is re-evaluated.
pub fn flips(
    program: &Program,
    domain: &Domain,
    case: &Case,
    outcome: &Outcome,
    section: usize,
    today: Date,
) -> Vec<Flip> {
    let current = outcome.sections[section].status;
    let target = if current == Status::Applies {
        Status::DoesNotApply
    } else {
        Status::Applies
    };
    let candidates = candidate_changes(program, domain, case, outcome, section);
    let mut found: Vec<Flip> = Vec::new();
    for size in 1..=MAX_CHANGES {
        for combination in combinations(candidates.len(), size) {
            if found.len() >= MAX_FLIPS {
                return found;
            }
            let changes: Vec<&Change> = combination.iter().map(|&i| &candidates[i]).collect();
            let facts: Vec<FactId> = changes.iter().map(|c| c.fact).collect();
            let distinct = facts
                .iter()
                .enumerate()
                .all(|(i, f)| !facts[..i].contains(f));
            let minimal = !found
                .iter()
                .any(|flip| flip.changes.iter().all(|c| changes.contains(&c)));
            if !distinct || !minimal {
                continue;
            }
            let values: Vec<(FactId, Value)> =
                changes.iter().map(|c| (c.fact, c.to.clone())).collect();
            let changed = with_values(case, &values);
            if section_status(program, &changed, today, outcome.sections[section].offence) == target
            {
                found.push(Flip {
                    to: target,
                    changes: changes.into_iter().cloned().collect(),
                });
            }
        }
    }
    found
}

/// Every single-fact change worth trying: each representative value of each input fact the
/// section reads, and for sets, adding or removing one member the rules test.
fn candidate_changes(
    program: &Program,
    domain: &Domain,
    case: &Case,
    outcome: &Outcome,
    section: usize,
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
                    let (to, verb) = if bits & bit == 0 {
                        (bits | bit, "also includes")
                    } else {
                        (bits & !bit, "no longer includes")
                    };
                    changes.push(Change {
                        fact,
                        to: Value::Set(to),
                        description: format!("{name} {verb} {}", members[member]),
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
                        let verb = if current.is_some() {
                            "were"
                        } else {
                            "is given as"
                        };
                        changes.push(Change {
                            fact,
                            to: value.clone(),
                            description: format!("{name} {verb} {}", value.display(ty)),
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

/// Index combinations of `size` out of `n`, in lexicographic order.
fn combinations(n: usize, size: usize) -> Vec<Vec<usize>> {
    let mut all = Vec::new();
    let mut current = Vec::with_capacity(size);
    fn walk(
        start: usize,
        n: usize,
        size: usize,
        current: &mut Vec<usize>,
        all: &mut Vec<Vec<usize>>,
    ) {
        if current.len() == size {
            all.push(current.clone());
            return;
        }
        for i in start..n {
            current.push(i);
            walk(i + 1, n, size, current, all);
            current.pop();
        }
    }
    walk(0, n, size, &mut current, &mut all);
    all
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

#[cfg(test)]
mod tests {
    use super::combinations;

    #[test]
    fn combinations_are_complete_and_ordered() {
        assert_eq!(combinations(3, 2), [[0, 1], [0, 2], [1, 2]]);
        assert_eq!(combinations(2, 3).len(), 0);
    }
}
