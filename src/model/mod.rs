//! The checked law: every name resolved to an index, every expression typed, derived facts in
//! evaluation order. Built by `check`, read by `facts`, `eval` and `resolve`; holds no spans.
//! [`in_force`] compiles from it the law in force on each stretch of days.

pub mod in_force;

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use crate::ids::index_type;
use crate::statute::{Agency, Court, InstrumentId, Moment, StatuteBook};

index_type!(
    /// A fact: its index in [`Program::facts`], and in every case's values. A type of its own
    /// so that a fact cannot be taken for an offence, an element or a member index; slices and
    /// vectors are indexed by it directly.
    FactId
);

index_type!(
    /// An offence or variant: its index in [`Program::offences`]. A type of its own so that an
    /// offence cannot be taken for a fact, an element or a position in some list of sections;
    /// slices and vectors are indexed by it directly.
    OffenceId
);

/// Statutes and rules, checked and ready to evaluate cases against.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Program {
    /// The statute data the rules cite.
    pub book: StatuteBook,
    /// Every fact: inputs of the case-file vocabulary and derived facts.
    pub facts: Vec<Fact>,
    /// Facts by dotted name.
    pub fact_ids: HashMap<String, FactId>,
    /// Derived facts, each after the facts it uses.
    pub derive_order: Vec<FactId>,
    /// Offences and variants, each variant after its base.
    pub offences: Vec<Offence>,
    /// Declared overlaps.
    pub overlaps: Vec<Overlap>,
    /// Which agency leads when sections point to different ones.
    pub agency_precedence: Option<Precedence<Agency>>,
    /// Which court is named for the case when sections go to different courts.
    pub court_precedence: Option<Precedence<Court>>,
    /// `case.date`, which picks the versions in force.
    pub case_date: FactId,
    /// `case.province`, which decides whether a provincial instrument extends to the case.
    pub case_province: Option<FactId>,
    /// Protections, presumptions and referrals a victim may have.
    pub protections: Vec<Protection>,
    /// Text facts naming places where part of an offence may happen: candidate venues.
    pub venues: Vec<Venue>,
    /// Notes for the report's Notes, each with its condition and dates.
    pub notes: Vec<RuleNote>,
    /// Courts that may try every offence of some instruments (joint trial).
    pub joint: Vec<Joint>,
    /// Amendment overlays applied on top of the base law.
    pub amendments: Vec<crate::overlay::Amendment>,
    /// SHA-256 of the statute, rule and overlay files (names and texts), so a result can be
    /// reproduced with the same law later.
    pub digest: String,
    /// Patterns of concern that some offence should reach (`tipnav gaps`).
    pub indicators: Vec<Indicator>,
    /// The law in force per stretch of days, compiled when first read: how every reader of
    /// the law on a day finds it ([`in_force`]).
    #[serde(skip)]
    pub in_force: in_force::Compiled,
}

/// A pattern of concern.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Indicator {
    /// Name.
    pub name: String,
    /// What it describes.
    pub title: String,
    /// When the pattern is present.
    pub expr: Expr,
    /// What it rests on.
    pub cite: String,
}

/// A court that may try every offence of some instruments, so their charges can be joined.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Joint {
    /// The court.
    pub court: Court,
    /// The instruments whose offences it may try.
    pub instruments: Vec<InstrumentId>,
    /// Courts whose offences it may try (a first-class Magistrate those of "any Magistrate").
    pub courts: Vec<Court>,
    /// The law it rests on.
    pub cite: String,
}

/// Places that are candidate venues for trial.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Venue {
    /// Text facts naming places; none when the note says where.
    pub places: Vec<FactId>,
    /// The offences of which one must apply or may apply; any offence, if empty.
    pub offences: Vec<OffenceId>,
    /// When the places are venues; always, if absent.
    pub condition: Option<Expr>,
    /// The law it rests on.
    pub cite: String,
    /// An explanation for the reader.
    pub note: Option<String>,
}

