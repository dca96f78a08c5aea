//! The versioned JSON contract: the `schema_version` every JSON document carries, and the JSON
//! Schema of each kind of document, generated from the wire types (`tipnav schema KIND`) and
//! stored in the repository's `schema/` folder. Additive changes (a new field, a new enum
//! value) keep the version; removing or renaming a field or a value bumps it. Builds schemas;
//! computes nothing about the law.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};

/// The version of the JSON contract. Bump it on a removal or a rename, never on an addition.
pub const SCHEMA_VERSION: &str = "1";

/// The `schema_version` field of a document. It always holds [`SCHEMA_VERSION`], and its schema
/// says so (`const`), so a document of another version does not validate against this schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SchemaVersion;

impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(SCHEMA_VERSION)
    }
}

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The version of tipnav's JSON contract: the same while fields are only added.",
            "type": "string",
            "const": SCHEMA_VERSION,
        })
    }
}

/// The kinds of JSON document tipnav prints, one schema each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// `eval --format json`: one case report, or an array of them for several cases.
    Eval,
    /// `explain --format json`.
    Explain,
    /// `list --format json`: an array of instruments.
    List,
    /// `show --format json`.
    Show,
    /// `search --format json`: an array of hits.
    Search,
    /// `overlaps --format json`.
    Overlaps,
    /// `gaps --format json`.
    Gaps,
    /// `diff --format json`.
    Diff,
    /// One output line of `eval --batch` or `diff --batch`.
    Batch,
    /// `tipnav serve`'s answer to a bad request: the diagnostics.
    ApiError,
    /// `POST /api/ask`: the next question.
    ApiAsk,
    /// `POST /api/case`: a case read and checked.
    ApiCase,
    /// `POST /api/overlay`: an overlay that checks.
    ApiOverlay,
    /// `POST /api/eval?summary=true`: the conclusions.
    ApiSummary,
    /// `facts --format json`: the case-file vocabulary.
    Facts,
}

impl Kind {
    /// Every kind, in the order `tipnav schema` lists them.
    pub const ALL: [Kind; 15] = [
        Kind::Eval,
        Kind::Explain,
        Kind::List,
        Kind::Show,
        Kind::Search,
        Kind::Overlaps,
        Kind::Gaps,
        Kind::Diff,
        Kind::Batch,
        Kind::ApiError,
        Kind::ApiAsk,
        Kind::ApiCase,
        Kind::ApiOverlay,
        Kind::ApiSummary,
        Kind::Facts,
    ];

    /// The kind's name on the command line and in `schema/NAME.json`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Eval => "eval",
            Kind::Explain => "explain",
            Kind::List => "list",
            Kind::Show => "show",
            Kind::Search => "search",
            Kind::Overlaps => "overlaps",
            Kind::Gaps => "gaps",
            Kind::Diff => "diff",
            Kind::Batch => "batch",
            Kind::ApiError => "api-error",
            Kind::ApiAsk => "api-ask",
            Kind::ApiCase => "api-case",
            Kind::ApiOverlay => "api-overlay",
            Kind::ApiSummary => "api-summary",
            Kind::Facts => "facts",
        }
    }
}

/// The JSON Schema (draft 2020-12) of one kind of document, as pretty JSON ending in a newline.
pub fn schema(kind: Kind) -> String {
    serde_json::to_string_pretty(&value(kind)).expect("schemas are plain data") + "\n"
}

/// The JSON Schema (draft 2020-12) of one kind of document.
pub fn value(kind: Kind) -> serde_json::Value {
    use super::{analysis, batch, diff, explain, json};
    use crate::navigate;
    let mut schema = match kind {
        Kind::Eval => root::<json::EvalDocument>(),
        Kind::Explain => root::<explain::Explanation>(),
        Kind::List => root::<Vec<navigate::InstrumentView>>(),
        Kind::Show => root::<navigate::SectionView>(),
        Kind::Search => root::<Vec<navigate::SearchHit>>(),
        Kind::Overlaps => root::<analysis::OverlapReport>(),
        Kind::Gaps => root::<analysis::GapReport>(),
        Kind::Diff => root::<diff::DiffReport>(),
        Kind::Batch => root::<batch::BatchLine>(),
        Kind::ApiError => root::<crate::serve::problem::ErrorDocument>(),
        Kind::ApiAsk => root::<crate::serve::api::AskDocument>(),
        Kind::ApiCase => root::<crate::serve::api::CaseDocument>(),
        Kind::ApiOverlay => root::<crate::serve::api::OverlayDocument>(),
        Kind::ApiSummary => root::<crate::serve::api::SummaryDocument<'_>>(),
        Kind::Facts => root::<navigate::FactsView>(),
    };
    schema["title"] = format!(
        "tipnav {} JSON, schema_version {SCHEMA_VERSION}",
        kind.name()
    )
    .into();
    schema
}

/// What `tipnav schema` prints without a kind: the kinds, one a line.
pub fn kinds() -> String {
    Kind::ALL
        .iter()
        .map(|k| format!("{}\n", k.name()))
        .collect()
}

/// The schema of what `T` serializes to: every field is required (tipnav writes `null` rather
/// than leave a field out), which the deserializing view would not say.
pub(crate) fn root<T: JsonSchema>() -> serde_json::Value {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    dedup_required(&mut schema);
    schema
}

/// Removes repeated names from every `required` list. `show` writes `versions` twice (the
/// listing line's periods, flattened in, then each version in full; JSON readers keep the
/// last), and a schema with a repeated required name is not a valid schema. Renaming one of
/// them would be a change of contract, left for the next version.
fn dedup_required(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Array(names)) = map.get_mut("required") {
                let mut seen = std::collections::HashSet::new();
                names.retain(|name| seen.insert(name.to_string()));
            }
            map.values_mut().for_each(dedup_required);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(dedup_required),
        _ => {}
    }
}
