//! Properties checked on generated inputs (proptest), each kept to a few seconds:
//! the formatter is idempotent and keeps meaning and comments; evaluation is monotone in
//! what is known (three-valued logic), deterministic, and the same for the TOML and JSON
//! forms of a case.

use std::sync::LazyLock;

use proptest::prelude::*;
use tipnav::eval::evaluate;
use tipnav::facts::{self, Case};
use tipnav::model::{Program, Type, Value};
use tipnav::output::json::case_report;
use tipnav::source::SourceFile;
use tipnav::syntax::fmt::{format, meaning};

use crate::support::{files, program, root};

static PROGRAM: LazyLock<Program> = LazyLock::new(program);

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// --- fmt -----------------------------------------------------------------------------------

/// Every shipped rule file, with its text.
static RULE_FILES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut names = files("rules", "rules");
    names.extend(files("rules/amendments", "rules"));
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(root().join(&name)).expect("readable");
            (name, text)
        })
        .collect()
});

/// The comments of a rule file, as written (a `#` outside a string to the end of its line).
fn comments(text: &str) -> Vec<String> {
    let (mut found, mut in_string, mut chars) = (Vec::new(), false, text.char_indices());
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '#' if !in_string => {
                let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
                found.push(text[at..end].trim_end().to_owned());
                while chars.next().is_some_and(|(_, c)| c != '\n') {}
            }
            _ => {}
        }
    }
    found
}

/// Byte offsets of the spaces and line ends outside strings and comments: token boundaries,
/// where any white space or comment may go without changing what the file means.
fn gaps(text: &str) -> Vec<usize> {
    let (mut found, mut in_string, mut in_comment) = (Vec::new(), false, false);
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' if !in_comment => in_string = !in_string,
            '#' if !in_string => in_comment = true,
            '\n' if !in_string => {
                in_comment = false;
                found.push(at);
            }
            ' ' if !in_string && !in_comment => found.push(at),
            _ => {}
        }
    }
    found
}

/// What may replace a space or a line end between two tokens.
const FILLERS: &[&str] = &[
    "  ",
    "\t",
    "\n",
    "\n\n\n",
    " # an inserted comment\n",
    "\n    # an inserted comment line\n  ",
    "\r\n",
];

/// The text with the chosen gaps widened into other white space or comments. A gap that was
/// a line end keeps one after its filler, so no comment swallows the next line.
fn vary(text: &str, choices: &[(usize, usize)]) -> String {
    let gaps = gaps(text);
    let mut chosen: Vec<(usize, &str)> = choices
        .iter()
        .map(|(gap, filler)| (gaps[gap % gaps.len()], FILLERS[filler % FILLERS.len()]))
        .collect();
    chosen.sort_unstable();
    chosen.dedup_by_key(|(at, _)| *at);
    let mut out = String::with_capacity(text.len() * 2);
    let mut last = 0;
    for (at, filler) in chosen {
        out.push_str(&text[last..at]);
        out.push_str(filler);
        if text.as_bytes()[at] == b'\n' && !filler.ends_with('\n') {
            out.push('\n');
        }
        last = at + 1;
    }
    out.push_str(&text[last..]);
    out
}

#[test]
fn fmt_is_idempotent_and_keeps_meaning_and_comments_on_every_shipped_rule_file() {
    for (name, text) in RULE_FILES.iter() {
        let once = format(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            format(&once).expect("formats"),
            once,
            "{name}: not idempotent"
        );
        assert_eq!(
            meaning(&once).ok(),
            meaning(text).ok(),
            "{name}: meaning changed"
        );
        assert_eq!(comments(&once), comments(text), "{name}: comments changed");
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// White space and comments inserted between the tokens of a shipped file: the result
    /// formats, means the same as the shipped file, keeps every comment and is a fixed point.
    #[test]
    fn fmt_is_idempotent_and_keeps_meaning_on_varied_shipped_files(
        file in 0..64usize,
        choices in prop::collection::vec((any::<usize>(), any::<usize>()), 1..40),
    ) {
        let (name, text) = &RULE_FILES[file % RULE_FILES.len()];
        let varied = vary(text, &choices);
        let once = format(&varied).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        prop_assert_eq!(format(&once).ok(), Some(once.clone()), "{}: not idempotent", name);
        prop_assert_eq!(meaning(&once).ok(), meaning(text).ok(), "{}: meaning changed", name);
        prop_assert_eq!(comments(&once), comments(&varied), "{}: comments changed", name);
    }
}

// --- evaluation ------------------------------------------------------------------------------

/// Every shipped example as a TOML table, without its `[expect]` block.
static EXAMPLES: LazyLock<Vec<(String, toml::Table)>> = LazyLock::new(|| {
    let mut names = files("examples", "toml");
    names.extend(files("examples/scenarios", "toml"));
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(root().join(&name)).expect("readable");
            let mut table: toml::Table = text.parse().expect("an example is TOML");
            table.remove("expect");
            (name, table)
        })
        .collect()
});

