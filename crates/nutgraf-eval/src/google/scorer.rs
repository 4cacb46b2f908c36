//! [`RougeScorer`] and its builder.

use rayon::prelude::*;

use super::algo;
use super::config::GoogleConfig;
use super::tokenize::Tokenizer;
use super::vocab::{Interner, Summary};
use super::Metric;
use crate::{Error, Result, Score};

/// Scores of one summary pair, one entry per configured metric, in the configured order.
pub type Scores = Vec<(Metric, Score)>;

/// Builds a [`RougeScorer`] from metric names; the options are checked by
/// [`build`](Self::build). [`GoogleConfig`] is the same options as serde data.
///
/// Defaults are rouge-score's: no stemming, the rouge-score tokenizer, and (rouge-score has no
/// default) the metrics `rouge1`, `rouge2`, `rougeL`, `rougeLsum`.
#[derive(Debug, Clone)]
pub struct RougeScorerBuilder {
    metrics: Vec<String>,
    stem: bool,
    tokenizer: Tokenizer,
}

impl Default for RougeScorerBuilder {
    fn default() -> Self {
        RougeScorerBuilder {
            metrics: Metric::DEFAULT.iter().map(Metric::to_string).collect(),
            stem: false,
            tokenizer: Tokenizer::RougeScore,
        }
    }
}

impl RougeScorerBuilder {
    /// A builder with the defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// The metrics to compute, by rouge-score name (`rouge1`..`rouge9`, `rougeL`, `rougeLsum`).
    pub fn metrics<I, S>(&mut self, names: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.metrics = names.into_iter().map(|s| s.as_ref().to_owned()).collect();
        self
    }

    /// Porter-stem tokens longer than 3 characters (rouge-score's `use_stemmer`).
    pub fn stem(&mut self, yes: bool) -> &mut Self {
        self.stem = yes;
        self
    }

    /// The tokenizer; anything but [`Tokenizer::RougeScore`] gives a different metric.
    pub fn tokenizer(&mut self, tokenizer: Tokenizer) -> &mut Self {
        self.tokenizer = tokenizer;
        self
    }

    /// Checks the options and builds the scorer.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (option `metrics`) for an unknown metric name (the expected
    /// text lists the valid ones), a metric named twice, or an empty metric list.
    pub fn build(&self) -> Result<RougeScorer> {
        let metrics = self
            .metrics
            .iter()
            .map(|name| name.parse())
            .collect::<Result<Vec<Metric>>>()?;
        GoogleConfig {
            metrics,
            stem: self.stem,
            tokenizer: self.tokenizer,
        }
        .build()
    }
}

/// rouge-score 0.1.2's `RougeScorer`: immutable, `Send + Sync`, reusable across threads.
#[derive(Debug, Clone)]
pub struct RougeScorer {
    config: GoogleConfig,
}

impl RougeScorer {
    /// A builder with rouge-score's defaults.
    pub fn builder() -> RougeScorerBuilder {
        RougeScorerBuilder::new()
    }

    /// Validates `config` and builds the scorer.
    ///
    /// # Errors
    /// See [`GoogleConfig::validate`].
    pub fn new(config: GoogleConfig) -> Result<RougeScorer> {
        config.validate()?;
        Ok(RougeScorer { config })
    }

    /// The options.
    pub fn config(&self) -> &GoogleConfig {
        &self.config
    }

    /// The metrics this scorer computes, in output order.
    pub fn metrics(&self) -> &[Metric] {
        &self.config.metrics
    }

    /// Whether tokens are stemmed.
    pub fn stems(&self) -> bool {
        self.config.stem
    }

    /// The tokenizer.
    pub fn tokenizer(&self) -> Tokenizer {
        self.config.tokenizer
    }

    /// Scores one candidate summary against one reference, both given as sentences.
    ///
    /// Matches the golden files' convention: rouge1..9 and rougeL see the sentences joined by
    /// `" "`, rougeLsum joined by `"\n"`. Empty summaries score 0, never NaN.
    pub fn score<C: AsRef<str>, R: AsRef<str>>(&self, candidate: &[C], reference: &[R]) -> Scores {
        self.score_text(&join_lines(candidate), &join_lines(reference))
    }

