//! `tipnav ask`: choosing the next question and writing the case file. Asks only about facts
//! whose answers can change a conclusion (a section that may apply, or an open agency or
//! court), the most decisive first; writes the case after every answer, atomically, so a
//! crash loses nothing. Terminal input and output live in `output::prompt`.

use jiff::civil::Date;

use crate::domain::Domain;
use crate::eval::{Status, evaluate};
use crate::explain::with_values;
use crate::facts::Case;
use crate::model::{FactId, Program, Type, Value};
use crate::resolve::{Resolution, resolve, undecided_inputs};

/// The next fact to ask about, or `None` when no unknown fact can change a conclusion.
/// `case.date` comes first (it picks the law); then the fact whose answer settles the most
/// open conclusions on average over its possible values; then any fact the open conclusions
/// read (they may only matter together with others).
pub fn next_question(
    program: &Program,
    domain: &Domain,
    case: &Case,
    today: Date,
) -> Option<FactId> {
    let askable = |fact: &FactId| case.values[*fact].is_none() && !case.dont_know.contains(fact);
    if askable(&program.case_date) {
        return Some(program.case_date);
    }
    let outcome = evaluate(program, case, today);
    let resolution = resolve(program, &outcome);
    let open = open_conclusions(
        &outcome
            .sections
            .iter()
            .map(|s| s.status)
            .collect::<Vec<_>>(),
        &resolution,
    );
    if open == 0 {
        return None;
    }
    let mut candidates: Vec<FactId> = outcome
        .sections
        .iter()
        .filter(|s| s.status == Status::MayApply)
        .flat_map(|s| undecided_inputs(program, s))
        .chain(
            resolution
                .sections
                .iter()
                .flat_map(|s| s.agency.deciding.iter().chain(&s.court.deciding).copied()),
        )
        .filter(askable)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let score = |fact: FactId| -> u64 {
        let values = sample(domain, fact);
        let settled: usize = values
            .iter()
            .map(|value| {
                let changed = with_values(case, &[(fact, value.clone())]);
                let outcome = evaluate(program, &changed, today);
                let statuses: Vec<Status> = outcome.sections.iter().map(|s| s.status).collect();
                open.saturating_sub(open_conclusions(&statuses, &resolve(program, &outcome)))
            })
            .sum();
        // Scaled average, so facts with many possible values do not win by number alone.
        (settled as u64 * 1000) / values.len().max(1) as u64
    };
    candidates
        .iter()
        .copied()
        .map(|fact| (score(fact), fact))
        .max_by_key(|(score, fact)| (*score, std::cmp::Reverse(*fact)))
        .map(|(_, fact)| fact)
}

/// Sections that may apply, and agencies or courts left open.
fn open_conclusions(statuses: &[Status], resolution: &Resolution) -> usize {
    let sections = statuses.iter().filter(|s| **s == Status::MayApply).count();
    let choices = resolution
        .sections
        .iter()
        .map(|s| usize::from(s.agency.chosen.is_none()) + usize::from(s.court.chosen.is_none()))
        .sum::<usize>();
    sections + choices
}

/// Values to try when scoring a question: every representative, except that a set is tried
/// empty, full and as each group of members the rules test.
fn sample(domain: &Domain, fact: FactId) -> Vec<Value> {
    if domain.masks[fact].is_empty() {
        return domain.of(fact).to_vec();
    }
    let all = domain.masks[fact].iter().fold(0, |acc, m| acc | m);
    let mut values = vec![Value::Set(0), Value::Set(all)];
    values.extend(domain.masks[fact].iter().map(|m| Value::Set(*m)));
    values
}

/// The case as a TOML case file: given facts in vocabulary order, grouped in tables, then the
/// facts answered "don't know".
pub fn case_file(program: &Program, case: &Case) -> String {
    let mut root = toml::Table::new();
    for (id, fact) in program.facts.iter().enumerate() {
        let Some(value) = &case.values[id] else {
            continue;
        };
        let mut parts: Vec<&str> = fact.name.split('.').collect();
        let key = parts.pop().expect("fact names have a dot");
        let mut table = &mut root;
        for part in parts {
            table = table
                .entry(part)
                .or_insert_with(|| toml::Value::Table(toml::Table::new()))
                .as_table_mut()
                .expect("fact groups are tables");
        }
        table.insert(key.to_owned(), toml_value(value, &fact.ty));
    }
    if !case.dont_know.is_empty() {
        let names = case
            .dont_know
            .iter()
            .map(|&f| toml::Value::String(program.facts[f].name.clone()))
            .collect();
        let mut interview = toml::Table::new();
        interview.insert("dont_know".into(), toml::Value::Array(names));
        root.insert("interview".into(), toml::Value::Table(interview));
    }
    toml::to_string(&root).expect("a case is plain TOML")
}

fn toml_value(value: &Value, ty: &Type) -> toml::Value {
    let member = |index: usize| {
        toml::Value::String(
            ty.members()
                .and_then(|m| m.get(index))
                .cloned()
                .unwrap_or_default(),
        )
    };
    match value {
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Int(i) => toml::Value::Integer(*i),
        Value::Date(d) => {
            let date = toml::value::Date {
                year: d.year() as u16,
                month: d.month() as u8,
                day: d.day() as u8,
            };
            toml::Value::Datetime(toml::value::Datetime {
                date: Some(date),
                time: None,
                offset: None,
            })
        }
        Value::Text(t) => toml::Value::String(t.to_string()),
        Value::Enum(index) => member(usize::from(*index)),
        Value::Set(bits) => toml::Value::Array(
            (0..64)
                .filter(|i| bits & (1 << i) != 0)
                .map(member)
                .collect(),
        ),
    }
}
