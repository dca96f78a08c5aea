//! The rule file as written: names are text with spans, nothing is resolved yet.
//! The checker turns this into `model::Program`.

use jiff::civil::Date;

use crate::source::{Span, Spanned};

/// A name as written, with its span.
pub type Name = Spanned<String>;

/// One parsed rule file.
#[derive(Debug, Clone, Default)]
pub struct RuleFile {
    /// Declarations in file order.
    pub declarations: Vec<Declaration>,
}

/// A top-level declaration.
#[derive(Debug, Clone)]
pub enum Declaration {
    /// `fact victim.age : int 0..150 "How old was the victim?"`
    Fact(FactDecl),
    /// `derive victim.child = victim.age < 18 cite "..."`
    Derive(DeriveDecl),
    /// `offence ptpa-2018/3 { ... }` or `variant ptpa-2018/3-2 of ptpa-2018/3 { ... }`
    Offence(OffenceDecl),
    /// `waive means of ptpa-2018/3 when victim.child cite "..."`
    Waive(WaiveDecl),
    /// `jurisdiction ptpa-2018/3 { agency fia when ... cite "..." }`
    Jurisdiction(JurisdictionDecl),
    /// `overlap duplicate_offence ptpa-2018/3, ppc/371-A cite "..."`
    Overlap(OverlapDecl),
    /// `precedence agency [fia, police] cite "..."`
    Precedence(PrecedenceDecl),
    /// `protect ptpa-2018/7 for ptpa-2018/3 when victim.child cite "..."`
    Protect(ProtectDecl),
    /// `venue movement.origin.district, movement.destination.district cite "..."`
    Venue(VenueDecl),
    /// `note "..." when ... since ... cite "..."`
    Note(NoteDecl),
    /// `joint court_of_session tries ppc cite "CrPC s.28"`
    Joint(JointDecl),
    /// `amendment one-forum "Title" { effective 2026-01-01 status proposal cite "..." }`
    Amendment(AmendmentDecl),
    /// `amend ppc/374 { ... }`, `insert ppc/374-A "Heading" { ... }`, `repeal ppc/374 cite "..."`
    Change(ChangeDecl),
    /// Elements an overlay adds to an existing offence (made by `overlay::apply`, not written).
    Extend(ExtendDecl),
    /// `indicator palermo "An act, a means and a purpose" = ... cite "..."`
    Indicator(IndicatorDecl),
}

/// A pattern of concern that some offence should reach.
#[derive(Debug, Clone)]
pub struct IndicatorDecl {
    /// Name.
    pub name: Name,
    /// What it describes.
    pub title: String,
    /// When the pattern is present.
    pub expr: Expr,
    /// The instrument or report it rests on.
    pub cite: Cite,
}

/// Elements added to an offence declared elsewhere.
#[derive(Debug, Clone)]
pub struct ExtendDecl {
    /// The offence.
    pub section: Name,
    /// The elements, each with its validity.
    pub elements: Vec<ElementDecl>,
}

/// The header of an amendment overlay: its name (a date key), title, effective date and status.
#[derive(Debug, Clone)]
pub struct AmendmentDecl {
    /// The date key it declares (`one-forum`).
    pub key: Name,
    /// Title.
    pub title: String,
    /// The day it takes effect.
    pub effective: Spanned<Date>,
    /// `enacted`, `bill` or `proposal`.
    pub status: Name,
    /// The bill, Act or proposal.
    pub cite: Cite,
    /// An explanation for the reader.
    pub note: Option<String>,
}

/// A change an overlay makes to one section.
#[derive(Debug, Clone)]
pub struct ChangeDecl {
    /// Amend, insert or repeal.
    pub action: Spanned<Action>,
    /// The section.
    pub section: Name,
    /// For an insertion: the heading.
    pub heading: Option<String>,
    /// The changes, in order.
    pub changes: Vec<Spanned<Change>>,
    /// The provision of the bill or proposal.
    pub cite: Cite,
}

/// What an overlay does to a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Change some of its particulars or elements.
    Amend,
    /// Add a new section.
    Insert,
    /// End it.
    Repeal,
}

