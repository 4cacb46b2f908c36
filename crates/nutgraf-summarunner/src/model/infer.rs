//! Inference-only forward pass of the RNN_RNN model (the paper's): the same function as
//! [`Params::forward`] without dropout, computed on plain buffers.
//!
//! Why a second path: the tensor forward pads every sentence to the longest one of the batch
//! and allocates a dozen tensors per GRU step; at inference that overhead (padding steps,
//! allocation, page faults, strided element-wise kernels) cost more than the arithmetic.
//! Here the GRUs run as packed sequences (rows sorted by length, the active batch shrinks
//! as sequences end), the input projections of all steps and both directions are one
//! matrix product per batch, and only the hidden recurrence (one product per step) remains
//! in the loop. Matrix products go through candle (its `gemm` picks the CPU's SIMD at run
//! time; this crate forbids `unsafe`); everything element-wise is plain Rust.
//!
//! Training keeps the tensor path (it needs autodiff); tests check that both agree.

use candle_core::{Device, Tensor};

use super::batch::Example;
use super::net::Params;
use crate::config::{ModelConfig, Variant};
use crate::error::Result;
use crate::vocab::UNK;

/// One bidirectional GRU (gates r, z, n side by side, as stored).
#[derive(Debug)]
struct BiGru {
    /// `[in, 3H]` input weights per direction.
    w_ih: [Tensor; 2],
    /// `[3H]` input biases per direction.
    b_ih: [Vec<f32>; 2],
    /// `[H, 3H]` recurrent weights per direction.
    w_hh: [Tensor; 2],
    /// `[3H]` recurrent biases per direction.
    b_hh: [Vec<f32>; 2],
}

impl BiGru {
    fn new(params: &Params, prefix: &str) -> Result<BiGru> {
        let get = |dir: &str, name: &str| params.get(&format!("{prefix}.{dir}.{name}"));
        let vec = |dir: &str, name: &str| -> Result<Vec<f32>> { Ok(get(dir, name)?.to_vec1()?) };
        Ok(BiGru {
            w_ih: [
                get("fw", "w_ih")?.contiguous()?,
                get("bw", "w_ih")?.contiguous()?,
            ],
            b_ih: [vec("fw", "b_ih")?, vec("bw", "b_ih")?],
            w_hh: [
                get("fw", "w_hh")?.contiguous()?,
                get("bw", "w_hh")?.contiguous()?,
            ],
            b_hh: [vec("fw", "b_hh")?, vec("bw", "b_hh")?],
        })
    }

    /// Runs both directions over packed sequences. `active[t]`: rows still active at step
    /// `t` (non-increasing: rows are sorted by length, longest first); `input(t, x)`
    /// appends the `[active[t], in_dim]` inputs of step `t`; `sink(t, row, dir, h)`
    /// receives each new state (`dir` 0: forward, 1: backward).
    fn run(
        &self,
        input: impl Fn(usize, &mut Vec<f32>),
        in_dim: usize,
        active: &[usize],
        hidden: usize,
        mut sink: impl FnMut(usize, usize, usize, &[f32]),
    ) -> Result<()> {
        let h = hidden;
        let rows = active.first().copied().unwrap_or(0);
        let mut x = Vec::with_capacity(rows * in_dim);
        for dir in 0..2 {
            // The backward direction starts each row at its own last step with a zero state:
            // rows join the active prefix exactly there, so padding never enters (the tensor
            // path gets the same by carrying the state through masked steps).
            let mut state = vec![0f32; rows * h];
            let steps: Box<dyn Iterator<Item = usize>> = if dir == 0 {
                Box::new(0..active.len())
            } else {
                Box::new((0..active.len()).rev())
            };
            let (b_ih, b_hh) = (&self.b_ih[dir], &self.b_hh[dir]);
            // Biases of the r and z gates enter summed (as in the tensor path).
            let b_rz: Vec<f32> = b_ih[..2 * h]
                .iter()
                .zip(&b_hh[..2 * h])
                .map(|(a, b)| a + b)
                .collect();
            let (b_in, b_hn) = (&b_ih[2 * h..3 * h], &b_hh[2 * h..3 * h]);
            let mut rz = vec![0f32; 2 * h];
            let mut cand = vec![0f32; h];
            for t in steps {
                let a = active[t];
                // Input projection of the step, then the recurrence: two products of
                // `a` rows (small buffers, reused by the allocator, no page faults).
                x.clear();
                input(t, &mut x);
                let xg = matmul(&x, a, in_dim, &self.w_ih[dir])?;
                let hg = matmul(&state[..a * h], a, h, &self.w_hh[dir])?;
                for r in 0..a {
                    let (xr, xn) = xg[r * 3 * h..][..3 * h].split_at(2 * h);
                    let (hr, hn) = hg[r * 3 * h..][..3 * h].split_at(2 * h);
                    let s = &mut state[r * h..][..h];
                    // Gate by gate over whole rows (zipped slices, no calls into libm):
                    // the compiler vectorizes these loops.
                    for (((g, x), y), b) in rz.iter_mut().zip(xr).zip(hr).zip(&b_rz) {
                        *g = sigmoid(x + y + b);
                    }
                    let (rg, z) = rz.split_at(h);
                    for ((((c, x), y), (bi, bh)), rr) in cand
                        .iter_mut()
                        .zip(xn)
                        .zip(hn)
                        .zip(b_in.iter().zip(b_hn))
                        .zip(rg)
                    {
                        *c = tanh(x + bi + rr * (y + bh));
                    }
                    // h' = (1 - z) * n + z * h
                    for ((sk, c), zk) in s.iter_mut().zip(&cand).zip(z) {
                        *sk = c + zk * (*sk - c);
                    }
                    sink(t, r, dir, s);
                }
            }
        }
        Ok(())
    }
}

