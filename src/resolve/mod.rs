//! From an [`Outcome`] to a [`Resolution`]: who investigates and which court tries each
//! section and the case as a whole, which overlaps the case hits, and which unknown facts
//! would change a conclusion. Prints nothing and writes no sentence: the reasons are data
//! (grounds, the court decision, notes), put in words by `output::reason`.

mod charge;
mod choice;
pub(crate) mod court;
pub(crate) mod overlap;

use std::collections::BTreeMap;

pub use charge::{
    Charge, ChargeSheet, DECISIVE_FACTS, charge_sheet, gravity, particulars, relevance, weight,
};
pub(crate) use choice::settle;
pub use choice::{Candidate, Choice, Given, Ground, settled};
use court::Charged;
pub use court::{CourtDecision, Joinder};

use crate::eval::{Outcome, PartialDate, SectionOutcome, Status};
use crate::model::{FactId, OffenceId, OverlapKind, Program, RuleNote, Value, Venue};
use crate::statute::{Agency, Court, InstrumentId};
use jiff::civil::Date;

/// Jurisdiction, overlaps and open questions for one case.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// Agency and court of every section that applies or may apply, in program order.
    pub sections: Vec<SectionJurisdiction>,
    /// Lead, supporting and possible agencies for the case.
    pub agencies: Vec<AgencyRole>,
    /// The court named for the case, if any section applies.
    pub court: Option<CaseCourt>,
    /// Overlaps among sections that apply or may apply.
    pub overlaps: Vec<FoundOverlap>,
    /// Unknown facts that would change a conclusion.
    pub unknown: Vec<Unknown>,
    /// Things the reader must know about how the answer was reached.
    pub notes: Vec<Note>,
    /// Places where part of the offence happened: candidate venues for trial.
    pub venues: Vec<VenueFound>,
}

/// A candidate venue.
#[derive(Debug, Clone)]
pub struct VenueFound {
    /// The place as given in the case file.
    pub place: String,
    /// The fact that names it.
    pub fact: FactId,
    /// The law that makes it a venue.
    pub cite: String,
    /// The unknown facts its rule's condition reads: the place is a venue only if they allow
    /// it. Empty when the condition holds (or there is none).
    pub depends_on: Vec<FactId>,
}

/// A note's or venue's condition that the facts leave open: the unknown facts it reads, and
/// what they decide.
#[derive(Debug, Clone)]
struct OpenPremise {
    facts: Vec<FactId>,
    what: Affect,
}

/// Something the reader must know about how the answer was reached, as data: the renderers
/// write the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The case gives no date: the law in force on this day (today) was used.
    DateAssumed(Date),
    /// The case's date is known only as a range of days.
    PartialDate(PartialDate),
    /// The case's date falls inside the window of an amendment whose day is unknown (a date
    /// key's id): the report uses the law before it.
    Window { date: Date, key: String },
    /// A rule's note that fits the case (`text`, filled from the law in force), or a venue
    /// rule's that names no place; open when the facts leave its condition open, on the
    /// unknown facts `depends_on`.
    Premised {
        venue: bool,
        text: String,
        cite: String,
        depends_on: Vec<FactId>,
    },
    /// A closed list that leaves out members which, listed, would make sections apply.
    ClosedList { fact: FactId, groups: Vec<Unlisted> },
}

/// Members a closed list leaves out (indices into its fact's members) that would each, listed,
/// make these sections apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlisted {
    /// The members.
    pub members: Vec<usize>,
    /// The sections.
    pub sections: Vec<OffenceId>,
}

/// What an unknown fact would decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affect {
    /// Whether a section applies.
    Section(OffenceId),
    /// A section's investigating agency.
    Agency(OffenceId),
    /// A section's trial court.
    Court(OffenceId),
    /// Whether a rule's note (or a declared overlap's) holds: its citation.
    Note(String),
    /// Whether a venue rule makes a place a venue: its citation.
    Venue(String),
}

/// Agency and court for one section.
#[derive(Debug, Clone)]
pub struct SectionJurisdiction {
    /// The offence.
    pub offence: OffenceId,
    /// Its status.
    pub status: Status,
    /// The investigating agency.
    pub agency: Choice<Agency>,
    /// The trial court.
    pub court: Choice<Court>,
    /// The court the law in force on the trial day names instead, when the forum changed
    /// after the offence date: whether it tries this offence is an open question.
    pub later_court: Option<Candidate<Court>>,
    /// Supporting agencies whose clauses hold, with their grounds.
    pub support: Vec<Candidate<Agency>>,
}

