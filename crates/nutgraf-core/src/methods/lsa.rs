//! LSA summarization (Steinberger & Ježek 2004, "Using Latent Semantic Analysis in Text
//! Summarization and Summary Evaluation", ISIM), the "length in the reduced space" variant.
//!
//! Build the term × sentence matrix `A`, take its SVD `A = U Σ Vᵀ`, keep the dimensions whose
//! singular value is at least [`LsaConfig::sigma_ratio`] (0.5: "above half of the highest", as
//! in the paper) of the largest, and score sentence `i` by `sqrt(Σ_k (σ_k · v_ik)²)` over the
//! kept dimensions. (Unlike Gong & Liu 2001, this picks sentences strong in several important
//! topics.)
//!
//! Cells ([`LsaConfig::weighting`]): by default sumy's weighting ([`LsaWeighting::Smoothed`]):
//! every cell of a sentence with at least one term, zeros included, is
//! `0.4 + 0.6 · tf / max_tf`, with `max_tf` the largest term frequency of that sentence
//! (augmented, maximum-tf normalized frequency, Manning et al., *Introduction to Information
//! Retrieval* §6.4.2; sumy's `LsaSummarizer._compute_term_frequency`). A sentence without
//! terms keeps a zero column.
//!
//! Why (ROUGE-1.5.5 `-m` F1, 3 sentences, the 4,368 CNN/DM validation documents, sumy 0.13 run
//! on nutgraf's own sentences; docs/BENCHMARKS.md): raw term frequencies
//! ([`LsaWeighting::Tf`], nutgraf's earlier cells) give R-1 31.08, sumy's LSA 33.27, the
//! smoothed cells 33.27 (R-2 12.09 vs sumy's 11.46, R-L 29.76 vs 29.90). The normalization stops
//! one repeated term from dominating a sentence, and the constant part makes the first
//! singular vector nearly the all-sentences direction, so a sentence's length there grows with
//! its number of document terms. That first σ is then so far above the others that the
//! σ-ratio rule keeps one dimension on news (ratios 0.3, 0.5 and 0.7 give the same summaries).
//! sumy instead keeps every dimension (`MIN_DIMENSIONS = 3`, `REDUCTION_RATIO = 1`), which
//! makes its score the plain norm of the sentence's column; with our cells that scores 33.19,
//! so the paper's σ-ratio rule stays. The smoothed matrix is dense but is `0.4 · 1 cᵀ + B`
//! with `B` sparse (`c_j` = 1 for a sentence with terms), so every product below is computed
//! from `B` and that rank-one part.
//!
//! How the SVD is computed:
//! - **Dense, exact** when the smaller side of `A` has at most
//!   [`LsaConfig::dense_limit`] rows/columns (every news article): the Gram matrix of the
//!   smaller side (`AᵀA` or `AAᵀ`) is diagonalized by Householder + QL (`linalg`), whose eigenvalues
//!   are `σ²`; with `AAᵀ = U Σ² Uᵀ` the score uses `σ_k v_ik = (Aᵀ u_k)_i`. Only the eigenvectors
//!   the score needs are formed: the kept ones, or the dropped ones when fewer, since then
//!   `score_i² = ‖a_i‖² − Σ_dropped σ_k² v_ik²`. The sentence Gram matrix is built from term
//!   postings, and all buffers are per-thread and reused, so a warm thread allocates only the
//!   result.
//! - **Randomized, truncated** otherwise (Halko, Martinsson & Tropp 2011): a fixed-seed random
//!   test matrix with `max_dims + 8` columns, two power iterations, then the exact SVD of
//!   the small projected matrix. Only the top [`LsaConfig::max_dims`] dimensions can be
//!   kept there; cost is linear in the number of non-zeros.
//!
//! Deviations: cells are built from the analyzer's content terms (its tokens, stems and
//! stopwords, not sumy's).

use std::cell::RefCell;

use super::linalg::{orthonormalize, SplitMix, SymmetricEigen};
use serde::{Deserialize, Serialize};

use super::{check, Explanation, Input, Method, Scores};
use crate::analysis::Analyzed;
use crate::error::Result;
use crate::features::{tf, SparseVec};

