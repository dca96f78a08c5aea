//! The page for `tipnav overlaps --format html`: the overlap matrix, sized to project, the list
//! of pairs with the witness case on which both sections apply, the groups of three or more
//! with theirs, and every declared overlap of three or more checked.

use std::collections::HashMap;

use super::{
    Markup, code, concat, document, el, escape, footer, header, join, section, table, text,
};
use crate::output::analysis::{DeclaredChange, OverlapItem, OverlapReport, mark};
use crate::output::json::LawInfo;

/// The overlap report as a page; `law` names the law it was computed on.
pub fn overlaps_page(report: &OverlapReport, law: &LawInfo) -> String {
    let title = "Offences that can apply on the same facts";
    let date = report.date.as_deref().map_or_else(
        || "every version of every section, on any date".to_owned(),
        |d| format!("in force on {d}"),
    );
    let mut body = header(title, vec![("Law", text(&date))], report.tipnav, law);
    let undeclared = report.overlaps.iter().filter(|o| !o.declared).count();
    body.push(el(
        "p",
        "",
        text(&format!(
            "{} pairs of offences can apply together: {} declared in the rules, {undeclared} not declared.",
            report.overlaps.len(),
            report.overlaps.len() - undeclared
        )),
    ));
    body.push(section("Matrix", matrix(report)));
    body.push(section(
        "Pairs, with the smallest case found on which both apply",
        co_applicable(&report.overlaps),
    ));
    body.push(section(
        "Groups of three or more, with the smallest case found on which all apply",
        concat([
            el("p", "", text(&groups_summary(report))),
            co_applicable(&report.groups),
        ]),
    ));
    if !report.declared_groups.is_empty() {
        body.push(section(
            "Declared overlaps of three or more sections",
            declared_groups(report),
        ));
    }
    body.push(section("What the amendment changes", changes(report)));
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

/// Rows and columns are the sections in any pair, numbered; a cell holds the pair's marks.
fn matrix(report: &OverlapReport) -> Markup {
    let mut sections: Vec<&str> = report
        .overlaps
        .iter()
        .flat_map(|o| o.sections.iter().map(String::as_str))
        .collect();
    sections.sort_unstable();
    sections.dedup();
    if sections.is_empty() {
        return el(
            "p",
            "",
            text("No two offences can apply on the same facts."),
        );
    }
    let mut pairs: HashMap<(&str, &str), &OverlapItem> = HashMap::new();
    for overlap in &report.overlaps {
        let [a, b] = &overlap.sections[..] else {
            continue; // `overlaps` holds pairs only; groups are listed apart
        };
        pairs.insert((a, b), overlap);
        pairs.insert((b, a), overlap);
    }
    let legend = el(
        "p",
        "legend",
        concat([
            el("span", "cell declared", text("F")),
            text(" declared in the rules (outlined)   "),
            el("span", "cell undeclared", text("F")),
            text(
                " not declared. Letters: the conflicts the pair carries (F forum, A agency, P penalty disparity). Hover a cell for its pair; the list below gives each pair with a witness.",
            ),
        ]),
    );
    let mut head = String::from("<th class=\"name\">Section</th>");
    for (index, id) in sections.iter().enumerate() {
        head.push_str(&format!("<th title=\"{}\">{}</th>", escape(id), index + 1));
    }
    let rows = sections.iter().enumerate().map(|(row, a)| {
        let mut cells = format!("<th class=\"name\">{} {}</th>", row + 1, code(a).0);
        for b in &sections {
            cells.push_str(&match pairs.get(&(*a, *b)) {
                _ if a == b => "<td class=\"self\"></td>".to_owned(),
                None => "<td></td>".to_owned(),
                Some(pair) => {
                    let class = if pair.declared {
                        "declared"
                    } else {
                        "undeclared"
                    };
                    // The terminal's D or x is the cell's colour and outline here; the
                    // conflict letters follow it.
                    let letters: String = mark(pair).chars().skip(1).collect();
                    format!(
                        "<td class=\"{class}\" title=\"{}\">{}</td>",
                        escape(&format!("{a} + {b}: {}", mark(pair))),
                        escape(&letters)
                    )
                }
            });
        }
        format!("<tr>{cells}</tr>")
    });
    let table = Markup(format!(
        "<div class=\"matrix-wrap\"><table class=\"matrix\"><thead><tr>{head}</tr></thead><tbody>\n{}\n</tbody></table></div>",
        rows.collect::<Vec<_>>().join("\n")
    ));
    concat([legend, table])
}

/// How many groups there are, and how many are shown.
fn groups_summary(report: &OverlapReport) -> String {
    let bound = if report.groups_complete {
        ""
    } else {
        "at least "
    };
    let shown = if report.groups.len() < report.groups_found {
        format!(" The {} largest are shown.", report.groups.len())
    } else {
        String::new()
    };
    format!(
        "{bound}{} groups of pairwise-overlapping offences can all apply on one set of facts.{shown}",
        report.groups_found
    )
}

/// Every declared overlap of three or more: whether all apply together, with a witness, or
/// the largest parts that do.
fn declared_groups(report: &OverlapReport) -> Markup {
    table(
        "pairs",
        &["Declared", "All apply together", "Witness or parts"],
        report.declared_groups.iter().map(|g| {
            let detail = match (&g.witness_file, &g.witness) {
                (Some(file), _) => el("span", "fact", text(file)),
                (None, Some(witness)) => el("span", "fact", text(&one_line(witness))),
                (None, None) => join(
                    g.parts
                        .iter()
                        .map(|p| el("div", "", join(p.iter().map(|s| code(s)), " + "))),
                    "",
                ),
            };
            vec![
                concat([
                    el("strong", "", text(&g.kind.replace('_', " "))),
                    el("div", "", join(g.sections.iter().map(|s| code(s)), ", ")),
                    el("div", "muted", text(&g.cite)),
                ]),
                if g.joint {
                    text("yes")
                } else {
                    el("span", "warning", text("no"))
                },
                detail,
            ]
        }),
    )
}

/// The pairs and groups an amendment adds and removes, and the declared verdicts it changes.
fn changes(report: &OverlapReport) -> Markup {
    let lines = report
        .added
        .iter()
        .map(|p| format!("adds: {}", p.join(" + ")))
        .chain(
            report
                .groups_added
                .iter()
                .map(|g| format!("adds group: {}", g.join(" + "))),
        )
        .chain(
            report
                .removed
                .iter()
                .map(|p| format!("removes: {}", p.join(" + "))),
        )
        .chain(
            report
                .groups_removed
                .iter()
                .map(|g| format!("removes group: {}", g.join(" + "))),
        )
        .chain(
            report
                .declared_groups_changed
                .iter()
                .map(DeclaredChange::describe),
        );
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

/// Pairs or groups: the sections, the declaration, the conflicts and the witness.
fn co_applicable(items: &[OverlapItem]) -> Markup {
    table(
        "pairs",
        &["Sections", "Declared", "Conflicts", "Witness"],
        items.iter().map(|o| {
            let declared = match o.declared_kind {
                Some(kind) => concat([
                    el("strong", "", text(&kind.replace('_', " "))),
                    el("div", "muted", text(o.cite.as_deref().unwrap_or_default())),
                ]),
                None => el("span", "warning", text("not declared")),
            };
            let witness = o
                .witness_file
                .clone()
                .unwrap_or_else(|| one_line(&o.witness));
            vec![
                join(o.sections.iter().map(|s| code(s)), " + "),
                declared,
                text(&o.conflicts.join(", ").replace('_', " ")),
                el("span", "fact", text(&witness)),
            ]
        }),
    )
}

/// The matrix is wide: small type, sticky headings on screen, a landscape page in print.
const MATRIX_CSS: &str = r"
body { max-width: none; }
.matrix-wrap { overflow: auto; max-width: 100%; max-height: 90vh; border: 1px solid #c9ced6; }
table.matrix { width: auto; margin: 0; font: 10px/1.1 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
.matrix th, .matrix td { padding: 1px 2px; text-align: center; min-width: 2.4em; height: 1.6em; }
.matrix thead th { position: sticky; top: 0; z-index: 2; }
.matrix th.name { position: sticky; left: 0; z-index: 1; text-align: left; white-space: nowrap; background: #f6f8fa; font-weight: normal; }
.matrix thead th.name { z-index: 3; background: #eef1f5; }
.matrix td.self { background: #d9dde3; }
.matrix td.declared, .cell.declared { background: #c8ecd0; color: #9b1c12; box-shadow: inset 0 0 0 2px #1d6b2c; font-weight: 700; }
.matrix td.undeclared, .cell.undeclared { background: #fff3d6; color: #9b1c12; font-weight: 700; }
.cell { display: inline-block; padding: 0 6px; border: 1px solid #c9ced6; }
table.pairs td { font-size: .9em; }
@media print {
  @page { size: A4 landscape; margin: 8mm; }
  .matrix-wrap { overflow: visible; max-height: none; border: none; }
  table.matrix { zoom: 0.42; }
  .matrix thead th, .matrix th.name { position: static; }
}
";
