//! Evaluating a case against the program: derived facts first, then every offence's
//! elements, three-valued, with the version of each section in force on the case date (read
//! from the compiled law in force, [`crate::model::in_force`], as every reader of the law reads it).
//! Produces an [`Outcome`] with a trace; prints nothing.

pub(crate) mod territory;
pub mod value;

use jiff::civil::Date;

use crate::facts::Case;
use crate::model::in_force;
use crate::model::{Element, OffenceId, Program, Value};
use crate::statute::{Certainty, InstrumentId, Reading, VersionId, Windows};
use territory::Reach;
use value::truth;

/// Everything evaluation found, for resolution and output.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The date whose law was used.
    pub date: Date,
    /// How a date key whose window contains the date was read.
    pub windows: Windows,
    /// Whether `case.date` was absent and today's date was used.
    pub date_assumed: bool,
    /// The day a trial is taken to be held (today): a change of forum between the offence date
    /// and this day is reported as an open question, with both forums.
    pub trial: Date,
    /// When the date falls inside an amendment's window: the outcome under the later law. For
    /// a partial date on which the law changes: the outcome under the latest law of its range.
    pub alternative: Option<Box<Outcome>>,
    /// For a partial date (`2023`, `2023-05`): the days its range runs from and to, and the
    /// later days within it on which the law reads differently; `date` is then the first day.
    pub partial: Option<PartialDate>,
    /// Every fact's value, derived ones included (`None` is unknown).
    pub values: Vec<Option<Value>>,
    /// One per offence of the program, in program order.
    pub sections: Vec<SectionOutcome>,
    /// Protections whose section is in force on the date and whose condition is not false.
    pub protections: Vec<ProtectionOutcome>,
}

/// A case date known only as a year or a month, and where the law changes within it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialDate {
    /// The first day of the range.
    pub first: Date,
    /// The last day of the range.
    pub last: Date,
    /// The days within the range, after the first, from which the case's outcome differs
    /// from the day before.
    pub changes: Vec<Date>,
}

/// A protection the victim has, or may have.
#[derive(Debug, Clone)]
pub struct ProtectionOutcome {
    /// Index into `Program::protections`.
    pub protection: usize,
    /// `Applies` or `MayApply`.
    pub status: Status,
    /// The statute version in force.
    pub version: VersionId,
}

/// Whether a provincial instrument extends to the case's province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Territory {
    /// The instrument's province.
    pub province: String,
    /// Whether `case.province` is that province (unknown if not given).
    pub holds: Option<bool>,
}

/// The result for one offence.
#[derive(Debug, Clone)]
pub struct SectionOutcome {
    /// Which of `Program::offences`.
    pub offence: OffenceId,
    /// The conclusion.
    pub status: Status,
    /// The statute version used, and whether the date settles it; `None` if none was in force.
    pub version: Option<(VersionId, Certainty)>,
    /// Elements of the version in force, in rule order.
    pub elements: Vec<ElementOutcome>,
    /// For a provincial instrument: whether it extends to the case.
    pub territory: Option<Territory>,
}

impl SectionOutcome {
    /// The section's id.
    pub fn section<'p>(&self, program: &'p Program) -> &'p str {
        &program.offences[self.offence].section
    }
}

/// Whether a section applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Every element is met.
    Applies,
    /// No element fails, but some are unknown.
    MayApply,
    /// An element fails, or the section was not in force.
    DoesNotApply,
}

impl Outcome {
    /// Dates the trial (today), for this outcome and the later law's beside it.
    fn set_trial(&mut self, today: Date) {
        self.trial = today.max(self.date);
        if let Some(alternative) = self.alternative.as_deref_mut() {
            alternative.set_trial(today);
        }
    }

    /// The law in force on the trial day, where it is later than the offence date: a forum it
    /// names that the offence date's law does not is a forum that may try the case.
    pub fn trial_reading(&self) -> Option<Reading> {
        (self.trial > self.date).then_some(Reading {
            date: self.trial,
            // Only what is surely in force by then: an amendment whose day is unknown is not.
            windows: Windows::Earlier,
        })
    }

    /// The reading of the law this outcome used.
    pub fn reading(&self) -> Reading {
        Reading {
            date: self.date,
            windows: self.windows,
        }
    }
}

