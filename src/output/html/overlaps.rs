//! The page for `tipnav overlaps --format html`, made to project: what it is filtered by, a
//! picture of the overlaps (an inline SVG matrix of only the sections that overlap, clustered
//! by instrument, citations as labels), the first pairs and groups with the witness case on
//! which they apply, and every declared overlap of three or more checked. The full lists are
//! in `--format json`.

use super::{Markup, concat, document, el, footer, header, join, picture, section, table, text};
use crate::i18n::law::family_words;
use crate::i18n::{tr, trf};
use crate::output::analysis::{OverlapItem, OverlapReport};
use crate::output::json::LawInfo;
use crate::output::text::{Cite, cited};

/// How many pairs the page lists (declared first): the page is for projecting and printing.
const LISTED_PAIRS: usize = 60;
/// How many groups the page lists, largest first.
const LISTED_GROUPS: usize = 20;

/// The overlap report as a page; `law` names the law it was computed on and `cite` gives a
/// section's citation (`PPC s.371-A`) for the picture's labels.
pub fn overlaps_page(
    report: &OverlapReport,
    law: &LawInfo,
    cite: &dyn Fn(&str) -> String,
) -> String {
    let title = tr("Offences that can apply on the same facts");
    let date = report.date.as_deref().map_or_else(
        || tr("every version of every section, on any date").to_owned(),
        |d| trf("in force on {date}", &[("date", d)]),
    );
    let mut body = header(title, vec![(tr("Law"), text(&date))], report.tipnav, law);
    if let Some(filter) = report.filter.describe(report.overlaps.len()) {
        body.push(el("p", "filter", text(&filter)));
    }
    let undeclared = report.overlaps.iter().filter(|o| !o.declared).count();
    body.push(el(
        "p",
        "",
        text(&trf(
            "{pairs} pairs of offences can apply together: {declared} declared in the rules, {undeclared} not declared.",
            &[
                ("pairs", &report.overlaps.len().to_string()),
                ("declared", &(report.overlaps.len() - undeclared).to_string()),
                ("undeclared", &undeclared.to_string()),
            ],
        )),
    ));
    body.push(section(
        tr("Picture of the overlaps"),
        picture::picture(&report.overlaps, cite),
    ));
    body.push(section(
        tr("Pairs, with the smallest case found on which both apply"),
        concat([
            first_of(report.overlaps.len(), LISTED_PAIRS),
            co_applicable(&declared_first(&report.overlaps), cite),
        ]),
    ));
    let groups = &report.groups[..report.groups.len().min(LISTED_GROUPS)];
    body.push(section(
        tr("Groups of three or more, with the smallest case found on which all apply"),
        concat([
            el("p", "", text(&groups_summary(report))),
            first_of(report.groups.len(), LISTED_GROUPS),
            co_applicable_refs(groups, cite),
        ]),
    ));
    if !report.declared_groups.is_empty() {
        body.push(section(
            tr("Declared overlaps of three or more sections"),
            declared_groups(report, cite),
        ));
    }
    body.push(section(
        tr("What the amendment changes"),
        changes(report, cite),
    ));
    body.push(footer(report.tipnav, law));
    document(title, MATRIX_CSS, &el("article", "overlaps", body))
}

fn el_list(items: Markup) -> Markup {
    if items.is_empty() {
        items
    } else {
        el("ul", "", items)
    }
}

/// How many groups there are, and how many are shown.
fn groups_summary(report: &OverlapReport) -> String {
    let count = report.groups_found.to_string();
    let mut summary = if report.groups_complete {
        trf(
            "{count} groups of pairwise-overlapping offences can all apply on one set of facts{shown}.",
            &[("count", &count), ("shown", "")],
        )
    } else {
        trf(
            "at least {count} groups of pairwise-overlapping offences can all apply on one set of facts{shown}.",
            &[("count", &count), ("shown", "")],
        )
    };
    if report.groups.len() < report.groups_found {
        summary.push(' ');
        summary.push_str(&trf(
            "The {count} largest are shown.",
            &[("count", &report.groups.len().to_string())],
        ));
    }
    summary
}

/// Every declared overlap of three or more: whether all apply together, with a witness, or
/// the largest parts that do.
fn declared_groups(report: &OverlapReport, cite: Cite<'_>) -> Markup {
    table(
        "pairs",
        &[
            tr("Declared"),
            tr("All apply together"),
            tr("Witness or parts"),
        ],
        report.declared_groups.iter().map(|g| {
            let detail = match (&g.witness_file, &g.witness) {
                (Some(file), _) => el("span", "fact", text(file)),
                (None, Some(witness)) => el("span", "fact", text(&one_line(witness))),
                (None, None) => join(
                    g.parts
                        .iter()
                        .map(|p| el("div", "", text(&cited(p, " + ", cite)))),
                    "",
                ),
            };
            vec![
                concat([
                    el("strong", "", text(&family_words(g.kind))),
                    el("div", "", text(&cited(&g.sections, ", ", cite))),
                    el("div", "muted", text(&g.cite)),
                ]),
                if g.joint {
                    text(tr("yes"))
                } else {
                    el("span", "warning", text(tr("no")))
                },
                detail,
            ]
        }),
    )
}