/// The terms of one sentence's logit (the paper's eq. 6), each as it enters the sum: the
/// logit is `content + salience + novelty + position_absolute + position_relative + bias`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct LogitTerms {
    /// `W_c h_j`.
    pub content: f32,
    /// `h_jᵀ W_s d`.
    pub salience: f32,
    /// `−h_jᵀ W_r tanh(s_j)`: redundancy with the summary so far, subtracted.
    pub novelty: f32,
    /// `W_ap p^a_j`.
    pub position_absolute: f32,
    /// `W_rp p^r_j`.
    pub position_relative: f32,
    /// `b`.
    pub bias: f32,
}

/// The RNN_RNN weights as the inference pass uses them.
#[derive(Debug)]
pub(crate) struct Inference {
    hidden: usize,
    embedding_dim: usize,
    max_positions: usize,
    relative_buckets: usize,
    /// `[V, E]` row-major.
    embedding: Vec<f32>,
    word: BiGru,
    sent: BiGru,
    /// `[2H, 2H]` (`[in, out]`).
    doc_w: Vec<f32>,
    doc_b: Vec<f32>,
    content: Vec<f32>,
    salience: Vec<f32>,
    novelty: Vec<f32>,
    /// Score of each absolute position / segment (`embedding · weight`), precomputed.
    abs_score: Vec<f32>,
    rel_score: Vec<f32>,
    bias: f32,
}

impl Inference {
    /// The plain-buffer weights of an RNN_RNN model; `None` for the other variants (they
    /// keep the tensor path).
    pub(crate) fn new(params: &Params) -> Result<Option<Inference>> {
        let c: &ModelConfig = &params.config;
        if c.variant != Variant::RnnRnn {
            return Ok(None);
        }
        let flat =
            |name: &str| -> Result<Vec<f32>> { Ok(params.get(name)?.flatten_all()?.to_vec1()?) };
        let score = |emb: &str, w: &str| -> Result<Vec<f32>> {
            Ok(params
                .get(emb)?
                .matmul(params.get(w)?)?
                .flatten_all()?
                .to_vec1()?)
        };
        Ok(Some(Inference {
            hidden: c.hidden,
            embedding_dim: c.embedding_dim,
            max_positions: c.max_positions,
            relative_buckets: c.relative_buckets,
            embedding: flat("embedding")?,
            word: BiGru::new(params, "word_gru")?,
            sent: BiGru::new(params, "sent_gru")?,
            doc_w: flat("doc.weight")?,
            doc_b: flat("doc.bias")?,
            content: flat("content.weight")?,
            salience: flat("salience.weight")?,
            novelty: flat("novelty.weight")?,
            abs_score: score("abs_pos.embedding", "abs_pos.weight")?,
            rel_score: score("rel_pos.embedding", "rel_pos.weight")?,
            bias: flat("bias")?.first().copied().unwrap_or(0.0),
        }))
    }

