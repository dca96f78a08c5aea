//! Batch evaluation (`tipnav eval --batch`, `tipnav diff --batch`): JSON Lines in, JSON Lines
//! out, one output line per input line, in input order. A bad line gets an error object and
//! the run goes on. Lines are read a chunk at a time and each chunk is evaluated on every
//! worker thread, so memory stays bounded by the chunk, whatever the size of the input.

pub mod plan;

use std::io::{self, BufRead, Read as _, Write};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::domain::{Domain, domain};
use crate::facts::{self, Case, CaseId, FactError};
use crate::model::Program;
use crate::output::batch::{Body, Problem, error_line, good_line};
use crate::output::json::case_report;
use crate::source::{MAX_FILE_BYTES, SourceFile};
use plan::Plan;

/// Lines per chunk: enough to keep both cores busy between writes, small enough that a chunk
/// of full reports (some hundreds of kilobytes each) stays a few hundred megabytes at most.
const CHUNK: usize = 256;

/// What each line is turned into.
pub enum Job<'a> {
    /// The case's report (`eval --batch`).
    Eval {
        /// The law.
        program: &'a Program,
        /// The whole report, or the summary.
        detail: Detail,
    },
    /// What an amendment or another date changes for the case (`diff --batch`).
    Diff {
        /// The law before.
        base: &'a Program,
        /// The law after.
        amended: &'a Program,
        /// Read every case as if its conduct took place on this day.
        as_if: Option<Date>,
        /// Whether the two sides differ by law (an overlay) rather than only by date.
        by_law: bool,
    },
}

/// How much of the report a batch line carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The JSON contract of `tipnav eval --format json`, on one line.
    Full,
    /// The conclusions only: sections that apply or may apply, lead agency, court, overlaps
    /// and the unknown facts; for audits over millions of cases.
    Summary,
}

/// What a batch run saw.
#[derive(Debug, Default)]
pub struct Stats {
    /// Input lines read.
    pub lines: usize,
    /// Line numbers (from 1) of the bad lines.
    pub bad: Vec<usize>,
    /// The line at which reading stopped because it did not end within [`MAX_SKIP_BYTES`]
    /// (`/dev/zero`, a binary file): the input after it is not read.
    pub stopped_at: Option<usize>,
}

/// Why a batch run stopped early. Reading and writing fail for different reasons and are
/// reported differently (a write error is not a problem with the input).
#[derive(Debug)]
pub enum BatchError {
    /// The input could not be read.
    Read(io::Error),
    /// The output could not be written.
    Write(io::Error),
}

/// Reads every line of `input`, writes one JSON line per input line to `output`, evaluating on
/// the threads of `pool`. `name` is the input's name in reports (`cases.jsonl`, `<stdin>`);
/// `today` dates cases without a date.
pub fn run(
    job: &Job<'_>,
    pool: &rayon::ThreadPool,
    name: &str,
    mut input: impl BufRead,
    mut output: impl Write,
    today: Date,
) -> Result<Stats, BatchError> {
    let plans = Plans::for_job(job);
    let mut stats = Stats::default();
    let mut chunk: Vec<(usize, Line)> = Vec::with_capacity(CHUNK);
    while stats.stopped_at.is_none() {
        chunk.clear();
        while chunk.len() < CHUNK {
            let Some(line) = read_line(&mut input).map_err(BatchError::Read)? else {
                break;
            };
            stats.lines += 1;
            let endless = matches!(line, Line::Endless);
            chunk.push((stats.lines, line));
            if endless {
                stats.stopped_at = Some(stats.lines);
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<(String, bool)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(number, line)| one_line(job, &plans, name, *number, line, today))
                .collect()
        });
        for ((number, _), (text, bad)) in chunk.iter().zip(results) {
            if bad {
                stats.bad.push(*number);
            }
            output
                .write_all(text.as_bytes())
                .and_then(|()| output.write_all(b"\n"))
                .map_err(BatchError::Write)?;
        }
    }
    output.flush().map_err(BatchError::Write)?;
    Ok(stats)
}

