//! [`MethodConfig`]: a method and all parameters, as one flat serde struct.

use serde::{Deserialize, Serialize};

use super::graph::GraphLimits;
use super::{
    Centroid, KlSum, Lead, LexRank, Lsa, Luhn, Method, MethodKind, PacSum, SumBasic, TextRank,
};
use crate::error::Error;

/// A method and its parameters. Parameters a method does not use are ignored by it; missing
/// fields take the defaults of [`MethodConfig::new`] when deserialized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MethodConfig {
    /// Which method.
    pub method: MethodKind,
    /// Convergence tolerance of iterative methods (L1 change of the score vector). Default 1e-6.
    pub tolerance: f64,
    /// Iteration cap of iterative methods (power method, SVD sweeps). Default 100.
    pub max_iterations: usize,
    /// Damping factor of graph methods: probability of following an edge (TextRank, LexRank).
    /// Default 0.85. (Erkan & Radev call `1 - damping` their "damping factor" `d`.)
    pub damping: f64,
    /// LexRank: `None` (default) for continuous LexRank (cosine-weighted edges); `Some(t)` for
    /// thresholded LexRank: a 0/1 graph with an edge where cosine > `t` (the paper uses 0.1).
    pub threshold: Option<f64>,
    /// Graph methods (TextRank, LexRank, PacSum): up to this many sentences every pair sharing
    /// a term is compared (exact). Default 2,000.
    pub graph_exact_limit: usize,
    /// Graph methods above `graph_exact_limit` sentences: each sentence is compared only with
    /// the next `posting_window` sentences of each of its terms' posting lists. Default 8.
    pub posting_window: usize,
    /// LSA: keep the singular dimensions with σ ≥ `lsa_sigma_ratio · σ_max` (Steinberger &
    /// Ježek keep those above half the largest). Default 0.5.
    pub lsa_sigma_ratio: f64,
    /// LSA: exact (dense) SVD when the smaller side of the term × sentence matrix is at most
    /// this; otherwise a randomized truncated SVD. Default 200.
    pub lsa_dense_limit: usize,
    /// LSA: at most this many singular dimensions on the randomized path. Default 20.
    pub lsa_max_dims: usize,
    /// Luhn: a term is significant when it occurs at least this often in the document.
    /// Default 2.
    pub luhn_min_count: usize,
    /// Luhn: significant words separated by at most this many insignificant ones belong to
    /// the same cluster. Default 4 (Luhn 1958).
    pub luhn_max_gap: usize,
    /// Centroid: a term is in the centroid when its tf-idf is at least this fraction of the
    /// largest term tf-idf (MEAD's topic threshold, made relative). Default 0.1.
    pub centroid_threshold: f64,
    /// PacSum: edges below `min + beta · (max - min)` of the document's similarities are
    /// dropped. Default 0.6.
    pub pacsum_beta: f64,
    /// PacSum: weight of the edges to preceding sentences. Default -2.
    pub pacsum_lambda1: f64,
    /// PacSum: weight of the edges to following sentences. Default 1.
    pub pacsum_lambda2: f64,
}

impl Default for MethodConfig {
    fn default() -> MethodConfig {
        MethodConfig::new(MethodKind::Lead)
    }
}

impl MethodConfig {
    /// The default parameters of `method`.
    pub fn new(method: MethodKind) -> MethodConfig {
        MethodConfig {
            method,
            tolerance: 1e-6,
            max_iterations: 100,
            damping: 0.85,
            threshold: None,
            graph_exact_limit: 2_000,
            posting_window: 8,
            lsa_sigma_ratio: 0.5,
            lsa_dense_limit: 200,
            lsa_max_dims: 20,
            luhn_min_count: 2,
            luhn_max_gap: 4,
            centroid_threshold: 0.1,
            pacsum_beta: 0.6,
            pacsum_lambda1: -2.0,
            pacsum_lambda2: 1.0,
        }
    }

    /// Checks the parameters.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |msg: String| Err(Error::Config(msg));
        if !(self.tolerance > 0.0 && self.tolerance.is_finite()) {
            return bad(format!("tolerance must be > 0, got {}", self.tolerance));
        }
        if self.max_iterations == 0 {
            return bad("max_iterations must be > 0".into());
        }
        if !(0.0..=1.0).contains(&self.damping) {
            return bad(format!("damping must be in [0, 1], got {}", self.damping));
        }
        if let Some(t) = self.threshold {
            if !(0.0..1.0).contains(&t) {
                return bad(format!("LexRank threshold must be in [0, 1), got {t}"));
            }
        }
        if self.posting_window == 0 {
            return bad("posting_window must be > 0".into());
        }
        if !(0.0..=1.0).contains(&self.lsa_sigma_ratio) {
            return bad(format!(
                "lsa_sigma_ratio must be in [0, 1], got {}",
                self.lsa_sigma_ratio
            ));
        }
        if self.lsa_max_dims == 0 {
            return bad("lsa_max_dims must be > 0".into());
        }
        if self.luhn_min_count == 0 {
            return bad("luhn_min_count must be > 0".into());
        }
        if !(0.0..=1.0).contains(&self.centroid_threshold) {
            return bad(format!(
                "centroid_threshold must be in [0, 1], got {}",
                self.centroid_threshold
            ));
        }
        if !(0.0..=1.0).contains(&self.pacsum_beta) {
            return bad(format!(
                "pacsum_beta must be in [0, 1], got {}",
                self.pacsum_beta
            ));
        }
        if !(self.pacsum_lambda1.is_finite() && self.pacsum_lambda2.is_finite()) {
            return bad("pacsum_lambda1 and pacsum_lambda2 must be finite".into());
        }
        Ok(())
    }

    pub(crate) fn graph_limits(&self) -> GraphLimits {
        GraphLimits {
            exact_limit: self.graph_exact_limit,
            posting_window: self.posting_window,
        }
    }

    /// Builds the method.
    pub fn build(&self) -> Result<Box<dyn Method>, Error> {
        self.validate()?;
        Ok(match self.method {
            MethodKind::Lead => Box::new(Lead),
            MethodKind::TextRank => Box::new(TextRank::new(self)),
            MethodKind::LexRank => Box::new(LexRank::new(self)),
            MethodKind::Lsa => Box::new(Lsa::new(self)),
            MethodKind::Luhn => Box::new(Luhn::new(self)),
            MethodKind::SumBasic => Box::new(SumBasic),
            MethodKind::KlSum => Box::new(KlSum),
            MethodKind::Centroid => Box::new(Centroid::new(self)),
            MethodKind::PacSum => Box::new(PacSum::new(self)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_parameters() {
        let mut c = MethodConfig::new(MethodKind::LexRank);
        c.threshold = Some(1.5);
        assert!(c.build().is_err());
        let mut c = MethodConfig::new(MethodKind::TextRank);
        c.tolerance = 0.0;
        assert!(c.validate().is_err());
        c.tolerance = f64::NAN;
        assert!(c.validate().is_err());
        let mut c = MethodConfig::new(MethodKind::PacSum);
        c.pacsum_beta = -0.1;
        assert!(c.validate().is_err());
    }

    #[test]
    fn deserializes_with_defaults() {
        let c: MethodConfig =
            serde_json::from_str(r#"{"method":"lexrank","threshold":0.1}"#).unwrap();
        assert_eq!(c.method, MethodKind::LexRank);
        assert_eq!(c.threshold, Some(0.1));
        assert_eq!(c.damping, 0.85);
        let round: MethodConfig =
            serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(round, c);
    }
}
