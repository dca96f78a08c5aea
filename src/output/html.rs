//! `--format html`: one self-contained page (inline CSS, no script, no fonts or images fetched)
//! for `eval`, `explain` and `overlaps`, to hand out or project in a training room and to print.
//! Reads the same report structs as the JSON and table renderers; decides nothing about the law.
//! Every piece of text goes through [`escape`]: the [`Markup`] type holds only escaped HTML.

mod case;
mod eval;
mod explain;
mod overlaps;
mod picture;
mod style;

pub use case::{CasePage, GivenFact, case_page};
pub use eval::eval_page;
pub use explain::explain_page;
pub use overlaps::overlaps_page;

use super::json::{LawInfo, Status, Truth};
use crate::i18n::{tr, trf};

/// HTML-escapes text for element content and double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A fragment of HTML in which all text is escaped. Only this module and its children build
/// one, from escaped text and from tag names, classes and attribute names written here.
#[derive(Debug, Clone, Default)]
struct Markup(String);

impl Markup {
    #[expect(
        clippy::needless_pass_by_value,
        reason = "markup is built by composition: a fragment is consumed by what it goes into, so no caller keeps a copy"
    )]
    fn push(&mut self, other: Markup) {
        self.0.push_str(&other.0);
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Escaped text. On a right-to-left page each Latin run in it (a citation, an id, a number, a
/// date, an English phrase) is isolated left to right, so the bidi algorithm cannot move the
/// dots, parentheses and hyphens around it ("PTPA 2018 s.3(2)" stays as written); it is how
/// the citations inside a translated sentence or law text get isolated, where no one can wrap
/// them.
fn text(text: &str) -> Markup {
    if crate::i18n::direction() == "rtl" {
        isolated_latin(text)
    } else {
        Markup(escape(text))
    }
}

/// `text` with each of its Latin runs in `<span dir="ltr">` (the attribute isolates it too).
/// A run starts at an ASCII letter or digit and takes every ASCII character after it, less
/// the spaces and punctuation at its end, which belong to the sentence around it; a closing
/// bracket stays when the run opened it (`s.3(2)`, not `(PPC s.374)`'s last one).
fn isolated_latin(text: &str) -> Markup {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphanumeric()) {
        let (before, from) = rest.split_at(start);
        let end = from
            .find(|c: char| !c.is_ascii() || c.is_ascii_control())
            .unwrap_or(from.len());
        let run = latin_run(&from[..end]);
        out.push_str(&escape(before));
        out.push_str(&format!("<span dir=\"ltr\">{}</span>", escape(run)));
        rest = &from[run.len()..];
    }
    out.push_str(&escape(rest));
    Markup(out)
}

/// The run at the start of `ascii` (which starts with a letter or digit): without its trailing
/// spaces and punctuation, but with the closing brackets it opened.
fn latin_run(ascii: &str) -> &str {
    let mut run = ascii;
    while let Some(last) = run.chars().last() {
        let opened = |open: char, close: char| {
            last == close && run.matches(open).count() >= run.matches(close).count()
        };
        if last.is_ascii_alphanumeric() || opened('(', ')') || opened('[', ']') {
            break;
        }
        run = &run[..run.len() - 1];
    }
    run
}

/// `<tag class="...">inner</tag>`; the class is a literal of this module.
#[expect(
    clippy::needless_pass_by_value,
    reason = "markup is built by composition: a fragment is consumed by what it goes into, so no caller keeps a copy"
)]
fn el(tag: &'static str, class: &'static str, inner: Markup) -> Markup {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    Markup(format!("<{tag}{class}>{}</{tag}>", inner.0))
}

/// Fragments one after another, with a literal separator.
fn join(parts: impl IntoIterator<Item = Markup>, separator: &'static str) -> Markup {
    Markup(
        parts
            .into_iter()
            .map(|m| m.0)
            .collect::<Vec<_>>()
            .join(separator),
    )
}

fn concat<const N: usize>(parts: [Markup; N]) -> Markup {
    join(parts, "")
}

/// An id or a piece of case-file syntax; on a right-to-left page the stylesheet isolates it
/// left to right as a whole.
fn code(id: &str) -> Markup {
    el("code", "", Markup(escape(id)))
}

/// A table with a header row; empty cells stay empty. Each cell carries its column's header as
/// `data-label`: on a phone the rows stack as cards (class `stack`), and the header row, too
/// wide to show, gives way to a label on each cell.
fn table(
    class: &'static str,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<Markup>>,
) -> Markup {
    let head = join(header.iter().map(|h| el("th", "", text(h))), "");
    let body = join(
        rows.into_iter().map(|cells| {
            let cells = cells.into_iter().enumerate().map(|(column, cell)| {
                let label = header.get(column).copied().unwrap_or_default();
                Markup(format!(
                    "<td data-label=\"{}\">{}</td>",
                    escape(label),
                    cell.0
                ))
            });
            el("tr", "", join(cells, ""))
        }),
        "\n",
    );
    let inner = concat([el("thead", "", el("tr", "", head)), el("tbody", "", body)]);
    Markup(format!(
        "<table class=\"{class} stack\">{}</table>",
        inner.0
    ))
}

/// A `<section>` with a heading, left out when it has nothing in it.
fn section(heading: &str, content: Markup) -> Markup {
    if content.is_empty() {
        return Markup::default();
    }
    el(
        "section",
        "",
        concat([el("h2", "", text(heading)), content]),
    )
}

