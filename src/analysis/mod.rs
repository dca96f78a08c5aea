//! Static analysis of the whole law: which offences can apply together on the same facts
//! (overlaps), and which patterns of concern no offence reaches (gaps). Exact over the finite
//! fact space the rules test (BDDs, `encode.rs`); every witness is re-evaluated with the normal
//! evaluator before it is reported, so what is reported is sound.

mod encode;
mod filter;
mod groups;
mod joint;

use biodivine_lib_bdd::Bdd;
use jiff::civil::Date;
use rayon::prelude::*;

pub use encode::Encoding;
pub use filter::OverlapFilter;
pub use groups::{DeclaredGroup, Group, Groups, MAX_CLIQUES, MAX_GROUPS, Outline, groups, outline};
pub use joint::{Joint, JointSets, MAX_JOINT, joint_sets};

use crate::eval::{Status, evaluate, section_status};
use crate::facts::Case;
use crate::model::{FactId, OffenceId, OverlapKind, Program, Value};
use crate::resolve::resolve;
use crate::statute::Term;

/// Two offences that can apply on the same facts.
#[derive(Debug, Clone)]
pub struct Overlap {
    /// The two sections.
    pub sections: [String; 2],
    /// The declared overlap that names them both, if any: its kind and citation.
    pub declared: Option<(OverlapKind, String)>,
    /// Conflicts on the witness: `forum_conflict`, `agency_conflict`, `penalty_disparity`.
    pub conflicts: Vec<OverlapKind>,
    /// The smallest case found on which both apply.
    pub witness: Case,
}

/// A pattern of concern no offence reaches.
#[derive(Debug, Clone)]
pub struct Gap {
    /// The indicator's name.
    pub indicator: String,
    /// What it describes.
    pub title: String,
    /// What it rests on.
    pub cite: String,
    /// Distinct combinations of the indicator's own facts and the date that are gaps (found, up
    /// to [`MAX_PATTERNS`]).
    pub patterns: usize,
    /// A small case on which the indicator holds and no offence applies.
    pub witness: Case,
}

/// Every pair of offences (of different families) that can apply together, optionally on one
/// date only, each with a verified minimal witness.
pub fn overlaps(encoding: &mut Encoding<'_>, date: Option<Date>, today: Date) -> Vec<Overlap> {
    let program = encoding.program;
    let scope = date_scope(encoding, date);
    let applies: Vec<Bdd> = encoding.applies.iter().map(|a| a.and(&scope)).collect();
    let candidates: Vec<(OffenceId, OffenceId)> = program
        .offence_ids()
        .filter(|&i| !applies[i].is_false())
        .flat_map(|i| {
            program
                .offence_ids()
                .filter(move |&j| i < j)
                .map(move |j| (i, j))
        })
        .filter(|&(i, j)| program.family(i) != program.family(j) && shares_conduct(program, i, j))
        .collect();
    // Each pair is its own BDD conjunction and witness: independent work, shared by the cores.
    let encoding = &*encoding;
    candidates
        .par_iter()
        .filter_map(|&(i, j)| pair(encoding, &applies, i, j, today))
        .collect()
}

/// The overlap of offences `i` and `j`, if they can apply together.
fn pair(
    encoding: &Encoding<'_>,
    applies: &[Bdd],
    i: OffenceId,
    j: OffenceId,
    today: Date,
) -> Option<Overlap> {
    let program = encoding.program;
    let (a, b) = (&program.offences[i].section, &program.offences[j].section);
    let valuation = applies[i].and(&applies[j]).sat_witness()?;
    let full = encoding.case_values(&valuation);
    let holds = |case: &Case| {
        section_status(program, case, today, i) == Status::Applies
            && section_status(program, case, today, j) == Status::Applies
    };
    let relevant = reads(program, &[i, j]);
    let witness = minimize(program, full, &relevant, holds);
    let conflicts = conflicts(program, &witness, &[i, j], today);
    let declared = program
        .overlaps
        .iter()
        .find(|o| o.sections.contains(&i) && o.sections.contains(&j))
        .map(|o| (o.kind, o.cite.clone()));
    Some(Overlap {
        sections: [a.clone(), b.clone()],
        declared,
        conflicts,
        witness,
    })
}