impl Status {
    /// This status joined with one more condition's truth, as [`all_hold`] counts it: a false
    /// condition fails, an unknown one leaves what applied only possible.
    #[must_use]
    pub fn and(self, holds: Option<bool>) -> Status {
        match (self, holds) {
            (_, Some(false)) | (Status::DoesNotApply, _) => Status::DoesNotApply,
            (Status::Applies, None) => Status::MayApply,
            (status, _) => status,
        }
    }

    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Status::Applies => "applies",
            Status::MayApply => "may_apply",
            Status::DoesNotApply => "does_not_apply",
        }
    }

    fn from_truth(truth: Option<bool>) -> Status {
        match truth {
            Some(true) => Status::Applies,
            None => Status::MayApply,
            Some(false) => Status::DoesNotApply,
        }
    }
}

/// The result for one element.
#[derive(Debug, Clone)]
pub struct ElementOutcome {
    /// Index into the offence's elements.
    pub element: usize,
    /// Met, not met, or unknown.
    pub holds: Option<bool>,
    /// What the element's own test gave, before any waiver.
    pub tested: Option<bool>,
    /// The waiver that met it, if one did.
    pub waived_by: Option<usize>,
}

/// Evaluates a case. `today` is used when the case has no date. When the date falls inside
/// the window of an amendment whose day is unknown, the case is evaluated under both texts:
/// the earlier law first, the later one as the `alternative`.
pub fn evaluate(program: &Program, case: &Case, today: Date) -> Outcome {
    let (values, date, date_assumed) = inputs(program, case, today);
    let mut outcome = if let Some(Value::Days(first, last)) = values[program.case_date] {
        evaluate_range(program, case, first, last)
    } else {
        evaluate_on(program, values, date, date_assumed)
    };
    outcome.set_trial(today);
    outcome
}

/// Evaluates a case on one day: under the earlier law, and the later one when the day falls
/// inside an amendment's window and that changes the outcome.
fn evaluate_on(
    program: &Program,
    values: Vec<Option<Value>>,
    date: Date,
    date_assumed: bool,
) -> Outcome {
    let earlier = Reading {
        date,
        windows: Windows::Earlier,
    };
    let mut outcome = evaluate_reading(program, values, earlier, date_assumed, None);
    if in_force::stretch(program, date).later.is_some() {
        let later = Reading {
            date,
            windows: Windows::Later,
        };
        let alternative =
            evaluate_reading(program, outcome.values.clone(), later, date_assumed, None);
        // An amendment whose day is unknown matters only if it changes something here.
        if differs(&outcome, &alternative) {
            outcome.alternative = Some(Box::new(alternative));
        }
    }
    outcome
}

/// Evaluates a case whose date is known only as a range (a year, a month): once on each
/// stretch of the range that reads the law differently, as the amendment windows are read.
/// The outcome covers every stretch: a section applies (or does not) only if it does on every
/// one, and may apply otherwise; the alternative is the latest stretch's outcome when it
/// differs from the first's.
fn evaluate_range(program: &Program, case: &Case, first: Date, last: Date) -> Outcome {
    let on = |day: Date| {
        let mut values = case.values.clone();
        values[program.case_date] = Some(Value::Date(day));
        let values = with_derived(program, values);
        evaluate_on(program, values, day, false)
    };
    let mut stretches = vec![on(first)];
    let mut changes = Vec::new();
    for day in stretch_starts(program, first, last) {
        let outcome = on(day);
        if stretches
            .last()
            .is_some_and(|before| changed(before, &outcome))
        {
            changes.push(day);
            stretches.push(outcome);
        }
    }
    // One stretch reads the law as its first day does, windows included.
    let mut merged = if stretches.len() == 1 {
        stretches.remove(0)
    } else {
        covering(&stretches)
    };
    merged.values = with_derived(program, case.values.clone());
    merged.partial = Some(PartialDate {
        first,
        last,
        changes,
    });
    merged
}

/// Whether two days' outcomes differ, their window alternatives included.
fn changed(before: &Outcome, after: &Outcome) -> bool {
    let alternative = |o: &Outcome| o.alternative.as_deref().unwrap_or(o).clone();
    differs(before, after) || differs(&alternative(before), &alternative(after))
}

