//! Explanations of scores: the named parts of a sentence's score and the terms behind it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::{Analyzed, TermId};

/// Why a sentence got its score.
///
/// `components` are the named quantities the score is made of (`rank`, `position`,
/// `content`...; each method's docs say which); `terms` are the sentence's terms that carry
/// the score, heaviest first, with their weight in the method (probability, centroid value).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// Named parts of the score.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub components: BTreeMap<String, f64>,
    /// Terms with their weights, heaviest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<TermWeight>,
}

/// A term and its weight in a method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermWeight {
    /// The term, normalized as the analyzer sees it (lowercased, stemmed by default).
    pub term: String,
    /// Its weight.
    pub weight: f64,
}

impl Explanation {
    /// An explanation with these components.
    pub fn of<const N: usize>(components: [(&str, f64); N]) -> Explanation {
        Explanation {
            components: components
                .into_iter()
                .map(|(k, v)| (k.to_string(), finite(v)))
                .collect(),
            terms: Vec::new(),
        }
    }

    /// Adds the distinct terms of `sentence` with `weight(term)`, heaviest first (ties: first
    /// occurrence), at most `limit` of them; terms of weight 0 are left out.
    pub fn with_terms(
        mut self,
        doc: &Analyzed,
        sentence: &[TermId],
        limit: usize,
        weight: impl Fn(TermId) -> f64,
    ) -> Explanation {
        let mut seen: Vec<TermId> = Vec::new();
        for &t in sentence {
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
        let mut weighted: Vec<(usize, TermId, f64)> = seen
            .into_iter()
            .enumerate()
            .map(|(order, t)| (order, t, finite(weight(t))))
            .filter(|&(_, _, w)| w != 0.0)
            .collect();
        weighted.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        self.terms = weighted
            .into_iter()
            .take(limit)
            .map(|(_, t, weight)| TermWeight {
                term: doc.term(t).to_string(),
                weight,
            })
            .collect();
        self
    }
}

/// JSON has no NaN or infinity: an explanation never carries one.
fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// How many terms an explanation lists.
pub(crate) const TERMS: usize = 8;
