//! Sentences as the statutes state them: terms, fines and how they combine, with the wording
//! a reader expects ("up to 7 years, or a fine up to PKR 1,000,000, or both").

use crate::i18n::{tr, trf};
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
        let count = |months: u32| months.to_string();
        f.write_str(&match *self {
            Term::Life => tr("life").to_owned(),
            Term::Months(12) => tr("1 year").to_owned(),
            Term::Months(months) if months % 12 == 0 => {
                trf("{n} years", &[("n", &count(months / 12))])
            }
            Term::Months(1) => tr("1 month").to_owned(),
            Term::Months(months) => trf("{n} months", &[("n", &count(months))]),
        })
    }
}

impl fmt::Display for Imprisonment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (min, max) = (
            self.min.map(|t| t.to_string()).unwrap_or_default(),
            self.max.map(|t| t.to_string()).unwrap_or_default(),
        );
        let terms = [("min", min.as_str()), ("max", max.as_str())];
        f.write_str(&match (self.min, self.max) {
            (None, Some(Term::Life)) => tr("imprisonment for life").to_owned(),
            (Some(_), Some(Term::Life)) => trf("imprisonment of {min} to life", &terms),
            (None, Some(_)) => trf("imprisonment up to {max}", &terms),
            (Some(_), Some(_)) => trf("imprisonment of {min} to {max}", &terms),
            (Some(_), None) => trf("imprisonment of at least {min} (no maximum stated)", &terms),
            (None, None) => tr("imprisonment (no term stated)").to_owned(),
        })
    }
}

impl fmt::Display for Fine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (min, max) = (
            self.min.map(rupees).unwrap_or_default(),
            self.max.map(rupees).unwrap_or_default(),
        );
        let amounts = [("min", min.as_str()), ("max", max.as_str())];
        f.write_str(&match (self.min, self.max) {
            (None, None) => tr("a fine (no cap stated)").to_owned(),
            (None, Some(_)) => trf("a fine up to PKR {max}", &amounts),
            (Some(_), None) => trf("a fine of at least PKR {min}", &amounts),
            (Some(_), Some(_)) => trf("a fine of PKR {min} to {max}", &amounts),
        })
    }
}

impl fmt::Display for Punishment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.not_known {
            return f.write_str(tr(
                "not known (the sources conflict and the text was not read)",
            ));
        }
        let (prison, fine) = (
            self.imprisonment.map(|p| p.to_string()).unwrap_or_default(),
            self.fine.map(|p| p.to_string()).unwrap_or_default(),
        );
        let parts = [("prison", prison.as_str()), ("fine", fine.as_str())];
        let text = match (&self.imprisonment, &self.fine, self.combine) {
            (Some(_), Some(_), Some(Combine::Or)) => trf("{prison}, or {fine}", &parts),
            (Some(_), Some(_), Some(Combine::OrBoth)) => {
                trf("{prison}, or {fine}, or both", &parts)
            }
            (Some(_), Some(_), Some(Combine::And)) => trf("{prison} and {fine}", &parts),
            (Some(_), Some(_), _) => trf("{prison}, and liable to {fine}", &parts),
            (Some(_), None, _) => prison,
            (None, Some(_), _) => fine,
            (None, None, _) => tr("no punishment stated").to_owned(),
        };
        if self.death {
            f.write_str(&trf("death, or {rest}", &[("rest", &text)]))
        } else {
            f.write_str(&text)
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
