//! Choosing sentences under a budget, with optional redundancy control.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::analysis::{Analyzed, TermId};
use crate::budget::Budget;
use crate::error::Error;

/// How to avoid picking sentences that say the same thing.
///
/// As JSON: `{"kind": "none"}`, `{"kind": "trigram_blocking"}` or
/// `{"kind": "mmr", "lambda": 0.7}`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(into = "RedundancyJson", try_from = "RedundancyJson")]
pub enum Redundancy {
    /// No redundancy control.
    #[default]
    None,
    /// Skip a sentence that shares a token trigram with one already selected
    /// (Paulus et al. 2018; Liu & Lapata 2019).
    TrigramBlocking,
    /// Maximal Marginal Relevance (Carbonell & Goldstein 1998): the next sentence maximizes
    /// `lambda * score - (1 - lambda) * max cosine similarity to the selected ones`, with scores
    /// rescaled to [0, 1] within the document.
    Mmr {
        /// Weight of relevance against novelty, in [0, 1].
        lambda: f64,
    },
}

/// The JSON form of [`Redundancy`]: internally tagged by `kind`; the empty struct variants
/// make unknown fields an error (serde lets unit variants ignore them).
#[derive(Serialize, Deserialize)]
#[serde(
    expecting = "a redundancy control like {\"kind\": \"trigram_blocking\"} or {\"kind\": \"mmr\", \"lambda\": 0.7}",
    rename_all = "snake_case",
    tag = "kind",
    deny_unknown_fields
)]
enum RedundancyJson {
    None {},
    TrigramBlocking {},
    Mmr { lambda: f64 },
}

impl From<Redundancy> for RedundancyJson {
    fn from(r: Redundancy) -> RedundancyJson {
        match r {
            Redundancy::None => RedundancyJson::None {},
            Redundancy::TrigramBlocking => RedundancyJson::TrigramBlocking {},
            Redundancy::Mmr { lambda } => RedundancyJson::Mmr { lambda },
        }
    }
}

impl TryFrom<RedundancyJson> for Redundancy {
    type Error = Error;
    fn try_from(r: RedundancyJson) -> Result<Redundancy, Error> {
        let redundancy = match r {
            RedundancyJson::None {} => Redundancy::None,
            RedundancyJson::TrigramBlocking {} => Redundancy::TrigramBlocking,
            RedundancyJson::Mmr { lambda } => Redundancy::Mmr { lambda },
        };
        redundancy.validate()?;
        Ok(redundancy)
    }
}

impl Redundancy {
    /// Checks the MMR weight.
    pub fn validate(&self) -> Result<(), Error> {
        match *self {
            Redundancy::Mmr { lambda } if !(0.0..=1.0).contains(&lambda) => Err(Error::config(
                "redundancy.lambda",
                lambda,
                "a number in [0, 1]",
            )),
            _ => Ok(()),
        }
    }
}

/// Accumulates a selection under a [`Budget`] and a [`Redundancy`] policy.
///
/// Methods that pick sentences one at a time (SumBasic, KL-Sum) call [`Selector::try_add`]
/// directly; the others go through [`Selector::fill_by_scores`].
#[derive(Debug)]
pub struct Selector<'a> {
    doc: &'a Analyzed,
    budget: Budget,
    redundancy: Redundancy,
    max_sentences: usize,
    words: usize,
    bytes: usize,
    selected: Vec<usize>,
    /// `chosen[i]`: sentence `i` is selected (O(1) membership for large selections).
    chosen: Vec<bool>,
    trigrams: HashSet<[TermId; 3]>,
}

impl<'a> Selector<'a> {
    /// An empty selection over `doc`.
    pub fn new(doc: &'a Analyzed, budget: Budget, redundancy: Redundancy) -> Selector<'a> {
        Selector {
            doc,
            budget,
            redundancy,
            max_sentences: budget.max_sentences(doc.len()),
            words: 0,
            bytes: 0,
            selected: Vec::new(),
            chosen: vec![false; doc.len()],
            trigrams: HashSet::new(),
        }
    }

    /// True when no further sentence can be added because the sentence cap is reached.
    pub fn is_full(&self) -> bool {
        self.selected.len() >= self.max_sentences.min(self.doc.len())
    }

    /// Whether sentence `i` would fit the budget now (ignoring redundancy).
    pub fn fits(&self, i: usize) -> bool {
        if self.is_full() || self.chosen.get(i).copied().unwrap_or(true) {
            return false;
        }
        match self.budget {
            Budget::Words(n) => self.words + self.doc.words[i] <= n,
            Budget::Bytes(n) => {
                let sep = usize::from(!self.selected.is_empty());
                self.bytes + sep + self.doc.bytes[i] <= n
            }
            Budget::Sentences(_) | Budget::Ratio(_) => true,
        }
    }

    /// Token ids of sentence `i` for trigram blocking. An analysis made without them
    /// ([`crate::analysis::Fill::tokens`]) blocks nothing: a caller's mistake, caught
    /// in debug builds.
    fn tokens(&self, i: usize) -> &'a [TermId] {
        debug_assert_eq!(
            self.doc.tokens.len(),
            self.doc.len(),
            "trigram blocking needs tokens"
        );
        self.doc.tokens.get(i).map_or(&[], Vec::as_slice)
    }

