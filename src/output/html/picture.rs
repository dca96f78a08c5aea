//! The picture on the overlaps page: an inline SVG matrix of only the sections that are in
//! some pair, clustered by instrument (alternate bands, a rule between instruments), with
//! citations as labels and a square for each pair in both halves. No script and nothing
//! fetched: it is read on a projector or on paper, not clicked.

use std::fmt::Write;

use super::{Markup, concat, el, escape, text};
use crate::i18n::tr;
use crate::output::analysis::OverlapItem;

/// The side of one cell, in SVG units (pixels at natural size).
const CELL: usize = 16;
/// Roughly the advance of one character of a 12px label.
const CHAR_WIDTH: usize = 7;

/// The picture of `pairs`, labelled with `cite` (a section's citation), and its legend.
pub(super) fn picture(pairs: &[OverlapItem], cite: &dyn Fn(&str) -> String) -> Markup {
    let sections = clustered_sections(pairs);
    if sections.is_empty() {
        return el(
            "p",
            "",
            text(tr("No two offences can apply on the same facts.")),
        );
    }
    let labels: Vec<String> = sections.iter().map(|s| short(&cite(s))).collect();
    let margin = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) * CHAR_WIDTH + 12;
    let grid = Grid {
        sections: &sections,
        margin,
    };
    let side = margin + CELL * sections.len() + 4;
    let mut svg = format!(
        "<svg class=\"overlaps\" viewBox=\"0 0 {side} {side}\" style=\"max-width: {}px\" role=\"img\" aria-label=\"{}\">",
        side * 2,
        escape(tr("Matrix of the sections that can apply together"))
    );
    grid.bands(&mut svg);
    grid.cells(&mut svg, pairs);
    grid.labels(&mut svg, &labels);
    svg.push_str("</svg>");
    concat([el("figure", "picture", Markup(svg)), legend()])
}

/// The longest label, in characters: a long citation (`... section number not found`) would
/// otherwise take half the picture.
const LABEL_CHARS: usize = 32;

/// `label`, cut to [`LABEL_CHARS`] with an ellipsis.
fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_owned();
    }
    let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The sections of `pairs`, each once, instrument by instrument and in section-number order
/// within one, so an instrument's overlaps sit together.
fn clustered_sections(pairs: &[OverlapItem]) -> Vec<&str> {
    let mut sections: Vec<&str> = pairs
        .iter()
        .flat_map(|o| o.sections.iter().map(String::as_str))
        .collect();
    sections.sort_by_key(|id| section_order(id));
    sections.dedup();
    sections
}

/// Sorts `ppc/371-A` after `ppc/99`: the instrument, then the section's leading number, then
/// the rest.
fn section_order(id: &str) -> (&str, u64, &str) {
    let (instrument, local) = id.split_once('/').unwrap_or((id, ""));
    let digits = local
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(local.len());
    (
        instrument,
        local[..digits].parse().unwrap_or(0),
        &local[digits..],
    )
}

/// Where things go: the labels take `margin` on the left and at the top.
struct Grid<'a> {
    sections: &'a [&'a str],
    margin: usize,
}

impl Grid<'_> {
    /// The top-left corner of the cell for sections `row` and `column`.
    fn corner(&self, row: usize, column: usize) -> (usize, usize) {
        (self.margin + column * CELL, self.margin + row * CELL)
    }

    /// The index ranges of each instrument's run of sections.
    fn clusters(&self) -> Vec<std::ops::Range<usize>> {
        let instrument = |i: usize| self.sections[i].split_once('/').map(|(i, _)| i);
        let mut clusters = Vec::new();
        let mut start = 0;
        for i in 1..=self.sections.len() {
            if i == self.sections.len() || instrument(i) != instrument(start) {
                clusters.push(start..i);
                start = i;
            }
        }
        clusters
    }

    /// Every other instrument shaded across the whole width, and a rule between instruments
    /// in both directions.
    fn bands(&self, svg: &mut String) {
        let end = self.margin + CELL * self.sections.len();
        for (index, cluster) in self.clusters().iter().enumerate() {
            let top = self.margin + cluster.start * CELL;
            if index % 2 == 1 {
                let _ = write!(
                    svg,
                    "<rect class=\"band\" x=\"0\" y=\"{top}\" width=\"{end}\" height=\"{}\"/>",
                    cluster.len() * CELL
                );
            }
            if cluster.start > 0 {
                let _ = write!(
                    svg,
                    "<path class=\"rule\" d=\"M0 {top}H{end}M{top} 0V{end}\"/>"
                );
            }
        }
    }

    /// One square per pair in each half, in one path per kind: declared in the rules,
    /// undeclared with a conflict, undeclared without one.
    fn cells(&self, svg: &mut String, pairs: &[OverlapItem]) {
        let index = |id: &str| self.sections.iter().position(|s| *s == id);
        let mut paths = [String::new(), String::new(), String::new()];
        for pair in pairs {
            let [a, b] = &pair.sections[..] else {
                continue; // groups are listed apart
            };
            let (Some(a), Some(b)) = (index(a), index(b)) else {
                continue;
            };
            let kind = match (pair.declared, pair.conflicts.is_empty()) {
                (true, _) => 0,
                (false, false) => 1,
                (false, true) => 2,
            };
            for (row, column) in [(a, b), (b, a)] {
                let (x, y) = self.corner(row, column);
                let _ = write!(paths[kind], "M{x} {y}h{0}v{0}h-{0}z", CELL - 2);
            }
        }
        for (class, path) in ["declared", "conflict", "plain"].iter().zip(&paths) {
            if !path.is_empty() {
                let _ = write!(svg, "<path class=\"{class}\" d=\"{path}\"/>");
            }
        }
    }

    /// Each section's citation at the left of its row and above its column.
    fn labels(&self, svg: &mut String, labels: &[String]) {
        for (i, label) in labels.iter().enumerate() {
            let label = escape(label);
            let middle = self.margin + i * CELL + CELL - 4;
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"{middle}\" text-anchor=\"end\">{label}</text><text transform=\"translate({middle} {}) rotate(-90)\">{label}</text>",
                self.margin - 6,
                self.margin - 6
            );
        }
    }
}

/// What the colours mean.
fn legend() -> Markup {
    let swatch = |class: &'static str, words: &str| {
        concat([el("span", class, Markup::default()), text(words)])
    };
    concat([
        el(
            "p",
            "legend",
            concat([
                swatch("swatch declared", tr("declared in the rules")),
                swatch(
                    "swatch conflict",
                    tr("not declared, with a conflict of forum, agency or penalty"),
                ),
                swatch("swatch plain", tr("not declared, no conflict")),
            ]),
        ),
        el(
            "p",
            "muted",
            text(tr(
                "Each square is a pair of sections that can apply on the same facts; the shaded bands group the sections of one instrument.",
            )),
        ),
    ])
}
