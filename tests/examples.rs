//! Every shipped example evaluates to its [expect] block; its table and JSON outputs are
//! snapshots (reviewed with `cargo insta review`).

use crate::support::{files, program, tipnav};
use tipnav::expectation::mismatches;

#[test]
fn every_example_meets_its_expect_block() {
    let program = program();
    let examples = files("examples", "toml");
    assert!(
        examples.len() >= 7,
        "the seven consultation cases ship as examples"
    );
    for path in examples {
        let text = std::fs::read_to_string(crate::support::root().join(&path)).unwrap();
        let case = crate::support::case(&program, &text);
        let expect = case
            .expect
            .clone()
            .unwrap_or_else(|| panic!("{path} has no [expect] block"));
        assert!(
            !expect.applies.is_empty(),
            "{path}: [expect] names the sections that apply"
        );
        let (outcome, resolution) = crate::support::run_case(&program, &case);
        let problems = mismatches(&program, &expect, &outcome, &resolution);
        assert!(problems.is_empty(), "{path}: {problems:#?}");
    }
}

#[test]
fn tipnav_test_passes_on_the_whole_scenario_bank() {
    let run = tipnav(&["test", "examples"]);
    assert_eq!(run.status, 0, "{}", run.render());
    let summary = run.stdout.lines().last().unwrap_or_default();
    assert!(summary.ends_with("passed, 0 failed"), "{summary}");
}

#[test]
fn example_tables() {
    for path in files("examples", "toml") {
        let run = tipnav(&["eval", &path]);
        assert_eq!(run.status, 0, "{}", run.render());
        let name = path
            .trim_start_matches("examples/")
            .trim_end_matches(".toml")
            .to_owned();
        insta::assert_snapshot!(format!("table_{name}"), crate::support::redact(&run.stdout));
    }
}

#[test]
fn example_json() {
    for path in files("examples", "toml") {
        let run = tipnav(&["eval", "--format", "json", &path]);
        assert_eq!(run.status, 0, "{}", run.render());
        crate::support::validated("eval", &run.stdout);
        let name = path
            .trim_start_matches("examples/")
            .trim_end_matches(".toml")
            .to_owned();
        insta::assert_snapshot!(format!("json_{name}"), crate::support::redact(&run.stdout));
    }
}

#[test]
fn example_markdown() {
    let run = tipnav(&[
        "eval",
        "--format",
        "markdown",
        "examples/larkana-girl-sold.toml",
    ]);
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(
        run.stdout
            .starts_with("# Girl from Punjab sold into prostitution in Larkana\n")
    );
    insta::assert_snapshot!(
        "markdown_larkana-girl-sold",
        crate::support::redact(&run.stdout)
    );
}

/// Every case file under `examples/`, scenarios included.
fn scenario_bank() -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    let mut folders = vec![crate::support::root().join("examples")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                all.push(path);
            }
        }
    }
    all
}

#[test]
fn the_scenario_bank_covers_every_offence_both_ways() {
    let program = program();
    let bank = scenario_bank();
    assert!(
        bank.len() >= 40,
        "at least 40 scenarios, found {}",
        bank.len()
    );
    let (mut applies, mut narrowly_not) = (Vec::new(), Vec::new());
    for path in &bank {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(
            text.starts_with('#'),
            "{}: opens with a description of the facts",
            path.display()
        );
        let expect = crate::support::case(&program, &text)
            .expect
            .unwrap_or_else(|| panic!("{} has no [expect]", path.display()));
        applies.extend(expect.applies);
        narrowly_not.extend(expect.does_not_apply);
    }
    for offence in &program.offences {
        if never_certainly_in_force(&program, &offence.section) {
            // A law whose start no source dates (an open window) is only ever the alternative
            // reading, so no scenario's [expect] can have it apply.
            continue;
        }
        assert!(
            applies.contains(&offence.section),
            "no scenario where {} applies",
            offence.section
        );
        assert!(
            narrowly_not.contains(&offence.section),
            "no scenario where {} does not apply",
            offence.section
        );
    }
}

/// Whether every version of a section starts at a date key whose window is still open
/// (no `by`), so that no case is ever certainly under it.
fn never_certainly_in_force(program: &tipnav::model::Program, section: &str) -> bool {
    let Some(section) = program.book.sections.get(section) else {
        return false;
    };
    section.versions.iter().all(|version| {
        program.book.dates.get(&version.from).is_some_and(|key| {
            matches!(key.bound, tipnav::statute::DateBound::Window { by, .. } if by == jiff::civil::Date::MAX)
        })
    })
}

/// Issue 15: an undated case says at the top of its report that today's law was used, and
/// `tipnav test` warns about it (without failing it).
#[test]
fn undated_cases_are_flagged_at_the_top_and_by_test() {
    let dir = std::env::temp_dir().join(format!("tipnav-undated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let case = dir.join("undated.toml");
    std::fs::write(
        &case,
        "[victim]\nage = { max = 17 }\n\n[conduct]\npurposes = { include = [\"begging\"] }\n\n[expect]\nmay_apply = [\"ptpa-2018/3\"]\n",
    )
    .unwrap();
    let path = case.to_string_lossy().into_owned();
    let test = crate::support::tipnav(&["test", &path]);
    let report = crate::support::tipnav(&["eval", &path]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        test.stderr.contains("gives no `case.date`"),
        "{}",
        test.render()
    );
    assert_eq!(
        test.status,
        0,
        "a warning, not a failure: {}",
        test.render()
    );
    let top = report.stdout.lines().take(3).collect::<Vec<_>>().join(" ");
    assert!(
        top.contains("Law in force today") && top.contains("earlier law"),
        "{}",
        report.stdout
    );
}
