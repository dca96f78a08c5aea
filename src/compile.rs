//! The front end: from the law's text files to a checked [`Program`]. Statutes are loaded,
//! rules parsed, amendment overlays applied, and the whole checked. The build script runs this
//! same module on the shipped law (see `build.rs`), so it depends on no later pipeline stage.

pub use crate::failure::Failure;
pub(crate) use crate::failure::attach;
use crate::model::Program;
use crate::source::SourceFile;
use crate::{check, overlay, statute, syntax};

/// The text files that make up the law.
#[derive(Debug, Clone)]
pub struct LawFiles {
    /// `statutes/*.toml`, sorted by name.
    pub statutes: Vec<SourceFile>,
    /// `rules/*.rules`, sorted by name.
    pub rules: Vec<SourceFile>,
}

/// Statutes, then rules (amendment overlays applied to both), then the checker. Overlay files
/// come first in the list the checker sees, so their court and agency clauses take precedence.
pub fn build_program(files: &LawFiles, overlays: &[SourceFile]) -> Result<Program, Failure> {
    if files.statutes.is_empty() || files.rules.is_empty() {
        return Err(Failure(vec![miette::miette!(
            code = "law::empty",
            help =
                "a law folder holds `statutes/*.toml` and `rules/*.rules`, as the repository does",
            "the law has no {}",
            if files.statutes.is_empty() {
                "statute file (`statutes/*.toml`)"
            } else {
                "rule file (`rules/*.rules`)"
            }
        )]));
    }
    let sources: Vec<SourceFile> = overlays.iter().chain(&files.rules).cloned().collect();
    let book = statute::load(&files.statutes);
    let mut parsed = Vec::new();
    let mut syntax_errors = Vec::new();
    for (index, file) in sources.iter().enumerate() {
        match syntax::parse(&file.text) {
            Ok(rules) => parsed.push(rules),
            Err(error) => syntax_errors.push((index, error)),
        }
    }
    let mut failure = Failure::from_errors(syntax_errors, &sources);
    let mut book = match book {
        Ok(book) => book,
        Err(errors) => {
            failure
                .0
                .splice(0..0, Failure::from_errors(errors, &files.statutes).0);
            return Err(failure);
        }
    };
    if !failure.0.is_empty() {
        return Err(failure);
    }
    let (overlay_rules, base_rules) = parsed.split_at_mut(overlays.len());
    let misplaced: Vec<_> = overlay::misplaced(base_rules)
        .into_iter()
        .map(|(index, error)| (overlays.len() + index, error))
        .collect();
    if !misplaced.is_empty() {
        return Err(Failure::from_errors(misplaced, &sources));
    }
    let amendments = overlay::apply(&mut book, base_rules, overlay_rules)
        .map_err(|errors| Failure::from_errors(errors, overlays))?;
    book.resolve_dates();
    let rule_files: Vec<(usize, &syntax::ast::RuleFile)> = parsed.iter().enumerate().collect();
    let mut program =
        check::check(&rule_files, book).map_err(|errors| Failure::from_errors(errors, &sources))?;
    program.amendments = amendments;
    program.digest = digest(files.statutes.iter().chain(&sources));
    Ok(program)
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
