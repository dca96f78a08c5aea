//! Comparing a case's `[expect]` block with what tipnav concluded, for `tipnav test` and the
//! example tests. Returns the differences as sentences; prints nothing.

use crate::eval::{Outcome, Status};
use crate::facts::Expectation;
use crate::i18n::trf;
use crate::model::Program;
use crate::resolve::{CaseCourt, Resolution};

/// Every way the outcome differs from the expectation (empty when it matches).
pub fn mismatches(
    program: &Program,
    expect: &Expectation,
    outcome: &Outcome,
    resolution: &Resolution,
) -> Vec<String> {
    let mut problems = status_mismatches(program, expect, outcome);
    problems.extend(forum_mismatches(expect, resolution));
    problems.extend(overlap_mismatches(expect, resolution));
    problems.extend(protection_mismatches(program, expect, outcome));
    problems
}

/// The sections expected to apply, to possibly apply or not to apply that do otherwise.
fn status_mismatches(program: &Program, expect: &Expectation, outcome: &Outcome) -> Vec<String> {
    let status_of = |id: &str| {
        outcome
            .sections
            .iter()
            .find(|s| s.section(program) == id)
            .map(|s| s.status)
    };
    let mut problems = Vec::new();
    for (list, wanted) in [
        (&expect.applies, Status::Applies),
        (&expect.may_apply, Status::MayApply),
        (&expect.does_not_apply, Status::DoesNotApply),
    ] {
        for section in list {
            let found = status_of(section).unwrap_or(Status::DoesNotApply);
            if found != wanted {
                problems.push(trf(
                    "expected `{section}` to be {wanted}, it is {found}",
                    &[
                        ("section", section.as_str()),
                        ("wanted", wanted.id()),
                        ("found", found.id()),
                    ],
                ));
            }
        }
    }
    problems
}

/// The lead agency, court and later forum, where the expectation names them and they differ.
fn forum_mismatches(expect: &Expectation, resolution: &Resolution) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(wanted) = expect.lead_agency {
        let lead = resolution.lead_agency();
        if lead != Some(wanted) {
            let found = lead.map_or("none", |a| a.id());
            problems.push(trf(
                "expected lead agency `{wanted}`, it is `{found}`",
                &[("wanted", wanted.id()), ("found", found)],
            ));
        }
    }
    if let Some(wanted) = expect.court {
        let court = resolution.court.as_ref().map(CaseCourt::court);
        if court != Some(wanted) {
            let found = court.map_or("none", |c| c.id());
            problems.push(trf(
                "expected court `{wanted}`, it is `{found}`",
                &[("wanted", wanted.id()), ("found", found)],
            ));
        }
    }
    if let Some(wanted) = expect.later_court {
        let later = resolution.court.as_ref().and_then(|c| c.later.as_ref());
        if later.map(|later| later.court) != Some(wanted) {
            let found = later.map_or("none", |later| later.court.id());
            problems.push(trf(
                "expected the later forum `{wanted}`, it is `{found}`",
                &[("wanted", wanted.id()), ("found", found)],
            ));
        }
    }
    problems
}

/// The expected overlaps that no overlap of the resolution covers.
fn overlap_mismatches(expect: &Expectation, resolution: &Resolution) -> Vec<String> {
    let mut problems = Vec::new();
    for (kind, sections) in &expect.overlaps {
        let found = resolution
            .overlaps
            .iter()
            .any(|o| o.kind == *kind && sections.iter().all(|s| o.sections.contains(s)));
        if !found {
            problems.push(trf(
                "expected a {kind} overlap among {sections}",
                &[("kind", kind.id()), ("sections", &sections.join(", "))],
            ));
        }
    }
    problems
}

/// The expected protections that do not apply to the victim.
fn protection_mismatches(
    program: &Program,
    expect: &Expectation,
    outcome: &Outcome,
) -> Vec<String> {
    let mut problems = Vec::new();
    for section in &expect.protections {
        let found = outcome.protections.iter().any(|p| {
            p.status == Status::Applies && program.protections[p.protection].section == *section
        });
        if !found {
            problems.push(trf(
                "expected the victim to have the protection of `{section}`",
                &[("section", section.as_str())],
            ));
        }
    }
    problems
}
