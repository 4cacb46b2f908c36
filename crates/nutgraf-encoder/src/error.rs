//! The encoder's errors: each names the file or the input it is about.

use std::path::PathBuf;

/// What can go wrong loading or running an encoder.
#[derive(Debug, thiserror::Error)]
pub enum EncoderError {
    /// A model file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A model file is there but its content is not what the encoder needs.
    #[error("{what}: {message}")]
    Invalid {
        /// The file (or part of the model) at fault.
        what: String,
        /// What is wrong with it.
        message: String,
    },
    /// The tokenizer failed on an input.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// A tensor operation failed (a shape the model did not expect).
    #[error("encoder: {0}")]
    Tensor(#[from] candle_core::Error),
}

/// `Result` with [`EncoderError`].
pub type Result<T, E = EncoderError> = std::result::Result<T, E>;
