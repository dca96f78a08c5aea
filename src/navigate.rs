//! The statute navigator: views of the law itself, for `tipnav list`, `show` and `search`.
//! Builds plain serializable values from a [`Program`]; prints nothing.

use crate::output::schema::SchemaVersion;
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::i18n::law::family_words;
use crate::i18n::{tr, trf};
use crate::model::{Decides, FactId, Program, Type, Validity};
use crate::statute::{Agency, Court, DateKey, Reading, Section, Verified, Version, Windows};

/// An instrument and its sections.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InstrumentView {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// Id (`ptpa-2018`).
    pub id: String,
    /// Full title.
    pub title: String,
    /// Short title.
    pub short_title: String,
    /// Act or Ordinance number.
    pub number: Option<String>,
    /// `federal` or a province.
    #[schemars(with = "String")]
    pub jurisdiction: crate::statute::Jurisdiction,
    /// When it commenced.
    pub commenced: String,
    /// When it was repealed.
    pub repealed: Option<String>,
    /// Source URL.
    pub source: String,
    /// Verification label.
    pub verified: &'static str,
    /// Its sections.
    pub sections: Vec<SectionLine>,
}

/// One line per section in a listing.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionLine {
    /// Section id.
    pub id: String,
    /// Its citation as people write it (`PPC s.371-A`).
    pub citation: String,
    /// Heading.
    pub heading: String,
    /// `offence`, `procedure` or `protection`.
    pub kind: &'static str,
    /// Each version's period (`2018-05-30 to act-ix-2025`).
    pub versions: Vec<String>,
    /// The weakest verification label among its versions.
    pub verified: &'static str,
    /// Whether any version lists unverified fields.
    pub has_unverified_fields: bool,
    /// Whether the rules model it (as an offence, or a protection).
    pub in_rules: bool,
}

/// Everything about one section.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionView {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// The listing line.
    #[serde(flatten)]
    pub line: SectionLine,
    /// Instrument title.
    pub instrument: String,
    /// Our summary.
    pub summary: String,
    /// Every version with its particulars.
    pub versions: Vec<VersionView>,
    /// Elements as encoded in the rules (offences only).
    pub elements: Vec<ElementView>,
    /// Jurisdiction clauses.
    pub jurisdiction: Vec<String>,
    /// Declared overlaps it belongs to.
    pub overlaps: Vec<String>,
    /// Protection rules that report it.
    pub protections: Vec<String>,
    /// Sections that covered the conduct before it commenced.
    pub predecessors: Vec<String>,
    /// With `--date`: which version was in force, or what was in force instead.
    pub on_date: Option<OnDate>,
}

/// One version of a section.
#[derive(Debug, Serialize, JsonSchema)]
pub struct VersionView {
    /// Its period.
    pub period: String,
    /// What it says.
    pub summary: Option<String>,
    /// Punishment in words.
    pub penalty: Option<String>,
    /// Cognizable, bailable, compoundable in words.
    pub procedure: Option<String>,
    /// Default trial court.
    pub court: Option<Court>,
    /// Default agency.
    pub agency: Option<Agency>,
    /// Source URL.
    pub source: String,
    /// Verification label.
    pub verified: &'static str,
    /// Fields the sources do not settle.
    pub unverified: Vec<String>,
    /// The statute data's note.
    pub note: Option<String>,
}

/// An element as encoded.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ElementView {
    /// Name.
    pub name: String,
    /// The law it models.
    pub cite: String,
    /// Its period, if limited (`since act-ix-2025`).
    pub validity: Option<String>,
    /// Waivers (`PTPA 2018 s.7: ...`).
    pub waivers: Vec<String>,
    /// Inherited from the base offence.
    pub inherited_from: Option<String>,
}

/// The section on a given date.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OnDate {
    /// The date asked about.
    pub date: String,
    /// The version in force, by its period; `None` if none was.
    pub version: Option<String>,
    /// In words.
    pub explanation: String,
    /// Predecessor sections in force on that date.
    pub in_force_instead: Vec<String>,
}

/// A search result.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SearchHit {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// Section id.
    pub id: String,
    /// Its citation as people write it (`PPC s.371-A`).
    pub citation: String,
    /// Heading.
    pub heading: String,
    /// Instrument short title.
    pub instrument: String,
    /// Higher is better.
    pub score: u32,
    /// Where the words were found.
    pub matched_in: Vec<&'static str>,
}

