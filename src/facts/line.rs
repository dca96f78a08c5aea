//! A batch line read without spans, for the batch hot path: `serde_json` straight into fact
//! values, through a tree of the vocabulary built once per law. It accepts only lines the full
//! reader accepts, and gives the same values; on anything else (an error of any kind, an
//! `expect` or `interview` block, a key given twice) it gives up, and the caller reads the line
//! again with the full reader, which says what is wrong and where.

use std::borrow::Cow;
use std::fmt;

use rustc_hash::FxHashMap;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{BATCH_ID, CaseId};
use crate::model::{FactId, Program, Type, Value};

/// The case-file vocabulary as nested tables of keys, for reading without building names.
#[derive(Debug, Default)]
pub struct Vocabulary {
    root: Table,
    /// How many tables there are.
    tables: usize,
}

#[derive(Debug, Default)]
struct Table {
    /// Numbers the tables, so a table given twice in one line can be noticed.
    number: usize,
    /// Keys are short and trusted (the vocabulary's own), so a fast hash serves.
    entries: FxHashMap<Box<str>, Entry>,
}

#[derive(Debug)]
enum Entry {
    Fact(FactId),
    Group(Table),
}

/// A line's id and the value of every fact (derived facts unknown), as the full reader would
/// give them.
pub type Read = (Option<CaseId>, Vec<Option<Value>>);

impl Vocabulary {
    /// The input facts of `program`, by their dotted names.
    pub fn new(program: &Program) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        let mut tables = 1;
        for (id, fact) in program.fact_ids().zip(&program.facts) {
            if fact.derivation.is_none() {
                vocabulary.insert(&fact.name, id, &mut tables);
            }
        }
        vocabulary.tables = tables;
        vocabulary
    }

    fn insert(&mut self, name: &str, id: FactId, tables: &mut usize) {
        let mut table = &mut self.root;
        let mut keys = name.split('.').peekable();
        while let Some(key) = keys.next() {
            if keys.peek().is_none() {
                // A fact named like a group (`movement` and `movement.origin`) wins, as in the
                // full reader, which looks a name up as a fact first.
                table.entries.insert(key.into(), Entry::Fact(id));
                return;
            }
            let entry = table.entries.entry(key.into()).or_insert_with(|| {
                *tables += 1;
                Entry::Group(Table {
                    number: *tables - 1,
                    entries: FxHashMap::default(),
                })
            });
            match entry {
                Entry::Group(inner) => table = inner,
                Entry::Fact(_) => return,
            }
        }
    }

    /// Reads one batch line, or `None` when the full reader must (the line has an error, or
    /// something this reader does not handle).
    pub fn read(&self, program: &Program, line: &str) -> Option<Read> {
        let mut state = State {
            program,
            values: vec![None; program.facts.len()],
            given: vec![false; program.facts.len()],
            seen: vec![false; self.tables],
            id: None,
        };
        let mut reader = serde_json::Deserializer::from_str(line);
        TableSeed {
            table: &self.root,
            top: true,
            state: &mut state,
        }
        .deserialize(&mut reader)
        .ok()?;
        reader.end().ok()?;
        // A contradicting `victim.minor` is the full reader's to report.
        if !super::fold_minor(program, &mut state.values) {
            return None;
        }
        super::close_attempts(program, &mut state.values);
        Some((state.id, state.values))
    }
}

struct State<'p> {
    program: &'p Program,
    values: Vec<Option<Value>>,
    /// Facts given (a `null` too), so a fact given twice is left to the full reader.
    given: Vec<bool>,
    /// Tables read, by number.
    seen: Vec<bool>,
    id: Option<CaseId>,
}

/// The error that sends a line to the full reader; its message is never shown.
fn give_up<E: de::Error>() -> E {
    E::custom("left to the full reader")
}

/// Reads a table of facts and groups into the state.
struct TableSeed<'v, 's, 'p> {
    table: &'v Table,
    top: bool,
    state: &'s mut State<'p>,
}

