//! From sentence text to terms: the summarizers' view of a document.
//!
//! Terms are normalized so that the same article in raw, PTB-tokenized, cased or lowercased form
//! gives the same terms (see `normalize.rs`). Stemming and stopwords follow the document's
//! language (Snowball stemmers of `rust-stemmers`; NLTK's English stopwords, Stopwords ISO
//! for the others); Chinese and Japanese, written without spaces, get character bigrams as
//! terms. Term ids are dense and local to one document, so
//! methods can use plain vectors indexed by term.

mod cache;
mod cjk;
mod lexicon;
mod normalize;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::language::{Language, LanguageChoice};
pub use cjk::is_cjk;
use normalize::WordCounter;
pub use normalize::{tokens, word_count};

/// A term id, dense within one [`Analyzed`] document.
pub type TermId = u32;

/// Options of the [`Analyzer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalyzerOptions {
    /// Stem terms (the Snowball stemmer of the language, via `rust-stemmers`).
    pub stem: bool,
    /// Drop the language's stopwords.
    pub stopwords: bool,
    /// The language of the documents: `auto` (the default) takes the one each document was
    /// read as, or detects it.
    pub language: LanguageChoice,
}

impl Default for AnalyzerOptions {
    fn default() -> AnalyzerOptions {
        AnalyzerOptions {
            stem: true,
            stopwords: true,
            language: LanguageChoice::Auto,
        }
    }
}

/// Turns documents into [`Analyzed`] term sequences. Cheap to clone; `Sync`.
#[derive(Clone)]
pub struct Analyzer {
    options: AnalyzerOptions,
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
        Analyzer { options }
    }

    /// The language `doc` is analyzed as.
    pub fn language_of(&self, doc: &Document) -> Language {
        match self.options.language {
            LanguageChoice::Is(l) => l,
            LanguageChoice::Auto => doc
                .language()
                .unwrap_or_else(|| LanguageChoice::Auto.resolve(doc.text())),
        }
    }

    /// The options.
    pub fn options(&self) -> AnalyzerOptions {
        self.options
    }

    /// Analyzes every sentence of `doc`, token ids for trigram blocking and term texts
    /// included.
    pub fn analyze(&self, doc: &Document) -> Analyzed {
        self.analyze_with(doc, Fill::all())
    }

    /// Analyzes every sentence of `doc`; `fill` says which optional parts to compute.
    pub fn analyze_with(&self, doc: &Document, fill: Fill) -> Analyzed {
        let n = doc.len();
        let tokens = fill.tokens;
        let mut out = Analyzed {
            n_terms: 0,
            sentences: Vec::with_capacity(n),
            tokens: Vec::with_capacity(if tokens { n } else { 0 }),
            words: Vec::with_capacity(n),
            bytes: Vec::with_capacity(n),
            terms: Vec::new(),
        };
        // Dense per-document ids, in first-occurrence order: the same whatever the memo holds.
        // Token ids (for trigram blocking) have their own dense space, kept in a map since the
        // memo's stamps serve the terms.
        let mut next_term = 0u32;
        let mut token_ids: FxHashMap<u32, TermId> = FxHashMap::default();
        let mut buf = Vec::new();
        let mut keys = Vec::new();
        let language = self.language_of(doc);
        let AnalyzerOptions {
            stem, stopwords, ..
        } = self.options;
        cache::with_memo(language, stem, stopwords, |memo| {
            memo.start_document();
            for text in doc.sentence_texts() {
                buf.clear();
                keys.clear();
                let mut words = WordCounter::default();
                for word in text.split_whitespace() {
                    if language.is_cjk() {
                        words.count += cjk::units(word, memo, &mut buf, &mut keys);
                    } else {
                        words.push(memo.word(word, &mut buf, &mut keys));
                    }
                }
                let mut sentence = Vec::with_capacity(keys.len());
                for &key in &keys {
                    let before = next_term;
                    let id = memo.dense(key, &mut next_term);
                    if fill.terms && next_term != before {
                        out.terms.push(memo.name(key).to_string());
                    }
                    sentence.push(id);
                }
                if tokens {
                    let ids = buf.iter().map(|&t| {
                        let next = token_ids.len() as TermId;
                        *token_ids.entry(t).or_insert(next)
                    });
                    out.tokens.push(ids.collect());
                }
                out.sentences.push(sentence);
                out.words.push(words.count);
                out.bytes.push(text.len());
            }
        });
        out.n_terms = next_term as usize;
        out
    }
}

/// Which optional parts of an [`Analyzed`] document to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fill {
    /// [`Analyzed::tokens`], needed only for trigram blocking.
    pub tokens: bool,
    /// [`Analyzed::terms`], needed only for explanations.
    pub terms: bool,
}

impl Fill {
    /// Every optional part.
    pub fn all() -> Fill {
        Fill {
            tokens: true,
            terms: true,
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
    /// ids in their own id space: used for trigram blocking. Empty when the analysis was asked
    /// not to fill it ([`Fill::tokens`]).
    pub tokens: Vec<Vec<TermId>>,
    /// The text of each term (`terms[t]` for [`TermId`] `t`), as normalized (and stemmed);
    /// empty unless asked for ([`Fill::terms`]).
    pub terms: Vec<String>,
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

    /// The text of term `t`; empty when term texts were not computed ([`Fill::terms`]).
    pub fn term(&self, t: TermId) -> &str {
        self.terms.get(t as usize).map_or("", String::as_str)
    }
}
