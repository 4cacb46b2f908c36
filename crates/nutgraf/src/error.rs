//! Typed errors of the core library.

use std::path::PathBuf;

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while reading or summarizing.
///
/// Errors about user data carry where the problem is (file, line, byte offset, field) so that
/// the CLI can print them as they are.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An I/O error while reading `path`.
    #[error("{path}: {source}")]
    Io {
        /// The file being read (`-` for stdin).
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is not valid UTF-8.
    #[error(
        "{path}: invalid UTF-8 at byte offset {offset} (use --lossy to replace invalid bytes)"
    )]
    InvalidUtf8 {
        /// The file being read.
        path: PathBuf,
        /// Byte offset of the first invalid byte in the (decompressed) input.
        offset: usize,
    },
    /// The input looks like a binary file.
    #[error("{path}: looks like a binary file ({reason}); nutgraf reads text")]
    Binary {
        /// The file being read.
        path: PathBuf,
        /// Why it is considered binary.
        reason: String,
    },
    /// A record of a corpus is malformed.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The file being read.
        path: PathBuf,
        /// 1-based line number of the record.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// An unknown input format was named.
    #[error("unknown input format {0:?}; expected one of: lines, text, story, jsonl, summarunner")]
    UnknownFormat(String),
    /// A configuration value is invalid.
    #[error("invalid configuration: {0}")]
    Config(String),
}
