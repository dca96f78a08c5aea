//! The answer first: a charge sheet built from an [`Outcome`] and its [`Resolution`], and the
//! ranking of sections that may apply. Everything here is a view of conclusions the evaluator
//! and the resolver already reached; nothing about the law is decided again.

use super::{CaseCourt, Choice, Resolution, Role, Unknown, undecided_inputs};
use crate::eval::{Outcome, SectionOutcome, Status};
use crate::model::{FactId, OffenceId, Program};
use crate::statute::{Agency, Court, OffenceParticulars, Punishment, SectionKind, Term, citation};

/// What a prosecutor or an investigating officer reads first: the charges, the court, the
/// agencies, the victim's protections and the questions whose answers would change the most.
#[derive(Debug, Clone)]
pub struct ChargeSheet {
    /// The sections that apply, gravest first.
    pub charges: Vec<Charge>,
    /// The court for the case and whether it may try every charge together.
    pub court: Option<CaseCourt>,
    /// The agency that leads the investigation.
    pub lead: Option<Agency>,
    /// The agencies that take part.
    pub supporting: Vec<Agency>,
    /// The victim's protections (sections of kind `protection`, not procedure such as who
    /// investigates or who may complain): section id and whether it applies or may apply.
    pub protections: Vec<(String, Status)>,
    /// The unknown facts whose answers would change the most conclusions, most decisive first,
    /// with what each would decide.
    pub decisive: Vec<Unknown>,
}

/// One charge: a section that applies, with the particulars of the version in force.
#[derive(Debug, Clone)]
pub struct Charge {
    /// Section id.
    pub section: String,
    /// Its citation (`PTPA 2018 s.3(2)`).
    pub citation: String,
    /// Its heading.
    pub heading: String,
    /// Penalty, procedure, default court and agency of the version in force.
    pub particulars: Option<OffenceParticulars>,
    /// The agency the resolution chose, or the ones it could be when a fact is unknown.
    pub agency: Vec<Agency>,
    /// The court the resolution chose, or the ones it could be.
    pub court: Vec<Court>,
}

/// How many of the interview's most decisive facts a charge sheet lists.
pub const DECISIVE_FACTS: usize = 3;

