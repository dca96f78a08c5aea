//! Issue 13 ("nothing a user gives can crash, hang or exhaust tipnav"): searches and law sizes
//! are bounded and say so, overlays and rule files pass every check, case text cannot rewrite
//! a Markdown handout, and odd but meaningful input (a null group, a byte-order mark) is read.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{Run, root, tipnav};

/// Writes `text` to a fresh file named `name` and runs `tipnav ARGS... FILE`.
fn run_on(name: &str, text: &str, args: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    fs::write(&path, text).expect("written");
    let mut args = args.to_vec();
    let path = path.display().to_string();
    args.push(&path);
    tipnav(&args)
}

/// Asserts a clean refusal: exit code 2, nothing on stdout, the expected words on stderr.
fn assert_refused(run: &Run, words: &str) {
    assert_eq!(run.status, 2, "{}", run.render());
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains(words), "{}", run.render());
}

/// A copy of the shipped statutes and rules in a temporary folder, for `--law`.
fn law_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for folder in ["statutes", "rules"] {
        fs::create_dir(dir.path().join(folder)).expect("created");
        for entry in fs::read_dir(root().join(folder)).expect("readable") {
            let path = entry.expect("an entry").path();
            if path.is_file() {
                fs::copy(
                    &path,
                    dir.path().join(folder).join(path.file_name().unwrap()),
                )
                .expect("copied");
            }
        }
    }
    dir
}

fn law_arg(dir: &Path) -> String {
    dir.display().to_string()
}

// Issue 13, item 1: `explain --flip` on a sparse case tried every triple of candidate changes,
// all held in memory at once (1.4 GB and 4.6 s for a date and a province; killed on an empty
// case). The search is now lazy and bounded, and says when it stopped early.
#[test]
fn flips_on_sparse_cases_finish_and_say_they_are_partial() {
    let cases = [
        ("empty.toml", ""),
        (
            "date-province.toml",
            "[case]\ndate = 2023-03-10\nprovince = \"sindh\"\n",
        ),
    ];
    let mut partial = 0;
    for (name, text) in cases {
        for section in ["ptpa-2018/3", "ppc/371-A", "psma-2018/3", "blsaa-1992/11"] {
            let started = Instant::now();
            let run = run_on(
                name,
                text,
                &["explain", "--format", "json", "--flip", section],
            );
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{name} {section}: took {:?}",
                started.elapsed()
            );
            assert_eq!(run.status, 0, "{}", run.render());
            let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
            assert_eq!(json["flip_search"]["section"], section);
            let complete = json["flip_search"]["complete"].as_bool().expect("a bool");
            partial += usize::from(!complete);
            let table = run_on(name, text, &["explain", "--flip", section]);
            assert_eq!(
                table.stdout.contains("smaller or other flips may exist"),
                !complete,
                "{}",
                table.render()
            );
        }
    }
    assert!(partial >= 6, "sparse cases stop the search early");
}

