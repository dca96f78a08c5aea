//! Three-valued (Kleene) evaluation of checked expressions. `None` is unknown: an unknown
//! operand makes a result unknown unless the known operands settle it (`false and ?` is false).

use std::cmp::Ordering;

use jiff::civil::Date;

use crate::model::{Comparison, Constant, Expr, FactId, Program, Value};

/// The truth of a condition: `Some(true)`, `Some(false)` or `None` (unknown).
pub fn truth(expr: &Expr, values: &[Option<Value>]) -> Option<bool> {
    match expr {
        Expr::Not(operand) => truth(operand, values).map(|value| !value),
        // A side that settles the result spares reading the other (truth reads, never writes).
        Expr::And(left, right) => match truth(left, values) {
            Some(false) => Some(false),
            Some(true) => truth(right, values),
            None => truth(right, values).filter(|holds| !holds),
        },
        Expr::Or(left, right) => match truth(left, values) {
            Some(true) => Some(true),
            Some(false) => truth(right, values),
            None => truth(right, values).filter(|holds| *holds),
        },
        Expr::SetAny(fact, mask) => match values[*fact] {
            Some(Value::Set(bits)) => Some(bits & mask != 0),
            // An open set settles `any` only by a member it lists; the others are unknown.
            Some(Value::Includes(bits)) => (bits & mask != 0).then_some(true),
            _ => None,
        },
        Expr::SetAll(fact, mask) => match values[*fact] {
            Some(Value::Set(bits)) => Some(bits & mask == *mask),
            Some(Value::Includes(bits)) => (bits & mask == *mask).then_some(true),
            _ => None,
        },
        Expr::EnumIn(fact, mask) => match values[*fact] {
            Some(Value::Enum(index)) => Some(mask & (1 << index) != 0),
            _ => None,
        },
        Expr::Compare(op, left, right) => {
            compare(*op, &operand(left, values)?, &operand(right, values)?)
        }
        Expr::Const(Constant::Bool(value)) => Some(*value),
        Expr::Fact(fact) => match values[*fact] {
            Some(Value::Bool(value)) => Some(value),
            _ => None,
        },
        Expr::Const(_) => None,
    }
}

/// The input facts whose unknown values leave `expr` unknown, followed through derived facts:
/// only operands that are unknown themselves count, so `false and ?` names nothing and an
/// attempt test settled by a closed list does not name the destination it would also read.
pub fn unsettled_inputs(
    program: &Program,
    expr: &Expr,
    values: &[Option<Value>],
    found: &mut Vec<FactId>,
) {
    match expr {
        Expr::Not(operand) => unsettled_inputs(program, operand, values, found),
        Expr::And(left, right) | Expr::Or(left, right) => {
            for side in [left, right] {
                if truth(side, values).is_none() {
                    unsettled_inputs(program, side, values, found);
                }
            }
        }
        Expr::Compare(_, left, right) => {
            for side in [left, right] {
                if value(side, values).is_none() {
                    unsettled_inputs(program, side, values, found);
                }
            }
        }
        Expr::Fact(fact)
        | Expr::SetAny(fact, _)
        | Expr::SetAll(fact, _)
        | Expr::EnumIn(fact, _) => match &program.facts[*fact].derivation {
            Some(derivation) if values[*fact].is_none() => {
                unsettled_inputs(program, &derivation.expr, values, found);
            }
            None if !found.contains(fact) => found.push(*fact),
            Some(_) | None => {}
        },
        Expr::Const(_) => {}
    }
}

/// The value of an expression, or `None` when unknown.
pub fn value(expr: &Expr, values: &[Option<Value>]) -> Option<Value> {
    match expr {
        Expr::Const(constant) => Some(match constant {
            Constant::Bool(value) => Value::Bool(*value),
            Constant::Int(value) => Value::Int(*value),
            Constant::Date(value) => Value::Date(*value),
            Constant::Text(value) => Value::Text(value.clone()),
        }),
        Expr::Fact(fact) => values[*fact].clone(),
        _ => truth(expr, values).map(Value::Bool),
    }
}

/// A value to compare, borrowed where it is held: comparing must not copy text (nor count
/// references to it, which threads evaluating cases side by side would contend for).
#[derive(PartialEq)]
enum Operand<'a> {
    Bool(bool),
    Int(i64),
    Date(Date),
    Text(&'a str),
    Enum(u8),
    Set(u64),
    /// An open set equals no closed one for certain, so it compares as unknown.
    Unsettled,
    /// A number or a day known only within bounds (both included), as its ends.
    IntRange(i64, i64),
    DateRange(Date, Date),
}

fn operand<'a>(expr: &'a Expr, values: &'a [Option<Value>]) -> Option<Operand<'a>> {
    Some(match expr {
        Expr::Const(Constant::Bool(value)) => Operand::Bool(*value),
        Expr::Const(Constant::Int(value)) => Operand::Int(*value),
        Expr::Const(Constant::Date(value)) => Operand::Date(*value),
        Expr::Const(Constant::Text(value)) => Operand::Text(value),
        Expr::Fact(fact) => match values[*fact].as_ref()? {
            Value::Bool(value) => Operand::Bool(*value),
            Value::Int(value) => Operand::Int(*value),
            Value::Date(value) => Operand::Date(*value),
            Value::Text(value) => Operand::Text(value),
            Value::Enum(index) => Operand::Enum(*index),
            Value::Set(bits) => Operand::Set(*bits),
            Value::Includes(_) => Operand::Unsettled,
            Value::Between(min, max) => Operand::IntRange(*min, *max),
            Value::Days(first, last) => Operand::DateRange(*first, *last),
        },
        _ => Operand::Bool(truth(expr, values)?),
    })
}

