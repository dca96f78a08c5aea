//! The wire format of `eval --batch` and `diff --batch`: one JSON object per input line, a
//! report, a summary or a diff for a good line, the problems for a bad one. Every line carries
//! `schema_version`.

use crate::resolve::JointTrial;
use crate::statute::{Agency, Court};
use std::fmt::Write as _;

use miette::Diagnostic as _;
use schemars::JsonSchema;
use serde::Serialize;

use super::json::{CaseReport, CaseSummary};
use super::schema::SchemaVersion;
use crate::diff::CaseDiff;
use crate::facts::{CaseId, FactError};

/// What a good line carries.
#[derive(Serialize, JsonSchema)]
pub enum Body<'a> {
    /// The whole report (`eval --batch`).
    #[serde(rename = "report")]
    Report(Box<CaseReport>),
    /// The conclusions only (`eval --batch --summary`).
    #[serde(rename = "summary")]
    Summary(CaseSummary<'a>),
    /// What changes (`diff --batch`).
    #[serde(rename = "diff")]
    Diff(CaseDiff),
}

/// One output line: a good line or a bad one.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
pub enum BatchLine<'a> {
    /// A line that held a case.
    Good(GoodLine<'a>),
    /// A line that did not.
    Error(ErrorLine),
}

/// The output for a line that held a case.
#[derive(Serialize, JsonSchema)]
pub struct GoodLine<'a> {
    /// The version of the JSON contract.
    schema_version: SchemaVersion,
    /// The input line number, from 1.
    line: usize,
    /// The case's `id`, if the line gave one.
    id: Option<CaseId>,
    /// The report, summary or diff.
    #[serde(flatten)]
    body: Body<'a>,
}

/// The output for a line that did not hold a case.
#[derive(Serialize, JsonSchema)]
pub struct ErrorLine {
    /// The version of the JSON contract.
    schema_version: SchemaVersion,
    /// The input line number, from 1.
    line: usize,
    /// The case's `id`, if it could be read.
    id: Option<CaseId>,
    /// What is wrong with the line.
    errors: Vec<Problem>,
}

/// One problem with a line, as the diagnostic would show it.
#[derive(Serialize, JsonSchema)]
pub struct Problem {
    /// The diagnostic code (`facts::wrong_type`).
    code: String,
    /// What is wrong.
    message: String,
    /// The dotted name of the fact at fault, when there is one.
    field: Option<String>,
    /// The column (in bytes, from 1) where the problem is.
    column: Option<usize>,
    /// How to fix it.
    help: Option<String>,
}

impl Problem {
    /// A problem with the line as a whole (not JSON, empty, too long).
    pub fn whole_line(message: String) -> Problem {
        Problem {
            code: "batch::line".to_owned(),
            message,
            field: None,
            column: None,
            help: None,
        }
    }
}

impl From<&FactError> for Problem {
    fn from(error: &FactError) -> Problem {
        let column = error
            .labels()
            .and_then(|mut labels| labels.next())
            .map(|label| label.offset() + 1);
        Problem {
            code: error
                .code()
                .map_or_else(String::new, |code| code.to_string()),
            message: error.to_string(),
            field: error.field().map(str::to_owned),
            column,
            help: error.help().map(|help| help.to_string()),
        }
    }
}

/// The line for a good input line.
pub fn good_line(line: usize, id: Option<CaseId>, body: Body<'_>) -> String {
    match body {
        Body::Summary(summary) => summary_line(line, id.as_ref(), &summary),
        body => serde_line(line, id, body),
    }
}

/// A good line through serde: what [`BatchLine`]'s schema describes.
pub(crate) fn serde_line(line: usize, id: Option<CaseId>, body: Body<'_>) -> String {
    let good = BatchLine::Good(GoodLine {
        schema_version: SchemaVersion,
        line,
        id,
        body,
    });
    serde_json::to_string(&good).expect("reports are plain data")
}

/// A summary line written directly, byte for byte what [`serde_line`] writes (a test holds
/// them equal). A summary is mostly section ids and fact names, which never need escaping:
/// copying them whole instead of escaping byte by byte took a batch of summaries from about
/// 25,000 to 3,000 instructions a line under callgrind.
fn summary_line(line: usize, id: Option<&CaseId>, summary: &CaseSummary<'_>) -> String {
    // Every field named, with no `..`: a field added to the summary fails to compile here
    // until it is written, instead of being left out of the line.
    let CaseSummary {
        date,
        date_source,
        applies,
        may_apply,
        lead_agency,
        court,
        joint_trial,
        overlaps,
        unknown,
        version_uncertain,
    } = summary;
    // Room for all but the longest summaries (a line is about 1.8 KB on generated cases), so
    // the line is seldom moved while it is written.
    let mut out = String::with_capacity(4096);
    out.push_str("{\"schema_version\":");
    string(&mut out, super::schema::SCHEMA_VERSION);
    out.push_str(",\"line\":");
    write!(out, "{line}").expect("writing to a string succeeds");
    out.push_str(",\"id\":");
    match id {
        Some(id) => out.push_str(&serde_json::to_string(id).expect("ids are plain data")),
        None => out.push_str("null"),
    }
    out.push_str(",\"summary\":{\"date\":");
    string(&mut out, date);
    out.push_str(",\"date_source\":");
    string(&mut out, date_source.id());
    out.push_str(",\"applies\":");
    names(&mut out, applies);
    out.push_str(",\"may_apply\":");
    names(&mut out, may_apply);
    for (key, value) in [
        ("lead_agency", lead_agency.map(Agency::id)),
        ("court", court.map(Court::id)),
        ("joint_trial", joint_trial.map(JointTrial::id)),
    ] {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        match value {
            Some(value) => string(&mut out, value),
            None => out.push_str("null"),
        }
    }
    out.push_str(",\"overlaps\":[");
    for (n, overlap) in overlaps.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str("{\"kind\":");
        string(&mut out, overlap.kind.id());
        out.push_str(",\"sections\":");
        names(&mut out, &overlap.sections);
        out.push('}');
    }
    out.push_str("],\"unknown\":");
    names(&mut out, unknown);
    out.push_str(",\"version_uncertain\":");
    out.push_str(if *version_uncertain { "true" } else { "false" });
    out.push_str("}}");
    out
}

