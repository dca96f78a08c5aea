//! Citation form for people, ids for machines: a section's citation ("PTPA 2018 s.3(2)",
//! "PPC s.371-A") derived from the statute data, and the one resolver that turns what a person
//! types ("ppc 371a", "PTPA s.3(2)", "s.22 EO 1979") back into a section id. Every command that
//! takes a section goes through [`find_section`], so they all accept the same forms.

use super::{Section, StatuteBook};

/// The section part of a citation derived from the local part of a section id: `3-2` gives
/// `s.3(2)`, `371-A` gives `s.371-A`, `3-i` gives `s.3(i)`. `None` when the id is not a section
/// number (`bonded-labour`, `31-under-12`): such a section states its `cite_as` in the data.
pub fn section_number(local: &str) -> Option<String> {
    let mut parts = local.split('-');
    let number = parts.next()?;
    // `22A`: some Acts (PECA) number inserted sections without a dash.
    let digits = number.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || !number[digits..].chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut cite = format!("s.{number}");
    for part in parts {
        if is_letter_suffix(part) {
            cite.push_str(&format!("-{part}"));
        } else if is_subsection(part) {
            cite.push_str(&format!("({part})"));
        } else {
            return None;
        }
    }
    Some(cite)
}

/// `A` in `371-A`: a section inserted after another keeps its number with a capital letter.
fn is_letter_suffix(part: &str) -> bool {
    part.len() == 1 && part.chars().all(|c| c.is_ascii_uppercase())
}

/// `2` in `3(2)`, `i` in `3(i)`, `a` in `11(a)`: subsection numbers, small roman numerals or
/// clause letters.
fn is_subsection(part: &str) -> bool {
    let digits = !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    let roman = !part.is_empty() && part.len() <= 4 && part.chars().all(|c| "ivx".contains(c));
    let letter = part.len() == 1 && part.chars().all(|c| c.is_ascii_lowercase());
    digits || roman || letter
}

/// The local part of a section id (`3-2` in `ptpa-2018/3-2`).
fn local_part(id: &str) -> &str {
    id.rsplit_once('/').map_or(id, |(_, local)| local)
}

/// The section part of a section's citation: its `cite_as`, or the number derived from its id,
/// or (for a section an overlay inserted under an id that is no number) the id itself.
pub fn section_part(section: &Section) -> String {
    let local = local_part(&section.id);
    section
        .cite_as
        .clone()
        .or_else(|| section_number(local))
        .unwrap_or_else(|| local.to_owned())
}

/// A section's citation as people write it: the instrument's short title and the section
/// (`PTPA 2018 s.3(2)`). An id the book does not hold is returned as it is.
pub fn citation(book: &StatuteBook, id: &str) -> String {
    let Some(section) = book.sections.get(id) else {
        return id.to_owned();
    };
    let instrument = &book.instruments[section.instrument];
    format!("{} {}", instrument.short_title, section_part(section))
}

/// The section among `known` that `text` names, by id (`ppc/371-A`) or in a citation form
/// people type (`PPC 371-A`, `ppc 371a`, `PTPA s.3(2)`, `PTPA 2018 s.3(2)`, `s.22 EO 1979`).
/// On a miss or an ambiguity, the error is help text naming the nearest sections.
pub fn find_section<'a>(
    book: &StatuteBook,
    text: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Result<String, String> {
    if let Some(exact) = known.clone().find(|id| *id == text) {
        return Ok(exact.to_owned());
    }
    let wanted = tokens(text);
    let matches: Vec<&str> = known
        .clone()
        .filter(|id| !wanted.is_empty() && spellings(book, id).contains(&wanted))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).to_owned()),
        [] => Err(nearest(book, text, known)),
        many => Err(format!(
            "it could be {}: give the instrument's year or the id",
            crate::diagnostic::list_or(many.iter().copied())
        )),
    }
}

/// Help for a section nobody recognises: the nearest by id or by citation, with both forms.
fn nearest<'a>(book: &StatuteBook, text: &str, known: impl Iterator<Item = &'a str>) -> String {
    let known: Vec<&str> = known.collect();
    let citations: Vec<String> = known.iter().map(|id| citation(book, id)).collect();
    let by_citation = crate::diagnostic::did_you_mean(text, citations.iter().map(String::as_str))
        .and_then(|c| citations.iter().position(|x| x == c))
        .map(|index| known[index]);
    let by_id = crate::diagnostic::did_you_mean(text, known.iter().copied());
    match by_citation.or(by_id) {
        Some(id) => format!("did you mean `{}` ({id})?", citation(book, id)),
        None => format!(
            "give a section id (`ptpa-2018/3`) or a citation (`PTPA 2018 s.3`); `tipnav list` shows {} sections",
            known.len()
        ),
    }
}

/// Every way of writing a section that [`find_section`] accepts, as word lists: the
/// instrument (its id or short title, with or without the year) before or after the section.
fn spellings(book: &StatuteBook, id: &str) -> Vec<Vec<String>> {
    let Some(section) = book.sections.get(id) else {
        return Vec::new();
    };
    let mut numbers = vec![tokens(local_part(id)), tokens(&section_part(section))];
    numbers.dedup();
    let instrument = &book.instruments[section.instrument];
    let mut names = vec![tokens(&instrument.id), tokens(&instrument.short_title)];
    let without_year: Vec<Vec<String>> = names
        .iter()
        .map(|n| n.iter().filter(|t| !is_number(t)).cloned().collect())
        .collect();
    names.extend(without_year);
    let mut forms = Vec::new();
    for name in &names {
        for number in &numbers {
            forms.push([name.as_slice(), number].concat());
            forms.push([number.as_slice(), name].concat());
        }
    }
    forms
}

fn is_number(token: &str) -> bool {
    token.chars().all(|c| c.is_ascii_digit())
}

/// Lower-case runs of letters and of digits, without the words that only say "section"
/// (`PTPA s.3(2)` gives `ptpa 3 2`).
fn tokens(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut kind = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        let this = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphanumeric() {
            Some(false)
        } else {
            None
        };
        if this != kind && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if this.is_some() {
            current.push(c);
        }
        kind = this;
    }
    if !current.is_empty() {
        words.push(current);
    }
    words.retain(|w| !matches!(w.as_str(), "s" | "ss" | "sec" | "section"));
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers_follow_the_statute_book_style() {
        assert_eq!(section_number("3-2").as_deref(), Some("s.3(2)"));
        assert_eq!(section_number("371-A").as_deref(), Some("s.371-A"));
        assert_eq!(section_number("3-i").as_deref(), Some("s.3(i)"));
        assert_eq!(section_number("17-2").as_deref(), Some("s.17(2)"));
        assert_eq!(section_number("22A").as_deref(), Some("s.22A"));
        assert_eq!(section_number("24A-2"), Some("s.24A(2)".to_owned()));
        assert_eq!(section_number("31-under-12"), None);
        assert_eq!(section_number("bonded-labour"), None);
    }

    #[test]
    fn tokens_drop_punctuation_and_the_word_section() {
        assert_eq!(tokens("PTPA s.3(2)"), ["ptpa", "3", "2"]);
        assert_eq!(tokens("ppc 371a"), ["ppc", "371", "a"]);
        assert_eq!(tokens("s.22 EO 1979"), ["22", "eo", "1979"]);
        assert_eq!(tokens("ptpa-2018/3-2"), ["ptpa", "2018", "3", "2"]);
    }
}
