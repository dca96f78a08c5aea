//! `tipnav ask`: choosing the next question and writing the case file. Asks only about facts
//! whose answers can change a conclusion (a section that may apply, or an open agency or
//! court), the most decisive first; writes the case after every answer, atomically, so a
//! crash loses nothing. Terminal input and output live in `output::prompt`.

use jiff::civil::Date;

use crate::domain::Domain;
use crate::eval::{Outcome, SectionOutcome, Status, evaluate, evaluate_offences};
use crate::explain::with_values;
use crate::facts::Case;
use crate::model::{FactId, Offence, OffenceId, Program, Type, Value};
use crate::resolve::{resolve, settled, undecided_inputs, weight};
use crate::statute::Reading;

/// The next fact to ask about, or `None` when no unknown fact can change a conclusion: the
/// first of [`decisive_facts`].
pub fn next_question(
    program: &Program,
    domain: &Domain,
    case: &Case,
    today: Date,
) -> Option<FactId> {
    decisive_facts(program, domain, case, today, 1).pop()
}

/// Up to `count` unknown facts whose answers would change the most conclusions, most decisive
/// first (the interview asks them in this order; the charge sheet lists them). `case.date`
/// comes first (it picks the law); then the facts whose answers settle the most open
/// conclusions on average over their possible values, each conclusion weighed by the gravity
/// of its section and by how far the facts already reach towards it (`resolve::weight`), so a
/// question about a grave charge the case points at comes before one about a remote offence;
/// then any fact the open conclusions read (they may only matter together with others). None
/// when no unknown fact can change one.
pub fn decisive_facts(
    program: &Program,
    domain: &Domain,
    case: &Case,
    today: Date,
    count: usize,
) -> Vec<FactId> {
    let askable = |fact: &FactId| case.values[*fact].is_none() && !case.dont_know.contains(fact);
    let mut ranked = Vec::new();
    if askable(&program.case_date) {
        ranked.push(program.case_date);
    }
    if ranked.len() >= count {
        return ranked;
    }
    let outcome = evaluate(program, case, today);
    let resolution = resolve(program, &outcome);
    let open = open_conclusions(program, &outcome);
    if open.is_empty() {
        return ranked;
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
        .filter(|fact| *fact != program.case_date)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let score = |fact: FactId| -> u64 {
        let values = sample(domain, fact);
        let readers = readers(program, fact);
        let settled: u64 = values
            .iter()
            .map(|value| settled_by(program, (case, today), &open, (fact, value), &readers))
            .sum::<u64>();
        // Scaled average, so facts with many possible values do not win by number alone.
        (settled * 1000) / values.len().max(1) as u64
    };
    // Each candidate re-evaluates only the offences that read it (`settled_by`): a fraction of
    // a millisecond for the whole ranking, less than starting worker threads would cost a
    // one-case run, so it is scored on this thread (a batch runs cases in parallel instead).
    let mut scored: Vec<(u64, FactId)> = candidates.iter().map(|&f| (score(f), f)).collect();
    // Highest score first; on a tie, the fact declared first in the vocabulary.
    scored.sort_by_key(|(score, fact)| (std::cmp::Reverse(*score), *fact));
    ranked.extend(scored.into_iter().map(|(_, fact)| fact));
    ranked.truncate(count);
    ranked
}

/// The weight of the open conclusions that answering `fact` with `value` would settle. Only
/// the offences that read the fact (`readers`: in an element, a waiver or a jurisdiction
/// clause; every offence for the province, which decides where provincial law extends) can
/// change, so only they are evaluated again; a case dated to a range of days is evaluated whole.
fn settled_by(
    program: &Program,
    (case, today): (&Case, Date),
    open: &[(Conclusion, u64)],
    (fact, value): (FactId, &Value),
    readers: &[OffenceId],
) -> u64 {
    let changed = with_values(case, &[(fact, value.clone())]);
    let still = match evaluate_offences(program, &changed, today, readers) {
        Some((values, reading, sections)) => open_among(program, &values, reading, &sections),
        None => open_conclusions(program, &evaluate(program, &changed, today)),
    };
    open.iter()
        .filter(|(conclusion, _)| !still.iter().any(|(c, _)| c == conclusion))
        .filter(|(conclusion, _)| still_read(conclusion, readers))
        .map(|(_, weight)| weight)
        .sum()
}

/// An open conclusion about an offence: it may apply, or its agency or its court is
/// left open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Conclusion {
    Section(OffenceId),
    Agency(OffenceId),
    Court(OffenceId),
}

