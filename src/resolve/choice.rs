//! Choosing a section's agency and court from its jurisdiction clauses: the first clause
//! (in the order written) whose condition holds wins; an unknown condition before it leaves
//! the choice open between the candidates. With no clause holding, the statute's default stands.

use crate::eval::value::{truth, unsettled_inputs};
use crate::eval::{Outcome, SectionOutcome};
use crate::model::in_force;
use crate::model::{Clause, FactId, OffenceId, Program, Value};
use crate::statute::{Court, OffenceParticulars, Reading};

use super::SectionJurisdiction;

/// An agency or court chosen for a section, or the candidates if unknown facts leave it open.
#[derive(Debug, Clone)]
pub struct Choice<T> {
    /// The choice, when the facts settle it.
    pub chosen: Option<Candidate<T>>,
    /// When not settled: every value it could be, in clause order.
    pub options: Vec<Candidate<T>>,
    /// Unknown facts that would settle it.
    pub deciding: Vec<FactId>,
}

/// A possible agency or court, with the rule behind it.
#[derive(Debug, Clone)]
pub struct Candidate<T> {
    /// The agency or court.
    pub value: T,
    /// The rule behind it.
    pub ground: Ground,
}

/// Why an agency or court is named for a section, as data: the renderers write the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    /// A jurisdiction clause: its index among the offence's clauses.
    Clause { offence: OffenceId, clause: usize },
    /// The agency or court the statute data gives the section.
    Default { offence: OffenceId, given: Given },
}

/// Which forum a statute default names, and for which version of the section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    /// The investigating agency of the version in force on the offence date.
    Agency,
    /// The trial court of the version in force on the offence date.
    Court,
    /// The trial court of the version in force on the trial day (a forum changed since).
    LaterCourt,
}

impl Ground {
    /// Whether a jurisdiction rule chose it (rather than the statute data's default).
    pub fn by_rule(self) -> bool {
        matches!(self, Ground::Clause { .. })
    }
}

pub(super) fn section_jurisdiction(
    program: &Program,
    outcome: &Outcome,
    section: &SectionOutcome,
) -> SectionJurisdiction {
    let particulars = in_force(program, section);
    let offence = section.offence;
    let law = &in_force::on(program, outcome.reading()).offences[offence];
    let clauses = &program.offences[offence].clauses;
    let default = |given| Ground::Default { offence, given };
    let agency = choose(
        program,
        offence,
        &law.agency,
        outcome,
        (particulars.agency, default(Given::Agency)),
    );
    let court = choose(
        program,
        offence,
        &law.court,
        outcome,
        (particulars.court, default(Given::Court)),
    );
    let later_court = later_court(program, outcome, section, &court);
    let support = (law.support.iter())
        .filter(|&&(index, _)| holds(&clauses[index], &outcome.values) == Some(true))
        .map(|&(index, value)| Candidate {
            value,
            ground: Ground::Clause {
                offence,
                clause: index,
            },
        })
        .collect();
    SectionJurisdiction {
        offence,
        status: section.status,
        agency,
        court,
        later_court,
        support,
    }
}

/// Whether the facts (`values`, derived ones included) settle a section's agency and its
/// court on a reading of the law, decided as [`section_jurisdiction`] decides them but without
/// collecting candidates or the facts that would settle them: the interview asks this once per
/// candidate answer, so it must be cheap.
pub fn settled(
    program: &Program,
    values: &[Option<Value>],
    reading: Reading,
    section: &SectionOutcome,
) -> (bool, bool) {
    let particulars = in_force(program, section);
    let law = &in_force::on(program, reading).offences[section.offence];
    let clauses = &program.offences[section.offence].clauses;
    let agency = decide(
        program,
        naming(&law.agency, clauses),
        values,
        particulars.agency,
        false,
    );
    let court = decide(
        program,
        naming(&law.court, clauses),
        values,
        particulars.court,
        false,
    );
    (agency.chosen.is_some(), court.chosen.is_some())
}

/// The offence particulars of the section's version in force.
fn in_force<'p>(program: &'p Program, section: &SectionOutcome) -> &'p OffenceParticulars {
    let statute = &program.book.sections[section.section(program)];
    section
        .version
        .as_ref()
        .and_then(|(index, _)| statute.versions[*index].offence.as_ref())
        .expect("a section that applies or may apply has an offence version in force")
}

/// The court the law in force on the trial day names for the section, when it is settled and
/// differs from the one the offence date's law names (also settled). A change of forum is
/// procedural and may reach the trial of an earlier offence, or may not: the briefs do not
/// settle it for the 2025 Acts (federal brief s.9 q.2, their transitional clauses were not
/// seen), so both forums are reported and the offence date's stays the one named (issue 15).
fn later_court(
    program: &Program,
    outcome: &Outcome,
    section: &SectionOutcome,
    court: &Choice<Court>,
) -> Option<Candidate<Court>> {
    let reading = outcome.trial_reading()?;
    let then = court.chosen.as_ref()?;
    let law = &in_force::on(program, reading).offences[section.offence];
    let default = Ground::Default {
        offence: section.offence,
        given: Given::LaterCourt,
    };
    let now = choose(
        program,
        section.offence,
        &law.court,
        outcome,
        (law.version.as_ref()?.default_court, default),
    )
    .chosen?;
    (now.value != then.value).then_some(now)
}

