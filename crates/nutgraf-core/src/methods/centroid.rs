//! Centroid-based summarization (Radev, Jing, Styś & Tam 2004, "Centroid-based summarization
//! of multiple documents", IP&M 40; the MEAD system), for a single document.
//!
//! The centroid is the document's tf-idf vector with a topic threshold: terms whose
//! `tf · idf` is below [`CentroidConfig::threshold`] × the largest are zeroed. A sentence
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
//!
//! Explanation: `centroid` (`C_i`), `position` (`P_i`), `first_sentence_overlap` (`F_i`), and the
//! sentence's centroid terms with their centroid value.

use serde::{Deserialize, Serialize};

use super::explain::TERMS;
use super::{check, Explanation, Input, Method, Scores};
use crate::error::Result;
use crate::features::{dot, sentence_idf, term_counts, tf};

/// Parameters of [`Centroid`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CentroidConfig {
    /// A term is in the centroid when its tf-idf is at least this fraction of the largest
    /// term tf-idf (MEAD's topic threshold, made relative). Default 0.1.
    pub threshold: f64,
}

impl Default for CentroidConfig {
    fn default() -> CentroidConfig {
        CentroidConfig { threshold: 0.1 }
    }
}

impl CentroidConfig {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<()> {
        check::unit_interval("threshold", self.threshold)
    }
}

/// MEAD-style centroid scoring.
#[derive(Debug, Clone)]
pub struct Centroid {
    threshold: f64,
}

impl Centroid {
    /// Centroid scoring with the topic threshold of `config`, checked.
    pub fn new(config: CentroidConfig) -> Result<Centroid> {
        config.validate()?;
        Ok(Centroid {
            threshold: config.threshold,
        })
    }
}

impl Method for Centroid {
    fn name(&self) -> &str {
        "centroid"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let doc = input.analyzed;
        let n = doc.len();
        if n == 0 {
            return Ok(Scores::default());
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
        let position = |i: usize| (n - i) as f64 / n as f64 * c_max;
        let first = |i: usize| dot(&vectors[0], &vectors[i]);
        let values = (0..n).map(|i| value[i] + position(i) + first(i)).collect();
        let explanations = input.explain.then(|| {
            (0..n)
                .map(|i| {
                    Explanation::of([
                        ("centroid", value[i]),
                        ("position", position(i)),
                        ("first_sentence_overlap", first(i)),
                    ])
                    .with_terms(doc, &doc.sentences[i], TERMS, |t| centroid[t as usize])
                })
                .collect()
        });
        Ok(Scores {
            values,
            explanations,
        })
    }
}
