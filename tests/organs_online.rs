//! Issue 19: the Transplantation of Human Organs and Tissues Act 2010, PECA 2016 and PPC
//! 292-A/292-C, as a user sees them: which sections apply, which agency leads (the FIA, then
//! the NCCIA from 3 May 2024), the complaint that THOTA s.14 requires, and the gaps report.

use serde_json::Value;

use crate::support::tipnav;

fn json(args: &[&str]) -> Value {
    let run = tipnav(args);
    assert_eq!(run.status, 0, "{}", run.render());
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn eval(path: &str) -> Value {
    json(&["eval", "--format", "json", path])
}

fn status<'a>(report: &'a Value, section: &str) -> &'a str {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == section)
        .map_or("missing", |s| s["status"].as_str().unwrap())
}

/// The agency the resolution gives a section (lead or supporting), by its id.
fn agency_of(report: &Value, section: &str) -> Vec<String> {
    report["jurisdiction"]["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            a["sections"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s == section)
        })
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

fn lead(report: &Value) -> &str {
    report["jurisdiction"]["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["role"] == "lead")
        .and_then(|a| a["id"].as_str())
        .unwrap_or("none")
}

const BROKER: &str = "examples/scenarios/organ-punjab-broker.toml";
const GROOMED_2024: &str = "examples/scenarios/online-child-groomed-trafficked-2024.toml";
const GROOMED_2025: &str = "examples/scenarios/online-child-groomed-trafficked-2025.toml";

#[test]
fn the_transplant_act_reaches_the_organ_broker() {
    let report = eval(BROKER);
    assert_eq!(status(&report, "thota-2010/11"), "applies");
    assert_eq!(
        status(&report, "thota-2010/10"),
        "does_not_apply",
        "the broker is not hospital staff"
    );
    assert_eq!(
        status(&report, "ptpa-2018/3"),
        "does_not_apply",
        "organ removal is not a PTPA purpose"
    );
    let section = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "thota-2010/11")
        .unwrap();
    assert_eq!(section["penalty"]["imprisonment_max"], "10y");
    assert_eq!(section["penalty"]["fine_max"], 1_000_000);
    assert_eq!(section["penalty"]["combine"], "and");
    assert_eq!(section["procedure"]["bailable"], false);
    assert_eq!(section["verified"], "official-text");
    assert_eq!(lead(&report), "fia", "FIA Act Schedule entry 33");
}

#[test]
fn the_complaint_thota_s14_requires_is_shown_with_the_charge() {
    let report = eval(BROKER);
    let section = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "thota-2010/11")
        .unwrap();
    assert!(
        section["note"]
            .as_str()
            .unwrap()
            .contains("Cognizance only on a written complaint"),
        "{}",
        section["note"]
    );
    let s14 = report["protections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["section"] == "thota-2010/14")
        .expect("THOTA s.14 is listed with the charge");
    assert_eq!(s14["status"], "applies");
    assert!(
        s14["summary"]
            .as_str()
            .unwrap()
            .contains("written complaint")
    );

    let table = tipnav(&["eval", BROKER]);
    assert_eq!(table.status, 0, "{}", table.render());
    // Cited as lawyers write it, not by its id.
    assert!(table.stdout.contains("THOTA 2010 s.14"), "{}", table.stdout);
    assert!(
        table.stdout.contains("written complaint"),
        "{}",
        table.stdout
    );
}

#[test]
fn the_peca_agency_is_the_fia_in_2024_and_the_nccia_in_2025() {
    let before = eval(GROOMED_2024);
    let after = eval(GROOMED_2025);
    for report in [&before, &after] {
        for section in [
            "peca-2016/22A",
            "peca-2016/22C",
            "ptpa-2018/3-2",
            "ppc/292-A",
        ] {
            assert_eq!(status(report, section), "applies", "{section}");
        }
    }
    assert_eq!(agency_of(&before, "peca-2016/22C"), ["fia"]);
    assert_eq!(agency_of(&after, "peca-2016/22C"), ["nccia"]);
    assert_eq!(lead(&before), "fia");
    assert_eq!(lead(&after), "nccia");
}

#[test]
fn peca_s22_and_ppc_292c_meet_until_act_xxxvii_of_2023() {
    let program = crate::support::program();
    let case = |date: &str| {
        crate::support::case(
            &program,
            &format!(
                "[case]\ndate = {date}\nprovince = \"punjab\"\n[victim]\nage = 14\n[online]\nchild_sexual_material = true\n"
            ),
        )
    };
    let (outcome, _) = crate::support::run_case(&program, &case("2020-01-01"));
    assert_eq!(
        crate::support::status(&program, &outcome, "peca-2016/22"),
        "applies"
    );
    assert_eq!(
        crate::support::status(&program, &outcome, "ppc/292-C"),
        "applies"
    );
    let (outcome, _) = crate::support::run_case(&program, &case("2024-06-01"));
    assert_eq!(
        crate::support::status(&program, &outcome, "peca-2016/22"),
        "applies"
    );
    assert_eq!(
        crate::support::status(&program, &outcome, "ppc/292-C"),
        "does_not_apply",
        "omitted by Act XXXVII of 2023"
    );
}

#[test]
fn gaps_no_longer_lists_the_organ_pattern_the_transplant_act_reaches() {
    let report = json(&["gaps", "--format", "json"]);
    let gaps: Vec<&str> = report["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["indicator"].as_str().unwrap())
        .collect();
    assert!(!gaps.contains(&"organ_removal"), "{gaps:?}");
    // What remains is named and explained: removal with no gain and no paid deal.
    let remaining = report["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["indicator"] == "organ_removal_unpaid")
        .expect("the remaining organ gap is reported");
    assert!(
        remaining["cite"]
            .as_str()
            .unwrap()
            .contains("remaining gap")
    );
}

#[test]
fn overlaps_lists_the_new_declared_pairs() {
    let report = json(&["overlaps", "--format", "json"]);
    let declared = |a: &str, b: &str| {
        report["overlaps"].as_array().unwrap().iter().any(|o| {
            let s = &o["sections"];
            o["declared"] == true && ((s[0] == a && s[1] == b) || (s[0] == b && s[1] == a))
        })
    };
    for (a, b) in [
        ("ptpa-2018/3", "peca-2016/22B"),
        ("ptpa-2018/3-2", "peca-2016/22C"),
        ("peca-2016/22", "ppc/292-C"),
        ("peca-2016/22A", "ppc/292-A"),
        ("ptpa-2018/3", "thota-2010/11"),
        ("ppc/377-B", "peca-2016/22B"),
    ] {
        assert!(declared(a, b), "{a} + {b}");
    }
}
