//! rouge-score's `BootstrapAggregator`, seeded: the same resampling, means and percentiles, so
//! that `seed=s` gives exactly what rouge-score gives after `numpy.random.seed(s)`.
//!
//! rouge-score draws each resample with `np.random.choice(n, size=n)` from numpy's global
//! `RandomState` (MT19937), one score type after the other, and takes the 2.5th, 50th and
//! 97.5th percentiles (for the default 95% interval) of the resample means with numpy's
//! `linear` method. This module is that arithmetic, step for step:
//!
//! * `RandomState.seed(s)`: MT19937's `init_genrand(s)`;
//! * `randint(0, n)`: 32-bit draws masked to the smallest `2^k - 1 >= n - 1`, rejected while
//!   above `n - 1` (no draw at all when `n == 1`);
//! * `np.mean(sample, axis=0)` of a `(n, 3)` matrix: each column summed row by row in resample
//!   order, divided by `n`;
//! * `np.percentile(means, q, axis=0)` (numpy >= 1.22): `q = 100 * [d, 0.5, 1 - d] / 100` with
//!   `d = (1 - ci) / 2`, virtual index `(r - 1) * q`, `lerp(a, b, t) = a + (b - a) t`, or
//!   `b - (b - a)(1 - t)` when `t >= 0.5`.

use pyo3::prelude::*;

use crate::errors;

/// MT19937 as numpy's legacy `RandomState` runs it.
struct Mt19937 {
    key: [u32; 624],
    pos: usize,
}

impl Mt19937 {
    fn new(seed: u32) -> Mt19937 {
        let mut key = [0u32; 624];
        let mut s = seed;
        for (pos, k) in key.iter_mut().enumerate() {
            *k = s;
            s = 1_812_433_253u32
                .wrapping_mul(s ^ (s >> 30))
                .wrapping_add(pos as u32 + 1);
        }
        Mt19937 { key, pos: 624 }
    }

    fn generate(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        for i in 0..624 {
            let y = (self.key[i] & UPPER) | (self.key[(i + 1) % 624] & LOWER);
            let mut v = self.key[(i + 397) % 624] ^ (y >> 1);
            if y & 1 == 1 {
                v ^= MATRIX_A;
            }
            self.key[i] = v;
        }
        self.pos = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.pos == 624 {
            self.generate();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `RandomState.randint(0, n)` for `n >= 1` (legacy masked rejection sampling).
    fn below(&mut self, n: usize) -> usize {
        let rng = (n - 1) as u64;
        if rng == 0 {
            return 0;
        }
        debug_assert!(rng < 0xffff_ffff);
        let mut mask = rng;
        for shift in [1, 2, 4, 8, 16, 32] {
            mask |= mask >> shift;
        }
        loop {
            let v = u64::from(self.next_u32()) & mask;
            if v <= rng {
                return v as usize;
            }
        }
    }
}

/// numpy's `_lerp`.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

/// `np.percentile(sorted, q)` for one column sorted ascending, `q` in [0, 1] as numpy has it
/// after dividing by 100.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    let virtual_index = (n - 1) as f64 * q;
    let (prev, next): (isize, isize) = if virtual_index >= (n - 1) as f64 {
        (-1, -1)
    } else if virtual_index < 0.0 {
        (0, 0)
    } else {
        let p = virtual_index.floor() as isize;
        (p, p + 1)
    };
    let gamma = virtual_index - prev as f64;
    let at = |i: isize| {
        if i < 0 {
            sorted[(n as isize + i) as usize]
        } else {
            sorted[i as usize]
        }
    };
    lerp(at(prev), at(next), gamma)
}

/// The intervals of each score type: `matrices[t]` holds `rows` rows of `widths[t]` values
/// (row-major), drawn in the order given with one generator seeded by `seed`. Returns, per
/// type, the low, mid and high rows.
pub fn aggregate(
    matrices: &[Vec<f64>],
    widths: &[usize],
    confidence_interval: f64,
    n_samples: usize,
    seed: u32,
) -> Vec<[Vec<f64>; 3]> {
    let mut rng = Mt19937::new(seed);
    let delta = (1.0 - confidence_interval) / 2.0;
    let qs = [100.0 * delta, 100.0 * 0.5, 100.0 * (1.0 - delta)].map(|q| q / 100.0);
    let mut out = Vec::with_capacity(matrices.len());
    let mut idx = Vec::new();
    for (matrix, &width) in matrices.iter().zip(widths) {
        let rows = matrix.len().checked_div(width).unwrap_or(0);
        // means[col][sample]
        let mut means = vec![Vec::with_capacity(n_samples); width];
        let mut sum = vec![0.0f64; width];
        for _ in 0..n_samples {
            idx.clear();
            idx.extend((0..rows).map(|_| rng.below(rows)));
            sum.iter_mut().for_each(|s| *s = 0.0);
            for &r in &idx {
                let row = &matrix[r * width..(r + 1) * width];
                for (s, v) in sum.iter_mut().zip(row) {
                    *s += v;
                }
            }
            for (col, s) in means.iter_mut().zip(&sum) {
                col.push(s / rows as f64);
            }
        }
        let mut bounds: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for col in &mut means {
            col.sort_by(f64::total_cmp);
            for (b, &q) in bounds.iter_mut().zip(&qs) {
                b.push(percentile(col, q));
            }
        }
        out.push(bounds);
    }
    out
}

/// `aggregate` for Python: `matrices` as flat lists of floats.
#[pyfunction]
#[pyo3(signature = (matrices, widths, confidence_interval, n_samples, seed))]
pub fn bootstrap_aggregate(
    py: Python<'_>,
    matrices: Vec<Vec<f64>>,
    widths: Vec<usize>,
    confidence_interval: f64,
    n_samples: usize,
    seed: u64,
) -> PyResult<Vec<[Vec<f64>; 3]>> {
    if matrices.len() != widths.len() {
        return Err(errors::input(py, "matrices and widths differ in length"));
    }
    for (m, &w) in matrices.iter().zip(&widths) {
        if w == 0 || m.is_empty() || m.len() % w != 0 {
            return Err(errors::input(
                py,
                "a score matrix is empty or not rectangular",
            ));
        }
        if (m.len() / w) as u64 >= 0xffff_ffff {
            return Err(errors::input(py, "too many scores to resample"));
        }
    }
    let seed = u32::try_from(seed)
        .map_err(|_| errors::config(py, "seed: expected an int in [0, 2**32 - 1]"))?;
    Ok(py.detach(|| aggregate(&matrices, &widths, confidence_interval, n_samples, seed)))
}
