//! The command line as a user meets it: help, check, test and exit codes.

use crate::support::tipnav;

#[test]
fn help_shows_every_command() {
    let run = tipnav(&["--help"]);
    assert_eq!(run.status, 0);
    insta::assert_snapshot!("help", crate::support::redact(&run.stdout));
}

#[test]
fn eval_help_shows_an_example() {
    let run = tipnav(&["eval", "--help"]);
    assert_eq!(run.status, 0);
    assert!(
        run.stdout
            .contains("Example:\n  tipnav eval examples/larkana-girl-sold.toml")
    );
}

#[test]
fn check_passes_on_the_shipped_law() {
    let run = tipnav(&["check"]);
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(run.stdout.starts_with("ok: "), "{}", run.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let run = tipnav(&["eval"]);
    assert_eq!(run.status, 2);
    let run = tipnav(&["frobnicate"]);
    assert_eq!(run.status, 2);
}

#[test]
fn test_exits_1_when_an_expectation_fails() {
    let dir = std::env::temp_dir().join(format!("tipnav-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text =
        std::fs::read_to_string(crate::support::root().join("examples/larkana-girl-sold.toml"))
            .unwrap();
    let wrong = text.replace("lead_agency = \"police\"", "lead_agency = \"fia\"");
    let path = dir.join("wrong.toml");
    std::fs::write(&path, wrong).unwrap();
    let run = tipnav(&["test", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(run.status, 1, "{}", run.render());
    assert!(
        run.stdout
            .contains("expected lead agency `fia`, it is `police`"),
        "{}",
        run.stdout
    );
}

#[test]
fn test_needs_an_expect_block() {
    let run = tipnav(&["test", "tests/fixtures/cases/ok/no_expect.toml"]);
    assert_eq!(run.status, 2, "{}", run.render());
    assert!(run.stderr.contains("has no [expect] block"));
}

#[test]
fn reports_name_the_law_by_its_digest() {
    let check = tipnav(&["check"]);
    let digest = check
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("law "))
        .expect("check prints the digest")
        .to_owned();
    assert!(
        digest.starts_with("sha256:") && digest.len() == 7 + 64,
        "{digest}"
    );
    let json = tipnav(&[
        "eval",
        "--format",
        "json",
        "examples/larkana-girl-sold.toml",
    ]);
    let report: serde_json::Value = crate::support::validated("eval", &json.stdout);
    assert_eq!(report["law"]["digest"], digest.as_str());
    let amended = tipnav(&["check", "--amend", "one-forum"]);
    assert!(
        !amended.stdout.contains(&digest),
        "an overlay changes the law, so the digest"
    );
    let table = tipnav(&["eval", "examples/larkana-girl-sold.toml"]);
    assert!(table.stdout.contains(&digest));
}

#[test]
fn completions_and_man_page_generate() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = tipnav(&["completions", shell]);
        assert_eq!(run.status, 0);
        assert!(run.stdout.contains("tipnav"), "{shell}");
    }
    let man = tipnav(&["man"]);
    assert!(man.stdout.contains(".TH tipnav 1"));
}
