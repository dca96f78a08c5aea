//! `tipnav fmt`: the canonical layout of rule files, on copies of fixtures in a scratch folder
//! so the real files are never touched.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Run, root};

/// A scratch folder holding a copy of `tests/fixtures/fmt/NAME` as `NAME`.
fn scratch(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let path = dir.path().join(name);
    std::fs::copy(root().join("tests/fixtures/fmt").join(name), &path).expect("fixture copies");
    (dir, path)
}

/// Runs `tipnav ARGS` in `dir`, so paths in the output are relative and stable.
fn tipnav_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the tipnav binary runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// The file's inode: a rename replaces it, so an unchanged inode means nothing was written.
fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).expect("exists"))
}

fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|line| line.find("# ").map(|at| line[at..].trim_end()))
        .collect()
}

#[test]
fn check_reports_an_unformatted_file_with_exit_1_and_writes_nothing() {
    let (dir, path) = scratch("unformatted.rules");
    let before = read(&path);
    let run = tipnav_in(dir.path(), &["fmt", "--check", "unformatted.rules"]);
    assert_eq!(run.status, 1, "{}", run.render());
    assert_eq!(read(&path), before);
    insta::assert_snapshot!("fmt_check_unformatted", run.render());
}

#[test]
fn fmt_rewrites_the_file_keeping_every_comment_then_check_passes() {
    let (dir, path) = scratch("unformatted.rules");
    let before = read(&path);
    let run = tipnav_in(dir.path(), &["fmt", "unformatted.rules"]);
    assert_eq!(run.status, 0, "{}", run.render());
    assert_eq!(run.stdout, "formatted unformatted.rules\n");
    let after = read(&path);
    assert_eq!(comments(&after), comments(&before));
    insta::assert_snapshot!("fmt_formatted", after);
    let run = tipnav_in(dir.path(), &["fmt", "--check", "unformatted.rules"]);
    assert_eq!(run.status, 0, "{}", run.render());
    assert_eq!(run.stdout, "");
}

#[test]
fn fmt_is_idempotent_and_never_rewrites_a_formatted_file() {
    let (dir, path) = scratch("unformatted.rules");
    tipnav_in(dir.path(), &["fmt", "."]);
    let (once, written) = (read(&path), inode(&path));
    let run = tipnav_in(dir.path(), &["fmt", "."]);
    assert_eq!(run.status, 0, "{}", run.render());
    assert_eq!(run.stdout, "");
    assert_eq!(read(&path), once);
    assert_eq!(inode(&path), written, "an unchanged file was written again");
}

#[test]
fn a_file_that_does_not_parse_exits_2_and_is_left_alone() {
    let (dir, path) = scratch("bad.rules");
    let before = (read(&path), inode(&path));
    for args in [&["fmt", "bad.rules"][..], &["fmt", "--check", "bad.rules"]] {
        let run = tipnav_in(dir.path(), args);
        assert_eq!(run.status, 2, "{}", run.render());
        assert_eq!((read(&path), inode(&path)), before);
        insta::assert_snapshot!("fmt_bad", run.render());
    }
}

#[test]
fn a_folder_means_every_rules_file_under_it() {
    let (dir, path) = scratch("unformatted.rules");
    let nested = dir.path().join("sub/deeper");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::copy(&path, nested.join("copy.rules")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a rule file\n").unwrap();
    let run = tipnav_in(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(run.status, 1);
    let named: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("--- "))
        .collect();
    assert_eq!(
        named,
        ["--- ./sub/deeper/copy.rules", "--- ./unformatted.rules"]
    );
    assert!(run.stderr.contains("2 files are not in canonical layout"));
}

#[test]
fn the_shipped_rules_are_formatted() {
    let run = crate::support::tipnav(&["fmt", "--check"]);
    assert_eq!(run.status, 0, "{}", run.render());
}

#[test]
fn fmt_help_shows_an_example() {
    let run = crate::support::tipnav(&["fmt", "--help"]);
    assert_eq!(run.status, 0);
    assert!(
        run.stdout.contains("Example:\n  tipnav fmt"),
        "{}",
        run.stdout
    );
}
