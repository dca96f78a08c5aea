//! Reads gettext PO files: the entries (`msgctxt`, `msgid`, `msgstr`) with the span of each
//! translation, so `tipnav check` can point at the line a translator must fix. Knows nothing
//! about the law.
//!
//! Written here rather than taken from a crate: the PO crates read from paths or readers and
//! report no position, and `polib` 0.3 panics on a truncated line (`msgid` with no string) and
//! skips an unknown keyword without a word. The subset tipnav's files use is small: comments,
//! `msgctxt`, `msgid`, `msgstr`, continued strings and C escapes. Plural forms are refused.

use miette::Diagnostic;
use thiserror::Error;

use crate::source::Span;

/// One translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The stable id (`section ptpa-2018/3 heading`); `None` for program strings, whose
    /// English is the key.
    pub context: Option<String>,
    /// The English.
    pub english: String,
    /// The translation; empty when not yet translated.
    pub text: String,
    /// Where the `msgstr` is.
    pub span: Span,
    /// Marked `#, fuzzy`: a draft that is not used.
    pub fuzzy: bool,
}

/// A problem in a PO file.
#[derive(Debug, Error, Diagnostic, PartialEq, Eq)]
pub enum PoError {
    /// A line that is none of a comment, a keyword with a string, or a continued string.
    #[error("this line is not part of a PO entry")]
    #[diagnostic(
        code(i18n::syntax),
        help(
            "an entry is `msgctxt \"...\"` (optional), `msgid \"...\"` and `msgstr \"...\"`; comments start with `#`"
        )
    )]
    Line {
        /// The line.
        #[label("not understood")]
        span: Span,
    },
    /// A string without its closing quote or with an unknown escape.
    #[error("malformed string")]
    #[diagnostic(
        code(i18n::string),
        help(
            "strings are in double quotes; inside them write \\\" for a quote, \\\\ for a backslash and \\n for a new line"
        )
    )]
    String {
        /// The string.
        #[label("here")]
        span: Span,
    },
    /// Keywords out of order, or an entry without `msgid` or `msgstr`.
    #[error("incomplete or out-of-order entry")]
    #[diagnostic(
        code(i18n::entry),
        help(
            "each entry is `msgctxt` (optional), then `msgid`, then `msgstr`, separated from the next by a blank line"
        )
    )]
    Entry {
        /// Where the entry goes wrong.
        #[label("here")]
        span: Span,
    },
    /// The same id twice.
    #[error("`{key}` is translated twice")]
    #[diagnostic(code(i18n::duplicate), help("keep one of the two entries"))]
    Duplicate {
        /// `msgctxt`, or the `msgid` when there is none.
        key: String,
        /// The second entry.
        #[label("again here")]
        span: Span,
    },
}

/// Which string a line is adding to, in the order an entry gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Context,
    Id,
    Text,
}

/// An entry being read.
#[derive(Debug, Default)]
struct Draft {
    context: Option<String>,
    english: Option<String>,
    text: Option<String>,
    span: Span,
    fuzzy: bool,
    field: Option<Field>,
}

/// Parses a whole PO file. The header entry (`msgid ""`) is skipped. Every problem is
/// reported, not just the first.
pub fn parse(text: &str) -> Result<Vec<Entry>, Vec<PoError>> {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut draft = Draft::default();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let span = Span {
            start: offset,
            end: offset + line.len(),
        };
        offset += raw.len();
        if let Err(error) = read_line(line.trim(), span, &mut draft, &mut entries) {
            errors.push(error);
        }
    }
    if let Err(error) = finish(
        &mut draft,
        &mut entries,
        Span {
            start: offset,
            end: offset,
        },
    ) {
        errors.push(error);
    }
    errors.extend(duplicates(&entries));
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

