//! The versioned JSON contract: `tipnav schema` prints one JSON Schema per kind of document,
//! the repository stores the same schemas in `schema/`, and every document carries
//! `schema_version`. (Each JSON test validates what it reads through `support::validated`.)

use crate::support::{json, root, tipnav};

const REGENERATE: &str = "regenerate the stored schemas with:\n  for kind in $(cargo run -q -- schema); do cargo run -q -- schema $kind > schema/$kind.json; done\nand review the change: a removed or renamed field needs a new schema_version";

/// The kinds `tipnav schema` lists.
fn kinds() -> Vec<String> {
    let run = tipnav(&["schema"]);
    assert_eq!(run.status, 0, "{}", run.render());
    run.stdout.lines().map(str::to_owned).collect()
}

#[test]
fn the_stored_schemas_are_what_tipnav_schema_prints() {
    for kind in kinds() {
        let printed = tipnav(&["schema", &kind]);
        assert_eq!(printed.status, 0, "{}", printed.render());
        let path = root().join("schema").join(format!("{kind}.json"));
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            printed.stdout == stored,
            "schema/{kind}.json differs from `tipnav schema {kind}` (the wire types changed); {REGENERATE}"
        );
    }
}

#[test]
fn the_schema_folder_holds_one_file_per_kind_and_nothing_else() {
    let mut stored: Vec<String> = std::fs::read_dir(root().join("schema"))
        .expect("the schema folder exists")
        .map(|entry| {
            entry
                .expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    stored.sort();
    let mut expected: Vec<String> = kinds().iter().map(|k| format!("{k}.json")).collect();
    expected.sort();
    assert_eq!(stored, expected, "{REGENERATE}");
}

#[test]
fn every_schema_requires_schema_version_at_the_top() {
    for kind in kinds() {
        let run = tipnav(&["schema", &kind]);
        let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{kind}"
        );
        // A document of another version must not validate.
        assert!(
            run.stdout.contains(r#""const": "1""#),
            "{kind}: schema_version is pinned"
        );
    }
}

#[test]
fn a_document_of_another_version_does_not_validate() {
    let run = tipnav(&["show", "ptpa-2018/3", "--format", "json"]);
    let schema: serde_json::Value =
        serde_json::from_str(&tipnav(&["schema", "show"]).stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(document["schema_version"], "1");
    assert!(validator.is_valid(&document));
    document["schema_version"] = "2".into();
    assert!(!validator.is_valid(&document));
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let run = tipnav(&["schema", "report"]);
    assert_eq!(run.status, 2, "{}", run.render());
    assert!(run.stderr.contains("eval"), "{}", run.stderr);
}

#[test]
fn show_and_search_documents_carry_the_version_and_validate() {
    let show = json(
        "show",
        &[
            "show",
            "ptpa-2018/3",
            "--date",
            "2017-01-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(show["schema_version"], "1");
    let hits = json("search", &["search", "bonded", "--format", "json"]);
    let hits = hits.as_array().expect("search gives an array");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|hit| hit["schema_version"] == "1"));
}
