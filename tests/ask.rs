//! `tipnav ask` without a terminal: a scripted interview answers from a hand-written case and
//! gives the same report; a killed interview resumes without losing answers; the interview
//! asks no more questions than the facts the conclusions depend on.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};

use crate::support::{files, program, root, tipnav};

/// The answer a case file gives to a fact, as a line; `?` when it does not give it.
fn answer(case: &toml::Table, fact: &str) -> String {
    let mut value = toml::Value::Table(case.clone());
    for part in fact.split('.') {
        match value.get(part) {
            Some(v) => value = v.clone(),
            None => return "?".into(),
        }
    }
    match value {
        toml::Value::String(s) => s,
        toml::Value::Boolean(b) => {
            if b {
                "yes".into()
            } else {
                "no".into()
            }
        }
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(items) if items.is_empty() => "none".into(),
        toml::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(","),
        toml::Value::Float(_) | toml::Value::Table(_) => "?".into(),
    }
}

fn spawn_ask(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Answers questions from `case` until the interview ends or `stop_after` answers were given;
/// returns the facts asked and what the interview prints on stdout (the report). Stdout is read
/// on its own thread while the questions are answered: a report larger than the pipe's buffer
/// would otherwise block the interview before it closes stderr.
fn drive(
    child: &mut Child,
    case: &toml::Table,
    stop_after: Option<usize>,
) -> (Vec<String>, std::thread::JoinHandle<String>) {
    let mut stdout = child.stdout.take().unwrap();
    let report = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut text);
        text
    });
    let mut stdin = child.stdin.take().unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut asked = Vec::new();
    for line in stderr.lines() {
        let line = line.unwrap();
        let Some(fact) = line
            .split('[')
            .nth(1)
            .and_then(|rest| rest.split(']').next())
        else {
            continue;
        };
        if stop_after == Some(asked.len()) {
            break;
        }
        asked.push(fact.to_owned());
        writeln!(stdin, "{}", answer(case, fact)).unwrap();
        stdin.flush().unwrap();
    }
    (asked, report)
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tipnav-ask-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn load(path: &str) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// The statuses, lead agency and court of a case's JSON report.
fn conclusions(path: &str) -> serde_json::Value {
    let run = tipnav(&["eval", "--format", "json", path]);
    assert_eq!(run.status, 0, "{}", run.render());
    let report: serde_json::Value = crate::support::validated("eval", &run.stdout);
    let mut statuses: Vec<(String, String)> = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_owned(),
                s["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    statuses.sort();
    serde_json::json!({
        "statuses": statuses,
        "agencies": report["jurisdiction"]["agencies"],
        "court": report["jurisdiction"]["court"],
    })
}

#[test]
fn a_scripted_interview_writes_the_hand_written_case() {
    let dir = temp_dir("scripted");
    let out = dir.join("larkana.toml");
    let example = load("examples/larkana-girl-sold.toml");
    let mut child = spawn_ask(&["ask", "--out", out.to_str().unwrap()]);
    let (asked, stdout) = drive(&mut child, &example, None);
    assert!(child.wait().unwrap().success());
    let report = stdout.join().unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    let expected =
        std::fs::read_to_string(root().join("tests/fixtures/ask/larkana-interview.toml")).unwrap();
    assert_eq!(written, expected, "asked: {asked:?}");
    let by_hand = tipnav(&["eval", "tests/fixtures/ask/larkana-interview.toml"]);
    let same_file = report.replace(
        out.to_str().unwrap(),
        "tests/fixtures/ask/larkana-interview.toml",
    );
    assert_eq!(
        same_file, by_hand.stdout,
        "the interview ends with the report of the hand-written file"
    );
    assert_eq!(
        conclusions(out.to_str().unwrap())["statuses"],
        conclusions("examples/larkana-girl-sold.toml")["statuses"]
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_killed_interview_resumes_without_losing_answers() {
    let dir = temp_dir("resume");
    let out = dir.join("kiln.toml");
    let example = load("examples/brick-kiln-peshgi.toml");
    let mut child = spawn_ask(&["ask", "--out", out.to_str().unwrap()]);
    let (first, _) = drive(&mut child, &example, Some(3));
    child.kill().unwrap();
    let _ = child.wait();
    let saved: toml::Table = toml::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    for fact in &first {
        assert_eq!(
            answer(&saved, fact),
            answer(&example, fact),
            "{fact} was saved before the kill"
        );
    }
    let mut child = spawn_ask(&["ask", "--resume", out.to_str().unwrap()]);
    let (rest, _) = drive(&mut child, &example, None);
    assert!(child.wait().unwrap().success());
    assert!(
        rest.iter().all(|f| !first.contains(f)),
        "answered questions are not asked again"
    );
    let mut fresh = dir
        .join("fresh.toml")
        .into_os_string()
        .into_string()
        .unwrap();
    let mut child = spawn_ask(&["ask", "--out", &fresh]);
    let _ = drive(&mut child, &example, None);
    assert!(child.wait().unwrap().success());
    // The same facts; the layout may differ, since a resumed file is edited, not rewritten.
    let read = |path: &str| -> toml::Table {
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    assert_eq!(read(out.to_str().unwrap()), read(&fresh));
    fresh.clear();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_interview_asks_only_what_the_conclusions_depend_on() {
    let program = program();
    for path in files("examples", "toml") {
        let dir = temp_dir("count");
        let out = dir.join("case.toml");
        let example = load(&path);
        let mut child = spawn_ask(&["ask", "--out", out.to_str().unwrap()]);
        let (asked, _) = drive(&mut child, &example, None);
        assert!(child.wait().unwrap().success());
        let inputs_read: std::collections::BTreeSet<&str> = program
            .offences
            .iter()
            .flat_map(|o| {
                o.elements.iter().flat_map(|e| {
                    e.inputs
                        .iter()
                        .chain(e.waivers.iter().flat_map(|w| &w.inputs))
                })
            })
            .chain(
                program
                    .offences
                    .iter()
                    .flat_map(|o| o.clauses.iter().flat_map(|c| &c.inputs)),
            )
            .map(|&f| program.facts[f].name.as_str())
            .chain(["case.date", "case.province"])
            .collect();
        assert!(
            asked.iter().all(|f| inputs_read.contains(f.as_str())),
            "{path}: asked only facts the rules read: {asked:?}"
        );
        let unique: std::collections::BTreeSet<&String> = asked.iter().collect();
        assert_eq!(unique.len(), asked.len(), "{path}: no question twice");
        assert_eq!(
            conclusions(out.to_str().unwrap())["statuses"],
            conclusions(&path)["statuses"],
            "{path}: same conclusions"
        );
        eprintln!("{path}: {} questions", asked.len());
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn ask_never_overwrites_an_existing_file() {
    let run = tipnav(&["ask", "--out", "examples/larkana-girl-sold.toml"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
}