/// Parameters of [`Lsa`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LsaConfig {
    /// Keep the singular dimensions with σ ≥ `sigma_ratio · σ_max` (Steinberger & Ježek keep
    /// those above half the largest). Default 0.5.
    pub sigma_ratio: f64,
    /// Exact (dense) SVD when the smaller side of the term × sentence matrix is at most this;
    /// otherwise a randomized truncated SVD. Default 200.
    pub dense_limit: usize,
    /// At most this many singular dimensions on the randomized path. Default 20.
    pub max_dims: usize,
    /// Sweep cap of the eigensolver. Default 100.
    pub max_iterations: usize,
    /// The cells of the term × sentence matrix. Default [`LsaWeighting::Smoothed`].
    pub weighting: LsaWeighting,
}

/// The cells of LSA's term × sentence matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LsaWeighting {
    /// sumy's: `0.4 + 0.6 · tf / max_tf` on every cell of a sentence with terms (zeros
    /// included), `max_tf` the sentence's largest term frequency.
    #[default]
    Smoothed,
    /// Raw term frequencies.
    Tf,
}

/// sumy's smoothing constant (`LsaSummarizer._compute_term_frequency(smooth=0.4)`).
const SMOOTH: f64 = 0.4;

/// The matrix `A = base · 1 cᵀ + B`: `B_tj = scale_j · tf_tj`, `c_j = 1` when sentence `j` has a
/// term (0 otherwise), and `base` the constant part of those sentences' cells.
struct Cells {
    base: f64,
    /// Per sentence: the factor of its term frequencies in `B`; 0 for a sentence without terms.
    scale: Vec<f64>,
}

impl Cells {
    /// The cells of sentences whose largest term frequencies are `max_tf`.
    fn new(weighting: LsaWeighting, max_tf: &[f64]) -> Cells {
        let scale = max_tf
            .iter()
            .map(|&max| match weighting {
                _ if max == 0.0 => 0.0,
                LsaWeighting::Smoothed => (1.0 - SMOOTH) / max,
                LsaWeighting::Tf => 1.0,
            })
            .collect();
        Cells {
            base: match weighting {
                LsaWeighting::Smoothed => SMOOTH,
                LsaWeighting::Tf => 0.0,
            },
            scale,
        }
    }

    /// `c_j`: whether sentence `j` gets the constant part.
    fn on(&self, j: usize) -> f64 {
        if self.scale[j] > 0.0 {
            1.0
        } else {
            0.0
        }
    }
}

impl Default for LsaConfig {
    fn default() -> LsaConfig {
        LsaConfig {
            sigma_ratio: 0.5,
            dense_limit: 200,
            max_dims: 20,
            max_iterations: 100,
            weighting: LsaWeighting::Smoothed,
        }
    }
}

impl LsaConfig {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<()> {
        check::unit_interval("sigma_ratio", self.sigma_ratio)?;
        check::at_least_one("max_dims", self.max_dims)?;
        check::at_least_one("max_iterations", self.max_iterations)
    }
}

/// Oversampling of the randomized SVD beyond the wanted dimensions.
const OVERSAMPLE: usize = 8;
/// Power iterations of the randomized SVD (sharpen a slowly decaying spectrum).
const POWER_ITERATIONS: usize = 2;

/// Per-thread buffers, so that scoring a document allocates only its result once warm.
#[derive(Default)]
struct Scratch {
    eig: SymmetricEigen,
    /// Selected eigenvalue indices, and their vectors as an `n × w` block.
    ks: Vec<usize>,
    block: Vec<f64>,
    /// Term → sentence postings with frequencies (CSR): `entries[offsets[t]..offsets[t + 1]]`.
    offsets: Vec<usize>,
    entries: Vec<(u32, f64)>,
    /// Per term: last sentence seen + 1 (0 = none), and its slot in `entries`.
    last: Vec<u32>,
    slot: Vec<usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// LSA sentence scoring.
#[derive(Debug, Clone)]
pub struct Lsa {
    sigma_ratio: f64,
    dense_limit: usize,
    max_dims: usize,
    max_sweeps: usize,
    weighting: LsaWeighting,
}

impl Lsa {
    /// LSA with the σ ratio, dense limit, dimension cap and sweep cap of `config`, checked.
    pub fn new(config: LsaConfig) -> Result<Lsa> {
        config.validate()?;
        Ok(Lsa {
            sigma_ratio: config.sigma_ratio,
            dense_limit: config.dense_limit,
            max_dims: config.max_dims,
            max_sweeps: config.max_iterations,
            weighting: config.weighting,
        })
    }