impl SectionJurisdiction {
    /// The section's id.
    pub fn section<'p>(&self, program: &'p Program) -> &'p str {
        &program.offences[self.offence].section
    }
}

/// An agency's part in the case.
#[derive(Debug, Clone)]
pub struct AgencyRole {
    /// The agency.
    pub agency: Agency,
    /// `lead`, `supporting` or `possible`.
    pub role: Role,
    /// Why: the strongest ground among the sections that bring it in.
    pub ground: Ground,
    /// Whether it leads by the agency precedence over other agencies in the case.
    pub leads_over_others: bool,
    /// The sections that bring it in.
    pub sections: Vec<String>,
}

/// An agency's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Leads the investigation.
    Lead,
    /// Takes part.
    Supporting,
    /// Would take part if a section that may apply does.
    Possible,
}

impl Role {
    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Supporting => "supporting",
            Role::Possible => "possible",
        }
    }
}

/// The court named for the whole case.
#[derive(Debug, Clone)]
pub struct CaseCourt {
    /// The court and why: the decision, with the charges as offences.
    pub decision: CourtDecision<OffenceId>,
    /// The court the case would go to under the law in force on the trial day, when the
    /// forum changed after the offence date: an open question.
    pub later: Option<LaterForum>,
}

impl CaseCourt {
    /// The court named for the case.
    pub fn court(&self) -> Court {
        self.decision.court
    }

    /// Whether the sections that apply go to different courts, or one is confined to its own.
    pub fn conflict(&self) -> bool {
        self.decision.joinder != Joinder::OneCourt
    }

    /// Whether one court can try every charge.
    pub fn joint_trial(&self) -> JointTrial {
        self.decision.joinder.joint_trial()
    }
}

/// The senior forum among the charges under the law in force on the trial day, when it is not
/// the offence date's: whether it tries the case is an open question.
#[derive(Debug, Clone)]
pub struct LaterForum {
    /// The court.
    pub court: Court,
    /// The grounds of the later forums of the sections whose forum changed (repeats
    /// dropped).
    pub grounds: Vec<Ground>,
}

/// Whether the charges can be tried together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JointTrial {
    /// One court tries every section that applies, or may try them all.
    Together,
    /// A section may be tried only by its own court, which is not the others'.
    Separately,
    /// No rule found settles it.
    Open,
}

impl JointTrial {
    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            JointTrial::Together => "together",
            JointTrial::Separately => "separately",
            JointTrial::Open => "open",
        }
    }
}

/// An overlap the case hits.
#[derive(Debug, Clone)]
pub struct FoundOverlap {
    /// The sections involved.
    pub sections: Vec<String>,
    /// Kind.
    pub kind: OverlapKind,
    /// Whether the rules declare it (with a citation) or tipnav found it.
    pub declared: bool,
    /// Whether every section involved applies (rather than may apply).
    pub certain: bool,
    /// Explanation.
    pub note: OverlapNote,
    /// Citation, for declared overlaps.
    pub cite: Option<String>,
}

/// What an overlap's note says.
#[derive(Debug, Clone)]
pub enum OverlapNote {
    /// A declared overlap's note, filled from the law in force on the case.
    Declared(String),
    /// Applying sections sent to different forums: each with its court or agency.
    Conflict(Vec<(OffenceId, Forum)>),
}

/// A court or an agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forum {
    /// An investigating agency.
    Agency(Agency),
    /// A trial court.
    Court(Court),
}

/// An unknown fact and what it would decide.
#[derive(Debug, Clone)]
pub struct Unknown {
    /// The fact.
    pub fact: FactId,
    /// What it affects.
    pub affects: Vec<Affect>,
}

impl Resolution {
    /// The agency that leads the investigation, if one does.
    pub fn lead_agency(&self) -> Option<Agency> {
        self.agencies
            .iter()
            .find(|a| a.role == Role::Lead)
            .map(|a| a.agency)
    }
}

