//! Statute data: instruments, their sections and dated versions, as loaded from
//! `statutes/*.toml`. Holds legal facts (penalties, courts, agencies, dates, sources); never
//! legal logic, which lives in the rule files.

mod cite;
mod error;
pub mod fill;
mod load;
mod punishment;

use std::collections::BTreeMap;
use std::fmt;

use crate::i18n::{tr, trf};
use crate::ids::index_type;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use cite::{citation, find_section, section_number, section_part};
pub use error::StatuteError;
pub use load::load;
pub use punishment::{Combine, Fine, Imprisonment, Punishment, Term};

/// Every instrument, date key and section the law knows, checked for consistency.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct StatuteBook {
    /// The instruments, indexed by [`InstrumentId`].
    pub instruments: Instruments,
    /// Named dates that version boundaries refer to (`act-ix-2025`).
    pub dates: BTreeMap<String, DateKey>,
    /// Sections by full id (`ptpa-2018/3`).
    pub sections: BTreeMap<String, Section>,
}

index_type!(
    /// A version of a section: its index in [`Section::versions`]. A type of its own so that a
    /// version cannot be taken for an offence, a fact or an element.
    VersionId
);

index_type!(
    /// An instrument: its index in [`Instruments`], fixed once it is added. Sections and rules
    /// hold it, so an instrument's id is looked up once, where the law is read.
    InstrumentId
);

/// The instruments of the book: each keeps the index it was added under, and they are listed
/// and looked up in the order of their ids (`ppc` before `ptpa-2018`).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Instruments {
    list: Vec<Instrument>,
    /// The indices in the order of the instruments' ids.
    by_id: Vec<InstrumentId>,
}

impl Instruments {
    /// Adds an instrument whose id the book does not have yet.
    pub fn add(&mut self, instrument: Instrument) -> InstrumentId {
        let index = InstrumentId(self.list.len());
        let place = self.place(&instrument.id).expect_err("a new instrument id");
        self.by_id.insert(place, index);
        self.list.push(instrument);
        index
    }

    /// The instrument whose id is `id`.
    pub fn id(&self, id: &str) -> Option<InstrumentId> {
        self.place(id).ok().map(|place| self.by_id[place])
    }

    /// The instrument whose id is `id`.
    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.id(id).map(|index| &self[index])
    }

    /// Whether the book has an instrument with id `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.id(id).is_some()
    }

    /// The instruments in the order of their ids.
    pub fn iter(&self) -> impl Iterator<Item = &Instrument> + Clone {
        self.by_id.iter().map(|&index| &self[index])
    }

    /// Their ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.iter().map(|instrument| instrument.id.as_str())
    }

    /// Each instrument's id and its title, to translate in place. Only the title is lent out:
    /// the ids keep `by_id` in order.
    pub fn titles_mut(&mut self) -> impl Iterator<Item = (&str, &mut String)> {
        (self.list.iter_mut()).map(|instrument| (instrument.id.as_str(), &mut instrument.title))
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Where `id` is in `by_id`, or where it would go.
    fn place(&self, id: &str) -> Result<usize, usize> {
        (self.by_id).binary_search_by(|&index| self.list[index].id.as_str().cmp(id))
    }
}

impl std::ops::Index<InstrumentId> for Instruments {
    type Output = Instrument;
    fn index(&self, index: InstrumentId) -> &Instrument {
        &self.list[index]
    }
}

impl Section {
    /// Every version, in order.
    pub fn version_ids(&self) -> impl DoubleEndedIterator<Item = VersionId> + use<> {
        (0..self.versions.len()).map(VersionId)
    }
}