impl<'de> DeserializeSeed<'de> for TableSeed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TableSeed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of facts")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let seen = &mut self.state.seen[self.table.number];
        if std::mem::replace(seen, true) {
            return Err(give_up());
        }
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if self.top && key == BATCH_ID {
                if self.state.id.is_some() {
                    return Err(give_up());
                }
                self.state.id = Some(map.next_value_seed(IdSeed)?);
                continue;
            }
            match self.table.entries.get(key.as_ref()) {
                Some(Entry::Fact(id)) => map.next_value_seed(FactSeed {
                    fact: *id,
                    state: &mut *self.state,
                })?,
                Some(Entry::Group(inner)) => map.next_value_seed(TableSeed {
                    table: inner,
                    top: false,
                    state: &mut *self.state,
                })?,
                // `expect`, `interview`, an unknown or a derived fact.
                None => return Err(give_up()),
            }
        }
        Ok(())
    }
}

/// A key, borrowed from the line unless it has escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key.to_owned())))
    }
}

/// A batch line's `id`: a string or a whole number.
struct IdSeed;

impl<'de> DeserializeSeed<'de> for IdSeed {
    type Value = CaseId;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<CaseId, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for IdSeed {
    type Value = CaseId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a whole number")
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<CaseId, E> {
        Ok(CaseId::Text(id.to_owned()))
    }

    fn visit_i64<E: de::Error>(self, id: i64) -> Result<CaseId, E> {
        Ok(CaseId::Number(id))
    }

    fn visit_u64<E: de::Error>(self, id: u64) -> Result<CaseId, E> {
        i64::try_from(id).map(CaseId::Number).map_err(|_| give_up())
    }
}

/// Reads one fact's value, checked against its type as the full reader checks it.
struct FactSeed<'s, 'p> {
    fact: FactId,
    state: &'s mut State<'p>,
}

impl FactSeed<'_, '_> {
    fn ty(&self) -> &Type {
        &self.state.program.facts[self.fact].ty
    }

    fn set(self, value: Option<Value>) -> Result<(), ()> {
        if std::mem::replace(&mut self.state.given[self.fact], true) {
            return Err(());
        }
        self.state.values[self.fact] = value;
        Ok(())
    }

    fn accept<E: de::Error>(self, value: Option<Option<Value>>) -> Result<(), E> {
        value
            .ok_or(())
            .and_then(|value| self.set(value))
            .map_err(|()| give_up())
    }
}

impl<'de> DeserializeSeed<'de> for FactSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FactSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a fact value")
    }

    /// JSON `null` says what absence says: unknown.
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.accept(Some(None))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<(), E> {
        let value = (*self.ty() == Type::Bool).then_some(Some(Value::Bool(value)));
        self.accept(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        let value = match *self.ty() {
            Type::Int { min, max } if (min..=max).contains(&value) => Some(Some(Value::Int(value))),
            _ => None,
        };
        self.accept(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        match i64::try_from(value) {
            Ok(value) => self.visit_i64(value),
            Err(_) => Err(give_up()),
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        let value = match self.ty() {
            Type::Text => Some(Value::Text(text.into())),
            // The full reader's test: ten characters, a valid calendar date.
            Type::Date if text.len() == 10 => text.parse().ok().map(Value::Date),
            Type::Enum(members) => member(members, text).map(Value::Enum),
            _ => None,
        };
        self.accept(value.map(Some))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        let Type::Set(members) = self.ty() else {
            return Err(give_up());
        };
        let members = members.clone();
        let mut bits = 0u64;
        while let Some(Key(item)) = items.next_element::<Key<'de>>()? {
            let bit = member(&members, &item).ok_or_else(give_up)?;
            if bits & (1 << bit) != 0 {
                return Err(give_up());
            }
            bits |= 1 << bit;
        }
        self.accept(Some(Some(Value::Set(bits))))
    }
}

/// The index of a member, as an enum value holds it.
fn member(members: &[String], text: &str) -> Option<u8> {
    let index = members.iter().position(|m| m == text)?;
    u8::try_from(index).ok()
}