/// Resolves jurisdiction, overlaps and unknowns.
pub fn resolve(program: &Program, outcome: &Outcome) -> Resolution {
    let sections: Vec<SectionJurisdiction> = outcome
        .sections
        .iter()
        .filter(|s| s.status != Status::DoesNotApply)
        .map(|s| choice::section_jurisdiction(program, outcome, s))
        .collect();
    let agencies = agencies(program, &sections);
    let court = case_court(program, outcome, &sections);
    let mut open = Vec::new();
    let overlaps = overlaps(program, outcome, &sections, &mut open);
    let (venues, where_noted) = venues(program, outcome, &mut open);
    let mut notes = notes(program, outcome);
    notes.extend(rule_notes(program, outcome, &mut open));
    notes.extend(where_noted);
    let unknown = unknowns(program, outcome, &sections, &open);
    Resolution {
        sections,
        agencies,
        court,
        overlaps,
        unknown,
        notes,
        venues,
    }
}

fn applying(sections: &[SectionJurisdiction]) -> impl Iterator<Item = &SectionJurisdiction> {
    sections.iter().filter(|s| s.status == Status::Applies)
}

fn agencies(program: &Program, sections: &[SectionJurisdiction]) -> Vec<AgencyRole> {
    let mut by_agency: BTreeMap<Agency, AgencyRole> = BTreeMap::new();
    // The reason shown is the strongest one: a section that applies beats one that may, and a
    // jurisdiction rule's citation beats a statute default.
    let mut strength: BTreeMap<Agency, (Role, bool)> = BTreeMap::new();
    let mut add = |agency: Agency, role: Role, candidate: &Candidate<Agency>, section: &str| {
        let entry = by_agency.entry(agency).or_insert_with(|| AgencyRole {
            agency,
            role,
            ground: candidate.ground,
            leads_over_others: false,
            sections: Vec::new(),
        });
        let by_rule = candidate.ground.by_rule();
        let best = strength.entry(agency).or_insert((role, by_rule));
        if (role, !by_rule) < (best.0, !best.1) {
            *best = (role, by_rule);
            entry.role = role;
            entry.ground = candidate.ground;
        }
        if !entry.sections.iter().any(|s| s == section) {
            entry.sections.push(section.to_owned());
        }
    };
    for section in sections {
        let role = if section.status == Status::Applies {
            Role::Supporting
        } else {
            Role::Possible
        };
        match &section.agency.chosen {
            Some(chosen) => add(chosen.value, role, chosen, section.section(program)),
            None => {
                for option in &section.agency.options {
                    add(
                        option.value,
                        Role::Possible,
                        option,
                        section.section(program),
                    );
                }
            }
        }
        for support in &section.support {
            add(support.value, role, support, section.section(program));
        }
    }
    let chosen = applying(sections).filter_map(|s| s.agency.chosen.as_ref().map(|c| c.value));
    if let Some(agency) = lead_agency(program, chosen) {
        let others = by_agency.len() > 1;
        let role = by_agency
            .get_mut(&agency)
            .expect("the lead comes from a section's agency");
        role.role = Role::Lead;
        role.leads_over_others = others;
    }
    let mut roles: Vec<AgencyRole> = by_agency.into_values().collect();
    roles.sort_by_key(|r| (r.role, r.agency));
    roles
}

/// The court for the whole case: the senior forum among the sections that apply, and whether
/// it can try them all (a `joint` rule for their instruments), or some section may be tried
/// only by its own court, or nothing settles it.
fn case_court(
    program: &Program,
    outcome: &Outcome,
    sections: &[SectionJurisdiction],
) -> Option<CaseCourt> {
    let charges: Vec<Charged<OffenceId, InstrumentId>> = applying(sections)
        .filter_map(|s| {
            let court = s.court.chosen.as_ref()?.value;
            Some(Charged {
                id: s.offence,
                court,
                exclusive: exclusive_court(program, outcome, s.offence),
                instrument: program.book.sections[s.section(program)].instrument,
            })
        })
        .collect();
    let in_rule =
        |j: usize, instrument: &InstrumentId| program.joint[j].instruments.contains(instrument);
    let decision = court::decide(program, charges, in_rule, |a, b| a == b)?;
    Some(CaseCourt {
        later: later_case_court(program, sections, decision.court),
        decision,
    })
}