/// Instruments and their sections, optionally one instrument only.
pub fn list(program: &Program, instrument: Option<&str>) -> Vec<InstrumentView> {
    let book = &program.book;
    (book.instruments.iter())
        .filter(|i| instrument.is_none_or(|wanted| wanted == i.id))
        .map(|i| InstrumentView {
            schema_version: SchemaVersion,
            id: i.id.clone(),
            title: i.title.clone(),
            short_title: i.short_title.clone(),
            number: i.number.clone(),
            jurisdiction: i.jurisdiction,
            commenced: date_text(program, &i.commenced),
            repealed: i.repealed.as_ref().map(|r| date_text(program, r)),
            source: i.source.clone(),
            verified: i.verified.as_str(),
            sections: book
                .sections
                .values()
                .filter(|s| book.instruments[s.instrument].id == i.id)
                .map(|s| line(program, s))
                .collect(),
        })
        .collect()
}

/// One section in full; with a date, the version in force then.
pub fn show(program: &Program, section: &Section, date: Option<Date>) -> SectionView {
    let offence = program.offence(&section.id);
    SectionView {
        schema_version: SchemaVersion,
        line: line(program, section),
        instrument: program.book.instruments[section.instrument].title.clone(),
        summary: section.summary.clone(),
        versions: section
            .versions
            .iter()
            .map(|v| version_view(program, v))
            .collect(),
        elements: offence.map_or_else(Vec::new, |o| {
            o.elements
                .iter()
                .map(|e| ElementView {
                    name: e.name.clone(),
                    cite: e.cite.clone(),
                    validity: validity_text(&e.validity),
                    waivers: e.waivers.iter().map(|w| w.cite.clone()).collect(),
                    inherited_from: e.inherited_from.clone(),
                })
                .collect()
        }),
        jurisdiction: offence.map_or_else(Vec::new, |o| {
            o.clauses
                .iter()
                .map(|c| {
                    let (role, name) = match c.decides {
                        Decides::Agency(a) => (tr("agency"), a.name()),
                        Decides::Support(a) => (tr("support"), a.name()),
                        Decides::Court(c) => (tr("court"), c.name()),
                    };
                    let when = if c.condition.is_some() {
                        tr(" (conditional)")
                    } else {
                        ""
                    };
                    let period = validity_text(&c.validity)
                        .map(|v| format!(" {v}"))
                        .unwrap_or_default();
                    format!("{role} {name}{when}{period}: {}", c.cite)
                })
                .collect()
        }),
        overlaps: program
            .overlaps
            .iter()
            .filter(|o| {
                o.sections
                    .iter()
                    .any(|&s| program.offences[s].section == section.id)
            })
            .map(|o| {
                let others: Vec<String> = (o.sections.iter())
                    .map(|&s| program.offences[s].section.as_str())
                    .filter(|s| *s != section.id)
                    .map(|s| crate::statute::citation(&program.book, s))
                    .collect();
                trf(
                    "{kind} with {others} [{cite}]",
                    &[
                        ("kind", &family_words(o.kind)),
                        ("others", &others.join(", ")),
                        ("cite", &o.cite),
                    ],
                )
            })
            .collect(),
        protections: program
            .protections
            .iter()
            .filter(|p| p.section == section.id)
            .map(|p| p.cite.clone())
            .collect(),
        predecessors: section.predecessors.clone(),
        on_date: date.map(|date| on_date(program, section, date)),
    }
}

