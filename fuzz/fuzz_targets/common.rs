//! Shared by the fuzz targets: the shipped law, built once, and diagnostic rendering (spans
//! computed from odd input must still point inside the text).

#![allow(dead_code)]

use std::sync::OnceLock;

use miette::Diagnostic;
use tipnav::cli::Format;
use tipnav::model::Program;
use tipnav::output::report::{DiagnosticStyle, render_diagnostics};
use tipnav::source::SourceFile;
use tipnav::statute::StatuteBook;
use tipnav::syntax::ast::RuleFile;
use tipnav::{check, eval, facts, law, output, overlay, resolve, statute, syntax};

/// The shipped law, checked.
pub fn program() -> &'static Program {
    static PROGRAM: OnceLock<Program> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        tipnav::pipeline::law::load_law(None, &[])
            .unwrap_or_else(|_| panic!("the shipped law checks"))
            .1
    })
}

/// The shipped statutes, loaded.
pub fn book() -> &'static StatuteBook {
    static BOOK: OnceLock<StatuteBook> = OnceLock::new();
    BOOK.get_or_init(|| statute::load(&law::embedded().statutes).expect("the statutes load"))
}

/// The shipped rule files, parsed.
pub fn shipped_rules() -> &'static [RuleFile] {
    static RULES: OnceLock<Vec<RuleFile>> = OnceLock::new();
    RULES.get_or_init(|| {
        law::embedded()
            .rules
            .iter()
            .map(|file| syntax::parse(&file.text).expect("the shipped rules parse"))
            .collect()
    })
}

/// Renders diagnostics against their file, as the binary would, in text and JSON.
pub fn render<E: Diagnostic + Send + Sync + 'static>(
    errors: impl IntoIterator<Item = E>,
    file: &SourceFile,
) {
    let reports: Vec<miette::Report> = errors
        .into_iter()
        .map(|error| miette::Report::new(error).with_source_code(file.named_source()))
        .collect();
    render_reports(&reports);
}

/// Rule text: parse, apply as an overlay when it declares an amendment, check against the
/// shipped statutes and, if it checks, evaluate an empty case.
pub fn rules(text: &str) {
    let file = SourceFile::new("fuzz.rules", text);
    let parsed = match syntax::parse(&file.text) {
        Ok(parsed) => parsed,
        Err(error) => return render([error], &file),
    };
    let mut book = book().clone();
    let is_overlay = parsed
        .declarations
        .iter()
        .any(|d| matches!(d, syntax::ast::Declaration::Amendment(_)));
    let mut overlays = [parsed];
    let mut base: Vec<RuleFile> = if is_overlay {
        shipped_rules().to_vec()
    } else {
        Vec::new()
    };
    if is_overlay {
        if let Err(errors) = overlay::apply(&mut book, &mut base, &mut overlays) {
            return render(errors.into_iter().map(|(_, e)| e), &file);
        }
    }
    let files: Vec<(usize, &RuleFile)> = overlays.iter().chain(&base).enumerate().collect();
    match check::check(&files, book) {
        Ok(program) => {
            if let Ok(case) = facts::load("", facts::Format::Toml, &program) {
                let outcome = eval::evaluate(&program, &case, "2026-01-01".parse().unwrap());
                let _ = resolve::resolve(&program, &outcome);
            }
        }
        Err(errors) => render(
            errors.into_iter().filter(|(i, _)| *i == 0).map(|(_, e)| e),
            &file,
        ),
    }
}

/// Statute TOML text: load it alone; render what is wrong.
pub fn statutes(text: &str) {
    let file = SourceFile::new("statutes/fuzz.toml", text);
    if let Err(errors) = statute::load(std::slice::from_ref(&file)) {
        render(errors.into_iter().map(|(_, e)| e), &file);
    }
}

