//! `tipnav check` for translations: every string of the law a person reads has a translation
//! in each shipped language, none is empty, a draft (`#, fuzzy`) or stale (its English no
//! longer the law's), no entry names a string the law no longer has, and placeholders
//! (`{name}`) match the English. Reads catalogs; renders nothing.

use std::collections::{BTreeSet, HashMap};

use miette::Diagnostic;
use thiserror::Error;

use super::law::{LawString, law_strings};
use super::{Area, po};
use crate::compile::Failure;
use crate::model::Program;
use crate::source::Span;

/// A problem in a translation file.
#[derive(Debug, Error, Diagnostic)]
pub enum TranslationError {
    /// A string of the law with no entry.
    #[error("no translation of `{context}`")]
    #[diagnostic(
        code(i18n::missing),
        help(
            "add to this file:\nmsgctxt {}\nmsgid {}\nmsgstr \"...\"",
            po::quote(context),
            po::quote(english)
        )
    )]
    Missing {
        /// Stable id.
        context: String,
        /// The English to translate.
        english: String,
    },
    /// An entry with an empty translation, or one marked `#, fuzzy`.
    #[error("the translation of `{key}` is empty or a draft")]
    #[diagnostic(
        code(i18n::empty),
        help("write the translation, and remove `#, fuzzy` once it is reviewed")
    )]
    Empty {
        /// Stable id or English.
        key: String,
        /// The `msgstr`.
        #[label("translate this")]
        span: Span,
    },
    /// The English changed since the translation was written.
    #[error("the English of `{context}` has changed since it was translated")]
    #[diagnostic(
        code(i18n::stale),
        help(
            "the law now says:\nmsgid {}\ncorrect the translation, then copy that msgid over the old one",
            po::quote(english)
        )
    )]
    Stale {
        /// Stable id.
        context: String,
        /// The English the law has now.
        english: String,
        /// The `msgstr`.
        #[label("translated from older English")]
        span: Span,
    },
    /// An entry for a string the law does not have.
    #[error("`{context}` is not a string of the law")]
    #[diagnostic(
        code(i18n::obsolete),
        help(
            "the section, fact or option was renamed or removed: delete the entry or correct its msgctxt"
        )
    )]
    Obsolete {
        /// Stable id.
        context: String,
        /// The entry.
        #[label("no such string")]
        span: Span,
    },
    /// Placeholders that differ from the English.
    #[error("placeholders differ from the English: {english:?} in English, {found:?} here")]
    #[diagnostic(
        code(i18n::placeholders),
        help(
            "keep every `{{name}}` of the English, spelt the same; move them where the language needs"
        )
    )]
    Placeholders {
        /// The English's placeholders.
        english: Vec<String>,
        /// The translation's.
        found: Vec<String>,
        /// The `msgstr`.
        #[label("here")]
        span: Span,
    },
}

/// Checks every shipped language against the law. With `complete` (the shipped law), missing,
/// stale and obsolete translations are errors; an edited law (`--law`) may have strings no one
/// translated yet or has reworded, which show in English, so there only broken entries count.
pub fn check(program: &Program, complete: bool) -> Result<(), Failure> {
    let expected = law_strings(program);
    let mut reports = Vec::new();
    for code in super::languages()
        .into_iter()
        .filter(|c| *c != super::ENGLISH)
    {
        let files = super::files(code);
        let mut errors = Vec::new();
        for (index, file) in files.iter().enumerate() {
            match po::parse(&file.text) {
                Ok(entries) => errors.extend(
                    check_entries(&entries, &expected, complete)
                        .into_iter()
                        .map(|e| (index, e)),
                ),
                Err(found) => reports.extend(
                    Failure::from_errors(found.into_iter().map(|e| (index, e)).collect(), &files).0,
                ),
            }
        }
        if complete {
            errors.extend(missing(&files, &expected));
        }
        reports.extend(Failure::from_errors(errors, &files).0);
    }
    if reports.is_empty() {
        Ok(())
    } else {
        Err(Failure(reports))
    }
}

