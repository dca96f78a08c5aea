//! A resolution's reasons in words. `resolve` decides as data (the ground of each agency and
//! court, the case court's decision, overlap notes, what an unknown fact would decide, the notes
//! on how the answer was reached); the sentences are written here, once, in the reader's
//! language, with sections cited as lawyers write them. Every format reads them from the
//! report built in `json`.

use crate::eval::PartialDate;
use crate::i18n::{tr, trf};
use crate::model::{FactId, OffenceId, Program};
use crate::resolve::{
    Affect, AgencyRole, CaseCourt, CourtDecision, Forum, Given, Ground, Joinder, LaterForum, Note,
    OverlapNote, Unlisted,
};
use crate::statute::{Court, citation};

/// A section as lawyers cite it: `PTPA 2018 s.3(2)`.
fn cited(program: &Program, offence: OffenceId) -> String {
    citation(&program.book, &program.offences[offence].section)
}

/// Sections as one list of citations.
fn cited_list(program: &Program, offences: &[OffenceId]) -> String {
    (offences.iter().map(|&o| cited(program, o)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a section's agency or court is the one named: a clause's citation, or the statute
/// data's default.
pub(super) fn ground(program: &Program, ground: Ground) -> String {
    match ground {
        Ground::Clause { offence, clause } => {
            program.offences[offence].clauses[clause].cite.clone()
        }
        Ground::Default { offence, given } => {
            let citation = cited(program, offence);
            let cited = [("citation", citation.as_str())];
            match given {
                Given::Agency => trf("{citation}: the agency given in the statute data", &cited),
                Given::Court => trf("{citation}: the court given in the statute data", &cited),
                Given::LaterCourt => trf(
                    "{section}: the court given in the statute data for the version in force now",
                    &[("section", &citation)],
                ),
            }
        }
    }
}

/// Why an agency takes its part: its strongest ground, and for a lead among others the
/// precedence that makes it lead.
pub(super) fn agency(program: &Program, role: &AgencyRole) -> String {
    let reason = ground(program, role.ground);
    match (&program.agency_precedence, role.leads_over_others) {
        (Some(precedence), true) => trf(
            "{reason}; leads because {convention}",
            &[
                ("reason", &reason),
                (
                    "convention",
                    precedence.note.as_deref().unwrap_or(&precedence.cite),
                ),
            ],
        ),
        _ => reason,
    }
}

/// Why the case goes to its court, and whether its charges are tried together.
pub(super) fn court(program: &Program, court: &CaseCourt) -> String {
    let CourtDecision {
        court: named,
        different,
        joinder,
    } = &court.decision;
    let why = match joinder {
        Joinder::OneCourt => {
            return trf(
                "every section that applies is tried by the {court}",
                &[("court", named.name())],
            );
        }
        Joinder::ExclusiveElsewhere(sections) => trf(
            "{sections} may be tried only by its own court, so the charges are tried separately",
            &[("sections", &cited_list(program, sections))],
        ),
        Joinder::ExclusiveBeside { exclusive, outside } => trf(
            "{sections} may be tried only by the court of its own Act; whether that court may also try {others} is an open question",
            &[
                ("sections", &cited_list(program, exclusive)),
                ("others", &cited_list(program, outside)),
            ],
        ),
        Joinder::Joined(rules) => {
            let mut cites: Vec<&str> = (rules.iter())
                .map(|&j| program.joint[j].cite.as_str())
                .collect();
            cites.dedup();
            trf(
                "it may try the other charges too ({cites})",
                &[("cites", &cites.join("; "))],
            )
        }
        Joinder::NoRule => tr(
            "no rule found lets one court try every charge: whether they may be joined is an open question",
        )
        .to_owned(),
    };
    if !different {
        return trf(
            "the sections that apply go to the {court}, but not all to the same one: {why}",
            &[("court", named.name()), ("why", &why)],
        );
    }
    let senior = (program.court_precedence.as_ref()).map_or(String::new(), |p| {
        format!(" ({})", p.note.as_deref().unwrap_or(&p.cite))
    });
    trf(
        "the sections that apply go to different courts; the {court} is the senior forum among them{senior}; {why}",
        &[("court", named.name()), ("senior", &senior), ("why", &why)],
    )
}

/// The open question of a forum that changed after the offence date: `court` is the one the
/// offence date's law names for the case.
pub(super) fn later_court(program: &Program, court: Court, later: &LaterForum) -> String {
    // Sections of one family often share a clause's text: each citation once, in order.
    let mut cites: Vec<String> = (later.grounds.iter())
        .map(|&g| ground(program, g))
        .collect();
    cites.sort_unstable();
    cites.dedup();
    trf(
        "the forum changed after the offence date: the law then sends the case to the {court}, the law in force now to the {later} ({cites}); a change of forum is procedural and may reach the trial of an earlier offence, but no source settles whether this one does, so both forums are shown",
        &[
            ("court", court.name()),
            ("later", later.court.name()),
            ("cites", &cites.join("; ")),
        ],
    )
}

/// An overlap's note: the declared note, or each conflicting section with its forum.
pub(super) fn overlap(program: &Program, note: &OverlapNote) -> String {
    match note {
        OverlapNote::Declared(text) => text.clone(),
        OverlapNote::Conflict(pairs) => (pairs.iter())
            .map(|&(offence, forum)| {
                let name = match forum {
                    Forum::Agency(agency) => agency.name(),
                    Forum::Court(court) => court.name(),
                };
                format!("{}: {name}", cited(program, offence))
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// What an unknown fact would decide, as the JSON names it: a section id, `agency for <id>`,
/// `court for <id>`, `note <citation>` or `venue <citation>`.
pub(super) fn affect_id(program: &Program, affect: &Affect) -> String {
    let id = |offence: OffenceId| program.offences[offence].section.as_str();
    match affect {
        Affect::Section(offence) => id(*offence).to_owned(),
        Affect::Agency(offence) => format!("agency for {}", id(*offence)),
        Affect::Court(offence) => format!("court for {}", id(*offence)),
        Affect::Note(cite) => format!("note {cite}"),
        Affect::Venue(cite) => format!("venue {cite}"),
    }
}

/// What an unknown fact would decide, in words, sections cited.
pub(super) fn affect(program: &Program, affect: &Affect) -> String {
    match affect {
        Affect::Section(offence) => cited(program, *offence),
        Affect::Agency(offence) => trf(
            "agency for {section}",
            &[("section", &cited(program, *offence))],
        ),
        Affect::Court(offence) => trf(
            "court for {section}",
            &[("section", &cited(program, *offence))],
        ),
        Affect::Note(cite) => trf("note {cite}", &[("cite", cite)]),
        Affect::Venue(cite) => trf("venue {cite}", &[("cite", cite)]),
    }
}

/// A note on how the answer was reached.
pub(super) fn note(program: &Program, note: &Note) -> String {
    match note {
        Note::DateAssumed(today) => trf(
            "the case file gives no `case.date`: the law in force today ({date}) was used; conduct before today may attract a different, earlier law, so give the date",
            &[("date", &today.to_string())],
        ),
        Note::PartialDate(partial) => partial_date(partial),
        Note::Window { date, key } => {
            let key = &program.book.dates[key.as_str()];
            trf(
                "{date} falls inside the window for `{key}` ({label}: {bound}): the version in force is uncertain; this report uses the law before it, and the alternative shows what changes if it was already in force",
                &[
                    ("date", &date.to_string()),
                    ("key", &key.id),
                    ("label", &key.label),
                    ("bound", &key.bound.to_string()),
                ],
            )
        }
        Note::Premised {
            venue,
            text,
            cite,
            depends_on,
        } => premised(program, *venue, text, cite, depends_on),
        Note::ClosedList { fact, groups } => closed_list(program, *fact, groups),
    }
}

/// A rule's or venue rule's note, possible when the facts leave its condition open.
fn premised(
    program: &Program,
    venue: bool,
    text: &str,
    cite: &str,
    depends_on: &[FactId],
) -> String {
    let facts: Vec<&str> = (depends_on.iter())
        .map(|&f| program.facts[f].name.as_str())
        .collect();
    let facts = facts.join(", ");
    let args = [("facts", facts.as_str()), ("note", text), ("cite", cite)];
    match (venue, depends_on.is_empty()) {
        (true, true) => trf("venue: {note} ({cite})", &args),
        (true, false) => trf(
            "venue, possible (depends on {facts}): {note} ({cite})",
            &args,
        ),
        (false, true) => format!("{text} ({cite})"),
        (false, false) => trf("possibly, depending on {facts}: {note} ({cite})", &args),
    }
}

/// What a partial date means for the report: one reading, or which days change it.
fn partial_date(partial: &PartialDate) -> String {
    let range = crate::model::written_stretch(partial.first, partial.last);
    let Some(last) = partial.changes.last() else {
        return trf(
            "`case.date` is known only as {range}: the law reads the case the same way on every day of it ({first} to {last})",
            &[
                ("range", &range),
                ("first", &partial.first.to_string()),
                ("last", &partial.last.to_string()),
            ],
        );
    };
    let days: Vec<String> = partial.changes.iter().map(ToString::to_string).collect();
    trf(
        "`case.date` is known only as {range}, and the outcome changes within it (from {days}): a section that comes out differently on some day is shown as may apply, and the alternative shows the law from {last}; give the day to settle it",
        &[
            ("range", &range),
            ("days", &days.join(", ")),
            ("last", &last.to_string()),
        ],
    )
}

/// A closed list's warning: each group of left-out members with the sections they would make
/// apply.
fn closed_list(program: &Program, fact: FactId, groups: &[Unlisted]) -> String {
    let names = program.facts[fact].ty.members().unwrap_or_default();
    let effects: Vec<String> = (groups.iter())
        .map(|Unlisted { members, sections }| {
            let members: Vec<&str> = members.iter().map(|&m| names[m].as_str()).collect();
            trf(
                "listing {members} would make {sections} apply",
                &[
                    ("members", &crate::diagnostic::list_or(members)),
                    ("sections", &cited_list(program, sections)),
                ],
            )
        })
        .collect();
    trf(
        "`{fact}` is a closed list (the members not listed are false): {effects}; if it may be incomplete, write { include = [...] }",
        &[
            ("fact", &program.facts[fact].name),
            ("effects", &effects.join("; ")),
        ],
    )
}