/// A JSON array of section ids or fact names, copied whole without looking for bytes to
/// escape: both come through the rule grammar (`section_ref` and `path` in `grammar.pest`),
/// which admits only letters, digits and `-`, `_`, `.`, `/`, none of which JSON escapes.
/// Looking cost a quarter of writing a summary under callgrind. Tests (built with debug
/// assertions) check every name written, and that the line is serde's.
fn names(out: &mut String, items: &[&str]) {
    debug_assert!(
        items.iter().all(|item| !needs_escape(item.as_bytes())),
        "a name outside the rule grammar: {items:?}"
    );
    out.reserve(items.iter().map(|item| item.len() + 3).sum::<usize>() + 2);
    out.push('[');
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(item);
        out.push('"');
    }
    out.push(']');
}

/// A JSON string: copied whole when no byte needs escaping, escaped by `serde_json` otherwise.
fn string(out: &mut String, text: &str) {
    if needs_escape(text.as_bytes()) {
        out.push_str(&serde_json::to_string(text).expect("text is plain data"));
    } else {
        out.push('"');
        out.push_str(text);
        out.push('"');
    }
}

/// Whether some byte is a control character, a quote or a backslash, eight bytes at a time
/// (the strings are short ids, too short for vector code to pay off).
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Each test is exact for "some byte": a byte's borrow can only spill into bytes above it.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH != 0;
    let zero = |word: u64| below(word, 1);
    let escapes = |word: u64| {
        below(word, 0x20) || zero(word ^ (ONES * u64::from(b'"'))) || zero(word ^ (ONES * 0x5c))
    };
    let word = |chunk: &[u8]| u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
    match bytes.len() {
        0..8 => bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\'),
        // The last word overlaps the one before it rather than copying a padded tail.
        len => {
            bytes.chunks_exact(8).any(|chunk| escapes(word(chunk)))
                || escapes(word(&bytes[len - 8..]))
        }
    }
}

/// The line for a bad input line.
pub fn error_line(line: usize, id: Option<CaseId>, errors: Vec<Problem>) -> String {
    let error = BatchLine::Error(ErrorLine {
        schema_version: SchemaVersion,
        line,
        id,
        errors,
    });
    serde_json::to_string(&error).expect("errors are plain data")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OverlapKind;
    use crate::output::json::{DateSource, OverlapSummary};

    fn summary<'a>(texts: &[&'a str], date_source: DateSource) -> CaseSummary<'a> {
        CaseSummary {
            date: "2024-02-29".to_owned(),
            date_source,
            applies: texts.to_vec(),
            may_apply: texts.iter().rev().copied().collect(),
            lead_agency: Some(Agency::Fia),
            court: None,
            joint_trial: Some(JointTrial::Open),
            overlaps: vec![
                OverlapSummary {
                    kind: OverlapKind::DuplicateOffence,
                    sections: texts.to_vec(),
                },
                OverlapSummary {
                    kind: OverlapKind::ForumConflict,
                    sections: Vec::new(),
                },
            ],
            unknown: texts.to_vec(),
            version_uncertain: date_source == DateSource::Partial,
        }
    }

    /// The direct writer and serde agree byte for byte, on text that needs escaping too (a
    /// law under an overlay may name a section anything the rule language allows).
    #[test]
    fn summary_lines_are_written_as_serde_writes_them() {
        // Section ids and fact names, as the rule grammar admits them; the case id is any text.
        let texts: &[&[&str]] = &[
            &[],
            &["ptpa-2018/3"],
            &[
                "ppc/371-A",
                "ptpa-2018/3-2",
                "victim.age",
                "movement.origin.country",
            ],
        ];
        let ids = [
            None,
            Some(CaseId::Number(-7)),
            Some(CaseId::Text("FIR \"12\"".into())),
        ];
        for texts in texts {
            for id in &ids {
                for source in [DateSource::Case, DateSource::Today, DateSource::Partial] {
                    let direct = good_line(3, id.clone(), Body::Summary(summary(texts, source)));
                    let serde = serde_line(3, id.clone(), Body::Summary(summary(texts, source)));
                    assert_eq!(direct, serde);
                }
            }
        }
    }

    /// A name the rule grammar would not admit (a quote) is caught where tests run, rather
    /// than written into a line unescaped.
    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a name outside the rule grammar")]
    fn a_name_outside_the_grammar_is_caught() {
        good_line(
            1,
            None,
            Body::Summary(summary(&["say \"no\""], DateSource::Case)),
        );
    }

    /// Every byte that JSON escapes is found at every position of a string of every length
    /// up to three words, and no other byte is.
    #[test]
    fn escapes_are_found_wherever_they_are() {
        for len in 1..24 {
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = byte;
                    let escaped = byte < 0x20 || byte == b'"' || byte == b'\\';
                    assert_eq!(needs_escape(&bytes), escaped, "{byte:#x} at {at} of {len}");
                }
            }
        }
        assert!(!needs_escape(b""));
    }
}