/// The senior forum among the charges if each were tried in the court the law in force on
/// the trial day names, when that is not `court`.
fn later_case_court(
    program: &Program,
    sections: &[SectionJurisdiction],
    court: Court,
) -> Option<LaterForum> {
    let moved: Vec<&SectionJurisdiction> = applying(sections)
        .filter(|s| s.later_court.is_some())
        .collect();
    let precedence = program.court_precedence.as_ref();
    let later = applying(sections)
        .filter_map(|s| {
            s.later_court
                .as_ref()
                .or(s.court.chosen.as_ref())
                .map(|c| c.value)
        })
        .min_by_key(|c| precedence.map_or(0, |p| p.rank(c)))?;
    if later == court {
        return None;
    }
    let mut grounds: Vec<Ground> = Vec::new();
    for ground in moved
        .iter()
        .filter_map(|s| Some(s.later_court.as_ref()?.ground))
    {
        if !grounds.contains(&ground) {
            grounds.push(ground);
        }
    }
    Some(LaterForum {
        court: later,
        grounds,
    })
}

/// Whether an offence's version in force may be tried only by its own court.
fn exclusive_court(program: &Program, outcome: &Outcome, offence: OffenceId) -> bool {
    let found = &outcome.sections[offence];
    found.version.as_ref().is_some_and(|(index, _)| {
        program.book.sections[found.section(program)].versions[*index]
            .offence
            .as_ref()
            .is_some_and(|o| o.court_exclusive)
    })
}

/// A declaration's condition on the case: true when there is none, unknown when a fact it
/// reads is not given.
fn premise(condition: Option<&crate::model::Expr>, values: &[Option<Value>]) -> Option<bool> {
    condition.map_or(Some(true), |c| crate::eval::value::truth(c, values))
}

/// The input facts a condition reads that the case leaves unknown (`values`: the case's,
/// derived facts included). Shared with the batch plan, which must list the same unknowns.
pub(crate) fn unknown_inputs(
    program: &Program,
    values: &[Option<Value>],
    condition: Option<&crate::model::Expr>,
) -> Vec<FactId> {
    use crate::model::Expr;
    fn collect(expr: &Expr, program: &Program, found: &mut Vec<FactId>) {
        match expr {
            Expr::Const(_) => {}
            Expr::Fact(id) | Expr::SetAny(id, _) | Expr::SetAll(id, _) | Expr::EnumIn(id, _) => {
                found.extend(&program.facts[*id].inputs);
            }
            Expr::Not(operand) => collect(operand, program, found),
            Expr::And(l, r) | Expr::Or(l, r) | Expr::Compare(_, l, r) => {
                collect(l, program, found);
                collect(r, program, found);
            }
        }
    }
    let mut found = Vec::new();
    if let Some(condition) = condition {
        collect(condition, program, &mut found);
    }
    found.retain(|&fact| values[fact].is_none());
    found.sort_unstable();
    found.dedup();
    found
}

/// A rule file's note with its `{section field}` references filled from the versions in force
/// on the case: the evaluated section's version, or for a section no rule evaluates (a
/// provision a note cites in passing, such as the Vagrancy Ordinance s.9) the version the
/// book has in force on the case's reading.
pub fn note_on_case(program: &Program, outcome: &Outcome, note: &str) -> String {
    let reading = crate::statute::Reading {
        date: outcome.date,
        windows: outcome.windows,
    };
    crate::statute::fill::fill(&program.book, note, |section| {
        match outcome
            .sections
            .iter()
            .find(|s| s.section(program) == section.id)
        {
            Some(evaluated) => evaluated.version.as_ref().map(|(index, _)| *index),
            None => program
                .book
                .version_on(section, reading)
                .map(|(index, _)| index),
        }
    })
}

fn overlaps(
    program: &Program,
    outcome: &Outcome,
    sections: &[SectionJurisdiction],
    open: &mut Vec<OpenPremise>,
) -> Vec<FoundOverlap> {
    let status = |offence: OffenceId| outcome.sections[offence].status;
    let instrument =
        |offence: OffenceId| program.book.sections[&program.offences[offence].section].instrument;
    let hits = overlap::declared(
        program,
        0..program.overlaps.len(),
        status,
        |offence| program.family(offence),
        instrument,
        &outcome.values,
    );
    let mut found: Vec<FoundOverlap> = hits
        .into_iter()
        .map(|hit| declared_overlap(program, outcome, &hit, open))
        .collect();
    found.extend(conflict(
        program,
        sections,
        OverlapKind::ForumConflict,
        |s| Some(Forum::Court(s.court.chosen.as_ref()?.value)),
    ));
    found.extend(conflict(
        program,
        sections,
        OverlapKind::AgencyConflict,
        |s| Some(Forum::Agency(s.agency.chosen.as_ref()?.value)),
    ));
    found
}

