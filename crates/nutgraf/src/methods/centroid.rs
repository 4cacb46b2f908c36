//! Centroid-based summarization (Radev, Jing, Styś & Tam 2004, "Centroid-based summarization
//! of multiple documents", IP&M 40; the MEAD system), for a single document.
//!
//! The centroid is the document's tf-idf vector with a topic threshold: terms whose
//! `tf · idf` is below [`MethodConfig::centroid_threshold`] × the largest are zeroed. A sentence
//! scores `C_i + P_i + F_i` (MEAD's default weights 1, 1, 1):
//! - `C_i`, **centroid value**: sum of the centroid values of the distinct terms of sentence `i`;
//! - `P_i`, **positional value**: `(n − i) / n · C_max`, with `C_max` the largest `C_i`;
//! - `F_i`, **first-sentence overlap**: the inner product of the term-frequency vectors of
//!   sentence `i` and the first sentence.
//!
//! Deviations and choices: with a single document, idf is computed over its sentences
//! (`1 + ln(N / df)`) instead of a background corpus; the threshold is relative to the largest
//! term value instead of an absolute MEAD setting; MEAD's cross-sentence redundancy penalty is
//! not part of the score (use [`crate::select::Redundancy`] instead).

use super::{Method, MethodConfig};
use crate::analysis::Analyzed;
use crate::features::{dot, sentence_idf, term_counts, tf};

/// MEAD-style centroid scoring.
#[derive(Debug, Clone)]
pub struct Centroid {
    threshold: f64,
}

impl Centroid {
    /// Centroid scoring with the topic threshold of `config`.
    pub fn new(config: &MethodConfig) -> Centroid {
        Centroid {
            threshold: config.centroid_threshold,
        }
    }
}

impl Method for Centroid {
    fn score(&self, doc: &Analyzed) -> Vec<f64> {
        let n = doc.len();
        if n == 0 {
            return Vec::new();
        }
        let idf = sentence_idf(doc);
        let mut centroid: Vec<f64> = term_counts(doc)
            .iter()
            .zip(&idf)
            .map(|(&c, &w)| f64::from(c) * w)
            .collect();
        let top = centroid.iter().copied().fold(0.0, f64::max);
        centroid
            .iter_mut()
            .filter(|x| **x < self.threshold * top)
            .for_each(|x| *x = 0.0);
        let vectors: Vec<_> = doc.sentences.iter().map(|s| tf(s)).collect();
        let value: Vec<f64> = vectors
            .iter()
            .map(|v| v.iter().map(|&(t, _)| centroid[t as usize]).sum())
            .collect();
        let c_max = value.iter().copied().fold(0.0, f64::max);
        (0..n)
            .map(|i| {
                let position = (n - i) as f64 / n as f64 * c_max;
                value[i] + position + dot(&vectors[0], &vectors[i])
            })
            .collect()
    }
}
