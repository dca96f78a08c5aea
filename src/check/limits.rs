//! The most a law may declare. Checking is linear in the rules, but the overlap and gap
//! analysis that `check` runs evaluates the whole law once per pair of offences and per
//! indicator, so a law far beyond the shipped one (68 facts, 98 offences, 9 indicators) would
//! take minutes. A law past a limit is refused before any of that work, at the declaration
//! that goes over it.

use super::CheckError;
use super::RuleFiles;
use crate::source::Span;
use crate::syntax::ast::Declaration;

/// The most facts (declared and derived) a law may have.
pub const MAX_FACTS: usize = 1_000;
/// The most offences and variants.
pub const MAX_OFFENCES: usize = 500;
/// The most indicators: each one costs a search for gaps.
pub const MAX_INDICATORS: usize = 100;
/// The most declarations of any kind, in all rule files together.
pub const MAX_DECLARATIONS: usize = 5_000;
/// The longest chain of derived facts, each derived from the one before.
pub const MAX_DERIVE_DEPTH: usize = 64;

/// One error per limit the rule files go over, at the first declaration past it.
pub(super) fn over_limits(files: &RuleFiles<'_>) -> Vec<(usize, CheckError)> {
    let mut counts = [
        Count::new("facts", "fact and derive declarations", MAX_FACTS),
        Count::new("offences", "offence and variant declarations", MAX_OFFENCES),
        Count::new("indicators", "indicator declarations", MAX_INDICATORS),
        Count::new("declarations", "declarations", MAX_DECLARATIONS),
    ];
    let mut errors = Vec::new();
    for &(file, rules) in files {
        for declaration in &rules.declarations {
            let kind = match declaration {
                Declaration::Fact(_) | Declaration::Derive(_) => Some(0),
                Declaration::Offence(_) => Some(1),
                Declaration::Indicator(_) => Some(2),
                _ => None,
            };
            for index in kind.into_iter().chain([3]) {
                if let Some(error) = counts[index].add(span_of(declaration)) {
                    errors.push((file, error));
                }
            }
        }
    }
    errors
}

/// A running count of one kind of declaration.
struct Count {
    what: &'static str,
    described: &'static str,
    limit: usize,
    seen: usize,
}

impl Count {
    fn new(what: &'static str, described: &'static str, limit: usize) -> Self {
        Count {
            what,
            described,
            limit,
            seen: 0,
        }
    }

    /// Counts one more; the error for the first one past the limit.
    fn add(&mut self, span: Span) -> Option<CheckError> {
        self.seen += 1;
        (self.seen == self.limit + 1).then(|| CheckError::Invalid {
            message: format!(
                "the rules declare more than {} {}, the most tipnav accepts",
                self.limit, self.what
            ),
            span,
            help: Some(format!(
                "a law may have at most {} {}; this is the first one past the limit",
                self.limit, self.described
            )),
        })
    }
}

/// The name a declaration is known by, to point a diagnostic at.
fn span_of(declaration: &Declaration) -> Span {
    match declaration {
        Declaration::Fact(d) => d.name.span,
        Declaration::Derive(d) => d.name.span,
        Declaration::Offence(d) => d.section.span,
        Declaration::Waive(d) => d.section.span,
        // The grammar requires at least one section; the cite is there if it ever did not.
        Declaration::Jurisdiction(d) => d.sections.first().map_or_else(
            || d.clauses.first().map_or(Span::default(), |c| c.cite.span),
            |s| s.span,
        ),
        Declaration::Overlap(d) => d.kind.span,
        Declaration::Precedence(d) => d.of.span,
        Declaration::Protect(d) => d.section.span,
        Declaration::Venue(d) => d.cite.span,
        Declaration::Note(d) => d.cite.span,
        Declaration::Joint(d) => d.court.span,
        Declaration::Amendment(d) => d.key.span,
        Declaration::Change(d) => d.section.span,
        Declaration::Extend(d) => d.section.span,
        Declaration::Indicator(d) => d.name.span,
    }
}
