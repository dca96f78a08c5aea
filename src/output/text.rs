//! The layout both text styles share: a terminal's box-drawn tables and wrapped prose, or
//! Markdown's headings and pipe tables. Every text renderer (the case report, the charge sheet,
//! the navigator, overlaps, diffs, explanations) writes through these, so the styles stay alike.

use std::borrow::Cow;

use comfy_table::{ContentArrangement, Table, presets};

/// Terminal tables or Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Box-drawn tables and wrapped prose, as wide as [`super::width::width`].
    Terminal,
    /// Markdown headings and pipe tables.
    Markdown,
}

impl Style {
    /// Text the case supplies (its title, file name, a text fact), made literal in Markdown so
    /// a title cannot start a heading, a list or a table, or carry raw HTML into a handout.
    pub fn case_text(self, text: &str) -> Cow<'_, str> {
        match self {
            Style::Terminal => Cow::Borrowed(text),
            Style::Markdown => Cow::Owned(markdown_escape(text)),
        }
    }
}

/// Text as literal Markdown: HTML's special characters become entities (as the HTML renderer
/// writes them), Markdown's inline punctuation is backslash-escaped, a leading list or heading
/// marker too, and line breaks become spaces, so the text stays inside the line, heading or
/// table cell it is put in.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let marker = leading_marker(text);
    let mut previous = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        // `rahim_yar_khan` stays as it is: an underscore inside a word never emphasises.
        let inside_word = [previous, next]
            .iter()
            .all(|c| c.is_some_and(char::is_alphanumeric));
        previous = Some(c);
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '_' if inside_word => out.push(c),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if Some(at) == marker => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Where a list marker (`-`, `+`, `1.`, `1)`) or setext underline (`=`) would sit if the text
/// began a line.
fn leading_marker(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match text.as_bytes().get(digits)? {
        b'.' | b')' if digits > 0 => Some(digits),
        b'-' | b'+' | b'=' if digits == 0 => Some(0),
        _ => None,
    }
}

/// An agency or a court, as the reports name it.
pub trait Forum: Copy {
    /// Its id, as in JSON.
    fn id(self) -> &'static str;
    /// Its name in words, in this run's language.
    fn name(self) -> &'static str;
}

impl Forum for crate::statute::Agency {
    fn id(self) -> &'static str {
        crate::statute::Agency::id(self)
    }
    fn name(self) -> &'static str {
        crate::statute::Agency::name(self)
    }
}

impl Forum for crate::statute::Court {
    fn id(self) -> &'static str {
        crate::statute::Court::id(self)
    }
    fn name(self) -> &'static str {
        crate::statute::Court::name(self)
    }
}

/// A section's citation as people write it (`PTPA 2018 s.3`), from its id: the text reports
/// cite sections, their JSON keeps the ids.
pub type Cite<'a> = &'a dyn Fn(&str) -> String;

/// Sections cited and joined with `separator` (`PPC s.374 + PTPA 2018 s.3`).
pub fn cited(sections: &[String], separator: &str, cite: Cite<'_>) -> String {
    let cited: Vec<String> = sections.iter().map(|s| cite(s)).collect();
    cited.join(separator)
}

/// A table in the given style with a header row.
pub fn new_table(style: Style, header: &[&str]) -> Table {
    let mut table = Table::new();
    match style {
        Style::Terminal => {
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(super::width::width());
        }
        Style::Markdown => {
            table
                .load_style(presets::ASCII_MARKDOWN)
                .set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table.set_header(header.to_vec());
    table
}

/// A heading: Markdown `#`s, or a plain line at a terminal.
pub fn heading(out: &mut String, style: Style, level: usize, text: &str) {
    match style {
        Style::Markdown => out.push_str(&format!("{} {text}\n\n", "#".repeat(level))),
        Style::Terminal => line(out, style, text),
    }
}

/// A line of prose: wrapped to the width at a terminal (continuation lines indented two
/// spaces), as it is in Markdown.
pub fn line(out: &mut String, style: Style, text: &str) {
    match style {
        Style::Terminal => {
            let width = usize::from(super::width::width());
            out.push_str(&super::width::wrap(text, width, 2));
        }
        Style::Markdown => out.push_str(text),
    }
    out.push('\n');
}

/// A paragraph of prose: a wrapped line at a terminal, a paragraph in Markdown.
pub fn prose(out: &mut String, style: Style, text: &str) {
    line(out, style, text);
    if style == Style::Markdown {
        out.push('\n');
    }
}

/// Line breaks inside a cell: real ones at a terminal, `<br>` in Markdown.
pub fn lines(style: Style, parts: &[String]) -> String {
    match style {
        Style::Terminal => parts.join("\n"),
        Style::Markdown => parts.join("<br>").replace('|', "\\|"),
    }
}
