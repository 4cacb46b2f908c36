//! Clipped n-gram and skip-bigram hits (`createNGram`/`ngramScore`,
//! `createSkipBigram`/`skipBigramScore` of ROUGE-1.5.5) on dense token ids.
//!
//! Only grams made of tokens present in both texts can match, so tokens are first renumbered
//! among those "common" ones (`0..kc`) and every gram becomes an integer key. The clipped hit
//! sum over grams of min(count in candidate, count in reference) is then counted in a flat
//! table when the key space is small (the usual case: no sorting, no hashing), else by sorting
//! both key lists and merging.

/// Largest key space counted in the flat table (4 MiB of `u32`).
const TABLE_MAX: u64 = 1 << 20;

/// Reusable buffers.
#[derive(Default)]
pub(crate) struct GramScratch {
    /// Dense id -> common id (`u32::MAX` when not in both texts).
    cid: Vec<u32>,
    kc: u64,
    a: Vec<u64>,
    b: Vec<u64>,
    pos_a: Vec<(u32, u32)>,
    pos_b: Vec<(u32, u32)>,
    table: Vec<u32>,
}

/// Sum over distinct keys of min(count in `a`, count in `b`); both sorted.
fn clipped_matches<T: Ord>(a: &[T], b: &[T]) -> u64 {
    let (mut i, mut j, mut hit) = (0, 0, 0u64);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let key = &a[i];
                let (i0, j0) = (i, j);
                while i < a.len() && a[i] == *key {
                    i += 1;
                }
                while j < b.len() && b[j] == *key {
                    j += 1;
                }
                hit += (i - i0).min(j - j0) as u64;
            }
        }
    }
    hit
}

/// Number of `n`-grams of a text of `len` tokens.
pub(crate) fn ngram_count(len: usize, n: usize) -> u64 {
    (len + 1).saturating_sub(n) as u64
}

/// Number of skip-bigrams (pairs `i < j` with `j - i <= gap + 1`, or any pair when `gap` is
/// `None`) plus, with `unigrams`, the unigrams of all tokens but the last (quirk 10).
pub(crate) fn skip_count(len: usize, gap: Option<usize>, unigrams: bool) -> u64 {
    if len < 2 {
        return 0;
    }
    let pairs: u64 = (0..len - 1)
        .map(|i| {
            let right = len - 1 - i;
            gap.map_or(right, |g| right.min(g + 1)) as u64
        })
        .sum();
    pairs + if unigrams { (len - 1) as u64 } else { 0 }
}

/// Unigram hits of the skip-bigram-with-unigram count: every token but the last of each text
/// (the script's loop `$i < $#tokens`). `cnt_c` / `cnt_r` are the full unigram counts; they are
/// restored before returning.
pub(crate) fn unigram_hits_but_last(
    cand: &[u32],
    refr: &[u32],
    cnt_c: &mut [u32],
    cnt_r: &mut [u32],
) -> u64 {
    let (Some(&lc), Some(&lr)) = (cand.last(), refr.last()) else {
        return 0;
    };
    cnt_c[lc as usize] -= 1;
    cnt_r[lr as usize] -= 1;
    let hit = cnt_c
        .iter()
        .zip(cnt_r.iter())
        .map(|(&c, &r)| u64::from(c.min(r)))
        .sum();
    cnt_c[lc as usize] += 1;
    cnt_r[lr as usize] += 1;
    hit
}

impl GramScratch {
    /// Numbers the tokens present in both texts (`cnt_c[t] > 0 && cnt_r[t] > 0`); call once per
    /// candidate/reference pair before the other methods.
    pub fn begin_pair(&mut self, cnt_c: &[u32], cnt_r: &[u32]) {
        self.cid.clear();
        let mut kc = 0u32;
        self.cid.extend(cnt_c.iter().zip(cnt_r).map(|(&c, &r)| {
            if c > 0 && r > 0 {
                kc += 1;
                kc - 1
            } else {
                u32::MAX
            }
        }));
        self.kc = u64::from(kc);
    }

    /// Clipped `n`-gram hits between `cand` and `refr`; `cnt_c` / `cnt_r` are their unigram
    /// counts.
    pub fn ngram_hits(
        &mut self,
        cand: &[u32],
        refr: &[u32],
        n: usize,
        cnt_c: &[u32],
        cnt_r: &[u32],
    ) -> u64 {
        if n == 0 || cand.len() < n || refr.len() < n || self.kc == 0 {
            return 0;
        }
        if n == 1 {
            return cnt_c
                .iter()
                .zip(cnt_r)
                .map(|(&c, &r)| u64::from(c.min(r)))
                .sum();
        }
        let Some(space) = self.kc.checked_pow(n as u32) else {
            return self.slice_hits(cand, refr, n);
        };
        let (kc, cid) = (self.kc, &self.cid);
        let high = kc.pow(n as u32 - 1);
        let windows = |text: &[u32], out: &mut Vec<u64>| {
            out.clear();
            // `run` = number of consecutive common tokens ending here; `key` holds the base-kc
            // digits of the last min(run, n) of them.
            let (mut run, mut key) = (0usize, 0u64);
            for &t in text {
                let c = cid[t as usize];
                if c == u32::MAX {
                    run = 0;
                    key = 0;
                    continue;
                }
                // Drop the oldest digit once the key holds n of them.
                key = (key % high) * kc + u64::from(c);
                run += 1;
                if run >= n {
                    out.push(key);
                }
            }
        };
        windows(cand, &mut self.a);
        windows(refr, &mut self.b);
        self.count(space)
    }

