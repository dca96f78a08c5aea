//! `tipnav overlaps` and `tipnav gaps`: the pairs of offences that can apply together (a matrix
//! and a list, each with a witness), and the patterns of concern no offence reaches.

use std::collections::BTreeMap;

use super::schema::SchemaVersion;
use crate::model::OverlapKind;
use schemars::JsonSchema;
use serde::Serialize;

use super::text::{Cite, Style, cited, heading, line, new_table};
use crate::i18n::law::family_words;
use crate::i18n::{tr, trf};

/// The overlap report.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OverlapReport {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// The tipnav version.
    pub tipnav: &'static str,
    /// SHA-256 of the statute, rule and overlay files used (as in `tipnav check`).
    pub digest: String,
    /// Overlays applied.
    pub amendments: Vec<super::json::AmendmentReport>,
    /// With `--date`: the date the law was read on.
    pub date: Option<String>,
    /// Every pair of offences that can apply on the same facts.
    pub overlaps: Vec<OverlapItem>,
    /// With `--amend`: pairs the amendment adds and removes, against the base law.
    pub added: Vec<[String; 2]>,
    /// Pairs the amendment removes.
    pub removed: Vec<[String; 2]>,
    /// The largest groups of three or more pairwise-overlapping offences that can all apply on
    /// one set of facts, largest first (at most 200).
    pub groups: Vec<OverlapItem>,
    /// How many such groups were found (more than `groups` holds when capped).
    pub groups_found: usize,
    /// False when the group search stopped at one of its limits (5,000 jointly applicable sets,
    /// 20,000 cliques), so `groups_found` is a lower bound.
    pub groups_complete: bool,
    /// Every declared overlap of three or more offences, checked: can they all apply together.
    pub declared_groups: Vec<DeclaredGroupItem>,
    /// With `--amend`: the maximal groups only the amended law has (all of them, not only those
    /// in `groups`).
    pub groups_added: Vec<Vec<String>>,
    /// The maximal groups only the base law has.
    pub groups_removed: Vec<Vec<String>>,
    /// Declared overlaps of three or more whose members can all apply together under one law
    /// and not under the other.
    pub declared_groups_changed: Vec<DeclaredChange>,
    /// What the lists are filtered by (`--instrument`, `--family`, `--declared-only`).
    pub filter: FilterReport,
    /// Every offence's section id with its citation as lawyers write it (`ppc/371-A` is
    /// `PPC s.371-A`), so that a reader of the lists above can show sections as people cite them.
    pub citations: BTreeMap<String, String>,
    /// Every instrument's id with its short title (`ptpa-2018`: `PTPA 2018`), the prefix of
    /// its section ids.
    pub instrument_titles: BTreeMap<String, String>,
}

/// The filter an overlap report was narrowed by; empty lists and `false` when it was not.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FilterReport {
    /// Only overlaps naming a section of one of these instruments.
    pub instruments: Vec<String>,
    /// Only overlaps declared as, or carrying as a conflict, one of these kinds.
    pub families: Vec<OverlapKind>,
    /// Only overlaps the rules declare.
    pub declared_only: bool,
    /// The instruments as people cite them ("PTPA 2018"), for the sentence; JSON keeps the ids.
    #[serde(skip)]
    pub instrument_titles: Vec<String>,
    /// How many pairs the whole law has (`overlaps` holds those the filter keeps). With a
    /// filter, `groups_found` counts the listed groups it keeps.
    pub pairs_in_law: usize,
}

impl FilterReport {
    /// The filter as `overlap_report` applied it to a law with `pairs_in_law` pairs.
    pub fn new(
        filter: &crate::analysis::OverlapFilter,
        book: &crate::statute::StatuteBook,
        pairs_in_law: usize,
    ) -> FilterReport {
        let title = |id: &String| {
            book.instruments
                .get(id)
                .map_or_else(|| id.clone(), |i| i.short_title.clone())
        };
        FilterReport {
            instruments: filter.instruments.clone(),
            instrument_titles: filter.instruments.iter().map(title).collect(),
            families: filter.families.clone(),
            declared_only: filter.declared_only,
            pairs_in_law,
        }
    }