/// A declared overlap the case hits, with its note on the case; an open premise (a note
/// about a foreign victim when the victim's nationality is unknown) makes it possible only,
/// and the facts it reads join the case's unknown facts.
fn declared_overlap(
    program: &Program,
    outcome: &Outcome,
    hit: &overlap::Hit,
    open: &mut Vec<OpenPremise>,
) -> FoundOverlap {
    let overlap = &program.overlaps[hit.overlap];
    if hit.open {
        open.push(OpenPremise {
            facts: unknown_inputs(program, &outcome.values, overlap.condition.as_ref()),
            what: Affect::Note(overlap.cite.clone()),
        });
    }
    let applies = |&o: &OffenceId| outcome.sections[o].status == Status::Applies;
    FoundOverlap {
        certain: !hit.open && hit.members.iter().all(applies),
        sections: (hit.members.iter())
            .map(|&o| program.offences[o].section.clone())
            .collect(),
        kind: overlap.kind,
        declared: true,
        note: OverlapNote::Declared(note_on_case(
            program,
            outcome,
            overlap.note.as_deref().unwrap_or_default(),
        )),
        cite: Some(overlap.cite.clone()),
    }
}

/// A conflict among applying sections that are sent to different courts or agencies.
fn conflict(
    program: &Program,
    sections: &[SectionJurisdiction],
    kind: OverlapKind,
    target: impl Fn(&SectionJurisdiction) -> Option<Forum>,
) -> Option<FoundOverlap> {
    let pairs: Vec<(&SectionJurisdiction, Forum)> = applying(sections)
        .filter_map(|s| Some((s, target(s)?)))
        .collect();
    if !differ(pairs.iter().map(|(_, t)| *t)) {
        return None;
    }
    Some(FoundOverlap {
        sections: pairs
            .iter()
            .map(|(s, _)| s.section(program).to_owned())
            .collect(),
        kind,
        declared: false,
        certain: true,
        note: OverlapNote::Conflict(pairs.iter().map(|(s, t)| (s.offence, *t)).collect()),
        cite: None,
    })
}

/// The agency that leads, among the agencies of the charges that apply: the first by the
/// agency precedence (none when the rules give none). The one decision for the report and the
/// batch plan.
pub(crate) fn lead_agency(
    program: &Program,
    agencies: impl IntoIterator<Item = Agency>,
) -> Option<Agency> {
    let precedence = program.agency_precedence.as_ref()?;
    agencies
        .into_iter()
        .min_by_key(|agency| precedence.rank(agency))
}

/// Whether the charges that apply, with their settled courts or agencies, do not all go to the
/// same one: a forum or agency conflict. The one decision for the report and the batch plan.
pub(crate) fn differ<T: PartialEq>(forums: impl IntoIterator<Item = T>) -> bool {
    let mut forums = forums.into_iter();
    forums
        .next()
        .is_some_and(|first| forums.any(|forum| forum != first))
}

fn unknowns(
    program: &Program,
    outcome: &Outcome,
    sections: &[SectionJurisdiction],
    open: &[OpenPremise],
) -> Vec<Unknown> {
    let mut affects: BTreeMap<FactId, Vec<Affect>> = BTreeMap::new();
    let mut add = |facts: &[FactId], what: Affect| {
        for &fact in facts {
            if outcome.values[fact].is_none() {
                let list = affects.entry(fact).or_default();
                if !list.contains(&what) {
                    list.push(what.clone());
                }
            }
        }
    };
    for section in outcome
        .sections
        .iter()
        .filter(|s| s.status == Status::MayApply)
    {
        for fact in undecided_inputs(program, section) {
            add(&[fact], Affect::Section(section.offence));
        }
    }
    for section in sections {
        add(&section.agency.deciding, Affect::Agency(section.offence));
        add(&section.court.deciding, Affect::Court(section.offence));
    }
    for premise in open {
        add(&premise.facts, premise.what.clone());
    }
    affects
        .into_iter()
        .map(|(fact, affects)| Unknown { fact, affects })
        .collect()
}

