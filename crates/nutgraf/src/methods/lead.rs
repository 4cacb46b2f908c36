//! Lead-k: the first k sentences, the strong news baseline (See et al. 2017 report Lead-3 on
//! CNN/DailyMail). Sentence `i` of `n` scores `1 - i/n`, so any budget takes a prefix
//! (word and byte budgets skip a sentence that does not fit and go on).

use super::Method;
use crate::analysis::Analyzed;

/// Lead-k.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lead;

impl Method for Lead {
    fn score(&self, doc: &Analyzed) -> Vec<f64> {
        let n = doc.len() as f64;
        (0..doc.len()).map(|i| 1.0 - i as f64 / n).collect()
    }
}