    /// The filter in a sentence with how much of the law it shows, or `None` when the report
    /// is not filtered.
    pub fn describe(&self, shown: usize) -> Option<String> {
        let mut criteria = Vec::new();
        if !self.instrument_titles.is_empty() {
            let list = self.instrument_titles.join(", ");
            criteria.push(trf("instrument {list}", &[("list", &list)]));
        }
        if !self.families.is_empty() {
            let list = self
                .families
                .iter()
                .map(|&family| family_words(family))
                .collect::<Vec<_>>()
                .join(", ");
            criteria.push(trf("family {list}", &[("list", &list)]));
        }
        if self.declared_only {
            criteria.push(tr("declared only").to_owned());
        }
        if criteria.is_empty() {
            return None;
        }
        Some(trf(
            "Filtered by {criteria}: {shown} of the law's {total} pairs.",
            &[
                ("criteria", &criteria.join("; ")),
                ("shown", &shown.to_string()),
                ("total", &self.pairs_in_law.to_string()),
            ],
        ))
    }
}

/// A declared overlap of three or more offences whose verdict the amendment changes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DeclaredChange {
    /// The declared sections that are offences.
    pub sections: Vec<String>,
    /// The declared kind.
    pub kind: OverlapKind,
    /// The declared citation.
    pub cite: String,
    /// Whether all of them can apply together under the base law.
    pub joint_before: bool,
    /// And under the amended law.
    pub joint_after: bool,
}

impl DeclaredChange {
    /// The change in words, for the table and the HTML page.
    pub fn describe(&self, cite: Cite<'_>) -> String {
        trf(
            "declared {kind} {sections} [{cite}]: all apply together {before} → {after}",
            &[
                ("kind", &family_words(self.kind)),
                ("sections", &cited(&self.sections, tr(", "), cite)),
                ("cite", &self.cite),
                ("before", yes_no(self.joint_before)),
                ("after", yes_no(self.joint_after)),
            ],
        )
    }
}

/// A declared overlap of three or more offences, checked.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DeclaredGroupItem {
    /// The declared sections that are offences.
    pub sections: Vec<String>,
    /// The declared kind.
    pub kind: OverlapKind,
    /// The declared citation.
    pub cite: String,
    /// Whether all of them can apply on one set of facts.
    pub joint: bool,
    /// If so, a witness case file (TOML).
    pub witness: Option<String>,
    /// Where `--witness-dir` wrote it.
    pub witness_file: Option<String>,
    /// If not, the largest parts (two or more sections) that can.
    pub parts: Vec<Vec<String>>,
}

/// Offences that can all apply on one set of facts: a pair, or a group of three or more.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OverlapItem {
    /// The sections (two for a pair).
    pub sections: Vec<String>,
    /// Whether one declared overlap names them all.
    pub declared: bool,
    /// The declared kind and citation.
    pub declared_kind: Option<OverlapKind>,
    /// The declared citation.
    pub cite: Option<String>,
    /// Conflicts on the witness.
    pub conflicts: Vec<OverlapKind>,
    /// The witness as a case file (TOML).
    pub witness: String,
    /// Where `--witness-dir` wrote it.
    pub witness_file: Option<String>,
}

impl OverlapItem {
    /// Offences found applying together, with any declared overlap naming them all, the
    /// conflicts on the witness, and the witness (and where it was written).
    pub fn new(
        sections: Vec<String>,
        declared: Option<&(crate::model::OverlapKind, String)>,
        conflicts: &[crate::model::OverlapKind],
        witness: String,
        witness_file: Option<String>,
    ) -> OverlapItem {
        OverlapItem {
            sections,
            declared: declared.is_some(),
            declared_kind: declared.map(|(kind, _)| *kind),
            cite: declared.map(|(_, cite)| cite.clone()),
            conflicts: conflicts.to_vec(),
            witness,
            witness_file,
        }
    }
}

/// The gaps report.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GapReport {
    /// The version of the JSON contract (see `tipnav schema`).
    pub schema_version: SchemaVersion,
    /// The tipnav version.
    pub tipnav: &'static str,
    /// SHA-256 of the statute, rule and overlay files used (as in `tipnav check`).
    pub digest: String,
    /// Overlays applied.
    pub amendments: Vec<super::json::AmendmentReport>,
    /// Indicators checked.
    pub indicators: usize,
    /// The indicators some case meets while no offence applies.
    pub gaps: Vec<GapItem>,
    /// With `--amend`: indicators that are gaps only under the amended law.
    pub added: Vec<String>,
    /// Indicators that are gaps only under the base law (the amendment closes them).
    pub closed: Vec<String>,
}

