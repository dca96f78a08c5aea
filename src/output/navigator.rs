//! Tables and Markdown for the statute navigator (`list`, `show`, `search`, `facts`).

use comfy_table::Table;

use super::table::{Style, heading, lines, new_table};
use crate::navigate::{FactsView, InstrumentView, SearchHit, SectionView};

/// `tipnav list`.
pub fn list(instruments: &[InstrumentView], style: Style) -> String {
    let mut out = String::new();
    for instrument in instruments {
        let number = instrument
            .number
            .as_deref()
            .map(|n| format!(", {n}"))
            .unwrap_or_default();
        heading(
            &mut out,
            style,
            2,
            &format!("{} ({}){number}", instrument.title, instrument.id),
        );
        let repealed = instrument
            .repealed
            .as_deref()
            .map(|r| format!("; repealed {r}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}; in force from {}{repealed}; source: {} ({})\n\n",
            instrument.jurisdiction, instrument.commenced, instrument.source, instrument.verified
        ));
        let mut table = new_table(
            style,
            &["Section", "Heading", "Kind", "Versions", "Verified"],
        );
        for section in &instrument.sections {
            let mut verified = section.verified.to_owned();
            if section.has_unverified_fields {
                verified.push_str(" (some fields unverified)");
            }
            let mut kind = section.kind.to_owned();
            if !section.in_rules {
                kind.push_str(" (data only)");
            }
            table.add_row(vec![
                section.id.clone(),
                section.heading.clone(),
                kind,
                lines(style, &section.versions),
                verified,
            ]);
        }
        push(&mut out, &table);
    }
    out
}

/// `tipnav show`.
pub fn show(view: &SectionView, style: Style) -> String {
    let mut out = String::new();
    heading(
        &mut out,
        style,
        1,
        &format!(
            "{} {} ({})",
            view.line.citation, view.line.heading, view.line.id
        ),
    );
    out.push_str(&format!(
        "{} · {} · {}\n\n{}\n\n",
        view.instrument, view.line.kind, view.line.verified, view.summary
    ));
    if let Some(on_date) = &view.on_date {
        out.push_str(&format!("On {}: {}\n\n", on_date.date, on_date.explanation));
    }
    heading(&mut out, style, 2, "Versions");
    let mut table = new_table(
        style,
        &[
            "Period",
            "Text, penalty and procedure",
            "Court / agency",
            "Verified",
        ],
    );
    for version in &view.versions {
        let mut penalty: Vec<String> = version.summary.iter().cloned().collect();
        penalty.extend(version.penalty.iter().cloned());
        penalty.extend(version.procedure.iter().cloned());
        let forum = match (version.court, version.agency) {
            (Some(court), Some(agency)) => format!("{court} / {agency}"),
            _ => String::new(),
        };
        let mut verified = vec![version.verified.to_owned()];
        if !version.unverified.is_empty() {
            verified.push(format!("UNVERIFIED: {}", version.unverified.join(", ")));
        }
        table.add_row(vec![
            version.period.clone(),
            lines(style, &penalty),
            forum,
            lines(style, &verified),
        ]);
    }
    push(&mut out, &table);
    for version in &view.versions {
        out.push_str(&format!(
            "Source ({}): {}\n",
            version.period, version.source
        ));
        if let Some(note) = &version.note {
            out.push_str(&format!("Note: {note}\n"));
        }
    }
    out.push('\n');
    if !view.elements.is_empty() {
        heading(&mut out, style, 2, "Elements as encoded");
        let mut table = new_table(style, &["Element", "Models", "Period"]);
        for element in &view.elements {
            let mut cite = vec![element.cite.clone()];
            cite.extend(
                element
                    .waivers
                    .iter()
                    .map(|w| crate::i18n::trf("waived: {cite}", &[("cite", w)])),
            );
            if let Some(base) = &element.inherited_from {
                cite.push(format!("(from {base})"));
            }
            table.add_row(vec![
                crate::i18n::element_label(&element.name),
                lines(style, &cite),
                element.validity.clone().unwrap_or_default(),
            ]);
        }
        push(&mut out, &table);
    }
    for (title, items) in [
        ("Jurisdiction rules", &view.jurisdiction),
        ("Overlaps", &view.overlaps),
        ("Protection rules", &view.protections),
        ("Earlier law", &view.predecessors),
    ] {
        if !items.is_empty() {
            heading(&mut out, style, 2, title);
            for item in items {
                out.push_str(&format!("- {item}\n"));
            }
            out.push('\n');
        }
    }
    out
}

/// `tipnav search`.
pub fn search(query: &str, hits: &[SearchHit], style: Style) -> String {
    if hits.is_empty() {
        return format!("No section matches `{query}`.\n");
    }
    let mut table = new_table(
        style,
        &["Section", "Heading", "Instrument", "Score", "Matched in"],
    );
    for hit in hits {
        table.add_row(vec![
            hit.id.clone(),
            hit.heading.clone(),
            hit.instrument.clone(),
            hit.score.to_string(),
            hit.matched_in.join(", "),
        ]);
    }
    let mut out = String::new();
    push(&mut out, &table);
    out
}

fn push(out: &mut String, table: &Table) {
    out.push_str(&table.to_string());
    out.push_str("\n\n");
}

/// `tipnav facts`: one row per fact.
pub fn facts(view: &FactsView, style: Style) -> String {
    let mut out = String::new();
    heading(&mut out, style, 2, "Case-file vocabulary");
    let mut table = new_table(style, &["Fact", "Type and values", "Question", "Read by"]);
    for fact in &view.facts {
        let kind = if fact.kind == "derived" {
            format!("{} (derived)", fact.r#type)
        } else {
            fact.r#type.to_owned()
        };
        let values = if fact.values.is_empty() {
            kind
        } else {
            format!("{kind}: {}", fact.values.join(", "))
        };
        table.add_row(vec![
            fact.name.clone(),
            values,
            fact.question.clone(),
            fact.read_by.join(", "),
        ]);
    }
    push(&mut out, &table);
    out
}
