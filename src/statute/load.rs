//! Reads `statutes/*.toml` into a [`StatuteBook`], collecting every problem in every file.
//! Serde checks the shape (unknown keys, types); this module checks what serde cannot:
//! ids, date keys, version order and punishments.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned as TomlSpanned;
use toml::value::Datetime;

use super::{
    Agency, Combine, Court, DateBound, DateKey, Fine, Imprisonment, Instrument, InstrumentId,
    Jurisdiction, Moment, OffenceParticulars, Punishment, Section, SectionKind, StatuteBook,
    StatuteError, Term, Verified, Version,
};
use crate::diagnostic::suggestion_help;
use crate::source::{SourceFile, Span};

/// Version fields that `unverified = [...]` may name.
const VERSION_FIELDS: [&str; 10] = [
    "from",
    "until",
    "punishment",
    "cognizable",
    "bailable",
    "compoundable",
    "court",
    "agency",
    "summary",
    "court_exclusive",
];

/// Loads and validates statute files. Errors carry the index of their file in `files`.
pub fn load(files: &[SourceFile]) -> Result<StatuteBook, Vec<(usize, StatuteError)>> {
    let mut errors = Vec::new();
    let raw: Vec<(usize, RawFile)> = files
        .iter()
        .enumerate()
        .filter_map(|(index, file)| {
            match toml::from_str::<RawFile>(&crate::source::blank_bom(&file.text)) {
                Ok(raw) => Some((index, raw)),
                Err(error) => {
                    errors.push((index, schema_error(&error)));
                    None
                }
            }
        })
        .collect();
    let mut book = StatuteBook::default();
    for (file, raw) in &raw {
        collect_dates(&mut book, raw, *file, &mut errors);
    }
    for (file, raw) in &raw {
        let mut sink = Sink {
            file: *file,
            errors: &mut errors,
        };
        collect_instrument(&mut book, raw, &mut sink);
    }
    for (file, raw) in &raw {
        check_predecessors(&book, raw, *file, &mut errors);
    }
    if errors.is_empty() {
        book.resolve_dates();
        Ok(book)
    } else {
        Err(errors)
    }
}

/// Every predecessor names a section some statute file defines.
fn check_predecessors(
    book: &StatuteBook,
    raw: &RawFile,
    file: usize,
    errors: &mut Vec<(usize, StatuteError)>,
) {
    for predecessor in raw.section.iter().flat_map(|s| &s.predecessors) {
        if !book.sections.contains_key(predecessor.get_ref()) {
            errors.push((
                file,
                StatuteError::UnknownSection {
                    id: predecessor.get_ref().clone(),
                    span: predecessor.span().into(),
                    help: suggestion_help(
                        predecessor.get_ref(),
                        book.sections.keys().map(String::as_str),
                    ),
                },
            ));
        }
    }
}

fn schema_error(error: &toml::de::Error) -> StatuteError {
    StatuteError::Schema {
        message: error.message().trim().to_owned(),
        span: error.span().map(Span::from),
    }
}

/// Errors found in one file.
struct Sink<'a> {
    file: usize,
    errors: &'a mut Vec<(usize, StatuteError)>,
}

impl Sink<'_> {
    fn push(&mut self, error: StatuteError) {
        self.errors.push((self.file, error));
    }
}

fn collect_dates(
    book: &mut StatuteBook,
    raw: &RawFile,
    file: usize,
    errors: &mut Vec<(usize, StatuteError)>,
) {
    for (id, date) in &raw.dates {
        let span = Span::from(id.span());
        if book.dates.contains_key(id.get_ref()) {
            errors.push((
                file,
                StatuteError::DuplicateDate {
                    id: id.get_ref().clone(),
                    span,
                },
            ));
            continue;
        }
        match date_key(id.get_ref(), date.get_ref()) {
            Ok(key) => {
                book.dates.insert(key.id.clone(), key);
            }
            Err(problem) => errors.push((
                file,
                StatuteError::BadDate {
                    id: id.get_ref().clone(),
                    problem,
                    span,
                },
            )),
        }
    }
}

