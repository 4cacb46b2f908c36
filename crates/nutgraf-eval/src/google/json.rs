//! [`ScoresJson`]: the JSON form of rouge-score results.

use serde::{Serialize, Serializer};

use super::Metric;
use crate::json::{self, ScoreJson};
use crate::Score;

/// rouge-score results ([`Scores`](super::Scores), of one document or their
/// [`mean`](super::mean)) in the JSON form `nutgraf rouge --json` prints:
/// `{metric: {"f", "precision", "recall"}}`, keys sorted as in [`DocEval`](crate::DocEval).
///
/// ```
/// use nutgraf_eval::google::{Metric, ScoresJson};
/// use nutgraf_eval::Score;
///
/// let scores = vec![(Metric::RougeN(1), Score { recall: 0.5, precision: 1.0, f: 2.0 / 3.0 })];
/// let text = serde_json::to_string(&ScoresJson(&scores))?;
/// assert_eq!(text, r#"{"rouge1":{"f":0.6666666666666666,"precision":1.0,"recall":0.5}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ScoresJson<'a>(pub &'a [(Metric, Score)]);

impl Serialize for ScoresJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let entries = self
            .0
            .iter()
            .map(|(m, score)| (m.to_string(), ScoreJson::from(*score)))
            .collect();
        json::write_sorted(s, entries)
    }
}
