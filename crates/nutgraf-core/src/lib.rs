//! # nutgraf-core
//!
//! The building blocks of nutgraf's extractive summarization of news. Most users want the
//! `nutgraf` crate, whose `Summarizer` runs every method (these, the learned models and the
//! oracle) from one serde configuration; this crate is what it is made of:
//!
//! * **read** a [`Document`] from any form news comes in (one sentence per line, raw or
//!   tokenized text, `.story`, JSONL, SummaRuNNer records: [`read`]; files, directories and
//!   `.gz`/`.zst` behind the default cargo feature `io`);
//! * **split** raw text into sentences with byte spans ([`segment::SentenceSplitter`]);
//! * **analyze** sentences into normalized terms ([`analysis::Analyzer`]);
//! * **score** sentences with a [`methods::Method`] (Lead-k and the classic unsupervised
//!   methods, each with a serde configuration);
//! * **select** them under a [`Budget`] with optional redundancy control
//!   ([`select::Selector`], [`select::Redundancy`]).
//!
//! ```
//! use nutgraf_core::analysis::Analyzer;
//! use nutgraf_core::methods::{Input, Method, TextRank, TextRankConfig};
//! use nutgraf_core::select::{Redundancy, Selector};
//! use nutgraf_core::{Budget, Document};
//!
//! // Sentence 2 shares a term with every other sentence: TextRank ranks it first.
//! let doc = Document::from_sentences([
//!     "rescue boats",
//!     "storm flood",
//!     "storm coast power",
//!     "coast damage",
//!     "power outage",
//! ]);
//! let analyzed = Analyzer::default().analyze(&doc);
//! let input = Input { document: &doc, analyzed: &analyzed, explain: false };
//! let method = TextRank::new(TextRankConfig::default())?;
//! let scores = method.score(&input)?;
//! assert_eq!(scores.values.len(), doc.len());
//! let mut selector = Selector::new(&analyzed, Budget::Sentences(1), Redundancy::None);
//! method.select(&input, &scores.values, &mut selector)?;
//! assert_eq!(selector.into_sorted(), vec![2]);
//! # Ok::<(), nutgraf_core::Error>(())
//! ```
//!
//! Configuration structs (`TextRankConfig`, [`Budget`], [`read::ReadOptions`]...) are serde
//! data with `deny_unknown_fields`; every enum of them is internally tagged by `"kind"`
//! (`{"kind": "words", "count": 100}`).

#![deny(missing_docs)]

pub mod analysis;
mod budget;
mod document;
mod error;
pub mod features;
pub mod language;
pub mod methods;
pub mod read;
pub mod segment;
pub mod select;

pub use budget::Budget;
pub use document::{Document, Sentence};
pub use error::{Error, Result};
pub use language::{Language, LanguageChoice};
