//! Output that holds whole records only: each record is serialized into a buffer and the
//! buffer is written at record boundaries, so an interrupted or failing run never leaves half
//! a line, and a closed pipe surfaces as a plain `io::Error`.

use std::io::Write;

use nutgraf::{Document, SummarizerConfig, Summary};
use serde::Serialize;

use crate::args::OutputFormat;

/// Bytes gathered before a write: large enough that writes are few, small enough that output
/// appears steadily.
const FLUSH_AT: usize = 64 * 1024;

/// Writes whole records to `out`.
pub struct RecordWriter<W: Write> {
    out: W,
    name: String,
    buf: Vec<u8>,
}

impl RecordWriter<std::io::StdoutLock<'static>> {
    /// A writer over standard output.
    pub fn stdout() -> Self {
        RecordWriter::new(std::io::stdout().lock(), "<stdout>")
    }
}

impl<W: Write> RecordWriter<W> {
    /// A writer over `out`, called `name` in its errors.
    pub fn new(out: W, name: impl Into<String>) -> Self {
        RecordWriter {
            out,
            name: name.into(),
            buf: Vec::with_capacity(FLUSH_AT * 2),
        }
    }

    /// Appends one JSON value on one line.
    pub fn json_line(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.buf, value)?;
        self.buf.push(b'\n');
        self.maybe_flush()
    }

    /// Appends one JSON value, pretty-printed, and a newline.
    pub fn json_pretty(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut self.buf, value)?;
        self.buf.push(b'\n');
        self.maybe_flush()
    }

    /// Appends raw text (whole lines).
    pub fn text(&mut self, text: &str) -> std::io::Result<()> {
        self.buf.extend_from_slice(text.as_bytes());
        self.maybe_flush()
    }

    /// Writes one JSON document, pretty-printed, and a newline, as it is serialized: for a
    /// report of thousands of entries (`rouge --json`), which is one document, not a stream of
    /// records, so holding it whole would only cost memory (megabytes touched once each).
    pub fn json_document(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        serde_json::to_writer_pretty(Chunks(self), value)?;
        self.buf.push(b'\n');
        self.maybe_flush()
    }

    fn maybe_flush(&mut self) -> std::io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes what is gathered. An error names the output and keeps its kind (a closed pipe
    /// stays recognizable).
    pub fn flush(&mut self) -> std::io::Result<()> {
        let written = self
            .out
            .write_all(&self.buf)
            .and_then(|()| self.out.flush());
        self.buf.clear();
        written.map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", self.name)))
    }
}

/// A [`RecordWriter`]'s buffer as a writer that flushes every [`FLUSH_AT`] bytes.
struct Chunks<'a, W: Write>(&'a mut RecordWriter<W>);

impl<W: Write> Write for Chunks<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.buf.extend_from_slice(bytes);
        self.0.maybe_flush()?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes summaries in the chosen format, in the order it is given them.
pub struct SummaryWriter<W: Write> {
    out: RecordWriter<W>,
    format: OutputFormat,
    config: std::sync::Arc<SummarizerConfig>,
    written: usize,
}

impl<W: Write> SummaryWriter<W> {
    /// A writer for the summaries of a summarizer configured as `config`.
    pub fn new(
        out: RecordWriter<W>,
        format: OutputFormat,
        config: std::sync::Arc<SummarizerConfig>,
    ) -> Self {
        SummaryWriter {
            out,
            format,
            config,
            written: 0,
        }
    }

    /// Writes the summary of one document.
    pub fn write(&mut self, doc: &Document, summary: &Summary) -> std::io::Result<()> {
        match self.format {
            OutputFormat::Text => {
                let mut text = String::new();
                if self.written > 0 {
                    text.push('\n');
                }
                for t in summary.texts(doc) {
                    text.push_str(t);
                    text.push('\n');
                }
                self.out.text(&text)?;
            }
            OutputFormat::Json => self
                .out
                .json_pretty(&summary.record(doc, self.config.clone()))?,
            OutputFormat::Jsonl => self.out.json_line(&summary.line(doc))?,
        }
        self.written += 1;
        Ok(())
    }

    /// Writes what is gathered.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
