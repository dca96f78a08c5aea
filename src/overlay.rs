//! Amendment overlays: rule files that change the law on top of the base (`tipnav ... --amend
//! FILE`). Each overlay names itself and its effective day in an `amendment` header, then
//! `amend`s, `insert`s or `repeal`s sections. Applying one splits each changed section's
//! versions at the effective day (earlier conduct keeps the earlier text), limits the changed
//! elements to the old period and adds the new ones from the new day, and puts new court or
//! agency clauses ahead of the old. Works on the statute book and the rule syntax trees, before
//! the checker, so everything is checked as usual.

use jiff::civil::Date;
use miette::Diagnostic;
use thiserror::Error;

use crate::diagnostic::suggestion_help;
use crate::source::{Span, Spanned};
use crate::statute::{
    Agency, Combine, Court, DateBound, DateKey, Fine, Imprisonment, Instrument, InstrumentId,
    Jurisdiction, Moment, OffenceParticulars, Punishment, Section, SectionKind, StatuteBook, Term,
    Verified, Version,
};
use crate::syntax::ast::{
    Action, AmendmentDecl, Change, ChangeDecl, ClauseDecl, ClauseRole, Declaration, ExtendDecl,
    Flag, JurisdictionDecl, Name, PunishmentSpec, RuleFile, Validity,
};

/// An overlay applied: what the reports say about it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Amendment {
    /// Its date key.
    pub key: String,
    /// Title.
    pub title: String,
    /// Effective day.
    pub effective: Date,
    /// Enacted, a bill or a proposal.
    pub status: AmendmentStatus,
    /// The bill or proposal.
    pub cite: String,
    /// The sections it changes.
    pub sections: Vec<String>,
}

/// How far an amendment is law.
/// (Its JSON schema is in `output::json`: the build script, which compiles this file, has no
/// schemars.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmendmentStatus {
    /// Passed and in the statute book.
    Enacted,
    /// Before a legislature.
    Bill,
    /// Proposed only (a draft, a commission's recommendation).
    Proposal,
}

impl AmendmentStatus {
    /// Every status.
    pub const ALL: [AmendmentStatus; 3] = [
        AmendmentStatus::Enacted,
        AmendmentStatus::Bill,
        AmendmentStatus::Proposal,
    ];

    /// The word an overlay's header writes, as in JSON.
    pub fn id(self) -> &'static str {
        match self {
            AmendmentStatus::Enacted => "enacted",
            AmendmentStatus::Bill => "bill",
            AmendmentStatus::Proposal => "proposal",
        }
    }

    /// The status an overlay's header names, if it names one.
    fn parse(word: &str) -> Option<AmendmentStatus> {
        AmendmentStatus::ALL.into_iter().find(|s| s.id() == word)
    }
}

/// A problem applying an overlay.
#[derive(Debug, Error, Diagnostic)]
pub enum OverlayError {
    /// No header, or more than one.
    #[error("an amendment overlay needs exactly one `amendment` header")]
    #[diagnostic(
        code(overlay::header),
        help(
            "start the file with `amendment KEY \"Title\" {{ effective YYYY-MM-DD status proposal cite \"...\" }}`"
        )
    )]
    Header {
        /// Where.
        #[label("here")]
        span: Span,
    },
    /// A status that is not one of the three.
    #[error("unknown amendment status `{status}`")]
    #[diagnostic(code(overlay::status), help("use `enacted`, `bill` or `proposal`"))]
    Status {
        /// As written.
        status: String,
        /// Where.
        #[label("here")]
        span: Span,
    },
    /// The header's key is already a date key.
    #[error("date key `{key}` already exists")]
    #[diagnostic(
        code(overlay::duplicate_key),
        help("give the amendment a name of its own")
    )]
    DuplicateKey {
        /// The key.
        key: String,
        /// Where.
        #[label("here")]
        span: Span,
    },
    /// Amending or repealing a section that does not exist.
    #[error("section `{id}` is not in the law")]
    #[diagnostic(code(overlay::unknown_section))]
    UnknownSection {
        /// As written.
        id: String,
        /// Where.
        #[label("no such section")]
        span: Span,
        /// A suggestion.
        #[help]
        help: String,
    },
    /// Inserting a section that exists.
    #[error("section `{id}` already exists; use `amend`")]
    #[diagnostic(code(overlay::exists))]
    Exists {
        /// The section.
        id: String,
        /// Where.
        #[label("already in the law")]
        span: Span,
    },
    /// An effective day before the section was in force.
    #[error("the amendment takes effect on {effective}, before `{id}` was in force ({commenced})")]
    #[diagnostic(
        code(overlay::before_commencement),
        help("an amendment can only change a section from a day it is in force")
    )]
    BeforeCommencement {
        /// The section.
        id: String,
        /// The effective day.
        effective: Date,
        /// When the section commenced.
        commenced: String,
        /// Where.
        #[label("this section")]
        span: Span,
    },
    /// A change that does not fit the section.
    #[error("{message}")]
    #[diagnostic(code(overlay::invalid))]
    Invalid {
        /// What is wrong.
        message: String,
        /// Where.
        #[label("here")]
        span: Span,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
}

