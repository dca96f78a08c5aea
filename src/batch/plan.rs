//! The law planned for `eval --batch --summary`: made once per run, it answers each case with
//! index lookups only. It reads the law in force on the case's date from the compiled law
//! ([`crate::model::in_force`]), as the full path does, and adds what only a batch needs: each
//! distinct element test once (many offences share one), each offence's family, instrument
//! and territory worked out ahead. A case then costs its derived facts, its elements and its
//! clauses, with no trace, no reasons and no name looked up.
//!
//! It gives exactly the summary that evaluating and resolving in full gives (a test compares
//! the two on every example and thousands of generated cases). A case dated inside an
//! amendment's uncertain window, which is read under both texts, is left to the full path.

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::diff::{Overlap, Side};
use crate::eval::territory::{Reach, extends};
use crate::eval::{
    Status, all_hold, case_date, evaluate_element, protection_status, section_differs, with_derived,
};
use crate::facts::{Read, Vocabulary};
use crate::model::in_force::{self, Later, Law};
use crate::model::{FactId, OffenceId, OverlapKind, Program, Type, Value};
use crate::output::json::{CaseSummary, DateSource, OverlapSummary};
use crate::resolve::court::{self, Charged};
use crate::resolve::overlap;
use crate::resolve::{
    JointTrial, differ, lead_agency, notes_reached, open_inputs, settle, venues_reached,
};
use crate::statute::{Agency, Court, InstrumentId, VersionId};

/// The law, planned for summaries.
pub struct Plan<'p> {
    program: &'p Program,
    vocabulary: Vocabulary,
    /// Per offence: the root of its family ([`Program::family`]).
    families: Vec<OffenceId>,
    /// Per offence: its instrument.
    instruments: Vec<InstrumentId>,
    /// Per instrument: where it extends. A case works out once per instrument whether it
    /// extends there, and each offence and protection reads its instrument's answer.
    instrument_reach: Vec<Reach<'p>>,
    /// Per offence and element: its test (into `tests`).
    element_tests: Vec<Vec<usize>>,
    /// Per offence and element: the input facts [`open_inputs`] names when the element is
    /// open, as a set, so a case unions them with a few word operations.
    element_inputs: Vec<Vec<Bits>>,
    /// What an open territory names (`case.province`), as [`open_inputs`] says.
    province: Bits,
    /// Per offence: the declared overlaps that name it. An overlap is hit only when one of its
    /// sections applies, so a case looks only at those naming a section that applies.
    overlaps_naming: Vec<Bits>,
    /// Per stretch of days of the compiled law, made when a case first falls in it: what each
    /// offence's status reads (see [`Checks`]).
    checks: Vec<OnceLock<Checks>>,
    /// Each distinct element test (its condition and waivers) once, as the offence and element
    /// that first states it: many offences share elements (a family's variants, the same age
    /// or consent test), so a case evaluates each test once however many offences read it.
    tests: Vec<(OffenceId, usize)>,
}

/// What each offence's status reads on one stretch of days, per reading: `None` when no version
/// of its section is in force, else its element tests in force (indices into `Plan::tests`).
/// An offence's status is then its territory and a walk along one short list.
struct Checks {
    earlier: Vec<Option<Box<[usize]>>>,
    /// Inside an amendment's window, under the later reading.
    later: Option<Vec<Option<Box<[usize]>>>>,
}

/// A case as the plan reads it: its values (derived facts included), whether each instrument
/// extends to it, and its test outcomes, filled as they are read: `None` until evaluated (a
/// byte each: `Option<Option<bool>>` packs into one).
struct Facts<'v> {
    values: &'v [Option<Value>],
    territories: Vec<Option<bool>>,
    tested: Vec<Option<Option<bool>>>,
}

/// A case worked out from the plan: its summary, and for `diff` the date, every offence's
/// status and the law read (for the versions).
struct Planned<'p> {
    summary: CaseSummary<'p>,
    date: Date,
    statuses: Vec<Status>,
    law: &'p Law,
}

