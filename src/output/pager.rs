//! Long reports through a pager on a terminal, as git does: `$PAGER` (`less -FRX` when unset,
//! so a report that fits the screen is printed and left on it), never when standard output is
//! a pipe or a file, and never with `--no-pager`. Writes nothing itself but the pager's input.

use std::io::{IsTerminal as _, Write as _};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

/// The pager used when `$PAGER` is unset: quit if the text fits one screen (`-F`), keep
/// colours (`-R`), leave the text on the screen on exit (`-X`).
pub const DEFAULT_PAGER: &str = "less -FRX";

/// Cleared by `--no-pager`.
static ALLOWED: AtomicBool = AtomicBool::new(true);

/// Turns paging off for this run (`--no-pager`).
pub fn disable() {
    ALLOWED.store(false, Ordering::Relaxed);
}

/// The pager command to run, if any: `None` when paging is off, standard output is not a
/// terminal, or `$PAGER` is empty or `cat` (git's convention for "no pager").
pub fn command() -> Option<String> {
    if !ALLOWED.load(Ordering::Relaxed) || !std::io::stdout().is_terminal() {
        return None;
    }
    chosen(std::env::var("PAGER").ok().as_deref())
}

/// The pager `$PAGER` names, or the default when it is unset.
fn chosen(pager: Option<&str>) -> Option<String> {
    match pager.map(str::trim) {
        None => Some(DEFAULT_PAGER.to_owned()),
        Some("" | "cat") => None,
        Some(pager) => Some(pager.to_owned()),
    }
}

/// Sends `text` through the pager and waits for the reader to quit. `None` when the pager
/// cannot be started, so the caller prints the text itself; quitting the pager before the end
/// is no error.
pub fn page(pager: &str, text: &str) -> Option<std::io::Result<()>> {
    let mut child = shell(pager)
        // less reads these when they are not set; git sets them the same way.
        .env(
            "LESS",
            std::env::var("LESS").unwrap_or_else(|_| "FRX".into()),
        )
        .env("LV", std::env::var("LV").unwrap_or_else(|_| "-c".into()))
        .stdin(Stdio::piped())
        .spawn()
        .ok()?;
    let written = child
        .stdin
        .take()
        .map_or(Ok(()), |mut input| input.write_all(text.as_bytes()));
    let waited = child.wait().map(drop);
    Some(match written {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => waited,
        other => other.and(waited),
    })
}

/// The pager command line run by the shell, as git runs `$PAGER`, so it may carry options.
#[cfg(unix)]
fn shell(pager: &str) -> Command {
    let mut command = Command::new("sh");
    command.arg("-c").arg(pager);
    command
}

#[cfg(not(unix))]
fn shell(pager: &str) -> Command {
    let mut words = pager.split_whitespace();
    let mut command = Command::new(words.next().unwrap_or("more"));
    command.args(words);
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unset_pager_is_less_quitting_on_one_screen() {
        assert_eq!(chosen(None).as_deref(), Some("less -FRX"));
    }

    #[test]
    fn an_empty_pager_or_cat_means_none() {
        assert_eq!(chosen(Some("")), None);
        assert_eq!(chosen(Some("cat")), None);
        assert_eq!(chosen(Some(" most -s ")).as_deref(), Some("most -s"));
    }

    #[cfg(unix)]
    #[test]
    fn a_pager_that_quits_at_once_is_no_error() {
        let long = "line\n".repeat(100_000);
        assert!(matches!(page("true", &long), Some(Ok(()))));
    }
}