/// Applies overlays to the book and the base rules. Overlay files are changed in place too:
/// the elements they add are appended to them as `Extend` declarations, and new court or agency
/// clauses are put at their start. Errors carry the index of the overlay in `overlays`.
pub fn apply(
    book: &mut StatuteBook,
    base: &mut [RuleFile],
    overlays: &mut [RuleFile],
) -> Result<Vec<Amendment>, Vec<(usize, OverlayError)>> {
    let mut errors = Vec::new();
    let mut amendments = Vec::new();
    for (index, overlay) in overlays.iter_mut().enumerate() {
        let mut sink = Vec::new();
        if let Some(amendment) = apply_one(book, base, overlay, &mut sink) {
            amendments.push(amendment);
        }
        errors.extend(sink.into_iter().map(|e| (index, e)));
    }
    if errors.is_empty() {
        Ok(amendments)
    } else {
        Err(errors)
    }
}

/// Overlay-only declarations (an `amendment` header, `amend`, `insert`, `repeal`) in the law's
/// own rule files, where nothing would apply them. Errors carry the index of the rule file.
pub fn misplaced(base: &[RuleFile]) -> Vec<(usize, OverlayError)> {
    let mut errors = Vec::new();
    for (index, file) in base.iter().enumerate() {
        for declaration in &file.declarations {
            let (what, span) = match declaration {
                Declaration::Amendment(header) => ("an `amendment` header", header.key.span),
                Declaration::Change(change) => {
                    let word = match change.action.value {
                        Action::Amend => "`amend`",
                        Action::Insert => "`insert`",
                        Action::Repeal => "`repeal`",
                    };
                    (word, change.action.span)
                }
                _ => continue,
            };
            errors.push((
                index,
                OverlayError::Invalid {
                    message: format!(
                        "{what} belongs in an amendment overlay, not in the law's rules"
                    ),
                    span,
                    help: Some(
                        "move it to an overlay file and apply it with `--amend FILE`".into(),
                    ),
                },
            ));
        }
    }
    errors
}

fn apply_one(
    book: &mut StatuteBook,
    base: &mut [RuleFile],
    overlay: &mut RuleFile,
    errors: &mut Vec<OverlayError>,
) -> Option<Amendment> {
    let header = amendment_header(overlay, errors)?;
    let (verified, status) = add_amendment_date(book, &header, errors)?;
    let changes: Vec<ChangeDecl> = overlay
        .declarations
        .iter()
        .filter_map(|d| {
            if let Declaration::Change(c) = d {
                Some(c.clone())
            } else {
                None
            }
        })
        .collect();
    let context = Context {
        key: &header.key.value,
        effective: header.effective.value,
        header: &header,
        verified,
    };
    let mut additions = Vec::new();
    let mut sections = Vec::new();
    for change in &changes {
        let before = errors.len();
        match change.action.value {
            Action::Amend => amend(book, base, change, &context, &mut additions, errors),
            Action::Insert => insert(book, change, &context, &mut additions, errors),
            Action::Repeal => repeal(book, change, &context, errors),
        }
        if errors.len() == before {
            sections.push(change.section.value.clone());
        }
    }
    // Court and agency clauses first, so they take precedence over the base's.
    let (clauses, extends): (Vec<Declaration>, Vec<Declaration>) = additions
        .into_iter()
        .partition(|d| matches!(d, Declaration::Jurisdiction(_)));
    overlay.declarations.splice(0..0, clauses);
    overlay.declarations.extend(extends);
    Some(Amendment {
        key: header.key.value.clone(),
        title: header.title.clone(),
        effective: header.effective.value,
        // An unknown status was reported when the date key was added.
        status: status?,
        cite: header.cite.value.clone(),
        sections,
    })
}

