//! The network: weights and the forward pass (candle tensors; autodiff when the weights are
//! `Var`s, plain inference otherwise).
//!
//! Weight matrices are stored `[in, out]` so that every linear map is `x.matmul(W)`; the
//! bilinear terms `h_jᵀ W d` are the same family of functions either way round.

use std::collections::HashMap;

use candle_core::{DType, Device, Tensor, D};
use candle_nn::ops::{sigmoid, softmax};

use super::batch::Batch;
use crate::config::{ModelConfig, Variant};
use crate::error::{ModelError, Result};
use crate::rng::Rng;

/// The weights of a model by name (see [`ModelConfig::parameter_shapes`]).
#[derive(Debug, Clone)]
pub(crate) struct Params {
    pub config: ModelConfig,
    pub map: HashMap<String, Tensor>,
}

impl Params {
    pub(crate) fn get(&self, name: &str) -> Result<&Tensor> {
        self.map.get(name).ok_or_else(|| ModelError::MissingTensor {
            name: name.to_string(),
        })
    }

    /// Fresh weights: PyTorch's default ranges (`±1/sqrt(fan_in)` for linear maps and GRUs),
    /// `±0.1` for embeddings, zero biases, a zero `<pad>` embedding.
    pub(crate) fn init(config: &ModelConfig, seed: u64) -> Result<Params> {
        config.validate()?;
        let mut rng = Rng::new(seed, 0x1417);
        let mut map = HashMap::new();
        for (name, shape) in config.parameter_shapes() {
            let count: usize = shape.iter().product();
            let values: Vec<f32> = if name.ends_with("embedding") {
                let mut v: Vec<f32> = (0..count).map(|_| rng.symmetric(0.1)).collect();
                if name == "embedding" {
                    v[..config.embedding_dim].fill(0.0);
                }
                v
            } else if name.contains("gru") {
                let a = 1.0 / (config.hidden as f32).sqrt();
                (0..count).map(|_| rng.symmetric(a)).collect()
            } else if name.ends_with("bias") {
                vec![0.0; count]
            } else {
                let a = 1.0 / (shape[0] as f32).sqrt();
                (0..count).map(|_| rng.symmetric(a)).collect()
            };
            map.insert(name, Tensor::from_vec(values, shape, &Device::Cpu)?);
        }
        Ok(Params {
            config: config.clone(),
            map,
        })
    }

