//! `GET /api/openapi.json`: an OpenAPI 3.1 description of the JSON API, generated from the
//! same wire types as `tipnav schema` (OpenAPI 3.1 schemas are JSON Schema 2020-12, so each
//! document's schema goes in as it is, its `$defs` hoisted into `components/schemas`).
//!
//! The endpoint table below names each route's options and documents; `tests/serve.rs`
//! checks that every path it lists is served and that every reference in it resolves, so the
//! table cannot drift far from the router in `serve/mod.rs` without a test failing.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::contract::{self, Kind};
use crate::output::schema;

/// One route of the API.
struct Endpoint {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    params: &'static [Param],
    body: Body,
    answer: Answer,
}

/// A query parameter.
struct Param {
    name: &'static str,
    kind: &'static str,
    required: bool,
    description: &'static str,
}

/// What a request sends.
enum Body {
    None,
    /// A case file, as JSON or TOML.
    Case,
    /// An overlay's text.
    Overlay,
    /// `{"overlay": TEXT, "as_if_date": DATE}`.
    Diff,
}

/// What a successful request gets.
enum Answer {
    /// A document of `tipnav schema KIND`.
    Document(Kind),
    /// A document of a type only the API writes.
    Other(&'static str, fn() -> Value),
    /// The `eval` document, or with `summary=true` the `api-summary` one.
    EvalOrSummary,
    /// The `diff` document, or with `format=markdown` the Markdown briefing.
    DiffOrMarkdown,
}

const fn param(
    name: &'static str,
    kind: &'static str,
    required: bool,
    description: &'static str,
) -> Param {
    Param {
        name,
        kind,
        required,
        description,
    }
}

const DATE: &str = "A day, YYYY-MM-DD: the law in force on it.";

const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "post",
        path: "/api/eval",
        summary: "The case report, as `tipnav eval --format json`; with summary=true the conclusions only.",
        params: &[
            param(
                "all",
                "boolean",
                false,
                "Every section that may apply, not only the closest few.",
            ),
            param(
                "summary",
                "boolean",
                false,
                "Only the conclusions, as a `--batch --summary` line without its line number.",
            ),
        ],
        body: Body::Case,
        answer: Answer::EvalOrSummary,
    },
    Endpoint {
        method: "post",
        path: "/api/explain",
        summary: "Why each section applies or not, as `tipnav explain --format json`, with the flips of one section.",
        params: &[
            param(
                "sections",
                "string",
                false,
                "Sections to explain, comma-separated ids (default: those that apply or may apply).",
            ),
            param(
                "flip",
                "string",
                false,
                "A section whose smallest flipping changes to search.",
            ),
            param("all", "boolean", false, "Every section that may apply."),
        ],
        body: Body::Case,
        answer: Answer::Document(Kind::Explain),
    },
    Endpoint {
        method: "post",
        path: "/api/ask",
        summary: "The interview's next question (null when no answer can change a conclusion); the case's [interview] dont_know holds the \"don't know\" answers.",
        params: &[],
        body: Body::Case,
        answer: Answer::Document(Kind::ApiAsk),
    },
    Endpoint {
        method: "post",
        path: "/api/case",
        summary: "A case read and checked: its facts by name and the case as a TOML case file.",
        params: &[],
        body: Body::Case,
        answer: Answer::Document(Kind::ApiCase),
    },
    Endpoint {
        method: "get",
        path: "/api/facts",
        summary: "The questions of the fact vocabulary, as the interview asks them.",
        params: &[],
        body: Body::None,
        answer: Answer::Other("Questions", schema::root::<Vec<super::api::Question>>),
    },
    Endpoint {
        method: "get",
        path: "/api/examples",
        summary: "The shipped examples and scenario bank, with their titles.",
        params: &[],
        body: Body::None,
        answer: Answer::Other(
            "Examples",
            schema::root::<Vec<super::api::ExampleItem<'static>>>,
        ),
    },
    Endpoint {
        method: "get",
        path: "/api/example",
        summary: "One shipped example, as /api/case answers.",
        params: &[param(
            "name",
            "string",
            true,
            "The example's name, as /api/examples lists it.",
        )],
        body: Body::None,
        answer: Answer::Document(Kind::ApiCase),
    },
    Endpoint {
        method: "get",
        path: "/api/list",
        summary: "The instruments and their sections, as `tipnav list --format json`.",
        params: &[param("instrument", "string", false, "One instrument's id.")],
        body: Body::None,
        answer: Answer::Document(Kind::List),
    },
    Endpoint {
        method: "get",
        path: "/api/show",
        summary: "One section with its versions, as `tipnav show --format json`.",
        params: &[
            param(
                "section",
                "string",
                true,
                "A section's id or citation (\"PPC 371-A\").",
            ),
            param("date", "string", false, DATE),
        ],
        body: Body::None,
        answer: Answer::Document(Kind::Show),
    },
    Endpoint {
        method: "get",
        path: "/api/search",
        summary: "Sections whose words match, as `tipnav search --format json`.",
        params: &[param("q", "string", true, "The words to search for.")],
        body: Body::None,
        answer: Answer::Document(Kind::Search),
    },
    Endpoint {
        method: "get",
        path: "/api/overlaps",
        summary: "Every pair and group of sections that can apply together, as `tipnav overlaps --format json`.",
        params: &[param("date", "string", false, DATE)],
        body: Body::None,
        answer: Answer::Document(Kind::Overlaps),
    },
    Endpoint {
        method: "get",
        path: "/api/amendments",
        summary: "The shipped amendment overlays, with their text.",
        params: &[],
        body: Body::None,
        answer: Answer::Other("Amendments", schema::root::<Vec<super::api::AmendmentItem>>),
    },
    Endpoint {
        method: "post",
        path: "/api/overlay",
        summary: "Checks an overlay: its amendments when it checks, else a 400 with the diagnostics at their spans.",
        params: &[],
        body: Body::Overlay,
        answer: Answer::Document(Kind::ApiOverlay),
    },
    Endpoint {
        method: "post",
        path: "/api/diff",
        summary: "What an overlay or another date changes over the shipped scenario bank, as `tipnav diff --format json`.",
        params: &[param(
            "format",
            "string",
            false,
            "`json` (the default) or `markdown` (the briefing).",
        )],
        body: Body::Diff,
        answer: Answer::DiffOrMarkdown,
    },
    Endpoint {
        method: "get",
        path: "/api/labels",
        summary: "The web page's own words in the request's language, by their English.",
        params: &[],
        body: Body::None,
        answer: Answer::Other("Labels", labels_schema),
    },
    Endpoint {
        method: "get",
        path: "/api/openapi.json",
        summary: "This description.",
        params: &[],
        body: Body::None,
        answer: Answer::Other("OpenApi", openapi_schema),
    },
];

