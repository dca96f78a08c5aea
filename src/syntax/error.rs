//! Syntax errors, with pest's expected-token lists turned into words a drafter reads.

use miette::Diagnostic;
use thiserror::Error;

use crate::source::Span;

/// A rule file that does not follow the grammar.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(syntax::error))]
pub struct SyntaxError {
    /// What was expected.
    pub message: String,
    /// Where the parser stopped.
    #[label("{label}")]
    pub span: Span,
    /// What is at the span.
    pub label: String,
    /// A hint, when one helps.
    #[help]
    pub help: Option<String>,
}
