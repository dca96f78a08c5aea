//! The pest parser and its lowering into the AST: one `parse_*` function per grammar rule.

use std::sync::LazyLock;

use jiff::civil::Date;
use pest::Parser as _;
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest_derive::Parser;

use super::SyntaxError;
use super::ast::{
    Action, AmendmentDecl, BinaryOp, Change, ChangeDecl, ClauseDecl, ClauseRole, Declaration,
    DeriveDecl, ElementDecl, Expr, ExprKind, FactDecl, Flag, IndicatorDecl, JointDecl,
    JurisdictionDecl, Name, NoteDecl, OffenceDecl, OverlapDecl, PrecedenceDecl, PrecedenceOf,
    ProtectDecl, PunishmentSpec, RuleFile, SetOp, TypeExpr, Validity, VenueDecl, WaiveDecl,
};
use crate::source::{Span, Spanned};

#[derive(Parser)]
#[grammar = "syntax/grammar.pest"]
struct RuleParser;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::or, Assoc::Left))
        .op(Op::infix(Rule::and, Assoc::Left))
        .op(Op::prefix(Rule::not))
        .op(Op::infix(Rule::eq, Assoc::Left)
            | Op::infix(Rule::ne, Assoc::Left)
            | Op::infix(Rule::lt, Assoc::Left)
            | Op::infix(Rule::le, Assoc::Left)
            | Op::infix(Rule::gt, Assoc::Left)
            | Op::infix(Rule::ge, Assoc::Left))
});

/// Parentheses nest at most this deep: the parser descends one level per parenthesis, and
/// input nested thousands deep would overflow the stack.
pub const MAX_NESTING: usize = 64;

/// An expression has at most this many operators: checking and evaluation descend one level
/// per operator. A longer condition reads better split into facts declared with `derive`.
pub const MAX_OPERATORS: usize = 256;

/// Parses one rule file. Stops at the first syntax error: later text cannot be trusted.
pub fn parse(text: &str) -> Result<RuleFile, SyntaxError> {
    let text = &crate::source::blank_bom(text);
    check_nesting(text)?;
    let mut pairs = RuleParser::parse(Rule::file, text).map_err(syntax_error)?;
    let file = pairs
        .next()
        .expect("the grammar's `file` rule always yields one pair");
    let declarations = file
        .into_inner()
        .filter(|pair| pair.as_rule() != Rule::EOI)
        .map(parse_declaration)
        .collect::<Result<_, _>>()?;
    Ok(RuleFile { declarations })
}

fn parse_declaration(pair: Pair<'_, Rule>) -> Result<Declaration, SyntaxError> {
    Ok(match pair.as_rule() {
        Rule::fact_decl => Declaration::Fact(parse_fact(pair)?),
        Rule::derive_decl => Declaration::Derive(parse_derive(pair)?),
        Rule::offence_decl | Rule::variant_decl => Declaration::Offence(parse_offence(pair)?),
        Rule::waive_decl => Declaration::Waive(parse_waive(pair)?),
        Rule::jurisdiction_decl => Declaration::Jurisdiction(parse_jurisdiction(pair)?),
        Rule::overlap_decl => Declaration::Overlap(parse_overlap(pair)?),
        Rule::precedence_decl => Declaration::Precedence(parse_precedence(pair)),
        Rule::protect_decl => Declaration::Protect(parse_protect(pair)?),
        Rule::venue_decl => Declaration::Venue(parse_venue(pair)?),
        Rule::note_decl => Declaration::Note(parse_note_decl(pair)?),
        Rule::joint_decl => Declaration::Joint(parse_joint(pair)),
        Rule::indicator_decl => {
            let mut inner = pair.into_inner();
            let name = parse_name(next(&mut inner));
            let title = parse_string(next(&mut inner));
            let expr = parse_expr(next(&mut inner))?;
            let cite = parse_cite(next(&mut inner));
            Declaration::Indicator(IndicatorDecl {
                name,
                title,
                expr,
                cite,
            })
        }
        Rule::amendment_decl => Declaration::Amendment(parse_amendment(pair)?),
        Rule::amend_decl | Rule::insert_decl | Rule::repeal_decl => {
            Declaration::Change(parse_change(pair)?)
        }
        rule => unreachable!("`declaration` has no alternative {rule:?}"),
    })
}

