//! Small dense linear algebra for LSA: a symmetric eigensolver (Householder + implicit QL) and
//! modified Gram–Schmidt.
//!
//! Why hand-written rather than `nalgebra`: LSA needs only the eigenpairs of one small
//! symmetric Gram matrix per document (≤ [`super::MethodConfig::lsa_dense_limit`] rows, about
//! 30 for a news article); the classic `tred2`/`tql2` pair is ~150 lines, accurate to machine
//! precision on symmetric input, and keeps a heavy dependency out of the core crate (build time
//! on 2 cores matters here).

/// Eigen-decomposition of a symmetric `n × n` matrix `a` (row-major; only symmetric input is
/// meaningful). Returns `(values, vectors)` sorted by descending eigenvalue, where `vectors[k]`
/// is the unit eigenvector of `values[k]`.
///
/// Householder reduction to tridiagonal form, then the implicit QL method with Wilkinson-like
/// shifts (the EISPACK `tred2`/`tql2` pair, in the form popularized by JAMA): about `3n³`
/// flops, an order of magnitude less than cyclic Jacobi at the sizes LSA sees (Jacobi was the
/// first version and dominated LSA's profile). Each eigenvalue gets at most `max_iterations`
/// QL steps; convergence is normally reached in two or three.
pub(crate) fn symmetric_eigen(
    a: Vec<f64>,
    n: usize,
    max_iterations: usize,
) -> (Vec<f64>, Vec<Vec<f64>>) {
    debug_assert_eq!(a.len(), n * n);
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut v = a;
    let mut d = vec![0.0; n];
    let mut e = vec![0.0; n];
    tridiagonalize(&mut v, &mut d, &mut e, n);
    // Both steps work on the transpose of the textbook transform V (the input is symmetric, so
    // it is its own transpose): their inner loops then run along contiguous rows instead of
    // strided columns, which the compiler vectorizes.
    let mut vt = v;
    tridiagonal_ql(&mut vt, &mut d, &mut e, n, max_iterations.max(1));
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| d[y].total_cmp(&d[x]).then(x.cmp(&y)));
    let values = order.iter().map(|&k| d[k]).collect();
    let vectors = order
        .iter()
        .map(|&k| vt[k * n..(k + 1) * n].to_vec())
        .collect();
    (values, vectors)
}

/// Householder tridiagonalization (`tred2`): on return `d` is the diagonal, `e[1..]` the
/// sub-diagonal, and `v` the *transpose* of the accumulated orthogonal transform (the
/// algorithm is run with every index pair swapped).
fn tridiagonalize(v: &mut [f64], d: &mut [f64], e: &mut [f64], n: usize) {
    for j in 0..n {
        d[j] = v[j * n + (n - 1)];
    }
    for i in (1..n).rev() {
        let scale: f64 = d[..i].iter().map(|x| x.abs()).sum();
        let mut h = 0.0;
        if scale == 0.0 {
            e[i] = d[i - 1];
            for j in 0..i {
                d[j] = v[j * n + (i - 1)];
                v[j * n + i] = 0.0;
                v[i * n + j] = 0.0;
            }
        } else {
            for x in d[..i].iter_mut() {
                *x /= scale;
                h += *x * *x;
            }
            let f = d[i - 1];
            let g = if f > 0.0 { -h.sqrt() } else { h.sqrt() };
            e[i] = scale * g;
            h -= f * g;
            d[i - 1] = f - g;
            e[..i].iter_mut().for_each(|x| *x = 0.0);
            for j in 0..i {
                let f = d[j];
                v[i * n + j] = f;
                let mut g = e[j] + v[j * n + j] * f;
                for k in j + 1..i {
                    g += v[j * n + k] * d[k];
                    e[k] += v[j * n + k] * f;
                }
                e[j] = g;
            }
            let mut f = 0.0;
            for j in 0..i {
                e[j] /= h;
                f += e[j] * d[j];
            }
            let hh = f / (h + h);
            for j in 0..i {
                e[j] -= hh * d[j];
            }
            for j in 0..i {
                let (f, g) = (d[j], e[j]);
                for k in j..i {
                    v[j * n + k] -= f * e[k] + g * d[k];
                }
                d[j] = v[j * n + (i - 1)];
                v[j * n + i] = 0.0;
            }
        }
        d[i] = h;
    }
    // Accumulate the transformations.
    for i in 0..n - 1 {
        v[i * n + (n - 1)] = v[i * n + i];
        v[i * n + i] = 1.0;
        let h = d[i + 1];
        if h != 0.0 {
            for k in 0..=i {
                d[k] = v[(i + 1) * n + k] / h;
            }
            for j in 0..=i {
                let g: f64 = (0..=i).map(|k| v[(i + 1) * n + k] * v[j * n + k]).sum();
                for k in 0..=i {
                    v[j * n + k] -= g * d[k];
                }
            }
        }
        for k in 0..=i {
            v[(i + 1) * n + k] = 0.0;
        }
    }
    for j in 0..n {
        d[j] = v[j * n + (n - 1)];
        v[j * n + (n - 1)] = 0.0;
    }
    v[(n - 1) * n + (n - 1)] = 1.0;
    e[0] = 0.0;
}

/// Implicit QL on the tridiagonal matrix (`tql2`), accumulating rotations into `vt`, the
/// transpose of the transform from [`tridiagonalize`].
fn tridiagonal_ql(vt: &mut [f64], d: &mut [f64], e: &mut [f64], n: usize, max_iterations: usize) {
    for i in 1..n {
        e[i - 1] = e[i];
    }
    e[n - 1] = 0.0;
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
                let mut r = p.hypot(1.0);
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
                    r = p.hypot(e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    // `vt` is the transposed transform: row i is column i of V.
                    let (head, tail) = vt.split_at_mut((i + 1) * n);
                    let row_i = &mut head[i * n..];
                    let row_next = &mut tail[..n];
                    for (a, b) in row_i.iter_mut().zip(row_next.iter_mut()) {
                        let h = *b;
                        *b = s * *a + c * h;
                        *a = c * *a - s * h;
                    }
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
        let (vals, vecs) = symmetric_eigen(vec![2.0, 1.0, 1.0, 2.0], 2, 50);
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
        let (vals, vecs) = symmetric_eigen(a.clone(), n, 100);
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
