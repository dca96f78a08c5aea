//! The interview's questions and answers: inquire prompts at a terminal, one answer a line
//! otherwise (so an interview can be scripted). "Don't know" is always an answer.

use std::io::{BufRead, Write as _};

use inquire::{MultiSelect, Select, Text};

use crate::i18n::{tr, trf};
use crate::model::{Fact, Type, Value};

/// What the officer answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A value.
    Given(Value),
    /// "Don't know": recorded as unknown, not asked again.
    DontKnow,
}

/// Why no answer came.
#[derive(Debug)]
pub enum NoAnswer {
    /// Ctrl-C, Escape, or the end of the scripted input: stop, keeping what was saved.
    Stopped,
    /// A scripted answer that does not fit the question.
    Invalid(String),
}

const DONT_KNOW: &str = "don't know";

/// "Don't know" as an officer may type it: English, Urdu, or Urdu in Latin letters.
const DONT_KNOW_WORDS: [&str; 4] = [DONT_KNOW, "معلوم نہیں", "pata nahi", "maloom nahi"];

/// Asks one question at a terminal, with the options in the run's language.
pub fn ask_terminal(fact: &Fact) -> Result<Answer, NoAnswer> {
    let question = fact.question.as_deref().unwrap_or(&fact.name);
    let stopped = |_| NoAnswer::Stopped;
    match &fact.ty {
        Type::Bool => {
            let options = vec![tr("yes"), tr("no"), tr("don't know")];
            let choice = Select::new(question, options)
                .raw_prompt()
                .map_err(stopped)?;
            Ok(match choice.index {
                0 => Answer::Given(Value::Bool(true)),
                1 => Answer::Given(Value::Bool(false)),
                _ => Answer::DontKnow,
            })
        }
        Type::Enum(members) => {
            let choice = Select::new(question, option_labels(fact, members))
                .raw_prompt()
                .map_err(stopped)?;
            Ok(member_at(members, choice.index)
                .map_or(Answer::DontKnow, |i| Answer::Given(Value::Enum(i))))
        }
        Type::Set(members) => {
            let help = tr(
                "space to choose, enter to confirm; choose none if none applies, and `others not known` if the list may be incomplete",
            );
            let mut options = option_labels(fact, members);
            // "Others not known" (the list is open: the members chosen are present, the others
            // unknown) sits before "don't know", the last option.
            options.insert(members.len(), tr("others not known").to_owned());
            let chosen = MultiSelect::new(question, options)
                .with_help_message(help)
                .raw_prompt()
                .map_err(stopped)?;
            if chosen.iter().any(|c| c.index == members.len() + 1) {
                return Ok(Answer::DontKnow);
            }
            let bits = chosen
                .iter()
                .filter_map(|c| member_at(members, c.index))
                .fold(0u64, |b, i| b | (1 << i));
            Ok(Answer::Given(
                if chosen.iter().any(|c| c.index == members.len()) {
                    Value::Includes(bits)
                } else {
                    Value::Set(bits)
                },
            ))
        }
        ty => {
            let help = trf(
                "{hint}; leave empty if you don't know",
                &[("hint", &format_hint(fact))],
            );
            let ty = ty.clone();
            let validator = move |text: &str| {
                Ok(match parse_line(&ty, text) {
                    Ok(_) => inquire::validator::Validation::Valid,
                    Err(message) => inquire::validator::Validation::Invalid(message.into()),
                })
            };
            let text = Text::new(question)
                .with_help_message(&help)
                .with_validator(validator)
                .prompt()
                .map_err(stopped)?;
            parse_line(&fact.ty, &text).map_err(NoAnswer::Invalid)
        }
    }
}

/// Asks one question without a terminal: the question on stderr, one answer a line on stdin.
pub fn ask_line(fact: &Fact, input: &mut impl BufRead) -> Result<Answer, NoAnswer> {
    let question = fact.question.as_deref().unwrap_or(&fact.name);
    let mut stderr = std::io::stderr().lock();
    let hint = trf(
        "({hint}; ? for don't know)",
        &[("hint", &format_hint(fact))],
    );
    let _ = writeln!(stderr, "{question} [{}] {hint}", fact.name);
    let line = read_answer(input)?;
    parse_line(&fact.ty, line.trim())
        .map_err(|message| NoAnswer::Invalid(format!("`{}`: {message}", excerpt(line.trim()))))
}

/// The longest answer read (4 KiB: a district's name or a title is far shorter). The limit
/// applies while reading, so a huge line is refused without being kept.
const MAX_ANSWER_BYTES: usize = 4 << 10;