    /// Logits `[B, S]` of every sentence slot of the batch (padding slots included: mask
    /// them). `dropout`: the training-time mask generator, `None` at inference.
    pub(crate) fn forward(&self, batch: &Batch, mut dropout: Option<&mut Rng>) -> Result<Tensor> {
        let c = &self.config;
        let (n, l) = (batch.counts.iter().sum::<usize>(), batch.max_len);
        let (b, s) = (batch.counts.len(), batch.max_sents);
        let table = self.get("embedding")?.index_select(&batch.uniq, 0)?; // [U, E]
        let sent_vecs = match c.variant {
            Variant::CnnRnn => {
                let emb =
                    table
                        .index_select(&batch.local_tokens, 0)?
                        .reshape((n, l, c.embedding_dim))?;
                let emb = drop(&emb, c.dropout, dropout.as_deref_mut())?;
                self.cnn(&emb, &batch.word_mask)?
            }
            Variant::RnnRnn | Variant::AttnRnn => {
                let inputs = batch
                    .word_steps
                    .iter()
                    .map(|ids| {
                        drop(
                            &table.index_select(ids, 0)?,
                            c.dropout,
                            dropout.as_deref_mut(),
                        )
                    })
                    .collect::<Result<Vec<_>>>()?;
                let out = Tensor::stack(&self.bigru("word_gru", &inputs, &batch.word_mask_t)?, 1)?;
                if c.variant == Variant::AttnRnn {
                    self.attention_pool(&out, &batch.word_mask, "word_query")?
                } else {
                    out.broadcast_mul(&batch.word_mask)?
                        .sum(1)?
                        .broadcast_div(&batch.word_len)?
                }
            }
        };
        let dim = c.sentence_dim();
        let zero = Tensor::zeros((1, dim), DType::F32, &Device::Cpu)?;
        let rows = Tensor::cat(&[&sent_vecs, &zero], 0)?;
        let inputs = batch
            .sent_steps
            .iter()
            .map(|ids| {
                drop(
                    &rows.index_select(ids, 0)?,
                    c.dropout,
                    dropout.as_deref_mut(),
                )
            })
            .collect::<Result<Vec<_>>>()?;
        let steps = self.bigru("sent_gru", &inputs, &batch.sent_mask_t)?; // S × [B, 2H]
        let h = Tensor::stack(&steps, 1)?; // [B, S, 2H]
        let d2 = 2 * c.hidden;
        let pooled = match c.variant {
            Variant::AttnRnn => self.attention_pool(&h, &batch.sent_mask, "sent_query")?,
            _ => h
                .broadcast_mul(&batch.sent_mask)?
                .sum(1)?
                .broadcast_div(&batch.sent_len)?,
        };
        let doc = pooled
            .matmul(self.get("doc.weight")?)?
            .broadcast_add(self.get("doc.bias")?)?
            .tanh()?;

        let flat = h.reshape((b * s, d2))?;
        let content = flat.matmul(self.get("content.weight")?)?.reshape((b, s))?;
        let sal_dir = doc.matmul(self.get("salience.weight")?)?.unsqueeze(1)?; // [B, 1, 2H]
        let salience = h.broadcast_mul(&sal_dir)?.sum(2)?;
        let position = |emb: &str, w: &str, ids: &Tensor| -> Result<Tensor> {
            let e = self.get(emb)?.index_select(ids, 0)?;
            Ok(e.matmul(self.get(w)?)?.reshape((b, s))?)
        };
        let abs = position("abs_pos.embedding", "abs_pos.weight", &batch.abs_pos)?;
        let rel = position("rel_pos.embedding", "rel_pos.weight", &batch.rel_pos)?;
        let base = (content + salience)?
            .add(&abs)?
            .add(&rel)?
            .broadcast_add(self.get("bias")?)?;

        // Novelty needs the probabilities of the earlier sentences: a loop over positions,
        // batched over documents. s_j = Σ_{i<j} h_i P(y_i = 1), as in the paper (soft
        // probabilities at training and at test time).
        // Per-step states come from the GRU's own list: slicing a stacked tensor would cost a
        // full-size zero gradient per slice in the backward pass.
        let bt = base.transpose(0, 1)?.contiguous()?; // [S, B]
        let w_r = self.get("novelty.weight")?;
        let mut summary = Tensor::zeros((b, d2), DType::F32, &Device::Cpu)?;
        let mut logits = Vec::with_capacity(s);
        for (j, hj) in steps.iter().enumerate() {
            let logit = if j == 0 {
                bt.get(0)?
            } else {
                let novelty = (hj * summary.tanh()?.matmul(w_r)?)?.sum(1)?;
                (bt.get(j)? - novelty)?
            };
            if j + 1 < s {
                let p = sigmoid(&logit)?.unsqueeze(1)?;
                summary = (summary + hj.broadcast_mul(&p)?)?;
            }
            logits.push(logit);
        }
        Ok(Tensor::stack(&logits, 1)?)
    }

