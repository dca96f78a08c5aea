//! What the checker can find wrong in rule files. Variants hold names and spans; the command
//! attaches the rule file's text when it reports them.

use miette::Diagnostic;
use thiserror::Error;

use crate::source::Span;

/// A problem in a rule file that parses but does not make sense against the statutes.
#[derive(Debug, Error, Diagnostic)]
pub enum CheckError {
    /// A fact is used but not declared.
    #[error("unknown fact `{name}`")]
    #[diagnostic(code(check::unknown_fact))]
    UnknownFact {
        /// As written.
        name: String,
        /// Where.
        #[label("not declared with `fact` or `derive`")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// A note states a section's penalty or procedure in fixed text (issue 16, item 3).
    #[error("the note states `{section}`'s {field} as fixed text: `{said}`")]
    #[diagnostic(
        code(check::fixed_attribute),
        help(
            "write `{{{section} {field}}}`: it is filled from the version in force, overlays included, so the note cannot contradict the section data"
        )
    )]
    FixedAttribute {
        /// The section the statement is about.
        section: String,
        /// `penalty` or `procedure`.
        field: &'static str,
        /// What the note says.
        said: String,
        /// The declaration's citation.
        #[label("this declaration's note")]
        span: Span,
    },

    /// A fact is declared twice.
    #[error("fact `{name}` is declared twice")]
    #[diagnostic(code(check::duplicate_fact))]
    DuplicateFact {
        /// The name.
        name: String,
        /// The second declaration.
        #[label("declared again here")]
        span: Span,
    },

    /// A rule names a section that no statute file defines.
    #[error("section `{id}` is not in the statutes")]
    #[diagnostic(code(check::unknown_section))]
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

    /// An offence rule names a section whose kind is not `offence`.
    #[error("section `{id}` is not an offence in the statutes")]
    #[diagnostic(
        code(check::not_an_offence),
        help("only sections with `kind = \"offence\"` can have elements")
    )]
    NotAnOffence {
        /// The section.
        id: String,
        /// Where.
        #[label("a procedure or protection section")]
        span: Span,
    },

    /// A section has no offence rule but a rule refers to it as one.
    #[error("section `{id}` has no `offence` rule")]
    #[diagnostic(code(check::no_offence_rule))]
    NoOffenceRule {
        /// The section.
        id: String,
        /// Where.
        #[label("declare `offence {id} {{ ... }}` first")]
        span: Span,
    },

    /// Two offence rules for one section.
    #[error("offence `{id}` is declared twice")]
    #[diagnostic(code(check::duplicate_offence))]
    DuplicateOffence {
        /// The section.
        id: String,
        /// The second declaration.
        #[label("declared again here")]
        span: Span,
    },

    /// A waiver names an element the offence does not have.
    #[error("offence `{section}` has no element `{element}`")]
    #[diagnostic(code(check::unknown_element))]
    UnknownElement {
        /// The section.
        section: String,
        /// As written.
        element: String,
        /// Where.
        #[label("no such element")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// Two elements with one name are in force at the same time.
    #[error("element `{element}` of `{section}` is declared twice for the same period")]
    #[diagnostic(
        code(check::duplicate_element),
        help(
            "give each version of an element `since` or `until` a date key, so they do not overlap"
        )
    )]
    DuplicateElement {
        /// The section.
        section: String,
        /// The element.
        element: String,
        /// The second declaration.
        #[label("declared again here")]
        span: Span,
    },

    /// A name is not a member of the fact's enum or set.
    #[error("`{member}` is not a value of `{fact}`")]
    #[diagnostic(code(check::unknown_member))]
    UnknownMember {
        /// As written.
        member: String,
        /// The fact.
        fact: String,
        /// Where.
        #[label("not declared in the fact's type")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// An expression has the wrong type for where it is used.
    #[error("expected {expected}, found {found}")]
    #[diagnostic(code(check::type_mismatch))]
    TypeMismatch {
        /// The type wanted.
        expected: String,
        /// The type found.
        found: String,
        /// Where.
        #[label("this is {found}")]
        span: Span,
    },

    /// A bare name where no enum gives it a meaning.
    #[error("`{name}` is not a fact and is not compared with an enum fact")]
    #[diagnostic(
        code(check::bare_name),
        help(
            "facts have dotted names like `victim.sex`; a bare name is an enum value, as in `victim.sex == female`"
        )
    )]
    BareName {
        /// As written.
        name: String,
        /// Where.
        #[label("bare name")]
        span: Span,
    },

    /// A date key the statutes do not declare.
    #[error("unknown date key `{key}`")]
    #[diagnostic(code(check::unknown_date))]
    UnknownDate {
        /// As written.
        key: String,
        /// Where.
        #[label("not declared in any statute file's [dates]")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// An agency, court or overlap kind that does not exist.
    #[error("unknown {what} `{name}`")]
    #[diagnostic(code(check::unknown_id))]
    UnknownId {
        /// What kind of id.
        what: &'static str,
        /// As written.
        name: String,
        /// Where.
        #[label("not a known {what}")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },

    /// Derived facts that depend on each other.
    #[error("derived fact `{name}` depends on itself: {cycle}")]
    #[diagnostic(
        code(check::cycle),
        help("break the cycle: a derived fact may only use facts defined without it")
    )]
    Cycle {
        /// The fact.
        name: String,
        /// The chain, `a -> b -> a`.
        cycle: String,
        /// Where it is declared.
        #[label("part of a cycle")]
        span: Span,
    },

    /// A declaration that is malformed in a way the grammar cannot see.
    #[error("{message}")]
    #[diagnostic(code(check::invalid))]
    Invalid {
        /// What is wrong.
        message: String,
        /// Where.
        #[label("here")]
        span: Span,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },

    /// A fact the evaluator needs is not declared (or has the wrong type).
    #[error("the rules must declare `fact {name} : {ty}`")]
    #[diagnostic(
        code(check::required_fact),
        help("`case.date` picks the version of each section in force")
    )]
    RequiredFact {
        /// The fact.
        name: &'static str,
        /// Its type.
        ty: &'static str,
    },
}
