//! Amendment overlays and `tipnav diff`: the shipped overlays over the scenario bank (reviewed
//! snapshots), an overlay built here changes exactly the cases it should, bad overlays are
//! diagnosed, and no overlay reaches back before its effective day.

use crate::support::{files, tipnav, tipnav_with, unwrapped};

/// A case the one-forum overlay moves from the Special Court and whose forum conflict it
/// removes.
const KENYAN: &str = "examples/kenyan-workers-forced-labour.toml";

/// Ids a person should never read in the text of a diff (JSON keeps them).
const IDS: [&str; 8] = [
    "magistrate_first_class",
    "court_of_session",
    "special_court",
    "forum_conflict",
    "overlap_removed",
    "ppc/374",
    "ptpa-2018/3",
    "does_not_apply",
];

/// `tipnav diff` with the one-forum overlay, every case read on a day it is in force.
const ONE_FORUM_IN_FORCE: [&str; 5] =
    ["diff", "--amend", "one-forum", "--as-if-date", "2026-06-01"];

/// `tipnav diff --amend one-forum` of one case on a day the overlay is in force, in `format`,
/// at 80 columns.
pub(crate) fn one_forum_diff(format: &str, vars: &[(&str, &str)]) -> crate::support::Run {
    let args = [&ONE_FORUM_IN_FORCE[..], &["--format", format, KENYAN]].concat();
    let run = tipnav_with(&args, &[[("COLUMNS", "80")].as_slice(), vars].concat());
    assert_eq!(run.status, 0, "{}", run.render());
    run
}

fn diff_json(args: &[&str]) -> serde_json::Value {
    let run = tipnav(args);
    assert_eq!(run.status, 0, "{}", run.render());
    crate::support::validated("diff", &run.stdout)
}

#[test]
fn shipped_overlays_over_the_scenario_bank() {
    for (overlay, date) in [
        ("one-forum", "2026-06-01"),
        ("police-lead-bonded-labour", "2026-06-01"),
        ("ppc-374-aligned", "2026-06-01"),
        ("ptpa-s4-maximum", "2026-06-01"),
        ("ptpa-bill-2025-reported", "2025-06-01"),
    ] {
        let run = tipnav(&[
            "diff",
            "--amend",
            overlay,
            "--as-if-date",
            date,
            "--format",
            "markdown",
            "examples",
        ]);
        assert_eq!(run.status, 0, "{}", run.render());
        assert!(run.stdout.contains("cases compared"), "{overlay}");
        insta::assert_snapshot!(
            format!("diff_{overlay}"),
            crate::support::redact(&run.stdout)
        );
    }
}