impl<'p> Plan<'p> {
    /// Plans `program`, or `None` if its `case.province` is not an enum: the plan is tested
    /// against the full path only on such a law (the shipped one), so for another form every
    /// case takes the full path.
    pub fn new(program: &'p Program) -> Option<Plan<'p>> {
        let province = program.case_province.map(|fact| &program.facts[fact].ty);
        if province.is_some_and(|ty| !matches!(ty, Type::Enum(_))) {
            return None;
        }
        let (element_tests, tests) = distinct_tests(program);
        let instruments: Vec<InstrumentId> = (program.offences.iter())
            .map(|o| program.book.sections[&o.section].instrument)
            .collect();
        Some(Plan {
            program,
            vocabulary: Vocabulary::new(program),
            families: (program.offence_ids())
                .map(|offence| program.family(offence))
                .collect(),
            instrument_reach: (0..program.book.instruments.len())
                .map(|i| Reach::of(program, InstrumentId(i)))
                .collect(),
            instruments,
            element_inputs: element_inputs(program),
            province: territory_inputs(program),
            overlaps_naming: overlaps_naming(program),
            checks: (0..in_force::stretch_count(program))
                .map(|_| OnceLock::new())
                .collect(),
            element_tests,
            tests,
        })
    }

    /// The law planned.
    pub fn program(&self) -> &'p Program {
        self.program
    }

    /// Reads a batch line without spans; `None` when the full reader must read it. That is
    /// the case for issue 15's forms (an open list `{ include = [...] }`, bounds `{ min, max }`,
    /// a year or month as the date): the fast reader gives up on them, so such a line takes the
    /// full path and its one evaluator, and the plan never sees a partial date.
    pub fn read(&self, line: &str) -> Option<Read> {
        self.vocabulary.read(self.program, line)
    }