fn labels_schema() -> Value {
    json!({"type": "object", "additionalProperties": {"type": "string"}})
}

fn openapi_schema() -> Value {
    json!({"type": "object", "description": "An OpenAPI 3.1 document."})
}

/// `GET /api/openapi.json`: the document, made on first request (it is the same every time).
pub(super) async fn served() -> Response {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let text = DOCUMENT.get_or_init(document).clone();
    ([(header::CONTENT_TYPE, "application/json")], text).into_response()
}

/// The OpenAPI document, as pretty JSON.
fn document() -> String {
    let mut components = Components::default();
    let mut paths = Map::new();
    for endpoint in ENDPOINTS {
        let operation = operation(endpoint, &mut components);
        paths
            .entry(endpoint.path)
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("a path item is an object")
            .insert(endpoint.method.to_owned(), operation);
    }
    let problem = components.document(Kind::ApiError);
    let document = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "tipnav",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The JSON API of `tipnav serve`: the command line's JSON documents over HTTP. Every answer carries `schema_version`; `tipnav schema KIND` prints each document's JSON Schema. On loopback no token is needed; a server started with --listen on another address needs its token (`Authorization: Bearer TOKEN`, or `?token=` once).",
        },
        "paths": paths,
        "components": {
            "schemas": components.schemas,
            "parameters": {
                "lang": {
                    "name": "lang",
                    "in": "query",
                    "required": false,
                    "description": "The language of the answer's words (`en`, `ur`); ids stay as they are.",
                    "schema": {"type": "string"},
                },
            },
            "responses": {
                "Problem": {
                    "description": "Bad input: the same diagnostics as the command line (code, message, span).",
                    "content": {"application/json": {"schema": problem}},
                },
            },
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer", "description": "Only off loopback."},
            },
        },
        "security": [{}, {"token": []}],
    });
    serde_json::to_string_pretty(&document).expect("the document is plain data") + "\n"
}

