//! The law as binary decision diagrams: every input fact as boolean variables over the finite
//! fact space of [`crate::domain`] (a variable per set member, one-hot variables for enums,
//! numbers, dates and text), and each offence's "applies" as one BDD over them. Exact over that
//! abstraction, so a satisfying assignment is a real case and an empty BDD a real impossibility.

use std::collections::HashMap;

use biodivine_lib_bdd::{Bdd, BddValuation, BddVariable, BddVariableSet, BddVariableSetBuilder};
use jiff::civil::Date;

use crate::domain::{Domain, domain};
use crate::model::{Comparison, Constant, Expr, FactId, OffenceId, Program, Type, Value};
use crate::statute::{InstrumentId, Reading, Windows};

/// How one input fact is represented.
#[derive(Debug, Clone)]
enum FactVars {
    /// Derived facts have no variables of their own.
    Derived,
    /// A boolean.
    Bool(BddVariable),
    /// A set: one variable per member.
    Members(Vec<BddVariable>),
    /// Exactly one of these values.
    OneHot(Vec<(Value, BddVariable)>),
}

/// The program encoded as BDDs.
pub struct Encoding<'p> {
    /// The law.
    pub program: &'p Program,
    /// The fact space.
    pub domain: Domain,
    vars: BddVariableSet,
    facts: Vec<FactVars>,
    /// Every assignment that is a possible case (one value per one-hot fact).
    pub valid: Bdd,
    derived: HashMap<FactId, Bdd>,
    /// Per offence: the BDD of the cases on which it applies.
    pub applies: Vec<Bdd>,
    /// Per case date of the domain, in its order: per offence, the elements in force on it
    /// (`None` when no version is).
    readings: Vec<Vec<Option<Vec<usize>>>>,
}

impl<'p> Encoding<'p> {
    /// Encodes every offence of a program.
    pub fn new(program: &'p Program) -> Self {
        let domain = domain(program);
        let mut builder = BddVariableSetBuilder::new();
        let facts: Vec<FactVars> = program
            .facts
            .iter()
            .enumerate()
            .map(|(id, fact)| match (&fact.derivation, &fact.ty) {
                (Some(_), _) => FactVars::Derived,
                (None, Type::Bool) => FactVars::Bool(builder.make_variable(&format!("f{id}"))),
                (None, Type::Set(members)) => FactVars::Members(
                    (0..members.len())
                        .map(|m| builder.make_variable(&format!("f{id}_m{m}")))
                        .collect(),
                ),
                (None, _) => FactVars::OneHot(
                    domain
                        .of(FactId(id))
                        .iter()
                        .enumerate()
                        .map(|(k, v)| (v.clone(), builder.make_variable(&format!("f{id}_v{k}"))))
                        .collect(),
                ),
            })
            .collect();
        let vars = builder.build();
        let valid = facts.iter().fold(vars.mk_true(), |all, fact| match fact {
            FactVars::OneHot(values) => all.and(&exactly_one(
                &vars,
                values.iter().map(|(_, v)| *v).collect(),
            )),
            _ => all,
        });
        let mut encoding = Encoding {
            program,
            domain,
            vars,
            facts,
            valid,
            derived: HashMap::new(),
            applies: Vec::new(),
            readings: Vec::new(),
        };
        encoding.applies = program
            .offence_ids()
            .map(|offence| encoding.offence(offence))
            .collect();
        encoding
    }

    /// The cases (over the whole fact space) on which an expression holds.
    pub fn compile(&mut self, expr: &Expr) -> Bdd {
        match expr {
            Expr::Const(Constant::Bool(b)) => self.constant(*b),
            Expr::Const(_) => self.vars.mk_false(),
            Expr::Fact(fact) => self.truth_of(*fact),
            Expr::Not(operand) => self.compile(operand).not(),
            Expr::And(l, r) => self.compile(l).and(&self.compile(r)),
            Expr::Or(l, r) => self.compile(l).or(&self.compile(r)),
            Expr::SetAny(fact, mask) => self
                .members(*fact, *mask)
                .into_iter()
                .fold(self.vars.mk_false(), |a, b| a.or(&b)),
            Expr::SetAll(fact, mask) => self
                .members(*fact, *mask)
                .into_iter()
                .fold(self.vars.mk_true(), |a, b| a.and(&b)),
            Expr::EnumIn(fact, mask) => {
                let values = self.values_of(*fact);
                values
                    .into_iter()
                    .filter(|(v, _)| matches!(v, Value::Enum(i) if mask & (1 << i) != 0))
                    .fold(self.vars.mk_false(), |a, (_, b)| a.or(&b))
            }
            Expr::Compare(op, l, r) => {
                let (left, right) = (self.operand(l), self.operand(r));
                let mut result = self.vars.mk_false();
                for (a, bdd_a) in &left {
                    for (b, bdd_b) in &right {
                        if compare(*op, a, b) {
                            result = result.or(&bdd_a.and(bdd_b));
                        }
                    }
                }
                result
            }
        }
    }