fn date_key(id: &str, raw: &RawDate) -> Result<DateKey, String> {
    let day = |value: &Option<TomlSpanned<Datetime>>| {
        value.as_ref().map(|v| civil_date(v.get_ref())).transpose()
    };
    let bound = match (day(&raw.on)?, day(&raw.after)?, day(&raw.by)?) {
        (Some(on), None, None) => DateBound::On(on),
        (None, Some(after), Some(by)) if after < by => DateBound::Window { after, by },
        // No source yet says by when it happened: the window stays open.
        (None, Some(after), None) if after < Date::MAX => DateBound::Window {
            after,
            by: Date::MAX,
        },
        (None, Some(_), Some(_)) => {
            return Err("has a window whose `after` is not before `by`".into());
        }
        _ => {
            return Err("needs either `on`, or `after` (with `by` once a source gives one)".into());
        }
    };
    if raw.source.trim().is_empty() {
        return Err("has an empty `source`".into());
    }
    Ok(DateKey {
        id: id.to_owned(),
        bound,
        label: raw.label.clone(),
        source: raw.source.clone(),
        verified: raw.verified,
        note: raw.note.clone(),
    })
}

/// A TOML date (no time of day) as a civil date.
#[expect(
    clippy::cast_possible_wrap,
    reason = "a TOML date's year has four digits (0 to 9999), which fits an i16; jiff rejects what it cannot read"
)]
fn civil_date(value: &Datetime) -> Result<Date, String> {
    match (value.date, value.time) {
        (Some(day), None) => Date::new(day.year as i16, day.month as i8, day.day as i8)
            .map_err(|error| format!("has an impossible date {value}: {error}")),
        _ => Err(format!(
            "has `{value}`, which is not a plain date (YYYY-MM-DD)"
        )),
    }
}

fn collect_instrument(book: &mut StatuteBook, raw: &RawFile, sink: &mut Sink<'_>) {
    let instrument = &raw.instrument;
    let id = instrument.id.get_ref().clone();
    if book.instruments.contains(&id) {
        sink.push(StatuteError::DuplicateInstrument {
            id,
            span: instrument.id.span().into(),
        });
        return;
    }
    check_date_ref(book, &instrument.commenced, sink);
    if let Some(repealed) = &instrument.repealed {
        check_date_ref(book, repealed, sink);
    }
    check_not_empty("source", &instrument.source, sink);
    let index = book.instruments.add(Instrument {
        id: id.clone(),
        title: instrument.title.clone(),
        short_title: instrument.short_title.clone(),
        number: instrument.number.clone(),
        jurisdiction: instrument.jurisdiction,
        commenced: instrument.commenced.get_ref().clone(),
        repealed: instrument.repealed.as_ref().map(|r| r.get_ref().clone()),
        source: instrument.source.get_ref().clone(),
        verified: instrument.verified,
        note: instrument.note.clone(),
    });
    let mut first_seen: BTreeMap<String, Span> = BTreeMap::new();
    for section in &raw.section {
        let full_id = format!("{id}/{}", section.id.get_ref());
        let span = Span::from(section.id.span());
        if let Some(first) = first_seen.get(&full_id) {
            sink.push(StatuteError::DuplicateSection {
                id: full_id,
                span,
                first: Some(*first),
            });
            continue;
        }
        first_seen.insert(full_id.clone(), span);
        if let Some(section) = build_section(book, index, full_id.clone(), section, sink) {
            book.sections.insert(full_id, section);
        }
    }
}

fn build_section(
    book: &StatuteBook,
    instrument: InstrumentId,
    id: String,
    raw: &RawSection,
    sink: &mut Sink<'_>,
) -> Option<Section> {
    check_not_empty("summary", &raw.summary, sink);
    if raw.version.is_empty() {
        sink.push(StatuteError::VersionOrder {
            section: id,
            problem: "are missing: a section needs at least one `[[section.version]]`".into(),
            span: raw.id.span().into(),
        });
        return None;
    }
    check_version_order(book, &id, &raw.version, sink);
    check_citation(&id, raw, sink);
    let versions = raw
        .version
        .iter()
        .map(|version| build_version(book, &id, raw.kind, version, sink))
        .collect::<Option<Vec<_>>>()?;
    Some(Section {
        id,
        instrument,
        heading: raw.heading.clone(),
        cite_as: raw.cite_as.clone(),
        kind: raw.kind,
        summary: raw.summary.get_ref().clone(),
        versions,
        predecessors: raw
            .predecessors
            .iter()
            .map(|p| p.get_ref().clone())
            .collect(),
    })
}