fn parse_fact(pair: Pair<'_, Rule>) -> Result<FactDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let name = parse_name(next(&mut inner));
    let ty = parse_type(next(&mut inner))?;
    let question = parse_string(next(&mut inner));
    let glosses = inner
        .map(|gloss| {
            let mut parts = gloss.into_inner();
            let member = parse_name(next(&mut parts));
            (member, parse_string(next(&mut parts)))
        })
        .collect();
    Ok(FactDecl {
        name,
        ty,
        question,
        glosses,
    })
}

fn parse_type(pair: Pair<'_, Rule>) -> Result<Spanned<TypeExpr>, SyntaxError> {
    let span = span_of(&pair);
    let inner = next(&mut pair.into_inner());
    let ty = match inner.as_rule() {
        Rule::bool_type => TypeExpr::Bool,
        Rule::date_type => TypeExpr::Date,
        Rule::text_type => TypeExpr::Text,
        Rule::int_type => TypeExpr::Int {
            range: inner.into_inner().next().map(parse_range).transpose()?,
        },
        Rule::enum_type => TypeExpr::Enum(parse_name_list(next(&mut inner.into_inner()))),
        Rule::set_type => TypeExpr::Set(parse_name_list(next(&mut inner.into_inner()))),
        rule => unreachable!("`type_expr` has no alternative {rule:?}"),
    };
    Ok(Spanned::new(ty, span))
}

fn parse_range(pair: Pair<'_, Rule>) -> Result<(i64, i64), SyntaxError> {
    let mut inner = pair.into_inner();
    Ok((
        parse_integer(&next(&mut inner))?,
        parse_integer(&next(&mut inner))?,
    ))
}

fn parse_derive(pair: Pair<'_, Rule>) -> Result<DeriveDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let name = parse_name(next(&mut inner));
    let expr = parse_expr(next(&mut inner))?;
    let cite = parse_cite(next(&mut inner));
    Ok(DeriveDecl { name, expr, cite })
}

fn parse_offence(pair: Pair<'_, Rule>) -> Result<OffenceDecl, SyntaxError> {
    let mut section = None;
    let mut base = None;
    let mut elements = Vec::new();
    for item in pair.into_inner() {
        match item.as_rule() {
            Rule::section_ref if section.is_none() => section = Some(parse_name(item)),
            Rule::section_ref => base = Some(parse_name(item)),
            Rule::element => elements.push(parse_element(item)?),
            rule => unreachable!("offence has no part {rule:?}"),
        }
    }
    let section = section.expect("the grammar requires a section id");
    Ok(OffenceDecl {
        section,
        base,
        elements,
    })
}

fn parse_element(pair: Pair<'_, Rule>) -> Result<ElementDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let name = parse_name(next(&mut inner));
    let expr = parse_expr(next(&mut inner))?;
    let validity = parse_validity(next(&mut inner));
    let cite = parse_cite(next(&mut inner));
    Ok(ElementDecl {
        name,
        expr,
        validity,
        cite,
    })
}

fn parse_validity(pair: Pair<'_, Rule>) -> Validity {
    let mut validity = Validity::default();
    for part in pair.into_inner() {
        let key = parse_name(next(&mut part.clone().into_inner()));
        match part.as_rule() {
            Rule::since => validity.since = Some(key),
            _ => validity.until = Some(key),
        }
    }
    validity
}

fn parse_waive(pair: Pair<'_, Rule>) -> Result<WaiveDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let element = parse_name(next(&mut inner));
    let section = parse_name(next(&mut inner));
    let condition = parse_expr(next(&mut inner))?;
    let cite = parse_cite(next(&mut inner));
    Ok(WaiveDecl {
        element,
        section,
        condition,
        cite,
    })
}

fn parse_protect(pair: Pair<'_, Rule>) -> Result<ProtectDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let section = parse_name(next(&mut inner));
    let mut victim_of = Vec::new();
    let mut condition = None;
    let mut validity = Validity::default();
    let mut cite = None;
    for part in inner {
        match part.as_rule() {
            Rule::victim_of => victim_of = parse_section_list(next(&mut part.into_inner())),
            Rule::condition => condition = Some(parse_expr(next(&mut part.into_inner()))?),
            Rule::validity => validity = parse_validity(part),
            _ => cite = Some(parse_cite(part)),
        }
    }
    let cite = cite.expect("the grammar requires a cite");
    Ok(ProtectDecl {
        section,
        victim_of,
        condition,
        validity,
        cite,
    })
}

