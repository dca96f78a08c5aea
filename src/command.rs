//! One function per subcommand, each wiring the pipeline stages together in order:
//! law files -> statutes -> rules -> checked program; case file -> facts -> outcome ->
//! resolution -> output. The only module that knows the order of the stages.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{BatchArgs, Cli, Command, Format};
use crate::compile::attach;
pub use crate::compile::{Failure, build_program};
use crate::expectation::mismatches;
use crate::facts::{self, Case};
use crate::i18n::trf;
use crate::model::Program;
use crate::output::{self, Evaluated};
use crate::pipeline::findings::{overlap_filter, overlap_report};
use crate::pipeline::law::{load_law, load_law_in_english, section_id, unknown_id};
use crate::pipeline::{Session, findings, run_case, today};
use crate::source::SourceFile;
use crate::{navigate, syntax};

/// Runs a parsed command line; output goes through `output`.
pub fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    if cli.no_pager {
        output::pager::disable();
    }
    if let Some((report, format)) = report_format(&cli.command) {
        report.check(format)?;
    }
    match &cli.command {
        Command::Check => check_law(cli),
        Command::Eval {
            cases,
            format,
            batch,
            summary,
            all,
        } => match &batch.batch {
            Some(input) => eval_batch(cli, input, batch.threads, *summary),
            None => eval_cases(cli, cases, *format, *all),
        },
        Command::Test { cases } => test_cases(cli, cases),
        Command::List { instrument, format } => list(cli, instrument.as_deref(), *format),
        Command::Completions { shell } => completions(*shell),
        Command::Schema { kind } => {
            let text = kind.map_or_else(crate::contract::kinds, crate::contract::schema);
            output::print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Fmt { check, paths } => fmt(paths, *check),
        Command::Facts { format } => facts(cli, *format),
        Command::Man => man(),
        Command::Overlaps {
            date,
            instrument,
            family,
            declared_only,
            witness_dir,
            format,
        } => {
            let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
            let filter = overlap_filter(&program, instrument, family, *declared_only)?;
            let witness_dir = witness_dir.as_deref();
            overlaps(cli, &program, *date, &filter, witness_dir, *format)
        }
        Command::Gaps {
            date,
            witness_dir,
            format,
        } => gaps(cli, *date, witness_dir.as_deref(), *format),
        Command::Diff {
            paths,
            as_if_date,
            format,
            batch,
        } => diff(cli, paths, *as_if_date, *format, batch),
        Command::Ask { out, resume } => ask(cli, out.as_deref(), resume.as_deref()),
        Command::Explain {
            case,
            sections,
            flip,
            format,
            all,
        } => explain(cli, case, sections, flip.as_deref(), *format, *all),
        Command::Show {
            section,
            date,
            format,
        } => show(cli, section, *date, *format),
        Command::Search { words, format } => search(cli, &words.join(" "), *format),
        Command::Serve { listen, open } => serve(cli, *listen, *open),
    }
}

/// `tipnav completions`: the shell's completion script.
fn completions(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "tipnav", &mut script);
    output::print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

/// `tipnav man`: the manual page.
fn man() -> Result<ExitCode, Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
        .render(&mut page)
        .map_err(|error| {
            Failure(vec![miette::miette!(
                "cannot render the manual page: {error}"
            )])
        })?;
    output::print(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::SUCCESS)
}

/// `tipnav serve`: the web app, until stopped.
fn serve(cli: &Cli, listen: Option<std::net::SocketAddr>, open: bool) -> Result<ExitCode, Failure> {
    // The server translates the law into each language itself.
    let (files, program) = load_law_in_english(cli.law.as_deref(), &cli.amend)?;
    let options = crate::serve::Options { listen, open };
    crate::serve::serve(files, program, &options)
}

/// The report a command prints and the format asked for, to refuse a format the report does
/// not have before any work.
fn report_format(command: &Command) -> Option<(output::Report, Format)> {
    use output::Report;
    Some(match command {
        Command::Eval { format, .. } => (Report::Eval, *format),
        Command::Explain { format, .. } => (Report::Explain, *format),
        Command::Overlaps { format, .. } => (Report::Overlaps, *format),
        Command::Gaps { format, .. } => (Report::Gaps, *format),
        Command::Diff { format, .. } => (Report::Diff, *format),
        Command::List { format, .. } => (Report::List, *format),
        Command::Show { format, .. } => (Report::Show, *format),
        Command::Search { format, .. } => (Report::Search, *format),
        Command::Facts { format } => (Report::Facts, *format),
        Command::Check
        | Command::Test { .. }
        | Command::Completions { .. }
        | Command::Schema { .. }
        | Command::Fmt { .. }
        | Command::Man
        | Command::Ask { .. }
        | Command::Serve { .. } => return None,
    })
}

