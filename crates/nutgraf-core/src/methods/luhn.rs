//! Luhn (1958), "The Automatic Creation of Literature Abstracts", IBM J. Res. Dev. 2(2).
//!
//! A word is *significant* when it is frequent in the document but not a common function word.
//! Within a sentence, significant words separated by at most [`LuhnConfig::max_gap`]
//! (4) insignificant words form a cluster; a cluster's score is
//! `(significant words)² / (span from its first to its last significant word)`, and a sentence
//! scores as its best cluster (0 without significant words).
//!
//! Deviations and choices:
//! - Luhn's high-frequency cut-off is the analyzer's stopword list; the low cut-off is
//!   [`LuhnConfig::min_count`] occurrences in the document (default 2, as in sumy).
//! - Words are the analyzer's content terms, so the gap counts insignificant *content* terms
//!   (stopwords are already removed and do not count towards the gap).
//! - A cluster with a single significant word scores `1² / 1 = 1` (Luhn's formula; sumy sets
//!   it to 0).
//!
//! Explanation: `cluster` (the best cluster's score, the score) and the sentence's significant
//! terms with their count in the document.

use serde::{Deserialize, Serialize};

use super::explain::TERMS;
use super::{check, Explanation, Input, Method, Scores};
use crate::error::Result;
use crate::features::term_counts;

/// Parameters of [`Luhn`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LuhnConfig {
    /// A term is significant when it occurs at least this often in the document. Default 2.
    pub min_count: usize,
    /// Significant words separated by at most this many insignificant ones belong to the same
    /// cluster. Default 4 (Luhn 1958).
    pub max_gap: usize,
}

impl Default for LuhnConfig {
    fn default() -> LuhnConfig {
        LuhnConfig {
            min_count: 2,
            max_gap: 4,
        }
    }
}

impl LuhnConfig {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<()> {
        check::at_least_one("min_count", self.min_count)
    }
}

/// Luhn's significant-word cluster scoring.
#[derive(Debug, Clone)]
pub struct Luhn {
    min_count: u32,
    max_gap: usize,
}

impl Luhn {
    /// Luhn with the significance threshold and maximum gap of `config`, checked.
    pub fn new(config: LuhnConfig) -> Result<Luhn> {
        config.validate()?;
        Ok(Luhn {
            min_count: u32::try_from(config.min_count).unwrap_or(u32::MAX),
            max_gap: config.max_gap,
        })
    }

    /// The best cluster score of a sentence given which of its words are significant.
    fn best_cluster(&self, significant: impl Iterator<Item = bool>) -> f64 {
        let mut best = 0.0f64;
        // Current cluster: position of its first significant word, of its last, and the count.
        let mut cluster: Option<(usize, usize, usize)> = None;
        let close = |c: (usize, usize, usize)| {
            let (first, last, count) = c;
            (count * count) as f64 / (last - first + 1) as f64
        };
        for (pos, sig) in significant.enumerate() {
            if !sig {
                continue;
            }
            cluster = match cluster {
                Some((first, last, count)) if pos - last - 1 <= self.max_gap => {
                    Some((first, pos, count + 1))
                }
                Some(done) => {
                    best = best.max(close(done));
                    Some((pos, pos, 1))
                }
                None => Some((pos, pos, 1)),
            };
        }
        if let Some(done) = cluster {
            best = best.max(close(done));
        }
        best
    }
}

impl Method for Luhn {
    fn name(&self) -> &str {
        "luhn"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let doc = input.analyzed;
        let counts = term_counts(doc);
        let significant = |t: u32| counts[t as usize] >= self.min_count;
        let values: Vec<f64> = doc
            .sentences
            .iter()
            .map(|s| self.best_cluster(s.iter().map(|&t| significant(t))))
            .collect();
        let explanations = input.explain.then(|| {
            doc.sentences
                .iter()
                .zip(&values)
                .map(|(s, &v)| {
                    Explanation::of([("cluster", v)]).with_terms(doc, s, TERMS, |t| {
                        if significant(t) {
                            f64::from(counts[t as usize])
                        } else {
                            0.0
                        }
                    })
                })
                .collect()
        });
        Ok(Scores {
            values,
            explanations,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luhn() -> Luhn {
        Luhn::new(LuhnConfig::default()).unwrap()
    }

    fn flags(s: &str) -> Vec<bool> {
        s.chars().map(|c| c == 'S').collect()
    }

    #[test]
    fn cluster_scores_follow_luhn() {
        let l = luhn();
        assert_eq!(l.best_cluster(flags("....").into_iter()), 0.0);
        assert_eq!(l.best_cluster(flags(".S..").into_iter()), 1.0);
        // S . S S: 3 significant over a span of 4.
        assert_eq!(l.best_cluster(flags("S.SS").into_iter()), 9.0 / 4.0);
        // A gap of 4 keeps the cluster together (2² / 6), a gap of 5 splits it (max(1, 1)).
        assert_eq!(l.best_cluster(flags("S....S").into_iter()), 4.0 / 6.0);
        assert_eq!(l.best_cluster(flags("S.....S").into_iter()), 1.0);
        // The best of two clusters wins.
        assert_eq!(l.best_cluster(flags("SS......SSS").into_iter()), 3.0);
    }
}