fn parse_note_decl(pair: Pair<'_, Rule>) -> Result<NoteDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let text = parse_string(next(&mut next(&mut inner).into_inner()));
    let (mut condition, mut validity, mut cite) = (None, Validity::default(), None);
    let mut firm = false;
    for part in inner {
        match part.as_rule() {
            Rule::condition => condition = Some(parse_expr(next(&mut part.into_inner()))?),
            Rule::firm_condition => {
                firm = true;
                condition = Some(parse_expr(next(&mut part.into_inner()))?);
            }
            Rule::validity => validity = parse_validity(part),
            _ => cite = Some(parse_cite(part)),
        }
    }
    Ok(NoteDecl {
        text,
        condition,
        firm,
        validity,
        cite: cite.expect("the grammar requires a cite"),
    })
}

fn parse_venue(pair: Pair<'_, Rule>) -> Result<VenueDecl, SyntaxError> {
    let (mut places, mut sections) = (Vec::new(), Vec::new());
    let (mut condition, mut cite, mut note) = (None, None, None);
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::path => places.push(parse_name(part)),
            Rule::victim_of => sections = parse_section_list(next(&mut part.into_inner())),
            Rule::condition => condition = Some(parse_expr(next(&mut part.into_inner()))?),
            Rule::cite => cite = Some(parse_cite(part)),
            _ => note = Some(parse_string(next(&mut part.into_inner()))),
        }
    }
    let cite = cite.expect("the grammar requires a cite");
    Ok(VenueDecl {
        places,
        sections,
        condition,
        cite,
        note,
    })
}

fn parse_joint(pair: Pair<'_, Rule>) -> JointDecl {
    let mut inner = pair.into_inner();
    let court = parse_name(next(&mut inner));
    let (mut instruments, mut cite, mut note) = (Vec::new(), None, None);
    for part in inner {
        match part.as_rule() {
            Rule::date_key => instruments.push(parse_name(part)),
            Rule::cite => cite = Some(parse_cite(part)),
            _ => note = Some(parse_string(next(&mut part.into_inner()))),
        }
    }
    let cite = cite.expect("the grammar requires a cite");
    JointDecl {
        court,
        instruments,
        cite,
        note,
    }
}

fn parse_amendment(pair: Pair<'_, Rule>) -> Result<AmendmentDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let key = parse_name(next(&mut inner));
    let title = parse_string(next(&mut inner));
    let effective = next(&mut next(&mut inner).into_inner()).clone();
    let effective = Spanned::new(parse_date(&effective)?, span_of(&effective));
    let status = parse_name(next(&mut next(&mut inner).into_inner()));
    let cite = parse_cite(next(&mut inner));
    let note = inner
        .next()
        .map(|note| parse_string(next(&mut note.into_inner())));
    Ok(AmendmentDecl {
        key,
        title,
        effective,
        status,
        cite,
        note,
    })
}

fn parse_change(pair: Pair<'_, Rule>) -> Result<ChangeDecl, SyntaxError> {
    let action = match pair.as_rule() {
        Rule::amend_decl => Action::Amend,
        Rule::insert_decl => Action::Insert,
        _ => Action::Repeal,
    };
    let action = Spanned::new(action, span_of(&pair));
    let mut inner = pair.into_inner();
    let section = parse_name(next(&mut inner));
    let (mut heading, mut changes, mut cite) = (None, Vec::new(), None);
    for part in inner {
        let span = span_of(&part);
        match part.as_rule() {
            Rule::string => heading = Some(parse_string(part)),
            Rule::cite => cite = Some(parse_cite(part)),
            _ => changes.push(Spanned::new(parse_one_change(part)?, span)),
        }
    }
    let cite = cite.expect("the grammar requires a cite");
    Ok(ChangeDecl {
        action,
        section,
        heading,
        changes,
        cite,
    })
}

