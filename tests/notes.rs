//! Issue 16, item 3: notes that fit the facts and the law in force. An overlap or venue whose
//! premise (a `when` condition) is false on the facts is not shown; a note that states a
//! section's procedure or penalty is written from the version in force, overlays included.

use crate::support::{root, tipnav};

/// A shipped case file with some lines replaced, written to a temporary folder; its `[expect]`
/// block is dropped, since the facts no longer match it.
fn edited(dir: &tempfile::TempDir, path: &str, edits: &[(&str, &str)]) -> String {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let mut text = text.split("[expect]").next().unwrap().to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "{path} has no `{from}`");
        text = text.replacen(from, to, 1);
    }
    let file = dir.path().join(path.rsplit('/').next().unwrap());
    std::fs::write(&file, text).unwrap();
    file.to_str().unwrap().to_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["eval", "--format", "json"];
    all.extend_from_slice(args);
    let run = tipnav(&all);
    assert_eq!(run.status, 0, "{}", run.render());
    serde_json::from_str(&run.stdout).unwrap()
}

/// The overlaps whose note contains `text`, each as (note, certain).
fn overlaps_saying(report: &serde_json::Value, text: &str) -> Vec<(String, bool)> {
    report["overlaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["note"].as_str().unwrap().contains(text))
        .map(|o| {
            let note = o["note"].as_str().unwrap().to_owned();
            (note, o["certain"].as_bool().unwrap())
        })
        .collect()
}

const FOREIGN_WOMAN: &str = "examples/scenarios/federal-foreign-woman-entered-illegally.toml";
const FOREIGNER_NOTE: &str = "the foreigner brought in illegally";

#[test]
fn a_pakistani_victim_gets_no_note_about_foreigners() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = json(&[FOREIGN_WOMAN]);
    assert_eq!(overlaps_saying(&foreign, FOREIGNER_NOTE).len(), 1);
    let victim = "[victim]\nage = 24\nsex = \"female\"\n";
    let pakistani = edited(
        &dir,
        FOREIGN_WOMAN,
        &[("nationality = \"foreign\"", "nationality = \"pakistani\"")],
    );
    assert!(
        std::fs::read_to_string(&pakistani)
            .unwrap()
            .contains(victim)
    );
    assert_eq!(overlaps_saying(&json(&[&pakistani]), FOREIGNER_NOTE), []);
    // Not given, the premise is unknown: the note is shown as possible only.
    let unknown = edited(&dir, FOREIGN_WOMAN, &[("nationality = \"foreign\"\n", "")]);
    let shown = overlaps_saying(&json(&[&unknown]), FOREIGNER_NOTE);
    assert_eq!(shown.len(), 1);
    assert!(!shown[0].1, "an unknown premise is not certain");
}

#[test]
fn a_case_abroad_gets_no_venue_abroad() {
    let dir = tempfile::tempdir().unwrap();
    let path = edited(
        &dir,
        "examples/gujrat-sea-smuggling.toml",
        &[(
            "destination = { country = \"italy\" }",
            "destination = { country = \"italy\", district = \"lampedusa\" }",
        )],
    );
    let report = json(&[&path]);
    let venues = report["jurisdiction"]["venues"].as_array().unwrap();
    let places: Vec<&str> = venues
        .iter()
        .map(|v| v["place"].as_str().unwrap())
        .collect();
    assert_eq!(places, ["gujrat"], "{venues:?}");
    assert!(venues[0]["reason"].as_str().unwrap().contains("s.177"));
    // Conduct abroad by a Pakistani citizen goes through s.188, as a note.
    let notes = report["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("CrPC s.188")),
        "{notes:?}"
    );
}