/// The overlay's one `amendment` header; `None`, with an error, when it has none or several.
fn amendment_header(overlay: &RuleFile, errors: &mut Vec<OverlayError>) -> Option<AmendmentDecl> {
    let headers: Vec<&AmendmentDecl> = overlay
        .declarations
        .iter()
        .filter_map(|d| {
            if let Declaration::Amendment(a) = d {
                Some(a)
            } else {
                None
            }
        })
        .collect();
    let [header] = headers.as_slice() else {
        let span = headers.get(1).map_or(Span::default(), |h| h.key.span);
        errors.push(OverlayError::Header { span });
        return None;
    };
    Some((*header).clone())
}

/// Adds the amendment's date key to the book, and says how far its text is verified (an
/// enacted amendment from a secondary source, a bill or proposal not at all) and its status.
/// An unknown status is an error (`None` status: the rest of the overlay is still checked, to
/// report every error at once); a key the book already has is one that stops the amendment.
fn add_amendment_date(
    book: &mut StatuteBook,
    header: &AmendmentDecl,
    errors: &mut Vec<OverlayError>,
) -> Option<(Verified, Option<AmendmentStatus>)> {
    let status = AmendmentStatus::parse(&header.status.value);
    if status.is_none() {
        errors.push(OverlayError::Status {
            status: header.status.value.clone(),
            span: header.status.span,
        });
    }
    if book.dates.contains_key(&header.key.value) {
        errors.push(OverlayError::DuplicateKey {
            key: header.key.value.clone(),
            span: header.key.span,
        });
        return None;
    }
    let verified = if status == Some(AmendmentStatus::Enacted) {
        Verified::Secondary
    } else {
        Verified::Unverified
    };
    book.dates.insert(
        header.key.value.clone(),
        DateKey {
            id: header.key.value.clone(),
            bound: DateBound::On(header.effective.value),
            label: format!("{} ({})", header.title, header.status.value),
            source: header.cite.value.clone(),
            verified,
            note: header.note.clone(),
        },
    );
    Some((verified, status))
}

/// The overlay being applied.
struct Context<'a> {
    key: &'a str,
    effective: Date,
    header: &'a AmendmentDecl,
    verified: Verified,
}

impl Context<'_> {
    fn since(&self, span: Span) -> Validity {
        Validity {
            since: Some(Spanned::new(self.key.to_owned(), span)),
            until: None,
        }
    }
}

