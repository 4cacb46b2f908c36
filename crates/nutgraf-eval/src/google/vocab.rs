//! Token interning for one scoring call, backed by a per-thread cache of stems.
//!
//! Scoring compares tokens only for equality, so each call maps them to dense `u32` ids. Words
//! repeat across a corpus, and the Porter steps cost more than a hash lookup, so every thread
//! keeps a cache raw token -> final token id; a call then renumbers those ids densely from 0,
//! which keeps the per-call tables (counts, LCS bit masks) as small as the pair's vocabulary.
//! Per thread, so that scoring in parallel takes no lock.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::porter;
use super::tokenize::{for_each_token, is_stemmable, Tokenizer};

/// Distinct final tokens after which a thread's cache is emptied (at the start of a call, never
/// during one), bounding its memory on very large corpora.
const CACHE_MAX: usize = 1 << 20;

#[derive(Default)]
struct Cache {
    /// Raw (lower-cased) token -> global id, without and with stemming.
    raw: [FxHashMap<Box<str>, u32>; 2],
    /// Final (possibly stemmed) token -> global id.
    forms: FxHashMap<Box<str>, u32>,
    /// Scratch buffer of the tokenizer.
    buf: String,
}

impl Cache {
    fn global_id(&mut self, raw: &str, stem: bool) -> u32 {
        if let Some(&id) = self.raw[usize::from(stem)].get(raw) {
            return id;
        }
        let stemmed;
        let form = if stem && is_stemmable(raw) {
            stemmed = porter::stem(raw);
            stemmed.as_str()
        } else {
            raw
        };
        let id = match self.forms.get(form) {
            Some(&id) => id,
            None => {
                let id = self.forms.len() as u32;
                self.forms.insert(form.into(), id);
                id
            }
        };
        self.raw[usize::from(stem)].insert(raw.into(), id);
        id
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// The tokens of one summary as dense ids, and the ranges of its `\n`-separated lines.
pub(crate) struct Summary {
    pub(crate) ids: Vec<u32>,
    pub(crate) lines: Vec<std::ops::Range<usize>>,
}

impl Summary {
    /// The token ids of each line (rougeLsum's sentences).
    pub(crate) fn sentences(&self) -> Vec<&[u32]> {
        self.lines.iter().map(|l| &self.ids[l.clone()]).collect()
    }
}

/// Interns the summaries of one call (a pair, or a candidate and its references).
pub(crate) struct Interner {
    tokenizer: Tokenizer,
    stem: bool,
    /// Global id -> dense id of this call.
    local: FxHashMap<u32, u32>,
}

impl Interner {
    pub(crate) fn new(tokenizer: Tokenizer, stem: bool) -> Self {
        CACHE.with_borrow_mut(|c| {
            if c.forms.len() > CACHE_MAX {
                *c = Cache::default();
            }
        });
        Interner {
            tokenizer,
            stem,
            local: FxHashMap::default(),
        }
    }

    /// Tokenizes `text` line by line. rougeLsum's sentences are `text.split("\n")` without the
    /// empty lines. rouge1..9/L tokenize the whole text; since `\n` is a separator for both
    /// tokenizers and lower-casing is per character (final sigma aside, which neither
    /// tokenizer keeps apart), the whole text's tokens are the concatenation of the lines'.
    pub(crate) fn summary(&mut self, text: &str) -> Summary {
        let mut ids = Vec::new();
        let mut lines = Vec::new();
        CACHE.with_borrow_mut(|cache| {
            let mut buf = std::mem::take(&mut cache.buf);
            for line in text.split('\n').filter(|l| !l.is_empty()) {
                let start = ids.len();
                for_each_token(line, self.tokenizer, &mut buf, |token| {
                    let global = cache.global_id(token, self.stem);
                    let next = self.local.len() as u32;
                    ids.push(*self.local.entry(global).or_insert(next));
                });
                lines.push(start..ids.len());
            }
            cache.buf = buf;
        });
        Summary { ids, lines }
    }

    /// One more than the largest id handed out so far.
    pub(crate) fn vocab(&self) -> usize {
        self.local.len()
    }
}