fn parse_one_change(pair: Pair<'_, Rule>) -> Result<Change, SyntaxError> {
    let rule = pair.as_rule();
    let mut inner = pair.into_inner();
    Ok(match rule {
        Rule::punishment_change => Change::Punishment(parse_punishment(inner)?),
        Rule::flag_change => {
            let flag = match next(&mut inner).as_str() {
                "cognizable" => Flag::Cognizable,
                "bailable" => Flag::Bailable,
                _ => Flag::Compoundable,
            };
            Change::Flag(flag, next(&mut inner).as_str() == "true")
        }
        Rule::court_change => Change::Court(parse_name(next(&mut inner))),
        Rule::agency_change => Change::Agency(parse_name(next(&mut inner))),
        Rule::element_change => {
            let name = parse_name(next(&mut inner));
            let expr = parse_expr(next(&mut inner))?;
            let cite = parse_cite(next(&mut inner));
            Change::Element(ElementDecl {
                name,
                expr,
                validity: Validity::default(),
                cite,
            })
        }
        Rule::remove_element => Change::RemoveElement(parse_name(next(&mut inner))),
        Rule::summary_change => Change::Summary(parse_string(next(&mut inner))),
        Rule::kind_change => Change::Kind(parse_name(next(&mut inner))),
        Rule::jurisdiction_change => Change::Jurisdiction(parse_name(next(&mut inner))),
        rule => unreachable!("`change` has no alternative {rule:?}"),
    })
}

fn parse_punishment(
    parts: pest::iterators::Pairs<'_, Rule>,
) -> Result<PunishmentSpec, SyntaxError> {
    let mut spec = PunishmentSpec::default();
    for part in parts {
        match part.as_rule() {
            Rule::prison_range => {
                let terms: Vec<Pair<'_, Rule>> = part.clone().into_inner().collect();
                let text = part.as_str();
                let term = |pair: &Pair<'_, Rule>| parse_name(pair.clone());
                spec.imprisonment = Some(match terms.as_slice() {
                    [] => (None, None),
                    [only] if text.contains("from") && !text.contains(" to ") => {
                        (Some(term(only)), None)
                    }
                    [only] => (None, Some(term(only))),
                    [min, max, ..] => (Some(term(min)), Some(term(max))),
                });
            }
            Rule::fine_range => {
                let text = part.as_str();
                let amounts: Vec<u64> = part
                    .into_inner()
                    .map(|p| {
                        let n = parse_integer(&p)?;
                        u64::try_from(n).map_err(|_| SyntaxError {
                            message: format!("a fine of `{n}` is negative"),
                            span: span_of(&p),
                            label: "here".into(),
                            help: Some("fines are amounts in PKR, 0 or more".into()),
                        })
                    })
                    .collect::<Result<_, _>>()?;
                spec.fine = Some(match amounts.as_slice() {
                    [] => (None, None),
                    [only] if text.contains("from") && !text.contains(" to ") => {
                        (Some(*only), None)
                    }
                    [only] => (None, Some(*only)),
                    [min, max, ..] => (Some(*min), Some(*max)),
                });
            }
            Rule::death => spec.death = true,
            _ => spec.combine = Some(parse_name(next(&mut part.into_inner()))),
        }
    }
    Ok(spec)
}

fn parse_jurisdiction(pair: Pair<'_, Rule>) -> Result<JurisdictionDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let sections = parse_section_list(next(&mut inner));
    let clauses = inner.map(parse_clause).collect::<Result<_, _>>()?;
    Ok(JurisdictionDecl { sections, clauses })
}

fn parse_clause(pair: Pair<'_, Rule>) -> Result<ClauseDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let role_pair = next(&mut inner);
    let role = match role_pair.as_str() {
        "agency" => ClauseRole::Agency,
        "support" => ClauseRole::Support,
        _ => ClauseRole::Court,
    };
    let role = Spanned::new(role, span_of(&role_pair));
    let target = parse_name(next(&mut inner));
    let mut condition = None;
    let mut validity = Validity::default();
    let mut cite = None;
    for part in inner {
        match part.as_rule() {
            Rule::condition => condition = Some(parse_expr(next(&mut part.into_inner()))?),
            Rule::validity => validity = parse_validity(part),
            _ => cite = Some(parse_cite(part)),
        }
    }
    let cite = cite.expect("the grammar requires a cite");
    Ok(ClauseDecl {
        role,
        target,
        condition,
        validity,
        cite,
    })
}

