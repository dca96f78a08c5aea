//! One function per subcommand, each wiring the pipeline stages together in order:
//! law files -> statutes -> rules -> checked program; case file -> facts -> outcome ->
//! resolution -> output. The only module that knows the order of the stages.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use miette::Diagnostic;

use crate::cli::{Cli, Command, Format};
use crate::eval::{Outcome, evaluate};
use crate::expectation::mismatches;
use crate::facts::{self, Case};
use crate::law::{self, LawFiles};
use crate::model::Program;
use crate::output::{self, Evaluated};
use crate::resolve::{Resolution, resolve};
use crate::source::SourceFile;
use crate::{check, explain, navigate, statute, syntax};

/// Diagnostics that stop a command (exit code 2).
#[derive(Debug, Default)]
pub struct Failure(pub Vec<miette::Report>);

impl Failure {
    /// Diagnostics for errors found in some of `files`.
    fn from_errors<E: Diagnostic + Send + Sync + 'static>(
        errors: Vec<(usize, E)>,
        files: &[SourceFile],
    ) -> Self {
        Failure(
            errors
                .into_iter()
                .map(|(file, error)| attach(error, &files[file]))
                .collect(),
        )
    }

    fn io(path: &Path, error: &std::io::Error) -> Self {
        Failure(vec![miette::miette!(
            code = "io",
            "cannot read `{}`: {error}",
            path.display()
        )])
    }
}

fn attach<E: Diagnostic + Send + Sync + 'static>(error: E, file: &SourceFile) -> miette::Report {
    miette::Report::new(error).with_source_code(file.named_source())
}

/// Runs a parsed command line; output goes through `output`.
pub fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    match &cli.command {
        Command::Check => check_law(cli),
        Command::Eval { cases, format } => eval_cases(cli, cases, *format),
        Command::Test { cases } => test_cases(cli, cases),
        Command::List { instrument, format } => list(cli, instrument.as_deref(), *format),
        Command::Ask { out, resume } => ask(cli, out.as_deref(), resume.as_deref()),
        Command::Explain {
            case,
            sections,
            flip,
            format,
        } => explain(cli, case, sections, flip.as_deref(), *format),
        Command::Show {
            section,
            date,
            format,
        } => show(cli, section, *date, *format),
        Command::Search { words, format } => search(cli, &words.join(" "), *format),
    }
}

fn explain(
    cli: &Cli,
    path: &Path,
    sections: &[String],
    flip: Option<&str>,
    format: Format,
) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref())?;
    let offence_index = |id: &str| {
        program
            .offences
            .iter()
            .position(|o| o.section == id)
            .ok_or_else(|| unknown_id("offence", id, program.offences.iter().map(|o| &o.section)))
    };
    for section in sections {
        offence_index(section)?;
    }
    let flip = flip.map(offence_index).transpose()?;
    let cases = load_cases(&program, &[path.to_path_buf()])?;
    let (file, case) = &cases[0];
    let evaluated = run_case(&program, file, case);
    let today = jiff::ZonedDateTime::now().date();
    let domain = crate::domain::domain(&program);
    let deciding = evaluated
        .outcome
        .sections
        .iter()
        .filter(|s| sections.is_empty() || sections.contains(&s.section))
        .map(|s| {
            (
                s.offence,
                explain::deciding_facts(
                    &program,
                    &domain,
                    case,
                    &evaluated.outcome,
                    s.offence,
                    today,
                ),
            )
        })
        .collect();
    let flips = flip.map(|index| {
        (
            index,
            explain::flips(&program, &domain, case, &evaluated.outcome, index, today),
        )
    });
    let input = output::explain::ExplainInput {
        evaluated: &evaluated,
        sections,
        deciding,
        flips,
    };
    let explanation = output::explain::explanation(&program, &input);
    output::print(&output::render_view(&explanation, format, |e, style| {
        output::explain::render(e, style == output::table::Style::Markdown)
    }));
    Ok(ExitCode::SUCCESS)
}