fn amend(
    book: &mut StatuteBook,
    base: &mut [RuleFile],
    change: &ChangeDecl,
    context: &Context<'_>,
    additions: &mut Vec<Declaration>,
    errors: &mut Vec<OverlayError>,
) {
    let id = &change.section.value;
    let Some(section) = book.sections.get(id).cloned() else {
        errors.push(unknown(book, &change.section));
        return;
    };
    let Some(split) = split_versions(book, &section, &change.section, context, errors) else {
        return;
    };
    let mut section = section;
    section.versions = split;
    let new_versions = section
        .versions
        .iter()
        .position(|v| v.from == context.key)
        .unwrap_or(section.versions.len());
    let mut elements = Vec::new();
    for item in &change.changes {
        match &item.value {
            Change::Element(element) => {
                end_elements(book, base, id, &element.name.value, context);
                let mut element = element.clone();
                element.validity = context.since(element.name.span);
                elements.push(element);
            }
            Change::RemoveElement(name) => {
                if !end_elements(book, base, id, &name.value, context) {
                    errors.push(no_such_element(base, id, name));
                }
            }
            Change::Court(name) => {
                let court = lookup(name, &Court::ALL, Court::id, "court", errors);
                if let Some(court) = court {
                    each_offence(&mut section.versions[new_versions..], |o| o.court = court);
                    additions.push(clause(id, ClauseRole::Court, name, change, context));
                }
            }
            Change::Agency(name) => {
                let agency = lookup(name, &Agency::ALL, Agency::id, "agency", errors);
                if let Some(agency) = agency {
                    each_offence(&mut section.versions[new_versions..], |o| o.agency = agency);
                    additions.push(clause(id, ClauseRole::Agency, name, change, context));
                }
            }
            other => {
                for version in &mut section.versions[new_versions..] {
                    if let Err(error) =
                        change_version(version, &mut section.summary, other, item.span)
                    {
                        errors.push(error);
                        return;
                    }
                }
            }
        }
    }
    if elements.is_empty() && !keeps_an_element(book, base, id, context) {
        errors.push(every_element_removed(&change.section));
    }
    if !elements.is_empty() {
        additions.push(Declaration::Extend(ExtendDecl {
            section: change.section.clone(),
            elements,
        }));
    }
    book.sections.insert(id.clone(), section);
}

/// Sets something in the offence particulars of each of `versions`.
fn each_offence(versions: &mut [Version], set: impl Fn(&mut OffenceParticulars)) {
    for offence in versions.iter_mut().filter_map(|v| v.offence.as_mut()) {
        set(offence);
    }
}

/// An amendment that leaves an offence no element, which would apply on no facts at all.
fn every_element_removed(section: &Spanned<String>) -> OverlayError {
    OverlayError::Invalid {
        message: format!("the amendment removes every element of `{}`", section.value),
        span: section.span,
        help: Some(
            "an offence with no elements would apply on no facts at all: keep or add an element, or `repeal` the section".into(),
        ),
    }
}

/// The section's versions with one starting on the effective day, copied from the version in
/// force the day before; later versions keep their own text but take the overlay's changes.
fn split_versions(
    book: &StatuteBook,
    section: &Section,
    name: &Name,
    context: &Context<'_>,
    errors: &mut Vec<OverlayError>,
) -> Option<Vec<Version>> {
    let day = context.effective;
    let starts = |v: &Version| book.dates.get(&v.from).map_or(day, DateKey::earliest);
    let in_force = section.versions.iter().position(|v| {
        starts(v) <= day
            && v.until
                .as_deref()
                .is_none_or(|u| book.dates.get(u).is_none_or(|k| k.earliest() > day))
    });
    let Some(index) = in_force else {
        let commenced = section.versions.first().map_or_else(String::new, |v| {
            book.dates
                .get(&v.from)
                .map_or_else(String::new, |d| d.bound.to_string())
        });
        let ended = section.versions.first().is_some_and(|v| starts(v) <= day);
        if ended {
            errors.push(OverlayError::Invalid {
                message: format!("`{}` is no longer in force on {day}", section.id),
                span: name.span,
                help: Some("amend a section from a day it is in force".into()),
            });
        } else {
            errors.push(OverlayError::BeforeCommencement {
                id: section.id.clone(),
                effective: day,
                commenced,
                span: name.span,
            });
        }
        return None;
    };
    let mut versions = section.versions.clone();
    let mut new = versions[index].clone();
    context.key.clone_into(&mut new.from);
    new.source.clone_from(&context.header.cite.value);
    new.verified = context.verified;
    // A version's own summary states that version's text (often its penalty), which the
    // amendment may change: it is kept as what the law said before, never as the new law.
    let (title, status) = (&context.header.title, &context.header.status.value);
    new.summary = Some(match new.summary {
        Some(before) => format!("{title} ({status}) amends this version; before it: {before}"),
        None => format!("{title} ({status}): {}", section.summary),
    });
    new.note = Some(format!(
        "changed by the amendment overlay `{}`",
        context.key
    ));
    if starts(&versions[index]) == day {
        versions[index] = new;
    } else {
        versions[index].until = Some(context.key.to_owned());
        versions.insert(index + 1, new);
    }
    Some(versions)
}