fn parse_overlap(pair: Pair<'_, Rule>) -> Result<OverlapDecl, SyntaxError> {
    let mut inner = pair.into_inner();
    let kind = parse_name(next(&mut inner));
    let sections = parse_section_list(next(&mut inner));
    let (mut condition, mut cite, mut note) = (None, None, None);
    for part in inner {
        match part.as_rule() {
            Rule::condition => condition = Some(parse_expr(next(&mut part.into_inner()))?),
            Rule::cite => cite = Some(parse_cite(part)),
            _ => note = Some(parse_string(next(&mut part.into_inner()))),
        }
    }
    Ok(OverlapDecl {
        kind,
        sections,
        condition,
        cite: cite.expect("the grammar requires a cite"),
        note,
    })
}

fn parse_precedence(pair: Pair<'_, Rule>) -> PrecedenceDecl {
    let mut inner = pair.into_inner();
    let of_pair = next(&mut inner);
    let of = if of_pair.as_str() == "agency" {
        PrecedenceOf::Agency
    } else {
        PrecedenceOf::Court
    };
    let of = Spanned::new(of, span_of(&of_pair));
    let order = parse_name_list(next(&mut inner));
    let cite = parse_cite(next(&mut inner));
    let note = inner
        .next()
        .map(|note| parse_string(next(&mut note.into_inner())));
    PrecedenceDecl {
        of,
        order,
        cite,
        note,
    }
}

/// Parentheses nested deeper than [`MAX_NESTING`], found before pest recurses into them.
/// Strings and comments are skipped; anything else the grammar rejects later.
fn check_nesting(text: &str) -> Result<(), SyntaxError> {
    let mut depth = 0usize;
    let mut bytes = text.bytes().enumerate();
    while let Some((at, byte)) = bytes.next() {
        match byte {
            b'#' => {
                let _ = bytes.by_ref().find(|&(_, b)| b == b'\n');
            }
            b'"' => {
                while let Some((_, b)) = bytes.next() {
                    match b {
                        b'\\' => {
                            bytes.next();
                        }
                        b'"' => break,
                        _ => {}
                    }
                }
            }
            b'(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(SyntaxError {
                        message: format!("parentheses nested more than {MAX_NESTING} deep"),
                        span: Span::new(at..at + 1),
                        label: "too deep".into(),
                        help: Some(SPLIT_HELP.into()),
                    });
                }
            }
            b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

const SPLIT_HELP: &str = "split the condition into facts declared with `derive`";

/// An expression with more than [`MAX_OPERATORS`] operators, counted without recursion.
fn check_operators(pair: &Pair<'_, Rule>) -> Result<(), SyntaxError> {
    let mut operators = pair.clone().into_inner().flatten().filter(|p| {
        matches!(
            p.as_rule(),
            Rule::or
                | Rule::and
                | Rule::not
                | Rule::eq
                | Rule::ne
                | Rule::lt
                | Rule::le
                | Rule::gt
                | Rule::ge
        )
    });
    match operators.nth(MAX_OPERATORS) {
        None => Ok(()),
        Some(op) => Err(SyntaxError {
            message: format!("expression has more than {MAX_OPERATORS} operators"),
            span: span_of(&op),
            label: "one operator too many".into(),
            help: Some(SPLIT_HELP.into()),
        }),
    }
}

fn parse_expr(pair: Pair<'_, Rule>) -> Result<Expr, SyntaxError> {
    check_operators(&pair)?;
    lower_expr(pair)
}

fn lower_expr(pair: Pair<'_, Rule>) -> Result<Expr, SyntaxError> {
    PRATT
        .map_primary(parse_primary)
        .map_prefix(|op, operand| {
            let operand = operand?;
            let span = span_of(&op).join(operand.span);
            Ok(Expr {
                kind: ExprKind::Not(Box::new(operand)),
                span,
            })
        })
        .map_infix(|left, op, right| {
            let (left, right) = (left?, right?);
            let span = left.span.join(right.span);
            let op = binary_op(op.as_rule());
            Ok(Expr {
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
                span,
            })
        })
        .parse(pair.into_inner())
}

