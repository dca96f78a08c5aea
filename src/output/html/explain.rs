//! The page for `tipnav explain --format html`: the case, then each section's derivation with
//! the facts that decided every element and where the case file gives them.

use super::case::{CasePage, choice, facts_table, jurisdiction, overlaps_table, sources, summary};
use super::{
    Markup, card_class, code, concat, document, el, fact_text, footer, header, join, section,
    status_badge, table, text, truth_badge,
};
use crate::output::explain::{Explanation, FactTrace, SectionTrace};

/// The explanation of one case as a page; `page` gives the facts, the law and the sources.
pub fn explain_page(explanation: &Explanation, page: &CasePage) -> String {
    let report = &page.report;
    let title = report.case.title.as_deref().unwrap_or("Untitled case");
    let items = vec![
        ("Case file", code(&explanation.file)),
        ("Law", text(&explanation.law)),
    ];
    let mut body = header(
        &format!("Explanation: {title}"),
        items,
        explanation.tipnav,
        &report.law,
    );
    body.push(summary(report));
    body.push(section("Case facts", facts_table(&page.facts)));
    body.push(section(
        "How each section was decided",
        join(explanation.sections.iter().map(trace_card), "\n"),
    ));
    let mut by_section = jurisdiction(report);
    if !explanation.jurisdiction.is_empty() {
        by_section.push(el(
            "h3",
            "",
            text("The rules behind each section's agency and court"),
        ));
        by_section.push(table(
            "by-section",
            &["Section", "Agency", "Court"],
            explanation
                .jurisdiction
                .iter()
                .map(|j| vec![code(&j.section), choice(&j.agency), choice(&j.court)]),
        ));
    }
    body.push(section("Jurisdiction", by_section));
    body.push(section("Overlaps", overlaps_table(&explanation.overlaps)));
    body.push(section(
        "Smallest changes that flip the answer",
        flips(explanation),
    ));
    let explained: Vec<_> = report
        .sections
        .iter()
        .filter(|s| explanation.sections.iter().any(|t| t.id == s.id))
        .collect();
    body.push(section("Sources", sources(&explained, report)));
    body.push(footer(explanation.tipnav, &report.law));
    document(
        &format!("Explanation: {title}"),
        "",
        &el("article", "case", body),
    )
}

fn trace_card(trace: &SectionTrace) -> Markup {
    let heading = concat([
        code(&trace.id),
        text(&format!(" {} ", trace.heading)),
        status_badge(trace.status),
    ]);
    let mut body = concat([
        el("h3", "", heading),
        el("p", "muted", text(&format!("Version: {}", trace.version))),
    ]);
    if let Some(territory) = &trace.territory {
        body.push(el("p", "", text(&format!("Territory: {territory}"))));
    }
    let rows = trace.elements.iter().map(|e| {
        let mut facts = fact_list(&e.facts);
        let mut rule = text(&e.cite);
        if let Some(waiver) = &e.waived_by {
            rule.push(el(
                "div",
                "waiver",
                text(&format!("met without proof: {}", waiver.cite)),
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
            "Element",
            "Status",
            "Facts and where they come from",
            "Rule",
        ],
        rows,
    ));
    if !trace.why_not.is_empty() {
        body.push(el(
            "p",
            "",
            concat([
                el("strong", "", text("Why not: ")),
                text(&trace.why_not.join(", ")),
            ]),
        ));
    }
    if !trace.deciding.is_empty() {
        body.push(el("p", "", el("strong", "", text("Decided by:"))));
        body.push(table(
            "deciding",
            &["Unknown fact", "Question"],
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
        item.push(el("span", "muted", text(&format!(" (given at {at})"))));
    }
    if let Some(derived) = &fact.derived {
        item.push(el(
            "div",
            "muted",
            text(&format!("derived: {}", derived.cite)),
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
        &["Section", "Now", "Would be", "If"],
        explanation.flips.iter().map(|f| {
            vec![
                code(&f.section),
                status_badge(f.from),
                status_badge(f.to),
                join(f.changes.iter().map(|c| text(c)), "<br>and "),
            ]
        }),
    );
    concat([found, summary])
}