    /// Decomposes the Gram matrix filled into `sc.eig` and writes into `sc.ks`/`sc.block` the
    /// eigenvectors the score needs; returns whether they are the dropped ones.
    ///
    /// Kept are, among the `cap` largest, those with σ ≥ `sigma_ratio · σ_max`. When the basis
    /// is `complete` (the Gram matrix of the whole of `A`), a squared score is also the squared
    /// norm minus the dropped non-zero dimensions; sentence Gram matrices of news keep about
    /// half their dimensions, so whichever set is smaller is taken, with `true` for "these are
    /// the dropped ones".
    fn spectrum(&self, sc: &mut Scratch, cap: usize, complete: bool) -> bool {
        sc.eig.decompose(self.max_sweeps);
        let values = sc.eig.values();
        let top = values.first().copied().unwrap_or(0.0).max(0.0).sqrt();
        let keep = |k: usize| {
            let l = values[k];
            k < cap && l > 0.0 && l.sqrt() >= self.sigma_ratio * top
        };
        let n = values.len();
        let kept = (0..n).filter(|&k| keep(k)).count();
        let dropped = (0..n).filter(|&k| !keep(k) && values[k] > 0.0).count();
        let complement = complete && dropped < kept;
        sc.ks.clear();
        sc.ks.extend((0..n).filter(|&k| {
            if complement {
                !keep(k) && values[k] > 0.0
            } else {
                keep(k)
            }
        }));
        sc.eig.vectors(&sc.ks, &mut sc.block);
        complement
    }

    /// Fills the upper triangle of the sentence Gram matrix `AᵀA` into `sc.eig` from term
    /// postings: `Σ_t df_t²` work instead of `n²` sparse dot products, plus the rank-one part
    /// of the smoothed cells; returns the cells.
    fn sentence_gram(&self, sc: &mut Scratch, doc: &Analyzed) -> Cells {
        let (n, m) = (doc.len(), doc.n_terms);
        sc.last.clear();
        sc.last.resize(m, 0);
        sc.offsets.clear();
        sc.offsets.resize(m + 1, 0);
        for (i, s) in doc.sentences.iter().enumerate() {
            for &t in s {
                let t = t as usize;
                if sc.last[t] != i as u32 + 1 {
                    sc.last[t] = i as u32 + 1;
                    sc.offsets[t + 1] += 1;
                }
            }
        }
        for t in 0..m {
            sc.offsets[t + 1] += sc.offsets[t];
        }
        sc.entries.clear();
        sc.entries.resize(sc.offsets[m], (0, 0.0));
        sc.slot.clear();
        sc.slot.extend_from_slice(&sc.offsets[..m]);
        sc.last.iter_mut().for_each(|x| *x = 0);
        // `slot[t]` is the next free slot; the current sentence's entry is the one before.
        for (i, s) in doc.sentences.iter().enumerate() {
            for &t in s {
                let t = t as usize;
                if sc.last[t] != i as u32 + 1 {
                    sc.last[t] = i as u32 + 1;
                    sc.entries[sc.slot[t]] = (i as u32, 1.0);
                    sc.slot[t] += 1;
                } else {
                    sc.entries[sc.slot[t] - 1].1 += 1.0;
                }
            }
        }
        let mut max_tf = vec![0.0; n];
        for &(i, x) in &sc.entries {
            max_tf[i as usize] = f64::max(max_tf[i as usize], x);
        }
        let cells = Cells::new(self.weighting, &max_tf);
        // Column sums of B, for the rank-one part.
        let mut sums = vec![0.0; n];
        for e in sc.entries.iter_mut() {
            e.1 *= cells.scale[e.0 as usize];
            sums[e.0 as usize] += e.1;
        }
        let g = sc.eig.matrix(n);
        for t in 0..m {
            let post = &sc.entries[sc.offsets[t]..sc.offsets[t + 1]];
            for (p, &(a, x)) in post.iter().enumerate() {
                let row = &mut g[a as usize * n..(a as usize + 1) * n];
                for &(b, y) in &post[p..] {
                    row[b as usize] += x * y;
                }
            }
        }
        if cells.base > 0.0 {
            // (AᵀA)_ab = (BᵀB)_ab + base² · m · c_a c_b + base · (c_a s_b + c_b s_a).
            let bb = cells.base * cells.base * m as f64;
            for a in 0..n {
                let ca = cells.on(a);
                for b in a..n {
                    let cb = cells.on(b);
                    g[a * n + b] += bb * ca * cb + cells.base * (ca * sums[b] + cb * sums[a]);
                }
            }
        }
        cells
    }

