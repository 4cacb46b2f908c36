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
//!   [`TextRankConfig::graph_exact_limit`] sentences (see `graph`); pairs without a common
//!   term have weight 0 in the paper too, so below the limit the graph is exact.
//!
//! Explanation: `rank` (the PageRank value, the score), `degree` (sentences it shares a term
//! with) and `similarity` (sum of its edge weights).

use serde::{Deserialize, Serialize};

use super::check;
use super::graph::{explain_graph, pagerank, similarity_graph, GraphLimits};
use super::{Input, Method, Scores};
use crate::analysis::Analyzed;
use crate::error::Result;
use crate::features::Spread;

/// Parameters of [`TextRank`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TextRankConfig {
    /// Probability of following an edge. Default 0.85.
    pub damping: f64,
    /// Convergence tolerance: L1 change of the rank vector. Default 1e-6.
    pub tolerance: f64,
    /// Iteration cap of the power method. Default 100.
    pub max_iterations: usize,
    /// Up to this many sentences every pair sharing a term is compared (exact). Default 2,000.
    pub graph_exact_limit: usize,
    /// Above `graph_exact_limit` sentences, each sentence is compared only with the next
    /// `posting_window` sentences of each of its terms' posting lists. Default 8.
    pub posting_window: usize,
}

impl Default for TextRankConfig {
    fn default() -> TextRankConfig {
        TextRankConfig {
            damping: 0.85,
            tolerance: 1e-6,
            max_iterations: 100,
            graph_exact_limit: 2_000,
            posting_window: 8,
        }
    }
}

impl TextRankConfig {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<()> {
        check::unit_interval("damping", self.damping)?;
        check::positive("tolerance", self.tolerance)?;
        check::at_least_one("max_iterations", self.max_iterations)?;
        check::at_least_one("posting_window", self.posting_window)
    }
}

/// TextRank sentence ranking.
#[derive(Debug, Clone)]
pub struct TextRank {
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
    limits: GraphLimits,
}

impl TextRank {
    /// TextRank with the parameters of `config`, checked.
    pub fn new(config: TextRankConfig) -> Result<TextRank> {
        config.validate()?;
        Ok(TextRank {
            damping: config.damping,
            tolerance: config.tolerance,
            max_iterations: config.max_iterations,
            limits: GraphLimits {
                exact_limit: config.graph_exact_limit,
                posting_window: config.posting_window,
            },
        })
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
    fn name(&self) -> &str {
        "textrank"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let doc: &Analyzed = input.analyzed;
        // Each sentence's distinct terms, one flat array (4 bytes a term: on a 50 MB document
        // these are most of the memory besides the graph).
        let mut sets = Vec::new();
        let mut starts = Vec::with_capacity(doc.len() + 1);
        starts.push(0);
        for s in &doc.sentences {
            let at = sets.len();
            sets.extend_from_slice(s);
            sets[at..].sort_unstable();
            let mut kept = at;
            for k in at..sets.len() {
                if kept == at || sets[kept - 1] != sets[k] {
                    sets[kept] = sets[k];
                    kept += 1;
                }
            }
            sets.truncate(kept);
            starts.push(kept);
        }
        let set = |i: usize| &sets[starts[i]..starts[i + 1]];
        let mut spread = Spread::new(doc.n_terms);
        let graph = similarity_graph(doc, self.limits, |i, j| {
            spread.load_set(i, set(i));
            let shared = spread.overlap_set(set(j));
            similarity(shared, doc.sentences[i].len(), doc.sentences[j].len())
        });
        let values = pagerank(&graph, self.damping, self.tolerance, self.max_iterations);
        let explanations = input.explain.then(|| explain_graph(&graph, &values));
        Ok(Scores {
            values,
            explanations,
        })
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