impl StatuteBook {
    /// The version of a section in force on a reading's date, if any, and whether that is
    /// certain (it is not when a version boundary's day is unknown and falls on the date).
    pub fn version_on(
        &self,
        section: &Section,
        reading: Reading,
    ) -> Option<(VersionId, Certainty)> {
        (section.version_ids().zip(&section.versions)).find_map(|(index, version)| {
            let started = version.from_at.in_force(reading);
            let ended = version
                .until_at
                .is_some_and(|until| until.in_force(reading));
            if !started || ended {
                return None;
            }
            let boundary = [Some((&version.from, version.from_at))]
                .into_iter()
                .chain([version.until.as_ref().zip(version.until_at)])
                .flatten()
                .find(|(_, at)| at.reached(reading.date) == Reached::Uncertain);
            let certainty = boundary.map_or(Certainty::Certain, |(key, _)| {
                Certainty::Uncertain(key.clone())
            });
            Some((index, certainty))
        })
    }

    /// Looks up every version's `from` and `until` keys once; run after the book is complete
    /// (loaded, and amended by any overlay).
    pub fn resolve_dates(&mut self) {
        let dates = &self.dates;
        let at = |key: &str| {
            dates
                .get(key)
                .map_or(Moment::Never, |key| Moment::At(key.bound))
        };
        for version in self.sections.values_mut().flat_map(|s| &mut s.versions) {
            version.from_at = at(&version.from);
            version.until_at = version.until.as_deref().map(at);
        }
    }

    /// A date key's moment (never, for a key the book does not define).
    pub fn moment(&self, key: &str) -> Moment {
        self.dates
            .get(key)
            .map_or(Moment::Never, |key| Moment::At(key.bound))
    }

    /// Date keys whose window contains `date`: the law on that day is uncertain.
    pub fn uncertain_on(&self, date: Date) -> Vec<&DateKey> {
        self.dates
            .values()
            .filter(|key| key.reached(date) == Reached::Uncertain)
            .collect()
    }
}

/// The day whose law is read, and how to read a date key whose window contains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The day.
    pub date: Date,
    /// Whether events whose day is unknown but may have come have happened.
    pub windows: Windows,
}

/// How to read a date key whose window contains the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Windows {
    /// Not yet happened: the earlier law (the reading tipnav reports first).
    Earlier,
    /// Already happened: the later law (reported alongside, as an alternative).
    Later,
}

/// An Act, Ordinance or Code.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Instrument {
    /// Stable id, the prefix of its section ids.
    pub id: String,
    /// Full title.
    pub title: String,
    /// Short title used in tables and citations (`PTPA 2018`).
    pub short_title: String,
    /// Act or Ordinance number.
    pub number: Option<String>,
    /// Federal, or a province's.
    pub jurisdiction: Jurisdiction,
    /// Date key of commencement.
    pub commenced: String,
    /// Date key of repeal.
    pub repealed: Option<String>,
    /// Source URL.
    pub source: String,
    /// How well the source settles the instrument's particulars.
    pub verified: Verified,
    /// Anything the reader must know.
    pub note: Option<String>,
}

/// Where an instrument is law: the whole country, or one province. Written as its id
/// (`federal`, `khyber_pakhtunkhwa`) in statute files and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    /// Federal law.
    Federal,
    /// The Punjab.
    Punjab,
    /// Sindh.
    Sindh,
    /// Khyber Pakhtunkhwa.
    KhyberPakhtunkhwa,
    /// Balochistan.
    Balochistan,
    /// The Islamabad Capital Territory.
    Islamabad,
}

impl Jurisdiction {
    /// Every jurisdiction.
    pub const ALL: [Jurisdiction; 6] = [
        Jurisdiction::Federal,
        Jurisdiction::Punjab,
        Jurisdiction::Sindh,
        Jurisdiction::KhyberPakhtunkhwa,
        Jurisdiction::Balochistan,
        Jurisdiction::Islamabad,
    ];

    /// Its id, as statute files write it; a province's is also its option of `case.province`.
    pub fn id(self) -> &'static str {
        match self {
            Jurisdiction::Federal => "federal",
            Jurisdiction::Punjab => "punjab",
            Jurisdiction::Sindh => "sindh",
            Jurisdiction::KhyberPakhtunkhwa => "khyber_pakhtunkhwa",
            Jurisdiction::Balochistan => "balochistan",
            Jurisdiction::Islamabad => "islamabad",
        }
    }
}

