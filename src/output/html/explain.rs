//! The page for `tipnav explain --format html`: the case, then each section's derivation with
//! the facts that decided every element and where the case file gives them.

use super::case::{CasePage, choice, facts_table, jurisdiction, overlaps_table, sources, summary};
use super::{
    Markup, card_class, code, concat, document, el, escape, fact_text, footer, header, join,
    section, status_badge, table, text, truth_badge,
};
use crate::i18n::{tr, trf};
use crate::output::explain::{Explanation, FactTrace, SectionTrace};

/// The explanation of one case as a page; `page` gives the facts, the law and the sources.
pub fn explain_page(explanation: &Explanation, page: &CasePage) -> String {
    let report = &page.report;
    let title = report.case.title.as_deref().unwrap_or(tr("Untitled case"));
    let items = vec![
        (tr("Case file"), code(&explanation.file)),
        (tr("Law"), text(&explanation.law)),
    ];
    let mut body = header(
        &trf("Explanation: {file}", &[("file", title)]),
        items,
        explanation.tipnav,
        &report.law,
    );
    body.push(summary(report));
    body.push(section(tr("Case facts"), facts_table(&page.facts)));
    body.push(section(
        tr("How each section was decided"),
        join(explanation.sections.iter().map(trace_card), "\n"),
    ));
    let mut by_section = jurisdiction(report);
    if !explanation.jurisdiction.is_empty() {
        by_section.push(el(
            "h3",
            "",
            text(tr("The rules behind each section's agency and court")),
        ));
        by_section.push(table(
            "by-section",
            &[tr("Section"), tr("Agency"), tr("Court")],
            explanation
                .jurisdiction
                .iter()
                .map(|j| vec![code(&j.section), choice(&j.agency), choice(&j.court)]),
        ));
    }
    body.push(section(tr("Jurisdiction"), by_section));
    body.push(section(
        tr("Overlaps"),
        overlaps_table(&explanation.overlaps),
    ));
    body.push(section(
        tr("Smallest changes that flip the answer"),
        flips(explanation),
    ));
    let explained: Vec<_> = report
        .sections
        .iter()
        .filter(|s| explanation.sections.iter().any(|t| t.id == s.id))
        .collect();
    body.push(section(tr("Sources"), sources(&explained, report)));
    body.push(footer(explanation.tipnav, &report.law));
    document(
        &trf("Explanation: {file}", &[("file", title)]),
        "",
        &el("article", "case", body),
    )
}

fn trace_card(trace: &SectionTrace) -> Markup {
    let heading = concat([
        text(&format!("{} {} ", trace.citation, trace.heading)),
        status_badge(trace.status),
    ]);
    let mut body = concat([
        el("h3", "", heading),
        el(
            "p",
            "muted",
            text(&trf("Version: {version}", &[("version", &trace.version)])),
        ),
    ]);
    if let Some(territory) = &trace.territory {
        body.push(el("p", "", text(territory)));
    }
    let rows = trace.elements.iter().map(|e| {
        let mut facts = fact_list(&e.facts);
        let mut rule = text(&e.cite);
        if let Some(waiver) = &e.waived_by {
            rule.push(el(
                "div",
                "waiver",
                text(&trf(
                    "met without proof: {waiver}",
                    &[("waiver", &waiver.cite)],
                )),
            ));
            facts.push(fact_list(&waiver.facts));
        }
        vec![
            el("strong", "", text(&crate::i18n::element_label(&e.name))),
            truth_badge(e.status),
            facts,
            rule,
        ]
    });
    body.push(table(
        "elements",
        &[
            tr("Element"),
            tr("Status"),
            tr("Facts and where they come from"),
            tr("Rule"),
        ],
        rows,
    ));
    if !trace.why_not.is_empty() {
        body.push(el(
            "p",
            "",
            concat([
                el("strong", "", text(tr("Why not: "))),
                text(&trace.why_not.join(", ")),
            ]),
        ));
    }
    if !trace.deciding.is_empty() {
        body.push(el("p", "", el("strong", "", text(tr("Decided by:")))));
        body.push(table(
            "deciding",
            &[tr("Unknown fact"), tr("Question")],
            trace
                .deciding
                .iter()
                .map(|d| vec![code(&d.fact), text(&d.question)]),
        ));
    }
    el("div", card_class(trace.status), body)
}

/// Facts as a nested list: a derived fact lists the facts it was derived from.
fn fact_list(facts: &[FactTrace]) -> Markup {
    if facts.is_empty() {
        return Markup::default();
    }
    el("ul", "trace", join(facts.iter().map(fact_item), "\n"))
}

fn fact_item(fact: &FactTrace) -> Markup {
    let class = if fact.value.is_null() {
        "fact unknown-fact"
    } else {
        "fact"
    };
    let mut item = el("span", class, fact_text(&fact.fact, &fact.value));
    if let Some(at) = &fact.given_at {
        item.push(el(
            "span",
            "muted",
            text(&trf(" (given at {at})", &[("at", at)])),
        ));
    }
    if let Some(derived) = &fact.derived {
        item.push(el(
            "div",
            "muted",
            text(&trf("derived: {cite}", &[("cite", &derived.cite)])),
        ));
        item.push(fact_list(&derived.from));
    }
    el("li", "", item)
}

fn flips(explanation: &Explanation) -> Markup {
    let Some(search) = &explanation.flip_search else {
        return Markup::default();
    };
    let summary = el("p", "muted", text(&search.summary(explanation.flips.len())));
    if explanation.flips.is_empty() {
        return summary;
    }
    let found = table(
        "flips",
        &[tr("Section"), tr("Now"), tr("Would be"), tr("If")],
        explanation.flips.iter().map(|f| {
            vec![
                code(&f.section),
                status_badge(f.from),
                status_badge(f.to),
                changes(&f.changes),
            ]
        }),
    );
    concat([found, summary])
}

/// A flip's changes to the facts, one a line, joined by "and".
fn changes(changes: &[String]) -> Markup {
    let and = format!("<br>{}", escape(tr(" and ").trim_start()));
    let lines: Vec<String> = changes.iter().map(|change| code(change).0).collect();
    Markup(lines.join(&and))
}
