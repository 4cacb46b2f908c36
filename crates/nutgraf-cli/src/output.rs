//! Writing summaries as text, JSON or JSONL.

use std::io::Write;

use nutgraf::{Document, Summary};
use serde::Serialize;

use crate::args::OutputFormat;

/// One sentence in `--output json`.
#[derive(Debug, Default, Serialize)]
pub struct SentenceRecord<'a> {
    /// 0-based sentence index.
    pub index: usize,
    /// Byte span `[start, end)` in the document text.
    pub span: [usize; 2],
    /// The method's score.
    pub score: f64,
    /// Whether the sentence is in the summary.
    pub selected: bool,
    /// The sentence text.
    pub text: &'a str,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    id: Option<&'a str>,
    method: &'a str,
    config: &'a serde_json::Value,
    sentences: Vec<SentenceRecord<'a>>,
    summary: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonlDocument<'a> {
    id: Option<&'a str>,
    indices: &'a [usize],
    summary: Vec<&'a str>,
}

/// Writes summaries in the chosen format, in the order it is given them.
pub struct SummaryWriter<W: Write> {
    out: W,
    format: OutputFormat,
    method: String,
    config: serde_json::Value,
    written: usize,
}

impl<W: Write> SummaryWriter<W> {
    /// A writer for the output of `method` configured as `config`.
    pub fn new(out: W, format: OutputFormat, method: String, config: serde_json::Value) -> Self {
        SummaryWriter {
            out,
            format,
            method,
            config,
            written: 0,
        }
    }

    /// Writes the summary of one document.
    pub fn write(&mut self, doc: &Document, summary: &Summary) -> anyhow::Result<()> {
        let texts: Vec<&str> = summary.selected.iter().map(|&i| doc.sentence(i)).collect();
        match self.format {
            OutputFormat::Text => {
                if self.written > 0 {
                    writeln!(self.out)?;
                }
                for t in &texts {
                    writeln!(self.out, "{t}")?;
                }
            }
            OutputFormat::Json => {
                let mut selected = vec![false; doc.len()];
                summary.selected.iter().for_each(|&i| selected[i] = true);
                let sentences = doc
                    .sentences
                    .iter()
                    .enumerate()
                    .map(|(i, s)| SentenceRecord {
                        index: i,
                        span: [s.span.start, s.span.end],
                        score: summary.scores[i],
                        selected: selected[i],
                        text: doc.sentence(i),
                    })
                    .collect();
                let record = JsonDocument {
                    id: doc.id.as_deref(),
                    method: &self.method,
                    config: &self.config,
                    sentences,
                    summary: texts,
                };
                serde_json::to_writer_pretty(&mut self.out, &record)?;
                writeln!(self.out)?;
            }
            OutputFormat::Jsonl => {
                let record = JsonlDocument {
                    id: doc.id.as_deref(),
                    indices: &summary.selected,
                    summary: texts,
                };
                serde_json::to_writer(&mut self.out, &record)?;
                writeln!(self.out)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.out
    }
}