/// One gap.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GapItem {
    /// The indicator.
    pub indicator: String,
    /// What it describes.
    pub title: String,
    /// What it rests on.
    pub cite: String,
    /// Distinct gap patterns found over the indicator's facts and the date (at most 20).
    pub patterns: usize,
    /// A witness case file (TOML).
    pub witness: String,
    /// Where `--witness-dir` wrote it.
    pub witness_file: Option<String>,
}

/// Whether every line of `text` fits the output width.
fn fits(text: &str) -> bool {
    let width = usize::from(super::width::width());
    text.lines().all(|l| l.chars().count() <= width)
}

/// The matrix's rows as lines: `3. PPC s.374: 1 D, 7 xFA`, wrapped to the output width.
fn partners_by_section(report: &OverlapReport, sections: &[&String], cite: Cite<'_>) -> String {
    let width = usize::from(super::width::width());
    let mut out = String::new();
    for (row, a) in sections.iter().enumerate() {
        let partners: Vec<String> = sections
            .iter()
            .enumerate()
            .filter_map(|(column, b)| {
                let pair = report
                    .overlaps
                    .iter()
                    .find(|o| o.sections.contains(a) && o.sections.contains(b) && a != b)?;
                // A no-break space keeps a partner and its marks on one line when wrapped.
                Some(format!("{}\u{a0}{}", column + 1, mark(pair)))
            })
            .collect();
        let text = format!("{}. {}: {}", row + 1, cite(a), partners.join(", "));
        out.push_str(&super::width::wrap(&text, width, 4));
        out.push('\n');
    }
    out.push('\n');
    out
}

/// The overlap matrix and list.
pub fn render_overlaps(report: &OverlapReport, style: Style, cite: Cite<'_>) -> String {
    let mut out = String::new();
    banner(&mut out, style, report.tipnav, &report.digest);
    overlap_counts(&mut out, report, style);
    let sections = overlapping_sections(report);
    if !sections.is_empty() {
        overlap_matrix(&mut out, report, &sections, style, cite);
    }
    overlap_pairs(&mut out, report, style, cite);
    render_groups(&mut out, report, style, cite);
    overlap_changes(&mut out, report, style, cite);
    out
}

/// The heading, the filter if any, and how many pairs can apply together.
fn overlap_counts(out: &mut String, report: &OverlapReport, style: Style) {
    heading(
        out,
        style,
        1,
        tr("Offences that can apply on the same facts"),
    );
    if let Some(filter) = report.filter.describe(report.overlaps.len()) {
        line(out, style, &filter);
        out.push('\n');
    }
    let undeclared = report.overlaps.iter().filter(|o| !o.declared).count();
    line(
        out,
        style,
        &trf(
            "{pairs} pairs can apply together ({declared} declared in the rules, {undeclared} not declared).",
            &[
                ("pairs", &report.overlaps.len().to_string()),
                (
                    "declared",
                    &(report.overlaps.len() - undeclared).to_string(),
                ),
                ("undeclared", &undeclared.to_string()),
            ],
        ),
    );
    out.push('\n');
}

/// Every section in some overlap, sorted, once each: the matrix's rows and columns.
fn overlapping_sections(report: &OverlapReport) -> Vec<&String> {
    let mut sections: Vec<&String> = report
        .overlaps
        .iter()
        .flat_map(|o| o.sections.iter())
        .collect();
    sections.sort();
    sections.dedup();
    sections
}

/// The matrix of `sections` against themselves, each cell marking the pair's overlap.
fn overlap_matrix(
    out: &mut String,
    report: &OverlapReport,
    sections: &[&String],
    style: Style,
    cite: Cite<'_>,
) {
    heading(
        out,
        style,
        2,
        tr(
            "Matrix (D declared, F forum conflict, A agency conflict, P penalty disparity, x undeclared)",
        ),
    );
    let mut header = vec!["#".to_owned(), tr("Section").to_owned()];
    header.extend((1..=sections.len()).map(|i| i.to_string()));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = new_table(style, &header);
    if style == Style::Terminal {
        table.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    }
    for (row, a) in sections.iter().enumerate() {
        let mut cells = vec![(row + 1).to_string(), cite(a)];
        for b in sections {
            let pair = report
                .overlaps
                .iter()
                .find(|o| o.sections.contains(a) && o.sections.contains(b) && a != b);
            cells.push(pair.map_or_else(String::new, mark));
        }
        table.add_row(cells);
    }
    let table = table.to_string();
    if style == Style::Terminal && !fits(&table) {
        // A matrix of many sections cannot be narrower than its columns: at a terminal
        // too narrow for it, each row becomes a wrapped line of its marked partners.
        out.push_str(&partners_by_section(report, sections, cite));
    } else {
        out.push_str(&format!("{table}\n\n"));
    }
}

