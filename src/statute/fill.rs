//! Notes that state a section's law in force: `{ppc/374 procedure}`, `{ppc/374 penalty}`,
//! `{ppc/374 court}` and `{ppc/374 agency}` in a rule file's note are filled from the version of the section in force
//! (overlays included), so a note never contradicts the section data it describes (issue 16,
//! item 3). Finds and fills the fields; never decides which version is in force.

use super::{Section, StatuteBook, VersionId};

/// A field of a section that a note may state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Cognizable, bailable, compoundable, and any cognizance prerequisite.
    Procedure,
    /// The sentence in words.
    Penalty,
    /// The trial court's name.
    Court,
    /// The investigating agency's name.
    Agency,
}

impl Field {
    /// Every field, for lookups by id.
    pub const ALL: [Field; 4] = [
        Field::Procedure,
        Field::Penalty,
        Field::Court,
        Field::Agency,
    ];

    /// The word written in a note.
    pub fn id(self) -> &'static str {
        match self {
            Field::Procedure => "procedure",
            Field::Penalty => "penalty",
            Field::Court => "court",
            Field::Agency => "agency",
        }
    }
}

/// A `{section field}` reference in a note, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'a> {
    /// Byte range of the braces and their contents in the note.
    pub range: std::ops::Range<usize>,
    /// The section id written.
    pub section: &'a str,
    /// The field word written.
    pub field: &'a str,
}

/// Every `{section field}` reference in a note, in order.
pub fn references(note: &str) -> Vec<Reference<'_>> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = note[rest..].find('{').map(|i| i + rest) {
        let Some(close) = note[open..].find('}').map(|i| i + open) else {
            break;
        };
        let inner = &note[open + 1..close];
        let (section, field) = inner.split_once(' ').unwrap_or((inner, ""));
        found.push(Reference {
            range: open..close + 1,
            section,
            field: field.trim(),
        });
        rest = close + 1;
    }
    found
}

/// The note with each reference replaced by the field of the version `version_of` picks (an
/// index into the section's versions); "not in force" where it picks none. References the
/// checker would refuse are left as written.
pub fn fill(
    book: &StatuteBook,
    note: &str,
    version_of: impl Fn(&Section) -> Option<VersionId>,
) -> String {
    let mut out = String::with_capacity(note.len());
    let mut last = 0;
    for reference in references(note) {
        let field = Field::ALL.into_iter().find(|f| f.id() == reference.field);
        let (Some(section), Some(field)) = (book.sections.get(reference.section), field) else {
            continue;
        };
        out.push_str(&note[last..reference.range.start]);
        out.push_str(&stated(section, version_of(section), field));
        last = reference.range.end;
    }
    out.push_str(&note[last..]);
    out
}

fn stated(section: &Section, version: Option<VersionId>, field: Field) -> String {
    let particulars = version.and_then(|v| section.versions[v].offence.as_ref());
    let Some(particulars) = particulars else {
        return "not in force".to_owned();
    };
    match field {
        Field::Procedure => particulars.procedure_text(),
        Field::Penalty => particulars.punishment.to_string(),
        Field::Court => particulars.court.name().to_owned(),
        Field::Agency => particulars.agency.name().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_with_their_ranges() {
        let note = "PPC 374 is {ppc/374 procedure}; {ppc/374 penalty}.";
        let found = references(note);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].section, "ppc/374");
        assert_eq!(found[0].field, "procedure");
        assert_eq!(&note[found[1].range.clone()], "{ppc/374 penalty}");
    }

    #[test]
    fn a_note_without_braces_has_no_references() {
        assert!(references("up to 1 year (PPC 374)").is_empty());
    }
}