    /// rouge-score's `score(target=reference, prediction=candidate)` on raw texts; rougeLsum
    /// splits them on `"\n"`.
    pub fn score_text(&self, candidate: &str, reference: &str) -> Scores {
        let mut interner = Interner::new(self.config.tokenizer, self.config.stem);
        let c = interner.summary(candidate);
        let r = interner.summary(reference);
        self.score_summaries(&c, &r, interner.vocab())
    }

    /// rouge-score's `score_multi`: each metric takes the scores of the reference with the
    /// highest F (the first one on ties, like `numpy.argmax`).
    ///
    /// # Errors
    /// [`Error::NoReference`] when `references` is empty.
    pub fn score_multi<C, R, RS>(&self, candidate: &[C], references: &[RS]) -> Result<Scores>
    where
        C: AsRef<str>,
        R: AsRef<str>,
        RS: AsRef<[R]>,
    {
        if references.is_empty() {
            return Err(Error::NoReference);
        }
        let mut interner = Interner::new(self.config.tokenizer, self.config.stem);
        let c = interner.summary(&join_lines(candidate));
        let refs: Vec<Summary> = references
            .iter()
            .map(|r| interner.summary(&join_lines(r.as_ref())))
            .collect();
        let all: Vec<Scores> = refs
            .iter()
            .map(|r| self.score_summaries(&c, r, interner.vocab()))
            .collect();
        let mut best = all[0].clone();
        for scores in &all[1..] {
            for (slot, &(_, s)) in best.iter_mut().zip(scores) {
                if s.f > slot.1.f {
                    slot.1 = s;
                }
            }
        }
        Ok(best)
    }

    /// Scores pairs in parallel (rayon, in the current thread pool: run it inside
    /// `ThreadPool::install` to choose the thread count); results are in input order.
    ///
    /// # Errors
    /// [`Error::Input`] when the two slices differ in length.
    pub fn score_batch<C, R>(&self, candidates: &[C], references: &[R]) -> Result<Vec<Scores>>
    where
        C: AsRef<[String]> + Sync,
        R: AsRef<[String]> + Sync,
    {
        if candidates.len() != references.len() {
            return Err(Error::Input(format!(
                "{} candidate summaries but {} references",
                candidates.len(),
                references.len()
            )));
        }
        Ok(candidates
            .par_iter()
            .zip(references.par_iter())
            .map(|(c, r)| self.score(c.as_ref(), r.as_ref()))
            .collect())
    }

    /// [`score_multi`](Self::score_multi) over a corpus in parallel: `references[i]` holds the
    /// references of `candidates[i]`. Results are in input order.
    ///
    /// # Errors
    /// [`Error::Input`] when the slices differ in length; [`Error::Document`] (wrapping
    /// [`Error::NoReference`]) naming the first document, 0-based, without a reference.
    pub fn score_batch_multi<C, R>(
        &self,
        candidates: &[C],
        references: &[Vec<R>],
    ) -> Result<Vec<Scores>>
    where
        C: AsRef<[String]> + Sync,
        R: AsRef<[String]> + Sync,
    {
        if candidates.len() != references.len() {
            return Err(Error::Input(format!(
                "{} candidate summaries but {} reference sets",
                candidates.len(),
                references.len()
            )));
        }
        candidates
            .par_iter()
            .zip(references.par_iter())
            .enumerate()
            .map(|(i, (c, r))| {
                self.score_multi(c.as_ref(), r)
                    .map_err(|e| e.in_document(i))
            })
            .collect()
    }

    fn score_summaries(&self, c: &Summary, r: &Summary, vocab: usize) -> Scores {
        self.config
            .metrics
            .iter()
            .map(|&metric| {
                let score = match metric {
                    Metric::RougeN(n) => algo::ngrams(&r.ids, &c.ids, usize::from(n)),
                    Metric::RougeL => algo::lcs(&r.ids, &c.ids, vocab),
                    Metric::RougeLsum => algo::lcs_summary(&r.sentences(), &c.sentences(), vocab),
                };
                (metric, score)
            })
            .collect()
    }
}

fn join_lines<S: AsRef<str>>(sentences: &[S]) -> String {
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(s.as_ref());
    }
    out
}

/// The plain mean of each metric's recall, precision and F over `results` (rouge-score users'
/// usual aggregation). Metrics are those of the first result, in its order; empty input gives
/// an empty vector.
pub fn mean(results: &[Scores]) -> Scores {
    let results: Vec<&[(Metric, Score)]> = results.iter().map(Vec::as_slice).collect();
    mean_of(&results)
}