/// The open conclusions, each with the weight of its section as the case stands
/// (`resolve::weight`: the elements the facts meet and the gravity): sections that may apply,
/// and the agencies or courts left open.
fn open_conclusions(program: &Program, outcome: &Outcome) -> Vec<(Conclusion, u64)> {
    open_among(
        program,
        &outcome.values,
        outcome.reading(),
        &outcome.sections,
    )
}

/// The open conclusions about some sections' outcomes, decided as `resolve` decides them
/// without writing the reasons (this runs once per candidate answer).
fn open_among(
    program: &Program,
    values: &[Option<Value>],
    reading: Reading,
    sections: &[SectionOutcome],
) -> Vec<(Conclusion, u64)> {
    let mut open = Vec::new();
    for section in sections {
        let weight = || weight(program, section);
        match section.status {
            Status::DoesNotApply => continue,
            Status::MayApply => open.push((Conclusion::Section(section.offence), weight())),
            Status::Applies => {}
        }
        let (agency, court) = settled(program, values, reading, section);
        if !agency {
            open.push((Conclusion::Agency(section.offence), weight()));
        }
        if !court {
            open.push((Conclusion::Court(section.offence), weight()));
        }
    }
    open
}

/// The offences that read a fact: in an element or its waivers, or in a jurisdiction clause;
/// every offence for the province.
fn readers(program: &Program, fact: FactId) -> Vec<OffenceId> {
    let reads = |offence: &Offence| {
        program.case_province == Some(fact)
            || offence.elements.iter().any(|e| {
                e.inputs.contains(&fact) || e.waivers.iter().any(|w| w.inputs.contains(&fact))
            })
            || offence.clauses.iter().any(|c| c.inputs.contains(&fact))
    };
    program
        .offence_ids()
        .filter(|&offence| reads(&program.offences[offence]))
        .collect()
}

/// Whether a conclusion is about one of `offences`.
fn still_read(conclusion: &Conclusion, offences: &[OffenceId]) -> bool {
    let (Conclusion::Section(offence) | Conclusion::Agency(offence) | Conclusion::Court(offence)) =
        conclusion;
    offences.contains(offence)
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
    let given: Vec<FactId> = program.fact_ids().collect();
    update_case_file(program, "", case, &given).expect("a new case file has only fact tables")
}

/// The case file `original` with the interview's answers written into it: each fact in
/// `answered` set to its value in `case`, and the facts answered "don't know" listed under
/// `[interview]`. Everything else in the file (comments, order, layout, the `[expect]` block,
/// facts the interview did not ask) is kept as written: the document is edited, not rewritten.
/// `original` is a case file that has been read as one, so its fact groups are tables.
pub fn update_case_file(
    program: &Program,
    original: &str,
    case: &Case,
    answered: &[FactId],
) -> Result<String, String> {
    let mut document: toml_edit::DocumentMut =
        original.parse().map_err(|error| format!("{error}"))?;
    // Vocabulary order, whatever the order of the answers: new tables and keys read as the
    // vocabulary does.
    let mut answered = answered.to_vec();
    answered.sort_unstable();
    answered.dedup();
    for fact in answered {
        let Some(value) = &case.values[fact] else {
            continue;
        };
        let fact = &program.facts[fact];
        let value = toml_edit::value(toml_value(value, &fact.ty));
        set_at(document.as_table_mut(), &fact.name, value)?;
    }
    if !case.dont_know.is_empty() {
        let names: toml_edit::Array = case
            .dont_know
            .iter()
            .map(|&f| program.facts[f].name.as_str())
            .collect();
        set_at(
            document.as_table_mut(),
            "interview.dont_know",
            toml_edit::value(names),
        )?;
    }
    Ok(document.to_string())
}

/// Sets the value at a dotted name (`victim.age`), creating the tables on the way.
fn set_at(table: &mut toml_edit::Table, name: &str, item: toml_edit::Item) -> Result<(), String> {
    let mut parts: Vec<&str> = name.split('.').collect();
    let key = parts.pop().unwrap_or(name);
    let mut table: &mut dyn toml_edit::TableLike = table;
    for part in parts {
        if table.get(part).is_none() {
            // Implicit: a group holding only subtables (`[movement.origin]`) gets no header.
            let mut group = toml_edit::Table::new();
            group.set_implicit(true);
            table.insert(part, toml_edit::Item::Table(group));
        }
        table = table
            .get_mut(part)
            .and_then(toml_edit::Item::as_table_like_mut)
            .ok_or_else(|| format!("`{part}` in the case file is not a table of facts"))?;
    }
    table.insert(key, item);
    Ok(())
}