/// Ends every element of this name from the effective day: ones that start later are dropped,
/// ones that run across the day stop there. `false` if the section's offence rule has no
/// element of this name.
fn end_elements(
    book: &StatuteBook,
    base: &mut [RuleFile],
    section: &str,
    name: &str,
    context: &Context<'_>,
) -> bool {
    let mut found = false;
    let day = context.effective;
    let starts = |v: &Validity| {
        v.since
            .as_ref()
            .and_then(|k| book.dates.get(&k.value))
            .map(DateKey::earliest)
    };
    for file in base.iter_mut() {
        for declaration in &mut file.declarations {
            let Declaration::Offence(offence) = declaration else {
                continue;
            };
            if offence.section.value != section {
                continue;
            }
            found |= offence.elements.iter().any(|e| e.name.value == name);
            offence
                .elements
                .retain(|e| e.name.value != name || starts(&e.validity).is_none_or(|s| s < day));
            for element in offence.elements.iter_mut().filter(|e| e.name.value == name) {
                let ends_later = element
                    .validity
                    .until
                    .as_ref()
                    .and_then(|k| book.dates.get(&k.value))
                    .is_none_or(|k| k.earliest() > day);
                if ends_later {
                    element.validity.until =
                        Some(Spanned::new(context.key.to_owned(), element.name.span));
                }
            }
        }
    }
    found
}

/// The section's offence rules in the base rules.
fn offence_rules<'a>(
    base: &'a [RuleFile],
    section: &'a str,
) -> impl Iterator<Item = &'a crate::syntax::ast::OffenceDecl> {
    base.iter()
        .flat_map(|file| &file.declarations)
        .filter_map(move |declaration| match declaration {
            Declaration::Offence(offence) if offence.section.value == section => Some(offence),
            _ => None,
        })
}

/// Whether the offence still has an element from the effective day on (a variant always does:
/// it keeps its base's elements). A section with no offence rule has no elements to lose.
fn keeps_an_element(
    book: &StatuteBook,
    base: &[RuleFile],
    section: &str,
    context: &Context<'_>,
) -> bool {
    let in_force_after = |validity: &Validity| {
        validity.until.as_ref().is_none_or(|until| {
            until.value != context.key
                && book
                    .dates
                    .get(&until.value)
                    .is_none_or(|k| k.earliest() > context.effective)
        })
    };
    let mut rules = offence_rules(base, section).peekable();
    rules.peek().is_none()
        || rules.any(|offence| {
            offence.base.is_some() || offence.elements.iter().any(|e| in_force_after(&e.validity))
        })
}

/// An element to remove that the section's offence rule does not have.
fn no_such_element(base: &[RuleFile], section: &str, name: &Name) -> OverlayError {
    let names: Vec<&str> = offence_rules(base, section)
        .flat_map(|offence| &offence.elements)
        .map(|e| e.name.value.as_str())
        .collect();
    let listed = if names.is_empty() {
        format!("`{section}` has no offence rule with elements")
    } else {
        suggestion_help(&name.value, names.iter().copied())
    };
    OverlayError::Invalid {
        message: format!("`{section}` has no element `{}` to remove", name.value),
        span: name.span,
        help: Some(listed),
    }
}

fn clause(
    section: &str,
    role: ClauseRole,
    target: &Name,
    change: &ChangeDecl,
    context: &Context<'_>,
) -> Declaration {
    Declaration::Jurisdiction(JurisdictionDecl {
        sections: vec![Spanned::new(section.to_owned(), change.section.span)],
        clauses: vec![ClauseDecl {
            role: Spanned::new(role, target.span),
            target: target.clone(),
            condition: None,
            validity: context.since(target.span),
            cite: change.cite.clone(),
        }],
    })
}

