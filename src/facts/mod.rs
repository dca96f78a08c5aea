//! Reading a case file (TOML, or JSON of the same shape) against the program's fact
//! vocabulary. An absent fact is unknown; a list that is present is complete unless written
//! open (`{ include = [...] }`); a number may be given as bounds (`{ min, max }`) and a date
//! as a year or month. Every problem is collected and points at the key or value at fault.

mod error;
mod line;
mod tree;

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

pub use error::FactError;
pub use line::{Read, Vocabulary};

use crate::diagnostic::suggestion_help;
use crate::i18n::{tr, trf};
use crate::model::{FactId, OverlapKind, Program, Type, Value};
use crate::source::{Span, Spanned};
use crate::statute::{Agency, Court};
use tree::{Node, NodeKind};

/// The key of the optional block that states what a case should come to.
const EXPECT: &str = "expect";
/// The key of the block where `tipnav ask` records the facts the officer did not know.
const INTERVIEW: &str = "interview";
/// The key of a batch line's case identifier.
const BATCH_ID: &str = "id";
/// The victim's age, which `victim.minor` narrows.
const AGE_FACT: &str = "victim.age";
/// "A child" without an age (vocabulary.rules).
const MINOR_FACT: &str = "victim.minor";
/// PTPA 2018 s.2(a): a child is a person under 18 (the `victim.child` derivation).
const ADULT_AGE: i64 = 18;
/// The completed acts, whose closed list also closes the attempts (see [`close_attempts`]).
const ACTS_FACT: &str = "conduct.acts";
/// The facts of an attempt (vocabulary.rules) that a closed `conduct.acts` closes when absent.
const ATTEMPTED_ACTS_FACT: &str = "conduct.attempted_acts";
const INTERCEPTED_FACT: &str = "movement.intercepted";

/// A case's facts, validated.
#[derive(Debug, Clone)]
pub struct Case {
    /// Per fact id: the value given, or `None` (unknown). Derived facts are always `None` here.
    pub values: Vec<Option<Value>>,
    /// Per fact id: where the value was given.
    pub given_at: Vec<Option<Span>>,
    /// The `[expect]` block, if any.
    pub expect: Option<Expectation>,
    /// Facts answered "don't know" in an interview (`[interview] dont_know = [...]`): unknown,
    /// and not to be asked again.
    pub dont_know: Vec<FactId>,
}

impl Case {
    /// A case of which nothing is known: where an interview starts.
    pub fn unknown(program: &Program) -> Case {
        Case {
            values: vec![None; program.facts.len()],
            given_at: vec![None; program.facts.len()],
            expect: None,
            dont_know: Vec::new(),
        }
    }
}

/// What a case should come to, for tests and scenario banks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectation {
    /// Sections that must apply.
    pub applies: Vec<String>,
    /// Sections that must be `may_apply`.
    pub may_apply: Vec<String>,
    /// Sections that must not apply.
    pub does_not_apply: Vec<String>,
    /// The lead agency.
    pub lead_agency: Option<Agency>,
    /// The court named for the case.
    pub court: Option<Court>,
    /// The court the law in force now names for the case, where the forum changed after the
    /// offence date (both forums are reported).
    pub later_court: Option<Court>,
    /// Overlaps the case must hit: a kind and sections that must all be in it.
    pub overlaps: Vec<(OverlapKind, Vec<String>)>,
    /// Protections the victim must have (section ids).
    pub protections: Vec<String>,
}

/// The format of a case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TOML, as in `examples/`.
    Toml,
    /// JSON of the same shape.
    Json,
}

