//! Every string of a checked law that a person reads, each under a stable id: instrument
//! titles, date labels, section headings, summaries and citations in words, version
//! summaries, notes and cognizance texts, fact questions and options, and the rule files' own
//! words (element names and the citations of elements, waivers, protections, derived facts,
//! overlaps, rankings, venues, joint trials and indicators, with their notes). One walk over the
//! [`Program`] serves both `tipnav check` (which strings need a translation) and `localize`
//! (swap them in), so the two can never disagree. Knows nothing about PO files.

use std::collections::HashMap;

use super::{Area, element_context, law_text, option_english, option_label};
use crate::model::{Decides, OverlapKind, Precedence, Program, Type, Validity};

/// A string of the law a person reads: its stable id, its English and its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawString {
    /// Stable id (`section ptpa-2018/3 heading`), the PO `msgctxt`.
    pub context: String,
    /// The English, as the law files have it.
    pub english: String,
    /// Which file it belongs in.
    pub area: Area,
}

/// Every string of a checked law that a translation must cover, once each: instrument titles,
/// section headings and summaries, version summaries, fact questions and enum options, and
/// the rule files' notes, clause citations, joint-trial and indicator texts and element names.
pub fn law_strings(program: &Program) -> Vec<LawString> {
    let mut strings: Vec<LawString> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    walk(&mut program.clone(), &mut |context, area, english| {
        if seen.insert(context.clone()) {
            strings.push(LawString {
                context,
                english: english.clone(),
                area,
            });
        }
    });
    strings
}

/// What an option means, in this run's language, when the vocabulary glosses it.
pub fn option_gloss(fact: &crate::model::Fact, member: &str) -> Option<String> {
    let (_, gloss) = fact.glosses.iter().find(|(m, _)| m == member)?;
    let context = format!("fact {} option {member} gloss", fact.name);
    Some(law_text(&context, gloss).into_owned())
}

/// The label of an option with what it means, when the vocabulary glosses it
/// (`unlawful immoral purpose: another purpose that is both unlawful and immoral`).
pub fn option_with_gloss(fact: &crate::model::Fact, member: &str) -> String {
    let label = option_label(&fact.name, member);
    match option_gloss(fact, member) {
        Some(gloss) => format!("{label}: {gloss}"),
        None => label,
    }
}

/// Puts this run's translations of the law's strings (titles, headings, summaries,
/// questions, notes, clause citations) in place of the English. Does nothing in English; a
/// string without a usable translation stays English (an edited law with `--law`); ids and
/// citations are never touched.
pub fn localize(program: &mut Program) {
    let Some(catalog) = super::active_catalog() else {
        return;
    };
    walk(program, &mut |context, _, text| {
        if let Some(translated) = catalog.law(&context, text) {
            *text = translated.to_owned();
        }
    });
}

/// A law string met on the walk: its id, which file it belongs in, and the text itself.
pub(super) type Visit<'a> = dyn FnMut(String, Area, &mut String) + 'a;

/// Walks every translatable string of the law, mutably so `localize` can swap each in place.
/// The same id with the same English is one string met twice (a variant's inherited clause);
/// a different English under an id already met gets ` #2` (two overlaps of one kind over the
/// same sections, say).
pub(super) fn walk(program: &mut Program, visit: &mut Visit<'_>) {
    let mut seen: HashMap<String, Vec<String>> = HashMap::new();
    let mut unique = |context: String, area: Area, text: &mut String| {
        let englishes = seen.entry(context.clone()).or_default();
        let index = match englishes.iter().position(|e| e == text) {
            Some(index) => index,
            None => {
                englishes.push(text.clone());
                englishes.len() - 1
            }
        };
        let context = if index == 0 {
            context
        } else {
            format!("{context} #{}", index + 1)
        };
        visit(context, area, text);
    };
    statutes(program, &mut unique);
    facts(program, &mut unique);
    rules(program, &mut unique);
}

fn statutes(program: &mut Program, visit: &mut Visit<'_>) {
    for (id, title) in program.book.instruments.titles_mut() {
        visit(format!("instrument {id} title"), Area::Law, title);
    }
    // Labels name the day a version starts (explain, the date-window note); a date key's own
    // note is a research record no output prints, so it stays English.
    for key in program.book.dates.values_mut() {
        visit(format!("date {} label", key.id), Area::Law, &mut key.label);
    }
    for section in program.book.sections.values_mut() {
        let heading = format!("section {} heading", section.id);
        visit(heading, Area::Law, &mut section.heading);
        // A section whose id is no number cites itself in words (`s.31 (a child under 12)`),
        // shown wherever it is cited: the number stays, the words are translated.
        if let Some(cite_as) = &mut section.cite_as {
            visit(
                format!("section {} cite_as", section.id),
                Area::Law,
                cite_as,
            );
        }
        let summary = format!("section {} summary", section.id);
        visit(summary, Area::Law, &mut section.summary);
        for version in &mut section.versions {
            let id = format!("section {} version {}", section.id, version.from);
            if let Some(summary) = &mut version.summary {
                visit(format!("{id} summary"), Area::Law, summary);
            }
            if let Some(note) = &mut version.note {
                visit(format!("{id} note"), Area::Law, note);
            }
            if let Some(cognizance) = version.offence.as_mut().and_then(|o| o.cognizance.as_mut()) {
                visit(format!("{id} cognizance"), Area::Law, cognizance);
            }
        }
    }
}