    fn blocked(&self, i: usize) -> bool {
        if self.redundancy != Redundancy::TrigramBlocking {
            return false;
        }
        self.tokens(i)
            .windows(3)
            .any(|w| self.trigrams.contains(&[w[0], w[1], w[2]]))
    }

    /// Adds sentence `i` if it fits the budget and is not blocked; returns whether it was added.
    pub fn try_add(&mut self, i: usize) -> bool {
        if i >= self.doc.len() || !self.fits(i) || self.blocked(i) {
            return false;
        }
        if !self.selected.is_empty() {
            self.bytes += 1;
        }
        self.words += self.doc.words[i];
        self.bytes += self.doc.bytes[i];
        if self.redundancy == Redundancy::TrigramBlocking {
            for w in self.tokens(i).windows(3) {
                self.trigrams.insert([w[0], w[1], w[2]]);
            }
        }
        self.selected.push(i);
        self.chosen[i] = true;
        true
    }

    /// Adds sentence `i` whatever the budget and the redundancy policy, for a method whose
    /// selection is its own (the oracle's set); returns whether it was added (false when out of
    /// range or already selected).
    pub fn add_unbounded(&mut self, i: usize) -> bool {
        if self.chosen.get(i).copied().unwrap_or(true) {
            return false;
        }
        if !self.selected.is_empty() {
            self.bytes += 1;
        }
        self.words += self.doc.words[i];
        self.bytes += self.doc.bytes[i];
        self.selected.push(i);
        self.chosen[i] = true;
        true
    }

    /// Sentences selected so far, in the order they were added.
    pub fn selected(&self) -> &[usize] {
        &self.selected
    }

    /// Fills the selection from per-sentence scores: by descending score (ties: earlier
    /// sentence first), or by MMR when configured.
    pub fn fill_by_scores(&mut self, scores: &[f64]) {
        if let Redundancy::Mmr { lambda } = self.redundancy {
            return self.fill_mmr(scores, lambda);
        }
        for i in rank(scores) {
            if self.is_full() {
                break;
            }
            self.try_add(i);
        }
    }

    fn fill_mmr(&mut self, scores: &[f64], lambda: f64) {
        let n = self.doc.len();
        let (lo, hi) = scores
            .iter()
            .filter(|s| s.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &s| {
                (lo.min(s), hi.max(s))
            });
        let scale = |s: f64| {
            if hi > lo && s.is_finite() {
                (s - lo) / (hi - lo)
            } else {
                1.0
            }
        };
        let vectors: Vec<Vec<(TermId, f64)>> = (0..n)
            .map(|i| crate::features::unit_tf(&self.doc.sentences[i]))
            .collect();
        let mut max_sim = vec![0.0f64; n];
        let mut tried = vec![false; n];
        while !self.is_full() {
            let best = (0..n)
                .filter(|&i| !tried[i])
                .map(|i| (i, lambda * scale(scores[i]) - (1.0 - lambda) * max_sim[i]))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((i, _)) = best else { break };
            tried[i] = true;
            if self.try_add(i) {
                for j in 0..n {
                    let s = crate::features::dot(&vectors[i], &vectors[j]);
                    max_sim[j] = max_sim[j].max(s);
                }
            }
        }
    }

    /// The selection in document order.
    pub fn into_sorted(mut self) -> Vec<usize> {
        self.selected.sort_unstable();
        self.selected
    }
}

/// Sentence indices by descending score; ties and non-finite scores resolved deterministically
/// (NaN last, then earlier sentence first).
pub fn rank(scores: &[f64]) -> Vec<usize> {
    let key = |s: f64| if s.is_nan() { f64::NEG_INFINITY } else { s };
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| key(scores[b]).total_cmp(&key(scores[a])).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redundancy_json_refuses_unknown_fields() {
        for r in [
            Redundancy::None,
            Redundancy::TrigramBlocking,
            Redundancy::Mmr { lambda: 0.7 },
        ] {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(
                serde_json::from_str::<Redundancy>(&json).unwrap(),
                r,
                "{json}"
            );
        }
        assert_eq!(
            serde_json::to_string(&Redundancy::TrigramBlocking).unwrap(),
            r#"{"kind":"trigram_blocking"}"#
        );
        for bad in [
            r#"{"kind":"none","lambda":1}"#,
            r#"{"kind":"mmr","lambda":2}"#,
            r#"{"kind":"mmr"}"#,
            r#"{"kind":"blocking"}"#,
        ] {
            assert!(serde_json::from_str::<Redundancy>(bad).is_err(), "{bad}");
        }
    }
}
