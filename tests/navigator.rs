//! The statute navigator: list, show (with a date) and search, as a trainer uses them.

use crate::support::tipnav;

#[test]
fn list_shows_every_instrument() {
    let run = tipnav(&["list"]);
    assert_eq!(run.status, 0, "{}", run.render());
    for id in [
        "(ptpa-2018)",
        "(ppc)",
        "(blsaa-1992)",
        "(psma-2018)",
        "(eo-1979)",
    ] {
        assert!(run.stdout.contains(id), "{id} missing");
    }
    let json = tipnav(&["list", "--format", "json"]);
    let instruments: serde_json::Value = crate::support::validated("list", &json.stdout);
    for instrument in instruments.as_array().unwrap() {
        for section in instrument["sections"].as_array().unwrap() {
            assert!(
                ["official-text", "secondary", "unverified"]
                    .contains(&section["verified"].as_str().unwrap())
            );
        }
    }
}

#[test]
fn list_one_instrument() {
    let run = tipnav(&["list", "ppc"]);
    assert_eq!(run.status, 0);
    insta::assert_snapshot!("list_ppc", crate::support::redact(&run.stdout));
}

#[test]
fn show_a_penal_code_section() {
    let run = tipnav(&["show", "ppc/371-A"]);
    assert_eq!(run.status, 0, "{}", run.render());
    insta::assert_snapshot!("show_ppc_371-A", crate::support::redact(&run.stdout));
}

#[test]
fn show_a_section_before_it_was_in_force() {
    let run = tipnav(&["show", "ptpa-2018/3", "--date", "2017-01-01"]);
    assert_eq!(run.status, 0, "{}", run.render());
    let text = crate::support::unwrapped(&run.stdout);
    assert!(
        text.contains("the law then in force was PPC s.369-A, PACHTO 2002 s.3(i)"),
        "{}",
        run.stdout
    );
    assert!(
        text.contains("PTPA 2018 s.3 was not in force on 2017-01-01"),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!("show_ptpa_3_2017", crate::support::redact(&run.stdout));
}

#[test]
fn show_inside_the_2025_window_says_the_version_is_uncertain() {
    let run = tipnav(&["show", "ptpa-2018/3", "--date", "2025-03-01"]);
    assert!(
        crate::support::unwrapped(&run.stdout).contains("the version in force is uncertain"),
        "{}",
        run.stdout
    );
}

#[test]
fn search_ranks_matching_sections() {
    let run = tipnav(&["search", "bonded"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("blsaa-1992/11"));
    insta::assert_snapshot!("search_bonded", crate::support::redact(&run.stdout));
    let none = tipnav(&["search", "zzzz"]);
    assert!(none.stdout.contains("No section matches"));
}

#[test]
fn unknown_ids_are_bad_input() {
    let run = tipnav(&["show", "ppc/371Z"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("did you mean `PPC s.371"),
        "{}",
        run.stderr
    );
    let run = tipnav(&["list", "ptpa"]);
    assert_eq!(run.status, 2);
    let run = tipnav(&["show", "ppc/370", "--date", "2017-02-30"]);
    assert_eq!(run.status, 2);
}

/// `tipnav facts` lists exactly the facts the shipped rule files declare (`fact` and
/// `derive` lines), each with a type, and for an input its question (issue 15).
#[test]
fn facts_lists_every_fact_the_rule_files_declare() {
    let mut declared: Vec<String> = Vec::new();
    for name in crate::support::files("rules", "rules") {
        let text = std::fs::read_to_string(crate::support::root().join(&name)).unwrap();
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let ["fact" | "derive", fact, ..] = words.as_slice() {
                declared.push((*fact).to_owned());
            }
        }
    }
    declared.sort();
    let run = tipnav(&["facts", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.render());
    let view: serde_json::Value = crate::support::validated("facts", &run.stdout);
    let facts = view["facts"].as_array().unwrap();
    let mut listed: Vec<String> = facts
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_owned())
        .collect();
    listed.sort();
    assert_eq!(listed, declared);
    for fact in facts {
        assert!(!fact["type"].as_str().unwrap().is_empty());
        if fact["kind"] == "input" {
            assert!(!fact["question"].as_str().unwrap().is_empty(), "{fact}");
        }
    }
    let age = facts.iter().find(|f| f["name"] == "victim.age").unwrap();
    assert!(age["read_by"].as_array().unwrap().len() > 5, "{age}");
    // A fact only a note reads is still read (issue 15, item 5: conduct tipnav reports but
    // does not encode).
    let forged = facts
        .iter()
        .find(|f| f["name"] == "conduct.forged_civil_documents")
        .unwrap();
    assert!(
        forged["read_by"]
            .to_string()
            .contains("note PPC ss.463-471"),
        "{forged}"
    );
    let table = tipnav(&["facts"]);
    assert!(
        table.stdout.contains("conduct.purposes"),
        "{}",
        table.render()
    );
}