/// One answer line: the end of the input stops the interview; a line that is too long, not
/// UTF-8 or cannot be read is an invalid answer, never a silent stop.
fn read_answer(input: &mut impl BufRead) -> Result<String, NoAnswer> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    let read = input
        .by_ref()
        .take(MAX_ANSWER_BYTES as u64 + 1)
        .read_until(b'\n', &mut bytes)
        .map_err(|error| NoAnswer::Invalid(format!("cannot read the answer: {error}")))?;
    if read == 0 {
        return Err(NoAnswer::Stopped);
    }
    if bytes.len() > MAX_ANSWER_BYTES {
        return Err(NoAnswer::Invalid(format!(
            "the answer is longer than {} KiB",
            MAX_ANSWER_BYTES >> 10
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| NoAnswer::Invalid("the answer is not UTF-8 text".to_owned()))
}

/// At most 60 characters of an answer, to quote it back.
fn excerpt(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// An answer typed as text.
pub fn parse_line(ty: &Type, text: &str) -> Result<Answer, String> {
    let text = text.trim();
    if text.is_empty()
        || text == "?"
        || DONT_KNOW_WORDS.iter().any(|w| text.eq_ignore_ascii_case(w))
    {
        return Ok(Answer::DontKnow);
    }
    let value = match ty {
        Type::Bool => match text.to_lowercase().as_str() {
            "yes" | "y" | "true" | "ہاں" | "جی ہاں" | "haan" | "han" | "haa" | "ji" => {
                Value::Bool(true)
            }
            "no" | "n" | "false" | "نہیں" | "جی نہیں" | "nahi" | "nahin" | "na" => {
                Value::Bool(false)
            }
            _ => return Err(tr("answer yes or no (ہاں or نہیں)").into()),
        },
        Type::Int { min, max } => match text.parse::<i64>() {
            Ok(n) if n >= *min && n <= *max => Value::Int(n),
            _ => return Err(format!("a whole number from {min} to {max}")),
        },
        Type::Date => Value::Date(crate::facts::parse_day(text)?),
        Type::Text => Value::Text(text.into()),
        Type::Enum(members) => Value::Enum(
            member_index(members, text).ok_or_else(|| format!("one of {}", members.join(", ")))?,
        ),
        Type::Set(members) => {
            let mut bits = 0u64;
            let mut open = false;
            if !text.eq_ignore_ascii_case("none") {
                for part in text.split([',', ' ']).filter(|p| !p.is_empty()) {
                    if part == "..." {
                        open = true;
                        continue;
                    }
                    let index = member_index(members, part)
                        .ok_or_else(|| format!("`{part}` is not one of {}", members.join(", ")))?;
                    bits |= 1 << index;
                }
            }
            if open {
                Value::Includes(bits)
            } else {
                Value::Set(bits)
            }
        }
    };
    Ok(Answer::Given(value))
}

/// The options of an enum or set fact in the run's language, then "don't know".
fn option_labels(fact: &Fact, members: &[String]) -> Vec<String> {
    members
        .iter()
        .map(|m| crate::i18n::law::option_with_gloss(fact, m))
        .chain([tr("don't know").to_owned()])
        .collect()
}

/// The member at a chosen option's position; `None` for "don't know", the last option.
fn member_at(members: &[String], index: usize) -> Option<u8> {
    (index < members.len())
        .then_some(index)
        .and_then(|i| u8::try_from(i).ok())
}

fn member_index(members: &[String], text: &str) -> Option<u8> {
    members
        .iter()
        .position(|m| m.eq_ignore_ascii_case(text))
        .and_then(|i| u8::try_from(i).ok())
}

/// What an answer looks like; an option the vocabulary glosses is followed by what it means
/// (the question stays the question, and the line interview keeps one line per question).
fn format_hint(fact: &Fact) -> String {
    let options = |members: &[String]| {
        members
            .iter()
            .map(|m| match crate::i18n::law::option_gloss(fact, m) {
                Some(gloss) => format!("{m} ({gloss})"),
                None => m.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &fact.ty {
        Type::Bool => tr("yes or no").into(),
        Type::Int { min, max } => trf(
            "a number from {min} to {max}",
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        Type::Date => "YYYY-MM-DD".into(),
        Type::Text => tr("text").into(),
        Type::Enum(members) => trf("one of: {options}", &[("options", &options(members))]),
        Type::Set(members) => trf(
            "any of: {options}, separated by commas, or none; end with ... if there may be others",
            &[("options", &options(members))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_answers_parse_by_type() {
        let sex: Type = Type::Enum(vec!["female".to_owned(), "male".to_owned()].into());
        assert_eq!(
            parse_line(&sex, "Female"),
            Ok(Answer::Given(Value::Enum(0)))
        );
        assert_eq!(parse_line(&sex, "?"), Ok(Answer::DontKnow));
        assert!(parse_line(&sex, "f").is_err());
        let acts: Type = Type::Set(vec!["recruit".to_owned(), "sell".to_owned()].into());
        assert_eq!(
            parse_line(&acts, "sell, recruit"),
            Ok(Answer::Given(Value::Set(0b11)))
        );
        assert_eq!(parse_line(&acts, "none"), Ok(Answer::Given(Value::Set(0))));
        assert_eq!(
            parse_line(&acts, "recruit, ..."),
            Ok(Answer::Given(Value::Includes(0b01)))
        );
        assert!(parse_line(&Type::Int { min: 0, max: 130 }, "-1").is_err());
        assert!(parse_line(&Type::Date, "2023-02-30").is_err());
    }

    #[test]
    fn urdu_answers_in_either_script() {
        for (text, value) in [
            ("ہاں", true),
            ("haan", true),
            ("نہیں", false),
            ("Nahi", false),
        ] {
            assert_eq!(
                parse_line(&Type::Bool, text),
                Ok(Answer::Given(Value::Bool(value))),
                "{text}"
            );
        }
        assert_eq!(parse_line(&Type::Bool, "معلوم نہیں"), Ok(Answer::DontKnow));
        assert!(parse_line(&Type::Bool, "shayad").is_err());
    }
}
