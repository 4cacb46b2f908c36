//! Sparse term vectors, document statistics and similarities shared by the methods.
//!
//! Vectors are `(TermId, weight)` pairs sorted by term id; term statistics are plain vectors
//! indexed by [`TermId`] (ids are dense within one [`Analyzed`] document), so nothing here
//! iterates a hash map and every result is deterministic.

use crate::analysis::{Analyzed, TermId};

/// A sparse vector: `(term, weight)` pairs sorted by term id, each term at most once.
pub type SparseVec = Vec<(TermId, f64)>;

/// Term frequencies of a sentence as a sparse vector sorted by term id.
pub fn tf(terms: &[TermId]) -> SparseVec {
    let mut sorted = terms.to_vec();
    sorted.sort_unstable();
    // Sized to the distinct terms: a document's vectors live through its whole summary.
    let distinct = 1 + sorted.windows(2).filter(|w| w[0] != w[1]).count();
    let mut out: SparseVec = Vec::with_capacity(if sorted.is_empty() { 0 } else { distinct });
    for t in sorted {
        match out.last_mut() {
            Some((last, c)) if *last == t => *c += 1.0,
            _ => out.push((t, 1.0)),
        }
    }
    out
}

/// [`tf`] scaled to unit Euclidean length (empty stays empty).
pub fn unit_tf(terms: &[TermId]) -> SparseVec {
    let mut v = tf(terms);
    normalize(&mut v);
    v
}

/// Scales `v` to unit Euclidean length in place (a zero vector is left alone).
pub fn normalize(v: &mut [(TermId, f64)]) {
    let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, x)| *x /= norm);
    }
}

