//! LCS marks of a reference sentence against a candidate sentence, as ROUGE-1.5.5 marks them.

use crate::perl::lcs::LcsScratch;

/// Bitset (64 positions a word) of the reference positions on the LCS of `reference` and
/// `candidate`: the marking of the perl flavour's ROUGE-L (tie-break: on a mismatch go up when
/// `c[i-1][j] >= c[i][j-1]`), so the oracle's ROUGE-L is the scorer's. Token ids are below `k`.
pub(crate) fn marks(
    scratch: &mut LcsScratch,
    reference: &[u32],
    candidate: &[u32],
    k: usize,
) -> Vec<u64> {
    let mut out = vec![0u64; reference.len().div_ceil(64)];
    for (i, &on) in scratch
        .mark_pair(reference, candidate, k)
        .iter()
        .enumerate()
    {
        if on {
            out[i / 64] |= 1 << (i % 64);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::marks;

    fn marked(r: &[u32], c: &[u32]) -> Vec<usize> {
        let k = r
            .iter()
            .chain(c)
            .map(|&t| t as usize + 1)
            .max()
            .unwrap_or(0);
        let m = marks(&mut super::LcsScratch::default(), r, c, k);
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