/// The pairs and groups an amendment adds and removes, and the declared verdicts it changes,
/// their sections cited.
fn changes(report: &OverlapReport, cite: Cite<'_>) -> Markup {
    let sections = |sections: &[String]| cited(sections, " + ", cite);
    let added =
        (report.added.iter()).map(|p| trf("adds: {sections}", &[("sections", &sections(p))]));
    let groups_added = (report.groups_added.iter())
        .map(|g| trf("adds group: {sections}", &[("sections", &sections(g))]));
    let removed =
        (report.removed.iter()).map(|p| trf("removes: {sections}", &[("sections", &sections(p))]));
    let groups_removed = (report.groups_removed.iter())
        .map(|g| trf("removes group: {sections}", &[("sections", &sections(g))]));
    let declared = (report.declared_groups_changed.iter()).map(|change| change.describe(cite));
    let lines = added
        .chain(groups_added)
        .chain(removed)
        .chain(groups_removed)
        .chain(declared);
    el_list(join(lines.map(|line| el("li", "", text(&line))), "\n"))
}

/// A case file on one line.
fn one_line(case: &str) -> String {
    case.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The first [`LISTED_PAIRS`] pairs, those the rules declare first.
fn declared_first(pairs: &[OverlapItem]) -> Vec<&OverlapItem> {
    let mut pairs: Vec<&OverlapItem> = pairs.iter().collect();
    pairs.sort_by_key(|o| !o.declared); // stable: the analysis order within each part
    pairs.truncate(LISTED_PAIRS);
    pairs
}

/// When a list holds more than the page shows, a sentence saying how to see the rest.
fn first_of(total: usize, listed: usize) -> Markup {
    if total <= listed {
        return Markup::default();
    }
    el(
        "p",
        "muted",
        text(&trf(
            "The first {listed} of {total} are listed: narrow them with --instrument, --family or --declared-only, or read them all in --format json.",
            &[
                ("listed", &listed.to_string()),
                ("total", &total.to_string()),
            ],
        )),
    )
}

fn co_applicable_refs(items: &[OverlapItem], cite: Cite<'_>) -> Markup {
    co_applicable(&items.iter().collect::<Vec<_>>(), cite)
}

/// Pairs or groups: the sections, the declaration, the conflicts and the witness.
fn co_applicable(items: &[&OverlapItem], cite: Cite<'_>) -> Markup {
    table(
        "pairs",
        &[
            tr("Sections"),
            tr("Declared"),
            tr("Conflicts"),
            tr("Witness"),
        ],
        items.iter().map(|o| {
            let declared = match o.declared_kind {
                Some(kind) => concat([
                    el("strong", "", text(&family_words(kind))),
                    el("div", "muted", text(o.cite.as_deref().unwrap_or_default())),
                ]),
                None => el("span", "warning", text(tr("not declared"))),
            };
            let witness = o
                .witness_file
                .clone()
                .unwrap_or_else(|| one_line(&o.witness));
            vec![
                text(&cited(&o.sections, " + ", cite)),
                declared,
                text(
                    &o.conflicts
                        .iter()
                        .map(|&c| family_words(c))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                el("span", "fact", text(&witness)),
            ]
        }),
    )
}

/// The picture fits the window; print puts it on a landscape page of its own.
const MATRIX_CSS: &str = r"
body { max-width: none; }
p.filter { font-weight: 600; }
figure.picture { margin: 0; }
svg.overlaps { display: block; width: 100%; height: auto; }
svg.overlaps text { font: 12px system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif; fill: #1f2328; }
svg.overlaps .band { fill: #f1f3f6; }
svg.overlaps .rule { stroke: #8c959f; stroke-width: 1; }
svg.overlaps .declared { fill: #1d6b2c; }
svg.overlaps .conflict { fill: #d4a017; }
svg.overlaps .plain { fill: #9aa4b1; }
.swatch { display: inline-block; width: 1em; height: 1em; vertical-align: middle; margin: 0 4px 0 10px; }
.swatch.declared { background: #1d6b2c; }
.swatch.conflict { background: #d4a017; }
.swatch.plain { background: #9aa4b1; }
table.pairs td { font-size: .9em; }
@media print {
  @page { size: A4 landscape; margin: 8mm; }
  figure.picture { break-inside: avoid; }
}
";