    /// Bidirectional GRU over the steps `inputs` (`T` tensors `[N, D]`); `mask_t: [T, N, 1]`.
    /// Returns `T` tensors `[N, 2H]` (forward and backward states of each step).
    ///
    /// The forward direction needs no mask (padding comes last and is never pooled); the
    /// backward one keeps its state through padding so that it starts at the real last word.
    fn bigru(&self, prefix: &str, inputs: &[Tensor], mask_t: &Tensor) -> Result<Vec<Tensor>> {
        let t = inputs.len();
        let Some(n) = inputs.first().map(|x| x.dim(0)).transpose()? else {
            return Ok(Vec::new());
        };
        let h = self.config.hidden;
        let mut dirs = Vec::with_capacity(2);
        for (dir, reverse) in [("fw", false), ("bw", true)] {
            // The stored [in, 3H] / [3H] weights (gates r, z, n) are split into contiguous
            // per-gate pieces once per call: element-wise ops on strided slices of a [N, 3H]
            // result take candle's slow indexed path, and they dominated inference time.
            let gates = |name: &str| -> Result<[Tensor; 3]> {
                let w = self.get(&format!("{prefix}.{dir}.{name}"))?;
                let last = w.rank() - 1;
                let piece = |g: usize| w.narrow(last, g * h, h)?.contiguous();
                Ok([piece(0)?, piece(1)?, piece(2)?])
            };
            let [wir, wiz, win] = gates("w_ih")?;
            let [whr, whz, whn] = gates("w_hh")?;
            let [bir, biz, bin] = gates("b_ih")?;
            let [bhr, bhz, bhn] = gates("b_hh")?;
            let (br, bz) = ((bir + bhr)?, (biz + bhz)?);
            let mut state = Tensor::zeros((n, h), DType::F32, &Device::Cpu)?;
            let mut outs: Vec<Tensor> = Vec::with_capacity(t);
            let steps: Box<dyn Iterator<Item = usize>> = if reverse {
                Box::new((0..t).rev())
            } else {
                Box::new(0..t)
            };
            for step in steps {
                let x = &inputs[step];
                let r = sigmoid(&(x.matmul(&wir)? + state.matmul(&whr)?)?.broadcast_add(&br)?)?;
                let z = sigmoid(&(x.matmul(&wiz)? + state.matmul(&whz)?)?.broadcast_add(&bz)?)?;
                let hn = state.matmul(&whn)?.broadcast_add(&bhn)?;
                let cand = (x.matmul(&win)?.broadcast_add(&bin)? + (r * hn)?)?.tanh()?;
                // h' = (1 - z) * n + z * h
                let next = (&cand + (z * (&state - &cand)?)?)?;
                state = if reverse {
                    let m = mask_t.get(step)?;
                    (&state + (next - &state)?.broadcast_mul(&m)?)?
                } else {
                    next
                };
                outs.push(state.clone());
            }
            if reverse {
                outs.reverse();
            }
            dirs.push(outs);
        }
        let bw = dirs.pop().unwrap_or_default();
        let fw = dirs.pop().unwrap_or_default();
        fw.iter()
            .zip(&bw)
            .map(|(f, b)| Ok(Tensor::cat(&[f, b], 1)?))
            .collect()
    }

    /// Attention pooling `Σ_t softmax_t(x_t · q) x_t` over `x: [N, T, D]`, masked `[N, T, 1]`.
    fn attention_pool(&self, x: &Tensor, mask: &Tensor, query: &str) -> Result<Tensor> {
        let (n, t, d) = x.dims3()?;
        let scores = x
            .reshape((n * t, d))?
            .matmul(self.get(query)?)?
            .reshape((n, t, 1))?;
        // Padding gets -1e4 before the softmax: exp underflows to 0.
        let scores = (scores + ((mask - 1.0)? * 1e4)?)?;
        let weights = softmax(&scores, 1)?;
        Ok(x.broadcast_mul(&weights)?.sum(1)?)
    }

