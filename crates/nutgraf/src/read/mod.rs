//! Readers for every form news comes in.
//!
//! [`Reader::open`] takes a file, `-` for stdin, or a directory (its regular files, sorted by
//! name, hidden ones skipped, not recursive). `.gz` and `.zst` inputs are decompressed
//! transparently (by extension or magic bytes). Corpus formats are streamed line by line, so a
//! multi-gigabyte JSONL file is never held in memory.
//!
//! Formats, when [`ReadOptions::format`] is `None`, are detected per file:
//!
//! 1. a `.story` extension (after any `.gz`/`.zst`): [`Format::Story`];
//! 2. a `.jsonl`/`.json`/`.ndjson` extension, or content whose first non-blank byte is `{`:
//!    [`Format::Jsonl`], or [`Format::Summarunner`] when the first record has a `doc` field and
//!    no text field;
//! 3. other text: [`Format::Lines`] when it looks like one sentence per line (at most 15% of
//!    its lines have a sentence starting inside them, as split by the splitter), else
//!    [`Format::Text`].
//!
//! Binary input (a NUL byte, or over 30% non-text bytes in the first 8 KiB) is rejected with
//! [`Error::Binary`]. An empty input gives one empty document for single-document formats and
//! no record for corpora.

mod jsonl;
mod plain;
mod source;

use std::collections::VecDeque;
use std::fmt;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::segment::SentenceSplitter;

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

/// A stream of documents from one path (file, `-` for stdin, or directory).
///
/// A malformed record yields an `Err` and the stream goes on with the next record; an I/O error
/// yields an `Err` and ends the current file (a directory goes on with its next file). Iterate
/// it for [`Document`]s, or call [`Reader::next_record`] to also get each record's source and
/// line.
pub struct Reader {
    options: ReadOptions,
    splitter: SentenceSplitter,
    pending: VecDeque<PathBuf>,
    current: Option<Current>,
    format: Option<Format>,
}

/// The file being read.
enum Current {
    /// A single-document file, parsed already, not yet handed out.
    Done(Option<Result<RawRecord>>),
    /// A corpus file being streamed.
    Corpus(Corpus),
}

struct Corpus {
    path: PathBuf,
    stream: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    /// `None` until the first record decides between jsonl and summarunner.
    format: Option<Format>,
}

impl fmt::Debug for Reader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reader")
            .field("options", &self.options)
            .field("pending", &self.pending)
            .field("format", &self.format)
            .finish()
    }
}

impl Reader {
    /// Opens `path`: a file, `-` for stdin, or a directory. A missing or unreadable file fails
    /// here with [`Error::Io`]; problems with the content (binary, invalid UTF-8, malformed
    /// records) come through the iterator.
    pub fn open(path: &Path, options: &ReadOptions) -> Result<Reader> {
        let mut reader = Reader {
            options: options.clone(),
            splitter: SentenceSplitter::new(),
            pending: VecDeque::new(),
            current: None,
            format: None,
        };
        if !source::is_stdin(path) && path.is_dir() {
            reader.pending.extend(source::list_dir(path)?);
        } else {
            // Open now so that a missing file is reported by `open` itself; problems with the
            // content come through the iterator, as they do for a directory.
            reader.current = Some(match reader.start(path) {
                Ok(current) => current,
                Err(e @ Error::Io { .. }) => return Err(e),
                Err(e) => Current::Done(Some(Err(e))),
            });
        }
        Ok(reader)
    }

    /// The format of the file being read (detected or forced), once it is known.
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The next record with its source and line; `None` at the end of the input.
    pub fn next_record(&mut self) -> Option<Result<Record>> {
        let raw = self.next_raw()?;
        Some(raw.and_then(|raw| raw.parse(&self.options, &self.splitter)))
    }

