//! The corpus numbers ROUGE-1.5.5 prints: the Average and confidence interval by bootstrap
//! (`computeAverages` / `bootstrapResampling`, quirk 13).
//!
//! The printed Average is not the mean of the per-document scores but the mean of `r` resample
//! means. Resample `i` reseeds Perl's generator with `srand(i)` and draws `N` indices
//! `int(rand(N))` over the instances sorted as strings (`"<evalID>.<peerID>"`); Perl >= 5.20's
//! `rand` is drand48 (`x0 = (seed << 16) + 0x330E`, `x = (0x5DEECE66D x + 0xB) mod 2^48`,
//! `rand = x / 2^48`), so the numbers are reproducible exactly, given the same EVAL IDs.

use rayon::prelude::*;

use super::round5;
use super::scores::{CorpusScore, CorpusScores, DocScores, Estimate};
use super::Rouge155;
use crate::{Error, Result};

/// The EVAL IDs of the documents, which decide the bootstrap's draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EvalIds<'a> {
    /// pyrouge's: candidate files `cand.<i>.txt` (`i` 0-based) sorted as strings, numbered
    /// `1..=N` in that order (see [`pyrouge_eval_ids`]). What published numbers used.
    #[default]
    Pyrouge,
    /// `1..=N` in input order.
    InputOrder,
    /// Given by the caller, one per document.
    Custom(&'a [String]),
}

/// pyrouge's EVAL ID of each of `n` documents (index = input position).
pub fn pyrouge_eval_ids(n: usize) -> Vec<String> {
    let mut files: Vec<(String, usize)> = (0..n).map(|i| (format!("cand.{i}.txt"), i)).collect();
    files.sort_unstable();
    let mut ids = vec![String::new(); n];
    for (rank, (_, i)) in files.into_iter().enumerate() {
        ids[i] = (rank + 1).to_string();
    }
    ids
}

/// Perl's `srand(seed)` + `rand()` (drand48).
struct Drand48(u64);

impl Drand48 {
    fn new(seed: u32) -> Self {
        Self((u64::from(seed) << 16) + 0x330E)
    }

    #[inline]
    fn next(&mut self) -> f64 {
        self.0 = (self.0.wrapping_mul(0x5_DEEC_E66D).wrapping_add(0xB)) & ((1 << 48) - 1);
        self.0 as f64 / (1u64 << 48) as f64
    }
}

impl Rouge155 {
    /// The corpus Average and confidence interval of every metric, as ROUGE-1.5.5 prints them,
    /// with this scorer's `-r` and `-c`. The peer (system) ID is `"1"`, as pyrouge's.
    ///
    /// Errors ([`Error::Input`]): documents scored with different metrics, a wrong number of
    /// custom IDs, duplicate instance IDs.
    pub fn corpus(&self, docs: &[DocScores], ids: EvalIds<'_>) -> Result<CorpusScores> {
        let docs: Vec<&DocScores> = docs.iter().collect();
        self.corpus_of(&docs, ids)
    }

    /// [`corpus`](Self::corpus) of borrowed documents.
    pub(crate) fn corpus_of(&self, docs: &[&DocScores], ids: EvalIds<'_>) -> Result<CorpusScores> {
        bootstrap_of(
            docs,
            ids,
            "1",
            self.config().resamples,
            self.config().confidence,
        )
    }
}

/// [`Rouge155::corpus`] with explicit peer ID, resamples (`-r`, >= 1) and confidence (`-c`,
/// percent in `[0, 100]`).
///
/// # Errors
/// [`Error::InvalidOption`] for `resamples` or `confidence`; [`Error::Input`] as
/// [`Rouge155::corpus`].
pub fn bootstrap(
    docs: &[DocScores],
    ids: EvalIds<'_>,
    peer_id: &str,
    resamples: usize,
    confidence: f64,
) -> Result<CorpusScores> {
    let docs: Vec<&DocScores> = docs.iter().collect();
    bootstrap_of(&docs, ids, peer_id, resamples, confidence)
}

