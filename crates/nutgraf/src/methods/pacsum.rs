//! PacSum (Zheng & Lapata 2019, "Sentence Centrality Revisited for Unsupervised
//! Summarization", ACL), the tf-idf variant.
//!
//! Edge weights `e_ij` are similarities of sentence tf-idf vectors. They are shifted by a
//! document-specific threshold `min + β·(max − min)` (min and max over all pairs `i ≠ j`) and
//! negative results are dropped. The centrality of sentence `i` is directed:
//! `λ1 · Σ_{j<i} e_ij + λ2 · Σ_{j>i} e_ij`, so with `λ1 < 0` a sentence similar to what
//! *precedes* it is penalized and one that *announces* what follows is rewarded.
//!
//! Parameters ([`MethodConfig`]): `pacsum_beta` = β (default 0.6), `pacsum_lambda1` = λ1
//! (edges to preceding sentences, default −2), `pacsum_lambda2` = λ2 (edges to following
//! sentences, default 1). The paper tunes these on validation data; these defaults are the
//! values the brief gives from the paper for CNN/DailyMail.
//!
//! Deviations and choices:
//! - Similarity is the cosine of tf-idf vectors with the single-document idf
//!   `1 + ln(N / df)` (sentences as documents). The authors' code uses an unnormalized
//!   idf-modified dot product with a BM25-style idf instead; the paper text says tf-idf cosine.
//! - Large documents: only pairs sharing a term are scored (their cosine is 0 otherwise); when
//!   some pair does not share a term the minimum is 0. Above
//!   [`MethodConfig::graph_exact_limit`] sentences the posting window applies (see `graph`),
//!   which may miss pairs and so underestimate sums of distant sentences.

use super::graph::{similarity_graph, GraphLimits};
use super::{Method, MethodConfig};
use crate::analysis::Analyzed;
use crate::features::{dot, sentence_idf, unit_tfidf};

/// PacSum (tf-idf) sentence centrality.
#[derive(Debug, Clone)]
pub struct PacSum {
    beta: f64,
    lambda1: f64,
    lambda2: f64,
    limits: GraphLimits,
}

impl PacSum {
    /// PacSum with β, λ1, λ2 and the graph limits of `config`.
    pub fn new(config: &MethodConfig) -> PacSum {
        PacSum {
            beta: config.pacsum_beta,
            lambda1: config.pacsum_lambda1,
            lambda2: config.pacsum_lambda2,
            limits: config.graph_limits(),
        }
    }
}

impl Method for PacSum {
    fn score(&self, doc: &Analyzed) -> Vec<f64> {
        let n = doc.len();
        let idf = sentence_idf(doc);
        let vectors = unit_tfidf(doc, &idf);
        let graph = similarity_graph(doc, self.limits, |i, j| dot(&vectors[i], &vectors[j]));
        let all_pairs = n * n.saturating_sub(1) / 2;
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for (i, adj) in graph.adj.iter().enumerate() {
            for &(j, w) in adj {
                if j as usize > i {
                    lo = lo.min(w);
                    hi = hi.max(w);
                }
            }
        }
        if graph.n_edges() < all_pairs {
            // Some pair shares no term: its similarity is 0 and it counts for min/max.
            lo = lo.min(0.0);
            hi = hi.max(0.0);
        }
        if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) {
            // No pair, or all similarities equal: no sentence is more central than another.
            return vec![0.0; n];
        }
        let cut = lo + self.beta * (hi - lo);
        (0..n)
            .map(|i| {
                let (mut before, mut after) = (0.0, 0.0);
                for &(j, w) in &graph.adj[i] {
                    let e = w - cut;
                    if e <= 0.0 {
                        continue;
                    }
                    if (j as usize) < i {
                        before += e;
                    } else {
                        after += e;
                    }
                }
                self.lambda1 * before + self.lambda2 * after
            })
            .collect()
    }
}
