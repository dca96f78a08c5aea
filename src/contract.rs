//! The catalogue of tipnav's JSON documents: each kind (`tipnav schema KIND`) and its JSON
//! Schema, generated from the wire types of the commands, the navigator and the web API and
//! stored in the repository's `schema/` folder. It sits above all of them, so that the modules
//! that write the documents need not know one another.

use crate::output::schema::{SCHEMA_VERSION, root};

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
    use crate::navigate;
    use crate::output::{analysis, batch, diff, explain, json};
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
