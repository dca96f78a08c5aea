//! The fixed-attribute lint (issue 16, item 3): a note that states a section's penalty or
//! procedure in fixed text contradicts the section data as soon as an amendment or an overlay
//! changes it, so `tipnav check` refuses one where a `{section field}` reference could say it.
//! Finds such statements; never fills references (that is `statute::fill`).
//!
//! A statement is a penalty figure ("up to 7 years", "2 to 5 years", "Rs 350,000") or a
//! procedure word ("non-cognizable", "bailable", "compoundable") in the note's fixed text. It is
//! refused when the nearest section mentioned in the same clause (between `;` or `. `) is an
//! offence section the declaration lists or the note references: that section's data holds
//! the attribute, so the note can name it with `{id penalty}` or `{id procedure}`. A figure
//! about a section the data does not hold (a provision cited only in passing) is left alone.

use std::ops::Range;

use crate::statute::fill::{Field, references};
use crate::statute::{SectionKind, StatuteBook};

/// A penalty or procedure stated in fixed text and the offence section it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FixedAttribute {
    /// What the note says, as written.
    pub said: String,
    /// The field a reference would fill.
    pub field: Field,
    /// The section the statement is about.
    pub section: String,
}

/// Every penalty or procedure `note` states in fixed text about an offence section among
/// `listed` (the declaration's sections) or the sections its references name.
pub(super) fn fixed_attributes(
    book: &StatuteBook,
    note: &str,
    listed: &[&str],
) -> Vec<FixedAttribute> {
    let fixed = without_references(note);
    let mut sections: Vec<&str> = listed.to_vec();
    sections.extend(references(note).iter().map(|r| r.section));
    sections.retain(|id| {
        book.sections
            .get(*id)
            .is_some_and(|s| s.kind == SectionKind::Offence)
    });
    let mut found = Vec::new();
    for clause in clauses(&fixed) {
        let text = &fixed[clause.clone()];
        let mentioned = mentions(book, text, &sections);
        for (range, field) in statements(text) {
            if let Some(section) = nearest(&mentioned, &range) {
                found.push(FixedAttribute {
                    said: text[range].to_owned(),
                    field,
                    section: section.to_owned(),
                });
            }
        }
    }
    found
}

/// The note with each `{...}` reference blanked out, so its byte positions stay and a filled
/// field is never taken for fixed text.
fn without_references(note: &str) -> String {
    let mut text = note.to_owned();
    for reference in references(note).iter().rev() {
        let blank = " ".repeat(reference.range.len());
        text.replace_range(reference.range.clone(), &blank);
    }
    text
}

/// Byte ranges of the note's clauses: split at `;` and at a full stop that ends a sentence
/// (`s.3` is no sentence end).
fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        let sentence_end = byte == b'.' && bytes.get(index + 1) == Some(&b' ');
        if byte == b';' || sentence_end {
            found.push(start..index);
            start = index + 1;
        }
    }
    found.push(start..text.len());
    found
}

/// Penalty figures and procedure words in `text`, with their byte ranges.
fn statements(text: &str) -> Vec<(Range<usize>, Field)> {
    let mut found = procedure_words(text);
    found.extend(terms(text).into_iter().map(|r| (r, Field::Penalty)));
    found.extend(amounts(text).into_iter().map(|r| (r, Field::Penalty)));
    found
}

/// `cognizable`, `bailable`, `compoundable`, with a `non-` before them, as whole words.
fn procedure_words(text: &str) -> Vec<(Range<usize>, Field)> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for word in ["cognizable", "bailable", "compoundable"] {
        for (start, _) in lower.match_indices(word) {
            let end = start + word.len();
            if is_word_at(&lower, start, end) {
                let start = if lower[..start].ends_with("non-") {
                    start - 4
                } else {
                    start
                };
                found.push((start..end, Field::Procedure));
            }
        }
    }
    found
}

/// Terms of imprisonment: a number (or a range, `2 to 5`, `2-5`) before `year`, `month` or
/// `day`.
fn terms(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for unit in [" year", " month", " day"] {
        for (at, _) in text.match_indices(unit) {
            let before = &text[..at];
            let number = before.trim_end_matches(|c: char| c.is_ascii_digit());
            if number.len() == before.len() {
                continue;
            }
            let start = range_start(text, number.len());
            let end = at + unit.len() + usize::from(text[at + unit.len()..].starts_with('s'));
            found.push(start..end);
        }
    }
    found
}

/// Where a figure that ends a range starts: `2 to 5` and `2-5` start at the `2`.
fn range_start(text: &str, number_start: usize) -> usize {
    let before = &text[..number_start];
    for joint in [" to ", "-"] {
        if let Some(lead) = before.strip_suffix(joint) {
            let first = lead.trim_end_matches(|c: char| c.is_ascii_digit());
            if first.len() < lead.len() {
                return first.len();
            }
        }
    }
    number_start
}

