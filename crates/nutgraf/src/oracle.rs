//! The extractive oracle as a method: the sentence set that maximizes ROUGE against the
//! document's reference, found by `nutgraf_eval::oracle` on ROUGE-1.5.5 token ids.

use std::cell::RefCell;

use nutgraf_core::methods::{Explanation, Input, Method, Scores};
use nutgraf_core::select::Selector;
use nutgraf_core::Document;
use nutgraf_eval::oracle::{self, Objective, OracleConfig, OracleResult, Strategy};
use nutgraf_eval::perl::Tokenizer;
use serde::{Deserialize, Serialize};

use crate::error::Result;

/// Parameters of the oracle. As JSON:
/// `{"method": "oracle", "strategy": {"kind": "greedy"}, "objective": "r1+r2", "max_sentences": 3, "stem": true}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OracleMethodConfig {
    /// Search strategy (default greedy).
    pub strategy: Strategy,
    /// What to maximize (default ROUGE-1 F + ROUGE-2 F).
    pub objective: Objective,
    /// At most this many sentences (default 3).
    pub max_sentences: usize,
    /// Stem as ROUGE-1.5.5 `-m` does (default true).
    pub stem: bool,
}

impl Default for OracleMethodConfig {
    fn default() -> OracleMethodConfig {
        let search = OracleConfig::default();
        OracleMethodConfig {
            strategy: search.strategy,
            objective: search.objective,
            max_sentences: search.max_sentences,
            stem: true,
        }
    }
}

impl OracleMethodConfig {
    /// The search's own configuration.
    pub fn search(&self) -> OracleConfig {
        OracleConfig {
            strategy: self.strategy,
            objective: self.objective,
            max_sentences: self.max_sentences,
        }
    }
}

/// The oracle method. Its score is 1 for the sentences of the oracle set and 0 for the others;
/// a document without a reference is an error. The set is the selection whole: its size is
/// `max_sentences`, and the summarizer's budget and redundancy control do not apply (a
/// configuration that sets them other than to their defaults is refused).
#[derive(Debug, Clone)]
pub struct Oracle {
    config: OracleMethodConfig,
    search: OracleConfig,
}

impl Oracle {
    /// The oracle with these parameters, checked.
    pub fn new(config: OracleMethodConfig) -> Result<Oracle> {
        let search = config.search();
        search.validate()?;
        Ok(Oracle { config, search })
    }

    /// The oracle set of `doc` against its reference, with its objective and ROUGE scores.
    pub fn label(&self, doc: &Document) -> Result<OracleResult> {
        let reference = doc.reference().ok_or_else(|| crate::Error::Missing {
            what: "no reference summary to label against".into(),
        })?;
        let (doc_ids, ref_ids) = tokens(doc.sentence_texts(), reference, self.config.stem);
        Ok(oracle::label(&doc_ids, &ref_ids, &self.search)?)
    }
}

/// A document's sentences and its reference as the oracle's input: ROUGE-1.5.5 token ids,
/// stemmed when `stem`. The tokenizer (and its stem cache) is kept per thread.
pub fn tokens<'a, R: AsRef<str>>(
    sentences: impl Iterator<Item = &'a str>,
    reference: &[R],
    stem: bool,
) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    thread_local! {
        static TOKENIZERS: RefCell<[Option<Tokenizer>; 2]> = const { RefCell::new([None, None]) };
    }
    let sentences: Vec<&str> = sentences.collect();
    TOKENIZERS.with(|cell| {
        let mut slots = cell.borrow_mut();
        let tokenizer = slots[usize::from(stem)].get_or_insert_with(|| Tokenizer::new(stem, false));
        oracle::input(tokenizer, &sentences, reference)
    })
}

impl Method for Oracle {
    fn name(&self) -> &str {
        "oracle"
    }