/// A note the rules give for the report's Notes (`note "..." when ... since ...`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RuleNote {
    /// The note, with any `{section field}` references.
    pub text: String,
    /// When it is shown; always, if absent.
    pub condition: Option<Expr>,
    /// `only when`: shown only when the facts show the condition holds, never as possible.
    #[serde(default)]
    pub firm: bool,
    /// The days of the law it speaks of.
    pub validity: Validity,
    /// The law it rests on.
    pub cite: String,
}

impl Program {
    /// Every fact, in order.
    pub fn fact_ids(&self) -> impl DoubleEndedIterator<Item = FactId> + use<> {
        (0..self.facts.len()).map(FactId)
    }

    /// Every offence and variant, in order.
    pub fn offence_ids(&self) -> impl DoubleEndedIterator<Item = OffenceId> + use<> {
        (0..self.offences.len()).map(OffenceId)
    }

    /// A fact by name.
    pub fn fact(&self, name: &str) -> Option<FactId> {
        self.fact_ids.get(name).copied()
    }

    /// An offence by section id.
    pub fn offence(&self, section: &str) -> Option<&Offence> {
        self.offence_id(section).map(|id| &self.offences[id])
    }

    /// An offence's id by section id.
    pub fn offence_id(&self, section: &str) -> Option<OffenceId> {
        self.offences
            .iter()
            .position(|offence| offence.section == section)
            .map(OffenceId)
    }

    /// The root of an offence's family: its base, its base's base, and so on, itself if it is
    /// no variant. A variant is the same offence as its base, only aggravated, so overlaps count
    /// between families only; the one place that is decided.
    pub fn family(&self, mut offence: OffenceId) -> OffenceId {
        while let Some(base) = self.offences[offence].base {
            offence = base;
        }
        offence
    }
}

/// A fact of the vocabulary.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Fact {
    /// Dotted name (`victim.age`).
    pub name: String,
    /// Its type.
    pub ty: Type,
    /// For inputs: the question asked of the user. For derived facts: `None`.
    pub question: Option<String>,
    /// What some of its options mean: (member, gloss), shown beside the option.
    #[serde(default)]
    pub glosses: Vec<(String, String)>,
    /// For derived facts: how it is computed.
    pub derivation: Option<Derivation>,
    /// The input facts it depends on (itself, for an input).
    pub inputs: Vec<FactId>,
}

/// How a derived fact is computed.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Derivation {
    /// Its definition.
    pub expr: Expr,
    /// The law it rests on.
    pub cite: String,
}

/// A fact's type.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Type {
    /// true or false.
    Bool,
    /// A whole number within a range.
    Int {
        /// Least allowed value.
        min: i64,
        /// Greatest allowed value.
        max: i64,
    },
    /// A calendar date.
    Date,
    /// Free text.
    Text,
    /// One of the members.
    Enum(Arc<[String]>),
    /// Any subset of the members (at most 64).
    Set(Arc<[String]>),
}

impl Type {
    /// The type's name in messages (`int`, `enum [female, male]`).
    pub fn describe(&self) -> String {
        match self {
            Type::Bool => "bool".into(),
            Type::Int { .. } => "int".into(),
            Type::Date => "date".into(),
            Type::Text => "text".into(),
            Type::Enum(members) => format!("enum [{}]", members.join(", ")),
            Type::Set(members) => format!("set [{}]", members.join(", ")),
        }
    }

    /// The members of an enum or set.
    pub fn members(&self) -> Option<&[String]> {
        match self {
            Type::Enum(members) | Type::Set(members) => Some(members),
            _ => None,
        }
    }
}

/// A checked expression.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Expr {
    /// A literal.
    Const(Constant),
    /// A fact's value.
    Fact(FactId),
    /// Kleene negation.
    Not(Box<Expr>),
    /// Kleene conjunction.
    And(Box<Expr>, Box<Expr>),
    /// Kleene disjunction.
    Or(Box<Expr>, Box<Expr>),
    /// Comparison of two values of the same type.
    Compare(Comparison, Box<Expr>, Box<Expr>),
    /// The set fact contains at least one member of the mask.
    SetAny(FactId, u64),
    /// The set fact contains every member of the mask.
    SetAll(FactId, u64),
    /// The enum fact is one of the members in the mask.
    EnumIn(FactId, u64),
}