fn compare(op: Comparison, left: &Operand<'_>, right: &Operand<'_>) -> Option<bool> {
    if let Some((a, b)) = int_bounds(left).zip(int_bounds(right)) {
        return compare_bounds(op, a, b);
    }
    if let Some((a, b)) = date_bounds(left).zip(date_bounds(right)) {
        return compare_bounds(op, a, b);
    }
    if matches!(left, Operand::Unsettled) || matches!(right, Operand::Unsettled) {
        return None;
    }
    equality(op, left == right)
}

/// A number's bounds: a known number is its own.
fn int_bounds(operand: &Operand<'_>) -> Option<(i64, i64)> {
    match *operand {
        Operand::Int(value) => Some((value, value)),
        Operand::IntRange(min, max) => Some((min, max)),
        _ => None,
    }
}

/// A day's bounds: a known day is its own.
fn date_bounds(operand: &Operand<'_>) -> Option<(Date, Date)> {
    match *operand {
        Operand::Date(day) => Some((day, day)),
        Operand::DateRange(first, last) => Some((first, last)),
        _ => None,
    }
}

/// A comparison of two values each known only within bounds: true (or false) when it holds
/// (or fails) for every pair of values within them, unknown otherwise. For exact values it
/// is the plain comparison.
fn compare_bounds<T: Ord>(
    op: Comparison,
    (low_a, high_a): (T, T),
    (low_b, high_b): (T, T),
) -> Option<bool> {
    let exact = |a: &T, b: &T| exact_comparison(op, a.cmp(b));
    // Every comparison is monotone in each operand, so the extreme pairs decide it, except
    // equality, which may hold inside two ranges that overlap.
    let corners = [
        exact(&low_a, &low_b),
        exact(&low_a, &high_b),
        exact(&high_a, &low_b),
        exact(&high_a, &high_b),
    ];
    let overlap = low_a <= high_b && low_b <= high_a;
    let exact_pair = low_a == high_a && low_b == high_b;
    match op {
        Comparison::Eq | Comparison::Ne if exact_pair => Some(corners[0]),
        Comparison::Eq => (!overlap).then_some(false),
        Comparison::Ne => (!overlap).then_some(true),
        _ if corners.iter().all(|&c| c) => Some(true),
        _ if corners.iter().all(|&c| !c) => Some(false),
        _ => None,
    }
}

fn exact_comparison(op: Comparison, ordering: Ordering) -> bool {
    match op {
        Comparison::Eq => ordering == Ordering::Equal,
        Comparison::Ne => ordering != Ordering::Equal,
        Comparison::Lt => ordering == Ordering::Less,
        Comparison::Le => ordering != Ordering::Greater,
        Comparison::Gt => ordering == Ordering::Greater,
        Comparison::Ge => ordering != Ordering::Less,
    }
}

/// Equality tests on values without an order (the checker allows no other operator on them).
fn equality(op: Comparison, equal: bool) -> Option<bool> {
    match op {
        Comparison::Eq => Some(equal),
        Comparison::Ne => Some(!equal),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[expect(
        clippy::unnecessary_box_returns,
        reason = "it builds the boxed operands of `and`, `or` and `not`"
    )]
    fn fact(id: usize) -> Box<Expr> {
        Box::new(Expr::Fact(FactId(id)))
    }

    #[test]
    fn kleene_and_or() {
        let values = [Some(Value::Bool(true)), Some(Value::Bool(false)), None];
        assert_eq!(truth(&Expr::And(fact(0), fact(2)), &values), None);
        assert_eq!(truth(&Expr::And(fact(1), fact(2)), &values), Some(false));
        assert_eq!(truth(&Expr::Or(fact(0), fact(2)), &values), Some(true));
        assert_eq!(truth(&Expr::Or(fact(1), fact(2)), &values), None);
        assert_eq!(truth(&Expr::Not(fact(2)), &values), None);
    }

    #[test]
    fn present_sets_are_complete() {
        let values = [Some(Value::Set(0b010)), None];
        assert_eq!(truth(&Expr::SetAny(FactId(0), 0b011), &values), Some(true));
        assert_eq!(truth(&Expr::SetAny(FactId(0), 0b100), &values), Some(false));
        assert_eq!(truth(&Expr::SetAll(FactId(0), 0b011), &values), Some(false));
        assert_eq!(truth(&Expr::SetAny(FactId(1), 0b1), &values), None);
    }

    #[test]
    fn comparisons_with_unknown_are_unknown() {
        let values = [Some(Value::Int(16)), None];
        let under_18 = |id| {
            Expr::Compare(
                Comparison::Lt,
                fact(id),
                Box::new(Expr::Const(Constant::Int(18))),
            )
        };
        assert_eq!(truth(&under_18(0), &values), Some(true));
        assert_eq!(truth(&under_18(1), &values), None);
    }
}
