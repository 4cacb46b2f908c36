//! The ROUGE-1.5.5 scorer: per-document scores of one candidate against its references.

use std::sync::Arc;

use rayon::prelude::*;

use super::config::{PerlConfig, ScoringFormula, SkipMetrics};
use super::doc::{prepare, Analysis, Prepared, Vocab};
use super::lcs::{weight_table, LcsScratch};
use super::ngram::{ngram_count, skip_count, unigram_hits_but_last, GramScratch};
use super::round5;
use super::scores::DocScores;
use super::text::LengthLimit;
use crate::{Error, Result, Score};

/// One metric to compute.
#[derive(Debug, Clone, Copy)]
enum Kind {
    N(usize),
    L,
    W(f64),
    S { gap: Option<usize>, unigrams: bool },
}

/// A ROUGE-1.5.5 scorer with frozen options. It is `Send + Sync` and reusable: score documents
/// one by one with [`score`](Self::score) or in parallel with [`score_batch`](Self::score_batch),
/// then get the corpus Average and confidence interval with [`corpus`](Self::corpus).
#[derive(Debug, Clone)]
pub struct Rouge155 {
    cfg: PerlConfig,
    names: Arc<[Box<str>]>,
    kinds: Vec<Kind>,
    analysis: Analysis,
}

/// Per-worker buffers, reused from one document to the next.
#[derive(Default)]
struct Workspace {
    vocab: Vocab,
    cand: Prepared,
    refs: Vec<Prepared>,
    /// Global token id -> dense id of the current document (`u32::MAX` when unseen).
    dense: Vec<u32>,
    touched: Vec<u32>,
    cnt_c: Vec<u32>,
    cnt_r: Vec<u32>,
    m1: Vec<u32>,
    p1: Vec<u32>,
    grams: GramScratch,
    lcs: LcsScratch,
    pw: Vec<f64>,
}

/// Hits and counts of one metric, pooled (`-f A`) or of the best reference (`-f B`).
#[derive(Clone, Copy)]
struct Tally {
    hit: f64,
    count: f64,
    count_p: f64,
    best: f64,
}

impl Rouge155 {
    /// Validates `cfg` and builds the scorer.
    pub fn new(cfg: PerlConfig) -> Result<Self> {
        cfg.validate()?;
        let mut kinds: Vec<Kind> = (1..=cfg.max_n.unwrap_or(0)).map(Kind::N).collect();
        if cfg.rouge_l {
            kinds.push(Kind::L);
        }
        if let Some(w) = &cfg.rouge_w {
            kinds.push(Kind::W(w.value()));
        }
        if let Some(sb) = cfg.skip_bigram {
            if matches!(sb.metrics, SkipMetrics::Skip | SkipMetrics::Both) {
                kinds.push(Kind::S {
                    gap: sb.max_gap,
                    unigrams: false,
                });
            }
            if matches!(sb.metrics, SkipMetrics::SkipUnigram | SkipMetrics::Both) {
                kinds.push(Kind::S {
                    gap: sb.max_gap,
                    unigrams: true,
                });
            }
        }
        let names: Arc<[Box<str>]> = cfg.metric_names().into();
        debug_assert_eq!(names.len(), kinds.len());
        let analysis = Analysis {
            stem: cfg.stem,
            stopwords: cfg.remove_stopwords,
            // `-l 0` / `-b 0` mean no limit in the script.
            limit: match cfg.length_limit {
                LengthLimit::Words(0) | LengthLimit::Bytes(0) => LengthLimit::None,
                limit => limit,
            },
            fix_lcs_bytes: cfg.fix_lcs_byte_limit,
        };
        Ok(Self {
            cfg,
            names,
            kinds,
            analysis,
        })
    }

    /// The options.
    pub fn config(&self) -> &PerlConfig {
        &self.cfg
    }

    /// The metric names, in the order ROUGE-1.5.5 prints them (`ROUGE-1`, ..., `ROUGE-L`,
    /// `ROUGE-W-1.2`, `ROUGE-S*`, `ROUGE-SU*`).
    pub fn metric_names(&self) -> &[Box<str>] {
        &self.names
    }

