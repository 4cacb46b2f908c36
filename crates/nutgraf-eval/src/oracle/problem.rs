//! One document's oracle problem: the reference's n-grams, each sentence's share of them, and
//! an incremental ROUGE-1/2 state for growing a selection.
//!
//! Token ids come from the perl flavour's tokenizer, so the numbers are ROUGE-1.5.5's (unrounded):
//! n-grams run across sentence boundaries of the summary taken in document order (quirk 8), and
//! ROUGE-L is the summary-level union LCS with its clipping (quirk 9).

use rustc_hash::FxHashMap as HashMap;

use crate::perl::lcs::LcsScratch;
use crate::Score;

/// Key of a unigram or bigram of token ids.
fn key(a: u32, b: Option<u32>) -> u64 {
    match b {
        None => u64::from(a),
        Some(b) => (1u64 << 63) | (u64::from(a) << 31) | u64::from(b),
    }
}

/// A candidate sentence, reduced to what the oracle needs.
#[derive(Debug, Default)]
pub(crate) struct Candidate {
    /// Tokens.
    pub len: usize,
    first: u32,
    last: u32,
    /// Reference-unigram slots of its tokens (tokens absent from the reference omitted).
    unigrams: Vec<u32>,
    /// Reference-bigram slots of its inner bigrams.
    bigrams: Vec<u32>,
}

/// The precomputed problem for one document.
#[derive(Debug)]
pub(crate) struct Problem<'a> {
    pub candidates: Vec<Candidate>,
    /// Reference count of each unigram slot, then of each bigram slot.
    ref_uni: Vec<u32>,
    ref_bi: Vec<u32>,
    bigram_slot: HashMap<u64, u32>,
    ref_tokens: usize,
    /// Per reference sentence: its unigram slots, for the ROUGE-L clipping.
    ref_sentences: Vec<Vec<u32>>,
    doc: &'a [Vec<u32>],
    reference: &'a [Vec<u32>],
    /// LCS marks per (reference sentence, candidate sentence), filled on first use.
    lcs: Option<Vec<Vec<Vec<u64>>>>,
}

impl<'a> Problem<'a> {
    pub fn new(doc: &'a [Vec<u32>], reference: &'a [Vec<u32>]) -> Problem<'a> {
        let mut uni_slot: HashMap<u64, u32> = HashMap::default();
        let mut bigram_slot: HashMap<u64, u32> = HashMap::default();
        let (mut ref_uni, mut ref_bi) = (Vec::new(), Vec::new());
        let stream: Vec<u32> = reference.iter().flatten().copied().collect();
        for &t in &stream {
            let next = uni_slot.len() as u32;
            let s = *uni_slot.entry(key(t, None)).or_insert(next);
            if s as usize == ref_uni.len() {
                ref_uni.push(0);
            }
            ref_uni[s as usize] += 1;
        }
        for w in stream.windows(2) {
            let next = bigram_slot.len() as u32;
            let s = *bigram_slot.entry(key(w[0], Some(w[1]))).or_insert(next);
            if s as usize == ref_bi.len() {
                ref_bi.push(0);
            }
            ref_bi[s as usize] += 1;
        }
        let candidates = doc
            .iter()
            .map(|s| Candidate {
                len: s.len(),
                first: s.first().copied().unwrap_or(0),
                last: s.last().copied().unwrap_or(0),
                unigrams: s
                    .iter()
                    .filter_map(|&t| uni_slot.get(&key(t, None)).copied())
                    .collect(),
                bigrams: s
                    .windows(2)
                    .filter_map(|w| bigram_slot.get(&key(w[0], Some(w[1]))).copied())
                    .collect(),
            })
            .collect();
        let ref_sentences = reference
            .iter()
            .map(|s| s.iter().map(|&t| uni_slot[&key(t, None)]).collect())
            .collect();
        Problem {
            candidates,
            ref_uni,
            ref_bi,
            bigram_slot,
            ref_tokens: stream.len(),
            ref_sentences,
            doc,
            reference,
            lcs: None,
        }
    }

    fn bigram(&self, a: u32, b: u32) -> Option<u32> {
        self.bigram_slot.get(&key(a, Some(b))).copied()
    }

    /// Computes the LCS marks of every (reference sentence, candidate sentence) pair, for
    /// objectives that need ROUGE-L during the search.
    pub fn prepare_lcs(&mut self) {
        let all: Vec<usize> = (0..self.doc.len()).collect();
        self.prepare_lcs_for(&all);
    }

    /// Computes the LCS marks of the pairs with the candidate sentences `sentences` only (enough
    /// to report ROUGE-L of a set found without it); other pairs keep empty marks.
    pub fn prepare_lcs_for(&mut self, sentences: &[usize]) {
        let (reference, doc) = (self.reference, self.doc);
        let k = reference
            .iter()
            .chain(doc)
            .flatten()
            .map(|&t| t as usize + 1)
            .max()
            .unwrap_or(0);
        let mut scratch = LcsScratch::default();
        let marks = self
            .lcs
            .get_or_insert_with(|| vec![vec![Vec::new(); doc.len()]; reference.len()]);
        for (r, row) in reference.iter().zip(marks.iter_mut()) {
            for &s in sentences {
                if row[s].is_empty() {
                    row[s] = super::lcs::marks(&mut scratch, r, &doc[s], k);
                }
            }
        }
    }
}

