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