/// Dot product of two sparse vectors sorted by term id.
pub fn dot(a: &[(TermId, f64)], b: &[(TermId, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// One sparse vector spread over a dense array, for the dot products and overlaps of one
/// sentence with each of its graph neighbours: a lookup per term of the other vector instead
/// of a merge of both (whose branches the processor cannot predict). The results equal
/// [`dot`] and [`overlap`] bit for bit: the terms of the other vector are visited in the same
/// ascending order, and a term absent from the loaded vector adds `0.0` (weights are finite).
#[derive(Debug, Clone, Default)]
pub struct Spread {
    /// Weight of each term of the loaded vector, 0 elsewhere.
    weights: Vec<f64>,
    /// 1 for the terms of the loaded vector, 0 elsewhere.
    present: Vec<u8>,
    /// Terms of the loaded vector (to clear them on the next load).
    loaded: Vec<TermId>,
    /// Key of the loaded vector.
    key: Option<usize>,
}

impl Spread {
    /// An empty spread over `n_terms` terms.
    pub fn new(n_terms: usize) -> Spread {
        Spread {
            weights: vec![0.0; n_terms],
            present: vec![0; n_terms],
            loaded: Vec::new(),
            key: None,
        }
    }

    /// Loads `v` under `key`, unless that key is loaded already.
    pub fn load(&mut self, key: usize, v: &[(TermId, f64)]) {
        self.load_terms(key, v.iter().copied());
    }

    /// Loads the terms `set` (distinct) under `key`, with weight 1, unless that key is loaded
    /// already: for [`Spread::overlap_set`].
    pub fn load_set(&mut self, key: usize, set: &[TermId]) {
        self.load_terms(key, set.iter().map(|&t| (t, 1.0)));
    }

    fn load_terms(&mut self, key: usize, terms: impl Iterator<Item = (TermId, f64)>) {
        if self.key == Some(key) {
            return;
        }
        for &t in &self.loaded {
            self.weights[t as usize] = 0.0;
            self.present[t as usize] = 0;
        }
        self.loaded.clear();
        for (t, w) in terms {
            self.weights[t as usize] = w;
            self.present[t as usize] = 1;
            self.loaded.push(t);
        }
        self.key = Some(key);
    }

    /// Number of terms of `set` (distinct) in the loaded vector.
    pub fn overlap_set(&self, set: &[TermId]) -> usize {
        set.iter()
            .map(|&t| usize::from(self.present[t as usize]))
            .sum()
    }

    /// [`dot`] of the loaded vector and `b`.
    pub fn dot(&self, b: &[(TermId, f64)]) -> f64 {
        b.iter()
            .fold(0.0, |s, &(t, w)| s + self.weights[t as usize] * w)
    }

    /// [`overlap`] of the loaded vector and `b`.
    pub fn overlap(&self, b: &[(TermId, f64)]) -> usize {
        b.iter()
            .map(|&(t, _)| usize::from(self.present[t as usize]))
            .sum()
    }
}

/// Number of terms two sparse vectors have in common (their weights are ignored).
pub fn overlap(a: &[(TermId, f64)], b: &[(TermId, f64)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Occurrences of every term in the whole document, indexed by term id.
pub fn term_counts(doc: &Analyzed) -> Vec<u32> {
    let mut counts = vec![0u32; doc.n_terms];
    for t in doc.sentences.iter().flatten() {
        counts[*t as usize] += 1;
    }
    counts
}

/// Sentence frequency of every term (in how many sentences it occurs), indexed by term id.
pub fn sentence_frequencies(doc: &Analyzed) -> Vec<u32> {
    // `last[t]` is the last sentence (+1) counted for t, so a repeated term counts once.
    let mut df = vec![0u32; doc.n_terms];
    let mut last = vec![0usize; doc.n_terms];
    for (i, s) in doc.sentences.iter().enumerate() {
        for &t in s {
            if last[t as usize] != i + 1 {
                last[t as usize] = i + 1;
                df[t as usize] += 1;
            }
        }
    }
    df
}

/// Single-document idf: each sentence is a "document", and `idf(t) = 1 + ln(N / df(t))`.
///
/// The `1 +` keeps terms that occur in every sentence from vanishing (a one-sentence document
/// would otherwise have all-zero vectors); it is the smoothing scikit-learn uses.
pub fn sentence_idf(doc: &Analyzed) -> Vec<f64> {
    let n = doc.len().max(1) as f64;
    sentence_frequencies(doc)
        .into_iter()
        .map(|df| {
            if df == 0 {
                0.0
            } else {
                1.0 + (n / f64::from(df)).ln()
            }
        })
        .collect()
}

/// Unit-length tf-idf vectors of every sentence, with `idf` indexed by term id.
pub fn unit_tfidf(doc: &Analyzed, idf: &[f64]) -> Vec<SparseVec> {
    doc.sentences
        .iter()
        .map(|s| {
            let mut v = tf(s);
            v.iter_mut().for_each(|(t, x)| *x *= idf[*t as usize]);
            normalize(&mut v);
            v
        })
        .collect()
}

/// An inverted index: for every term, the sentences containing it, ascending, each once.
#[derive(Debug, Clone)]
pub struct Postings {
    /// `offsets[t]..offsets[t + 1]` is the slice of `sentences` for term `t`.
    offsets: Vec<usize>,
    sentences: Vec<u32>,
}

impl Postings {
    /// Builds the index of `doc` in two passes (count, then fill), without hashing.
    pub fn new(doc: &Analyzed) -> Postings {
        let df = sentence_frequencies(doc);
        let mut offsets = Vec::with_capacity(df.len() + 1);
        let mut total = 0usize;
        offsets.push(0);
        for &d in &df {
            total += d as usize;
            offsets.push(total);
        }
        let mut cursor: Vec<usize> = offsets[..df.len()].to_vec();
        let mut sentences = vec![0u32; total];
        let mut last = vec![0usize; df.len()];
        for (i, s) in doc.sentences.iter().enumerate() {
            for &t in s {
                let t = t as usize;
                if last[t] != i + 1 {
                    last[t] = i + 1;
                    sentences[cursor[t]] = i as u32;
                    cursor[t] += 1;
                }
            }
        }
        Postings { offsets, sentences }
    }

    /// [`Postings::get`], to be reordered or overwritten in place (a method that shrinks
    /// the lists as it goes, without a vector per term).
    pub(crate) fn get_mut(&mut self, t: TermId) -> &mut [u32] {
        let range = self.range(t);
        &mut self.sentences[range]
    }

    /// The sentences containing term `t`, ascending (empty for an unknown term).
    pub fn get(&self, t: TermId) -> &[u32] {
        &self.sentences[self.range(t)]
    }

    /// Where term `t`'s list is in `sentences` (empty for an unknown term).
    fn range(&self, t: TermId) -> std::ops::Range<usize> {
        let t = t as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    /// Number of terms indexed.
    pub fn n_terms(&self) -> usize {
        self.offsets.len() - 1
    }
}

/// A document whose sentences are the given term ids (one token per term, one word and one
/// byte per token), for the methods' unit tests.
#[cfg(test)]
pub(crate) fn test_doc(sentences: Vec<Vec<TermId>>) -> Analyzed {
    let n_terms = sentences
        .iter()
        .flatten()
        .map(|&t| t as usize + 1)
        .max()
        .unwrap_or(0);
    Analyzed {
        n_terms,
        words: sentences.iter().map(Vec::len).collect(),
        bytes: sentences.iter().map(Vec::len).collect(),
        tokens: sentences.clone(),
        terms: (0..n_terms).map(|t| format!("t{t}")).collect(),
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A spread vector gives `dot` and `overlap` bit for bit, loaded again or not.
        #[test]
        fn spread_equals_the_merge(
            sentences in prop::collection::vec(prop::collection::vec(0u32..40, 0..12), 1..8),
        ) {
            let doc = test_doc(sentences);
            let idf = sentence_idf(&doc);
            let vectors = unit_tfidf(&doc, &idf);
            let mut spread = Spread::new(doc.n_terms);
            for (i, a) in vectors.iter().enumerate() {
                for b in &vectors {
                    spread.load(i, a);
                    prop_assert_eq!(spread.dot(b).to_bits(), dot(a, b).to_bits());
                    prop_assert_eq!(spread.overlap(b), overlap(a, b));
                }
            }
            let sets: Vec<Vec<TermId>> =
                vectors.iter().map(|v| v.iter().map(|&(t, _)| t).collect()).collect();
            for (i, a) in sets.iter().enumerate() {
                for (j, b) in sets.iter().enumerate() {
                    spread.load_set(i, a);
                    prop_assert_eq!(spread.overlap_set(b), overlap(&vectors[i], &vectors[j]));
                }
            }
        }
    }

    #[test]
    fn tf_counts_and_sorts() {
        assert_eq!(tf(&[3, 1, 3]), vec![(1, 1.0), (3, 2.0)]);
        let u = unit_tf(&[0, 0, 1]);
        let norm: f64 = u.iter().map(|(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-12);
    }

    #[test]
    fn dot_and_overlap() {
        let a = tf(&[0, 1, 2, 2]);
        let b = tf(&[2, 3, 1]);
        assert_eq!(dot(&a, &b), 3.0);
        assert_eq!(overlap(&a, &b), 2);
        assert_eq!(overlap(&a, &[]), 0);
    }

    #[test]
    fn frequencies_count_repeats_once_per_sentence() {
        let d = test_doc(vec![vec![0, 0, 1], vec![1, 2], vec![]]);
        assert_eq!(term_counts(&d), vec![2, 2, 1]);
        assert_eq!(sentence_frequencies(&d), vec![1, 2, 1]);
        let idf = sentence_idf(&d);
        assert!(idf[0] > idf[1]);
        assert!((idf[1] - (1.0 + (1.5f64).ln())).abs() < 1e-12);
    }

    #[test]
    fn postings_are_sorted_and_unique() {
        let d = test_doc(vec![vec![0, 0, 1], vec![1, 2], vec![1]]);
        let p = Postings::new(&d);
        assert_eq!(p.get(0), &[0]);
        assert_eq!(p.get(1), &[0, 1, 2]);
        assert_eq!(p.get(2), &[1]);
        assert_eq!(p.get(9), &[] as &[u32]);
        assert_eq!(p.n_terms(), 3);
    }
}
