//! The JSON API the page uses and other systems may call. A case travels as the body, exactly a
//! case file (JSON, or TOML with a `toml` content type); options travel in the query string.
//! Answers are the command line's JSON documents; a bad request gets the command line's
//! diagnostics (see `problem`). Each handler reads the request, runs the pipeline on the
//! blocking pool and writes the answer; none of them touches a file.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::App;
use super::language::speaking;
use super::problem::ApiError;
use crate::facts::{self, Case};
use crate::model::{FactId, Program, Type};
use crate::output::Format;
use crate::output::schema::SchemaVersion;
use crate::pipeline::{Comparison, Session};
use crate::source::SourceFile;

/// A request body of at most [`super::MAX_BODY_BYTES`]; a longer one, or one that cannot be
/// read, is a 4xx with a diagnostic.
pub(super) struct Body(Bytes);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Body, ApiError> {
        Bytes::from_request(request, state)
            .await
            .map(Body)
            .map_err(|rejection| {
                ApiError::new(rejection.status(), "request::body", rejection.body_text())
            })
    }
}

/// Query-string options; a malformed one is a 400 with a diagnostic.
pub(super) struct Params<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Params<T>, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(params)| Params(params))
            .map_err(|rejection| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "request::query",
                    rejection.body_text(),
                )
            })
    }
}

/// Runs `work` on the blocking pool once a permit for an evaluation is free. A panic in it
/// answers 500 and leaves the server serving.
async fn blocking<T: Send + 'static>(
    app: &Arc<App>,
    work: impl FnOnce(&App) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let permit = app.evaluations.acquire().await.map_err(|_| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "request::closed",
            "the server is stopping",
        )
    })?;
    let app = Arc::clone(app);
    let code = super::language::requested();
    let result = tokio::task::spawn_blocking(move || {
        let _speaking = crate::i18n::speak(code).map_err(|_| unknown_language(code))?;
        work(&app)
    })
    .await;
    drop(permit);
    result.unwrap_or_else(|_| {
        Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "tipnav failed inside while answering this request; this is a bug, please report it with the request",
        ))
    })
}

/// A language the server was not started with; cannot happen for a code the `language` layer
/// let through, as every shipped language is loaded at start.
fn unknown_language(code: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "request::lang",
        format!("no translation for `{code}`"),
    )
}

/// A JSON document already serialized by `output`.
fn json_text(text: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], text).into_response()
}

fn json<T: Serialize>(value: &T) -> Response {
    json_text(serde_json::to_string_pretty(value).expect("API documents are plain data") + "\n")
}

