//! [`Reader`]: documents from files, stdin and directories (cargo feature `io`).

use std::collections::VecDeque;
use std::fmt;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use super::text::{check_text, decode};
use super::{
    detect_plain, jsonl, looks_like_json, parse_single, source, Format, Raw, RawRecord,
    ReadOptions, Record,
};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::segment::SentenceSplitter;

/// A stream of documents from one path (file, `-` for stdin, or directory).
///
/// A malformed record yields an `Err` and the stream goes on with the next record; an I/O error
/// yields an `Err` and ends the current file (a directory goes on with its next file). Iterate
/// it for [`Document`]s, or call [`Reader::next_record`] to also get each record's source and
/// line.
pub struct Reader {
    options: ReadOptions,
    splitter: SentenceSplitter,
    pending: VecDeque<Result<PathBuf>>,
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
        Reader::open_all(std::slice::from_ref(&path.to_path_buf()), options)
    }

    /// Opens several inputs, read one after the other in the order given (see
    /// [`Reader::open`]). Every input is checked here, so a missing file fails before any
    /// record is read.
    pub fn open_all(paths: &[PathBuf], options: &ReadOptions) -> Result<Reader> {
        let mut reader = Reader {
            options: options.clone(),
            splitter: SentenceSplitter::new(),
            pending: VecDeque::new(),
            current: None,
            format: None,
        };
        for path in paths {
            if source::is_stdin(path) {
                reader.pending.push_back(Ok(path.clone()));
                continue;
            }
            let meta = std::fs::metadata(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            if meta.is_dir() {
                reader.pending.extend(source::list_dir(path)?);
            } else {
                reader.pending.push_back(Ok(path.clone()));
            }
        }
        // Start the first file now, so that an unreadable one is reported by `open` itself.
        if let Some(Ok(first)) = reader.pending.front() {
            let first = first.clone();
            reader.pending.pop_front();
            reader.current = Some(match reader.start(&first) {
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
                    let path = match self.pending.pop_front()? {
                        Ok(path) => path,
                        Err(e) => return Some(Err(e)),
                    };
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
        check_text(path, &input.head)?;
        let ext = source::content_extension(path);
        let format = match self.options.format {
            Some(f) => Some(f),
            None if ext.as_deref() == Some("story") => Some(Format::Story),
            None if matches!(ext.as_deref(), Some("jsonl" | "json" | "ndjson"))
                || looks_like_json(&input.head) =>
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
                let text = decode(path, bytes, self.options.lossy)?;
                // Plain text: lines or text, unless forced.
                let single = match (self.options.format, single) {
                    (None, Format::Text) => detect_plain(&text, &self.splitter),
                    (_, f) => f,
                };
                self.format = Some(single);
                let mut document = parse_single(text, single, &self.splitter, &self.options);
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

/// Above this capacity (bytes) the line buffer goes with its record instead of being reused.
const MAX_KEPT_LINE: usize = 1 << 22;

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
        let bytes = if corpus.buf.capacity() > MAX_KEPT_LINE {
            // A huge line (one 50 MB article) is handed over rather than copied, and its
            // buffer is not kept for the lines after it.
            let bom = corpus.buf.len() - bytes.len();
            let mut line = std::mem::take(&mut corpus.buf);
            line.drain(..bom);
            line
        } else {
            bytes.to_vec()
        };
        return Some(Ok(RawRecord {
            source: corpus.path.clone(),
            line: corpus.line,
            content: Raw::Line { bytes, format },
        }));
    }
}
