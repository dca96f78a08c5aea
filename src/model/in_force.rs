//! The law in force, compiled once per law for every reader of it. Between two days on which
//! some date key is reached (or its window opens), the law does not change; so for each such
//! stretch of days this holds every offence's version in force with the elements and
//! jurisdiction clauses that are part of the law then, the statute's default agency and court,
//! the protections and the rules' notes in force, all as indices. Evaluation, resolution, the
//! batch plan and the analysis read the law on a day here; none of them tests a validity or
//! looks a version up per case.
//!
//! A stretch is compiled the first time a case falls in it, and kept with the program: a
//! single `tipnav eval` compiles the one or two stretches it reads, a batch each stretch once.
//! Compiling every stretch ahead (about 30 million instructions, and law.bin several times
//! larger to read at each start) would cost a single evaluation more than it saves.

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::model::{Clause, Decides, OffenceId, Program, Validity};
use crate::statute::{
    Agency, Certainty, Court, DateBound, InstrumentId, Reading, VersionId, Windows,
};

/// The law of each stretch of days, compiled when first read. Cloning a program (to amend it,
/// or to translate its texts) starts the copy with nothing compiled, so an amended law is
/// never read from its base's tables.
#[derive(Default)]
pub struct Compiled(OnceLock<Stretches>);

impl Clone for Compiled {
    fn clone(&self) -> Compiled {
        Compiled::default()
    }
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Compiled")
    }
}

struct Stretches {
    /// Days on which the law may change, sorted: stretch `k` runs from `bounds[k - 1]` to the
    /// day before `bounds[k]`.
    bounds: Vec<Date>,
    /// One per stretch.
    stretches: Vec<OnceLock<Stretch>>,
}

/// The law on the days of one stretch.
pub struct Stretch {
    /// The law, reading an amendment whose day is unknown as not yet in force.
    pub earlier: Law,
    /// Inside such an amendment's window: the law if it was already in force.
    pub later: Option<Later>,
}

/// The law if an amendment whose day is unknown was already in force, and the offences whose
/// version or elements it changes: only those can come out differently (an offence's status
/// reads nothing else of the law).
pub struct Later {
    pub law: Law,
    pub changed: Vec<OffenceId>,
}

/// The law under one reading.
#[derive(Debug, PartialEq, Eq)]
pub struct Law {
    /// Per offence, in program order.
    pub offences: Vec<OffenceLaw>,
    /// Per protection in force: its index, its section's version and that section's instrument.
    pub protections: Vec<(usize, VersionId, InstrumentId)>,
    /// The rules' notes in force (indices into `Program::notes`).
    pub notes: Vec<usize>,
}

/// One offence under one reading. Its elements and clauses are kept whether or not a version
/// of its section is in force: the explanation shows how the elements came out, and a case
/// dated to a range of days reads a version in force on some day of it with the clauses of
/// its first.
#[derive(Debug, PartialEq, Eq)]
pub struct OffenceLaw {
    /// The elements that are part of the law then (indices into the offence's elements).
    pub elements: Vec<usize>,
    /// Agency clauses in force, in the order written: clause index and agency.
    pub agency: Vec<(usize, Agency)>,
    /// Court clauses likewise.
    pub court: Vec<(usize, Court)>,
    /// Supporting-agency clauses likewise.
    pub support: Vec<(usize, Agency)>,
    /// The version of its section in force, if one is.
    pub version: Option<InForce>,
}

/// An offence's section version in force, with what the statute data gives it.
#[derive(Debug, PartialEq, Eq)]
pub struct InForce {
    /// The statute version.
    pub version: VersionId,
    /// Whether the date settles it, or lies in the window of the key bounding it.
    pub certainty: Certainty,
    /// The statute's default agency for this version.
    pub default_agency: Agency,
    /// The statute's default court for this version.
    pub default_court: Court,
    /// Whether only its own court may try it.
    pub exclusive: bool,
}