#[test]
fn a_complete_flip_search_says_so_in_every_format() {
    let args = |format| {
        tipnav(&[
            "explain",
            "--format",
            format,
            "examples/larkana-girl-sold.toml",
            "--flip",
            "ppc/371-A",
        ])
    };
    let json: serde_json::Value = serde_json::from_str(&args("json").stdout).expect("JSON");
    assert_eq!(json["flip_search"]["complete"], true);
    assert!(json["flip_search"]["evaluated"].as_u64().unwrap() > 0);
    for format in ["table", "markdown", "html"] {
        let run = args(format);
        assert_eq!(run.status, 0, "{}", run.render());
        assert!(
            run.stdout.contains("smallest first, after"),
            "{format}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("may exist"), "{format}");
    }
}

/// Runs `tipnav ARGS` on a copy of the shipped law with one more rule file.
fn with_rules(text: &str, args: &[&str]) -> Run {
    let law = law_copy();
    fs::write(law.path().join("rules/generated.rules"), text).expect("written");
    let law = law_arg(law.path());
    let mut all = vec!["--law", law.as_str()];
    all.extend(args);
    tipnav(&all)
}

// Issue 13, item 2: 50,000 unused derives took 74 s and 4.4 GiB in `check`, because the
// overlap analysis evaluates every derived fact once per pair of offences and per step of a
// witness search. The law's size is now limited before any of that work.
#[test]
fn a_law_with_50_000_derives_is_refused_quickly() {
    let mut text = String::new();
    for i in 0..50_000 {
        writeln!(
            text,
            "derive victim.unused_{i} = victim.age < {} cite \"t\"",
            i % 90
        )
        .unwrap();
    }
    let started = Instant::now();
    let run = with_rules(&text, &["check"]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_refused(
        &run,
        "the rules declare more than 1000 facts, the most tipnav accepts",
    );
    assert!(
        run.stderr.contains("more than 5000 declarations"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("generated.rules:"), "{}", run.stderr);
}

/// `derive victim.chain_0 = victim.child`, then each `chain_N` from `chain_N-1`.
fn chain(length: usize) -> String {
    let mut text = String::from("derive victim.chain_0 = victim.child cite \"t\"\n");
    for i in 1..length {
        writeln!(
            text,
            "derive victim.chain_{i} = victim.chain_{} cite \"t\"",
            i - 1
        )
        .unwrap();
    }
    text
}

// Issue 13, item 2: a chain of 40,000 derives cost 34 s per `eval`.
#[test]
fn a_long_chain_of_derives_is_refused_at_the_limit() {
    let run = with_rules(&chain(40_000), &["check"]);
    assert_refused(&run, "more than 1000 facts");
    // `victim.child` is derived too, so `chain_63` is the 65th link.
    let run = with_rules(&chain(tipnav::check::MAX_DERIVE_DEPTH), &["check"]);
    assert_refused(
        &run,
        "`victim.chain_63` makes a chain of more than 64 derived facts",
    );
    let fits = chain(tipnav::check::MAX_DERIVE_DEPTH - 1);
    let run = with_rules(&fits, &["eval", "examples/larkana-girl-sold.toml"]);
    assert_eq!(run.status, 0, "{}", run.render());
}

#[test]
fn a_law_at_the_fact_limit_checks_in_seconds() {
    let mut text = String::new();
    // The shipped law's own facts count towards the limit.
    for i in 0..tipnav::check::MAX_FACTS - 100 {
        writeln!(
            text,
            "derive victim.unused_{i} = victim.age < {} cite \"t\"",
            i % 90
        )
        .unwrap();
    }
    let started = Instant::now();
    let run = with_rules(&text, &["check"]);
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}

/// An overlay with a header and the given changes.
fn overlay(changes: &str) -> String {
    format!(
        "amendment test-overlay \"Test\" {{\n    effective 2026-01-01\n    status proposal\n    cite \"test\"\n}}\n\n{changes}"
    )
}

// Issue 13, item 3: an overlay could remove every element of an offence (which then applied on
// no facts), remove an element that does not exist, or set a minimum term above the maximum.
#[test]
fn an_overlay_that_removes_every_element_is_refused() {
    let text = overlay(
        "amend ptpa-2018/3 {\n    remove element act\n    remove element purpose\n    remove element means\n    cite \"t\"\n}\n",
    );
    let run = run_on("overlay.rules", &text, &["check", "--amend"]);
    assert_refused(&run, "the amendment removes every element of `ptpa-2018/3`");
    assert!(run.stderr.contains("overlay.rules:7:7"), "{}", run.stderr);
    // Replacing every element is fine.
    let text = overlay(
        "amend ppc/374 {\n    remove element compelled\n    element forced = conduct.means has force cite \"t\"\n    cite \"t\"\n}\n",
    );
    let run = run_on("overlay.rules", &text, &["check", "--amend"]);
    assert_eq!(run.status, 0, "{}", run.render());
}

#[test]
fn an_overlay_cannot_remove_an_element_that_does_not_exist() {
    let text = overlay("amend ppc/374 {\n    remove element compeled\n    cite \"t\"\n}\n");
    let run = run_on("overlay.rules", &text, &["check", "--amend"]);
    assert_refused(&run, "`ppc/374` has no element `compeled` to remove");
    assert!(
        run.stderr.contains("did you mean `compelled`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_overlay_punishment_passes_the_statute_checks() {
    for (punishment, problem) in [
        (
            "imprisonment from 10y to 2y",
            "has a minimum term above its maximum",
        ),
        (
            "fine from 900 to 100",
            "has a minimum fine above its maximum",
        ),
        (
            "imprisonment to 2y combine or",
            "has `combine` without both imprisonment and a fine",
        ),
        (
            "imprisonment to 2y fine to 100",
            "has imprisonment and a fine but no `combine`",
        ),
        ("", "states no sentence"),
    ] {
        let text = overlay(&format!(
            "amend ppc/374 {{\n    punishment {punishment}\n    cite \"t\"\n}}\n"
        ));
        let run = run_on("overlay.rules", &text, &["check", "--amend"]);
        assert_refused(&run, problem);
        assert!(run.stderr.contains("overlay.rules:8:5"), "{}", run.stderr);
    }
}

// Issue 13, item 6: `check` accepted `protect` on an offence, a section listed twice in one
// overlap, and an overlay's header or changes in a rule file of the law (where nothing
// applies them).
#[test]
fn check_refuses_protect_on_an_offence() {
    let run = with_rules("protect ppc/374 for ptpa-2018/3 cite \"t\"\n", &["check"]);
    assert_refused(&run, "section `ppc/374` is an offence, not a protection");
    assert!(run.stderr.contains("generated.rules:1:9"), "{}", run.stderr);
}

#[test]
fn check_refuses_a_section_listed_twice_in_an_overlap() {
    let run = with_rules(
        "overlap duplicate_offence ptpa-2018/3, ppc/371-A, ptpa-2018/3 cite \"t\"\n",
        &["check"],
    );
    assert_refused(&run, "`ptpa-2018/3` is listed twice in this overlap");
    assert!(
        run.stderr.contains("generated.rules:1:51"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_refuses_overlay_declarations_in_the_law() {
    let run = with_rules(&overlay(""), &["check"]);
    assert_refused(
        &run,
        "an `amendment` header belongs in an amendment overlay, not in the law's rules",
    );
    assert!(
        run.stderr.contains("generated.rules:1:11"),
        "{}",
        run.stderr
    );
    let run = with_rules("repeal ppc/374 cite \"t\"\n", &["check"]);
    assert_refused(&run, "`repeal` belongs in an amendment overlay");
}

// Issue 13, item 4: a case title with a newline and `# heading`, or raw HTML, put a heading and
// HTML into the Markdown handout.
#[test]
fn case_text_cannot_inject_markdown_or_html() {
    let title = "Real title\n# Injected heading\n<script>alert(1)</script> | cell | *bold*";
    let case = format!(
        "[case]\ntitle = {title:?}\ndate = 2023-03-10\n[movement]\norigin = {{ country = \"pakistan\", province = \"punjab\", district = \"<b>x</b>\\n# District\" }}\n"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("- <i>case.toml");
    fs::write(&path, case).expect("written");
    let path = path.display().to_string();
    for command in ["eval", "explain"] {
        let run = tipnav(&[command, "--format", "markdown", &path]);
        assert_eq!(run.status, 0, "{}", run.render());
        assert!(
            !run.stdout.contains("<script>"),
            "{command}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("<i>"), "{command}: {}", run.stdout);
        assert!(!run.stdout.contains("<b>"), "{command}: {}", run.stdout);
        let headings: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with('#')).collect();
        assert!(
            headings
                .iter()
                .all(|h| !h.contains("Injected") || h.contains("\\# Injected")),
            "{command}: {headings:?}"
        );
        assert!(
            !run.stdout
                .lines()
                .any(|l| l.starts_with("# Injected") || l.starts_with("# District")),
            "{command}: {}",
            run.stdout
        );
    }
    let run = tipnav(&["eval", "--format", "markdown", &path]);
    assert!(
        run.stdout
            .starts_with("# Real title \\# Injected heading &lt;script&gt;alert(1)&lt;/script&gt; \\| cell \\| \\*bold\\*\n"),
        "{}",
        run.stdout
    );
}

// Issue 13, item 5: `"accused": null` was refused with "unknown fact `accused` ... did you mean
// `accused`?"; the README says null means unknown, so a null group leaves its facts unknown.
#[test]
fn a_null_group_means_every_fact_in_it_is_unknown() {
    let with_null = r#"{"case": {"date": "2023-03-10"}, "accused": null, "victim": null}"#;
    let without = r#"{"case": {"date": "2023-03-10"}}"#;
    let report = |text: &str| {
        let run = run_on("case.json", text, &["eval", "--format", "json"]);
        assert_eq!(run.status, 0, "{}", run.render());
        let mut json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        // Each run has its own temporary folder.
        json["case"]["file"] = serde_json::Value::Null;
        json
    };
    assert!(
        report(with_null) == report(without),
        "a null group is an absent one"
    );
    let run = run_on("case.json", r#"{"accused": 5}"#, &["eval"]);
    assert_refused(
        &run,
        "`accused` must be a table of facts (or null), found a number",
    );
    // The batch reader gives the same report as for the line without the null groups.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let batch = |line: &str| {
        let path = dir.path().join("cases.jsonl");
        fs::write(&path, format!("{line}\n")).expect("written");
        let run = tipnav(&["eval", "--batch", &path.display().to_string()]);
        assert_eq!(run.status, 0, "{}", run.render());
        run.stdout
    };
    assert!(
        batch(with_null) == batch(without),
        "the batch reader agrees"
    );
}

// Issue 13, item 7: messages that said the wrong thing.
#[test]
fn a_number_too_large_to_read_says_so_with_the_range() {
    let run = run_on(
        "case.toml",
        "[victim]\nage = 1000000000000000000000000000000\n",
        &["eval"],
    );
    assert_refused(
        &run,
        "must be between 0 and 130, found a number too large to read (beyond 64 bits)",
    );
    assert!(
        !run.stderr.contains("9223372036854775807"),
        "{}",
        run.stderr
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("cases.jsonl");
    fs::write(&path, "{\"id\": 100000000000000000000000000000}\n").expect("written");
    let run = tipnav(&["eval", "--batch", &path.display().to_string()]);
    assert!(
        run.stdout.contains("`id` must be between -9223372036854775808 and 9223372036854775807, found a number too large to read"),
        "{}",
        run.render()
    );
}

#[test]
fn a_byte_order_mark_is_accepted_in_case_rule_and_statute_files() {
    let bom = "\u{feff}";
    let run = run_on(
        "case.toml",
        &format!("{bom}[case]\ndate = 2023-03-10\n"),
        &["eval"],
    );
    assert_eq!(run.status, 0, "{}", run.render());
    let run = run_on("case.json", &format!("{bom}{{\"case\": {{}}}}"), &["eval"]);
    assert_eq!(run.status, 0, "{}", run.render());
    // Spans still point at the right place after the mark.
    let run = run_on(
        "case.toml",
        &format!("{bom}[victim]\nage = \"x\"\n"),
        &["eval"],
    );
    assert_refused(&run, "case.toml:2:7");
    let law = law_copy();
    for file in ["rules/ptpa.rules", "statutes/ppc.toml"] {
        let path = law.path().join(file);
        let text = fs::read_to_string(&path).expect("readable");
        fs::write(&path, format!("{bom}{text}")).expect("written");
    }
    let run = tipnav(&["check", "--law", &law_arg(law.path())]);
    assert_eq!(run.status, 0, "{}", run.render());
}

#[test]
fn a_section_expected_under_two_statuses_is_bad_input() {
    let case = "[case]\ndate = 2023-03-10\n[expect]\napplies = [\"ppc/374\"]\ndoes_not_apply = [\"ppc/374\"]\n";
    let run = run_on("case.toml", case, &["test"]);
    assert_refused(
        &run,
        "`ppc/374` is listed under both `applies` and `does_not_apply`",
    );
    assert!(run.stderr.contains("case.toml:5:19"), "{}", run.stderr);
}

#[test]
fn a_diagnostic_on_a_megabyte_line_prints_a_few_kb() {
    let long = "x".repeat(3 << 20);
    for (name, text, args) in [
        (
            "value.toml",
            format!("[victim]\nage = 5; {long}\n"),
            &["eval"][..],
        ),
        ("key.toml", format!("{long} = 1\n"), &["eval"][..]),
        (
            "context.toml",
            format!("title = \"{long}\"\nvictim = 5\n"),
            &["eval"][..],
        ),
        (
            "rule.rules",
            format!("fact victim.{long} : bool \"?\" oops"),
            &["check", "--amend"][..],
        ),
    ] {
        let run = run_on(name, &text, args);
        assert_eq!(run.status, 2, "{name}");
        assert!(
            run.stderr.len() < 4096,
            "{name}: {} bytes",
            run.stderr.len()
        );
        assert!(
            run.stderr.contains("too long to show"),
            "{name}: {}",
            run.stderr
        );
    }
}