impl Format {
    /// JSON for `.json` files, TOML otherwise.
    pub fn from_path(path: &str) -> Format {
        if path.ends_with(".json") {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

/// A batch line's case identifier (`id`, a string or a whole number), echoed in its output.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum CaseId {
    /// `"id": "FIR-112/2024"`
    Text(String),
    /// `"id": 42`
    Number(i64),
}

/// Reads a case file.
pub fn load(text: &str, format: Format, program: &Program) -> Result<Case, Vec<FactError>> {
    read(text, format, program, false).1
}

/// Reads one line of a batch (JSON Lines): a case in the case-file shape with an optional
/// top-level `id`. The id is returned even when the case has errors, so the error line can
/// name the case.
pub fn load_line(text: &str, program: &Program) -> (Option<CaseId>, Result<Case, Vec<FactError>>) {
    read(text, Format::Json, program, true)
}

fn read(
    text: &str,
    format: Format,
    program: &Program,
    batch: bool,
) -> (Option<CaseId>, Result<Case, Vec<FactError>>) {
    let text = &crate::source::blank_bom(text);
    let root = match format {
        Format::Toml => tree::from_toml(text),
        Format::Json => tree::from_json(text),
    };
    let root = match root {
        Ok(root) => root,
        Err(error) => return (None, Err(vec![error])),
    };
    let mut reader = Reader {
        program,
        values: vec![None; program.facts.len()],
        given_at: vec![None; program.facts.len()],
        expect: None,
        dont_know: Vec::new(),
        errors: Vec::new(),
        batch_id: batch.then_some(None),
    };
    match &root.kind {
        NodeKind::Table(entries) => reader.table("", entries),
        other => reader.errors.push(FactError::Syntax {
            message: format!("a case file is a table of facts, not {}", other.describe()),
            span: root.span,
        }),
    }
    reader.fold_minor_into_age();
    close_attempts(program, &mut reader.values);
    let id = reader.batch_id.take().flatten();
    let case = if reader.errors.is_empty() {
        Ok(Case {
            values: reader.values,
            given_at: reader.given_at,
            expect: reader.expect,
            dont_know: reader.dont_know,
        })
    } else {
        Err(reader.errors)
    };
    (id, case)
}

/// A case that lists its completed acts as a closed list (`acts = [...]`) reads an absent
/// `conduct.attempted_acts` as none and an absent `movement.intercepted` as false. The closed
/// list already says "these and nothing else" of what the accused did; reading the attempts as
/// unknown instead would leave every such case's PTPA s.8 route (and each offence that reaches
/// attempts) open on an attempt nobody mentioned, and would change what case files written
/// before the attempt facts existed mean. The condition is the closed list alone, never which
/// other facts are given, so knowing more never turns a settled answer back (the property
/// tests). An open list (`acts = { include = [...] }`) or no `acts` keeps the attempts unknown
/// (issue 15). Shared by both readers and `ask`, so a case reads alike everywhere.
pub fn close_attempts(program: &Program, values: &mut [Option<Value>]) {
    let facts = [ACTS_FACT, ATTEMPTED_ACTS_FACT, INTERCEPTED_FACT].map(|name| program.fact(name));
    let [Some(acts), Some(attempted), Some(intercepted)] = facts else {
        return;
    };
    if !matches!(values[acts], Some(Value::Set(_))) {
        return;
    }
    values[attempted].get_or_insert(Value::Set(0));
    values[intercepted].get_or_insert(Value::Bool(false));
}

/// `victim.minor` narrows `victim.age` (under 18, or 18 and over) so that every child test
/// reads the one number; `false` when the age given contradicts it. Shared by both readers, so
/// a batch line reads as its case file does.
pub(crate) fn fold_minor(program: &Program, values: &mut [Option<Value>]) -> bool {
    let (Some(minor), Some(age)) = (program.fact(MINOR_FACT), program.fact(AGE_FACT)) else {
        return true;
    };
    let Some(Value::Bool(is_minor)) = values[minor] else {
        return true;
    };
    let Type::Int { min, max } = program.facts[age].ty else {
        return true;
    };
    let (low, high) = match values[age] {
        Some(Value::Int(years)) => (years, years),
        Some(Value::Between(low, high)) => (low, high),
        _ => (min, max),
    };
    let (low, high) = if is_minor {
        (low, high.min(ADULT_AGE - 1))
    } else {
        (low.max(ADULT_AGE), high)
    };
    if low > high {
        return false;
    }
    values[age] = Some(if low == high {
        Value::Int(low)
    } else {
        Value::Between(low, high)
    });
    true
}

struct Reader<'a> {
    program: &'a Program,
    values: Vec<Option<Value>>,
    given_at: Vec<Option<Span>>,
    expect: Option<Expectation>,
    dont_know: Vec<FactId>,
    errors: Vec<FactError>,
    /// In a batch line: `Some`, holding the line's `id` once read. In a case file: `None`,
    /// and `id` is an unknown fact like any other.
    batch_id: Option<Option<CaseId>>,
}

impl Reader<'_> {
    fn table(&mut self, prefix: &str, entries: &[(Spanned<String>, Node)]) {
        for (key, node) in entries {
            if prefix.is_empty() && key.value == EXPECT {
                self.expect = self.expectation(node);
                continue;
            }
            if prefix.is_empty() && key.value == INTERVIEW {
                self.interview(node);
                continue;
            }
            if prefix.is_empty() && key.value == BATCH_ID && self.batch_id.is_some() {
                self.batch_id = Some(self.case_id(node));
                continue;
            }
            let name = if prefix.is_empty() {
                key.value.clone()
            } else {
                format!("{prefix}.{}", key.value)
            };
            match (self.program.fact(&name), &node.kind) {
                (Some(id), _) => self.fact(id, &name, key.span, node),
                (None, NodeKind::Table(inner)) if self.is_group(&name) => self.table(&name, inner),
                // A `null` group says what an absent one says: every fact in it is unknown.
                (None, NodeKind::Null) if self.is_group(&name) => {}
                (None, other) if self.is_group(&name) => self.errors.push(FactError::WrongType {
                    found: other.describe(),
                    help: self.group_help(&name, &key.value),
                    name,
                    expected: "a table of facts (or null)".to_owned(),
                    span: node.span,
                }),
                (None, _) => self.errors.push(FactError::UnknownFact {
                    help: self.suggest_fact(&name),
                    name,
                    span: key.span,
                }),
            }
        }
    }

