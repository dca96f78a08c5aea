//! The canonical layout of rule files, for `tipnav fmt`. Text in, text out; never touches a
//! file and never resolves a name.
//!
//! The grammar skips comments, so pest's tree cannot carry them. The formatter therefore works
//! on two views of the same text: a small lexer splits it into lines of tokens, each with any
//! comment that ends the line, and the parser's [`Region`]s say which declaration, block item,
//! expression or list each token belongs to. Every token and comment is written back verbatim;
//! only the white space between them changes:
//!
//! - line breaks stay where the author put them (a drafter breaks a long condition where the
//!   law breaks it), but blank lines shrink to one, and none open or close a block or the file;
//! - a declaration starts in column 0 and a block item (`element`, `agency`, `cite` of an
//!   `amend`, ...) in column 4; a line that continues one is indented 4 more, unless it
//!   continues an expression or a `[...]` list, which it lines up with (a list just inside
//!   its `[`), or a list of sections, which it indents by 8;
//! - one space between tokens, none inside brackets or before a comma, none around `..`;
//! - a comment on its own line is indented like the code line after it; a comment after code
//!   is two spaces from it.
//!
//! The result is checked to parse into the same AST as the input, so a formatter bug can never
//! change what a rule file means.

use std::collections::HashMap;

use miette::Diagnostic;
use thiserror::Error;

use super::parser::{self, Region, RegionKind};
use super::{SyntaxError, parse};

/// Columns a block or a continuation indents by.
const INDENT: usize = 4;

/// Why a rule file could not be formatted.
#[derive(Debug, Error, Diagnostic)]
pub enum FormatError {
    /// The file does not parse; it is left as it is.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Syntax(#[from] SyntaxError),
    /// The layout would have changed what the file means: a bug in the formatter.
    #[error("internal error: formatting would change the meaning of the rules; please report this")]
    #[diagnostic(code(fmt::bug))]
    ChangedMeaning,
}

/// The rule file in canonical layout. A file that does not parse is an error.
pub fn format(text: &str) -> Result<String, FormatError> {
    let regions = parser::layout(text)?;
    let formatted = render(&lex(text), &regions);
    if meaning(text)? != meaning(&formatted).map_err(|_| FormatError::ChangedMeaning)? {
        return Err(FormatError::ChangedMeaning);
    }
    Ok(formatted)
}

/// What a rule file means: its AST with the source spans left out.
pub fn meaning(text: &str) -> Result<String, SyntaxError> {
    Ok(without_spans(&format!("{:?}", parse(text)?)))
}

/// `Debug` text with every `Span { start: .., end: .. }` cut down to `Span`.
fn without_spans(debug: &str) -> String {
    const OPEN: &str = "Span { start: ";
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at + 4]);
        rest = &rest[at..];
        rest = rest.find('}').map_or("", |close| &rest[close + 1..]);
    }
    out.push_str(rest);
    out
}

/// A token as written, and the byte where it starts.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
}

/// One line of the input: its tokens and the comment that ends it. Both empty: a blank line.
#[derive(Debug, Default)]
struct Line<'a> {
    tokens: Vec<Token<'a>>,
    comment: Option<&'a str>,
}

/// Splits the text into lines of tokens. A string is one token even across lines, and a `#`
/// inside one starts no comment.
fn lex(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut lines = vec![Line::default()];
    let mut at = 0;
    while at < bytes.len() {
        let line = lines.last_mut().expect("there is always a line");
        let end = match bytes[at] {
            b'\n' => {
                lines.push(Line::default());
                at + 1
            }
            b' ' | b'\t' | b'\r' => at + 1,
            b'#' => {
                let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
                line.comment = Some(text[at..end].trim_end());
                end
            }
            _ => {
                let end = token_end(bytes, at);
                line.tokens.push(Token {
                    text: &text[at..end],
                    start: at,
                });
                end
            }
        };
        at = end;
    }
    lines
}

/// Punctuation that ends a word (all ASCII, so slicing at it is safe).
fn is_punct(byte: u8) -> bool {
    b"{}[](),:=<>!\"#".contains(&byte) || byte.is_ascii_whitespace()
}