fn ask(cli: &Cli, out: Option<&Path>, resume: Option<&Path>) -> Result<ExitCode, Failure> {
    use output::prompt::{Answer, NoAnswer};
    use std::io::IsTerminal as _;
    let (_, program) = load_law(cli.law.as_deref())?;
    let mut case = match resume {
        Some(path) => load_cases(&program, &[path.to_path_buf()])?.remove(0).1,
        None => facts::load("", facts::Format::Toml, &program).map_err(|_| Failure::default())?,
    };
    let out = out.or(resume).expect("clap requires --out or --resume");
    if resume != Some(out) && out.exists() {
        return Err(Failure(vec![miette::miette!(
            code = "ask::exists",
            help = "choose another --out, or continue it with --resume",
            "`{}` already exists; tipnav ask does not overwrite a case file",
            out.display()
        )]));
    }
    let domain = crate::domain::domain(&program);
    let today = jiff::ZonedDateTime::now().date();
    let terminal = std::io::stdin().is_terminal();
    let mut stdin = std::io::stdin().lock();
    let save = |case: &Case| {
        crate::interview::write_atomically(out, &crate::interview::case_file(&program, case))
            .map_err(|error| Failure::io(out, &error))
    };
    save(&case)?;
    while let Some(fact) = crate::interview::next_question(&program, &domain, &case, today) {
        let answer = if terminal {
            output::prompt::ask_terminal(&program.facts[fact])
        } else {
            output::prompt::ask_line(&program.facts[fact], &mut stdin)
        };
        match answer {
            Ok(Answer::Given(value)) => case.values[fact] = Some(value),
            Ok(Answer::DontKnow) => case.dont_know.push(fact),
            Err(NoAnswer::Stopped) => {
                output::print_note(&format!(
                    "interview stopped; the answers so far are saved in {0}; continue with: tipnav ask --resume {0}",
                    out.display()
                ));
                return Ok(ExitCode::SUCCESS);
            }
            Err(NoAnswer::Invalid(message)) => {
                return Err(Failure(vec![miette::miette!(
                    code = "ask::invalid_answer",
                    help = "answers so far are saved; fix the answer and continue with --resume",
                    "invalid answer for `{}`: {message}",
                    program.facts[fact].name
                )]));
            }
        }
        save(&case)?;
    }
    let text = fs::read_to_string(out).map_err(|error| Failure::io(out, &error))?;
    let file = SourceFile::new(out.display().to_string(), text);
    let case = facts::load(&file.text, facts::Format::Toml, &program)
        .map_err(|errors| Failure(errors.into_iter().map(|e| attach(e, &file)).collect()))?;
    let evaluated = run_case(&program, &file, &case);
    output::print(&output::render(&program, &[evaluated], Format::Table));
    Ok(ExitCode::SUCCESS)
}

fn list(cli: &Cli, instrument: Option<&str>, format: Format) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref())?;
    if let Some(id) = instrument.filter(|id| !program.book.instruments.contains_key(*id)) {
        return Err(unknown_id(
            "instrument",
            id,
            program.book.instruments.keys(),
        ));
    }
    let views = navigate::list(&program, instrument);
    output::print(&output::render_view(&views, format, |v, style| {
        output::navigator::list(v, style)
    }));
    Ok(ExitCode::SUCCESS)
}

fn show(
    cli: &Cli,
    id: &str,
    date: Option<jiff::civil::Date>,
    format: Format,
) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref())?;
    let Some(section) = program.book.sections.get(id) else {
        return Err(unknown_id("section", id, program.book.sections.keys()));
    };
    let view = navigate::show(&program, section, date);
    output::print(&output::render_view(&view, format, |v, style| {
        output::navigator::show(v, style)
    }));
    Ok(ExitCode::SUCCESS)
}

fn search(cli: &Cli, query: &str, format: Format) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref())?;
    let hits = navigate::search(&program, query);
    output::print(&output::render_view(&hits, format, |h, style| {
        output::navigator::search(query, h, style)
    }));
    Ok(ExitCode::SUCCESS)
}

/// An id the law does not know, with a suggestion.
fn unknown_id<'a>(
    what: &str,
    id: &str,
    known: impl Iterator<Item = &'a String> + Clone,
) -> Failure {
    let help = crate::diagnostic::suggestion_help(id, known.map(String::as_str));
    Failure(vec![miette::miette!(
        code = "usage::unknown_id",
        help = help,
        "unknown {what} `{id}`"
    )])
}

