//! # nutgraf
//!
//! Extractive summarization of news: find the few sentences that say what a story is about.
//!
//! The pipeline is: **read** a [`Document`] (one sentence per line, raw or tokenized text,
//! `.story`, JSONL, SummaRuNNer records: see [`read`]), **split** raw text into sentences
//! ([`segment::SentenceSplitter`]), **analyze** sentences into normalized terms
//! ([`analysis::Analyzer`]), **score** sentences with a [`methods::Method`], and **select** them
//! under a [`Budget`] with optional redundancy control ([`select::Redundancy`]).
//!
//! ```
//! use nutgraf::{Budget, Document, MethodKind, Summarizer};
//!
//! let doc = Document::from_sentences([
//!     "the storm hit the coast on monday .",
//!     "thousands were left without power .",
//!     "officials said repairs would take a week .",
//! ]);
//! let summarizer = Summarizer::builder()
//!     .method(MethodKind::Lead)
//!     .budget(Budget::Sentences(2))
//!     .build()
//!     .unwrap();
//! let summary = summarizer.summarize(&doc);
//! assert_eq!(summary.selected, vec![0, 1]);
//! ```

pub mod analysis;
mod budget;
mod document;
mod error;
pub mod features;
pub mod methods;
pub mod read;
pub mod segment;
pub mod select;
mod summarizer;

pub use budget::Budget;
pub use document::{Document, Sentence};
pub use error::{Error, Result};
pub use methods::{MethodConfig, MethodKind};
pub use summarizer::{Summarizer, SummarizerBuilder, SummarizerConfig, Summary};
