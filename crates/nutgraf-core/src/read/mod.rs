//! Readers for every form news comes in.
//!
//! [`Reader::open`] (cargo feature `io`, on by default) takes a file, `-` for stdin, or a
//! directory: every regular file under it, recursively, in path order, hidden files and
//! directories skipped, symbolic links followed (a link back to a directory above it is not
//! followed again; a dangling one is reported in its place as a bad record). `.gz` and
//! `.zst` inputs are decompressed transparently (by extension or magic bytes). Corpus formats
//! are streamed line by line, so a multi-gigabyte JSONL file is never held in memory.
//!
//! Without the `io` feature, text already in memory is read by [`detect_format`],
//! [`parse_text`] and [`crate::Document::from_text`].
//!
//! Formats, when [`ReadOptions::format`] is `None`, are detected per file:
//!
//! 1. a `.story` extension (after any `.gz`/`.zst`): [`Format::Story`];
//! 2. a `.jsonl`/`.json`/`.ndjson` extension, or content whose first non-blank line is a JSON
//!    object (it starts with `{"`, or parses; `{Breaking} A storm hit.` is text):
//!    [`Format::Jsonl`], or [`Format::Summarunner`] when the first record has a `doc` field and
//!    no text field;
//! 3. other text: [`Format::Lines`] when it looks like one sentence per line (at most 15% of
//!    its lines have a sentence starting inside them, as split by the splitter), else
//!    [`Format::Text`].
//!
//! Binary input (a NUL byte, or over 30% non-text bytes in the first 8 KiB) is rejected with
//! [`Error::Binary`]. An empty input gives one empty document for single-document formats and
//! no record for corpora.

mod byline;
mod jsonl;
mod plain;
#[cfg(feature = "io")]
mod reader;
#[cfg(feature = "io")]
mod source;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::language::LanguageChoice;
use crate::segment::SentenceSplitter;

#[cfg(feature = "io")]
pub use reader::Reader;
pub use text::{check_text, decode, HEAD_LEN};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
            .ok_or_else(|| {
                Error::config(
                    "format",
                    format!("{s:?}"),
                    "one of: lines, text, story, jsonl, summarunner",
                )
            })
    }
}

/// Options of the readers. As JSON, every field is optional:
/// `{"format": "jsonl", "text_field": "article", "reference_field": "highlights", "lossy": false,
/// "language": "auto", "keep_bylines": false}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadOptions {
    /// Force a format; `None` detects it.
    pub format: Option<Format>,
    /// JSONL field holding the article.
    pub text_field: String,
    /// JSONL field holding the reference summary.
    pub reference_field: String,
    /// Replace invalid UTF-8 instead of failing.
    pub lossy: bool,
    /// The language of the texts, for the splitter's rules (detected per document by
    /// default); recorded in each document for the analysis.
    pub language: LanguageChoice,
    /// Keep a leading DailyMail byline block (`By . <author> . PUBLISHED: … | UPDATED: … .
    /// Follow @… .`) among the sentences; by default it is dropped from them (the text and the
    /// other sentences' spans are unchanged).
    pub keep_bylines: bool,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: None,
            text_field: "article".into(),
            reference_field: "highlights".into(),
            lossy: false,
            language: LanguageChoice::Auto,
            keep_bylines: false,
        }
    }
}

/// One document read from an input, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The file it was read from (`-` for stdin).
    pub source: PathBuf,
    /// 1-based line of the record in a corpus file; 1 for single-document files.
    pub line: usize,
    /// The document.
    pub document: Document,
}

/// A record as read, before the costly part of parsing (JSON, sentence splitting), so that
/// callers can read in order on one thread and parse on many: see [`Reader::next_raw`].
#[derive(Debug)]
pub struct RawRecord {
    pub(crate) source: PathBuf,
    pub(crate) line: usize,
    pub(crate) content: Raw,
}

#[derive(Debug)]
pub(crate) enum Raw {
    /// A single-document file, parsed while reading (it had to be read whole anyway).
    #[cfg_attr(not(feature = "io"), allow(dead_code))]
    Parsed(Document),
    /// One line of a corpus.
    Line { bytes: Vec<u8>, format: Format },
}

impl RawRecord {
    /// One line of a corpus in `format` (`jsonl` or `summarunner`), read but not parsed:
    /// for callers that read lines themselves and parse them in parallel.
    pub fn from_line(
        source: impl Into<PathBuf>,
        line: usize,
        bytes: Vec<u8>,
        format: Format,
    ) -> RawRecord {
        RawRecord {
            source: source.into(),
            line,
            content: Raw::Line { bytes, format },
        }
    }

    /// The file the record comes from.
    pub fn source(&self) -> &Path {
        &self.source
    }

    /// 1-based line of the record (1 for single-document files).
    pub fn line(&self) -> usize {
        self.line
    }

