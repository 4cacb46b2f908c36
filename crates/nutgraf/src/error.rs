//! The engine's error type: the errors of the crates below it, and where in a corpus they
//! happened.

use nutgraf_summarunner::ModelError;

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the engine can report. Each variant keeps its source's fields, so consumers
/// map them to their own form (exit code and message, HTTP status and JSON body, a Python
/// exception) without parsing messages.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading, splitting, a method or a configuration of the core.
    #[error(transparent)]
    Core(#[from] nutgraf_core::Error),
    /// ROUGE or the oracle.
    #[error(transparent)]
    Eval(#[from] nutgraf_eval::Error),
    /// Loading or running a learned model.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A model could not be loaded.
    #[error("cannot load the model {}: {source}", match .path { Some(p) => format!("in {}", p.display()), None => "compiled into this build".to_string() })]
    ModelLoad {
        /// Its directory; `None` for the compiled-in model.
        path: Option<std::path::PathBuf>,
        /// Why not.
        source: ModelError,
    },
    /// A configuration that does not parse (JSON syntax, an unknown method or field).
    #[error("invalid configuration: {message}")]
    Config {
        /// What serde said, naming the field.
        message: String,
    },
    /// A document lacks what the work needs (a reference summary to score or label against).
    #[error("{what}")]
    Missing {
        /// What is missing, e.g. "no reference summary to score against".
        what: String,
    },
    /// An error about one document of a corpus: its 0-based position in the input and its id.
    #[error("{}{source}", document_prefix(*.index, .id.as_deref()))]
    Document {
        /// 0-based position of the document in the input.
        index: usize,
        /// Its id, when it has one.
        id: Option<String>,
        /// What went wrong.
        source: Box<Error>,
    },
    /// An error about one record of a corpus file, with its location and id.
    #[error("{}:{line}{}: {source}", path.display(), id.as_ref().map_or(String::new(), |id| format!(" (id {id})")))]
    Record {
        /// The file (`-` for stdin).
        path: std::path::PathBuf,
        /// 1-based line of the record (1 for single-document files).
        line: usize,
        /// The record's id, when it has one.
        id: Option<String>,
        /// What went wrong.
        source: Box<Error>,
    },
    /// Code of the engine or of a caller's source, work or method panicked; reported as an
    /// error so that what was finished before it can still be written.
    #[error("internal error: {what} panicked: {message}")]
    Panicked {
        /// What panicked (`the source`, `the work`).
        what: String,
        /// The panic's message.
        message: String,
    },
    /// The worker threads could not be started.
    #[error("cannot start {threads} worker threads: {message}")]
    Threads {
        /// How many were asked for.
        threads: usize,
        /// Why not.
        message: String,
    },
}

fn document_prefix(index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("document {} (id {id}): ", index + 1),
        None => format!("document {}: ", index + 1),
    }
}

impl Error {
    /// Wraps `self` with the position and id of the document it is about. An error that
    /// already says where it is (a corpus record's file and line) is left as it is.
    pub fn in_document(self, index: usize, id: Option<&str>) -> Error {
        match self {
            e @ (Error::Document { .. }
            | Error::Record { .. }
            | Error::Core(nutgraf_core::Error::Record { .. })) => e,
            e => Error::Document {
                index,
                id: id.map(str::to_string),
                source: Box::new(e),
            },
        }
    }

    /// True for errors confined to one record or document, which a corpus run may skip
    /// (see [`nutgraf_core::Error::is_bad_record`]); false for I/O errors, which end the input,
    /// and for configuration errors, which would fail every document.
    pub fn is_bad_record(&self) -> bool {
        match self {
            Error::Core(e) => e.is_bad_record(),
            Error::Document { source, .. } | Error::Record { source, .. } => source.is_bad_record(),
            Error::Missing { .. } | Error::Model(_) | Error::Eval(_) => true,
            Error::Config { .. }
            | Error::Threads { .. }
            | Error::ModelLoad { .. }
            | Error::Panicked { .. } => false,
        }
    }

    /// The innermost error: the one under [`Error::Document`] wrappers.
    pub fn root(&self) -> &Error {
        match self {
            Error::Document { source, .. } | Error::Record { source, .. } => source.root(),
            e => e,
        }
    }
}