    /// Each sentence's column of `B` (term frequencies times the sentence's scale), and the cells.
    fn columns(&self, doc: &Analyzed) -> (Vec<SparseVec>, Cells) {
        let mut cols: Vec<SparseVec> = doc.sentences.iter().map(|s| tf(s)).collect();
        let max_tf: Vec<f64> = cols
            .iter()
            .map(|col| col.iter().map(|&(_, x)| x).fold(0.0, f64::max))
            .collect();
        let cells = Cells::new(self.weighting, &max_tf);
        for (col, &scale) in cols.iter_mut().zip(&cells.scale) {
            col.iter_mut().for_each(|e| e.1 *= scale);
        }
        (cols, cells)
    }

    fn dense(&self, sc: &mut Scratch, doc: &Analyzed) -> Vec<f64> {
        let (n, n_terms) = (doc.len(), doc.n_terms);
        // score² = Σ_kept part_k, or ‖a_i‖² − Σ_dropped part_k (see `spectrum`).
        let finish = |complement: bool, norm_sq: f64, parts: f64| {
            if complement {
                (norm_sq - parts).max(0.0).sqrt()
            } else {
                parts.sqrt()
            }
        };
        if n <= n_terms {
            // Gram of sentences: AᵀA = V Σ² Vᵀ, part_k = σ_k² v_ik².
            self.sentence_gram(sc, doc);
            let g = sc.eig.matrix_ref();
            let norms: Vec<f64> = (0..n).map(|i| g[i * n + i]).collect();
            let complement = self.spectrum(sc, n, true);
            let values = sc.eig.values();
            let w = sc.ks.len();
            (0..n)
                .map(|i| {
                    let row = &sc.block[i * w..(i + 1) * w];
                    let parts = sc.ks.iter().zip(row).map(|(&k, v)| values[k] * v * v).sum();
                    finish(complement, norms[i], parts)
                })
                .collect()
        } else {
            // Gram of terms: AAᵀ = U Σ² Uᵀ, σ_k v_ik = (Aᵀ u_k)_i, part_k = (a_i · u_k)².
            let (cols, cells) = self.columns(doc);
            let m = n_terms;
            let g = sc.eig.matrix(m);
            for col in &cols {
                for (p, &(a, x)) in col.iter().enumerate() {
                    for &(b, y) in &col[p..] {
                        g[a as usize * m + b as usize] += x * y;
                    }
                }
            }
            let base = cells.base;
            if base > 0.0 {
                // (AAᵀ)_ab = (BBᵀ)_ab + base² · C + base · (R_a + R_b), with C the sentences
                // with terms and R the row sums of B.
                let c: f64 = (0..n).map(|j| cells.on(j)).sum();
                let mut rows = vec![0.0; m];
                for col in &cols {
                    for &(t, x) in col {
                        rows[t as usize] += x;
                    }
                }
                for a in 0..m {
                    for b in a..m {
                        g[a * m + b] += base * base * c + base * (rows[a] + rows[b]);
                    }
                }
            }
            let complement = self.spectrum(sc, m, true);
            let w = sc.ks.len();
            let block = &sc.block;
            // Σ_t u_tk, for the constant part of a_i · u_k.
            let totals: Vec<f64> = (0..w)
                .map(|c| (0..m).map(|t| block[t * w + c]).sum())
                .collect();
            cols.iter()
                .enumerate()
                .map(|(i, col)| {
                    let on = base * cells.on(i);
                    let parts = (0..w)
                        .map(|c| {
                            let p: f64 = col
                                .iter()
                                .map(|&(t, x)| x * block[t as usize * w + c])
                                .sum();
                            let p = p + on * totals[c];
                            p * p
                        })
                        .sum();
                    // ‖a_i‖² = Σ_t (on + B_ti)² = on² · m + 2 · on · s_i + Σ B_ti².
                    let (sum, sq) = col
                        .iter()
                        .fold((0.0, 0.0), |(s, q), &(_, x)| (s + x, q + x * x));
                    let norm_sq = on * on * m as f64 + 2.0 * on * sum + sq;
                    finish(complement, norm_sq, parts)
                })
                .collect()
        }
    }