/// The days after `first` and up to `last` on which the law may read differently from the day
/// before: each representative case date of the fact space (every version boundary, window
/// end and date the rules compare with, on both sides) stands for the days up to the next.
fn stretch_starts(program: &Program, first: Date, last: Date) -> Vec<Date> {
    let domain = crate::domain::domain(program);
    domain
        .of(program.case_date)
        .iter()
        .filter_map(|value| match value {
            Value::Date(day) if *day > first && *day <= last => Some(*day),
            _ => None,
        })
        .collect()
}

/// One outcome that every outcome given agrees with: the first, with each section that
/// comes out differently elsewhere (or in a window's alternative) as may apply, and each
/// protection the victim has on every stretch kept, others as may apply. The alternative is
/// the last outcome (its own later reading, where it has one).
fn covering(outcomes: &[Outcome]) -> Outcome {
    let readings: Vec<&Outcome> = outcomes
        .iter()
        .flat_map(|o| std::iter::once(o).chain(o.alternative.as_deref()))
        .collect();
    let mut merged = outcomes[0].clone();
    for section in &mut merged.sections {
        let index = section.offence;
        if readings
            .iter()
            .any(|o| o.sections[index].status != section.status)
        {
            // Shown as on the first stretch that reaches it, so with a version in force.
            let reaching = readings
                .iter()
                .map(|o| &o.sections[index])
                .find(|s| s.status != Status::DoesNotApply)
                .expect("a status that differs somewhere reaches the section there");
            *section = SectionOutcome {
                status: Status::MayApply,
                ..reaching.clone()
            };
        }
    }
    let mut protections: Vec<ProtectionOutcome> = Vec::new();
    for protection in readings.iter().flat_map(|o| &o.protections) {
        let everywhere = readings.iter().all(|o| {
            o.protections
                .iter()
                .any(|p| p.protection == protection.protection && p.status == Status::Applies)
        });
        if protections
            .iter()
            .all(|p| p.protection != protection.protection)
        {
            let status = if everywhere {
                Status::Applies
            } else {
                Status::MayApply
            };
            protections.push(ProtectionOutcome {
                status,
                ..protection.clone()
            });
        }
    }
    protections.sort_by_key(|p| p.protection);
    merged.protections = protections;
    merged.alternative = (outcomes.len() > 1).then(|| {
        let last = outcomes.last().expect("at least two outcomes");
        Box::new(last.alternative.as_deref().unwrap_or(last).clone())
    });
    merged
}

/// Whether two readings of the law come out differently for a case: a section's status, or
/// the version of a section that applies or may apply, or the protections.
fn differs(earlier: &Outcome, later: &Outcome) -> bool {
    let read = |s: &SectionOutcome| (s.status, s.version.as_ref().map(|(index, _)| *index));
    let sections = (earlier.sections.iter().zip(&later.sections))
        .any(|(a, b)| section_differs(read(a), read(b)));
    let protections = |o: &Outcome| {
        o.protections
            .iter()
            .map(|p| (p.protection, p.status, p.version))
            .collect::<Vec<_>>()
    };
    sections || protections(earlier) != protections(later)
}

/// Whether one section comes out differently under two readings (its status and its version
/// in force under each): its status differs, or it applies or may apply under either and its
/// version differs. The one decision for the full path and the batch plan.
pub(crate) fn section_differs(
    (a, a_version): (Status, Option<VersionId>),
    (b, b_version): (Status, Option<VersionId>),
) -> bool {
    let reaches = a != Status::DoesNotApply || b != Status::DoesNotApply;
    a != b || (reaches && a_version != b_version)
}

/// The status of one offence only (under the earlier reading), for searches that evaluate a
/// case many times with small changes.
pub fn section_status(program: &Program, case: &Case, today: Date, offence: OffenceId) -> Status {
    section_statuses(program, case, today, &[offence])[0]
}

/// The statuses of a few offences on a case, its derived facts worked out once for them all
/// (the closed-list warnings try each left-out member against every section it may unblock).
pub fn section_statuses(
    program: &Program,
    case: &Case,
    today: Date,
    offences: &[OffenceId],
) -> Vec<Status> {
    let (values, date, _) = inputs(program, case, today);
    if matches!(values[program.case_date], Some(Value::Days(..))) {
        let outcome = evaluate(program, case, today);
        return offences
            .iter()
            .map(|&o| outcome.sections[o].status)
            .collect();
    }
    let reading = Reading {
        date,
        windows: Windows::Earlier,
    };
    let law = in_force::on(program, reading);
    offences
        .iter()
        .map(|&o| evaluate_offence(program, o, law, &values).status)
        .collect()
}

