//! Checking rule files against the statutes: every name, type, citation and date key resolves,
//! derived facts have an order, and the result is a [`Program`]. All errors are collected.

mod error;
mod limits;
mod notes;
mod order;
mod types;

use std::collections::HashMap;
use std::sync::Arc;

pub use error::CheckError;
pub use limits::{MAX_DECLARATIONS, MAX_DERIVE_DEPTH, MAX_FACTS, MAX_INDICATORS, MAX_OFFENCES};

use crate::diagnostic::suggestion_help;
use crate::model::{
    Clause, Decides, Derivation, Element, Fact, FactId, Indicator, Joint, Offence, OffenceId,
    Overlap, OverlapKind, Precedence, Program, Protection, RuleNote, Type, Validity, Venue, Waiver,
};
use crate::source::Span;
use crate::statute::{Agency, Court, SectionKind, StatuteBook};
use crate::syntax::ast::{self, ClauseRole, Declaration, PrecedenceOf, RuleFile, TypeExpr};
use types::{Scope, inputs_of};

/// Rule files, each with the index of its source file.
pub type RuleFiles<'a> = [(usize, &'a RuleFile)];

/// Checks the rules against the statutes and builds the program. Errors carry their file index.
pub fn check(
    files: &RuleFiles<'_>,
    book: StatuteBook,
) -> Result<Program, Vec<(usize, CheckError)>> {
    let over = limits::over_limits(files);
    if !over.is_empty() {
        return Err(over);
    }
    let mut checker = Checker {
        book,
        facts: Vec::new(),
        ids: HashMap::new(),
        errors: Vec::new(),
    };
    checker.declare_facts(files);
    let derive_order = checker.derive_facts(files);
    let mut offences = checker.declare_offences(files);
    checker.extend_offences(files, &mut offences);
    checker.attach_waivers(files, &mut offences);
    let mut offences = checker.compose_variants(offences);
    checker.attach_jurisdiction(files, &mut offences);
    let overlaps = checker.overlaps(files, &offences);
    let (agency_precedence, court_precedence) = checker.precedences(files);
    let protections = checker.protections(files, &offences);
    let venues = checker.venues(files, &offences);
    let notes = checker.notes(files);
    let joint = checker.joint(files);
    let indicators = checker.indicators(files);
    let case_date = checker.required_fact("case.date", &Type::Date, "date");
    let case_province = checker.ids.get("case.province").copied();
    let Checker {
        book,
        facts,
        ids,
        errors,
    } = checker;
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Program {
        book,
        facts: facts
            .into_iter()
            .map(|f| f.expect("every fact has a type when there are no errors"))
            .collect(),
        fact_ids: ids,
        derive_order,
        offences: with_bases(offences),
        overlaps,
        agency_precedence,
        court_precedence,
        case_date: case_date.expect("a law without case.date has an error"),
        case_province,
        protections,
        venues,
        notes,
        joint,
        amendments: Vec::new(),
        digest: String::new(),
        indicators,
        in_force: crate::model::in_force::Compiled::default(),
    })
}

/// An offence being built, with where it was declared and, for a variant, the section it
/// extends (resolved to an offence once the offences are final: [`with_bases`]).
struct Draft {
    offence: Offence,
    file: usize,
    span: Span,
    base: Option<String>,
}

/// The offences, each variant's base resolved to its offence. The drafts are final (no
/// error), so every base is an offence: `compose_variants` reported any that is not.
fn with_bases(drafts: Vec<Draft>) -> Vec<Offence> {
    let position = |section: &str| drafts.iter().position(|d| d.offence.section == section);
    let bases: Vec<Option<OffenceId>> = (drafts.iter())
        .map(|d| d.base.as_deref().and_then(position).map(OffenceId))
        .collect();
    (drafts.into_iter().zip(bases))
        .map(|(draft, base)| Offence {
            base,
            ..draft.offence
        })
        .collect()
}

struct Checker {
    book: StatuteBook,
    /// `None` until a derived fact's type is known (or forever, on a cycle).
    facts: Vec<Option<Fact>>,
    ids: HashMap<String, FactId>,
    errors: Vec<(usize, CheckError)>,
}

impl Checker {
    fn report(&mut self, file: usize, errors: Vec<CheckError>) {
        self.errors
            .extend(errors.into_iter().map(|error| (file, error)));
    }

    fn scope_types(&self) -> Vec<Option<Type>> {
        self.facts
            .iter()
            .map(|fact| fact.as_ref().map(|f| f.ty.clone()))
            .collect()
    }

