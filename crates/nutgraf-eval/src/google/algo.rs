//! The three computations of rouge-score 0.1.2 on interned tokens (`u32` ids), with the same
//! integer counts and the same float operations, so the results are bit-identical.

use crate::Score;

/// rouge-score's `scoring.fmeasure`: `2 * p * r / (p + r)`, 0 when `p + r` is 0.
pub(crate) fn fmeasure(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

fn score(precision: f64, recall: f64) -> Score {
    Score {
        recall,
        precision,
        f: fmeasure(precision, recall),
    }
}

/// `_score_ngrams`: clipped n-gram overlap. n-grams cross sentence boundaries. Denominators are
/// `max(count, 1)`, so an empty side gives 0, not NaN.
pub(crate) fn ngrams(reference: &[u32], candidate: &[u32], n: usize) -> Score {
    // Counting by sorting both n-gram lists and merging them: no hashing, and for n <= 2 the
    // n-grams pack into one u64 each, which sorts much faster than slices.
    let (hits, r_count, c_count) = if n <= 2 {
        let pack = |w: &[u32]| w.iter().fold(0u64, |k, &t| (k << 32) | u64::from(t));
        let mut r: Vec<u64> = reference.windows(n).map(pack).collect();
        let mut c: Vec<u64> = candidate.windows(n).map(pack).collect();
        (clipped_hits(&mut r, &mut c), r.len(), c.len())
    } else {
        let mut r: Vec<&[u32]> = reference.windows(n).collect();
        let mut c: Vec<&[u32]> = candidate.windows(n).collect();
        (clipped_hits(&mut r, &mut c), r.len(), c.len())
    };
    let precision = hits as f64 / c_count.max(1) as f64;
    let recall = hits as f64 / r_count.max(1) as f64;
    score(precision, recall)
}

/// `sum(min(count_r[g], count_c[g]))` over the n-grams `g`, by sorting and merging.
fn clipped_hits<T: Ord + Copy>(r: &mut [T], c: &mut [T]) -> usize {
    r.sort_unstable();
    c.sort_unstable();
    let (mut i, mut j, mut hits) = (0, 0, 0);
    while i < r.len() && j < c.len() {
        match r[i].cmp(&c[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                // Equal runs meet once and contribute min(run lengths).
                let gram = r[i];
                let (i0, j0) = (i, j);
                while i < r.len() && r[i] == gram {
                    i += 1;
                }
                while j < c.len() && c[j] == gram {
                    j += 1;
                }
                hits += (i - i0).min(j - j0);
            }
        }
    }
    hits
}

/// `_score_lcs`: rougeL, one LCS over the whole token streams. Only its length matters, so it
/// is computed bit-parallel ([`lcs_len`]) rather than with rouge-score's full table.
pub(crate) fn lcs(reference: &[u32], candidate: &[u32], vocab: usize) -> Score {
    if reference.is_empty() || candidate.is_empty() {
        return Score::default();
    }
    let len = lcs_len(reference, candidate, vocab) as f64;
    score(len / candidate.len() as f64, len / reference.len() as f64)
}

/// LCS length by the bit-vector algorithm of Allison and Dix (1986) as formulated by Hyyrö
/// (2004): one bit per position of the shorter sequence `a`, one multi-word addition per
/// element of `b`; O(|a| |b| / 64) instead of the O(|a| |b|) table.
///
/// Token ids must be below `vocab`.
pub(crate) fn lcs_len(x: &[u32], y: &[u32], vocab: usize) -> usize {
    let (a, b) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let words = a.len().div_ceil(64);
    // match_masks[t * words + k]: bit i of word k set when a[64 k + i] == t.
    let mut match_masks = vec![0u64; vocab * words];
    for (i, &t) in a.iter().enumerate() {
        match_masks[t as usize * words + i / 64] |= 1 << (i % 64);
    }
    // Zero bits of `v` (within a.len()) count the LCS; bits above a.len() never carry down.
    let mut v = vec![u64::MAX; words];
    for &t in b {
        let m = &match_masks[t as usize * words..(t as usize + 1) * words];
        let mut carry = false;
        for (vk, &mk) in v.iter_mut().zip(m) {
            let u = *vk & mk;
            let (sum, c1) = vk.overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            carry = c1 || c2;
            *vk = sum | (*vk & !mk);
        }
    }
    let ones: usize = v
        .iter()
        .enumerate()
        .map(|(k, &w)| {
            let valid = (a.len() - 64 * k).min(64);
            let mask = if valid == 64 {
                u64::MAX
            } else {
                (1u64 << valid) - 1
            };
            (w & mask).count_ones() as usize
        })
        .sum();
    a.len() - ones
}

/// Marks in `marked` the reference positions of one LCS of `reference` and `candidate`, using
/// rouge-score's `_backtrack_norec` tie-break (go up unless left is strictly larger).
///
/// `positions` are the indices of the reference tokens that occur in `candidate`, ascending;
/// `reference` holds those tokens only. A token absent from the candidate matches nothing, so
/// its table row would repeat the row above and the backtrack would only step up through it:
/// leaving such rows out changes neither the table's other rows nor the path.
fn mark_lcs(
    reference: &[u32],
    positions: &[usize],
    candidate: &[u32],
    table: &mut Vec<u32>,
    marked: &mut [bool],
) {
    let cols = candidate.len() + 1;
    table.clear();
    table.resize((reference.len() + 1) * cols, 0);
    for (i, &r) in reference.iter().enumerate() {
        // Row i (done) and row i + 1 (being filled), as slices to spare the index arithmetic.
        let (done, rest) = table.split_at_mut((i + 1) * cols);
        let prev = &done[i * cols..];
        let row = &mut rest[..cols];
        for (j, &c) in candidate.iter().enumerate() {
            row[j + 1] = if r == c {
                prev[j] + 1
            } else {
                prev[j + 1].max(row[j])
            };
        }
    }
    let (mut i, mut j) = (reference.len(), candidate.len());
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            marked[positions[i - 1]] = true;
            i -= 1;
            j -= 1;
        } else if table[i * cols + j - 1] > table[(i - 1) * cols + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

/// `_summary_level_lcs`: rougeLsum. For each reference sentence, the union of its LCS positions
/// against every candidate sentence; a marked token is a hit only while its remaining count is
/// positive in both summaries (so a token is never counted twice).
///
/// `vocab` is one more than the largest token id.
pub(crate) fn lcs_summary(reference: &[&[u32]], candidate: &[&[u32]], vocab: usize) -> Score {
    let m: usize = reference.iter().map(|s| s.len()).sum();
    let n: usize = candidate.iter().map(|s| s.len()).sum();
    if m == 0 || n == 0 {
        return Score::default();
    }
    let mut count_r = vec![0u32; vocab];
    let mut count_c = vec![0u32; vocab];
    for &t in reference.iter().flat_map(|s| s.iter()) {
        count_r[t as usize] += 1;
    }
    for &t in candidate.iter().flat_map(|s| s.iter()) {
        count_c[t as usize] += 1;
    }
    let mut hits = 0usize;
    let mut table = Vec::new();
    let mut marked = Vec::new();
    // in_candidate[t]: token t occurs in the candidate sentence at hand (reset after it).
    let mut in_candidate = vec![false; vocab];
    let (mut kept, mut positions) = (Vec::new(), Vec::new());
    for r in reference {
        marked.clear();
        marked.resize(r.len(), false);
        for c in candidate {
            for &t in c.iter() {
                in_candidate[t as usize] = true;
            }
            kept.clear();
            positions.clear();
            for (i, &t) in r.iter().enumerate() {
                if in_candidate[t as usize] {
                    kept.push(t);
                    positions.push(i);
                }
            }
            for &t in c.iter() {
                in_candidate[t as usize] = false;
            }
            if !kept.is_empty() {
                mark_lcs(&kept, &positions, c, &mut table, &mut marked);
            }
        }
        for (&t, _) in r.iter().zip(&marked).filter(|(_, &m)| m) {
            let t = t as usize;
            if count_c[t] > 0 && count_r[t] > 0 {
                hits += 1;
                count_c[t] -= 1;
                count_r[t] -= 1;
            }
        }
    }
    score(hits as f64 / n as f64, hits as f64 / m as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ngram_clipping() {
        // reference: a a b ; candidate: a a a b -> unigram hits min(2,3) + min(1,1) = 3.
        let s = ngrams(&[0, 0, 1], &[0, 0, 0, 1], 1);
        assert_eq!(s.recall, 1.0);
        assert_eq!(s.precision, 3.0 / 4.0);
        let empty = ngrams(&[], &[0], 2);
        assert_eq!(empty, Score::default());
    }

    #[test]
    fn lcs_of_known_sequences() {
        // LCS(a b c d e, a c e x) = a c e.
        let s = lcs(&[0, 1, 2, 3, 4], &[0, 2, 4, 5], 6);
        assert_eq!(s.recall, 3.0 / 5.0);
        assert_eq!(s.precision, 3.0 / 4.0);
    }

    #[test]
    fn union_lcs_example_of_lin_2004() {
        // Lin (2004), section 3.2: r = w1 w2 w3 w4 w5; c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
        // Union LCS = w1 w2 w3 w5 -> 4 hits of 5 reference tokens, 10 candidate tokens.
        let r: &[u32] = &[1, 2, 3, 4, 5];
        let s = lcs_summary(&[r], &[&[1, 2, 6, 7, 8], &[1, 3, 8, 9, 5]], 10);
        assert_eq!(s.recall, 4.0 / 5.0);
        assert_eq!(s.precision, 4.0 / 10.0);
    }

    /// The textbook O(n m) table, as rouge-score's `_lcs_table` fills it.
    fn lcs_len_table(a: &[u32], b: &[u32]) -> usize {
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                t[i][j] = if a[i - 1] == b[j - 1] {
                    t[i - 1][j - 1] + 1
                } else {
                    t[i - 1][j].max(t[i][j - 1])
                };
            }
        }
        t[a.len()][b.len()]
    }

    /// A small linear congruential generator: `next(k)` is a deterministic value below `k`.
    fn lcg(mut state: u64) -> impl FnMut(u64) -> u32 {
        move |k| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % k) as u32
        }
    }

    #[test]
    fn bit_parallel_lcs_equals_table_across_word_boundaries() {
        // Deterministic sequences over small alphabets, lengths crossing the 64-bit word
        // boundaries.
        let mut next = lcg(12345);
        for &(la, lb, alphabet) in &[
            (1, 1, 2),
            (63, 64, 3),
            (64, 65, 2),
            (130, 70, 5),
            (200, 300, 8),
        ] {
            for _ in 0..20 {
                let a: Vec<u32> = (0..la).map(|_| next(alphabet)).collect();
                let b: Vec<u32> = (0..lb).map(|_| next(alphabet)).collect();
                let want = lcs_len_table(&a, &b);
                assert_eq!(lcs_len(&a, &b, alphabet as usize), want, "{la}x{lb}");
                assert_eq!(lcs_len(&b, &a, alphabet as usize), want, "{lb}x{la}");
            }
        }
    }

    #[test]
    fn leaving_out_unmatched_reference_tokens_marks_the_same_lcs() {
        // Small alphabets (many ties) and alphabets larger than the sequences (many tokens
        // without a match): the marks of the filtered table equal those of the whole one.
        let mut next = lcg(987654321);
        let mut table = Vec::new();
        for &(lr, lc, alphabet) in &[(5, 7, 3), (12, 25, 6), (30, 20, 40), (40, 40, 12)] {
            for _ in 0..200 {
                let r: Vec<u32> = (0..lr).map(|_| next(alphabet)).collect();
                let c: Vec<u32> = (0..lc).map(|_| next(alphabet)).collect();
                let all: Vec<usize> = (0..r.len()).collect();
                let mut whole = vec![false; r.len()];
                mark_lcs(&r, &all, &c, &mut table, &mut whole);
                let positions: Vec<usize> =
                    all.into_iter().filter(|&i| c.contains(&r[i])).collect();
                let kept: Vec<u32> = positions.iter().map(|&i| r[i]).collect();
                let mut filtered = vec![false; r.len()];
                mark_lcs(&kept, &positions, &c, &mut table, &mut filtered);
                assert_eq!(whole, filtered, "{r:?} / {c:?}");
            }
        }
    }

    #[test]
    fn fmeasure_zero_when_both_zero() {
        assert_eq!(fmeasure(0.0, 0.0), 0.0);
        assert_eq!(fmeasure(1.0, 1.0), 1.0);
    }
}
