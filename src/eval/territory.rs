//! Whether a provincial instrument extends to a case, decided in one place for the full
//! evaluation and the batch plan: where the instrument extends is worked out from the law
//! ([`Reach::of`], once per offence by the plan), and [`extends`] reads the case's province.

use crate::model::{Program, Value};
use crate::statute::{InstrumentId, Jurisdiction};

/// Where an instrument extends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reach<'p> {
    /// Federal law: the whole country.
    Everywhere,
    /// A province's law: its province, and that province's index among the members of
    /// `case.province` (`None`: no member names it, so no case given as a member is in it).
    Province {
        province: &'p str,
        member: Option<u8>,
    },
}

impl<'p> Reach<'p> {
    /// Where `instrument` extends, as its jurisdiction says.
    pub(crate) fn of(program: &'p Program, instrument: InstrumentId) -> Reach<'p> {
        let jurisdiction = program.book.instruments[instrument].jurisdiction;
        if jurisdiction == Jurisdiction::Federal {
            return Reach::Everywhere;
        }
        // Case files name a province as `case.province`'s option of the same id.
        let province = jurisdiction.id();
        let members = program
            .case_province
            .and_then(|fact| program.facts[fact].ty.members());
        let member = members
            .and_then(|members| members.iter().position(|m| m == province))
            .and_then(|index| u8::try_from(index).ok());
        Reach::Province { province, member }
    }
}

/// The one place territory is decided: whether an instrument that extends so far extends to
/// the case (`values`: the case's). Federal law always does; a province's law does when
/// `case.province` is its province, and whether it does is unknown when that is not given.
#[inline]
pub(crate) fn extends(
    program: &Program,
    reach: Reach<'_>,
    values: &[Option<Value>],
) -> Option<bool> {
    let Reach::Province { province, member } = reach else {
        return Some(true);
    };
    let fact = program.case_province?;
    Some(match values[fact].as_ref()? {
        // The usual case: compare the member's index, without writing the value out.
        Value::Enum(index) => member == Some(*index),
        other => other.display(&program.facts[fact].ty) == province,
    })
}
