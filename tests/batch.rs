//! `eval --batch` and `diff --batch`: one output line per input line, in order, errors on
//! exactly the bad lines, exit 2 at the end, and the same reports as single-case runs.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::{root, tipnav};

/// `n` generated case lines, every `bad`-th one spoiled (see benches/gen-cases.py).
fn generate(n: usize, bad: usize, seed: u64) -> String {
    let output = Command::new("python3")
        .arg(root().join("benches/gen-cases.py"))
        .args([
            n.to_string(),
            format!("--bad={bad}"),
            format!("--seed={seed}"),
        ])
        .output()
        .expect("python3 runs the case generator");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("generated lines are UTF-8")
}

/// Every output line, parsed and validated against the batch schema.
fn lines(stdout: &str) -> Vec<Value> {
    crate::support::validated_lines(stdout)
}

/// A report with the field that names the input (a file path, or `input:LINE`) removed.
fn without_file(mut report: Value) -> Value {
    report["case"]["file"] = Value::Null;
    report
}

#[test]
fn two_hundred_cases_one_line_each_error_on_exactly_the_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("cases.jsonl");
    std::fs::write(&input, generate(200, 37, 7)).unwrap();
    let run = tipnav(&["eval", "--batch", input.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("5 of 200 lines were bad"),
        "{}",
        run.stderr
    );
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 200);
    let bad: BTreeSet<u64> = (1..=200).filter(|n| n % 37 == 0).collect();
    for (index, line) in out.iter().enumerate() {
        let number = index as u64 + 1;
        assert_eq!(line["line"], number, "output in input order");
        let errors = line.get("errors").and_then(Value::as_array);
        if bad.contains(&number) {
            let errors = errors.unwrap_or_else(|| panic!("line {number} is bad: {line}"));
            assert!(!errors.is_empty() && errors[0]["message"].is_string());
            assert!(line.get("report").is_none());
        } else {
            assert!(errors.is_none(), "line {number} is good: {line}");
            assert_eq!(line["id"], format!("case-{number}"));
            assert_eq!(
                line["report"]["case"]["file"],
                format!("{}:{number}", input.display())
            );
        }
    }
    // The field at fault is named: the generator's wrong-type line spoils `victim.age`.
    let wrong_type = out
        .iter()
        .find(|l| l["id"] == "bad-type")
        .expect("a wrong-type line");
    assert_eq!(wrong_type["errors"][0]["field"], "victim.age");
    assert_eq!(wrong_type["errors"][0]["code"], "facts::wrong_type");

    // Every good line's report is the report `eval --format json` gives for that case alone.
    let text = std::fs::read_to_string(&input).unwrap();
    let mut files = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if bad.contains(&(index as u64 + 1)) {
            continue;
        }
        let mut case: Value = serde_json::from_str(line).unwrap();
        case.as_object_mut().unwrap().remove("id");
        let file = dir.path().join(format!("{:04}.json", index + 1));
        std::fs::write(&file, case.to_string()).unwrap();
        files.push(file.display().to_string());
    }
    // A batch report carries every section in full, as `eval --all` does.
    let mut args = vec!["eval", "--format", "json", "--all"];
    args.extend(files.iter().map(String::as_str));
    let single = tipnav(&args);
    assert_eq!(single.status, 0, "{}", single.stderr);
    let single = crate::support::validated("eval", &single.stdout);
    let single = single
        .as_array()
        .expect("several cases give an array")
        .clone();
    let batch: Vec<Value> = out
        .into_iter()
        .filter(|l| l.get("report").is_some())
        .map(|l| without_file(l["report"].clone()))
        .collect();
    assert_eq!(batch.len(), 195);
    for (number, (one, alone)) in batch.iter().zip(single).enumerate() {
        assert!(
            *one == without_file(alone),
            "report {number} differs from eval --format json --all"
        );
    }
}