    /// The summary of a case whose input facts are `values`.
    pub fn summary(&self, values: Vec<Option<Value>>, today: Date) -> CaseSummary<'p> {
        self.case(values, today).summary
    }

    /// A case as `diff` compares it.
    pub fn side(&self, values: Vec<Option<Value>>, today: Date) -> Side<'p> {
        let Planned {
            summary,
            date,
            statuses,
            law,
        } = self.case(values, today);
        let versions = (law.offences.iter()).map(|f| f.version.as_ref().map(|v| v.version));
        let overlaps = summary.overlaps.iter();
        Side {
            program: self.program,
            date,
            sections: (self.program.offences.iter().zip(statuses).zip(versions))
                .map(|((offence, status), version)| (offence.section.as_str(), status, version))
                .collect(),
            lead: summary.lead_agency,
            court: summary.court,
            overlaps: overlaps
                .map(|o| Overlap {
                    kind: o.kind,
                    sections: o.sections.clone(),
                })
                .collect(),
        }
    }

    fn case(&self, values: Vec<Option<Value>>, today: Date) -> Planned<'p> {
        let program = self.program;
        let values = with_derived(program, values);
        let (date, date_assumed) = case_date(program, &values, today);
        let k = in_force::stretch_index(program, date);
        let stretch = in_force::stretch_at(program, k);
        let checks = self.checks[k].get_or_init(|| self.checks_of(stretch));
        let law = &stretch.earlier;
        let mut facts = Facts {
            values: &values,
            territories: (self.instrument_reach.iter())
                .map(|&reach| extends(program, reach, &values))
                .collect(),
            tested: vec![None; self.tests.len()],
        };
        let statuses = self.statuses(&checks.earlier, &mut facts);
        let later = stretch.later.as_ref().zip(checks.later.as_deref());
        let version_uncertain = later
            .is_some_and(|(later, checks)| self.differs(law, &statuses, later, checks, &mut facts));
        // The open elements' inputs, a few hundred with repeats, as a set; then those known
        // are taken out at once, where `resolve` drops each known one as it meets it.
        let mut open = Bits::empty(program.facts.len());
        for (offence, status) in program.offence_ids().zip(&statuses) {
            if *status == Status::MayApply {
                self.undecided(law, offence, &mut facts, &mut open);
            }
        }
        open.retain(|fact| values[fact].is_none());
        let mut unknown = Vec::with_capacity(64);
        let (agencies, courts) = self.forums(law, &statuses, &values, &mut unknown);
        let mut overlaps = self.declared_overlaps(&statuses, &values, &mut unknown);
        self.open_premises(law, &statuses, &values, &mut unknown);
        open.extend(unknown.into_iter().map(FactId::index));
        let unknown: Vec<FactId> = open.iter().map(FactId).collect();
        let (agencies, courts) = (
            applying(program, &statuses, &agencies),
            applying(program, &statuses, &courts),
        );
        let court = self.case_court(law, &courts);
        overlaps.extend(self.conflict(OverlapKind::ForumConflict, &courts));
        overlaps.extend(self.conflict(OverlapKind::AgencyConflict, &agencies));
        let lead = lead_agency(program, agencies.iter().map(|&(_, agency)| agency));
        // One pass over the statuses for both lists.
        let (mut applies, mut may_apply) = (Vec::new(), Vec::with_capacity(32));
        for (offence, status) in program.offences.iter().zip(&statuses) {
            match status {
                Status::Applies => applies.push(offence.section.as_str()),
                Status::MayApply => may_apply.push(offence.section.as_str()),
                Status::DoesNotApply => {}
            }
        }
        let summary = CaseSummary {
            date: date.to_string(),
            date_source: DateSource::of(date_assumed),
            applies,
            may_apply,
            lead_agency: lead,
            court: court.map(|(court, _)| court),
            joint_trial: court.map(|(_, joint)| joint),
            overlaps,
            unknown: unknown
                .into_iter()
                .map(|fact| program.facts[fact].name.as_str())
                .collect(),
            version_uncertain,
        };
        Planned {
            summary,
            date,
            statuses,
            law,
        }
    }

    fn statuses(&self, checks: &[Option<Box<[usize]>>], facts: &mut Facts<'_>) -> Vec<Status> {
        (self.program.offence_ids())
            .map(|offence| self.status(checks, offence, facts))
            .collect()
    }

    /// Each offence's agency and court, as the facts settle them from the clauses in force
    /// ([`settle`]), for the offences that apply or may apply; the unknown facts that would
    /// settle an open one go to `unknown`.
    fn forums(
        &self,
        law: &Law,
        statuses: &[Status],
        values: &[Option<Value>],
        unknown: &mut Vec<FactId>,
    ) -> (Vec<Option<Agency>>, Vec<Option<Court>>) {
        let program = self.program;
        let mut agencies = vec![None; statuses.len()];
        let mut courts = vec![None; statuses.len()];
        for (offence, status) in program.offence_ids().zip(statuses) {
            let law = &law.offences[offence];
            let Some(in_force) = law.version.as_ref() else {
                continue;
            };
            if *status != Status::DoesNotApply {
                let clauses = &program.offences[offence].clauses;
                let (agency, default) = (&law.agency, in_force.default_agency);
                agencies[offence] = settle(program, agency, default, clauses, values, unknown);
                let (court, default) = (&law.court, in_force.default_court);
                courts[offence] = settle(program, court, default, clauses, values, unknown);
            }
        }
        (agencies, courts)
    }

    /// The checks of a stretch of days, from its compiled law.
    fn checks_of(&self, stretch: &in_force::Stretch) -> Checks {
        let of = |law: &Law| {
            (law.offences.iter().zip(&self.element_tests))
                .map(|(offence, tests)| {
                    (offence.version.as_ref())
                        .map(|_| offence.elements.iter().map(|&e| tests[e]).collect())
                })
                .collect()
        };
        Checks {
            earlier: of(&stretch.earlier),
            later: stretch.later.as_ref().map(|later| of(&later.law)),
        }
    }

    /// Whether an element holds, its waivers considered, decided by [`evaluate_element`]
    /// once per distinct test and case.
    fn holds(&self, test: usize, facts: &mut Facts<'_>) -> Option<bool> {
        let values = facts.values;
        *facts.tested[test].get_or_insert_with(|| {
            let (offence, element) = self.tests[test];
            let elements = &self.program.offences[offence].elements;
            evaluate_element(element, &elements[element], values).holds
        })
    }

    /// Whether the later reading of the law comes out differently for the case, as
    /// [`crate::eval::evaluate`] decides it: a status, the version of a section that applies or
    /// may apply, or the protections.
    fn differs(
        &self,
        earlier: &Law,
        statuses: &[Status],
        Later {
            law: later,
            changed,
        }: &Later,
        checks: &[Option<Box<[usize]>>],
        facts: &mut Facts<'_>,
    ) -> bool {
        let mut later_statuses = statuses.to_vec();
        for &o in changed {
            later_statuses[o] = self.status(checks, o, facts);
        }
        let values = facts.values;
        let version = |law: &Law, o: OffenceId| law.offences[o].version.as_ref().map(|v| v.version);
        let sections = changed.iter().any(|&o| {
            section_differs(
                (statuses[o], version(earlier, o)),
                (later_statuses[o], version(later, o)),
            )
        });
        sections
            || self.protections(earlier, statuses, values)
                != self.protections(later, &later_statuses, values)
    }

    /// The protections the victim has or may have: index, status and version, each decided by
    /// [`protection_status`].
    fn protections(
        &self,
        law: &Law,
        statuses: &[Status],
        values: &[Option<Value>],
    ) -> Vec<(usize, Status, VersionId)> {
        law.protections
            .iter()
            .filter_map(|&(index, version, instrument)| {
                let reach = self.instrument_reach[instrument];
                let status = protection_status(self.program, index, reach, |o| statuses[o], values);
                (status != Status::DoesNotApply).then_some((index, status, version))
            })
            .collect()
    }

    /// Whether an offence applies: its version is in force, no element fails, and its
    /// instrument extends to the case.
    fn status(
        &self,
        checks: &[Option<Box<[usize]>>],
        offence: OffenceId,
        facts: &mut Facts<'_>,
    ) -> Status {
        let Some(tests) = &checks[offence] else {
            return Status::DoesNotApply;
        };
        // The territory first: it rules out most provincial offences.
        let territory = facts.territories[self.instruments[offence].index()];
        if territory == Some(false) {
            return Status::DoesNotApply;
        }
        let elements = tests.iter().map(|&test| self.holds(test, facts));
        all_hold(elements).and(territory)
    }

    /// The input facts that an offence which may apply turns on, known or not, as
    /// [`open_inputs`] names them (worked out per element when planned).
    fn undecided(&self, law: &Law, offence: OffenceId, facts: &mut Facts<'_>, open: &mut Bits) {
        let law = &law.offences[offence];
        if law.version.is_none() {
            return;
        }
        if facts.territories[self.instruments[offence].index()].is_none() {
            open.union(&self.province);
        }
        let tests = &self.element_tests[offence];
        for &e in &law.elements {
            if self.holds(tests[e], facts).is_none() {
                open.union(&self.element_inputs[offence][e]);
            }
        }
    }

    /// The court for the case and whether it may try every charge, decided by
    /// [`court::decide`]: `courts` holds each applying offence's court.
    fn case_court(&self, law: &Law, courts: &[(OffenceId, Court)]) -> Option<(Court, JointTrial)> {
        let exclusive = |o: OffenceId| {
            law.offences[o]
                .version
                .as_ref()
                .is_some_and(|v| v.exclusive)
        };
        let charges = courts
            .iter()
            .map(|&(offence, court)| Charged {
                id: offence,
                court,
                exclusive: exclusive(offence),
                instrument: self.instruments[offence],
            })
            .collect();
        let in_rule = |j: usize, instrument: &InstrumentId| {
            self.program.joint[j].instruments.contains(instrument)
        };
        let decision = court::decide(self.program, charges, in_rule, |a, b| a == b)?;
        Some((decision.court, decision.joinder.joint_trial()))
    }

    /// The declared overlaps the case hits, decided by [`overlap::declared`]; the facts an
    /// open premise reads join the unknown facts, as `resolve` lists them.
    fn declared_overlaps(
        &self,
        statuses: &[Status],
        values: &[Option<Value>],
        unknown: &mut Vec<FactId>,
    ) -> Vec<OverlapSummary<'p>> {
        let mut candidates = Bits::empty(self.program.overlaps.len());
        for offence in self.program.offence_ids() {
            if statuses[offence] == Status::Applies {
                candidates.union(&self.overlaps_naming[offence]);
            }
        }
        let hits = overlap::declared(
            self.program,
            candidates.iter(),
            |o| statuses[o],
            |o| self.families[o],
            |o| self.instruments[o],
            values,
        );
        hits.into_iter()
            .map(|hit| {
                let declared = &self.program.overlaps[hit.overlap];
                if hit.open {
                    let condition = declared.condition.as_ref();
                    unknown.extend(crate::resolve::unknown_inputs(
                        self.program,
                        values,
                        condition,
                    ));
                }
                self.overlap(declared.kind, hit.members.into_iter())
            })
            .collect()
    }

    /// The unknown facts of the venue rules and notes the case reaches whose condition it
    /// leaves open, as [`venues_reached`] and [`notes_reached`] decide them for `resolve`.
    fn open_premises(
        &self,
        law: &Law,
        statuses: &[Status],
        values: &[Option<Value>],
        unknown: &mut Vec<FactId>,
    ) {
        let program = self.program;
        let venues = venues_reached(program, |o| statuses[o], values);
        let venues = venues
            .into_iter()
            .map(|(venue, premise)| (&venue.condition, premise));
        let notes = notes_reached(program, law.notes.iter().copied(), values);
        let notes = notes
            .into_iter()
            .map(|(note, premise)| (&note.condition, premise));
        for (condition, premise) in venues.chain(notes) {
            if premise.is_none() {
                let condition = condition.as_ref();
                unknown.extend(crate::resolve::unknown_inputs(program, values, condition));
            }
        }
    }

    /// A conflict, as [`differ`] decides it: the applying offences go to different agencies or
    /// courts.
    fn conflict<T: PartialEq + Copy>(
        &self,
        kind: OverlapKind,
        chosen: &[(OffenceId, T)],
    ) -> Option<OverlapSummary<'p>> {
        differ(chosen.iter().map(|&(_, forum)| forum))
            .then(|| self.overlap(kind, chosen.iter().map(|(o, _)| *o)))
    }

    fn overlap(
        &self,
        kind: OverlapKind,
        offences: impl Iterator<Item = OffenceId>,
    ) -> OverlapSummary<'p> {
        OverlapSummary {
            kind,
            sections: offences
                .map(|o| self.program.offences[o].section.as_str())
                .collect(),
        }
    }
}

