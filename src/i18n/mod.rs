//! Languages other than English. Translations are data beside the law: gettext PO files in
//! `locales/LANG/` (`law.po`, `facts.po`, `program.po`), embedded in the binary, which a
//! translator edits with the English beside each string. A language is only its files.
//!
//! The language is chosen once per run (`--lang`, `TIPNAV_LANG`) and held process-wide, as the
//! colour choice is, so renderers swap a literal for [`tr`] without a language parameter in
//! every signature. A server answering in several languages at once overrides that choice
//! for one thread while it works on one request ([`speak`]). Library callers that never choose get English. Law strings (headings,
//! summaries, questions) are swapped into the checked [`Program`] by [`localize`], so every
//! renderer and the JSON text fields show them; ids, citations and numbers are never touched.

pub mod check;
pub mod law;
pub mod po;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::failure::Failure;
use crate::source::SourceFile;

pub use po::Entry;

/// English, the language of the law files and of the program's own strings.
pub const ENGLISH: &str = "en";

/// The notice every translated report carries: the law's text in another language is
/// tipnav's own summary, never an official translation.
pub const UNOFFICIAL: &str = "Unofficial: the section headings and summaries in this language are tipnav's own plain-language summaries, not an official translation of the law; citations and section numbers are as the official text has them.";

/// The shipped translation files: (language, area, text).
fn shipped() -> &'static [(&'static str, &'static str, &'static str)] {
    embedded::LOCALES
}

/// The codes `--lang` accepts: `en` and every language with files in `locales/`.
pub fn languages() -> Vec<&'static str> {
    let mut codes = vec![ENGLISH];
    for (code, _, _) in shipped() {
        if !codes.contains(code) {
            codes.push(code);
        }
    }
    codes
}

/// Clap's parser for `--lang`: a known code, or an error naming the known ones.
pub fn language_code(code: &str) -> Result<String, String> {
    let known = languages();
    if known.contains(&code) {
        Ok(code.to_owned())
    } else {
        Err(format!(
            "no translation for `{code}`; known languages: {}",
            known.join(", ")
        ))
    }
}

/// One language's translations, every area together.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Law and fact strings by stable id: (English, translation).
    by_context: HashMap<String, (String, String)>,
    /// Program strings by their English.
    by_english: HashMap<String, String>,
}

impl Catalog {
    /// The translation of a law or fact string, if there is a usable one for this English.
    /// A stale entry (its English no longer the law's) is not used: it would say something
    /// the law no longer says.
    pub fn law(&self, context: &str, english: &str) -> Option<&str> {
        self.by_context
            .get(context)
            .filter(|(was, text)| was == english && !text.is_empty())
            .map(|(_, text)| text.as_str())
    }

    /// The translation of a program string, if any.
    pub fn program(&self, english: &str) -> Option<&str> {
        self.by_english
            .get(english)
            .map(String::as_str)
            .filter(|text| !text.is_empty())
    }

    fn add(&mut self, entries: Vec<Entry>) {
        for entry in entries.into_iter().filter(|e| !e.fuzzy) {
            match entry.context {
                Some(context) => {
                    self.by_context.insert(context, (entry.english, entry.text));
                }
                None => {
                    self.by_english.insert(entry.english, entry.text);
                }
            }
        }
    }
}

/// The shipped files of one language, as source files (`locales/ur/law.po`).
pub fn files(code: &str) -> Vec<SourceFile> {
    shipped()
        .iter()
        .filter(|(language, _, _)| *language == code)
        .map(|(language, area, text)| {
            SourceFile::new(format!("locales/{language}/{area}.po"), *text)
        })
        .collect()
}

/// Parses a language's files into one catalog; every syntax error in every file is reported.
pub fn catalog(code: &str) -> Result<Catalog, Failure> {
    let mut catalog = Catalog::default();
    let mut errors = Vec::new();
    let files = files(code);
    for (index, file) in files.iter().enumerate() {
        match po::parse(&file.text) {
            Ok(entries) => catalog.add(entries),
            Err(found) => errors.extend(found.into_iter().map(|e| (index, e))),
        }
    }
    if errors.is_empty() {
        Ok(catalog)
    } else {
        Err(Failure::from_errors(errors, &files))
    }
}

/// The language of this run: its code and, unless it is English, its catalog.
#[derive(Debug)]
struct Active {
    code: String,
    catalog: Option<Catalog>,
}

static ACTIVE: OnceLock<Active> = OnceLock::new();

/// Chooses the language of this run. The first choice stands (a run chooses once).
pub fn activate(code: &str) -> Result<(), Failure> {
    let _ = ACTIVE.set(load(code)?);
    Ok(())
}

fn load(code: &str) -> Result<Active, Failure> {
    let catalog = if code == ENGLISH {
        None
    } else {
        Some(catalog(code)?)
    };
    Ok(Active {
        code: code.to_owned(),
        catalog,
    })
}