/// The request body as text.
fn text(body: &Bytes) -> Result<String, ApiError> {
    String::from_utf8(body.to_vec()).map_err(|error| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "request::utf8",
            format!(
                "the request body is not UTF-8 text (at byte {})",
                error.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The case in a request body: TOML when the content type says so, JSON otherwise, read and
/// checked exactly as a case file.
fn read_case(
    program: &Program,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<(SourceFile, Case), ApiError> {
    let toml = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("toml"));
    let (name, format) = if toml {
        ("case.toml", facts::Format::Toml)
    } else {
        ("case.json", facts::Format::Json)
    };
    let file = SourceFile::new(name, text(body)?);
    match facts::load(&file.text, format, program) {
        Ok(case) => Ok((file, case)),
        Err(errors) => Err(ApiError::from_diagnostics(errors, &file)),
    }
}

fn session(app: &App) -> Session<'_> {
    Session::new(app.program(), &app.domain, today())
}

fn today() -> jiff::civil::Date {
    crate::pipeline::today()
}

/// Options of `POST /api/eval`.
#[derive(Deserialize)]
pub(super) struct EvalParams {
    /// Every section that may apply, not only the closest few.
    #[serde(default)]
    all: bool,
    /// Only the conclusions, as `tipnav eval --batch --summary` gives them for each case: a
    /// full report is some 400 KB of JSON, a summary about one.
    #[serde(default)]
    summary: bool,
}

/// `POST /api/eval`: the case report, as `tipnav eval --format json`, or with `summary=true`
/// the conclusions only.
pub(super) async fn eval(
    State(app): State<Arc<App>>,
    Params(params): Params<EvalParams>,
    headers: HeaderMap,
    Body(body): Body,
) -> Result<Response, ApiError> {
    let text = blocking(&app, move |app| {
        let (file, case) = read_case(app.program(), &headers, &body)?;
        if params.summary {
            let evaluated = crate::pipeline::conclude(app.program(), &file, &case, today());
            let document = SummaryDocument {
                schema_version: SchemaVersion,
                summary: crate::output::json::case_summary(app.program(), &evaluated),
            };
            return Ok(serde_json::to_string(&document).expect("summaries are plain data"));
        }
        let evaluated = session(app).evaluate(&file, &case);
        Ok(crate::output::render(
            app.program(),
            &[evaluated],
            Format::Json,
            params.all,
        ))
    })
    .await?;
    Ok(json_text(text))
}

/// The answer of `POST /api/eval?summary=true`: a batch summary line without its line number.
#[derive(Serialize, schemars::JsonSchema)]
pub struct SummaryDocument<'a> {
    /// The version of the JSON contract.
    pub schema_version: SchemaVersion,
    /// The conclusions.
    #[serde(flatten)]
    pub summary: crate::output::json::CaseSummary<'a>,
}

/// Options of `POST /api/explain`.
#[derive(Deserialize)]
pub(super) struct ExplainParams {
    /// Sections to explain, comma-separated ids (default: those that apply or may apply).
    #[serde(default)]
    sections: String,
    /// Search the smallest changes that would flip this section.
    flip: Option<String>,
    /// Every section that may apply.
    #[serde(default)]
    all: bool,
}

/// `POST /api/explain`: as `tipnav explain --format json [--flip SECTION]`.
pub(super) async fn explain(
    State(app): State<Arc<App>>,
    Params(params): Params<ExplainParams>,
    headers: HeaderMap,
    Body(body): Body,
) -> Result<Response, ApiError> {
    let text = blocking(&app, move |app| {
        let program = app.program();
        let offences = || program.offences.iter().map(|o| o.section.as_str());
        let sections: Vec<String> = params
            .sections
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| crate::pipeline::law::section_id(program, "offence", s, offences()))
            .collect::<Result<_, _>>()?;
        let flip = match &params.flip {
            Some(text) => {
                let id = crate::pipeline::law::section_id(program, "offence", text, offences())?;
                program.offence_id(&id)
            }
            None => None,
        };
        let (file, case) = read_case(program, &headers, &body)?;
        let session = session(app);
        let evaluated = session.evaluate(&file, &case);
        let explanation = session.explain(&evaluated, &sections, flip, params.all);
        Ok(serde_json::to_string_pretty(&explanation).expect("views are plain data") + "\n")
    })
    .await?;
    Ok(json_text(text))
}

/// The answer of `POST /api/ask`.
#[derive(Serialize, schemars::JsonSchema)]
pub struct AskDocument {
    /// The version of the JSON contract.
    pub schema_version: SchemaVersion,
    /// The most decisive question still open, or `null` when no answer can change a
    /// conclusion.
    pub question: Option<Question>,
}

/// A question of the interview, with what an answer may be.
#[derive(Serialize, schemars::JsonSchema)]
pub struct Question {
    /// The fact asked about (`victim.age`).
    pub fact: String,
    /// The question, as `tipnav ask` puts it.
    pub text: String,
    /// `bool`, `int`, `date`, `text`, `enum` or `set`.
    pub kind: &'static str,
    /// The members an `enum` or `set` answer is made of.
    pub members: Vec<String>,
    /// Each member in words, in the request's language, with what it means where the
    /// vocabulary says (as `tipnav ask` offers them).
    pub labels: Vec<String>,
    /// The least and greatest `int` answer.
    pub range: Option<(i64, i64)>,
}

impl Question {
    fn of(program: &Program, fact: FactId) -> Question {
        let fact = &program.facts[fact];
        let (kind, range) = match fact.ty {
            Type::Bool => ("bool", None),
            Type::Int { min, max } => ("int", Some((min, max))),
            Type::Date => ("date", None),
            Type::Text => ("text", None),
            Type::Enum(_) => ("enum", None),
            Type::Set(_) => ("set", None),
        };
        let members = fact.ty.members().unwrap_or_default();
        Question {
            fact: fact.name.clone(),
            text: fact.question.clone().unwrap_or_default(),
            kind,
            labels: (members.iter())
                .map(|m| crate::i18n::law::option_with_gloss(fact, m))
                .collect(),
            members: members.to_vec(),
            range,
        }
    }
}

/// `POST /api/ask`: the interview's next question for the case so far (its `[interview]
/// dont_know` list holds the facts answered "don't know"), ranked as `tipnav ask` ranks it.
pub(super) async fn ask(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Body(body): Body,
) -> Result<Response, ApiError> {
    let document = blocking(&app, move |app| {
        let (_, case) = read_case(app.program(), &headers, &body)?;
        let question = session(app)
            .next_question(&case)
            .map(|fact| Question::of(app.program(), fact));
        Ok(AskDocument {
            schema_version: SchemaVersion,
            question,
        })
    })
    .await?;
    Ok(json(&document))
}

