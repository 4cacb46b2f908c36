//! Validation ROUGE: the model's top sentences against the references, ROUGE-1.5.5 with the
//! paper's flags (`-c 95 -r 1000 -n 2 -m`), corpus F-measures.

use nutgraf_core::select::Redundancy;
use nutgraf_core::{Budget, Document};
use nutgraf_eval::perl::{EvalIds, PerlConfig, Rouge155};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{ModelError, Result};
use crate::summarunner::SummaRuNNer;

/// Corpus ROUGE F-measures (percent).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct RougeF {
    /// ROUGE-1 F.
    pub rouge1: f64,
    /// ROUGE-2 F.
    pub rouge2: f64,
    /// ROUGE-L F.
    pub rouge_l: f64,
}

impl RougeF {
    /// The model-selection criterion: the sum of the three.
    pub fn total(&self) -> f64 {
        self.rouge1 + self.rouge2 + self.rouge_l
    }
}

impl std::fmt::Display for RougeF {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "R1 {:.2} / R2 {:.2} / RL {:.2}",
            self.rouge1, self.rouge2, self.rouge_l
        )
    }
}

/// The ROUGE-1.5.5 scorer of validation.
pub fn scorer() -> Result<Rouge155> {
    let config = PerlConfig::from_rouge_args(&["-c", "95", "-r", "1000", "-n", "2", "-m"])
        .map_err(|e| ModelError::Config(e.to_string()))?;
    config
        .build()
        .map_err(|e| ModelError::Config(e.to_string()))
}

/// ROUGE of the summaries `pick(doc)` of documents with references.
pub fn rouge_of<F>(rouge: &Rouge155, docs: &[Document], pick: F) -> Result<RougeF>
where
    F: Fn(usize, &Document) -> Vec<usize> + Sync,
{
    let scored: Vec<_> = docs
        .par_iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            let reference: Vec<&str> = doc.reference()?.iter().map(String::as_str).collect();
            let candidate: Vec<&str> = pick(i, doc).into_iter().map(|s| doc.sentence(s)).collect();
            Some(rouge.score(&candidate, &[&reference[..]]))
        })
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| ModelError::Data(e.to_string()))?;
    if scored.is_empty() {
        return Ok(RougeF::default());
    }
    let corpus = rouge
        .corpus(&scored, EvalIds::Pyrouge)
        .map_err(|e| ModelError::Data(e.to_string()))?;
    let f = |m: &str| corpus.get(m).map_or(0.0, |s| 100.0 * s.f.average);
    Ok(RougeF {
        rouge1: f("ROUGE-1"),
        rouge2: f("ROUGE-2"),
        rouge_l: f("ROUGE-L"),
    })
}

/// Validation ROUGE of `model`: top `budget` by probability, in document order.
pub fn validate(
    model: &SummaRuNNer,
    docs: &[Document],
    budget: Budget,
    redundancy: Redundancy,
    rouge: &Rouge155,
) -> Result<RougeF> {
    let scores = model.score_all(docs, 16)?;
    rouge_of(rouge, docs, |i, doc| {
        let tokens = redundancy == Redundancy::TrigramBlocking;
        let fill = nutgraf_core::analysis::Fill { tokens, terms: false };
        let analyzed = nutgraf_core::analysis::Analyzer::default().analyze_with(doc, fill);
        let mut sel = nutgraf_core::select::Selector::new(&analyzed, budget, redundancy);
        sel.fill_by_scores(&scores[i]);
        sel.into_sorted()
    })
}
