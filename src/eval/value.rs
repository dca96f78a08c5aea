//! Three-valued (Kleene) evaluation of checked expressions. `None` is unknown: an unknown
//! operand makes a result unknown unless the known operands settle it (`false and ?` is false).

use std::cmp::Ordering;

use jiff::civil::Date;

use crate::model::{Comparison, Constant, Expr, Value};

/// The truth of a condition: `Some(true)`, `Some(false)` or `None` (unknown).
pub fn truth(expr: &Expr, values: &[Option<Value>]) -> Option<bool> {
    match expr {
        Expr::Not(operand) => truth(operand, values).map(|value| !value),
        Expr::And(left, right) => match (truth(left, values), truth(right, values)) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        },
        Expr::Or(left, right) => match (truth(left, values), truth(right, values)) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        },
        Expr::SetAny(fact, mask) => set(values, *fact).map(|bits| bits & mask != 0),
        Expr::SetAll(fact, mask) => set(values, *fact).map(|bits| bits & mask == *mask),
        Expr::EnumIn(fact, mask) => match values[*fact] {
            Some(Value::Enum(index)) => Some(mask & (1 << index) != 0),
            _ => None,
        },
        Expr::Compare(op, left, right) => {
            compare(*op, operand(left, values)?, operand(right, values)?)
        }
        Expr::Const(Constant::Bool(value)) => Some(*value),
        Expr::Fact(fact) => match values[*fact] {
            Some(Value::Bool(value)) => Some(value),
            _ => None,
        },
        Expr::Const(_) => None,
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

fn set(values: &[Option<Value>], fact: usize) -> Option<u64> {
    match values[fact] {
        Some(Value::Set(bits)) => Some(bits),
        _ => None,
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
        },
        _ => Operand::Bool(truth(expr, values)?),
    })
}

fn compare(op: Comparison, left: Operand<'_>, right: Operand<'_>) -> Option<bool> {
    let ordering = match (&left, &right) {
        (Operand::Int(a), Operand::Int(b)) => a.cmp(b),
        (Operand::Date(a), Operand::Date(b)) => a.cmp(b),
        _ => return equality(op, left == right),
    };
    Some(match op {
        Comparison::Eq => ordering == Ordering::Equal,
        Comparison::Ne => ordering != Ordering::Equal,
        Comparison::Lt => ordering == Ordering::Less,
        Comparison::Le => ordering != Ordering::Greater,
        Comparison::Gt => ordering == Ordering::Greater,
        Comparison::Ge => ordering != Ordering::Less,
    })
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

    fn fact(id: usize) -> Box<Expr> {
        Box::new(Expr::Fact(id))
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
        assert_eq!(truth(&Expr::SetAny(0, 0b011), &values), Some(true));
        assert_eq!(truth(&Expr::SetAny(0, 0b100), &values), Some(false));
        assert_eq!(truth(&Expr::SetAll(0, 0b011), &values), Some(false));
        assert_eq!(truth(&Expr::SetAny(1, 0b1), &values), None);
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