fn holds(clause: &Clause, values: &[Option<Value>]) -> Option<bool> {
    clause
        .condition
        .as_ref()
        .map_or(Some(true), |c| truth(c, values))
}

/// Where a candidate comes from: a clause (its index among the offence's clauses) or the
/// statute's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Clause(usize),
    Default,
}

/// An agency or court decided, each value with its source: the value chosen, or the options
/// left open and the unknown facts that would settle them.
#[derive(Debug)]
struct Decision<T> {
    chosen: Option<(T, Source)>,
    options: Vec<(T, Source)>,
    deciding: Vec<FactId>,
}

/// The one place an agency or court is decided from a section's clauses: the first clause
/// whose condition holds wins; an unknown condition before it leaves the choice open; with
/// no clause holding, the statute's default stands. `candidates` are the clauses in force that
/// decide this (an agency, or a court), in the order written, each with its index (the
/// [`Source`]) and the value it names. When `deciding` is false the unknown facts are not
/// collected (the interview only asks whether a choice is settled).
fn decide<'c, T: Copy + PartialEq>(
    program: &Program,
    candidates: impl IntoIterator<Item = (usize, &'c Clause, T)>,
    values: &[Option<Value>],
    default: T,
    deciding: bool,
) -> Decision<T> {
    let mut options: Vec<(T, Source)> = Vec::new();
    let mut unknown = Vec::new();
    for (index, clause, value) in candidates {
        let candidate = (value, Source::Clause(index));
        match holds(clause, values) {
            Some(true) if options.is_empty() => {
                return Decision {
                    chosen: Some(candidate),
                    options,
                    deciding: unknown,
                };
            }
            Some(true) => {
                push_option(&mut options, candidate);
                return open(options, unknown);
            }
            None => {
                push_option(&mut options, candidate);
                if let (Some(condition), true) = (&clause.condition, deciding) {
                    unsettled_inputs(program, condition, values, &mut unknown);
                }
            }
            Some(false) => {}
        }
    }
    if options.is_empty() {
        return Decision {
            chosen: Some((default, Source::Default)),
            options,
            deciding: unknown,
        };
    }
    push_option(&mut options, (default, Source::Default));
    open(options, unknown)
}

/// Clauses in force that decide one thing (`(index into clauses, value)`), with the clauses.
fn naming<'c, T: Copy>(
    options: &'c [(usize, T)],
    clauses: &'c [Clause],
) -> impl Iterator<Item = (usize, &'c Clause, T)> {
    options.iter().map(|&(i, value)| (i, &clauses[i], value))
}

/// The agency or court the facts settle, for the batch plan, from the clauses in force that
/// decide it (`(index into clauses, value)`, as [`crate::model::in_force`] lists them); while open,
/// the unknown facts that would settle it go to `unknown`. Decided by [`decide`], as everywhere.
pub(crate) fn settle<T: Copy + PartialEq>(
    program: &Program,
    options: &[(usize, T)],
    default: T,
    clauses: &[Clause],
    values: &[Option<Value>],
    unknown: &mut Vec<FactId>,
) -> Option<T> {
    // Most sections have no clause on this: the statute's default stands, as `decide` finds.
    if options.is_empty() {
        return Some(default);
    }
    let decision = decide(program, naming(options, clauses), values, default, true);
    unknown.extend(decision.deciding);
    decision.chosen.map(|(value, _)| value)
}

/// A decision with its grounds: a clause of `offence`, or `default`'s ground for the
/// statute's default.
fn choose<T: Copy + PartialEq>(
    program: &Program,
    offence: OffenceId,
    options: &[(usize, T)],
    outcome: &Outcome,
    (default, default_ground): (T, Ground),
) -> Choice<T> {
    let candidates = naming(options, &program.offences[offence].clauses);
    let decision = decide(program, candidates, &outcome.values, default, true);
    let candidate = |(value, source): (T, Source)| Candidate {
        value,
        ground: match source {
            Source::Clause(clause) => Ground::Clause { offence, clause },
            Source::Default => default_ground,
        },
    };
    Choice {
        chosen: decision.chosen.map(candidate),
        options: decision.options.into_iter().map(candidate).collect(),
        deciding: decision.deciding,
    }
}

fn push_option<T: PartialEq>(options: &mut Vec<(T, Source)>, candidate: (T, Source)) {
    if !options.iter().any(|(value, _)| *value == candidate.0) {
        options.push(candidate);
    }
}

/// An open choice; if every option is the same value, it is settled after all.
fn open<T: Copy + PartialEq>(
    mut options: Vec<(T, Source)>,
    mut deciding: Vec<FactId>,
) -> Decision<T> {
    deciding.sort_unstable();
    deciding.dedup();
    if options.len() == 1 {
        return Decision {
            chosen: options.pop(),
            options,
            deciding: Vec::new(),
        };
    }
    Decision {
        chosen: None,
        options,
        deciding,
    }
}