/// A case file: load it against the shipped law; evaluate, resolve and render it if it loads.
pub fn case(text: &str, format: facts::Format) {
    let name = match format {
        facts::Format::Toml => "fuzz.toml",
        facts::Format::Json => "fuzz.json",
    };
    let file = SourceFile::new(name, text);
    let program = program();
    match facts::load(&file.text, format, program) {
        Ok(case) => {
            let outcome = eval::evaluate(program, &case, "2026-01-01".parse().unwrap());
            let resolution = resolve::resolve(program, &outcome);
            let alternative = outcome
                .alternative
                .as_deref()
                .map(|later| resolve::resolve(program, later));
            let evaluated = [output::Evaluated {
                file: &file,
                case: &case,
                outcome,
                resolution,
                alternative,
                decisive: Vec::new(),
            }];
            let _ = output::render(program, &evaluated, Format::Json, false);
            let _ = output::render(program, &evaluated, Format::Table, true);
        }
        Err(errors) => render(errors, &file),
    }
}

/// Overlay text on the shipped law, as `--amend FILE` reads it.
pub fn overlay(text: &str) {
    let file = SourceFile::new("fuzz-overlay.rules", text);
    match tipnav::compile::build_program(&law::embedded(), std::slice::from_ref(&file)) {
        Ok(program) => evaluate_examples(&program),
        Err(failure) => render_reports(&failure.0),
    }
}

/// Rule text through the formatter: refused, or a fixed point.
pub fn fmt(text: &str) {
    let file = SourceFile::new("fuzz.rules", text);
    match syntax::fmt::format(text) {
        Ok(formatted) => {
            let again = syntax::fmt::format(&formatted).expect("formatted text formats again");
            assert_eq!(again, formatted, "formatting is a fixed point");
        }
        Err(error) => render([error], &file),
    }
}

/// Lines of bytes as a scripted interview's answers; the case file written reads back the same.
pub fn answers(data: &[u8]) {
    use tipnav::output::prompt::{Answer, parse_line};
    let program = program();
    let domain = domain();
    let today = jiff::civil::date(2026, 1, 1);
    let mut case = facts::Case::unknown(program);
    let mut answered = Vec::new();
    for line in data.split(|&b| b == b'\n').take(40) {
        let Some(fact) = tipnav::interview::next_question(program, domain, &case, today) else {
            break;
        };
        let Ok(line) = std::str::from_utf8(line) else {
            return;
        };
        match parse_line(&program.facts[fact].ty, line) {
            Ok(Answer::Given(value)) => {
                case.values[fact] = Some(value);
                answered.push(fact);
            }
            Ok(Answer::DontKnow) => case.dont_know.push(fact),
            Err(_) => return,
        }
    }
    let text = tipnav::interview::update_case_file(program, "", &case, &answered)
        .expect("a new case file has only fact tables");
    let read = facts::load(&text, facts::Format::Toml, program)
        .unwrap_or_else(|errors| panic!("the written case file reads back: {errors:?}\n{text}"));
    assert_eq!(read.values, case.values, "the same facts read back\n{text}");
}

/// The shipped law with one file replaced by the input.
pub fn law_dir(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut files = law::embedded();
    let statutes = files.statutes.len();
    let at = usize::from(pick) % (statutes + files.rules.len());
    let slot = if at < statutes {
        &mut files.statutes[at]
    } else {
        &mut files.rules[at - statutes]
    };
    *slot = SourceFile::new(slot.name.clone(), text);
    match tipnav::compile::build_program(&files, &[]) {
        Ok(program) => evaluate_examples(&program),
        Err(failure) => render_reports(&failure.0),
    }
}

/// The interview's fact domains for the shipped law, built once.
fn domain() -> &'static tipnav::domain::Domain {
    static DOMAIN: OnceLock<tipnav::domain::Domain> = OnceLock::new();
    DOMAIN.get_or_init(|| tipnav::domain::domain(program()))
}

/// Evaluates and resolves an empty case and a full one under a law that checked.
fn evaluate_examples(program: &Program) {
    let full = "[case]\ndate = 2025-03-01\nprovince = \"punjab\"\n[victim]\nage = 15\n";
    for text in ["", full] {
        if let Ok(case) = facts::load(text, facts::Format::Toml, program) {
            let outcome = eval::evaluate(program, &case, "2026-01-01".parse().unwrap());
            let _ = resolve::resolve(program, &outcome);
        }
    }
}

/// Renders reports that already carry their source, as the binary would.
fn render_reports(reports: &[miette::Report]) {
    for json in [false, true] {
        let style = DiagnosticStyle {
            color: false,
            json,
            width: 80,
        };
        let _ = render_diagnostics(reports, style);
    }
}
