//! What can be wrong in a statute file. Each variant holds the span it is about; the command
//! attaches the file's text when it reports it.

use miette::Diagnostic;
use thiserror::Error;

use crate::source::Span;

/// A problem in one statute file.
#[derive(Debug, Error, Diagnostic)]
pub enum StatuteError {
    /// The file could not be read as TOML of the statute schema.
    #[error("{message}")]
    #[diagnostic(
        code(statute::schema),
        help("the statute schema is described in statutes/README.md")
    )]
    Schema {
        /// What the TOML reader said.
        message: String,
        /// Where, if known.
        #[label("here")]
        span: Option<Span>,
    },

    /// Two instruments share an id.
    #[error("instrument `{id}` is defined twice")]
    #[diagnostic(code(statute::duplicate_instrument))]
    DuplicateInstrument {
        /// The id.
        id: String,
        /// The second definition.
        #[label("defined again here")]
        span: Span,
    },

    /// Two sections share an id.
    #[error("section `{id}` is defined twice")]
    #[diagnostic(code(statute::duplicate_section))]
    DuplicateSection {
        /// The full id.
        id: String,
        /// The second definition.
        #[label("defined again here")]
        span: Span,
        /// The first definition, when in the same file.
        #[label("first defined here")]
        first: Option<Span>,
    },

    /// Two date keys share a name.
    #[error("date key `{id}` is defined twice")]
    #[diagnostic(code(statute::duplicate_date))]
    DuplicateDate {
        /// The key.
        id: String,
        /// The second definition.
        #[label("defined again here")]
        span: Span,
    },

    /// A version or instrument names a date key nobody declared.
    #[error("unknown date key `{key}`")]
    #[diagnostic(code(statute::unknown_date))]
    UnknownDate {
        /// The key as written.
        key: String,
        /// Where.
        #[label("not declared under [dates]")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// A date key's day or window is malformed.
    #[error("date key `{id}` {problem}")]
    #[diagnostic(
        code(statute::bad_date),
        help("give `on = YYYY-MM-DD`, or a window `after = YYYY-MM-DD` and `by = YYYY-MM-DD`")
    )]
    BadDate {
        /// The key.
        id: String,
        /// What is wrong.
        problem: String,
        /// Where.
        #[label("here")]
        span: Span,
    },

    /// Versions of a section overlap, leave a gap, or end before they start.
    #[error("versions of `{section}` {problem}")]
    #[diagnostic(
        code(statute::version_order),
        help("list versions oldest first; each version's `until` is the next version's `from`")
    )]
    VersionOrder {
        /// The section id.
        section: String,
        /// What is wrong.
        problem: String,
        /// The offending version.
        #[label("this version")]
        span: Span,
    },

    /// An offence version lacks a field every offence needs.
    #[error("offence `{section}` has a version without `{field}`")]
    #[diagnostic(
        code(statute::missing_offence_field),
        help(
            "offence versions carry punishment, cognizable, bailable, compoundable, court and agency"
        )
    )]
    MissingOffenceField {
        /// The section id.
        section: String,
        /// The missing key.
        field: &'static str,
        /// The version.
        #[label("missing `{field}`")]
        span: Span,
    },

    /// A punishment does not add up.
    #[error("punishment of `{section}` {problem}")]
    #[diagnostic(code(statute::bad_punishment))]
    BadPunishment {
        /// The section id.
        section: String,
        /// What is wrong.
        problem: String,
        /// Where.
        #[label("here")]
        span: Span,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },

    /// `unverified` names a field that does not exist.
    #[error("`unverified` names unknown field `{field}`")]
    #[diagnostic(code(statute::unknown_field))]
    UnknownUnverifiedField {
        /// The name as written.
        field: String,
        /// Where.
        #[label("not a version field")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// A section id that no statute file defines.
    #[error("unknown section `{id}`")]
    #[diagnostic(code(statute::unknown_section))]
    UnknownSection {
        /// As written.
        id: String,
        /// Where.
        #[label("no statute file defines this section")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// A section whose id is not a section number and that gives no `cite_as`.
    #[error("section `{section}` has no citation")]
    #[diagnostic(
        code(statute::no_citation),
        help(
            "give the section an id that is its number (`3-2` for s.3(2), `371-A`) or a `cite_as` (`cite_as = \"s.29(2), a child under 12\"`)"
        )
    )]
    NoCitation {
        /// The section id.
        section: String,
        /// Where.
        #[label("not a section number")]
        span: Span,
    },

    /// A text field that must say something is empty.
    #[error("`{field}` is empty")]
    #[diagnostic(
        code(statute::empty_field),
        help("every section and version carries its source and an account in our own words")
    )]
    Empty {
        /// The key.
        field: &'static str,
        /// Where.
        #[label("empty")]
        span: Span,
    },
}
