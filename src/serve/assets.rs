//! The web app's files, built into the binary so it works offline: one page, one script, one
//! style sheet. The script and style are files (never inline) so the security policy can
//! forbid inline code.

use std::collections::BTreeMap;

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The page, the script and the style sheet.
const PAGE: &str = include_str!("web/index.html");
const SCRIPT: &str = include_str!("web/app.js");

/// `GET /`: the page.
pub(super) async fn index() -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], PAGE).into_response()
}

/// `GET /app.js`: the page's script.
pub(super) async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// `GET /app.css`: the page's style.
pub(super) async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("web/app.css"),
    )
        .into_response()
}

/// `GET /api/labels?lang=ur`: the page's own words in the request's language, by their
/// English: `{"Case": "مقدمہ", ...}`. The translations are program strings in
/// `locales/LANG/program.po`, so a translator finds them with every other string.
pub(super) async fn labels() -> Response {
    let labels: BTreeMap<&str, &str> = super::language::speaking(|| {
        page_strings()
            .into_iter()
            .map(|english| (english, crate::i18n::tr(english)))
            .collect()
    });
    axum::Json(labels).into_response()
}

/// Every string the page shows, as English, read from its files as xgettext would: the text of
/// each element marked `data-t` in the page, and the first string literal of each `t(` call
/// in the script.
pub fn page_strings() -> Vec<&'static str> {
    let mut strings: Vec<&'static str> = marked_texts(PAGE).chain(calls(SCRIPT)).collect();
    strings.sort_unstable();
    strings.dedup();
    strings
}

/// The text after each `data-t` element's opening tag, up to the next tag, trimmed
/// (`<button data-t>Case</button>`, `<label data-t>Title <input>` give `Case`, `Title`).
fn marked_texts(page: &'static str) -> impl Iterator<Item = &'static str> {
    page.match_indices(" data-t").filter_map(move |(at, _)| {
        let rest = &page[at..];
        let text = &rest[rest.find('>')? + 1..];
        let text = text[..text.find('<').unwrap_or(text.len())].trim();
        (!text.is_empty()).then_some(text)
    })
}

/// The string literal that opens each call of `t(` (not `set(` or `.at(`); the script writes
/// them in double quotes with no escapes.
fn calls(script: &'static str) -> impl Iterator<Item = &'static str> {
    script.match_indices("t(\"").filter_map(move |(at, _)| {
        let before = script[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            return None;
        }
        let rest = &script[at + 3..];
        Some(&rest[..rest.find('"')?])
    })
}