/// A named date: an exact day, or a window when the day is not known.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DateKey {
    /// Key (`act-ix-2025`).
    pub id: String,
    /// The day, or the window it lies in.
    pub bound: DateBound,
    /// What happened on that day.
    pub label: String,
    /// Source URL.
    pub source: String,
    /// How well the date is settled.
    pub verified: Verified,
    /// Anything the reader must know.
    pub note: Option<String>,
}

/// When a date key falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateBound {
    /// On this day.
    On(Date),
    /// After the first day (exclusive) and by the second (inclusive).
    Window {
        /// The last day on which it had certainly not happened.
        after: Date,
        /// The first day by which it had certainly happened (`Date::MAX` while no source
        /// says: the window stays open).
        by: Date,
    },
}

impl DateKey {
    /// Whether this day has come by `date`.
    pub fn reached(&self, date: Date) -> Reached {
        self.bound.reached(date)
    }

    /// The earliest day it can be, for ordering keys.
    pub fn earliest(&self) -> Date {
        match self.bound {
            DateBound::On(day) => day,
            DateBound::Window { after, .. } => after.tomorrow().unwrap_or(after),
        }
    }
}

impl DateBound {
    /// Whether this day has come by `date`.
    pub fn reached(self, date: Date) -> Reached {
        match self {
            DateBound::On(day) if date >= day => Reached::Yes,
            DateBound::On(_) => Reached::No,
            DateBound::Window { by, .. } if date >= by => Reached::Yes,
            DateBound::Window { after, .. } if date <= after => Reached::No,
            DateBound::Window { .. } => Reached::Uncertain,
        }
    }
}

/// A version boundary's date key, looked up once (see [`StatuteBook::resolve_dates`]) so that
/// evaluating a case compares dates instead of looking keys up by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Moment {
    /// A key the book does not define: never reached (the checker reports such keys).
    #[default]
    Never,
    /// The key's day or window.
    At(DateBound),
}

impl Moment {
    /// Whether this moment has come by `date`.
    pub fn reached(self, date: Date) -> Reached {
        match self {
            Moment::Never => Reached::No,
            Moment::At(bound) => bound.reached(date),
        }
    }

    /// Whether it counts as having come under a reading.
    pub fn in_force(self, reading: Reading) -> bool {
        match self.reached(reading.date) {
            Reached::Yes => true,
            Reached::No => false,
            Reached::Uncertain => reading.windows == Windows::Later,
        }
    }
}

impl fmt::Display for DateBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateBound::On(day) => write!(f, "{day}"),
            DateBound::Window { after, by } if *by == Date::MAX => f.write_str(&trf(
                "after {after}, day not yet known",
                &[("after", &after.to_string())],
            )),
            DateBound::Window { after, by } => f.write_str(&trf(
                "after {after}, by {by}",
                &[("after", &after.to_string()), ("by", &by.to_string())],
            )),
        }
    }
}

/// Whether a dated event has happened by a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// Certainly happened.
    Yes,
    /// Certainly not yet.
    No,
    /// The day falls inside the event's window.
    Uncertain,
}

/// Whether the version chosen for a date is certainly the one in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Certainty {
    /// The date settles it.
    Certain,
    /// The date lies inside this date key's window; the earlier version was used.
    Uncertain(String),
}

/// One section of an instrument, with every version of its text.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// Full id (`ptpa-2018/3`).
    pub id: String,
    /// Its instrument.
    pub instrument: InstrumentId,
    /// Heading, in our words.
    pub heading: String,
    /// The section part of its citation (`s.29(2), a child under 12`) when the id is not a
    /// section number; see [`citation`].
    pub cite_as: Option<String>,
    /// Offence, procedure or protection.
    pub kind: SectionKind,
    /// What the section does, in our words.
    pub summary: String,
    /// Versions, oldest first, not overlapping.
    pub versions: Vec<Version>,
    /// Sections that covered the same conduct before this one commenced (PACHTO before PTPA).
    pub predecessors: Vec<String>,
}

