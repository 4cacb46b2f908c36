//! LexRank (Erkan & Radev 2004, "LexRank: Graph-based Lexical Centrality as Salience in Text
//! Summarization", JAIR 22).
//!
//! Sentences are tf-idf vectors compared by the idf-modified cosine
//! `Σ_w tf_x(w)·tf_y(w)·idf(w)² / (‖x‖·‖y‖)` (norms of the tf-idf vectors). Two variants:
//! - **continuous LexRank** (default, the paper's §3.3): edges weighted by the cosine, each row
//!   normalized, stationary distribution by the power method with damping;
//! - **LexRank with threshold** ([`LexRankConfig::threshold`] = `Some(t)`, §3.2): a 0/1 graph with
//!   an edge where the cosine exceeds `t` (the paper's 0.1), ranked by the same power method
//!   (not raw degree centrality).
//!
//! Deviations and choices:
//! - idf comes from the document itself, each sentence counting as a document:
//!   `idf(w) = 1 + ln(N / df(w))` (the paper uses a background corpus; the `1 +` keeps a term
//!   in every sentence from vanishing).
//! - Like the paper's matrix, every sentence has a self-loop (its cosine with itself, 1 for a
//!   non-empty sentence), so no row is empty.
//! - `damping` is the probability of following an edge (0.85); the paper's `d` is `1 - damping`.
//! - Large documents: pairs without a common term have cosine 0 and are skipped; above
//!   [`LexRankConfig::graph_exact_limit`] sentences the posting window applies (see `graph`).
//!
//! Explanation: `rank` (the stationary probability, the score), `degree` (other sentences it
//! has an edge to) and `similarity` (sum of its edge weights to them).

use serde::{Deserialize, Serialize};

use super::check;
use super::graph::{explain_graph, pagerank, similarity_graph, GraphLimits};
use super::{Input, Method, Scores};
use crate::error::{Error, Result};
use crate::features::{dot, sentence_idf, unit_tfidf, Spread};

/// Parameters of [`LexRank`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LexRankConfig {
    /// Probability of following an edge. Default 0.85. (Erkan & Radev call `1 - damping`
    /// their "damping factor" `d`.)
    pub damping: f64,
    /// Convergence tolerance: L1 change of the rank vector. Default 1e-6.
    pub tolerance: f64,
    /// Iteration cap of the power method. Default 100.
    pub max_iterations: usize,
    /// `None` (default) for continuous LexRank (cosine-weighted edges); `Some(t)` for
    /// thresholded LexRank: a 0/1 graph with an edge where cosine > `t` (the paper uses 0.1).
    pub threshold: Option<f64>,
    /// Up to this many sentences every pair sharing a term is compared (exact). Default 2,000.
    pub graph_exact_limit: usize,
    /// Above `graph_exact_limit` sentences, each sentence is compared only with the next
    /// `posting_window` sentences of each of its terms' posting lists. Default 8.
    pub posting_window: usize,
}

impl Default for LexRankConfig {
    fn default() -> LexRankConfig {
        LexRankConfig {
            damping: 0.85,
            tolerance: 1e-6,
            max_iterations: 100,
            threshold: None,
            graph_exact_limit: 2_000,
            posting_window: 8,
        }
    }
}

impl LexRankConfig {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<()> {
        check::unit_interval("damping", self.damping)?;
        check::positive("tolerance", self.tolerance)?;
        check::at_least_one("max_iterations", self.max_iterations)?;
        check::at_least_one("posting_window", self.posting_window)?;
        match self.threshold {
            Some(t) if !(0.0..1.0).contains(&t) => {
                Err(Error::config("threshold", t, "a number in [0, 1)"))
            }
            _ => Ok(()),
        }
    }
}

/// LexRank sentence ranking (continuous or thresholded).
#[derive(Debug, Clone)]
pub struct LexRank {
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
    threshold: Option<f64>,
    limits: GraphLimits,
}

impl LexRank {
    /// LexRank with the parameters of `config`, checked (its `threshold` picks the variant).
    pub fn new(config: LexRankConfig) -> Result<LexRank> {
        config.validate()?;
        Ok(LexRank {
            damping: config.damping,
            tolerance: config.tolerance,
            max_iterations: config.max_iterations,
            threshold: config.threshold,
            limits: GraphLimits {
                exact_limit: config.graph_exact_limit,
                posting_window: config.posting_window,
            },
        })
    }
}

impl Method for LexRank {
    fn name(&self) -> &str {
        "lexrank"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let doc = input.analyzed;
        let idf = sentence_idf(doc);
        let vectors = unit_tfidf(doc, &idf);
        let weight = |cos: f64| match self.threshold {
            Some(t) if cos > t => 1.0,
            Some(_) => 0.0,
            None => cos,
        };
        let mut spread = Spread::new(doc.n_terms);
        let mut graph = similarity_graph(doc, self.limits, |i, j| {
            spread.load(i, &vectors[i]);
            weight(spread.dot(&vectors[j]))
        });
        for (i, v) in vectors.iter().enumerate() {
            let w = weight(dot(v, v));
            if w > 0.0 {
                graph.set_self_loop(i, w);
            }
        }
        let values = pagerank(&graph, self.damping, self.tolerance, self.max_iterations);
        let explanations = input.explain.then(|| explain_graph(&graph, &values));
        Ok(Scores {
            values,
            explanations,
        })
    }
}