/// A set of small indices (facts of the vocabulary, declared overlaps), a bit each: the
/// unknown facts a case turns on are collected with a few hundred repeats, and a union of
/// words and one pass over the bits is cheaper than pushing, sorting and deduplicating them.
#[derive(Clone)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(size: usize) -> Bits {
        Bits(vec![0; size.div_ceil(64)])
    }

    fn of(size: usize, items: impl IntoIterator<Item = usize>) -> Bits {
        let mut set = Bits::empty(size);
        set.extend(items);
        set
    }

    fn extend(&mut self, items: impl IntoIterator<Item = usize>) {
        for item in items {
            self.0[item / 64] |= 1 << (item % 64);
        }
    }

    fn union(&mut self, other: &Bits) {
        for (word, other) in self.0.iter_mut().zip(&other.0) {
            *word |= other;
        }
    }

    /// Drops the items `keep` refuses.
    fn retain(&mut self, keep: impl Fn(usize) -> bool) {
        for (word, bits) in self.0.iter_mut().enumerate() {
            let mut each = *bits;
            while each != 0 {
                let bit = each.trailing_zeros() as usize;
                if !keep(word * 64 + bit) {
                    *bits &= !(1 << bit);
                }
                each &= each - 1;
            }
        }
    }

    /// The items, each once, in ascending order.
    fn iter(&self) -> BitsIter<'_> {
        BitsIter {
            words: &self.0,
            word: 0,
            bits: self.0.first().copied().unwrap_or(0),
        }
    }
}

