//! Everything tipnav writes: reports on stdout (tables, JSON, Markdown, HTML) and diagnostics on
//! stderr. Computes nothing about the law.

pub mod analysis;
pub mod batch;
pub mod diff;
pub mod explain;
pub mod html;
pub mod json;
pub mod layout;
pub mod navigator;
pub mod pager;
pub mod prompt;
mod reason;
mod render;
pub mod report;
pub mod schema;
mod sheet;
pub mod table;
pub mod text;
pub mod width;

use std::io::Write as _;

pub use render::{
    Report, render, render_diff, render_explain, render_facts, render_gaps, render_list,
    render_overlaps, render_search, render_show, shows_flips,
};

use crate::eval::Outcome;
use crate::facts::Case;
use crate::i18n::{tr, trf};
use crate::law::LawFiles;
use crate::model::Program;
use crate::resolve::Resolution;
use crate::source::SourceFile;

/// Output formats. Which report has which is [`Report::supports`]; each report's entry point
/// in `render.rs` matches on them once.
/// Chosen on the command line (`--format`), hence `clap::ValueEnum`; the web server picks one too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// The stable JSON contract (see the README).
    Json,
    /// Markdown, for handouts.
    Markdown,
    /// One self-contained HTML page, to print or project (eval, explain and overlaps).
    Html,
}

impl Format {
    /// Its name in messages (`HTML`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }
}

/// A case carried through the pipeline, ready to render.
#[derive(Debug)]
pub struct Evaluated<'a> {
    /// The case file.
    pub file: &'a SourceFile,
    /// Its facts.
    pub case: &'a Case,
    /// What evaluation found.
    pub outcome: Outcome,
    /// Jurisdiction, overlaps and unknowns.
    pub resolution: Resolution,
    /// The resolution of `outcome.alternative`, the later law, when the version is uncertain.
    pub alternative: Option<Resolution>,
    /// The unknown facts whose answers would change the most conclusions, most decisive
    /// first, for the charge sheet; empty until [`Evaluated::rank_decisive`] fills it.
    pub decisive: Vec<crate::model::FactId>,
    /// The smallest changes that flip each section the handout shows, by offence index;
    /// empty until [`Evaluated::search_flips`] fills it (only the HTML handout reads them).
    pub flips: Vec<(crate::model::OffenceId, crate::explain::FlipSearch)>,
}

impl Evaluated<'_> {
    /// Ranks the unknown facts as the interview does (`interview::decisive_facts`). Only
    /// reports need it, and it costs an evaluation per possible answer, so summaries and
    /// `tipnav test` skip it.
    pub fn rank_decisive(
        &mut self,
        program: &Program,
        domain: &crate::domain::Domain,
        today: jiff::civil::Date,
    ) {
        self.decisive = crate::interview::decisive_facts(
            program,
            domain,
            self.case,
            today,
            crate::resolve::DECISIVE_FACTS,
        );
    }

    /// Searches the flips of the sections a report shows: those that apply and the closest
    /// that may apply (every one with `all`). Each search re-evaluates the case up to
    /// thousands of times, so only the HTML handout, which prints them, asks for it, and only
    /// for the sections it prints.
    pub fn search_flips(
        &mut self,
        program: &Program,
        domain: &crate::domain::Domain,
        today: jiff::civil::Date,
        all: bool,
    ) {
        let relevance = crate::resolve::relevance(program, &self.outcome);
        let shown = |s: &crate::eval::SectionOutcome| match s.status {
            crate::eval::Status::Applies => true,
            crate::eval::Status::MayApply => {
                all || relevance[s.offence].is_some_and(|rank| rank <= table::CLOSEST_SHOWN)
            }
            crate::eval::Status::DoesNotApply => false,
        };
        self.flips = self
            .outcome
            .sections
            .iter()
            .filter(|s| shown(s))
            .map(|s| {
                let search = crate::explain::flips(
                    program,
                    domain,
                    self.case,
                    &self.outcome,
                    s.offence,
                    today,
                );
                (s.offence, search)
            })
            .collect();
    }
}

/// The summary `tipnav check` prints.
pub fn check_summary(files: &LawFiles, program: &Program) -> String {
    let unverified = program
        .book
        .sections
        .values()
        .flat_map(|s| &s.versions)
        .filter(|v| !v.unverified.is_empty() || v.verified == crate::statute::Verified::Unverified)
        .count();
    format!(
        "ok: {} statute files ({} instruments, {} sections, {} versions, {} with unverified fields), {} rule files ({} facts, {} offences, {} overlaps)\nlaw {}\n",
        files.statutes.len(),
        program.book.instruments.len(),
        program.book.sections.len(),
        program
            .book
            .sections
            .values()
            .map(|s| s.versions.len())
            .sum::<usize>(),
        unverified,
        files.rules.len(),
        program.facts.len(),
        program.offences.len(),
        program.overlaps.len(),
        program.digest,
    )
}

/// The pass/fail table `tipnav test` prints, and a count.
pub fn test_report(results: &[(String, Vec<String>)]) -> String {
    let mut table = text::new_table(
        text::Style::Terminal,
        &[tr("Case"), tr("Result"), tr("Differences")],
    );
    for (name, problems) in results {
        let result = if problems.is_empty() {
            tr("pass")
        } else {
            tr("FAIL")
        };
        table.add_row(vec![name.clone(), result.to_owned(), problems.join("\n")]);
    }
    let failed = results.iter().filter(|(_, p)| !p.is_empty()).count();
    let count = trf(
        "{passed} passed, {failed} failed",
        &[
            ("passed", &(results.len() - failed).to_string()),
            ("failed", &failed.to_string()),
        ],
    );
    format!("{table}\n{count}\n")
}

/// Writes a report to stdout and flushes it, through the pager on a terminal (`pager.rs`). A
/// write error (a full disk, a closed file) is reported, never ignored; a closed pipe (`tipnav
/// list | head -1`) ends the program quietly.
pub fn print(text: &str) -> Result<(), crate::compile::Failure> {
    if let Some(paged) = pager::command().and_then(|pager| pager::page(&pager, text)) {
        return paged.map_err(|error| stdout_failure(&error));
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|error| stdout_failure(&error))
}

/// The failure for an error writing standard output. The reader of a pipe is gone when the pipe
/// is closed: nothing more can be said to anyone, so tipnav exits at once with success, as
/// ripgrep and the Unix tools do.
pub fn stdout_failure(error: &std::io::Error) -> crate::compile::Failure {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    crate::compile::Failure(vec![miette::miette!(
        code = "io::write",
        "cannot write to standard output: {error}"
    )])
}

/// A line for the user on stderr (stdout is kept for reports).
pub fn print_note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Writes diagnostics to stderr.
pub fn print_diagnostics(reports: &[miette::Report], style: report::DiagnosticStyle) {
    let _ = std::io::stderr()
        .lock()
        .write_all(report::render_diagnostics(reports, style).as_bytes());
}