    /// Whether some input fact lives under `name.` (`movement.origin` for `movement.origin.country`).
    fn is_group(&self, name: &str) -> bool {
        let prefix = format!("{name}.");
        self.program
            .facts
            .iter()
            .any(|fact| fact.derivation.is_none() && fact.name.starts_with(&prefix))
    }

    /// Help for a group written as a single value (`destination = "Dubai"`): the inline table
    /// with the group's own keys, not the rejected value again.
    fn group_help(&self, name: &str, key: &str) -> String {
        let keys = self.keys_under(name);
        let first = keys.first().copied().unwrap_or("...");
        trf(
            "`{name}` is a group of facts: write it as an inline table, e.g. `{key} = { {first} = \"...\" }` (its keys: {keys}); `null` when all of them are unknown",
            &[
                ("name", name),
                ("key", key),
                ("first", first),
                ("keys", &keys.join(", ")),
            ],
        )
    }

    /// Help for an unknown key: the closest key of the same table, or the keys it has.
    fn suggest_fact(&self, name: &str) -> String {
        let (group, key) = name.rsplit_once('.').unwrap_or(("", name));
        let siblings: Vec<&str> = self.keys_under(group);
        if siblings.is_empty() {
            return trf("case files have no table `{group}`", &[("group", group)]);
        }
        let keys = crate::diagnostic::list_or(siblings.iter().copied());
        match crate::diagnostic::did_you_mean(key, siblings.iter().copied()) {
            Some(close) if group.is_empty() => trf("did you mean `{close}`?", &[("close", close)]),
            Some(close) => trf(
                "did you mean `{close}`?",
                &[("close", &format!("{group}.{close}"))],
            ),
            None if group.is_empty() => {
                trf("case files have the tables {keys}", &[("keys", &keys)])
            }
            None => trf("[{group}] has {keys}", &[("group", group), ("keys", &keys)]),
        }
    }

    /// The keys a table may hold: `age`, `sex`... under `victim`; the tables at the top.
    fn keys_under(&self, group: &str) -> Vec<&str> {
        let prefix = if group.is_empty() {
            String::new()
        } else {
            format!("{group}.")
        };
        let mut keys: Vec<&str> = self
            .program
            .facts
            .iter()
            .filter(|fact| fact.derivation.is_none())
            .filter_map(|fact| fact.name.strip_prefix(prefix.as_str()))
            .map(|rest| rest.split('.').next().unwrap_or(rest))
            .collect();
        keys.dedup();
        if group.is_empty() {
            keys.sort_unstable();
            keys.dedup();
            keys.push(EXPECT);
            keys.push(INTERVIEW);
        }
        keys
    }

