//! Where the law comes from: the statutes and rules compiled into the binary, or an edited
//! copy in a folder given with `--law`. Reads files; parses nothing.

use std::fs;
use std::path::Path;

pub use crate::compile::{LawFiles, digest};
use crate::source::SourceFile;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/law.rs"));
}

/// A shipped amendment overlay by name (`one-forum` for `rules/amendments/one-forum.rules`).
pub fn shipped_amendment(name: &str) -> Option<SourceFile> {
    let wanted = format!("rules/amendments/{name}.rules");
    embedded::AMENDMENTS
        .iter()
        .find(|(file, _)| *file == wanted)
        .map(|(file, text)| SourceFile::new(*file, *text))
}

/// The names of the shipped amendment overlays.
pub fn shipped_amendments() -> Vec<&'static str> {
    embedded::AMENDMENTS
        .iter()
        .filter_map(|(file, _)| {
            file.strip_prefix("rules/amendments/")
                .and_then(|f| f.strip_suffix(".rules"))
        })
        .collect()
}

/// The shipped case files, `(name, text)`: the examples and the scenario bank under
/// `examples/scenarios/`.
pub fn shipped_examples() -> &'static [(&'static str, &'static str)] {
    embedded::EXAMPLES
}

/// The law shipped with this build.
pub fn embedded() -> LawFiles {
    let files = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(name, text)| SourceFile::new(*name, *text))
            .collect()
    };
    LawFiles {
        statutes: files(embedded::STATUTES),
        rules: files(embedded::RULES),
    }
}

/// The law in a folder laid out like the repository (`DIR/statutes`, `DIR/rules`).
pub fn from_dir(dir: &Path) -> std::io::Result<LawFiles> {
    let files = LawFiles {
        statutes: read_folder(&dir.join("statutes"), "toml")?,
        rules: read_folder(&dir.join("rules"), "rules")?,
    };
    let size: usize = files
        .statutes
        .iter()
        .chain(&files.rules)
        .map(|file| file.text.len())
        .sum();
    if size as u64 > MAX_LAW_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "its statutes and rules hold more than {} MiB, the most tipnav reads as a law",
                MAX_LAW_BYTES >> 20
            ),
        ));
    }
    Ok(files)
}

/// The most text a law folder may hold (16 MiB, some thirty times the shipped law): each file
/// is bounded by [`crate::source::MAX_FILE_BYTES`], and the folder as a whole by this.
pub const MAX_LAW_BYTES: u64 = 16 << 20;

fn read_folder(dir: &Path, extension: &str) -> std::io::Result<Vec<SourceFile>> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .map_err(|error| std::io::Error::new(error.kind(), format!("{}: {error}", dir.display())))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|path| path.extension().is_some_and(|e| e == extension));
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            SourceFile::read(&path).map_err(|error| {
                std::io::Error::new(error.kind(), format!("{}: {error}", path.display()))
            })
        })
        .collect()
}

/// The shipped law as the build script compiled it (see `build.rs`); empty if it did not check.
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/law.bin"));

/// The shipped law, checked at build time: `None` if it did not check then (the caller parses
/// it again to report why).
pub fn compiled() -> Option<crate::model::Program> {
    if COMPILED.is_empty() {
        return None;
    }
    Some(postcard::from_bytes(COMPILED).expect("law.bin was written by this build's front end"))
}
