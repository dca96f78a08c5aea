//! How wide text output may be, and prose wrapped to that width. `COLUMNS`, when set, decides
//! (also when the output goes to a pipe or a file, so `COLUMNS=80 tipnav eval ... > file`
//! fits 80 columns); otherwise a terminal's own width; otherwise a fixed width for pipes.

/// The width of output written to a pipe or a file when `COLUMNS` is not set.
const PIPE_WIDTH: u16 = 100;

/// Narrower than this, tables cannot show their columns: `COLUMNS` below it is raised to it.
const MIN_WIDTH: u16 = 40;

/// The width tables and prose must fit.
pub fn width() -> u16 {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok());
    // comfy-table asks the terminal when standard output is one; `None` for a pipe or file.
    let terminal = || comfy_table::Table::new().width();
    columns
        .or_else(terminal)
        .unwrap_or(PIPE_WIDTH)
        .max(MIN_WIDTH)
}

/// `text` broken into lines of at most `width` characters at spaces, each line after the first
/// indented by `indent` spaces. A word longer than a line is cut, except a web address: it is
/// kept whole on a line of its own, even past the width, since a cut address cannot be opened.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            // The first line has the whole width; the others lose their indent.
            let room = |lines: &Vec<String>| {
                width.saturating_sub(if lines.is_empty() { 0 } else { indent })
            };
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if needed > room(&lines) && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let room = room(&lines);
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            while line.chars().count() > room.max(1) && !word.contains("://") {
                let cut: String = line.chars().take(room.max(1)).collect();
                line = line.chars().skip(room.max(1)).collect();
                lines.push(cut);
            }
        }
        lines.push(line);
    }
    let pad = " ".repeat(indent);
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.clone()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "the sections that apply go to different courts; the Court of Session is the senior forum";
        let wrapped = wrap(text, 30, 2);
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 30),
            "{wrapped}"
        );
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let wrapped = wrap("see sha256:0123456789abcdef0123456789", 12, 2);
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 12),
            "{wrapped}"
        );
    }

    #[test]
    fn a_web_address_is_kept_whole_on_its_own_line() {
        let wrapped = wrap("see https://example.org/a/very/long/path here", 12, 2);
        assert_eq!(
            wrapped,
            "see\n  https://example.org/a/very/long/path\n  here"
        );
    }
}