/// The unknown input facts read by a section's unknown elements and their waivers, sorted,
/// as [`open_inputs`] decides them.
pub fn undecided_inputs(program: &Program, section: &SectionOutcome) -> Vec<FactId> {
    let open = (section.elements.iter())
        .filter(|e| e.holds.is_none())
        .map(|e| e.element);
    let territory = section.territory.as_ref();
    let territory_open = territory.is_some_and(|t| t.holds.is_none());
    let mut facts: Vec<FactId> = Vec::new();
    open_inputs(program, section.offence, open, territory_open, |f| {
        facts.push(f);
    });
    facts.sort_unstable();
    facts.dedup();
    facts
}

/// The input facts an offence that may apply turns on, each handed to `each`: those its
/// unknown elements (`open`, indices into its elements) and their waivers read, and the case's
/// province when whether its Act extends to the case is open. Some may be known (an element
/// reads several facts) or repeated; callers keep what they need. The one decision for the
/// report and the batch plan. A callback rather than an iterator: the plan calls it for every
/// offence that may apply in every case, and returned as chained iterators it made a batch of
/// summaries 5% slower (callgrind).
pub(crate) fn open_inputs(
    program: &Program,
    offence: OffenceId,
    open: impl Iterator<Item = usize>,
    territory_open: bool,
    mut each: impl FnMut(FactId),
) {
    let elements = &program.offences[offence].elements;
    for element in open.map(|e| &elements[e]) {
        let waivers = element.waivers.iter().flat_map(|w| &w.inputs);
        element.inputs.iter().chain(waivers).for_each(|&f| each(f));
    }
    if territory_open {
        program.case_province.into_iter().for_each(each);
    }
}

/// The amendments whose unknown day makes this case's law uncertain: date keys whose window
/// contains the date and that bound a version of a section the two readings disagree on.
pub fn relevant_windows<'a>(
    program: &'a Program,
    outcome: &Outcome,
) -> Vec<&'a crate::statute::DateKey> {
    let Some(later) = outcome.alternative.as_deref() else {
        return Vec::new();
    };
    if let Some(partial) = &outcome.partial {
        return changing_within(program, partial);
    }
    let mut keys: Vec<&str> = Vec::new();
    let reaching = outcome
        .sections
        .iter()
        .zip(&later.sections)
        .filter(|(a, b)| a.status != Status::DoesNotApply || b.status != Status::DoesNotApply);
    for (a, b) in reaching {
        for (_, certainty) in a.version.iter().chain(&b.version) {
            if let crate::statute::Certainty::Uncertain(key) = certainty {
                keys.push(key);
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    let uncertain = program.book.uncertain_on(outcome.date);
    uncertain
        .into_iter()
        .filter(|k| keys.contains(&k.id.as_str()) || keys.is_empty())
        .collect()
}

/// The date keys reached (or whose window opens or closes) within a partial date's range.
fn changing_within<'a>(
    program: &'a Program,
    partial: &crate::eval::PartialDate,
) -> Vec<&'a crate::statute::DateKey> {
    let within = |day: Date| day > partial.first && day <= partial.last;
    program
        .book
        .dates
        .values()
        .filter(|key| match key.bound {
            crate::statute::DateBound::On(day) => within(day),
            crate::statute::DateBound::Window { after, by } => {
                after.tomorrow().is_ok_and(within) || within(by)
            }
        })
        .collect()
}

/// The venue rules a case reaches, each with its premise (`Some(true)` when it holds, `None`
/// when the facts leave it open): when some section applies or may apply, the rules whose
/// condition is not false on the facts and one of whose offences after `for` applies or may
/// apply (s.181(4) needs a kidnapping section). The one decision for the report and the batch
/// plan.
pub(crate) fn venues_reached<'p>(
    program: &'p Program,
    status: impl Fn(OffenceId) -> Status,
    values: &[Option<Value>],
) -> Vec<(&'p Venue, Option<bool>)> {
    let reaches = |offence: &OffenceId| status(*offence) != Status::DoesNotApply;
    if !program.offence_ids().any(|o| reaches(&o)) {
        return Vec::new();
    }
    (program.venues.iter())
        .filter(|venue| venue.offences.is_empty() || venue.offences.iter().any(reaches))
        .map(|venue| (venue, premise(venue.condition.as_ref(), values)))
        .filter(|(_, premise)| *premise != Some(false))
        .collect()
}