/// The law under a reading.
pub fn on(program: &Program, reading: Reading) -> &Law {
    let stretch = stretch(program, reading.date);
    match (reading.windows, &stretch.later) {
        (Windows::Later, Some(later)) => &later.law,
        _ => &stretch.earlier,
    }
}

/// The law of the stretch of days `date` falls in, under both readings of an amendment whose
/// day is unknown.
pub fn stretch(program: &Program, date: Date) -> &Stretch {
    stretch_at(program, stretch_index(program, date))
}

/// Which stretch of days `date` falls in, counting from 0 (below [`stretch_count`]): for a
/// reader that keeps its own tables per stretch, as the batch plan does.
pub fn stretch_index(program: &Program, date: Date) -> usize {
    stretches(program).bounds.partition_point(|b| *b <= date)
}

/// How many stretches of days the law has.
pub fn stretch_count(program: &Program) -> usize {
    stretches(program).stretches.len()
}

/// The law of stretch `k`, compiled the first time it is read.
pub fn stretch_at(program: &Program, k: usize) -> &Stretch {
    let stretches = stretches(program);
    stretches.stretches[k].get_or_init(|| {
        let first_day = k.checked_sub(1).map_or(Date::MIN, |k| stretches.bounds[k]);
        compile_stretch(program, first_day)
    })
}

/// Every day on which the law may change, sorted.
pub fn bounds(program: &Program) -> &[Date] {
    &stretches(program).bounds
}

/// Whether something valid for `validity` is part of the law under a reading.
pub fn holds_on(validity: &Validity, reading: Reading) -> bool {
    let started = validity.since_at.is_none_or(|at| at.in_force(reading));
    let ended = validity.until_at.is_some_and(|at| at.in_force(reading));
    started && !ended
}

fn stretches(program: &Program) -> &Stretches {
    program.in_force.0.get_or_init(|| {
        let bounds = days_the_law_may_change(program);
        let stretches = (0..=bounds.len()).map(|_| OnceLock::new()).collect();
        Stretches { bounds, stretches }
    })
}

