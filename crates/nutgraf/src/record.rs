//! Results as data: [`SummaryRecord`] (everything about one summarized document, what
//! `--output json`, Python and HTTP return) and [`SummaryLine`] (the brief form of
//! `--output jsonl`). Both are owned and round-trip through serde.

use std::sync::Arc;

use nutgraf_core::methods::Explanation;
use nutgraf_core::Document;
use serde::{Deserialize, Serialize};

use crate::config::SummarizerConfig;
use crate::summarizer::Summary;

/// One sentence of a summarized document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceRecord {
    /// 0-based sentence index.
    pub index: usize,
    /// Byte span `[start, end)` in the document text.
    pub span: [usize; 2],
    /// Character span `[start, end)` in the document text (Unicode scalar values, as Python
    /// indexes strings).
    pub char_span: [usize; 2],
    /// The method's score.
    pub score: f64,
    /// Whether the sentence is in the summary.
    pub selected: bool,
    /// The sentence text.
    pub text: String,
    /// Why it got its score, when explanations were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// Everything about one summarized document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryRecord {
    /// The document's id, if it has one.
    pub id: Option<String>,
    /// The language the document was read as (given or detected), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<nutgraf_core::Language>,
    /// The method's name.
    pub method: String,
    /// The configuration that made it: replayed, it gives the same record.
    pub config: Arc<SummarizerConfig>,
    /// Every sentence of the document.
    pub sentences: Vec<SentenceRecord>,
    /// The selected sentences' texts, in document order.
    pub summary: Vec<String>,
}

/// The brief form: the id, the selected indices and their texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryLine {
    /// The document's id, if it has one.
    pub id: Option<String>,
    /// Selected sentence indices, in document order.
    pub indices: Vec<usize>,
    /// Their texts.
    pub summary: Vec<String>,
}

impl Summary {
    /// The full record of this summary of `doc`, made with `config`.
    pub fn record(&self, doc: &Document, config: Arc<SummarizerConfig>) -> SummaryRecord {
        let mut selected = vec![false; doc.len()];
        for &i in &self.selected {
            if let Some(s) = selected.get_mut(i) {
                *s = true;
            }
        }
        let char_spans = doc.char_spans();
        let explanation = |i: usize| self.explanations.as_ref().and_then(|e| e.get(i).cloned());
        let sentences = doc
            .sentences()
            .iter()
            .zip(char_spans)
            .enumerate()
            .map(|(i, (s, chars))| SentenceRecord {
                index: i,
                span: [s.span.start, s.span.end],
                char_span: [chars.start, chars.end],
                score: self.scores.get(i).copied().unwrap_or(0.0),
                selected: selected[i],
                text: doc.sentence(i).to_string(),
                explanation: explanation(i),
            })
            .collect();
        SummaryRecord {
            id: doc.id().map(str::to_string),
            language: doc.language(),
            method: config.method.name().to_string(),
            config,
            sentences,
            summary: self.texts(doc).into_iter().map(str::to_string).collect(),
        }
    }

    /// The brief record of this summary of `doc`.
    pub fn line(&self, doc: &Document) -> SummaryLine {
        SummaryLine {
            id: doc.id().map(str::to_string),
            indices: self.selected.clone(),
            summary: self.texts(doc).into_iter().map(str::to_string).collect(),
        }
    }
}
