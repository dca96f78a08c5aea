//! The JSON wire format: serialize-only structs, built once from an evaluated case and used
//! by every renderer (the tables read the same structs). Field names are a contract
//! documented in the README; add fields, never rename or remove them.

use super::schema::SchemaVersion;
use crate::resolve::JointTrial;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value as Json;

use super::Evaluated;
use crate::eval::{ElementOutcome, Outcome, ProtectionOutcome, SectionOutcome};
use crate::model::{FactId, OverlapKind, Program, Type, Value};
use crate::resolve::{Affect, Candidate, CaseCourt, Choice, Resolution, charge_sheet};
use crate::statute::{Agency, Certainty, Court, Punishment, citation};

/// Whether a section or a protection reaches the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every element is met.
    Applies,
    /// No element fails, but some are unknown.
    MayApply,
    /// An element fails, or the section was not in force.
    DoesNotApply,
}

impl From<crate::eval::Status> for Status {
    fn from(status: crate::eval::Status) -> Status {
        match status {
            crate::eval::Status::Applies => Status::Applies,
            crate::eval::Status::MayApply => Status::MayApply,
            crate::eval::Status::DoesNotApply => Status::DoesNotApply,
        }
    }
}

impl Status {
    /// The id as in JSON, for the text renderers.
    pub fn id(self) -> &'static str {
        match self {
            Status::Applies => "applies",
            Status::MayApply => "may_apply",
            Status::DoesNotApply => "does_not_apply",
        }
    }

    /// The status in words, for people ("may apply").
    pub fn words(self) -> &'static str {
        match self {
            Status::Applies => crate::i18n::tr("applies"),
            Status::MayApply => crate::i18n::tr("may apply"),
            Status::DoesNotApply => crate::i18n::tr("does not apply"),
        }
    }

    /// Whether the section applies or may apply.
    pub fn reaches(self) -> bool {
        self != Status::DoesNotApply
    }
}

/// Whether an element, or a provincial instrument's extent, is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Truth {
    /// It holds.
    Met,
    /// It fails.
    NotMet,
    /// The facts it reads are not all known.
    Unknown,
}

impl From<Option<bool>> for Truth {
    fn from(holds: Option<bool>) -> Truth {
        match holds {
            Some(true) => Truth::Met,
            Some(false) => Truth::NotMet,
            None => Truth::Unknown,
        }
    }
}

impl Truth {
    /// The id as in JSON, for the text renderers.
    pub fn id(self) -> &'static str {
        match self {
            Truth::Met => "met",
            Truth::NotMet => "not_met",
            Truth::Unknown => "unknown",
        }
    }

    /// The mark the text renderers put before an element: met, not met, unknown.
    pub fn mark(self) -> &'static str {
        match self {
            Truth::Met => "✓",
            Truth::NotMet => "✗",
            Truth::Unknown => "?",
        }
    }
}

/// An agency's part in the investigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Leads it.
    Lead,
    /// Takes part.
    Supporting,
    /// Would take part if a section that may apply does, or if an unknown fact says so.
    Possible,
}

impl From<crate::resolve::Role> for Role {
    fn from(role: crate::resolve::Role) -> Role {
        match role {
            crate::resolve::Role::Lead => Role::Lead,
            crate::resolve::Role::Supporting => Role::Supporting,
            crate::resolve::Role::Possible => Role::Possible,
        }
    }
}

impl Role {
    /// The id as in JSON, for the text renderers.
    pub fn id(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Supporting => "supporting",
            Role::Possible => "possible",
        }
    }
}

/// Where the date whose law was used comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The case file gives `case.date`.
    Case,
    /// It does not: today's law was used.
    Today,
    /// It gives a year or a month only: `date` is its first day, and the notes say where
    /// the law changes within it.
    Partial,
}

impl DateSource {
    /// Where an outcome's date comes from.
    pub fn of_outcome(outcome: &Outcome) -> DateSource {
        if outcome.partial.is_some() {
            DateSource::Partial
        } else {
            DateSource::of(outcome.date_assumed)
        }
    }

    /// The id as in JSON.
    pub fn id(self) -> &'static str {
        match self {
            DateSource::Case => "case",
            DateSource::Today => "today",
            DateSource::Partial => "partial",
        }
    }

    /// `Today` when the date was assumed, else `Case`.
    pub fn of(assumed: bool) -> DateSource {
        if assumed {
            DateSource::Today
        } else {
            DateSource::Case
        }
    }
}

/// What `eval --format json` prints: one report for one case, an array for several.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum EvalDocument {
    /// One case.
    One(Box<CaseReport>),
    /// Several cases, in the order given.
    Many(Vec<CaseReport>),
}

/// One evaluated case.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseReport {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// The tipnav version that produced the report.
    pub tipnav: &'static str,
    /// The law used: amendment overlays applied on top of the shipped law.
    pub law: LawInfo,
    /// The case and the date whose law was used.
    pub case: CaseInfo,
    /// The answer first: charges, court, agencies, protections and the decisive questions.
    pub charge_sheet: ChargeSheetReport,
    /// How much of each section that does not apply the report carries.
    pub detail: Detail,
    /// Every offence tipnav knows, with its status.
    pub sections: Vec<SectionReport>,
    /// Agencies and courts.
    pub jurisdiction: Jurisdiction,
    /// Overlaps among sections that apply or may apply.
    pub overlaps: Vec<OverlapReport>,
    /// Protections, presumptions and referrals the victim has or may have.
    pub protections: Vec<ProtectionReport>,
    /// Unknown facts that would change a conclusion.
    pub unknown: Vec<UnknownReport>,
    /// How the answer was reached, where the reader must know.
    pub notes: Vec<String>,
    /// When the case date falls inside an amendment's window: what the later law changes.
    pub alternative: Option<AlternativeReport>,
}

