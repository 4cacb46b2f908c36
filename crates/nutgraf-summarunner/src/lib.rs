//! # nutgraf-summarunner
//!
//! SummaRuNNer (Nallapati, Zhai & Zhou, "SummaRuNNer: A Recurrent Neural Network based
//! Sequence Model for Extractive Summarization of Documents", AAAI 2017) for nutgraf. The
//! [`model`] docs list every modelling choice.
//!
//! ## Overview
//!
//! * [`SummaRuNNer`]: a trained model, loaded from a directory ([`SummaRuNNer::load`]),
//!   from bytes ([`SummaRuNNer::from_bytes`]) or compiled in ([`SummaRuNNer::embedded`]).
//!   It is a nutgraf [`Method`](nutgraf_core::methods::Method) named [`NAME`]
//!   (`summarunner`): its scores are P(sentence in summary), and its explanations the
//!   terms of each logit. Selecting sentences under a budget is the `nutgraf` crate's
//!   summarizer's, as for every other method. [`SummaRuNNer::score_batch`] and
//!   [`SummaRuNNer::score_all`] score many documents at once.
//! * [`train::train`]: trains a model on a corpus, validating each epoch through a
//!   [`train::Validator`] the caller gives and reporting [`train::TrainEvent`]s; [`Trainer`]
//!   is its optimizer step, for custom loops.
//! * [`ModelConfig`], [`Vocab`]: the model's sizes and its words; [`ModelError`]: what can go
//!   wrong, typed.
//!
//! ```
//! use nutgraf_core::analysis::{Analyzer, Fill};
//! use nutgraf_core::methods::{Input, Method};
//! use nutgraf_core::Document;
//! use nutgraf_summarunner::{ModelConfig, SummaRuNNer, Vocab};
//!
//! let config = ModelConfig { vocab_size: 4, embedding_dim: 8, hidden: 8, position_dim: 4,
//!                            ..ModelConfig::default() };
//! let vocab = Vocab::new(["the".to_string(), "storm".to_string()])?;
//! let model = SummaRuNNer::random(&config, vocab, 7)?;
//! let doc = Document::from_sentences(["The storm hit.", "Power was cut.", "Repairs began."]);
//! let analyzed = Analyzer::default().analyze_with(&doc, Fill::default());
//! let input = Input { document: &doc, analyzed: &analyzed, explain: true };
//! // `Method::score` by its path: the inherent `SummaRuNNer::score` takes a document.
//! let scores = Method::score(&model, &input)?;
//! assert_eq!(scores.values, model.score(&doc)?);
//! assert_eq!(scores.values.len(), 3);
//! assert!(scores.values.iter().all(|p| (0.0..=1.0).contains(p)));
//! // Each probability with the terms of its logit (the paper's eq. 6).
//! let why = &scores.explanations.unwrap()[1];
//! assert_eq!(why.components["probability"], scores.values[1]);
//! let logit: f64 = ["content", "salience", "novelty", "position_absolute",
//!                   "position_relative", "bias"].iter().map(|t| why.components[*t]).sum();
//! assert!((1.0 / (1.0 + (-logit).exp()) - scores.values[1]).abs() < 1e-6);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Format
//!
//! A model is a directory of three files: `config.json` ([`ModelConfig`], with
//! `format_version` = [`FORMAT_VERSION`]), `vocab.json` (`{"format_version", "tokens"}`: ids 2..,
//! after `<pad>` = 0 and `<unk>` = 1) and `model.safetensors` (f32 weights named as
//! [`ModelConfig::parameter_shapes`] lists them; f16 is accepted and widened). Loading checks
//! every name, shape and value: a NaN or infinite weight is [`ModelError::NonFinite`].
//!
//! ## Why candle
//!
//! candle (`candle-core` + `candle-nn`, CPU only, no default features) over burn: a much
//! lighter build (no backend generics, no wgpu/ndarray stack), a fast pure-Rust CPU matrix
//! product (`gemm`) that needs no BLAS or network at build time, reverse-mode autodiff on
//! plain tensors, and native safetensors reading and writing.
//!
//! ## Threads
//!
//! [`SummaRuNNer`] is `Send + Sync`; clones share the weights. Inference is deterministic,
//! bit for bit, whatever the threads: [`SummaRuNNer::score_all`] runs on the caller's rayon
//! pool and its batches do not depend on the pool's size. Training parallelizes each step
//! in two halves whose gradients are summed in a fixed order.

#![deny(missing_docs)]

mod config;
pub mod data;
mod error;
mod load;
mod method;
pub mod model;
mod rng;
mod summarunner;
#[cfg(feature = "io")]
pub mod train;
mod trainer;
#[cfg(feature = "io")]
mod vectors;
mod vocab;

pub use config::{ModelConfig, Variant, FORMAT_VERSION};
pub use error::{ModelError, Result};
pub use load::{CONFIG_FILE, VOCAB_FILE, WEIGHTS_FILE};
pub use method::NAME;
pub use model::batch::Example;
pub use summarunner::SummaRuNNer;
pub use trainer::{OptimizerOptions, Trainer};
#[cfg(feature = "io")]
pub use vectors::WordVectors;
pub use vocab::{Vocab, PAD, UNK};
