//! The interview's questions and answers: inquire prompts at a terminal, one answer a line
//! otherwise (so an interview can be scripted). "Don't know" is always an answer.

use std::io::{BufRead, Write as _};

use inquire::{MultiSelect, Select, Text};

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
/// The choice (or, in a line answer, the word `...`) that leaves a list open: the members
/// chosen are present, the others unknown.
const OTHERS_UNKNOWN: &str = "others not known";

/// Asks one question at a terminal.
pub fn ask_terminal(fact: &Fact) -> Result<Answer, NoAnswer> {
    let question = fact.question.as_deref().unwrap_or(&fact.name);
    let stopped = |_| NoAnswer::Stopped;
    match &fact.ty {
        Type::Bool => {
            let choice = Select::new(question, vec!["yes", "no", DONT_KNOW])
                .prompt()
                .map_err(stopped)?;
            Ok(match choice {
                "yes" => Answer::Given(Value::Bool(true)),
                "no" => Answer::Given(Value::Bool(false)),
                _ => Answer::DontKnow,
            })
        }
        Type::Enum(members) => {
            let mut options: Vec<&str> = members.iter().map(String::as_str).collect();
            options.push(DONT_KNOW);
            let choice = Select::new(question, options).prompt().map_err(stopped)?;
            Ok(member_index(members, choice)
                .map_or(Answer::DontKnow, |i| Answer::Given(Value::Enum(i))))
        }
        Type::Set(members) => {
            let mut options: Vec<&str> = members.iter().map(String::as_str).collect();
            options.push(OTHERS_UNKNOWN);
            options.push(DONT_KNOW);
            let help = "space to choose, enter to confirm; choose none if none applies, and `others not known` if the list may be incomplete";
            let chosen = MultiSelect::new(question, options)
                .with_help_message(help)
                .prompt()
                .map_err(stopped)?;
            if chosen.contains(&DONT_KNOW) {
                return Ok(Answer::DontKnow);
            }
            let bits = chosen
                .iter()
                .filter_map(|c| member_index(members, c))
                .fold(0u64, |b, i| b | (1 << i));
            Ok(Answer::Given(if chosen.contains(&OTHERS_UNKNOWN) {
                Value::Includes(bits)
            } else {
                Value::Set(bits)
            }))
        }
        ty => {
            let help = format!("{}; leave empty if you don't know", format_hint(ty));
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
    let _ = writeln!(
        stderr,
        "{question} [{}] ({}; ? for don't know)",
        fact.name,
        format_hint(&fact.ty)
    );
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
    if text.is_empty() || text == "?" || text.eq_ignore_ascii_case(DONT_KNOW) {
        return Ok(Answer::DontKnow);
    }
    let value = match ty {
        Type::Bool => match text.to_lowercase().as_str() {
            "yes" | "y" | "true" => Value::Bool(true),
            "no" | "n" | "false" => Value::Bool(false),
            _ => return Err("answer yes or no".into()),
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

fn member_index(members: &[String], text: &str) -> Option<u8> {
    members
        .iter()
        .position(|m| m.eq_ignore_ascii_case(text))
        .and_then(|i| u8::try_from(i).ok())
}

fn format_hint(ty: &Type) -> String {
    match ty {
        Type::Bool => "yes or no".into(),
        Type::Int { min, max } => format!("a number from {min} to {max}"),
        Type::Date => "YYYY-MM-DD".into(),
        Type::Text => "text".into(),
        Type::Enum(members) => format!("one of: {}", members.join(", ")),
        Type::Set(members) => format!(
            "any of: {}, separated by commas, or none; end with ... if there may be others",
            members.join(", ")
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
}
