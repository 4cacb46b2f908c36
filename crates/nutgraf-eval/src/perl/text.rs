//! What ROUGE-1.5.5 reads from a summary: the SEE-html sentence texts, the length limits of
//! `readText` / `readText_LCS`, and the tokens.
//!
//! Everything works on bytes, as the Perl script does (it reads the files without decoding).

use serde::{Deserialize, Serialize};

/// How a summary is cut before scoring (`-l N` / `-b N`); applied to candidates and references.
///
/// JSON: `{"kind": "none"}`, `{"kind": "words", "count": 75}`, `{"kind": "bytes", "count": 665}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "LengthLimitJson", into = "LengthLimitJson")]
pub enum LengthLimit {
    /// No limit (the default).
    #[default]
    None,
    /// `-l N`: the first N whitespace-separated words of the raw sentences.
    Words(usize),
    /// `-b N`: the first N bytes of the sentences (the joining spaces not counted).
    Bytes(usize),
}

/// The JSON form of [`LengthLimit`]. Its variants are structs, so that the `kind` tag has named
/// fields beside it and the unit-like `none` refuses unknown fields too (serde accepts anything
/// beside the tag of a unit variant).
#[derive(Serialize, Deserialize)]
#[serde(
    expecting = "a length limit like {\"kind\": \"bytes\", \"count\": 75}",
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields
)]
enum LengthLimitJson {
    None {},
    Words { count: usize },
    Bytes { count: usize },
}

impl From<LengthLimitJson> for LengthLimit {
    fn from(j: LengthLimitJson) -> Self {
        match j {
            LengthLimitJson::None {} => LengthLimit::None,
            LengthLimitJson::Words { count } => LengthLimit::Words(count),
            LengthLimitJson::Bytes { count } => LengthLimit::Bytes(count),
        }
    }
}

impl From<LengthLimit> for LengthLimitJson {
    fn from(l: LengthLimit) -> Self {
        match l {
            LengthLimit::None => LengthLimitJson::None {},
            LengthLimit::Words(count) => LengthLimitJson::Words { count },
            LengthLimit::Bytes(count) => LengthLimitJson::Bytes { count },
        }
    }
}

/// The sentences of one summary line in the pyrouge / PreSumm convention: split on the literal
/// `" <q> "`, each sentence stripped of surrounding whitespace as Python's `str.strip()` does
/// (Unicode whitespace and U+001C..U+001F). Lines themselves should be split on `\n` only.
pub fn pyrouge_sentences(line: &str) -> Vec<&str> {
    line.split(" <q> ")
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)))
        .collect()
}

/// Perl's `\s` on a byte string: `[ \t\n\x0B\f\r]`.
#[inline]
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The sentence text ROUGE-1.5.5 reads back from the SEE html line the pyrouge wrapper writes,
/// `<a name="i">[i]</a> <a href="#i" id=i>TEXT</a>`: the regex captures `([^<]+)`, so the text
/// stops at the first `<`; the file is read line by line, so it also ends after the first `\n`
/// (kept, as Perl keeps it). `None` when nothing is captured: that sentence is dropped.
pub(crate) fn see_text(sentence: &[u8]) -> Option<&[u8]> {
    let end = sentence
        .iter()
        .position(|&b| b == b'<' || b == b'\n')
        .map_or(
            sentence.len(),
            |i| if sentence[i] == b'\n' { i + 1 } else { i },
        );
    (end > 0).then(|| &sentence[..end])
}

/// Number of fields of Perl's `split(/\s+/, s)`: a leading empty field when `s` starts with
/// whitespace, trailing empty fields removed.
fn field_count(s: &[u8]) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in s {
        let sp = is_space(b);
        if !sp && !in_word {
            n += 1;
        }
        in_word = !sp;
    }
    if n > 0 && s.first().is_some_and(|&b| is_space(b)) {
        n += 1;
    }
    n
}

/// The prefix of `s` that holds its first `k` Perl `split(/\s+/)` fields (`k >= 1`). Only the
/// tokens matter downstream, so the prefix stands for `join(" ", @fields[0..k-1])`.
fn first_fields(s: &[u8], k: usize) -> &[u8] {
    let mut left = k;
    if s.first().is_some_and(|&b| is_space(b)) {
        // The leading empty field.
        left -= 1;
    }
    let mut in_word = false;
    for (i, &b) in s.iter().enumerate() {
        let sp = is_space(b);
        if sp && in_word {
            if left == 0 {
                return &s[..i];
            }
        } else if !sp && !in_word {
            if left == 0 {
                return &s[..i];
            }
            left -= 1;
        }
        in_word = !sp;
    }
    s
}