    fn fact(&mut self, id: FactId, name: &str, key_span: Span, node: &Node) {
        let fact = &self.program.facts[id];
        if fact.derivation.is_some() {
            let inputs: Vec<&str> = fact
                .inputs
                .iter()
                .map(|&i| self.program.facts[i].name.as_str())
                .collect();
            self.errors.push(FactError::DerivedFact {
                name: name.to_owned(),
                span: key_span,
                help: trf(
                    "give {facts} instead",
                    &[("facts", &crate::diagnostic::list_and(inputs))],
                ),
            });
            return;
        }
        if self.given_at[id].is_some() {
            self.errors.push(FactError::DuplicateKey {
                name: name.to_owned(),
                span: key_span,
            });
            return;
        }
        if matches!(node.kind, NodeKind::Null) {
            // JSON `null` says what absence says: unknown.
            self.given_at[id] = Some(node.span);
            return;
        }
        let question = fact.question.clone().unwrap_or_default();
        match convert(name, &fact.ty, node, &question) {
            Ok(value) => {
                self.values[id] = Some(value);
                self.given_at[id] = Some(node.span);
            }
            Err(mut errors) => self.errors.append(&mut errors),
        }
    }

    /// `victim.minor` says "a child" without an age: see [`fold_minor`]. An age that
    /// contradicts it is an error at the age, since the case cannot say both.
    fn fold_minor_into_age(&mut self) {
        if fold_minor(self.program, &mut self.values) {
            return;
        }
        let (Some(minor), Some(age)) = (self.program.fact(MINOR_FACT), self.program.fact(AGE_FACT))
        else {
            return;
        };
        let is_minor = matches!(self.values[minor], Some(Value::Bool(true)));
        let span = self.given_at[age]
            .or(self.given_at[minor])
            .unwrap_or_default();
        self.errors.push(FactError::Expect {
            message: trf(
                "`{age}` contradicts `{minor} = {value}` (a child is under {adult})",
                &[
                    ("age", AGE_FACT),
                    ("minor", MINOR_FACT),
                    ("value", &is_minor.to_string()),
                    ("adult", &ADULT_AGE.to_string()),
                ],
            ),
            span,
            help: Some(trf(
                "correct the age or `{minor}`, or leave out the one that is not known",
                &[("minor", MINOR_FACT)],
            )),
        });
    }

    /// `[interview] dont_know = ["conduct.means"]`
    fn case_id(&mut self, node: &Node) -> Option<CaseId> {
        match &node.kind {
            NodeKind::String(text) => Some(CaseId::Text(text.clone())),
            NodeKind::Integer(Some(number)) => Some(CaseId::Number(*number)),
            NodeKind::Integer(None) => {
                self.errors.push(FactError::OutOfRange {
                    name: BATCH_ID.to_owned(),
                    value: None,
                    min: i64::MIN,
                    max: i64::MAX,
                    span: node.span,
                    help: tr("give a longer identifier as a string").to_owned(),
                });
                None
            }
            other => {
                self.errors.push(FactError::WrongType {
                    name: BATCH_ID.to_owned(),
                    expected: tr("a string or a whole number").to_owned(),
                    found: other.describe(),
                    span: node.span,
                    help: tr("the case's identifier, echoed in its output line").to_owned(),
                });
                None
            }
        }
    }