/// A literal value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Constant {
    /// `true`
    Bool(bool),
    /// `18`
    Int(i64),
    /// `2018-05-30`
    Date(Date),
    /// `"pakistan"`
    Text(Arc<str>),
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Comparison {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// The days a rule is part of the law: between two statute date keys.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validity {
    /// Date key of the first day.
    pub since: Option<String>,
    /// Date key of the first day it no longer holds.
    pub until: Option<String>,
    /// `since`, looked up in the statute book's date keys.
    pub since_at: Option<Moment>,
    /// `until`, looked up in the statute book's date keys.
    pub until_at: Option<Moment>,
}

/// An offence (or a variant of one) and its elements.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Offence {
    /// Section id (`ptpa-2018/3-2`).
    pub section: String,
    /// For a variant, the offence it extends.
    pub base: Option<OffenceId>,
    /// Elements, inherited ones first.
    pub elements: Vec<Element>,
    /// Jurisdiction clauses in order of precedence (inherited by variants without their own).
    pub clauses: Vec<Clause>,
}

impl Offence {
    /// Every input fact its elements and their waivers read, sorted.
    pub fn inputs(&self) -> Vec<FactId> {
        let mut facts: Vec<FactId> = self
            .elements
            .iter()
            .flat_map(|e| {
                e.inputs
                    .iter()
                    .chain(e.waivers.iter().flat_map(|w| &w.inputs))
            })
            .copied()
            .collect();
        facts.sort_unstable();
        facts.dedup();
        facts
    }
}

/// A named element of an offence.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Element {
    /// Name (`means`).
    pub name: String,
    /// When it holds.
    pub expr: Expr,
    /// Versions of the law it belongs to.
    pub validity: Validity,
    /// The law it rests on.
    pub cite: String,
    /// Rules that let it be met without proof.
    pub waivers: Vec<Waiver>,
    /// The input facts it reads.
    pub inputs: Vec<FactId>,
    /// For an inherited element, the offence that declared it.
    pub inherited_from: Option<String>,
}

/// A rule that meets an element when its condition holds (PTPA s.7).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Waiver {
    /// When it applies.
    pub condition: Expr,
    /// The law it rests on.
    pub cite: String,
    /// The input facts the condition reads.
    pub inputs: Vec<FactId>,
}

/// One jurisdiction clause.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Clause {
    /// What it decides.
    pub decides: Decides,
    /// When it holds; always, if absent.
    pub condition: Option<Expr>,
    /// Versions of the law it belongs to.
    pub validity: Validity,
    /// The law it rests on.
    pub cite: String,
    /// The input facts the condition reads.
    pub inputs: Vec<FactId>,
}

/// What a jurisdiction clause decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Decides {
    /// The investigating agency.
    Agency(Agency),
    /// A supporting agency.
    Support(Agency),
    /// The trial court.
    Court(Court),
}

/// A protection, presumption or referral (a statute section) and when a victim has it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Protection {
    /// The statute section that provides it.
    pub section: String,
    /// The offences whose victims have it (any of them); every victim, if empty.
    pub victim_of: Vec<OffenceId>,
    /// When the victim has it; always, if absent.
    pub condition: Option<Expr>,
    /// Versions of the law it belongs to.
    pub validity: Validity,
    /// The law it rests on.
    pub cite: String,
    /// The input facts the condition reads.
    pub inputs: Vec<FactId>,
}

/// A declared overlap between sections.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Overlap {
    /// Kind.
    pub kind: OverlapKind,
    /// The offences that overlap, in the order the declaration lists them (the checker makes
    /// every section of an overlap an offence).
    pub sections: Vec<OffenceId>,
    /// When its premise holds on a case; always, if absent.
    pub condition: Option<Expr>,
    /// The law or brief it rests on.
    pub cite: String,
    /// An explanation for the reader, with `{section field}` references (`statute::fill`).
    pub note: Option<String>,
}