    fn fact_inputs(&self) -> Vec<Vec<FactId>> {
        self.facts
            .iter()
            .map(|fact| fact.as_ref().map(|f| f.inputs.clone()).unwrap_or_default())
            .collect()
    }

    fn new_fact(&mut self, file: usize, name: &ast::Name) -> Option<FactId> {
        if self.ids.contains_key(&name.value) {
            self.report(
                file,
                vec![CheckError::DuplicateFact {
                    name: name.value.clone(),
                    span: name.span,
                }],
            );
            return None;
        }
        let id = FactId(self.facts.len());
        self.ids.insert(name.value.clone(), id);
        self.facts.push(None);
        Some(id)
    }

    fn declare_facts(&mut self, files: &RuleFiles<'_>) {
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Fact(decl) = declaration else {
                    continue;
                };
                let ty = fact_type(&decl.ty.value, decl.ty.span);
                let Some(id) = self.new_fact(file, &decl.name) else {
                    continue;
                };
                match ty {
                    Ok(ty) => {
                        let glosses = self.glosses(file, decl, &ty);
                        self.facts[id] = Some(Fact {
                            name: decl.name.value.clone(),
                            ty,
                            question: Some(decl.question.clone()),
                            glosses,
                            derivation: None,
                            inputs: vec![id],
                        });
                    }
                    Err(error) => self.report(file, vec![error]),
                }
            }
        }
    }

    /// A fact's glosses, each naming an option of its type; one naming anything else is an
    /// error at the name, with the nearest option.
    fn glosses(&mut self, file: usize, decl: &ast::FactDecl, ty: &Type) -> Vec<(String, String)> {
        let members: &[String] = match ty {
            Type::Enum(members) | Type::Set(members) => members,
            _ => &[],
        };
        let mut glosses = Vec::new();
        for (member, text) in &decl.glosses {
            if members.contains(&member.value) {
                glosses.push((member.value.clone(), text.clone()));
            } else {
                let error = CheckError::UnknownMember {
                    member: member.value.clone(),
                    fact: decl.name.value.clone(),
                    span: member.span,
                    help: suggestion_help(&member.value, members.iter().map(String::as_str)),
                };
                self.report(file, vec![error]);
            }
        }
        glosses
    }

    fn derive_facts(&mut self, files: &RuleFiles<'_>) -> Vec<FactId> {
        let mut derived = Vec::new();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Derive(decl) = declaration else {
                    continue;
                };
                if let Some(id) = self.new_fact(file, &decl.name) {
                    derived.push((id, decl, file));
                }
            }
        }
        let mut cycle_errors = Vec::new();
        let pairs: Vec<(FactId, &ast::DeriveDecl)> =
            derived.iter().map(|(id, decl, _)| (*id, *decl)).collect();
        let order = order::derive_order(&pairs, &self.ids, &mut cycle_errors);
        for error in cycle_errors {
            let file = derived.iter().find(|(_, d, _)| matches!(&error, CheckError::Cycle { name, .. } if *name == d.name.value)).map_or(0, |(_, _, f)| *f);
            self.errors.push((file, error));
        }
        let mut checked_order = Vec::new();
        // How many derived facts each fact is derived through (0 for a declared fact).
        let mut depths = vec![0usize; self.facts.len()];
        for id in order {
            let (_, decl, file) = derived
                .iter()
                .find(|(i, _, _)| *i == id)
                .expect("ordered facts are derived facts");
            let mut errors = Vec::new();
            let types = self.scope_types();
            let resolved = Scope {
                ids: &self.ids,
                types: &types,
            }
            .resolve(&decl.expr, &mut errors);
            self.report(*file, errors);
            let Some((expr, ty)) = resolved else { continue };
            depths[id] = derive_depth(&expr, &depths);
            if depths[id] == MAX_DERIVE_DEPTH + 1 {
                self.report(*file, vec![deep_derivation(&decl.name)]);
            }
            let inputs = inputs_of(&expr, &self.fact_inputs());
            self.facts[id] = Some(Fact {
                name: decl.name.value.clone(),
                ty,
                question: None,
                glosses: Vec::new(),
                derivation: Some(Derivation {
                    expr,
                    cite: decl.cite.value.clone(),
                }),
                inputs,
            });
            checked_order.push(id);
        }
        checked_order
    }

    fn declare_offences(&mut self, files: &RuleFiles<'_>) -> Vec<Draft> {
        let mut drafts: Vec<Draft> = Vec::new();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Offence(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                self.offence_section(&decl.section, &mut errors);
                if let Some(base) = &decl.base {
                    self.offence_section(base, &mut errors);
                }
                if drafts
                    .iter()
                    .any(|d| d.offence.section == decl.section.value)
                {
                    errors.push(CheckError::DuplicateOffence {
                        id: decl.section.value.clone(),
                        span: decl.section.span,
                    });
                }
                let elements = self.elements(&decl.section.value, &decl.elements, &mut errors);
                self.report(file, errors);
                drafts.push(Draft {
                    offence: Offence {
                        section: decl.section.value.clone(),
                        base: None,
                        elements,
                        clauses: Vec::new(),
                    },
                    file,
                    span: decl.section.span,
                    base: decl.base.as_ref().map(|b| b.value.clone()),
                });
            }
        }
        drafts
    }

    /// Reports a section id that is not an offence in the statutes.
    fn offence_section(&self, id: &ast::Name, errors: &mut Vec<CheckError>) {
        match self.book.sections.get(&id.value) {
            None => errors.push(CheckError::UnknownSection {
                id: id.value.clone(),
                span: id.span,
                help: suggestion_help(&id.value, self.book.sections.keys().map(String::as_str)),
            }),
            Some(section) if section.kind != SectionKind::Offence => {
                errors.push(CheckError::NotAnOffence {
                    id: id.value.clone(),
                    span: id.span,
                });
            }
            Some(_) => {}
        }
    }

    fn elements(
        &self,
        section: &str,
        decls: &[ast::ElementDecl],
        errors: &mut Vec<CheckError>,
    ) -> Vec<Element> {
        let types = self.scope_types();
        let fact_inputs = self.fact_inputs();
        let scope = Scope {
            ids: &self.ids,
            types: &types,
        };
        let mut elements: Vec<Element> = Vec::new();
        for decl in decls {
            let validity = self.validity(&decl.validity, errors);
            let Some(expr) = scope.condition(&decl.expr, errors) else {
                continue;
            };
            if elements
                .iter()
                .any(|e| e.name == decl.name.value && self.overlap_in_time(&e.validity, &validity))
            {
                errors.push(CheckError::DuplicateElement {
                    section: section.to_owned(),
                    element: decl.name.value.clone(),
                    span: decl.name.span,
                });
            }
            elements.push(Element {
                name: decl.name.value.clone(),
                inputs: inputs_of(&expr, &fact_inputs),
                expr,
                validity,
                cite: decl.cite.value.clone(),
                waivers: Vec::new(),
                inherited_from: None,
            });
        }
        elements
    }

    fn validity(&self, validity: &ast::Validity, errors: &mut Vec<CheckError>) -> Validity {
        let mut key = |name: &Option<ast::Name>| {
            let name = name.as_ref()?;
            if !self.book.dates.contains_key(&name.value) {
                errors.push(CheckError::UnknownDate {
                    key: name.value.clone(),
                    span: name.span,
                    help: suggestion_help(&name.value, self.book.dates.keys().map(String::as_str)),
                });
            }
            Some(name.value.clone())
        };
        let since = key(&validity.since);
        let until = key(&validity.until);
        Validity {
            since_at: since.as_deref().map(|key| self.book.moment(key)),
            until_at: until.as_deref().map(|key| self.book.moment(key)),
            since,
            until,
        }
    }

    /// Whether two validity periods share a day (judged by each key's earliest day).
    fn overlap_in_time(&self, a: &Validity, b: &Validity) -> bool {
        let day = |key: &Option<String>| {
            key.as_ref()
                .and_then(|k| self.book.dates.get(k))
                .map(crate::statute::DateKey::earliest)
        };
        let starts_before_end =
            |start: &Option<String>, end: &Option<String>| match (day(start), day(end)) {
                (Some(start), Some(end)) => start < end,
                _ => true,
            };
        starts_before_end(&a.since, &b.until) && starts_before_end(&b.since, &a.until)
    }

    /// Elements an amendment overlay adds to offences declared in the base rules.
    fn extend_offences(&mut self, files: &RuleFiles<'_>, drafts: &mut [Draft]) {
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Extend(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                let mut added = self.elements(&decl.section.value, &decl.elements, &mut errors);
                match drafts
                    .iter_mut()
                    .find(|d| d.offence.section == decl.section.value)
                {
                    Some(draft) => {
                        for element in &added {
                            let clash = draft.offence.elements.iter().any(|e| {
                                e.name == element.name
                                    && self.overlap_in_time(&e.validity, &element.validity)
                            });
                            if clash {
                                errors.push(CheckError::DuplicateElement {
                                    section: decl.section.value.clone(),
                                    element: element.name.clone(),
                                    span: decl.section.span,
                                });
                            }
                        }
                        draft.offence.elements.append(&mut added);
                    }
                    None => errors.push(self.missing_offence(&decl.section)),
                }
                self.report(file, errors);
            }
        }
    }

    fn attach_waivers(&mut self, files: &RuleFiles<'_>, drafts: &mut [Draft]) {
        let types = self.scope_types();
        let fact_inputs = self.fact_inputs();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Waive(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                let condition = Scope {
                    ids: &self.ids,
                    types: &types,
                }
                .condition(&decl.condition, &mut errors);
                match drafts
                    .iter_mut()
                    .find(|d| d.offence.section == decl.section.value)
                {
                    None => errors.push(self.missing_offence(&decl.section)),
                    Some(draft) => {
                        let elements = &mut draft.offence.elements;
                        let targets: Vec<&mut Element> = elements
                            .iter_mut()
                            .filter(|e| e.name == decl.element.value)
                            .collect();
                        if targets.is_empty() {
                            let names: Vec<&str> = draft
                                .offence
                                .elements
                                .iter()
                                .map(|e| e.name.as_str())
                                .collect();
                            errors.push(CheckError::UnknownElement {
                                section: decl.section.value.clone(),
                                element: decl.element.value.clone(),
                                span: decl.element.span,
                                help: suggestion_help(&decl.element.value, names),
                            });
                        } else if let Some(condition) = condition {
                            let inputs = inputs_of(&condition, &fact_inputs);
                            for element in targets {
                                element.waivers.push(Waiver {
                                    condition: condition.clone(),
                                    cite: decl.cite.value.clone(),
                                    inputs: inputs.clone(),
                                });
                            }
                        }
                    }
                }
                self.report(file, errors);
            }
        }
    }

    fn missing_offence(&self, section: &ast::Name) -> CheckError {
        if self.book.sections.contains_key(&section.value) {
            CheckError::NoOffenceRule {
                id: section.value.clone(),
                span: section.span,
            }
        } else {
            CheckError::UnknownSection {
                id: section.value.clone(),
                span: section.span,
                help: suggestion_help(
                    &section.value,
                    self.book.sections.keys().map(String::as_str),
                ),
            }
        }
    }

    /// Gives each variant its base's elements (with their waivers) before its own, bases first.
    fn compose_variants(&mut self, drafts: Vec<Draft>) -> Vec<Draft> {
        let (mut done, mut pending): (Vec<Draft>, Vec<Draft>) =
            drafts.into_iter().partition(|d| d.base.is_none());
        while !pending.is_empty() {
            let before = pending.len();
            let mut waiting = Vec::new();
            for mut draft in pending {
                let base_id = draft.base.clone().unwrap_or_default();
                match done.iter().find(|d| d.offence.section == base_id) {
                    Some(base) => {
                        let mut elements: Vec<Element> = base
                            .offence
                            .elements
                            .iter()
                            .cloned()
                            .map(|mut e| {
                                e.inherited_from.get_or_insert_with(|| base_id.clone());
                                e
                            })
                            .collect();
                        elements.append(&mut draft.offence.elements);
                        draft.offence.elements = elements;
                        done.push(draft);
                    }
                    None => waiting.push(draft),
                }
            }
            if waiting.len() == before {
                for draft in waiting {
                    let base = draft.base.clone().unwrap_or_default();
                    self.errors.push((draft.file, CheckError::Invalid {
                        message: format!("variant `{}` extends `{base}`, which has no offence rule", draft.offence.section),
                        span: draft.span,
                        help: Some(format!("declare `offence {base} {{ ... }}`, or check for variants that extend each other")),
                    }));
                }
                break;
            }
            pending = waiting;
        }
        done
    }

    fn attach_jurisdiction(&mut self, files: &RuleFiles<'_>, drafts: &mut [Draft]) {
        let types = self.scope_types();
        let fact_inputs = self.fact_inputs();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Jurisdiction(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                let clauses: Vec<Clause> = decl
                    .clauses
                    .iter()
                    .filter_map(|clause| {
                        let decides = decides(clause, &mut errors);
                        let condition = clause.condition.as_ref().map(|c| {
                            Scope {
                                ids: &self.ids,
                                types: &types,
                            }
                            .condition(c, &mut errors)
                        });
                        let validity = self.validity(&clause.validity, &mut errors);
                        let condition = match condition {
                            Some(None) => return None,
                            Some(Some(condition)) => Some(condition),
                            None => None,
                        };
                        let inputs = condition
                            .as_ref()
                            .map(|c| inputs_of(c, &fact_inputs))
                            .unwrap_or_default();
                        Some(Clause {
                            decides: decides?,
                            condition,
                            validity,
                            cite: clause.cite.value.clone(),
                            inputs,
                        })
                    })
                    .collect();
                for section in &decl.sections {
                    match drafts
                        .iter_mut()
                        .find(|d| d.offence.section == section.value)
                    {
                        Some(draft) => draft.offence.clauses.extend(clauses.iter().cloned()),
                        None => errors.push(self.missing_offence(section)),
                    }
                }
                self.report(file, errors);
            }
        }
        // A variant is tried and investigated like its base, unless its own clauses (which
        // come first, so they take precedence) say otherwise. `compose_variants` put every
        // base before its variants, so a base's clauses are complete when a variant reads them.
        for index in 0..drafts.len() {
            if let Some(base) = drafts[index].base.clone() {
                let inherited = drafts
                    .iter()
                    .find(|d| d.offence.section == base)
                    .map(|d| d.offence.clauses.clone())
                    .unwrap_or_default();
                drafts[index].offence.clauses.extend(inherited);
            }
        }
    }

    fn overlaps(&mut self, files: &RuleFiles<'_>, drafts: &[Draft]) -> Vec<Overlap> {
        let mut overlaps = Vec::new();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Overlap(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                let kind = lookup(
                    &decl.kind,
                    "overlap kind",
                    &OverlapKind::ALL,
                    OverlapKind::id,
                    &mut errors,
                );
                let mut listed = std::collections::HashSet::new();
                for section in &decl.sections {
                    if !drafts.iter().any(|d| d.offence.section == section.value) {
                        errors.push(self.missing_offence(section));
                    }
                    if !listed.insert(&section.value) {
                        errors.push(CheckError::Invalid {
                            message: format!("`{}` is listed twice in this overlap", section.value),
                            span: section.span,
                            help: Some("list each section of an overlap once".into()),
                        });
                    }
                }
                if decl.sections.len() < 2 {
                    errors.push(CheckError::Invalid {
                        message: "an overlap needs at least two sections".into(),
                        span: decl.kind.span,
                        help: None,
                    });
                }
                let condition = self.optional_condition(decl.condition.as_ref(), &mut errors);
                self.check_note(
                    decl.note.as_deref(),
                    &decl.sections,
                    decl.cite.span,
                    &mut errors,
                );
                self.report(file, errors);
                if let (Some(kind), Some(condition)) = (kind, condition) {
                    overlaps.push(Overlap {
                        kind,
                        sections: (decl.sections.iter())
                            .filter_map(|s| {
                                drafts.iter().position(|d| d.offence.section == s.value)
                            })
                            .map(OffenceId)
                            .collect(),
                        condition,
                        cite: decl.cite.value.clone(),
                        note: decl.note.clone(),
                    });
                }
            }
        }
        overlaps
    }

    fn precedences(
        &mut self,
        files: &RuleFiles<'_>,
    ) -> (Option<Precedence<Agency>>, Option<Precedence<Court>>) {
        let (mut agency, mut court) = (None, None);
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Precedence(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                let already = match decl.of.value {
                    PrecedenceOf::Agency => {
                        let order = decl
                            .order
                            .iter()
                            .filter_map(|n| {
                                lookup(n, "agency", &Agency::ALL, Agency::id, &mut errors)
                            })
                            .collect();
                        agency
                            .replace(Precedence {
                                order,
                                cite: decl.cite.value.clone(),
                                note: decl.note.clone(),
                            })
                            .is_some()
                    }
                    PrecedenceOf::Court => {
                        let order = decl
                            .order
                            .iter()
                            .filter_map(|n| lookup(n, "court", &Court::ALL, Court::id, &mut errors))
                            .collect();
                        court
                            .replace(Precedence {
                                order,
                                cite: decl.cite.value.clone(),
                                note: decl.note.clone(),
                            })
                            .is_some()
                    }
                };
                if already {
                    errors.push(CheckError::Invalid {
                        message: "this precedence is declared twice".into(),
                        span: decl.of.span,
                        help: Some("keep one `precedence` per kind".into()),
                    });
                }
                self.report(file, errors);
            }
        }
        (agency, court)
    }

    fn protections(&mut self, files: &RuleFiles<'_>, offences: &[Draft]) -> Vec<Protection> {
        let types = self.scope_types();
        let fact_inputs = self.fact_inputs();
        let mut protections = Vec::new();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Protect(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                match self.book.sections.get(&decl.section.value) {
                    None => errors.push(self.missing_offence(&decl.section)),
                    Some(section) if section.kind == SectionKind::Offence => {
                        errors.push(CheckError::Invalid {
                            message: format!(
                                "section `{}` is an offence, not a protection",
                                decl.section.value
                            ),
                            span: decl.section.span,
                            help: Some("`protect` names a section of kind `protection` or `procedure` that protects the victims of the offences after `for`".into()),
                        });
                    }
                    Some(_) => {}
                }
                let victim_of = self.offence_indices(&decl.victim_of, offences, &mut errors);
                let scope = Scope {
                    ids: &self.ids,
                    types: &types,
                };
                let condition = decl
                    .condition
                    .as_ref()
                    .map(|c| scope.condition(c, &mut errors));
                let validity = self.validity(&decl.validity, &mut errors);
                self.report(file, errors);
                let condition = match condition {
                    Some(None) => continue,
                    Some(Some(condition)) => Some(condition),
                    None => None,
                };
                protections.push(Protection {
                    section: decl.section.value.clone(),
                    inputs: condition
                        .as_ref()
                        .map(|c| inputs_of(c, &fact_inputs))
                        .unwrap_or_default(),
                    victim_of,
                    condition,
                    validity,
                    cite: decl.cite.value.clone(),
                });
            }
        }
        protections
    }

    /// A declaration's `when` condition, checked: `Some(None)` when there is none, `None` when
    /// it has an error (reported in `errors`).
    fn optional_condition(
        &self,
        condition: Option<&ast::Expr>,
        errors: &mut Vec<CheckError>,
    ) -> Option<Option<crate::model::Expr>> {
        let Some(condition) = condition else {
            return Some(None);
        };
        let types = self.scope_types();
        let scope = Scope {
            ids: &self.ids,
            types: &types,
        };
        scope.condition(condition, errors).map(Some)
    }

    /// Every `{section field}` in a note names an offence section and a field it can state,
    /// and the note states no penalty or procedure of `listed` or referenced sections in fixed
    /// text.
    fn check_note(
        &self,
        note: Option<&str>,
        listed: &[ast::Name],
        span: Span,
        errors: &mut Vec<CheckError>,
    ) {
        use crate::statute::fill::{Field, references};
        let listed: Vec<&str> = listed.iter().map(|name| name.value.as_str()).collect();
        for fixed in notes::fixed_attributes(&self.book, note.unwrap_or_default(), &listed) {
            errors.push(CheckError::FixedAttribute {
                section: fixed.section,
                field: fixed.field.id(),
                said: fixed.said,
                span,
            });
        }
        for reference in references(note.unwrap_or_default()) {
            let offence = self
                .book
                .sections
                .get(reference.section)
                .is_some_and(|s| s.kind == SectionKind::Offence);
            let field = Field::ALL.iter().any(|f| f.id() == reference.field);
            if !offence || !field {
                errors.push(CheckError::Invalid {
                    message: format!(
                        "the note's `{}` names no offence section and field",
                        &note.unwrap_or_default()[reference.range]
                    ),
                    span,
                    help: Some("write `{ppc/374 procedure}`, `{ppc/374 penalty}`, `{ppc/374 court}` or `{ppc/374 agency}` with an offence section's id".into()),
                });
            }
        }
    }

    /// The offences named after `for`, reporting the ones with no rule.
    fn offence_indices(
        &self,
        names: &[ast::Name],
        offences: &[Draft],
        errors: &mut Vec<CheckError>,
    ) -> Vec<OffenceId> {
        names
            .iter()
            .filter_map(|name| {
                let found = offences
                    .iter()
                    .position(|d| d.offence.section == name.value)
                    .map(OffenceId);
                if found.is_none() {
                    errors.push(self.missing_offence(name));
                }
                found
            })
            .collect()
    }

    fn venues(&mut self, files: &RuleFiles<'_>, offences: &[Draft]) -> Vec<Venue> {
        let mut venues = Vec::new();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Venue(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                let places = decl
                    .places
                    .iter()
                    .filter_map(|place| {
                        let Some(&id) = self.ids.get(&place.value) else {
                            errors.push(CheckError::UnknownFact {
                                name: place.value.clone(),
                                span: place.span,
                                help: suggestion_help(
                                    &place.value,
                                    self.ids.keys().map(String::as_str),
                                ),
                            });
                            return None;
                        };
                        let ty = self.facts[id]
                            .as_ref()
                            .map(|f| f.ty.describe())
                            .unwrap_or_default();
                        if ty != "text" {
                            errors.push(CheckError::TypeMismatch {
                                expected: "a text fact".into(),
                                found: ty,
                                span: place.span,
                            });
                        }
                        Some(id)
                    })
                    .collect();
                let sections = self.offence_indices(&decl.sections, offences, &mut errors);
                let condition = self.optional_condition(decl.condition.as_ref(), &mut errors);
                if decl.places.is_empty() && decl.note.is_none() {
                    errors.push(CheckError::Invalid {
                        message: "a venue with no places needs a note saying where".into(),
                        span: decl.cite.span,
                        help: Some(
                            "add `note \"...\"`, or name the text facts that hold the places"
                                .into(),
                        ),
                    });
                }
                self.check_note(
                    decl.note.as_deref(),
                    &decl.sections,
                    decl.cite.span,
                    &mut errors,
                );
                self.report(file, errors);
                let Some(condition) = condition else {
                    continue;
                };
                venues.push(Venue {
                    places,
                    offences: sections,
                    condition,
                    cite: decl.cite.value.clone(),
                    note: decl.note.clone(),
                });
            }
        }
        venues
    }

    fn notes(&mut self, files: &RuleFiles<'_>) -> Vec<RuleNote> {
        let mut notes = Vec::new();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Note(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                let condition = self.optional_condition(decl.condition.as_ref(), &mut errors);
                let validity = self.validity(&decl.validity, &mut errors);
                self.check_note(Some(&decl.text), &[], decl.cite.span, &mut errors);
                self.report(file, errors);
                let Some(condition) = condition else {
                    continue;
                };
                notes.push(RuleNote {
                    text: decl.text.clone(),
                    condition,
                    firm: decl.firm,
                    validity,
                    cite: decl.cite.value.clone(),
                });
            }
        }
        notes
    }

    fn indicators(&mut self, files: &RuleFiles<'_>) -> Vec<Indicator> {
        let types = self.scope_types();
        let mut indicators: Vec<Indicator> = Vec::new();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Indicator(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                if indicators.iter().any(|i| i.name == decl.name.value) {
                    errors.push(CheckError::Invalid {
                        message: format!("indicator `{}` is declared twice", decl.name.value),
                        span: decl.name.span,
                        help: None,
                    });
                }
                let expr = Scope {
                    ids: &self.ids,
                    types: &types,
                }
                .condition(&decl.expr, &mut errors);
                self.report(file, errors);
                if let Some(expr) = expr {
                    indicators.push(Indicator {
                        name: decl.name.value.clone(),
                        title: decl.title.clone(),
                        expr,
                        cite: decl.cite.value.clone(),
                    });
                }
            }
        }
        indicators
    }

    fn joint(&mut self, files: &RuleFiles<'_>) -> Vec<Joint> {
        let mut joint = Vec::new();
        for &(file, rules) in files {
            for declaration in &rules.declarations {
                let Declaration::Joint(decl) = declaration else {
                    continue;
                };
                let mut errors = Vec::new();
                let court = lookup(&decl.court, "court", &Court::ALL, Court::id, &mut errors);
                let courts: Vec<Court> = decl
                    .instruments
                    .iter()
                    .filter_map(|t| Court::ALL.into_iter().find(|c| c.id() == t.value))
                    .collect();
                let mut instruments = Vec::new();
                for instrument in decl
                    .instruments
                    .iter()
                    .filter(|t| !Court::ALL.iter().any(|c| c.id() == t.value))
                {
                    match self.book.instruments.id(&instrument.value) {
                        Some(index) => instruments.push(index),
                        None => errors.push(CheckError::UnknownId {
                            what: "instrument",
                            name: instrument.value.clone(),
                            span: instrument.span,
                            help: suggestion_help(&instrument.value, self.book.instruments.ids()),
                        }),
                    }
                }
                self.report(file, errors);
                if let Some(court) = court {
                    joint.push(Joint {
                        court,
                        instruments,
                        courts,
                        cite: decl.cite.value.clone(),
                    });
                }
            }
        }
        joint
    }

    fn required_fact(
        &mut self,
        name: &'static str,
        ty: &Type,
        ty_name: &'static str,
    ) -> Option<FactId> {
        let id = self.ids.get(name).copied();
        let fits = id
            .and_then(|id| self.facts[id].as_ref())
            .is_some_and(|f| &f.ty == ty && f.derivation.is_none());
        if !fits {
            self.errors
                .push((0, CheckError::RequiredFact { name, ty: ty_name }));
        }
        id
    }
}

