//! Three-valued evaluation and resolution on small cases written here, each pinning down one
//! behaviour a prosecutor relies on.

use crate::support::{case, program, run_case, status};
use tipnav::resolve::{Affect, Note};

/// An adult man recruited and transported for forced labour, with the means left open.
const MEANS_UNKNOWN: &str = r#"
[case]
date = 2023-01-10
[victim]
age = 30
sex = "male"
[conduct]
acts = ["recruit", "transport"]
purposes = ["compelled_labour"]
[movement]
crossed_border = false
[labour]
movement_restricted = false
"#;

fn with(base: &str, table: &str, line: &str) -> String {
    base.replace(&format!("[{table}]\n"), &format!("[{table}]\n{line}\n"))
}

/// Whether an unknown fact would decide whether `section` applies.
fn decides(program: &tipnav::model::Program, affects: &[Affect], section: &str) -> bool {
    let offence = program.offence_id(section).expect("an offence");
    affects.contains(&Affect::Section(offence))
}

#[test]
fn absent_means_make_ptpa_3_may_apply_and_name_the_deciding_fact() {
    let program = program();
    let (outcome, resolution) = run_case(&program, &case(&program, MEANS_UNKNOWN));
    assert_eq!(status(&program, &outcome, "ptpa-2018/3"), "may_apply");
    let deciding: Vec<&str> = resolution
        .unknown
        .iter()
        .filter(|u| decides(&program, &u.affects, "ptpa-2018/3"))
        .map(|u| program.facts[u.fact].name.as_str())
        .collect();
    assert_eq!(deciding, ["conduct.means"]);
}