fn read_line(
    line: &str,
    span: Span,
    draft: &mut Draft,
    entries: &mut Vec<Entry>,
) -> Result<(), PoError> {
    if line.is_empty() {
        return finish(draft, entries, span);
    }
    if let Some(flags) = line.strip_prefix("#,") {
        draft.fuzzy |= flags.split(',').any(|flag| flag.trim() == "fuzzy");
        return Ok(());
    }
    if line.starts_with('#') {
        return Ok(());
    }
    if line.starts_with('"') {
        let field = draft.field.ok_or(PoError::Entry { span })?;
        let value = unquote(line, span)?;
        field_mut(draft, field)
            .get_or_insert_default()
            .push_str(&value);
        return Ok(());
    }
    let (keyword, rest) = line.split_once(' ').ok_or(PoError::Line { span })?;
    let field = match keyword {
        "msgctxt" => Field::Context,
        "msgid" => Field::Id,
        "msgstr" => Field::Text,
        _ => return Err(PoError::Line { span }),
    };
    // A keyword after `msgstr` starts the next entry even without a blank line.
    if draft.field == Some(Field::Text) {
        finish(draft, entries, span)?;
    }
    if draft.field.is_some_and(|f| f >= field) || field_mut(draft, field).is_some() {
        return Err(PoError::Entry { span });
    }
    let value = unquote(rest.trim(), span)?;
    if field == Field::Text {
        draft.span = span;
    }
    *field_mut(draft, field) = Some(value);
    draft.field = Some(field);
    Ok(())
}

fn field_mut(draft: &mut Draft, field: Field) -> &mut Option<String> {
    match field {
        Field::Context => &mut draft.context,
        Field::Id => &mut draft.english,
        Field::Text => &mut draft.text,
    }
}

/// Ends the entry being read, if any; one without `msgid` or `msgstr` is an error.
fn finish(draft: &mut Draft, entries: &mut Vec<Entry>, span: Span) -> Result<(), PoError> {
    let done = std::mem::take(draft);
    if done.field.is_none() {
        return Ok(());
    }
    let (Some(english), Some(text)) = (done.english, done.text) else {
        return Err(PoError::Entry { span });
    };
    if !english.is_empty() {
        entries.push(Entry {
            context: done.context,
            english,
            text,
            span: done.span,
            fuzzy: done.fuzzy,
        });
    }
    Ok(())
}

/// The value of a quoted PO string, escapes resolved.
fn unquote(quoted: &str, span: Span) -> Result<String, PoError> {
    let bad = || PoError::String { span };
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .filter(|_| quoted.len() >= 2)
        .ok_or_else(bad)?;
    let mut value = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Err(bad()),
            '\\' => value.push(match chars.next().ok_or_else(bad)? {
                'n' => '\n',
                't' => '\t',
                '"' => '"',
                '\\' => '\\',
                _ => return Err(bad()),
            }),
            c => value.push(c),
        }
    }
    Ok(value)
}

fn duplicates(entries: &[Entry]) -> Vec<PoError> {
    let mut seen = std::collections::HashSet::new();
    entries
        .iter()
        .filter_map(|entry| {
            let key = entry.context.as_deref().unwrap_or(&entry.english);
            (!seen.insert(key)).then(|| PoError::Duplicate {
                key: key.to_owned(),
                span: entry.span,
            })
        })
        .collect()
}

/// Quotes a string as a PO file writes it.
pub fn quote(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_with_context_continuations_and_escapes() {
        let text = "msgid \"\"\nmsgstr \"Language: ur\\n\"\n\n# a note\nmsgctxt \"section a/1 heading\"\nmsgid \"Say \\\"hi\\\"\"\nmsgstr \"\"\n\"سلام\"\n\nmsgid \"yes\"\nmsgstr \"ہاں\"\n";
        let entries = parse(text).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].context.as_deref(), Some("section a/1 heading"));
        assert_eq!(entries[0].english, "Say \"hi\"");
        assert_eq!(entries[0].text, "سلام");
        assert_eq!(entries[1].text, "ہاں");
        assert_eq!(
            &text[entries[1].span.start..entries[1].span.end],
            "msgstr \"ہاں\""
        );
    }

    #[test]
    fn reports_truncated_lines_unknown_keywords_and_duplicates() {
        let errors = parse("msgid\nmsgstr \"x\"\n\nmsgstrr \"y\"\nmsgid \"a\nmsgid \"b\"\nmsgstr \"1\"\n\nmsgid \"b\"\nmsgstr \"2\"\n").unwrap_err();
        assert!(matches!(errors[0], PoError::Line { .. }), "{errors:?}");
        assert!(errors.iter().any(|e| matches!(e, PoError::String { .. })));
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, PoError::Duplicate { key, .. } if key == "b"))
        );
    }

    #[test]
    fn an_entry_without_msgstr_is_an_error() {
        assert!(matches!(
            parse("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n").unwrap_err()[..],
            [PoError::Entry { .. }]
        ));
    }

    #[test]
    fn quote_round_trips() {
        let text = "a \"b\" \\ c\nd";
        assert_eq!(unquote(&quote(text), Span::default()).unwrap(), text);
    }
}
