//! tipnav: which sections of Pakistan's anti-trafficking law apply to a case, who investigates
//! it, which court tries it, and where the laws overlap. Not legal advice.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! statutes/*.toml --statute::load--> StatuteBook --+
//! rules/*.rules --syntax::parse--> RuleFile --check::check--> Program
//! case.toml --facts::load(Program)--> Case
//! Program + Case --eval::evaluate--> Outcome --resolve::resolve--> Resolution
//! Outcome + Resolution --output--> table | json | markdown | html
//! ```
//!
//! Above the stages, `pipeline` is the layer the command line (`cli`, `command`), the batch
//! runner and the web server (`serve`) share: loading the law (`pipeline::law`), running a case,
//! the findings about the whole law (`pipeline::findings`). `contract` catalogues every JSON
//! document. Imports only point down: no file imports one that imports it back
//! (`tests/structure.rs` checks).

pub mod analysis;
pub mod batch;
pub mod check;
pub mod cli;
pub mod command;
pub mod compile;
pub mod contract;
pub mod diagnostic;
pub mod diff;
pub mod domain;
pub mod eval;
pub mod expectation;
pub mod explain;
pub mod facts;
pub mod failure;
pub mod i18n;
mod ids;
pub mod interview;
pub mod law;
pub mod model;
pub mod navigate;
pub mod output;
pub mod overlay;
pub mod pipeline;
pub mod resolve;
pub mod serve;
pub mod source;
pub mod statute;
pub mod syntax;
pub mod witness;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser as _;

/// Runs the command line and returns the exit code: 0 success, 1 a check or test found a
/// failure, 2 bad input (with a diagnostic on stderr).
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let json = matches!(
        &cli.command,
        cli::Command::Eval {
            format: cli::Format::Json,
            ..
        }
    );
    let outcome = i18n::activate(&cli.lang).and_then(|()| command::run(&cli));
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            let style = output::report::DiagnosticStyle::for_run(cli.color, json);
            output::print_diagnostics(&failure.0, style);
            ExitCode::from(2)
        }
    }
}
