//! Sniffing and decoding text: binary detection and UTF-8, for files and text in memory.

use std::path::Path;

use crate::error::{Error, Result};

/// How many leading bytes are sniffed for binary content ([`check_text`]) and the format.
pub const HEAD_LEN: usize = 8192;

/// Rejects binary content: a NUL byte in the first bytes, or mostly control bytes and invalid
/// UTF-8 there (over 30%: Latin-1 news text stays well under).
pub fn check_text(path: &Path, head: &[u8]) -> Result<()> {
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
pub fn decode(path: &Path, bytes: Vec<u8>, lossy: bool) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(Error::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
