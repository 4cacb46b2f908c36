//! Lead-k: the first k sentences, the strong news baseline (See et al. 2017 report Lead-3 on
//! CNN/DailyMail). Sentence `i` of `n` scores `1 - i/n`, so any budget takes a prefix
//! (word and byte budgets skip a sentence that does not fit and go on).
//!
//! Explanation: `position` (0-based index of the sentence).

use serde::{Deserialize, Serialize};

use super::{Explanation, Input, Method, Scores};
use crate::error::Result;

/// Lead-k has no parameter; the struct exists so that its configuration is data like the
/// others' (and refuses unknown fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadConfig {}

/// Lead-k.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lead;

impl Method for Lead {
    fn name(&self) -> &str {
        "lead"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let n = input.analyzed.len();
        let values = (0..n).map(|i| 1.0 - i as f64 / n as f64).collect();
        let explanations = input.explain.then(|| {
            (0..n)
                .map(|i| Explanation::of([("position", i as f64)]))
                .collect()
        });
        Ok(Scores {
            values,
            explanations,
        })
    }
}
