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
    detail: String,
    charge_sheet: ChargeSheet,
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
    citation: String,
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
    citation: String,
    relevance: Option<usize>,
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
    default_court: Option<String>,
    default_agency: Option<String>,
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
    /// Present only where a court may take cognizance only on a particular complaint.
    #[serde(default)]
    cognizance: Option<String>,
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
    depends_on: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Agency {
    id: String,
    name: String,
    role: String,
    reason: String,
    sections: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Court {
    id: String,
    name: String,
    reason: String,
    conflict: bool,
    joint_trial: String,
    later: Option<Candidate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionJurisdiction {
    section: String,
    status: String,
    agency: Choice,
    court: Choice,
    later_court: Option<Candidate>,
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
    affects_cited: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChargeSheet {
    charges: Vec<Charge>,
    trial: Option<Trial>,
    lead_agency: Option<Named>,
    supporting_agencies: Vec<Named>,
    protections: Vec<ProtectionBrief>,
    decisive: Vec<Decisive>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Charge {
    id: String,
    citation: String,
    heading: String,
    penalty: Option<String>,
    procedure: Option<Procedure>,
    court: Vec<Named>,
    agency: Vec<Named>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    clippy::struct_field_names,
    reason = "the fields mirror the wire format's names, which `deny_unknown_fields` checks"
)]
struct Trial {
    court: Named,
    joint_trial: String,
    reason: String,
    later: Option<LaterForum>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LaterForum {
    court: Named,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProtectionBrief {
    section: String,
    citation: String,
    heading: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Decisive {
    fact: String,
    question: String,
    affects: Vec<String>,
    affects_cited: Vec<String>,
}

const STATUSES: [&str; 3] = ["applies", "may_apply", "does_not_apply"];
const AGENCIES: [&str; 5] = [
    "fia",
    "police",
    "labour_department",
    "child_protection",
    "nccia",
];
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
            assert!(
                !agency.name.is_empty() && agency.name != agency.id,
                "{path}"
            );
        }
        // A protection is cited as lawyers write it ("PTPA 2018 s.7"), not by its id.
        for protection in &report.protections {
            assert!(
                protection.citation.starts_with(&protection.instrument)
                    && !protection.citation.contains('/'),
                "{path}: {} cited as {}",
                protection.section,
                protection.citation
            );
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
            .as_ref()
            .expect("a court for every example");
        assert!(COURTS.contains(&court.id.as_str()));
        assert!(!court.name.is_empty() && court.name != court.id, "{path}");
        charge_sheet_agrees_with_the_report(&path, &report);
        reasons_cite_sections_as_lawyers_do(&path, &report);
    }
}

/// The reasons and what unknown facts affect speak of sections by their citations: a statute
/// default's reason opens with the section's citation (`PECA 2016 s.21(2): the court given in
/// the statute data`, not `s.21-2`), and each affected section is cited where its id is listed.
fn reasons_cite_sections_as_lawyers_do(path: &str, report: &Report) {
    let citation = |id: &str| {
        let section = report.sections.iter().find(|s| s.id == id);
        section.map_or_else(
            || panic!("{path}: {id} is reported"),
            |s| s.citation.clone(),
        )
    };
    for section in &report.jurisdiction.by_section {
        for choice in [&section.agency, &section.court] {
            let Some(reason) = &choice.reason else {
                continue;
            };
            if reason.contains("given in the statute data") {
                let cited = format!("{}: ", citation(&section.section));
                assert!(reason.starts_with(&cited), "{path}: {reason}");
            }
        }
    }
    for unknown in &report.unknown {
        assert_eq!(unknown.affects.len(), unknown.affects_cited.len(), "{path}");
        for (id, cited) in unknown.affects.iter().zip(&unknown.affects_cited) {
            let section = id
                .strip_prefix("agency for ")
                .or(id.strip_prefix("court for "));
            match section {
                Some(section) => assert!(cited.ends_with(&citation(section)), "{path}: {cited}"),
                None if id.contains('/') && !id.contains(' ') => {
                    assert_eq!(*cited, citation(id), "{path}");
                }
                None => assert!(cited.ends_with(id.split_once(' ').unwrap().1), "{path}"),
            }
        }
    }
}

/// The charge sheet repeats the report's conclusions: every section that applies is a charge,
/// with its citation; the trial court and lead agency are the report's; may-apply sections are
/// ranked 1, 2, 3... and no other section has a rank.
fn charge_sheet_agrees_with_the_report(path: &str, report: &Report) {
    let sheet = &report.charge_sheet;
    let applying: Vec<&Section> = report
        .sections
        .iter()
        .filter(|s| s.status == "applies")
        .collect();
    assert_eq!(sheet.charges.len(), applying.len(), "{path}");
    for charge in &sheet.charges {
        let section = applying.iter().find(|s| s.id == charge.id).unwrap();
        assert_eq!(charge.citation, section.citation, "{path}");
        assert!(
            !charge.court.is_empty() && !charge.agency.is_empty(),
            "{path}"
        );
    }
    let court = report.jurisdiction.court.as_ref().unwrap();
    let trial = sheet.trial.as_ref().unwrap();
    assert_eq!(trial.court.id, court.id, "{path}");
    assert_eq!(trial.joint_trial, court.joint_trial, "{path}");
    let lead = report
        .jurisdiction
        .agencies
        .iter()
        .find(|a| a.role == "lead")
        .unwrap();
    assert_eq!(sheet.lead_agency.as_ref().unwrap().id, lead.id, "{path}");
    assert!(sheet.decisive.len() <= 3, "{path}");
    for question in &sheet.decisive {
        assert!(!question.question.is_empty(), "{path}: {}", question.fact);
    }
    let mut ranks: Vec<usize> = report
        .sections
        .iter()
        .filter(|s| s.status == "may_apply")
        .map(|s| s.relevance.expect("every may-apply section is ranked"))
        .collect();
    ranks.sort_unstable();
    assert_eq!(ranks, (1..=ranks.len()).collect::<Vec<_>>(), "{path}");
    assert!(
        report
            .sections
            .iter()
            .all(|s| (s.status == "may_apply") == s.relevance.is_some()),
        "{path}"
    );
}

#[test]
fn charges_are_in_citation_form_and_ordered_by_gravity() {
    let run = tipnav(&[
        "eval",
        "--format",
        "json",
        "examples/larkana-girl-sold.toml",
    ]);
    let report: Report = serde_json::from_str(&run.stdout).unwrap();
    let citations: Vec<&str> = report
        .charge_sheet
        .charges
        .iter()
        .map(|c| c.citation.as_str())
        .collect();
    // Life (365-B), then 25 years (371-A), 20 (377-B), 14 (s.4), 10 years with a 2-year minimum
    // (s.3(2)) before 10 years with none (366-A), then 7 (s.496-A, with a fine the court may add,
    // before s.3).
    assert_eq!(
        citations,
        [
            "PPC s.365-B",
            "PPC s.371-A",
            "PPC s.377-B",
            "PTPA 2018 s.4",
            "PTPA 2018 s.3(2)",
            "PPC s.366-A",
            "PPC s.496-A",
            "PTPA 2018 s.3"
        ]
    );
    let section = |id: &str| report.sections.iter().find(|s| s.id == id).unwrap();
    assert_eq!(
        section("eo-1979/17-2").citation,
        "Emigration Ordinance 1979 s.17(2)"
    );
    assert_eq!(section("ptpa-2018/3").citation, "PTPA 2018 s.3");
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
    // The federal Act does not apply in Punjab: its fields are in the complete report.
    let run = tipnav(&[
        "eval",
        "--format",
        "json",
        "--all",
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
    // Markdown, whose cells are not wrapped.
    let table = tipnav(&[
        "eval",
        "--format",
        "markdown",
        "examples/brick-kiln-peshgi.toml",
    ]);
    assert!(
        table.stdout.contains("whether it is cognizable"),
        "the unverified field said in words: {}",
        table.stdout
    );
}

/// Issue 15: a section whose case a jurisdiction clause moves shows the court and agency
/// resolved for the case, with the statute's defaults beside them.
#[test]
fn a_section_shows_its_resolved_forum_with_the_default_beside() {
    let report = crate::support::json(
        "eval",
        &[
            "eval",
            "examples/scenarios/federal-adult-consented-ptpa-3-4.toml",
            "--format",
            "json",
        ],
    );
    let ptpa = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "ptpa-2018/3")
        .unwrap();
    let jurisdiction = report["jurisdiction"]["by_section"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["section"] == "ptpa-2018/3")
        .unwrap();
    assert_eq!(ptpa["agency"], jurisdiction["agency"]["id"], "{ptpa}");
    assert_eq!(ptpa["court"], jurisdiction["court"]["id"], "{ptpa}");
    assert_eq!(ptpa["agency"], "fia");
    assert!(ptpa["default_agency"].is_string(), "{ptpa}");
    assert!(ptpa["default_court"].is_string(), "{ptpa}");
}

/// Issue 14, item 5: the default JSON carries the sections that apply or may apply in full and
/// those that do not as id, citation, heading, status and the elements that failed; `--all`
/// carries everything, and the two agree on every section's status.
#[test]
fn the_default_json_says_of_sections_that_do_not_apply_only_why() {
    let case = "examples/larkana-girl-sold.toml";
    let default = tipnav(&["eval", "--format", "json", case]);
    let all = tipnav(&["eval", "--format", "json", "--all", case]);
    let (short, full): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&default.stdout).unwrap(),
        serde_json::from_str(&all.stdout).unwrap(),
    );
    assert_eq!(short["detail"], "reached");
    assert_eq!(full["detail"], "all");
    let (short_sections, full_sections) = (
        short["sections"].as_array().unwrap(),
        full["sections"].as_array().unwrap(),
    );
    assert_eq!(short_sections.len(), full_sections.len());
    for (short, full) in short_sections.iter().zip(full_sections) {
        assert_eq!(short["id"], full["id"]);
        assert_eq!(short["status"], full["status"]);
        if short["status"] == "does_not_apply" {
            assert!(short["penalty"].is_null() && short["note"].is_null());
            let failed = |s: &serde_json::Value| -> Vec<serde_json::Value> {
                let elements = s["elements"].as_array().unwrap().iter();
                elements
                    .filter(|e| e["status"] == "not_met")
                    .cloned()
                    .collect()
            };
            assert_eq!(short["elements"].as_array().unwrap(), &failed(full));
        } else {
            assert_eq!(short, full);
        }
    }
    assert!(
        default.stdout.len() * 3 < all.stdout.len() * 2,
        "{} bytes by default, {} with --all",
        default.stdout.len(),
        all.stdout.len()
    );
}
