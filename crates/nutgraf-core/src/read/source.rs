//! Opening inputs: files, stdin, transparent gzip/zstd decompression, binary sniffing and
//! UTF-8 decoding.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use super::text::HEAD_LEN;
use crate::error::{Error, Result};

/// Buffer size of the readers: large enough for streaming multi-gigabyte corpora.
const BUF_LEN: usize = 64 * 1024;

/// An opened input: its decompressed stream and the first bytes of it (also still in the
/// stream), which the caller sniffs.
pub(crate) struct Input {
    /// The decompressed bytes, from the start.
    pub stream: Box<dyn BufRead + Send>,
    /// Up to [`HEAD_LEN`] first bytes of the stream.
    pub head: Vec<u8>,
}

/// True for the path that names standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The path's lowercase extension, ignoring a compression extension: `a.jsonl.gz` -> `jsonl`.
pub(crate) fn content_extension(path: &Path) -> Option<String> {
    let stem = strip_compression(path);
    stem.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// The path without a `.gz`/`.zst` extension.
pub(crate) fn strip_compression(path: &Path) -> PathBuf {
    match compression_ext(path) {
        Some(_) => path.with_extension(""),
        None => path.to_path_buf(),
    }
}

fn compression_ext(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "gz" | "gzip" => Some("gz"),
        "zst" | "zstd" => Some("zst"),
        _ => None,
    }
}

fn io_err(path: &Path, source: io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Opens `path` (or stdin for `-`), decompressing gzip or zstd when the extension or the magic
/// bytes say so, and reads the first [`HEAD_LEN`] bytes for sniffing.
pub(crate) fn open(path: &Path) -> Result<Input> {
    let raw: Box<dyn Read + Send> = if is_stdin(path) {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| io_err(path, e))?)
    };
    let mut raw = BufReader::with_capacity(BUF_LEN, raw);
    let mut magic = Vec::with_capacity(4);
    // Read the magic bytes without consuming them: a pipe may deliver them in pieces.
    (&mut raw)
        .take(4)
        .read_to_end(&mut magic)
        .map_err(|e| io_err(path, e))?;
    let raw = BufReader::with_capacity(BUF_LEN, Cursor::new(magic.clone()).chain(raw));
    let ext = if is_stdin(path) {
        None
    } else {
        compression_ext(path)
    };
    let gzip = magic.starts_with(&[0x1f, 0x8b]) || (ext == Some("gz") && !magic.is_empty());
    let zstd =
        magic.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) || (ext == Some("zst") && !magic.is_empty());
    let decoded: Box<dyn Read + Send> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(raw))
    } else if zstd {
        Box::new(Zstd::new(raw).map_err(|e| io_err(path, e))?)
    } else {
        Box::new(raw)
    };
    let mut decoded = BufReader::with_capacity(BUF_LEN, decoded);
    let mut head = Vec::with_capacity(HEAD_LEN);
    (&mut decoded)
        .take(HEAD_LEN as u64)
        .read_to_end(&mut head)
        .map_err(|e| io_err(path, e))?;
    let stream = BufReader::with_capacity(BUF_LEN, Cursor::new(head.clone()).chain(decoded));
    Ok(Input {
        stream: Box::new(stream),
        head,
    })
}

/// ruzstd's errors print nested `Debug` values; say what happened in words.
fn zstd_error(detail: &str) -> io::Error {
    if detail.contains("UnexpectedEof") {
        io::Error::new(io::ErrorKind::UnexpectedEof, "truncated zstd data")
    } else {
        io::Error::new(io::ErrorKind::InvalidData, "corrupt zstd data")
    }
}

type ZstdFrame<R> = ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>;

/// A zstd stream of one or more frames (`zstd` writes one per input, and `cat a.zst b.zst`
/// is a valid stream: every frame is decoded, not only the first), whose errors read as
/// [`zstd_error`]s.
struct Zstd<R: BufRead> {
    frame: Option<ZstdFrame<R>>,
}

impl<R: BufRead> Zstd<R> {
    fn new(source: R) -> io::Result<Zstd<R>> {
        let frame = ruzstd::decoding::StreamingDecoder::new(source)
            .map_err(|e| zstd_error(&format!("{e:?}")))?;
        Ok(Zstd { frame: Some(frame) })
    }
}

impl<R: BufRead> Read for Zstd<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(frame) = self.frame.as_mut() else {
                return Ok(0);
            };
            let n = frame.read(buf).map_err(|e| zstd_error(&format!("{e:?}")))?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // This frame is done: another may follow.
            let Some(frame) = self.frame.take() else {
                return Ok(0);
            };
            let mut source = frame.into_inner();
            if source.fill_buf()?.is_empty() {
                return Ok(0);
            }
            *self = Zstd::new(source)?;
        }
    }
}

/// Files under a directory: every regular file, recursively, in path order (entries sorted
/// by name within each directory), hidden files and directories (leading `.`) skipped.
/// Symbolic links are followed, so a link to a file or a directory is read like one; a link
/// back to a directory above it is not followed again: that directory's files are read once,
/// through the directory itself. An entry that cannot be walked (a dangling link, a directory
/// that cannot be listed) is an [`Error::Walk`] in its place; an error on `dir` itself fails.
pub(crate) fn list_dir(dir: &Path) -> Result<Vec<Result<PathBuf>>> {
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut files = Vec::new();
    for entry in walk {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(Ok(e.into_path())),
            Ok(_) => {}
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) if e.depth() > 0 => files.push(Err(Error::Walk {
                path: e.path().unwrap_or(dir).to_path_buf(),
                message: e
                    .io_error()
                    .map_or_else(|| e.to_string(), |io| io.to_string()),
            })),
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let source = e
                    .into_io_error()
                    .unwrap_or_else(|| io::Error::other("cannot walk the directory"));
                return Err(io_err(&path, source));
            }
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(
            content_extension(Path::new("a/b.jsonl.gz")).as_deref(),
            Some("jsonl")
        );
        assert_eq!(
            content_extension(Path::new("x.story")).as_deref(),
            Some("story")
        );
        assert_eq!(
            strip_compression(Path::new("d/x.txt.zst")),
            PathBuf::from("d/x.txt")
        );
    }
}
