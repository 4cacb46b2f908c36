//! Readers for every form news comes in.
//!
//! First version: `lines` from a plain file only. (To be completed: text, story, jsonl,
//! summarunner; gzip/zstd; stdin; directories; format detection.)

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::document::{Document, Sentence};
use crate::error::{Error, Result};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One sentence per line.
    Lines,
    /// Raw or tokenized text, split into sentences by nutgraf.
    Text,
    /// A CNN/DailyMail `.story` file.
    Story,
    /// One JSON object per line.
    Jsonl,
    /// SummaRuNNer's JSON records, one per line.
    Summarunner,
}

impl Format {
    /// Every format.
    pub const ALL: &'static [Format] = &[
        Format::Lines,
        Format::Text,
        Format::Story,
        Format::Jsonl,
        Format::Summarunner,
    ];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Lines => "lines",
            Format::Text => "text",
            Format::Story => "story",
            Format::Jsonl => "jsonl",
            Format::Summarunner => "summarunner",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == s)
            .ok_or_else(|| Error::UnknownFormat(s.to_string()))
    }
}

/// Options of the readers.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Force a format; `None` detects it.
    pub format: Option<Format>,
    /// JSONL field holding the article.
    pub text_field: String,
    /// JSONL field holding the reference summary.
    pub reference_field: String,
    /// Replace invalid UTF-8 instead of failing.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: None,
            text_field: "article".into(),
            reference_field: "highlights".into(),
            lossy: false,
        }
    }
}

/// A stream of documents from one path (file, `-` for stdin, or directory).
///
/// A malformed record yields an `Err` and the stream goes on with the next record; an I/O error
/// ends the stream.
pub struct Reader {
    docs: std::vec::IntoIter<Result<Document>>,
}

impl Reader {
    /// Opens `path`.
    pub fn open(path: &Path, options: &ReadOptions) -> Result<Reader> {
        let _ = options;
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: PathBuf::from(path),
            source,
        })?;
        let mut doc = Document::default();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let start = offset + (line.len() - line.trim_start().len());
                doc.sentences.push(Sentence {
                    span: start..start + trimmed.len(),
                    paragraph: 0,
                });
            }
            offset += line.len();
        }
        doc.text = text;
        doc.id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        Ok(Reader {
            docs: vec![Ok(doc)].into_iter(),
        })
    }
}

impl Iterator for Reader {
    type Item = Result<Document>;
    fn next(&mut self) -> Option<Result<Document>> {
        self.docs.next()
    }
}
