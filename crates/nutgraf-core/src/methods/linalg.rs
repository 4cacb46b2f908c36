//! Small dense linear algebra for LSA: a symmetric eigensolver (Householder + implicit QL) and
//! modified Gram–Schmidt.
//!
//! Why hand-written rather than `nalgebra`: LSA needs only a few eigenpairs of one small
//! symmetric Gram matrix per document (≤ [`super::LsaConfig::dense_limit`] rows, about
//! 30 for a news article); Householder tridiagonalization plus the classic `tql2` iteration is
//! ~200 lines, accurate to machine precision on symmetric input, and keeps a heavy dependency
//! out of the core crate (build time on 2 cores matters here).

/// Eigen-decomposition of a symmetric matrix: all eigenvalues, eigenvectors on demand.
///
/// Householder reduction to tridiagonal form (LAPACK `dsytd2` style, upper triangle only),
/// then the implicit QL method (EISPACK `tql2`, as in JAMA). Cyclic Jacobi was the first
/// version and dominated LSA's profile; so did forming the full eigenvector matrix. LSA needs
/// only the eigenvectors above (or below) its σ ratio, so neither the Householder transform
/// nor QL's rotations are accumulated into an `n × n` matrix: the reflectors stay where the
/// reduction left them, QL records its plane rotations, and [`SymmetricEigen::vectors`]
/// replays both on just the wanted unit vectors (`O(n²)` per vector instead of `O(n³)`).
///
/// The buffers are reused across calls ([`SymmetricEigen::matrix`] then
/// [`SymmetricEigen::decompose`]), so a per-thread instance allocates nothing once warm.
#[derive(Debug, Clone, Default)]
pub(crate) struct SymmetricEigen {
    n: usize,
    /// The input matrix; after `decompose`, row `k` holds reflector `k` right of the diagonal.
    a: Vec<f64>,
    /// Scale factor `τ_k` of reflector `k` (`H_k = I − τ_k v_k v_kᵀ`).
    tau: Vec<f64>,
    /// Eigenvalues, descending.
    values: Vec<f64>,
    /// `order[k]`: position in the tridiagonal basis of the k-th largest eigenvalue.
    order: Vec<usize>,
    /// QL's plane rotations `(i, c, s)` in the order they were made.
    rotations: Vec<(usize, f64, f64)>,
    /// Diagonal, off-diagonal and a work vector of length `n`.
    d: Vec<f64>,
    e: Vec<f64>,
    work: Vec<f64>,
}

impl SymmetricEigen {
    /// Decomposes the symmetric `n × n` matrix `a` (row-major; only its upper triangle is
    /// read). Each eigenvalue gets at most `max_iterations` QL steps (two or three are usual).
    #[cfg(test)]
    pub fn new(a: Vec<f64>, n: usize, max_iterations: usize) -> SymmetricEigen {
        let mut eig = SymmetricEigen::default();
        eig.matrix(n).copy_from_slice(&a);
        eig.decompose(max_iterations);
        eig
    }

    /// The zeroed `n × n` row-major input buffer for the next [`SymmetricEigen::decompose`];
    /// only the upper triangle (column ≥ row) needs filling.
    pub fn matrix(&mut self, n: usize) -> &mut [f64] {
        self.n = n;
        self.a.clear();
        self.a.resize(n * n, 0.0);
        &mut self.a
    }

    /// The matrix last given to [`SymmetricEigen::matrix`], before [`SymmetricEigen::decompose`].
    pub fn matrix_ref(&self) -> &[f64] {
        &self.a
    }

    /// Decomposes the matrix filled through [`SymmetricEigen::matrix`]. Each eigenvalue gets
    /// at most `max_iterations` QL steps.
    pub fn decompose(&mut self, max_iterations: usize) {
        let n = self.n;
        for v in [&mut self.d, &mut self.e, &mut self.tau, &mut self.work] {
            v.clear();
            v.resize(n, 0.0);
        }
        self.rotations.clear();
        if n > 0 {
            tridiagonalize(
                &mut self.a,
                &mut self.d,
                &mut self.e,
                &mut self.tau,
                &mut self.work,
                n,
            );
            tridiagonal_ql(
                &mut self.rotations,
                &mut self.d,
                &mut self.e,
                n,
                max_iterations.max(1),
            );
        }
        let d = &self.d;
        self.order.clear();
        self.order.extend(0..n);
        self.order
            .sort_by(|&x, &y| d[y].total_cmp(&d[x]).then(x.cmp(&y)));
        self.values.clear();
        self.values.extend(self.order.iter().map(|&k| d[k]));
    }

