//! ROUGE-L and ROUGE-W of one reference: the summary-level union LCS of `lcs`/`wlcs` in
//! ROUGE-1.5.5 (quirks 9 and 11).
//!
//! For each reference unit the LCS against every candidate unit is traced back (DP tie-break:
//! go up when `c[i-1][j] >= c[i][j-1]`), marking reference positions; a marked token is a hit
//! only while its remaining unigram count is positive in both texts (both are then decremented).
//! Token ids are dense (`0..k`), so counts live in plain vectors.

const DIAG: u8 = 1;
const UP: u8 = 2;
const LEFT: u8 = 3;

/// Reusable buffers of the LCS dynamic programs.
#[derive(Default)]
pub(crate) struct LcsScratch {
    dir: Vec<u8>,
    prev: Vec<u32>,
    cur: Vec<u32>,
    fprev: Vec<f64>,
    fcur: Vec<f64>,
    lprev: Vec<u32>,
    lcur: Vec<u32>,
    mask: Vec<bool>,
    /// `stamp[t] == gen` when token `t` occurs in the current reference unit.
    stamp: Vec<u32>,
    gen: u32,
    /// Same for the current candidate unit.
    peer_stamp: Vec<u32>,
    peer_gen: u32,
    /// Reference positions of the DP rows.
    rows: Vec<u32>,
    /// Tokens of the DP rows.
    model: Vec<u32>,
}

/// `k^w` for `k = 0, 1, 2, ...`, computed with `powf` exactly as Perl's `**` does.
pub(crate) fn weight_table(w: f64, max_len: usize) -> Vec<f64> {
    (0..=max_len + 1).map(|k| (k as f64).powf(w)).collect()
}

