//! `tipnav serve`: the web app and its JSON API on one address, loopback by default. Stateless:
//! the law is loaded once at start; nothing from a request is written anywhere or names a file.
//! Evaluations run on the blocking pool, at most [`App::evaluations`] at a time.

pub mod api;
mod assets;
mod guard;
mod language;
mod openapi;
pub mod problem;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tokio::sync::Semaphore;

use crate::compile::{Failure, LawFiles};
use crate::domain::Domain;
use crate::model::Program;

pub use assets::page_strings;
pub use guard::{CONTENT_SECURITY_POLICY, REQUEST_TIME};

/// The largest request body: the same 4 MiB as a case or rule file read from disk.
#[expect(
    clippy::cast_possible_truncation,
    reason = "4 MiB fits in a usize on every target, 16-bit ones aside, which tipnav does not build for"
)]
pub const MAX_BODY_BYTES: usize = crate::source::MAX_FILE_BYTES as usize;

/// What `tipnav serve` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address to listen on; `None` is 127.0.0.1 on a free port.
    pub listen: Option<SocketAddr>,
    /// Open the app in the default browser once listening.
    pub open: bool,
}

/// The server's shared state: the law in every language, read-only, and the bound on
/// concurrent evaluations.
#[derive(Debug)]
pub struct App {
    /// The law's files (for overlays typed in the workbench, applied on top of them).
    files: LawFiles,
    /// The checked law, once per language, its headings and summaries in that language: a
    /// request in any language is answered without translating the law again.
    laws: Vec<Localized>,
    /// The values each input fact can take (the same in every language).
    domain: Domain,
    /// The token every request must carry, when listening off loopback.
    token: Option<String>,
    /// The host names a loopback server answers to.
    allowed_hosts: Vec<String>,
    /// Permits for evaluations running at once on the blocking pool.
    evaluations: Semaphore,
}

/// The law in one language.
#[derive(Debug)]
struct Localized {
    /// The language's code (`en`, `ur`).
    code: &'static str,
    /// The checked law with its strings in this language.
    program: Program,
    /// The overlap report of the whole law (no date), computed on first use.
    overlaps: OnceLock<String>,
}

/// Evaluations allowed to run at once, per core: enough to keep the cores busy while some
/// requests are being read or written, few enough that a flood queues instead of exhausting
/// memory.
const EVALUATIONS_PER_CORE: usize = 4;

impl App {
    /// The state for a server on `program`, the law in English, which it translates into
    /// every shipped language; `token` is required on every request when given.
    #[expect(
        clippy::needless_pass_by_value,
        reason = "the server is handed the law it was started on; by reference would only move the lint to `serve`, whose caller gives the law away"
    )]
    pub fn new(files: LawFiles, program: Program, token: Option<String>) -> Result<App, Failure> {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let laws = crate::i18n::languages()
            .into_iter()
            .map(|code| localized(&program, code))
            .collect::<Result<_, _>>()?;
        Ok(App {
            domain: crate::domain::domain(&program),
            files,
            laws,
            token,
            allowed_hosts: ["127.0.0.1", "localhost", "[::1]"]
                .map(str::to_owned)
                .to_vec(),
            evaluations: Semaphore::new(cores * EVALUATIONS_PER_CORE),
        })
    }

    /// The law in the language this thread speaks (the request's, see `language`).
    fn law(&self) -> &Localized {
        let code = crate::i18n::code();
        self.laws
            .iter()
            .find(|law| law.code == code)
            .unwrap_or(&self.laws[0])
    }

    /// The checked law in the request's language.
    fn program(&self) -> &Program {
        &self.law().program
    }
}

/// The English law translated into `code`.
fn localized(english: &Program, code: &'static str) -> Result<Localized, Failure> {
    let _speaking = crate::i18n::speak(code)?;
    let mut program = english.clone();
    crate::i18n::law::localize(&mut program);
    Ok(Localized {
        code,
        program,
        overlaps: OnceLock::new(),
    })
}

/// The web app and its API, with the guard on every route.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::script))
        .route("/app.css", get(assets::style))
        .route("/api/labels", get(assets::labels))
        .route("/api/eval", post(api::eval))
        .route("/api/explain", post(api::explain))
        .route("/api/ask", post(api::ask))
        .route("/api/case", post(api::case))
        .route("/api/facts", get(api::facts))
        .route("/api/examples", get(api::examples))
        .route("/api/example", get(api::example))
        .route("/api/list", get(api::list))
        .route("/api/show", get(api::show))
        .route("/api/search", get(api::search))
        .route("/api/overlaps", get(api::overlaps))
        .route("/api/amendments", get(api::amendments))
        .route("/api/overlay", post(api::overlay))
        .route("/api/diff", post(api::diff))
        .route("/api/openapi.json", get(openapi::served))
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(language::language))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            guard::guard,
        ))
        .with_state(app)
}

/// Runs the server until the process is stopped. Prints the address (and the token, off
/// loopback) on standard output.
pub fn serve(files: LawFiles, program: Program, options: &Options) -> Result<ExitCode, Failure> {
    let address = options
        .listen
        .unwrap_or(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0));
    let token = (!address.ip().is_loopback()).then(new_token).transpose()?;
    let app = Arc::new(App::new(files, program, token.clone())?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| {
            failure(
                "serve::runtime",
                &format!("cannot start the server: {error}"),
            )
        })?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|error| {
                failure(
                    "serve::listen",
                    &format!("cannot listen on {address}: {error}"),
                )
            })?;
        let bound = listener
            .local_addr()
            .map_err(|error| failure("serve::listen", &error.to_string()))?;
        announce(bound, token.as_deref(), options.open)?;
        axum::serve(listener, router(app))
            .await
            .map_err(|error| failure("serve::io", &error.to_string()))?;
        Ok(ExitCode::SUCCESS)
    })
}

/// Prints where the app is (the line a test or a script reads), warns off loopback, and opens
/// the browser when asked.
fn announce(bound: SocketAddr, token: Option<&str>, open: bool) -> Result<(), Failure> {
    let url = match token {
        Some(token) => format!("http://{bound}/?token={token}"),
        None => format!("http://{bound}/"),
    };
    if token.is_some() {
        crate::output::print_note(&format!(
            "warning: listening on {bound}, which is not the loopback address: anyone who can reach it and has the token can use tipnav here; the token is in the address below"
        ));
    }
    crate::output::print(&format!("tipnav serving on {url}\n"))?;
    if open {
        if let Err(error) = webbrowser::open(&url) {
            crate::output::print_note(&format!(
                "warning: cannot open a browser ({error}); open {url} yourself"
            ));
        }
    }
    Ok(())
}

/// A fresh random token: 128 bits from the operating system, as hex.
fn new_token() -> Result<String, Failure> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| {
        failure(
            "serve::token",
            &format!("cannot make a token for the server: {error}"),
        )
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn failure(code: &str, message: &str) -> Failure {
    Failure(vec![miette::miette!(code = code, "{message}")])
}