    fn randomized(&self, sc: &mut Scratch, doc: &Analyzed) -> Vec<f64> {
        let (cols, cells) = self.columns(doc);
        let (n, n_terms) = (doc.len(), doc.n_terms);
        let base = cells.base;
        let l = (self.max_dims + OVERSAMPLE).min(n).min(n_terms);
        let mut rng = SplitMix(0x05EE_D15A);
        let mut z: Vec<Vec<f64>> = (0..l)
            .map(|_| (0..n).map(|_| rng.next_f64()).collect())
            .collect();
        // y = A z (terms × l), then alternate Aᵀ and A with re-orthonormalization; A is
        // `base · 1 cᵀ + B`.
        let times_a = |z: &[Vec<f64>]| -> Vec<Vec<f64>> {
            z.iter()
                .map(|zc| {
                    let constant: f64 = (0..n).map(|j| cells.on(j) * zc[j]).sum::<f64>() * base;
                    let mut y = vec![constant; n_terms];
                    for (col, &w) in cols.iter().zip(zc) {
                        for &(t, x) in col {
                            y[t as usize] += x * w;
                        }
                    }
                    y
                })
                .collect()
        };
        let times_at = |y: &[Vec<f64>]| -> Vec<Vec<f64>> {
            y.iter()
                .map(|yc| {
                    let total = base * yc.iter().sum::<f64>();
                    cols.iter()
                        .enumerate()
                        .map(|(j, col)| {
                            col.iter().map(|&(t, x)| x * yc[t as usize]).sum::<f64>()
                                + cells.on(j) * total
                        })
                        .collect()
                })
                .collect()
        };
        let mut q = times_a(&z);
        orthonormalize(&mut q);
        for _ in 0..POWER_ITERATIONS {
            z = times_at(&q);
            orthonormalize(&mut z);
            q = times_a(&z);
            orthonormalize(&mut q);
        }
        // B = Qᵀ A (l × n); B Bᵀ = W Σ² Wᵀ and σ_k v_ik = (Bᵀ w_k)_i.
        let b = times_at(&q);
        let g = sc.eig.matrix(l);
        for r in 0..l {
            for c in r..l {
                g[r * l + c] = b[r].iter().zip(&b[c]).map(|(p, q)| p * q).sum();
            }
        }
        // The projected basis is not complete, so the kept dimensions are summed directly.
        self.spectrum(sc, self.max_dims, false);
        let w = sc.ks.len();
        (0..n)
            .map(|i| {
                (0..w)
                    .map(|c| {
                        let p: f64 = (0..l).map(|r| sc.block[r * w + c] * b[r][i]).sum();
                        p * p
                    })
                    .sum::<f64>()
                    .sqrt()
            })
            .collect()
    }
}

impl Method for Lsa {
    fn name(&self) -> &str {
        "lsa"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let values = self.lengths(input.analyzed);
        let explanations = input.explain.then(|| {
            values
                .iter()
                .map(|&v| Explanation::of([("length", v)]))
                .collect()
        });
        Ok(Scores {
            values,
            explanations,
        })
    }
}

impl Lsa {
    /// Each sentence's length in the reduced singular space (the score).
    pub fn lengths(&self, doc: &Analyzed) -> Vec<f64> {
        if doc.n_terms == 0 {
            return vec![0.0; doc.len()];
        }
        SCRATCH.with(|sc| {
            // A re-entrant call (impossible today) would get fresh buffers instead of panicking.
            let mut fresh = Scratch::default();
            let mut guard = sc.try_borrow_mut();
            let sc = match guard.as_deref_mut() {
                Ok(sc) => sc,
                Err(_) => &mut fresh,
            };
            if doc.len().min(doc.n_terms) <= self.dense_limit {
                self.dense(sc, doc)
            } else {
                self.randomized(sc, doc)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::test_doc as analyzed;

    #[test]
    fn both_gram_sides_agree() {
        // Few terms and many sentences (AAᵀ side) vs the same with many extra singleton terms
        // (AᵀA side) would change the matrix; instead compare against a direct computation:
        // one sentence, one term with frequency 2: σ = 2, v = 1, score 2.
        let tf = LsaConfig {
            weighting: LsaWeighting::Tf,
            ..LsaConfig::default()
        };
        let lsa = Lsa::new(tf).unwrap();
        assert_eq!(lsa.lengths(&analyzed(vec![vec![0, 0]])), vec![2.0]);
        // Two orthogonal sentences of one term each: σ = 1, 1; both kept; both score 1.
        let s = lsa.lengths(&analyzed(vec![vec![0], vec![1]]));
        assert!((s[0] - 1.0).abs() < 1e-12 && (s[1] - 1.0).abs() < 1e-12);
        // Three sentences over two terms (the AAᵀ side): the row sums of squares of the kept
        // part equal the column norms when every dimension is kept.
        let config = LsaConfig {
            sigma_ratio: 0.0,
            ..tf
        };
        let all = Lsa::new(config).unwrap();
        let s = all.lengths(&analyzed(vec![vec![0, 1], vec![0], vec![1, 1]]));
        let expect = [2f64.sqrt(), 1.0, 2.0];
        for (a, b) in s.iter().zip(expect) {
            assert!((a - b).abs() < 1e-9, "{s:?}");
        }
    }

    /// The smoothed cells of `sentences` over `m` terms, written out: column norms.
    fn smoothed_norms(sentences: &[Vec<u32>], m: usize) -> Vec<f64> {
        sentences
            .iter()
            .map(|s| {
                let mut tf = vec![0.0; m];
                s.iter().for_each(|&t| tf[t as usize] += 1.0);
                let max = tf.iter().copied().fold(0.0, f64::max);
                if max == 0.0 {
                    return 0.0;
                }
                tf.iter()
                    .map(|&x| (SMOOTH + (1.0 - SMOOTH) * x / max).powi(2))
                    .sum::<f64>()
                    .sqrt()
            })
            .collect()
    }

    #[test]
    fn smoothed_cells_on_both_gram_sides() {
        // Every dimension kept: the score is the norm of the sentence's smoothed column, which
        // checks the rank-one part on the sentence side (n <= m), the term side (n > m), and a
        // sentence without terms (a zero column).
        let all = Lsa::new(LsaConfig {
            sigma_ratio: 0.0,
            ..LsaConfig::default()
        })
        .unwrap();
        for (sentences, m) in [
            (vec![vec![0, 1], vec![2], vec![]], 3),
            (vec![vec![0, 1], vec![0], vec![1, 1], vec![]], 2),
            (vec![vec![0, 0, 1], vec![1, 2, 3], vec![3]], 4),
        ] {
            let got = all.lengths(&analyzed(sentences.clone()));
            let want = smoothed_norms(&sentences, m);
            for (a, b) in got.iter().zip(&want) {
                assert!((a - b).abs() < 1e-9, "{got:?} vs {want:?}");
            }
        }
        // Default ratio: one sentence, one term twice: the cell is 0.4 + 0.6 = 1.
        let lsa = Lsa::new(LsaConfig::default()).unwrap();
        assert!((lsa.lengths(&analyzed(vec![vec![0, 0]]))[0] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn randomized_matches_dense_on_a_low_rank_document() {
        // 60 sentences drawn from 3 disjoint templates: rank 3, so the randomized range finder
        // captures the whole column space and both paths give the same scores.
        let templates = [vec![0, 1, 2], vec![3, 4], vec![5, 6, 7, 8]];
        let sentences: Vec<Vec<u32>> = (0..60).map(|i| templates[i % 3].clone()).collect();
        // The smoothed cells add a rank-one part: rank 4 at most, still captured.
        let doc = analyzed(sentences);
        for weighting in [LsaWeighting::Smoothed, LsaWeighting::Tf] {
            let mut config = LsaConfig {
                weighting,
                ..LsaConfig::default()
            };
            let dense = Lsa::new(config).unwrap().lengths(&doc);
            config.dense_limit = 2;
            let randomized = Lsa::new(config).unwrap().lengths(&doc);
            for (a, b) in dense.iter().zip(&randomized) {
                assert!((a - b).abs() < 1e-6, "{weighting:?}: {a} vs {b}");
            }
        }
    }
}
