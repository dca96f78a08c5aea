//! The language of a request: its `lang` query parameter (`?lang=ur`), else the language the
//! server was started in. The law is held translated once per language (see `App`); program
//! strings are translated by `i18n::tr` in the language the working thread speaks, so each
//! piece of work a request does is wrapped in that language ([`speaking`], and the blocking
//! pool's closures in `api::blocking`).

use axum::extract::{Query, Request};
use axum::http::{StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::problem::ApiError;

tokio::task_local! {
    /// The language of the request this task is answering.
    static LANGUAGE: &'static str;
}

/// Reads the request's language and answers it in that language; an unknown one is a 400.
pub(super) async fn language(request: Request, next: Next) -> Response {
    let asked = lang_parameter(request.uri());
    let code = match asked {
        None => crate::i18n::code(),
        Some(asked) => match known(&asked) {
            Some(code) => code,
            None => return unknown(&asked).into_response(),
        },
    };
    LANGUAGE.scope(code, next.run(request)).await
}

/// The query parameter this layer reads; a handler's own parameters ignore it.
#[derive(Deserialize)]
struct LangParameter {
    lang: Option<String>,
}

/// The value of `lang` in the request's address, decoded. A malformed query string is left
/// to the handler, which reports it.
fn lang_parameter(uri: &Uri) -> Option<String> {
    Query::<LangParameter>::try_from_uri(uri)
        .ok()
        .and_then(|Query(parameter)| parameter.lang)
}

/// The shipped language with this code.
fn known(asked: &str) -> Option<&'static str> {
    crate::i18n::languages()
        .into_iter()
        .find(|code| *code == asked)
}

fn unknown(asked: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "request::lang",
        format!(
            "no translation for `{asked}`; known languages: {}",
            crate::i18n::languages().join(", ")
        ),
    )
}

/// The language of the request being answered (the server's outside a request).
pub(super) fn requested() -> &'static str {
    LANGUAGE
        .try_with(|code| *code)
        .unwrap_or_else(|_| crate::i18n::code())
}

/// Runs `work` (which must not wait: the language is this thread's while it runs) in the
/// request's language.
pub(super) fn speaking<T>(work: impl FnOnce() -> T) -> T {
    // Every shipped language parsed when the server started (`App::new`), so speaking one
    // again cannot fail; were it to, the work is done in the server's language.
    let _speaking = crate::i18n::speak(requested()).ok();
    work()
}