fn check_version_order(
    book: &StatuteBook,
    section: &str,
    versions: &[TomlSpanned<RawVersion>],
    sink: &mut Sink<'_>,
) {
    let earliest = |key: &TomlSpanned<String>| book.dates.get(key.get_ref()).map(DateKey::earliest);
    for (index, version) in versions.iter().enumerate() {
        let span = Span::from(version.span());
        let version = version.get_ref();
        let problem = match (&version.until, versions.get(index + 1)) {
            (Some(until), _) if earliest(until) <= earliest(&version.from) => {
                Some("end before they start".to_owned())
            }
            (None, Some(_)) => Some("continue after an open-ended version".to_owned()),
            (Some(until), Some(next)) if until.get_ref() != next.get_ref().from.get_ref() => {
                Some(format!(
                    "do not join: one ends at `{}`, the next starts at `{}`",
                    until.get_ref(),
                    next.get_ref().from.get_ref()
                ))
            }
            _ => None,
        };
        if let Some(problem) = problem {
            sink.push(StatuteError::VersionOrder {
                section: section.to_owned(),
                problem,
                span,
            });
        }
    }
}

fn build_version(
    book: &StatuteBook,
    section: &str,
    kind: SectionKind,
    raw: &TomlSpanned<RawVersion>,
    sink: &mut Sink<'_>,
) -> Option<Version> {
    let span = Span::from(raw.span());
    let raw = raw.get_ref();
    check_date_ref(book, &raw.from, sink);
    if let Some(until) = &raw.until {
        check_date_ref(book, until, sink);
    }
    check_not_empty("source", &raw.source, sink);
    for field in &raw.unverified {
        if !VERSION_FIELDS.contains(&field.get_ref().as_str()) {
            sink.push(StatuteError::UnknownUnverifiedField {
                field: field.get_ref().clone(),
                span: field.span().into(),
                help: suggestion_help(field.get_ref(), VERSION_FIELDS),
            });
        }
    }
    let offence = match kind {
        SectionKind::Offence => Some(offence_particulars(section, raw, span, sink)?),
        SectionKind::Procedure | SectionKind::Protection => None,
    };
    Some(Version {
        from: raw.from.get_ref().clone(),
        until: raw.until.as_ref().map(|until| until.get_ref().clone()),
        from_at: Moment::Never,
        until_at: None,
        summary: raw.summary.clone(),
        offence,
        source: raw.source.get_ref().clone(),
        verified: raw.verified,
        unverified: raw.unverified.iter().map(|f| f.get_ref().clone()).collect(),
        note: raw.note.clone(),
    })
}

fn offence_particulars(
    section: &str,
    raw: &RawVersion,
    span: Span,
    sink: &mut Sink<'_>,
) -> Option<OffenceParticulars> {
    let mut missing = |field: &'static str| {
        sink.push(StatuteError::MissingOffenceField {
            section: section.to_owned(),
            field,
            span,
        });
    };
    let punishment = raw.punishment.as_ref().or_else(|| {
        missing("punishment");
        None
    });
    let cognizable = raw.cognizable.or_else(|| {
        missing("cognizable");
        None
    });
    let bailable = raw.bailable.or_else(|| {
        missing("bailable");
        None
    });
    let compoundable = raw.compoundable.or_else(|| {
        missing("compoundable");
        None
    });
    let court = raw.court.or_else(|| {
        missing("court");
        None
    });
    let agency = raw.agency.or_else(|| {
        missing("agency");
        None
    });
    let punishment = build_punishment(section, punishment?, sink)?;
    Some(OffenceParticulars {
        punishment,
        cognizable: cognizable?,
        bailable: bailable?,
        compoundable: compoundable?,
        court: court?,
        court_exclusive: raw.court_exclusive,
        agency: agency?,
        cognizance: raw.cognizance.clone(),
    })
}