fn binary_op(rule: Rule) -> BinaryOp {
    match rule {
        Rule::or => BinaryOp::Or,
        Rule::and => BinaryOp::And,
        Rule::eq => BinaryOp::Eq,
        Rule::ne => BinaryOp::Ne,
        Rule::lt => BinaryOp::Lt,
        Rule::le => BinaryOp::Le,
        Rule::gt => BinaryOp::Gt,
        Rule::ge => BinaryOp::Ge,
        rule => unreachable!("{rule:?} is not an infix operator"),
    }
}

fn parse_primary(pair: Pair<'_, Rule>) -> Result<Expr, SyntaxError> {
    let span = span_of(&pair);
    let kind = match pair.as_rule() {
        Rule::expr => return lower_expr(pair),
        Rule::boolean => ExprKind::Bool(pair.as_str() == "true"),
        Rule::integer => ExprKind::Int(parse_integer(&pair)?),
        Rule::date => ExprKind::Date(parse_date(&pair)?),
        Rule::string => ExprKind::Text(parse_string(pair)),
        Rule::path => ExprKind::Fact(pair.as_str().to_owned()),
        Rule::symbol => ExprKind::Symbol(pair.as_str().to_owned()),
        Rule::set_test => parse_set_test(pair),
        rule => unreachable!("`primary` has no alternative {rule:?}"),
    };
    Ok(Expr { kind, span })
}

fn parse_set_test(pair: Pair<'_, Rule>) -> ExprKind {
    let mut inner = pair.into_inner();
    let fact = parse_name(next(&mut inner));
    let op = match next(&mut inner).as_str().trim() {
        "any" => SetOp::Any,
        "all" => SetOp::All,
        "none" => SetOp::None,
        "in" => SetOp::In,
        _ => SetOp::Has,
    };
    let members = next(&mut inner);
    let members = match members.as_rule() {
        Rule::name_list => parse_name_list(members),
        _ => vec![parse_name(members)],
    };
    ExprKind::SetTest { fact, op, members }
}

fn parse_integer(pair: &Pair<'_, Rule>) -> Result<i64, SyntaxError> {
    pair.as_str().parse().map_err(|_| SyntaxError {
        message: format!("integer `{}` is too large", pair.as_str()),
        span: span_of(pair),
        label: "out of range".into(),
        help: None,
    })
}

fn parse_date(pair: &Pair<'_, Rule>) -> Result<Date, SyntaxError> {
    // The help is ours, not the date library's (issue 15, item 6).
    pair.as_str().parse().map_err(|_| SyntaxError {
        message: format!("`{}` is not a date that exists", pair.as_str()),
        span: span_of(pair),
        label: "invalid date".into(),
        help: Some(
            "the month must be 01 to 12 and the day a day of that month: write a day of the calendar as YYYY-MM-DD"
                .into(),
        ),
    })
}

fn parse_cite(pair: Pair<'_, Rule>) -> Spanned<String> {
    let string = next(&mut pair.into_inner());
    let span = span_of(&string);
    Spanned::new(parse_string(string), span)
}

/// The contents of a string literal, with escapes resolved.
fn parse_string(pair: Pair<'_, Rule>) -> String {
    let inner = pair.into_inner().next().map_or("", |inner| inner.as_str());
    inner
        .replace("\\\"", "\"")
        .replace("\\n", "\n")
        .replace("\\\\", "\\")
}

#[expect(
    clippy::needless_pass_by_value,
    reason = "the parser hands each pest `Pair` (a cheap handle) on by value, as pest's own API does"
)]
fn parse_name(pair: Pair<'_, Rule>) -> Name {
    Spanned::new(pair.as_str().to_owned(), span_of(&pair))
}

fn parse_name_list(pair: Pair<'_, Rule>) -> Vec<Name> {
    pair.into_inner().map(parse_name).collect()
}

fn parse_section_list(pair: Pair<'_, Rule>) -> Vec<Name> {
    pair.into_inner().map(parse_name).collect()
}

fn next<'i>(pairs: &mut pest::iterators::Pairs<'i, Rule>) -> Pair<'i, Rule> {
    pairs.next().expect("the grammar guarantees this part")
}

fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let span = pair.as_span();
    Span::new(span.start()..span.end())
}

