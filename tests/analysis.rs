//! `tipnav overlaps` and `tipnav gaps`: every witness really has the property it is reported
//! for (sound), no co-applicable pair is missed on a small law checked by brute force
//! (complete), and an amendment that closes a gap makes it disappear.

use std::collections::BTreeSet;

use tipnav::eval::{Status, evaluate};
use tipnav::model::{Program, Value};

use crate::support::{Run, root, tipnav};

fn today() -> jiff::civil::Date {
    "2026-11-29".parse().unwrap()
}

fn statuses(program: &Program, witness: &str) -> Vec<(String, Status)> {
    let case = tipnav::facts::load(witness, tipnav::facts::Format::Toml, program)
        .expect("a witness is a valid case file");
    evaluate(program, &case, today())
        .sections
        .iter()
        .map(|s| (s.section(program).to_owned(), s.status))
        .collect()
}

/// An overlay offence made up for these tests (`ptpa-2018/3-A`, trafficking for the removal of
/// organs), which closes the gap the Transplantation Act leaves (removal with no gain or paid
/// deal).
const ORGAN_TRAFFICKING: &str = r#"insert ptpa-2018/3-A "Trafficking for the removal of organs" {
    kind offence
    summary "Recruiting, moving or obtaining a person for the removal of organs."
    punishment imprisonment to 14y fine to 2000000 combine and
    cognizable true
    bailable false
    compoundable false
    court magistrate_first_class
    agency police
    element act = conduct.acts any [recruit, transport, harbour, obtain, provide] cite "test"
    element purpose = conduct.purposes has organ_removal cite "test"
    cite "test: organ removal as a trafficking purpose"
}
"#;

