//! Issue 16, "the answer first": the charge sheet of every example, citation forms accepted
//! wherever a section is named, may-apply triage, and output that fits `COLUMNS`.

use crate::support::{files, redact, root, tipnav, tipnav_with};

/// The example's name without folder and extension.
fn name(path: &str) -> String {
    path.trim_start_matches("examples/")
        .trim_end_matches(".toml")
        .to_owned()
}

/// The charge sheet of a table report: from its heading to the first section table.
fn charge_sheet(table: &str) -> &str {
    let start = table.find("Charge sheet").expect("a charge sheet");
    let end = table[start..]
        .find("Sections that apply")
        .map_or(table.len(), |e| start + e);
    &table[start..end]
}

#[test]
fn every_example_opens_with_its_charge_sheet() {
    for path in files("examples", "toml") {
        let run = tipnav_with(&["eval", &path], &[("COLUMNS", "100")]);
        assert_eq!(run.status, 0, "{}", run.render());
        let sheet = charge_sheet(&run.stdout);
        // Nothing but the title and the file, date and law lines comes before it.
        assert!(run.stdout.find("Charge sheet") < run.stdout.find("Sections that"));
        insta::assert_snapshot!(format!("charge_sheet_{}", name(&path)), sheet);
    }
}

/// Review of issue 16: on a sparse case (a date and a province) the first decisive question
/// carried an option's gloss inside it, and the trial paragraph said the joint trial was open
/// twice. The questions are only questions (glosses sit beside the options in `ask`).
#[test]
fn a_sparse_case_asks_plain_questions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sparse.toml");
    std::fs::write(&path, "[case]\ndate = 2024-05-01\nprovince = \"sindh\"\n").unwrap();
    let run = tipnav_with(&["eval", path.to_str().unwrap()], &[("COLUMNS", "100")]);
    assert_eq!(run.status, 0, "{}", run.render());
    let sheet = charge_sheet(&run.stdout);
    assert!(!sheet.contains("unlawful_immoral_purpose"), "{sheet}");
    insta::assert_snapshot!("charge_sheet_sparse_case", sheet);
}

/// The trial paragraph of every example says "open question" at most once.
#[test]
fn the_trial_paragraph_says_open_once() {
    for path in files("examples", "toml") {
        let run = tipnav_with(&["eval", &path], &[("COLUMNS", "1000")]);
        let trial = run
            .stdout
            .lines()
            .find(|l| l.starts_with("Court for the case:"))
            .unwrap_or_default();
        assert!(
            trial.matches("open question").count() <= 1,
            "{path}: {trial}"
        );
    }
}

#[test]
fn markdown_and_html_open_with_the_charge_sheet() {
    let path = "examples/larkana-girl-sold.toml";
    let markdown = tipnav(&["eval", "--format", "markdown", path]).stdout;
    assert!(markdown.find("## Charge sheet") < markdown.find("## Sections that apply"));
    assert!(markdown.contains("| PPC s.365-B<br>"), "{markdown}");
    let html = tipnav(&["eval", "--format", "html", path]).stdout;
    let sheet = html.find("Charge sheet").expect("a charge sheet");
    assert!(Some(sheet) < html.find("Sections that apply"), "{html}");
    assert!(html.contains("PTPA 2018 s.3(2)"));
}

#[test]
fn at_80_columns_no_line_of_eval_or_explain_is_longer() {
    for path in files("examples", "toml") {
        for command in ["eval", "explain"] {
            let run = tipnav_with(&[command, &path], &[("COLUMNS", "80")]);
            assert_eq!(run.status, 0, "{}", run.render());
            for line in run.stdout.lines() {
                assert!(
                    line.chars().count() <= 80,
                    "{command} {path}: {} columns: {line}",
                    line.chars().count()
                );
            }
        }
    }
}

/// The overlap report too: its prose wraps, and its matrix, wider than 80 columns for the
/// whole law, becomes one wrapped line of marked partners per section.
#[test]
fn at_80_columns_no_line_of_overlaps_is_longer() {
    let run = tipnav_with(&["overlaps"], &[("COLUMNS", "80")]);
    assert_eq!(run.status, 0, "{}", run.render());
    for line in run.stdout.lines() {
        assert!(
            line.chars().count() <= 80,
            "overlaps: {} columns: {line}",
            line.chars().count()
        );
    }
    assert!(run.stdout.contains("1. "), "the matrix's rows as lines");
}