/// A case read and checked: its given facts by name, the facts answered "don't know", and the
/// case file a person would download.
#[derive(Serialize, schemars::JsonSchema)]
pub struct CaseDocument {
    /// The version of the JSON contract.
    pub schema_version: SchemaVersion,
    /// The name it was shipped under, for an example.
    pub name: Option<String>,
    /// Each given fact, by its dotted name, with its value as a case file writes it.
    pub facts: BTreeMap<String, serde_json::Value>,
    /// The facts answered "don't know".
    pub dont_know: Vec<String>,
    /// The case as a TOML case file.
    pub toml: String,
}

fn case_document(program: &Program, name: Option<String>, case: &Case) -> CaseDocument {
    let facts = (program.fact_ids())
        .filter(|fact| case.values[*fact].is_some() && program.facts[*fact].question.is_some())
        .map(|fact| {
            let value = crate::output::json::fact_value(program, &case.values, fact);
            (value.fact, value.value)
        })
        .collect();
    CaseDocument {
        schema_version: SchemaVersion,
        name,
        facts,
        dont_know: case
            .dont_know
            .iter()
            .map(|fact| program.facts[*fact].name.clone())
            .collect(),
        toml: crate::interview::case_file(program, case),
    }
}

/// `POST /api/case`: a case file (JSON or TOML) checked and given back as facts by name and as
/// a TOML case file; the page uses it to load a file and to download the case.
pub(super) async fn case(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Body(body): Body,
) -> Result<Response, ApiError> {
    let document = blocking(&app, move |app| {
        let (_, case) = read_case(app.program(), &headers, &body)?;
        Ok(case_document(app.program(), None, &case))
    })
    .await?;
    Ok(json(&document))
}

/// `GET /api/facts`: the questions of the fact vocabulary (input facts), in vocabulary order.
pub(super) async fn facts(State(app): State<Arc<App>>) -> Response {
    speaking(|| {
        let program = app.program();
        let questions: Vec<Question> = (program.fact_ids())
            .filter(|fact| program.facts[*fact].question.is_some())
            .map(|fact| Question::of(program, fact))
            .collect();
        json(&questions)
    })
}

/// A shipped example in the list.
#[derive(Serialize, schemars::JsonSchema)]
pub struct ExampleItem<'a> {
    name: &'a str,
    title: Option<String>,
}

/// `GET /api/examples`: the shipped examples and the scenario bank, with their titles.
pub(super) async fn examples(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let items = blocking(&app, |app| {
        let program = app.program();
        let title_fact = program.facts.iter().position(|f| f.name == "case.title");
        let title = |text: &str| {
            let fact = title_fact?;
            let case = facts::load(text, facts::Format::Toml, program).ok()?;
            let value = case.values[fact].as_ref()?;
            Some(value.display(&program.facts[fact].ty))
        };
        Ok(crate::law::shipped_examples()
            .iter()
            .map(|(name, text)| {
                let title = title(text);
                ExampleItem { name, title }
            })
            .collect::<Vec<_>>())
    })
    .await?;
    Ok(json(&items))
}

/// Names a shipped example.
#[derive(Deserialize)]
pub(super) struct ExampleParams {
    name: String,
}

/// `GET /api/example?name=examples/larkana-girl-sold.toml`: a shipped example as a case
/// document. The name is looked up among the examples built into the binary, never on disk.
pub(super) async fn example(
    State(app): State<Arc<App>>,
    Params(params): Params<ExampleParams>,
) -> Result<Response, ApiError> {
    let document = blocking(&app, move |app| {
        let Some((name, text)) = crate::law::shipped_examples()
            .iter()
            .find(|(name, _)| *name == params.name)
        else {
            let names = crate::law::shipped_examples().iter().map(|(name, _)| *name);
            return Err(ApiError {
                status: StatusCode::NOT_FOUND,
                errors: vec![super::problem::Problem {
                    code: "request::unknown_example".to_owned(),
                    message: format!("no shipped example `{}`", params.name),
                    help: Some(crate::diagnostic::suggestion_help(&params.name, names)),
                    span: None,
                }],
            });
        };
        let file = SourceFile::new(*name, *text);
        let case = facts::load(text, facts::Format::Toml, app.program())
            .map_err(|errors| ApiError::from_diagnostics(errors, &file))?;
        Ok(case_document(
            app.program(),
            Some((*name).to_owned()),
            &case,
        ))
    })
    .await?;
    Ok(json(&document))
}