/// The dotted paths of a table's leaf values, in order (`case.date` stays: it picks the law).
fn leaves(table: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            // An open list (`{ include = [...] }`) is one fact, not a table of them.
            toml::Value::Table(inner) if !inner.contains_key("include") => {
                leaves(inner, &path, out);
            }
            _ if path == "case.date" => {}
            _ => out.push(path),
        }
    }
}

/// The value at a dotted path, and the table holding it.
fn at<'a>(table: &'a mut toml::Table, path: &str) -> (&'a mut toml::Table, String) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().expect("a path has a key").to_owned();
    let table = parts.into_iter().fold(table, |table, part| {
        table
            .get_mut(part)
            .and_then(toml::Value::as_table_mut)
            .expect("the path names a table")
    });
    (table, last)
}

/// An example with some booleans flipped (`flip`) and, in its reduction, some facts removed
/// (`remove`), chosen leaf by leaf from `choices`.
fn variant(choices: &[u8], example: usize) -> (toml::Table, toml::Table) {
    let (_, base) = &EXAMPLES[example % EXAMPLES.len()];
    let (mut full, mut paths) = (base.clone(), Vec::new());
    leaves(base, "", &mut paths);
    for (path, choice) in paths.iter().zip(choices) {
        let (table, key) = at(&mut full, path);
        if let (Some(toml::Value::Boolean(value)), true) = (table.get(&key), choice % 5 == 0) {
            let flipped = !value;
            table.insert(key, toml::Value::Boolean(flipped));
        }
    }
    let mut reduced = full.clone();
    for (path, choice) in paths.iter().zip(choices) {
        if choice % 3 == 0 {
            let (table, key) = at(&mut reduced, path);
            table.remove(&key);
        }
    }
    keep_attempts_a_refinement(&full, &mut reduced);
    (full, reduced)
}

/// Beside a closed `conduct.acts` list an absent attempt or interception reads as none
/// (`facts::close_attempts`), so dropping one of them asserts something new. To keep the
/// reduced case a case with less known, it drops the closed list with them.
fn keep_attempts_a_refinement(full: &toml::Table, reduced: &mut toml::Table) {
    let lookup = |table: &toml::Table, path: &str| {
        let (group, key) = path.split_once('.').expect("a dotted path");
        table
            .get(group)
            .and_then(toml::Value::as_table)
            .and_then(|t| t.get(key))
            .cloned()
    };
    let closed_acts = matches!(lookup(reduced, "conduct.acts"), Some(toml::Value::Array(_)));
    let dropped = ["conduct.attempted_acts", "movement.intercepted"]
        .iter()
        .any(|path| lookup(full, path).is_some() && lookup(reduced, path).is_none());
    if closed_acts && dropped {
        let (conduct, key) = at(reduced, "conduct.acts");
        conduct.remove(&key);
    }
}

fn load(text: &str, format: facts::Format) -> Case {
    facts::load(text, format, &PROGRAM)
        .unwrap_or_else(|e| panic!("case does not load: {e:?}\n{text}"))
}

/// The JSON report of a case, evaluated on a fixed day.
fn report(case: &Case) -> String {
    let file = SourceFile::new("case", "");
    let today = "2026-11-29".parse().expect("a date");
    let evaluated = tipnav::pipeline::conclude(&PROGRAM, &file, case, today);
    serde_json::to_string_pretty(&case_report(&PROGRAM, &evaluated)).expect("serializes")
}

/// Each section's status id.
fn statuses(case: &Case) -> Vec<(String, &'static str)> {
    let outcome = evaluate(&PROGRAM, case, "2026-11-29".parse().expect("a date"));
    outcome
        .sections
        .iter()
        .map(|s| (s.section(&PROGRAM).to_owned(), s.status.id()))
        .collect()
}