fn explain(
    cli: &Cli,
    path: &Path,
    sections: &[String],
    flip: Option<&str>,
    format: Format,
    all: bool,
) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    let offences = || program.offences.iter().map(|o| o.section.as_str());
    let offence_id = |text: &str| {
        let id = section_id(&program, "offence", text, offences())?;
        Ok::<_, Failure>(
            program
                .offence_id(&id)
                .expect("the resolver returns one of the offences"),
        )
    };
    let sections: Vec<String> = sections
        .iter()
        .map(|text| section_id(&program, "offence", text, offences()))
        .collect::<Result<_, _>>()?;
    let sections = sections.as_slice();
    let flip = flip.map(offence_id).transpose()?;
    let cases = load_cases(&program, &[path.to_path_buf()])?;
    let (file, case) = &cases[0];
    let domain = crate::domain::domain(&program);
    let session = Session::new(&program, &domain, today());
    let evaluated = session.evaluate(file, case);
    let explanation = session.explain(&evaluated, sections, flip, all);
    output::print(&output::render_explain(
        &program,
        &evaluated,
        &explanation,
        format,
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The interview. The case file is written atomically after every answer, by editing the
/// document (a resumed file keeps its comments, layout and `[expect]` block); nothing is
/// written before the first answer, so an interview that stops at once leaves no file. An
/// interview that stops before its end exits 1.
fn ask(cli: &Cli, out: Option<&Path>, resume: Option<&Path>) -> Result<ExitCode, Failure> {
    use output::prompt::{Answer, NoAnswer};
    use std::io::IsTerminal as _;
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    let out = out.or(resume).expect("clap requires --out or --resume");
    crate::source::remove_stale_temporaries(out);
    let (original, mut case) = match resume {
        Some(path) => {
            let (file, case) = load_cases(&program, &[path.to_path_buf()])?.remove(0);
            (file.text.to_string(), case)
        }
        None => (String::new(), facts::Case::unknown(&program)),
    };
    if resume != Some(out) && out.exists() {
        return Err(Failure(vec![miette::miette!(
            code = "ask::exists",
            help = "choose another --out, or continue it with --resume",
            "`{}` already exists; tipnav ask does not overwrite a case file",
            out.display()
        )]));
    }
    let domain = crate::domain::domain(&program);
    let today = today();
    let terminal = std::io::stdin().is_terminal();
    let mut stdin = std::io::stdin().lock();
    let mut answered = Vec::new();
    let save = |case: &Case, answered: &[crate::model::FactId]| {
        let text = crate::interview::update_case_file(&program, &original, case, answered)
            .map_err(|message| {
                Failure(vec![miette::miette!(
                    code = "ask::case_file",
                    "cannot update `{}`: {message}",
                    out.display()
                )])
            })?;
        crate::source::write_atomically(out, &text).map_err(|error| Failure::write(out, &error))
    };
    while let Some(fact) = crate::interview::next_question(&program, &domain, &case, today) {
        let answer = if terminal {
            output::prompt::ask_terminal(&program.facts[fact])
        } else {
            output::prompt::ask_line(&program.facts[fact], &mut stdin)
        };
        match answer {
            Ok(Answer::Given(value)) => {
                case.values[fact] = Some(value);
                // Read the answers as a case file saying the same would be read.
                crate::facts::close_attempts(&program, &mut case.values);
                answered.push(fact);
            }
            Ok(Answer::DontKnow) => case.dont_know.push(fact),
            Err(NoAnswer::Stopped) => return Ok(stopped(out, resume.is_some() || out.exists())),
            Err(NoAnswer::Invalid(message)) => {
                return Err(Failure(vec![miette::miette!(
                    code = "ask::invalid_answer",
                    help = "the answers before it are saved; continue with --resume",
                    "invalid answer for `{}`: {message}",
                    program.facts[fact].name
                )]));
            }
        }
        save(&case, &answered)?;
    }
    if !out.exists() {
        // Nothing was left to ask: the case file is written once, complete.
        save(&case, &answered)?;
    }
    let file = SourceFile::read(out).map_err(|error| Failure::io(out, &error))?;
    let case = facts::load(&file.text, facts::Format::Toml, &program)
        .map_err(|errors| Failure(errors.into_iter().map(|e| attach(e, &file)).collect()))?;
    let mut evaluated = run_case(&program, &file, &case, today);
    evaluated.rank_decisive(&program, &domain, today);
    output::print(&output::render(
        &program,
        &[evaluated],
        Format::Table,
        false,
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// An interview stopped before its end (the end of the input, Escape, Ctrl-C): exit 1, and say
/// where the answers are, if any were saved.
fn stopped(out: &Path, saved: bool) -> ExitCode {
    output::print_note(&if saved {
        format!(
            "interview stopped before its end; the answers so far are saved in {0}; continue with: tipnav ask --resume {0}",
            out.display()
        )
    } else {
        "interview stopped before any answer; nothing was saved".to_owned()
    });
    ExitCode::from(1)
}

fn diff(
    cli: &Cli,
    paths: &[std::path::PathBuf],
    as_if: Option<jiff::civil::Date>,
    format: Format,
    batch: &BatchArgs,
) -> Result<ExitCode, Failure> {
    if cli.amend.is_empty() && as_if.is_none() {
        return Err(Failure(vec![miette::miette!(
            code = "usage::diff",
            help = "give --amend FILE (an overlay) and/or --as-if-date DATE",
            "nothing to compare"
        )]));
    }
    let (_, base) = load_law(cli.law.as_deref(), &[])?;
    // Without an overlay the two laws are the same: read it once.
    let amended = if cli.amend.is_empty() {
        base.clone()
    } else {
        load_law(cli.law.as_deref(), &cli.amend)?.1
    };
    let by_law = !cli.amend.is_empty();
    if let Some(input) = &batch.batch {
        let job = crate::batch::Job::Diff {
            base: &base,
            amended: &amended,
            as_if,
            by_law,
        };
        return run_batch(&job, input, batch.threads);
    }
    let default = [std::path::PathBuf::from("examples")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let before_cases = load_cases(&base, paths)?;
    let after_cases = load_cases(&amended, paths)?;
    let comparison = crate::pipeline::Comparison {
        base: &base,
        amended: &amended,
        as_if,
        by_law,
        today: today(),
    };
    let report = comparison.report(
        before_cases
            .iter()
            .zip(&after_cases)
            .map(|((file, before), (_, after))| (file.name.as_str(), before, after)),
    );
    let cite = |id: &str| comparison.citation(id);
    output::print(&output::render_diff(&report, format, &cite)?)?;
    Ok(ExitCode::SUCCESS)
}

/// The overlap filter the flags ask for; an instrument or family the law does not know is a
/// usage error naming the nearest one.
fn overlaps(
    cli: &Cli,
    program: &Program,
    date: Option<jiff::civil::Date>,
    filter: &crate::analysis::OverlapFilter,
    dir: Option<&Path>,
    format: Format,
) -> Result<ExitCode, Failure> {
    if let Some(dir) = dir {
        crate::witness::prepare(dir)?;
    }
    let base = base_law(cli)?;
    let today = today();
    let report = overlap_report(program, base.as_ref(), date, filter, dir, today)?;
    output::print(&output::render_overlaps(program, &report, format))?;
    Ok(ExitCode::SUCCESS)
}

fn gaps(
    cli: &Cli,
    date: Option<jiff::civil::Date>,
    dir: Option<&Path>,
    format: Format,
) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    if let Some(dir) = dir {
        crate::witness::prepare(dir)?;
    }
    let base = base_law(cli)?;
    let report = findings::gap_report(&program, base.as_ref(), date, dir, today())?;
    output::print(&output::render_gaps(&report, format)?)?;
    Ok(ExitCode::SUCCESS)
}

/// With `--amend`: the law without the overlays, to compare findings with.
fn base_law(cli: &Cli) -> Result<Option<Program>, Failure> {
    if cli.amend.is_empty() {
        return Ok(None);
    }
    Ok(Some(load_law(cli.law.as_deref(), &[])?.1))
}

fn facts(cli: &Cli, format: Format) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    let view = navigate::facts(&program);
    output::print(&output::render_facts(&view, format)?)?;
    Ok(ExitCode::SUCCESS)
}

fn list(cli: &Cli, instrument: Option<&str>, format: Format) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    if let Some(id) = instrument.filter(|id| !program.book.instruments.contains(id)) {
        return Err(unknown_id("instrument", id, program.book.instruments.ids()));
    }
    let views = navigate::list(&program, instrument);
    output::print(&output::render_list(&views, format)?)?;
    Ok(ExitCode::SUCCESS)
}

fn show(
    cli: &Cli,
    id: &str,
    date: Option<jiff::civil::Date>,
    format: Format,
) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    let id = section_id(
        &program,
        "section",
        id,
        program.book.sections.keys().map(String::as_str),
    )?;
    let section = &program.book.sections[&id];
    let view = navigate::show(&program, section, date);
    output::print(&output::render_show(&view, format)?)?;
    Ok(ExitCode::SUCCESS)
}

fn search(cli: &Cli, query: &str, format: Format) -> Result<ExitCode, Failure> {
    if query.trim().is_empty() {
        return Err(Failure(vec![miette::miette!(
            code = "usage::search",
            help = "for example: tipnav search bonded labour",
            "nothing to search for: give at least one word"
        )]));
    }
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    let hits = navigate::search(&program, query);
    output::print(&output::render_search(query, &hits, format)?)?;
    Ok(ExitCode::SUCCESS)
}

fn check_law(cli: &Cli) -> Result<ExitCode, Failure> {
    let (files, program) = load_law_in_english(cli.law.as_deref(), &cli.amend)?;
    // The translations are data beside the law: a missing or stale one is an error in the
    // shipped law, as a missing citation is.
    let shipped = cli.law.is_none() && cli.amend.is_empty();
    crate::i18n::check::check(&program, shipped)?;
    output::print(&output::check_summary(&files, &program))?;
    // Undeclared overlaps are worth knowing, not a failure: a warning on stderr.
    let today = today();
    let overlaps = crate::analysis::overlaps(
        &mut crate::analysis::Encoding::new(&program),
        Some(today),
        today,
    );
    let undeclared: Vec<String> = overlaps
        .iter()
        .filter(|o| o.declared.is_none())
        .map(|o| o.sections.join(" + "))
        .collect();
    if !undeclared.is_empty() {
        let shown: Vec<&str> = undeclared.iter().take(5).map(String::as_str).collect();
        output::print_note(&trf(
            "warning: {count} pairs of offences in force today can apply on the same facts without a declared overlap (e.g. {pairs}); see `tipnav overlaps`",
            &[
                ("count", &undeclared.len().to_string()),
                ("pairs", &shown.join(", ")),
            ],
        ));
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_cases(
    cli: &Cli,
    paths: &[std::path::PathBuf],
    format: Format,
    all: bool,
) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    let cases = load_cases(&program, paths)?;
    let today = today();
    let domain = crate::domain::domain(&program);
    let evaluated: Vec<Evaluated<'_>> = cases
        .iter()
        .map(|(file, case)| {
            let mut evaluated = run_case(&program, file, case, today);
            evaluated.rank_decisive(&program, &domain, today);
            if output::shows_flips(format) {
                evaluated.search_flips(&program, &domain, today, all);
            }
            evaluated
        })
        .collect();
    output::print(&output::render(&program, &evaluated, format, all))?;
    Ok(ExitCode::SUCCESS)
}

fn eval_batch(
    cli: &Cli,
    input: &Path,
    threads: Option<u16>,
    summary: bool,
) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    let detail = if summary {
        crate::batch::Detail::Summary
    } else {
        crate::batch::Detail::Full
    };
    let job = crate::batch::Job::Eval {
        program: &program,
        detail,
    };
    run_batch(&job, input, threads)
}

/// The worker threads for a batch run. A thread that cannot be started is a diagnostic that
/// says what was asked for, not the operating system's bare message.
fn thread_pool(threads: Option<u16>) -> Result<rayon::ThreadPool, Failure> {
    let count = threads.map_or(0, usize::from);
    rayon::ThreadPoolBuilder::new()
        .num_threads(count)
        .build()
        .map_err(|error| {
            let asked = if count == 0 {
                "one per core".to_owned()
            } else {
                count.to_string()
            };
            Failure(vec![miette::miette!(
                code = "batch::threads",
                help = "give fewer --threads; one per core is the default and usually the fastest",
                "cannot start the worker threads ({asked}): {error}"
            )])
        })
}

/// Streams a JSON Lines input (a file, or standard input for `-`) through a batch job to
/// standard output; exit 2 at the end if any line was bad.
fn run_batch(
    job: &crate::batch::Job<'_>,
    input: &Path,
    threads: Option<u16>,
) -> Result<ExitCode, Failure> {
    let pool = thread_pool(threads)?;
    let today = today();
    let stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let stats = if input == Path::new("-") {
        let stdin = std::io::stdin().lock();
        crate::batch::run(job, &pool, "<stdin>", stdin, stdout, today)
    } else {
        let file = fs::File::open(input).map_err(|error| Failure::io(input, &error))?;
        let reader = std::io::BufReader::with_capacity(1 << 16, file);
        let name = input.display().to_string();
        crate::batch::run(job, &pool, &name, reader, stdout, today)
    }
    .map_err(|error| match error {
        crate::batch::BatchError::Read(error) => Failure::io(input, &error),
        crate::batch::BatchError::Write(error) => output::stdout_failure(&error),
    })?;
    if let Some(line) = stats.stopped_at {
        return Err(Failure(vec![miette::miette!(
            code = "batch::endless_line",
            help = "JSON Lines input holds one case a line; is this a JSON Lines file?",
            "stopped reading `{}` at line {line}: the line does not end",
            input.display()
        )]));
    }
    if stats.bad.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let shown: Vec<String> = stats.bad.iter().take(10).map(usize::to_string).collect();
    let more = if stats.bad.len() > shown.len() {
        ", ..."
    } else {
        ""
    };
    Err(Failure(vec![miette::miette!(
        code = "batch::bad_lines",
        help = "each bad line has an output line with `errors` instead of a report",
        "{} of {} lines were bad (line{} {}{more})",
        stats.bad.len(),
        stats.lines,
        if stats.bad.len() == 1 { "" } else { "s" },
        shown.join(", ")
    )]))
}

/// An undated case is tested against today's law, so its expectation may stop holding when
/// the law changes: a warning (not a failure) names each one.
fn warn_undated(program: &Program, cases: &[(SourceFile, Case)]) {
    for (file, case) in cases {
        if case.values[program.case_date].is_none() {
            output::print_note(&trf(
                "warning: `{file}` gives no `case.date`: it is tested against today's law, and earlier conduct may attract an earlier law",
                &[("file", &file.name)],
            ));
        }
    }
}

fn test_cases(cli: &Cli, paths: &[std::path::PathBuf]) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref(), &cli.amend)?;
    // A test run that finds nothing to test has failed (exit 1), not passed with "0 passed".
    for dir in paths.iter().filter(|path| path.is_dir()) {
        if walk(dir, &["toml", "json"])?.is_empty() {
            output::print_note(&trf(
                "error: no case file (`.toml` or `.json`) found in `{dir}`: nothing was tested",
                &[("dir", &dir.display().to_string())],
            ));
            return Ok(ExitCode::from(1));
        }
    }
    let cases = load_cases(&program, paths)?;
    let missing: Vec<miette::Report> = cases
        .iter()
        .filter(|(_, case)| case.expect.is_none())
        .map(|(file, _)| {
            miette::miette!(
                code = "test::no_expect",
                help = "add an [expect] block (see the README)",
                "`{}` has no [expect] block",
                file.name
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(Failure(missing));
    }
    warn_undated(&program, &cases);
    let today = today();
    let results: Vec<(String, Vec<String>)> = cases
        .iter()
        .map(|(file, case)| {
            let evaluated = run_case(&program, file, case, today);
            let expect = case.expect.as_ref().expect("checked above");
            (
                file.name.clone(),
                mismatches(&program, expect, &evaluated.outcome, &evaluated.resolution),
            )
        })
        .collect();
    let failed = results.iter().any(|(_, problems)| !problems.is_empty());
    output::print(&output::test_report(&results))?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Lays out rule files canonically. Each file stands alone: one that does not parse gets a
/// diagnostic and is left as it is, the others are still formatted (or, with `check`,
/// compared).
fn fmt(paths: &[PathBuf], check: bool) -> Result<ExitCode, Failure> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        paths.to_vec()
    };
    let mut failure = Failure::default();
    let mut changed = 0;
    for path in expand_with(&paths, &["rules"])? {
        crate::source::remove_stale_temporaries(&path);
        let file = match SourceFile::read(&path) {
            Ok(file) => file,
            Err(error) => {
                failure.0.extend(Failure::io(&path, &error).0);
                continue;
            }
        };
        let formatted = match syntax::fmt::format(&file.text) {
            Ok(formatted) if formatted == *file.text => continue,
            Ok(formatted) => formatted,
            Err(error) => {
                failure.0.push(attach(error, &file));
                continue;
            }
        };
        changed += 1;
        if check {
            output::print(&output::layout::difference(
                &file.name, &file.text, &formatted,
            ))?;
        } else if let Err(error) = crate::source::write_atomically(&path, &formatted) {
            failure.0.push(miette::miette!(
                code = "io",
                "cannot write `{}`: {error}",
                path.display()
            ));
        } else {
            output::print(&format!("formatted {}\n", file.name))?;
        }
    }
    if !failure.0.is_empty() {
        return Err(failure);
    }
    Ok(if check && changed > 0 {
        output::print_note(&format!(
            "{changed} {} not in canonical layout; run `tipnav fmt` to rewrite",
            if changed == 1 { "file is" } else { "files are" }
        ));
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Case files named on the command line; a folder stands for every `.toml` and `.json` file
/// under it, in name order.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    expand_with(paths, &["toml", "json"])
}

/// Files named on the command line; a folder stands for every file under it with one of
/// these extensions, in name order. Symbolic links are followed, but a link that leads back
/// into a folder being read is skipped with a warning (it would otherwise never end), and a
/// file reached twice is read once. A folder holding no such file is an error: silence would
/// look like success.
fn expand_with(paths: &[PathBuf], extensions: &[&str]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let before = files.len();
        for file in walk(path, extensions)? {
            if seen.insert(fs::canonicalize(&file).unwrap_or_else(|_| file.clone())) {
                files.push(file);
            }
        }
        if files.len() == before {
            return Err(Failure(vec![miette::miette!(
                code = "io::no_files",
                "no {} file found in `{}`",
                extensions
                    .iter()
                    .map(|e| format!("`.{e}`"))
                    .collect::<Vec<_>>()
                    .join(" or "),
                path.display()
            )]));
        }
    }
    Ok(files)
}

/// The files under `dir` with one of `extensions`, in name order (walkdir detects link loops).
fn walk(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) if error.loop_ancestor().is_some() => {
                let link = error.path().unwrap_or(dir);
                output::print_note(&format!(
                    "warning: skipped `{}`: the link leads back into a folder already being read",
                    link.display()
                ));
                continue;
            }
            Err(error) => {
                let at = error.path().unwrap_or(dir).to_path_buf();
                let error = std::io::Error::from(error);
                return Err(Failure::io(&at, &error));
            }
        };
        let wanted = entry
            .path()
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x));
        if entry.file_type().is_file() && wanted {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// A JSON Lines file named as a case file: it holds many cases, one a line, which only
/// `--batch` reads.
fn json_lines(path: &Path) -> Option<miette::Report> {
    let lines = path
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "ndjson");
    lines.then(|| {
        miette::miette!(
            code = "usage::json_lines",
            help = format!("read it with: tipnav eval --batch {}", path.display()),
            "`{}` is JSON Lines (one case a line), not a case file",
            path.display()
        )
    })
}

/// Reads every case file; any problem in any of them stops the command before output.
fn load_cases(
    program: &Program,
    paths: &[std::path::PathBuf],
) -> Result<Vec<(SourceFile, Case)>, Failure> {
    let mut failure = Failure::default();
    let mut cases = Vec::new();
    for path in expand(paths)? {
        let path = &path;
        if let Some(lines) = json_lines(path) {
            failure.0.push(lines);
            continue;
        }
        let file = match SourceFile::read(path) {
            Ok(file) => file,
            Err(error) => {
                failure.0.extend(Failure::io(path, &error).0);
                continue;
            }
        };
        match facts::load(&file.text, facts::Format::from_path(&file.name), program) {
            Ok(case) => cases.push((file, case)),
            Err(errors) => failure
                .0
                .extend(errors.into_iter().map(|error| attach(error, &file))),
        }
    }
    if failure.0.is_empty() {
        Ok(cases)
    } else {
        Err(failure)
    }
}