/// [`bootstrap`] of borrowed documents (the one implementation).
fn bootstrap_of(
    docs: &[&DocScores],
    ids: EvalIds<'_>,
    peer_id: &str,
    resamples: usize,
    confidence: f64,
) -> Result<CorpusScores> {
    if resamples == 0 {
        return Err(Error::invalid("resamples", 0, "at least 1"));
    }
    if !(0.0..=100.0).contains(&confidence) {
        return Err(Error::invalid(
            "confidence",
            confidence,
            "a percentage within [0, 100]",
        ));
    }
    let Some(first) = docs.first() else {
        return Err(Error::Input("no documents to average".into()));
    };
    let names = first.names();
    if let Some(i) = docs.iter().position(|d| d.names() != names) {
        return Err(Error::Input(format!(
            "document {i} was scored with other metrics"
        )));
    }
    let eval_ids = match ids {
        EvalIds::Pyrouge => pyrouge_eval_ids(docs.len()),
        EvalIds::InputOrder => (1..=docs.len()).map(|i| i.to_string()).collect(),
        EvalIds::Custom(v) if v.len() == docs.len() => v.to_vec(),
        EvalIds::Custom(v) => {
            return Err(Error::Input(format!(
                "{} EVAL IDs for {} documents",
                v.len(),
                docs.len()
            )))
        }
    };
    // Instances in Perl's `sort keys`: string order of "<evalID>.<peerID>".
    let mut order: Vec<(String, usize)> = eval_ids
        .into_iter()
        .enumerate()
        .map(|(i, e)| (format!("{e}.{peer_id}"), i))
        .collect();
    order.sort_unstable();
    if let Some(w) = order.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(Error::Input(format!("duplicate instance ID {:?}", w[0].0)));
    }
    // Row-major values: instance x (metric, R/P/F).
    let width = names.len() * 3;
    let values: Vec<f64> = order
        .iter()
        .flat_map(|&(_, i)| {
            docs[i]
                .scores()
                .iter()
                .flat_map(|s| [s.recall, s.precision, s.f])
        })
        .collect();
    let n = order.len();
    let means: Vec<Vec<f64>> = (0..resamples)
        .into_par_iter()
        .map(|i| {
            let mut rng = Drand48::new(i as u32);
            let mut sum = vec![0.0; width];
            for _ in 0..n {
                let idx = (rng.next() * n as f64) as usize;
                let row = &values[idx * width..(idx + 1) * width];
                sum.iter_mut().zip(row).for_each(|(s, v)| *s += v);
            }
            sum.iter_mut().for_each(|s| *s /= n as f64);
            sum
        })
        .collect();
    let scores = (0..names.len())
        .map(|m| {
            let est =
                |c: usize| estimate(means.iter().map(|row| row[m * 3 + c]).collect(), confidence);
            CorpusScore {
                recall: est(0),
                precision: est(1),
                f: est(2),
            }
        })
        .collect();
    Ok(CorpusScores::new(first.shared_names(), scores))
}

/// Average and interval of one quantity from its resample means (`computeAverages`).
fn estimate(mut samples: Vec<f64>, confidence: f64) -> Estimate {
    samples.sort_unstable_by(f64::total_cmp);
    let r = samples.len();
    // Summed in sorted order, as the script does.
    let average = round5(samples.iter().sum::<f64>() / r as f64);
    let delta = r as f64 * ((100.0 - confidence) / 2.0) / 100.0;
    let ci_ua = (r as f64 - delta - 1.0) as i64;
    let ci_la = delta as i64;
    let ci_r = r as f64 - delta - 1.0 - ci_ua as f64;
    // Perl reads past the end of the array as undef, i.e. 0.
    let at = |j: i64| {
        usize::try_from(j)
            .ok()
            .and_then(|j| samples.get(j))
            .copied()
            .unwrap_or(0.0)
    };
    let bound = |a: i64| round5(at(a) + (at(a + 1) - at(a)) * ci_r);
    Estimate {
        average,
        lower: bound(ci_la),
        upper: bound(ci_ua),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drand48_matches_reference_values() {
        // srand(0): x1 = 0x330E * 0x5DEECE66D + 0xB mod 2^48.
        let mut g = Drand48::new(0);
        let x1 = (0x330Eu64 * 0x5_DEEC_E66D + 0xB) & ((1 << 48) - 1);
        assert_eq!(g.next(), x1 as f64 / 2f64.powi(48));
    }

    #[test]
    fn pyrouge_ids_sort_file_names_as_strings() {
        let ids = pyrouge_eval_ids(12);
        // cand.0, cand.1, cand.10, cand.11, cand.2, ...
        assert_eq!(ids[0], "1");
        assert_eq!(ids[1], "2");
        assert_eq!(ids[10], "3");
        assert_eq!(ids[11], "4");
        assert_eq!(ids[2], "5");
    }

    #[test]
    fn interval_of_constant_samples_is_the_constant() {
        let e = estimate(vec![0.25; 1000], 95.0);
        assert_eq!((e.average, e.lower, e.upper), (0.25, 0.25, 0.25));
    }
}
