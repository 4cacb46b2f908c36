//! [`DocEval`] and [`CorpusEval`]: the results of an [`Evaluator`](super::Evaluator), with
//! the JSON forms the CLI prints.

use std::fmt;

use serde::de::{self, MapAccess};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::google::{Metric, Scores};
use crate::json::{self, CorpusScoreJson, ScoreJson};
use crate::perl::{CorpusScore, CorpusScores, DocScores};
use crate::Score;

/// The scores of one document by every configured flavour.
///
/// JSON: one object of all metrics, `{METRIC: {"f", "precision", "recall"}}`, the ROUGE-1.5.5
/// ones (`ROUGE-1`, ...) and the rouge-score ones (`rouge1`, ...) merged, keys sorted by bytes
/// at every level (so ROUGE-1.5.5's come first). That is what `nutgraf eval` and `nutgraf
/// rouge --json` print per document: they built the objects as `serde_json::Value`, whose maps
/// sort their keys. For example
///
/// ```json
/// {"ROUGE-1": {"f": 0.66667, "precision": 0.66667, "recall": 0.66667},
///  "rouge1": {"f": 0.6666666666666666, "precision": 0.6666666666666666, "recall": 0.6666666666666666}}
/// ```
///
/// Read back, ROUGE-1.5.5 metrics come in the script's print order and rouge-score metrics in
/// [`Metric`] order; [`DocEval::new`] puts them in those orders too, so a value read back
/// equals the one written (bit for bit when the JSON parser reads floats exactly, as
/// serde_json does with its `float_roundtrip` feature; its default parser may read a 17-digit
/// rouge-score value one ulp off).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocEval {
    perl: Option<DocScores>,
    google: Option<Scores>,
}

impl DocEval {
    /// The scores of one document. rouge-score results are put in [`Metric`] order (rouge1 ..
    /// rouge9, rougeL, rougeLsum) whatever the configured order; empty results count as none.
    pub fn new(perl: Option<DocScores>, google: Option<Scores>) -> DocEval {
        DocEval {
            perl: perl.filter(|p| !p.is_empty()),
            google: canonical(google),
        }
    }

    /// The ROUGE-1.5.5 scores, if that flavour was configured.
    pub fn perl(&self) -> Option<&DocScores> {
        self.perl.as_ref()
    }

    /// The rouge-score scores, if that flavour was configured.
    pub fn google(&self) -> Option<&[(Metric, Score)]> {
        self.google.as_deref()
    }

    /// The score of one metric by name, of either flavour (`"ROUGE-L"`, `"rougeLsum"`).
    pub fn get(&self, metric: &str) -> Option<Score> {
        self.perl
            .as_ref()
            .and_then(|p| p.get(metric))
            .or_else(|| google_get(self.google.as_deref(), metric))
    }

    /// Whether no metric was computed.
    pub fn is_empty(&self) -> bool {
        self.perl.is_none() && self.google.is_none()
    }
}

/// Corpus scores by every configured flavour: ROUGE-1.5.5's Average with its bootstrap
/// confidence interval, rouge-score's plain mean.
///
/// JSON: one object of all metrics, keys sorted by bytes at every level, as `nutgraf eval` and
/// `nutgraf rouge --json` print the corpus: ROUGE-1.5.5 metrics as `{"f", "f_lower", "f_upper",
/// "precision", "precision_lower", "precision_upper", "recall", "recall_lower",
/// "recall_upper"}` (the unsuffixed values are the Averages), rouge-score metrics as `{"f",
/// "precision", "recall"}`. An empty corpus is `{}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CorpusEval {
    perl: Option<CorpusScores>,
    google: Option<Scores>,
}

impl CorpusEval {
    /// Corpus scores; rouge-score results are put in [`Metric`] order, empty results count as
    /// none (as in [`DocEval::new`]).
    pub fn new(perl: Option<CorpusScores>, google: Option<Scores>) -> CorpusEval {
        CorpusEval {
            perl: perl.filter(|p| p.iter().next().is_some()),
            google: canonical(google),
        }
    }

    /// The ROUGE-1.5.5 Averages and intervals, if that flavour was configured and the corpus
    /// was not empty.
    pub fn perl(&self) -> Option<&CorpusScores> {
        self.perl.as_ref()
    }

    /// The rouge-score means, if that flavour was configured and the corpus was not empty.
    pub fn google(&self) -> Option<&[(Metric, Score)]> {
        self.google.as_deref()
    }

    /// The corpus recall, precision and F of one metric by name, of either flavour: the
    /// Averages for ROUGE-1.5.5 metrics, the means for rouge-score ones.
    pub fn get(&self, metric: &str) -> Option<Score> {
        let perl = self
            .perl
            .as_ref()
            .and_then(|p| p.get(metric))
            .map(|c| Score {
                recall: c.recall.average,
                precision: c.precision.average,
                f: c.f.average,
            });
        perl.or_else(|| google_get(self.google.as_deref(), metric))
    }