/// Every pair, with the smallest case found on which both apply.
fn overlap_pairs(out: &mut String, report: &OverlapReport, style: Style, cite: Cite<'_>) {
    heading(
        out,
        style,
        2,
        tr("Pairs, with the smallest case found on which both apply"),
    );
    let mut table = new_table(style, &witness_header());
    for overlap in &report.overlaps {
        table.add_row(co_applicable_row(overlap, cite));
    }
    out.push_str(&format!("{table}\n\n"));
}

/// What an overlay adds, removes or changes among the pairs and groups.
fn overlap_changes(out: &mut String, report: &OverlapReport, style: Style, cite: Cite<'_>) {
    let pairs = |pairs: &[[String; 2]]| {
        (pairs.iter())
            .map(|p| cited(p, " + ", cite))
            .collect::<Vec<_>>()
    };
    let declared: Vec<String> = (report.declared_groups_changed.iter())
        .map(|change| change.describe(cite))
        .collect();
    changes(
        out,
        style,
        &[
            (tr("adds"), pairs(&report.added)),
            (tr("adds"), group_lines(&report.groups_added, cite)),
            (tr("removes"), pairs(&report.removed)),
            (tr("removes"), group_lines(&report.groups_removed, cite)),
            (tr("changes"), declared),
        ],
    );
}

/// How many added or removed groups the table and Markdown list (JSON has them all).
const LISTED_GROUPS: usize = 20;

/// Groups as change lines: the first [`LISTED_GROUPS`], then how many more.
fn group_lines(groups: &[Vec<String>], cite: Cite<'_>) -> Vec<String> {
    let mut lines: Vec<String> = groups
        .iter()
        .take(LISTED_GROUPS)
        .map(|g| trf("group {sections}", &[("sections", &cited(g, " + ", cite))]))
        .collect();
    if groups.len() > LISTED_GROUPS {
        lines.push(trf(
            "{count} more groups (all in --format json)",
            &[("count", &(groups.len() - LISTED_GROUPS).to_string())],
        ));
    }
    lines
}

/// A row for sections that can apply together: the sections, the declaration (kind and
/// citation) if any, the conflicts, and the witness (its file, or the case on one line).
fn co_applicable_row(item: &OverlapItem, cite: Cite<'_>) -> Vec<String> {
    let declared = item.declared_kind.zip(item.cite.as_deref());
    let witness = item.witness_file.as_deref().unwrap_or(&item.witness);
    vec![
        cited(&item.sections, " + ", cite),
        declared.map_or_else(
            || tr("no").to_owned(),
            |(kind, cite)| format!("{} [{cite}]", family_words(kind)),
        ),
        item.conflicts
            .iter()
            .map(|&c| family_words(c))
            .collect::<Vec<_>>()
            .join(", "),
        witness.trim().replace('\n', "; "),
    ]
}

