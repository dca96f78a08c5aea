//! The JSON output is a contract: it deserializes into these mirror structs, which reject any
//! field they do not know, so a renamed or added field fails here first.

#![allow(dead_code)]

use serde::Deserialize;

use crate::support::{files, tipnav};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    schema_version: String,
    tipnav: String,
    law: Law,
    case: CaseInfo,
    sections: Vec<Section>,
    jurisdiction: Jurisdiction,
    overlaps: Vec<Overlap>,
    protections: Vec<Protection>,
    unknown: Vec<Unknown>,
    notes: Vec<String>,
    alternative: Option<Alternative>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Alternative {
    date_keys: Vec<String>,
    sections: Vec<AlternativeSection>,
    lead_agency: Option<String>,
    court: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AlternativeSection {
    id: String,
    status: String,
    later_status: String,
    later_version: Option<String>,
    later_penalty: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Protection {
    section: String,
    instrument: String,
    heading: String,
    summary: String,
    status: String,
    cite: String,
    source: String,
    verified: String,
    unverified: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Territory {
    province: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Law {
    digest: String,
    amendments: Vec<Amendment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Amendment {
    key: String,
    title: String,
    status: String,
    effective: String,
    cite: String,
    sections: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseInfo {
    file: String,
    title: Option<String>,
    date: String,
    date_source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    id: String,
    instrument: String,
    heading: String,
    status: String,
    variant_of: Option<String>,
    version: Option<Version>,
    territory: Option<Territory>,
    elements: Vec<Element>,
    penalty: Option<Penalty>,
    procedure: Option<Procedure>,
    court: Option<String>,
    agency: Option<String>,
    source: Option<String>,
    verified: Option<String>,
    unverified: Vec<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Version {
    from: String,
    until: Option<String>,
    in_force_from: String,
    certain: bool,
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Element {
    name: String,
    status: String,
    cite: String,
    facts: Vec<FactValue>,
    waived_by: Option<String>,
    inherited_from: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactValue {
    fact: String,
    value: serde_json::Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Penalty {
    text: String,
    imprisonment_min: Option<String>,
    imprisonment_max: Option<String>,
    death: bool,
    fine_min: Option<u64>,
    fine_max: Option<u64>,
    fine: bool,
    combine: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Procedure {
    cognizable: bool,
    bailable: bool,
    compoundable: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Jurisdiction {
    agencies: Vec<Agency>,
    court: Option<Court>,
    by_section: Vec<SectionJurisdiction>,
    venues: Vec<Venue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Venue {
    place: String,
    fact: String,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Agency {
    id: String,
    role: String,
    reason: String,
    sections: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Court {
    id: String,
    reason: String,
    conflict: bool,
    joint_trial: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionJurisdiction {
    section: String,
    status: String,
    agency: Choice,
    court: Choice,
    support: Vec<Candidate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    id: Option<String>,
    reason: Option<String>,
    options: Vec<Candidate>,
    deciding: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Candidate {
    id: String,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Overlap {
    sections: Vec<String>,
    kind: String,
    declared: bool,
    certain: bool,
    note: String,
    cite: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Unknown {
    fact: String,
    question: String,
    affects: Vec<String>,
}

const STATUSES: [&str; 3] = ["applies", "may_apply", "does_not_apply"];
const AGENCIES: [&str; 4] = ["fia", "police", "labour_department", "child_protection"];
const COURTS: [&str; 4] = [
    "court_of_session",
    "magistrate_first_class",
    "magistrate",
    "special_court",
];

#[test]
fn every_example_matches_the_json_contract() {
    for path in files("examples", "toml") {
        let run = tipnav(&["eval", "--format", "json", &path]);
        assert_eq!(run.status, 0, "{}", run.render());
        crate::support::validated("eval", &run.stdout);
        let report: Report =
            serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(report.schema_version, "1");
        assert_eq!(report.case.file, path);
        for section in &report.sections {
            assert!(
                STATUSES.contains(&section.status.as_str()),
                "{}",
                section.status
            );
            if section.status != "does_not_apply" {
                assert!(
                    section.penalty.is_some()
                        && section.source.is_some()
                        && section.verified.is_some(),
                    "{path}: {} carries penalty, source and verified",
                    section.id
                );
            }
        }
        for agency in &report.jurisdiction.agencies {
            assert!(AGENCIES.contains(&agency.id.as_str()));
        }
        assert!(
            report
                .jurisdiction
                .agencies
                .iter()
                .filter(|a| a.role == "lead")
                .count()
                == 1,
            "{path}: one lead agency"
        );
        let court = report
            .jurisdiction
            .court
            .expect("a court for every example");
        assert!(COURTS.contains(&court.id.as_str()));
    }
}

#[test]
fn several_cases_give_an_array() {
    let run = tipnav(&[
        "eval",
        "--format",
        "json",
        "examples/larkana-girl-sold.toml",
        "examples/brick-kiln-peshgi.toml",
    ]);
    assert_eq!(run.status, 0, "{}", run.render());
    crate::support::validated("eval", &run.stdout);
    let reports: Vec<Report> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(reports.len(), 2);
}

#[test]
fn unverified_fields_reach_the_output() {
    let run = tipnav(&[
        "eval",
        "--format",
        "json",
        "examples/brick-kiln-peshgi.toml",
    ]);
    let report: Report = serde_json::from_str(&run.stdout).unwrap();
    let bonded = report
        .sections
        .iter()
        .find(|s| s.id == "blsaa-1992/11")
        .unwrap();
    assert!(
        bonded.unverified.contains(&"cognizable".to_owned()),
        "the brief did not read BLSAA s.17"
    );
    let table = tipnav(&["eval", "examples/brick-kiln-peshgi.toml"]);
    assert!(table.stdout.contains("UNVERIFIED:"), "{}", table.stdout);
}