/// Kinds of overlap, as named in DESIGN.md. Written as its id in JSON.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum OverlapKind {
    /// Two offences reach the same conduct.
    DuplicateOffence,
    /// The sections go to different courts.
    ForumConflict,
    /// Different agencies investigate them.
    AgencyConflict,
    /// The same conduct carries very different penalties.
    PenaltyDisparity,
}

impl OverlapKind {
    /// Every kind, for name lookup.
    pub const ALL: [OverlapKind; 4] = [
        OverlapKind::DuplicateOffence,
        OverlapKind::ForumConflict,
        OverlapKind::AgencyConflict,
        OverlapKind::PenaltyDisparity,
    ];

    /// The id used in rules and JSON.
    pub fn id(self) -> &'static str {
        match self {
            OverlapKind::DuplicateOffence => "duplicate_offence",
            OverlapKind::ForumConflict => "forum_conflict",
            OverlapKind::AgencyConflict => "agency_conflict",
            OverlapKind::PenaltyDisparity => "penalty_disparity",
        }
    }
}

/// An order of agencies or courts, highest first.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Precedence<T> {
    /// Highest first.
    pub order: Vec<T>,
    /// The law or brief it rests on.
    pub cite: String,
    /// An explanation for the reader.
    pub note: Option<String>,
}

impl<T: PartialEq> Precedence<T> {
    /// Rank of an item (0 is highest); unknown items rank last.
    pub fn rank(&self, item: &T) -> usize {
        self.order
            .iter()
            .position(|x| x == item)
            .unwrap_or(self.order.len())
    }
}

/// A known fact value. An unknown fact is `None` wherever values are held.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// true or false.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A calendar date.
    Date(Date),
    /// Free text.
    Text(Arc<str>),
    /// The index of an enum member.
    Enum(u8),
    /// The members present, as bits; absent members are false (a given set is complete).
    Set(u64),
    /// An open set: the members present, as bits; the others are unknown
    /// (`purposes = { include = ["begging"] }`).
    Includes(u64),
    /// A whole number known only between two bounds, both included
    /// (`age = { min = 10, max = 14 }`, `days = { min = 5 }`).
    Between(i64, i64),
    /// A day known only as falling in a stretch, both ends included (`date = 2023`,
    /// `date = "2023-05"`).
    Days(Date, Date),
}

/// A stretch of days as a case file writes it: the year (`2023`) or the month (`2023-05`) it
/// covers, or its two ends when it is neither.
pub fn written_stretch(first: Date, last: Date) -> String {
    let whole_year = first.day_of_year() == 1 && last == first.last_of_year();
    if whole_year {
        format!("{:04}", first.year())
    } else if first.day() == 1 && last == first.last_of_month() {
        format!("{:04}-{:02}", first.year(), first.month())
    } else {
        format!("{first} to {last}")
    }
}

/// The names of the members whose bits are set, in member order.
fn member_names(bits: u64, member: impl Fn(usize) -> String) -> Vec<String> {
    (0..64)
        .filter(|i| bits & (1 << i) != 0)
        .map(member)
        .collect()
}

impl Value {
    /// The value as the user would write it, given its type.
    pub fn display(&self, ty: &Type) -> String {
        let member = |index: usize| {
            ty.members()
                .and_then(|m| m.get(index))
                .cloned()
                .unwrap_or_default()
        };
        match self {
            Value::Bool(value) => value.to_string(),
            Value::Int(value) => value.to_string(),
            Value::Date(value) => value.to_string(),
            Value::Text(value) => format!("{value:?}"),
            Value::Enum(index) => member(usize::from(*index)),
            Value::Set(bits) => format!("[{}]", member_names(*bits, member).join(", ")),
            Value::Includes(bits) => format!(
                "{{ include = [{}] }}",
                member_names(*bits, member).join(", ")
            ),
            Value::Between(min, max) => format!("{{ min = {min}, max = {max} }}"),
            Value::Days(first, last) => written_stretch(*first, *last),
        }
    }
}
