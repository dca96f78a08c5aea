//! Hostile input and hostile surroundings (issue 13): a law folder with no rules, endless
//! streams, link loops, full disks, closed pipes, read-only and linked files, interviews that
//! end early, stale files of killed runs. Each gets a diagnostic and the right exit code, and
//! nothing a user wrote is lost or touched.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{root, tipnav};

/// A run of the binary with `stdin` as input, from `dir`.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tipnav binary runs");
    let mut input = child.stdin.take().expect("piped stdin");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("tipnav ends");
    writer.join().expect("the writer ends");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A JSON Lines file of `n` small cases in `dir`.
fn batch_file(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("cases.jsonl");
    let line = "{\"case\": {\"province\": \"sindh\", \"date\": \"2024-01-01\"}, \"victim\": {\"age\": 15}}\n";
    fs::write(&path, line.repeat(n)).unwrap();
    path
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("a scratch folder")
}

fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

/// A copy of the shipped law in `dir/law`, to break.
fn law_copy(dir: &Path) -> PathBuf {
    let law = dir.join("law");
    for folder in ["statutes", "rules"] {
        fs::create_dir_all(law.join(folder)).unwrap();
        for entry in fs::read_dir(root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                fs::copy(&path, law.join(folder).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    law
}

#[test]
fn a_law_folder_without_rule_files_is_a_diagnostic_not_a_panic() {
    let dir = scratch();
    let law = law_copy(dir.path());
    for entry in fs::read_dir(law.join("rules")).unwrap() {
        fs::remove_file(entry.unwrap().path()).unwrap();
    }
    let run = tipnav(&["--law", law.to_str().unwrap(), "check"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no rule file"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn fmt_reads_no_more_than_the_file_limit() {
    let run = tipnav(&["fmt", "--check", "/dev/zero"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("larger than 4 MiB"), "{}", run.stderr);
    let dir = scratch();
    let big = dir.path().join("big.rules");
    let text = "# a comment\n".repeat(450_000);
    fs::write(&big, &text).unwrap();
    let run = tipnav(&["fmt", big.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(fs::read_to_string(&big).unwrap(), text, "left as it was");
}

#[test]
fn threads_are_bounded() {
    let run = tipnav(&["eval", "--batch", "-", "--threads", "5000"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("1..=256"), "{}", run.stderr);
}

#[test]
fn a_batch_line_that_never_ends_is_refused_and_reading_stops() {
    let run = tipnav(&["eval", "--batch", "/dev/zero", "--summary"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one error line for the endless line");
    assert!(lines[0].contains("longer than 4 MiB"), "{}", lines[0]);
    assert!(run.stderr.contains("does not end"), "{}", run.stderr);
}

#[test]
fn a_long_line_among_good_ones_is_refused_and_the_rest_are_read() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"case\": {\"province\": \"sindh\"}}\n");
    input.extend(std::iter::repeat_n(b' ', 5 << 20));
    input.extend_from_slice(b"\n{\"case\": {\"province\": \"punjab\"}}\n");
    let run = run_in(&root(), &["eval", "--batch", "--summary"], &input);
    assert_eq!(run.status, 2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(lines[1].contains("longer than 4 MiB"));
    assert!(!lines[2].contains("errors"), "{}", lines[2]);
}

#[cfg(unix)]
#[test]
fn folders_are_walked_once_through_link_loops() {
    let dir = scratch();
    let cases = dir.path().join("cases");
    fs::create_dir(&cases).unwrap();
    fs::copy(example("larkana-girl-sold.toml"), cases.join("a.toml")).unwrap();
    std::os::unix::fs::symlink(".", cases.join("self")).unwrap();
    std::os::unix::fs::symlink("..", cases.join("up")).unwrap();
    std::os::unix::fs::symlink("a.toml", cases.join("b.toml")).unwrap();
    let run = tipnav(&["eval", "--format", "json", cases.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let report: serde_json::Value = crate::support::validated("eval", &run.stdout);
    assert!(report.is_object(), "one case, evaluated once");
    assert!(run.stderr.contains("leads back"), "{}", run.stderr);
}

#[test]
fn an_empty_folder_of_cases_is_said_so() {
    let dir = scratch();
    let run = tipnav(&["eval", dir.path().to_str().unwrap()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("no `.toml` or `.json` file found"),
        "{}",
        run.stderr
    );
    let run = tipnav(&["test", dir.path().to_str().unwrap()]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("nothing was tested"), "{}", run.stderr);
}

const RESUMABLE: &str = "# A case begun by hand: this comment must survive the interview.\n\
[case]\n\
title = \"Brick kiln family\" # trailing comment\n\
date = 2024-05-01\n\
province = \"punjab\"\n\
\n\
[expect]\n\
applies = []\n";

#[test]
fn resuming_an_interview_keeps_comments_and_the_expect_block() {
    let dir = scratch();
    let case = dir.path().join("case.toml");
    fs::write(&case, RESUMABLE).unwrap();
    // No answer at all: the file is left exactly as it was, and the interview is incomplete.
    let run = run_in(dir.path(), &["ask", "--resume", "case.toml"], b"");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(fs::read_to_string(&case).unwrap(), RESUMABLE);
    // One answer: written into the document, the rest kept.
    let run = run_in(dir.path(), &["ask", "--resume", "case.toml"], b"?\n");
    assert_eq!(run.status, 1, "{}", run.stderr);
    let text = fs::read_to_string(&case).unwrap();
    assert!(
        text.starts_with(RESUMABLE.lines().next().unwrap()),
        "{text}"
    );
    assert!(text.contains("# trailing comment"), "{text}");
    assert!(text.contains("[expect]"), "{text}");
    assert!(text.contains("dont_know"), "{text}");
}

#[test]
fn an_interview_that_ends_early_leaves_no_file_and_exits_non_zero() {
    let dir = scratch();
    let run = run_in(dir.path(), &["ask", "--out", "new.toml"], b"");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(!dir.path().join("new.toml").exists());
    let run = run_in(dir.path(), &["ask", "--out", "new.toml"], b"\xff\xfe\n");
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not UTF-8"), "{}", run.stderr);
    assert!(!dir.path().join("new.toml").exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn a_killed_interview_leaves_no_stale_temporary_file_on_the_next_run() {
    let dir = scratch();
    let stale = dir.path().join(".new.toml.AbC123.tipnav-tmp");
    fs::write(&stale, "half a case").unwrap();
    let mine = dir.path().join("notes.txt");
    fs::write(&mine, "mine").unwrap();
    let _ = run_in(dir.path(), &["ask", "--out", "new.toml"], b"");
    assert!(!stale.exists(), "the stale temporary file is removed");
    assert!(mine.exists(), "nothing else is touched");
}

#[test]
fn an_absurd_answer_is_refused_without_being_echoed() {
    let dir = scratch();
    let mut answer = vec![b'x'; 1 << 20];
    answer.push(b'\n');
    let run = run_in(dir.path(), &["ask", "--out", "new.toml"], &answer);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("longer than 4 KiB"), "{}", run.stderr);
    assert!(run.stderr.len() < 4096, "the answer is not echoed back");
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_error_on_standard_output_is_reported() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args(["eval", "examples/larkana-girl-sold.toml"])
        .current_dir(root())
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_error_in_batch_is_a_write_error_not_a_read_error() {
    let dir = scratch();
    let cases = batch_file(dir.path(), 10);
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args(["eval", "--batch", cases.to_str().unwrap()])
        .current_dir(root())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
    assert!(!stderr.contains("cannot read"), "{stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = scratch();
    let cases = batch_file(dir.path(), 5_000);
    for args in [
        &["list"][..],
        // Summaries, so that the run is quick; full reports write through the same writer.
        &["eval", "--batch", cases.to_str().unwrap(), "--summary"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tipnav"))
            .args(args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

const UNFORMATTED: &str =
    "derive   victim.young = victim.age < 12\n        cite \"PTPA 2018 s.2(a)\"\n";

#[cfg(unix)]
#[test]
fn fmt_writes_through_links_and_refuses_read_only_and_hard_linked_files() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = scratch();
    let real = dir.path().join("real.rules");
    fs::write(&real, UNFORMATTED).unwrap();
    let link = dir.path().join("link.rules");
    std::os::unix::fs::symlink("real.rules", &link).unwrap();
    let run = tipnav(&["fmt", link.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_ne!(
        fs::read_to_string(&real).unwrap(),
        UNFORMATTED,
        "the target is formatted"
    );

    let locked = dir.path().join("locked.rules");
    fs::write(&locked, UNFORMATTED).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o444)).unwrap();
    let run = tipnav(&["fmt", locked.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&locked).unwrap(), UNFORMATTED);

    let first = dir.path().join("first.rules");
    fs::write(&first, UNFORMATTED).unwrap();
    fs::hard_link(&first, dir.path().join("second.rules")).unwrap();
    let run = tipnav(&["fmt", first.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("hard links"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&first).unwrap(), UNFORMATTED);
}

#[test]
fn a_witness_folder_holds_only_this_runs_witnesses() {
    let dir = scratch();
    let witnesses = dir.path().join("w");
    fs::create_dir(&witnesses).unwrap();
    let mine = witnesses.join("gap-my-notes.toml");
    fs::write(&mine, "# my own notes\n").unwrap();
    let run = tipnav(&["gaps", "--witness-dir", witnesses.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let written: Vec<PathBuf> = fs::read_dir(&witnesses)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &mine)
        .collect();
    assert!(!written.is_empty());
    // An earlier run's witness that this run does not write is removed, and the user told.
    let stale = witnesses.join("gap-from-an-earlier-law.toml");
    fs::copy(&written[0], &stale).unwrap();
    let run = tipnav(&["gaps", "--witness-dir", witnesses.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!stale.exists());
    assert!(mine.exists(), "a file tipnav did not write is kept");
    assert!(run.stderr.contains("of an earlier run"), "{}", run.stderr);
}

#[test]
fn messages_say_what_is_wrong() {
    let dir = scratch();
    let file = dir.path().join("a-file");
    fs::write(&file, "").unwrap();
    let cases = [
        (vec!["--amend", "/dev/zero", "check"], "larger than 4 MiB"),
        (vec!["--amend", "examples", "check"], "is a folder"),
        (
            vec!["gaps", "--witness-dir", file.to_str().unwrap()],
            "is a file, not a folder",
        ),
        (
            vec!["diff", "--as-if-date", "xyz"],
            "not a day written as YYYY-MM-DD",
        ),
        (
            vec!["diff", "--as-if-date", "2025-06-01T10:00"],
            "not a day written as YYYY-MM-DD",
        ),
        (
            vec!["show", "ptpa-2018/3", "--date", "2025-02-30"],
            "not a day of the calendar",
        ),
        (vec!["search", ""], "nothing to search for"),
    ];
    let jsonl = batch_file(dir.path(), 1);
    for (args, expected) in cases {
        let run = tipnav(&args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    }
    let run = tipnav(&["eval", jsonl.to_str().unwrap()]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("tipnav eval --batch"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn an_interview_into_a_read_only_folder_says_it_cannot_write() {
    use std::os::unix::fs::PermissionsExt as _;
    if running_as_root() {
        return; // root writes anywhere: nothing to test
    }
    let dir = scratch();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let run = run_in(
        &root(),
        &["ask", "--out", dir.path().join("c.toml").to_str().unwrap()],
        b"?\n",
    );
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
}

/// Whether the tests run as root, for whom permissions do not bind.
fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}
