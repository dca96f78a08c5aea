//! Diagnostics that stop a command (exit code 2), each with the text of the file it points
//! into: what every stage that reads a file (the law, a case, a translation catalogue) returns.

use std::ops::Range;
use std::path::Path;

use miette::Diagnostic;

use crate::source::SourceFile;

/// Diagnostics that stop a command (exit code 2).
#[derive(Debug, Default)]
pub struct Failure(pub Vec<miette::Report>);

impl Failure {
    /// Diagnostics for errors found in some of `files`.
    pub(crate) fn from_errors<E: Diagnostic + Send + Sync + 'static>(
        errors: Vec<(usize, E)>,
        files: &[SourceFile],
    ) -> Self {
        Failure(
            errors
                .into_iter()
                .map(|(file, error)| match files.get(file) {
                    Some(file) => attach(error, file),
                    None => miette::Report::new(error),
                })
                .collect(),
        )
    }

    pub(crate) fn write(path: &Path, error: &std::io::Error) -> Self {
        Failure(vec![miette::miette!(
            code = "io::write",
            "cannot write `{}`: {error}",
            path.display()
        )])
    }

    pub(crate) fn io(path: &Path, error: &std::io::Error) -> Self {
        Failure(vec![miette::miette!(
            code = "io",
            "cannot read `{}`: {error}",
            path.display()
        )])
    }
}

/// The error with its file's text, or with a short excerpt of it when a label sits on a line
/// too long to print whole (a megabyte line would otherwise be echoed in full).
pub(crate) fn attach<E: Diagnostic + Send + Sync + 'static>(
    error: E,
    file: &SourceFile,
) -> miette::Report {
    let window = excerpt_window(&error, &file.text);
    if window.is_none() && error.to_string().len() <= MAX_SHOWN_MESSAGE {
        return miette::Report::new(error).with_source_code(file.named_source());
    }
    miette::Report::new(Excerpted::new(error, file, window))
}

/// The longest message shown whole: a message quotes what the file says (an unknown key), and a
/// key can be megabytes long.
const MAX_SHOWN_MESSAGE: usize = 500;

/// The longest line a diagnostic shows whole.
const MAX_SHOWN_LINE: usize = 1_000;
/// How many bytes of a cut line are kept either side of the label.
const EXCERPT_CONTEXT: usize = 200;

/// The byte range of the text to show, if the first label's line or a line beside it (shown
/// as context) is longer than [`MAX_SHOWN_LINE`]: the label's start and a little context,
/// within its own line.
fn excerpt_window(error: &dyn Diagnostic, text: &str) -> Option<Range<usize>> {
    let label = error.labels()?.next()?;
    let start = label.offset().min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |at| start + at);
    let shown_start = text[..line_start.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |at| at + 1);
    let shown_end = text
        .get(line_end + 1..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |at| line_end + 1 + at);
    if shown_end - shown_start <= 3 * MAX_SHOWN_LINE {
        return None;
    }
    let mut low = start.saturating_sub(EXCERPT_CONTEXT).max(line_start);
    let mut high = (start + label.len().min(EXCERPT_CONTEXT) + EXCERPT_CONTEXT).min(line_end);
    while !text.is_char_boundary(low) {
        low -= 1;
    }
    while !text.is_char_boundary(high) {
        high += 1;
    }
    Some(low..high)
}

/// A diagnostic with its message cut short, shown against an excerpt of its file (its labels
/// moved to match) when the lines around the label are too long.
struct Excerpted<E> {
    inner: E,
    source: Box<dyn miette::SourceCode + Send + Sync>,
    labels: Option<Vec<miette::LabeledSpan>>,
}

impl<E> std::fmt::Debug for Excerpted<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Excerpted")
    }
}

impl<E: Diagnostic> Excerpted<E> {
    fn new(inner: E, file: &SourceFile, window: Option<Range<usize>>) -> Self {
        match window {
            Some(window) => Self::cut(inner, file, window),
            None => Excerpted {
                inner,
                source: Box::new(file.named_source()),
                labels: None,
            },
        }
    }

    fn cut(inner: E, file: &SourceFile, window: Range<usize>) -> Self {
        let line = file.text[..window.start].matches('\n').count() + 1;
        let name = format!(
            "{} line {line}, an excerpt of bytes {}..{} (the line is too long to show)",
            file.name, window.start, window.end
        );
        let labels = inner
            .labels()
            .into_iter()
            .flatten()
            .filter(|label| {
                label.offset() < window.end && label.offset() + label.len() >= window.start
            })
            .map(|label| {
                let start = label.offset().max(window.start);
                let end = (label.offset() + label.len()).min(window.end).max(start);
                miette::LabeledSpan::new(
                    label.label().map(str::to_owned),
                    start - window.start,
                    end - start,
                )
            })
            .collect();
        let source = miette::NamedSource::new(name, file.text[window].to_owned());
        Excerpted {
            inner,
            source: Box::new(source),
            labels: Some(labels),
        }
    }
}

impl<E: std::fmt::Display> std::fmt::Display for Excerpted<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = self.inner.to_string();
        if message.len() <= MAX_SHOWN_MESSAGE {
            return f.write_str(&message);
        }
        let mut end = MAX_SHOWN_MESSAGE;
        while !message.is_char_boundary(end) {
            end -= 1;
        }
        write!(
            f,
            "{}… (message cut at {MAX_SHOWN_MESSAGE} bytes)",
            &message[..end]
        )
    }
}

impl<E: Diagnostic> std::error::Error for Excerpted<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.source()
    }
}

impl<E: Diagnostic> Diagnostic for Excerpted<E> {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.inner.code()
    }

    fn severity(&self) -> Option<miette::Severity> {
        self.inner.severity()
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.inner.help()
    }

    fn url<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.inner.url()
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&*self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        match &self.labels {
            Some(labels) => Some(Box::new(labels.iter().cloned())),
            None => self.inner.labels(),
        }
    }
}