/// A growing selection with its ROUGE-1/2 hit counts, updated incrementally.
#[derive(Debug, Clone)]
pub(crate) struct State {
    /// Selected sentences, sorted.
    pub selected: Vec<usize>,
    cand_uni: Vec<u32>,
    cand_bi: Vec<u32>,
    hits1: u32,
    hits2: u32,
    len: usize,
}

/// A change to the summary's n-gram counts.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    AddUni(u32),
    AddBi(u32),
    RemoveBi(u32),
}

impl State {
    pub fn new(p: &Problem<'_>) -> State {
        State {
            selected: Vec::new(),
            cand_uni: vec![0; p.ref_uni.len()],
            cand_bi: vec![0; p.ref_bi.len()],
            hits1: 0,
            hits2: 0,
            len: 0,
        }
    }

    /// The n-gram operations that adding sentence `s` implies: its own n-grams, and the
    /// bigrams across its boundaries with the selected neighbours (which replace the one
    /// bigram that joined those neighbours).
    fn ops(&self, p: &Problem<'_>, s: usize, out: &mut Vec<Op>) {
        out.clear();
        let c = &p.candidates[s];
        out.extend(c.unigrams.iter().map(|&u| Op::AddUni(u)));
        out.extend(c.bigrams.iter().map(|&b| Op::AddBi(b)));
        let pos = self.selected.partition_point(|&x| x < s);
        let prev = pos.checked_sub(1).map(|i| &p.candidates[self.selected[i]]);
        let next = self.selected.get(pos).map(|&i| &p.candidates[i]);
        if let (Some(a), Some(b)) = (prev, next) {
            out.extend(p.bigram(a.last, b.first).map(Op::RemoveBi));
        }
        if let Some(a) = prev {
            out.extend(p.bigram(a.last, c.first).map(Op::AddBi));
        }
        if let Some(b) = next {
            out.extend(p.bigram(c.last, b.first).map(Op::AddBi));
        }
    }

    /// Applies `ops`; returns the change of (unigram hits, bigram hits). Clipped hits
    /// `Σ min(cand, ref)` change by one exactly when the count crosses below the reference's.
    fn apply(&mut self, p: &Problem<'_>, ops: &[Op], undo: bool) -> (i64, i64) {
        let (mut d1, mut d2) = (0i64, 0i64);
        for &op in ops {
            let op = match (op, undo) {
                (Op::AddBi(b), true) => Op::RemoveBi(b),
                (Op::RemoveBi(b), true) => Op::AddBi(b),
                (Op::AddUni(u), true) => {
                    self.cand_uni[u as usize] -= 1;
                    d1 -= i64::from(self.cand_uni[u as usize] < p.ref_uni[u as usize]);
                    continue;
                }
                (op, false) => op,
            };
            match op {
                Op::AddUni(u) => {
                    d1 += i64::from(self.cand_uni[u as usize] < p.ref_uni[u as usize]);
                    self.cand_uni[u as usize] += 1;
                }
                Op::AddBi(b) => {
                    d2 += i64::from(self.cand_bi[b as usize] < p.ref_bi[b as usize]);
                    self.cand_bi[b as usize] += 1;
                }
                Op::RemoveBi(b) => {
                    self.cand_bi[b as usize] -= 1;
                    d2 -= i64::from(self.cand_bi[b as usize] < p.ref_bi[b as usize]);
                }
            }
        }
        (d1, d2)
    }

