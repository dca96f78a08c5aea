//! The declared overlaps a case hits, decided once as data: which declarations, with which
//! of their sections, and whether their premise is open. `resolve` writes the notes and
//! lists the open premise's facts from the decision; the batch plan names the sections only.

use crate::eval::Status;
use crate::eval::value::truth;
use crate::model::{OffenceId, OverlapKind, Program, Value};

/// A declared overlap the case hits.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Index into `Program::overlaps`.
    pub(crate) overlap: usize,
    /// Its sections that apply or may apply, as offences, in the declaration's order.
    pub(crate) members: Vec<OffenceId>,
    /// Whether its condition is unknown on the facts (otherwise it holds, or there is none).
    pub(crate) open: bool,
}

/// The one place the declared overlaps a case hits are decided, looking at `candidates` (indices
/// into `Program::overlaps`, ascending: every one, or only those naming a section that
/// applies, since no other can be hit). `status`, `family` and
/// `instrument` tell each offence's status,
/// family ([`Program::family`]) and instrument (an id or an index); `values` are the case's,
/// derived facts included. An overlap is hit when at least two of its sections apply or may
/// apply and one applies, its condition is not false, they are not merely a variant and its
/// base (for a duplicate offence), a declaration between laws finds two of them in play, and
/// the same kind with the same sections was not hit already.
pub(crate) fn declared<I: PartialEq>(
    program: &Program,
    candidates: impl IntoIterator<Item = usize>,
    status: impl Fn(OffenceId) -> Status,
    family: impl Fn(OffenceId) -> OffenceId,
    instrument: impl Fn(OffenceId) -> I,
    values: &[Option<Value>],
) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    for index in candidates {
        let overlap = &program.overlaps[index];
        let sections = &overlap.sections;
        let reached = |o: &&OffenceId| status(**o) != Status::DoesNotApply;
        // Most cases hit no declared overlap: look at the statuses before gathering anything.
        let one_applies = sections.iter().any(|&o| status(o) == Status::Applies);
        if !one_applies || sections.iter().filter(reached).count() < 2 {
            continue;
        }
        let premise = overlap
            .condition
            .as_ref()
            .map_or(Some(true), |c| truth(c, values));
        if premise == Some(false) {
            continue;
        }
        let members = || sections.iter().filter(reached).copied();
        let distinct =
            overlap.kind != OverlapKind::DuplicateOffence || !all_same(members().map(&family));
        // A declaration between laws ("meets the PTPA and the Penal Code") speaks of two
        // instruments: with sections of only one of them in play, its premise is false.
        let spans_laws = !all_same(members().map(&instrument))
            || all_same(sections.iter().map(|&o| instrument(o)));
        let seen = |hit: &Hit| {
            program.overlaps[hit.overlap].kind == overlap.kind
                && hit.members.iter().copied().eq(members())
        };
        if distinct && spans_laws && !hits.iter().any(seen) {
            hits.push(Hit {
                overlap: index,
                members: members().collect(),
                open: premise.is_none(),
            });
        }
    }
    hits
}

/// Whether every item is the first (true of none), without gathering them.
fn all_same<T: PartialEq>(mut items: impl Iterator<Item = T>) -> bool {
    match items.next() {
        Some(first) => items.all(|item| item == first),
        None => true,
    }
}
