//! A case file as a tree of spanned values, the same for TOML and JSON, so validation is
//! written once. Only syntax errors come from here.

use jsonc_parser::ast as json;
use toml::de::{DeTable, DeValue};

use super::FactError;
use crate::i18n::tr;
use crate::source::{Span, Spanned};

/// A value with the span it was written at.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) kind: NodeKind,
    pub(super) span: Span,
}

/// Value forms both formats share.
#[derive(Debug, Clone)]
pub(super) enum NodeKind {
    Table(Vec<(Spanned<String>, Node)>),
    Array(Vec<Node>),
    String(String),
    /// Integers are kept as written, so an overflow is reported as a range error.
    Integer(Option<i64>),
    Float,
    Bool(bool),
    /// A TOML date or date-time, as written.
    Datetime(String),
    Null,
}

impl NodeKind {
    /// The name of this kind of value in messages.
    pub(super) fn describe(&self) -> &'static str {
        match self {
            NodeKind::Table(_) => tr("a table"),
            NodeKind::Array(_) => tr("a list"),
            NodeKind::String(_) => tr("a string"),
            NodeKind::Integer(_) => tr("a number"),
            NodeKind::Float => tr("a decimal number"),
            NodeKind::Bool(_) => tr("true or false"),
            NodeKind::Datetime(_) => tr("a date"),
            NodeKind::Null => "null",
        }
    }
}

/// Parses TOML into a tree.
pub(super) fn from_toml(text: &str) -> Result<Node, FactError> {
    let table = DeTable::parse(text).map_err(|error| {
        let at = error.span().unwrap_or_default();
        unreadable_date(text, at.start).unwrap_or_else(|| FactError::Syntax {
            message: error.message().trim().to_owned(),
            span: Span::from(at),
        })
    })?;
    let span = Span::from(table.span());
    Ok(Node {
        kind: toml_table(table.get_ref()),
        span,
    })
}

/// A `date = ...` value the TOML reader itself rejects (`2023-02-30`, `10-03-2023`,
/// `2023/03/10`), reported as a bad date in our words rather than the reader's (issue 15,
/// item 6). `None` when the error at `offset` is not in such a value.
fn unreadable_date(text: &str, offset: usize) -> Option<FactError> {
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let (key, value) = line.split_once('=')?;
    let value_start = line_start + key.len() + 1;
    if key.trim() != "date" || offset < value_start {
        return None;
    }
    let value = value.split('#').next().unwrap_or_default();
    let written = value.trim();
    let start = value_start + (value.len() - value.trim_start().len());
    let span = Span::from(start..start + written.len());
    let name = match table_header(&text[..line_start]) {
        Some(table) => format!("{table}.date"),
        None => "date".to_owned(),
    };
    super::parse_date(&name, written.trim_matches(['"', '\'']), span).err()
}

/// The name of the last `[table]` header in `text`, if any.
fn table_header(text: &str) -> Option<&str> {
    text.lines()
        .rev()
        .map(str::trim)
        .find(|line| line.starts_with('[') && !line.starts_with("[["))
        .map(|line| line.trim_matches(['[', ']']).trim())
}

fn toml_table(table: &DeTable<'_>) -> NodeKind {
    NodeKind::Table(
        table
            .iter()
            .map(|(key, value)| {
                let key = Spanned::new(key.get_ref().to_string(), key.span().into());
                (key, toml_node(value.get_ref(), value.span().into()))
            })
            .collect(),
    )
}

fn toml_node(value: &DeValue<'_>, span: Span) -> Node {
    let kind = match value {
        DeValue::String(text) => NodeKind::String(text.to_string()),
        DeValue::Integer(integer) => {
            let digits = integer.as_str().replace('_', "");
            let digits = digits
                .trim_start_matches("0x")
                .trim_start_matches("0o")
                .trim_start_matches("0b");
            NodeKind::Integer(i64::from_str_radix(digits, integer.radix()).ok())
        }
        DeValue::Float(_) => NodeKind::Float,
        DeValue::Boolean(value) => NodeKind::Bool(*value),
        DeValue::Datetime(datetime) => NodeKind::Datetime(datetime.to_string()),
        DeValue::Array(items) => NodeKind::Array(
            items
                .iter()
                .map(|item| toml_node(item.get_ref(), item.span().into()))
                .collect(),
        ),
        DeValue::Table(table) => toml_table(table),
    };
    Node { kind, span }
}

/// Parses strict JSON into a tree.
pub(super) fn from_json(text: &str) -> Result<Node, FactError> {
    let strict = jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed =
        jsonc_parser::parse_to_ast(text, &jsonc_parser::CollectOptions::default(), &strict)
            .map_err(|error| FactError::Syntax {
                message: error.kind().to_string(),
                span: Span::new(error.range().start..error.range().end),
            })?;
    match parsed.value {
        Some(value) => Ok(json_node(&value)),
        None => Err(FactError::Syntax {
            message: "the file is empty".into(),
            span: Span::default(),
        }),
    }
}

fn json_node(value: &json::Value<'_>) -> Node {
    let (kind, range) = match value {
        json::Value::StringLit(text) => (NodeKind::String(text.value.to_string()), text.range),
        json::Value::NumberLit(number) => {
            let kind = if number.value.contains(['.', 'e', 'E']) {
                NodeKind::Float
            } else {
                NodeKind::Integer(number.value.parse().ok())
            };
            (kind, number.range)
        }
        json::Value::BooleanLit(value) => (NodeKind::Bool(value.value), value.range),
        json::Value::NullKeyword(null) => (NodeKind::Null, null.range),
        json::Value::Array(array) => (
            NodeKind::Array(array.elements.iter().map(json_node).collect()),
            array.range,
        ),
        json::Value::Object(object) => {
            let entries = object
                .properties
                .iter()
                .map(|property| {
                    let (name, range) = match &property.name {
                        json::ObjectPropName::String(text) => (text.value.to_string(), text.range),
                        json::ObjectPropName::Word(word) => (word.value.to_string(), word.range),
                    };
                    (
                        Spanned::new(name, Span::new(range.start..range.end)),
                        json_node(&property.value),
                    )
                })
                .collect();
            (NodeKind::Table(entries), object.range)
        }
    };
    Node {
        kind,
        span: Span::new(range.start..range.end),
    }
}