/// The indices of the members whose bits are set.
fn members(bits: u64) -> impl Iterator<Item = usize> {
    (0..64).filter(move |i| bits & (1 << i) != 0)
}

#[expect(
    clippy::cast_sign_loss,
    reason = "a fact's date is read from `YYYY-MM-DD` (`facts::parse_day`), so year, month and day are all positive"
)]
fn toml_value(value: &Value, ty: &Type) -> toml_edit::Value {
    let member = |index: usize| {
        toml_edit::Value::from(
            ty.members()
                .and_then(|m| m.get(index))
                .map_or("", String::as_str),
        )
    };
    match value {
        Value::Bool(b) => (*b).into(),
        Value::Int(i) => (*i).into(),
        Value::Date(d) => toml_edit::Datetime {
            date: Some(toml_edit::Date {
                year: d.year() as u16,
                month: d.month() as u8,
                day: d.day() as u8,
            }),
            time: None,
            offset: None,
        }
        .into(),
        Value::Text(t) => t.to_string().into(),
        Value::Enum(index) => member(usize::from(*index)),
        Value::Set(bits) => members(*bits)
            .map(member)
            .collect::<toml_edit::Array>()
            .into(),
        Value::Includes(bits) => {
            let included: toml_edit::Array = members(*bits).map(member).collect();
            let mut table = toml_edit::InlineTable::new();
            table.insert("include", included.into());
            table.into()
        }
        Value::Between(min, max) => {
            let mut table = toml_edit::InlineTable::new();
            table.insert("min", (*min).into());
            table.insert("max", (*max).into());
            table.into()
        }
        Value::Days(first, last) => crate::model::written_stretch(*first, *last).into(),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::{Conclusion, open_conclusions, sample, settled_by};
    use crate::eval::{Status, evaluate};
    use crate::explain::with_values;
    use crate::facts::{self, Format};
    use crate::model::Program;
    use crate::resolve::resolve;

    /// The open conclusions as the full path gives them: `resolve`, reasons and all, sorted.
    fn resolved_open(program: &Program, outcome: &crate::eval::Outcome) -> Vec<Conclusion> {
        let resolution = resolve(program, outcome);
        let mut open: Vec<Conclusion> = outcome
            .sections
            .iter()
            .filter(|s| s.status == Status::MayApply)
            .map(|s| Conclusion::Section(s.offence))
            .collect();
        for section in &resolution.sections {
            let offence = section.offence;
            if section.agency.chosen.is_none() {
                open.push(Conclusion::Agency(offence));
            }
            if section.court.chosen.is_none() {
                open.push(Conclusion::Court(offence));
            }
        }
        open.sort_unstable();
        open
    }

    /// The interview scores an answer by re-evaluating only the offences that read the fact and
    /// by deciding agencies and courts without their reasons; on every shipped example (and the
    /// example undated), for every third fact it could ask and every value it tries, that
    /// settles exactly the conclusions the full path (evaluate everything, resolve) settles.
    #[test]
    fn scoring_an_answer_settles_what_the_full_path_settles() {
        let (_, program) =
            crate::pipeline::law::load_law(None, &[]).expect("the shipped law checks");
        let domain = crate::domain::domain(&program);
        let today = date(2026, 11, 29);
        let mut compared = 0;
        for (name, text) in crate::law::shipped_examples() {
            let mut case = facts::load(text, Format::Toml, &program).expect("examples load");
            for undated in [false, true] {
                if undated {
                    case.values[program.case_date] = None;
                }
                let outcome = evaluate(&program, &case, today);
                let open = open_conclusions(&program, &outcome);
                let mut fast: Vec<Conclusion> = open.iter().map(|(c, _)| *c).collect();
                fast.sort_unstable();
                assert_eq!(fast, resolved_open(&program, &outcome), "{name}");
                let unknown = program.fact_ids().filter(|&f| case.values[f].is_none());
                for fact in unknown.filter(|&f| f != program.case_date).step_by(3) {
                    let readers = super::readers(&program, fact);
                    for value in sample(&domain, fact) {
                        let changed = with_values(&case, &[(fact, value.clone())]);
                        let still = resolved_open(&program, &evaluate(&program, &changed, today));
                        let expected: u64 = open
                            .iter()
                            .filter(|(c, _)| !still.contains(c))
                            .map(|(_, weight)| weight)
                            .sum();
                        let scored =
                            settled_by(&program, (&case, today), &open, (fact, &value), &readers);
                        assert_eq!(scored, expected, "{name}: {}", program.facts[fact].name);
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 1000, "answers compared: {compared}");
    }
}