/// [`mean`] of borrowed results (the one implementation, so that every caller gets the same
/// sums in the same order).
pub(crate) fn mean_of(results: &[&[(Metric, Score)]]) -> Scores {
    let Some(first) = results.first() else {
        return Vec::new();
    };
    let n = results.len() as f64;
    first
        .iter()
        .enumerate()
        .map(|(k, &(metric, _))| {
            let mut sum = Score::default();
            for s in results.iter().filter_map(|r| r.get(k)) {
                sum.recall += s.1.recall;
                sum.precision += s.1.precision;
                sum.f += s.1.f;
            }
            let mean = Score {
                recall: sum.recall / n,
                precision: sum.precision / n,
                f: sum.f / n,
            };
            (metric, mean)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer(metrics: &[&str], stem: bool) -> RougeScorer {
        RougeScorer::builder()
            .metrics(metrics)
            .stem(stem)
            .build()
            .expect("valid config")
    }

    #[test]
    fn identical_summaries_score_one() {
        let s = scorer(&["rouge1", "rouge3", "rougeL", "rougeLsum"], true);
        for (_, score) in s.score(&["The cats sat.", "On mats!"], &["the cat sat", "on mats"]) {
            assert_eq!(
                score,
                Score {
                    recall: 1.0,
                    precision: 1.0,
                    f: 1.0
                }
            );
        }
    }

    #[test]
    fn empty_summaries_score_zero() {
        let s = scorer(&["rouge1", "rougeL", "rougeLsum"], false);
        let empty: [&str; 0] = [];
        for (_, score) in s
            .score(&empty, &["a b"])
            .into_iter()
            .chain(s.score(&["a"], &[""]))
        {
            assert_eq!(score, Score::default());
        }
    }

    #[test]
    fn build_rejects_bad_metrics() {
        for bad in [&["rouge1", "rougeX"][..], &["rougeL", "rougeL"], &[]] {
            let r = RougeScorer::builder().metrics(bad).build();
            assert!(
                matches!(&r, Err(Error::InvalidOption { option, .. }) if option == "metrics"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn score_multi_takes_best_f_per_metric() {
        let s = scorer(&["rouge1", "rouge2"], false);
        let refs = [vec!["x y z"], vec!["a b c"], vec!["a b d"]];
        let best = s.score_multi(&["a b c"], &refs).expect("refs");
        assert_eq!(best[0].1.f, 1.0);
        assert_eq!(best[1].1.f, 1.0);
        let none: [Vec<&str>; 0] = [];
        assert!(s.score_multi(&["a"], &none).is_err());
    }

    #[test]
    fn batch_multi_matches_score_multi() {
        let s = scorer(&["rouge1", "rougeLsum"], false);
        let owned = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let cands = vec![owned(&["a b c"]), owned(&["d e"])];
        let refs = vec![vec![owned(&["a x"]), owned(&["a b"])], vec![owned(&["e"])]];
        let out = s.score_batch_multi(&cands, &refs).expect("valid");
        for (i, scores) in out.iter().enumerate() {
            assert_eq!(*scores, s.score_multi(&cands[i], &refs[i]).expect("refs"));
        }
        assert_eq!(out[0][0].1.recall, 1.0);
        let missing = vec![vec![owned(&["e"])], vec![]];
        assert_eq!(
            s.score_batch_multi(&cands, &missing).unwrap_err(),
            Error::NoReference.in_document(1)
        );
    }

    #[test]
    fn batch_keeps_order_and_checks_counts() {
        let s = scorer(&["rouge1"], false);
        let c = vec![vec!["a".to_string()], vec!["b".to_string()]];
        let r = vec![vec!["a".to_string()], vec!["c".to_string()]];
        let out = s.score_batch(&c, &r).expect("same length");
        assert_eq!(out[0][0].1.f, 1.0);
        assert_eq!(out[1][0].1.f, 0.0);
        assert!(s.score_batch(&c, &r[..1]).is_err());
        let m = mean(&out);
        assert_eq!(m[0].1.f, 0.5);
    }

    #[test]
    fn scorer_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<RougeScorer>();
    }
}