    /// A full case (every input fact given) read off a satisfying assignment.
    pub fn case_values(&self, valuation: &BddValuation) -> Vec<Option<Value>> {
        self.facts
            .iter()
            .map(|fact| match fact {
                FactVars::Derived => None,
                FactVars::Bool(var) => Some(Value::Bool(valuation.value(*var))),
                FactVars::Members(members) => Some(Value::Set(
                    members
                        .iter()
                        .enumerate()
                        .filter(|(_, v)| valuation.value(**v))
                        .fold(0, |bits, (m, _)| bits | (1 << m)),
                )),
                FactVars::OneHot(values) => values
                    .iter()
                    .find(|(_, var)| valuation.value(*var))
                    .map(|(value, _)| value.clone()),
            })
            .collect()
    }

    /// Every case.
    pub fn all(&self) -> Bdd {
        self.vars.mk_true()
    }

    /// The cases on which a fact has this value.
    pub fn equals(&self, fact: FactId, value: &Value) -> Bdd {
        let literal = |var: BddVariable, yes: bool| {
            if yes {
                self.vars.mk_var(var)
            } else {
                self.vars.mk_var(var).not()
            }
        };
        match (&self.facts[fact], value) {
            (FactVars::Bool(var), Value::Bool(b)) => literal(*var, *b),
            (FactVars::Members(members), Value::Set(bits)) => members
                .iter()
                .enumerate()
                .fold(self.vars.mk_true(), |all, (m, var)| {
                    all.and(&literal(*var, bits & (1 << m) != 0))
                }),
            // An open set: the members listed, whatever the others are.
            (FactVars::Members(members), Value::Includes(bits)) => members
                .iter()
                .enumerate()
                .filter(|(m, _)| bits & (1 << m) != 0)
                .fold(self.vars.mk_true(), |all, (_, var)| {
                    all.and(&literal(*var, true))
                }),
            (FactVars::OneHot(values), Value::Between(min, max)) => {
                self.within(values, &Value::Int(*min), &Value::Int(*max))
            }
            (FactVars::OneHot(values), Value::Days(first, last)) => {
                self.within(values, &Value::Date(*first), &Value::Date(*last))
            }
            (FactVars::OneHot(values), value) => values
                .iter()
                .find(|(v, _)| v == value)
                .map_or_else(|| self.vars.mk_false(), |(_, var)| self.vars.mk_var(*var)),
            _ => self.vars.mk_true(),
        }
    }

    /// The cases whose value of a one-hot fact may lie between two bounds: each representative
    /// stands for the values from it up to the next one (the domain keeps a fact's values in
    /// order), so those whose stretch meets the bounds.
    fn within(&self, values: &[(Value, BddVariable)], low: &Value, high: &Value) -> Bdd {
        let order = compare_values;
        let starts_before = values
            .iter()
            .rposition(|(v, _)| order(v, low).is_some_and(std::cmp::Ordering::is_le))
            .unwrap_or(0);
        values
            .iter()
            .enumerate()
            .filter(|(k, (v, _))| {
                *k == starts_before
                    || (order(v, low).is_some_and(std::cmp::Ordering::is_gt)
                        && order(v, high).is_some_and(std::cmp::Ordering::is_le))
            })
            .fold(self.vars.mk_false(), |any, (_, (_, var))| {
                any.or(&self.vars.mk_var(*var))
            })
    }