/// What a section does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Creates an offence with a punishment.
    Offence,
    /// Investigation, cognizance or trial.
    Procedure,
    /// Victim protection or a presumption in the victim's favour.
    Protection,
}

impl SectionKind {
    /// Every kind, for lookups by id.
    pub const ALL: [SectionKind; 3] = [
        SectionKind::Offence,
        SectionKind::Procedure,
        SectionKind::Protection,
    ];

    /// The id used in statute files and overlays.
    pub fn id(self) -> &'static str {
        match self {
            SectionKind::Offence => "offence",
            SectionKind::Procedure => "procedure",
            SectionKind::Protection => "protection",
        }
    }
}

/// One text of a section, in force between two date keys.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Version {
    /// Date key of the first day in force.
    pub from: String,
    /// Date key of the first day no longer in force.
    pub until: Option<String>,
    /// `from`, looked up in the book's date keys.
    pub from_at: Moment,
    /// `until`, looked up in the book's date keys.
    pub until_at: Option<Moment>,
    /// What this text says, if it differs from the section summary.
    pub summary: Option<String>,
    /// Present for offences.
    pub offence: Option<OffenceParticulars>,
    /// Source URL.
    pub source: String,
    /// How well the source settles this version.
    pub verified: Verified,
    /// Fields the sources do not settle (`compoundable`).
    pub unverified: Vec<String>,
    /// Anything the reader must know.
    pub note: Option<String>,
}

/// Punishment, procedure, court and agency of an offence version.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "cognizable, bailable and compoundable are independent yes-or-no answers the Code's schedule gives for each offence"
)]
pub struct OffenceParticulars {
    /// The sentence the text provides.
    pub punishment: Punishment,
    /// Police may arrest without warrant and investigate without a magistrate's order.
    pub cognizable: bool,
    /// Bail is a right.
    pub bailable: bool,
    /// The victim may settle the case.
    pub compoundable: bool,
    /// Court that tries it by default.
    pub court: Court,
    /// Whether only that court may try it ("triable only by a Special Court").
    pub court_exclusive: bool,
    /// Agency that investigates it by default.
    pub agency: Agency,
    /// A prerequisite for trial, in words, where a court may take cognizance only on a
    /// particular complaint or sanction ("only on a written complaint by ... (s.14(2))").
    pub cognizance: Option<String>,
}

/// The fields of a version its sources do not settle, said as a sentence: `["from",
/// "compoundable"]` gives "the start date and whether it is compoundable are not verified".
pub fn unverified_sentence(fields: &[String]) -> String {
    let said: Vec<&str> = fields.iter().map(|f| field_in_words(f)).collect();
    match said.as_slice() {
        [] => String::new(),
        [one] => trf("{field} is not verified", &[("field", one)]),
        [init @ .., last] => trf(
            "{fields} and {last} are not verified",
            &[("fields", &init.join(tr(", "))), ("last", last)],
        ),
    }
}

/// A statute version's field as a reader says it.
fn field_in_words(field: &str) -> &str {
    match field {
        "from" => tr("the start date"),
        "until" => tr("the end date"),
        "punishment" => tr("the penalty"),
        "cognizable" => tr("whether it is cognizable"),
        "bailable" => tr("whether it is bailable"),
        "compoundable" => tr("whether it is compoundable"),
        "court" => tr("the trial court"),
        "agency" => tr("the investigating agency"),
        "summary" => tr("the summary"),
        "court_exclusive" => tr("whether only its own court may try it"),
        other => other,
    }
}

/// The name in words of an agency or court id (`magistrate_first_class` gives "Magistrate of
/// the First Class"); `None` for any other text.
pub fn forum_name(id: &str) -> Option<&'static str> {
    let agency = Agency::ALL.iter().find(|a| a.id() == id).map(|a| a.name());
    agency.or_else(|| Court::ALL.iter().find(|c| c.id() == id).map(|c| c.name()))
}