    /// Probabilities of the kept sentences of each example (each with at least one
    /// sentence), as `sigmoid(Params::forward)` gives them. With `terms`, also the terms of
    /// each logit, one vector per example: an output buffer rather than a second pass, so
    /// that explaining costs nothing when not asked for and gives the very same numbers.
    pub(crate) fn probabilities(
        &self,
        examples: &[&Example],
        mut terms: Option<&mut Vec<Vec<LogitTerms>>>,
    ) -> Result<Vec<Vec<f64>>> {
        let (h, d2) = (self.hidden, 2 * self.hidden);
        let sent_vecs = self.sentence_vectors(examples)?;
        // Sentence level: documents sorted by sentence count, longest first.
        let starts: Vec<usize> = examples
            .iter()
            .scan(0, |acc, e| {
                let s = *acc;
                *acc += e.sentences.len();
                Some(s)
            })
            .collect();
        let n = sent_vecs.len() / d2;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        order.sort_by_key(|&d| std::cmp::Reverse(examples[d].sentences.len()));
        let steps = order.first().map_or(0, |&d| examples[d].sentences.len());
        let active: Vec<usize> = (0..steps)
            .map(|j| order.partition_point(|&d| examples[d].sentences.len() > j))
            .collect();
        let input = |j: usize, x: &mut Vec<f32>| {
            for &d in &order[..active[j]] {
                x.extend_from_slice(&sent_vecs[(starts[d] + j) * d2..][..d2]);
            }
        };
        let mut states = vec![0f32; n * d2];
        self.sent.run(input, d2, &active, h, |j, r, dir, s| {
            let row = starts[order[r]] + j;
            states[row * d2 + dir * h..][..h].copy_from_slice(s);
        })?;
        Ok(examples
            .iter()
            .zip(&starts)
            .map(|(e, &start)| {
                let states = &states[start * d2..][..e.sentences.len() * d2];
                let Some(all) = terms.as_deref_mut() else {
                    return self.classify(states, e, None);
                };
                let mut doc_terms = Vec::with_capacity(e.sentences.len());
                let probs = self.classify(states, e, Some(&mut doc_terms));
                all.push(doc_terms);
                probs
            })
            .collect())
    }

    /// `[N, 2H]` average of the word-level BiGRU states of every sentence (document order).
    fn sentence_vectors(&self, examples: &[&Example]) -> Result<Vec<f32>> {
        let (h, e) = (self.hidden, self.embedding_dim);
        let sents: Vec<&[u32]> = examples
            .iter()
            .flat_map(|e| e.sentences.iter().map(Vec::as_slice))
            .collect();
        let mut order: Vec<usize> = (0..sents.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(sents[i].len()));
        let longest = order.first().map_or(0, |&i| sents[i].len());
        let active: Vec<usize> = (0..longest)
            .map(|t| order.partition_point(|&i| sents[i].len() > t))
            .collect();
        let vocab = self.embedding.len() / e;
        let input = |t: usize, x: &mut Vec<f32>| {
            for &i in &order[..active[t]] {
                // Out-of-range ids read as <unk>, never a panic.
                let id = sents[i][t] as usize;
                let id = if id < vocab { id } else { UNK as usize };
                x.extend_from_slice(&self.embedding[id * e..][..e]);
            }
        };
        let mut sums = vec![0f32; sents.len() * 2 * h];
        self.word.run(input, e, &active, h, |_, r, dir, s| {
            let dst = &mut sums[order[r] * 2 * h + dir * h..][..h];
            for (d, x) in dst.iter_mut().zip(s) {
                *d += x;
            }
        })?;
        for (i, sent) in sents.iter().enumerate() {
            let len = sent.len().max(1) as f32;
            for x in &mut sums[i * 2 * h..][..2 * h] {
                *x /= len;
            }
        }
        Ok(sums)
    }