    /// The corpus F of one metric in percent (`100 * F`), the number papers print.
    pub fn f_percent(&self, metric: &str) -> Option<f64> {
        self.get(metric).map(|s| 100.0 * s.f)
    }

    /// ROUGE-1.5.5's ROUGE-1, ROUGE-2 and ROUGE-L F in percent, the model-selection numbers of
    /// SummaRuNNer; `None` unless all three were computed.
    pub fn rouge_f(&self) -> Option<RougeF> {
        let perl = self.perl.as_ref()?;
        let f = |m: &str| perl.get(m).map(|c| 100.0 * c.f.average);
        Some(RougeF {
            rouge1: f("ROUGE-1")?,
            rouge2: f("ROUGE-2")?,
            rouge_l: f("ROUGE-L")?,
        })
    }

    /// Whether there is no corpus score (no document, or no flavour).
    pub fn is_empty(&self) -> bool {
        self.perl.is_none() && self.google.is_none()
    }
}

/// Corpus ROUGE-1.5.5 F-measures in percent: ROUGE-1, ROUGE-2, ROUGE-L.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RougeF {
    /// ROUGE-1 F.
    pub rouge1: f64,
    /// ROUGE-2 F.
    pub rouge2: f64,
    /// ROUGE-L F.
    pub rouge_l: f64,
}

impl RougeF {
    /// The model-selection criterion of SummaRuNNer's training: the sum of the three.
    pub fn total(&self) -> f64 {
        self.rouge1 + self.rouge2 + self.rouge_l
    }
}

impl fmt::Display for RougeF {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "R1 {:.2} / R2 {:.2} / RL {:.2}",
            self.rouge1, self.rouge2, self.rouge_l
        )
    }
}

fn canonical(google: Option<Scores>) -> Option<Scores> {
    let mut google = google.filter(|g| !g.is_empty())?;
    google.sort_by_key(|(m, _)| *m);
    Some(google)
}

fn google_get(google: Option<&[(Metric, Score)]>, metric: &str) -> Option<Score> {
    let metric: Metric = metric.parse().ok()?;
    google?.iter().find(|(m, _)| *m == metric).map(|&(_, s)| s)
}

fn google_entries<V: From<Score>>(
    google: Option<&Scores>,
) -> impl Iterator<Item = (String, V)> + '_ {
    google
        .into_iter()
        .flatten()
        .map(|(m, s)| (m.to_string(), V::from(*s)))
}

/// One value of a merged metric object: per-document scores, or ROUGE-1.5.5 corpus scores.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry {
    Doc(ScoreJson),
    Corpus(CorpusScoreJson),
}

impl Serialize for DocEval {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let perl = self.perl.iter().flat_map(|p| p.iter());
        let entries = perl
            .map(|(n, sc)| (n.to_string(), Entry::Doc(sc.into())))
            .chain(google_entries(self.google.as_ref()).map(|(n, v)| (n, Entry::Doc(v))))
            .collect();
        json::write_sorted(s, entries)
    }
}

impl Serialize for CorpusEval {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let perl = self.perl.iter().flat_map(|p| p.iter());
        let entries = perl
            .map(|(n, sc)| (n.to_string(), Entry::Corpus(sc.into())))
            .chain(google_entries(self.google.as_ref()).map(|(n, v)| (n, Entry::Doc(v))))
            .collect();
        json::write_sorted(s, entries)
    }
}

/// Reads a metric object whose ROUGE-1.5.5 values are `P` (as `T`).
struct EvalMap<P, T>(std::marker::PhantomData<(P, T)>);

impl<'de, P: Deserialize<'de> + Into<T>, T> de::Visitor<'de> for EvalMap<P, T> {
    type Value = (Vec<(Box<str>, T)>, Scores);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of ROUGE metrics")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let entries = json::read_entries::<A, P, ScoreJson>(map)?;
        let perl = entries.perl.into_iter().map(|(n, v)| (n, v.into()));
        let google = entries.google.into_iter().map(|(m, v)| (m, v.into()));
        Ok((perl.collect(), google.collect()))
    }
}

impl<'de> Deserialize<'de> for DocEval {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (perl, google) =
            d.deserialize_map(EvalMap::<ScoreJson, Score>(std::marker::PhantomData))?;
        let (names, scores): (Vec<Box<str>>, Vec<Score>) = perl.into_iter().unzip();
        Ok(DocEval::new(
            Some(DocScores::new(names.into(), scores)),
            Some(google),
        ))
    }
}

impl<'de> Deserialize<'de> for CorpusEval {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (perl, google) = d.deserialize_map(EvalMap::<CorpusScoreJson, CorpusScore>(
            std::marker::PhantomData,
        ))?;
        let (names, scores): (Vec<Box<str>>, Vec<CorpusScore>) = perl.into_iter().unzip();
        Ok(CorpusEval::new(
            Some(CorpusScores::new(names.into(), scores)),
            Some(google),
        ))
    }
}
