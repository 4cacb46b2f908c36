//! Documents and sentences, with byte spans into the original text.

use std::ops::Range;

/// One sentence of a [`Document`]: a byte span into [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range of the sentence in the document text (no surrounding whitespace).
    pub span: Range<usize>,
    /// 0-based paragraph the sentence belongs to.
    pub paragraph: usize,
}

/// A document: its text, its sentences, and optionally its id and reference summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Identifier (from a corpus record, or the file name).
    pub id: Option<String>,
    /// The text the sentence spans point into.
    pub text: String,
    /// Sentences in document order; spans are increasing and do not overlap.
    pub sentences: Vec<Sentence>,
    /// Reference summary sentences (`highlights`, `@highlight`, `summaries`), when the input has one.
    pub reference: Option<Vec<String>>,
    /// Gold extractive labels, one per sentence, when the input has them (SummaRuNNer records).
    pub labels: Option<Vec<u8>>,
}

impl Document {
    /// The text of sentence `i`.
    ///
    /// # Panics
    /// If `i` is out of range.
    pub fn sentence(&self, i: usize) -> &str {
        &self.text[self.sentences[i].span.clone()]
    }

    /// Iterates over the sentence texts in document order.
    pub fn sentence_texts(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.sentences.iter().map(|s| &self.text[s.span.clone()])
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when the document has no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// Builds a document from sentences given as separate strings: the text is the sentences
    /// joined by `\n`, and each span covers one of them (trimmed). Empty sentences are dropped.
    pub fn from_sentences<S: AsRef<str>>(sentences: impl IntoIterator<Item = S>) -> Document {
        let mut text = String::new();
        let mut spans = Vec::new();
        for s in sentences {
            let s = s.as_ref().trim();
            if s.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            let start = text.len();
            text.push_str(s);
            spans.push(Sentence {
                span: start..text.len(),
                paragraph: 0,
            });
        }
        Document {
            text,
            sentences: spans,
            ..Document::default()
        }
    }
}