/// Pest's error, with rule names a drafter can read.
#[expect(
    clippy::needless_pass_by_value,
    reason = "called as `map_err(syntax_error)`, which hands over the error"
)]
fn syntax_error(error: pest::error::Error<Rule>) -> SyntaxError {
    let span = match error.location {
        InputLocation::Pos(position) => Span::new(position..position),
        InputLocation::Span((start, end)) => Span::new(start..end),
    };
    let message = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } if !positives.is_empty() => {
            let mut expected: Vec<&str> = positives.iter().map(|rule| describe(*rule)).collect();
            expected.sort_unstable();
            expected.dedup();
            format!("expected {}", or_list(&expected))
        }
        ErrorVariant::ParsingError { .. } => "unexpected text".to_owned(),
        ErrorVariant::CustomError { message } => message.clone(),
    };
    SyntaxError {
        message,
        span,
        label: "here".to_owned(),
        help: None,
    }
}

fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The name of a grammar rule in the words of the rule-language guide.
#[expect(
    clippy::too_many_lines,
    reason = "one flat table, an arm per group of grammar rules; split, it would be harder to check against the grammar"
)]
#[expect(
    clippy::match_same_arms,
    reason = "rules are grouped by where they sit in the grammar (declarations, types, expressions), even where two groups read the same"
)]
fn describe(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "end of file",
        Rule::fact_decl
        | Rule::derive_decl
        | Rule::offence_decl
        | Rule::variant_decl
        | Rule::waive_decl
        | Rule::jurisdiction_decl
        | Rule::overlap_decl
        | Rule::precedence_decl
        | Rule::protect_decl
        | Rule::note_decl
        | Rule::venue_decl
        | Rule::joint_decl
        | Rule::amendment_decl
        | Rule::amend_decl
        | Rule::insert_decl
        | Rule::repeal_decl
        | Rule::indicator_decl => {
            "a declaration (fact, derive, offence, variant, waive, jurisdiction, overlap, precedence, protect, venue, joint, amendment, amend, insert, repeal, indicator)"
        }
        Rule::type_expr => "a type (bool, int, date, text, enum [...], set [...])",
        Rule::gloss => "`gloss` and an option with what it means",
        Rule::int_range => "a range like `0..150`",
        Rule::expr | Rule::set_test => "an expression",
        Rule::or | Rule::and | Rule::eq | Rule::ne | Rule::lt | Rule::le | Rule::gt | Rule::ge => {
            "an operator"
        }
        Rule::not => "`not`",
        Rule::set_op => "`any`, `all`, `none`, `in` or `has`",
        Rule::element => "`element`",
        Rule::validity | Rule::since | Rule::until => "`since` or `until`",
        Rule::clause | Rule::clause_role => "`agency`, `support` or `court`",
        Rule::condition => "`when`",
        Rule::firm_condition => "`only when`",
        Rule::victim_of => "`for` and a list of sections",
        Rule::cite => "`cite \"...\"`",
        Rule::note => "`note \"...\"`",
        Rule::precedence_of => "`agency` or `court`",
        Rule::string | Rule::string_inner => "a string in double quotes",
        Rule::integer => "a whole number",
        Rule::date => "a date (YYYY-MM-DD)",
        Rule::boolean => "`true` or `false`",
        Rule::name | Rule::symbol | Rule::keyword => "a name",
        Rule::path => "a fact name like `victim.age`",
        Rule::name_list => "a list like `[a, b]`",
        Rule::section_ref | Rule::section_list => "a section id like `ptpa-2018/3`",
        Rule::date_key => "a date key like `act-ix-2025`",
        Rule::file
        | Rule::WHITESPACE
        | Rule::COMMENT
        | Rule::bool_type
        | Rule::int_type
        | Rule::date_type
        | Rule::text_type
        | Rule::enum_type
        | Rule::set_type
        | Rule::declaration => "a declaration",
        Rule::primary | Rule::literal | Rule::infix | Rule::prefix => "an expression",
        Rule::ident_char | Rule::section_part => "a name",
        Rule::effective => "`effective` and a date",
        Rule::amendment_status => "`status` and `enacted`, `bill` or `proposal`",
        Rule::punishment_change
        | Rule::prison_range
        | Rule::fine_range
        | Rule::death
        | Rule::combine
        | Rule::term
        | Rule::combine_kind => {
            "a punishment (`imprisonment from 2y to 5y`, `fine to 100000`, `combine and`)"
        }
        Rule::change => "a change",
        Rule::flag_change | Rule::flag_name => {
            "`cognizable`, `bailable` or `compoundable` and `true` or `false`"
        }
        Rule::court_change
        | Rule::agency_change
        | Rule::element_change
        | Rule::remove_element
        | Rule::summary_change
        | Rule::kind_change
        | Rule::jurisdiction_change => {
            "a change (`punishment`, `cognizable`, `court`, `agency`, `element`, `remove element`, `summary`, `kind`, `jurisdiction`)"
        }
    }
}