/// The problems of one file's entries.
pub fn check_entries(
    entries: &[po::Entry],
    expected: &[LawString],
    complete: bool,
) -> Vec<TranslationError> {
    let by_context: HashMap<&str, &LawString> =
        expected.iter().map(|s| (s.context.as_str(), s)).collect();
    let mut errors = Vec::new();
    for entry in entries {
        let key = entry
            .context
            .clone()
            .unwrap_or_else(|| entry.english.clone());
        if entry.text.is_empty() || entry.fuzzy {
            errors.push(TranslationError::Empty {
                key,
                span: entry.span,
            });
            continue;
        }
        if let Some(context) = &entry.context {
            match by_context.get(context.as_str()) {
                Some(law) if complete && law.english != entry.english => {
                    errors.push(TranslationError::Stale {
                        context: context.clone(),
                        english: law.english.clone(),
                        span: entry.span,
                    });
                }
                None if complete => errors.push(TranslationError::Obsolete {
                    context: context.clone(),
                    span: entry.span,
                }),
                _ => {}
            }
        }
        let (english, found) = (placeholders(&entry.english), placeholders(&entry.text));
        if english != found {
            errors.push(TranslationError::Placeholders {
                english: english.into_iter().collect(),
                found: found.into_iter().collect(),
                span: entry.span,
            });
        }
    }
    errors
}

/// Law strings with no entry in their file, each reported against that file.
fn missing(
    files: &[crate::source::SourceFile],
    expected: &[LawString],
) -> Vec<(usize, TranslationError)> {
    let present: BTreeSet<String> = files
        .iter()
        .filter_map(|f| po::parse(&f.text).ok())
        .flatten()
        .filter_map(|e| e.context)
        .collect();
    let file_of = |area: Area| {
        files
            .iter()
            .position(|f| f.name.ends_with(&format!("/{}.po", area.file())))
            .unwrap_or(0)
    };
    expected
        .iter()
        .filter(|s| !present.contains(&s.context))
        .map(|s| {
            let error = TranslationError::Missing {
                context: s.context.clone(),
                english: s.english.clone(),
            };
            (file_of(s.area), error)
        })
        .collect()
}

/// The `{name}` placeholders of a string, as a set: a translation may reorder them.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if is_name(&after[..end]) => {
                found.insert(after[..end].to_owned());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    found
}

/// A program placeholder (`{court}`) or a rule note's section reference (`{ppc/374 penalty}`,
/// filled from the law in force): ASCII, starting with a letter or digit.
fn is_name(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_/.- ".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn law(context: &str, english: &str) -> LawString {
        LawString {
            context: context.to_owned(),
            english: english.to_owned(),
            area: Area::Law,
        }
    }

    fn entries(text: &str) -> Vec<po::Entry> {
        po::parse(text).unwrap()
    }

    #[test]
    fn stale_empty_obsolete_and_placeholder_errors() {
        let expected = [law("section a/1 heading", "Trafficking")];
        let found = check_entries(
            &entries(
                "msgctxt \"section a/1 heading\"\nmsgid \"Old\"\nmsgstr \"x\"\n\nmsgctxt \"section a/2 heading\"\nmsgid \"Gone\"\nmsgstr \"y\"\n\nmsgid \"Court: {court}\"\nmsgstr \"عدالت: {cort}\"\n\nmsgid \"Yes\"\nmsgstr \"\"\n",
            ),
            &expected,
            true,
        );
        let kinds: Vec<&str> = found
            .iter()
            .map(|e| match e {
                TranslationError::Stale { .. } => "stale",
                TranslationError::Obsolete { .. } => "obsolete",
                TranslationError::Placeholders { .. } => "placeholders",
                TranslationError::Empty { .. } => "empty",
                TranslationError::Missing { .. } => "missing",
            })
            .collect();
        assert_eq!(kinds, ["stale", "obsolete", "placeholders", "empty"]);
    }

    #[test]
    fn a_good_entry_passes() {
        let expected = [law("section a/1 heading", "Trafficking")];
        let good = entries(
            "msgctxt \"section a/1 heading\"\nmsgid \"Trafficking\"\nmsgstr \"انسانی اسمگلنگ\"\n\nmsgid \"{n} more\"\nmsgstr \"مزید {n}\"\n",
        );
        assert!(check_entries(&good, &expected, true).is_empty());
    }

    #[test]
    fn placeholders_are_names_in_braces() {
        assert_eq!(
            placeholders("{a} and {b_2} and {ppc/374 penalty}, not { c}, {}, {ہاں}")
                .into_iter()
                .collect::<Vec<_>>(),
            ["a", "b_2", "ppc/374 penalty"]
        );
    }
}