/// A venue whose rule's condition the facts leave open is shown as possible, with the facts it
/// depends on, and those facts join the case's unknown facts (issue 16, item 3).
#[test]
fn a_venue_on_an_open_condition_is_possible_and_its_facts_are_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let path = edited(
        &dir,
        "examples/gujrat-sea-smuggling.toml",
        &[(
            "origin = { country = \"pakistan\", province = \"punjab\", district = \"gujrat\" }",
            "origin = { province = \"punjab\", district = \"gujrat\" }",
        )],
    );
    let report = json(&[&path]);
    let venues = report["jurisdiction"]["venues"].as_array().unwrap();
    let gujrat = venues
        .iter()
        .find(|v| v["place"] == "gujrat")
        .unwrap_or_else(|| panic!("gujrat is still a candidate venue: {venues:?}"));
    assert_eq!(
        gujrat["depends_on"][0], "movement.origin.country",
        "{gujrat}"
    );
    let unknown = report["unknown"].as_array().unwrap();
    let country = unknown
        .iter()
        .find(|u| u["fact"] == "movement.origin.country")
        .unwrap_or_else(|| panic!("movement.origin.country is not unknown: {unknown:?}"));
    assert!(
        country["affects"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a.as_str().unwrap().starts_with("venue CrPC s.177")),
        "{country}"
    );
    let table = crate::support::tipnav_with(&["eval", &path], &[("COLUMNS", "1000")]).stdout;
    assert!(
        table.contains("possible, depending on movement.origin.country"),
        "{table}"
    );
}

#[test]
fn the_kidnapping_venue_rule_needs_a_kidnapping_section() {
    const KIDNAPPING: [&str; 4] = ["ppc/363", "ppc/364-A", "ppc/365-B", "ppc/367-A"];
    let mut seen = [false, false];
    for path in crate::support::files("examples", "toml") {
        let report = json(&[&path]);
        let cites_181 = report["jurisdiction"]["venues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["reason"].as_str().unwrap().contains("s.181(4)"));
        let kidnapping = report["sections"].as_array().unwrap().iter().any(|s| {
            KIDNAPPING.contains(&s["id"].as_str().unwrap()) && s["status"] != "does_not_apply"
        });
        assert_eq!(cites_181, kidnapping, "{path}");
        seen[usize::from(kidnapping)] = true;
    }
    assert_eq!(seen, [true, true], "the examples show both cases");
}

#[test]
fn an_overlay_on_ppc_374_changes_every_note_about_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = edited(
        &dir,
        "examples/brick-kiln-peshgi.toml",
        &[("date = 2023-09-01", "date = 2026-06-01")],
    );
    let about_374 = |report: &serde_json::Value| overlaps_saying(report, "374");
    let today = json(&[&path]);
    assert!(
        about_374(&today)
            .iter()
            .any(|(note, _)| note.contains("PPC 374 alone is non-cognizable")),
        "{:?}",
        about_374(&today)
    );
    let amended = json(&["--amend", "ppc-374-aligned", &path]);
    let notes = about_374(&amended);
    assert!(notes.len() >= 2, "{notes:?}");
    for (note, _) in &notes {
        assert!(!note.contains("non-cognizable"), "{note}");
        assert!(!note.contains("up to 1 year"), "{note}");
    }
    assert!(
        notes
            .iter()
            .any(|(note, _)| note.contains("PPC 374 alone is cognizable")),
        "{notes:?}"
    );
}

/// An overlay that changes each Penal Code attribute a converted note states (issue 16, item
/// 3): in force from 2017-01-01 (after s.377-B's commencement, before every example used).
const EVERY_STATED_ATTRIBUTE: &str = r#"amendment notes-test "Test: the Penal Code attributes the notes state, changed" {
    effective 2017-01-01
    status proposal
    cite "test"
}
amend ppc/363 { bailable false cite "test" }
amend ppc/364-A { punishment imprisonment to 3y cite "test" }
amend ppc/366-A { court magistrate_first_class cite "test" }
amend ppc/371-A { punishment imprisonment to 3y cite "test" }
amend ppc/377-B { punishment imprisonment to 3y cite "test" }
amend ppc/498-B { cognizable true cite "test" }
amend ppc/420 { compoundable false cite "test" }
"#;