impl CaseReport {
    /// The sections with this status, in report order.
    pub fn with_status(&self, status: Status) -> Vec<&SectionReport> {
        self.sections
            .iter()
            .filter(|s| s.status == status)
            .collect()
    }
}

/// The charge sheet: what a prosecutor or an investigating officer reads first.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ChargeSheetReport {
    /// The sections that apply, gravest first (death, then the longest maximum term, then the
    /// longest minimum).
    pub charges: Vec<ChargeReport>,
    /// The court for the case and whether it may try every charge together.
    pub trial: Option<TrialReport>,
    /// The agency that leads the investigation.
    pub lead_agency: Option<Named>,
    /// The agencies that take part.
    pub supporting_agencies: Vec<Named>,
    /// The victim's protections.
    pub protections: Vec<ProtectionBrief>,
    /// The unknown facts whose answers would change the most conclusions, most decisive first
    /// (the interview's order), at most three.
    pub decisive: Vec<DecisiveReport>,
}

/// A charge on the charge sheet.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ChargeReport {
    /// Section id.
    pub id: String,
    /// Citation.
    pub citation: String,
    /// Heading.
    pub heading: String,
    /// The penalty of the version in force, in words.
    pub penalty: Option<String>,
    /// Procedure of that version.
    pub procedure: Option<ProcedureReport>,
    /// The court the case's facts send it to (several when an unknown fact leaves it open).
    pub court: Vec<Named>,
    /// The investigating agency (several when an unknown fact leaves it open).
    pub agency: Vec<Named>,
}

/// An agency or a court: its id, and its name in words.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Named {
    /// Id.
    pub id: &'static str,
    /// Name in words (`Magistrate of the First Class`).
    pub name: &'static str,
}

/// The court for the case on the charge sheet.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TrialReport {
    /// The court.
    pub court: Named,
    /// Whether every charge may be tried together, as in `jurisdiction.court.joint_trial`.
    pub joint_trial: JointTrial,
    /// Why.
    pub reason: String,
    /// When the forum changed after the offence date: the court the law in force now names,
    /// and why whether it tries the case is an open question.
    pub later: Option<LaterForumReport>,
}

/// A forum given after the offence date, which may or may not try the case.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LaterForumReport {
    /// The court.
    pub court: Named,
    /// The open question.
    pub reason: String,
}

/// A protection on the charge sheet.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProtectionBrief {
    /// Section id.
    pub section: String,
    /// Citation.
    pub citation: String,
    /// Heading.
    pub heading: String,
    /// `applies` or `may_apply`.
    pub status: Status,
}

/// A decisive question on the charge sheet.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DecisiveReport {
    /// Fact name.
    pub fact: String,
    /// The question to ask.
    pub question: String,
    /// What its answer would decide (section ids, `agency for ...`, `court for ...`).
    pub affects: Vec<String>,
    /// The same, with citations for section ids.
    pub affects_cited: Vec<String>,
}

/// What changes if the amendments whose day is unknown were already in force on the case date.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AlternativeReport {
    /// The date keys whose window contains the case date.
    pub date_keys: Vec<String>,
    /// Sections whose status, version or penalty differ under the later law.
    pub sections: Vec<AlternativeSection>,
    /// The lead agency under the later law.
    pub lead_agency: Option<Agency>,
    /// The court for the case under the later law.
    pub court: Option<Court>,
}

/// A section that comes out differently under the later law.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AlternativeSection {
    /// Section id.
    pub id: String,
    /// Status under the earlier law (the main report).
    pub status: Status,
    /// Status under the later law.
    pub later_status: Status,
    /// Date key of the version used under the later law.
    pub later_version: Option<String>,
    /// Penalty under the later law.
    pub later_penalty: Option<String>,
}

/// The law a report used.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LawInfo {
    /// SHA-256 of the statute, rule and overlay files used.
    pub digest: String,
    /// Amendment overlays applied (none: the law as shipped).
    pub amendments: Vec<AmendmentReport>,
}

/// The case.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseInfo {
    /// The case file.
    pub file: String,
    /// `case.title`, if given.
    pub title: Option<String>,
    /// The date whose law was used.
    pub date: String,
    /// `case` when the file gives `case.date`, `today` when it does not.
    pub date_source: DateSource,
}

/// How much a report says of the sections that do not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    /// Every field of every section (`--all`).
    All,
    /// Sections that apply or may apply in full; those that do not apply only with their id,
    /// citation, heading, status and the elements that failed (the default JSON: a consumer
    /// rarely needs the penalty and sources of 80 sections that do not apply).
    Reached,
}

