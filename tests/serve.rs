//! `tipnav serve`'s JSON API (issue 18), in process: one loopback server and one server that
//! requires a token, shared by every test, spoken to over real sockets. Bad input gets a 4xx
//! with the command line's diagnostic, and the server keeps serving.

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, OnceLock};

use serde_json::Value;

use crate::support::root;

const TOKEN: &str = "0123456789abcdef0123456789abcdef";

/// Starts a server on 127.0.0.1 (or, with a token, on every address) on a free port, in a
/// thread of this process, and returns where it listens.
fn start(token: Option<&str>) -> SocketAddr {
    let (files, program) =
        tipnav::pipeline::law::load_law_in_english(None, &[]).expect("the shipped law loads");
    let app = Arc::new(
        tipnav::serve::App::new(files, program, token.map(str::to_owned))
            .expect("every shipped language loads"),
    );
    let bind: SocketAddr = if token.is_some() {
        "0.0.0.0:0".parse().unwrap()
    } else {
        "127.0.0.1:0".parse().unwrap()
    };
    let listener = std::net::TcpListener::bind(bind).expect("a free port");
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, tipnav::serve::router(app))
                .await
                .unwrap();
        });
    });
    SocketAddr::from(([127, 0, 0, 1], port))
}

fn server() -> SocketAddr {
    static SERVER: OnceLock<SocketAddr> = OnceLock::new();
    *SERVER.get_or_init(|| start(None))
}

fn token_server() -> SocketAddr {
    static SERVER: OnceLock<SocketAddr> = OnceLock::new();
    *SERVER.get_or_init(|| start(Some(TOKEN)))
}