fn facts(program: &mut Program, visit: &mut Visit<'_>) {
    for fact in &mut program.facts {
        if let Some(question) = &mut fact.question {
            visit(
                format!("fact {} question", fact.name),
                Area::Facts,
                question,
            );
        }
        // Options are labels drawn from the ids, never swapped into the program (the ids are
        // the case-file vocabulary); the walk offers a copy so check sees them.
        for member in options(&fact.ty) {
            let mut label = option_english(&member);
            let id = format!("fact {} option {member}", fact.name);
            visit(id, Area::Facts, &mut label);
        }
        // Glosses, like options, are translated when shown (`i18n::option_gloss`).
        for (member, gloss) in &fact.glosses {
            let mut text = gloss.clone();
            let id = format!("fact {} option {member} gloss", fact.name);
            visit(id, Area::Facts, &mut text);
        }
    }
}

fn options(ty: &Type) -> Vec<String> {
    match ty {
        Type::Enum(members) | Type::Set(members) => members.to_vec(),
        _ => Vec::new(),
    }
}

/// The rule files' own words. Citations stay as the official text has them inside each
/// translation; only the words around them change.
fn rules(program: &mut Program, visit: &mut Visit<'_>) {
    element_names(program, visit);
    elements(program, visit);
    clauses(program, visit);
    protections(program, visit);
    derivations(program, visit);
    for overlap in &mut program.overlaps {
        let id = format!(
            "overlap {} {}",
            overlap.kind.id(),
            (overlap.sections.iter())
                .map(|&o| program.offences[o].section.as_str())
                .collect::<Vec<_>>()
                .join(",")
        );
        visit(format!("{id} cite"), Area::Law, &mut overlap.cite);
        if let Some(note) = &mut overlap.note {
            visit(format!("{id} note"), Area::Law, note);
        }
    }
    precedences(program, visit);
    venues(program, visit);
    notes(program, visit);
    let instruments = &program.book.instruments;
    for joint in &mut program.joint {
        let mut tries: Vec<&str> = (joint.instruments.iter())
            .map(|&i| instruments[i].id.as_str())
            .collect();
        tries.extend(joint.courts.iter().map(|c| c.id()));
        let id = format!("joint {} {} cite", joint.court.id(), tries.join(","));
        visit(id, Area::Law, &mut joint.cite);
    }
    for indicator in &mut program.indicators {
        let id = format!("indicator {} title", indicator.name);
        visit(id, Area::Law, &mut indicator.title);
        let id = format!("indicator {} cite", indicator.name);
        visit(id, Area::Law, &mut indicator.cite);
    }
}

/// What each element and each of its waivers rests on. Ids name the offence that declared the
/// element, so an element a variant inherits is the same string as its base's.
fn elements(program: &mut Program, visit: &mut Visit<'_>) {
    for offence in &mut program.offences {
        for element in &mut offence.elements {
            let owner = element
                .inherited_from
                .as_deref()
                .unwrap_or(&offence.section);
            let id = format!(
                "offence {owner} element {}{}",
                element.name,
                validity(&element.validity)
            );
            visit(format!("{id} cite"), Area::Law, &mut element.cite);
            for waiver in &mut element.waivers {
                visit(format!("{id} waiver cite"), Area::Law, &mut waiver.cite);
            }
        }
    }
}

/// What gives a victim each protection, presumption or referral.
fn protections(program: &mut Program, visit: &mut Visit<'_>) {
    for protection in &mut program.protections {
        let id = format!(
            "protection {}{} cite",
            protection.section,
            validity(&protection.validity)
        );
        visit(id, Area::Law, &mut protection.cite);
    }
}

/// What each derived fact rests on (`tipnav facts`, explanations).
fn derivations(program: &mut Program, visit: &mut Visit<'_>) {
    for fact in &mut program.facts {
        if let Some(derivation) = &mut fact.derivation {
            let id = format!("fact {} derivation cite", fact.name);
            visit(id, Area::Law, &mut derivation.cite);
        }
    }
}

