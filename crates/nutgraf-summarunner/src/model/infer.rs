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

/// One bidirectional GRU: input weights of both directions side by side, `[in, 6H]`
/// (forward gates r, z, n then backward ones), so one product projects every step.
#[derive(Debug)]
struct BiGru {
    w_ih: Tensor,
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
        let w_ih = Tensor::cat(&[get("fw", "w_ih")?, get("bw", "w_ih")?], 1)?.contiguous()?;
        let vec = |dir: &str, name: &str| -> Result<Vec<f32>> { Ok(get(dir, name)?.to_vec1()?) };
        Ok(BiGru {
            w_ih,
            b_ih: [vec("fw", "b_ih")?, vec("bw", "b_ih")?],
            w_hh: [get("fw", "w_hh")?.contiguous()?, get("bw", "w_hh")?.contiguous()?],
            b_hh: [vec("fw", "b_hh")?, vec("bw", "b_hh")?],
        })
    }

    /// Runs both directions over packed sequences and returns, per row, the element-wise
    /// sum over its steps of `[h_fw, h_bw]` (`sum`) or every step's state (`each`).
    ///
    /// `proj`: `[W, 6H]` input projections (no bias) in packed order: step 0 of every
    /// row, then step 1 of the rows still active, … `active[t]`: rows still active at step
    /// `t` (non-increasing: rows are sorted by length, longest first). `sink(t, row, dir,
    /// h)` receives each new state.
    fn run(
        &self,
        proj: &[f32],
        active: &[usize],
        hidden: usize,
        mut sink: impl FnMut(usize, usize, usize, &[f32]),
    ) -> Result<()> {
        let h = hidden;
        let rows = active.first().copied().unwrap_or(0);
        let mut offsets = Vec::with_capacity(active.len());
        let mut acc = 0;
        for &a in active {
            offsets.push(acc);
            acc += a;
        }
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
            for t in steps {
                let a = active[t];
                let hg = matmul(&state[..a * h], a, h, &self.w_hh[dir])?;
                for r in 0..a {
                    let xg = &proj[(offsets[t] + r) * 6 * h + dir * 3 * h..][..3 * h];
                    let hgr = &hg[r * 3 * h..][..3 * h];
                    let s = &mut state[r * h..][..h];
                    for k in 0..h {
                        let rg = sigmoid(xg[k] + hgr[k] + (b_ih[k] + b_hh[k]));
                        let z = sigmoid(
                            xg[h + k] + hgr[h + k] + (b_ih[h + k] + b_hh[h + k]),
                        );
                        let n = (xg[2 * h + k] + b_ih[2 * h + k]
                            + rg * (hgr[2 * h + k] + b_hh[2 * h + k]))
                            .tanh();
                        // h' = (1 - z) * n + z * h
                        s[k] = n + z * (s[k] - n);
                    }
                    sink(t, r, dir, s);
                }
            }
        }
        Ok(())
    }
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
        let flat = |name: &str| -> Result<Vec<f32>> {
            Ok(params.get(name)?.flatten_all()?.to_vec1()?)
        };
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
    /// sentence), as `sigmoid(Params::forward)` gives them.
    pub(crate) fn probabilities(&self, examples: &[&Example]) -> Result<Vec<Vec<f64>>> {
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
        let steps = order
            .first()
            .map_or(0, |&d| examples[d].sentences.len());
        let active: Vec<usize> = (0..steps)
            .map(|j| order.partition_point(|&d| examples[d].sentences.len() > j))
            .collect();
        let mut packed = Vec::with_capacity(n * d2);
        for (j, &a) in active.iter().enumerate() {
            for &d in &order[..a] {
                let row = starts[d] + j;
                packed.extend_from_slice(&sent_vecs[row * d2..][..d2]);
            }
        }
        let proj = matmul(&packed, n, d2, &self.sent.w_ih)?;
        let mut states = vec![0f32; n * d2];
        self.sent.run(&proj, &active, h, |j, r, dir, s| {
            let row = starts[order[r]] + j;
            states[row * d2 + dir * h..][..h].copy_from_slice(s);
        })?;
        Ok(examples
            .iter()
            .zip(&starts)
            .map(|(e, &start)| {
                self.classify(&states[start * d2..][..e.sentences.len() * d2], e)
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
        let words: usize = active.iter().sum();
        let vocab = self.embedding.len() / e;
        let mut packed = Vec::with_capacity(words * e);
        for (t, &a) in active.iter().enumerate() {
            for &i in &order[..a] {
                // Out-of-range ids read as <unk> (1), never a panic.
                let id = sents[i][t] as usize;
                let id = if id < vocab { id } else { UNK as usize };
                packed.extend_from_slice(&self.embedding[id * e..][..e]);
            }
        }
        let proj = matmul(&packed, words, e, &self.word.w_ih)?;
        let mut sums = vec![0f32; sents.len() * 2 * h];
        self.word.run(&proj, &active, h, |_, r, dir, s| {
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

    /// The logistic layer of one document: `states` `[S, 2H]` → probabilities.
    fn classify(&self, states: &[f32], example: &Example) -> Vec<f64> {
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
            *x = (*x + b).tanh();
        }
        let sal_dir = vec_mat(&doc, &self.salience, d2);
        let total = example.doc_sentences.max(s).max(1);
        let mut summary = vec![0f32; d2];
        let mut out = Vec::with_capacity(s);
        for j in 0..s {
            let hj = row(j);
            let abs = self.abs_score[j.min(self.max_positions - 1)];
            let bucket = (j * self.relative_buckets / total).min(self.relative_buckets - 1);
            let mut logit =
                dot(hj, &self.content) + dot(hj, &sal_dir) + abs + self.rel_score[bucket] + self.bias;
            if j > 0 {
                let squashed: Vec<f32> = summary.iter().map(|x| x.tanh()).collect();
                logit -= dot(hj, &vec_mat(&squashed, &self.novelty, d2));
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

/// candle-nn's sigmoid, `1 / (1 + exp(-x))`.
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}
