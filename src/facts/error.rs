//! What can be wrong in a case file. Each variant points at the span of the key or value.

use miette::Diagnostic;
use thiserror::Error;

use crate::i18n::{tr, trf};
use crate::source::Span;

impl FactError {
    /// The dotted name of the fact at fault, when the problem is about one.
    pub fn field(&self) -> Option<&str> {
        match self {
            FactError::Syntax { .. } | FactError::Expect { .. } => None,
            FactError::UnknownFact { name, .. }
            | FactError::DerivedFact { name, .. }
            | FactError::WrongType { name, .. }
            | FactError::UnknownValue { name, .. }
            | FactError::DuplicateValue { name, .. }
            | FactError::OutOfRange { name, .. }
            | FactError::BadDate { name, .. }
            | FactError::DuplicateKey { name, .. } => Some(name),
        }
    }
}

/// A number as written, or what it is when it cannot be held at all.
fn written_number(value: Option<i64>) -> String {
    value.map_or_else(
        || tr("a number too large to read (beyond 64 bits)").to_owned(),
        |value| value.to_string(),
    )
}

/// A problem in a case file.
#[derive(Debug, Error, Diagnostic)]
pub enum FactError {
    /// Not valid TOML or JSON.
    #[error("{message}")]
    #[diagnostic(code(facts::syntax))]
    Syntax {
        /// What the reader said.
        message: String,
        /// Where.
        #[label("{}", tr("here"))]
        span: Span,
    },

    /// A key that is not a fact of the vocabulary.
    #[error("{}", trf("unknown fact `{name}`", &[("name", .name.as_str())]))]
    #[diagnostic(code(facts::unknown_fact))]
    UnknownFact {
        /// The dotted name.
        name: String,
        /// Where.
        #[label("{}", tr("not in the fact vocabulary"))]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// A derived fact given as input.
    #[error("{}", trf("`{name}` is worked out from other facts and cannot be given", &[("name", .name.as_str())]))]
    #[diagnostic(code(facts::derived_fact))]
    DerivedFact {
        /// The dotted name.
        name: String,
        /// Where.
        #[label("{}", tr("derived fact"))]
        span: Span,
        /// What to give instead.
        #[help]
        help: String,
    },

    /// A value of the wrong type.
    #[error("{}", trf("`{name}` must be {expected}, found {found}", &[("name", .name.as_str()), ("expected", .expected.as_str()), ("found", .found)]))]
    #[diagnostic(code(facts::wrong_type))]
    WrongType {
        /// The dotted name.
        name: String,
        /// The type wanted.
        expected: String,
        /// What was written.
        found: &'static str,
        /// Where.
        #[label("{}", trf("expected {expected}", &[("expected", .expected.as_str())]))]
        span: Span,
        /// The fact's question, to say what is meant.
        #[help]
        help: String,
    },

    /// An enum or set value that is not a member.
    #[error("{}", trf("`{value}` is not a value of `{name}`", &[("value", .value.as_str()), ("name", .name.as_str())]))]
    #[diagnostic(code(facts::unknown_value))]
    UnknownValue {
        /// The dotted name.
        name: String,
        /// What was written.
        value: String,
        /// Where.
        #[label("{}", tr("unknown value"))]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// A set that lists a member twice.
    #[error("{}", trf("`{value}` is listed twice in `{name}`", &[("value", .value.as_str()), ("name", .name.as_str())]))]
    #[diagnostic(code(facts::duplicate_value), help("{}", tr("list each member once")))]
    DuplicateValue {
        /// The dotted name.
        name: String,
        /// The member.
        value: String,
        /// Where.
        #[label("{}", tr("listed again here"))]
        span: Span,
    },

    /// A number outside the fact's range.
    #[error("{}", trf("`{name}` must be between {min} and {max}, found {found}", &[("name", .name.as_str()), ("min", &.min.to_string()), ("max", &.max.to_string()), ("found", &written_number(*.value))]))]
    #[diagnostic(code(facts::out_of_range))]
    OutOfRange {
        /// The dotted name.
        name: String,
        /// What was written; `None` when it is too large for 64 bits.
        value: Option<i64>,
        /// Least allowed.
        min: i64,
        /// Greatest allowed.
        max: i64,
        /// Where.
        #[label("{}", tr("out of range"))]
        span: Span,
        /// The fact's question.
        #[help]
        help: String,
    },

    /// A date that does not exist or is not a plain date.
    #[error("{}", trf("`{name}` is not a valid date: {reason}", &[("name", .name.as_str()), ("reason", .reason.as_str())]))]
    #[diagnostic(
        code(facts::bad_date),
        help(
            "{}",
            tr(
                "write dates as YYYY-MM-DD, e.g. 2023-03-10, or as YYYY-MM or YYYY when only the month or the year is known"
            )
        )
    )]
    BadDate {
        /// The dotted name.
        name: String,
        /// Why.
        reason: String,
        /// Where.
        #[label("{}", tr("invalid date"))]
        span: Span,
    },

    /// A problem in the `[expect]` block.
    #[error("{message}")]
    #[diagnostic(code(facts::expect))]
    Expect {
        /// What is wrong.
        message: String,
        /// Where.
        #[label("{}", tr("here"))]
        span: Span,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },

    /// A key given twice (JSON allows it; tipnav does not guess which one counts).
    #[error("{}", trf("`{name}` is given twice", &[("name", .name.as_str())]))]
    #[diagnostic(code(facts::duplicate_key))]
    DuplicateKey {
        /// The dotted name.
        name: String,
        /// Where.
        #[label("{}", tr("given again here"))]
        span: Span,
    },
}