/// A structure that sets the indent of the lines inside it; byte offsets into the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Region {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: RegionKind,
}

/// What a [`Region`] is, for indentation.
#[derive(Debug, Clone, Copy)]
pub(super) enum RegionKind {
    /// A top-level declaration: starts in column 0.
    Declaration,
    /// An item in a declaration's `{ ... }`: starts in column 4.
    Item,
    /// An expression or list: lines continuing it line up with the token at byte `anchor`,
    /// `shift` columns to its right.
    Align { anchor: usize, shift: usize },
    /// A comma list of sections, places or instruments: lines continuing it are indented 8,
    /// apart from the `cite` and `note` lines at 4 (section ids are long; lining them up
    /// after the keywords would push them far right).
    List,
}

/// Where the structures that set a line's indent start and end, for the formatter (see
/// `fmt.rs`). Kept here so pest's pairs stay in this file.
pub(super) fn layout(text: &str) -> Result<Vec<Region>, SyntaxError> {
    let mut pairs = RuleParser::parse(Rule::file, text).map_err(syntax_error)?;
    let file = pairs
        .next()
        .expect("the grammar's `file` rule always yields one pair");
    let mut regions = Vec::new();
    for declaration in file.into_inner().filter(|p| p.as_rule() != Rule::EOI) {
        regions.push(region(&declaration, RegionKind::Declaration));
        let braced = is_braced(declaration.as_rule());
        let venue_or_joint = matches!(declaration.as_rule(), Rule::venue_decl | Rule::joint_decl);
        let mut inner: Vec<Pair<'_, Rule>> = declaration.into_inner().collect();
        if venue_or_joint {
            regions.extend(list_region(&inner));
        }
        for pair in inner.drain(..) {
            if braced && !is_header(pair.as_rule()) {
                regions.push(region(&pair, RegionKind::Item));
            }
            align_regions(pair, &mut regions);
        }
    }
    Ok(regions)
}

/// Declarations whose items sit in `{ ... }`.
fn is_braced(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::offence_decl
            | Rule::variant_decl
            | Rule::jurisdiction_decl
            | Rule::amendment_decl
            | Rule::amend_decl
            | Rule::insert_decl
    )
}

/// The parts of a braced declaration written before its `{`.
fn is_header(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::section_ref | Rule::section_list | Rule::string | Rule::date_key
    )
}

fn region(pair: &Pair<'_, Rule>, kind: RegionKind) -> Region {
    let span = pair.as_span();
    Region {
        start: span.start(),
        end: span.end(),
        kind,
    }
}

/// The places of a `venue` or the instruments of a `joint`: a comma list with no rule of its
/// own, laid out like one.
fn list_region(inner: &[Pair<'_, Rule>]) -> Option<Region> {
    let listed: Vec<_> = inner
        .iter()
        .filter(|p| matches!(p.as_rule(), Rule::path | Rule::date_key))
        .collect();
    let (first, last) = (listed.first()?, listed.last()?);
    let start = first.as_span().start();
    Some(Region {
        start,
        end: last.as_span().end(),
        kind: RegionKind::List,
    })
}

/// Expressions and lists, at any depth: a line that continues an expression lines up with its
/// start, one that continues a `[...]` list just inside its `[`.
fn align_regions(pair: Pair<'_, Rule>, regions: &mut Vec<Region>) {
    let start = pair.as_span().start();
    let kind = match pair.as_rule() {
        Rule::expr => Some(RegionKind::Align {
            anchor: start,
            shift: 0,
        }),
        Rule::section_list => Some(RegionKind::List),
        Rule::name_list => Some(RegionKind::Align {
            anchor: start,
            shift: 1,
        }),
        _ => None,
    };
    if let Some(kind) = kind {
        regions.push(region(&pair, kind));
    }
    for inner in pair.into_inner() {
        align_regions(inner, regions);
    }
}