/// The charge sheet of a case. `decisive` is the interview's ranking of the unknown facts
/// (`interview::decisive_facts`), most decisive first; the first [`DECISIVE_FACTS`] are kept.
pub fn charge_sheet(
    program: &Program,
    outcome: &Outcome,
    resolution: &Resolution,
    decisive: &[FactId],
) -> ChargeSheet {
    let mut charges: Vec<Charge> = outcome
        .sections
        .iter()
        .filter(|s| s.status == Status::Applies)
        .map(|s| charge(program, resolution, s))
        .collect();
    // Stable: sections of equal gravity keep the rules' order.
    charges.sort_by_key(|c| std::cmp::Reverse(gravity_of(c.particulars.as_ref())));
    let agencies_with = |role: Role| {
        resolution
            .agencies
            .iter()
            .filter(move |a| a.role == role)
            .map(|a| a.agency)
    };
    ChargeSheet {
        charges,
        court: resolution.court.clone(),
        lead: agencies_with(Role::Lead).next(),
        supporting: agencies_with(Role::Supporting).collect(),
        protections: victim_protections(program, outcome),
        decisive: decisive
            .iter()
            .take(DECISIVE_FACTS)
            .map(|&fact| Unknown {
                fact,
                affects: resolution
                    .unknown
                    .iter()
                    .find(|u| u.fact == fact)
                    .map(|u| u.affects.clone())
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

/// The protections the victim has or may have, leaving out the procedure sections that `protect`
/// also reports (THOTA 2010 s.14, PECA 2016 s.29): those say who may investigate, complain or
/// try, which the charges already show, and are no protection of the victim.
fn victim_protections(program: &Program, outcome: &Outcome) -> Vec<(String, Status)> {
    outcome
        .protections
        .iter()
        .map(|p| (&program.protections[p.protection].section, p.status))
        .filter(|(section, _)| program.book.sections[*section].kind == SectionKind::Protection)
        .map(|(section, status)| (section.clone(), status))
        .collect()
}

fn charge(program: &Program, resolution: &Resolution, section: &SectionOutcome) -> Charge {
    let jurisdiction = resolution
        .sections
        .iter()
        .find(|j| j.section(program) == section.section(program));
    let agency = jurisdiction.map_or_else(Vec::new, |j| settled_or_open(&j.agency));
    let court = jurisdiction.map_or_else(Vec::new, |j| settled_or_open(&j.court));
    Charge {
        section: section.section(program).to_owned(),
        citation: citation(&program.book, section.section(program)),
        heading: program.book.sections[section.section(program)]
            .heading
            .clone(),
        particulars: particulars(program, section).cloned(),
        agency,
        court,
    }
}

/// The value chosen, or every value it could be when an unknown fact leaves it open.
fn settled_or_open<T: Copy>(choice: &Choice<T>) -> Vec<T> {
    match &choice.chosen {
        Some(chosen) => vec![chosen.value],
        None => choice.options.iter().map(|c| c.value).collect(),
    }
}

/// The particulars of the version of a section in force on the case date.
pub fn particulars<'a>(
    program: &'a Program,
    section: &SectionOutcome,
) -> Option<&'a OffenceParticulars> {
    let (index, _) = section.version.as_ref()?;
    program.book.sections[section.section(program)].versions[*index]
        .offence
        .as_ref()
}

/// How grave a sentence is, to order charges: death first, then the longest maximum term,
/// then the longest minimum. A section with no imprisonment (a fine only) comes last; a term
/// with no maximum stated counts by its minimum.
pub fn gravity(punishment: &Punishment) -> Gravity {
    let prison = punishment.imprisonment.unwrap_or_default();
    (punishment.death, prison.max.or(prison.min), prison.min)
}

fn gravity_of(particulars: Option<&OffenceParticulars>) -> Gravity {
    particulars.map_or((false, None, None), |p| gravity(&p.punishment))
}

/// The rank (1 for the closest) of every section that may apply, by offence (`None` for
/// the others). Criterion, closest first: a section with an element the facts already meet
/// before one with none; then the fewest unknown elements stand between the section and
/// "applies"; then the fewest unknown facts decide them; then the gravest penalty; then the
/// rules' order.
pub fn relevance(program: &Program, outcome: &Outcome) -> Vec<Option<usize>> {
    let mut open: Vec<(Closeness, OffenceId)> = outcome
        .sections
        .iter()
        .filter(|s| s.status == Status::MayApply)
        .map(|s| (closeness(program, s), s.offence))
        .collect();
    open.sort_unstable();
    let mut ranks = vec![None; program.offences.len()];
    for (rank, (_, offence)) in open.iter().enumerate() {
        ranks[*offence] = Some(rank + 1);
    }
    ranks
}

/// What ranks a section that may apply, smallest first: whether none of its elements is met
/// yet (a section the case says nothing towards is remote), its unknown elements (the
/// territory counts as one when the province is unknown), the unknown facts that decide them,
/// and its gravity, gravest first.
type Closeness = (bool, usize, usize, std::cmp::Reverse<Gravity>);

/// A sentence's weight: death, then the maximum term, then the minimum (see [`gravity`]).
type Gravity = (bool, Option<Term>, Option<Term>);

fn closeness(program: &Program, section: &SectionOutcome) -> Closeness {
    let unknown_elements = section
        .elements
        .iter()
        .filter(|e| e.holds.is_none())
        .count()
        + usize::from(
            section
                .territory
                .as_ref()
                .is_some_and(|t| t.holds.is_none()),
        );
    let facts = undecided_inputs(program, section).len();
    let grave = std::cmp::Reverse(gravity_of(particulars(program, section)));
    (met_elements(section) == 0, unknown_elements, facts, grave)
}

/// The elements of a section the case's facts already meet: how far what the case says
/// reaches towards it.
fn met_elements(section: &SectionOutcome) -> usize {
    section
        .elements
        .iter()
        .filter(|e| e.holds == Some(true))
        .count()
}

/// How much settling a conclusion about this section matters, for ranking the questions to
/// ask (`interview::decisive_facts`): `(1 + elements met) x (1 + maximum term in years)`. A
/// section the case already reaches towards, and a graver one, weigh more; a section with no
/// element met and a fine only weighs 1. Imprisonment for life and death are weighed above any
/// fixed term (26 and 27 years: ranking weights, not legal equivalents).
pub fn weight(program: &Program, section: &SectionOutcome) -> u64 {
    let (death, max, _) = gravity_of(particulars(program, section));
    let years = match (death, max) {
        (true, _) => 27,
        (false, Some(Term::Life)) => 26,
        (false, Some(Term::Months(months))) => u64::from(months.div_ceil(12)),
        (false, None) => 0,
    };
    (1 + met_elements(section) as u64) * (1 + years)
}