    /// The logistic layer of one document: `states` `[S, 2H]` → probabilities, and the
    /// terms of each logit into `terms` when given.
    fn classify(
        &self,
        states: &[f32],
        example: &Example,
        mut terms: Option<&mut Vec<LogitTerms>>,
    ) -> Vec<f64> {
        let d2 = 2 * self.hidden;
        let s = states.len() / d2;
        let row = |j: usize| &states[j * d2..][..d2];
        let mut pooled = vec![0f32; d2];
        for j in 0..s {
            for (p, x) in pooled.iter_mut().zip(row(j)) {
                *p += x;
            }
        }
        let count = s.max(1) as f32;
        pooled.iter_mut().for_each(|p| *p /= count);
        let mut doc = vec_mat(&pooled, &self.doc_w, d2);
        for (x, b) in doc.iter_mut().zip(&self.doc_b) {
            *x = tanh(*x + b);
        }
        let sal_dir = vec_mat(&doc, &self.salience, d2);
        let total = example.doc_sentences.max(s).max(1);
        let mut summary = vec![0f32; d2];
        let mut out = Vec::with_capacity(s);
        for j in 0..s {
            let hj = row(j);
            let abs = self.abs_score[j.min(self.max_positions - 1)];
            let bucket = (j * self.relative_buckets / total).min(self.relative_buckets - 1);
            let (content, salience) = (dot(hj, &self.content), dot(hj, &sal_dir));
            let rel = self.rel_score[bucket];
            // The same operations in the same order with or without `terms`: explaining
            // leaves the probabilities bit-identical.
            let mut logit = content + salience + abs + rel + self.bias;
            let mut novelty = 0.0;
            if j > 0 {
                let squashed: Vec<f32> = summary.iter().map(|&x| tanh(x)).collect();
                novelty = dot(hj, &vec_mat(&squashed, &self.novelty, d2));
                logit -= novelty;
            }
            if let Some(terms) = terms.as_deref_mut() {
                terms.push(LogitTerms {
                    content,
                    salience,
                    // `0.0 -`, not `-`: the first sentence's novelty is +0, not -0.
                    novelty: 0.0 - novelty,
                    position_absolute: abs,
                    position_relative: rel,
                    bias: self.bias,
                });
            }
            let p = sigmoid(logit);
            for (acc, x) in summary.iter_mut().zip(hj) {
                *acc += x * p;
            }
            out.push(f64::from(p));
        }
        out
    }
}

/// `a [m, k] · w [k, n]` through candle's matrix product.
fn matmul(a: &[f32], m: usize, k: usize, w: &Tensor) -> Result<Vec<f32>> {
    if m == 0 {
        return Ok(Vec::new());
    }
    let x = Tensor::from_slice(a, (m, k), &Device::Cpu)?;
    Ok(x.matmul(w)?.flatten_all()?.to_vec1()?)
}

