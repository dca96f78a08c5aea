//! The finite fact space the rules actually test. Every input fact gets a short list of
//! representative values such that any value it could take makes every test in the rules come
//! out the same as one of them: booleans both ways, every enum member, ints and dates on each
//! side of every threshold the rules compare them with, and for sets every combination of the
//! groups of members that the rules' tests cannot tell apart. Exact searches (deciding facts,
//! flips, the interview's choice of question) enumerate these values instead of guessing.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::model::{Comparison, Constant, Expr, FactId, Program, Type, Value};

/// Representative values per input fact (empty for derived facts).
#[derive(Debug, Clone)]
pub struct Domain {
    /// Indexed by fact id.
    pub values: Vec<Vec<Value>>,
    /// For set facts: the member masks the rules test (empty for other facts).
    pub masks: Vec<Vec<u64>>,
}

/// What the rules compare a fact with.
#[derive(Debug, Default, Clone)]
struct Tests {
    ints: BTreeSet<i64>,
    dates: BTreeSet<Date>,
    texts: BTreeSet<String>,
    masks: BTreeSet<u64>,
    all_masks: BTreeSet<u64>,
}

/// Builds the domain from every expression in the program and the statute dates.
pub fn domain(program: &Program) -> Domain {
    let mut tests = vec![Tests::default(); program.facts.len()];
    for expr in expressions(program) {
        collect(expr, &mut tests);
    }
    for key in program.book.dates.values() {
        // Dates around every date key, so that every version boundary is on both sides.
        let days = match key.bound {
            crate::statute::DateBound::On(day) => vec![day],
            crate::statute::DateBound::Window { after, by } => vec![after, by],
        };
        tests[program.case_date].dates.extend(days);
    }
    let values = program
        .facts
        .iter()
        .enumerate()
        .map(|(id, fact)| match fact.derivation {
            Some(_) => Vec::new(),
            None => representatives(&fact.ty, &tests[id]),
        })
        .collect();
    let masks = tests
        .iter()
        .map(|t| t.masks.iter().chain(&t.all_masks).copied().collect())
        .collect();
    Domain { values, masks }
}

/// Every expression the evaluator may read.
fn expressions(program: &Program) -> Vec<&Expr> {
    let mut exprs: Vec<&Expr> = program
        .facts
        .iter()
        .filter_map(|f| f.derivation.as_ref().map(|d| &d.expr))
        .collect();
    for offence in &program.offences {
        for element in &offence.elements {
            exprs.push(&element.expr);
            exprs.extend(element.waivers.iter().map(|w| &w.condition));
        }
        exprs.extend(offence.clauses.iter().filter_map(|c| c.condition.as_ref()));
    }
    exprs.extend(
        program
            .protections
            .iter()
            .filter_map(|p| p.condition.as_ref()),
    );
    exprs
}

fn collect(expr: &Expr, tests: &mut [Tests]) {
    match expr {
        Expr::Const(_) | Expr::Fact(_) | Expr::EnumIn(..) => {}
        Expr::SetAny(fact, mask) => {
            tests[*fact].masks.insert(*mask);
        }
        Expr::SetAll(fact, mask) => {
            tests[*fact].all_masks.insert(*mask);
        }
        Expr::Not(operand) => collect(operand, tests),
        Expr::And(l, r) | Expr::Or(l, r) => {
            collect(l, tests);
            collect(r, tests);
        }
        Expr::Compare(op, l, r) => {
            if let (Expr::Fact(fact), Expr::Const(c)) | (Expr::Const(c), Expr::Fact(fact)) =
                (&**l, &**r)
            {
                record(*fact, c, *op, tests);
            }
            collect(l, tests);
            collect(r, tests);
        }
    }
}

fn record(fact: FactId, constant: &Constant, _op: Comparison, tests: &mut [Tests]) {
    let entry = &mut tests[fact];
    match constant {
        Constant::Int(value) => {
            entry
                .ints
                .extend([value.saturating_sub(1), *value, value.saturating_add(1)]);
        }
        Constant::Date(day) => {
            entry.dates.insert(*day);
        }
        Constant::Text(text) => {
            entry.texts.insert(text.to_string());
        }
        Constant::Bool(_) => {}
    }
}

fn representatives(ty: &Type, tests: &Tests) -> Vec<Value> {
    match ty {
        Type::Bool => vec![Value::Bool(true), Value::Bool(false)],
        Type::Enum(members) => (0..members.len())
            .map(|i| Value::Enum(u8::try_from(i).expect("at most 64 members")))
            .collect(),
        Type::Int { min, max } => {
            let mut values: BTreeSet<i64> = tests
                .ints
                .iter()
                .copied()
                .filter(|v| v >= min && v <= max)
                .collect();
            values.insert(*min.max(&0).min(max));
            values.into_iter().map(Value::Int).collect()
        }
        Type::Date => {
            let mut days = BTreeSet::new();
            for day in &tests.dates {
                days.insert(*day);
                days.extend(day.yesterday().ok());
                days.extend(day.tomorrow().ok());
            }
            days.into_iter().map(Value::Date).collect()
        }
        Type::Text => {
            let mut texts: Vec<Value> = tests
                .texts
                .iter()
                .map(|t| Value::Text(t.as_str().into()))
                .collect();
            texts.push(Value::Text("other".into()));
            texts
        }
        Type::Set(members) => set_representatives(members.len(), tests)
            .into_iter()
            .map(Value::Set)
            .collect(),
    }
}

/// Members the tests cannot tell apart form a class; a representative set takes each class
/// whole or not at all, and, where an `all` test reads a class, also in part.
fn set_representatives(members: usize, tests: &Tests) -> Vec<u64> {
    let masks: Vec<u64> = tests
        .masks
        .iter()
        .chain(&tests.all_masks)
        .copied()
        .collect();
    let mut classes: Vec<u64> = Vec::new();
    for member in 0..members {
        let bit = 1u64 << member;
        let signature: Vec<bool> = masks.iter().map(|m| m & bit != 0).collect();
        if signature.iter().all(|in_mask| !in_mask) {
            continue; // no test reads this member
        }
        match classes.iter_mut().find(|class| {
            let first = 1u64 << class.trailing_zeros();
            masks.iter().map(|m| m & first != 0).collect::<Vec<_>>() == signature
        }) {
            Some(class) => *class |= bit,
            None => classes.push(bit),
        }
    }
    let mut states: Vec<Vec<u64>> = classes
        .iter()
        .map(|class| {
            let mut options = vec![0, *class];
            let partial = class & class.wrapping_sub(1) != 0
                && tests.all_masks.iter().any(|m| m & class != 0);
            if partial {
                options.push(1u64 << class.trailing_zeros());
            }
            options
        })
        .collect();
    let mut sets = vec![0u64];
    for options in states.drain(..) {
        sets = sets
            .iter()
            .flat_map(|set| options.iter().map(move |o| set | o))
            .collect();
        if sets.len() > 4096 {
            break; // beyond this a fact is too rich to enumerate; the classes seen so far stand
        }
    }
    sets
}

impl Domain {
    /// The representative values of a fact.
    pub fn of(&self, fact: FactId) -> &[Value] {
        &self.values[fact]
    }
}