    fn interview(&mut self, node: &Node) {
        let NodeKind::Table(entries) = &node.kind else {
            return self.expect_error("`interview` must be a table", node.span, None);
        };
        for (key, value) in entries {
            if key.value != "dont_know" {
                let help = Some("the only key is `dont_know`, a list of fact names".to_owned());
                self.expect_error(
                    &format!("unknown key `{}` in `interview`", key.value),
                    key.span,
                    help,
                );
                continue;
            }
            let NodeKind::Array(items) = &value.kind else {
                self.expect_error("expected a list of fact names", value.span, None);
                continue;
            };
            for item in items {
                match &item.kind {
                    NodeKind::String(name) => match self.program.fact(name) {
                        Some(id) if self.given_at[id].is_none() => self.dont_know.push(id),
                        Some(_) => self.expect_error(
                            &format!("`{name}` is both given and not known"),
                            item.span,
                            None,
                        ),
                        None => {
                            let help = self.suggest_fact(name);
                            self.expect_error(
                                &format!("unknown fact `{name}`"),
                                item.span,
                                Some(help),
                            );
                        }
                    },
                    other => self.expect_error(
                        &format!("expected a fact name, found {}", other.describe()),
                        item.span,
                        None,
                    ),
                }
            }
        }
    }

    fn expectation(&mut self, node: &Node) -> Option<Expectation> {
        let NodeKind::Table(entries) = &node.kind else {
            self.expect_error("`expect` must be a table", node.span, None);
            return None;
        };
        let mut expect = Expectation::default();
        for (key, value) in entries {
            match key.value.as_str() {
                "applies" => expect.applies = self.section_list(value),
                "may_apply" => expect.may_apply = self.section_list(value),
                "does_not_apply" => expect.does_not_apply = self.section_list(value),
                "lead_agency" => {
                    expect.lead_agency = self.id_of(value, &Agency::ALL, Agency::id, "agency");
                }
                "court" => expect.court = self.id_of(value, &Court::ALL, Court::id, "court"),
                "later_court" => {
                    expect.later_court = self.id_of(value, &Court::ALL, Court::id, "court");
                }
                "overlaps" => expect.overlaps = self.expected_overlaps(value),
                "protections" => expect.protections = self.protection_list(value),
                other => {
                    let keys = [
                        "applies",
                        "may_apply",
                        "does_not_apply",
                        "lead_agency",
                        "court",
                        "later_court",
                        "overlaps",
                        "protections",
                    ];
                    self.expect_error(
                        &format!("unknown key `{other}` in `expect`"),
                        key.span,
                        Some(suggestion_help(other, keys)),
                    );
                }
            }
        }
        self.statuses_listed_once(entries);
        Some(expect)
    }

    /// A section listed under two statuses (`applies` and `does_not_apply`) is an expectation
    /// no outcome can meet: bad input, not a failed test.
    fn statuses_listed_once(&mut self, entries: &[(Spanned<String>, Node)]) {
        let mut first: HashMap<&str, &str> = HashMap::new();
        for (key, value) in entries {
            let status = key.value.as_str();
            if !["applies", "may_apply", "does_not_apply"].contains(&status) {
                continue;
            }
            let NodeKind::Array(items) = &value.kind else {
                continue;
            };
            for item in items {
                let NodeKind::String(id) = &item.kind else {
                    continue;
                };
                match first.get(id.as_str()) {
                    Some(&earlier) if earlier != status => self.expect_error(
                        &format!("`{id}` is listed under both `{earlier}` and `{status}`"),
                        item.span,
                        Some(format!("list `{id}` under one status only")),
                    ),
                    Some(_) => {}
                    None => {
                        first.insert(id, status);
                    }
                }
            }
        }
    }

    /// `overlaps = [{ kind = "duplicate_offence", sections = ["ptpa-2018/3", "ppc/371-A"] }]`
    fn expected_overlaps(&mut self, node: &Node) -> Vec<(OverlapKind, Vec<String>)> {
        let NodeKind::Array(items) = &node.kind else {
            self.expect_error(
                "expected a list of { kind, sections } tables",
                node.span,
                None,
            );
            return Vec::new();
        };
        let mut overlaps = Vec::new();
        for item in items {
            let NodeKind::Table(entries) = &item.kind else {
                self.expect_error(
                    "expected a table { kind = ..., sections = [...] }",
                    item.span,
                    None,
                );
                continue;
            };
            let (mut kind, mut sections) = (None, Vec::new());
            for (key, value) in entries {
                match key.value.as_str() {
                    "kind" => {
                        kind =
                            self.id_of(value, &OverlapKind::ALL, OverlapKind::id, "overlap kind");
                    }
                    "sections" => sections = self.section_list(value),
                    other => self.expect_error(
                        &format!("unknown key `{other}` in an expected overlap"),
                        key.span,
                        Some("use `kind` and `sections`".into()),
                    ),
                }
            }
            match kind {
                Some(kind) => overlaps.push((kind, sections)),
                None => self.expect_error("an expected overlap needs a `kind`", item.span, None),
            }
        }
        overlaps
    }

