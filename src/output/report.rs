//! The only place diagnostics are rendered: miette's graphical handler for people, its JSON
//! handler under `--format json`.

use std::io::IsTerminal as _;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, JSONReportHandler, NarratableReportHandler,
};

/// Colour choice for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// Colour when stderr is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// How diagnostics look.
#[derive(Debug, Clone, Copy)]
pub struct DiagnosticStyle {
    /// Colour or not.
    pub color: bool,
    /// JSON objects, one a line, instead of drawings.
    pub json: bool,
    /// Width to wrap at.
    pub width: usize,
}

impl DiagnosticStyle {
    /// The style for this run: `--color`, `NO_COLOR` and whether stderr is a terminal.
    pub fn for_run(color: Color, json: bool) -> Self {
        let color = match color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stderr().is_terminal()
            }
        };
        DiagnosticStyle {
            color,
            json,
            width: 100,
        }
    }
}

/// Renders diagnostics as text.
pub fn render_diagnostics(reports: &[miette::Report], style: DiagnosticStyle) -> String {
    let mut out = String::new();
    for report in reports {
        if style.json {
            let _ = JSONReportHandler::new().render_report(&mut out, report.as_ref());
            out.push('\n');
        } else {
            let theme = if style.color {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            };
            if labels_far_right(report.as_ref()) {
                // miette's drawing pads to the label's column with a format width, which panics
                // past 65535; the narrated form names line and column instead.
                let _ = NarratableReportHandler::new().render_report(&mut out, report.as_ref());
            } else {
                let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width);
                let _ = handler.render_report(&mut out, report.as_ref());
            }
        }
    }
    if !style.json && reports.len() > 1 {
        out.push_str(&crate::i18n::trf(
            "{count} problems found\n",
            &[("count", &reports.len().to_string())],
        ));
    }
    out
}

/// The farthest column a label may start at and still be drawn under its line.
const MAX_DRAWN_COLUMN: usize = 10_000;

/// Whether a label of the diagnostic starts past [`MAX_DRAWN_COLUMN`] (an enormously long line).
fn labels_far_right(diagnostic: &dyn Diagnostic) -> bool {
    let (Some(source), Some(mut labels)) = (diagnostic.source_code(), diagnostic.labels()) else {
        return false;
    };
    labels.any(|label| {
        source
            .read_span(label.inner(), 0, 0)
            .is_ok_and(|contents| contents.column() > MAX_DRAWN_COLUMN)
    })
}