/// A TOML table as JSON: dates become strings, as a JSON case file writes them.
fn to_json(value: &toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.clone().into(),
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => (*f).into(),
        toml::Value::Boolean(b) => (*b).into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.iter().map(to_json).collect(),
        toml::Value::Table(table) => table
            .iter()
            .map(|(k, v)| (k.clone(), to_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

proptest! {
    #![proptest_config(config(40))]

    /// Learning a fact never turns `applies` into `does_not_apply` or back: whatever a case
    /// with facts left unknown settles, the case with them known settles the same way.
    #[test]
    fn refining_an_unknown_fact_never_reverses_a_definite_status(
        example in 0..1000usize,
        choices in prop::collection::vec(any::<u8>(), 96),
    ) {
        let (full, reduced) = variant(&choices, example);
        let full = statuses(&load(&toml::to_string(&full).expect("TOML"), facts::Format::Toml));
        let reduced = statuses(&load(&toml::to_string(&reduced).expect("TOML"), facts::Format::Toml));
        for ((section, known), (_, partial)) in full.iter().zip(&reduced) {
            if matches!(*partial, "applies" | "does_not_apply") {
                prop_assert_eq!(known, partial, "{} changed when facts were learnt", section);
            }
        }
    }

    /// A case written as TOML and as JSON gives the same report, and the same report twice.
    #[test]
    fn toml_and_json_agree_and_evaluation_is_deterministic(
        example in 0..1000usize,
        choices in prop::collection::vec(any::<u8>(), 96),
    ) {
        let (_, reduced) = variant(&choices, example);
        let toml_text = toml::to_string(&reduced).expect("TOML");
        let json_text = to_json(&toml::Value::Table(reduced)).to_string();
        let from_toml = load(&toml_text, facts::Format::Toml);
        let first = report(&from_toml);
        prop_assert_eq!(&first, &report(&from_toml), "evaluation is not deterministic");
        prop_assert_eq!(&first, &report(&load(&json_text, facts::Format::Json)));
    }
}

// --- open lists and partial dates (issue 15) -------------------------------------------------

/// The day the properties evaluate undated cases on.
fn today() -> jiff::civil::Date {
    "2026-11-29".parse().expect("a date")
}

/// An example's case as loaded, its `[expect]` block dropped.
fn example_case(example: usize) -> Case {
    let (_, table) = &EXAMPLES[example % EXAMPLES.len()];
    load(&toml::to_string(table).expect("TOML"), facts::Format::Toml)
}

/// Each section's status under the main reading.
fn statuses_of(case: &Case) -> Vec<tipnav::eval::Status> {
    evaluate(&PROGRAM, case, today())
        .sections
        .iter()
        .map(|s| s.status)
        .collect()
}

/// Every conclusion of `general` (applies, does not apply) holds in `specific` too.
fn covers(
    general: &[tipnav::eval::Status],
    specific: &[tipnav::eval::Status],
) -> Result<(), String> {
    use tipnav::eval::Status;
    for (index, (g, s)) in general.iter().zip(specific).enumerate() {
        if *g != Status::MayApply && g != s {
            let section = &PROGRAM.offences[index].section;
            return Err(format!(
                "{section}: {g:?} in general, {s:?} in a specific case"
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(24))]

    /// A closed list made open (`{ include = [the same members] }`) is never more decisive than
    /// any closing of it: whatever the open form settles, every closed list holding its members
    /// (and any others) settles the same way.
    #[test]
    fn an_open_list_is_never_more_decisive_than_any_closing_of_it(
        example in 0..1000usize,
        list in 0..3usize,
        extra in any::<u64>(),
    ) {
        let name = ["conduct.acts", "conduct.means", "conduct.purposes"][list];
        let fact = PROGRAM.fact(name).expect("a vocabulary fact");
        let Type::Set(members) = &PROGRAM.facts[fact].ty else { panic!("{name} is a set") };
        let mut case = example_case(example);
        let listed = match case.values[fact] {
            Some(Value::Set(bits)) => bits,
            _ => 0,
        };
        case.values[fact] = Some(Value::Includes(listed));
        let open = statuses_of(&case);
        let all = if members.len() == 64 { u64::MAX } else { (1u64 << members.len()) - 1 };
        for closing in [listed, listed | (extra & all), all] {
            case.values[fact] = Some(Value::Set(closing));
            covers(&open, &statuses_of(&case)).map_err(TestCaseError::fail)?;
        }
    }

    /// A case dated only by its year covers each of its days: whatever the year settles, the
    /// case settles the same way on any day of that year.
    #[test]
    fn a_partial_date_covers_each_of_its_days(
        example in 0..1000usize,
        day_of_year in 0..365i16,
        month in 1..=12i8,
    ) {
        let mut case = example_case(example);
        let Some(Value::Date(day)) = case.values[PROGRAM.case_date] else {
            return Ok(());
        };
        let first = day.first_of_year();
        let last = day.last_of_year();
        case.values[PROGRAM.case_date] = Some(Value::Days(first, last));
        let year = statuses_of(&case);
        let month_first = jiff::civil::Date::new(day.year(), month, 1).expect("a month");
        case.values[PROGRAM.case_date] = Some(Value::Days(month_first, month_first.last_of_month()));
        let within_month = statuses_of(&case);
        covers(&year, &within_month).map_err(TestCaseError::fail)?;
        for on in [first.checked_add(jiff::Span::new().days(day_of_year)).unwrap_or(last), month_first, last] {
            case.values[PROGRAM.case_date] = Some(Value::Date(on));
            let statuses = statuses_of(&case);
            covers(&year, &statuses).map_err(TestCaseError::fail)?;
            if on >= month_first && on <= month_first.last_of_month() {
                covers(&within_month, &statuses).map_err(TestCaseError::fail)?;
            }
        }
    }
}
