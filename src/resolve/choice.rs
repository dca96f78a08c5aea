//! Choosing a section's agency and court from its jurisdiction clauses: the first clause
//! (in the order written) whose condition holds wins; an unknown condition before it leaves
//! the choice open between the candidates. With no clause holding, the statute's default stands.

use crate::eval::value::{truth, unsettled_inputs};
use crate::eval::{Outcome, SectionOutcome, holds_on};
use crate::i18n::trf;
use crate::model::{Clause, Decides, FactId, Program};
use crate::statute::{Court, OffenceParticulars};

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
    /// The citation of the clause, or the statute default.
    pub reason: String,
    /// Whether a jurisdiction rule chose it (rather than the statute data's default).
    pub by_rule: bool,
}

pub(super) fn section_jurisdiction(
    program: &Program,
    outcome: &Outcome,
    section: &SectionOutcome,
) -> SectionJurisdiction {
    let offence = &program.offences[section.offence];
    let statute = &program.book.sections[&section.section];
    let particulars = section
        .version
        .as_ref()
        .and_then(|(index, _)| statute.versions[*index].offence.as_ref())
        .expect("a section that applies or may apply has an offence version in force");
    let short = &program.book.instruments[&statute.instrument].short_title;
    let clauses: Vec<&Clause> = offence
        .clauses
        .iter()
        .filter(|c| holds_on(&c.validity, outcome.reading()))
        .collect();
    let citation = format!("{short} {}", section_label(&section.section));
    let cited = [("citation", citation.as_str())];
    let agency = choose(
        program,
        &clauses,
        outcome,
        |d| match d {
            Decides::Agency(agency) => Some(agency),
            _ => None,
        },
        default_candidate(
            particulars,
            |p| p.agency,
            crate::i18n::trf("{citation}: the agency given in the statute data", &cited),
        ),
    );
    let court = choose(
        program,
        &clauses,
        outcome,
        court_of,
        default_candidate(
            particulars,
            |p| p.court,
            crate::i18n::trf("{citation}: the court given in the statute data", &cited),
        ),
    );
    let later_court = later_court(program, outcome, section, &court);
    let support = clauses
        .iter()
        .filter_map(|clause| match clause.decides {
            Decides::Support(agency) if condition_holds(clause, outcome) == Some(true) => {
                Some(Candidate {
                    value: agency,
                    reason: clause.cite.clone(),
                    by_rule: true,
                })
            }
            _ => None,
        })
        .collect();
    SectionJurisdiction {
        section: section.section.clone(),
        status: section.status,
        agency,
        court,
        later_court,
        support,
    }
}

fn court_of(decides: Decides) -> Option<Court> {
    match decides {
        Decides::Court(court) => Some(court),
        _ => None,
    }
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
    let statute = &program.book.sections[&section.section];
    let (version, _) = program.book.version_on(statute, reading)?;
    let particulars = statute.versions[version].offence.as_ref()?;
    let clauses: Vec<&Clause> = program.offences[section.offence]
        .clauses
        .iter()
        .filter(|c| holds_on(&c.validity, reading))
        .collect();
    let short = &program.book.instruments[&statute.instrument].short_title;
    let default = trf(
        "{section}: the court given in the statute data for the version in force now",
        &[(
            "section",
            &format!("{short} {}", section_label(&section.section)),
        )],
    );
    let now = choose(
        program,
        &clauses,
        outcome,
        court_of,
        default_candidate(particulars, |p| p.court, default),
    )
    .chosen?;
    (now.value != then.value).then_some(now)
}

/// `ptpa-2018/3-2` as `s.3-2`.
fn section_label(id: &str) -> String {
    format!("s.{}", id.split_once('/').map_or(id, |(_, number)| number))
}

fn default_candidate<T>(
    particulars: &OffenceParticulars,
    pick: impl Fn(&OffenceParticulars) -> T,
    reason: String,
) -> Candidate<T> {
    Candidate {
        value: pick(particulars),
        reason,
        by_rule: false,
    }
}

fn condition_holds(clause: &Clause, outcome: &Outcome) -> Option<bool> {
    clause
        .condition
        .as_ref()
        .map_or(Some(true), |c| truth(c, &outcome.values))
}

fn choose<T: Copy + PartialEq>(
    program: &Program,
    clauses: &[&Clause],
    outcome: &Outcome,
    target: impl Fn(Decides) -> Option<T>,
    default: Candidate<T>,
) -> Choice<T> {
    let mut options: Vec<Candidate<T>> = Vec::new();
    let mut deciding = Vec::new();
    for clause in clauses {
        let Some(value) = target(clause.decides) else {
            continue;
        };
        let candidate = Candidate {
            value,
            reason: clause.cite.clone(),
            by_rule: true,
        };
        match condition_holds(clause, outcome) {
            Some(true) if options.is_empty() => {
                return Choice {
                    chosen: Some(candidate),
                    options,
                    deciding,
                };
            }
            Some(true) => {
                push_option(&mut options, candidate);
                return open(options, deciding);
            }
            None => {
                push_option(&mut options, candidate);
                if let Some(condition) = &clause.condition {
                    unsettled_inputs(program, condition, &outcome.values, &mut deciding);
                }
            }
            Some(false) => {}
        }
    }
    if options.is_empty() {
        return Choice {
            chosen: Some(default),
            options,
            deciding,
        };
    }
    push_option(&mut options, default);
    open(options, deciding)
}

fn push_option<T: PartialEq>(options: &mut Vec<Candidate<T>>, candidate: Candidate<T>) {
    if !options.iter().any(|o| o.value == candidate.value) {
        options.push(candidate);
    }
}

/// An open choice; if every option is the same value, it is settled after all.
fn open<T: Copy + PartialEq>(
    mut options: Vec<Candidate<T>>,
    mut deciding: Vec<FactId>,
) -> Choice<T> {
    deciding.sort_unstable();
    deciding.dedup();
    if options.len() == 1 {
        return Choice {
            chosen: options.pop(),
            options,
            deciding: Vec::new(),
        };
    }
    Choice {
        chosen: None,
        options,
        deciding,
    }
}