    fn protection_list(&mut self, node: &Node) -> Vec<String> {
        let known: Vec<String> = self
            .program
            .protections
            .iter()
            .map(|p| p.section.clone())
            .collect();
        self.id_list(node, &known, "a protection")
    }

    fn section_list(&mut self, node: &Node) -> Vec<String> {
        let known: Vec<String> = self
            .program
            .offences
            .iter()
            .map(|o| o.section.clone())
            .collect();
        self.id_list(node, &known, "an offence")
    }

    /// A list of sections, each one of `known` given by id or citation (`PPC 371-A`); `what`
    /// names them in messages.
    fn id_list(&mut self, node: &Node, known: &[String], what: &str) -> Vec<String> {
        let NodeKind::Array(items) = &node.kind else {
            self.expect_error("expected a list of section ids", node.span, None);
            return Vec::new();
        };
        let mut sections = Vec::new();
        for item in items {
            match &item.kind {
                NodeKind::String(text) => {
                    let book = &self.program.book;
                    match crate::statute::find_section(book, text, known.iter().map(String::as_str))
                    {
                        Ok(id) => sections.push(id),
                        Err(help) => self.expect_error(
                            &format!("`{text}` is not {what} the rules know"),
                            item.span,
                            Some(help),
                        ),
                    }
                }
                other => {
                    let message = format!("expected a section id, found {}", other.describe());
                    self.expect_error(&message, item.span, None);
                }
            }
        }
        sections
    }

    fn id_of<T: Copy>(
        &mut self,
        node: &Node,
        all: &[T],
        id: impl Fn(T) -> &'static str,
        what: &str,
    ) -> Option<T> {
        let NodeKind::String(text) = &node.kind else {
            self.expect_error(&format!("expected {what} id"), node.span, None);
            return None;
        };
        let found = all.iter().copied().find(|item| id(*item) == text);
        if found.is_none() {
            let help = suggestion_help(text, all.iter().map(|item| id(*item)));
            self.expect_error(&format!("unknown {what} `{text}`"), node.span, Some(help));
        }
        found
    }

    fn expect_error(&mut self, message: &str, span: Span, help: Option<String>) {
        self.errors.push(FactError::Expect {
            message: message.to_owned(),
            span,
            help,
        });
    }
}

/// Converts a written value to a fact value of the given type.
fn convert(name: &str, ty: &Type, node: &Node, question: &str) -> Result<Value, Vec<FactError>> {
    let wrong = |expected: &str| {
        vec![FactError::WrongType {
            name: name.to_owned(),
            expected: expected.to_owned(),
            found: node.kind.describe(),
            span: node.span,
            help: question.to_owned(),
        }]
    };
    match (ty, &node.kind) {
        (Type::Bool, NodeKind::Bool(value)) => Ok(Value::Bool(*value)),
        (Type::Bool, _) => Err(wrong(tr("true or false"))),
        (Type::Int { min, max }, NodeKind::Integer(Some(value)))
            if value >= min && value <= max =>
        {
            Ok(Value::Int(*value))
        }
        (Type::Int { min, max }, NodeKind::Integer(value)) => Err(vec![FactError::OutOfRange {
            name: name.to_owned(),
            value: *value,
            min: *min,
            max: *max,
            span: node.span,
            help: question.to_owned(),
        }]),
        (Type::Int { min, max }, NodeKind::Table(entries)) => {
            bounds(name, (*min, *max), entries, node.span, question)
        }
        (Type::Int { .. }, _) => Err(wrong(tr(
            "a whole number, or bounds { min = .., max = .. }",
        ))),
        (Type::Date, NodeKind::Datetime(text) | NodeKind::String(text)) => {
            parse_date(name, text, node.span).map_err(|e| vec![e])
        }
        (Type::Date, NodeKind::Integer(Some(year))) => {
            parse_date(name, &year.to_string(), node.span).map_err(|e| vec![e])
        }
        (Type::Date, _) => Err(wrong(tr(
            "a date (YYYY-MM-DD, or YYYY-MM or YYYY when only that is known)",
        ))),
        (Type::Text, NodeKind::String(text)) => Ok(Value::Text(text.as_str().into())),
        (Type::Text, _) => Err(wrong(tr("a string"))),
        (Type::Enum(members), NodeKind::String(text)) => member(name, members, text, node.span)
            .map(|index| Value::Enum(u8::try_from(index).expect("enums have at most 64 members")))
            .map_err(|e| vec![e]),
        (Type::Enum(members), _) => Err(wrong(&trf(
            "one of {options}",
            &[(
                "options",
                &crate::diagnostic::list_or(members.iter().map(String::as_str)),
            )],
        ))),
        (Type::Set(members), NodeKind::Array(items)) => set(name, members, items),
        (Type::Set(members), NodeKind::Table(entries)) => {
            open_set(name, members, entries, node.span)
        }
        (Type::Set(_), _) => Err(wrong(tr(
            "a list of values, or { include = [...] } when the list is not complete",
        ))),
    }
}