/// `x [k] · w [k, n]` (row-major `w`).
fn vec_mat(x: &[f32], w: &[f32], n: usize) -> Vec<f32> {
    let mut out = vec![0f32; n];
    for (xi, wi) in x.iter().zip(w.chunks_exact(n)) {
        for (o, wv) in out.iter_mut().zip(wi) {
            *o += xi * wv;
        }
    }
    out
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `tanh(x) = 2 σ(2x) − 1`: libm's `tanhf` (through `expm1f`) took a third of the time.
/// Within a few 1e-7 of it; saturates to ±1.
#[inline(always)]
fn tanh(x: f32) -> f32 {
    2.0 / (1.0 + exp(-2.0 * x)) - 1.0
}

/// candle-nn's sigmoid, `1 / (1 + exp(-x))`.
#[inline(always)]
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

/// `e^x` in plain arithmetic (Cephes' `expf`: range reduction by `ln 2`, degree-6
/// polynomial, about 1 ulp), so that loops over it vectorize; libm's `expf` is a call per
/// element. Arguments are clamped to `[-87, 88]` (finite, normal results).
#[inline(always)]
fn exp(x: f32) -> f32 {
    let x = x.clamp(-87.0, 88.0);
    // Round x / ln 2 to the nearest integer with the 1.5 · 2^23 trick (no SSE4.1 needed).
    let k = (x * std::f32::consts::LOG2_E + 12_582_912.0) - 12_582_912.0;
    // r = x - k ln 2, ln 2 split in two for precision.
    let r = x - k * 0.693_359_4 + k * 2.121_944_4e-4;
    let p = ((((1.987_569_2e-4 * r + 1.398_2e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r
        + 1.666_666_5e-1)
        * r
        + 0.5;
    let y = p * r * r + r + 1.0;
    // 2^k from its bits: k is in [-126, 127], a normal exponent.
    y * f32::from_bits(((k as i32 + 127) as u32) << 23)
}

#[cfg(test)]
mod tests {
    use crate::rng::Rng;
    use crate::{Example, ModelConfig, SummaRuNNer, Variant, Vocab};

    /// Documents of 1 to 13 sentences of 1 to 17 words (ids over the whole vocabulary).
    fn examples(count: usize, vocab: usize, seed: u64) -> Vec<Example> {
        let mut rng = Rng::new(seed, 3);
        let mut pick = |n: usize| ((rng.uniform() * n as f32) as usize).min(n - 1);
        (0..count)
            .map(|_| {
                let sentences: Vec<Vec<u32>> = (0..1 + pick(13))
                    .map(|_| (0..1 + pick(17)).map(|_| pick(vocab) as u32).collect())
                    .collect();
                Example {
                    doc_sentences: sentences.len() + pick(4),
                    sentences,
                    labels: vec![],
                }
            })
            .collect()
    }

    fn model(config: &ModelConfig, seed: u64) -> SummaRuNNer {
        let tokens = (2..config.vocab_size).map(|i| format!("w{i}"));
        let vocab = Vocab::new(tokens).unwrap();
        SummaRuNNer::random(config, vocab, seed).unwrap()
    }

    fn assert_close(want: &[Vec<f64>], got: &[Vec<f64>]) {
        assert_eq!(want.len(), got.len());
        for (w, g) in want.iter().zip(got) {
            assert_eq!(w.len(), g.len());
            for (x, y) in w.iter().zip(g) {
                assert!((x - y).abs() < 1e-5, "{x} vs {y}");
            }
        }
    }

    #[test]
    fn packed_pass_matches_the_tensor_forward() {
        let small = ModelConfig {
            vocab_size: 40,
            embedding_dim: 6,
            hidden: 5,
            position_dim: 3,
            max_positions: 4,
            relative_buckets: 3,
            ..ModelConfig::default()
        };
        let default = ModelConfig {
            vocab_size: 300,
            ..ModelConfig::default()
        };
        for (config, seed) in [(small, 11), (default, 12)] {
            let model = model(&config, seed);
            assert!(model.has_fast_path());
            let mut docs = examples(9, config.vocab_size, seed);
            docs.insert(
                3,
                Example {
                    sentences: vec![],
                    doc_sentences: 0,
                    labels: vec![],
                },
            );
            // As one batch and one document at a time: packing must not mix documents.
            let want = model.probabilities_with(&docs, false, None).unwrap();
            let got = model.probabilities_with(&docs, true, None).unwrap();
            let alone: Vec<Vec<f64>> = docs
                .iter()
                .flat_map(|d| {
                    model
                        .probabilities_with(std::slice::from_ref(d), true, None)
                        .unwrap()
                })
                .collect();
            assert_eq!(want.len(), docs.len());
            assert_close(&want, &got);
            assert_close(&want, &alone);
            // Not a constant: the test would pass vacuously on a degenerate model.
            let flat: Vec<f64> = want.concat();
            assert!(flat.iter().any(|&p| (p - flat[0]).abs() > 1e-4));
        }
    }

    #[test]
    #[cfg(feature = "io")]
    fn shipped_model_agrees_on_validation_documents() {
        // The trained model on real news: 50 validation documents, batched as `score_all`
        // batches them. Skipped when the build ships no model or the data is absent.
        let Ok(model) = SummaRuNNer::embedded() else {
            return;
        };
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/cnndm/validation.jsonl.gz");
        if !path.is_file() {
            return;
        }
        let docs = crate::data::read_documents(&path, Some(50)).unwrap();
        let examples: Vec<Example> = docs
            .iter()
            .map(|d| Example::from_document(d, model.vocab(), model.config()))
            .collect();
        for chunk in examples.chunks(16) {
            let want = model.probabilities_with(chunk, false, None).unwrap();
            let got = model.probabilities_with(chunk, true, None).unwrap();
            assert_close(&want, &got);
        }
    }

    #[test]
    fn plain_exp_matches_libm() {
        let mut x = -90.0f32;
        while x < 90.0 {
            let (got, want) = (super::exp(x), x.clamp(-87.0, 88.0).exp());
            assert!(
                (got - want).abs() <= 4.0 * f32::EPSILON * want,
                "{x}: {got} vs {want}"
            );
            let (got, want) = (super::tanh(x), x.tanh());
            assert!((got - want).abs() < 1e-6, "{x}: {got} vs {want}");
            x += 0.0137;
        }
    }

    #[test]
    fn other_variants_keep_the_tensor_path() {
        for variant in [Variant::CnnRnn, Variant::AttnRnn] {
            let config = ModelConfig {
                vocab_size: 20,
                variant,
                ..ModelConfig::default()
            };
            assert!(!model(&config, 1).has_fast_path());
        }
    }
}
