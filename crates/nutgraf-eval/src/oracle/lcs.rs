//! LCS marks of a reference sentence against a candidate sentence, as ROUGE-1.5.5 marks them.

/// Bitset (64 positions a word) of the reference positions on the LCS of `reference` and
/// `candidate`, with ROUGE-1.5.5's tie-break: on a mismatch go up (drop a reference token) when
/// `c[i-1][j] >= c[i][j-1]`; the backtrack marks reference positions.
pub(crate) fn marks(reference: &[u32], candidate: &[u32]) -> Vec<u64> {
    let (m, n) = (reference.len(), candidate.len());
    let mut out = vec![0u64; m.div_ceil(64)];
    if m == 0 || n == 0 {
        return out;
    }
    // Full table: backtracking needs it; sentences are short (tens of tokens).
    let w = n + 1;
    let mut c = vec![0u32; (m + 1) * w];
    for i in 1..=m {
        for j in 1..=n {
            c[i * w + j] = if reference[i - 1] == candidate[j - 1] {
                c[(i - 1) * w + j - 1] + 1
            } else {
                c[(i - 1) * w + j].max(c[i * w + j - 1])
            };
        }
    }
    let (mut i, mut j) = (m, n);
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            i -= 1;
            j -= 1;
            out[i / 64] |= 1 << (i % 64);
        } else if c[(i - 1) * w + j] >= c[i * w + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::marks;

    fn marked(r: &[u32], c: &[u32]) -> Vec<usize> {
        let m = marks(r, c);
        (0..r.len())
            .filter(|&i| m[i / 64] >> (i % 64) & 1 == 1)
            .collect()
    }

    #[test]
    fn marks_the_common_subsequence_in_the_reference() {
        assert_eq!(marked(&[1, 2, 3, 4], &[1, 3, 4]), vec![0, 2, 3]);
        assert_eq!(marked(&[1, 2], &[]), Vec::<usize>::new());
        assert_eq!(marked(&[5, 6], &[7]), Vec::<usize>::new());
    }

    #[test]
    fn tie_break_prefers_dropping_reference_tokens() {
        // reference "a b", candidate "b a": LCS length 1; going up on ties keeps the earliest
        // reference match, "a" at position 0.
        assert_eq!(marked(&[1, 2], &[2, 1]), vec![0]);
    }

    #[test]
    fn long_sentences_use_several_words() {
        let r: Vec<u32> = (0..130).collect();
        let c: Vec<u32> = (0..130).step_by(2).collect();
        assert_eq!(marked(&r, &c), (0..130).step_by(2).collect::<Vec<_>>());
    }
}