fn insert(
    book: &mut StatuteBook,
    change: &ChangeDecl,
    context: &Context<'_>,
    additions: &mut Vec<Declaration>,
    errors: &mut Vec<OverlayError>,
) {
    let id = &change.section.value;
    if book.sections.contains_key(id) {
        errors.push(OverlayError::Exists {
            id: id.clone(),
            span: change.section.span,
        });
        return;
    }
    let Some((instrument, _)) = id.split_once('/') else {
        return;
    };
    let Some(instrument) = instrument_of_insert(book, instrument, change, context, errors) else {
        return;
    };
    let mut section = Section {
        id: id.clone(),
        instrument,
        heading: change.heading.clone().unwrap_or_default(),
        cite_as: None,
        kind: SectionKind::Offence,
        summary: String::new(),
        versions: Vec::new(),
        predecessors: Vec::new(),
    };
    let mut version = inserted_version(context);
    let offence = read_inserted(change, &mut section, errors);
    if section.kind == SectionKind::Offence {
        offence.check(change, errors);
        version.offence = Some(offence.particulars);
        additions.push(Declaration::Offence(crate::syntax::ast::OffenceDecl {
            section: change.section.clone(),
            base: None,
            elements: offence.elements,
        }));
    }
    if section.summary.is_empty() {
        section.summary.clone_from(&change.cite.value);
    }
    section.versions.push(version);
    book.sections.insert(id.clone(), section);
}

/// The instrument of an inserted section. When the book has none, the amendment creates it, and
/// must say where it is law: a provincial Act read as federal would reach cases in every province.
/// A `jurisdiction` given for an instrument the book has must agree with it.
fn instrument_of_insert(
    book: &mut StatuteBook,
    instrument: &str,
    change: &ChangeDecl,
    context: &Context<'_>,
    errors: &mut Vec<OverlayError>,
) -> Option<InstrumentId> {
    let mut said = change.changes.iter().filter_map(|item| match &item.value {
        Change::Jurisdiction(name) => Some(name),
        _ => None,
    });
    let (said, again) = (said.next(), said.next());
    if let Some(again) = again {
        errors.push(OverlayError::Invalid {
            message: "`jurisdiction` is given twice".into(),
            span: again.span,
            help: Some("an instrument is law in one place: keep one `jurisdiction`".into()),
        });
        return None;
    }
    let said = match said {
        Some(name) => Some((
            lookup(
                name,
                &Jurisdiction::ALL,
                Jurisdiction::id,
                "jurisdiction",
                errors,
            )?,
            name.span,
        )),
        None => None,
    };
    match (book.instruments.id(instrument), said) {
        (Some(index), None) => Some(index),
        (Some(index), Some((jurisdiction, span))) => {
            let known = book.instruments[index].jurisdiction;
            if known == jurisdiction {
                return Some(index);
            }
            errors.push(OverlayError::Invalid {
                message: format!(
                    "the book has `{instrument}` as {} law; this says {}",
                    known.id(),
                    jurisdiction.id()
                ),
                span,
                help: Some("leave `jurisdiction` out: the book says where it is law".into()),
            });
            None
        }
        (None, Some((jurisdiction, _))) => {
            Some(add_instrument(book, instrument, jurisdiction, context))
        }
        (None, None) => {
            errors.push(OverlayError::Invalid {
                message: format!(
                    "the book has no instrument `{instrument}`, so this insert creates it and must say where it is law"
                ),
                span: change.section.span,
                help: Some(format!(
                    "add `jurisdiction federal` or a province's ({})",
                    provinces()
                )),
            });
            None
        }
    }
}

/// The provinces' ids, for a help line.
fn provinces() -> String {
    let provinces = Jurisdiction::ALL.into_iter().skip(1).map(Jurisdiction::id);
    provinces.collect::<Vec<_>>().join(", ")
}

/// A new instrument for an inserted section.
fn add_instrument(
    book: &mut StatuteBook,
    instrument: &str,
    jurisdiction: Jurisdiction,
    context: &Context<'_>,
) -> InstrumentId {
    book.instruments.add(Instrument {
        id: instrument.to_owned(),
        title: context.header.title.clone(),
        short_title: instrument.to_owned(),
        number: None,
        jurisdiction,
        commenced: context.key.to_owned(),
        repealed: None,
        source: context.header.cite.value.clone(),
        verified: context.verified,
        note: Some(format!(
            "created by the amendment overlay `{}`",
            context.key
        )),
    })
}

