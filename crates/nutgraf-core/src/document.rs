//! Documents and sentences, with byte spans into the original text.
//!
//! A [`Document`]'s fields are private and every constructor checks or builds valid spans, so
//! that [`Document::sentence`] with an index below [`Document::len`] can never panic, whatever
//! a caller across an FFI boundary passes in.

use std::ops::Range;

use crate::error::{Error, Result};
use crate::language::Language;
use crate::read::{self, ReadOptions};

/// One sentence of a [`Document`]: a byte span into [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range of the sentence in the document text (no surrounding whitespace).
    pub span: Range<usize>,
    /// 0-based paragraph the sentence belongs to.
    pub paragraph: usize,
}

/// A document: its text, its sentences, and optionally its id, reference summary and labels.
///
/// Sentence spans are increasing, non-overlapping, within the text and on character
/// boundaries: the constructors guarantee it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    // `pub(crate)` for the readers, which build documents from the splitter's spans.
    pub(crate) id: Option<String>,
    pub(crate) text: String,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) reference: Option<Vec<String>>,
    pub(crate) labels: Option<Vec<u8>>,
    pub(crate) language: Option<Language>,
}

impl Document {
    /// Builds a document from raw text, split into sentences as `options.format` says
    /// (detected when `None`: one sentence per line, raw text, or a `.story`). A corpus format
    /// (`jsonl`, `summarunner`) must hold exactly one record here.
    ///
    /// ```
    /// use nutgraf_core::read::ReadOptions;
    /// use nutgraf_core::Document;
    ///
    /// let doc = Document::from_text("The storm hit. Power was cut.", &ReadOptions::default()).unwrap();
    /// assert_eq!(doc.sentence_texts().collect::<Vec<_>>(), ["The storm hit.", "Power was cut."]);
    /// ```
    pub fn from_text(text: &str, options: &ReadOptions) -> Result<Document> {
        let format = read::detect_format(text, options);
        let mut docs = read::parse_text(text, format, options)?;
        match docs.len() {
            1 => Ok(docs.remove(0)),
            n => Err(Error::InvalidDocument {
                message: format!("expected one {format} record, found {n}"),
            }),
        }
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
        Document::trusted(text, spans)
    }

    /// Builds a document from a text and its sentence spans, checking that the spans are
    /// increasing, do not overlap, lie within the text and on character boundaries.
    pub fn from_parts(text: String, sentences: Vec<Sentence>) -> Result<Document> {
        let mut end = 0;
        for (i, s) in sentences.iter().enumerate() {
            let Range { start, end: stop } = s.span;
            let problem = if start > stop {
                Some("starts after it ends")
            } else if stop > text.len() {
                Some("ends past the end of the text")
            } else if start < end {
                Some("overlaps the sentence before it")
            } else if !text.is_char_boundary(start) || !text.is_char_boundary(stop) {
                Some("is not on character boundaries")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(Error::InvalidDocument {
                    message: format!(
                        "sentence {i} (bytes {start}..{stop} of {}) {problem}",
                        text.len()
                    ),
                });
            }
            end = stop;
        }
        Ok(Document::trusted(text, sentences))
    }

    /// A document from spans made by this crate (the splitter, the readers), valid by
    /// construction; checked in debug builds.
    pub(crate) fn trusted(text: String, sentences: Vec<Sentence>) -> Document {
        debug_assert!(
            Document::from_parts(text.clone(), sentences.clone()).is_ok(),
            "invalid spans"
        );
        Document {
            text,
            sentences,
            ..Document::default()
        }
    }

    /// Sets the identifier.
    pub fn with_id(mut self, id: impl Into<String>) -> Document {
        self.id = Some(id.into());
        self
    }

    /// Sets or clears the identifier.
    pub fn set_id(&mut self, id: Option<String>) {
        self.id = id;
    }

    /// Sets the reference summary (one string per sentence).
    pub fn with_reference(mut self, reference: Vec<String>) -> Document {
        self.reference = Some(reference);
        self
    }

    /// Sets or clears the reference summary.
    pub fn set_reference(&mut self, reference: Option<Vec<String>>) {
        self.reference = reference;
    }

