//! Loading the law (the shipped law, a folder of law files, amendment overlays) and naming
//! what it holds: the one place the commands, the batch runner and the web server read the law
//! from, and turn a section or instrument a person typed into an id.

use std::path::Path;

use crate::compile::{Failure, LawFiles, build_program};
use crate::law;
use crate::model::Program;
use crate::source::SourceFile;

/// Reads and checks the law, with its headings, summaries and questions in the run's
/// language. Every problem in every file is reported, not just the first.
pub fn load_law(dir: Option<&Path>, amend: &[String]) -> Result<(LawFiles, Program), Failure> {
    let (files, mut program) = load_law_in_english(dir, amend)?;
    crate::i18n::law::localize(&mut program);
    Ok((files, program))
}

/// Reads and checks the law as its files have it, in English.
pub fn load_law_in_english(
    dir: Option<&Path>,
    amend: &[String],
) -> Result<(LawFiles, Program), Failure> {
    // The shipped law as it is was checked when tipnav was built.
    if dir.is_none() && amend.is_empty() {
        if let Some(program) = law::compiled() {
            return Ok((law::embedded(), program));
        }
    }
    let files = match dir {
        Some(dir) => law::from_dir(dir).map_err(|error| Failure::io(dir, &error))?,
        None => law::embedded(),
    };
    let overlays = amend
        .iter()
        .map(|name| read_overlay(name))
        .collect::<Result<Vec<_>, _>>()?;
    let program = build_program(&files, &overlays)?;
    Ok((files, program))
}

/// An overlay file, or a shipped overlay by name (`tipnav law --amendments` lists them).
fn read_overlay(name: &str) -> Result<SourceFile, Failure> {
    let path = Path::new(name);
    if path.is_dir() {
        return Err(Failure(vec![miette::miette!(
            code = "io::folder",
            help = "--amend takes one overlay file (`.rules`) or a shipped overlay's name",
            "`{name}` is a folder, not an amendment overlay"
        )]));
    }
    if path.exists() {
        return SourceFile::read(path).map_err(|error| Failure::io(path, &error));
    }
    law::shipped_amendment(name).ok_or_else(|| {
        let shipped = law::shipped_amendments();
        let help = crate::diagnostic::suggestion_help(name, shipped.iter().copied());
        Failure(vec![miette::miette!(
            code = "io",
            help = help,
            "cannot read amendment overlay `{name}`: no such file or shipped overlay"
        )])
    })
}

/// The section among `known` that `text` names, by id or citation (`PPC 371-A`); a miss is a
/// usage error that suggests the nearest.
pub fn section_id<'a>(
    program: &Program,
    what: &str,
    text: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Result<String, Failure> {
    crate::statute::find_section(&program.book, text, known)
        .map_err(|help| unknown(what, text, help))
}

/// An id the law does not know, with a suggestion.
pub fn unknown_id<'a>(
    what: &str,
    id: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Failure {
    let help = crate::diagnostic::suggestion_help(id, known);
    unknown(what, id, help)
}

/// The usage error for a name the law does not know, with `help` naming the nearest.
fn unknown(what: &str, name: &str, help: String) -> Failure {
    Failure(vec![miette::miette!(
        code = "usage::unknown_id",
        help = help,
        "unknown {what} `{name}`"
    )])
}