fn build_punishment(
    section: &str,
    raw: &TomlSpanned<RawPunishment>,
    sink: &mut Sink<'_>,
) -> Option<Punishment> {
    let span = Span::from(raw.span());
    let raw = raw.get_ref();
    let mut bad = |problem: &str, span: Span, help: Option<&str>| {
        sink.push(StatuteError::BadPunishment {
            section: section.to_owned(),
            problem: problem.to_owned(),
            span,
            help: help.map(str::to_owned),
        });
    };
    let mut term = |text: &Option<TomlSpanned<String>>| match text {
        None => Some(None),
        Some(text) => match Term::parse(text.get_ref()) {
            Some(term) => Some(Some(term)),
            None => {
                bad(
                    &format!("has an unreadable term `{}`", text.get_ref()),
                    text.span().into(),
                    Some("write terms as `7y`, `6m` or `life`"),
                );
                None
            }
        },
    };
    let imprisonment = match &raw.imprisonment {
        Some(prison) => Some(Imprisonment {
            min: term(&prison.min)?,
            max: term(&prison.max)?,
        }),
        None => None,
    };
    let fine = raw.fine.map(|fine| Fine {
        min: fine.min,
        max: fine.max,
    });
    if raw.not_known {
        if imprisonment.is_some() || fine.is_some() || raw.death || raw.combine.is_some() {
            bad(
                "has `not_known` and a sentence",
                span,
                Some("give either `not_known = true` alone or the sentence"),
            );
            return None;
        }
        return Some(Punishment {
            not_known: true,
            ..Punishment::default()
        });
    }
    let punishment = Punishment {
        imprisonment,
        death: raw.death,
        fine,
        combine: raw.combine,
        not_known: false,
    };
    if let Some(problem) = punishment.problem() {
        bad(
            problem,
            span,
            Some("see the Punishment part of statutes/README.md"),
        );
        return None;
    }
    Some(punishment)
}

fn check_date_ref(book: &StatuteBook, key: &TomlSpanned<String>, sink: &mut Sink<'_>) {
    if !book.dates.contains_key(key.get_ref()) {
        sink.push(StatuteError::UnknownDate {
            key: key.get_ref().clone(),
            span: key.span().into(),
            help: suggestion_help(key.get_ref(), book.dates.keys().map(String::as_str)),
        });
    }
}

/// People read citations, not ids: a section whose id is not a section number (`3-2`, `371-A`)
/// must say how it is cited.
fn check_citation(id: &str, raw: &RawSection, sink: &mut Sink<'_>) {
    if raw.cite_as.is_none() && super::section_number(raw.id.get_ref()).is_none() {
        sink.push(StatuteError::NoCitation {
            section: id.to_owned(),
            span: raw.id.span().into(),
        });
    }
}

fn check_not_empty(field: &'static str, value: &TomlSpanned<String>, sink: &mut Sink<'_>) {
    if value.get_ref().trim().is_empty() {
        sink.push(StatuteError::Empty {
            field,
            span: value.span().into(),
        });
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    instrument: RawInstrument,
    #[serde(default)]
    dates: BTreeMap<TomlSpanned<String>, TomlSpanned<RawDate>>,
    #[serde(default)]
    section: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInstrument {
    id: TomlSpanned<String>,
    title: String,
    short_title: String,
    number: Option<String>,
    jurisdiction: Jurisdiction,
    commenced: TomlSpanned<String>,
    repealed: Option<TomlSpanned<String>>,
    source: TomlSpanned<String>,
    verified: Verified,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDate {
    on: Option<TomlSpanned<Datetime>>,
    after: Option<TomlSpanned<Datetime>>,
    by: Option<TomlSpanned<Datetime>>,
    label: String,
    source: String,
    verified: Verified,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: TomlSpanned<String>,
    heading: String,
    cite_as: Option<String>,
    kind: SectionKind,
    summary: TomlSpanned<String>,
    #[serde(default)]
    predecessors: Vec<TomlSpanned<String>>,
    #[serde(default)]
    version: Vec<TomlSpanned<RawVersion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVersion {
    from: TomlSpanned<String>,
    until: Option<TomlSpanned<String>>,
    summary: Option<String>,
    punishment: Option<TomlSpanned<RawPunishment>>,
    cognizable: Option<bool>,
    bailable: Option<bool>,
    compoundable: Option<bool>,
    court: Option<Court>,
    #[serde(default)]
    court_exclusive: bool,
    agency: Option<Agency>,
    cognizance: Option<String>,
    source: TomlSpanned<String>,
    verified: Verified,
    #[serde(default)]
    unverified: Vec<TomlSpanned<String>>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPunishment {
    #[serde(default)]
    not_known: bool,
    imprisonment: Option<RawImprisonment>,
    #[serde(default)]
    death: bool,
    fine: Option<RawFine>,
    combine: Option<Combine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImprisonment {
    min: Option<TomlSpanned<String>>,
    max: Option<TomlSpanned<String>>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct RawFine {
    min: Option<u64>,
    max: Option<u64>,
}
