//! KL-Sum (Haghighi & Vanderwende 2009, "Exploring Content Models for Multi-Document
//! Summarization", NAACL, §3).
//!
//! Greedy: starting from an empty summary, repeatedly add the sentence that makes the
//! summary's unigram distribution `P_S` closest to the document's `P_D`, until the budget is
//! full. Closeness is `KL(P_S ‖ P_D) = Σ_w P_S(w) · ln(P_S(w) / P_D(w))`.
//!
//! Deviations and choices:
//! - Direction: the paper minimizes `KL(P_D ‖ P_S)`, which needs smoothing of `P_S` (most
//!   document words are not in a short summary). We minimize `KL(P_S ‖ P_D)`, which is finite
//!   without smoothing because every summary word occurs in the document.
//! - Words are the analyzer's content terms; sentences without content terms are never picked.
//! - A candidate that does not fit the budget, or is blocked by the redundancy policy, is
//!   skipped for good (MMR is ignored: the divergence already rewards coverage).
//! - [`Method::score`] gives `1 / (1 + KL(P_s ‖ P_D))` of each sentence alone (in (0, 1], 0 for
//!   a sentence without content terms). Explanation: `kl` (that divergence) and the
//!   sentence's terms with their document probability `P_D(w)`.
//!
//! Cost: the divergence is updated incrementally from `Σ c·ln c` and `Σ c·ln P_D` of the
//! summary counts `c`, so trying a sentence costs its length and one pick costs one pass over
//! the document's terms.

use serde::{Deserialize, Serialize};

use super::explain::TERMS;
use super::{Explanation, Input, Method, Scores};
use crate::analysis::Analyzed;
use crate::error::Result;
use crate::features::{term_counts, tf, SparseVec};
use crate::select::Selector;

/// KL-Sum has no parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KlSumConfig {}

/// KL-Sum.
#[derive(Debug, Clone, Copy, Default)]
pub struct KlSum;

fn xlnx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Unigram summary state: counts `c`, total `T`, `A = Σ c ln c`, `B = Σ c ln P_D`.
struct State<'a> {
    log_p: &'a [f64],
    counts: Vec<f64>,
    total: f64,
    a: f64,
    b: f64,
}

impl State<'_> {
    /// `KL(P_S ‖ P_D) = (A − B)/T − ln T` of the summary plus `v`.
    fn kl_with(&self, v: &SparseVec) -> f64 {
        let (mut a, mut b, mut total) = (self.a, self.b, self.total);
        for &(t, k) in v {
            let c = self.counts[t as usize];
            a += xlnx(c + k) - xlnx(c);
            b += k * self.log_p[t as usize];
            total += k;
        }
        if total > 0.0 {
            (a - b) / total - total.ln()
        } else {
            0.0
        }
    }

    fn add(&mut self, v: &SparseVec) {
        for &(t, k) in v {
            let c = &mut self.counts[t as usize];
            self.a += xlnx(*c + k) - xlnx(*c);
            self.b += k * self.log_p[t as usize];
            self.total += k;
            *c += k;
        }
    }
}

fn log_probabilities(doc: &Analyzed) -> Vec<f64> {
    let counts = term_counts(doc);
    let total: f64 = counts.iter().map(|&c| f64::from(c)).sum();
    counts
        .iter()
        .map(|&c| {
            if c > 0 {
                (f64::from(c) / total).ln()
            } else {
                0.0
            }
        })
        .collect()
}

impl Method for KlSum {
    fn name(&self) -> &str {
        "klsum"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let doc = input.analyzed;
        let log_p = log_probabilities(doc);
        let empty = State {
            log_p: &log_p,
            counts: vec![0.0; doc.n_terms],
            total: 0.0,
            a: 0.0,
            b: 0.0,
        };
        let kl: Vec<Option<f64>> = doc
            .sentences
            .iter()
            .map(|s| (!s.is_empty()).then(|| empty.kl_with(&tf(s)).max(0.0)))
            .collect();
        let values = kl
            .iter()
            .map(|k| k.map_or(0.0, |k| 1.0 / (1.0 + k)))
            .collect();
        let explanations = input.explain.then(|| {
            doc.sentences
                .iter()
                .zip(&kl)
                .map(|(s, k)| {
                    let parts = match k {
                        Some(k) => Explanation::of([("kl", *k)]),
                        None => Explanation::default(),
                    };
                    parts.with_terms(doc, s, TERMS, |t| log_p[t as usize].exp())
                })
                .collect()
        });
        Ok(Scores {
            values,
            explanations,
        })
    }

    fn select(
        &self,
        input: &Input<'_>,
        _scores: &[f64],
        selector: &mut Selector<'_>,
    ) -> Result<()> {
        let doc = input.analyzed;
        let log_p = log_probabilities(doc);
        let vectors: Vec<SparseVec> = doc.sentences.iter().map(|s| tf(s)).collect();
        let mut state = State {
            log_p: &log_p,
            counts: vec![0.0; doc.n_terms],
            total: 0.0,
            a: 0.0,
            b: 0.0,
        };
        let mut open: Vec<bool> = vectors.iter().map(|v| !v.is_empty()).collect();
        while !selector.is_full() {
            let mut best: Option<(usize, f64)> = None;
            for (i, v) in vectors.iter().enumerate() {
                if !open[i] {
                    continue;
                }
                if !selector.fits(i) {
                    open[i] = false; // budgets only fill up
                    continue;
                }
                let kl = state.kl_with(v);
                if best.is_none_or(|(_, b)| kl < b) {
                    best = Some((i, kl));
                }
            }
            let Some((i, _)) = best else { break };
            open[i] = false;
            if selector.try_add(i) {
                state.add(&vectors[i]);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incremental_kl_matches_the_definition() {
        let log_p = vec![0.5f64.ln(), 0.25f64.ln(), 0.25f64.ln()];
        let mut s = State {
            log_p: &log_p,
            counts: vec![0.0; 3],
            total: 0.0,
            a: 0.0,
            b: 0.0,
        };
        s.add(&tf(&[0, 1]));
        let kl = s.kl_with(&tf(&[0, 2]));
        // Summary counts (2, 1, 1) / 4 against (0.5, 0.25, 0.25): identical, KL = 0.
        assert!(kl.abs() < 1e-12, "{kl}");
        // Summary (1, 1, 0) / 2: 0.5·ln(0.5/0.5) + 0.5·ln(0.5/0.25) = 0.5·ln 2.
        let kl = State {
            log_p: &log_p,
            counts: vec![0.0; 3],
            total: 0.0,
            a: 0.0,
            b: 0.0,
        }
        .kl_with(&tf(&[0, 1]));
        assert!((kl - 0.5 * 2f64.ln()).abs() < 1e-12);
    }
}