    /// Scores one candidate (its sentences) against its references (the sentences of each).
    ///
    /// Sentences are used as given (the pyrouge convention strips them first). Empty texts score
    /// 0.
    ///
    /// # Errors
    /// [`Error::NoReference`] without references; [`Error::EmptyReferenceW`] for ROUGE-W when a
    /// reference has no tokens (ROUGE-1.5.5 dies there) unless
    /// [`PerlConfig::allow_empty_reference_w`] is set.
    pub fn score<S: AsRef<str>, R: AsRef<[S]>>(
        &self,
        candidate: &[S],
        references: &[R],
    ) -> Result<DocScores> {
        self.score_with(&mut Workspace::default(), candidate, references)
    }

    /// Scores many `(candidate, references)` pairs in parallel (rayon); results in input order.
    /// An error of one document (see [`score`](Self::score)) is wrapped in [`Error::Document`]
    /// with its index.
    pub fn score_batch<S, C, R, Rs>(&self, pairs: &[(C, Rs)]) -> Vec<Result<DocScores>>
    where
        S: AsRef<str>,
        C: AsRef<[S]> + Sync,
        R: AsRef<[S]>,
        Rs: AsRef<[R]> + Sync,
    {
        pairs
            .par_iter()
            .enumerate()
            .map_init(Workspace::default, |ws, (i, (c, r))| {
                self.score_with(ws, c.as_ref(), r.as_ref())
                    .map_err(|e| e.in_document(i))
            })
            .collect()
    }

    fn score_with<S: AsRef<str>, R: AsRef<[S]>>(
        &self,
        ws: &mut Workspace,
        candidate: &[S],
        references: &[R],
    ) -> Result<DocScores> {
        if references.is_empty() {
            return Err(Error::NoReference);
        }
        ws.vocab.maybe_reset();
        prepare(candidate, &self.analysis, &mut ws.vocab, &mut ws.cand);
        if ws.refs.len() < references.len() {
            ws.refs.resize_with(references.len(), Prepared::default);
        }
        for (r, out) in references.iter().zip(&mut ws.refs) {
            prepare(r.as_ref(), &self.analysis, &mut ws.vocab, out);
        }
        let k = ws.densify(references.len());
        let scores = self.compute(ws, references.len(), k);
        ws.undensify();
        Ok(DocScores::new(self.names.clone(), scores?))
    }