/// Some offences' outcomes on a case dated to a day (`None` for a range of days, which only
/// [`evaluate`] reads), under the earlier reading, with the facts' values (derived ones
/// computed) and that reading: for searches that re-evaluate a case many times and know which
/// offences a change can reach.
pub fn evaluate_offences(
    program: &Program,
    case: &Case,
    today: Date,
    offences: &[OffenceId],
) -> Option<(Vec<Option<Value>>, Reading, Vec<SectionOutcome>)> {
    let (values, date, _) = inputs(program, case, today);
    if matches!(values[program.case_date], Some(Value::Days(..))) {
        return None;
    }
    let reading = Reading {
        date,
        windows: Windows::Earlier,
    };
    let law = in_force::on(program, reading);
    let sections = offences
        .iter()
        .map(|&o| evaluate_offence(program, o, law, &values))
        .collect();
    Some((values, reading, sections))
}

/// Every fact's value (derived ones computed) and the date whose law applies.
fn inputs(program: &Program, case: &Case, today: Date) -> (Vec<Option<Value>>, Date, bool) {
    let values = with_derived(program, case.values.clone());
    let (date, date_assumed) = case_date(program, &values, today);
    (values, date, date_assumed)
}

/// The input facts' values with every derived fact computed.
pub fn with_derived(program: &Program, mut values: Vec<Option<Value>>) -> Vec<Option<Value>> {
    for &fact in &program.derive_order {
        let derivation = program.facts[fact]
            .derivation
            .as_ref()
            .expect("derive order holds derived facts");
        values[fact] = value::value(&derivation.expr, &values);
    }
    values
}

/// The date whose law applies: `case.date`, or `today` (and `true`) when the case has none.
pub fn case_date(program: &Program, values: &[Option<Value>], today: Date) -> (Date, bool) {
    match values[program.case_date] {
        Some(Value::Date(date) | Value::Days(date, _)) => (date, false),
        _ => (today, true),
    }
}

/// One offence under `law`, the law in force on the reading (looked up once per reading, not
/// per offence).
fn evaluate_offence(
    program: &Program,
    index: OffenceId,
    law: &in_force::Law,
    values: &[Option<Value>],
) -> SectionOutcome {
    let offence = &program.offences[index];
    let law = &law.offences[index];
    let elements: Vec<ElementOutcome> = (law.elements.iter())
        .map(|&e| evaluate_element(e, &offence.elements[e], values))
        .collect();
    let instrument = program.book.sections[&offence.section].instrument;
    let territory = territory(program, instrument, values);
    let status = match law.version {
        None => Status::DoesNotApply,
        Some(_) => conjunction(&elements, territory.as_ref()),
    };
    SectionOutcome {
        offence: index,
        status,
        version: (law.version.as_ref()).map(|v| (v.version, v.certainty.clone())),
        elements,
        territory,
    }
}

fn evaluate_reading(
    program: &Program,
    values: Vec<Option<Value>>,
    reading: Reading,
    date_assumed: bool,
    alternative: Option<Box<Outcome>>,
) -> Outcome {
    let law = in_force::on(program, reading);
    let sections: Vec<SectionOutcome> = program
        .offence_ids()
        .map(|offence| evaluate_offence(program, offence, law, &values))
        .collect();
    let protections = protections(program, reading, &values, &sections);
    Outcome {
        date: reading.date,
        windows: reading.windows,
        date_assumed,
        trial: reading.date,
        alternative,
        partial: None,
        values,
        sections,
        protections,
    }
}

/// A provincial instrument extends only to its province (a federal one to the whole country,
/// and then there is nothing to trace), as [`territory::extends`] decides.
fn territory(
    program: &Program,
    instrument: InstrumentId,
    values: &[Option<Value>],
) -> Option<Territory> {
    let reach = Reach::of(program, instrument);
    let Reach::Province { province, .. } = reach else {
        return None;
    };
    Some(Territory {
        province: province.to_owned(),
        holds: territory::extends(program, reach, values),
    })
}