fn operation(endpoint: &Endpoint, components: &mut Components) -> Value {
    let mut parameters: Vec<Value> = endpoint
        .params
        .iter()
        .map(|p| {
            json!({
                "name": p.name,
                "in": "query",
                "required": p.required,
                "description": p.description,
                "schema": {"type": p.kind},
            })
        })
        .collect();
    parameters.push(json!({"$ref": "#/components/parameters/lang"}));
    let mut operation = json!({
        "summary": endpoint.summary,
        "parameters": parameters,
        "responses": {
            "200": answer(&endpoint.answer, components),
            "4XX": {"$ref": "#/components/responses/Problem"},
        },
    });
    if let Some(body) = request_body(&endpoint.body) {
        operation["requestBody"] = body;
    }
    operation
}

fn request_body(body: &Body) -> Option<Value> {
    let content = match body {
        Body::None => return None,
        Body::Case => json!({
            "application/json": {"schema": {"type": "object", "description": "A case file as JSON: the vocabulary is GET /api/facts (and `tipnav facts`)."}},
            "application/toml": {"schema": {"type": "string", "description": "A case file as TOML."}},
        }),
        Body::Overlay => json!({
            "text/plain": {"schema": {"type": "string", "description": "An amendment overlay in the rule language."}},
        }),
        Body::Diff => json!({
            "application/json": {"schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "overlay": {"type": "string", "description": "An overlay's text."},
                    "as_if_date": {"type": "string", "description": "Read every case as if its conduct took place on this day (YYYY-MM-DD)."},
                },
            }},
        }),
    };
    Some(json!({"required": true, "content": content}))
}

fn answer(answer: &Answer, components: &mut Components) -> Value {
    let json_of = |schema: Value| json!({"application/json": {"schema": schema}});
    let content = match answer {
        Answer::Document(kind) => json_of(components.document(*kind)),
        Answer::Other(name, schema) => json_of(components.hoist(name, schema())),
        Answer::EvalOrSummary => json_of(json!({"oneOf": [
            components.document(Kind::Eval),
            components.document(Kind::ApiSummary),
        ]})),
        Answer::DiffOrMarkdown => {
            let mut content = json_of(components.document(Kind::Diff));
            content["text/markdown"] = json!({"schema": {"type": "string"}});
            content
        }
    };
    json!({"description": "The answer.", "content": content})
}

/// The schemas gathered so far, by name.
#[derive(Default)]
struct Components {
    schemas: Map<String, Value>,
}

impl Components {
    /// A reference to the schema of a `tipnav schema` document, hoisted on first use.
    fn document(&mut self, kind: Kind) -> Value {
        self.hoist(&component_name(kind.name()), contract::value(kind))
    }

    /// Moves a root schema and its `$defs` into the components, under `name` and their own
    /// names (a definition another document already holds under the same name with other
    /// content is renamed after this document), and returns a reference to it.
    fn hoist(&mut self, name: &str, mut root: Value) -> Value {
        let definitions = root
            .as_object_mut()
            .and_then(|object| object.remove("$defs"))
            .and_then(|defs| match defs {
                Value::Object(map) => Some(map),
                _ => None,
            })
            .unwrap_or_default();
        if let Some(object) = root.as_object_mut() {
            object.remove("$schema");
        }
        let renames: Vec<(String, String)> = definitions
            .iter()
            .map(|(def, schema)| {
                let kept = self.schemas.get(def).is_none_or(|held| held == schema);
                let target = if kept {
                    def.clone()
                } else {
                    format!("{name}{def}")
                };
                (def.clone(), target)
            })
            .collect();
        for ((_, target), (_, mut schema)) in renames.iter().zip(definitions) {
            rewrite_refs(&mut schema, &renames);
            self.schemas.insert(target.clone(), schema);
        }
        rewrite_refs(&mut root, &renames);
        self.schemas.insert(name.to_owned(), root);
        json!({"$ref": format!("#/components/schemas/{name}")})
    }
}

/// `api-summary` -> `ApiSummary`.
fn component_name(kind: &str) -> String {
    kind.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Points `#/$defs/NAME` references at the components, renamed as `renames` says.
fn rewrite_refs(value: &mut Value, renames: &[(String, String)]) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get_mut("$ref")
                && let Some(def) = target.strip_prefix("#/$defs/")
            {
                let renamed = renames
                    .iter()
                    .find(|(from, _)| from == def)
                    .map_or(def, |(_, to)| to.as_str());
                *target = format!("#/components/schemas/{renamed}");
            }
            map.values_mut().for_each(|v| rewrite_refs(v, renames));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite_refs(v, renames)),
        _ => {}
    }
}