/// The law planned for the job, where it can be: summaries and diffs are then worked out from
/// the plan (see [`plan`]); full reports always take the full path, with the fact domain their
/// charge sheets rank questions over, worked out once.
enum Plans<'p> {
    None,
    Full(Box<Domain>),
    Summary(Box<Plan<'p>>),
    Diff(Box<Plan<'p>>, Box<Plan<'p>>),
}

impl<'p> Plans<'p> {
    fn for_job(job: &Job<'p>) -> Plans<'p> {
        let planned = match job {
            Job::Eval {
                program,
                detail: Detail::Summary,
            } => Plan::new(program).map(|plan| Plans::Summary(Box::new(plan))),
            Job::Eval { program, .. } => Some(Plans::Full(Box::new(domain(program)))),
            Job::Diff { base, amended, .. } => Plan::new(base)
                .zip(Plan::new(amended))
                .map(|(base, amended)| Plans::Diff(Box::new(base), Box::new(amended))),
        };
        planned.unwrap_or(Plans::None)
    }

    /// The fact domain for full reports.
    fn domain(&self) -> Option<&Domain> {
        match self {
            Plans::Full(domain) => Some(domain),
            _ => None,
        }
    }

    /// The output line for a good input line, worked out from the plan; `None` when the full
    /// path must take the line (the span-free reader left it).
    fn line(
        &self,
        job: &Job<'_>,
        name: &str,
        number: usize,
        text: &str,
        today: Date,
    ) -> Option<String> {
        let body = match (self, job) {
            (Plans::Summary(plan), _) => {
                let (id, values) = plan.read(text)?;
                (id, Body::Summary(plan.summary(values, today)))
            }
            (Plans::Diff(base, amended), Job::Diff { as_if, by_law, .. }) => {
                let (id, mut before) = base.read(text)?;
                let (_, mut after) = amended.read(text)?;
                let (before_day, after_day) = crate::diff::days(*as_if, *by_law);
                let (_, undated) = crate::eval::case_date(base.program(), &before, today);
                crate::diff::move_to(base.program(), &mut before, before_day);
                crate::diff::move_to(amended.program(), &mut after, after_day);
                let (before, after) = (base.side(before, today), amended.side(after, today));
                let file = format!("{name}:{number}");
                let cite =
                    |id: &str| crate::pipeline::citation_in(base.program(), amended.program(), id);
                let words = |change: &_| crate::output::diff::change_line(change, &cite);
                let diff = crate::diff::compare(&file, undated, (&before, &after), words);
                (id, Body::Diff(diff))
            }
            _ => return None,
        };
        Some(good_line(number, body.0, body.1))
    }
}

/// How far past [`MAX_FILE_BYTES`] an over-long line is skipped, looking for its end, before
/// tipnav gives up on the input: a line that never ends (`/dev/zero`) must not be read forever.
pub const MAX_SKIP_BYTES: u64 = 64 << 20;

/// An input line, or the fact that it was too long to keep.
enum Line {
    Text(Vec<u8>),
    /// Longer than [`MAX_FILE_BYTES`]; the rest of it was skipped.
    TooLong,
    /// Longer than [`MAX_FILE_BYTES`] and not ended within [`MAX_SKIP_BYTES`] more: reading
    /// stops here.
    Endless,
}

/// Reads one line of at most [`MAX_FILE_BYTES`] (the limit on a case file). The limit applies
/// while reading: the rest of a longer line is skipped without being kept, for at most
/// [`MAX_SKIP_BYTES`], so one absurd line can exhaust neither memory nor time.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<Line>> {
    let mut line = Vec::new();
    if input
        .by_ref()
        .take(MAX_FILE_BYTES)
        .read_until(b'\n', &mut line)?
        == 0
    {
        return Ok(None);
    }
    if line.ends_with(b"\n") || (line.len() as u64) < MAX_FILE_BYTES {
        return Ok(Some(Line::Text(line)));
    }
    let mut skipped = 0;
    while skipped < MAX_SKIP_BYTES {
        line.clear();
        let read = input.by_ref().take(1 << 16).read_until(b'\n', &mut line)?;
        if read == 0 || line.ends_with(b"\n") {
            return Ok(Some(Line::TooLong));
        }
        skipped += read as u64;
    }
    Ok(Some(Line::Endless))
}

