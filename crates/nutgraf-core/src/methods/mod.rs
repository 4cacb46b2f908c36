//! Sentence scoring methods: Lead-k and the classic unsupervised summarizers, and the
//! [`Method`] trait that every method implements (including the learned ones and the oracle,
//! in their own crates, and a user's own).
//!
//! Each method lives in its own module whose docs cite the paper and name every deviation.
//! All of them work on an [`Analyzed`] document (content terms: stemmed, stopwords removed by
//! default), are deterministic (no hash-map iteration order reaches an output; ties go to the
//! earlier sentence) and give one finite score per sentence. Iterative solvers stop at a
//! tolerance *and* an iteration cap. Nothing is quadratic in the number of sentences without
//! bound: see [`TextRankConfig::graph_exact_limit`] and [`LsaConfig::dense_limit`].
//!
//! Every method has a configuration struct (`TextRankConfig`, ...) that is serde data with
//! its defaults, `deny_unknown_fields`, and a `validate` that names the bad field.

mod centroid;
mod check;
mod explain;
mod graph;
mod klsum;
mod lead;
mod lexrank;
mod linalg;
mod lsa;
mod luhn;
mod pacsum;
mod sumbasic;
mod textrank;

use std::fmt;

use crate::analysis::Analyzed;
use crate::document::Document;
use crate::error::Result;
use crate::select::Selector;

pub use centroid::{Centroid, CentroidConfig};
pub use explain::{Explanation, TermWeight};
pub use klsum::{KlSum, KlSumConfig};
pub use lead::{Lead, LeadConfig};
pub use lexrank::{LexRank, LexRankConfig};
pub use lsa::{Lsa, LsaConfig, LsaWeighting};
pub use luhn::{Luhn, LuhnConfig};
pub use pacsum::{PacSum, PacSumConfig};
pub use sumbasic::{SumBasic, SumBasicConfig};
pub use textrank::{TextRank, TextRankConfig};

/// What a method sees of one document.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The document: text, sentences, and its reference when it has one.
    pub document: &'a Document,
    /// Its sentences as terms (see [`crate::analysis`]); `analyzed.len() == document.len()`.
    pub analyzed: &'a Analyzed,
    /// Whether the caller wants an [`Explanation`] of each score.
    pub explain: bool,
}

/// A method's scores of one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    /// One finite score per sentence (higher is more summary-worthy).
    pub values: Vec<f64>,
    /// One explanation per sentence, when asked for and the method gives them.
    pub explanations: Option<Vec<Explanation>>,
}

impl Scores {
    /// Scores without explanations.
    pub fn new(values: Vec<f64>) -> Scores {
        Scores {
            values,
            explanations: None,
        }
    }
}

/// A sentence scoring method.
///
/// The contract: [`Method::score`] gives one finite value per sentence of the document (the
/// summarizer checks it and reports a method that breaks it, rather than hiding the fault).
/// A method may fail on a document (a model error, a missing reference): it returns the error.
pub trait Method: Send + Sync + fmt::Debug {
    /// The method's name, as in configurations (`textrank`).
    fn name(&self) -> &str;

    /// Scores every sentence of the document.
    fn score(&self, input: &Input<'_>) -> Result<Scores>;

    /// Picks sentences into `selector`. The default takes sentences by descending score;
    /// methods that pick iteratively (SumBasic, KL-Sum) override it.
    fn select(&self, input: &Input<'_>, scores: &[f64], selector: &mut Selector<'_>) -> Result<()> {
        let _ = input;
        selector.fill_by_scores(scores);
        Ok(())
    }
}

/// The names of the methods of this crate, in the order tools list them.
pub const NAMES: &[&str] = &[
    "lead", "textrank", "lexrank", "lsa", "luhn", "sumbasic", "klsum", "centroid", "pacsum",
];