    /// CNN word encoder: for each width w in 1..=k, ReLU(conv) max-pooled over the windows
    /// that start at a word. `emb: [N, L, E]`, `mask: [N, L, 1]` → `[N, k * C]`.
    fn cnn(&self, emb: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let (n, l, e) = emb.dims3()?;
        let c = &self.config;
        let mut pooled = Vec::with_capacity(c.cnn_widths);
        for w in 1..=c.cnn_widths {
            let padded = if w > 1 {
                let zeros = Tensor::zeros((n, w - 1, e), DType::F32, &Device::Cpu)?;
                Tensor::cat(&[emb, &zeros], 1)?
            } else {
                emb.clone()
            };
            let windows: Vec<Tensor> = (0..w)
                .map(|k| padded.narrow(1, k, l))
                .collect::<candle_core::Result<_>>()?;
            let windows = Tensor::cat(&windows, 2)?.reshape((n * l, w * e))?;
            let conv = windows
                .matmul(self.get(&format!("conv{w}.weight"))?)?
                .broadcast_add(self.get(&format!("conv{w}.bias"))?)?
                .relu()?
                .reshape((n, l, c.cnn_filters))?;
            // ReLU outputs are >= 0, so zeroing padding windows leaves the max unchanged.
            pooled.push(conv.broadcast_mul(mask)?.max(1)?);
        }
        Ok(Tensor::cat(&pooled, 1)?)
    }
}

/// Inverted dropout with a mask from our seeded generator.
fn drop(x: &Tensor, rate: f32, rng: Option<&mut Rng>) -> Result<Tensor> {
    let Some(rng) = rng.filter(|_| rate > 0.0) else {
        return Ok(x.clone());
    };
    let keep = 1.0 / (1.0 - rate);
    let mask: Vec<f32> = (0..x.elem_count())
        .map(|_| if rng.uniform() < rate { 0.0 } else { keep })
        .collect();
    Ok((x * Tensor::from_vec(mask, x.shape(), &Device::Cpu)?)?)
}

/// Mean binary cross-entropy of `logits` against `labels` over the real sentences (`mask`),
/// in the numerically stable form `max(x, 0) - x y + log(1 + exp(-|x|))`.
pub(crate) fn bce_loss(logits: &Tensor, labels: &Tensor, mask: &Tensor) -> Result<Tensor> {
    let count = mask.sum_all()?;
    Ok(bce_sum(logits, labels, mask)?.broadcast_div(&count)?)
}

