//! # nutgraf-eval
//!
//! ROUGE that reproduces the numbers of the two reference tools exactly:
//!
//! * [`perl`]: the official ROUGE-1.5.5 Perl script (the numbers in papers);
//! * [`google`]: Google's `rouge-score` 0.1.2 (the numbers of most Python code).
//!
//! This crate keeps its own reference tokenization, separate from the summarizer's analysis in
//! the `nutgraf` crate, so that improving the summarizer can never move the metric.

mod evaluator;
pub mod google;
pub mod input;
mod json;
pub mod normalize;
pub mod oracle;
pub mod perl;

use serde::{Deserialize, Serialize};

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

mod error;
pub use error::{Error, Result};
pub use evaluator::{CorpusEval, DocEval, EvalConfig, Evaluator, RougeF};