/// One offence.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionReport {
    /// Section id.
    pub id: String,
    /// Its citation as people write it (`PTPA 2018 s.3(2)`).
    pub citation: String,
    /// For a section that may apply: its rank among them, 1 for the closest to applying
    /// (criterion in the README and `resolve::relevance`); `null` otherwise.
    pub relevance: Option<usize>,
    /// Instrument short title.
    pub instrument: String,
    /// Heading.
    pub heading: String,
    /// `applies`, `may_apply` or `does_not_apply`.
    pub status: Status,
    /// The base offence, for a variant.
    pub variant_of: Option<String>,
    /// The statute version in force on the case date; `null` if none was.
    pub version: Option<VersionReport>,
    /// For a provincial instrument: whether it extends to the case's province.
    pub territory: Option<TerritoryReport>,
    /// Elements of that version.
    pub elements: Vec<ElementReport>,
    /// Punishment of that version.
    pub penalty: Option<PenaltyReport>,
    /// Procedure of that version.
    pub procedure: Option<ProcedureReport>,
    /// The trial court: the one a jurisdiction clause settles for this case (a transnational
    /// PTPA case to the Special Court), else the statute data's default.
    pub court: Option<Court>,
    /// The investigating agency: the one a jurisdiction clause settles for this case, else the
    /// statute data's default.
    pub agency: Option<Agency>,
    /// The statute data's default trial court, beside the one resolved.
    pub default_court: Option<Court>,
    /// The statute data's default investigating agency, beside the one resolved.
    pub default_agency: Option<Agency>,
    /// Source URL.
    pub source: Option<String>,
    /// `official-text`, `secondary` or `unverified`.
    pub verified: Option<&'static str>,
    /// Fields the sources do not settle.
    pub unverified: Vec<String>,
    /// The statute data's note.
    pub note: Option<String>,
}

/// The version of a section used.
#[derive(Debug, Serialize, JsonSchema)]
pub struct VersionReport {
    /// Date key of its first day.
    pub from: String,
    /// Date key of its last day, if it has ended or will end.
    pub until: Option<String>,
    /// When it took effect (a day, or a window).
    pub in_force_from: String,
    /// False when the case date lies in the window of a later amendment.
    pub certain: bool,
    /// What this version says.
    pub summary: String,
}

/// The territorial extent of a provincial instrument.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TerritoryReport {
    /// The province the instrument extends to.
    pub province: String,
    /// `met`, `not_met` or `unknown` (when `case.province` is not given).
    pub status: Truth,
}

/// A protection the victim has or may have.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProtectionReport {
    /// Section id.
    pub section: String,
    /// Its citation as people write it (`PTPA 2018 s.7`).
    pub citation: String,
    /// Instrument short title.
    pub instrument: String,
    /// Heading.
    pub heading: String,
    /// What it gives the victim, in our words.
    pub summary: String,
    /// `applies` or `may_apply`.
    pub status: Status,
    /// The rule's citation.
    pub cite: String,
    /// Source URL.
    pub source: String,
    /// `official-text`, `secondary` or `unverified`.
    pub verified: &'static str,
    /// Fields the sources do not settle.
    pub unverified: Vec<String>,
}

/// One element.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ElementReport {
    /// Name.
    pub name: String,
    /// `met`, `not_met` or `unknown`.
    pub status: Truth,
    /// Citation.
    pub cite: String,
    /// The facts it read and their values (`null` when unknown).
    pub facts: Vec<FactValue>,
    /// The rule that met it without proof, if one did.
    pub waived_by: Option<String>,
    /// For an element inherited by a variant, the offence that declares it.
    pub inherited_from: Option<String>,
}

/// A fact and its value.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactValue {
    /// Fact name.
    pub fact: String,
    /// Its value as in a case file, or `null`.
    pub value: Json,
}

/// A punishment.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PenaltyReport {
    /// In words.
    pub text: String,
    /// Minimum term (`2y`, `6m`), if stated.
    pub imprisonment_min: Option<String>,
    /// Maximum term (`10y`, `life`), if stated.
    pub imprisonment_max: Option<String>,
    /// Death is an alternative.
    pub death: bool,
    /// Minimum fine in PKR.
    pub fine_min: Option<u64>,
    /// Maximum fine in PKR.
    pub fine_max: Option<u64>,
    /// Whether the text provides a fine.
    pub fine: bool,
    /// `or`, `or_both`, `and`, `and_liable`.
    pub combine: Option<&'static str>,
}

/// Procedure.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProcedureReport {
    /// Police may arrest without warrant.
    pub cognizable: bool,
    /// Bail as of right.
    pub bailable: bool,
    /// The victim may settle.
    pub compoundable: bool,
    /// Where a court may take cognizance only on a particular complaint or sanction: which.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cognizance: Option<String>,
}

/// Agencies and courts.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Jurisdiction {
    /// Lead, supporting and possible agencies.
    pub agencies: Vec<AgencyReport>,
    /// The court named for the case.
    pub court: Option<CourtReport>,
    /// Agency and court of each section that applies or may apply.
    pub by_section: Vec<SectionJurisdictionReport>,
    /// Places where part of the offence happened: candidate venues for trial.
    pub venues: Vec<VenueReport>,
}

/// A candidate venue.
#[derive(Debug, Serialize, JsonSchema)]
pub struct VenueReport {
    /// The place as given.
    pub place: String,
    /// The fact that names it.
    pub fact: String,
    /// The law that makes it a venue.
    pub reason: String,
    /// Unknown facts the venue rule's condition reads: the place is a venue only if they
    /// allow it (empty when it is one on the facts given).
    pub depends_on: Vec<String>,
}

