//! Turning one summary into integer token ids: SEE reading, length limits, lower-casing,
//! stopwords, stemming and interning, once per token string.

use std::collections::HashSet;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::stem::stem_token;
use super::text::{for_each_token, read_text, read_text_lcs, see_text, LengthLimit};

/// ROUGE-1.5.5's `-s` list (`smart_common_words.txt` from the ROUGE distribution).
const STOPWORDS_TXT: &str = include_str!("../../data/smart_common_words.txt");

/// Marks a raw token that `-s` removes.
const STOP: u32 = u32::MAX;

/// Above this many distinct raw tokens a worker's vocabulary is dropped between documents, so
/// that a long batch cannot grow it without bound.
const MAX_VOCAB: usize = 1 << 20;

/// The token analysis options (part of the scorer's configuration).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Analysis {
    pub stem: bool,
    pub stopwords: bool,
    pub limit: LengthLimit,
    pub fix_lcs_bytes: bool,
}

/// Whether a lower-case token is on the `-s` list (the script compares whole fields; its
/// entries with apostrophes can never match a token).
fn is_stopword(token: &[u8]) -> bool {
    static LIST: OnceLock<HashSet<&'static [u8]>> = OnceLock::new();
    LIST.get_or_init(|| STOPWORDS_TXT.lines().map(str::as_bytes).collect())
        .contains(token)
}

/// Longest raw token keyed by [`short_key`].
const SHORT_MAX: usize = 15;

/// A raw token of at most [`SHORT_MAX`] bytes packed into an integer: the bytes little-endian
/// in the low 15 bytes, the length in the top byte, so distinct tokens get distinct keys
/// (tokens never contain NUL, and the length tells `a` from `a\0` anyway).
#[inline]
fn short_key(raw: &[u8]) -> Option<u128> {
    if raw.len() > SHORT_MAX {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..raw.len()].copy_from_slice(raw);
    buf[15] = raw.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// Interns raw tokens to ids of their final (stop-filtered, stemmed) form. Ids are only compared
/// within one document, so one vocabulary serves all the documents a worker scores.
#[derive(Default)]
pub(crate) struct Vocab {
    /// Raw tokens of at most [`SHORT_MAX`] bytes, keyed by [`short_key`]: an integer hash and
    /// compare instead of hashing and comparing byte strings (most tokens are short).
    short: FxHashMap<u128, u32>,
    /// Longer raw tokens.
    raw: FxHashMap<Box<[u8]>, u32>,
    forms: FxHashMap<Box<[u8]>, u32>,
    lower: Vec<u8>,
}

impl Vocab {
    /// Number of distinct final forms (ids are below this).
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Called between documents: forgets everything when the vocabulary got too large.
    pub fn maybe_reset(&mut self) {
        if self.short.len() + self.raw.len() > MAX_VOCAB {
            self.short.clear();
            self.raw.clear();
            self.forms.clear();
        }
    }

    #[inline]
    fn id(&mut self, raw: &[u8], an: &Analysis) -> u32 {
        if let Some(key) = short_key(raw) {
            if let Some(&id) = self.short.get(&key) {
                return id;
            }
            let id = self.intern(raw, an);
            self.short.insert(key, id);
            id
        } else {
            if let Some(&id) = self.raw.get(raw) {
                return id;
            }
            let id = self.intern(raw, an);
            self.raw.insert(raw.into(), id);
            id
        }
    }

    /// The id of the final form of a raw token not seen before.
    #[cold]
    fn intern(&mut self, raw: &[u8], an: &Analysis) -> u32 {
        self.lower.clear();
        self.lower.extend(raw.iter().map(u8::to_ascii_lowercase));
        let id = if an.stopwords && is_stopword(&self.lower) {
            STOP
        } else {
            let form = if an.stem {
                stem_token(&self.lower)
            } else {
                std::borrow::Cow::Borrowed(&self.lower[..])
            };
            match self.forms.get(&*form) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.forms.len()).unwrap_or(STOP - 1);
                    self.forms.insert(form.into_owned().into_boxed_slice(), id);
                    id
                }
            }
        };
        id
    }

    fn push_tokens(
        &mut self,
        pieces: &[&[u8]],
        an: &Analysis,
        out: &mut Vec<u32>,
        ends: &mut Vec<u32>,
    ) {
        for piece in pieces {
            for_each_token(piece, |t| {
                let id = self.id(t, an);
                if id != STOP {
                    out.push(id);
                }
            });
            ends.push(out.len() as u32);
        }
    }
}

/// One summary as ROUGE-1.5.5 sees it: the flat token list of `readText` and the units of
/// `readText_LCS`.
#[derive(Default, Debug, Clone)]
pub(crate) struct Prepared {
    /// Tokens of `readText` (ROUGE-N, ROUGE-S, unigram clipping of ROUGE-L/W).
    pub flat: Vec<u32>,
    /// Tokens of the ROUGE-L/W units, concatenated.
    pub lcs: Vec<u32>,
    /// End offset in `lcs` of each unit.
    pub lcs_ends: Vec<u32>,
}