/// Each note that used to state a Penal Code penalty, court or procedure in fixed text now
/// states the version in force: under the overlay, the overlay's value and not the old text.
/// One row per converted note: the example that shows it, how the note starts, what it must
/// say and what it must no longer say.
#[test]
fn converted_notes_state_the_law_in_force() {
    const ROWS: [(&str, &str, &[&str], &str); 9] = [
        (
            "examples/larkana-girl-sold.toml",
            "procuring a girl under 18",
            &["s.366-A goes to the Magistrate of the First Class"],
            "s.366-A goes to the Court of Session",
        ),
        (
            "examples/larkana-girl-sold.toml",
            "PPC 371-A (",
            &["PPC 371-A (imprisonment up to 3 years)"],
            "up to 25 years)",
        ),
        (
            "examples/child-forced-begging.toml",
            "the kidnapping and abduction sections",
            &[
                "s.363 is cognizable, non-bailable",
                "s.364-A carries imprisonment up to 3 years",
            ],
            "s.363 is cognizable, bailable",
        ),
        (
            "examples/child-forced-begging.toml",
            "for a child sexually exploited",
            &[
                "PPC s.377-B (imprisonment up to 3 years)",
                "s.371-A (imprisonment up to 3 years)",
            ],
            "14 years to 20 years",
        ),
        (
            "examples/scenarios/child-ict-marriage-trafficker.toml",
            "a woman taken or compelled into marriage",
            &["s.498-B (cognizable"],
            "s.498-B (non-cognizable",
        ),
        (
            "examples/gulf-job-passport-taken.toml",
            "a false job offer for a fee",
            &[
                "PPC s.420 (Magistrate of the First Class; cognizable, non-bailable, non-compoundable)",
            ],
            "s.420 (Magistrate of the First Class; cognizable, non-bailable, compoundable)",
        ),
        (
            "examples/scenarios/federal-369a-2017-girl-sold-internal.toml",
            "the same sale carries",
            &["against imprisonment up to 3 years (s.371-A)"],
            "up to 25 years, and liable to a fine (no cap stated) (s.371-A)",
        ),
        (
            "examples/scenarios/online-child-groomed-trafficked-2024.toml",
            "a child sold or let for sex that was arranged online",
            &["PPC s.371-A (imprisonment up to 3 years; Police; Court of Session)"],
            "up to 25 years",
        ),
        (
            "examples/scenarios/child-ict-marriage-16-2024.toml",
            "a child drawn online into sexually explicit conduct",
            &["PPC s.377-B (imprisonment up to 3 years; Police;"],
            "14 years to 20 years",
        ),
    ];
    notes_follow_the_overlay(EVERY_STATED_ATTRIBUTE, &ROWS);
}

const AFTER_LAPSE: &str = "examples/scenarios/child-punjab-marriage-after-lapse.toml";
const LAPSE_NOTE: &str = "no child-marriage law is known to be in force in the Punjab";

/// The report's notes that contain `text`.
fn notes_saying(report: &serde_json::Value, text: &str) -> Vec<String> {
    report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_owned())
        .filter(|n| n.contains(text))
        .collect()
}

/// The Punjab child-marriage lapse is a note (issue 16, item 3), shown only where its premise
/// can hold: the Punjab or a province not given, a child marriage, a date after the lapse;
/// never among the protections.
#[test]
fn the_punjab_lapse_is_a_note_where_its_premise_can_hold() {
    let dir = tempfile::tempdir().unwrap();
    let report = json(&[AFTER_LAPSE]);
    let shown = notes_saying(&report, LAPSE_NOTE);
    assert_eq!(shown.len(), 1, "{:?}", report["notes"]);
    assert!(!shown[0].starts_with("possibly"), "{}", shown[0]);
    assert!(
        !report["protections"].to_string().contains("after-lapse"),
        "{}",
        report["protections"]
    );
    let sindh = edited(
        &dir,
        AFTER_LAPSE,
        &[("province = \"punjab\"\n", "province = \"sindh\"\n")],
    );
    assert_eq!(
        notes_saying(&json(&[&sindh]), LAPSE_NOTE),
        Vec::<String>::new()
    );
    let before = edited(
        &dir,
        AFTER_LAPSE,
        &[("date = 2026-07-01", "date = 2026-03-01")],
    );
    assert_eq!(
        notes_saying(&json(&[&before]), LAPSE_NOTE),
        Vec::<String>::new()
    );
    let unknown = edited(&dir, AFTER_LAPSE, &[("province = \"punjab\"\n", "")]);
    let report = json(&[&unknown]);
    let shown = notes_saying(&report, LAPSE_NOTE);
    assert_eq!(shown.len(), 1, "{:?}", report["notes"]);
    assert!(
        shown[0].starts_with("possibly, depending on case.province:"),
        "{}",
        shown[0]
    );
    let province = report["unknown"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["fact"] == "case.province")
        .unwrap_or_else(|| panic!("case.province is not unknown: {}", report["unknown"]));
    assert!(
        province["affects"]
            .to_string()
            .contains("note Constitution Art. 128(2)(a)")
    );
}