/// The rules' notes that fit a case, each with its premise, among those in force (`in_force`,
/// indices into `Program::notes`): a note whose condition is false is not shown, nor a firm
/// note (`only when`) whose condition the facts leave open. The one decision for the report and
/// the batch plan.
pub(crate) fn notes_reached<'p>(
    program: &'p Program,
    in_force: impl IntoIterator<Item = usize>,
    values: &[Option<Value>],
) -> Vec<(&'p RuleNote, Option<bool>)> {
    let notes = in_force.into_iter().map(|n| &program.notes[n]);
    notes
        .map(|note| (note, premise(note.condition.as_ref(), values)))
        .filter(|(note, premise)| *premise == Some(true) || (premise.is_none() && !note.firm))
        .collect()
}

/// Every place the case names under a venue rule, once each, when some section applies, and
/// the notes of the venue rules that name no place (CrPC s.188: wherever the offender is
/// found), as [`venues_reached`] decides which rules the case reaches.
fn venues(
    program: &Program,
    outcome: &Outcome,
    open: &mut Vec<OpenPremise>,
) -> (Vec<VenueFound>, Vec<Note>) {
    let (mut found, mut noted): (Vec<VenueFound>, Vec<Note>) = (Vec::new(), Vec::new());
    let status = |offence: OffenceId| outcome.sections[offence].status;
    for (venue, premise) in venues_reached(program, status, &outcome.values) {
        // An unknown condition makes the venue possible: shown with the facts it depends on,
        // which join the case's unknown facts.
        let depends_on = if premise.is_none() {
            unknown_inputs(program, &outcome.values, venue.condition.as_ref())
        } else {
            Vec::new()
        };
        if !depends_on.is_empty() {
            open.push(OpenPremise {
                facts: depends_on.clone(),
                what: Affect::Venue(venue.cite.clone()),
            });
        }
        if venue.places.is_empty() {
            noted.push(Note::Premised {
                venue: true,
                text: note_on_case(program, outcome, venue.note.as_deref().unwrap_or_default()),
                cite: venue.cite.clone(),
                depends_on: depends_on.clone(),
            });
        }
        for &fact in &venue.places {
            if let Some(Value::Text(place)) = &outcome.values[fact] {
                let listed = found
                    .iter()
                    .any(|v| v.place == place.as_ref() && v.cite == venue.cite);
                if !listed {
                    found.push(VenueFound {
                        place: place.to_string(),
                        fact,
                        cite: venue.cite.clone(),
                        depends_on: depends_on.clone(),
                    });
                }
            }
        }
    }
    (found, noted)
}

/// The rules' own notes (`note "..." when ... since ...`) that fit the case: the law they speak
/// of is in force on its date and their condition is not false. An unknown condition shows the
/// note as possible, naming the facts it depends on, which join the unknown facts; a firm note
/// (`only when`) is shown only when its condition holds.
fn rule_notes(program: &Program, outcome: &Outcome, open: &mut Vec<OpenPremise>) -> Vec<Note> {
    let mut shown = Vec::new();
    let in_force = crate::model::in_force::on(program, outcome.reading())
        .notes
        .iter()
        .copied();
    for (note, premise) in notes_reached(program, in_force, &outcome.values) {
        let depends_on = if premise.is_none() {
            unknown_inputs(program, &outcome.values, note.condition.as_ref())
        } else {
            Vec::new()
        };
        if !depends_on.is_empty() {
            open.push(OpenPremise {
                facts: depends_on.clone(),
                what: Affect::Note(note.cite.clone()),
            });
        }
        shown.push(Note::Premised {
            venue: false,
            text: note_on_case(program, outcome, &note.text),
            cite: note.cite.clone(),
            depends_on,
        });
    }
    shown
}

/// What the case's date means for the report: assumed, known only as a range, or inside an
/// amendment's window.
fn notes(program: &Program, outcome: &Outcome) -> Vec<Note> {
    let mut notes = Vec::new();
    if outcome.date_assumed {
        notes.push(Note::DateAssumed(outcome.date));
    }
    if let Some(partial) = &outcome.partial {
        notes.push(Note::PartialDate(partial.clone()));
    }
    for key in relevant_windows(program, outcome)
        .into_iter()
        .filter(|_| outcome.partial.is_none())
    {
        notes.push(Note::Window {
            date: outcome.date,
            key: key.id.clone(),
        });
    }
    notes
}
