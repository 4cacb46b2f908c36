//! From sentence text to terms: the summarizers' view of a document.
//!
//! Terms are normalized so that the same article in raw, PTB-tokenized, cased or lowercased form
//! gives the same terms (see [`normalize`]). Term ids are dense and local to one document, so
//! methods can use plain vectors indexed by term.

mod normalize;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::Document;
pub use normalize::{tokens, word_count};

/// A term id, dense within one [`Analyzed`] document.
pub type TermId = u32;

/// Options of the [`Analyzer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyzerOptions {
    /// Porter-stem terms (Snowball English, via `rust-stemmers`).
    pub stem: bool,
    /// Drop English stopwords.
    pub stopwords: bool,
}

impl Default for AnalyzerOptions {
    fn default() -> AnalyzerOptions {
        AnalyzerOptions {
            stem: true,
            stopwords: true,
        }
    }
}

/// Turns documents into [`Analyzed`] term sequences. Cheap to clone; `Sync`.
#[derive(Clone)]
pub struct Analyzer {
    options: AnalyzerOptions,
    stemmer: std::sync::Arc<rust_stemmers::Stemmer>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("options", &self.options)
            .finish()
    }
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new(AnalyzerOptions::default())
    }
}

impl Analyzer {
    /// An analyzer with these options.
    pub fn new(options: AnalyzerOptions) -> Analyzer {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        Analyzer {
            options,
            stemmer: std::sync::Arc::new(stemmer),
        }
    }

    /// The options.
    pub fn options(&self) -> AnalyzerOptions {
        self.options
    }

    /// Analyzes every sentence of `doc`.
    pub fn analyze(&self, doc: &Document) -> Analyzed {
        let mut ids: HashMap<String, TermId> = HashMap::new();
        let mut sentences = Vec::with_capacity(doc.len());
        let mut words = Vec::with_capacity(doc.len());
        let mut bytes = Vec::with_capacity(doc.len());
        let mut all_tokens = Vec::with_capacity(doc.len());
        for text in doc.sentence_texts() {
            let mut terms = Vec::new();
            let mut toks = Vec::new();
            for tok in tokens(text) {
                toks.push(tok.clone());
                if self.options.stopwords && normalize::is_stopword(&tok) {
                    continue;
                }
                if !tok.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let term = if self.options.stem {
                    self.stemmer.stem(&tok).into_owned()
                } else {
                    tok
                };
                let next = ids.len() as TermId;
                terms.push(*ids.entry(term).or_insert(next));
            }
            sentences.push(terms);
            words.push(word_count(text));
            bytes.push(text.len());
            all_tokens.push(toks);
        }
        let mut tok_ids: HashMap<String, TermId> = HashMap::new();
        let token_ids = all_tokens
            .into_iter()
            .map(|toks| {
                toks.into_iter()
                    .map(|t| {
                        let next = tok_ids.len() as TermId;
                        *tok_ids.entry(t).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        Analyzed {
            n_terms: ids.len(),
            sentences,
            tokens: token_ids,
            words,
            bytes,
        }
    }
}

/// A document as the summarizers see it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analyzed {
    /// Number of distinct terms; every [`TermId`] in `sentences` is `< n_terms`.
    pub n_terms: usize,
    /// Content terms of each sentence, in order (stopwords and punctuation removed as configured).
    pub sentences: Vec<Vec<TermId>>,
    /// All normalized tokens of each sentence (punctuation and stopwords kept, not stemmed), as
    /// ids in their own id space: used for trigram blocking.
    pub tokens: Vec<Vec<TermId>>,
    /// Words of each sentence, as counted by word budgets.
    pub words: Vec<usize>,
    /// Bytes of each sentence, as counted by byte budgets.
    pub bytes: Vec<usize>,
}

impl Analyzed {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when there is no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}