/// Every indicator that some case satisfies while no offence applies, with a witness and a
/// count of distinct gap patterns (up to [`MAX_PATTERNS`]).
///
/// The search is lazy: take any case that meets the indicator, evaluate it, and rule out the
/// offences that apply to it, until a case remains on which none applies (or none remains).
/// Ruling out only the offences that fire keeps the BDDs small; the union of every offence
/// would not be.
pub fn gaps(encoding: &mut Encoding<'_>, date: Option<Date>, today: Date) -> Vec<Gap> {
    let program = encoding.program;
    let scope = date_scope(encoding, date);
    let mut found = Vec::new();
    for indicator in &program.indicators {
        let pattern = encoding.compile(&indicator.expr);
        let mut search = encoding.valid.and(&scope).and(&pattern);
        let mut facts = Vec::new();
        crate::explain::direct_facts(&indicator.expr, &mut facts);
        let mut own: Vec<FactId> = facts
            .iter()
            .flat_map(|&f| program.facts[f].inputs.iter().copied())
            .collect();
        own.push(program.case_date);
        own.sort_unstable();
        own.dedup();
        let mut witnesses = Vec::new();
        while witnesses.len() < MAX_PATTERNS {
            let Some(values) = next_gap(encoding, &mut search, today) else {
                break;
            };
            // Rule out this combination of the indicator's own facts, to count the next one.
            let same = own.iter().fold(encoding.all(), |all, &f| match &values[f] {
                Some(value) => all.and(&encoding.equals(f, value)),
                None => all,
            });
            search = search.and_not(&same);
            witnesses.push(values);
        }
        let Some(first) = witnesses.first().cloned() else {
            continue;
        };
        let holds = |case: &Case| {
            let outcome = evaluate(program, case, today);
            crate::eval::value::truth(&indicator.expr, &outcome.values) == Some(true)
                && outcome
                    .sections
                    .iter()
                    .all(|s| s.status == Status::DoesNotApply)
        };
        let everything: Vec<FactId> = program.fact_ids().collect();
        let witness = minimize(program, first, &everything, holds);
        found.push(Gap {
            indicator: indicator.name.clone(),
            title: indicator.title.clone(),
            cite: indicator.cite.clone(),
            patterns: witnesses.len(),
            witness,
        });
    }
    found
}

/// How many distinct gap patterns an indicator is searched for.
pub const MAX_PATTERNS: usize = 20;

/// A full case in `search` on which no offence applies, narrowing `search` as it goes.
fn next_gap(encoding: &Encoding<'_>, search: &mut Bdd, today: Date) -> Option<Vec<Option<Value>>> {
    let program = encoding.program;
    loop {
        let valuation = search.sat_witness()?;
        let values = encoding.case_values(&valuation);
        let case = Case {
            values: values.clone(),
            given_at: vec![None; program.facts.len()],
            expect: None,
            dont_know: Vec::new(),
        };
        let outcome = evaluate(program, &case, today);
        let firing: Vec<OffenceId> = outcome
            .sections
            .iter()
            .filter(|s| s.status == Status::Applies)
            .map(|s| s.offence)
            .collect();
        if firing.is_empty() {
            return Some(values);
        }
        for offence in firing {
            *search = search.and_not(&encoding.applies[offence]);
        }
    }
}

/// The case dates to consider: all, or those that read the law like `date` does.
fn date_scope(encoding: &mut Encoding<'_>, date: Option<Date>) -> Bdd {
    let Some(date) = date else {
        return encoding.valid.clone();
    };
    let program = encoding.program;
    let representatives: Vec<Date> = encoding
        .domain
        .of(program.case_date)
        .iter()
        .filter_map(|v| match v {
            Value::Date(d) if *d <= date => Some(*d),
            _ => None,
        })
        .collect();
    let Some(&nearest) = representatives.iter().max() else {
        return encoding.none();
    };
    // A case dated on the representative day: a one-fact expression compiled like any other.
    let on_day = crate::model::Expr::Compare(
        crate::model::Comparison::Eq,
        Box::new(crate::model::Expr::Fact(program.case_date)),
        Box::new(crate::model::Expr::Const(crate::model::Constant::Date(
            nearest,
        ))),
    );
    encoding.compile(&on_day).and(&encoding.valid)
}