/// One more than the deepest derived fact an expression reads.
fn derive_depth(expr: &crate::model::Expr, depths: &[usize]) -> usize {
    use crate::model::Expr;
    match expr {
        Expr::Const(_) => 1,
        Expr::Fact(f) | Expr::SetAny(f, _) | Expr::SetAll(f, _) | Expr::EnumIn(f, _) => {
            depths[*f] + 1
        }
        Expr::Not(operand) => derive_depth(operand, depths),
        Expr::And(l, r) | Expr::Or(l, r) | Expr::Compare(_, l, r) => {
            derive_depth(l, depths).max(derive_depth(r, depths))
        }
    }
}

fn deep_derivation(name: &ast::Name) -> CheckError {
    CheckError::Invalid {
        message: format!(
            "`{}` makes a chain of more than {MAX_DERIVE_DEPTH} derived facts, each built on the one before",
            name.value
        ),
        span: name.span,
        help: Some(format!(
            "derive it from fewer steps: at most {MAX_DERIVE_DEPTH} derived facts may build on one another"
        )),
    }
}

/// The agency or court a clause names.
fn decides(clause: &ast::ClauseDecl, errors: &mut Vec<CheckError>) -> Option<Decides> {
    match clause.role.value {
        ClauseRole::Agency => {
            lookup(&clause.target, "agency", &Agency::ALL, Agency::id, errors).map(Decides::Agency)
        }
        ClauseRole::Support => {
            lookup(&clause.target, "agency", &Agency::ALL, Agency::id, errors).map(Decides::Support)
        }
        ClauseRole::Court => {
            lookup(&clause.target, "court", &Court::ALL, Court::id, errors).map(Decides::Court)
        }
    }
}

