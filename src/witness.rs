//! Witness case files (`overlaps --witness-dir`, `gaps --witness-dir`): each written
//! atomically with a first line that marks it as tipnav's, so a later run replaces exactly the
//! files an earlier run wrote and never touches anything else in the folder.

use std::fs;
use std::path::Path;

use crate::compile::Failure;

/// The first line of every witness file; only files that start with it are ever removed.
const MARK: &str = "# A witness case written by tipnav";

/// The file names tipnav gives witness cases.
const PREFIXES: [&str; 4] = ["overlap-", "group-", "declared-group-", "gap-"];

/// Makes `dir` ready for a run's witnesses: creates it, and removes the witness files an
/// earlier run wrote there (saying how many), so the folder holds this run's witnesses only.
pub(crate) fn prepare(dir: &Path) -> Result<(), Failure> {
    if dir.exists() && !dir.is_dir() {
        return Err(Failure(vec![miette::miette!(
            code = "io::not_a_folder",
            help = "--witness-dir names a folder to write witness cases into",
            "`{}` is a file, not a folder",
            dir.display()
        )]));
    }
    fs::create_dir_all(dir).map_err(|error| Failure::write(dir, &error))?;
    let entries = fs::read_dir(dir).map_err(|error| Failure::io(dir, &error))?;
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if is_earlier_witness(&path) {
            fs::remove_file(&path).map_err(|error| Failure::write(&path, &error))?;
            removed += 1;
        }
    }
    if removed > 0 {
        crate::output::print_note(&format!(
            "removed {removed} witness file{} of an earlier run from {}",
            if removed == 1 { "" } else { "s" },
            dir.display()
        ));
    }
    Ok(())
}

/// A file tipnav wrote as a witness: named as witnesses are, and starting with the mark.
fn is_earlier_witness(path: &Path) -> bool {
    let named = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|name| {
            name.ends_with(".toml") && PREFIXES.iter().any(|p| name.starts_with(p))
        });
    named && path.is_file() && starts_with_mark(path)
}

fn starts_with_mark(path: &Path) -> bool {
    use std::io::Read as _;
    let mut start = [0; MARK.len()];
    fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut start))
        .is_ok_and(|()| start == *MARK.as_bytes())
}

/// Writes one witness case into `dir`, if a folder was given; returns the path written.
pub(crate) fn write(dir: Option<&Path>, name: &str, text: &str) -> Result<Option<String>, Failure> {
    let Some(dir) = dir else { return Ok(None) };
    let path = dir.join(name);
    let text = format!("{MARK}; a later run of the same command replaces it.\n{text}");
    crate::source::write_atomically(&path, &text).map_err(|error| Failure::write(&path, &error))?;
    Ok(Some(path.display().to_string()))
}