/// Where the token starting at `at` ends: a string, an operator or a word (a name, a fact
/// path, a section id, a date, a number).
fn token_end(bytes: &[u8], at: usize) -> usize {
    let two = bytes.get(at..at + 2);
    if matches!(two, Some(b"<=" | b">=" | b"!=" | b"==" | b"..")) {
        return at + 2;
    }
    match bytes[at] {
        b'"' => string_end(bytes, at),
        byte if is_punct(byte) => at + 1,
        _ => {
            let mut end = at;
            while end < bytes.len() && !is_punct(bytes[end]) && !bytes[end..].starts_with(b"..") {
                end += 1;
            }
            end.max(at + 1)
        }
    }
}

/// One past the closing quote of the string opening at `at` (escapes: `\"`, `\\`, `\n`).
fn string_end(bytes: &[u8], at: usize) -> usize {
    let mut end = at + 1;
    while end < bytes.len() {
        match bytes[end] {
            b'\\' => end += 2,
            b'"' => return end + 1,
            _ => end += 1,
        }
    }
    bytes.len()
}

/// Writes the lines back in canonical layout.
fn render(lines: &[Line<'_>], regions: &[Region]) -> String {
    let indents = code_indents(lines, regions);
    let mut out = String::new();
    let mut blank_pending = false;
    let mut opens_block = false;
    for (index, line) in lines.iter().enumerate() {
        let Some(first) = line.tokens.first().map(|t| t.text).or(line.comment) else {
            blank_pending = !out.is_empty();
            continue;
        };
        // No blank line may open or close a block.
        if blank_pending && !opens_block && first != "}" {
            out.push('\n');
        }
        blank_pending = false;
        let indent = indents[index].unwrap_or_else(|| comment_indent(lines, &indents, index));
        push_line(&mut out, indent, line);
        opens_block = line.tokens.last().is_some_and(|t| t.text == "{");
    }
    out
}

/// A comment on its own line is indented like the next code line; above a `}`, like the
/// block's items.
fn comment_indent(lines: &[Line<'_>], indents: &[Option<usize>], index: usize) -> usize {
    (index + 1..lines.len())
        .find_map(|next| {
            let indent = indents[next]?;
            let closes = lines[next].tokens.first().is_some_and(|t| t.text == "}");
            Some(if closes { indent + INDENT } else { indent })
        })
        .unwrap_or(0)
}

fn push_line(out: &mut String, indent: usize, line: &Line<'_>) {
    out.extend(std::iter::repeat_n(' ', indent));
    let mut previous: Option<&str> = None;
    for token in &line.tokens {
        if let Some(previous) = previous {
            out.push_str(space_between(previous, token.text));
        }
        out.push_str(token.text);
        previous = Some(token.text);
    }
    if let Some(comment) = line.comment {
        if !line.tokens.is_empty() {
            out.push_str("  ");
        }
        out.push_str(comment);
    }
    out.push('\n');
}

/// The space between two tokens on one line. Two words always keep a space, so no two tokens
/// can run together into one.
fn space_between(left: &str, right: &str) -> &'static str {
    let tight = matches!(left, "(" | "[" | "..") || matches!(right, ")" | "]" | "," | "..");
    if tight { "" } else { " " }
}

/// The indent of every line that has code (`None` for comment-only and blank lines). A line
/// can line up with a token on an earlier line, so this records each token's output column.
fn code_indents(lines: &[Line<'_>], regions: &[Region]) -> Vec<Option<usize>> {
    let mut columns = HashMap::new();
    lines
        .iter()
        .map(|line| {
            let first = line.tokens.first()?;
            let indent = indent_of(first, regions, &columns);
            let mut column = indent;
            let mut previous: Option<&str> = None;
            for token in &line.tokens {
                column += previous.map_or(0, |p| space_between(p, token.text).len());
                columns.insert(token.start, column);
                column = width_after(column, token.text);
                previous = Some(token.text);
            }
            Some(indent)
        })
        .collect()
}

/// The column after writing `text` from `column` (a string may span lines).
fn width_after(column: usize, text: &str) -> usize {
    match text.rfind('\n') {
        Some(newline) => text[newline + 1..].chars().count(),
        None => column + text.chars().count(),
    }
}

/// The indent of a line that starts with `first`, from the innermost region around it.
fn indent_of(first: &Token<'_>, regions: &[Region], columns: &HashMap<usize, usize>) -> usize {
    if matches!(first.text, "{" | "}") {
        return 0;
    }
    let around = |r: &&Region| r.start <= first.start && first.start < r.end;
    // A declaration or item that starts here sets the indent; an expression that starts here
    // does not (it lines up with whatever holds it).
    for region in regions.iter().filter(around) {
        match region.kind {
            RegionKind::Declaration if region.start == first.start => return 0,
            RegionKind::Item if region.start == first.start => return INDENT,
            _ => {}
        }
    }
    let innermost = regions
        .iter()
        .filter(around)
        .filter(|r| r.start < first.start)
        .max_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    match innermost.map(|r| r.kind) {
        Some(RegionKind::Align { anchor, shift }) => {
            columns.get(&anchor).map_or(INDENT, |column| column + shift)
        }
        Some(RegionKind::Item | RegionKind::List) => 2 * INDENT,
        Some(RegionKind::Declaration) => INDENT,
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        format(text).expect("formats")
    }

    #[test]
    fn spacing_is_normalised_and_line_breaks_kept() {
        let text = "derive  victim.child=victim.age<18\ncite   \"x\"\n";
        assert_eq!(
            fmt(text),
            "derive victim.child = victim.age < 18\n    cite \"x\"\n"
        );
    }

    #[test]
    fn block_items_and_continuations() {
        let text = "offence a/1 {\nelement x = c.a any [p,\nq]\n or c.b\ncite \"y\"\n}\n";
        assert_eq!(
            fmt(text),
            "offence a/1 {\n    element x = c.a any [p,\n                         q]\n                or c.b\n        cite \"y\"\n}\n"
        );
    }

    #[test]
    fn comments_are_kept_and_indented_like_the_next_line() {
        let text = "# head\n\n\n\noffence a/1 { # trailing\n# before x\nelement x = c.a cite \"y\"\n  # last\n}\n";
        assert_eq!(
            fmt(text),
            "# head\n\noffence a/1 {  # trailing\n    # before x\n    element x = c.a cite \"y\"\n    # last\n}\n"
        );
    }

    #[test]
    fn a_hash_in_a_string_is_not_a_comment() {
        let text = "fact c.a : text \"a # b\"\n";
        assert_eq!(fmt(text), text);
    }

    #[test]
    fn ranges_and_parentheses_are_tight() {
        let text = "fact c.a : int 0 .. 5 \"q\"\nderive c.b = not ( c.a < 3 )  cite \"x\"\n";
        assert_eq!(
            fmt(text),
            "fact c.a : int 0..5 \"q\"\nderive c.b = not (c.a < 3) cite \"x\"\n"
        );
    }

    #[test]
    fn blank_lines_do_not_open_or_close_blocks_or_the_file() {
        let text = "\n\noffence a/1 {\n\n    element x = c.a cite \"y\"\n\n}\n\n\n";
        assert_eq!(
            fmt(text),
            "offence a/1 {\n    element x = c.a cite \"y\"\n}\n"
        );
    }

    #[test]
    fn an_empty_file_stays_empty() {
        assert_eq!(fmt(""), "");
        assert_eq!(fmt("\n  \n# only\n"), "# only\n");
    }

    #[test]
    fn a_syntax_error_is_reported() {
        assert!(matches!(format("offence {"), Err(FormatError::Syntax(_))));
    }

    #[test]
    fn spans_are_left_out_of_the_meaning() {
        let one = meaning("derive c.b = c.a cite \"x\"").expect("parses");
        let two = meaning("derive   c.b =\n c.a\n cite \"x\"").expect("parses");
        assert_eq!(one, two);
        assert!(!one.contains("start"));
    }
}