/// An id from a closed list (agencies, courts, overlap kinds), or an error with a suggestion.
fn lookup<T: Copy>(
    name: &ast::Name,
    what: &'static str,
    all: &[T],
    id: impl Fn(T) -> &'static str,
    errors: &mut Vec<CheckError>,
) -> Option<T> {
    let found = all.iter().copied().find(|item| id(*item) == name.value);
    if found.is_none() {
        errors.push(CheckError::UnknownId {
            what,
            name: name.value.clone(),
            span: name.span,
            help: suggestion_help(&name.value, all.iter().map(|item| id(*item))),
        });
    }
    found
}

/// A declared type, checked.
fn fact_type(ty: &TypeExpr, span: Span) -> Result<Type, CheckError> {
    let invalid = |message: &str| CheckError::Invalid {
        message: message.to_owned(),
        span,
        help: None,
    };
    let members = |names: &[ast::Name]| -> Result<Arc<[String]>, CheckError> {
        let list: Vec<String> = names.iter().map(|n| n.value.clone()).collect();
        if list.is_empty() {
            return Err(invalid("an enum or set needs at least one member"));
        }
        if let Some(dup) = names
            .iter()
            .enumerate()
            .find(|(i, n)| list[..*i].contains(&n.value))
        {
            return Err(CheckError::Invalid {
                message: format!("member `{}` is listed twice", dup.1.value),
                span: dup.1.span,
                help: None,
            });
        }
        if list.len() > 64 {
            return Err(invalid("an enum or set may have at most 64 members"));
        }
        Ok(list.into())
    };
    Ok(match ty {
        TypeExpr::Bool => Type::Bool,
        TypeExpr::Date => Type::Date,
        TypeExpr::Text => Type::Text,
        TypeExpr::Int { range: None } => Type::Int {
            min: i64::MIN,
            max: i64::MAX,
        },
        TypeExpr::Int {
            range: Some((min, max)),
        } if min <= max => Type::Int {
            min: *min,
            max: *max,
        },
        TypeExpr::Int { .. } => {
            return Err(invalid("the range's lower end is above its upper end"));
        }
        TypeExpr::Enum(names) => Type::Enum(members(names)?),
        TypeExpr::Set(names) => Type::Set(members(names)?),
    })
}