    /// Parses the record. `splitter` splits text fields into sentences.
    pub fn parse(self, options: &ReadOptions, splitter: &SentenceSplitter) -> Result<Record> {
        let document = match self.content {
            Raw::Parsed(document) => document,
            Raw::Line { bytes, format } => {
                let record_error = |message: String| Error::Record {
                    path: self.source.clone(),
                    line: self.line,
                    message,
                };
                let bytes = trim_line_end(&bytes);
                let line = match std::str::from_utf8(bytes) {
                    Ok(s) => std::borrow::Cow::Borrowed(s),
                    Err(_) if options.lossy => String::from_utf8_lossy(bytes),
                    Err(e) => {
                        return Err(record_error(format!(
                            "invalid UTF-8 at byte {} of the line",
                            e.valid_up_to()
                        )))
                    }
                };
                jsonl::parse_object(&line)
                    .and_then(|object| match format {
                        Format::Summarunner => jsonl::summarunner_document(object, options),
                        _ => jsonl::jsonl_document(object, options, splitter),
                    })
                    .map_err(record_error)?
            }
        };
        Ok(Record {
            source: self.source,
            line: self.line,
            document,
        })
    }
}

/// `lines` or `text` for plain text (see the module docs).
/// Whether content starting with `head` looks like JSON records: its first non-blank line is
/// an object that starts with a key (`{"`) or `{}`, or parses as JSON. Text such as
/// `{Breaking} A storm hit.` is not JSON; a broken record is still read as one (and reported).
pub(crate) fn looks_like_json(head: &[u8]) -> bool {
    // A UTF-8 byte order mark is not content.
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let Some(start) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    let rest = &head[start..];
    if rest.first() != Some(&b'{') {
        return false;
    }
    let after = rest[1..].iter().find(|b| !b.is_ascii_whitespace());
    if matches!(after, Some(b'"' | b'}')) {
        return true;
    }
    let line = rest.split(|&b| b == b'\n').next().unwrap_or(rest);
    serde_json::from_slice::<serde_json::Value>(line).is_ok()
}

fn detect_plain(text: &str, splitter: &SentenceSplitter) -> Format {
    if plain::looks_like_lines(text, splitter) {
        Format::Lines
    } else {
        Format::Text
    }
}

fn parse_single(
    text: String,
    format: Format,
    splitter: &SentenceSplitter,
    options: &ReadOptions,
) -> Document {
    let language = options.language;
    let document = match format {
        Format::Lines => plain::parse_lines(text, language),
        Format::Story => plain::parse_story(text, splitter, language),
        _ => plain::parse_text(text, splitter, language),
    };
    finish(document, options)
}

/// What every reader does to a document once it has its sentences: a leading byline block is
/// dropped from them unless [`ReadOptions::keep_bylines`]. For consumers that build documents
/// from fields themselves (the Spark and Ray bindings, from Arrow columns) and must read them as
/// the readers do.
pub fn finish(mut document: Document, options: &ReadOptions) -> Document {
    if !options.keep_bylines {
        byline::strip(&mut document);
    }
    document
}

/// Detects the format of an in-memory text, as [`Reader`] does for a file without a telling
/// extension.
pub fn detect_format(text: &str, options: &ReadOptions) -> Format {
    if let Some(f) = options.format {
        return f;
    }
    let splitter = SentenceSplitter::new();
    if looks_like_json(text.as_bytes()) {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return match jsonl::parse_object(first) {
            Ok(object) => jsonl::resolve(&object, options),
            Err(_) => Format::Jsonl,
        };
    }
    if text.lines().any(|l| l.trim() == "@highlight") {
        return Format::Story;
    }
    detect_plain(text, &splitter)
}

/// A line without its line terminator, so that JSON errors point into the line itself.
fn trim_line_end(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes.strip_suffix(b"\r").unwrap_or(bytes)
}

/// Parses an in-memory text in `format` (for servers, fuzzing, tests). Single-document formats
/// give one document (the text may be empty); corpus formats give one per non-blank line, and
/// the first malformed record is an error (path `<text>`).
pub fn parse_text(text: &str, format: Format, options: &ReadOptions) -> Result<Vec<Document>> {
    let splitter = SentenceSplitter::new();
    match format {
        Format::Jsonl | Format::Summarunner => {
            let mut docs = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let doc = jsonl::parse_object(line).and_then(|object| match format {
                    Format::Summarunner => jsonl::summarunner_document(object, options),
                    _ => jsonl::jsonl_document(object, options, &splitter),
                });
                docs.push(doc.map_err(|message| Error::Record {
                    path: PathBuf::from("<text>"),
                    line: i + 1,
                    message,
                })?);
            }
            Ok(docs)
        }
        single => Ok(vec![parse_single(
            text.to_string(),
            single,
            &splitter,
            options,
        )]),
    }
}