    /// Eigenvalues, descending.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The unit eigenvector of `values()[k]`.
    #[cfg(test)]
    pub fn vector(&self, k: usize) -> Vec<f64> {
        let mut z = Vec::new();
        self.vectors(&[k], &mut z);
        z
    }

    /// Writes the unit eigenvectors of `values()[k]` for every `k` in `ks` into `z` as an
    /// `n × ks.len()` row-major block: `z[i * ks.len() + c]` is component `i` of the `c`-th.
    pub fn vectors(&self, ks: &[usize], z: &mut Vec<f64>) {
        let (n, w) = (self.n, ks.len());
        z.clear();
        z.resize(n * w, 0.0);
        if w == 0 {
            return;
        }
        // Eigenvectors of the tridiagonal matrix: Z e_p with Z = G_1 ⋯ G_m, so the rotations
        // apply to e_p last to first. Row-major, one rotation touches two contiguous rows.
        for (col, &k) in ks.iter().enumerate() {
            z[self.order[k] * w + col] = 1.0;
        }
        // Rows outside `lo..=hi` are still zero, and a rotation of two zero rows leaves them
        // zero: skipping it changes no bit of the result.
        let lo_hi = ks.iter().map(|&k| self.order[k]);
        let (mut lo, mut hi) = (lo_hi.clone().min().unwrap_or(0), lo_hi.max().unwrap_or(0));
        for &(i, c, s) in self.rotations.iter().rev() {
            if i + 1 < lo || i > hi {
                continue;
            }
            lo = lo.min(i);
            hi = hi.max(i + 1);
            let (head, tail) = z.split_at_mut((i + 1) * w);
            for (a, b) in head[i * w..].iter_mut().zip(&mut tail[..w]) {
                let (x, y) = (*a, *b);
                *a = c * x + s * y;
                *b = c * y - s * x;
            }
        }
        // Back to the original basis: v = H_0 H_1 ⋯ H_{n-3} z, last reflector first.
        let mut proj = vec![0.0; w];
        for k in (0..n.saturating_sub(2)).rev() {
            let tau = self.tau[k];
            if tau == 0.0 {
                continue;
            }
            let v = &self.a[k * n + k + 1..(k + 1) * n];
            let rows = &mut z[(k + 1) * w..];
            proj.iter_mut().for_each(|p| *p = 0.0);
            for (&vr, row) in v.iter().zip(rows.chunks_exact(w)) {
                proj.iter_mut().zip(row).for_each(|(p, &x)| *p += vr * x);
            }
            for (&vr, row) in v.iter().zip(rows.chunks_exact_mut(w)) {
                let f = tau * vr;
                row.iter_mut().zip(&proj).for_each(|(x, &p)| *x -= f * p);
            }
        }
    }
}