/// Every day on which some date key is reached or its window opens, sorted.
fn days_the_law_may_change(program: &Program) -> Vec<Date> {
    let mut bounds: Vec<Date> = Vec::new();
    for key in program.book.dates.values() {
        match key.bound {
            DateBound::On(day) => bounds.push(day),
            DateBound::Window { after, by } => {
                bounds.extend(after.tomorrow().ok());
                bounds.push(by);
            }
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    bounds
}

/// The stretch that begins on `first_day`: the law, and inside an amendment's window the law
/// as it would be if the amendment was already in force.
fn compile_stretch(program: &Program, first_day: Date) -> Stretch {
    let reading = |windows| Reading {
        date: first_day,
        windows,
    };
    let earlier = law(program, reading(Windows::Earlier));
    let uncertain = !program.book.uncertain_on(first_day).is_empty();
    let later = uncertain.then(|| {
        let later = law(program, reading(Windows::Later));
        let version = |law: &Law, o: OffenceId| law.offences[o].version.as_ref().map(|v| v.version);
        let changed = (program.offence_ids())
            .filter(|&o| {
                version(&earlier, o) != version(&later, o)
                    || earlier.offences[o].elements != later.offences[o].elements
            })
            .collect();
        Later {
            law: later,
            changed,
        }
    });
    Stretch { earlier, later }
}

fn law(program: &Program, reading: Reading) -> Law {
    let protections = (program.protections.iter().enumerate())
        .filter(|(_, protection)| holds_on(&protection.validity, reading))
        .filter_map(|(index, protection)| {
            let section = &program.book.sections[&protection.section];
            let (version, _) = program.book.version_on(section, reading)?;
            Some((index, version, section.instrument))
        })
        .collect();
    Law {
        offences: (program.offence_ids())
            .map(|offence| offence_law(program, offence, reading))
            .collect(),
        protections,
        notes: (0..program.notes.len())
            .filter(|&n| holds_on(&program.notes[n].validity, reading))
            .collect(),
    }
}

fn offence_law(program: &Program, offence: OffenceId, reading: Reading) -> OffenceLaw {
    let offence = &program.offences[offence];
    let section = &program.book.sections[&offence.section];
    let clauses: Vec<(usize, &Clause)> = (offence.clauses.iter().enumerate())
        .filter(|(_, clause)| holds_on(&clause.validity, reading))
        .collect();
    let version = program
        .book
        .version_on(section, reading)
        .map(|(version, certainty)| {
            let particulars = (section.versions[version].offence.as_ref())
                .expect("the checker lets offence rules cite offence sections only");
            InForce {
                version,
                certainty,
                default_agency: particulars.agency,
                default_court: particulars.court,
                exclusive: particulars.court_exclusive,
            }
        });
    OffenceLaw {
        elements: (0..offence.elements.len())
            .filter(|&e| holds_on(&offence.elements[e].validity, reading))
            .collect(),
        agency: deciding(&clauses, |d| match d {
            Decides::Agency(agency) => Some(agency),
            _ => None,
        }),
        court: deciding(&clauses, |d| match d {
            Decides::Court(court) => Some(court),
            _ => None,
        }),
        support: deciding(&clauses, |d| match d {
            Decides::Support(agency) => Some(agency),
            _ => None,
        }),
        version,
    }
}

/// The clauses that decide one thing (the agency, the court, a supporting agency), in order,
/// with what each names.
fn deciding<T>(
    clauses: &[(usize, &Clause)],
    pick: impl Fn(Decides) -> Option<T>,
) -> Vec<(usize, T)> {
    clauses
        .iter()
        .filter_map(|(index, clause)| Some((*index, pick(clause.decides)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use jiff::ToSpan as _;
    use jiff::civil::{Date, date};

    use super::{bounds, law, on, stretch};
    use crate::statute::{Reading, Windows};

    /// The compiled law rests on one claim: between two days in `bounds` the law does not
    /// change. Each stretch is compiled on its first day; read directly on its first day, its
    /// last day, the day after its first and a day in its middle, the law is the same, under
    /// both readings of an amendment whose day is unknown, and the stretch has a later reading
    /// exactly when some window is open on the day. Checked on the shipped law and under each
    /// shipped amendment.
    #[test]
    fn the_law_read_on_any_day_of_a_stretch_is_the_stretch_s_law() {
        let mut laws = vec![
            crate::pipeline::law::load_law(None, &[])
                .expect("the law checks")
                .1,
        ];
        for name in crate::law::shipped_amendments() {
            let (_, amended) = crate::pipeline::law::load_law(None, &[name.to_owned()])
                .expect("the shipped amendments check");
            laws.push(amended);
        }
        let mut days_checked = 0;
        for program in &laws {
            let bounds = bounds(program).to_vec();
            assert!(bounds.len() > 10, "the law changes on many days");
            let firsts = std::iter::once(date(1860, 1, 1)).chain(bounds.iter().copied());
            let lasts =
                (bounds.iter().map(|b| b.yesterday().expect("a day before"))).chain([Date::MAX]);
            for (first, last) in firsts.zip(lasts) {
                // A window no source closes yet ends on the last day there is.
                let middle = first.checked_add(((last - first).get_days() / 2).days());
                let middle = middle.expect("a day between");
                let next = first.tomorrow().unwrap_or(first).min(last);
                for day in [first, next, middle, last] {
                    let compiled = stretch(program, day);
                    let uncertain = !program.book.uncertain_on(day).is_empty();
                    assert_eq!(compiled.later.is_some(), uncertain, "{day}");
                    for windows in [Windows::Earlier, Windows::Later] {
                        let reading = Reading { date: day, windows };
                        assert!(
                            *on(program, reading) == law(program, reading),
                            "{day} {windows:?}"
                        );
                    }
                    days_checked += 1;
                }
            }
        }
        assert!(days_checked > 400, "{days_checked} days");
    }
}
