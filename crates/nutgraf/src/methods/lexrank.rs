//! LexRank (Erkan & Radev 2004, "LexRank: Graph-based Lexical Centrality as Salience in Text
//! Summarization", JAIR 22).
//!
//! Sentences are tf-idf vectors compared by the idf-modified cosine
//! `Σ_w tf_x(w)·tf_y(w)·idf(w)² / (‖x‖·‖y‖)` (norms of the tf-idf vectors). Two variants:
//! - **continuous LexRank** (default, the paper's §3.3): edges weighted by the cosine, each row
//!   normalized, stationary distribution by the power method with damping;
//! - **LexRank with threshold** ([`MethodConfig::threshold`] = `Some(t)`, §3.2): a 0/1 graph with
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
//!   [`MethodConfig::graph_exact_limit`] sentences the posting window applies (see `graph`).

use super::graph::{pagerank, similarity_graph, GraphLimits};
use super::{Method, MethodConfig};
use crate::analysis::Analyzed;
use crate::features::{dot, sentence_idf, unit_tfidf};

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
    /// LexRank with the parameters of `config` (its `threshold` picks the variant).
    pub fn new(config: &MethodConfig) -> LexRank {
        LexRank {
            damping: config.damping,
            tolerance: config.tolerance,
            max_iterations: config.max_iterations,
            threshold: config.threshold,
            limits: config.graph_limits(),
        }
    }
}

impl Method for LexRank {
    fn score(&self, doc: &Analyzed) -> Vec<f64> {
        let idf = sentence_idf(doc);
        let vectors = unit_tfidf(doc, &idf);
        let weight = |cos: f64| match self.threshold {
            Some(t) if cos > t => 1.0,
            Some(_) => 0.0,
            None => cos,
        };
        let mut graph = similarity_graph(doc, self.limits, |i, j| {
            weight(dot(&vectors[i], &vectors[j]))
        });
        for (i, v) in vectors.iter().enumerate() {
            let w = weight(dot(v, v));
            if w > 0.0 {
                // Keep the list sorted by neighbour id.
                let at = graph.adj[i].partition_point(|&(j, _)| (j as usize) < i);
                graph.adj[i].insert(at, (i as u32, w));
            }
        }
        pagerank(&graph, self.damping, self.tolerance, self.max_iterations)
    }
}
