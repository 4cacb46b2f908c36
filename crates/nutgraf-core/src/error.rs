//! Typed errors of the core library.

use std::path::PathBuf;

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while reading or summarizing.
///
/// Errors about user data carry where the problem is (file, line, byte offset, field), so that
/// every consumer can show them as they are or map them to its own form. Messages name
/// configuration fields as they are spelled in JSON, never a command-line flag.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An I/O or decompression error while reading `path`. It ends the input: it is not a bad
    /// record (see [`Error::is_bad_record`]).
    #[error("{}: {source}", path.display())]
    Io {
        /// The file being read (`-` for stdin).
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A single-document input is not valid UTF-8.
    #[error("{}: invalid UTF-8 at byte offset {offset}", path.display())]
    InvalidUtf8 {
        /// The file being read.
        path: PathBuf,
        /// Byte offset of the first invalid byte in the (decompressed) input.
        offset: usize,
    },
    /// The input looks like a binary file.
    #[error("{}: looks like a binary file ({reason}); nutgraf reads text", path.display())]
    Binary {
        /// The file being read.
        path: PathBuf,
        /// Why it is considered binary.
        reason: String,
    },
    /// An entry under a directory could not be walked (a dangling symbolic link, a
    /// subdirectory that cannot be listed); the walk goes on with the next one.
    #[error("{}: {message}", path.display())]
    Walk {
        /// The entry.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A record of a corpus is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Record {
        /// The file being read (`<text>` for in-memory text).
        path: PathBuf,
        /// 1-based line number of the record.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A configuration value is invalid.
    #[error("invalid {field}: {value} (expected {expected})")]
    InvalidConfig {
        /// The field, as spelled in the JSON configuration (`damping`, `budget.ratio`).
        field: String,
        /// The value given.
        value: String,
        /// What is accepted.
        expected: String,
    },
    /// A document built from parts is inconsistent (spans out of order, labels that do not
    /// match the sentences).
    #[error("invalid document: {message}")]
    InvalidDocument {
        /// What is wrong.
        message: String,
    },
    /// A method failed on a document, or broke its contract (one finite score per sentence).
    #[error("method {method}: {message}")]
    Method {
        /// The method's name.
        method: String,
        /// What went wrong.
        message: String,
    },
}

impl Error {
    /// An [`Error::InvalidConfig`].
    pub fn config(
        field: impl Into<String>,
        value: impl ToString,
        expected: impl Into<String>,
    ) -> Error {
        Error::InvalidConfig {
            field: field.into(),
            value: value.to_string(),
            expected: expected.into(),
        }
    }

    /// True for errors confined to one record or one document (malformed JSON, invalid UTF-8
    /// in a file, a binary file in a directory, a method failing on the document): a corpus run
    /// may report and skip them. False for I/O and decompression errors, which end the input
    /// and lose whatever follows: those always stop a run.
    pub fn is_bad_record(&self) -> bool {
        !matches!(self, Error::Io { .. } | Error::InvalidConfig { .. })
    }
}
