//! Resolving and type-checking expressions: fact names to ids, enum names to bit masks.

use std::collections::HashMap;

use super::CheckError;
use crate::diagnostic::suggestion_help;
use crate::model::{Comparison, Constant, Expr, FactId, Type};
use crate::source::Span;
use crate::syntax::ast::{self, BinaryOp, ExprKind, SetOp};

/// What the resolver knows about facts: names, and the types known so far (a derived fact's
/// type is known once it has been checked).
pub(super) struct Scope<'a> {
    pub(super) ids: &'a HashMap<String, FactId>,
    pub(super) types: &'a [Option<Type>],
}

/// A resolved expression and its type.
type Typed = (Expr, Type);

impl Scope<'_> {
    /// Resolves an expression that must be a condition (bool).
    pub(super) fn condition(&self, expr: &ast::Expr, errors: &mut Vec<CheckError>) -> Option<Expr> {
        let (resolved, ty) = self.resolve(expr, errors)?;
        expect(&Type::Bool, &ty, expr.span, errors)?;
        Some(resolved)
    }

    /// Resolves an expression of any type.
    pub(super) fn resolve(&self, expr: &ast::Expr, errors: &mut Vec<CheckError>) -> Option<Typed> {
        match &expr.kind {
            ExprKind::Bool(value) => Some((Expr::Const(Constant::Bool(*value)), Type::Bool)),
            ExprKind::Int(value) => Some((
                Expr::Const(Constant::Int(*value)),
                Type::Int {
                    min: i64::MIN,
                    max: i64::MAX,
                },
            )),
            ExprKind::Date(value) => Some((Expr::Const(Constant::Date(*value)), Type::Date)),
            ExprKind::Text(value) => Some((
                Expr::Const(Constant::Text(value.as_str().into())),
                Type::Text,
            )),
            ExprKind::Symbol(name) => {
                errors.push(CheckError::BareName {
                    name: name.clone(),
                    span: expr.span,
                });
                None
            }
            ExprKind::Fact(name) => {
                let (id, ty) = self.fact(name, expr.span, errors)?;
                Some((Expr::Fact(id), ty.clone()))
            }
            ExprKind::Not(operand) => {
                let operand = self.condition(operand, errors)?;
                Some((Expr::Not(Box::new(operand)), Type::Bool))
            }
            ExprKind::Binary(op, left, right) => self.binary(*op, left, right, errors),
            ExprKind::SetTest { fact, op, members } => self.set_test(fact, *op, members, errors),
        }
    }

    fn fact(
        &self,
        name: &str,
        span: Span,
        errors: &mut Vec<CheckError>,
    ) -> Option<(FactId, &Type)> {
        let Some(&id) = self.ids.get(name) else {
            errors.push(CheckError::UnknownFact {
                name: name.to_owned(),
                span,
                help: suggestion_help(name, self.ids.keys().map(String::as_str)),
            });
            return None;
        };
        // A derived fact in a cycle has no type; the cycle is reported on its own.
        Some((id, self.types[id].as_ref()?))
    }

    fn binary(
        &self,
        op: BinaryOp,
        left: &ast::Expr,
        right: &ast::Expr,
        errors: &mut Vec<CheckError>,
    ) -> Option<Typed> {
        let comparison = match op {
            BinaryOp::And | BinaryOp::Or => {
                let (l, r) = (self.condition(left, errors), self.condition(right, errors));
                let (l, r) = (Box::new(l?), Box::new(r?));
                let expr = if op == BinaryOp::And {
                    Expr::And(l, r)
                } else {
                    Expr::Or(l, r)
                };
                return Some((expr, Type::Bool));
            }
            BinaryOp::Eq => Comparison::Eq,
            BinaryOp::Ne => Comparison::Ne,
            BinaryOp::Lt => Comparison::Lt,
            BinaryOp::Le => Comparison::Le,
            BinaryOp::Gt => Comparison::Gt,
            BinaryOp::Ge => Comparison::Ge,
        };
        if let Some(typed) = self.enum_comparison(comparison, left, right, errors) {
            return typed;
        }
        let (l, r) = (self.resolve(left, errors), self.resolve(right, errors));
        let ((l, left_ty), (r, right_ty)) = (l?, r?);
        if !same_kind(&left_ty, &right_ty) {
            errors.push(CheckError::TypeMismatch {
                expected: left_ty.describe(),
                found: right_ty.describe(),
                span: right.span,
            });
            return None;
        }
        let ordered = matches!(left_ty, Type::Int { .. } | Type::Date);
        if !ordered && !matches!(comparison, Comparison::Eq | Comparison::Ne) {
            errors.push(CheckError::TypeMismatch {
                expected: "int or date".into(),
                found: left_ty.describe(),
                span: left.span,
            });
            return None;
        }
        Some((
            Expr::Compare(comparison, Box::new(l), Box::new(r)),
            Type::Bool,
        ))
    }

    /// `victim.sex == female` (either way round): a membership test on an enum fact.
    /// Returns `None` when neither side is a bare name.
    fn enum_comparison(
        &self,
        comparison: Comparison,
        left: &ast::Expr,
        right: &ast::Expr,
        errors: &mut Vec<CheckError>,
    ) -> Option<Option<Typed>> {
        let (fact, symbol) = match (&left.kind, &right.kind) {
            (_, ExprKind::Symbol(symbol)) => (left, (symbol, right.span)),
            (ExprKind::Symbol(symbol), _) => (right, (symbol, left.span)),
            _ => return None,
        };
        let ExprKind::Fact(name) = &fact.kind else {
            errors.push(CheckError::BareName {
                name: symbol.0.clone(),
                span: symbol.1,
            });
            return Some(None);
        };
        let Some((id, ty)) = self.fact(name, fact.span, errors) else {
            return Some(None);
        };
        let Type::Enum(members) = ty else {
            errors.push(CheckError::TypeMismatch {
                expected: "an enum fact".into(),
                found: ty.describe(),
                span: fact.span,
            });
            return Some(None);
        };
        let Some(bit) = member_bit(name, members, symbol.0, symbol.1, errors) else {
            return Some(None);
        };
        let test = Expr::EnumIn(id, bit);
        Some(match comparison {
            Comparison::Eq => Some((test, Type::Bool)),
            Comparison::Ne => Some((Expr::Not(Box::new(test)), Type::Bool)),
            _ => {
                errors.push(CheckError::TypeMismatch {
                    expected: "`==` or `!=`".into(),
                    found: "an ordering of enum values".into(),
                    span: fact.span.join(symbol.1),
                });
                None
            }
        })
    }

    fn set_test(
        &self,
        fact: &ast::Name,
        op: SetOp,
        members: &[ast::Name],
        errors: &mut Vec<CheckError>,
    ) -> Option<Typed> {
        let (id, ty) = self.fact(&fact.value, fact.span, errors)?;
        let wants_enum = op == SetOp::In;
        let ((Type::Set(declared), false) | (Type::Enum(declared), true)) = (ty, wants_enum) else {
            let expected = if wants_enum {
                "an enum fact (for `in`)"
            } else {
                "a set fact"
            };
            errors.push(CheckError::TypeMismatch {
                expected: expected.into(),
                found: ty.describe(),
                span: fact.span,
            });
            return None;
        };
        let mut mask = 0;
        let mut complete = true;
        for member in members {
            match member_bit(&fact.value, declared, &member.value, member.span, errors) {
                Some(bit) => mask |= bit,
                None => complete = false,
            }
        }
        if !complete {
            return None;
        }
        let expr = match op {
            SetOp::Any | SetOp::Has => Expr::SetAny(id, mask),
            SetOp::All => Expr::SetAll(id, mask),
            SetOp::None => Expr::Not(Box::new(Expr::SetAny(id, mask))),
            SetOp::In => Expr::EnumIn(id, mask),
        };
        Some((expr, Type::Bool))
    }
}