const DECEIT: &str = "examples/scenarios/federal-marriage-by-deception-woman-lahore.toml";
const DECEIT_NOTE: &str = "a marriage got by deceit is not a forced marriage";
const FORGED: &str = "examples/scenarios/child-sindh-marriage-forged-age-certificate.toml";
const FORGERY_NOTE: &str = "may be forgery under the Penal Code";

/// Issue 15, item 5: conduct tipnav cannot charge from the briefs (a marriage got by deceit, a
/// forged nikahnama or age certificate) is said plainly where the facts show it, and an `only
/// when` note is never shown as "possibly" on a case that does not mention it.
#[test]
fn conduct_tipnav_does_not_encode_is_reported_only_where_the_facts_show_it() {
    let dir = tempfile::tempdir().unwrap();
    for (path, fact, note) in [
        (DECEIT, "marriage_by_deception = true\n", DECEIT_NOTE),
        (
            FORGED,
            "forged_civil_documents = [\"nikahnama\", \"age_certificate\"]\n",
            FORGERY_NOTE,
        ),
    ] {
        let shown = notes_saying(&json(&[path]), note);
        assert_eq!(shown.len(), 1, "{path}");
        assert!(!shown[0].starts_with("possibly"), "{}", shown[0]);
        let silent = edited(&dir, path, &[(fact, "")]);
        let report = json(&[&silent]);
        assert_eq!(notes_saying(&report, note), Vec::<String>::new(), "{path}");
        assert!(
            !report["unknown"].to_string().contains("note "),
            "{}",
            report["unknown"]
        );
    }
    let none = edited(
        &dir,
        FORGED,
        &[("[\"nikahnama\", \"age_certificate\"]", "[]")],
    );
    assert_eq!(
        notes_saying(&json(&[&none]), FORGERY_NOTE),
        Vec::<String>::new()
    );
}

/// An overlay that changes the sections the notes converted in session 16c state (issue 16,
/// item 3): bonded labour, the PTPA, the vagrancy laws and the Foreigners Act. In force from
/// 2022-01-01, before the cases used and after each section's commencement.
const CONVERTED_SECTIONS: &str = r#"amendment notes-test "Test: attributes of the converted notes, changed" {
    effective 2022-01-01
    status proposal
    cite "test"
}
amend pb-blsaa-1992/11 { punishment imprisonment to 9y cite "test" }
amend blsaa-1992/11 { punishment imprisonment to 8y cite "test" }
amend ptpa-2018/3 { punishment imprisonment to 11y cite "test" }
amend vagrancy-1958/9 { cognizable false bailable false cite "test" }
amend vagrancy-1958/10 { punishment imprisonment to 2y cite "test" }
amend foreigners-1946/14-2 { punishment imprisonment to 4y cite "test" }
"#;

/// Each note converted from fixed text follows an overlay on the section it states: it says
/// the overlay's value and no longer the old figure or procedure.
#[test]
fn notes_converted_from_fixed_text_follow_an_overlay() {
    const ROWS: [(&str, &str, &[&str], &str); 5] = [
        (
            "examples/brick-kiln-peshgi.toml",
            "the same Punjab bonded-labour facts",
            &[
                "imprisonment up to 9 years (Punjab BLSA s.11)",
                "imprisonment up to 11 years under PTPA s.3",
            ],
            "2 years to 5 years, or a fine of at least PKR 50,000, or both (Punjab BLSA s.11)",
        ),
        (
            "examples/brick-kiln-peshgi.toml",
            "the same forced or bonded labour facts",
            &["imprisonment up to 8 years (BLSAA s.11)"],
            "up to 7 years",
        ),
        (
            "examples/child-forced-begging.toml",
            "the police act under the PTPA",
            &["Ordinance s.9: imprisonment up to 3 years, non-cognizable, non-bailable"],
            "s.9: imprisonment up to 3 years, cognizable",
        ),
        (
            "examples/child-forced-begging.toml",
            "the same child-begging facts",
            &["imprisonment up to 2 years (Vagrancy Ordinance s.10)"],
            "up to 1 year",
        ),
        (
            FOREIGN_WOMAN,
            FOREIGNER_NOTE,
            &["Foreigners Act s.14(2) (imprisonment up to 4 years;"],
            "up to 10 years",
        ),
    ];
    notes_follow_the_overlay(CONVERTED_SECTIONS, &ROWS);
}