    /// ROUGE-1 and ROUGE-2 if `s` were added, without changing the state.
    pub fn try_add(&mut self, p: &Problem<'_>, s: usize, ops: &mut Vec<Op>) -> (Score, Score) {
        self.ops(p, s, ops);
        let (d1, d2) = self.apply(p, ops, false);
        let ops_copy = std::mem::take(ops);
        self.apply(p, &ops_copy, true);
        *ops = ops_copy;
        let len = self.len + p.candidates[s].len;
        let h1 = (i64::from(self.hits1) + d1) as u32;
        let h2 = (i64::from(self.hits2) + d2) as u32;
        (
            rouge_n(h1, p.ref_tokens, len),
            rouge_n(h2, p.ref_tokens.saturating_sub(1), len.saturating_sub(1)),
        )
    }

    /// Adds sentence `s`.
    pub fn add(&mut self, p: &Problem<'_>, s: usize, ops: &mut Vec<Op>) {
        self.ops(p, s, ops);
        let ops_copy = std::mem::take(ops);
        let (d1, d2) = self.apply(p, &ops_copy, false);
        *ops = ops_copy;
        self.hits1 = (i64::from(self.hits1) + d1) as u32;
        self.hits2 = (i64::from(self.hits2) + d2) as u32;
        self.len += p.candidates[s].len;
        let pos = self.selected.partition_point(|&x| x < s);
        self.selected.insert(pos, s);
    }

    /// Current ROUGE-1 and ROUGE-2.
    pub fn rouge12(&self, p: &Problem<'_>) -> (Score, Score) {
        (
            rouge_n(self.hits1, p.ref_tokens, self.len),
            rouge_n(
                self.hits2,
                p.ref_tokens.saturating_sub(1),
                self.len.saturating_sub(1),
            ),
        )
    }

    /// Current ROUGE-L (summary-level union LCS). Needs [`Problem::prepare_lcs`].
    pub fn rouge_l(&self, p: &Problem<'_>) -> Score {
        let Some(lcs) = &p.lcs else {
            return Score::default();
        };
        // Remaining unigram counts of both texts, decremented as hits are taken (quirk 9).
        let mut ref_left = p.ref_uni.clone();
        let mut cand_left = self.cand_uni.clone();
        let mut hits = 0u32;
        let mut union: Vec<u64> = Vec::new();
        for (r, slots) in p.ref_sentences.iter().enumerate() {
            union.clear();
            union.resize(slots.len().div_ceil(64), 0);
            for &s in &self.selected {
                // Marks not computed (a set scored without ROUGE-L) count as none.
                for (u, m) in union.iter_mut().zip(&lcs[r][s]) {
                    *u |= m;
                }
            }
            for (j, &slot) in slots.iter().enumerate() {
                if union[j / 64] >> (j % 64) & 1 == 1 {
                    let slot = slot as usize;
                    if ref_left[slot] > 0 && cand_left[slot] > 0 {
                        hits += 1;
                        ref_left[slot] -= 1;
                        cand_left[slot] -= 1;
                    }
                }
            }
        }
        rouge_n(hits, p.ref_tokens, self.len)
    }
}

/// Recall, precision and F1 from a hit count and the two totals (0 where a total is 0).
pub(crate) fn rouge_n(hits: u32, reference: usize, candidate: usize) -> Score {
    let ratio = |h: u32, t: usize| if t == 0 { 0.0 } else { f64::from(h) / t as f64 };
    let (recall, precision) = (ratio(hits, reference), ratio(hits, candidate));
    let f = if recall + precision > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Score {
        recall,
        precision,
        f,
    }
}