#[test]
fn an_overlay_changes_exactly_the_cases_it_reaches() {
    let dir = std::env::temp_dir().join(format!("tipnav-amend-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let overlay = dir.join("repeal-371b.rules");
    std::fs::write(
        &overlay,
        "amendment test-repeal \"Test: repeal PPC 371-B\" {\n    effective 2020-01-01\n    status proposal\n    cite \"test\"\n}\n\nrepeal ppc/371-B cite \"test: buying a person for prostitution is no longer a Penal Code offence\"\n",
    )
    .unwrap();
    let report = diff_json(&[
        "diff",
        "--amend",
        overlay.to_str().unwrap(),
        "--format",
        "json",
        "examples",
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    let changed: Vec<&str> = report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["file"].as_str().unwrap())
        .collect();
    // The cases where 371-B applied (or may apply) on a date from 2020 on, and nothing else.
    let mut expected = Vec::new();
    for path in files("examples/scenarios", "toml")
        .into_iter()
        .chain(files("examples", "toml"))
    {
        let run = tipnav(&["eval", "--format", "json", &path]);
        let eval: serde_json::Value = crate::support::validated("eval", &run.stdout);
        let applies = eval["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "ppc/371-B" && s["status"] != "does_not_apply");
        if applies && eval["case"]["date"].as_str().unwrap() >= "2020-01-01" {
            expected.push(path);
        }
    }
    let mut changed: Vec<String> = changed.into_iter().map(str::to_owned).collect();
    changed.sort();
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(changed, expected);
    for case in report["cases"].as_array().unwrap() {
        assert!(
            case["changes"]
                .as_array()
                .unwrap()
                .iter()
                // A section that may apply changes status rather than stopping.
                .any(
                    |c| ["stops_applying", "status"].contains(&c["kind"].as_str().unwrap())
                        && c["section"] == "ppc/371-B"
                )
        );
    }
}

#[test]
fn an_overlay_never_reaches_back_before_its_effective_day() {
    let case = "examples/scenarios/core-ppc-371B-brothel-keeper-buys.toml";
    let before = diff_json(&[
        "diff",
        "--amend",
        "one-forum",
        "--format",
        "json",
        "--as-if-date",
        "2025-12-31",
        case,
    ]);
    assert_eq!(
        before["summary"]["changed"], 0,
        "the day before the overlay takes effect"
    );
    let larkana = "examples/larkana-girl-sold.toml";
    let own_date = diff_json(&["diff", "--amend", "one-forum", "--format", "json", larkana]);
    assert_eq!(
        own_date["summary"]["changed"], 0,
        "a 2023 case is read under the law of 2023"
    );
    let after = diff_json(&[
        "diff",
        "--amend",
        "ppc-374-aligned",
        "--format",
        "json",
        "--as-if-date",
        "2026-01-01",
        "examples/kenyan-workers-forced-labour.toml",
    ]);
    assert_eq!(
        after["summary"]["changed"], 1,
        "on the effective day it applies"
    );
    let penalty = after["cases"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "penalty")
        .unwrap()
        .clone();
    assert_eq!(
        penalty["after"],
        "imprisonment of 2 years to 5 years, or a fine of at least PKR 50,000, or both"
    );
}

#[test]
fn as_if_date_shows_what_the_2025_acts_changed() {
    let report = diff_json(&[
        "diff",
        "--as-if-date",
        "2025-06-01",
        "--format",
        "json",
        "examples/larkana-girl-sold.toml",
    ]);
    let changes = report["cases"][0]["changes"].as_array().unwrap();
    let ptpa = changes
        .iter()
        .find(|c| c["kind"] == "penalty" && c["section"] == "ptpa-2018/3")
        .unwrap();
    assert!(
        ptpa["before"].as_str().unwrap().ends_with("or both"),
        "fine alone was possible before Act IX of 2025"
    );
    assert!(
        ptpa["after"].as_str().unwrap().contains(" and a fine"),
        "fine and imprisonment are cumulative after it"
    );
}

#[test]
fn eval_names_the_overlay_it_used() {
    let run = tipnav(&[
        "eval",
        "--amend",
        "one-forum",
        "--format",
        "json",
        "examples/larkana-girl-sold.toml",
    ]);
    let report: serde_json::Value = crate::support::validated("eval", &run.stdout);
    assert_eq!(report["law"]["amendments"][0]["key"], "one-forum");
    let table = tipnav(&[
        "eval",
        "--amend",
        "one-forum",
        "examples/larkana-girl-sold.toml",
    ]);
    assert!(
        table.stdout.contains("Amended by One forum"),
        "{}",
        table.stdout
    );
}

#[test]
fn bad_overlays() {
    for path in files("tests/fixtures/overlays/err", "rules") {
        let run = tipnav(&["check", "--amend", &path]);
        assert_eq!(run.status, 2, "{path}: {}", run.render());
        assert_eq!(run.stdout, "");
        let name = path
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".rules")
            .to_owned();
        insta::assert_snapshot!(format!("overlay_{name}"), run.stderr);
    }
    let run = tipnav(&["check", "--amend", "no-such-overlay"]);
    assert_eq!(run.status, 2);
    let run = tipnav(&["diff", "examples"]);
    assert_eq!(run.status, 2, "diff needs something to compare");
}

/// An insert that creates an instrument says where it is law, and the new section reaches only
/// cases there: a provincial bill must not be read as applying nationwide.
#[test]
fn an_inserted_provincial_act_reaches_only_its_province() {
    let dir = std::env::temp_dir().join(format!("tipnav-amend-province-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let overlay = dir.join("sindh-act.rules");
    std::fs::write(
        &overlay,
        "amendment test-sindh-act \"Test: a Sindh Act\" {\n    effective 2026-01-01\n    status bill\n    cite \"test\"\n}\n\ninsert sindh-test-2026/3 \"Forced labour in homes\" {\n    jurisdiction sindh\n    kind offence\n    summary \"Making a domestic worker work by force.\"\n    punishment imprisonment to 7y\n    court magistrate_first_class\n    agency police\n    element act = conduct.acts has employ cite \"test\"\n    cite \"test\"\n}\n",
    )
    .unwrap();
    let status_in = |province: &str| {
        let case = dir.join(format!("{province}.toml"));
        std::fs::write(
            &case,
            format!("[case]\ndate = 2026-06-01\nprovince = \"{province}\"\n\n[conduct]\nacts = [\"employ\"]\n"),
        )
        .unwrap();
        let run = tipnav(&[
            "eval",
            "--amend",
            overlay.to_str().unwrap(),
            "--all",
            "--format",
            "json",
            case.to_str().unwrap(),
        ]);
        assert_eq!(run.status, 0, "{}", run.render());
        let report = crate::support::validated("eval", &run.stdout);
        let sections = report["sections"].as_array().unwrap();
        let inserted = sections
            .iter()
            .find(|s| s["id"] == "sindh-test-2026/3")
            .expect("the inserted section is reported");
        inserted["status"].as_str().unwrap().to_owned()
    };
    let (sindh, punjab) = (status_in("sindh"), status_in("punjab"));
    let listed = tipnav(&[
        "list",
        "--amend",
        overlay.to_str().unwrap(),
        "sindh-test-2026",
        "--format",
        "json",
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(sindh, "applies");
    assert_eq!(punjab, "does_not_apply");
    assert_eq!(listed.status, 0, "{}", listed.render());
    let listed = crate::support::validated("list", &listed.stdout);
    assert_eq!(listed[0]["jurisdiction"], "sindh");
}

/// Legislative staff read the diff as lawyers write: sections cited, courts named, overlap
/// kinds and change kinds in words, the count in the singular for one case, prose wrapped to
/// the terminal. The JSON keeps the ids.
#[test]
fn the_diff_text_speaks_as_lawyers() {
    let run = one_forum_diff("table", &[]);
    let text = unwrapped(&run.stdout);
    let book = &crate::support::program().book;
    let cited: Vec<String> = ["ptpa-2018/3", "ptpa-2018/3-2", "ptpa-2018/4", "ppc/374"]
        .iter()
        .map(|id| tipnav::statute::citation(book, id))
        .collect();
    assert!(
        text.contains(&format!(": {} [", cited.join(", "))),
        "{text}"
    );
    assert!(text.contains("PTPA 2018 s.3, PTPA 2018 s.3(2)"), "{text}");
    assert!(
        text.contains("1 case compared: 1 changed, 0 unchanged."),
        "{text}"
    );
    for id in IDS {
        assert!(!run.stdout.contains(id), "`{id}` in:\n{}", run.stdout);
    }
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    let markdown = one_forum_diff("markdown", &[]).stdout;
    for words in [
        "| Court           | 1     |",
        "| Overlap removed | 1     |",
        "Court: Special Court → Court of Session",
        "Overlap removed: forum conflict of PPC s.374, PTPA 2018 s.3",
    ] {
        assert!(markdown.contains(words), "no `{words}` in:\n{markdown}");
    }
    for id in IDS {
        assert!(!markdown.contains(id), "`{id}` in:\n{markdown}");
    }
    let json = one_forum_diff("json", &[]).stdout;
    let json = crate::support::validated("diff", &json);
    let court = &json["cases"][0]["changes"][0];
    assert_eq!(court["kind"], "court");
    assert_eq!(court["after"], "court_of_session");
    assert_eq!(json["amendments"][0]["sections"][0], "ptpa-2018/3");
}

/// Statuses and the sections most affected are in words and citations too.
#[test]
fn a_status_change_reads_in_words() {
    let run = tipnav_with(
        &[
            "diff",
            "--as-if-date",
            "2025-06-01",
            "examples/larkana-girl-sold.toml",
        ],
        &[("COLUMNS", "80")],
    );
    assert_eq!(run.status, 0, "{}", run.render());
    let text = unwrapped(&run.stdout);
    assert!(text.contains("Sections most affected"), "{text}");
    assert!(text.contains("│ PECA 2016 s.22A "), "{text}");
    assert!(
        text.contains("Status PPC s.292-C: may apply → does not"),
        "{text}"
    );
    for id in ["may_apply", "does_not_apply", "ppc/292-C", "peca-2016/22A"] {
        assert!(!run.stdout.contains(id), "`{id}` in:\n{}", run.stdout);
    }
}

/// A web address in an amendment's citation is kept whole, on a line of its own if it does
/// not fit, while the rest of the line wraps to 80 columns.
#[test]
fn an_amendment_line_wraps_and_keeps_its_web_address_whole() {
    let dir = std::env::temp_dir().join(format!("tipnav-amend-url-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let overlay = dir.join("repeal-371b.rules");
    let address =
        "https://example.org/amendments/2026/a-long-address-for-the-repeal-of-ppc-371-b.html";
    std::fs::write(
        &overlay,
        format!("amendment test-repeal \"Test: repeal PPC 371-B\" {{\n    effective 2020-01-01\n    status proposal\n    cite \"the bill as tabled, {address}\"\n}}\n\nrepeal ppc/371-B cite \"test\"\n"),
    )
    .unwrap();
    let run = tipnav_with(
        &["diff", "--amend", overlay.to_str().unwrap(), KENYAN],
        &[("COLUMNS", "80")],
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(run.status, 0, "{}", run.render());
    assert!(
        run.stdout.contains(&format!("\n  {address}")),
        "{}",
        run.stdout
    );
    assert!(
        unwrapped(&run.stdout).contains("- Test: repeal PPC 371-B (proposal, effective 2020-01-01): PPC s.371-B [the bill as tabled,"),
        "{}",
        run.stdout
    );
    for line in run.stdout.lines().filter(|l| !l.contains("://")) {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

/// A shipped scenario without `case.date`.
const UNDATED: &str = "examples/scenarios/input-undated-fake-job-saudi.toml";

/// `tipnav diff ARGS... --format FORMAT` at 80 columns, unwrapped.
fn diff_text(args: &[&str], format: &str) -> String {
    let args = [args, &["--format", format]].concat();
    let run = tipnav_with(&args, &[("COLUMNS", "80")]);
    assert_eq!(run.status, 0, "{}", run.render());
    unwrapped(&run.stdout)
}

/// That `diff ARGS` says `said` in the table and Markdown, and counts one undated case read
/// on `today` in JSON, which it returns.
fn says_one_undated_case(args: &[&str], said: &str, today: &str) -> serde_json::Value {
    for format in ["table", "markdown"] {
        let text = diff_text(args, format);
        assert!(text.contains(said), "{format}:\n{text}");
    }
    let json = diff_json(&[args, &["--format", "json"]].concat());
    assert_eq!(json["undated_cases"], 1);
    assert_eq!(json["undated_date"], today);
    json
}

/// "Each case is read on its own date" was not true of a case without `case.date`: it was
/// read on today's date in silence. The diff now says how many such cases there were and on
/// which day, in every format, and JSON counts them.
#[test]
fn a_diff_says_which_cases_were_read_on_todays_law_for_want_of_a_date() {
    let today = tipnav::pipeline::today().to_string();
    // With an overlay and no date: both runs read the undated case on today's date.
    let args = ["diff", "--amend", "one-forum", UNDATED];
    let said =
        format!("1 case gives no case.date: it was read under the law in force today, {today}.");
    let json = says_one_undated_case(&args, &said, &today);
    assert!(json["method"].as_str().unwrap().ends_with(&said), "{json}");
    // With --as-if-date alone: the base run reads it on today, the other on that date.
    let args = ["diff", "--as-if-date", "2015-01-01", UNDATED];
    let said = format!(
        "1 case gives no case.date: its own date was taken to be today, {today}, so it is compared between the law in force today and the law in force on 2015-01-01."
    );
    says_one_undated_case(&args, &said, &today);
    // With both, every case is read on --as-if-date in both runs: nothing to add, and no day.
    let args = [&ONE_FORUM_IN_FORCE[..], &[UNDATED]].concat();
    let text = diff_text(&args, "table");
    assert!(
        !text.contains("case.date") && !text.contains(&today),
        "{text}"
    );
    let json = diff_json(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(json["undated_cases"], 1);
    assert_eq!(json["undated_date"], serde_json::Value::Null);
    // A dated case: nothing said.
    let json = diff_json(&["diff", "--amend", "one-forum", "--format", "json", KENYAN]);
    assert_eq!(json["undated_cases"], 0);
    assert_eq!(json["undated_date"], serde_json::Value::Null);
    assert!(!json["method"].as_str().unwrap().contains("case.date"));
}

/// Several undated cases are counted in the plural, and the sentence is in Urdu in Urdu.
#[test]
fn undated_cases_are_counted_in_the_plural_and_in_urdu() {
    let dir = std::env::temp_dir().join(format!("tipnav-diff-undated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["a.toml", "b.toml"] {
        std::fs::copy(UNDATED, dir.join(name)).unwrap();
    }
    std::fs::copy(KENYAN, dir.join("dated.toml")).unwrap();
    let folder = dir.to_str().unwrap();
    let today = tipnav::pipeline::today().to_string();
    let text = diff_text(&["diff", "--amend", "one-forum", folder], "table");
    let urdu = diff_text(
        &["diff", "--lang", "ur", "--amend", "one-forum", folder],
        "markdown",
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        text.contains(&format!(
            "2 cases give no case.date: they were read under the law in force today, {today}."
        )),
        "{text}"
    );
    assert!(
        urdu.contains(&format!(
            "2 مقدمات میں case.date نہیں دی گئی: انہیں آج، {today}، نافذ قانون کے تحت پڑھا گیا۔"
        )),
        "{urdu}"
    );
}

/// Without an overlay nothing amends the law: the header named a "base law" and an "amended
/// law" with the same digest twice. It names one law now; JSON keeps both digests.
#[test]
fn a_diff_by_date_alone_names_one_law() {
    let args = [
        "diff",
        "--as-if-date",
        "2025-06-01",
        "examples/larkana-girl-sold.toml",
    ];
    for format in ["table", "markdown"] {
        let text = diff_text(&args, format);
        let header = text.lines().next().unwrap();
        assert!(
            header.starts_with("tipnav ") && header.contains(" · law sha256:"),
            "{format}: {header}"
        );
        assert!(
            !text.contains("amended law sha256") && !text.contains("base law sha256"),
            "{format}:\n{text}"
        );
    }
    let json = diff_json(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(json["base_digest"], json["digest"]);
    let text = diff_text(&["diff", "--amend", "one-forum", KENYAN], "table");
    let header = text.lines().next().unwrap();
    assert!(
        header.contains(" · base law sha256:") && header.contains(" · amended law sha256:"),
        "{header}"
    );
}

/// A court the facts leave open is "none settled", not "none": "Court: none → Court of
/// Session" read as if no court could try the case before the amendment. The JSON keeps the
/// id `none` for machines.
#[test]
fn an_open_court_is_said_to_be_unsettled_not_absent() {
    let dir = std::env::temp_dir().join(format!("tipnav-diff-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // PTPA s.3 applies; whether its court is the Special Court turns on facts not given.
    let case = dir.join("open-court.toml");
    std::fs::write(
        &case,
        "[case]\ndate = 2026-06-01\n[victim]\nage = 30\n[conduct]\nacts = [\"recruit\"]\n\
         means = [\"fraud\"]\npurposes = [\"compelled_labour\"]\n",
    )
    .unwrap();
    let case = case.to_str().unwrap();
    let json = diff_json(&["diff", "--amend", "one-forum", "--format", "json", case]);
    let change = &json["cases"][0]["changes"][0];
    assert_eq!(change["kind"], "court", "{json}");
    assert_eq!(change["before"], "none");
    assert_eq!(change["words"], "Court: none settled → Court of Session");
    let text = diff_text(&["diff", "--amend", "one-forum", case], "markdown");
    assert!(
        text.contains("Court: none settled → Court of Session"),
        "{text}"
    );
    let urdu = diff_text(
        &["diff", "--amend", "one-forum", "--lang", "ur", case],
        "markdown",
    );
    assert!(urdu.contains("کوئی طے شدہ نہیں"), "{urdu}");
    std::fs::remove_dir_all(&dir).unwrap();
}