/// The output line for one input line, and whether the input was bad. With a plan, the line is
/// worked out from it when it can be, and by the full path otherwise.
fn one_line(
    job: &Job<'_>,
    plans: &Plans<'_>,
    name: &str,
    number: usize,
    line: &Line,
    today: Date,
) -> (String, bool) {
    let line = match line {
        Line::Text(line) => line,
        Line::TooLong => {
            let problem = Problem::whole_line(format!(
                "the line is longer than {} MiB, the limit on a case",
                MAX_FILE_BYTES >> 20
            ));
            return (error_line(number, None, vec![problem]), true);
        }
        Line::Endless => {
            let problem = Problem::whole_line(format!(
                "the line is longer than {} MiB, the limit on a case, and has no end within {} MiB more: the input after it is not read",
                MAX_FILE_BYTES >> 20,
                MAX_SKIP_BYTES >> 20
            ));
            return (error_line(number, None, vec![problem]), true);
        }
    };
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let text = match std::str::from_utf8(line) {
        Ok(text) => text,
        Err(error) => {
            let problem = Problem::whole_line(format!("the line is not UTF-8: {error}"));
            return (error_line(number, None, vec![problem]), true);
        }
    };
    if text.trim().is_empty() {
        let problem = Problem::whole_line("an empty line: every line must hold one case".into());
        return (error_line(number, None, vec![problem]), true);
    }
    if let Some(line) = plans.line(job, name, number, text, today) {
        return (line, false);
    }
    let file = SourceFile::new(format!("{name}:{number}"), text.to_owned());
    let result = match job {
        Job::Eval { program, detail } => {
            eval_line(program, plans.domain(), *detail, number, &file, today)
        }
        Job::Diff {
            base,
            amended,
            as_if,
            by_law,
        } => diff_line(base, amended, *as_if, *by_law, number, &file, today),
    };
    match result {
        Ok(line) => (line, false),
        Err((id, errors)) => {
            let problems = errors.iter().map(Problem::from).collect();
            (error_line(number, id, problems), true)
        }
    }
}

/// A good line's output, or the line's id and errors.
type LineResult = Result<String, (Option<CaseId>, Vec<FactError>)>;

fn eval_line(
    program: &Program,
    domain: Option<&Domain>,
    detail: Detail,
    number: usize,
    file: &SourceFile,
    today: Date,
) -> LineResult {
    let (id, case) = facts::load_line(&file.text, program);
    let case = case.map_err(|errors| (id.clone(), errors))?;
    let mut evaluated = match detail {
        Detail::Full => crate::pipeline::run_case(program, file, &case, today),
        Detail::Summary => crate::pipeline::conclude(program, file, &case, today),
    };
    if let Some(domain) = domain {
        evaluated.rank_decisive(program, domain, today);
    }
    let body = match detail {
        Detail::Full => Body::Report(Box::new(case_report(program, &evaluated))),
        Detail::Summary => Body::Summary(crate::output::json::case_summary(program, &evaluated)),
    };
    Ok(good_line(number, id, body))
}

fn diff_line(
    base: &Program,
    amended: &Program,
    as_if: Option<Date>,
    by_law: bool,
    number: usize,
    file: &SourceFile,
    today: Date,
) -> LineResult {
    let (id, before) = facts::load_line(&file.text, base);
    let before: Case = before.map_err(|errors| (id.clone(), errors))?;
    let (_, after) = facts::load_line(&file.text, amended);
    let after: Case = after.map_err(|errors| (id.clone(), errors))?;
    let comparison = crate::pipeline::Comparison {
        base,
        amended,
        as_if,
        by_law,
        today,
    };
    let diff = comparison.case(&file.name, &before, &after);
    Ok(good_line(number, id, Body::Diff(diff)))
}
