//! Sentence scoring methods: Lead-k and the classic unsupervised summarizers.
//!
//! Each method lives in its own module whose docs cite the paper and name every deviation.
//! All of them work on an [`Analyzed`] document (content terms: stemmed, stopwords removed by
//! default), are deterministic (no hash-map iteration order reaches an output; ties go to the
//! earlier sentence) and give one finite score per sentence. Iterative solvers stop at a
//! tolerance *and* an iteration cap. Nothing is quadratic in the number of sentences without
//! bound: see [`MethodConfig::graph_exact_limit`] and [`MethodConfig::lsa_dense_limit`].

mod centroid;
mod config;
mod graph;
mod klsum;
mod lead;
mod lexrank;
mod linalg;
mod lsa;
mod luhn;
mod pacsum;
mod sumbasic;
mod textrank;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzed;
use crate::error::Error;
use crate::select::Selector;

pub use centroid::Centroid;
pub use config::MethodConfig;
pub use klsum::KlSum;
pub use lead::Lead;
pub use lexrank::LexRank;
pub use lsa::Lsa;
pub use luhn::Luhn;
pub use pacsum::PacSum;
pub use sumbasic::SumBasic;
pub use textrank::TextRank;

/// A sentence scoring method.
pub trait Method: Send + Sync + fmt::Debug {
    /// Scores every sentence of `doc` (higher is more summary-worthy). The result has one finite
    /// value per sentence.
    fn score(&self, doc: &Analyzed) -> Vec<f64>;

    /// Picks sentences into `selector`. The default takes sentences by descending score;
    /// methods that pick iteratively (SumBasic, KL-Sum) override it.
    fn select(&self, doc: &Analyzed, scores: &[f64], selector: &mut Selector<'_>) {
        let _ = doc;
        selector.fill_by_scores(scores);
    }
}

/// The methods nutgraf knows, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MethodKind {
    /// Lead-k: the first sentences.
    Lead,
    /// TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap similarity.
    TextRank,
    /// LexRank (Erkan & Radev 2004): PageRank over idf-modified cosine similarity.
    LexRank,
    /// LSA (Steinberger & Ježek 2004): sentence length in the reduced singular space.
    Lsa,
    /// Luhn (1958): densest cluster of significant words.
    Luhn,
    /// SumBasic (Nenkova & Vanderwende 2005): word probabilities, updated after each pick.
    SumBasic,
    /// KL-Sum (Haghighi & Vanderwende 2009): greedy KL-divergence minimization.
    KlSum,
    /// Centroid (Radev et al. 2004, MEAD): tf-idf centroid + position + first-sentence overlap.
    Centroid,
    /// PacSum (Zheng & Lapata 2019), tf-idf variant: position-aware directed centrality.
    PacSum,
}

impl MethodKind {
    /// Every method, in the order the CLI lists them.
    pub const ALL: &'static [MethodKind] = &[
        MethodKind::Lead,
        MethodKind::TextRank,
        MethodKind::LexRank,
        MethodKind::Lsa,
        MethodKind::Luhn,
        MethodKind::SumBasic,
        MethodKind::KlSum,
        MethodKind::Centroid,
        MethodKind::PacSum,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            MethodKind::Lead => "lead",
            MethodKind::TextRank => "textrank",
            MethodKind::LexRank => "lexrank",
            MethodKind::Lsa => "lsa",
            MethodKind::Luhn => "luhn",
            MethodKind::SumBasic => "sumbasic",
            MethodKind::KlSum => "klsum",
            MethodKind::Centroid => "centroid",
            MethodKind::PacSum => "pacsum",
        }
    }
}

impl fmt::Display for MethodKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for MethodKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<MethodKind, Error> {
        MethodKind::ALL
            .iter()
            .copied()
            .find(|m| m.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = MethodKind::ALL.iter().map(|m| m.name()).collect();
                Error::Config(format!(
                    "unknown method {s:?}; expected one of: {}",
                    names.join(", ")
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &m in MethodKind::ALL {
            assert_eq!(m.name().parse::<MethodKind>().unwrap(), m);
            assert_eq!(m.to_string(), m.name());
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(json, format!("\"{}\"", m.name()));
        }
        assert!("pagerank".parse::<MethodKind>().is_err());
    }

    #[test]
    fn every_method_builds_with_defaults() {
        for &m in MethodKind::ALL {
            assert!(MethodConfig::new(m).build().is_ok(), "{m}");
        }
    }
}
