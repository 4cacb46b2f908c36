//! # nutgraf-summarunner
//!
//! SummaRuNNer (Nallapati, Zhai & Zhou, "SummaRuNNer: A Recurrent Neural Network based
//! Sequence Model for Extractive Summarization of Documents", AAAI 2017) for nutgraf: the
//! model ([`model`](crate::model) docs list every modelling choice), its training
//! ([`train::train`]), the on-disk format and loading ([`SummaRuNNer::load`],
//! [`SummaRuNNer::embedded`]) and inference: [`SummaRuNNer`] is a nutgraf
//! [`Method`](nutgraf_core::methods::Method) whose scores are the probabilities
//! P(sentence in summary). Selection under a budget is the `nutgraf` crate's summarizer's,
//! as for every other method.
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
//! [`ModelConfig::parameter_shapes`] lists them; f16 is accepted and widened).
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
//! [`SummaRuNNer`] is `Send + Sync`; clones share the weights. Inference is deterministic.

mod config;
pub mod data;
mod error;
mod load;
mod method;
pub mod model;
mod rng;
mod summarunner;
pub mod train;
mod trainer;
mod vocab;

pub use config::{ModelConfig, Variant, FORMAT_VERSION};
pub use error::{ModelError, Result};
pub use method::NAME;
pub use model::batch::Example;
pub use load::{CONFIG_FILE, VOCAB_FILE, WEIGHTS_FILE};
pub use summarunner::SummaRuNNer;
pub use trainer::{OptimizerOptions, Trainer};
pub use vocab::{Vocab, PAD, UNK};