/// The one version of an inserted section, in force from the amendment's date.
fn inserted_version(context: &Context<'_>) -> Version {
    Version {
        from: context.key.to_owned(),
        until: None,
        from_at: Moment::Never,
        until_at: None,
        summary: None,
        offence: None,
        source: context.header.cite.value.clone(),
        verified: context.verified,
        unverified: Vec::new(),
        note: Some(format!(
            "inserted by the amendment overlay `{}`",
            context.key
        )),
    }
}

/// What an `insert` gives a new offence, and which of the parts it must give it has.
struct InsertedOffence {
    particulars: OffenceParticulars,
    has_punishment: bool,
    has_court: bool,
    has_agency: bool,
    elements: Vec<crate::syntax::ast::ElementDecl>,
}

impl InsertedOffence {
    /// An error for each part an inserted offence needs and was not given.
    fn check(&self, change: &ChangeDecl, errors: &mut Vec<OverlayError>) {
        for (present, what) in [
            (self.has_punishment, "punishment"),
            (self.has_court, "court"),
            (self.has_agency, "agency"),
            (!self.elements.is_empty(), "element"),
        ] {
            if !present {
                errors.push(OverlayError::Invalid {
                    message: format!("an inserted offence needs a `{what}`"),
                    span: change.section.span,
                    help: Some("give punishment, court, agency and at least one element".into()),
                });
            }
        }
    }
}

/// Reads an `insert`'s changes: the kind and summary into `section`, the rest into the new
/// offence (from the defaults of a cognizable, non-bailable police case).
fn read_inserted(
    change: &ChangeDecl,
    section: &mut Section,
    errors: &mut Vec<OverlayError>,
) -> InsertedOffence {
    let mut offence = InsertedOffence {
        particulars: OffenceParticulars {
            punishment: Punishment::default(),
            cognizable: true,
            bailable: false,
            compoundable: false,
            court: Court::MagistrateFirstClass,
            agency: Agency::Police,
            court_exclusive: false,
            cognizance: None,
        },
        has_punishment: false,
        has_court: false,
        has_agency: false,
        elements: Vec::new(),
    };
    let particulars = &mut offence.particulars;
    for item in &change.changes {
        match &item.value {
            Change::Kind(name) => {
                if let Some(kind) = lookup(name, &SectionKind::ALL, SectionKind::id, "kind", errors)
                {
                    section.kind = kind;
                }
            }
            Change::Summary(summary) => section.summary.clone_from(summary),
            Change::Punishment(spec) => match punishment(spec, item.span) {
                Ok(p) => {
                    particulars.punishment = p;
                    offence.has_punishment = true;
                }
                Err(error) => errors.push(error),
            },
            Change::Flag(flag, value) => set_flag(particulars, *flag, *value),
            Change::Court(name) => {
                if let Some(court) = lookup(name, &Court::ALL, Court::id, "court", errors) {
                    particulars.court = court;
                    offence.has_court = true;
                }
            }
            Change::Agency(name) => {
                if let Some(agency) = lookup(name, &Agency::ALL, Agency::id, "agency", errors) {
                    particulars.agency = agency;
                    offence.has_agency = true;
                }
            }
            Change::Element(element) => {
                let mut element = element.clone();
                element.validity = Validity::default();
                offence.elements.push(element);
            }
            Change::RemoveElement(name) => errors.push(OverlayError::Invalid {
                message: "a new section has no elements to remove".into(),
                span: name.span,
                help: None,
            }),
            // Read with the instrument, before the section is made.
            Change::Jurisdiction(_) => {}
        }
    }
    offence
}

fn repeal(
    book: &mut StatuteBook,
    change: &ChangeDecl,
    context: &Context<'_>,
    errors: &mut Vec<OverlayError>,
) {
    let Some(section) = book.sections.get(&change.section.value).cloned() else {
        errors.push(unknown(book, &change.section));
        return;
    };
    let Some(mut versions) = split_versions(book, &section, &change.section, context, errors)
    else {
        return;
    };
    let index = versions
        .iter()
        .position(|v| v.from == context.key)
        .unwrap_or(versions.len());
    versions.truncate(index);
    if let Some(last) = versions.last_mut() {
        last.until = Some(context.key.to_owned());
    }
    let mut section = section;
    section.versions = versions;
    book.sections.insert(change.section.value.clone(), section);
}