/// One change to a section.
#[derive(Debug, Clone)]
pub enum Change {
    /// `punishment imprisonment from 2y to 5y fine from 50000 combine or_both`
    Punishment(PunishmentSpec),
    /// `cognizable true`
    Flag(Flag, bool),
    /// `court court_of_session`
    Court(Name),
    /// `agency police`
    Agency(Name),
    /// `element purpose = ... cite "..."`
    Element(ElementDecl),
    /// `remove element means`
    RemoveElement(Name),
    /// `summary "..."`
    Summary(String),
    /// `kind offence`
    Kind(Name),
    /// `jurisdiction sindh`
    Jurisdiction(Name),
}

/// A procedural flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Police may arrest without warrant.
    Cognizable,
    /// Bail as of right.
    Bailable,
    /// The victim may settle.
    Compoundable,
}

/// `from MIN to MAX` terms as written (`2y`, `6m`, `life`), either end optional.
pub type TermRange = (Option<Spanned<String>>, Option<Spanned<String>>);

/// A punishment as an overlay writes it.
#[derive(Debug, Clone, Default)]
pub struct PunishmentSpec {
    /// `imprisonment from MIN to MAX` (terms as written: `2y`, `6m`, `life`).
    pub imprisonment: Option<TermRange>,
    /// `death`
    pub death: bool,
    /// `fine from MIN to MAX`, in PKR.
    pub fine: Option<(Option<u64>, Option<u64>)>,
    /// `combine and`
    pub combine: Option<Name>,
}

/// A court that may try every offence of some instruments.
#[derive(Debug, Clone)]
pub struct JointDecl {
    /// The court.
    pub court: Name,
    /// Instrument ids.
    pub instruments: Vec<Name>,
    /// The law it rests on.
    pub cite: Cite,
    /// An explanation for the reader.
    pub note: Option<String>,
}

/// Facts naming places where part of an offence happened, each a candidate venue for trial.
#[derive(Debug, Clone)]
pub struct VenueDecl {
    /// Text facts (district names); none when the note says where.
    pub places: Vec<Name>,
    /// Offences of which one must apply or may apply (`for`); any offence, if empty.
    pub sections: Vec<Name>,
    /// When the places are venues; always, if absent.
    pub condition: Option<Expr>,
    /// The law it rests on.
    pub cite: Cite,
    /// An explanation for the reader.
    pub note: Option<String>,
}

/// A note for the report's Notes, with the condition and dates on which it is shown.
#[derive(Debug, Clone)]
pub struct NoteDecl {
    /// The note, with any `{section field}` references.
    pub text: String,
    /// When it is shown; always, if absent.
    pub condition: Option<Expr>,
    /// `only when`: shown only when the condition holds, never as possible.
    pub firm: bool,
    /// The days of the law it speaks of.
    pub validity: Validity,
    /// The law it rests on.
    pub cite: Cite,
}

/// A protection, presumption or referral that a victim has when a condition holds.
#[derive(Debug, Clone)]
pub struct ProtectDecl {
    /// The statute section that provides it.
    pub section: Name,
    /// The offences whose victims have it (any of them); every victim, if empty.
    pub victim_of: Vec<Name>,
    /// When the victim has it; always, if absent.
    pub condition: Option<Expr>,
    /// The versions of the law it belongs to.
    pub validity: Validity,
    /// The law it rests on.
    pub cite: Cite,
}

/// An input fact of the case-file vocabulary.
#[derive(Debug, Clone)]
pub struct FactDecl {
    /// Dotted name.
    pub name: Name,
    /// Declared type.
    pub ty: Spanned<TypeExpr>,
    /// The question the interview and error messages use.
    pub question: String,
    /// What some options mean (`gloss unlawful_immoral_purpose "..."`), in the order written.
    pub glosses: Vec<(Name, String)>,
}

/// A declared type.
#[derive(Debug, Clone)]
pub enum TypeExpr {
    /// `bool`
    Bool,
    /// `int` or `int 0..150`
    Int {
        /// Inclusive range, if declared.
        range: Option<(i64, i64)>,
    },
    /// `date`
    Date,
    /// `text`
    Text,
    /// `enum [female, male]`
    Enum(Vec<Name>),
    /// `set [recruit, harbour]`
    Set(Vec<Name>),
}

/// A fact computed from other facts.
#[derive(Debug, Clone)]
pub struct DeriveDecl {
    /// Dotted name.
    pub name: Name,
    /// Its definition.
    pub expr: Expr,
    /// The law it rests on.
    pub cite: Cite,
}

