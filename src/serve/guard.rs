//! What every request passes through before a handler sees it: the token (off loopback), the
//! Host check (on loopback, against DNS rebinding), the time limit, and the security headers on
//! every answer. Knows nothing about the law.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::App;
use super::problem::ApiError;

/// The longest a request may take; the slowest, a diff over the whole scenario bank with an
/// overlay, takes about a second on a busy two-core machine.
pub const REQUEST_TIME: Duration = Duration::from_secs(30);

/// The policy every page is served with: nothing from anywhere but this server, no inline
/// script or style, no framing, no form posted elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The cookie that carries the token after the first page load, so the page's own scripts and
/// styles are allowed without putting the token in every address.
const TOKEN_COOKIE: &str = "tipnav_token";

/// Checks the request, runs it under the time limit and adds the security headers.
pub(super) async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let mut response = match admit(&app, &request) {
        Err(error) => error.into_response(),
        Ok(set_cookie) => {
            let mut response = match tokio::time::timeout(REQUEST_TIME, next.run(request)).await {
                Ok(response) => response,
                Err(_) => ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "request::timeout",
                    format!(
                        "the request took longer than {} seconds",
                        REQUEST_TIME.as_secs()
                    ),
                )
                .into_response(),
            };
            if set_cookie {
                remember_token(&app, response.headers_mut());
            }
            response
        }
    };
    secure_headers(response.headers_mut());
    response
}

/// Whether the request may go on; `Ok(true)` when it brought the token in its address, which
/// the answer then keeps in a cookie.
fn admit(app: &App, request: &Request) -> Result<bool, ApiError> {
    match &app.token {
        None => {
            check_host(app, request.headers())?;
            Ok(false)
        }
        Some(token) => {
            let from_query = query_token(request.uri().query()).is_some_and(|t| same(&t, token));
            let from_header = bearer(request.headers()).is_some_and(|t| same(t, token));
            let from_cookie = cookie(request.headers()).is_some_and(|t| same(t, token));
            if from_query || from_header || from_cookie {
                Ok(from_query)
            } else {
                Err(ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "request::token",
                    "this server needs its token: open the address printed when it started (with ?token=...), or send `Authorization: Bearer TOKEN`",
                ))
            }
        }
    }
}

/// On loopback, only requests addressed to the loopback name are served: a web page elsewhere
/// cannot point a name of its own at 127.0.0.1 and read the answers (DNS rebinding).
fn check_host(app: &App, headers: &HeaderMap) -> Result<(), ApiError> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let name = host.rsplit_once(':').map_or(host, |(name, _)| name);
    if app.allowed_hosts.iter().any(|allowed| allowed == name) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "request::host",
            format!("this server answers requests to 127.0.0.1 or localhost, not `{host}`"),
        ))
    }
}

/// `token=...` in a query string.
fn query_token(query: Option<&str>) -> Option<String> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .map(str::to_owned)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

fn cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(TOKEN_COOKIE)?.strip_prefix('='))
}

/// Compares in time that does not depend on where the strings first differ.
fn same(given: &str, token: &str) -> bool {
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

fn remember_token(app: &App, headers: &mut HeaderMap) {
    if let Some(token) = &app.token {
        let value = format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(header::SET_COOKIE, value);
        }
    }
}

fn secure_headers(headers: &mut HeaderMap) {
    let fixed = [
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
    ];
    for (name, value) in fixed {
        headers.insert(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(same("abc", "abc"));
        assert!(!same("abd", "abc"));
        assert!(!same("ab", "abc"));
    }

    #[test]
    fn the_token_is_found_in_a_query_or_a_cookie() {
        assert_eq!(query_token(Some("a=1&token=xyz")).as_deref(), Some("xyz"));
        assert_eq!(query_token(Some("a=1")), None);
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("x=1; tipnav_token=t0"),
        );
        assert_eq!(cookie(&headers), Some("t0"));
    }
}
