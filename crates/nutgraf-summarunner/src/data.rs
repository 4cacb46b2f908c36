//! Reading corpora and labelling them with the greedy ROUGE oracle.

use std::collections::HashMap;
#[cfg(feature = "io")]
use std::path::Path;

#[cfg(feature = "io")]
use nutgraf_core::read::{ReadOptions, Reader};
use nutgraf_core::Document;
use nutgraf_eval::oracle::{label_texts, OracleConfig};
use nutgraf_eval::perl::Tokenizer;
use rayon::prelude::*;

use crate::config::ModelConfig;
#[cfg(feature = "io")]
use crate::error::{ModelError, Result};
use crate::model::batch::Example;
use crate::vocab::Vocab;

/// Reads up to `max` documents of `path` (any format nutgraf reads).
#[cfg(feature = "io")]
pub fn read_documents(path: &Path, max: Option<usize>) -> Result<Vec<Document>> {
    let mut reader = Reader::open(path, &ReadOptions::default())
        .map_err(|e| ModelError::Data(format!("{}: {e}", path.display())))?;
    let mut docs = Vec::new();
    while docs.len() < max.unwrap_or(usize::MAX) {
        match reader.next_record() {
            None => break,
            Some(Ok(record)) => docs.push(record.document),
            Some(Err(e)) => return Err(ModelError::Data(format!("{}: {e}", path.display()))),
        }
    }
    Ok(docs)
}

/// 0/1 labels of every sentence: the document's own labels (SummaRuNNer records, `nutgraf
/// oracle --output summarunner`) or the greedy oracle (ROUGE-1 + ROUGE-2 F, at most 3
/// sentences, stemmed ROUGE-1.5.5 tokens, as `nutgraf oracle`) against its reference.
/// `None` for a document with neither.
pub fn oracle_labels(docs: &[Document]) -> Vec<Option<Vec<u8>>> {
    let config = OracleConfig::default();
    docs.par_iter()
        .map_init(
            || Tokenizer::new(true, false),
            |tokenizer, doc| {
                if let Some(labels) = doc.labels().filter(|l| l.len() == doc.len()) {
                    return Some(labels.to_vec());
                }
                let reference = doc.reference()?;
                let sentences: Vec<&str> = doc.sentence_texts().collect();
                let result = label_texts(tokenizer, &sentences, reference, &config).ok()?;
                let mut labels = vec![0u8; doc.len()];
                for i in result.indices {
                    labels[i] = 1;
                }
                Some(labels)
            },
        )
        .collect()
}

/// Token counts of the sentences of `docs` (for [`Vocab::from_counts`]).
pub fn count_tokens(docs: &[Document]) -> HashMap<String, u64> {
    docs.par_iter()
        .fold(HashMap::new, |mut counts, doc| {
            for s in doc.sentence_texts() {
                Vocab::count(&mut counts, s);
            }
            counts
        })
        .reduce(HashMap::new, |a, b| {
            // Merge the smaller map into the larger one.
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (k, v) in small {
                *big.entry(k).or_insert(0) += v;
            }
            big
        })
}

/// Labelled training examples (documents without labels or sentences are left out).
pub fn labelled_examples(docs: &[Document], vocab: &Vocab, config: &ModelConfig) -> Vec<Example> {
    let labels = oracle_labels(docs);
    docs.par_iter()
        .zip(labels)
        .filter_map(|(doc, labels)| {
            let labels = labels?;
            let mut e = Example::from_document(doc, vocab, config);
            e.labels = labels
                .iter()
                .take(e.sentences.len())
                .map(|&l| f32::from(l))
                .collect();
            (!e.sentences.is_empty()).then_some(e)
        })
        .collect()
}