/// An answer: status, headers (lowercase names) and body.
struct Answer {
    status: u16,
    headers: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The first error's code, of a 4xx answer.
    fn code(&self) -> String {
        self.json()["errors"][0]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

/// One HTTP/1.1 request on a fresh connection.
fn request(at: SocketAddr, method: &str, path: &str, headers: &[&str], body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(at).expect("the server listens");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Length: {}\r\n",
        at.port(),
        body.len()
    );
    for header in headers {
        head.push_str(header);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) and close before reading a huge body.
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").expect("an HTTP answer");
    let status = head[9..12].parse().expect("a status code");
    Answer {
        status,
        headers: head.to_lowercase(),
        body: body.to_owned(),
    }
}

fn post(path: &str, content_type: &str, body: &str) -> Answer {
    let header = format!("Content-Type: {content_type}");
    request(server(), "POST", path, &[&header], body.as_bytes())
}

fn get(path: &str) -> Answer {
    request(server(), "GET", path, &[], b"")
}

fn example(name: &str) -> String {
    std::fs::read_to_string(root().join("examples").join(name)).unwrap()
}

/// The server keeps answering after a bad request.
fn still_serving() {
    let answer = post("/api/ask", "application/json", "{}");
    assert_eq!(answer.status, 200, "{}", answer.body);
}

#[test]
fn eval_answers_the_command_lines_json() {
    let answer = post(
        "/api/eval",
        "application/toml",
        &example("larkana-girl-sold.toml"),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer.headers.contains("content-type: application/json"));
    let mut served = answer.json();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tipnav"))
        .args([
            "eval",
            "--format",
            "json",
            "examples/larkana-girl-sold.toml",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let mut printed: Value = serde_json::from_slice(&output.stdout).unwrap();
    // Only the case's name differs: the API's case has no file.
    served["case"]["file"] = Value::Null;
    printed["case"]["file"] = Value::Null;
    assert_eq!(served, printed);
}

#[test]
fn a_summary_gives_the_conclusions_only() {
    let answer = post(
        "/api/eval?summary=true",
        "application/toml",
        &example("larkana-girl-sold.toml"),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let summary = answer.json();
    assert_eq!(summary["schema_version"], "1");
    assert!(
        summary["applies"]
            .as_array()
            .unwrap()
            .contains(&Value::from("ppc/371-A")),
        "{summary}"
    );
    assert!(answer.body.len() < 4096, "a summary is small");
    assert_eq!(
        post("/api/eval?summary=maybe", "application/json", "{}").code(),
        "request::query"
    );
}

#[test]
fn a_case_in_json_is_read_as_a_json_case_file() {
    let case = r#"{"case": {"date": "2023-03-10", "province": "sindh"}, "victim": {"age": 16}}"#;
    let answer = post("/api/eval", "application/json", case);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["case"]["date"], "2023-03-10");
}

#[test]
fn malformed_json_is_a_400_with_a_span() {
    let answer = post("/api/eval", "application/json", "{\"victim\": {\"age\": }");
    assert_eq!(answer.status, 400, "{}", answer.body);
    let error = &answer.json()["errors"][0];
    assert!(
        error["code"].as_str().unwrap().starts_with("facts::"),
        "{error}"
    );
    assert_eq!(error["span"]["line"], 1, "{error}");
    still_serving();
}

#[test]
fn an_unknown_fact_is_a_400_with_a_suggestion_at_its_span() {
    let body = r#"{"victim": {"agee": 16}}"#;
    let answer = post("/api/eval", "application/json", body);
    assert_eq!(answer.status, 400);
    let error = &answer.json()["errors"][0];
    assert_eq!(error["code"], "facts::unknown_fact");
    assert_eq!(error["help"], "did you mean `victim.age`?");
    let offset = usize::try_from(error["span"]["offset"].as_u64().unwrap()).unwrap();
    assert_eq!(&body[offset..offset + 6], "\"agee\"");
    still_serving();
}

#[test]
fn a_body_over_4_mib_is_a_413_with_a_diagnostic() {
    let huge = vec![b' '; (4 << 20) + 1];
    let answer = request(
        server(),
        "POST",
        "/api/eval",
        &["Content-Type: application/json"],
        &huge,
    );
    assert_eq!(answer.status, 413, "{}", answer.body);
    assert_eq!(answer.code(), "request::body");
    still_serving();
}

#[test]
fn text_that_is_not_utf8_is_a_400() {
    let answer = request(server(), "POST", "/api/eval", &[], &[0xff, 0xfe, b'{']);
    assert_eq!(answer.status, 400);
    assert_eq!(answer.code(), "request::utf8");
}

#[test]
fn a_bad_overlay_gets_the_checkers_diagnostic_at_its_line() {
    let overlay = "amendment \"x\" {\n  nonsense here\n}\n";
    let answer = post("/api/overlay", "text/plain", overlay);
    assert_eq!(answer.status, 400, "{}", answer.body);
    let error = &answer.json()["errors"][0];
    assert!(error["span"]["line"].as_u64().unwrap() >= 1, "{error}");
    let diff = serde_json::json!({ "overlay": overlay }).to_string();
    let answer = post("/api/diff", "application/json", &diff);
    assert_eq!(answer.status, 400, "{}", answer.body);
    still_serving();
}

#[test]
fn a_shipped_overlay_checks_and_diffs_over_the_scenario_bank() {
    let overlay = std::fs::read_to_string(root().join("rules/amendments/one-forum.rules")).unwrap();
    let answer = post("/api/overlay", "text/plain", &overlay);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["amendments"][0]["key"], "one-forum");
    let request = serde_json::json!({ "overlay": overlay, "as_if_date": "2026-06-01" });
    let answer = post("/api/diff", "application/json", &request.to_string());
    assert_eq!(answer.status, 200, "{}", answer.body);
    let report = answer.json();
    assert_eq!(report["as_if_date"], "2026-06-01");
    assert!(!report["cases"].as_array().unwrap().is_empty(), "{report}");
    let markdown = post(
        "/api/diff?format=markdown",
        "application/json",
        &request.to_string(),
    );
    assert_eq!(markdown.status, 200);
    assert!(markdown.headers.contains("text/markdown"));
    assert!(markdown.body.contains("one-forum") || markdown.body.contains("One forum"));
    // The briefing cites sections and names courts as the command line's does.
    assert!(
        markdown.body.contains("PTPA 2018 s.3(2)"),
        "{}",
        markdown.body
    );
    assert!(
        !markdown.body.contains("court_of_session"),
        "{}",
        markdown.body
    );
}

#[test]
fn a_diff_request_that_is_not_json_or_compares_nothing_is_a_400() {
    let answer = post("/api/diff", "application/json", "{\"overlay\": 3");
    assert_eq!(answer.status, 400);
    assert_eq!(answer.code(), "request::json");
    let answer = post("/api/diff", "application/json", "{}");
    assert_eq!(answer.status, 400);
    assert_eq!(answer.code(), "usage::diff");
}

#[test]
fn explain_gives_the_explanation_and_the_flips() {
    let answer = post(
        "/api/explain?flip=ptpa-2018/3",
        "application/toml",
        &example("gujrat-sea-smuggling.toml"),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let explanation = answer.json();
    assert_eq!(explanation["flip_search"]["section"], "ptpa-2018/3");
    assert!(explanation["sections"].as_array().is_some());
    let answer = post("/api/explain?flip=ptpa-2018/99", "application/json", "{}");
    assert_eq!(answer.status, 400);
    assert_eq!(answer.code(), "usage::unknown_id");
}

#[test]
fn ask_puts_the_date_first_and_skips_dont_know() {
    let answer = post("/api/ask", "application/json", "{}");
    assert_eq!(answer.json()["question"]["fact"], "case.date");
    let answer = post(
        "/api/ask",
        "application/json",
        r#"{"interview": {"dont_know": ["case.date"]}}"#,
    );
    let question = &answer.json()["question"];
    assert_ne!(question["fact"], "case.date", "{question}");
    assert!(!question["text"].as_str().unwrap().is_empty());
}

/// An `enum` or `set` question offers each member in words, in the request's language, as
/// `tipnav ask` does; the web app showed the ids (`let_to_hire`) even on the Urdu page.
#[test]
fn ask_offers_each_option_in_the_requests_language() {
    let mut dont_know: Vec<String> = Vec::new();
    for _ in 0..40 {
        let body = serde_json::json!({"interview": {"dont_know": dont_know}}).to_string();
        let answer = post("/api/ask?lang=ur", "application/json", &body).json();
        let question = &answer["question"];
        let kind = question["kind"].as_str().unwrap();
        if kind == "enum" || kind == "set" {
            let members = question["members"].as_array().unwrap();
            let labels = question["labels"].as_array().unwrap();
            assert_eq!(labels.len(), members.len(), "{question}");
            for label in labels {
                let label = label.as_str().unwrap();
                assert!(
                    label
                        .chars()
                        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                    "not Urdu: {label}"
                );
            }
            return;
        }
        dont_know.push(question["fact"].as_str().unwrap().to_owned());
    }
    panic!("no enum or set question among the first 40");
}

#[test]
fn a_case_round_trips_to_a_toml_case_file() {
    let answer = get("/api/example?name=examples/larkana-girl-sold.toml");
    assert_eq!(answer.status, 200, "{}", answer.body);
    let document = answer.json();
    assert_eq!(document["facts"]["victim.age"], 16);
    let toml = document["toml"].as_str().unwrap();
    let again = post("/api/case", "application/toml", toml);
    assert_eq!(again.json()["facts"], document["facts"]);
    let missing = get("/api/example?name=../../etc/passwd");
    assert_eq!(missing.status, 404);
    let listed = get("/api/examples").json();
    assert!(
        listed.as_array().unwrap().len() > 100,
        "the scenario bank is listed"
    );
}

#[test]
fn the_law_browser_answers_list_show_and_search() {
    assert_eq!(get("/api/list").status, 200);
    let show = get("/api/show?section=ptpa-2018/3&date=2017-01-01");
    assert_eq!(show.status, 200, "{}", show.body);
    let unknown = get("/api/show?section=ptpa-2018/33");
    assert_eq!(unknown.status, 400);
    assert!(unknown.json()["errors"][0]["help"].as_str().is_some());
    assert_eq!(
        get("/api/show?section=ppc/371-A&date=20x").code(),
        "request::date"
    );
    let hits = get("/api/search?q=bonded").json();
    assert!(!hits.as_array().unwrap().is_empty());
    assert_eq!(get("/api/search?q=%20").status, 400);
    assert_eq!(get("/api/list?instrument=nope").status, 400);
}

#[test]
fn the_page_is_served_with_a_strict_policy() {
    let page = get("/");
    assert_eq!(page.status, 200);
    assert!(
        page.headers
            .contains("content-security-policy: default-src 'none'; script-src 'self'")
    );
    assert!(page.headers.contains("x-content-type-options: nosniff"));
    // No inline script or handler: the policy would block them anyway, so none are written.
    assert!(!page.body.contains("onclick=") && !page.body.contains("<script>"));
    assert_eq!(get("/app.js").status, 200);
    assert_eq!(get("/nowhere").code(), "request::not_found");
}

#[test]
fn a_loopback_server_refuses_other_host_names() {
    let mut stream = TcpStream::connect(server()).unwrap();
    stream
        .write_all(
            b"GET /api/facts HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
    let mut text = String::new();
    let _ = stream.read_to_string(&mut text);
    assert!(text.starts_with("HTTP/1.1 403"), "{text}");
    assert!(text.contains("request::host"), "{text}");
}

#[test]
fn off_loopback_every_request_needs_the_token() {
    let at = token_server();
    let refused = request(at, "GET", "/api/facts", &[], b"");
    assert_eq!(refused.status, 401);
    assert_eq!(refused.code(), "request::token");
    assert_eq!(request(at, "GET", "/app.js", &[], b"").status, 401);
    let wrong = request(
        at,
        "GET",
        "/api/facts",
        &["Authorization: Bearer nope"],
        b"",
    );
    assert_eq!(wrong.status, 401);
    let bearer = format!("Authorization: Bearer {TOKEN}");
    assert_eq!(
        request(at, "GET", "/api/facts", &[&bearer], b"").status,
        200
    );
    let page = request(at, "GET", &format!("/?token={TOKEN}"), &[], b"");
    assert_eq!(page.status, 200);
    assert!(page.headers.contains("set-cookie: tipnav_token="));
    let cookie = format!("Cookie: tipnav_token={TOKEN}");
    assert_eq!(request(at, "GET", "/app.js", &[&cookie], b"").status, 200);
}

/// Checks a served document against the schema `tipnav schema KIND` prints.
fn assert_valid(kind: tipnav::contract::Kind, document: &Value) {
    let schema: Value = serde_json::from_str(&tipnav::contract::schema(kind)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{}: {errors:?}", kind.name());
}

#[test]
fn every_answer_validates_against_its_schema() {
    use tipnav::contract::Kind;
    let case = example("larkana-girl-sold.toml");
    let toml = "application/toml";
    assert_valid(Kind::Eval, &post("/api/eval", toml, &case).json());
    assert_valid(
        Kind::ApiSummary,
        &post("/api/eval?summary=true", toml, &case).json(),
    );
    assert_valid(Kind::ApiAsk, &post("/api/ask", toml, &case).json());
    assert_valid(Kind::ApiAsk, &post("/api/ask", toml, "").json());
    assert_valid(Kind::ApiCase, &post("/api/case", toml, &case).json());
    assert_valid(Kind::ApiError, &post("/api/eval", toml, "x = ").json());
    let overlay = std::fs::read_to_string(root().join("rules/amendments/one-forum.rules")).unwrap();
    assert_valid(
        Kind::ApiOverlay,
        &post("/api/overlay", "text/plain", &overlay).json(),
    );
    assert_valid(Kind::Search, &get("/api/search?q=bonded").json());
}

/// Whether a text has Urdu (Arabic-script) letters.
fn has_urdu(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[test]
fn the_same_request_in_two_languages_at_once_gets_each_its_language() {
    let case = example("larkana-girl-sold.toml");
    let requests: Vec<_> = ["en", "ur", "en", "ur"]
        .into_iter()
        .map(|lang| {
            let case = case.clone();
            let path = format!("/api/eval?lang={lang}");
            std::thread::spawn(move || (lang, post(&path, "application/toml", &case)))
        })
        .collect();
    for request in requests {
        let (lang, answer) = request.join().unwrap();
        assert_eq!(answer.status, 200, "{}", answer.body);
        let report = answer.json();
        // Ids stay English in every language; the text fields are in the request's.
        assert_eq!(report["case"]["date"], "2023-03-10", "{lang}");
        assert_eq!(has_urdu(&answer.body), lang == "ur", "{lang}");
    }
    let english = get("/api/list").json();
    let urdu = get("/api/list?lang=ur").json();
    assert_eq!(english[0]["id"], urdu[0]["id"]);
    assert!(has_urdu(urdu[0]["title"].as_str().unwrap()), "{urdu}");
    assert!(
        !has_urdu(english[0]["title"].as_str().unwrap()),
        "{english}"
    );
}

#[test]
fn the_page_gets_its_words_in_its_language_and_an_unknown_one_is_a_400() {
    let urdu = get("/api/labels?lang=ur").json();
    assert_eq!(urdu["Case"], "مقدمہ");
    assert_eq!(urdu["ltr"], "rtl");
    let english = get("/api/labels").json();
    assert_eq!(english["Case"], "Case");
    assert_eq!(
        english.as_object().unwrap().len(),
        tipnav::serve::page_strings().len()
    );
    assert_eq!(get("/api/labels?lang=xx").code(), "request::lang");
    still_serving();
}

/// The value a local `$ref` (`#/a/b`) points at in `document`.
fn resolve<'d>(document: &'d Value, reference: &str) -> Option<&'d Value> {
    document.pointer(reference.strip_prefix('#')?)
}

/// Every `$ref` under `value`.
fn references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                found.push(target.clone());
            }
            map.values().for_each(|v| references(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, found)),
        _ => {}
    }
}

/// Validates `document` against the component schema `name` of the OpenAPI description.
fn assert_valid_in_openapi(openapi: &Value, name: &str, document: &Value) {
    let mut schema = openapi.clone();
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema".into();
    schema["$ref"] = format!("#/components/schemas/{name}").into();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
}

#[test]
fn the_openapi_description_covers_every_route_and_its_references_resolve() {
    let answer = get("/api/openapi.json");
    assert_eq!(answer.status, 200);
    let openapi = answer.json();
    assert_eq!(openapi["openapi"], "3.1.0");
    let mut found = Vec::new();
    references(&openapi, &mut found);
    assert!(found.len() > 20, "{found:?}");
    for reference in &found {
        assert!(
            resolve(&openapi, reference).is_some(),
            "{reference} resolves"
        );
    }
    // Every path it lists is served (a 4xx for the missing input, never 404 or 405), and the
    // router's API routes are all listed.
    let paths = openapi["paths"].as_object().unwrap();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let answer = request(server(), &method.to_uppercase(), path, &[], b"");
            assert!(
                ![404, 405].contains(&answer.status),
                "{method} {path}: {}",
                answer.status
            );
        }
    }
    for served in [
        "/api/eval",
        "/api/explain",
        "/api/ask",
        "/api/case",
        "/api/facts",
        "/api/examples",
        "/api/example",
        "/api/list",
        "/api/show",
        "/api/search",
        "/api/overlaps",
        "/api/amendments",
        "/api/overlay",
        "/api/diff",
        "/api/labels",
    ] {
        assert!(paths.contains_key(served), "{served} is described");
    }
    // Its schemas are the documents' own: real answers validate against them.
    let case = example("larkana-girl-sold.toml");
    assert_valid_in_openapi(
        &openapi,
        "Eval",
        &post("/api/eval", "application/toml", &case).json(),
    );
    assert_valid_in_openapi(&openapi, "Examples", &get("/api/examples").json());
    assert_valid_in_openapi(&openapi, "Amendments", &get("/api/amendments").json());
    assert_valid_in_openapi(&openapi, "Questions", &get("/api/facts").json());
    assert_valid_in_openapi(&openapi, "Search", &get("/api/search?q=bonded").json());
}