    /// The next record, read but not parsed: parse it with [`RawRecord::parse`], possibly on
    /// another thread. Errors of reading (I/O, binary or undecodable files) come here; errors of
    /// a record's content come from `parse`.
    pub fn next_raw(&mut self) -> Option<Result<RawRecord>> {
        loop {
            match self.current.as_mut() {
                Some(Current::Done(item)) => match item.take() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                },
                Some(Current::Corpus(corpus)) => match next_corpus_raw(corpus, &self.options) {
                    Some(item) => {
                        self.format = corpus.format;
                        if matches!(item, Err(Error::Io { .. })) {
                            self.current = None;
                        }
                        return Some(item);
                    }
                    None => self.current = None,
                },
                None => {
                    let path = self.pending.pop_front()?;
                    match self.start(&path) {
                        Ok(current) => self.current = Some(current),
                        Err(e) => return Some(Err(e)),
                    }
                }
            }
        }
    }

    /// Opens one file and reads it whole (single-document formats) or prepares to stream it.
    fn start(&mut self, path: &Path) -> Result<Current> {
        let input = source::open(path)?;
        source::check_text(path, &input.head)?;
        let ext = source::content_extension(path);
        let format = match self.options.format {
            Some(f) => Some(f),
            None if ext.as_deref() == Some("story") => Some(Format::Story),
            None if matches!(ext.as_deref(), Some("jsonl" | "json" | "ndjson"))
                || first_non_blank(&input.head) == Some(b'{') =>
            {
                // Jsonl or SummaRuNNer: the first record decides.
                None
            }
            None => Some(Format::Text),
        };
        self.format = format;
        match format {
            Some(Format::Jsonl | Format::Summarunner) | None => Ok(Current::Corpus(Corpus {
                path: path.to_path_buf(),
                stream: input.stream,
                line: 0,
                buf: Vec::new(),
                format,
            })),
            Some(single) => {
                let mut bytes = Vec::new();
                let mut stream = input.stream;
                stream.read_to_end(&mut bytes).map_err(|source| Error::Io {
                    path: path.to_path_buf(),
                    source,
                })?;
                let text = source::decode(path, bytes, self.options.lossy)?;
                // Plain text: lines or text, unless forced.
                let single = match (self.options.format, single) {
                    (None, Format::Text) => detect_plain(&text, &self.splitter),
                    (_, f) => f,
                };
                self.format = Some(single);
                let mut document = parse_single(text, single, &self.splitter);
                if !source::is_stdin(path) {
                    let stem = source::strip_compression(path);
                    document.id = stem.file_stem().map(|s| s.to_string_lossy().into_owned());
                }
                Ok(Current::Done(Some(Ok(RawRecord {
                    source: path.to_path_buf(),
                    line: 1,
                    content: Raw::Parsed(document),
                }))))
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Result<Document>;
    fn next(&mut self) -> Option<Result<Document>> {
        self.next_record().map(|r| r.map(|r| r.document))
    }
}

fn first_non_blank(bytes: &[u8]) -> Option<u8> {
    // A UTF-8 byte order mark is not content.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// Reads the next non-blank line of a corpus, unparsed. The first record decides between
/// jsonl and SummaRuNNer for the whole file, so it is looked at here, in reading order.
fn next_corpus_raw(corpus: &mut Corpus, options: &ReadOptions) -> Option<Result<RawRecord>> {
    loop {
        corpus.buf.clear();
        match corpus.stream.read_until(b'\n', &mut corpus.buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(source) => {
                return Some(Err(Error::Io {
                    path: corpus.path.clone(),
                    source,
                }))
            }
        }
        corpus.line += 1;
        let bytes = corpus
            .buf
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(&corpus.buf);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let format = match corpus.format {
            Some(f) => f,
            None => {
                let text = String::from_utf8_lossy(bytes);
                match jsonl::parse_object(&text) {
                    Ok(object) => *corpus.format.insert(jsonl::resolve(&object, options)),
                    // Undecided until a record parses; this one is reported as jsonl's error.
                    Err(_) => Format::Jsonl,
                }
            }
        };
        return Some(Ok(RawRecord {
            source: corpus.path.clone(),
            line: corpus.line,
            content: Raw::Line {
                bytes: bytes.to_vec(),
                format,
            },
        }));
    }
}

/// A record as read, before the costly part of parsing (JSON, sentence splitting), so that
/// callers can read in order on one thread and parse on many: see [`Reader::next_raw`].
#[derive(Debug)]
pub struct RawRecord {
    source: PathBuf,
    line: usize,
    content: Raw,
}

#[derive(Debug)]
enum Raw {
    /// A single-document file, parsed while reading (it had to be read whole anyway).
    Parsed(Document),
    /// One line of a corpus.
    Line { bytes: Vec<u8>, format: Format },
}

impl RawRecord {
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
                let line = match std::str::from_utf8(&bytes) {
                    Ok(s) => std::borrow::Cow::Borrowed(s),
                    Err(_) if options.lossy => String::from_utf8_lossy(&bytes),
                    Err(e) => {
                        return Err(record_error(format!(
                            "invalid UTF-8 at byte {} of the line",
                            e.valid_up_to()
                        )))
                    }
                };
                jsonl::parse_object(&line)
                    .and_then(|object| match format {
                        Format::Summarunner => jsonl::summarunner_document(object),
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
fn detect_plain(text: &str, splitter: &SentenceSplitter) -> Format {
    if plain::looks_like_lines(text, splitter) {
        Format::Lines
    } else {
        Format::Text
    }
}

fn parse_single(text: String, format: Format, splitter: &SentenceSplitter) -> Document {
    match format {
        Format::Lines => plain::parse_lines(text),
        Format::Story => plain::parse_story(text, splitter),
        _ => plain::parse_text(text, splitter),
    }
}

/// Detects the format of an in-memory text, as [`Reader`] does for a file without a telling
/// extension.
pub fn detect_format(text: &str, options: &ReadOptions) -> Format {
    if let Some(f) = options.format {
        return f;
    }
    let splitter = SentenceSplitter::new();
    if first_non_blank(text.as_bytes()) == Some(b'{') {
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
                    Format::Summarunner => jsonl::summarunner_document(object),
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
        single => Ok(vec![parse_single(text.to_string(), single, &splitter)]),
    }
}