/// The bit of a member in an enum or set, or an error with a suggestion.
fn member_bit(
    fact: &str,
    members: &[String],
    member: &str,
    span: Span,
    errors: &mut Vec<CheckError>,
) -> Option<u64> {
    match members.iter().position(|m| m == member) {
        Some(index) => Some(1 << index),
        None => {
            errors.push(CheckError::UnknownMember {
                member: member.to_owned(),
                fact: fact.to_owned(),
                span,
                help: suggestion_help(member, members.iter().map(String::as_str)),
            });
            None
        }
    }
}

/// Whether two types can be compared (ints of any range compare with each other).
fn same_kind(left: &Type, right: &Type) -> bool {
    match (left, right) {
        (Type::Int { .. }, Type::Int { .. }) => true,
        _ => left == right,
    }
}

fn expect(expected: &Type, found: &Type, span: Span, errors: &mut Vec<CheckError>) -> Option<()> {
    if same_kind(expected, found) {
        Some(())
    } else {
        errors.push(CheckError::TypeMismatch {
            expected: expected.describe(),
            found: found.describe(),
            span,
        });
        None
    }
}

/// The input facts an expression reads, through derived facts.
pub(super) fn inputs_of(expr: &Expr, fact_inputs: &[Vec<FactId>]) -> Vec<FactId> {
    let mut found = Vec::new();
    collect_inputs(expr, fact_inputs, &mut found);
    found.sort_unstable();
    found.dedup();
    found
}

fn collect_inputs(expr: &Expr, fact_inputs: &[Vec<FactId>], found: &mut Vec<FactId>) {
    match expr {
        Expr::Const(_) => {}
        Expr::Fact(id) | Expr::SetAny(id, _) | Expr::SetAll(id, _) | Expr::EnumIn(id, _) => {
            found.extend(&fact_inputs[*id]);
        }
        Expr::Not(operand) => collect_inputs(operand, fact_inputs, found),
        Expr::And(l, r) | Expr::Or(l, r) | Expr::Compare(_, l, r) => {
            collect_inputs(l, fact_inputs, found);
            collect_inputs(r, fact_inputs, found);
        }
    }
}