#[test]
fn columns_decides_the_width_of_a_pipe() {
    let path = "examples/brick-kiln-peshgi.toml";
    let widest = |columns: &str| {
        let run = tipnav_with(&["eval", path], &[("COLUMNS", columns)]);
        run.stdout.lines().map(|l| l.chars().count()).max().unwrap()
    };
    assert_eq!(widest("120"), 120);
    assert!(widest("60") <= 60);
    let piped = tipnav(&["eval", path]).stdout;
    assert!(piped.lines().all(|l| l.chars().count() <= 100));
}

#[test]
fn the_default_report_shows_the_closest_possibilities_and_counts_the_rest() {
    let path = "examples/gulf-job-passport-taken.toml";
    let short = tipnav(&["eval", path]).stdout;
    let full = tipnav(&["eval", "--all", path]).stdout;
    assert!(
        short.contains("more remote possibilities: --all"),
        "{short}"
    );
    assert!(!full.contains("more remote possibilities"));
    assert!(full.len() > short.len());
    let explain = tipnav(&["explain", path]).stdout;
    let explain_all = tipnav(&["explain", "--all", path]).stdout;
    assert!(explain.contains("more remote possibilities: --all"));
    assert!(explain_all.len() > explain.len());
}

#[test]
fn citation_forms_name_a_section_in_show() {
    for (typed, id) in [
        ("PPC 371-A", "ppc/371-A"),
        ("ppc 371a", "ppc/371-A"),
        ("PTPA s.3(2)", "ptpa-2018/3-2"),
        ("PTPA 2018 s.3(2)", "ptpa-2018/3-2"),
        ("s.22 EO 1979", "eo-1979/22"),
        ("Emigration Ordinance 1979 s.17(2)", "eo-1979/17-2"),
        ("ptpa-2018/3", "ptpa-2018/3"),
    ] {
        let by_citation = tipnav(&["show", typed, "--format", "json"]);
        let by_id = tipnav(&["show", id, "--format", "json"]);
        assert_eq!(by_citation.status, 0, "{typed}: {}", by_citation.render());
        assert_eq!(by_citation.stdout, by_id.stdout, "{typed}");
    }
}

#[test]
fn a_citation_nobody_knows_suggests_the_nearest() {
    let run = tipnav(&["show", "ppc 37l-A"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("did you mean `PPC s.371-A` (ppc/371-A)?"),
        "{}",
        run.stderr
    );
}

#[test]
fn citation_forms_name_sections_in_explain_and_flip() {
    let path = "examples/larkana-girl-sold.toml";
    let by_citation = tipnav(&["explain", path, "PPC 371-A", "--flip", "PTPA s.3"]);
    let by_id = tipnav(&["explain", path, "ppc/371-A", "--flip", "ptpa-2018/3"]);
    assert_eq!(by_citation.status, 0, "{}", by_citation.render());
    assert_eq!(by_citation.stdout, by_id.stdout);
}

#[test]
fn citation_forms_name_sections_in_an_expect_block() {
    let dir = tempfile::tempdir().unwrap();
    let case = std::fs::read_to_string(root().join("examples/larkana-girl-sold.toml")).unwrap();
    let before_expect = case.split("[expect]").next().unwrap();
    let file = dir.path().join("cited.toml");
    std::fs::write(
        &file,
        format!(
            "{before_expect}[expect]\napplies = [\"PTPA 2018 s.3(2)\", \"ppc 371a\"]\ndoes_not_apply = [\"s.22 EO 1979\"]\n"
        ),
    )
    .unwrap();
    let run = tipnav(&["test", file.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.render());
    std::fs::write(
        &file,
        format!("{before_expect}[expect]\napplies = [\"PPC 371-Z\"]\n"),
    )
    .unwrap();
    let run = tipnav(&["test", file.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.render());
    assert!(
        run.stderr.contains("did you mean"),
        "{}",
        redact(&run.stderr)
    );
}
