//! The crate's error type.

use std::path::PathBuf;

/// Errors of loading, saving, training and running a SummaRuNNer model.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A file of the model directory does not exist.
    #[error("{}: missing model file", path.display())]
    MissingFile {
        /// The missing file.
        path: PathBuf,
    },
    /// A file exists but cannot be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A model file is truncated or not in the expected format.
    #[error("{what}: corrupt or truncated model file: {message}")]
    Corrupt {
        /// Which file (path, or `embedded model.safetensors`).
        what: String,
        /// What is wrong with it.
        message: String,
    },
    /// `config.json` or `vocab.json` has a format version this build does not read.
    #[error("{what}: unsupported format version {found} (this build reads version {expected})")]
    Version {
        /// Which file.
        what: String,
        /// The version in the file.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// A weight has a shape that does not match the configuration.
    #[error("tensor `{name}`: shape {found:?} does not match the configuration's {expected:?}")]
    Shape {
        /// Tensor name.
        name: String,
        /// Shape the configuration implies.
        expected: Vec<usize>,
        /// Shape in the file.
        found: Vec<usize>,
    },
    /// A weight holds NaN or infinite values.
    #[error("tensor `{tensor}`: {count} values are NaN or infinite")]
    NonFinite {
        /// Tensor name.
        tensor: String,
        /// How many of its values are not finite.
        count: usize,
    },
    /// A weight the configuration needs is absent from the weights file.
    #[error("tensor `{name}` is missing from the weights file")]
    MissingTensor {
        /// Tensor name.
        name: String,
    },
    /// An invalid configuration (model sizes, training options).
    #[error("invalid configuration: {0}")]
    Config(String),
    /// This build has no model compiled in (the model files were absent at build time, or the
    /// `embedded` feature is off): load one with [`crate::SummaRuNNer::load`].
    #[error("no SummaRuNNer model is compiled into this build; load one from a directory")]
    NotShipped,
    /// Training or validation data could not be read.
    #[error("data: {0}")]
    Data(String),
    /// The [`Validator`](crate::train::Validator) of a training run failed (its own error,
    /// kept as the source).
    #[error("validation: {0}")]
    Validation(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A tensor operation failed (an internal error: shapes are checked before).
    #[error("tensor operation failed: {0}")]
    Tensor(#[from] candle_core::Error),
}

/// Result alias of this crate.
pub type Result<T, E = ModelError> = std::result::Result<T, E>;

impl ModelError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> ModelError {
        let path = path.into();
        if source.kind() == std::io::ErrorKind::NotFound {
            ModelError::MissingFile { path }
        } else {
            ModelError::Io { path, source }
        }
    }
}
