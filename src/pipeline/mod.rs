//! The pipeline below the command line, shared by the commands, the batch runner and the web
//! server (issue 14): one case evaluated, explained, its next question, one case compared under
//! two laws, a scenario bank compared. Reads no files and writes nothing; the callers load the
//! law and the cases and choose how to show the result.

pub mod findings;
pub mod law;

use jiff::civil::Date;

use crate::diff::CaseDiff;
use crate::domain::Domain;
use crate::eval::{Outcome, evaluate};
use crate::facts::Case;
use crate::i18n::{tr, trf, trn};
use crate::model::{FactId, OffenceId, Program};
use crate::output::Evaluated;
use crate::output::diff::DiffReport;
use crate::output::explain::{ExplainInput, Explanation};
use crate::resolve::{Resolution, resolve};
use crate::source::SourceFile;

/// The loaded law with what every question about a case needs: the values each fact can take
/// (for ranking questions and searching flips) and the day that dates a case without a date.
#[derive(Debug, Clone, Copy)]
pub struct Session<'a> {
    /// The checked law (with any overlay applied).
    pub program: &'a Program,
    /// The values each input fact can take.
    pub domain: &'a Domain,
    /// Today: dates a case without a date.
    pub today: Date,
}

/// Today's date, in the local time zone.
pub fn today() -> Date {
    // Read once a run: the web server asks for today on every request.
    static LOCAL: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    let zone = LOCAL.get_or_init(local_zone).clone();
    jiff::Timestamp::now().to_zoned_datetime(zone).date()
}

/// The local time zone. jiff finds it through its zoneinfo database, which lists the whole of
/// `/usr/share/zoneinfo` on first use: a tenth of a one-case run. Without `TZ` set, the `TZif`
/// data at `/etc/localtime` is the zone itself; elsewhere (or if it cannot be read) jiff's own
/// lookup decides.
fn local_zone() -> jiff::tz::TimeZone {
    let localtime = || std::fs::read("/etc/localtime").ok();
    std::env::var_os("TZ")
        .is_none()
        .then(localtime)
        .flatten()
        .and_then(|data| jiff::tz::TimeZone::tzif("localtime", &data).ok())
        .unwrap_or_else(jiff::tz::TimeZone::system)
}

impl<'a> Session<'a> {
    /// A session on `program`, whose domain the caller computed once (it costs a pass over the
    /// rules, so a server keeps it).
    pub fn new(program: &'a Program, domain: &'a Domain, today: Date) -> Session<'a> {
        Session {
            program,
            domain,
            today,
        }
    }

    /// A case evaluated and resolved, with its decisive unknown facts ranked for the report.
    pub fn evaluate<'c>(&self, file: &'c SourceFile, case: &'c Case) -> Evaluated<'c> {
        let mut evaluated = run_case(self.program, file, case, self.today);
        evaluated.rank_decisive(self.program, self.domain, self.today);
        evaluated
    }

    /// The explanation of a case: `sections` (offence ids; every section that applies or may
    /// apply when empty), and with `flip` (an offence) the smallest changes that flip it.
    pub fn explain(
        &self,
        evaluated: &Evaluated<'_>,
        sections: &[String],
        flip: Option<OffenceId>,
        all: bool,
    ) -> Explanation {
        let (program, domain, today) = (self.program, self.domain, self.today);
        let case = evaluated.case;
        let deciding = evaluated
            .outcome
            .sections
            .iter()
            .filter(|s| sections.is_empty() || sections.iter().any(|id| id == s.section(program)))
            .map(|s| {
                let facts = crate::explain::deciding_facts(
                    program,
                    domain,
                    case,
                    &evaluated.outcome,
                    s.offence,
                    today,
                );
                (s.offence, facts)
            })
            .collect();
        let flips = flip.map(|index| {
            let search =
                crate::explain::flips(program, domain, case, &evaluated.outcome, index, today);
            (index, search)
        });
        let input = ExplainInput {
            evaluated,
            sections,
            deciding,
            flips,
            all,
        };
        crate::output::explain::explanation(program, &input)
    }

    /// The interview's next question: the most decisive unknown fact not answered "don't
    /// know", or `None` when no answer can change a conclusion.
    pub fn next_question(&self, case: &Case) -> Option<FactId> {
        crate::interview::next_question(self.program, self.domain, case, self.today)
    }
}

/// The pipeline for one case: evaluation, then resolution (of the later law too, when the
/// date falls in an amendment's window), then the closed-list warnings a report shows.
/// `today` dates a case without a date.
pub fn run_case<'a>(
    program: &Program,
    file: &'a SourceFile,
    case: &'a Case,
    today: Date,
) -> Evaluated<'a> {
    let mut evaluated = conclude(program, file, case, today);
    // A closed list that leaves out the one member a section needs may be a list the user
    // did not mean as complete: worth a warning, found by trying each member (issue 15).
    evaluated
        .resolution
        .notes
        .extend(crate::explain::closed_list_warnings(
            program,
            case,
            &evaluated.outcome,
            today,
        ));
    evaluated
}

/// The conclusions alone: evaluation and resolution without the closed-list warnings, which
/// re-evaluate the case once for each member a closed list leaves out and which only a full
/// report shows. Summaries (`--batch --summary`, the API's `summary=true`) need no more.
pub fn conclude<'a>(
    program: &Program,
    file: &'a SourceFile,
    case: &'a Case,
    today: Date,
) -> Evaluated<'a> {
    let outcome: Outcome = evaluate(program, case, today);
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
        decisive: Vec::new(),
        flips: Vec::new(),
    }
}