    /// Clipped skip-bigram hits (pairs only; the unigram part of ROUGE-SU is
    /// [`unigram_hits_but_last`]).
    pub fn skip_hits(&mut self, cand: &[u32], refr: &[u32], gap: Option<usize>) -> u64 {
        if cand.len() < 2 || refr.len() < 2 || self.kc == 0 {
            return 0;
        }
        let (kc, cid) = (self.kc, &self.cid);
        let pairs = |text: &[u32], pos: &mut Vec<(u32, u32)>, out: &mut Vec<u64>| {
            pos.clear();
            pos.extend(text.iter().enumerate().filter_map(|(i, &t)| {
                let c = cid[t as usize];
                (c != u32::MAX).then_some((i as u32, c))
            }));
            out.clear();
            for (x, &(pi, a)) in pos.iter().enumerate() {
                let base = u64::from(a) * kc;
                for &(pj, b) in &pos[x + 1..] {
                    if gap.is_some_and(|g| (pj - pi) as usize > g + 1) {
                        break;
                    }
                    out.push(base + u64::from(b));
                }
            }
        };
        pairs(cand, &mut self.pos_a, &mut self.a);
        pairs(refr, &mut self.pos_b, &mut self.b);
        self.count(kc * kc)
    }

    /// Clipped matches of the keys in `self.a` (candidate) and `self.b` (reference), all below
    /// `space`.
    fn count(&mut self, space: u64) -> u64 {
        if space <= TABLE_MAX {
            let space = space as usize;
            if self.table.len() < space {
                self.table.resize(space, 0);
            }
            let t = &mut self.table;
            for &k in &self.b {
                t[k as usize] += 1;
            }
            let mut hit = 0;
            for &k in &self.a {
                let c = &mut t[k as usize];
                if *c > 0 {
                    hit += 1;
                    *c -= 1;
                }
            }
            // Leave the table zeroed for the next call.
            for &k in &self.b {
                t[k as usize] = 0;
            }
            hit
        } else {
            self.a.sort_unstable();
            self.b.sort_unstable();
            clipped_matches(&self.a, &self.b)
        }
    }

    /// The general path for grams whose keys do not fit a `u64`: sort the windows by content.
    fn slice_hits(&mut self, cand: &[u32], refr: &[u32], n: usize) -> u64 {
        let cid = &self.cid;
        let windows = |text: &'_ [u32]| -> Vec<Vec<u32>> {
            let mut v: Vec<Vec<u32>> = text
                .windows(n)
                .filter(|w| w.iter().all(|&t| cid[t as usize] != u32::MAX))
                .map(<[u32]>::to_vec)
                .collect();
            v.sort_unstable();
            v
        };
        clipped_matches(&windows(cand), &windows(refr))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &[u32], k: usize) -> Vec<u32> {
        let mut c = vec![0; k];
        text.iter().for_each(|&t| c[t as usize] += 1);
        c
    }

    /// Brute force over all grams, as the Perl hashes do.
    fn naive(cand: &[u32], refr: &[u32], n: usize) -> u64 {
        let grams = |t: &[u32]| {
            let mut m = std::collections::HashMap::new();
            for w in t.windows(n) {
                *m.entry(w.to_vec()).or_insert(0u64) += 1;
            }
            m
        };
        let (a, b) = (grams(cand), grams(refr));
        b.iter().map(|(g, &c)| c.min(*a.get(g).unwrap_or(&0))).sum()
    }

    #[test]
    fn table_sort_and_slice_paths_agree_with_naive() {
        let k = 40;
        let cand: Vec<u32> = (0..300).map(|i| (i * 7 % 13 + i % 3 * 13) as u32).collect();
        let refr: Vec<u32> = (0..250).map(|i| (i * 5 % 13 + i % 2 * 20) as u32).collect();
        let (cc, cr) = (counts(&cand, k), counts(&refr, k));
        let mut s = GramScratch::default();
        s.begin_pair(&cc, &cr);
        assert!(s.kc > 10);
        for n in 1..=12 {
            let want = naive(&cand, &refr, n);
            assert_eq!(s.ngram_hits(&cand, &refr, n, &cc, &cr), want, "n={n}");
            if n > 1 {
                assert_eq!(s.slice_hits(&cand, &refr, n), want, "slice n={n}");
            }
        }
    }

    #[test]
    fn skip_counts_and_hits() {
        assert_eq!(skip_count(4, None, false), 6);
        assert_eq!(skip_count(4, None, true), 9);
        assert_eq!(skip_count(4, Some(0), false), 3);
        assert_eq!(skip_count(1, None, true), 0);
        let mut s = GramScratch::default();
        let t = [0u32, 1, 2, 3];
        let mut c = counts(&t, 4);
        s.begin_pair(&c, &c);
        assert_eq!(s.skip_hits(&t, &t, None), 6);
        assert_eq!(s.skip_hits(&t, &t, Some(0)), 3);
        let mut c2 = c.clone();
        assert_eq!(unigram_hits_but_last(&t, &t, &mut c, &mut c2), 3);
        assert_eq!(c, counts(&t, 4));
    }
}
