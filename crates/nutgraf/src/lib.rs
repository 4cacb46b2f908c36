//! # nutgraf
//!
//! Extractive summarization of news: pick the few sentences that say what each story is
//! about, and score summaries with ROUGE that reproduces the official ROUGE-1.5.5 script and
//! Google's `rouge-score` exactly.
//!
//! This crate is the engine that every consumer (the `nutgraf` CLI, the HTTP service, the
//! Python bindings) calls:
//!
//! * [`Summarizer`] runs every method — Lead-k, the classic unsupervised methods, the learned
//!   SummaRuNNer, the extractive oracle, or a [`methods::Method`] of your own — from one serde
//!   configuration ([`SummarizerConfig`]; the JSON of the CLI's `--config`), and checks that
//!   each method gives one finite score per sentence;
//! * [`SummaryRecord`] is the result as data: per sentence its byte and character spans,
//!   score, selection and (on request) an explanation of the score;
//! * [`corpus::Runner`] maps a stream of documents in parallel, in input order, in bounded
//!   memory, with an error policy and cancellation;
//! * [`evaluate`] is "summarize → normalize → score" in one place, for `nutgraf eval` and for
//!   model selection in [`train`]ing.
//!
//! Text to summary in three lines:
//!
//! ```
//! use nutgraf::{Document, ReadOptions, Summarizer};
//!
//! let text = "The storm hit the coast on Monday. Thousands were left without power. \
//!             Officials said repairs would take a week.";
//! let doc = Document::from_text(text, &ReadOptions::default())?;
//! let summarizer = Summarizer::from_json(r#"{"method": "lead", "budget": {"kind": "sentences", "count": 2}}"#)?;
//! let summary = summarizer.summarize(&doc)?;
//! assert_eq!(
//!     summary.texts(&doc),
//!     ["The storm hit the coast on Monday.", "Thousands were left without power."]
//! );
//! # Ok::<(), nutgraf::Error>(())
//! ```
//!
//! The building blocks live in `nutgraf-core` (re-exported here: [`read`], [`segment`],
//! [`analysis`], [`methods`], [`select`]), ROUGE and the oracle search in `nutgraf-eval`
//! ([`rouge`]), SummaRuNNer in `nutgraf-summarunner`. Cargo features: `io` (files,
//! directories, stdin, gzip and zstd; on by default) and `embedded-model` (the trained
//! SummaRuNNer compiled in; on by default).

#![deny(missing_docs)]

pub mod config;
pub mod corpus;
mod error;
pub mod evaluate;
pub mod oracle;
mod record;
mod summarizer;
mod summarunner;
#[cfg(feature = "io")]
pub mod train;

pub use config::{MethodConfig, SummarizerConfig};
pub use error::{Error, Result};
pub use nutgraf_core::read::ReadOptions;
pub use nutgraf_core::Error as CoreError;
pub use nutgraf_core::{analysis, features, methods, read, segment, select};
pub use nutgraf_core::{Budget, Document, Language, LanguageChoice, Sentence};
pub use nutgraf_eval as rouge;
pub use nutgraf_summarunner as summarunner_model;
pub use nutgraf_summarunner::ModelError;
pub use record::{SentenceRecord, SummaryLine, SummaryRecord};
pub use summarizer::{Summarizer, SummarizerBuilder, Summary};
pub use summarunner::SummarunnerConfig;

/// The README's Rust examples, run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