/// Two laws to compare a case under: the base law and the amended one (the same law, when
/// only the date moves).
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    /// The law without the overlays.
    pub base: &'a Program,
    /// The law with them.
    pub amended: &'a Program,
    /// Read every case as if its conduct took place on this day.
    pub as_if: Option<Date>,
    /// Whether the laws differ (an overlay was given); otherwise the dates do.
    pub by_law: bool,
    /// Dates a case without a date.
    pub today: Date,
}

/// A section's citation as people write it (`PTPA 2018 s.3`): from the amended law, or from the
/// base law for a section the amendment removed.
pub fn citation_in(base: &Program, amended: &Program, id: &str) -> String {
    let holds = |program: &&Program| program.book.sections.contains_key(id);
    let program = [amended, base].into_iter().find(holds);
    program.map_or_else(|| id.to_owned(), |p| crate::statute::citation(&p.book, id))
}

impl Comparison<'_> {
    /// What changes for one case between the base and the amended law (`by_law`), or between
    /// its own date and `as_if` (without an overlay). `before` and `after` are the same case
    /// read against each law.
    pub fn case(&self, name: &str, before: &Case, after: &Case) -> CaseDiff {
        let (before_day, after_day) = crate::diff::days(self.as_if, self.by_law);
        let (_, undated) = crate::eval::case_date(self.base, &before.values, self.today);
        let dated = |program: &Program, case: &Case, day| {
            let mut case = case.clone();
            crate::diff::move_to(program, &mut case.values, day);
            case
        };
        let (base, amended) = (self.base, self.amended);
        let (before, after) = (
            dated(base, before, before_day),
            dated(amended, after, after_day),
        );
        let (old, new) = (
            evaluate(base, &before, self.today),
            evaluate(amended, &after, self.today),
        );
        let (old_resolution, new_resolution) = (resolve(base, &old), resolve(amended, &new));
        crate::diff::compare(
            name,
            undated,
            (
                &crate::diff::Side::evaluated(base, &old, &old_resolution),
                &crate::diff::Side::evaluated(amended, &new, &new_resolution),
            ),
            |change| crate::output::diff::change_line(change, &|id| self.citation(id)),
        )
    }

    /// The diff report over a bank of cases: `(name, case under the base law, case under the
    /// amended law)`. Unchanged cases are only counted.
    pub fn report<'c>(
        &self,
        cases: impl Iterator<Item = (&'c str, &'c Case, &'c Case)>,
    ) -> DiffReport {
        let diffs: Vec<CaseDiff> = cases
            .map(|(name, before, after)| self.case(name, before, after))
            .collect();
        let undated = diffs.iter().filter(|d| d.undated).count();
        // A case without `case.date` is read on today wherever a run reads each case on its
        // own date: both runs without --as-if-date, the base run with it alone.
        let (own_date, _) = crate::diff::days(self.as_if, self.by_law);
        let read_today = undated > 0 && own_date.is_none();
        DiffReport {
            schema_version: crate::output::schema::SchemaVersion,
            tipnav: env!("CARGO_PKG_VERSION"),
            base_digest: self.base.digest.clone(),
            digest: self.amended.digest.clone(),
            amendments: self.amended.amendments.iter().map(Into::into).collect(),
            as_if_date: self.as_if.map(|d| d.to_string()),
            undated_cases: undated,
            undated_date: read_today.then(|| self.today.to_string()),
            method: self.method(if read_today { undated } else { 0 }),
            summary: crate::diff::summarize(&diffs),
            cases: diffs
                .into_iter()
                .filter(|d| !d.changes.is_empty())
                .collect(),
        }
    }

    /// A section's citation as people write it (`PTPA 2018 s.3`): from the amended law, or
    /// from the base law for a section the amendment removed.
    pub fn citation(&self, id: &str) -> String {
        citation_in(self.base, self.amended, id)
    }

    /// How the comparison was made, in words, for the report; then, when `undated` cases
    /// without `case.date` were read on today's law, how many and on which day.
    fn method(&self, undated: usize) -> String {
        let method = self.comparison_words();
        if undated == 0 {
            return method;
        }
        let (count, today) = (undated.to_string(), self.today.to_string());
        let undated = match self.as_if {
            Some(day) => trn(
                undated,
                "{count} case gives no case.date: its own date was taken to be today, {today}, so it is compared between the law in force today and the law in force on {day}.",
                "{count} cases give no case.date: their own date was taken to be today, {today}, so they are compared between the law in force today and the law in force on {day}.",
                &[
                    ("count", &count),
                    ("today", &today),
                    ("day", &day.to_string()),
                ],
            ),
            None => trn(
                undated,
                "{count} case gives no case.date: it was read under the law in force today, {today}.",
                "{count} cases give no case.date: they were read under the law in force today, {today}.",
                &[("count", &count), ("today", &today)],
            ),
        };
        format!("{method} {undated}")
    }

    /// How the comparison was made, in words.
    fn comparison_words(&self) -> String {
        match (self.by_law, self.as_if) {
            (false, Some(day)) => trf("Each case is read under the base law on its own date and again as if its conduct took place on {day}.", &[("day", &day.to_string())]),
            (true, Some(day)) => trf("Every case is read as if its conduct took place on {day}, under the base law and under the amended law.", &[("day", &day.to_string())]),
            (true, None) => tr("Each case is read on its own date under the base law and under the amended law: an amendment changes nothing for conduct before its effective day (give --as-if-date to read every case on a later day).").to_owned(),
            (false, None) => tr("Each case is read on its own date under one law: nothing was compared.").to_owned(),
        }
    }
}