fn set(name: &str, members: &[String], items: &[Node]) -> Result<Value, Vec<FactError>> {
    let mut bits = 0u64;
    let mut seen = HashSet::new();
    let mut errors = Vec::new();
    for item in items {
        let NodeKind::String(text) = &item.kind else {
            errors.push(FactError::WrongType {
                name: name.to_owned(),
                expected: tr("a string").into(),
                found: item.kind.describe(),
                span: item.span,
                help: trf(
                    "list values of {options}",
                    &[(
                        "options",
                        &crate::diagnostic::list_or(members.iter().map(String::as_str)),
                    )],
                ),
            });
            continue;
        };
        if !seen.insert(text.as_str()) {
            errors.push(FactError::DuplicateValue {
                name: name.to_owned(),
                value: text.clone(),
                span: item.span,
            });
            continue;
        }
        match member(name, members, text, item.span) {
            Ok(index) => bits |= 1 << index,
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(Value::Set(bits))
    } else {
        Err(errors)
    }
}

/// `{ include = ["begging"] }`: the members listed are present, the others unknown.
fn open_set(
    name: &str,
    members: &[String],
    entries: &[(Spanned<String>, Node)],
    span: Span,
) -> Result<Value, Vec<FactError>> {
    let mut included = None;
    let mut errors = Vec::new();
    for (key, value) in entries {
        match (key.value.as_str(), &value.kind) {
            ("include", NodeKind::Array(items)) => match set(name, members, items) {
                Ok(Value::Set(bits)) => included = Some(bits),
                Ok(_) => unreachable!("a list reads as a closed set"),
                Err(mut found) => errors.append(&mut found),
            },
            ("include", other) => errors.push(FactError::WrongType {
                name: format!("{name}.include"),
                expected: tr("a list of values").to_owned(),
                found: other.describe(),
                span: value.span,
                help: tr("list the members known to be present; the others stay unknown")
                    .to_owned(),
            }),
            (other, _) => errors.push(FactError::UnknownFact {
                name: format!("{name}.{other}"),
                span: key.span,
                help: tr("an open list has one key, `include`: the members known to be present")
                    .to_owned(),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    included.map(Value::Includes).ok_or_else(|| {
        vec![FactError::WrongType {
            name: name.to_owned(),
            expected: "a list, or { include = [...] }".to_owned(),
            found: "a table without `include`",
            span,
            help: "write { include = [\"...\"] } for the members known to be present".to_owned(),
        }]
    })
}

/// `{ min = 10, max = 14 }`: a number known only between bounds (either may be left out,
/// leaving the type's own).
fn bounds(
    name: &str,
    (lowest, highest): (i64, i64),
    entries: &[(Spanned<String>, Node)],
    span: Span,
    question: &str,
) -> Result<Value, Vec<FactError>> {
    let (mut min, mut max) = (lowest, highest);
    let mut errors = Vec::new();
    for (key, value) in entries {
        let bound = match key.value.as_str() {
            "min" => &mut min,
            "max" => &mut max,
            other => {
                errors.push(FactError::UnknownFact {
                    name: format!("{name}.{other}"),
                    span: key.span,
                    help: tr("bounds have the keys `min` and `max`, both included").to_owned(),
                });
                continue;
            }
        };
        match value.kind {
            NodeKind::Integer(Some(number)) if (lowest..=highest).contains(&number) => {
                *bound = number;
            }
            NodeKind::Integer(number) => errors.push(FactError::OutOfRange {
                name: format!("{name}.{}", key.value),
                value: number,
                min: lowest,
                max: highest,
                span: value.span,
                help: question.to_owned(),
            }),
            ref other => errors.push(FactError::WrongType {
                name: format!("{name}.{}", key.value),
                expected: tr("a whole number").to_owned(),
                found: other.describe(),
                span: value.span,
                help: question.to_owned(),
            }),
        }
    }
    if errors.is_empty() && min > max {
        errors.push(FactError::Expect {
            message: format!("`{name}` has `min` {min} above `max` {max}"),
            span,
            help: Some("give the lower bound as `min`, the higher as `max`".to_owned()),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(if min == max {
        Value::Int(min)
    } else {
        Value::Between(min, max)
    })
}

fn member(name: &str, members: &[String], text: &str, span: Span) -> Result<usize, FactError> {
    // Case does not matter (`Punjab` is `punjab`), as in `ask`.
    members
        .iter()
        .position(|m| m.eq_ignore_ascii_case(text))
        .ok_or_else(|| FactError::UnknownValue {
            name: name.to_owned(),
            value: text.to_owned(),
            span,
            help: suggestion_help(text, members.iter().map(String::as_str)),
        })
}

/// A case's date: a day, or a month (`2023-05`) or year (`2023`) when only that is known.
fn parse_date(name: &str, text: &str, span: Span) -> Result<Value, FactError> {
    let bad = |reason: String| FactError::BadDate {
        name: name.to_owned(),
        reason,
        span,
    };
    match parse_stretch(text) {
        Some(Ok((first, last))) if first == last => Ok(Value::Date(first)),
        Some(Ok((first, last))) => Ok(Value::Days(first, last)),
        Some(Err(reason)) => Err(bad(reason)),
        None => parse_day(text).map(Value::Date).map_err(bad),
    }
}

/// A year (`2023`) or month (`2023-05`) as its first and last days; `None` when the text has
/// neither shape.
fn parse_stretch(text: &str) -> Option<Result<(Date, Date), String>> {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let (year, month) = match text.split_once('-') {
        None if text.len() == 4 && digits(text) => (text, None),
        Some((year, month))
            if year.len() == 4 && month.len() == 2 && digits(year) && digits(month) =>
        {
            (year, Some(month))
        }
        _ => return None,
    };
    let year: i16 = year.parse().ok()?;
    Some(match month.map(str::parse::<i8>) {
        None => Date::new(year, 1, 1)
            .and_then(|first| Ok((first, Date::new(year, 12, 31)?)))
            .map_err(|_| format!("{year} is not a year the calendar reads")),
        Some(Ok(month)) => Date::new(year, month, 1)
            .map(|first| (first, first.last_of_month()))
            .map_err(|_| format!("{text} is not a month of the calendar")),
        Some(Err(_)) => unreachable!("two digits parse as a month number"),
    })
}

/// A day written as `YYYY-MM-DD` and nothing else (no time of day: a fact, an answer or a
/// command-line date is a day, and a time would be silently dropped), in our own words when it
/// is not one. Case files, `ask` answers and the command line's dates all read days so.
pub fn parse_day(text: &str) -> Result<Date, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        let shown: String = text.chars().take(40).collect();
        return Err(format!(
            "`{shown}` is not a day written as YYYY-MM-DD (for example 2025-06-01)"
        ));
    }
    text.parse::<Date>()
        .map_err(|_| format!("{text} is not a day of the calendar"))
}
