//! Result types: per-document scores and corpus Averages with confidence intervals.

use std::sync::Arc;

use serde::de::{self, IgnoredAny, MapAccess};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json::{self, CorpusScoreJson, ScoreJson};
use crate::Score;

/// The scores of one document, per metric, in the order ROUGE-1.5.5 prints them.
///
/// Values are those the script prints with 5 decimals (`R`, `P`, and `F` computed from the
/// rounded `R` and `P`), as the nearest `f64`; `format!("{:.5}")` gives the script's text back.
///
/// JSON: `{METRIC: {"f", "precision", "recall"}}`, keys sorted (see
/// [`DocEval`](crate::DocEval)), e.g. `{"ROUGE-1": {"f": 0.8, "precision": 0.8, "recall":
/// 0.8}}`; read back in print order.
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
        let entries = self
            .iter()
            .map(|(name, score)| (name.to_string(), ScoreJson::from(score)))
            .collect();
        json::write_sorted(s, entries)
    }
}

impl<'de> Deserialize<'de> for DocScores {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (names, scores) = d.deserialize_map(PerlMap::<ScoreJson, Score>::new())?;
        Ok(DocScores::new(names, scores))
    }
}

/// Reads an object of ROUGE-1.5.5 metrics only, in print order: JSON values `V`, given as `T`.
struct PerlMap<V, T>(std::marker::PhantomData<(V, T)>);

impl<V, T> PerlMap<V, T> {
    fn new() -> Self {
        PerlMap(std::marker::PhantomData)
    }
}

impl<'de, V: Deserialize<'de> + Into<T>, T> de::Visitor<'de> for PerlMap<V, T> {
    type Value = (Arc<[Box<str>]>, Vec<T>);

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object of ROUGE-1.5.5 metrics")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let entries = json::read_entries::<A, V, IgnoredAny>(map)?;
        if let Some((m, _)) = entries.google.first() {
            return Err(de::Error::custom(format_args!(
                "\"{m}\" is a rouge-score metric, not a ROUGE-1.5.5 one"
            )));
        }
        let (names, values): (Vec<Box<str>>, Vec<T>) =
            entries.perl.into_iter().map(|(n, v)| (n, v.into())).unzip();
        Ok((names.into(), values))
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
///
/// JSON: `{METRIC: {"f", "f_lower", "f_upper", "precision", "precision_lower",
/// "precision_upper", "recall", "recall_lower", "recall_upper"}}`, keys sorted (see
/// [`DocEval`](crate::DocEval)); the unsuffixed values are the Averages, `_lower` / `_upper`
/// the interval.
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
        let entries = self
            .iter()
            .map(|(name, score)| (name.to_string(), CorpusScoreJson::from(score)))
            .collect();
        json::write_sorted(s, entries)
    }
}

impl<'de> Deserialize<'de> for CorpusScores {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (names, scores) = d.deserialize_map(PerlMap::<CorpusScoreJson, CorpusScore>::new())?;
        Ok(CorpusScores::new(names, scores))
    }
}