/// An agency's role.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AgencyReport {
    /// The agency.
    pub id: Agency,
    /// Its name in words, in the report's language (`Federal Investigation Agency`).
    pub name: &'static str,
    /// `lead`, `supporting` or `possible`.
    pub role: Role,
    /// Why.
    pub reason: String,
    /// Sections that bring it in.
    pub sections: Vec<String>,
}

/// The court for the case.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CourtReport {
    /// The court.
    pub id: Court,
    /// Its name in words, in the report's language (`Court of Session`).
    pub name: &'static str,
    /// Why.
    pub reason: String,
    /// Whether sections go to different courts.
    pub conflict: bool,
    /// Whether one court may try every charge together, they must be tried separately, or no
    /// rule found settles it.
    pub joint_trial: JointTrial,
    /// When the forum changed after the offence date: the court the law in force now names
    /// for the case, and why whether it tries the case is an open question.
    pub later: Option<OptionReport<Court>>,
}

/// A section's agency and court.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionJurisdictionReport {
    /// Section id.
    pub section: String,
    /// Status.
    pub status: Status,
    /// Agency.
    pub agency: ChoiceReport<Agency>,
    /// Court.
    pub court: ChoiceReport<Court>,
    /// When the forum changed after the offence date: the court the law in force now names
    /// (whether it tries this earlier offence is an open question).
    pub later_court: Option<OptionReport<Court>>,
    /// Supporting agencies.
    pub support: Vec<OptionReport<Agency>>,
}

/// A settled or open choice of an agency or a court.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "{T}Choice")]
pub struct ChoiceReport<T> {
    /// The one chosen, when settled.
    pub id: Option<T>,
    /// Why, when settled.
    pub reason: Option<String>,
    /// When open: the candidates.
    pub options: Vec<OptionReport<T>>,
    /// When open: the unknown facts that would settle it.
    pub deciding: Vec<String>,
}

/// A candidate agency or court.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "{T}Option")]
pub struct OptionReport<T> {
    /// The candidate.
    pub id: T,
    /// Why.
    pub reason: String,
}

/// An overlap.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OverlapReport {
    /// Sections involved.
    pub sections: Vec<String>,
    /// Its kind.
    pub kind: OverlapKind,
    /// Declared in the rules (with a citation), or found by tipnav.
    pub declared: bool,
    /// Whether every section involved applies.
    pub certain: bool,
    /// Explanation.
    pub note: String,
    /// Citation.
    pub cite: Option<String>,
}

/// An unknown fact.
#[derive(Debug, Serialize, JsonSchema)]
pub struct UnknownReport {
    /// Fact name.
    pub fact: String,
    /// The question to ask.
    pub question: String,
    /// What it would decide (section ids, `agency for ...`, `court for ...`, `note ...`,
    /// `venue ...`).
    pub affects: Vec<String>,
    /// The same in words, with citations for section ids.
    pub affects_cited: Vec<String>,
}

/// The conclusions for one case, without the derivations: what `eval --batch --summary` writes
/// per line. Each field means what the field of the same name means in [`CaseReport`].
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseSummary<'a> {
    /// The date whose law was used.
    pub date: String,
    /// `case` or `today`.
    pub date_source: DateSource,
    /// Sections that apply.
    pub applies: Vec<&'a str>,
    /// Sections that may apply.
    pub may_apply: Vec<&'a str>,
    /// The lead agency.
    pub lead_agency: Option<Agency>,
    /// The court for the case.
    pub court: Option<Court>,
    /// Whether that court may try every charge together, they must be tried separately, or
    /// that is open.
    pub joint_trial: Option<JointTrial>,
    /// Overlaps among sections that apply or may apply: their kind and sections.
    pub overlaps: Vec<OverlapSummary<'a>>,
    /// Unknown facts that would change a conclusion.
    pub unknown: Vec<&'a str>,
    /// Whether the case date falls in an amendment's window and the later law differs.
    pub version_uncertain: bool,
}

/// An overlap in a summary.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OverlapSummary<'a> {
    /// Overlap kind.
    pub kind: OverlapKind,
    /// Its sections.
    pub sections: Vec<&'a str>,
}

/// Builds the summary of one evaluated case.
pub fn case_summary<'a>(program: &'a Program, evaluated: &'a Evaluated<'_>) -> CaseSummary<'a> {
    let outcome = &evaluated.outcome;
    let resolution = &evaluated.resolution;
    let with_status = |status: Status| {
        sorted_by_status(&outcome.sections)
            .filter(|s| Status::from(s.status) == status)
            .map(|s| s.section(program))
            .collect()
    };
    CaseSummary {
        date: outcome.date.to_string(),
        date_source: DateSource::of_outcome(outcome),
        applies: with_status(Status::Applies),
        may_apply: with_status(Status::MayApply),
        lead_agency: resolution.lead_agency(),
        court: resolution.court.as_ref().map(CaseCourt::court),
        joint_trial: resolution.court.as_ref().map(CaseCourt::joint_trial),
        overlaps: resolution
            .overlaps
            .iter()
            .map(|o| OverlapSummary {
                kind: o.kind,
                sections: o.sections.iter().map(String::as_str).collect(),
            })
            .collect(),
        unknown: resolution
            .unknown
            .iter()
            .map(|u| program.facts[u.fact].name.as_str())
            .collect(),
        version_uncertain: outcome.alternative.is_some(),
    }
}

