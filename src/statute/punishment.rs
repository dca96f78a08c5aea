//! Sentences as the statutes state them: terms, fines and how they combine, with the wording
//! a reader expects ("up to 7 years, or a fine up to PKR 1,000,000, or both").

use std::fmt;

use serde::{Deserialize, Serialize};

/// The sentence a section provides.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Punishment {
    /// Imprisonment, if the text provides it.
    pub imprisonment: Option<Imprisonment>,
    /// Death is an alternative sentence.
    pub death: bool,
    /// A fine, if the text provides one.
    pub fine: Option<Fine>,
    /// How imprisonment and fine combine; present when both are.
    pub combine: Option<Combine>,
    /// The sentence is not known: the sources conflict and the text was not read, so nothing is
    /// encoded (`punishment = { not_known = true }` in the statute data).
    #[serde(default)]
    pub not_known: bool,
}

/// A term of imprisonment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Imprisonment {
    /// Minimum, if stated.
    pub min: Option<Term>,
    /// Maximum; `None` when the text states none.
    pub max: Option<Term>,
}

/// A length of imprisonment.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Term {
    /// A number of months (years are stored as 12 months each).
    Months(u32),
    /// Imprisonment for life.
    Life,
}

/// A fine in Pakistani rupees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Fine {
    /// Minimum, if stated.
    pub min: Option<u64>,
    /// Maximum; `None` when the text sets no cap.
    pub max: Option<u64>,
}

/// How imprisonment and fine combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// One or the other.
    Or,
    /// Imprisonment, or fine, or both.
    OrBoth,
    /// Both mandatory.
    And,
    /// Imprisonment, and a fine at the court's discretion.
    AndLiable,
}

impl Punishment {
    /// What is wrong with the sentence, if anything (`has a minimum term above its maximum`).
    /// The one check statute files and amendment overlays share, so neither accepts a
    /// sentence the other refuses.
    pub fn problem(&self) -> Option<&'static str> {
        let reversed_term = self
            .imprisonment
            .is_some_and(|p| matches!((p.min, p.max), (Some(a), Some(b)) if a > b));
        let reversed_fine = self
            .fine
            .is_some_and(|f| matches!((f.min, f.max), (Some(a), Some(b)) if a > b));
        match (&self.imprisonment, &self.fine, self.combine) {
            (Some(_), Some(_), None) => Some("has imprisonment and a fine but no `combine`"),
            (None, _, Some(_)) | (_, None, Some(_)) => {
                Some("has `combine` without both imprisonment and a fine")
            }
            (None, None, _) if !self.death => Some("states no sentence"),
            _ if reversed_term => Some("has a minimum term above its maximum"),
            _ if reversed_fine => Some("has a minimum fine above its maximum"),
            _ => None,
        }
    }
}

impl Combine {
    /// Every way imprisonment and fine combine, for lookups by id.
    pub const ALL: [Combine; 4] = [
        Combine::Or,
        Combine::OrBoth,
        Combine::And,
        Combine::AndLiable,
    ];

    /// The id used in data and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Combine::Or => "or",
            Combine::OrBoth => "or_both",
            Combine::And => "and",
            Combine::AndLiable => "and_liable",
        }
    }
}

impl Term {
    /// Parses `7y`, `6m` or `life`.
    pub fn parse(text: &str) -> Option<Term> {
        if text == "life" {
            return Some(Term::Life);
        }
        // The unit is the last character, which need not be one byte long in a bad file.
        if let Some(number) = text.strip_suffix('y') {
            number
                .parse::<u32>()
                .ok()?
                .checked_mul(12)
                .map(Term::Months)
        } else {
            text.strip_suffix('m')?.parse().ok().map(Term::Months)
        }
    }

    /// The term as written in data (`7y`, `6m`, `life`), for JSON.
    pub fn code(self) -> String {
        match self {
            Term::Life => "life".to_owned(),
            Term::Months(months) if months % 12 == 0 => format!("{}y", months / 12),
            Term::Months(months) => format!("{months}m"),
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Term::Life => f.write_str("life"),
            Term::Months(12) => f.write_str("1 year"),
            Term::Months(months) if months % 12 == 0 => write!(f, "{} years", months / 12),
            Term::Months(1) => f.write_str("1 month"),
            Term::Months(months) => write!(f, "{months} months"),
        }
    }
}

impl fmt::Display for Imprisonment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (None, Some(Term::Life)) => f.write_str("imprisonment for life"),
            (Some(min), Some(Term::Life)) => write!(f, "imprisonment of {min} to life"),
            (None, Some(max)) => write!(f, "imprisonment up to {max}"),
            (Some(min), Some(max)) => write!(f, "imprisonment of {min} to {max}"),
            (Some(min), None) => write!(f, "imprisonment of at least {min} (no maximum stated)"),
            (None, None) => f.write_str("imprisonment (no term stated)"),
        }
    }
}

impl fmt::Display for Fine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (None, None) => f.write_str("a fine (no cap stated)"),
            (None, Some(max)) => write!(f, "a fine up to PKR {}", rupees(max)),
            (Some(min), None) => write!(f, "a fine of at least PKR {}", rupees(min)),
            (Some(min), Some(max)) => {
                write!(f, "a fine of PKR {} to {}", rupees(min), rupees(max))
            }
        }
    }
}

impl fmt::Display for Punishment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.not_known {
            return f.write_str("not known (the sources conflict and the text was not read)");
        }
        if self.death {
            f.write_str("death, or ")?;
        }
        match (&self.imprisonment, &self.fine, self.combine) {
            (Some(prison), Some(fine), Some(Combine::Or)) => write!(f, "{prison}, or {fine}"),
            (Some(prison), Some(fine), Some(Combine::OrBoth)) => {
                write!(f, "{prison}, or {fine}, or both")
            }
            (Some(prison), Some(fine), Some(Combine::And)) => write!(f, "{prison} and {fine}"),
            (Some(prison), Some(fine), _) => write!(f, "{prison}, and liable to {fine}"),
            (Some(prison), None, _) => write!(f, "{prison}"),
            (None, Some(fine), _) => write!(f, "{fine}"),
            (None, None, _) => f.write_str("no punishment stated"),
        }
    }
}

/// 1000000 as `1,000,000`.
fn rupees(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_parse_years_months_and_life() {
        assert_eq!(Term::parse("7y"), Some(Term::Months(84)));
        assert_eq!(Term::parse("6m"), Some(Term::Months(6)));
        assert_eq!(Term::parse("life"), Some(Term::Life));
        assert_eq!(Term::parse("7"), None);
        assert_eq!(Term::parse("y"), None);
        assert_eq!(Term::parse(""), None);
        assert_eq!(
            Term::parse("1\u{20ac}"),
            None,
            "a unit that is not one byte long"
        );
        assert_eq!(Term::parse("\u{20ac}"), None);
    }

    #[test]
    fn punishment_reads_like_the_statute() {
        let punishment = Punishment {
            imprisonment: Some(Imprisonment {
                min: None,
                max: Term::parse("7y"),
            }),
            death: false,
            fine: Some(Fine {
                min: None,
                max: Some(1_000_000),
            }),
            combine: Some(Combine::OrBoth),
            not_known: false,
        };
        assert_eq!(
            punishment.to_string(),
            "imprisonment up to 7 years, or a fine up to PKR 1,000,000, or both"
        );
    }

    #[test]
    fn a_minimum_without_maximum_says_so() {
        let prison = Imprisonment {
            min: Term::parse("14y"),
            max: None,
        };
        assert_eq!(
            prison.to_string(),
            "imprisonment of at least 14 years (no maximum stated)"
        );
    }
}
