//! Sentence splitting for news text (raw or tokenized).
//!
//! First version: split after `.`, `!`, `?` followed by whitespace; blank lines end paragraphs.
//! (To be replaced by the full splitter.)

use crate::document::Sentence;

/// Splits text into sentences with byte spans.
#[derive(Debug, Clone, Default)]
pub struct SentenceSplitter {}

impl SentenceSplitter {
    /// A splitter with the default rules.
    pub fn new() -> SentenceSplitter {
        SentenceSplitter {}
    }

    /// Sentences of `text`, in order, trimmed; spans do not overlap and only whitespace lies
    /// between them.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut start = None;
        let bytes = text.as_bytes();
        for (i, c) in text.char_indices() {
            if start.is_none() && !c.is_whitespace() {
                start = Some(i);
            }
            let end_here = matches!(c, '.' | '!' | '?')
                && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
            if let (true, Some(s)) = (end_here, start) {
                out.push(Sentence {
                    span: s..i + 1,
                    paragraph: 0,
                });
                start = None;
            }
        }
        if let Some(s) = start {
            out.push(Sentence {
                span: s..text.trim_end().len(),
                paragraph: 0,
            });
        }
        out
    }
}