/// Sections ranked by how well they match the words of `query`.
pub fn search(program: &Program, query: &str) -> Vec<SearchHit> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut hits: Vec<SearchHit> = program
        .book
        .sections
        .values()
        .filter_map(|section| {
            let elements = program
                .offence(&section.id)
                .map(|o| {
                    o.elements
                        .iter()
                        .map(|e| format!("{} {}", e.name, e.cite))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let instrument = &program.book.instruments[section.instrument];
            let fields: [(&'static str, String, u32); 5] = [
                ("id", section.id.clone(), 5),
                ("heading", section.heading.clone(), 4),
                (
                    "instrument",
                    format!("{} {}", instrument.title, instrument.short_title),
                    1,
                ),
                ("summary", section.summary.clone(), 2),
                ("elements", elements, 1),
            ];
            let mut score = 0;
            let mut matched_in = Vec::new();
            for (name, text, weight) in &fields {
                let text = text.to_lowercase();
                let found: u32 = words
                    .iter()
                    .map(|w| {
                        u32::try_from(text.matches(w.as_str()).count())
                            .unwrap_or(u32::MAX)
                            .min(3)
                    })
                    .sum();
                if found > 0 {
                    score += found * weight;
                    matched_in.push(*name);
                }
            }
            let all_words = words.iter().all(|w| {
                fields
                    .iter()
                    .any(|(_, text, _)| text.to_lowercase().contains(w.as_str()))
            });
            (all_words && score > 0).then(|| SearchHit {
                schema_version: SchemaVersion,
                id: section.id.clone(),
                citation: crate::statute::citation(&program.book, &section.id),
                heading: section.heading.clone(),
                instrument: instrument.short_title.clone(),
                score,
                matched_in,
            })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    hits
}

fn line(program: &Program, section: &Section) -> SectionLine {
    let weakest = section
        .versions
        .iter()
        .map(|v| v.verified)
        .max()
        .unwrap_or(Verified::Unverified);
    SectionLine {
        id: section.id.clone(),
        citation: crate::statute::citation(&program.book, &section.id),
        heading: section.heading.clone(),
        kind: match section.kind {
            crate::statute::SectionKind::Offence => "offence",
            crate::statute::SectionKind::Procedure => "procedure",
            crate::statute::SectionKind::Protection => "protection",
        },
        versions: section
            .versions
            .iter()
            .map(|v| period(program, v))
            .collect(),
        verified: weakest.as_str(),
        has_unverified_fields: section.versions.iter().any(|v| !v.unverified.is_empty()),
        in_rules: program.offence(&section.id).is_some()
            || program.protections.iter().any(|p| p.section == section.id),
    }
}

fn version_view(program: &Program, version: &Version) -> VersionView {
    let offence = version.offence.as_ref();
    VersionView {
        period: period(program, version),
        summary: version.summary.clone(),
        penalty: offence.map(|o| o.punishment.to_string()),
        procedure: offence.map(crate::statute::OffenceParticulars::procedure_text),
        court: offence.map(|o| o.court),
        agency: offence.map(|o| o.agency),
        source: version.source.clone(),
        verified: version.verified.as_str(),
        unverified: version.unverified.clone(),
        note: version.note.clone(),
    }
}

fn on_date(program: &Program, section: &Section, date: Date) -> OnDate {
    let reading = Reading {
        date,
        windows: Windows::Earlier,
    };
    let book = &program.book;
    let in_force_instead: Vec<String> = section
        .predecessors
        .iter()
        .filter(|id| {
            book.sections
                .get(*id)
                .is_some_and(|p| book.version_on(p, reading).is_some())
        })
        .cloned()
        .collect();
    match book.version_on(section, reading) {
        Some((index, certainty)) => {
            let version = &section.versions[index];
            let uncertain = match certainty {
                crate::statute::Certainty::Certain => String::new(),
                crate::statute::Certainty::Uncertain(key) => trf(
                    "; the day of `{key}` is not known and {date} falls inside its window, so the version in force is uncertain",
                    &[("key", &key), ("date", &date.to_string())],
                ),
            };
            OnDate {
                date: date.to_string(),
                version: Some(period(program, version)),
                explanation: trf(
                    "the version in force on {date} is the one from {from}{uncertain}",
                    &[
                        ("date", &date.to_string()),
                        ("from", &date_text(program, &version.from)),
                        ("uncertain", &uncertain),
                    ],
                ),
                in_force_instead,
            }
        }
        None => {
            let first = section
                .versions
                .first()
                .map(|v| date_text(program, &v.from))
                .unwrap_or_default();
            let instead = if in_force_instead.is_empty() {
                String::new()
            } else {
                let cited: Vec<String> = in_force_instead
                    .iter()
                    .map(|id| crate::statute::citation(&program.book, id))
                    .collect();
                trf(
                    "; the law then in force was {sections}",
                    &[("sections", &cited.join(", "))],
                )
            };
            OnDate {
                date: date.to_string(),
                version: None,
                explanation: trf(
                    "{section} was not in force on {date} (its first version dates from {first}){instead}",
                    &[
                        (
                            "section",
                            &crate::statute::citation(&program.book, &section.id),
                        ),
                        ("date", &date.to_string()),
                        ("first", &first),
                        ("instead", &instead),
                    ],
                ),
                in_force_instead,
            }
        }
    }
}

/// `2018-05-30 to after 2025-02-17, by 2025-04-23`, or `1979-03-23 onwards`.
fn period(program: &Program, version: &Version) -> String {
    let from = date_text(program, &version.from);
    match &version.until {
        Some(until) => trf(
            "{from} to {until}",
            &[("from", &from), ("until", &date_text(program, until))],
        ),
        None => trf("{from} onwards", &[("from", &from)]),
    }
}

fn date_text(program: &Program, key: &str) -> String {
    program
        .book
        .dates
        .get(key)
        .map_or_else(|| key.to_owned(), |d: &DateKey| d.bound.to_string())
}

fn validity_text(validity: &Validity) -> Option<String> {
    match (&validity.since, &validity.until) {
        (None, None) => None,
        (Some(since), None) => Some(trf("since {since}", &[("since", since.as_str())])),
        (None, Some(until)) => Some(trf("until {until}", &[("until", until.as_str())])),
        (Some(since), Some(until)) => Some(trf(
            "since {since} until {until}",
            &[("since", since.as_str()), ("until", until.as_str())],
        )),
    }
}

/// `tipnav facts`: the whole case-file vocabulary, from every rule file.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactsView {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// Every fact, inputs and derived, in declaration order.
    pub facts: Vec<FactView>,
}

/// One fact of the vocabulary.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactView {
    /// Dotted name (`victim.age`), the case file's table and key.
    pub name: String,
    /// `input` (a case file gives it) or `derived` (worked out from others).
    pub kind: &'static str,
    /// `bool`, `int`, `date`, `text`, `enum` or `set`.
    pub r#type: &'static str,
    /// The members of an enum or set, or the bounds of an int (`0..130`); empty otherwise.
    pub values: Vec<String>,
    /// The question asked for an input; the law a derived fact rests on.
    pub question: String,
    /// The sections whose elements read it (through derived facts too, for an input).
    pub read_by: Vec<String>,
}

/// Every declared fact with its type, values, question and the sections that read it.
pub fn facts(program: &Program) -> FactsView {
    let facts = (program.fact_ids().zip(&program.facts))
        .map(|(id, fact)| FactView {
            name: fact.name.clone(),
            kind: if fact.derivation.is_some() {
                "derived"
            } else {
                "input"
            },
            r#type: type_name(&fact.ty),
            values: match &fact.ty {
                Type::Int { min, max } => vec![format!("{min}..{max}")],
                other => other.members().map(<[String]>::to_vec).unwrap_or_default(),
            },
            question: match &fact.derivation {
                Some(derivation) => derivation.cite.clone(),
                None => fact.question.clone().unwrap_or_default(),
            },
            read_by: readers(program, id),
        })
        .collect();
    FactsView {
        schema_version: SchemaVersion,
        facts,
    }
}

fn type_name(ty: &Type) -> &'static str {
    match ty {
        Type::Bool => "bool",
        Type::Int { .. } => "int",
        Type::Date => "date",
        Type::Text => "text",
        Type::Enum(_) => "enum",
        Type::Set(_) => "set",
    }
}

/// The sections an element (or waiver) of which reads the fact: an input through its
/// `inputs`, a derived fact where it is named.
fn readers(program: &Program, fact: FactId) -> Vec<String> {
    let derived = program.facts[fact].derivation.is_some();
    let mut sections: Vec<String> = program
        .offences
        .iter()
        .filter(|offence| {
            if !derived {
                return offence.inputs().contains(&fact);
            }
            offence.elements.iter().any(|element| {
                let mut named = Vec::new();
                crate::explain::direct_facts(&element.expr, &mut named);
                for waiver in &element.waivers {
                    crate::explain::direct_facts(&waiver.condition, &mut named);
                }
                named.contains(&fact)
            })
        })
        .map(|offence| offence.section.clone())
        .collect();
    sections.dedup();
    // A fact only a note reads (conduct tipnav reports but does not encode, issue 15) is
    // still read: the note is named by its citation, as in the unknown facts.
    for note in &program.notes {
        let mut named = Vec::new();
        if let Some(condition) = &note.condition {
            crate::explain::direct_facts(condition, &mut named);
        }
        if named.contains(&fact) {
            sections.push(format!("note {}", note.cite));
        }
    }
    sections
}
