//! Bad input of every kind gets a diagnostic pointing at the span, exit code 2 and nothing on
//! stdout. One fixture, one snapshot of the rendered diagnostic (no colour, 100 columns).

use crate::support::{files, root, tipnav};

#[test]
fn bad_case_files() {
    let mut fixtures = files("tests/fixtures/cases/err", "toml");
    fixtures.extend(files("tests/fixtures/cases/err", "json"));
    assert!(fixtures.len() >= 12);
    for path in fixtures {
        let run = tipnav(&["eval", &path]);
        assert_eq!(run.status, 2, "{path}: {}", run.render());
        assert_eq!(run.stdout, "", "{path}: no partial output");
        assert!(
            run.stderr.contains(&path),
            "{path}: the diagnostic names the file"
        );
        let name = path.rsplit('/').next().unwrap().replace('.', "_");
        insta::assert_snapshot!(format!("case_{name}"), run.stderr);
    }
}

#[test]
fn bad_law() {
    let mut dirs: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/law"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "ok")
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 12);
    for name in dirs {
        let dir = format!("tests/fixtures/law/{name}");
        let run = tipnav(&["check", "--law", &dir]);
        assert_eq!(run.status, 2, "{name}: {}", run.render());
        assert_eq!(run.stdout, "", "{name}: no partial output");
        insta::assert_snapshot!(format!("law_{name}"), run.stderr);
    }
}

#[test]
fn the_fixture_law_itself_is_fine() {
    let run = tipnav(&["check", "--law", "tests/fixtures/law/ok"]);
    assert_eq!(run.status, 0, "{}", run.render());
}

#[test]
fn a_rule_file_with_an_error_never_produces_a_result() {
    let run = tipnav(&[
        "eval",
        "--law",
        "tests/fixtures/law/rule_undeclared_fact",
        "examples/larkana-girl-sold.toml",
    ]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
}

#[test]
fn every_checker_error_is_reported_not_just_the_first() {
    let run = tipnav(&["check", "--law", "tests/fixtures/law/rule_many_errors"]);
    assert_eq!(run.status, 2);
    for code in [
        "check::unknown_member",
        "check::unknown_fact",
        "check::unknown_id",
        "check::no_offence_rule",
    ] {
        assert!(
            run.stderr.contains(code) || run.stderr.contains("check::unknown_section"),
            "{code} missing:\n{}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("4 problems found"), "{}", run.stderr);
}

#[test]
fn a_missing_case_file() {
    let run = tipnav(&["eval", "examples/no-such-case.toml"]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("case_missing_file", run.stderr);
}

#[test]
fn a_missing_law_folder() {
    let run = tipnav(&["check", "--law", "tests/fixtures/law/none"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("cannot read `tests/fixtures/law/none`"),
        "{}",
        run.stderr
    );
}

#[test]
fn diagnostics_are_json_under_format_json() {
    let run = tipnav(&[
        "eval",
        "--format",
        "json",
        "tests/fixtures/cases/err/unknown_enum_value.toml",
    ]);
    assert_eq!(run.status, 2);
    let diagnostic: serde_json::Value =
        serde_json::from_str(run.stderr.lines().next().unwrap()).unwrap();
    assert_eq!(diagnostic["code"], "facts::unknown_value");
    assert_eq!(diagnostic["help"], "did you mean `female`?");
}

#[test]
fn one_bad_case_among_good_ones_stops_all_output() {
    let run = tipnav(&[
        "eval",
        "examples/larkana-girl-sold.toml",
        "tests/fixtures/cases/err/negative_age.toml",
    ]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
}