/// Builds the report for one evaluated case.
pub fn case_report(program: &Program, evaluated: &Evaluated<'_>) -> CaseReport {
    case_report_in(program, evaluated, Detail::All)
}

/// The report of one evaluated case, saying as much of the sections that do not apply as
/// `detail` asks (the default JSON builds no more than it prints).
pub fn case_report_in(program: &Program, evaluated: &Evaluated<'_>, detail: Detail) -> CaseReport {
    let outcome = &evaluated.outcome;
    let resolution = &evaluated.resolution;
    CaseReport {
        schema_version: SchemaVersion,
        tipnav: env!("CARGO_PKG_VERSION"),
        law: law_info(program),
        detail,
        case: CaseInfo {
            file: evaluated.file.name.clone(),
            title: case_title(program, evaluated),
            date: outcome.date.to_string(),
            date_source: DateSource::of_outcome(outcome),
        },
        charge_sheet: charge_sheet_report(program, evaluated),
        sections: section_reports(program, evaluated, detail),
        jurisdiction: jurisdiction_report(program, resolution),
        overlaps: resolution
            .overlaps
            .iter()
            .map(|o| OverlapReport {
                sections: o.sections.clone(),
                kind: o.kind,
                declared: o.declared,
                certain: o.certain,
                note: super::reason::overlap(program, &o.note),
                cite: o.cite.clone(),
            })
            .collect(),
        protections: outcome
            .protections
            .iter()
            .map(|p| protection_report(program, p))
            .collect(),
        unknown: resolution
            .unknown
            .iter()
            .map(|u| UnknownReport {
                fact: program.facts[u.fact].name.clone(),
                question: program.facts[u.fact].question.clone().unwrap_or_default(),
                affects: affect_ids(program, &u.affects),
                affects_cited: affects_cited(program, &u.affects),
            })
            .collect(),
        notes: (resolution.notes.iter())
            .map(|note| super::reason::note(program, note))
            .collect(),
        alternative: outcome
            .alternative
            .as_deref()
            .zip(evaluated.alternative.as_ref())
            .map(|(later, later_resolution)| {
                alternative_report(program, outcome, later, later_resolution)
            }),
    }
}

/// The case's `case.title`, when it gives one.
fn case_title(program: &Program, evaluated: &Evaluated<'_>) -> Option<String> {
    program
        .fact("case.title")
        .and_then(|id| match &evaluated.case.values[id] {
            Some(Value::Text(text)) => Some(text.to_string()),
            _ => None,
        })
}

/// Every section, by status: in full, or in the short why-not form for a section that does
/// not apply when `detail` asks only for the sections reached.
fn section_reports(
    program: &Program,
    evaluated: &Evaluated<'_>,
    detail: Detail,
) -> Vec<SectionReport> {
    let outcome = &evaluated.outcome;
    let relevance = crate::resolve::relevance(program, outcome);
    sorted_by_status(&outcome.sections)
        .map(|s| {
            if detail == Detail::Reached && s.status == crate::eval::Status::DoesNotApply {
                return why_not_report(program, &outcome.values, s);
            }
            let mut report = section_report(program, &outcome.values, s);
            report.relevance = relevance[s.offence];
            resolved_forum(&mut report, s.offence, &evaluated.resolution);
            report
        })
        .collect()
}

/// The agencies, the court, each section's agency and court, and the candidate venues.
fn jurisdiction_report(program: &Program, resolution: &Resolution) -> Jurisdiction {
    Jurisdiction {
        agencies: resolution
            .agencies
            .iter()
            .map(|a| AgencyReport {
                id: a.agency,
                name: a.agency.name(),
                role: a.role.into(),
                reason: super::reason::agency(program, a),
                sections: a.sections.clone(),
            })
            .collect(),
        court: resolution.court.as_ref().map(|c| CourtReport {
            id: c.court(),
            name: c.court().name(),
            reason: super::reason::court(program, c),
            conflict: c.conflict(),
            joint_trial: c.joint_trial(),
            later: c.later.as_ref().map(|later| OptionReport {
                id: later.court,
                reason: super::reason::later_court(program, c.court(), later),
            }),
        }),
        by_section: resolution
            .sections
            .iter()
            .map(|s| SectionJurisdictionReport {
                section: s.section(program).to_owned(),
                status: s.status.into(),
                agency: choice_report(program, &s.agency),
                court: choice_report(program, &s.court),
                later_court: (s.later_court.as_ref()).map(|c| option_report(program, c)),
                support: (s.support.iter())
                    .map(|c| option_report(program, c))
                    .collect(),
            })
            .collect(),
        venues: resolution
            .venues
            .iter()
            .map(|v| VenueReport {
                place: v.place.clone(),
                fact: program.facts[v.fact].name.clone(),
                reason: v.cite.clone(),
                depends_on: v
                    .depends_on
                    .iter()
                    .map(|&f| program.facts[f].name.clone())
                    .collect(),
            })
            .collect(),
    }
}