/// An offence, or a variant of one with extra elements.
#[derive(Debug, Clone)]
pub struct OffenceDecl {
    /// Section id.
    pub section: Name,
    /// For a variant, the offence it extends.
    pub base: Option<Name>,
    /// Its own elements.
    pub elements: Vec<ElementDecl>,
}

/// A named element of an offence.
#[derive(Debug, Clone)]
pub struct ElementDecl {
    /// Element name.
    pub name: Name,
    /// When it holds.
    pub expr: Expr,
    /// The versions of the law it belongs to.
    pub validity: Validity,
    /// The law it rests on.
    pub cite: Cite,
}

/// `since KEY` and/or `until KEY`.
#[derive(Debug, Clone, Default)]
pub struct Validity {
    /// First day in force.
    pub since: Option<Name>,
    /// First day no longer in force.
    pub until: Option<Name>,
}

/// A rule that lets an element be met without proof.
#[derive(Debug, Clone)]
pub struct WaiveDecl {
    /// The element waived.
    pub element: Name,
    /// The offence it belongs to.
    pub section: Name,
    /// When it is waived.
    pub condition: Expr,
    /// The law it rests on.
    pub cite: Cite,
}

/// Agency, support and court clauses for some sections.
#[derive(Debug, Clone)]
pub struct JurisdictionDecl {
    /// Sections they govern.
    pub sections: Vec<Name>,
    /// Clauses, in order of precedence.
    pub clauses: Vec<ClauseDecl>,
}

/// `agency fia when case.transnational cite "..."`
#[derive(Debug, Clone)]
pub struct ClauseDecl {
    /// `agency`, `support` or `court`.
    pub role: Spanned<ClauseRole>,
    /// Agency or court id.
    pub target: Name,
    /// When it holds; always, if absent.
    pub condition: Option<Expr>,
    /// The versions of the law it belongs to.
    pub validity: Validity,
    /// The law it rests on.
    pub cite: Cite,
}

/// What a jurisdiction clause decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseRole {
    /// The investigating agency.
    Agency,
    /// A supporting agency.
    Support,
    /// The trial court.
    Court,
}

/// A declared overlap between sections.
#[derive(Debug, Clone)]
pub struct OverlapDecl {
    /// Kind (`duplicate_offence`, ...).
    pub kind: Name,
    /// Sections that overlap.
    pub sections: Vec<Name>,
    /// When the overlap's premise holds on a case; always, if absent.
    pub condition: Option<Expr>,
    /// The law or brief it rests on.
    pub cite: Cite,
    /// An explanation for the reader.
    pub note: Option<String>,
}

/// An order among agencies or courts, for choosing one for a whole case.
#[derive(Debug, Clone)]
pub struct PrecedenceDecl {
    /// What is ordered.
    pub of: Spanned<PrecedenceOf>,
    /// Highest first.
    pub order: Vec<Name>,
    /// The law or brief it rests on.
    pub cite: Cite,
    /// An explanation for the reader.
    pub note: Option<String>,
}

/// What a precedence orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrecedenceOf {
    /// Agencies.
    Agency,
    /// Courts.
    Court,
}

/// `cite "PTPA 2018 s.3(1)"`
pub type Cite = Spanned<String>;

/// An expression with its span.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

/// Expression forms.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// `true`
    Bool(bool),
    /// `18`
    Int(i64),
    /// `2018-05-30`
    Date(Date),
    /// `"pakistan"`
    Text(String),
    /// `female`: an enum member, typed by what it is compared with.
    Symbol(String),
    /// `victim.age`
    Fact(String),
    /// `not victim.child`
    Not(Box<Expr>),
    /// `a and b`, `victim.age < 18`
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `conduct.acts any [recruit, harbour]`
    SetTest {
        /// The fact tested.
        fact: Name,
        /// The test.
        op: SetOp,
        /// Members named.
        members: Vec<Name>,
    },
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `or`
    Or,
    /// `and`
    And,
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

/// Set and membership tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOp {
    /// A set contains at least one of the members.
    Any,
    /// A set contains every member.
    All,
    /// A set contains none of the members.
    None,
    /// An enum is one of the members.
    In,
    /// A set contains the one member.
    Has,
}