    /// How to cut the fact space into parts to search one at a time: the days (one per
    /// stretch of case dates on which every offence reads the same, or only the day that reads
    /// the law like `date`) and the provinces, each as the values it fixes; a part is a day
    /// and a province. Within a part the fixed facts drop out of every BDD, which keeps
    /// searches over many offences small.
    pub(super) fn regions(&self, date: Option<Date>) -> (Vec<Fixed>, Vec<Fixed>) {
        let program = self.program;
        let days = self.one_hot(program.case_date);
        // A rule that reads the date itself tells apart days the versions in force do not.
        let dated = program
            .offences
            .iter()
            .any(|o| o.inputs().contains(&program.case_date));
        let chosen: Vec<usize> = match date {
            Some(on) => days
                .iter()
                .enumerate()
                .filter_map(|(k, (value, _))| match value {
                    Value::Date(d) if *d <= on => Some((*d, k)),
                    _ => None,
                })
                .max()
                .map(|(_, k)| k)
                .into_iter()
                .collect(),
            None => (0..days.len()).fold(Vec::new(), |mut chosen, k| {
                let same = |&c: &usize| !dated && self.readings[c] == self.readings[k];
                if !chosen.iter().any(same) {
                    chosen.push(k);
                }
                chosen
            }),
        };
        let provinces = program
            .case_province
            .map(|fact| self.one_hot(fact))
            .unwrap_or_default();
        (
            chosen.into_iter().map(|day| fix(&days, day)).collect(),
            (0..provinces.len().max(1))
                .map(|province| fix(&provinces, province))
                .collect(),
        )
    }

    /// The one-hot values of a fact (none for other facts).
    fn one_hot(&self, fact: FactId) -> Vec<(Value, BddVariable)> {
        match &self.facts[fact] {
            FactVars::OneHot(values) => values.clone(),
            _ => Vec::new(),
        }
    }

    /// The empty set of cases.
    pub fn none(&self) -> Bdd {
        self.vars.mk_false()
    }

    fn constant(&self, value: bool) -> Bdd {
        if value {
            self.vars.mk_true()
        } else {
            self.vars.mk_false()
        }
    }

    /// A boolean fact (input or derived) as the cases on which it is true.
    fn truth_of(&mut self, fact: FactId) -> Bdd {
        match &self.facts[fact] {
            FactVars::Bool(var) => self.vars.mk_var(*var),
            FactVars::Derived => {
                if let Some(bdd) = self.derived.get(&fact) {
                    return bdd.clone();
                }
                let expr = self.program.facts[fact]
                    .derivation
                    .as_ref()
                    .expect("a derived fact")
                    .expr
                    .clone();
                let bdd = self.compile(&expr);
                self.derived.insert(fact, bdd.clone());
                bdd
            }
            _ => self.vars.mk_false(),
        }
    }