fn charge_sheet_report(program: &Program, evaluated: &Evaluated<'_>) -> ChargeSheetReport {
    let sheet = charge_sheet(
        program,
        &evaluated.outcome,
        &evaluated.resolution,
        &evaluated.decisive,
    );
    let cite = |id: &str| citation(&program.book, id);
    ChargeSheetReport {
        charges: sheet
            .charges
            .into_iter()
            .map(|c| ChargeReport {
                penalty: c.particulars.as_ref().map(|p| p.punishment.to_string()),
                procedure: c.particulars.as_ref().map(|p| ProcedureReport {
                    cognizable: p.cognizable,
                    bailable: p.bailable,
                    compoundable: p.compoundable,
                    cognizance: p.cognizance.clone(),
                }),
                court: c.court.iter().map(|&c| court_named(c)).collect(),
                agency: c.agency.iter().map(|&a| agency_named(a)).collect(),
                id: c.section,
                citation: c.citation,
                heading: c.heading,
            })
            .collect(),
        trial: sheet.court.map(|c| TrialReport {
            court: court_named(c.court()),
            joint_trial: c.joint_trial(),
            reason: super::reason::court(program, &c),
            later: c.later.as_ref().map(|later| LaterForumReport {
                court: court_named(later.court),
                reason: super::reason::later_court(program, c.court(), later),
            }),
        }),
        lead_agency: sheet.lead.map(agency_named),
        supporting_agencies: sheet.supporting.into_iter().map(agency_named).collect(),
        protections: sheet
            .protections
            .into_iter()
            .map(|(section, status)| ProtectionBrief {
                citation: cite(&section),
                heading: program.book.sections[&section].heading.clone(),
                section,
                status: status.into(),
            })
            .collect(),
        decisive: sheet
            .decisive
            .into_iter()
            .map(|u| DecisiveReport {
                fact: program.facts[u.fact].name.clone(),
                question: program.facts[u.fact].question.clone().unwrap_or_default(),
                affects: affect_ids(program, &u.affects),
                affects_cited: affects_cited(program, &u.affects),
            })
            .collect(),
    }
}

/// What an unknown fact would decide, as ids.
fn affect_ids(program: &Program, affects: &[Affect]) -> Vec<String> {
    (affects.iter())
        .map(|a| super::reason::affect_id(program, a))
        .collect()
}

/// What an unknown fact would decide, in words: `agency for PTPA 2018 s.3`.
fn affects_cited(program: &Program, affects: &[Affect]) -> Vec<String> {
    (affects.iter())
        .map(|a| super::reason::affect(program, a))
        .collect()
}

fn court_named(court: Court) -> Named {
    Named {
        id: court.id(),
        name: court.name(),
    }
}

fn agency_named(agency: Agency) -> Named {
    Named {
        id: agency.id(),
        name: agency.name(),
    }
}

/// The law a program was built from: its digest and the overlays applied.
pub fn law_info(program: &Program) -> LawInfo {
    LawInfo {
        digest: program.digest.clone(),
        amendments: program.amendments.iter().map(Into::into).collect(),
    }
}

fn alternative_report(
    program: &Program,
    earlier: &Outcome,
    later: &Outcome,
    resolution: &Resolution,
) -> AlternativeReport {
    let version_of = |s: &SectionOutcome| s.version.as_ref().map(|(index, _)| *index);
    let sections = earlier
        .sections
        .iter()
        .zip(&later.sections)
        .filter(|(a, b)| a.status != b.status || version_of(a) != version_of(b))
        .filter(|(a, b)| Status::from(a.status).reaches() || Status::from(b.status).reaches())
        .map(|(a, b)| {
            let section = &program.book.sections[b.section(program)];
            let version = version_of(b).map(|index| &section.versions[index]);
            AlternativeSection {
                id: b.section(program).to_owned(),
                status: a.status.into(),
                later_status: b.status.into(),
                later_version: version.map(|v| v.from.clone()),
                later_penalty: version
                    .and_then(|v| v.offence.as_ref())
                    .map(|p| p.punishment.to_string()),
            }
        })
        .collect();
    AlternativeReport {
        date_keys: crate::resolve::relevant_windows(program, earlier)
            .iter()
            .map(|k| k.id.clone())
            .collect(),
        sections,
        lead_agency: resolution.lead_agency(),
        court: resolution.court.as_ref().map(CaseCourt::court),
    }
}

fn protection_report(program: &Program, outcome: &ProtectionOutcome) -> ProtectionReport {
    let protection = &program.protections[outcome.protection];
    let section = &program.book.sections[&protection.section];
    let version = &section.versions[outcome.version];
    ProtectionReport {
        section: protection.section.clone(),
        citation: citation(&program.book, &protection.section),
        instrument: program.book.instruments[section.instrument]
            .short_title
            .clone(),
        heading: section.heading.clone(),
        summary: version
            .summary
            .clone()
            .unwrap_or_else(|| section.summary.clone()),
        status: outcome.status.into(),
        cite: protection.cite.clone(),
        source: version.source.clone(),
        verified: version.verified.as_str(),
        unverified: version.unverified.clone(),
    }
}

/// Sections that apply first, then those that may apply, then the rest; rule order within each.
fn sorted_by_status(sections: &[SectionOutcome]) -> impl Iterator<Item = &SectionOutcome> {
    let mut sorted: Vec<&SectionOutcome> = sections.iter().collect();
    sorted.sort_by_key(|s| s.status);
    sorted.into_iter()
}