/// The status of a section, as a badge that keeps its word when printed in black and white.
fn status_badge(status: Status) -> Markup {
    let class = match status {
        Status::Applies => "badge applies",
        Status::MayApply => "badge may-apply",
        Status::DoesNotApply => "badge not-apply",
    };
    el("span", class, text(status.words()))
}

/// Whether an element (or an instrument's extent) is met, as a badge like [`status_badge`].
fn truth_badge(truth: Truth) -> Markup {
    let (class, word) = match truth {
        Truth::Met => ("badge met", tr("✓ met")),
        Truth::NotMet => ("badge not-met", tr("✗ not met")),
        Truth::Unknown => ("badge unknown", tr("? unknown")),
    };
    el("span", class, text(word))
}

/// The class of a section's card: coloured when it applies or may apply.
fn card_class(status: Status) -> &'static str {
    match status {
        Status::Applies => "card applies",
        Status::MayApply => "card may-apply",
        Status::DoesNotApply => "card",
    }
}

/// A link for an http(s) source, plain text for anything else (never a `javascript:` URL).
fn link(url: &str) -> Markup {
    if url.starts_with("https://") || url.starts_with("http://") {
        Markup(format!("<a href=\"{0}\">{0}</a>", escape(url)))
    } else {
        text(url)
    }
}

/// A court or agency: the name a reader expects, then its id.
fn forum(forum: impl crate::output::text::Forum) -> Markup {
    concat([
        el("strong", "", text(forum.name())),
        text(" "),
        code(forum.id()),
    ])
}

/// A fact value as a case file would give it, in words; in another language an option of
/// `fact` is its translated label.
fn value_text(fact: &str, value: &serde_json::Value) -> String {
    use serde_json::Value as Json;
    match value {
        Json::Null => tr("unknown").to_owned(),
        Json::Bool(true) => tr("yes").to_owned(),
        Json::Bool(false) => tr("no").to_owned(),
        Json::String(s) => option_words(fact, s),
        Json::Array(items) if items.is_empty() => tr("none").to_owned(),
        Json::Array(items) => items
            .iter()
            .map(|item| value_text(fact, item))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// A fact and its value as the elements and explanations show them: the fact's name as an id,
/// the value in words.
/// A value the case wrote in its own words (a title, a country) sits in `<bdi>`, isolated from
/// the page's direction.
fn fact_text(fact: &str, value: &serde_json::Value) -> Markup {
    let words = value_text(fact, value);
    let shown = match value {
        serde_json::Value::String(written) if *written == words => {
            Markup(format!("<bdi>{}</bdi>", escape(&words)))
        }
        _ => text(&words),
    };
    concat([code(fact), text(" = "), shown])
}

/// An option of `fact` in this run's language, or the value as written when it is not an
/// option with a translation (English, a date, a title, a district).
fn option_words(fact: &str, value: &str) -> String {
    if !crate::i18n::translating() {
        return value.to_owned();
    }
    let label = crate::i18n::option_label(fact, value);
    if label == crate::i18n::option_english(value) {
        value.to_owned()
    } else {
        label
    }
}

/// The whole document: one page, styles inline, and a policy that forbids any fetch.
fn document(title: &str, extra_css: &'static str, body: &Markup) -> String {
    use style::CSS;
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}{extra_css}{}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        crate::i18n::code(),
        crate::i18n::direction(),
        escape(title),
        style::script_css(),
        body.0
    )
}

/// The header every page carries: what it is, the disclaimer, and the law it used.
fn header(title: &str, items: Vec<(&str, Markup)>, tipnav: &str, law: &LawInfo) -> Markup {
    let mut rows: Vec<(&str, Markup)> = items;
    rows.push(("tipnav", text(tipnav)));
    rows.push((tr("Law digest"), code(&law.digest)));
    let overlays = if law.amendments.is_empty() {
        text(tr("none: the law as shipped"))
    } else {
        join(
            law.amendments.iter().map(|a| {
                el(
                    "span",
                    "warning",
                    text(&trf(
                        "{title} ({status}, from {date}; {key}): NOT the law as enacted unless its status is enacted",
                        &[
                            ("title", &a.title),
                            ("status", a.status.id()),
                            ("date", &a.effective),
                            ("key", &a.key),
                        ],
                    )),
                )
            }),
            "<br>",
        )
    };
    rows.push((tr("Overlays"), overlays));
    let meta = join(
        rows.into_iter()
            .map(|(term, value)| concat([el("dt", "", text(term)), el("dd", "", value)])),
        "\n",
    );
    el(
        "header",
        "",
        concat([
            el("h1", "", text(title)),
            el("dl", "meta", meta),
            el(
                "p",
                "disclaimer",
                text(tr(
                    "Not legal advice: a research and training aid. Check every result against the official text.",
                )),
            ),
            unofficial_notice(),
        ]),
    )
}

/// In a translated page, the notice that the law's text in that language is tipnav's own
/// summary; nothing in English.
fn unofficial_notice() -> Markup {
    if crate::i18n::translating() {
        el("p", "disclaimer", text(tr(crate::i18n::UNOFFICIAL)))
    } else {
        Markup::default()
    }
}

fn footer(tipnav: &str, law: &LawInfo) -> Markup {
    el(
        "footer",
        "",
        text(&trf(
            "tipnav {version} · law {digest}",
            &[("version", tipnav), ("digest", &law.digest)],
        )),
    )
}