thread_local! {
    /// The language this thread speaks for the request it is working on, over the run's.
    static SPOKEN: Cell<Option<&'static Active>> = const { Cell::new(None) };
}

/// Each language a thread has been asked to speak, parsed once and kept for the run (a
/// handful of languages, so kept rather than reference-counted).
fn loaded(code: &str) -> Result<&'static Active, Failure> {
    static LOADED: Mutex<Vec<&'static Active>> = Mutex::new(Vec::new());
    let mut loaded = LOADED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(active) = loaded.iter().find(|a| a.code == code) {
        return Ok(active);
    }
    let active: &'static Active = Box::leak(Box::new(load(code)?));
    loaded.push(active);
    Ok(active)
}

/// While the returned guard lives, this thread's [`tr`], [`law_text`] and [`localize`] speak
/// `code` instead of the run's language; dropping it restores what the thread spoke before.
pub fn speak(code: &str) -> Result<Speaking, Failure> {
    let active = loaded(code)?;
    Ok(Speaking {
        before: SPOKEN.with(|spoken| spoken.replace(Some(active))),
    })
}

/// The scope of a [`speak`]: the thread's language before it, put back on drop (also when
/// the work in the scope panics).
#[must_use = "the language is spoken only while the guard lives"]
#[derive(Debug)]
pub struct Speaking {
    before: Option<&'static Active>,
}

impl Drop for Speaking {
    fn drop(&mut self) {
        SPOKEN.with(|spoken| spoken.set(self.before));
    }
}

/// The language this thread speaks now: its request's, or else the run's.
fn current() -> Option<&'static Active> {
    SPOKEN.with(Cell::get).or_else(|| ACTIVE.get())
}

pub(super) fn active_catalog() -> Option<&'static Catalog> {
    current().and_then(|a| a.catalog.as_ref())
}

/// The code of this run's language (`en` unless one was chosen).
pub fn code() -> &'static str {
    current().map_or(ENGLISH, |a| a.code.as_str())
}

/// True when this run speaks a language other than English.
pub fn translating() -> bool {
    active_catalog().is_some()
}

/// A program string in this run's language; the English when it has no translation.
pub fn tr(english: &'static str) -> &'static str {
    active_catalog()
        .and_then(|c| c.program(english))
        .unwrap_or(english)
}

/// A program string with `{name}` placeholders, translated, then filled in. The translation
/// has the same placeholders (`tipnav check` makes sure), in the order its language needs.
pub fn trf(template: &'static str, args: &[(&str, &str)]) -> String {
    let mut text = tr(template).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// A program string that counts something, with `{name}` placeholders: `one` when `count` is
/// 1, `other` otherwise, translated and filled in as [`trf`] does ("1 case compared", "2 cases
/// compared"). Two forms are enough for the shipped languages: English and Urdu both use the
/// singular for exactly one.
pub fn trn(count: usize, one: &'static str, other: &'static str, args: &[(&str, &str)]) -> String {
    trf(if count == 1 { one } else { other }, args)
}

/// A fact-file or law string by stable id, in this run's language.
pub fn law_text<'a>(context: &str, english: &'a str) -> std::borrow::Cow<'a, str> {
    match active_catalog().and_then(|c| c.law(context, english)) {
        Some(text) => std::borrow::Cow::Owned(text.to_owned()),
        None => std::borrow::Cow::Borrowed(english),
    }
}

/// Text direction of this run's language (`ltr` or `rtl`), from its `meta direction` entry.
pub fn direction() -> &'static str {
    if tr("ltr") == "rtl" { "rtl" } else { "ltr" }
}

/// Which file of a language a string belongs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// `law.po`: instruments and sections.
    Law,
    /// `facts.po`: questions and options of the case-file vocabulary.
    Facts,
}

impl Area {
    /// The file's name without `.po`.
    pub fn file(self) -> &'static str {
        match self {
            Area::Law => "law",
            Area::Facts => "facts",
        }
    }
}

/// The English label of an enum member: its id in words (`let_to_hire` gives `let to hire`).
pub fn option_english(member: &str) -> String {
    member.replace('_', " ")
}

/// The label of a fact's option in this run's language.
pub fn option_label(fact: &str, member: &str) -> String {
    let english = option_english(member);
    law_text(&format!("fact {fact} option {member}"), &english).into_owned()
}

/// An element's name (an id such as `as_slave`) as a reader sees it, in this run's language.
pub fn element_label(name: &str) -> String {
    law_text(&element_context(name), name).into_owned()
}

/// The catalogue context of an element's name (`element as_slave`): one string per name, shared
/// by every offence that names an element so.
pub(crate) fn element_context(name: &str) -> String {
    format!("element {name}")
}