/// The court and agency the jurisdiction clauses settle for the section, in place of the
/// statute's defaults (which stay beside them); an open choice leaves the default shown.
fn resolved_forum(
    report: &mut SectionReport,
    offence: crate::model::OffenceId,
    resolution: &Resolution,
) {
    let Some(found) = resolution.sections.iter().find(|j| j.offence == offence) else {
        return;
    };
    if let Some(chosen) = &found.court.chosen {
        report.court = Some(chosen.value);
    }
    if let Some(chosen) = &found.agency.chosen {
        report.agency = Some(chosen.value);
    }
}

fn section_report(
    program: &Program,
    values: &[Option<Value>],
    outcome: &SectionOutcome,
) -> SectionReport {
    let section = &program.book.sections[outcome.section(program)];
    let version = outcome
        .version
        .as_ref()
        .map(|(index, certainty)| (&section.versions[*index], certainty));
    let particulars = version.and_then(|(v, _)| v.offence.as_ref());
    SectionReport {
        version: section_report_version(program, outcome),
        elements: element_reports(program, values, outcome, |_| true),
        penalty: particulars.map(|p| penalty_report(&p.punishment)),
        procedure: particulars.map(|p| ProcedureReport {
            cognizable: p.cognizable,
            bailable: p.bailable,
            compoundable: p.compoundable,
            cognizance: p.cognizance.clone(),
        }),
        court: particulars.map(|p| p.court),
        agency: particulars.map(|p| p.agency),
        default_court: particulars.map(|p| p.court),
        default_agency: particulars.map(|p| p.agency),
        source: version.map(|(v, _)| v.source.clone()),
        verified: version.map(|(v, _)| v.verified.as_str()),
        unverified: version
            .map(|(v, _)| v.unverified.clone())
            .unwrap_or_default(),
        note: version.and_then(|(v, _)| v.note.clone()),
        ..identified(program, outcome)
    }
}

/// The version of a section in force on the case's date, with where its text starts.
fn section_report_version(program: &Program, outcome: &SectionOutcome) -> Option<VersionReport> {
    let section = &program.book.sections[outcome.section(program)];
    let (index, certainty) = outcome.version.as_ref()?;
    let v = &section.versions[*index];
    Some(VersionReport {
        from: v.from.clone(),
        until: v.until.clone(),
        in_force_from: program
            .book
            .dates
            .get(&v.from)
            .map_or_else(String::new, |d| d.bound.to_string()),
        certain: *certainty == Certainty::Certain,
        summary: v.summary.clone().unwrap_or_else(|| section.summary.clone()),
    })
}

/// A section that does not apply as [`Detail::Reached`] reports it: which section it is, the
/// version in force (if any) and the elements that failed; no penalty, procedure, forum or
/// sources.
fn why_not_report(
    program: &Program,
    values: &[Option<Value>],
    outcome: &SectionOutcome,
) -> SectionReport {
    SectionReport {
        // Kept: with no failed element, a version of `null` is what says it was not in force.
        version: section_report_version(program, outcome),
        elements: element_reports(program, values, outcome, |e| e.holds == Some(false)),
        ..identified(program, outcome)
    }
}

/// The elements of a section's outcome that `keep` selects, as reported.
fn element_reports(
    program: &Program,
    values: &[Option<Value>],
    outcome: &SectionOutcome,
    keep: impl Fn(&crate::eval::ElementOutcome) -> bool,
) -> Vec<ElementReport> {
    let offence = &program.offences[outcome.offence];
    (outcome.elements.iter())
        .filter(|e| keep(e))
        .map(|e| element_report(program, values, offence, e))
        .collect()
}

/// Which section it is, its status and territory, and nothing else: the fields every report of
/// a section carries.
fn identified(program: &Program, outcome: &SectionOutcome) -> SectionReport {
    let section = &program.book.sections[outcome.section(program)];
    SectionReport {
        id: outcome.section(program).to_owned(),
        citation: citation(&program.book, outcome.section(program)),
        relevance: None,
        instrument: program.book.instruments[section.instrument]
            .short_title
            .clone(),
        heading: section.heading.clone(),
        status: outcome.status.into(),
        variant_of: (program.offences[outcome.offence].base)
            .map(|base| program.offences[base].section.clone()),
        version: None,
        territory: outcome.territory.as_ref().map(|t| TerritoryReport {
            province: t.province.clone(),
            status: t.holds.into(),
        }),
        elements: Vec::new(),
        penalty: None,
        procedure: None,
        court: None,
        agency: None,
        default_court: None,
        default_agency: None,
        source: None,
        verified: None,
        unverified: Vec::new(),
        note: None,
    }
}

fn element_report(
    program: &Program,
    values: &[Option<Value>],
    offence: &crate::model::Offence,
    outcome: &ElementOutcome,
) -> ElementReport {
    let element = &offence.elements[outcome.element];
    let mut facts: Vec<FactId> = element.inputs.clone();
    let waiver = outcome.waived_by.map(|w| &element.waivers[w]);
    if let Some(waiver) = waiver {
        facts.extend(&waiver.inputs);
    }
    facts.sort_unstable();
    facts.dedup();
    ElementReport {
        name: element.name.clone(),
        status: outcome.holds.into(),
        cite: element.cite.clone(),
        facts: facts
            .into_iter()
            .map(|f| fact_value(program, values, f))
            .collect(),
        waived_by: waiver.map(|w| w.cite.clone()),
        inherited_from: element.inherited_from.clone(),
    }
}

