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
    /// Global id -> (stamp, dense id of the call with that stamp): lent to one [`Interner`] at
    /// a time, so that a call numbers its tokens with array lookups instead of a hash map.
    local: Vec<(u32, u32)>,
    /// Stamp of the latest [`Interner`] (0 is never handed out), and how many times the
    /// stamps wrapped: a table lent before a wrap is not taken back.
    stamp: u32,
    wraps: u32,
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
    /// Global id -> dense id of this call, for the entries stamped `stamp` (the thread's
    /// table, lent for the call; a second interner alive on the thread gets a fresh one).
    local: Vec<(u32, u32)>,
    stamp: u32,
    wraps: u32,
    /// Dense ids handed out so far.
    next: u32,
}

impl Interner {
    pub(crate) fn new(tokenizer: Tokenizer, stem: bool) -> Self {
        let (local, stamp, wraps) = CACHE.with_borrow_mut(|c| {
            if c.forms.len() > CACHE_MAX {
                // Stamps keep counting, so that a table lent out now is never misread.
                let (stamp, wraps) = (c.stamp, c.wraps);
                *c = Cache::default();
                (c.stamp, c.wraps) = (stamp, wraps);
            }
            c.stamp = c.stamp.wrapping_add(1);
            if c.stamp == 0 {
                // Wrapped: old stamps could collide, start the table afresh.
                c.local.clear();
                c.stamp = 1;
                c.wraps = c.wraps.wrapping_add(1);
            }
            (std::mem::take(&mut c.local), c.stamp, c.wraps)
        });
        Interner {
            tokenizer,
            stem,
            local,
            stamp,
            wraps,
            next: 0,
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
                    let global = cache.global_id(token, self.stem) as usize;
                    if global >= self.local.len() {
                        self.local.resize(global + 1, (0, 0));
                    }
                    let entry = &mut self.local[global];
                    if entry.0 != self.stamp {
                        *entry = (self.stamp, self.next);
                        self.next += 1;
                    }
                    ids.push(entry.1);
                });
                lines.push(start..ids.len());
            }
            cache.buf = buf;
        });
        Summary { ids, lines }
    }

    /// One more than the largest id handed out so far.
    pub(crate) fn vocab(&self) -> usize {
        self.next as usize
    }
}

impl Drop for Interner {
    /// Gives the table back to the thread (unless the thread is ending, or kept a larger one).
    fn drop(&mut self) {
        let local = std::mem::take(&mut self.local);
        let _ = CACHE.try_with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                if c.wraps == self.wraps && c.local.capacity() < local.capacity() {
                    c.local = local;
                }
            }
        });
    }
}
