//! One render entry point per report kind, each choosing among the [`Format`]s in one
//! exhaustive match, and [`Report::supports`], which says which formats each kind has. A new
//! format is a variant of `Format`, its module, and one arm in each match here: the compiler
//! lists every one.

use super::analysis::{GapReport, OverlapReport};
use super::diff::DiffReport;
use super::explain::Explanation;
use super::text::Style;
use super::{Evaluated, Format, analysis, html, json, navigator, table, text};
use crate::compile::Failure;
use crate::model::Program;
use crate::navigate::{FactsView, InstrumentView, SearchHit, SectionView};

/// The reports tipnav prints, one for each command that prints one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// `tipnav eval`: evaluated cases.
    Eval,
    /// `tipnav explain`: why one case came out as it did.
    Explain,
    /// `tipnav overlaps`: offences that can apply on the same facts.
    Overlaps,
    /// `tipnav gaps`: facts no offence reaches.
    Gaps,
    /// `tipnav diff`: what an amendment or a date changes.
    Diff,
    /// `tipnav list`: the instruments and their sections.
    List,
    /// `tipnav show`: one section.
    Show,
    /// `tipnav search`: sections matching words.
    Search,
    /// `tipnav facts`: the facts a case file can give.
    Facts,
}

impl Report {
    /// Every kind, in the order the help for an unsupported format names them.
    const ALL: [Report; 9] = [
        Report::Eval,
        Report::Explain,
        Report::Overlaps,
        Report::Gaps,
        Report::Diff,
        Report::List,
        Report::Show,
        Report::Search,
        Report::Facts,
    ];

    /// The command that prints it.
    fn command(self) -> &'static str {
        match self {
            Report::Eval => "eval",
            Report::Explain => "explain",
            Report::Overlaps => "overlaps",
            Report::Gaps => "gaps",
            Report::Diff => "diff",
            Report::List => "list",
            Report::Show => "show",
            Report::Search => "search",
            Report::Facts => "facts",
        }
    }

    /// Whether this report can be rendered in `format`: every one as text or JSON, but only
    /// the case reports and the overlaps have an HTML page.
    pub fn supports(self, format: Format) -> bool {
        match format {
            Format::Table | Format::Json | Format::Markdown => true,
            Format::Html => matches!(self, Report::Eval | Report::Explain | Report::Overlaps),
        }
    }

    /// Refuses a format this report does not have (exit 2) rather than print something else.
    /// Commands ask before any work, so that nothing is computed or written for nothing.
    pub fn check(self, format: Format) -> Result<(), Failure> {
        if self.supports(format) {
            Ok(())
        } else {
            Err(self.unsupported(format))
        }
    }

    /// The usage error for a format this report does not have, naming the reports that do.
    fn unsupported(self, format: Format) -> Failure {
        let name = format.name();
        let with: Vec<String> = (Report::ALL.iter())
            .filter(|report| report.supports(format))
            .map(|report| format!("`{}`", report.command()))
            .collect();
        // Usage errors are in English, so the list is joined here rather than by the
        // translated `diagnostic::list_and`.
        let with = match with.split_last() {
            Some((last, init)) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
            _ => with.concat(),
        };
        Failure(vec![miette::miette!(
            code = "usage::format",
            help = format!(
                "{name} pages exist for {with}; use --format markdown for a handout of this command"
            ),
            "`tipnav {}` has no {name} output",
            self.command()
        )])
    }
}

/// Whether the eval report in `format` prints the smallest changes that flip each section
/// ([`Evaluated::search_flips`], costly): only the HTML handout does.
pub fn shows_flips(format: Format) -> bool {
    match format {
        Format::Html => true,
        Format::Table | Format::Json | Format::Markdown => false,
    }
}

