//! Where the law comes from: the statutes and rules compiled into the binary, or an edited
//! copy in a folder given with `--law`. Reads files; parses nothing.

use std::fs;
use std::path::Path;

use crate::source::SourceFile;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/law.rs"));
}

/// The text files that make up the law.
#[derive(Debug, Clone)]
pub struct LawFiles {
    /// `statutes/*.toml`, sorted by name.
    pub statutes: Vec<SourceFile>,
    /// `rules/*.rules`, sorted by name.
    pub rules: Vec<SourceFile>,
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

/// SHA-256 over the files' names and texts, in the order given: the same law, the same digest.
pub fn digest<'a>(files: impl Iterator<Item = &'a SourceFile>) -> String {
    use sha2::{Digest as _, Sha256};
    let mut hasher = Sha256::new();
    for file in files {
        // The folder and file name, not the full path: the same law elsewhere has the same digest.
        let path = std::path::Path::new(&file.name);
        let tail: Vec<_> = path.iter().rev().take(2).collect();
        for part in tail.iter().rev() {
            hasher.update(part.as_encoded_bytes());
            hasher.update(b"/");
        }
        hasher.update([0]);
        hasher.update(file.text.as_bytes());
        hasher.update([0]);
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("sha256:{hex}")
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
    Ok(LawFiles {
        statutes: read_folder(&dir.join("statutes"), "toml")?,
        rules: read_folder(&dir.join("rules"), "rules")?,
    })
}

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