/// Amounts of money: `Rs` or `PKR` before a figure.
fn amounts(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for currency in ["Rs ", "Rs. ", "PKR "] {
        for (start, _) in text.match_indices(currency) {
            let figure = &text[start + currency.len()..];
            let digits = figure
                .find(|c: char| !(c.is_ascii_digit() || c == ','))
                .unwrap_or(figure.len());
            let starts_word = !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if digits > 0 && starts_word {
                found.push(start..start + currency.len() + digits);
            }
        }
    }
    found
}

/// Whether `text[start..end]` is no part of a longer word.
fn is_word_at(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Where each of `sections` is mentioned in `text` by its section number (`s.371-A`,
/// `371-A`, `s.3(2)`), with the mention's byte range.
fn mentions<'s>(
    book: &StatuteBook,
    text: &str,
    sections: &[&'s str],
) -> Vec<(Range<usize>, &'s str)> {
    let mut found = Vec::new();
    for &id in sections {
        let Some(section) = book.sections.get(id) else {
            continue;
        };
        let number = crate::statute::section_part(section);
        let bare = number.strip_prefix("s.").unwrap_or(&number).to_owned();
        for form in [number.as_str(), bare.as_str()] {
            for (start, _) in text.match_indices(form) {
                let end = start + form.len();
                if is_mention_at(text, start, end)
                    && (form != bare || names_instrument(text, start, &bare))
                {
                    found.push((start..end, id));
                }
            }
        }
    }
    found
}

/// A section number stands alone: not inside a longer number or word (`s.3` in `ss.3`), and
/// not the start of a subsection or a lettered section (`3` in `3(2)` or `371-A`).
fn is_mention_at(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joined = |c: char| c.is_alphanumeric() || c == '-' || c == '/';
    !before.is_some_and(joined) && !after.is_some_and(|c| joined(c) || c == '(')
}

/// A bare number (`374`) is a section only after an instrument's short title (`PPC 374`),
/// else it may be a figure (`10` in `up to 10 years`); `371-A` and `3(2)` are sections anyway.
fn names_instrument(text: &str, start: usize, bare: &str) -> bool {
    if !bare.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let Some(before) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let word = before.rsplit(' ').next().unwrap_or_default();
    !word.is_empty() && word.chars().all(|c| c.is_ascii_uppercase())
}

/// The section mentioned nearest to a statement (by bytes between them), if any.
fn nearest<'s>(mentioned: &[(Range<usize>, &'s str)], statement: &Range<usize>) -> Option<&'s str> {
    let distance = |mention: &Range<usize>| {
        if mention.end <= statement.start {
            statement.start - mention.end
        } else {
            mention.start.saturating_sub(statement.end)
        }
    };
    let overlaps =
        |mention: &Range<usize>| mention.start < statement.end && statement.start < mention.end;
    mentioned
        .iter()
        .filter(|(range, _)| !overlaps(range))
        .min_by_key(|(range, _)| distance(range))
        .map(|(_, id)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalty_figures_and_procedure_words_are_statements() {
        let text =
            "up to 7 years, 2 to 5 years, 2-5 years, Rs 350,000; non-cognizable and bailable";
        let said: Vec<&str> = statements(text)
            .iter()
            .map(|(r, _)| &text[r.clone()])
            .collect();
        for expected in [
            "7 years",
            "2 to 5 years",
            "2-5 years",
            "Rs 350,000",
            "non-cognizable",
            "bailable",
        ] {
            assert!(said.contains(&expected), "{expected} not in {said:?}");
        }
    }

    #[test]
    fn words_that_contain_a_procedure_word_are_not_statements() {
        assert!(statements("a recognizable pattern over 18 for a year's wage").is_empty());
    }

    #[test]
    fn clauses_end_at_semicolons_and_sentences_not_at_section_dots() {
        let text = "PTPA s.3 applies; PPC s.374. Then more";
        let parts: Vec<&str> = clauses(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["PTPA s.3 applies", " PPC s.374", " Then more"]);
    }

    #[test]
    fn references_are_no_fixed_text() {
        let text = without_references("PPC 374 is {ppc/374 procedure}.");
        assert!(procedure_words(&text).is_empty());
        assert_eq!(text.len(), "PPC 374 is {ppc/374 procedure}.".len());
    }

    #[test]
    fn a_subsection_is_no_mention_of_its_section() {
        assert!(!is_mention_at("s.3(2)", 0, 3));
        assert!(is_mention_at("s.3 and", 0, 3));
        assert!(!is_mention_at("371-A", 0, 3));
    }
}
