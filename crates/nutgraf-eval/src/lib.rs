//! # nutgraf-eval
//!
//! ROUGE that reproduces the numbers of the two reference tools exactly, and the one place
//! where summaries become those numbers (normalize, score, aggregate), so that the CLI, a
//! server and bindings report the same numbers for the same input:
//!
//! * [`perl`]: the official ROUGE-1.5.5 Perl script (the numbers in papers);
//! * [`google`]: Google's `rouge-score` 0.1.2 (the numbers of most Python code).
//!
//! This crate keeps its own reference tokenization, separate from the summarizer's analysis in
//! the `nutgraf` crate, so that improving the summarizer can never move the metric.
//!
//! ## Brief overview
//!
//! * [`EvalConfig`] (serde data) says what to compute: a [`perl::PerlConfig`] (typed presets
//!   such as [`PerlConfig::paper`](perl::PerlConfig::paper), or the script's own flags through
//!   [`from_rouge_args`](perl::PerlConfig::from_rouge_args)), a [`google::GoogleConfig`], or
//!   both, and whether PTB escapes are removed first ([`normalize::unescape_ptb`]).
//! * [`Evaluator`], built from it, scores one document ([`Evaluator::score`] gives a
//!   [`DocEval`]) or many in parallel, and aggregates them ([`Evaluator::corpus`] gives a
//!   [`CorpusEval`]: ROUGE-1.5.5's Average with its bootstrap interval, rouge-score's mean).
//!   Both results serialize to the JSON `nutgraf` prints.
//! * Underneath, [`perl::Rouge155`] and [`google::RougeScorer`] are the two scorers, usable on
//!   their own; [`oracle`] finds the sentence sets that maximize ROUGE (training labels);
//!   [`input`] reads summary files.
//! * Errors are one [`Error`] enum whose variants carry fields (the option, the value, the
//!   document).
//!
//! ```
//! use nutgraf_eval::google::GoogleConfig;
//! use nutgraf_eval::perl::PerlConfig;
//! use nutgraf_eval::EvalConfig;
//!
//! // ROUGE-1.5.5 -c 95 -r 1000 -n 2 -m, and rouge-score with stemming.
//! let config = EvalConfig::both(
//!     PerlConfig::rouge_1_2_l(),
//!     GoogleConfig { stem: true, ..GoogleConfig::default() },
//! );
//! let evaluator = config.build()?;
//! let doc = evaluator.score(&["The cat sat on the mat."], &[["A cat sat on a mat."]])?;
//!
//! // Tokens: the cat sat on the mat / a cat sat on a mat. 4 of the 6 reference unigrams
//! // (cat, sat, on, mat) are matched: ROUGE-1 recall 4/6, which ROUGE-1.5.5 prints rounded to
//! // 5 decimals and rouge-score does not round.
//! assert_eq!(doc.get("ROUGE-1").unwrap().recall, 0.66667);
//! assert_eq!(doc.get("rouge1").unwrap().recall, 4.0 / 6.0);
//! // 2 of the 5 reference bigrams (cat sat, sat on).
//! assert_eq!(doc.get("ROUGE-2").unwrap().recall, 0.4);
//!
//! // A one-document corpus: every bootstrap resample is that document.
//! let corpus = evaluator.corpus(&[doc])?;
//! assert_eq!(corpus.f_percent("ROUGE-1"), Some(66.667));
//! let r1 = corpus.perl().unwrap().get("ROUGE-1").unwrap();
//! assert_eq!((r1.f.lower, r1.f.upper), (0.66667, 0.66667));
//! # Ok::<(), nutgraf_eval::Error>(())
//! ```
#![deny(missing_docs)]

mod error;
mod evaluator;
pub mod google;
pub mod input;
mod json;
pub mod normalize;
pub mod oracle;
pub mod perl;

use serde::{Deserialize, Serialize};

pub use error::{Error, Result};
pub use evaluator::{CorpusEval, DocEval, EvalConfig, Evaluator, RougeF};

/// Recall, precision and F-measure of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Score {
    /// Recall.
    pub recall: f64,
    /// Precision.
    pub precision: f64,
    /// F-measure.
    pub f: f64,
}