/// The items of [`Bits`], ascending: the lowest bit of the current word, then the next word.
struct BitsIter<'a> {
    words: &'a [u64],
    word: usize,
    bits: u64,
}

impl Iterator for BitsIter<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.word += 1;
            self.bits = *self.words.get(self.word)?;
        }
        let bit = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.word * 64 + bit)
    }
}

/// Per offence and element, the inputs [`open_inputs`] names when that element alone is open.
fn element_inputs(program: &Program) -> Vec<Vec<Bits>> {
    (program.offence_ids().zip(&program.offences))
        .map(|(offence, o)| {
            (0..o.elements.len())
                .map(|e| {
                    let mut set = Bits::empty(program.facts.len());
                    let open = std::iter::once(e);
                    open_inputs(program, offence, open, false, |f| set.extend([f.index()]));
                    set
                })
                .collect()
        })
        .collect()
}

/// The inputs [`open_inputs`] names for an open territory (the same for every offence).
fn territory_inputs(program: &Program) -> Bits {
    let mut set = Bits::empty(program.facts.len());
    if let Some(offence) = program.offence_ids().next() {
        let none_open = std::iter::empty();
        open_inputs(program, offence, none_open, true, |f| {
            set.extend([f.index()]);
        });
    }
    set
}

/// Per offence, the declared overlaps that name it.
fn overlaps_naming(program: &Program) -> Vec<Bits> {
    let size = program.overlaps.len();
    (program.offence_ids())
        .map(|offence| {
            let naming = (program.overlaps.iter().enumerate())
                .filter(|(_, overlap)| overlap.sections.contains(&offence))
                .map(|(index, _)| index);
            Bits::of(size, naming)
        })
        .collect()
}