    /// Sets gold extractive labels, one per sentence (0 or 1).
    pub fn with_labels(mut self, labels: Vec<u8>) -> Result<Document> {
        if labels.len() != self.len() {
            return Err(Error::InvalidDocument {
                message: format!("{} labels for {} sentences", labels.len(), self.len()),
            });
        }
        if let Some(bad) = labels.iter().position(|&l| l > 1) {
            return Err(Error::InvalidDocument {
                message: format!("label {bad} is {}, expected 0 or 1", labels[bad]),
            });
        }
        self.labels = Some(labels);
        Ok(self)
    }

    /// Identifier (from a corpus record, or the file name).
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The text the sentence spans point into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text, consuming the document.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Sentences in document order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Reference summary sentences (`highlights`, `@highlight`, `summaries`), when the input
    /// has one.
    pub fn reference(&self) -> Option<&[String]> {
        self.reference.as_deref()
    }

    /// The language the document was read as (given, or detected), when a reader set it.
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// Sets the language (for the analysis of a document built from parts).
    pub fn with_language(mut self, language: Language) -> Document {
        self.language = Some(language);
        self
    }

    /// Gold extractive labels, one per sentence, when the input has them.
    pub fn labels(&self) -> Option<&[u8]> {
        self.labels.as_deref()
    }

    /// The text of sentence `i`.
    ///
    /// # Panics
    /// If `i >= self.len()`; see [`Document::get`].
    pub fn sentence(&self, i: usize) -> &str {
        &self.text[self.sentences[i].span.clone()]
    }

    /// The text of sentence `i`, or `None` when out of range.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.sentences.get(i).map(|s| &self.text[s.span.clone()])
    }

    /// Iterates over the sentence texts in document order.
    pub fn sentence_texts(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.sentences.iter().map(|s| &self.text[s.span.clone()])
    }

    /// Character (Unicode scalar value) spans of the sentences, for consumers that index
    /// strings by characters (Python, and JavaScript for text in the Basic Multilingual Plane).
    /// One pass over the text.
    pub fn char_spans(&self) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(self.sentences.len());
        let (mut byte, mut chars) = (0usize, 0usize);
        let mut advance = |to: usize| {
            chars += self.text[byte..to].chars().count();
            byte = to;
            chars
        };
        for s in &self.sentences {
            let start = advance(s.span.start);
            let end = advance(s.span.end);
            out.push(start..end);
        }
        out
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when the document has no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(span: Range<usize>) -> Sentence {
        Sentence { span, paragraph: 0 }
    }

    #[test]
    fn from_parts_checks_every_span() {
        let text = "héllo world".to_string();
        assert!(Document::from_parts(text.clone(), vec![sentence(0..6), sentence(7..12)]).is_ok());
        #[allow(clippy::reversed_empty_ranges)] // a reversed span is one of the cases under test
        let reversed = sentence(3..1);
        for bad in [
            vec![reversed],
            vec![sentence(0..99)],
            vec![sentence(0..6), sentence(5..8)],
            vec![sentence(0..2)], // inside the two bytes of é
        ] {
            let err = Document::from_parts(text.clone(), bad.clone()).unwrap_err();
            assert!(
                matches!(err, Error::InvalidDocument { .. }),
                "{bad:?}: {err}"
            );
        }
    }

    #[test]
    fn char_spans_count_characters() {
        let doc = Document::from_sentences(["héllo wörld", "naïve €uro"]);
        assert_eq!(doc.char_spans(), vec![0..11, 12..22]);
        let spans: Vec<_> = doc.sentences().iter().map(|s| s.span.clone()).collect();
        assert_eq!(spans, vec![0..13, 14..27]);
    }

    #[test]
    fn labels_must_match_sentences() {
        let doc = Document::from_sentences(["a", "b"]);
        assert!(doc.clone().with_labels(vec![1]).is_err());
        assert!(doc.clone().with_labels(vec![1, 2]).is_err());
        assert_eq!(
            doc.with_labels(vec![1, 0]).unwrap().labels(),
            Some(&[1, 0][..])
        );
    }

    #[test]
    fn get_never_panics() {
        let doc = Document::from_sentences(["a"]);
        assert_eq!(doc.get(0), Some("a"));
        assert_eq!(doc.get(1), None);
        assert_eq!(Document::default().get(0), None);
    }
}