/// Options of `GET /api/list`.
#[derive(Deserialize)]
pub(super) struct ListParams {
    instrument: Option<String>,
}

/// `GET /api/list`: as `tipnav list --format json`.
pub(super) async fn list(
    State(app): State<Arc<App>>,
    Params(params): Params<ListParams>,
) -> Result<Response, ApiError> {
    speaking(|| list_of(&app, &params))
}

fn list_of(app: &App, params: &ListParams) -> Result<Response, ApiError> {
    let program = app.program();
    if let Some(id) = params
        .instrument
        .as_deref()
        .filter(|id| !program.book.instruments.contains(id))
    {
        let failure =
            crate::pipeline::law::unknown_id("instrument", id, program.book.instruments.ids());
        return Err(failure.into());
    }
    Ok(json(&crate::navigate::list(
        program,
        params.instrument.as_deref(),
    )))
}

/// Options of `GET /api/show`.
#[derive(Deserialize)]
pub(super) struct ShowParams {
    section: String,
    date: Option<String>,
}

/// `GET /api/show?section=ppc/371-A&date=2017-01-01`: as `tipnav show --format json`.
pub(super) async fn show(
    State(app): State<Arc<App>>,
    Params(params): Params<ShowParams>,
) -> Result<Response, ApiError> {
    speaking(|| show_of(&app, &params))
}

fn show_of(app: &App, params: &ShowParams) -> Result<Response, ApiError> {
    let program = app.program();
    let date = params.date.as_deref().map(day).transpose()?;
    let id = crate::pipeline::law::section_id(
        program,
        "section",
        &params.section,
        program.book.sections.keys().map(String::as_str),
    )?;
    let section = &program.book.sections[&id];
    Ok(json(&crate::navigate::show(program, section, date)))
}

/// A date option (`YYYY-MM-DD`).
fn day(text: &str) -> Result<jiff::civil::Date, ApiError> {
    crate::facts::parse_day(text).map_err(|message| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "request::date",
            format!("invalid date `{text}`: {message}"),
        )
    })
}

/// Options of `GET /api/search`.
#[derive(Deserialize)]
pub(super) struct SearchParams {
    q: String,
}

/// `GET /api/search?q=bonded`: as `tipnav search --format json`.
pub(super) async fn search(
    State(app): State<Arc<App>>,
    Params(params): Params<SearchParams>,
) -> Result<Response, ApiError> {
    if params.q.trim().is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "usage::search",
            "nothing to search for: give at least one word",
        ));
    }
    speaking(|| Ok(json(&crate::navigate::search(app.program(), &params.q))))
}

/// Options of `GET /api/overlaps`.
#[derive(Deserialize)]
pub(super) struct OverlapParams {
    date: Option<String>,
}

/// `GET /api/overlaps`: as `tipnav overlaps --format json`; the report without a date is
/// computed once and kept.
pub(super) async fn overlaps(
    State(app): State<Arc<App>>,
    Params(params): Params<OverlapParams>,
) -> Result<Response, ApiError> {
    let date = params.date.as_deref().map(day).transpose()?;
    let text = blocking(&app, move |app| {
        let report = || {
            crate::pipeline::findings::overlap_json(app.program(), date, crate::pipeline::today())
        };
        match date {
            Some(_) => report(),
            None => match app.law().overlaps.get() {
                Some(text) => Ok(text.clone()),
                None => {
                    let text = report()?;
                    Ok(app.law().overlaps.get_or_init(|| text).clone())
                }
            },
        }
        .map_err(ApiError::from)
    })
    .await?;
    Ok(json_text(text))
}

/// A shipped overlay.
#[derive(Serialize, schemars::JsonSchema)]
pub struct AmendmentItem {
    name: &'static str,
    text: String,
}

/// `GET /api/amendments`: the shipped amendment overlays with their text.
pub(super) async fn amendments() -> Response {
    let items: Vec<AmendmentItem> = crate::law::shipped_amendments()
        .into_iter()
        .filter_map(|name| {
            let file = crate::law::shipped_amendment(name)?;
            Some(AmendmentItem {
                name,
                text: file.text.to_string(),
            })
        })
        .collect();
    json(&items)
}

/// The law with an overlay typed in the workbench applied: parsed and checked through the same
/// front end, and the same limits, as an overlay file.
fn amended_law(app: &App, overlay: &str) -> Result<Program, ApiError> {
    let file = SourceFile::new("overlay.rules", overlay.to_owned());
    let mut program = crate::compile::build_program(&app.files, &[file])?;
    crate::i18n::law::localize(&mut program);
    Ok(program)
}