/// `cognizable, non-bailable, non-compoundable`: the procedure in words.
pub fn procedure_text(cognizable: bool, bailable: bool, compoundable: bool) -> String {
    let word = |yes: bool, positive: &'static str, negative: &'static str| {
        if yes { positive } else { negative }
    };
    trf(
        "{cognizable}, {bailable}, {compoundable}",
        &[
            (
                "cognizable",
                word(cognizable, tr("cognizable"), tr("non-cognizable")),
            ),
            (
                "bailable",
                word(bailable, tr("bailable"), tr("non-bailable")),
            ),
            (
                "compoundable",
                word(compoundable, tr("compoundable"), tr("non-compoundable")),
            ),
        ],
    )
}

impl OffenceParticulars {
    /// The procedure in words.
    pub fn procedure_text(&self) -> String {
        let words = procedure_text(self.cognizable, self.bailable, self.compoundable);
        match &self.cognizance {
            Some(cognizance) => trf(
                "{words}; cognizance {cognizance}",
                &[("words", &words), ("cognizance", cognizance)],
            ),
            None => words,
        }
    }
}

/// How well a fact is established (see `shared/legal/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verified {
    /// Read in the official text.
    OfficialText,
    /// Read in a reliable secondary source.
    Secondary,
    /// Not confirmed.
    Unverified,
}

impl Verified {
    /// The label as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            Verified::OfficialText => "official-text",
            Verified::Secondary => "secondary",
            Verified::Unverified => "unverified",
        }
    }
}

/// A trial court, as named in DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Court {
    /// Court of Session.
    CourtOfSession,
    /// Magistrate of the First Class.
    MagistrateFirstClass,
    /// Any (Judicial) Magistrate.
    Magistrate,
    /// A Special Court (Special Court (Central), or one under the Emigration Ordinance).
    SpecialCourt,
}

impl Court {
    /// Every court, for name lookup.
    pub const ALL: [Court; 4] = [
        Court::CourtOfSession,
        Court::MagistrateFirstClass,
        Court::Magistrate,
        Court::SpecialCourt,
    ];

    /// The id used in data, rules and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Court::CourtOfSession => "court_of_session",
            Court::MagistrateFirstClass => "magistrate_first_class",
            Court::Magistrate => "magistrate",
            Court::SpecialCourt => "special_court",
        }
    }

    /// The name a reader expects.
    pub fn name(self) -> &'static str {
        match self {
            Court::CourtOfSession => tr("Court of Session"),
            Court::MagistrateFirstClass => tr("Magistrate of the First Class"),
            Court::Magistrate => tr("Magistrate"),
            Court::SpecialCourt => tr("Special Court"),
        }
    }
}

/// An investigating agency, as named in DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agency {
    /// Federal Investigation Agency.
    Fia,
    /// Provincial police.
    Police,
    /// Labour department, with the district administration and vigilance committees.
    LabourDepartment,
    /// Provincial child protection bodies.
    ChildProtection,
    /// National Cyber Crime Investigation Agency (PECA 2016 s.29; notified 2024, by statute
    /// from the 2025 amendment).
    Nccia,
}

impl Agency {
    /// Every agency, for name lookup.
    pub const ALL: [Agency; 5] = [
        Agency::Fia,
        Agency::Police,
        Agency::LabourDepartment,
        Agency::ChildProtection,
        Agency::Nccia,
    ];

    /// The id used in data, rules and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Agency::Fia => "fia",
            Agency::Police => "police",
            Agency::LabourDepartment => "labour_department",
            Agency::ChildProtection => "child_protection",
            Agency::Nccia => "nccia",
        }
    }

    /// The name a reader expects.
    pub fn name(self) -> &'static str {
        match self {
            Agency::Fia => tr("Federal Investigation Agency"),
            Agency::Police => tr("Police"),
            Agency::LabourDepartment => tr("Labour department"),
            Agency::ChildProtection => tr("Child protection"),
            Agency::Nccia => tr("NCCIA"),
        }
    }
}
