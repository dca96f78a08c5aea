//! Evaluation order of derived facts, and the cycles that make an order impossible.

use std::collections::HashMap;

use super::CheckError;
use crate::model::FactId;
use crate::syntax::ast::{self, ExprKind};

/// Derived facts sorted so each comes after the derived facts it uses. Facts on a cycle are
/// left out and reported, once per cycle.
pub(super) fn derive_order(
    derived: &[(FactId, &ast::DeriveDecl)],
    ids: &HashMap<String, FactId>,
    errors: &mut Vec<CheckError>,
) -> Vec<FactId> {
    let index: HashMap<FactId, usize> = derived
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    let uses: Vec<Vec<usize>> = derived
        .iter()
        .map(|(_, decl)| {
            let mut names = Vec::new();
            fact_names(&decl.expr, &mut names);
            names
                .iter()
                .filter_map(|name| ids.get(*name).and_then(|id| index.get(id)).copied())
                .collect()
        })
        .collect();
    let mut state = vec![Mark::New; derived.len()];
    let mut order = Vec::new();
    let mut stack = Vec::new();
    for start in 0..derived.len() {
        visit(
            start, &uses, &mut state, &mut stack, &mut order, derived, errors,
        );
    }
    order.into_iter().map(|i| derived[i].0).collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    New,
    Active,
    Done,
    Cyclic,
}

fn visit(
    node: usize,
    uses: &[Vec<usize>],
    state: &mut [Mark],
    stack: &mut Vec<usize>,
    order: &mut Vec<usize>,
    derived: &[(FactId, &ast::DeriveDecl)],
    errors: &mut Vec<CheckError>,
) {
    if state[node] != Mark::New {
        return;
    }
    state[node] = Mark::Active;
    stack.push(node);
    for &next in &uses[node] {
        match state[next] {
            Mark::New => visit(next, uses, state, stack, order, derived, errors),
            Mark::Active => report_cycle(next, stack, state, derived, errors),
            Mark::Done | Mark::Cyclic => {}
        }
    }
    stack.pop();
    if state[node] == Mark::Active {
        state[node] = Mark::Done;
        order.push(node);
    }
}

fn report_cycle(
    start: usize,
    stack: &[usize],
    state: &mut [Mark],
    derived: &[(FactId, &ast::DeriveDecl)],
    errors: &mut Vec<CheckError>,
) {
    let from = stack.iter().position(|&n| n == start).unwrap_or(0);
    let members = &stack[from..];
    let mut chain: Vec<&str> = members
        .iter()
        .map(|&n| derived[n].1.name.value.as_str())
        .collect();
    chain.push(&derived[start].1.name.value);
    let decl = derived[start].1;
    errors.push(CheckError::Cycle {
        name: decl.name.value.clone(),
        cycle: chain.join(" -> "),
        span: decl.name.span,
    });
    for &member in members {
        state[member] = Mark::Cyclic;
    }
}

/// Every fact name an expression mentions.
pub(super) fn fact_names<'a>(expr: &'a ast::Expr, names: &mut Vec<&'a str>) {
    match &expr.kind {
        ExprKind::Fact(name) => names.push(name),
        ExprKind::SetTest { fact, .. } => names.push(&fact.value),
        ExprKind::Not(operand) => fact_names(operand, names),
        ExprKind::Binary(_, left, right) => {
            fact_names(left, names);
            fact_names(right, names);
        }
        ExprKind::Bool(_)
        | ExprKind::Int(_)
        | ExprKind::Date(_)
        | ExprKind::Text(_)
        | ExprKind::Symbol(_) => {}
    }
}