/// Drops facts from a full case, one at a time, while `holds` stays true: a small witness that
/// still has the property (checked with the three-valued evaluator). Facts outside `relevant`
/// cannot change the property and are dropped without a check.
fn minimize(
    program: &Program,
    mut values: Vec<Option<Value>>,
    relevant: &[FactId],
    holds: impl Fn(&Case) -> bool,
) -> Case {
    for (fact, value) in program.fact_ids().zip(values.iter_mut()) {
        if fact != program.case_date && !relevant.contains(&fact) {
            *value = None;
        }
    }
    let mut case = Case {
        values,
        given_at: vec![None; program.facts.len()],
        expect: None,
        dont_know: Vec::new(),
    };
    assert!(
        holds(&case),
        "a BDD witness must satisfy the evaluator; the encoding disagrees with eval"
    );
    for fact in program.fact_ids().rev() {
        if fact == program.case_date || case.values[fact].is_none() {
            continue;
        }
        let kept = case.values[fact].take();
        if !holds(&case) {
            case.values[fact] = kept;
        }
    }
    case
}

/// Conflicts among offences that all apply on a witness: they go to different courts or
/// agencies, or one maximum penalty is at least twice another.
fn conflicts(
    program: &Program,
    witness: &Case,
    members: &[OffenceId],
    today: Date,
) -> Vec<OverlapKind> {
    let outcome = evaluate(program, witness, today);
    let resolution = resolve(program, &outcome);
    let found: Vec<(OffenceId, &crate::resolve::SectionJurisdiction)> = members
        .iter()
        .filter_map(|&index| {
            resolution
                .sections
                .iter()
                .find(|s| s.section(program) == program.offences[index].section)
                .map(|s| (index, s))
        })
        .collect();
    if found.len() < members.len() {
        return Vec::new();
    }
    let mut kinds = Vec::new();
    let court = |s: &crate::resolve::SectionJurisdiction| s.court.chosen.as_ref().map(|c| c.value);
    let agency =
        |s: &crate::resolve::SectionJurisdiction| s.agency.chosen.as_ref().map(|c| c.value);
    if found.iter().any(|(_, s)| court(s) != court(found[0].1)) {
        kinds.push(OverlapKind::ForumConflict);
    }
    if found.iter().any(|(_, s)| agency(s) != agency(found[0].1)) {
        kinds.push(OverlapKind::AgencyConflict);
    }
    let maximum = |index: OffenceId| {
        let section = &outcome.sections[index];
        let (version, _) = section.version.as_ref()?;
        let particulars = program.book.sections[section.section(program)].versions[*version]
            .offence
            .as_ref()?;
        match particulars.punishment.imprisonment?.max? {
            Term::Months(m) => Some(m),
            Term::Life => Some(12 * 40),
        }
    };
    let maxima: Vec<u32> = members.iter().filter_map(|&i| maximum(i)).collect();
    if let (Some(&x), Some(&y)) = (maxima.iter().max(), maxima.iter().min()) {
        if maxima.len() >= 2 && x >= 2 * y.max(1) {
            kinds.push(OverlapKind::PenaltyDisparity);
        }
    }
    kinds
}

/// The input facts some offences read, with the province where one is provincial.
fn reads(program: &Program, offences: &[OffenceId]) -> Vec<FactId> {
    let mut facts: Vec<FactId> = offences
        .iter()
        .flat_map(|&index| program.offences[index].inputs())
        .collect();
    facts.extend(program.case_province);
    facts.sort_unstable();
    facts.dedup();
    facts
}

/// Whether two offences read a common fact about the conduct, the people or the harm (not only
/// the date or the province): only then can the same facts, rather than two unrelated acts in
/// one case file, make both apply.
fn shares_conduct(program: &Program, a: OffenceId, b: OffenceId) -> bool {
    let inputs = |index: OffenceId| -> Vec<FactId> {
        let mut facts = program.offences[index].inputs();
        facts.retain(|&f| f != program.case_date && Some(f) != program.case_province);
        facts
    };
    let (x, y) = (inputs(a), inputs(b));
    x.iter().any(|f| y.contains(f))
}