/// The sections of a report's protections.
fn protections(report: &serde_json::Value) -> Vec<&str> {
    report["protections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["section"].as_str().unwrap())
        .collect()
}

/// Issue 16, item 3, swept over the shipped examples: each kind of note whose premise is false
/// on the case is not shown, and shown where its premise holds. Overlaps: a sale into
/// prostitution gets no note about marriage-specific trafficking; smuggling with no deception
/// gets no note about deceptive recruitment. Protections: an adult gets no child protection.
#[test]
fn notes_whose_premise_is_false_on_the_case_are_not_shown() {
    const ROWS: [(&str, &str, bool); 6] = [
        (
            "examples/larkana-girl-sold.toml",
            "the marriage-specific",
            false,
        ),
        (
            "examples/scenarios/child-ict-marriage-trafficker.toml",
            "the marriage-specific",
            true,
        ),
        (
            "examples/gujrat-sea-smuggling.toml",
            "deceptive overseas recruitment",
            false,
        ),
        (
            "examples/scenarios/federal-fake-private-job-saudi.toml",
            "unlicensed recruitment for work abroad",
            true,
        ),
        (
            "examples/scenarios/federal-adult-domestic-worker-beaten.toml",
            "a child worker ill-treated",
            false,
        ),
        (
            "examples/scenarios/federal-child-domestic-worker-beaten.toml",
            "a child worker ill-treated",
            true,
        ),
    ];
    for (case, note, shown) in ROWS {
        let report = json(&[case]);
        let found = overlaps_saying(&report, note);
        assert_eq!(!found.is_empty(), shown, "{case}: `{note}`: {found:?}");
    }
    let adult = json(&["examples/brick-kiln-peshgi.toml"]);
    assert!(!protections(&adult).contains(&"ptpa-2018/7"));
    let child = json(&["examples/larkana-girl-sold.toml"]);
    assert!(protections(&child).contains(&"ptpa-2018/7"));
}

/// A declared overlap between two laws ("meets the PTPA and the Penal Code") is not shown when
/// only one law's sections are in play: before the PTPA, the Penal Code sale offences alone
/// get no note that the PTPA is met too.
#[test]
fn a_note_between_two_laws_needs_sections_of_both() {
    let penal_code_only = json(&["examples/scenarios/core-ppc-371A-sold-into-marriage.toml"]);
    let note = "meets the PTPA and the Penal Code";
    assert!(overlaps_saying(&penal_code_only, note).is_empty());
    let both = json(&["examples/larkana-girl-sold.toml"]);
    assert!(!overlaps_saying(&both, note).is_empty());
}

/// The forum and agency conflicts tipnav finds without a declaration name the sections as
/// people cite them; `sections` keeps the ids for machines.
#[test]
fn found_conflicts_name_sections_by_citation() {
    let report = json(&["examples/kenyan-workers-forced-labour.toml"]);
    let conflicts: Vec<&serde_json::Value> = report["overlaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["declared"] == false)
        .collect();
    assert!(!conflicts.is_empty());
    for conflict in conflicts {
        let note = conflict["note"].as_str().unwrap();
        assert!(note.contains("PPC s.374: "), "{note}");
        assert!(!note.contains("ppc/374"), "{note}");
        assert!(
            conflict["sections"]
                .as_array()
                .unwrap()
                .contains(&"ppc/374".into())
        );
    }
}

/// Under `overlay`, each row's note (on its case, starting with its words) says what the row
/// lists and no longer the old figure.
fn notes_follow_the_overlay(overlay: &str, rows: &[(&str, &str, &[&str], &str)]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes-test.rules");
    std::fs::write(&path, overlay).unwrap();
    let overlay = path.to_str().unwrap();
    for &(case, start, says, no_longer) in rows {
        let report = json(&["--amend", overlay, case]);
        let notes: Vec<String> = overlaps_saying(&report, start)
            .into_iter()
            .map(|(note, _)| note)
            .filter(|note| note.starts_with(start))
            .collect();
        assert_eq!(notes.len(), 1, "{case}: `{start}` notes: {notes:?}");
        for said in says {
            assert!(
                notes[0].contains(said),
                "{case}: `{said}` not in {}",
                notes[0]
            );
        }
        assert!(!notes[0].contains(no_longer), "{case}: {}", notes[0]);
    }
}
