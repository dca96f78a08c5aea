//! Test helpers: run the real binary and capture what it prints, and evaluate cases through
//! the library without a process.

use std::path::{Path, PathBuf};
use std::process::Command;

use tipnav::eval::{Outcome, evaluate};
use tipnav::facts::{self, Case};
use tipnav::model::Program;
use tipnav::pipeline::law::load_law;
use tipnav::resolve::{Resolution, resolve};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a run of the binary printed.
pub(crate) struct Run {
    pub(crate) status: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// Status, stdout and stderr in one block, for snapshots.
    pub(crate) fn render(&self) -> String {
        format!(
            "status: {}\n--- stdout\n{}--- stderr\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

/// Runs `tipnav ARGS` from the repository root, without colour, at the width of a pipe
/// (whatever `COLUMNS` the test runner has).
pub(crate) fn tipnav(args: &[&str]) -> Run {
    tipnav_with(args, &[])
}

/// Runs `tipnav ARGS` as [`tipnav`] does, with these environment variables set.
pub(crate) fn tipnav_with(args: &[&str], vars: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("TIPNAV_LANG")
        .envs(vars.iter().copied())
        .output()
        .expect("the tipnav binary runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Output with the law's digest replaced, for snapshots that should not change with every edit
/// of the law (the digest itself is tested in `cli.rs`).
pub(crate) fn redact(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("sha256:") {
        out.push_str(&rest[..at + 7]);
        rest = &rest[at + 7..];
        let hex = rest.chars().take_while(char::is_ascii_hexdigit).count();
        out.push_str(if hex == 64 { "[digest]" } else { "" });
        rest = &rest[if hex == 64 { 64 } else { 0 }..];
    }
    out.push_str(rest);
    out
}

/// The shipped law, checked.
pub(crate) fn program() -> Program {
    match load_law(None, &[]) {
        Ok((_, program)) => program,
        Err(failure) => panic!("the shipped law does not check: {:?}", failure.0),
    }
}

/// A case from TOML text; panics with the diagnostics if it does not load.
pub(crate) fn case(program: &Program, toml: &str) -> Case {
    facts::load(toml, facts::Format::Toml, program)
        .unwrap_or_else(|errors| panic!("case does not load: {errors:?}"))
}

/// Evaluates and resolves a case (dated cases do not depend on `today`).
pub(crate) fn run_case(program: &Program, case: &Case) -> (Outcome, Resolution) {
    let outcome = evaluate(program, case, "2026-11-29".parse().expect("a valid date"));
    let resolution = resolve(program, &outcome);
    (outcome, resolution)
}

/// The status id of a section in an outcome.
pub(crate) fn status(program: &Program, outcome: &Outcome, section: &str) -> &'static str {
    outcome
        .sections
        .iter()
        .find(|s| s.section(program) == section)
        .map_or("missing", |s| s.status.id())
}

/// Files in a folder with an extension, sorted, as paths relative to the repository root.
pub(crate) fn files(folder: &str, extension: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(folder))
        .expect("fixture folder exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .map(|path| relative(&path))
        .collect();
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .expect("under the root")
        .display()
        .to_string()
}

/// Parses a JSON document tipnav printed and validates it against the stored schema of its
/// kind (`schema/KIND.json`, kept equal to `tipnav schema KIND` by `schema.rs`); panics with
/// every violation. Every JSON output the tests read goes through here.
pub(crate) fn validated(kind: &str, text: &str) -> serde_json::Value {
    let document: serde_json::Value = serde_json::from_str(text)
        .unwrap_or_else(|error| panic!("{kind} output is not JSON: {error}\n{text}"));
    let path = root().join("schema").join(format!("{kind}.json"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .expect("a stored schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a stored schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|error| format!("at {}: {error}", error.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{kind} output does not match schema/{kind}.json:\n{}",
        errors.join("\n")
    );
    document
}

/// Runs `tipnav ARGS`, which must succeed and print a JSON document of this kind, and returns
/// it parsed and validated (see [`validated`]).
pub(crate) fn json(kind: &str, args: &[&str]) -> serde_json::Value {
    let run = tipnav(args);
    assert_eq!(run.status, 0, "{}", run.render());
    validated(kind, &run.stdout)
}

/// Every line of a batch run's output, parsed and validated against `schema/batch.json`.
pub(crate) fn validated_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|line| validated("batch", line))
        .collect()
}

/// Prose as written before it was wrapped to the terminal: a wrapped line's continuations are
/// indented two spaces, so joining them back gives each paragraph on one line.
pub(crate) fn unwrapped(text: &str) -> String {
    text.replace("\n  ", " ")
}

/// A right-to-left page without the spans that isolate its Latin runs (they hold text only),
/// so a sentence is checked as a whole, as it was written, not in the pieces its Latin runs cut
/// it into.
pub(crate) fn without_isolation(html: &str) -> String {
    let mut pieces = html.split("<span dir=\"ltr\">");
    let mut out = pieces.next().unwrap_or_default().to_owned();
    for piece in pieces {
        out.push_str(&piece.replacen("</span>", "", 1));
    }
    out
}