/// The answer of `POST /api/overlay` for an overlay that checks.
#[derive(Serialize, schemars::JsonSchema)]
pub struct OverlayDocument {
    /// The version of the JSON contract.
    pub schema_version: SchemaVersion,
    /// The amendments the overlay makes.
    pub amendments: Vec<crate::output::json::AmendmentReport>,
}

/// `POST /api/overlay` (the body is the overlay's text): its diagnostics as `tipnav check
/// --amend` gives them (a 400), or the amendments it makes.
pub(super) async fn overlay(
    State(app): State<Arc<App>>,
    Body(body): Body,
) -> Result<Response, ApiError> {
    let document = blocking(&app, move |app| {
        let program = amended_law(app, &text(&body)?)?;
        Ok(OverlayDocument {
            schema_version: SchemaVersion,
            amendments: program.amendments.iter().map(Into::into).collect(),
        })
    })
    .await?;
    Ok(json(&document))
}

/// The body of `POST /api/diff`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiffRequest {
    /// An overlay's text.
    overlay: Option<String>,
    /// Read every case as if its conduct took place on this day (`YYYY-MM-DD`).
    as_if_date: Option<String>,
}

/// Options of `POST /api/diff`.
#[derive(Deserialize)]
pub(super) struct DiffParams {
    /// `json` (the default) or `markdown` (the briefing).
    format: Option<String>,
}

/// `POST /api/diff`: as `tipnav diff [--amend] [--as-if-date] --format json|markdown` over the
/// shipped scenario bank.
pub(super) async fn diff(
    State(app): State<Arc<App>>,
    Params(params): Params<DiffParams>,
    Body(body): Body,
) -> Result<Response, ApiError> {
    let markdown = match params.format.as_deref() {
        None | Some("json") => false,
        Some("markdown") => true,
        Some(other) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "request::format",
                format!("unknown format `{other}`: give `json` or `markdown`"),
            ));
        }
    };
    let text = blocking(&app, move |app| {
        let request = diff_request(&text(&body)?)?;
        let format = if markdown {
            Format::Markdown
        } else {
            Format::Json
        };
        diff_text(app, &request, format)
    })
    .await?;
    Ok(if markdown {
        (
            [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
            text,
        )
            .into_response()
    } else {
        json_text(text)
    })
}

fn diff_request(text: &str) -> Result<DiffRequest, ApiError> {
    serde_json::from_str(text).map_err(|error| {
        let file = SourceFile::new("request.json", text.to_owned());
        let offset = offset_of(text, error.line(), error.column());
        ApiError::from_reports(&[miette::miette!(
            code = "request::json",
            labels = vec![miette::LabeledSpan::at(offset..offset, "here")],
            "invalid diff request: {error}"
        )
        .with_source_code(file.named_source())])
    })
}

/// The byte offset of a 1-based line and column (`serde_json`'s position).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// The diff a request asks for, rendered: the amended law it builds is needed to cite the
/// sections, so the report is written out before that law goes.
fn diff_text(app: &App, request: &DiffRequest, format: Format) -> Result<String, ApiError> {
    let as_if = request.as_if_date.as_deref().map(day).transpose()?;
    let overlay = request.overlay.as_deref().filter(|o| !o.trim().is_empty());
    if overlay.is_none() && as_if.is_none() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "usage::diff",
            "nothing to compare: give an overlay and/or an as-if date",
        ));
    }
    let amended = overlay.map(|o| amended_law(app, o)).transpose()?;
    let amended = amended.as_ref().unwrap_or(app.program());
    let read = |program: &Program| -> Result<Vec<(&str, Case)>, ApiError> {
        crate::law::shipped_examples()
            .iter()
            .map(|(name, text)| {
                let file = SourceFile::new(*name, *text);
                facts::load(text, facts::Format::Toml, program)
                    .map(|case| (*name, case))
                    .map_err(|errors| ApiError::from_diagnostics(errors, &file))
            })
            .collect()
    };
    let (before, after) = (read(app.program())?, read(amended)?);
    let comparison = Comparison {
        base: app.program(),
        amended,
        as_if,
        by_law: overlay.is_some(),
        today: crate::pipeline::today(),
    };
    let report = comparison.report(
        before
            .iter()
            .zip(&after)
            .map(|((name, before), (_, after))| (*name, before, after)),
    );
    let cite = |id: &str| comparison.citation(id);
    Ok(crate::output::render_diff(&report, format, &cite)?)
}

/// Any other address.
pub(super) async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "request::not_found",
        "no such page or API call; the API is described in the README",
    )
}