/// Renders evaluated cases (the eval report). JSON: one object for one case, an array for
/// several; HTML: one page. Tables and Markdown show the closest sections that may apply, or
/// every one with `all`.
pub fn render(program: &Program, cases: &[Evaluated<'_>], format: Format, all: bool) -> String {
    // The text of a section that does not apply is one sentence for them all, which reads only
    // what the short form keeps (status, citation, version, territory, failed elements).
    let text = |style: Style| {
        (cases.iter())
            .map(|c| json::case_report_in(program, c, json::Detail::Reached))
            .map(|r| table::render(&r, style, all))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match format {
        Format::Json => eval_json(program, cases, all),
        Format::Table => text(Style::Terminal),
        Format::Markdown => text(Style::Markdown),
        Format::Html => {
            let pages: Vec<html::CasePage> =
                cases.iter().map(|c| html::case_page(program, c)).collect();
            html::eval_page(&pages, all)
        }
    }
}

/// The eval report's JSON: one object for one case, an array for several.
fn eval_json(program: &Program, cases: &[Evaluated<'_>], all: bool) -> String {
    let detail = if all {
        json::Detail::All
    } else {
        json::Detail::Reached
    };
    let mut reports: Vec<json::CaseReport> = (cases.iter())
        .map(|c| json::case_report_in(program, c, detail))
        .collect();
    let document = match reports.pop() {
        Some(one) if reports.is_empty() => json::EvalDocument::One(Box::new(one)),
        last => json::EvalDocument::Many(reports.into_iter().chain(last).collect()),
    };
    to_json(&document)
}

/// Renders the explanation of one case; its HTML page is the case's page with the explanation.
pub fn render_explain(
    program: &Program,
    evaluated: &Evaluated<'_>,
    explanation: &Explanation,
    format: Format,
) -> String {
    match format {
        Format::Json => to_json(explanation),
        Format::Table => super::explain::render(explanation, false),
        Format::Markdown => super::explain::render(explanation, true),
        Format::Html => html::explain_page(explanation, &html::case_page(program, evaluated)),
    }
}

/// Renders the overlap report.
pub fn render_overlaps(program: &Program, report: &OverlapReport, format: Format) -> String {
    let cite = |id: &str| crate::statute::citation(&program.book, id);
    match format {
        Format::Json => to_json(report),
        Format::Table => analysis::render_overlaps(report, Style::Terminal, &cite),
        Format::Markdown => analysis::render_overlaps(report, Style::Markdown, &cite),
        Format::Html => html::overlaps_page(report, &json::law_info(program), &cite),
    }
}

/// Renders the gap report.
pub fn render_gaps(report: &GapReport, format: Format) -> Result<String, Failure> {
    text_view(Report::Gaps, report, format, analysis::render_gaps)
}

/// Renders the comparison `tipnav diff` makes; `cite` gives a section's citation for the text.
pub fn render_diff(
    report: &DiffReport,
    format: Format,
    cite: super::text::Cite<'_>,
) -> Result<String, Failure> {
    text_view(Report::Diff, report, format, |report, style| {
        super::diff::render(report, style, cite)
    })
}

/// Renders the instruments `tipnav list` shows.
pub fn render_list(instruments: &[InstrumentView], format: Format) -> Result<String, Failure> {
    text_view(Report::List, instruments, format, navigator::list)
}

/// Renders one section as `tipnav show` does.
pub fn render_show(view: &SectionView, format: Format) -> Result<String, Failure> {
    text_view(Report::Show, view, format, navigator::show)
}

/// Renders the sections a search found.
pub fn render_search(query: &str, hits: &[SearchHit], format: Format) -> Result<String, Failure> {
    text_view(Report::Search, hits, format, |hits, style| {
        navigator::search(query, hits, style)
    })
}

/// Renders the facts a case file can give.
pub fn render_facts(view: &FactsView, format: Format) -> Result<String, Failure> {
    text_view(Report::Facts, view, format, navigator::facts)
}

/// A report that exists as text and JSON only: JSON, or `render`'s table at a terminal or in
/// Markdown. Its other formats are refused as [`Report::check`] refuses them.
fn text_view<T: serde::Serialize + ?Sized>(
    report: Report,
    view: &T,
    format: Format,
    render: impl Fn(&T, Style) -> String,
) -> Result<String, Failure> {
    match format {
        Format::Json => Ok(to_json(view)),
        Format::Table => Ok(render(view, text::Style::Terminal)),
        Format::Markdown => Ok(render(view, text::Style::Markdown)),
        Format::Html => Err(report.unsupported(format)),
    }
}

/// A report in the JSON contract: pretty, with a final newline.
fn to_json<T: serde::Serialize + ?Sized>(report: &T) -> String {
    serde_json::to_string_pretty(report).expect("reports are plain data") + "\n"
}
