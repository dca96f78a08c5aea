//! Tables and Markdown for the statute navigator (`list`, `show`, `search`, `facts`).

use comfy_table::Table;

use super::text::{Style, heading, line, lines, new_table};
use crate::i18n::{tr, trf};
use crate::navigate::{FactsView, InstrumentView, SearchHit, SectionView};
use crate::statute::Jurisdiction;

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
            .map(|r| trf("; repealed {date}", &[("date", r)]))
            .unwrap_or_default();
        out.push_str(&trf(
            "{jurisdiction}; in force from {date}{repealed}; source: {source} ({verified})",
            &[
                ("jurisdiction", &jurisdiction_word(instrument.jurisdiction)),
                ("date", &instrument.commenced),
                ("repealed", &repealed),
                ("source", &instrument.source),
                ("verified", tr(instrument.verified)),
            ],
        ));
        out.push_str("\n\n");
        let mut table = new_table(
            style,
            &[
                tr("Section"),
                tr("Heading"),
                tr("Kind"),
                tr("Versions"),
                tr("Verified"),
            ],
        );
        for section in &instrument.sections {
            let mut verified = tr(section.verified).to_owned();
            if section.has_unverified_fields {
                verified.push_str(tr(" (some fields unverified)"));
            }
            let mut kind = kind_word(section.kind).to_owned();
            if !section.in_rules {
                kind.push_str(tr(" (data only)"));
            }
            table.add_row(vec![
                cited_with_id(style, &section.citation, &section.id),
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
    show_heading(&mut out, view, style);
    show_versions(&mut out, view, style);
    if !view.elements.is_empty() {
        show_elements(&mut out, view, style);
    }
    for (title, items) in [
        (tr("Jurisdiction rules"), &view.jurisdiction),
        (tr("Overlaps"), &view.overlaps),
        (tr("Protection rules"), &view.protections),
        (tr("Earlier law"), &view.predecessors),
    ] {
        if !items.is_empty() {
            heading(&mut out, style, 2, title);
            for item in items {
                line(&mut out, style, &format!("- {item}"));
            }
            out.push('\n');
        }
    }
    out
}

/// The section's citation and heading, its instrument, kind, verification and summary, and
/// what it says on the date asked about.
fn show_heading(out: &mut String, view: &SectionView, style: Style) {
    heading(
        out,
        style,
        1,
        &format!(
            "{} {} ({})",
            view.line.citation, view.line.heading, view.line.id
        ),
    );
    let kind = kind_word(view.line.kind);
    let about = format!("{} · {kind} · {}", view.instrument, tr(view.line.verified));
    line(out, style, &about);
    out.push('\n');
    line(out, style, &view.summary);
    out.push('\n');
    if let Some(on_date) = &view.on_date {
        let date = &on_date.date;
        let explanation = &on_date.explanation;
        let text = trf(
            "On {date}: {explanation}",
            &[("date", date), ("explanation", explanation)],
        );
        line(out, style, &text);
        out.push('\n');
    }
}

/// The versions of the section, one a row, then each one's source and note.
fn show_versions(out: &mut String, view: &SectionView, style: Style) {
    heading(out, style, 2, tr("Versions"));
    let mut table = new_table(
        style,
        &[
            tr("Period"),
            tr("Text, penalty and procedure"),
            tr("Court / agency"),
            tr("Verified"),
        ],
    );
    for version in &view.versions {
        let mut penalty: Vec<String> = version.summary.iter().cloned().collect();
        penalty.extend(version.penalty.iter().cloned());
        penalty.extend(version.procedure.iter().cloned());
        let forum = match (version.court, version.agency) {
            (Some(court), Some(agency)) => format!("{} / {}", court.name(), agency.name()),
            _ => String::new(),
        };
        let mut verified = vec![tr(version.verified).to_owned()];
        if !version.unverified.is_empty() {
            verified.push(crate::statute::unverified_sentence(&version.unverified));
        }
        table.add_row(vec![
            version.period.clone(),
            lines(style, &penalty),
            forum,
            lines(style, &verified),
        ]);
    }
    push(out, &table);
    for version in &view.versions {
        // A web address is kept whole on a line of its own, even past the width: cut, it
        // could not be opened.
        match (style, version.source.contains("://")) {
            (Style::Terminal, true) => {
                let label = trf("Source ({period}):", &[("period", &version.period)]);
                line(out, style, &label);
                out.push_str(&format!("  {}\n", version.source));
            }
            _ => {
                let source = trf(
                    "Source ({period}): {source}",
                    &[("period", &version.period), ("source", &version.source)],
                );
                line(out, style, &source);
            }
        }
        if let Some(note) = &version.note {
            line(out, style, &trf("Note: {note}", &[("note", note)]));
        }
    }
    out.push('\n');
}

/// The elements the rules encode for the section, with the law each models.
fn show_elements(out: &mut String, view: &SectionView, style: Style) {
    heading(out, style, 2, tr("Elements as encoded"));
    let mut table = new_table(style, &[tr("Element"), tr("Models"), tr("Period")]);
    for element in &view.elements {
        let mut cite = vec![element.cite.clone()];
        cite.extend(
            element
                .waivers
                .iter()
                .map(|w| trf("waived: {cite}", &[("cite", w)])),
        );
        if let Some(base) = &element.inherited_from {
            cite.push(trf("(from {base})", &[("base", base)]));
        }
        table.add_row(vec![
            crate::i18n::element_label(&element.name),
            lines(style, &cite),
            element.validity.clone().unwrap_or_default(),
        ]);
    }
    push(out, &table);
}

/// `tipnav search`.
pub fn search(query: &str, hits: &[SearchHit], style: Style) -> String {
    if hits.is_empty() {
        return format!(
            "{}\n",
            trf("No section matches `{query}`.", &[("query", query)])
        );
    }
    let mut table = new_table(
        style,
        &[
            tr("Section"),
            tr("Heading"),
            tr("Instrument"),
            tr("Score"),
            tr("Matched in"),
        ],
    );
    for hit in hits {
        table.add_row(vec![
            cited_with_id(style, &hit.citation, &hit.id),
            hit.heading.clone(),
            hit.instrument.clone(),
            hit.score.to_string(),
            hit.matched_in
                .iter()
                .map(|field| field_word(field))
                .collect::<Vec<_>>()
                .join(", "),
        ]);
    }
    let mut out = String::new();
    push(&mut out, &table);
    out
}

/// A section as lawyers cite it, with its id below for `--amend` overlays and the rules.
fn cited_with_id(style: Style, citation: &str, id: &str) -> String {
    lines(style, &[citation.to_owned(), format!("({id})")])
}

fn push(out: &mut String, table: &Table) {
    out.push_str(&table.to_string());
    out.push_str("\n\n");
}

/// `tipnav facts`: one row per fact.
pub fn facts(view: &FactsView, style: Style) -> String {
    let mut out = String::new();
    heading(&mut out, style, 2, tr("Case-file vocabulary"));
    let mut table = new_table(
        style,
        &[
            tr("Fact"),
            tr("Type and values"),
            tr("Question"),
            tr("Read by"),
        ],
    );
    for fact in &view.facts {
        let kind = if fact.kind == "derived" {
            trf("{type} (derived)", &[("type", type_word(fact.r#type))])
        } else {
            type_word(fact.r#type).to_owned()
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

/// An instrument's jurisdiction in words: a province as the case file's `case.province` option
/// of the same id names it.
fn jurisdiction_word(jurisdiction: Jurisdiction) -> String {
    match jurisdiction {
        Jurisdiction::Federal => tr("federal").to_owned(),
        province => crate::i18n::option_label("case.province", province.id()),
    }
}

/// A section's kind (`offence`, `procedure`, `protection`): the id in English, words in
/// another language.
fn kind_word(kind: &str) -> &str {
    match kind {
        "offence" => tr("offence"),
        "procedure" => tr("procedure"),
        "protection" => tr("protection"),
        other => other,
    }
}

/// Where a search matched: the field's id in English, words in another language.
fn field_word(field: &str) -> &str {
    match field {
        "id" => tr("id"),
        "heading" => tr("heading"),
        "instrument" => tr("instrument"),
        "summary" => tr("summary"),
        "elements" => tr("elements"),
        other => other,
    }
}

/// A fact's type as `tipnav facts` names it: the id in English, words in another language.
fn type_word(ty: &str) -> &str {
    match ty {
        "bool" => tr("bool"),
        "int" => tr("int"),
        "date" => tr("date"),
        "text" => tr("text"),
        "enum" => tr("enum"),
        "set" => tr("set"),
        other => other,
    }
}
