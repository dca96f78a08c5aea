//! The only place diagnostics are rendered: miette's graphical handler for people, its JSON
//! handler under `--format json`.

use std::io::IsTerminal as _;

use miette::{GraphicalReportHandler, GraphicalTheme, JSONReportHandler};

use crate::cli::Color;

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
            let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width);
            let _ = handler.render_report(&mut out, report.as_ref());
        }
    }
    if !style.json && reports.len() > 1 {
        out.push_str(&format!("{} problems found\n", reports.len()));
    }
    out
}
