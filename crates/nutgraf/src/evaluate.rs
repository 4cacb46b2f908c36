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

/// How summaries to score are laid out in files (see [`read_summaries`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryFiles {
    /// JSONL: the field holding the summary (a string or a list of sentences).
    pub field: String,
    /// Sentence separator inside a summary line (` <q> ` in pyrouge-style files).
    pub separator: String,
    /// Replace invalid UTF-8 instead of failing.
    pub lossy: bool,
}

/// Reads the summaries of `path`: a directory (one summary per file, one sentence per line),
/// JSONL (by extension or a leading `{`), or text with one summary per line. Binary files and
/// invalid UTF-8 are refused as every reader of nutgraf refuses them (`lossy` replaces
/// invalid bytes).
#[cfg(feature = "io")]
pub fn read_summaries(path: &std::path::Path, layout: &SummaryFiles) -> Result<Vec<Vec<String>>> {
    use nutgraf_eval::input;
    if path.is_dir() {
        // pyrouge's layout: the regular files, hidden ones skipped, in name order, one
        // sentence per line.
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|source| io_error(path, source))? {
            let entry = entry.map_err(|source| io_error(path, source))?;
            let hidden = entry.file_name().as_encoded_bytes().starts_with(b".");
            if !hidden && entry.path().is_file() {
                files.push(entry.path());
            }
        }
        files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        return files
            .iter()
            .map(|file| {
                let text = text_of(file, layout.lossy)?;
                Ok(input::lines(&text)
                    .flat_map(|l| input::split_sentences(l, ""))
                    .collect())
            })
            .collect();
    }
    let text = text_of(path, layout.lossy)?;
    let jsonl = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    ) || text.trim_start().starts_with('{');
    Ok(if jsonl {
        input::parse_jsonl(text.as_bytes(), path, &layout.field, &layout.separator)
            .map_err(nutgraf_eval::Error::from)?
    } else {
        input::parse_lines(text.as_bytes(), &layout.separator)
    })
}

#[cfg(feature = "io")]
fn io_error(path: &std::path::Path, source: std::io::Error) -> Error {
    nutgraf_core::Error::Io {
        path: path.to_path_buf(),
        source,
    }
    .into()
}

/// A file's text, with the checks of every nutgraf reader.
#[cfg(feature = "io")]
fn text_of(path: &std::path::Path, lossy: bool) -> Result<String> {
    use nutgraf_core::read::{check_text, decode, HEAD_LEN};
    let bytes = std::fs::read(path).map_err(|source| io_error(path, source))?;
    check_text(path, &bytes[..bytes.len().min(HEAD_LEN)])?;
    Ok(decode(path, bytes, lossy)?)
}
