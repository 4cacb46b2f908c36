//! Result types: per-document scores and corpus Averages with confidence intervals.

use std::sync::Arc;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::Score;

/// The scores of one document, per metric, in the order ROUGE-1.5.5 prints them.
///
/// Values are those the script prints with 5 decimals (`R`, `P`, and `F` computed from the
/// rounded `R` and `P`), as the nearest `f64`; `format!("{:.5}")` gives the script's text back.
#[derive(Debug, Clone, PartialEq)]
pub struct DocScores {
    names: Arc<[Box<str>]>,
    scores: Vec<Score>,
}

impl DocScores {
    pub(crate) fn new(names: Arc<[Box<str>]>, scores: Vec<Score>) -> Self {
        Self { names, scores }
    }

    pub(crate) fn shared_names(&self) -> Arc<[Box<str>]> {
        self.names.clone()
    }

    /// The score of one metric by name (`"ROUGE-1"`, `"ROUGE-SU*"`, ...).
    pub fn get(&self, metric: &str) -> Option<Score> {
        self.names
            .iter()
            .position(|n| &**n == metric)
            .map(|i| self.scores[i])
    }

    /// `(metric name, score)` pairs in print order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Score)> + '_ {
        self.names
            .iter()
            .map(|n| &**n)
            .zip(self.scores.iter().copied())
    }

    /// The metric names.
    pub fn names(&self) -> &[Box<str>] {
        &self.names
    }

    /// The scores, in the order of [`names`](Self::names).
    pub fn scores(&self) -> &[Score] {
        &self.scores
    }

    /// Number of metrics.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// Whether no metric was computed.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }
}

impl Serialize for DocScores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (name, score) in self.iter() {
            map.serialize_entry(name, &score)?;
        }
        map.end()
    }
}

/// A corpus-level value with its bootstrap confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Estimate {
    /// What ROUGE-1.5.5 prints as `Average_X`: the mean of the bootstrap resample means.
    pub average: f64,
    /// Lower bound of the confidence interval.
    pub lower: f64,
    /// Upper bound of the confidence interval.
    pub upper: f64,
}

/// Corpus Average and confidence interval of recall, precision and F of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct CorpusScore {
    /// Recall.
    pub recall: Estimate,
    /// Precision.
    pub precision: Estimate,
    /// F-measure.
    pub f: Estimate,
}

/// Corpus scores per metric, in print order.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusScores {
    names: Arc<[Box<str>]>,
    scores: Vec<CorpusScore>,
}

impl CorpusScores {
    pub(crate) fn new(names: Arc<[Box<str>]>, scores: Vec<CorpusScore>) -> Self {
        Self { names, scores }
    }

    /// The corpus score of one metric by name.
    pub fn get(&self, metric: &str) -> Option<CorpusScore> {
        self.names
            .iter()
            .position(|n| &**n == metric)
            .map(|i| self.scores[i])
    }

    /// `(metric name, corpus score)` pairs in print order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, CorpusScore)> + '_ {
        self.names
            .iter()
            .map(|n| &**n)
            .zip(self.scores.iter().copied())
    }
}

impl Serialize for CorpusScores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.scores.len()))?;
        for (name, score) in self.iter() {
            map.serialize_entry(name, &score)?;
        }
        map.end()
    }
}