    fn compute(&self, ws: &mut Workspace, n_refs: usize, k: usize) -> Result<Vec<Score>> {
        let init = Tally {
            hit: 0.0,
            count: 0.0,
            count_p: 0.0,
            best: -1.0,
        };
        let mut tallies = vec![init; self.kinds.len()];
        let Workspace {
            cand,
            refs,
            cnt_c,
            cnt_r,
            m1,
            p1,
            grams,
            lcs,
            pw,
            ..
        } = ws;
        counts(&cand.flat, k, cnt_c);
        let cand_units: Vec<&[u32]> = cand.units().collect();
        let max_unit = refs[..n_refs]
            .iter()
            .flat_map(|r| r.units())
            .map(<[u32]>::len)
            .chain(cand_units.iter().map(|u| u.len()))
            .max()
            .unwrap_or(0)
            .max(cand.flat.len());
        let (c_len, c_flat) = (cand.flat.len(), &cand.flat[..]);
        for (ri, r) in refs[..n_refs].iter().enumerate() {
            counts(&r.flat, k, cnt_r);
            grams.begin_pair(cnt_c, cnt_r);
            let r_len = r.flat.len();
            // ROUGE-S and ROUGE-SU share the skip-bigram hits.
            let mut skip_cache: Option<(Option<usize>, u64)> = None;
            for (kind, tally) in self.kinds.iter().zip(&mut tallies) {
                // (hit, reference count, candidate count, selection score for -f B)
                let (hit, count, count_p, sel) = match *kind {
                    Kind::N(n) => {
                        let hit = grams.ngram_hits(c_flat, &r.flat, n, cnt_c, cnt_r) as f64;
                        let count = ngram_count(r_len, n) as f64;
                        let sel = if count != 0.0 {
                            round5(hit / count)
                        } else {
                            0.0
                        };
                        (hit, count, ngram_count(c_len, n) as f64, sel)
                    }
                    Kind::S { gap, unigrams } => {
                        let pairs = match skip_cache {
                            Some((g, hit)) if g == gap => hit,
                            _ => {
                                let hit = grams.skip_hits(c_flat, &r.flat, gap);
                                skip_cache = Some((gap, hit));
                                hit
                            }
                        };
                        let uni = if unigrams {
                            unigram_hits_but_last(c_flat, &r.flat, cnt_c, cnt_r)
                        } else {
                            0
                        };
                        let hit = (pairs + uni) as f64;
                        let count = skip_count(r_len, gap, unigrams) as f64;
                        let sel = if count != 0.0 {
                            round5(hit / count)
                        } else {
                            0.0
                        };
                        (hit, count, skip_count(c_len, gap, unigrams) as f64, sel)
                    }
                    Kind::L => {
                        m1.clone_from(cnt_r);
                        p1.clone_from(cnt_c);
                        let (hit, base) = lcs.lcs(r.units(), &cand_units, k, m1, p1);
                        let (hit, base) = (hit as f64, base as f64);
                        let sel = if base > 0.0 { hit / base } else { 0.0 };
                        (hit, base, c_len as f64, sel)
                    }
                    Kind::W(w) => {
                        if pw.len() < max_unit + 2 {
                            *pw = weight_table(w, max_unit);
                        }
                        m1.clone_from(cnt_r);
                        p1.clone_from(cnt_c);
                        let (hit, base) = lcs.wlcs(r.units(), &cand_units, k, m1, p1, pw);
                        if base == 0.0 && !self.cfg.allow_empty_reference_w {
                            return Err(Error::EmptyReferenceW { reference: ri });
                        }
                        let sel = if base > 0.0 {
                            (hit / base).powf(1.0 / w)
                        } else {
                            0.0
                        };
                        (hit, base.powf(w), (c_len as f64).powf(w), sel)
                    }
                };
                match self.cfg.formula {
                    ScoringFormula::Average => {
                        tally.hit += hit;
                        tally.count += count;
                        tally.count_p += count_p;
                    }
                    ScoringFormula::Best => {
                        if sel > tally.best {
                            *tally = Tally {
                                hit,
                                count,
                                count_p,
                                best: sel,
                            };
                        }
                    }
                }
            }
        }
        let alpha = self.cfg.alpha;
        Ok(self
            .kinds
            .iter()
            .zip(&tallies)
            .map(|(kind, t)| {
                let ratio = |count: f64| {
                    if count == 0.0 {
                        return 0.0;
                    }
                    match *kind {
                        Kind::W(w) => round5((t.hit / count).powf(1.0 / w)),
                        _ => round5(t.hit / count),
                    }
                };
                let (recall, precision) = (ratio(t.count), ratio(t.count_p));
                let den = (1.0 - alpha) * precision + alpha * recall;
                let f = if den > 0.0 {
                    round5(precision * recall / den)
                } else {
                    0.0
                };
                Score {
                    recall,
                    precision,
                    f,
                }
            })
            .collect())
    }
}

/// Unigram counts of `text` over dense ids below `k`.
fn counts(text: &[u32], k: usize, out: &mut Vec<u32>) {
    out.clear();
    out.resize(k, 0);
    for &t in text {
        out[t as usize] += 1;
    }
}

impl Workspace {
    /// Renumbers the tokens of the current document densely (`0..k`), returning `k`.
    fn densify(&mut self, n_refs: usize) -> usize {
        if self.dense.len() < self.vocab.len() {
            self.dense.resize(self.vocab.len(), u32::MAX);
        }
        let (dense, touched) = (&mut self.dense, &mut self.touched);
        let mut map = |tokens: &mut Vec<u32>| {
            for t in tokens.iter_mut() {
                let d = &mut dense[*t as usize];
                if *d == u32::MAX {
                    *d = touched.len() as u32;
                    touched.push(*t);
                }
                *t = *d;
            }
        };
        map(&mut self.cand.flat);
        map(&mut self.cand.lcs);
        for r in &mut self.refs[..n_refs] {
            map(&mut r.flat);
            map(&mut r.lcs);
        }
        touched.len()
    }

    fn undensify(&mut self) {
        for &g in &self.touched {
            self.dense[g as usize] = u32::MAX;
        }
        self.touched.clear();
    }
}
