//! The command line, as clap definitions. Touches no files.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use crate::output::Format;
pub use crate::output::report::Color;

/// Which sections of Pakistan's anti-trafficking law apply to a case, who investigates it,
/// which court tries it, and where the laws overlap. Not legal advice.
#[derive(Debug, Parser)]
#[command(name = "tipnav", version, about, long_about = None)]
pub struct Cli {
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
    /// Use the statutes and rules in DIR (DIR/statutes, DIR/rules) instead of the shipped law.
    #[arg(long, global = true, value_name = "DIR")]
    pub law: Option<PathBuf>,
    /// Apply an amendment overlay (a file, or the name of a shipped one) on top of the law;
    /// may be given several times.
    #[arg(long, global = true, value_name = "FILE")]
    pub amend: Vec<String>,
    /// The language of the output: `en`, or `ur` for Urdu (headings, statuses, courts and
    /// agencies, section headings and summaries, questions). Ids and citations stay as the law
    /// has them.
    #[arg(long, global = true, env = "TIPNAV_LANG", default_value = "en", value_name = "CODE", value_parser = crate::i18n::language_code)]
    pub lang: String,
    /// When to colour diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print long output directly instead of through `$PAGER` (`less -FRX` by default), which
    /// is used only when standard output is a terminal.
    #[arg(long, global = true)]
    pub no_pager: bool,
}