/// Summed binary cross-entropy over the real sentences.
pub(crate) fn bce_sum(logits: &Tensor, labels: &Tensor, mask: &Tensor) -> Result<Tensor> {
    let mask = mask.squeeze(D::Minus1)?;
    let per =
        ((logits.relu()? - (logits * labels)?)? + (logits.abs()?.neg()?.exp()? + 1.0)?.log()?)?;
    Ok((per * &mask)?.sum_all()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::batch::Example;

    fn config(variant: Variant) -> ModelConfig {
        ModelConfig {
            variant,
            vocab_size: 10,
            embedding_dim: 4,
            hidden: 3,
            position_dim: 2,
            max_positions: 5,
            relative_buckets: 3,
            cnn_widths: 3,
            cnn_filters: 2,
            ..ModelConfig::default()
        }
    }

    fn examples() -> Vec<Example> {
        let e = |s: Vec<Vec<u32>>| Example {
            doc_sentences: s.len(),
            sentences: s,
            labels: vec![],
        };
        vec![
            e(vec![vec![2, 3, 4], vec![5]]),
            e(vec![vec![6, 7], vec![8, 9, 2, 3], vec![4]]),
        ]
    }

    #[test]
    fn layer_shapes() {
        for variant in [Variant::RnnRnn, Variant::CnnRnn, Variant::AttnRnn] {
            let c = config(variant);
            let p = Params::init(&c, 1).unwrap();
            assert_eq!(p.map.len(), c.parameter_shapes().len());
            for (name, shape) in c.parameter_shapes() {
                assert_eq!(p.map[&name].dims(), shape.as_slice(), "{name}");
            }
            let ex = examples();
            let refs: Vec<&Example> = ex.iter().collect();
            let batch = Batch::new(&refs, &c).unwrap();
            assert_eq!(batch.tokens.dims(), &[5, 4]);
            assert_eq!(batch.gather.dims(), &[6]);
            // gather: doc 0 has rows 0, 1 and a padding slot (row 5 = the zero row).
            assert_eq!(
                batch.gather.to_vec1::<u32>().unwrap(),
                vec![0, 1, 5, 2, 3, 4]
            );
            let emb = Tensor::ones((5, 4, 4), DType::F32, &Device::Cpu).unwrap();
            if variant == Variant::CnnRnn {
                assert_eq!(p.cnn(&emb, &batch.word_mask).unwrap().dims(), &[5, 6]);
            } else {
                let inputs: Vec<Tensor> = (0..4)
                    .map(|t| emb.narrow(1, t, 1).unwrap().squeeze(1).unwrap())
                    .collect();
                let out = p.bigru("word_gru", &inputs, &batch.word_mask_t).unwrap();
                assert_eq!(out.len(), 4);
                assert!(out.iter().all(|o| o.dims() == [5, 6]));
                let out = Tensor::stack(&out, 1).unwrap();
                if variant == Variant::AttnRnn {
                    let pooled = p
                        .attention_pool(&out, &batch.word_mask, "word_query")
                        .unwrap();
                    assert_eq!(pooled.dims(), &[5, 6]);
                }
            }
            let logits = p.forward(&batch, None).unwrap();
            assert_eq!(logits.dims(), &[2, 3]);
        }
    }

    #[test]
    fn backward_gru_ignores_padding() {
        // The backward state at a sentence's first word must not depend on the padding after
        // it: compare one sentence alone and padded next to a longer one.
        let c = config(Variant::RnnRnn);
        let p = Params::init(&c, 2).unwrap();
        let x = Tensor::arange(0f32, 24.0, &Device::Cpu)
            .unwrap()
            .affine(0.05, 0.0)
            .unwrap();
        let x = x.reshape((2, 3, 4)).unwrap();
        // Time-major: row 1 has two words, row 0 three.
        let mask =
            Tensor::from_vec(vec![1f32, 1.0, 1.0, 1.0, 1.0, 0.0], (3, 2, 1), &Device::Cpu).unwrap();
        let steps = |x: &Tensor| -> Vec<Tensor> {
            (0..x.dim(1).unwrap())
                .map(|t| x.narrow(1, t, 1).unwrap().squeeze(1).unwrap())
                .collect()
        };
        let both = Tensor::stack(&p.bigru("word_gru", &steps(&x), &mask).unwrap(), 1).unwrap();
        let short = x.narrow(0, 1, 1).unwrap().narrow(1, 0, 2).unwrap();
        let short_mask = Tensor::ones((2, 1, 1), DType::F32, &Device::Cpu).unwrap();
        let alone = Tensor::stack(
            &p.bigru("word_gru", &steps(&short), &short_mask).unwrap(),
            1,
        )
        .unwrap();
        let a = both
            .get(1)
            .unwrap()
            .narrow(0, 0, 2)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap();
        let b = alone.flatten_all().unwrap().to_vec1::<f32>().unwrap();
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-6, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn bce_matches_the_formula() {
        let dev = &Device::Cpu;
        let logits = Tensor::new(&[[2.0f32, -1.0, 0.5]], dev).unwrap();
        let labels = Tensor::new(&[[1.0f32, 0.0, 1.0]], dev).unwrap();
        let mask = Tensor::new(&[[[1.0f32], [1.0], [0.0]]], dev).unwrap();
        let got = bce_loss(&logits, &labels, &mask)
            .unwrap()
            .to_scalar::<f32>()
            .unwrap();
        let s = |x: f32| 1.0 / (1.0 + (-x).exp());
        let want = (-(s(2.0)).ln() - (1.0 - s(-1.0)).ln()) / 2.0;
        assert!((got - want).abs() < 1e-6, "{got} vs {want}");
    }
}