/// `readText`: the pieces of the summary whose tokens make the flat token list (for ROUGE-N,
/// ROUGE-S and the unigram counts of ROUGE-L/W).
pub(crate) fn read_text<'a>(sents: &[&'a [u8]], limit: LengthLimit, out: &mut Vec<&'a [u8]>) {
    out.clear();
    match limit {
        LengthLimit::None => out.extend_from_slice(sents),
        LengthLimit::Words(max) => {
            let mut n = 0;
            for &s in sents {
                let len = field_count(s);
                if n + len < max {
                    out.push(s);
                    n += len;
                } else {
                    out.push(first_fields(s, max - n));
                    break;
                }
            }
        }
        LengthLimit::Bytes(max) => {
            let mut n = 0;
            for &s in sents {
                if n + s.len() < max {
                    out.push(s);
                    n += s.len();
                } else {
                    out.push(&s[..max - n]);
                    break;
                }
            }
        }
    }
}

/// `readText_LCS`: the units (sentences) of ROUGE-L and ROUGE-W. With `-b` ROUGE-1.5.5 never
/// increments its byte counter here (quirk 6): every sentence shorter than the limit is kept
/// whole up to the first one that is not, which is cut at the limit. `fix_bytes` uses the
/// correctly limited sentences of [`read_text`] instead.
pub(crate) fn read_text_lcs<'a>(
    sents: &[&'a [u8]],
    limit: LengthLimit,
    fix_bytes: bool,
    out: &mut Vec<&'a [u8]>,
) {
    match limit {
        LengthLimit::Bytes(max) if !fix_bytes => {
            out.clear();
            for &s in sents {
                if s.len() < max {
                    out.push(s);
                } else {
                    out.push(&s[..max]);
                    break;
                }
            }
        }
        _ => read_text(sents, limit, out),
    }
}

/// Calls `f` on every token of `text`: the maximal runs of ASCII letters and digits (every other
/// byte separates; quirk 3), not yet lower-cased.
#[inline]
pub(crate) fn for_each_token(text: &[u8], mut f: impl FnMut(&[u8])) {
    let mut start = None;
    for (i, &b) in text.iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            f(&text[s..i]);
        }
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_token(s.as_bytes(), |t| {
            v.push(String::from_utf8_lossy(t).into_owned())
        });
        v
    }

    #[test]
    fn pyrouge_lines() {
        assert_eq!(
            pyrouge_sentences(" a b <q>  c\u{1f} <q> "),
            ["a b", "c", ""]
        );
        assert_eq!(pyrouge_sentences(""), [""]);
    }

    #[test]
    fn tokens_are_alnum_runs() {
        assert_eq!(
            toks("don't U.S. 3.14 $5bn café"),
            ["don", "t", "U", "S", "3", "14", "5bn", "caf"]
        );
        assert!(toks("- -- !!").is_empty());
    }

    #[test]
    fn see_text_stops_at_lt() {
        assert_eq!(see_text(b"prices < 5"), Some(&b"prices "[..]));
        assert_eq!(see_text(b"<b>x"), None);
        assert_eq!(see_text(b""), None);
        assert_eq!(see_text(b"a\nb"), Some(&b"a\n"[..]));
    }

    #[test]
    fn perl_split_fields() {
        assert_eq!(field_count(b"a b  c"), 3);
        assert_eq!(field_count(b" a b"), 3);
        assert_eq!(field_count(b"   "), 0);
        assert_eq!(field_count(b"a b "), 2);
        assert_eq!(first_fields(b"a b c", 2), b"a b");
        assert_eq!(first_fields(b" a b c", 2), b" a");
        assert_eq!(first_fields(b" a b c", 1), b" "); // the empty field: no token
    }

    #[test]
    fn word_limit_cuts_crossing_sentence() {
        let s: Vec<&[u8]> = vec![b"a b c", b"d e f"];
        let mut out = Vec::new();
        read_text(&s, LengthLimit::Words(4), &mut out);
        assert_eq!(out, vec![&b"a b c"[..], &b"d"[..]]);
        read_text(&s, LengthLimit::Bytes(7), &mut out);
        assert_eq!(out, vec![&b"a b c"[..], &b"d "[..]]);
        // ROUGE-L's byte counter is never incremented.
        read_text_lcs(&s, LengthLimit::Bytes(7), false, &mut out);
        assert_eq!(out, s);
    }
}
