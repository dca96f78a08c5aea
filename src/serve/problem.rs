//! A bad request's answer: a 4xx status with the same diagnostics the command line prints, as
//! JSON (code, message, help, span with line and column). Knows nothing about the law.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use miette::Diagnostic;
use schemars::JsonSchema;
use serde::Serialize;

use crate::output::schema::SchemaVersion;

/// The body of every answer that is not a success.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorDocument {
    /// The version of the JSON contract.
    pub schema_version: SchemaVersion,
    /// Every problem found, as the command line would report it.
    pub errors: Vec<Problem>,
}

/// One diagnostic.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Problem {
    /// The diagnostic code (`facts::unknown_fact`, `request::json`).
    pub code: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when the diagnostic says.
    pub help: Option<String>,
    /// Where in the request's text (the case or the overlay) the problem is.
    pub span: Option<ProblemSpan>,
}

/// A place in the request's text.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProblemSpan {
    /// Byte offset from the start of the text.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// Line, from 1.
    pub line: usize,
    /// Column (in characters), from 1.
    pub column: usize,
    /// What is at the span.
    pub label: Option<String>,
}

/// A request that failed: the status and the diagnostics.
#[derive(Debug)]
pub struct ApiError {
    /// 400 for bad input, 413 for a body too large, 401 without the token, 503 when busy.
    pub status: StatusCode,
    /// What went wrong.
    pub errors: Vec<Problem>,
}

impl ApiError {
    /// A problem with the request itself (not its text), with a code and a message.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            errors: vec![Problem {
                code: code.to_owned(),
                message: message.into(),
                help: None,
                span: None,
            }],
        }
    }

    /// Bad input: the diagnostics the command line would print for the same text.
    pub fn from_reports(reports: &[miette::Report]) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            errors: reports.iter().map(|r| problem(r.as_ref())).collect(),
        }
    }

    /// Bad input found by a stage that has not attached its source: spans are placed in `text`.
    pub fn from_diagnostics<E: Diagnostic + Send + Sync + 'static>(
        errors: Vec<E>,
        file: &crate::source::SourceFile,
    ) -> ApiError {
        let reports: Vec<miette::Report> = errors
            .into_iter()
            .map(|e| crate::compile::attach(e, file))
            .collect();
        ApiError::from_reports(&reports)
    }
}

/// A diagnostic as JSON: its first label gives the span, placed in its own source text.
fn problem(diagnostic: &dyn Diagnostic) -> Problem {
    let label = diagnostic.labels().and_then(|mut labels| labels.next());
    let span = label.map(|label| {
        let (line, column) = diagnostic
            .source_code()
            .and_then(|source| source.read_span(label.inner(), 0, 0).ok())
            .map_or((0, 0), |contents| {
                (contents.line() + 1, contents.column() + 1)
            });
        ProblemSpan {
            offset: label.offset(),
            length: label.len(),
            line,
            column,
            label: label.label().map(str::to_owned),
        }
    });
    Problem {
        code: diagnostic
            .code()
            .map_or_else(|| "error".to_owned(), |c| c.to_string()),
        message: diagnostic.to_string(),
        help: diagnostic.help().map(|h| h.to_string()),
        span,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let document = ErrorDocument {
            schema_version: SchemaVersion,
            errors: self.errors,
        };
        (self.status, axum::Json(document)).into_response()
    }
}

impl From<crate::compile::Failure> for ApiError {
    fn from(failure: crate::compile::Failure) -> ApiError {
        ApiError::from_reports(&failure.0)
    }
}
