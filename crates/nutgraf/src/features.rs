//! Sparse term vectors and similarities shared by the methods.

use crate::analysis::TermId;

/// Term frequencies of a sentence as a sparse vector sorted by term id.
pub fn tf(terms: &[TermId]) -> Vec<(TermId, f64)> {
    let mut sorted = terms.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(TermId, f64)> = Vec::with_capacity(sorted.len());
    for t in sorted {
        match out.last_mut() {
            Some((last, c)) if *last == t => *c += 1.0,
            _ => out.push((t, 1.0)),
        }
    }
    out
}

/// [`tf`] scaled to unit Euclidean length (empty stays empty).
pub fn unit_tf(terms: &[TermId]) -> Vec<(TermId, f64)> {
    let mut v = tf(terms);
    let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, x)| *x /= norm);
    }
    v
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
