//! Opening inputs: files, stdin, transparent gzip/zstd decompression, binary sniffing and
//! UTF-8 decoding.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How many leading bytes are sniffed for binary content and the format.
pub(crate) const HEAD_LEN: usize = 8192;

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
        let dec = ruzstd::decoding::StreamingDecoder::new(raw)
            .map_err(|e| io_err(path, io::Error::new(io::ErrorKind::InvalidData, e)))?;
        Box::new(dec)
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

/// Rejects binary content: a NUL byte in the first bytes, or mostly control bytes and invalid
/// UTF-8 there (over 30%: Latin-1 news text stays well under).
pub(crate) fn check_text(path: &Path, head: &[u8]) -> Result<()> {
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            reason: format!("NUL byte at offset {at}"),
        });
    }
    // A multi-byte character cut by the end of the sample is not evidence of anything.
    let sample = if head.len() >= HEAD_LEN {
        &head[..head.len() - 3]
    } else {
        head
    };
    let mut bad = 0usize;
    for chunk in sample.utf8_chunks() {
        bad += chunk.invalid().len();
        bad += chunk
            .valid()
            .bytes()
            .filter(|&b| {
                (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f
            })
            .count();
    }
    if !sample.is_empty() && bad * 10 > sample.len() * 3 {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            reason: format!("{bad} of the first {} bytes are not text", sample.len()),
        });
    }
    Ok(())
}

/// Decodes a whole document: UTF-8, or with invalid bytes replaced when `lossy`.
pub(crate) fn decode(path: &Path, bytes: Vec<u8>, lossy: bool) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(Error::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

/// Files of a directory: regular files, sorted by name, hidden ones (leading `.`) skipped, not
/// recursive.
pub(crate) fn list_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io_err(dir, e))? {
        let entry = entry.map_err(|e| io_err(dir, e))?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        // Follow symlinks: a link to a regular file is read like one.
        let is_file = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
        if !hidden && is_file {
            files.push(entry.path());
        }
    }
    files.sort();
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

    #[test]
    fn binary_detection() {
        let p = Path::new("f");
        assert!(check_text(p, b"hello\nworld").is_ok());
        assert!(check_text(p, "caf\u{e9} \u{2014} ok".as_bytes()).is_ok());
        assert!(matches!(
            check_text(p, b"ab\0cd"),
            Err(Error::Binary { .. })
        ));
        let junk: Vec<u8> = (0..200u8).map(|i| i.wrapping_mul(37) | 0x80).collect();
        assert!(matches!(check_text(p, &junk), Err(Error::Binary { .. })));
        assert!(check_text(p, b"").is_ok());
    }

    #[test]
    fn decode_reports_offset() {
        let p = Path::new("f");
        match decode(p, b"abc\xffdef".to_vec(), false) {
            Err(Error::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(decode(p, b"abc\xff".to_vec(), true).unwrap(), "abc\u{fffd}");
    }
}