#[test]
fn overlaps_of_the_shipped_law_have_true_witnesses() {
    let run = tipnav(&["overlaps", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.render());
    let report: serde_json::Value = crate::support::validated("overlaps", &run.stdout);
    let program = crate::support::program();
    let pairs: Vec<(String, String)> = report["overlaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["sections"][0].as_str().unwrap().to_owned(),
                o["sections"][1].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let has = |a: &str, b: &str| {
        pairs
            .iter()
            .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
    };
    for (a, b) in [
        ("ptpa-2018/3", "ppc/371-A"),
        ("ptpa-2018/3", "ppc/371-B"),
        ("ptpa-2018/3", "ppc/374"),
        ("ptpa-2018/3", "pb-blsaa-1992/11"),
        ("ptpa-2018/3", "eo-1979/18"),
        ("ptpa-2018/3", "psma-2018/3"),
    ] {
        assert!(has(a, b), "{a} with {b} is an overlap the law has");
    }
    for overlap in report["overlaps"].as_array().unwrap() {
        let (a, b) = (
            overlap["sections"][0].as_str().unwrap(),
            overlap["sections"][1].as_str().unwrap(),
        );
        let statuses = statuses(&program, overlap["witness"].as_str().unwrap());
        for section in [a, b] {
            let status = statuses.iter().find(|(s, _)| s == section).map(|(_, s)| *s);
            assert_eq!(
                status,
                Some(Status::Applies),
                "{section} applies on the witness for {a} + {b}"
            );
        }
    }
}

#[test]
fn groups_of_the_shipped_law_have_true_witnesses() {
    let run = tipnav(&["overlaps", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.render());
    let report: serde_json::Value = crate::support::validated("overlaps", &run.stdout);
    let program = crate::support::program();
    let groups = report["groups"].as_array().unwrap();
    assert!(!groups.is_empty());
    // The search finishes on the shipped law: the count is exact, not a lower bound.
    assert_eq!(report["groups_complete"], true);
    assert!(report["groups_found"].as_u64().unwrap() >= groups.len() as u64);
    let declared = report["declared_groups"].as_array().unwrap();
    let joint = declared.iter().filter(|g| g["joint"] == true);
    for group in groups.iter().chain(joint) {
        let members: Vec<&str> = group["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert!(members.len() >= 3);
        let statuses = statuses(&program, group["witness"].as_str().unwrap());
        for section in &members {
            let status = statuses.iter().find(|(s, _)| s == section).map(|(_, s)| *s);
            assert_eq!(
                status,
                Some(Status::Applies),
                "{section} applies on the witness for {members:?}"
            );
        }
    }
    // A declared overlap whose members cannot all apply lists the parts that can.
    for group in declared.iter().filter(|g| g["joint"] == false) {
        assert!(group["witness"].is_null());
        assert!(!group["parts"].as_array().unwrap().is_empty(), "{group}");
    }
}

#[test]
fn overlaps_are_complete_on_a_small_law() {
    let dir = root().join("tests/fixtures/analysis/law");
    let (_, program) = tipnav::pipeline::law::load_law(Some(&dir), &[]).unwrap();
    let found: BTreeSet<(String, String)> = tipnav::analysis::overlaps(
        &mut tipnav::analysis::Encoding::new(&program),
        None,
        today(),
    )
    .into_iter()
    .map(|o| (o.sections[0].clone(), o.sections[1].clone()))
    .collect();
    // Brute force: every combination of every fact's values (every subset of every set).
    let id = |name: &str| program.fact(name).unwrap();
    let mut expected = BTreeSet::new();
    let mut together: BTreeSet<Vec<String>> = BTreeSet::new();
    let dates = ["2019-12-31", "2020-01-01", "2024-06-01"];
    for date in dates {
        for province in 0..2u8 {
            for age in [0, 5, 9, 10, 11, 17, 18, 19, 60] {
                for acts in 0..8u64 {
                    for kind in 0..3u8 {
                        for hurt in [false, true] {
                            let mut case =
                                tipnav::facts::load("", tipnav::facts::Format::Toml, &program)
                                    .unwrap();
                            case.values[id("case.date")] = Some(Value::Date(date.parse().unwrap()));
                            case.values[id("case.province")] = Some(Value::Enum(province));
                            case.values[id("victim.age")] = Some(Value::Int(age));
                            case.values[id("conduct.acts")] = Some(Value::Set(acts));
                            case.values[id("conduct.kind")] = Some(Value::Enum(kind));
                            case.values[id("harm.hurt")] = Some(Value::Bool(hurt));
                            let outcome = evaluate(&program, &case, today());
                            let applying: Vec<&str> = outcome
                                .sections
                                .iter()
                                .filter(|s| s.status == Status::Applies)
                                .map(|s| s.section(&program))
                                .collect();
                            together.insert(applying.iter().map(|s| (*s).to_owned()).collect());
                            for (i, a) in applying.iter().enumerate() {
                                for b in &applying[i + 1..] {
                                    expected.insert(((*a).to_owned(), (*b).to_owned()));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    // Every offence of the small law reads a conduct fact, so the shared-fact rule drops no pair
    // that brute force finds, except those with no common fact.
    let shares = |a: &str, b: &str| {
        let reads = |s: &str| -> BTreeSet<tipnav::model::FactId> {
            program
                .offence(s)
                .unwrap()
                .elements
                .iter()
                .flat_map(|e| e.inputs.clone())
                .filter(|&f| f != program.case_date)
                .collect()
        };
        !reads(a).is_disjoint(&reads(b))
    };
    let expected: BTreeSet<(String, String)> =
        expected.into_iter().filter(|(a, b)| shares(a, b)).collect();
    assert_eq!(found, expected);
    assert!(!found.is_empty());
    joint_sets_are_the_largest_sets_that_apply_together(&program, &together);
    groups_are_complete(&program, &expected, &together);
}

/// The maximal jointly applicable sets are exactly the largest sets of offences brute force
/// sees apply on one case.
fn joint_sets_are_the_largest_sets_that_apply_together(
    program: &Program,
    together: &BTreeSet<Vec<String>>,
) {
    let encoding = tipnav::analysis::Encoding::new(program);
    let joint = tipnav::analysis::joint_sets(&encoding, None);
    assert!(joint.complete);
    let found: BTreeSet<BTreeSet<String>> = joint
        .sets
        .iter()
        .map(|set| {
            set.members
                .iter()
                .map(|&i| program.offences[i].section.clone())
                .collect()
        })
        .collect();
    assert_eq!(found.len(), joint.sets.len(), "no set is found twice");
    let sets: Vec<BTreeSet<String>> = together
        .iter()
        .map(|s| s.iter().cloned().collect())
        .collect();
    let expected: BTreeSet<BTreeSet<String>> = sets
        .iter()
        .filter(|s| !s.is_empty() && !sets.iter().any(|t| s.is_subset(t) && s != &t))
        .cloned()
        .collect();
    assert_eq!(found, expected);
}

/// Every set of three or more offences that brute force sees apply together, and that overlap
/// pairwise, lies inside a reported group; every reported group is jointly applicable and
/// maximal.
fn groups_are_complete(
    program: &Program,
    pairs: &BTreeSet<(String, String)>,
    together: &BTreeSet<Vec<String>>,
) {
    let mut encoding = tipnav::analysis::Encoding::new(program);
    let overlaps = tipnav::analysis::overlaps(&mut encoding, None, today());
    let groups = tipnav::analysis::groups(&encoding, &overlaps, None, today());
    assert!(groups.complete);
    assert_eq!(groups.found, groups.groups.len());
    let reported: Vec<BTreeSet<String>> = groups
        .groups
        .iter()
        .map(|g| g.sections.iter().cloned().collect())
        .collect();
    let paired = |a: &String, b: &String| {
        pairs.contains(&(a.clone(), b.clone())) || pairs.contains(&(b.clone(), a.clone()))
    };
    // The largest pairwise-overlapping subsets of each set of offences that apply together.
    let mut expected: Vec<BTreeSet<String>> = Vec::new();
    for applying in together {
        let n = applying.len();
        for mask in 0u32..(1 << n) {
            let members: Vec<&String> = (0..n)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| &applying[i])
                .collect();
            let clique = members
                .iter()
                .enumerate()
                .all(|(i, a)| members[i + 1..].iter().all(|b| paired(a, b)));
            if members.len() >= 3 && clique {
                expected.push(members.into_iter().cloned().collect());
            }
        }
    }
    for set in &expected {
        assert!(
            reported.iter().any(|g| set.is_subset(g)),
            "{set:?} apply together but no reported group holds them: {reported:?}"
        );
    }
    for group in &reported {
        assert!(
            expected.contains(group),
            "{group:?} is not jointly applicable"
        );
        assert!(
            !expected
                .iter()
                .any(|set| group.is_subset(set) && group != set),
            "{group:?} is not maximal"
        );
    }
    assert!(!reported.is_empty(), "the small law has a group of three");
}

#[test]
fn gap_witnesses_meet_the_indicator_and_no_offence_applies() {
    let run = tipnav(&["gaps", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.render());
    let report: serde_json::Value = crate::support::validated("gaps", &run.stdout);
    let program = crate::support::program();
    let gaps = report["gaps"].as_array().unwrap();
    assert!(
        gaps.iter()
            .any(|g| g["indicator"] == "organ_removal_unpaid"),
        "organ removal is not a PTPA purpose, and THOTA 2010 reaches only paid deals and hospital staff"
    );
    for gap in gaps {
        let case = tipnav::facts::load(
            gap["witness"].as_str().unwrap(),
            tipnav::facts::Format::Toml,
            &program,
        )
        .unwrap();
        let outcome = evaluate(&program, &case, today());
        assert!(
            outcome
                .sections
                .iter()
                .all(|s| s.status == Status::DoesNotApply),
            "{}",
            gap["indicator"]
        );
        let indicator = program
            .indicators
            .iter()
            .find(|i| i.name == gap["indicator"].as_str().unwrap())
            .unwrap();
        assert_eq!(
            tipnav::eval::value::truth(&indicator.expr, &outcome.values),
            Some(true)
        );
    }
}

#[test]
fn an_overlay_that_closes_a_gap_makes_it_disappear() {
    let dir = std::env::temp_dir().join(format!("tipnav-gap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let overlay = dir.join("organs.rules");
    std::fs::write(
        &overlay,
        format!(
            r#"amendment organ-trafficking "Test: trafficking for organ removal" {{
    effective 2026-01-01
    status proposal
    cite "test"
}}

{ORGAN_TRAFFICKING}"#
        ),
    )
    .unwrap();
    let run = tipnav(&[
        "gaps",
        "--format",
        "json",
        "--amend",
        overlay.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(run.status, 0, "{}", run.render());
    let report: serde_json::Value = crate::support::validated("gaps", &run.stdout);
    assert!(
        report["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["indicator"] != "organ_removal_unpaid"),
        "{}",
        run.stdout
    );
    assert!(
        report["closed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g == "organ_removal_unpaid")
    );
}

#[test]
fn witnesses_can_be_written_as_case_files() {
    let dir = std::env::temp_dir().join(format!("tipnav-witness-{}", std::process::id()));
    let run = tipnav(&[
        "overlaps",
        "--law",
        "tests/fixtures/analysis/law",
        "--witness-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.render());
    let written: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let named = |prefix: &str| {
        written
            .iter()
            .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
            .count()
    };
    assert_eq!(named("overlap-"), 5, "{written:?}");
    assert!(named("group-") >= 1, "{written:?}");
    assert_eq!(
        named("overlap-") + named("group-") + named("declared-group-"),
        written.len()
    );
    for path in &written {
        let eval = tipnav(&[
            "eval",
            "--law",
            "tests/fixtures/analysis/law",
            path.to_str().unwrap(),
        ]);
        assert_eq!(eval.status, 0, "{}", eval.render());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `tipnav overlaps` on 2026-06-01 with an overlay that inserts organ trafficking and repeals
/// PPC 371-B: the JSON run and the table run.
fn overlaps_with_organ_overlay() -> (Run, Run) {
    let dir = std::env::temp_dir().join(format!("tipnav-groups-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let overlay = dir.join("organs.rules");
    std::fs::write(
        &overlay,
        format!(
            r#"amendment organs-not-sale "Test: organ trafficking in, PPC 371-B out" {{
    effective 2026-01-01
    status proposal
    cite "test"
}}

{ORGAN_TRAFFICKING}
repeal ppc/371-B cite "test: buying for prostitution left to PTPA s.3"
"#
        ),
    )
    .unwrap();
    let args = [
        "overlaps",
        "--format",
        "json",
        "--date",
        "2026-06-01",
        "--amend",
        overlay.to_str().unwrap(),
    ];
    let run = tipnav(&args);
    let table = tipnav(&[
        "overlaps",
        "--date",
        "2026-06-01",
        "--amend",
        overlay.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    (run, table)
}

/// A JSON array of section ids, as a set.
fn section_set(group: &serde_json::Value) -> BTreeSet<String> {
    group
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_overlay_adds_and_removes_groups() {
    let (run, table) = overlaps_with_organ_overlay();
    assert_eq!(run.status, 0, "{}", run.render());
    let report: serde_json::Value = crate::support::validated("overlaps", &run.stdout);
    let list = |key: &str| -> Vec<BTreeSet<String>> {
        report[key]
            .as_array()
            .unwrap()
            .iter()
            .map(section_set)
            .collect()
    };
    let (added, removed) = (list("groups_added"), list("groups_removed"));
    assert!(report["groups_complete"] == true);
    // The new offence joins groups; the repealed one leaves every group it was in.
    assert!(
        added.iter().any(|g| g.contains("ptpa-2018/3-A")),
        "{added:?}"
    );
    assert!(
        removed.iter().any(|g| g.contains("ppc/371-B")),
        "{removed:?}"
    );
    assert!(added.iter().all(|g| !g.contains("ppc/371-B")));
    assert!(removed.iter().all(|g| !g.contains("ptpa-2018/3-A")));
    let now: Vec<BTreeSet<String>> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| section_set(&g["sections"]))
        .collect();
    assert!(now.iter().all(|g| !g.contains("ppc/371-B")));
    // The declared PTPA s.3 / PPC 371-A / 371-B overlap cannot all apply once 371-B is gone.
    let changed = report["declared_groups_changed"].as_array().unwrap();
    assert!(
        changed.iter().any(|c| section_set(&c["sections"])
            == BTreeSet::from(["ptpa-2018/3", "ppc/371-A", "ppc/371-B"].map(String::from))
            && c["joint_before"] == true
            && c["joint_after"] == false),
        "{changed:?}"
    );
    assert_eq!(table.status, 0, "{}", table.render());
    assert!(table.stdout.contains("- adds: group "), "{}", table.stdout);
    assert!(
        table.stdout.contains("- removes: group "),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("all apply together yes → no"));
}

/// Issue 16 item 6: a trainer narrows the overlaps to one instrument, one family and the
/// declared ones; JSON, the table and the page all show only those, and say so.
#[test]
fn overlap_filters_narrow_every_format() {
    let filter = [
        "overlaps",
        "--date",
        "2024-01-01",
        "--instrument",
        "ptpa-2018",
        "--family",
        "duplicate_offence",
        "--declared-only",
    ];
    let run = |format: &str| {
        let run = tipnav(&[&filter[..], &["--format", format]].concat());
        assert_eq!(run.status, 0, "{}", run.render());
        run.stdout
    };
    let report = crate::support::validated("overlaps", &run("json"));
    let pairs = report["overlaps"].as_array().unwrap();
    let in_law = report["filter"]["pairs_in_law"].as_u64().unwrap();
    assert!(!pairs.is_empty() && (pairs.len() as u64) < in_law / 4);
    for pair in pairs {
        let sections = pair["sections"].as_array().unwrap();
        assert!(
            sections
                .iter()
                .any(|s| s.as_str().unwrap().starts_with("ptpa-2018/")),
            "{pair}"
        );
        assert_eq!(pair["declared"], true, "{pair}");
        assert_eq!(pair["declared_kind"], "duplicate_offence", "{pair}");
    }
    for group in report["groups"].as_array().unwrap() {
        assert_eq!(group["declared_kind"], "duplicate_offence", "{group}");
    }
    assert_eq!(report["filter"]["instruments"][0], "ptpa-2018");
    assert_eq!(report["filter"]["families"][0], "duplicate_offence");
    let said = format!(
        "Filtered by instrument PTPA 2018; family duplicate offence; declared only: {} of the law's {in_law} pairs.",
        pairs.len()
    );
    let table = run("table");
    // Prose is wrapped to the width: compare it with its line breaks as spaces.
    let unwrapped = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(unwrapped.contains(&said), "{table}");
    assert!(table.contains(&format!("{} pairs can apply together", pairs.len())));
    // Overlap kinds are words in the table, as in the filter sentence; the ids are for JSON.
    assert!(table.contains("┆ duplicate offence "), "{table}");
    assert!(!table.contains("duplicate_offence"), "{table}");
    // Sections are cited as lawyers write them, in the matrix and the pairs alike.
    assert!(unwrapped.contains("PTPA 2018 s.3"), "{table}");
    assert!(!table.contains("ptpa-2018/"), "{table}");
    let page = run("html");
    assert!(page.contains(&said.replace('\'', "&#39;")), "{page}");
    // Two labels (row and column) for each section in a pair, and nothing else.
    let sections: BTreeSet<&str> = pairs
        .iter()
        .flat_map(|p| p["sections"].as_array().unwrap())
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(page.matches("<text ").count(), 2 * sections.len());
    assert!(
        page.contains(">PTPA 2018 s.3</text>"),
        "citations label the picture"
    );
}

/// Unknown filter values are usage errors (exit 2) naming the nearest value, found before any
/// analysis runs.
#[test]
fn unknown_overlap_filters_are_diagnosed() {
    for (flag, value, nearest) in [
        ("--instrument", "ptpa-201", "did you mean `ptpa-2018`?"),
        (
            "--family",
            "forum-confict",
            "did you mean `forum_conflict`?",
        ),
    ] {
        let run = tipnav(&["overlaps", flag, value]);
        assert_eq!(run.status, 2, "{}", run.render());
        assert!(run.stderr.contains(value), "{}", run.render());
        assert!(run.stderr.contains(nearest), "{}", run.render());
        assert!(run.stdout.is_empty());
    }
}