#[test]
fn supplying_the_means_settles_ptpa_3() {
    let program = program();
    let fraud = with(MEANS_UNKNOWN, "conduct", r#"means = ["fraud"]"#);
    let (outcome, _) = run_case(&program, &case(&program, &fraud));
    assert_eq!(status(&program, &outcome, "ptpa-2018/3"), "applies");
    let none = with(MEANS_UNKNOWN, "conduct", "means = []");
    let (outcome, resolution) = run_case(&program, &case(&program, &none));
    assert_eq!(status(&program, &outcome, "ptpa-2018/3"), "does_not_apply");
    assert!(
        resolution
            .unknown
            .iter()
            .all(|u| !decides(&program, &u.affects, "ptpa-2018/3"))
    );
}

#[test]
fn a_child_victim_needs_no_means_under_section_7() {
    let program = program();
    let child = MEANS_UNKNOWN.replace("age = 30", "age = 15");
    let (outcome, _) = run_case(&program, &case(&program, &child));
    assert_eq!(status(&program, &outcome, "ptpa-2018/3"), "applies");
    let section = outcome
        .sections
        .iter()
        .find(|s| s.section(&program) == "ptpa-2018/3")
        .unwrap();
    let offence = program.offence("ptpa-2018/3").unwrap();
    let means = section
        .elements
        .iter()
        .find(|e| offence.elements[e.element].name == "means")
        .unwrap();
    assert_eq!(means.holds, Some(true));
    assert_eq!(means.tested, None, "the means themselves are still unknown");
    let waiver = &offence.elements[means.element].waivers[means.waived_by.expect("waived")];
    assert!(waiver.cite.starts_with("PTPA 2018 s.7"));
    assert_eq!(
        status(&program, &outcome, "ptpa-2018/3-2"),
        "applies",
        "a child victim brings in s.3(2)"
    );
}

#[test]
fn an_unknown_age_leaves_the_child_waiver_open() {
    let program = program();
    let no_age = MEANS_UNKNOWN.replace("age = 30\n", "");
    let none = with(&no_age, "conduct", "means = []");
    let (outcome, resolution) = run_case(&program, &case(&program, &none));
    assert_eq!(status(&program, &outcome, "ptpa-2018/3"), "may_apply");
    let deciding: Vec<&str> = resolution
        .unknown
        .iter()
        .filter(|u| decides(&program, &u.affects, "ptpa-2018/3"))
        .map(|u| program.facts[u.fact].name.as_str())
        .collect();
    assert_eq!(deciding, ["victim.age"]);
}

#[test]
fn conduct_before_the_ptpa_is_not_charged_under_it() {
    let program = program();
    let early =
        with(MEANS_UNKNOWN, "conduct", r#"means = ["fraud"]"#).replace("2023-01-10", "2018-05-29");
    let (outcome, _) = run_case(&program, &case(&program, &early));
    let section = outcome
        .sections
        .iter()
        .find(|s| s.section(&program) == "ptpa-2018/3")
        .unwrap();
    assert_eq!(section.status.id(), "does_not_apply");
    assert!(
        section.version.is_none(),
        "no version of the PTPA was in force"
    );
    // 30 May 2018 (assent) to 2 June 2018 (Gazette) is a window: by 2 June the Act was in force.
    let on_the_day = early.replace("2018-05-29", "2018-06-02");
    let (outcome, _) = run_case(&program, &case(&program, &on_the_day));
    assert_eq!(status(&program, &outcome, "ptpa-2018/3"), "applies");
}

#[test]
fn the_penalty_is_that_of_the_version_in_force() {
    let program = program();
    let fraud = with(MEANS_UNKNOWN, "conduct", r#"means = ["fraud"]"#);
    let penalty = |date: &str| {
        let (outcome, _) = run_case(
            &program,
            &case(&program, &fraud.replace("2023-01-10", date)),
        );
        let section = outcome
            .sections
            .iter()
            .find(|s| s.section(&program) == "ptpa-2018/3")
            .unwrap();
        let (index, _) = section.version.clone().unwrap();
        program.book.sections["ptpa-2018/3"].versions[index]
            .offence
            .as_ref()
            .unwrap()
            .punishment
            .to_string()
    };
    assert_eq!(
        penalty("2023-01-10"),
        "imprisonment up to 7 years, or a fine up to PKR 1,000,000, or both"
    );
    assert_eq!(
        penalty("2025-06-01"),
        "imprisonment up to 10 years and a fine up to PKR 1,000,000"
    );
}

#[test]
fn a_date_inside_the_2025_window_uses_the_earlier_text_and_says_so() {
    let program = program();
    let fraud =
        with(MEANS_UNKNOWN, "conduct", r#"means = ["fraud"]"#).replace("2023-01-10", "2025-03-15");
    let (outcome, resolution) = run_case(&program, &case(&program, &fraud));
    let section = outcome
        .sections
        .iter()
        .find(|s| s.section(&program) == "ptpa-2018/3")
        .unwrap();
    let (index, certainty) = section.version.clone().unwrap();
    assert_eq!(
        program.book.sections["ptpa-2018/3"].versions[index]
            .until
            .as_deref(),
        Some("act-ix-2025")
    );
    assert_ne!(certainty, tipnav::statute::Certainty::Certain);
    assert!(
        resolution
            .notes
            .iter()
            .any(|n| matches!(n, Note::Window { key, .. } if key == "act-ix-2025")),
        "{:?}",
        resolution.notes
    );
}

#[test]
fn begging_became_a_trafficking_purpose_in_2025() {
    let program = program();
    let begging = with(MEANS_UNKNOWN, "conduct", r#"means = ["threat"]"#)
        .replace("compelled_labour", "begging");
    let (before, _) = run_case(&program, &case(&program, &begging));
    assert_eq!(status(&program, &before, "ptpa-2018/3"), "does_not_apply");
    let (after, _) = run_case(
        &program,
        &case(&program, &begging.replace("2023-01-10", "2025-06-01")),
    );
    assert_eq!(status(&program, &after, "ptpa-2018/3"), "applies");
}

#[test]
fn the_border_decides_agency_and_after_2025_the_court() {
    let program = program();
    let fraud = with(MEANS_UNKNOWN, "conduct", r#"means = ["fraud"]"#);
    let jurisdiction = |text: &str| {
        let (_, resolution) = run_case(&program, &case(&program, text));
        let section = resolution
            .sections
            .iter()
            .find(|s| s.section(&program) == "ptpa-2018/3")
            .unwrap()
            .clone();
        (
            section.agency.chosen.map(|c| c.value.id()),
            section.court.chosen.map(|c| c.value.id()),
        )
    };
    assert_eq!(
        jurisdiction(&fraud),
        (Some("police"), Some("magistrate_first_class"))
    );
    let abroad = fraud.replace("crossed_border = false", "crossed_border = true");
    assert_eq!(
        jurisdiction(&abroad),
        (Some("fia"), Some("magistrate_first_class"))
    );
    let abroad_2025 = abroad.replace("2023-01-10", "2025-06-01");
    assert_eq!(
        jurisdiction(&abroad_2025),
        (Some("fia"), Some("special_court"))
    );
}

#[test]
fn an_unknown_border_crossing_leaves_the_agency_open() {
    let program = program();
    let open = with(MEANS_UNKNOWN, "conduct", r#"means = ["fraud"]"#)
        .replace("crossed_border = false\n", "");
    let (_, resolution) = run_case(&program, &case(&program, &open));
    let section = resolution
        .sections
        .iter()
        .find(|s| s.section(&program) == "ptpa-2018/3")
        .unwrap();
    assert!(section.agency.chosen.is_none());
    let options: Vec<&str> = section
        .agency
        .options
        .iter()
        .map(|o| o.value.id())
        .collect();
    assert_eq!(options, ["fia", "police"]);
    let deciding: Vec<&str> = section
        .agency
        .deciding
        .iter()
        .map(|&f| program.facts[f].name.as_str())
        .collect();
    assert_eq!(deciding, ["movement.crossed_border"]);
}

#[test]
fn a_case_without_a_date_uses_todays_law_and_says_so() {
    let program = program();
    let undated = MEANS_UNKNOWN.replace("date = 2023-01-10\n", "");
    let (outcome, resolution) = run_case(&program, &case(&program, &undated));
    assert!(outcome.date_assumed);
    assert_eq!(outcome.date.to_string(), "2026-11-29");
    assert!(resolution.notes.contains(&Note::DateAssumed(outcome.date)));
}

#[test]
fn json_and_toml_case_files_give_the_same_result() {
    let program = program();
    let toml_case = case(
        &program,
        &with(MEANS_UNKNOWN, "conduct", r#"means = ["fraud"]"#),
    );
    let json = r#"{"case": {"date": "2023-01-10"}, "victim": {"age": 30, "sex": "male"},
        "conduct": {"means": ["fraud"], "acts": ["recruit", "transport"], "purposes": ["compelled_labour"]},
        "movement": {"crossed_border": false}, "labour": {"movement_restricted": false}}"#;
    let json_case = tipnav::facts::load(json, tipnav::facts::Format::Json, &program).unwrap();
    assert_eq!(toml_case.values, json_case.values);
}

#[test]
fn a_date_inside_the_window_is_also_evaluated_under_the_amended_text() {
    let program = program();
    let begging = with(MEANS_UNKNOWN, "conduct", r#"means = ["threat"]"#)
        .replace("compelled_labour", "begging")
        // A province, so that Punjab's 2025 vagrancy amendment (whose day is also unknown)
        // cannot reach the case.
        .replace("2023-01-10", "2025-03-15\nprovince = \"sindh\"");
    let (outcome, _) = run_case(&program, &case(&program, &begging));
    assert_eq!(
        status(&program, &outcome, "ptpa-2018/3"),
        "does_not_apply",
        "begging is not a purpose in the 2018 text"
    );
    let later = outcome
        .alternative
        .as_deref()
        .expect("evaluated under both texts");
    assert_eq!(
        status(&program, later, "ptpa-2018/3"),
        "applies",
        "organized beggary is a purpose after Act IX of 2025"
    );
    let (settled, _) = run_case(
        &program,
        &case(&program, &begging.replace("2025-03-15", "2025-06-01")),
    );
    assert!(
        settled.alternative.is_none(),
        "after the window the law is certain"
    );
}
