//! TextRank (Mihalcea & Tarau 2004, "TextRank: Bringing Order into Texts", §4).
//!
//! Sentences are nodes; the edge between `S_i` and `S_j` has weight
//! `|{w : w ∈ S_i ∧ w ∈ S_j}| / (log |S_i| + log |S_j|)` and the sentences are ranked by
//! weighted PageRank with damping 0.85, stopping at a tolerance or an iteration cap.
//!
//! Deviations and choices:
//! - Words are the analyzer's content terms (stemmed, stopwords removed by default); the
//!   overlap counts distinct shared terms, `|S|` counts term occurrences.
//! - When `log |S_i| + log |S_j|` is 0 (two one-term sentences) the paper's formula divides by
//!   zero; the overlap is then used as is (denominator 1).
//! - The power method works on the normalized form (ranks sum to 1, teleport `(1 - d)/n`),
//!   which orders sentences like the paper's `(1 - d) + d·Σ…`; the convergence test is the L1
//!   change of that vector.
//! - Large documents: only pairs sharing a term are compared, with a posting window above
//!   [`MethodConfig::graph_exact_limit`] sentences (see `graph`); pairs without a common term
//!   have weight 0 in the paper too, so below the limit the graph is exact.

use super::graph::{pagerank, similarity_graph, GraphLimits};
use super::{Method, MethodConfig};
use crate::analysis::Analyzed;
use crate::features::{overlap, tf};

/// TextRank sentence ranking.
#[derive(Debug, Clone)]
pub struct TextRank {
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
    limits: GraphLimits,
}

impl TextRank {
    /// TextRank with the damping, tolerance, iteration cap and graph limits of `config`.
    pub fn new(config: &MethodConfig) -> TextRank {
        TextRank {
            damping: config.damping,
            tolerance: config.tolerance,
            max_iterations: config.max_iterations,
            limits: config.graph_limits(),
        }
    }
}

/// Mihalcea & Tarau's sentence similarity from distinct-term sets and sentence lengths.
fn similarity(shared: usize, len_a: usize, len_b: usize) -> f64 {
    if shared == 0 {
        return 0.0;
    }
    let denom = (len_a as f64).ln() + (len_b as f64).ln();
    if denom > 0.0 {
        shared as f64 / denom
    } else {
        shared as f64
    }
}

impl Method for TextRank {
    fn score(&self, doc: &Analyzed) -> Vec<f64> {
        let sets: Vec<_> = doc.sentences.iter().map(|s| tf(s)).collect();
        let graph = similarity_graph(doc, self.limits, |i, j| {
            let shared = overlap(&sets[i], &sets[j]);
            similarity(shared, doc.sentences[i].len(), doc.sentences[j].len())
        });
        pagerank(&graph, self.damping, self.tolerance, self.max_iterations)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_follows_the_paper() {
        assert_eq!(similarity(0, 5, 5), 0.0);
        assert!((similarity(2, 3, 4) - 2.0 / (3f64.ln() + 4f64.ln())).abs() < 1e-12);
        assert_eq!(similarity(1, 1, 1), 1.0);
    }
}