fn check_law(cli: &Cli) -> Result<ExitCode, Failure> {
    let (files, program) = load_law(cli.law.as_deref())?;
    output::print(&output::check_summary(&files, &program));
    Ok(ExitCode::SUCCESS)
}

fn eval_cases(
    cli: &Cli,
    paths: &[std::path::PathBuf],
    format: Format,
) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref())?;
    let cases = load_cases(&program, paths)?;
    let evaluated: Vec<Evaluated<'_>> = cases
        .iter()
        .map(|(file, case)| run_case(&program, file, case))
        .collect();
    output::print(&output::render(&program, &evaluated, format));
    Ok(ExitCode::SUCCESS)
}

fn test_cases(cli: &Cli, paths: &[std::path::PathBuf]) -> Result<ExitCode, Failure> {
    let (_, program) = load_law(cli.law.as_deref())?;
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
    let results: Vec<(String, Vec<String>)> = cases
        .iter()
        .map(|(file, case)| {
            let evaluated = run_case(&program, file, case);
            let expect = case.expect.as_ref().expect("checked above");
            (
                file.name.clone(),
                mismatches(&program, expect, &evaluated.outcome, &evaluated.resolution),
            )
        })
        .collect();
    let failed = results.iter().any(|(_, problems)| !problems.is_empty());
    output::print(&output::test_report(&results));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_case<'a>(program: &Program, file: &'a SourceFile, case: &'a Case) -> Evaluated<'a> {
    let outcome: Outcome = evaluate(program, case, jiff::ZonedDateTime::now().date());
    let resolution: Resolution = resolve(program, &outcome);
    let alternative = outcome
        .alternative
        .as_deref()
        .map(|later| resolve(program, later));
    Evaluated {
        file,
        case,
        outcome,
        resolution,
        alternative,
    }
}

/// Reads and checks the law. Every problem in every file is reported, not just the first.
pub fn load_law(dir: Option<&Path>) -> Result<(LawFiles, Program), Failure> {
    let files = match dir {
        Some(dir) => law::from_dir(dir).map_err(|error| Failure::io(dir, &error))?,
        None => law::embedded(),
    };
    let program = build_program(&files)?;
    Ok((files, program))
}

/// Statutes, then rules, then the checker.
pub fn build_program(files: &LawFiles) -> Result<Program, Failure> {
    let book = statute::load(&files.statutes);
    let mut parsed = Vec::new();
    let mut syntax_errors = Vec::new();
    for (index, file) in files.rules.iter().enumerate() {
        match syntax::parse(&file.text) {
            Ok(rules) => parsed.push((index, rules)),
            Err(error) => syntax_errors.push((index, error)),
        }
    }
    let mut failure = Failure::from_errors(syntax_errors, &files.rules);
    let book = match book {
        Ok(book) => book,
        Err(errors) => {
            failure
                .0
                .splice(0..0, Failure::from_errors(errors, &files.statutes).0);
            return Err(failure);
        }
    };
    if !failure.0.is_empty() {
        return Err(failure);
    }
    let rule_files: Vec<(usize, &syntax::ast::RuleFile)> =
        parsed.iter().map(|(i, r)| (*i, r)).collect();
    check::check(&rule_files, book).map_err(|errors| Failure::from_errors(errors, &files.rules))
}

/// Case files named on the command line; a folder stands for every `.toml` and `.json` file
/// under it, in name order.
fn expand(paths: &[std::path::PathBuf]) -> Result<Vec<std::path::PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect_case_files(path, &mut files).map_err(|error| Failure::io(path, &error))?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn collect_case_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<std::path::PathBuf> = fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_case_files(&entry, files)?;
        } else if entry
            .extension()
            .is_some_and(|e| e == "toml" || e == "json")
        {
            files.push(entry);
        }
    }
    Ok(())
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
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                failure.0.extend(Failure::io(path, &error).0);
                continue;
            }
        };
        let file = SourceFile::new(path.display().to_string(), text);
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