fn change_version(
    version: &mut Version,
    summary: &mut String,
    change: &Change,
    span: Span,
) -> Result<(), OverlayError> {
    let Some(offence) = version.offence.as_mut() else {
        return Err(OverlayError::Invalid {
            message: "only an offence has a punishment and procedure".into(),
            span,
            help: None,
        });
    };
    match change {
        Change::Punishment(spec) => offence.punishment = punishment(spec, span)?,
        Change::Flag(flag, value) => set_flag(offence, *flag, *value),
        Change::Summary(text) => text.clone_into(summary),
        Change::Kind(name) => {
            return Err(OverlayError::Invalid {
                message: "an amendment cannot change a section's kind".into(),
                span: name.span,
                help: None,
            });
        }
        Change::Jurisdiction(name) => {
            return Err(OverlayError::Invalid {
                message: "an amendment cannot change where an instrument is law".into(),
                span: name.span,
                help: Some(
                    "`jurisdiction` belongs in an `insert` that creates a new instrument".into(),
                ),
            });
        }
        Change::Court(_) | Change::Agency(_) | Change::Element(_) | Change::RemoveElement(_) => {}
    }
    Ok(())
}

fn set_flag(offence: &mut OffenceParticulars, flag: Flag, value: bool) {
    match flag {
        Flag::Cognizable => offence.cognizable = value,
        Flag::Bailable => offence.bailable = value,
        Flag::Compoundable => offence.compoundable = value,
    }
}

fn punishment(spec: &PunishmentSpec, span: Span) -> Result<Punishment, OverlayError> {
    let bad = |message: String| OverlayError::Invalid {
        message,
        span,
        help: Some("terms are `7y`, `6m` or `life`".into()),
    };
    let term = |text: &Option<Spanned<String>>| -> Result<Option<Term>, OverlayError> {
        text.as_ref()
            .map(|t| {
                Term::parse(&t.value).ok_or_else(|| bad(format!("unreadable term `{}`", t.value)))
            })
            .transpose()
    };
    let imprisonment = match &spec.imprisonment {
        Some((min, max)) => Some(Imprisonment {
            min: term(min)?,
            max: term(max)?,
        }),
        None => None,
    };
    let fine = spec.fine.map(|(min, max)| Fine { min, max });
    let combine = spec
        .combine
        .as_ref()
        .map(|name| find_id(name, &Combine::ALL, Combine::id, "combine"))
        .transpose()?;
    let punishment = Punishment {
        imprisonment,
        death: spec.death,
        fine,
        combine,
        not_known: false,
    };
    match punishment.problem() {
        // The same check, and the same words, as a statute file's punishment.
        Some(problem) => Err(OverlayError::Invalid {
            message: format!("the punishment {problem}"),
            span,
            help: Some("see the Punishment part of statutes/README.md".into()),
        }),
        None => Ok(punishment),
    }
}

fn lookup<T: Copy>(
    name: &Name,
    all: &[T],
    id: fn(T) -> &'static str,
    what: &str,
    errors: &mut Vec<OverlayError>,
) -> Option<T> {
    find_id(name, all, id, what)
        .map_err(|error| errors.push(error))
        .ok()
}

/// The item of a closed list (courts, agencies, kinds, combine modes) that `name` names.
fn find_id<T: Copy>(
    name: &Name,
    all: &[T],
    id: fn(T) -> &'static str,
    what: &str,
) -> Result<T, OverlayError> {
    all.iter()
        .copied()
        .find(|item| id(*item) == name.value)
        .ok_or_else(|| OverlayError::Invalid {
            message: format!("unknown {what} `{}`", name.value),
            span: name.span,
            help: Some(suggestion_help(
                &name.value,
                all.iter().map(|item| id(*item)),
            )),
        })
}

fn unknown(book: &StatuteBook, name: &Name) -> OverlayError {
    OverlayError::UnknownSection {
        id: name.value.clone(),
        span: name.span,
        help: suggestion_help(&name.value, book.sections.keys().map(String::as_str)),
    }
}