fn render_groups(out: &mut String, report: &OverlapReport, style: Style, cite: Cite<'_>) {
    heading(
        out,
        style,
        2,
        tr("Groups of three or more, with the smallest case found on which all apply"),
    );
    let shown = if report.groups.len() < report.groups_found {
        trf(
            " (the {count} largest shown)",
            &[("count", &report.groups.len().to_string())],
        )
    } else {
        String::new()
    };
    let count = report.groups_found.to_string();
    let args = [("count", count.as_str()), ("shown", shown.as_str())];
    let sentence = if report.groups_complete {
        trf(
            "{count} groups of pairwise-overlapping offences can all apply on one set of facts{shown}.",
            &args,
        )
    } else {
        trf(
            "at least {count} groups of pairwise-overlapping offences can all apply on one set of facts{shown}.",
            &args,
        )
    };
    line(out, style, &sentence);
    out.push('\n');
    let mut table = new_table(style, &witness_header());
    for group in &report.groups {
        table.add_row(co_applicable_row(group, cite));
    }
    out.push_str(&format!("{table}\n\n"));
    if report.declared_groups.is_empty() {
        return;
    }
    heading(
        out,
        style,
        2,
        tr("Declared overlaps of three or more sections"),
    );
    let mut table = new_table(
        style,
        &[
            tr("Declared"),
            tr("All apply together"),
            tr("Witness or parts"),
        ],
    );
    for group in &report.declared_groups {
        let detail = match (&group.witness_file, &group.witness) {
            (Some(file), _) => file.clone(),
            (None, Some(witness)) => witness.trim().replace('\n', "; "),
            (None, None) => group
                .parts
                .iter()
                .map(|p| cited(p, " + ", cite))
                .collect::<Vec<_>>()
                .join("; "),
        };
        table.add_row(vec![
            format!(
                "{} {} [{}]",
                family_words(group.kind),
                cited(&group.sections, tr(", "), cite),
                group.cite
            ),
            yes_no(group.joint).to_owned(),
            detail,
        ]);
    }
    out.push_str(&format!("{table}\n\n"));
}

/// The gaps list.
pub fn render_gaps(report: &GapReport, style: Style) -> String {
    let mut out = String::new();
    banner(&mut out, style, report.tipnav, &report.digest);
    heading(
        &mut out,
        style,
        1,
        tr("Patterns of concern no offence reaches"),
    );
    out.push_str(&trf(
        "{indicators} indicators checked; {gaps} have gaps.",
        &[
            ("indicators", &report.indicators.to_string()),
            ("gaps", &report.gaps.len().to_string()),
        ],
    ));
    out.push_str("\n\n");
    let mut table = new_table(
        style,
        &[
            tr("Indicator"),
            tr("Patterns"),
            tr("Witness (no offence applies)"),
        ],
    );
    for gap in &report.gaps {
        let witness = gap
            .witness_file
            .clone()
            .unwrap_or_else(|| gap.witness.trim().replace('\n', "; "));
        table.add_row(vec![
            format!("{}: {} [{}]", gap.indicator, gap.title, gap.cite),
            gap.patterns.to_string(),
            witness,
        ]);
    }
    out.push_str(&format!("{table}\n\n"));
    changes(
        &mut out,
        style,
        &[
            (tr("adds"), report.added.clone()),
            (tr("removes"), report.closed.clone()),
        ],
    );
    out
}

/// The "what the amendment changes" list: each line with its verb (`adds`, `removes`, ...).
fn changes(out: &mut String, style: Style, lines: &[(&str, Vec<String>)]) {
    if lines.iter().all(|(_, items)| items.is_empty()) {
        return;
    }
    heading(out, style, 2, tr("What the amendment changes"));
    for (verb, items) in lines {
        for item in items {
            out.push_str(&format!("- {verb}: {item}\n"));
        }
    }
    out.push('\n');
}

/// The first line of an analysis: the program's version and the law's digest.
fn banner(out: &mut String, style: Style, version: &str, digest: &str) {
    line(
        out,
        style,
        &trf(
            "tipnav {version} · law {digest}",
            &[("version", version), ("digest", digest)],
        ),
    );
}

/// The header of a table of offences found applying together.
fn witness_header() -> [&'static str; 4] {
    [
        tr("Sections"),
        tr("Declared"),
        tr("Conflicts"),
        tr("Witness"),
    ]
}

fn yes_no(yes: bool) -> &'static str {
    if yes { tr("yes") } else { tr("no") }
}

/// The marks of a pair in the matrix: D or x, then F, A, P for its conflicts.
pub(super) fn mark(overlap: &OverlapItem) -> String {
    let mut text = String::new();
    if overlap.declared {
        text.push('D');
    } else {
        text.push('x');
    }
    for conflict in &overlap.conflicts {
        text.push(match conflict {
            OverlapKind::ForumConflict => 'F',
            OverlapKind::AgencyConflict => 'A',
            OverlapKind::PenaltyDisparity => 'P',
            // A witness's conflicts are forums, agencies and penalties (`analysis::conflicts`);
            // a duplicate is what the pair is, never a conflict on it.
            OverlapKind::DuplicateOffence => 'D',
        });
    }
    text
}