    fn members(&self, fact: FactId, mask: u64) -> Vec<Bdd> {
        match &self.facts[fact] {
            FactVars::Members(members) => members
                .iter()
                .enumerate()
                .filter(|(m, _)| mask & (1 << m) != 0)
                .map(|(_, v)| self.vars.mk_var(*v))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The values a fact can take, each with the cases on which it takes it.
    fn values_of(&mut self, fact: FactId) -> Vec<(Value, Bdd)> {
        match self.facts[fact].clone() {
            FactVars::OneHot(values) => values
                .iter()
                .map(|(value, var)| (value.clone(), self.vars.mk_var(*var)))
                .collect(),
            FactVars::Bool(_) | FactVars::Derived if self.program.facts[fact].ty == Type::Bool => {
                let truth = self.truth_of(fact);
                vec![
                    (Value::Bool(true), truth.clone()),
                    (Value::Bool(false), truth.not()),
                ]
            }
            _ => Vec::new(),
        }
    }

    fn operand(&mut self, expr: &Expr) -> Vec<(Value, Bdd)> {
        match expr {
            Expr::Fact(fact) => self.values_of(*fact),
            Expr::Const(constant) => vec![(constant_value(constant), self.vars.mk_true())],
            other => {
                let truth = self.compile(other);
                vec![
                    (Value::Bool(true), truth.clone()),
                    (Value::Bool(false), truth.not()),
                ]
            }
        }
    }

    /// The cases on which an offence applies: for each stretch of dates on which the same
    /// version and elements are in force, those dates and every element (or its waiver).
    fn offence(&mut self, index: OffenceId) -> Bdd {
        let program = self.program;
        let offence = &program.offences[index];
        let section = &program.book.sections[&offence.section];
        let dates: Vec<(Date, Bdd)> = self
            .values_of(program.case_date)
            .into_iter()
            .filter_map(|(value, bdd)| match value {
                Value::Date(day) => Some((day, bdd)),
                _ => None,
            })
            .collect();
        self.readings.resize(dates.len(), Vec::new());
        let mut periods: Vec<(Vec<usize>, Bdd)> = Vec::new();
        for (k, (day, bdd)) in dates.into_iter().enumerate() {
            let reading = Reading {
                date: day,
                windows: Windows::Earlier,
            };
            let law = &crate::model::in_force::on(program, reading).offences[index];
            if law.version.is_none() {
                self.readings[k].push(None);
                continue;
            }
            let elements = law.elements.clone();
            self.readings[k].push(Some(elements.clone()));
            match periods.iter_mut().find(|(active, _)| *active == elements) {
                Some((_, days)) => *days = days.or(&bdd),
                None => periods.push((elements, bdd)),
            }
        }
        let territory = self.territory(section.instrument);
        let mut applies = self.vars.mk_false();
        for (active, days) in periods {
            let mut body = days.and(&territory);
            for e in active {
                let element = offence.elements[e].clone();
                let mut holds = self.compile(&element.expr);
                for waiver in &element.waivers {
                    holds = holds.or(&self.compile(&waiver.condition));
                }
                body = body.and(&holds);
            }
            applies = applies.or(&body);
        }
        applies.and(&self.valid)
    }

    /// For a provincial instrument, the cases in its province.
    fn territory(&mut self, instrument: InstrumentId) -> Bdd {
        let program = self.program;
        let jurisdiction = program.book.instruments[instrument].jurisdiction;
        if jurisdiction == crate::statute::Jurisdiction::Federal {
            return self.vars.mk_true();
        }
        // Case files name a province as `case.province`'s option of the same id.
        let province = jurisdiction.id();
        let Some(fact) = program.case_province else {
            return self.vars.mk_false();
        };
        let ty = program.facts[fact].ty.clone();
        self.values_of(fact)
            .into_iter()
            .filter(|(v, _)| v.display(&ty) == province)
            .fold(self.vars.mk_false(), |a, (_, b)| a.or(&b))
    }
}

/// Exactly one of the variables is true, built in one pass (none so far / exactly one so far)
/// rather than from every pair.
fn exactly_one(vars: &BddVariableSet, members: Vec<BddVariable>) -> Bdd {
    let (mut none, mut one) = (vars.mk_true(), vars.mk_false());
    for member in members {
        let var = vars.mk_var(member);
        one = one.and(&var.not()).or(&none.and(&var));
        none = none.and(&var.not());
    }
    one
}

/// Values given to some variables.
pub(super) type Fixed = Vec<(BddVariable, bool)>;

/// The assignment that gives a one-hot fact its `chosen` value.
/// (Nothing, for a fact that is not one-hot.)
fn fix(values: &[(Value, BddVariable)], chosen: usize) -> Vec<(BddVariable, bool)> {
    values
        .iter()
        .enumerate()
        .map(|(k, (_, var))| (*var, k == chosen))
        .collect()
}

fn constant_value(constant: &Constant) -> Value {
    match constant {
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::Date(d) => Value::Date(*d),
        Constant::Text(t) => Value::Text(t.clone()),
    }
}

/// The order of two numbers or two days; `None` for values without one.
fn compare_values(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

fn compare(op: Comparison, a: &Value, b: &Value) -> bool {
    match (op, compare_values(a, b)) {
        (Comparison::Eq, _) => a == b,
        (Comparison::Ne, _) => a != b,
        (Comparison::Lt, Some(o)) => o.is_lt(),
        (Comparison::Le, Some(o)) => o.is_le(),
        (Comparison::Gt, Some(o)) => o.is_gt(),
        (Comparison::Ge, Some(o)) => o.is_ge(),
        _ => false,
    }
}
