//! # nutgraf-encoder
//!
//! Sentence embeddings from a pretrained BERT-style encoder on CPU, computed as
//! sentence-transformers computes them for `all-MiniLM-L6-v2`: WordPiece tokens (at most
//! [`EncoderOptions::max_tokens`], `[CLS]` and `[SEP]` included), the transformer's last hidden
//! states averaged over the real tokens (mean pooling), then L2-normalized.
//!
//! Batches are padded only to their longest sentence (not to the tokenizer file's fixed 128),
//! and sentences are batched by length so that little padding is computed; padding does not
//! change a sentence's embedding beyond float rounding, so results are the same whatever the
//! batch. The matrix products split their work by output blocks, so embeddings are the same to
//! the bit at any thread count.
//!
//! ```no_run
//! use nutgraf_encoder::{Encoder, EncoderOptions};
//!
//! let encoder = Encoder::load("minilm/".as_ref(), EncoderOptions::default())?;
//! let vectors = encoder.embed(&["The storm hit the coast.", "Power was cut."])?;
//! assert_eq!(vectors.len(), 2);
//! assert_eq!(vectors[0].len(), encoder.dim());
//! # Ok::<(), nutgraf_encoder::EncoderError>(())
//! ```

#![deny(missing_docs)]

mod encoder;
mod error;

pub use encoder::{Encoder, EncoderOptions};
pub use error::{EncoderError, Result};
