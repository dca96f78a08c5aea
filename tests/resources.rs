//! Every command on adversarial input under a memory cap (2 GiB of address space, `prlimit`)
//! and a time cap (60 s, `timeout`): each ends on its own, with a diagnostic and exit 2 for bad
//! input or a result, never killed for memory or time. Skipped where `prlimit` or `timeout` are
//! missing (they come with util-linux and coreutils; CI has both).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::root;

/// What a capped run came to.
#[derive(Debug)]
struct Capped {
    status: Option<i32>,
    stderr: String,
}

fn tools_present() -> bool {
    ["prlimit", "timeout"].iter().all(|tool| {
        Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    })
}

/// Runs `tipnav ARGS` with `stdin` from a file (or nothing), capped in memory and time.
fn capped(args: &[&str], stdin: Option<&Path>) -> Capped {
    let mut command = Command::new("timeout");
    command
        .args(["--signal=KILL", "60", "prlimit", "--as=2147483648", "--"])
        .arg(env!("CARGO_BIN_EXE_tipnav"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command.stdin(match stdin {
        Some(path) => Stdio::from(fs::File::open(path).expect("the input opens")),
        None => Stdio::null(),
    });
    let output = command.output().expect("timeout runs");
    Capped {
        status: output.status.code(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Asserts a run ended on its own with `expected` and said something useful on failure.
fn assert_ends(args: &[&str], stdin: Option<&Path>, expected: i32) {
    let run = capped(args, stdin);
    assert_eq!(
        run.status,
        Some(expected),
        "{args:?} (124 or 137 or none: killed by the time or memory cap): {}",
        run.stderr.chars().take(2000).collect::<String>()
    );
    if expected == 2 {
        assert!(!run.stderr.is_empty(), "{args:?} says why");
    }
    assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
}

/// A scratch folder with adversarial files: deep nesting, a huge line, link loops, a law copy
/// whose rule file is an endless device.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        let scratch = Scratch {
            dir: tempfile::tempdir().expect("a scratch folder"),
        };
        let path = |name: &str| scratch.dir.path().join(name);
        fs::write(path("deep.toml"), "a = ".to_owned() + &"[".repeat(200_000)).unwrap();
        fs::write(
            path("deep.json"),
            "[".repeat(500_000) + &"]".repeat(500_000),
        )
        .unwrap();
        fs::write(path("empty.toml"), "").unwrap();
        fs::write(path("answers"), "?\n".repeat(10_000)).unwrap();
        let mut lines = "{\"case\": {\"province\": \"sindh\"}}\n".repeat(2_000);
        lines.push_str(&"x".repeat(5 << 20));
        fs::write(path("cases.jsonl"), lines).unwrap();
        let cases = path("loops");
        fs::create_dir(&cases).unwrap();
        fs::copy(
            root().join("examples/larkana-girl-sold.toml"),
            cases.join("a.toml"),
        )
        .unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(".", cases.join("self")).unwrap();
            std::os::unix::fs::symlink("..", cases.join("up")).unwrap();
        }
        let law = path("law");
        for folder in ["statutes", "rules"] {
            fs::create_dir_all(law.join(folder)).unwrap();
            for entry in fs::read_dir(root().join(folder)).unwrap() {
                let file = entry.unwrap().path();
                if file.is_file() {
                    fs::copy(&file, law.join(folder).join(file.file_name().unwrap())).unwrap();
                }
            }
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink("/dev/zero", law.join("rules/zero.rules")).unwrap();
        // A law with 50,000 unused derived facts, and one with a chain of 40,000.
        for (name, derive) in [
            (
                "wide",
                (|i: usize| format!("derive victim.w{i} = victim.age < 18\n    cite \"a test\"\n"))
                    as fn(usize) -> String,
            ),
            ("chain", |i: usize| {
                let before = if i == 0 {
                    "victim.age < 18".to_owned()
                } else {
                    format!("victim.c{}", i - 1)
                };
                format!("derive victim.c{i} = {before}\n    cite \"a test\"\n")
            }),
        ] {
            let copy = path(name);
            fs::create_dir_all(copy.join("rules")).unwrap();
            fs::create_dir_all(copy.join("statutes")).unwrap();
            for folder in ["statutes", "rules"] {
                for entry in fs::read_dir(root().join(folder)).unwrap() {
                    let file = entry.unwrap().path();
                    if file.is_file() {
                        fs::copy(&file, copy.join(folder).join(file.file_name().unwrap())).unwrap();
                    }
                }
            }
            let count = if name == "wide" { 50_000 } else { 40_000 };
            let text: String = (0..count).map(derive).collect();
            fs::write(copy.join("rules/extra.rules"), text).unwrap();
        }
        scratch
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn arg(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }
}

#[test]
fn every_command_ends_under_memory_and_time_caps() {
    if !tools_present() {
        eprintln!("skipped: prlimit or timeout missing");
        return;
    }
    let s = Scratch::new();
    let bad: Vec<Vec<String>> = vec![
        vec!["eval".into(), "/dev/zero".into()],
        vec!["eval".into(), s.arg("deep.toml")],
        vec!["eval".into(), s.arg("deep.json")],
        vec!["eval".into(), "--batch".into(), "/dev/zero".into()],
        vec![
            "eval".into(),
            "--batch".into(),
            s.arg("cases.jsonl"),
            "--summary".into(),
        ],
        vec![
            "diff".into(),
            "--as-if-date".into(),
            "2025-06-01".into(),
            "--batch".into(),
            "/dev/zero".into(),
        ],
        vec!["test".into(), "/dev/zero".into()],
        vec!["explain".into(), "/dev/zero".into()],
        vec!["fmt".into(), "--check".into(), "/dev/zero".into()],
        vec!["--amend".into(), "/dev/zero".into(), "check".into()],
        vec!["--amend".into(), s.arg("deep.toml"), "overlaps".into()],
        vec!["--law".into(), s.arg("law"), "check".into()],
        vec!["--law".into(), "/dev".into(), "list".into()],
        vec!["show".into(), "x".repeat(100_000)],
        vec![
            "eval".into(),
            "--batch".into(),
            "-".into(),
            "--threads".into(),
            "100000".into(),
        ],
    ];
    for args in &bad {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_ends(&args, None, 2);
    }
    for law in ["wide", "chain"] {
        assert_ends(&["--law", &s.arg(law), "check"], None, 2);
        assert_ends(
            &[
                "--law",
                &s.arg(law),
                "eval",
                "examples/larkana-girl-sold.toml",
            ],
            None,
            2,
        );
    }
    for section in ["ptpa-2018/3", "ppc/371-A", "eo-1979/22"] {
        assert_ends(
            &["explain", &s.arg("empty.toml"), "--flip", section],
            None,
            0,
        );
    }
    assert_ends(&["eval", &s.arg("loops")], None, 0);
    assert_ends(&["test", &s.arg("loops")], None, 0);
    assert_ends(
        &["ask", "--out", &s.arg("new.toml")],
        Some(Path::new("/dev/zero")),
        2,
    );
    assert_ends(
        &["ask", "--out", &s.arg("dk.toml")],
        Some(&s.path("answers")),
        0,
    );
}