impl Prepared {
    /// The ROUGE-L/W units as token slices.
    pub fn units(&self) -> impl Iterator<Item = &[u32]> + '_ {
        let mut start = 0usize;
        self.lcs_ends.iter().map(move |&e| {
            let s = &self.lcs[start..e as usize];
            start = e as usize;
            s
        })
    }
}

/// Fills `out` with the tokens of `sentences`.
pub(crate) fn prepare<S: AsRef<str>>(
    sentences: &[S],
    an: &Analysis,
    vocab: &mut Vocab,
    out: &mut Prepared,
) {
    let see: Vec<&[u8]> = sentences
        .iter()
        .filter_map(|s| see_text(s.as_ref().as_bytes()))
        .collect();
    let mut pieces = Vec::with_capacity(see.len());
    read_text(&see, an.limit, &mut pieces);
    out.flat.clear();
    out.lcs.clear();
    out.lcs_ends.clear();
    let lcs_differs = matches!(an.limit, LengthLimit::Bytes(_)) && !an.fix_lcs_bytes;
    if lcs_differs {
        let mut ends = Vec::new();
        vocab.push_tokens(&pieces, an, &mut out.flat, &mut ends);
        read_text_lcs(&see, an.limit, an.fix_lcs_bytes, &mut pieces);
        vocab.push_tokens(&pieces, an, &mut out.lcs, &mut out.lcs_ends);
    } else {
        vocab.push_tokens(&pieces, an, &mut out.flat, &mut out.lcs_ends);
        out.lcs.extend_from_slice(&out.flat);
    }
}

/// ROUGE-1.5.5's view of text as token ids, for callers that need the tokens themselves (the
/// oracle): the same reading, lower-casing, `-s` and `-m` as the scorer, with no length limit.
/// Ids are stable for the life of the tokenizer until [`Tokenizer::end_document`] drops a
/// vocabulary grown too large, so compare ids only within one document.
pub struct Tokenizer {
    analysis: Analysis,
    vocab: Vocab,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokenizer")
            .field("distinct_forms", &self.vocab.len())
            .finish()
    }
}

impl Tokenizer {
    /// A tokenizer that stems (`-m`) and removes stopwords (`-s`) as asked.
    pub fn new(stem: bool, remove_stopwords: bool) -> Tokenizer {
        let analysis = Analysis {
            stem,
            stopwords: remove_stopwords,
            limit: LengthLimit::None,
            fix_lcs_bytes: false,
        };
        Tokenizer {
            analysis,
            vocab: Vocab::default(),
        }
    }

    /// Appends the ids of the tokens of one sentence to `out`.
    pub fn sentence(&mut self, sentence: &str, out: &mut Vec<u32>) {
        let an = self.analysis;
        if let Some(text) = see_text(sentence.as_bytes()) {
            for_each_token(text, |t| {
                let id = self.vocab.id(t, &an);
                if id != STOP {
                    out.push(id);
                }
            });
        }
    }

    /// Token ids of each sentence.
    pub fn sentences<S: AsRef<str>>(&mut self, sentences: &[S]) -> Vec<Vec<u32>> {
        sentences
            .iter()
            .map(|s| {
                let mut ids = Vec::new();
                self.sentence(s.as_ref(), &mut ids);
                ids
            })
            .collect()
    }

    /// Call between documents: forgets the vocabulary once it has grown too large.
    pub fn end_document(&mut self) {
        self.vocab.maybe_reset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_are_distinct() {
        assert_ne!(short_key(b"ab"), short_key(b"ab\0"));
        assert_ne!(short_key(b""), short_key(b"\0"));
        assert_eq!(short_key(&[b'x'; 15]).map(|k| (k >> 120) as u8), Some(15));
        assert_eq!(short_key(&[b'x'; 16]), None);
    }

    #[test]
    fn short_and_long_tokens_share_forms() {
        let an = Analysis {
            stem: false,
            stopwords: true,
            limit: LengthLimit::None,
            fix_lcs_bytes: false,
        };
        let mut v = Vocab::default();
        let long = b"Internationalisation";
        let a = v.id(b"Cat", &an);
        assert_eq!(v.id(b"cat", &an), a);
        assert_eq!(v.id(b"CAT", &an), a);
        let l = v.id(long, &an);
        assert_ne!(l, a);
        assert_eq!(v.id(b"internationalisation", &an), l);
        assert_eq!(v.id(b"the", &an), STOP);
        assert_eq!(v.len(), 2);
        // A 15-byte and a 16-byte token differing only in length.
        let k15 = v.id(&long[..15], &an);
        let k16 = v.id(&long[..16], &an);
        assert_ne!(k15, k16);
        assert_eq!(v.id(&long[..15], &an), k15);
    }
}