/// The rule files' free-standing notes, numbered in the order the rules declare them.
fn notes(program: &mut Program, visit: &mut Visit<'_>) {
    for (index, note) in program.notes.iter_mut().enumerate() {
        let id = format!("note {}{}", index + 1, validity(&note.validity));
        visit(format!("{id} text"), Area::Law, &mut note.text);
        visit(format!("{id} cite"), Area::Law, &mut note.cite);
    }
}

/// Element names are ids (JSON keeps them, and English reports show them as written): one
/// label per name, which a translation puts in words.
fn element_names(program: &Program, visit: &mut Visit<'_>) {
    let mut names: Vec<&str> = program
        .offences
        .iter()
        .flat_map(|o| o.elements.iter().map(|e| e.name.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let mut label = name.to_owned();
        visit(element_context(name), Area::Law, &mut label);
    }
}

/// The citation of each jurisdiction clause: the reason a report gives for an agency or court.
/// Ids name the offence a variant descends from, so a clause a variant inherits is the same
/// string as its base's.
fn clauses(program: &mut Program, visit: &mut Visit<'_>) {
    let roots: Vec<String> = program
        .offences
        .iter()
        .map(|o| root(program, &o.section).to_owned())
        .collect();
    for (offence, root) in program.offences.iter_mut().zip(roots) {
        for clause in &mut offence.clauses {
            let (role, id) = match clause.decides {
                Decides::Agency(a) => ("agency", a.id()),
                Decides::Support(a) => ("support", a.id()),
                Decides::Court(c) => ("court", c.id()),
            };
            let context = format!(
                "jurisdiction {root} {role} {id}{} cite",
                validity(&clause.validity)
            );
            visit(context, Area::Law, &mut clause.cite);
        }
    }
}

/// The offence a variant descends from, followed to the root (itself if it is no variant).
fn root<'a>(program: &'a Program, section: &'a str) -> &'a str {
    let base = program.offence(section).and_then(|o| o.base);
    match base.map(|b| program.offences[b].section.as_str()) {
        Some(base) if base != section => root(program, base),
        _ => section,
    }
}

/// ` since KEY` / ` until KEY`, telling apart clauses of different versions of the law.
fn validity(validity: &Validity) -> String {
    let mut text = String::new();
    if let Some(since) = &validity.since {
        text.push_str(&format!(" since {since}"));
    }
    if let Some(until) = &validity.until {
        text.push_str(&format!(" until {until}"));
    }
    text
}

fn precedences(program: &mut Program, visit: &mut Visit<'_>) {
    precedence("agency", program.agency_precedence.as_mut(), visit);
    precedence("court", program.court_precedence.as_mut(), visit);
}

/// The citation and note of the precedence that decides among agencies or courts (`what`).
fn precedence<T>(what: &str, precedence: Option<&mut Precedence<T>>, visit: &mut Visit<'_>) {
    let Some(precedence) = precedence else {
        return;
    };
    visit(
        format!("precedence {what} cite"),
        Area::Law,
        &mut precedence.cite,
    );
    if let Some(note) = precedence.note.as_mut() {
        visit(format!("precedence {what} note"), Area::Law, note);
    }
}

fn venues(program: &mut Program, visit: &mut Visit<'_>) {
    for venue in &mut program.venues {
        let places: Vec<&str> = venue
            .places
            .iter()
            .map(|&f| program.facts[f].name.as_str())
            .collect();
        let mut id = format!(
            "venue {}",
            if places.is_empty() {
                "abroad".to_owned()
            } else {
                places.join(",")
            }
        );
        if !venue.offences.is_empty() {
            let sections: Vec<&str> = venue
                .offences
                .iter()
                .map(|&o| program.offences[o].section.as_str())
                .collect();
            id.push_str(&format!(" for {}", sections.join(",")));
        }
        visit(format!("{id} cite"), Area::Law, &mut venue.cite);
        if let Some(note) = &mut venue.note {
            visit(format!("{id} note"), Area::Law, note);
        }
    }
}

/// An overlap's kind (`duplicate_offence`) in words: "duplicate offence" in English, the
/// translation's words in another language. Each kind is named literally, so the catalogue's
/// coverage test sees its four entries.
pub fn family_words(family: OverlapKind) -> String {
    if !crate::i18n::translating() {
        return family.id().replace('_', " ");
    }
    match family {
        OverlapKind::DuplicateOffence => super::tr("duplicate_offence"),
        OverlapKind::ForumConflict => super::tr("forum_conflict"),
        OverlapKind::AgencyConflict => super::tr("agency_conflict"),
        OverlapKind::PenaltyDisparity => super::tr("penalty_disparity"),
    }
    .to_owned()
}