/// Runs `tipnav ARGS` with `stdin` as standard input.
fn piped(args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_owned();
    let writer =
        std::thread::spawn(move || std::io::Write::write_all(&mut input, stdin.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn standard_input_gives_the_same_lines_on_one_thread_and_two() {
    let input = generate(300, 0, 3);
    let (status, one) = piped(&["eval", "--batch", "--summary", "--threads", "1"], &input);
    assert_eq!(status, 0);
    let (_, two) = piped(
        &["eval", "--batch", "-", "--summary", "--threads", "2"],
        &input,
    );
    assert_eq!(one, two);
    let out = lines(&one);
    assert_eq!(out.len(), 300);
    // The summary carries the conclusions only.
    assert!(
        out.iter()
            .all(|l| l["summary"]["applies"].is_array() && l.get("report").is_none())
    );
    assert!(out.iter().any(|l| l["summary"]["lead_agency"] == "fia"));
}

#[test]
fn diff_batch_gives_each_case_the_changes_diff_gives_its_file() {
    let examples: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| path.display().to_string())
        .collect();
    let mut jsonl = String::new();
    for path in &examples {
        let mut case: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
        case.remove("expect");
        jsonl += &serde_json::to_string(&toml_to_json(toml::Value::Table(case))).unwrap();
        jsonl.push('\n');
    }
    let args = ["diff", "--amend", "one-forum", "--as-if-date", "2026-06-01"];
    let (status, batch) = piped(&[&args[..], &["--batch"]].concat(), &jsonl);
    assert_eq!(status, 0);
    let mut files = args.to_vec();
    files.extend(["--format", "json"]);
    files.extend(examples.iter().map(String::as_str));
    let whole = tipnav(&files);
    assert_eq!(whole.status, 0, "{}", whole.stderr);
    let whole = crate::support::validated("diff", &whole.stdout);
    let changed: Vec<&Value> = whole["cases"].as_array().unwrap().iter().collect();
    assert!(!changed.is_empty(), "one-forum changes some example");
    for (line, path) in lines(&batch).iter().zip(&examples) {
        let expected = changed
            .iter()
            .find(|c| Path::new(c["file"].as_str().unwrap()) == Path::new(path))
            .map_or(Value::Array(Vec::new()), |c| c["changes"].clone());
        assert_eq!(line["diff"]["changes"], expected, "{path}");
    }
}

/// A diff line says whether its case gave no `case.date`: its `date` is then today's, not the
/// case's, wherever the case was read on its own date. Both the plan and the full reader (a
/// month as the date) say it the same way.
#[test]
fn diff_batch_lines_say_which_cases_gave_no_date() {
    let jsonl = concat!(
        r#"{"id":"undated","victim":{"age":15}}"#,
        "\n",
        r#"{"id":"dated","case":{"date":"2024-03-01"},"victim":{"age":15}}"#,
        "\n",
        r#"{"id":"month","case":{"date":"2024-03"},"victim":{"age":15}}"#,
        "\n",
    );
    let today = tipnav::pipeline::today().to_string();
    let (status, out) = piped(&["diff", "--amend", "one-forum", "--batch"], jsonl);
    assert_eq!(status, 0, "{out}");
    let lines = lines(&out);
    let read: Vec<(&str, bool, &str)> = (lines.iter())
        .map(|l| {
            let diff = &l["diff"];
            (
                l["id"].as_str().unwrap(),
                diff["undated"].as_bool().unwrap(),
                diff["date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("undated", true, today.as_str()),
            ("dated", false, "2024-03-01"),
            ("month", false, "2024-03-01")
        ]
    );
    for line in &out.lines().collect::<Vec<_>>() {
        crate::support::validated("batch", line);
    }
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::String(text),
        toml::Value::Integer(number) => Value::from(number),
        toml::Value::Float(number) => Value::from(number),
        toml::Value::Boolean(flag) => Value::Bool(flag),
        toml::Value::Datetime(date) => Value::String(date.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

#[test]
fn an_absurdly_long_line_is_an_error_line_and_the_batch_goes_on() {
    let good = generate(2, 0, 5);
    let mut good = good.lines();
    let long = format!("{{\"id\": \"{}\"}}", "x".repeat(5 << 20));
    let input = format!(
        "{}\n{long}\n{}\n",
        good.next().unwrap(),
        good.next().unwrap()
    );
    let (status, out) = piped(&["eval", "--batch", "--summary"], &input);
    assert_eq!(status, 2);
    let out = lines(&out);
    assert_eq!(out.len(), 3);
    assert!(
        out[1]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("longer than 4 MiB")
    );
    assert_eq!(out[2]["id"], "case-2");
    assert!(out[2]["summary"].is_object());
}