    fn score(&self, input: &Input<'_>) -> nutgraf_core::Result<Scores> {
        let result = self
            .label(input.document)
            .map_err(|e| nutgraf_core::Error::Method {
                method: "oracle".into(),
                message: e.to_string(),
            })?;
        let mut values = vec![0.0; input.document.len()];
        for &i in &result.indices {
            values[i] = 1.0;
        }
        let explanations = input.explain.then(|| {
            values
                .iter()
                .map(|&v| Explanation::of([("in_oracle_set", v), ("objective", result.objective)]))
                .collect()
        });
        Ok(Scores {
            values,
            explanations,
        })
    }

    /// The oracle set, whole.
    fn select(
        &self,
        _input: &Input<'_>,
        scores: &[f64],
        selector: &mut Selector<'_>,
    ) -> nutgraf_core::Result<()> {
        for (i, _) in scores.iter().enumerate().filter(|(_, &s)| s > 0.0) {
            selector.add_unbounded(i);
        }
        Ok(())
    }
}

/// The oracle labels of one document, as `nutgraf oracle` writes them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OracleRecord {
    /// The document's id, if it has one.
    pub id: Option<String>,
    /// The oracle set, in document order.
    pub indices: Vec<usize>,
    /// The objective's value for this set.
    pub objective: f64,
    /// Its ROUGE-1.5.5 scores (unrounded), as `{"ROUGE-1": {"f", "precision", "recall"}, ...}`.
    #[serde(serialize_with = "sorted_scores")]
    pub rouge: oracle::OracleScores,
}

/// The scores with their keys sorted, as in every JSON form of scores (and as `nutgraf oracle`
/// has always written them).
fn sorted_scores<S: serde::Serializer>(
    scores: &oracle::OracleScores,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    #[derive(Serialize)]
    struct Sorted {
        f: f64,
        precision: f64,
        recall: f64,
    }
    let mut map = s.serialize_map(Some(3))?;
    for (name, score) in [
        ("ROUGE-1", scores.rouge1),
        ("ROUGE-2", scores.rouge2),
        ("ROUGE-L", scores.rouge_l),
    ] {
        let sorted = Sorted {
            f: score.f,
            precision: score.precision,
            recall: score.recall,
        };
        map.serialize_entry(name, &sorted)?;
    }
    map.end()
}

impl OracleRecord {
    /// The record of `result` for `doc`.
    pub fn new(doc: &Document, result: OracleResult) -> OracleRecord {
        OracleRecord {
            id: doc.id().map(str::to_string),
            indices: result.indices,
            objective: result.objective,
            rouge: result.scores,
        }
    }
}

/// A training record in SummaRuNNer's format: one sentence per line in `doc`, a 0/1 label per
/// line in `labels`, the reference one sentence per line in `summaries`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummarunnerRecord {
    /// The sentences, one per line (a line break inside a sentence becomes a space).
    pub doc: String,
    /// The document's id, if it has one.
    pub id: Option<String>,
    /// One label per sentence, one per line.
    pub labels: String,
    /// The reference, one sentence per line.
    pub summaries: String,
}

impl SummarunnerRecord {
    /// The record of `doc` with the sentences `indices` labelled 1.
    pub fn new(doc: &Document, indices: &[usize]) -> SummarunnerRecord {
        let mut labels = vec!["0"; doc.len()];
        for &i in indices {
            if let Some(l) = labels.get_mut(i) {
                *l = "1";
            }
        }
        let flat = |s: &str| s.replace(['\r', '\n'], " ");
        let sentences: Vec<String> = doc.sentence_texts().map(flat).collect();
        let summaries: Vec<String> = doc
            .reference()
            .unwrap_or(&[])
            .iter()
            .map(|s| flat(s))
            .collect();
        SummarunnerRecord {
            id: doc.id().map(str::to_string),
            doc: sentences.join("\n"),
            labels: labels.join("\n"),
            summaries: summaries.join("\n"),
        }
    }
}