/// JSON Lines batch mode, shared by `eval` and `diff`.
#[derive(Debug, Clone, clap::Args)]
pub struct BatchArgs {
    /// Read cases as JSON Lines (one case per line, with an optional "id") from FILE, or from
    /// standard input if FILE is `-` or absent; write one JSON line per input line.
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-")]
    pub batch: Option<PathBuf>,
    /// With --batch: worker threads, 1 to 256 (default: one per core). More threads than
    /// cores only add contention; the bound keeps a typo from starting thousands.
    #[arg(long, value_name = "N", requires = "batch", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate case files: sections, jurisdiction, overlaps and unknowns.
    #[command(
        after_help = "Example:\n  tipnav eval examples/larkana-girl-sold.toml\n  tipnav eval --format json case.toml\n  tipnav eval --format html examples/larkana-girl-sold.toml > handout.html\n  tipnav eval --batch cases.jsonl > results.jsonl\n  zcat cases.jsonl.gz | tipnav eval --batch --summary"
    )]
    Eval {
        /// Case files (TOML, or JSON of the same shape if the name ends in .json).
        #[arg(
            required_unless_present = "batch",
            conflicts_with = "batch",
            value_name = "CASE"
        )]
        cases: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table, conflicts_with = "batch")]
        format: Format,
        /// Batch input and threads.
        #[command(flatten)]
        batch: BatchArgs,
        /// With --batch: only the conclusions per case (sections that apply or may apply,
        /// lead agency, court, overlaps, unknown facts), not the whole report.
        #[arg(long, requires = "batch")]
        summary: bool,
        /// The complete report: every section that may apply, not only the closest few.
        #[arg(long)]
        all: bool,
    },
    /// List instruments and their sections, with validity and verification status.
    #[command(after_help = "Example:\n  tipnav list\n  tipnav list ptpa-2018")]
    List {
        /// Only this instrument (`ptpa-2018`, `ppc`, ...).
        instrument: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show one section: summary, versions, elements, jurisdiction, overlaps and sources.
    #[command(
        after_help = "Example:\n  tipnav show ppc/371-A\n  tipnav show ptpa-2018/3 --date 2017-01-01"
    )]
    Show {
        /// Section id (`ptpa-2018/3`).
        section: String,
        /// Say which version was in force on this date (YYYY-MM-DD), or what was instead.
        #[arg(long, value_name = "DATE", value_parser = crate::facts::parse_day)]
        date: Option<jiff::civil::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Search headings, summaries and elements.
    #[command(after_help = "Example:\n  tipnav search bonded\n  tipnav search passport")]
    Search {
        /// Words to look for (every word must match).
        #[arg(required = true)]
        words: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Explain, element by element, why each section applies or not, who investigates and
    /// which court tries; with --flip, the smallest changes that would flip a section.
    #[command(
        after_help = "Example:\n  tipnav explain examples/larkana-girl-sold.toml ptpa-2018/3\n  tipnav explain examples/gujrat-sea-smuggling.toml --flip ptpa-2018/3\n  tipnav explain --format html examples/larkana-girl-sold.toml > explained.html"
    )]
    Explain {
        /// The case file.
        case: PathBuf,
        /// Sections to explain (default: every section that applies or may apply).
        sections: Vec<String>,
        /// Find the smallest changes to the facts that would flip this section.
        #[arg(long, value_name = "SECTION")]
        flip: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// The complete report: every section that may apply, not only the closest few.
        #[arg(long)]
        all: bool,
    },
    /// Interview an officer, asking only what can change a conclusion, and write the case file.
    #[command(
        after_help = "Example:\n  tipnav ask --out case.toml\n  tipnav ask --resume case.toml\n  printf '2023-03-10\\nsindh\\n...' | tipnav ask --out case.toml"
    )]
    Ask {
        /// Write the case file here (it must not exist yet).
        #[arg(long, value_name = "FILE", required_unless_present = "resume")]
        out: Option<PathBuf>,
        /// Continue the interview saved in FILE (written back to FILE unless --out is given).
        #[arg(long, value_name = "FILE")]
        resume: Option<PathBuf>,
    },
    /// Compare every case under the base law and under the amended law (--amend), or on its
    /// own date and on --as-if-date; report what changes.
    #[command(
        after_help = "Example:\n  tipnav diff --amend one-forum --as-if-date 2026-06-01 examples\n  tipnav diff --as-if-date 2025-06-01 examples   # what the 2025 Acts changed"
    )]
    Diff {
        /// Case files or folders (default: examples).
        #[arg(conflicts_with = "batch")]
        paths: Vec<PathBuf>,
        /// Read every case as if its conduct took place on this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = crate::facts::parse_day)]
        as_if_date: Option<jiff::civil::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table, conflicts_with = "batch")]
        format: Format,
        /// Batch input and threads.
        #[command(flatten)]
        batch: BatchArgs,
    },
    /// Every pair of offences that can apply on the same facts, declared or not, with the
    /// conflicts it carries and a witness case (exact over the fact space the rules test).
    #[command(
        after_help = "Example:\n  tipnav overlaps\n  tipnav overlaps --date 2024-01-01 --witness-dir witnesses\n  tipnav overlaps --format html --instrument ptpa-2018 --declared-only > overlaps.html\n  tipnav overlaps --family forum_conflict --instrument ppc,psma-2018"
    )]
    Overlaps {
        /// Read the law on this date only.
        #[arg(long, value_name = "DATE", value_parser = crate::facts::parse_day)]
        date: Option<jiff::civil::Date>,
        /// Only the overlaps that name a section of this instrument (`ppc`, `ptpa-2018`); may be
        /// given several times or as a comma-separated list.
        #[arg(long, value_name = "ID", value_delimiter = ',')]
        instrument: Vec<String>,
        /// Only the overlaps of this family: declared as this kind, or carrying it as a conflict
        /// (`duplicate_offence`, `forum_conflict`, `agency_conflict`, `penalty_disparity`); may
        /// be given several times or as a comma-separated list.
        #[arg(long, value_name = "KIND", value_delimiter = ',')]
        family: Vec<String>,
        /// Only the overlaps the rules declare.
        #[arg(long)]
        declared_only: bool,
        /// Write each witness as a case file in DIR.
        #[arg(long, value_name = "DIR")]
        witness_dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Patterns of concern (the rules' indicators) that no offence reaches, each with a witness.
    #[command(after_help = "Example:\n  tipnav gaps\n  tipnav gaps --amend my-overlay.rules")]
    Gaps {
        /// Read the law on this date (default: today).
        #[arg(long, value_name = "DATE", value_parser = crate::facts::parse_day)]
        date: Option<jiff::civil::Date>,
        /// Write each witness as a case file in DIR.
        #[arg(long, value_name = "DIR")]
        witness_dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Lay rule files out in the canonical form (comments kept); with --check, only report
    /// the files that would change.
    #[command(
        after_help = "Example:\n  tipnav fmt                      # every .rules file under rules/\n  tipnav fmt --check rules/ my-overlay.rules"
    )]
    Fmt {
        /// Write nothing; list the files that would change and exit 1 if there are any.
        #[arg(long)]
        check: bool,
        /// Rule files or folders (a folder stands for every .rules file under it; default: rules).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of a kind of JSON document tipnav writes; without KIND, list the
    /// kinds.
    #[command(
        after_help = "Example:\n  tipnav schema\n  tipnav schema eval > eval.schema.json\n\nThe same schemas are in the repository's schema/ folder."
    )]
    Schema {
        /// The kind of document.
        kind: Option<crate::contract::Kind>,
    },
    /// Serve the web app (case form, report, law browser, overlap explorer, amendment
    /// workbench) and its JSON API; loopback only unless --listen says otherwise.
    #[command(
        after_help = "Example:\n  tipnav serve --open\n  tipnav serve --listen 127.0.0.1:8080\n  tipnav serve --listen 0.0.0.0:8080   # other machines: needs the printed token"
    )]
    Serve {
        /// The address to listen on (default: 127.0.0.1 on a free port). Any address other than
        /// loopback prints a warning and requires the printed token on every request.
        #[arg(long, value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
        /// Open the app in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Print a shell completion script.
    #[command(after_help = "Example:\n  tipnav completions bash > /etc/bash_completion.d/tipnav")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// List every fact a case file may give (and those derived from them): type, allowed
    /// values, question, and the sections that read it.
    #[command(after_help = "Example:\n  tipnav facts\n  tipnav facts --format markdown > FACTS.md")]
    Facts {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  tipnav man > tipnav.1 && man ./tipnav.1")]
    Man,
    /// Check the law: load the statutes, parse and check the rules.
    #[command(after_help = "Example:\n  tipnav check\n  tipnav check --law ./my-amended-law")]
    Check,
    /// Evaluate case files and compare each with its [expect] block; exit 1 on a mismatch.
    #[command(after_help = "Example:\n  tipnav test examples/*.toml")]
    Test {
        /// Case files with an [expect] block.
        #[arg(required = true, value_name = "CASE")]
        cases: Vec<PathBuf>,
    },
}
