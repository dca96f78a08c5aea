//! Source files and spans: what every stage uses to point at the text a user wrote.
//! Knows nothing about rules or statutes. Also the one way tipnav writes a file: atomically.

use std::io::{self, Read as _, Write as _};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use miette::{NamedSource, SourceSpan};

/// The largest file tipnav reads (4 MiB, over a hundred times the largest shipped file): a
/// bigger case, rule or statute file is a mistake, and reading it whole could exhaust memory.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// A loaded text file (a statute, a rule file or a case file).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in diagnostics: a path, or `<law>/rules/...` for embedded files.
    pub name: String,
    /// The whole text.
    pub text: Arc<str>,
}

impl SourceFile {
    /// A file from its name and text.
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }

    /// Reads a UTF-8 file of at most [`MAX_FILE_BYTES`], named by its path. Never reads more
    /// than the limit, so `/dev/zero` or a 200 MB file is an error, not an exhausted memory.
    pub fn read(path: &Path) -> io::Result<Self> {
        let mut bytes = Vec::new();
        std::fs::File::open(path)?
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!(
                    "the file is larger than {} MiB, the most tipnav reads",
                    MAX_FILE_BYTES >> 20
                ),
            ));
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "stream did not contain valid UTF-8",
            )
        })?;
        Ok(Self::new(path.display().to_string(), text))
    }

    /// The file as miette source code, for attaching to a diagnostic.
    pub fn named_source(&self) -> NamedSource<Arc<str>> {
        NamedSource::new(&self.name, Arc::clone(&self.text))
    }
}

/// A byte range in one file. Which file is known to the stage that reports it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from a byte range.
    pub fn new(range: Range<usize>) -> Self {
        Self {
            start: range.start,
            end: range.end,
        }
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range)
    }
}

impl From<Span> for SourceSpan {
    fn from(span: Span) -> Self {
        SourceSpan::from(span.start..span.end)
    }
}

/// A value with the span of the text it came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// Writes a file atomically: a temporary file in the same folder, then a rename, so a reader
/// or a crash never sees half a file. A symbolic link is written through (its target is
/// replaced, the link stays); a file that is replaced keeps its permissions (the temporary
/// file is created readable by its owner only). A read-only file, or one with other hard
/// links (a rename would silently break them), is refused rather than replaced.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let path = &real_path(path)?;
    let existing = std::fs::metadata(path).ok();
    if let Some(metadata) = &existing {
        refuse_to_replace(metadata)?;
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(&temporary_prefix(path))
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    if let Some(metadata) = existing {
        file.as_file().set_permissions(metadata.permissions())?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// The temporary files of [`write_atomically`] end so, and start with `.NAME.`: a run killed
/// before its rename leaves one behind, which [`remove_stale_temporaries`] recognises.
const TEMPORARY_SUFFIX: &str = ".tipnav-tmp";

fn temporary_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    format!(".{name}.")
}

/// Removes the temporary files an earlier, killed run left beside `path` (only ours: named
/// after `path` and ending in the suffix tipnav uses). Returns how many were removed.
pub fn remove_stale_temporaries(path: &Path) -> usize {
    let Ok(path) = real_path(path) else { return 0 };
    let prefix = temporary_prefix(&path);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with(&prefix) && name.ends_with(TEMPORARY_SUFFIX)
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

/// The file a write should replace: the target of a symbolic link (however many links lead
/// there), or the path itself when nothing exists there yet.
fn real_path(path: &Path) -> std::io::Result<std::path::PathBuf> {
    match std::fs::canonicalize(path) {
        Ok(real) => Ok(real),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            // A dangling link names a file to create; a missing file is created where named.
            match std::fs::read_link(path) {
                Ok(target) if target.is_absolute() => Ok(target),
                Ok(target) => Ok(path.parent().unwrap_or(Path::new(".")).join(target)),
                Err(_) => Ok(path.to_path_buf()),
            }
        }
        Err(error) => Err(error),
    }
}

fn refuse_to_replace(metadata: &std::fs::Metadata) -> std::io::Result<()> {
    if metadata.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; tipnav does not replace it",
        ));
    }
    if hard_links(metadata) > 1 {
        return Err(io::Error::other(
            "the file has other hard links, which replacing it would break; write a copy instead",
        ));
    }
    Ok(())
}

#[cfg(unix)]
fn hard_links(metadata: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}
/// The text with a leading UTF-8 byte-order mark (which some Windows editors write) turned
/// into spaces of the same length: the TOML, JSON and rule parsers all skip spaces, and every
/// span still points at the same bytes of the file.
pub fn blank_bom(text: &str) -> std::borrow::Cow<'_, str> {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => std::borrow::Cow::Owned(format!("   {rest}")),
        None => std::borrow::Cow::Borrowed(text),
    }
}
