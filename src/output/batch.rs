//! The wire format of `eval --batch` and `diff --batch`: one JSON object per input line, a
//! report, a summary or a diff for a good line, the problems for a bad one. Every line carries
//! `schema_version`.

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
    let good = BatchLine::Good(GoodLine {
        schema_version: SchemaVersion,
        line,
        id,
        body,
    });
    serde_json::to_string(&good).expect("reports are plain data")
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
