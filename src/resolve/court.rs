//! The court for the whole case, decided once as data: the senior forum among the charges
//! that apply, and whether it may try them all. The report keeps the decision and
//! `output::reason` writes its reason; the batch plan reads only the court and the joint trial.

use crate::model::Program;
use crate::statute::Court;

use super::JointTrial;

/// A charge that applies, as the case's court is decided: who it is (`K`: a section id, an
/// offence index), the court that tries it, whether only the court of its own Act may try it,
/// and its instrument (`I`: an id, or an index).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Charged<K, I> {
    pub(crate) id: K,
    pub(crate) court: Court,
    pub(crate) exclusive: bool,
    pub(crate) instrument: I,
}

/// Why the charges are, or are not, tried together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joinder<K> {
    /// Every charge goes to the one court, and none is confined to another Act's court.
    OneCourt,
    /// These charges may be tried only by their own court, which is not the senior forum.
    ExclusiveElsewhere(Vec<K>),
    /// These charges may be tried only by the court of their own Act; whether it may try the
    /// `outside` ones (other Acts) is open.
    ExclusiveBeside { exclusive: Vec<K>, outside: Vec<K> },
    /// The senior forum may try every other charge, by these `joint` rules (indices into
    /// `Program::joint`, in charge order, repeats next to each other dropped).
    Joined(Vec<usize>),
    /// No rule found lets one court try every charge.
    NoRule,
}

impl<K> Joinder<K> {
    /// Whether one court tries every charge, they are tried separately, or it is open.
    pub fn joint_trial(&self) -> JointTrial {
        match self {
            Joinder::OneCourt | Joinder::Joined(_) => JointTrial::Together,
            Joinder::ExclusiveElsewhere(_) => JointTrial::Separately,
            Joinder::ExclusiveBeside { .. } | Joinder::NoRule => JointTrial::Open,
        }
    }
}

/// The case's court and how its charges are tried.
#[derive(Debug, Clone)]
pub struct CourtDecision<K> {
    /// The senior forum among the charges.
    pub court: Court,
    /// Whether some charge goes to another court than `court`.
    pub different: bool,
    /// Whether it tries every charge, and by what rule.
    pub joinder: Joinder<K>,
}

/// The one place the case's court is decided. `charges` are the charges that apply with a
/// settled court; `in_rule(j, instrument)` says whether `Program::joint[j]` names the
/// instrument. The senior forum (by the court precedence) is named; it tries every charge
/// when all go to it and none is confined to another Act's court, or when a joint rule lets
/// it try each of the others (by their Act, or by their court); a charge confined to its own
/// court elsewhere is tried separately; otherwise joinder is open.
pub(crate) fn decide<K: Copy, I>(
    program: &Program,
    mut charges: Vec<Charged<K, I>>,
    in_rule: impl Fn(usize, &I) -> bool,
    same_instrument: impl Fn(&I, &I) -> bool,
) -> Option<CourtDecision<K>> {
    let precedence = program.court_precedence.as_ref();
    charges.sort_by_key(|c| precedence.map_or(0, |p| p.rank(&c.court)));
    let court = charges.first()?.court;
    let confined: Vec<&Charged<K, I>> = charges.iter().filter(|c| c.exclusive).collect();
    let outside: Vec<K> = charges
        .iter()
        .filter(|c| {
            !confined
                .iter()
                .any(|e| same_instrument(&e.instrument, &c.instrument))
        })
        .map(|c| c.id)
        .collect();
    let others: Vec<&Charged<K, I>> = charges.iter().filter(|c| c.court != court).collect();
    let exclusive: Vec<K> = confined.iter().map(|c| c.id).collect();
    let joins = |charge: &Charged<K, I>| {
        program.joint.iter().enumerate().position(|(j, rule)| {
            rule.court == court
                && (in_rule(j, &charge.instrument) || rule.courts.contains(&charge.court))
        })
    };
    let elsewhere: Vec<K> = others
        .iter()
        .filter(|c| c.exclusive)
        .map(|c| c.id)
        .collect();
    let joinder = if others.is_empty() && (exclusive.is_empty() || outside.is_empty()) {
        Joinder::OneCourt
    } else if !elsewhere.is_empty() {
        Joinder::ExclusiveElsewhere(elsewhere)
    } else if !exclusive.is_empty() && !outside.is_empty() {
        Joinder::ExclusiveBeside { exclusive, outside }
    } else if let Some(mut rules) = others.iter().map(|c| joins(c)).collect::<Option<Vec<_>>>() {
        rules.dedup();
        Joinder::Joined(rules)
    } else {
        Joinder::NoRule
    };
    Some(CourtDecision {
        court,
        different: !others.is_empty(),
        joinder,
    })
}
