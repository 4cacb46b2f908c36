//! "Summarize → normalize → score": one definition of the headline numbers, used by
//! `nutgraf eval`, by SummaRuNNer's model selection during training, and by every binding.
//!
//! Normalization (PTB escapes read as the characters they stand for) and scoring are
//! [`Evaluator`]'s; this module adds the summarizing and the document bookkeeping.

use nutgraf_core::Document;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use nutgraf_eval::{CorpusEval, DocEval, EvalConfig, Evaluator, RougeF};

use crate::error::{Error, Result};
use crate::summarizer::Summarizer;

/// One document summarized and scored: what `nutgraf eval --per-doc` writes per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluated {
    /// The document's id, if it has one.
    pub id: Option<String>,
    /// The selected sentences, in document order.
    pub indices: Vec<usize>,
    /// Their scores against the document's reference.
    pub scores: DocEval,
}

/// Summarizes `doc` with `summarizer` and scores the summary against the document's
/// reference with `evaluator`.
pub fn evaluate(
    summarizer: &Summarizer,
    evaluator: &Evaluator,
    doc: &Document,
) -> Result<Evaluated> {
    let reference = doc.reference().ok_or_else(|| Error::Missing {
        what: "no reference summary to score against".into(),
    })?;
    let reference: Vec<&str> = reference.iter().map(String::as_str).collect();
    let summary = summarizer.summarize(doc)?;
    let scores = evaluator.score(&summary.texts(doc), &[reference])?;
    Ok(Evaluated {
        id: doc.id().map(str::to_string),
        indices: summary.selected,
        scores,
    })
}

/// [`evaluate`] over documents in memory, in parallel (current rayon pool), and the corpus
/// scores from the per-document ones in document order. The first failing document fails
/// the whole, naming it.
pub fn evaluate_all(
    summarizer: &Summarizer,
    evaluator: &Evaluator,
    docs: &[Document],
) -> Result<(Vec<Evaluated>, CorpusEval)> {
    let evaluated = docs
        .par_iter()
        .enumerate()
        .map(|(i, doc)| {
            evaluate(summarizer, evaluator, doc).map_err(|e| e.in_document(i, doc.id()))
        })
        .collect::<Result<Vec<_>>>()?;
    let scores: Vec<DocEval> = evaluated.iter().map(|e| e.scores.clone()).collect();
    let corpus = evaluator.corpus(&scores)?;
    Ok((evaluated, corpus))
}

/// The numbers extractive summarization papers report, as percentages: ROUGE-1.5.5
/// `-c 95 -r 1000 -n 2 -m` F of ROUGE-1, ROUGE-2 and ROUGE-L over `docs`, after PTB
/// unescaping. SummaRuNNer's model selection uses it.
pub fn paper_rouge_f(summarizer: &Summarizer, docs: &[Document]) -> Result<RougeF> {
    let evaluator = EvalConfig::perl(nutgraf_eval::perl::PerlConfig::rouge_1_2_l()).build()?;
    let (_, corpus) = evaluate_all(summarizer, &evaluator, docs)?;
    Ok(corpus.rouge_f().unwrap_or_default())
}
