//! PacSum (Zheng & Lapata 2019, "Sentence Centrality Revisited for Unsupervised
//! Summarization", ACL), the tf-idf variant.
//!
//! Edge weights `e_ij` are similarities of sentence tf-idf vectors. They are shifted by a
//! document-specific threshold `min + β·(max − min)` (min and max over all pairs `i ≠ j`) and
//! negative results are dropped. The centrality of sentence `i` is directed:
//! `λ1 · Σ_{j<i} e_ij + λ2 · Σ_{j>i} e_ij`, so with `λ1 < 0` a sentence similar to what
//! *precedes* it is penalized and one that *announces* what follows is rewarded.
//!
//! Parameters ([`PacSumConfig`]): `beta` = β (default 0.6), `lambda1` = λ1 (edges to
//! preceding sentences, default −2), `lambda2` = λ2 (edges to following sentences, default 1). The paper tunes these on validation data; these defaults are the
//! values the brief gives from the paper for CNN/DailyMail.
//!
//! Deviations and choices:
//! - Similarity is the cosine of tf-idf vectors with the single-document idf
//!   `1 + ln(N / df)` (sentences as documents). The authors' code uses an unnormalized
//!   idf-modified dot product with a BM25-style idf instead; the paper text says tf-idf cosine.
//! - Large documents: only pairs sharing a term are scored (their cosine is 0 otherwise); when
//!   some pair does not share a term the minimum is 0. Above
//!   [`PacSumConfig::graph_exact_limit`] sentences the posting window applies (see `graph`),
//!   which may miss pairs and so underestimate sums of distant sentences.

//!
//! Explanation: `before` and `after` (the thresholded similarity sums to preceding and to
//! following sentences; the score is `λ1 · before + λ2 · after`).

use serde::{Deserialize, Serialize};

use super::graph::{similarity_graph, GraphLimits};
use super::{check, Explanation, Input, Method, Scores};
use crate::error::Result;
use crate::features::{sentence_idf, unit_tfidf, Spread};

/// Parameters of [`PacSum`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PacSumConfig {
    /// Edges below `min + beta · (max - min)` of the document's similarities are dropped.
    /// Default 0.6.
    pub beta: f64,
    /// Weight of the edges to preceding sentences. Default -2.
    pub lambda1: f64,
    /// Weight of the edges to following sentences. Default 1.
    pub lambda2: f64,
    /// Up to this many sentences every pair sharing a term is compared (exact). Default 2,000.
    pub graph_exact_limit: usize,
    /// Above `graph_exact_limit` sentences, each sentence is compared only with the next
    /// `posting_window` sentences of each of its terms' posting lists. Default 8.
    pub posting_window: usize,
}

impl Default for PacSumConfig {
    fn default() -> PacSumConfig {
        PacSumConfig {
            beta: 0.6,
            lambda1: -2.0,
            lambda2: 1.0,
            graph_exact_limit: 2_000,
            posting_window: 8,
        }
    }
}

impl PacSumConfig {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<()> {
        check::unit_interval("beta", self.beta)?;
        check::finite("lambda1", self.lambda1)?;
        check::finite("lambda2", self.lambda2)?;
        check::at_least_one("posting_window", self.posting_window)
    }
}

/// PacSum (tf-idf) sentence centrality.
#[derive(Debug, Clone)]
pub struct PacSum {
    beta: f64,
    lambda1: f64,
    lambda2: f64,
    limits: GraphLimits,
}

impl PacSum {
    /// PacSum with β, λ1, λ2 and the graph limits of `config`, checked.
    pub fn new(config: PacSumConfig) -> Result<PacSum> {
        config.validate()?;
        Ok(PacSum {
            beta: config.beta,
            lambda1: config.lambda1,
            lambda2: config.lambda2,
            limits: GraphLimits {
                exact_limit: config.graph_exact_limit,
                posting_window: config.posting_window,
            },
        })
    }
}

impl Method for PacSum {
    fn name(&self) -> &str {
        "pacsum"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let doc = input.analyzed;
        let n = doc.len();
        let idf = sentence_idf(doc);
        let vectors = unit_tfidf(doc, &idf);
        let mut spread = Spread::new(doc.n_terms);
        let graph = similarity_graph(doc, self.limits, |i, j| {
            spread.load(i, &vectors[i]);
            spread.dot(&vectors[j])
        });
        let all_pairs = n * n.saturating_sub(1) / 2;
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        graph.for_each_weight(|w| {
            lo = lo.min(w);
            hi = hi.max(w);
        });
        if graph.n_edges() < all_pairs {
            // Some pair shares no term: its similarity is 0 and it counts for min/max.
            lo = lo.min(0.0);
            hi = hi.max(0.0);
        }
        if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) {
            // No pair, or all similarities equal: no sentence is more central than another.
            let explanations = input
                .explain
                .then(|| vec![Explanation::of([("before", 0.0), ("after", 0.0)]); n]);
            return Ok(Scores {
                values: vec![0.0; n],
                explanations,
            });
        }
        let cut = lo + self.beta * (hi - lo);
        let mut sums: Vec<(f64, f64)> = Vec::with_capacity(n);
        graph.fold(
            (0.0, 0.0),
            &mut sums,
            |(before, after), i, j, w| {
                let e = w - cut;
                if e <= 0.0 {
                    (before, after)
                } else if j < i {
                    (before + e, after)
                } else {
                    (before, after + e)
                }
            },
            |_, _| {},
        );
        let values = sums
            .iter()
            .map(|&(before, after)| self.lambda1 * before + self.lambda2 * after)
            .collect();
        let explanations = input.explain.then(|| {
            sums.iter()
                .map(|&(before, after)| Explanation::of([("before", before), ("after", after)]))
                .collect()
        });
        Ok(Scores {
            values,
            explanations,
        })
    }
}