/// Dot product with four accumulators, so that the compiler can vectorize it.
fn dot4(a: &[f64], b: &[f64]) -> f64 {
    let (ac, bc) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f64 = ac
        .remainder()
        .iter()
        .zip(bc.remainder())
        .map(|(x, y)| x * y)
        .sum();
    let mut acc = [0.0; 4];
    for (x, y) in ac.zip(bc) {
        for l in 0..4 {
            acc[l] += x[l] * y[l];
        }
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// Householder tridiagonalization of the upper triangle of the row-major `n × n` matrix `a`:
/// on return `d` is the diagonal, `e[k]` the element `(k, k + 1)` (`e[n − 1] = 0`), and row `k`
/// of `a` holds, right of the diagonal, the vector `v_k` (`v_k[0] = 1`) of the reflector
/// `H_k = I − tau[k] v_k v_kᵀ` that acts on indices `k + 1..n`, with `a = Q T Qᵀ`,
/// `Q = H_0 H_1 ⋯ H_{n−3}`. `p` is a work vector of length `n`.
fn tridiagonalize(
    a: &mut [f64],
    d: &mut [f64],
    e: &mut [f64],
    tau: &mut [f64],
    p: &mut [f64],
    n: usize,
) {
    for k in 0..n.saturating_sub(2) {
        d[k] = a[k * n + k];
        let (row, rest) = a[k * n..].split_at_mut(n);
        let x = &mut row[k + 1..];
        // Reflector: H x = β e_1 with β = −sign(x_0)‖x‖ (no cancellation in x_0 − β).
        let tail_sq = dot4(&x[1..], &x[1..]);
        if tail_sq == 0.0 {
            e[k] = x[0];
            tau[k] = 0.0;
            continue;
        }
        let alpha = x[0];
        let norm = (alpha * alpha + tail_sq).sqrt();
        let beta = if alpha > 0.0 { -norm } else { norm };
        let t = (beta - alpha) / beta;
        let scale = 1.0 / (alpha - beta);
        x[1..].iter_mut().for_each(|v| *v *= scale);
        x[0] = 1.0;
        e[k] = beta;
        tau[k] = t;
        let v: &[f64] = x;
        // Trailing block B (rows/columns k + 1..n, upper triangle) ← H B H:
        // p = τ B v, w = p − (τ/2)(pᵀv) v, B ← B − v wᵀ − w vᵀ.
        let m = n - k - 1;
        let p = &mut p[..m];
        p.iter_mut().for_each(|x| *x = 0.0);
        for r in 0..m {
            let brow = &rest[r * n + k + 1 + r..(r + 1) * n];
            // Row r of the upper triangle is also column r below the diagonal.
            let vr = v[r];
            let s = dot4(brow, &v[r..]);
            p[r] += s;
            p[r + 1..]
                .iter_mut()
                .zip(&brow[1..])
                .for_each(|(pc, &b)| *pc += b * vr);
        }
        p.iter_mut().for_each(|x| *x *= t);
        let half = 0.5 * t * dot4(p, v);
        p.iter_mut().zip(v).for_each(|(x, &vv)| *x -= half * vv);
        for r in 0..m {
            let brow = &mut rest[r * n + k + 1 + r..(r + 1) * n];
            let (vr, wr) = (v[r], p[r]);
            brow.iter_mut()
                .zip(&v[r..])
                .zip(&p[r..])
                .for_each(|((b, &vc), &wc)| *b -= vr * wc + wr * vc);
        }
    }
    if n >= 2 {
        d[n - 2] = a[(n - 2) * n + n - 2];
        e[n - 2] = a[(n - 2) * n + n - 1];
    }
    d[n - 1] = a[n * n - 1];
    e[n - 1] = 0.0;
}

/// Implicit QL on the tridiagonal matrix with diagonal `d` and off-diagonal `e` (`tql2`):
/// eigenvalues into `d`, and every plane rotation (which `tql2` would apply to columns `i`,
/// `i + 1` of the transform) into `rotations`. `hypot` is replaced by a plain square root (it
/// was 5 % of LSA's time): `p` is bounded by about `1/ε` because `e[l] > ε·tst1` here, so `p²`
/// cannot overflow.
fn tridiagonal_ql(
    rotations: &mut Vec<(usize, f64, f64)>,
    d: &mut [f64],
    e: &mut [f64],
    n: usize,
    max_iterations: usize,
) {
    let mut f = 0.0;
    let mut tst1 = 0.0f64;
    let eps = f64::EPSILON;
    for l in 0..n {
        tst1 = tst1.max(d[l].abs() + e[l].abs());
        let mut m = l;
        while m < n - 1 && e[m].abs() > eps * tst1 {
            m += 1;
        }
        if m > l {
            for _ in 0..max_iterations {
                let g = d[l];
                let mut p = (d[l + 1] - g) / (2.0 * e[l]);
                let mut r = (p * p + 1.0).sqrt();
                if p < 0.0 {
                    r = -r;
                }
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                let dl1 = d[l + 1];
                let mut h = g - d[l];
                for x in d[l + 2..n].iter_mut() {
                    *x -= h;
                }
                f += h;
                p = d[m];
                let (mut c, mut c2, mut c3) = (1.0, 1.0, 1.0);
                let el1 = e[l + 1];
                let (mut s, mut s2) = (0.0, 0.0);
                for i in (l..m).rev() {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    let g = c * e[i];
                    h = c * p;
                    r = (p * p + e[i] * e[i]).sqrt();
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    rotations.push((i, c, s));
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                if e[l].abs() <= eps * tst1 {
                    break;
                }
            }
        }
        d[l] += f;
        e[l] = 0.0;
    }
}

/// Orthonormalizes `columns` in place by modified Gram–Schmidt, applied twice for stability
/// ("twice is enough"). A column that is (numerically) dependent on the previous ones becomes
/// zero.
pub(crate) fn orthonormalize(columns: &mut [Vec<f64>]) {
    for _ in 0..2 {
        for k in 0..columns.len() {
            let (done, rest) = columns.split_at_mut(k);
            let col = &mut rest[0];
            for q in done.iter() {
                let proj: f64 = q.iter().zip(col.iter()).map(|(a, b)| a * b).sum();
                col.iter_mut().zip(q).for_each(|(c, qv)| *c -= proj * qv);
            }
            let norm = col.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 1e-10 {
                col.iter_mut().for_each(|x| *x /= norm);
            } else {
                col.iter_mut().for_each(|x| *x = 0.0);
            }
        }
    }
}

/// A tiny deterministic generator (SplitMix64) for the randomized SVD's test matrix: fixed
/// seed, so the same document always gives the same scores.
pub(crate) struct SplitMix(pub u64);

impl SplitMix {
    /// A uniform value in [-1, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eigen_of_a_known_matrix() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, -1)/√2.
        let eig = SymmetricEigen::new(vec![2.0, 1.0, 1.0, 2.0], 2, 50);
        let (vals, vecs) = (&eig.values, [eig.vector(0), eig.vector(1)]);
        assert!((vals[0] - 3.0).abs() < 1e-12 && (vals[1] - 1.0).abs() < 1e-12);
        let h = 0.5f64.sqrt();
        assert!((vecs[0][0].abs() - h).abs() < 1e-12 && (vecs[0][0] - vecs[0][1]).abs() < 1e-12);
        assert!((vecs[1][0] + vecs[1][1]).abs() < 1e-12);
    }

    #[test]
    fn eigen_reconstructs_a_random_symmetric_matrix() {
        let n = 7;
        let mut rng = SplitMix(42);
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            for j in i..n {
                let x = rng.next_f64();
                a[i * n + j] = x;
                a[j * n + i] = x;
            }
        }
        let eig = SymmetricEigen::new(a.clone(), n, 100);
        let (vals, vecs): (&[f64], Vec<Vec<f64>>) =
            (&eig.values, (0..n).map(|k| eig.vector(k)).collect());
        for i in 0..n {
            for j in 0..n {
                let r: f64 = (0..n).map(|k| vals[k] * vecs[k][i] * vecs[k][j]).sum();
                assert!(
                    (r - a[i * n + j]).abs() < 1e-10,
                    "({i},{j}): {r} vs {}",
                    a[i * n + j]
                );
            }
        }
        assert!(vals.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn eigen_of_a_gram_matrix_with_zero_and_repeated_directions() {
        // A Gram matrix of 40 sparse columns, some empty (zero rows/columns), some duplicated
        // (repeated eigenvalues): every eigenpair must reconstruct it, read from the upper
        // triangle only, and selected vectors must come out orthonormal.
        let (n, terms) = (40, 25);
        let mut rng = SplitMix(7);
        let mut cols: Vec<Vec<f64>> = (0..n)
            .map(|_| {
                (0..terms)
                    .map(|_| if rng.next_f64() > 0.7 { 1.0 } else { 0.0 })
                    .collect()
            })
            .collect();
        cols[3] = vec![0.0; terms];
        cols[17] = cols[5].clone();
        cols[30] = cols[5].clone();
        let mut eig = SymmetricEigen::default();
        let a = eig.matrix(n);
        for i in 0..n {
            for j in i..n {
                a[i * n + j] = cols[i].iter().zip(&cols[j]).map(|(x, y)| x * y).sum();
            }
        }
        let upper = a.to_vec();
        eig.decompose(50);
        let all: Vec<usize> = (0..n).collect();
        let mut z = Vec::new();
        eig.vectors(&all, &mut z);
        let vals = eig.values();
        for i in 0..n {
            for j in i..n {
                let r: f64 = (0..n).map(|k| vals[k] * z[i * n + k] * z[j * n + k]).sum();
                assert!((r - upper[i * n + j]).abs() < 1e-9, "({i},{j})");
                let o: f64 = (0..n).map(|k| z[k * n + i] * z[k * n + j]).sum();
                assert!(
                    (o - f64::from(u8::from(i == j))).abs() < 1e-9,
                    "orthonormality"
                );
            }
        }
        // A subset in another order gives the same vectors as the full set.
        let some = [2, 0, 9];
        let mut zs = Vec::new();
        eig.vectors(&some, &mut zs);
        for i in 0..n {
            for (c, &k) in some.iter().enumerate() {
                assert!((zs[i * 3 + c] - z[i * n + k]).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn gram_schmidt_gives_orthonormal_columns() {
        let mut cols = vec![
            vec![1.0, 1.0, 0.0],
            vec![1.0, 0.0, 1.0],
            vec![2.0, 1.0, 1.0],
        ];
        orthonormalize(&mut cols);
        let d = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
        assert!((d(&cols[0], &cols[0]) - 1.0).abs() < 1e-12);
        assert!(d(&cols[0], &cols[1]).abs() < 1e-12);
        // The third column is the sum of the first two: it is dependent and becomes zero.
        assert!(cols[2].iter().all(|&x| x == 0.0));
    }
}
