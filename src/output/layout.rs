//! What `tipnav fmt --check` prints for a file that is not in canonical layout: a line diff
//! of the file as it is against the file as `fmt` would write it. Computes no layout.

use std::fmt::Write as _;

/// Beyond this many line pairs the diff is not worth its memory: only the first differing
/// line is shown.
const MAX_CELLS: usize = 4_000_000;

/// `--- name` / `+++ name (formatted)`, then each changed run of lines as `@@ line N` with its
/// old lines (`-`) and new lines (`+`).
pub fn difference(name: &str, old: &str, new: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut out = format!("--- {name}\n+++ {name} (formatted)\n");
    if old.len().saturating_mul(new.len()) > MAX_CELLS {
        let line = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let _ = writeln!(
            out,
            "@@ line {}: first difference (file too long to diff)",
            line + 1
        );
        return out;
    }
    let table = common_suffixes(&old, &new);
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            (i, j) = (i + 1, j + 1);
            continue;
        }
        let _ = writeln!(out, "@@ line {}", i + 1);
        // One changed run: take removals and additions until the files agree again.
        while i < old.len() || j < new.len() {
            if i < old.len() && j < new.len() && old[i] == new[j] {
                break;
            }
            if j == new.len() || (i < old.len() && table[i + 1][j] >= table[i][j + 1]) {
                let _ = writeln!(out, "-{}", old[i]);
                i += 1;
            } else {
                let _ = writeln!(out, "+{}", new[j]);
                j += 1;
            }
        }
    }
    out
}

/// `table[i][j]`: the length of the longest common subsequence of `old[i..]` and `new[j..]`.
fn common_suffixes(old: &[&str], new: &[&str]) -> Vec<Vec<usize>> {
    let mut table = vec![vec![0; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            table[i][j] = if old[i] == new[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_lines_are_grouped_with_their_line_number() {
        let diff = difference("f", "a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
        assert_eq!(
            diff,
            "--- f\n+++ f (formatted)\n@@ line 2\n-b\n+B\n@@ line 5\n+e\n"
        );
    }

    #[test]
    fn a_removed_blank_line_shows() {
        let diff = difference("f", "a\n\n\nb\n", "a\n\nb\n");
        // Either blank line could be the one removed; the diff keeps the first.
        assert_eq!(diff, "--- f\n+++ f (formatted)\n@@ line 3\n-\n");
    }
}