impl LcsScratch {
    fn begin_unit(&mut self, unit: &[u32], k: usize) {
        if self.stamp.len() < k {
            self.stamp.resize(k, 0);
        }
        self.gen = self.gen.wrapping_add(1);
        if self.gen == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.gen = 1;
        }
        for &t in unit {
            self.stamp[t as usize] = self.gen;
        }
    }

    /// Whether `peer` shares a token with the current reference unit: without one the DP marks
    /// nothing, so it is skipped.
    fn shares(&self, peer: &[u32]) -> bool {
        peer.iter().any(|&t| self.stamp[t as usize] == self.gen)
    }

    /// Marks into `self.mask` the reference positions of the LCS of `model` and `peer`.
    ///
    /// `model` holds only the reference tokens that occur in `peer` (their positions are in
    /// `self.rows`): a row without any match is all "go up" moves and changes neither the other
    /// rows nor the trace, so dropping it is exact (not so for ROUGE-W, whose rows are kept).
    fn mark_lcs(&mut self, model: &[u32], peer: &[u32]) {
        let (m, n) = (model.len(), peer.len());
        self.dir.clear();
        self.dir.resize(m * n, 0);
        self.prev.clear();
        self.prev.resize(n + 1, 0);
        self.cur.clear();
        self.cur.resize(n + 1, 0);
        for (i, &tok) in model.iter().enumerate() {
            let row = &mut self.dir[i * n..(i + 1) * n];
            for j in 0..n {
                if tok == peer[j] {
                    self.cur[j + 1] = self.prev[j] + 1;
                    row[j] = DIAG;
                } else if self.prev[j + 1] >= self.cur[j] {
                    self.cur[j + 1] = self.prev[j + 1];
                    row[j] = UP;
                } else {
                    self.cur[j + 1] = self.cur[j];
                    row[j] = LEFT;
                }
            }
            std::mem::swap(&mut self.prev, &mut self.cur);
        }
        self.trace(m, n);
    }

    /// Same for the weighted LCS, whose float scores decide the tie-breaks.
    fn mark_wlcs(&mut self, model: &[u32], peer: &[u32], pw: &[f64]) {
        let (m, n) = (model.len(), peer.len());
        self.dir.clear();
        self.dir.resize(m * n, 0);
        for v in [&mut self.fprev, &mut self.fcur] {
            v.clear();
            v.resize(n + 1, 0.0);
        }
        for v in [&mut self.lprev, &mut self.lcur] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for (i, &tok) in model.iter().enumerate() {
            let row = &mut self.dir[i * n..(i + 1) * n];
            for j in 0..n {
                if tok == peer[j] {
                    let k = self.lprev[j] as usize;
                    // Same evaluation order as the Perl: (c + (k+1)^w) - k^w.
                    self.fcur[j + 1] = self.fprev[j] + pw[k + 1] - pw[k];
                    self.lcur[j + 1] = self.lprev[j] + 1;
                    row[j] = DIAG;
                } else if self.fprev[j + 1] >= self.fcur[j] {
                    self.fcur[j + 1] = self.fprev[j + 1];
                    self.lcur[j + 1] = 0;
                    row[j] = UP;
                } else {
                    self.fcur[j + 1] = self.fcur[j];
                    self.lcur[j + 1] = 0;
                    row[j] = LEFT;
                }
            }
            std::mem::swap(&mut self.fprev, &mut self.fcur);
            std::mem::swap(&mut self.lprev, &mut self.lcur);
        }
        self.trace(m, n);
    }

    fn trace(&mut self, mut i: usize, mut j: usize) {
        let n = j;
        while i != 0 && j != 0 {
            match self.dir[(i - 1) * n + (j - 1)] {
                DIAG => {
                    i -= 1;
                    j -= 1;
                    self.mask[self.rows[i] as usize] = true;
                }
                UP => i -= 1,
                _ => j -= 1,
            }
        }
    }

    /// ROUGE-L of one reference: `(hit, base)` with base = number of reference unit tokens.
    /// `m1` / `p1` are the reference / candidate unigram counts, decremented on each hit.
    pub fn lcs<'a>(
        &mut self,
        model: impl Iterator<Item = &'a [u32]>,
        peer: &[&[u32]],
        k: usize,
        m1: &mut [u32],
        p1: &mut [u32],
    ) -> (u64, u64) {
        let (mut hit, mut base) = (0u64, 0u64);
        for unit in model {
            base += unit.len() as u64;
            self.mark_units(unit, peer, k, None);
            for (j, &t) in unit.iter().enumerate() {
                let t = t as usize;
                if self.mask[j] && m1[t] > 0 && p1[t] > 0 {
                    hit += 1;
                    m1[t] -= 1;
                    p1[t] -= 1;
                }
            }
        }
        (hit, base)
    }

    /// ROUGE-W of one reference: `(hit, base)` with hit = sum of run-length^w of the hits and
    /// base = sum of unit-length^w (the script weights it once more later, quirk 11).
    pub fn wlcs<'a>(
        &mut self,
        model: impl Iterator<Item = &'a [u32]>,
        peer: &[&[u32]],
        k: usize,
        m1: &mut [u32],
        p1: &mut [u32],
        pw: &[f64],
    ) -> (f64, f64) {
        let (mut hit, mut base) = (0f64, 0f64);
        for unit in model {
            base += pw[unit.len()];
            self.mark_units(unit, peer, k, Some(pw));
            let mut run = 0usize;
            let len = unit.len();
            for (j, &t) in unit.iter().enumerate() {
                let t = t as usize;
                if self.mask[j] && m1[t] > 0 && p1[t] > 0 {
                    run += 1;
                    // A run ends before an unmarked position or at the end of the unit; a run
                    // broken by a marked but clipped token goes on (as in the script).
                    if (j + 1 < len && !self.mask[j + 1]) || j + 1 == len {
                        hit += pw[run];
                        run = 0;
                    }
                    m1[t] -= 1;
                    p1[t] -= 1;
                }
            }
        }
        (hit, base)
    }

    /// The reference positions that the LCS of `unit` against the one candidate unit `peer`
    /// marks (ROUGE-L's marking, for the oracle's union over chosen sentences). Token ids are
    /// below `k`.
    pub(crate) fn mark_pair(&mut self, unit: &[u32], peer: &[u32], k: usize) -> &[bool] {
        self.mark_units(unit, &[peer], k, None);
        &self.mask
    }

    fn mark_units(&mut self, unit: &[u32], peer: &[&[u32]], k: usize, pw: Option<&[f64]>) {
        self.mask.clear();
        self.mask.resize(unit.len(), false);
        if unit.is_empty() {
            return;
        }
        self.begin_unit(unit, k);
        if self.peer_stamp.len() < k {
            self.peer_stamp.resize(k, 0);
        }
        let mut model = std::mem::take(&mut self.model);
        for p in peer {
            if !self.shares(p) {
                continue;
            }
            match pw {
                None => {
                    self.peer_gen = self.peer_gen.wrapping_add(1);
                    if self.peer_gen == 0 {
                        self.peer_stamp.iter_mut().for_each(|s| *s = 0);
                        self.peer_gen = 1;
                    }
                    for &t in *p {
                        self.peer_stamp[t as usize] = self.peer_gen;
                    }
                    self.rows.clear();
                    model.clear();
                    for (i, &t) in unit.iter().enumerate() {
                        if self.peer_stamp[t as usize] == self.peer_gen {
                            self.rows.push(i as u32);
                            model.push(t);
                        }
                    }
                    self.mark_lcs(&model, p);
                }
                Some(pw) => {
                    self.rows.clear();
                    self.rows.extend(0..unit.len() as u32);
                    self.mark_wlcs(unit, p, pw);
                }
            }
        }
        self.model = model;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_lcs_counts_each_token_once() {
        let mut s = LcsScratch::default();
        // reference: one unit "a b c d"; candidate units "a b" and "c d" -> all four marked.
        let model: Vec<&[u32]> = vec![&[0, 1, 2, 3]];
        let peer: Vec<&[u32]> = vec![&[0, 1], &[2, 3]];
        let (mut m1, mut p1) = (vec![1; 4], vec![1; 4]);
        let (hit, base) = s.lcs(model.iter().copied(), &peer, 4, &mut m1, &mut p1);
        assert_eq!((hit, base), (4, 4));
        // With the candidate token 3 already used up, it is not a hit.
        let (mut m1, mut p1) = (vec![1; 4], vec![1, 1, 1, 0]);
        let (hit, _) = s.lcs(model.iter().copied(), &peer, 4, &mut m1, &mut p1);
        assert_eq!(hit, 3);
    }

    #[test]
    fn wlcs_rewards_consecutive_runs() {
        let mut s = LcsScratch::default();
        let pw = weight_table(2.0, 8);
        let model: Vec<&[u32]> = vec![&[0, 1, 2, 3]];
        let peer: Vec<&[u32]> = vec![&[0, 1, 9, 2, 3]];
        let (mut m1, mut p1) = (vec![1; 10], vec![1; 10]);
        let (hit, base) = s.wlcs(model.iter().copied(), &peer, 10, &mut m1, &mut p1, &pw);
        // Mask covers all four reference positions: one run of 4.
        assert_eq!((hit, base), (16.0, 16.0));
    }
}
