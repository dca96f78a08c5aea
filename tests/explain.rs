//! `tipnav explain`: every example's derivation is a reviewed snapshot; the deciding facts of a
//! section that may apply are exactly those that settle it; every flip really flips.

use tipnav::domain::domain;
use tipnav::eval::{Status, evaluate};
use tipnav::explain::{deciding_facts, flips, with_values};

use crate::support::{case, files, program, root, tipnav};

fn today() -> jiff::civil::Date {
    "2026-11-29".parse().unwrap()
}

#[test]
fn every_example_explains() {
    for path in files("examples", "toml") {
        let run = tipnav(&["explain", &path]);
        assert_eq!(run.status, 0, "{}", run.render());
        for line in run
            .stdout
            .lines()
            .filter(|l| l.trim_start().starts_with(['✓', '✗', '?']))
        {
            assert!(
                line.contains(": "),
                "{path}: every element step cites a rule: {line}"
            );
        }
        let name = path
            .trim_start_matches("examples/")
            .trim_end_matches(".toml")
            .to_owned();
        insta::assert_snapshot!(
            format!("explain_{name}"),
            crate::support::redact(&run.stdout)
        );
    }
}

#[test]
fn explain_json_and_markdown() {
    let json = tipnav(&[
        "explain",
        "--format",
        "json",
        "examples/gulf-job-passport-taken.toml",
        "eo-1979/17-2",
    ]);
    assert_eq!(json.status, 0, "{}", json.render());
    let value: serde_json::Value = crate::support::validated("explain", &json.stdout);
    assert_eq!(value["sections"][0]["status"], "may_apply");
    assert_eq!(
        value["sections"][0]["deciding"][0]["fact"],
        "movement.irregular_emigration"
    );
    let markdown = tipnav(&[
        "explain",
        "--format",
        "markdown",
        "examples/larkana-girl-sold.toml",
        "ppc/371-A",
    ]);
    assert!(
        markdown
            .stdout
            .starts_with("# Explanation: examples/larkana-girl-sold.toml")
    );
}

#[test]
fn deciding_facts_are_exactly_those_that_settle_a_section() {
    let program = program();
    let domain = domain(&program);
    let mut checked = 0;
    for path in files("examples", "toml") {
        let case = case(
            &program,
            &std::fs::read_to_string(root().join(&path)).unwrap(),
        );
        let outcome = evaluate(&program, &case, today());
        for section in outcome
            .sections
            .iter()
            .filter(|s| s.status == Status::MayApply)
        {
            let deciding =
                deciding_facts(&program, &domain, &case, &outcome, section.offence, today());
            assert!(
                !deciding.is_empty(),
                "{path}: {} may apply, so something decides it",
                section.section(&program)
            );
            let settles = |fact: tipnav::model::FactId| {
                domain.of(fact).iter().any(|value| {
                    let changed = with_values(&case, &[(fact, value.clone())]);
                    evaluate(&program, &changed, today()).sections[section.offence].status
                        != Status::MayApply
                })
            };
            for &fact in &deciding {
                assert!(
                    settles(fact),
                    "{path}: {} is listed but does not settle {}",
                    program.facts[fact].name,
                    section.section(&program)
                );
            }
            let unknown_inputs = (program.fact_ids())
                .filter(|&f| case.values[f].is_none() && program.facts[f].derivation.is_none());
            for fact in unknown_inputs.filter(|f| !deciding.contains(f)) {
                assert!(
                    !settles(fact),
                    "{path}: {} settles {} but is not listed",
                    program.facts[fact].name,
                    section.section(&program)
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 5, "the examples have sections that may apply");
}

#[test]
fn every_flip_flips() {
    let program = program();
    let domain = domain(&program);
    let mut checked = 0;
    for path in files("examples", "toml") {
        let case = case(
            &program,
            &std::fs::read_to_string(root().join(&path)).unwrap(),
        );
        let outcome = evaluate(&program, &case, today());
        for id in [
            "ptpa-2018/3",
            "ppc/371-A",
            "psma-2018/3",
            "blsaa-1992/11",
            "ppc/374",
        ] {
            let index = program.offence_id(id).unwrap();
            for flip in flips(&program, &domain, &case, &outcome, index, today()).flips {
                let values: Vec<_> = flip
                    .changes
                    .iter()
                    .map(|c| (c.fact, c.to.clone()))
                    .collect();
                let changed = with_values(&case, &values);
                let status = evaluate(&program, &changed, today()).sections[index].status;
                assert_eq!(status, flip.to, "{path}: {id} with {:?}", flip.changes);
                assert_ne!(flip.to, outcome.sections[index].status);
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "flips were found");
}

#[test]
fn flip_names_the_smallest_change() {
    let run = tipnav(&[
        "explain",
        "examples/larkana-girl-sold.toml",
        "--flip",
        "ppc/371-A",
    ]);
    assert!(
        run.stdout
            .contains("ppc/371-A would stop applying if conduct.acts no longer includes sell"),
        "{}",
        run.stdout
    );
    let run = tipnav(&[
        "explain",
        "examples/larkana-girl-sold.toml",
        "--flip",
        "ppc/999",
    ]);
    assert_eq!(run.status, 2);
}