/// Each offence's elements as indices into the distinct tests, and those tests, each as the
/// first offence and element to state it. Two elements are one test when their conditions and
/// their waivers' conditions are the same expressions.
fn distinct_tests(program: &Program) -> (Vec<Vec<usize>>, Vec<(OffenceId, usize)>) {
    let mut tests: Vec<(OffenceId, usize)> = Vec::new();
    let same = |a: &crate::model::Element, b: &crate::model::Element| {
        a.expr == b.expr
            && a.waivers.len() == b.waivers.len()
            && (a.waivers.iter().zip(&b.waivers)).all(|(a, b)| a.condition == b.condition)
    };
    let element_tests = (program.offence_ids().zip(&program.offences))
        .map(|(o, offence)| {
            (offence.elements.iter().enumerate())
                .map(|(e, element)| {
                    let stated = |&(o, e): &(OffenceId, usize)| {
                        same(&program.offences[o].elements[e], element)
                    };
                    tests.iter().position(stated).unwrap_or_else(|| {
                        tests.push((o, e));
                        tests.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    (element_tests, tests)
}

/// The applying offences whose agency or court is settled, with it.
fn applying<T: Copy>(
    program: &Program,
    statuses: &[Status],
    choices: &[Option<T>],
) -> Vec<(OffenceId, T)> {
    (program.offence_ids())
        .filter(|&o| statuses[o] == Status::Applies)
        .filter_map(|o| Some((o, choices[o]?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use jiff::civil::{Date, date};

    use super::Plan;
    use crate::facts::{self, Case, Format};
    use crate::model::{Program, Value};
    use crate::output::batch::{Body, good_line, serde_line};
    use crate::output::json::case_summary;
    use crate::source::SourceFile;

    fn shipped() -> Program {
        let (_, program) =
            crate::pipeline::law::load_law(None, &[]).expect("the shipped law checks");
        program
    }

    /// Whether a case uses issue 15's forms (an open list, bounds, a partial date), which the
    /// fast reader leaves to the full path, so the plan never meets them.
    fn uses_partial_forms(case: &Case) -> bool {
        case.values.iter().flatten().any(|value| {
            matches!(
                value,
                Value::Includes(_) | Value::Between(..) | Value::Days(..)
            )
        })
    }

    /// The summary the full path (evaluate, resolve, summarise) gives, as JSON.
    fn full_summary(program: &Program, case: &Case, today: Date) -> serde_json::Value {
        let file = SourceFile::new("case".to_owned(), String::new());
        let evaluated = crate::pipeline::run_case(program, &file, case, today);
        serde_json::to_value(case_summary(program, &evaluated)).expect("summaries are data")
    }

    fn planned_summary(plan: &Plan<'_>, case: &Case, today: Date) -> serde_json::Value {
        serde_json::to_value(plan.summary(case.values.clone(), today)).expect("summaries are data")
    }

    fn toml_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("the examples folder reads") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                toml_files(&path, found);
            } else if path.extension().is_some_and(|e| e == "toml") {
                found.push(path);
            }
        }
    }

    /// Every shipped example, undated, on its own date, and moved to the first day of every
    /// stretch of the compiled law and the day before it: where versions, rules and windows
    /// change, which is where a plan made per stretch could go wrong.
    #[test]
    fn every_example_on_every_day_the_law_changes_is_summarised_as_the_full_path_does() {
        let program = shipped();
        let plan = Plan::new(&program).expect("the shipped law can be planned");
        let mut files = Vec::new();
        toml_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"),
            &mut files,
        );
        assert!(files.len() > 100, "the examples are found");
        // `None`: the example's own date; `Some(None)`: no date at all.
        let mut days: Vec<Option<Option<Date>>> = vec![None, Some(None)];
        for bound in crate::model::in_force::bounds(&program) {
            days.push(Some(Some(*bound)));
            days.push(Some(bound.yesterday().ok()));
        }
        let today = date(2026, 11, 29);
        let mut compared = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).expect("an example reads");
            let case = facts::load(&text, Format::Toml, &program).expect("examples are valid");
            if uses_partial_forms(&case) {
                continue;
            }
            for day in &days {
                let mut moved = case.clone();
                if let Some(day) = day {
                    moved.values[program.case_date] = day.map(Value::Date);
                }
                assert_eq!(
                    planned_summary(&plan, &moved, today),
                    full_summary(&program, &moved, today),
                    "{} on {day:?}",
                    path.display()
                );
                compared += 1;
            }
        }
        assert!(compared > 1000);
    }

    /// Lines the span-free reader must read as the full reader does, or leave to it.
    const TRICKY: &[&str] = &[
        r#"{"victim":{"age":16},"victim":{"sex":"female"}}"#,
        r#"{"victim":{"age":16,"age":17}}"#,
        r#"{"victim":{"age":null}}"#,
        r#"{"victim":{"minor":true}}"#,
        r#"{"victim":{"minor":false,"age":{"min":15,"max":30}}}"#,
        r#"{"victim":{"minor":true,"age":20}}"#,
        r#"{"victim":{"age":null,"age":3}}"#,
        r#"{"vict\u0069m":{"\u0061ge":16}}"#,
        r#"{"victim":{"age":16.0}}"#,
        r#"{"victim":{"age":-1}}"#,
        r#"{"victim":{"age":99999999999999999999}}"#,
        r#"{"id":1.5,"victim":{"age":16}}"#,
        r#"{"id":18446744073709551615}"#,
        r#"{"id":"a","id":"b"}"#,
        r#"{"id":null}"#,
        r#"{"case":{"date":"2024-02-30"}}"#,
        r#"{"case":{"date":"2024-2-3"}}"#,
        r#"{"case":{"date":"2024-02-03T00:00"}}"#,
        r#"{"conduct":{"means":["fraud","fraud"]}}"#,
        r#"{"conduct":{"means":["fraud",3]}}"#,
        r#"{"conduct":{"means":"fraud"}}"#,
        r#"{"conduct":{"means":[]}}"#,
        r#"{"expect":{"applies":["ptpa-2018/3"]}}"#,
        r#"{"interview":{"dont_know":["victim.age"]}}"#,
        r#"{"victim":{"age":16}} // a comment"#,
        r#"{"victim":{"age":16},}"#,
        r"[1,2]",
        r#"{"victim":16}"#,
        r#"{"victim":{"sex":"f"}}"#,
        r#"{"nobody":{"age":16}}"#,
        r#"{"movement":{"origin":{"country":"pakistan"}}}"#,
        r#"{"case":{"province":"punjab","title":"T\"1"}}"#,
        r"{}",
    ];

    /// Generated lines (every 25th spoiled) and the tricky ones: where the span-free reader
    /// reads a line, the full reader reads it too, with the same id and values, and the plan's
    /// summary is the full path's; every good generated line is read the fast way.
    #[test]
    fn lines_are_read_and_summarised_as_the_full_path_does() {
        let program = shipped();
        let plan = Plan::new(&program).expect("the shipped law can be planned");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen-cases.py");
        let output = std::process::Command::new("python3")
            .arg(script)
            .args(["1500", "--bad=25", "--seed=11"])
            .output()
            .expect("python3 runs the case generator");
        let generated = String::from_utf8(output.stdout).expect("generated lines are UTF-8");
        let today = date(2026, 11, 29);
        let (mut fast, mut full) = (0, 0);
        for line in generated.lines().chain(TRICKY.iter().copied()) {
            let (id, read) = facts::load_line(line, &program);
            match (plan.read(line), read) {
                (Some((fast_id, values)), Ok(case)) => {
                    assert_eq!((&fast_id, &values), (&id, &case.values), "{line}");
                    assert_eq!(
                        planned_summary(&plan, &case, today),
                        full_summary(&program, &case, today),
                        "{line}"
                    );
                    let body = || Body::Summary(plan.summary(case.values.clone(), today));
                    assert_eq!(
                        good_line(fast, id.clone(), body()),
                        serde_line(fast, id.clone(), body()),
                        "the summary line is written as serde writes it"
                    );
                    fast += 1;
                }
                (Some(_), Err(errors)) => panic!("read a bad line: {line}: {errors:?}"),
                (None, Ok(case)) => {
                    let generated_good = generated.lines().any(|l| l == line);
                    let plain = case.expect.is_none() && case.dont_know.is_empty();
                    assert!(!(generated_good && plain), "left a good line: {line}");
                    full += 1;
                }
                (None, Err(_)) => {}
            }
        }
        assert!(fast > 1400 && full > 0, "{fast} read fast, {full} left");
    }

    /// Under every shipped amendment, by law and by date: the changes worked out from two
    /// plans are those the full path finds, for every example moved to each stretch's first
    /// day and for generated lines.
    #[test]
    fn diffs_from_two_plans_are_the_full_paths() {
        let base = shipped();
        let plan = Plan::new(&base).expect("the shipped law can be planned");
        let today = date(2026, 11, 29);
        let mut files = Vec::new();
        toml_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"),
            &mut files,
        );
        let examples: Vec<Case> = files
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).expect("an example reads");
                facts::load(&text, Format::Toml, &base).expect("examples are valid")
            })
            .filter(|case| !uses_partial_forms(case))
            .collect();
        let mut compared = 0;
        for name in crate::law::shipped_amendments() {
            let (_, amended) = crate::pipeline::law::load_law(None, &[name.to_owned()])
                .expect("the shipped amendments check");
            let amended_plan = Plan::new(&amended).expect("an amended law can be planned");
            let changed = |case: &Case, as_if, by_law| {
                let (before_day, after_day) = crate::diff::days(as_if, by_law);
                let (mut before, mut after) = (case.values.clone(), case.values.clone());
                let (_, undated) = crate::eval::case_date(&base, &before, today);
                crate::diff::move_to(&base, &mut before, before_day);
                crate::diff::move_to(&amended, &mut after, after_day);
                let cite = |id: &str| crate::pipeline::citation_in(&base, &amended, id);
                let planned = crate::diff::compare(
                    "case",
                    undated,
                    (&plan.side(before, today), &amended_plan.side(after, today)),
                    |change| crate::output::diff::change_line(change, &cite),
                );
                let comparison = crate::pipeline::Comparison {
                    base: &base,
                    amended: &amended,
                    as_if,
                    by_law,
                    today,
                };
                let full = comparison.case("case", case, case);
                let json = |d| serde_json::to_value(d).expect("diffs are data");
                assert_eq!(json(&planned), json(&full), "{name}, as if {as_if:?}");
                !full.changes.is_empty()
            };
            let mut changes = 0;
            for case in &examples {
                for bound in crate::model::in_force::bounds(&base).iter().step_by(3) {
                    changes += usize::from(changed(case, Some(*bound), true));
                    compared += 1;
                }
                changes += usize::from(changed(case, None, true));
                changes += usize::from(changed(case, Some(date(2019, 1, 1)), false));
                compared += 2;
            }
            assert!(changes > 0, "{name} changes some example");
        }
        assert!(compared > 1000);
    }
}
