//! The web app's files, built into the binary so it works offline: one page, one script, one
//! style sheet. The script and style are files (never inline) so the security policy can
//! forbid inline code.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// `GET /`: the page.
pub(super) async fn index() -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        include_str!("web/index.html"),
    )
        .into_response()
}

/// `GET /app.js`: the page's script.
pub(super) async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("web/app.js"),
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