/// A fact with its value as a case file would write it.
pub fn fact_value(program: &Program, values: &[Option<Value>], fact: FactId) -> FactValue {
    let ty = &program.facts[fact].ty;
    FactValue {
        fact: program.facts[fact].name.clone(),
        value: values[fact]
            .as_ref()
            .map_or(Json::Null, |v| json_value(v, ty)),
    }
}

/// The indices of the members whose bits are set.
fn members(bits: u64) -> impl Iterator<Item = usize> {
    (0..64).filter(move |i| bits & (1 << i) != 0)
}

fn json_value(value: &Value, ty: &Type) -> Json {
    let member = |index: usize| {
        Json::String(
            ty.members()
                .and_then(|m| m.get(index))
                .cloned()
                .unwrap_or_default(),
        )
    };
    match value {
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Date(d) => Json::String(d.to_string()),
        Value::Text(t) => Json::String(t.to_string()),
        Value::Enum(index) => member(usize::from(*index)),
        Value::Set(bits) => Json::Array(members(*bits).map(member).collect()),
        Value::Includes(bits) => {
            serde_json::json!({ "include": members(*bits).map(member).collect::<Vec<_>>() })
        }
        Value::Between(min, max) => serde_json::json!({ "min": min, "max": max }),
        Value::Days(first, last) => Json::String(crate::model::written_stretch(*first, *last)),
    }
}

fn penalty_report(punishment: &Punishment) -> PenaltyReport {
    let prison = punishment.imprisonment;
    PenaltyReport {
        text: punishment.to_string(),
        imprisonment_min: prison.and_then(|p| p.min).map(crate::statute::Term::code),
        imprisonment_max: prison.and_then(|p| p.max).map(crate::statute::Term::code),
        death: punishment.death,
        fine_min: punishment.fine.and_then(|f| f.min),
        fine_max: punishment.fine.and_then(|f| f.max),
        fine: punishment.fine.is_some(),
        combine: punishment.combine.map(crate::statute::Combine::id),
    }
}

fn choice_report<T: Copy>(program: &Program, choice: &Choice<T>) -> ChoiceReport<T> {
    ChoiceReport {
        id: choice.chosen.as_ref().map(|c| c.value),
        reason: (choice.chosen.as_ref()).map(|c| super::reason::ground(program, c.ground)),
        options: (choice.options.iter())
            .map(|c| option_report(program, c))
            .collect(),
        deciding: choice
            .deciding
            .iter()
            .map(|&f| program.facts[f].name.clone())
            .collect(),
    }
}

fn option_report<T: Copy>(program: &Program, candidate: &Candidate<T>) -> OptionReport<T> {
    OptionReport {
        id: candidate.value,
        reason: super::reason::ground(program, candidate.ground),
    }
}

/// The schema of a closed list written as its ids: a string, one of `ids`.
fn ids_schema<'a>(description: &str, ids: impl Iterator<Item = &'a str>) -> schemars::Schema {
    let ids: Vec<&str> = ids.collect();
    schemars::json_schema!({
        "description": description,
        "type": "string",
        "enum": ids,
    })
}

/// The schema of an amendment's status: one of its ids.
fn amendment_status_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    ids_schema(
        "How far the amendment is law: enacted, a bill or a proposal.",
        (crate::overlay::AmendmentStatus::ALL.iter()).map(|s| s.id()),
    )
}

/// An agency is its id in JSON; statute data is built without schemars, as the model is.
impl JsonSchema for Agency {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Agency".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ids_schema(
            "An investigating agency.",
            Agency::ALL.iter().map(|a| a.id()),
        )
    }
}

/// A court is its id in JSON.
impl JsonSchema for Court {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Court".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ids_schema("A trial court.", Court::ALL.iter().map(|c| c.id()))
    }
}

/// An overlap kind is its id in JSON. The model is built without schemars (it is also compiled
/// by the build script), so its schema is written here.
impl JsonSchema for crate::model::OverlapKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "OverlapKind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ids_schema(
            "A kind of overlap: two offences for the same conduct, or sections that go to different courts or agencies or carry very different penalties.",
            (crate::model::OverlapKind::ALL.iter()).map(|k| k.id()),
        )
    }
}

/// An overlay.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AmendmentReport {
    /// Its name.
    pub key: String,
    /// Title.
    pub title: String,
    /// Enacted, a bill or a proposal.
    #[schemars(schema_with = "amendment_status_schema")]
    pub status: crate::overlay::AmendmentStatus,
    /// Effective day.
    pub effective: String,
    /// The bill or proposal.
    pub cite: String,
    /// The sections it changes.
    pub sections: Vec<String>,
}

impl From<&crate::overlay::Amendment> for AmendmentReport {
    fn from(amendment: &crate::overlay::Amendment) -> Self {
        AmendmentReport {
            key: amendment.key.clone(),
            title: amendment.title.clone(),
            status: amendment.status,
            effective: amendment.effective.to_string(),
            cite: amendment.cite.clone(),
            sections: amendment.sections.clone(),
        }
    }
}