fn protections(
    program: &Program,
    reading: Reading,
    values: &[Option<Value>],
    sections: &[SectionOutcome],
) -> Vec<ProtectionOutcome> {
    (in_force::on(program, reading).protections.iter())
        .filter_map(|&(index, version, instrument)| {
            let reach = Reach::of(program, instrument);
            let status = protection_status(program, index, reach, |o| sections[o].status, values);
            (status != Status::DoesNotApply).then_some(ProtectionOutcome {
                protection: index,
                status,
                version,
            })
        })
        .collect()
}

/// The one place a protection in force is decided: the victim has it when the case is one of
/// its offences (`status`: each offence's), its condition holds and its instrument extends
/// to the case; it may have it when none of these fails and some is unknown.
pub(crate) fn protection_status(
    program: &Program,
    protection: usize,
    reach: Reach<'_>,
    status: impl Fn(OffenceId) -> Status,
    values: &[Option<Value>],
) -> Status {
    let protection = &program.protections[protection];
    let condition = protection.condition.as_ref();
    all_hold([
        victim_of_any(&protection.victim_of, status),
        condition.map_or(Some(true), |c| truth(c, values)),
        territory::extends(program, reach, values),
    ])
}

/// Whether any of these offences applies (Kleene `or`), given each offence's status; true when
/// there are none, as for a protection every victim has.
fn victim_of_any(offences: &[OffenceId], status: impl Fn(OffenceId) -> Status) -> Option<bool> {
    if offences.is_empty() {
        return Some(true);
    }
    let mut any = Some(false);
    for &index in offences {
        match status(index) {
            Status::Applies => return Some(true),
            Status::MayApply => any = None,
            Status::DoesNotApply => {}
        }
    }
    any
}

/// Whether an element is met, its waivers considered.
pub fn evaluate_element(
    index: usize,
    element: &Element,
    values: &[Option<Value>],
) -> ElementOutcome {
    let tested = truth(&element.expr, values);
    let mut holds = tested;
    let mut waived_by = None;
    for (waiver_index, waiver) in element.waivers.iter().enumerate() {
        if holds == Some(true) {
            break;
        }
        match truth(&waiver.condition, values) {
            Some(true) => {
                holds = Some(true);
                waived_by = Some(waiver_index);
            }
            // The element might yet be met by the waiver: it is no longer known to fail.
            None => holds = None,
            Some(false) => {}
        }
    }
    ElementOutcome {
        element: index,
        holds,
        tested,
        waived_by,
    }
}

fn conjunction(elements: &[ElementOutcome], territory: Option<&Territory>) -> Status {
    let holds = elements.iter().map(|e| e.holds);
    all_hold(holds.chain(territory.map(|t| t.holds)))
}

/// Kleene conjunction, as a status: all hold (applies), one fails (does not apply), or none
/// fails and some are unknown (may apply).
#[inline]
pub fn all_hold(holds: impl IntoIterator<Item = Option<bool>>) -> Status {
    let mut result = Some(true);
    for holds in holds {
        match holds {
            Some(false) => return Status::DoesNotApply,
            None => result = None,
            Some(true) => {}
        }
    }
    Status::from_truth(result)
}

#[cfg(test)]
mod tests {
    use super::{Status, all_hold};

    /// Joining one more condition to a conjunction's status gives the status of the longer
    /// conjunction, for every list of up to three truths and every truth joined.
    #[test]
    fn a_status_joined_with_a_condition_is_the_longer_conjunction() {
        let truths = [Some(true), None, Some(false)];
        let mut lists: Vec<Vec<Option<bool>>> = vec![vec![]];
        for _ in 0..3 {
            let longer: Vec<Vec<Option<bool>>> = (lists.iter())
                .flat_map(|list| truths.map(|t| [list.clone(), vec![t]].concat()))
                .collect();
            lists.extend(longer);
        }
        for list in &lists {
            for holds in truths {
                let joined = [list.clone(), vec![holds]].concat();
                assert_eq!(
                    all_hold(list.iter().copied()).and(holds),
                    all_hold(joined),
                    "{list:?} and {holds:?}"
                );
            }
        }
        assert_eq!(Status::Applies.and(None), Status::MayApply);
    }
}
