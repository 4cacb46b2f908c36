//! One optimization step at a time: autodiff through the forward pass, gradient clipping,
//! Adam, and checkpoints that resume exactly (weights, Adam moments, step counter).

use std::collections::HashMap;
use std::path::Path;

use candle_core::{DType, Device, Tensor, Var};
use rayon::prelude::*;

use crate::config::ModelConfig;
use crate::error::{ModelError, Result};
use crate::load::params_from_tensors;
use crate::model::batch::{Batch, Example};
use crate::model::net::{bce_loss, bce_sum, Params};
use crate::rng::Rng;
use crate::summarunner::SummaRuNNer;
use crate::vocab::Vocab;

/// Optimizer options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptimizerOptions {
    /// Adam learning rate (the paper and hpzhao: 1e-3).
    pub lr: f64,
    /// Clip the global gradient norm to this (hpzhao: 1.0).
    pub clip: f64,
    /// The learning rate is multiplied by this after each epoch: epoch `e` (1-based) steps
    /// with `lr * lr_decay^(e-1)`. 1 keeps it constant.
    pub lr_decay: f64,
    /// Keep an exponential moving average of the weights with this decay (0: none), and
    /// validate and save the average instead of the last weights. With 0.998 the average
    /// spans about the last 500 steps; it starts at zero and is divided by `1 - decay^step`,
    /// so the first steps weigh in as much as they should.
    pub average: f64,
    /// Seed of weight initialization and dropout masks.
    pub seed: u64,
}

impl Default for OptimizerOptions {
    fn default() -> OptimizerOptions {
        OptimizerOptions {
            lr: 1e-3,
            clip: 1.0,
            lr_decay: 1.0,
            average: 0.0,
            seed: 1,
        }
    }
}

/// A summed loss and the flattened gradient of each weight (`None`: no gradient).
type LossAndGrads = (f64, Vec<Option<Vec<f32>>>);

const BETA1: f64 = 0.9;
const BETA2: f64 = 0.999;
const EPS: f64 = 1e-8;
const OPTIMIZER_FILE: &str = "optimizer.safetensors";

/// A model being trained.
pub struct Trainer {
    vocab: Vocab,
    options: OptimizerOptions,
    /// Weights as autodiff variables, in name order.
    vars: Vec<(String, Var)>,
    /// The same storage, as the forward pass reads it.
    params: Params,
    /// Adam first and second moments, parallel to `vars`.
    moments: Vec<(Vec<f32>, Vec<f32>)>,
    /// The moving average of the weights (uncorrected), parallel to `vars`, when
    /// `options.average` asks for one.
    average: Option<Vec<Vec<f32>>>,
    step: u64,
    /// Completed epochs, for the learning-rate decay (set by the driver, not saved: the
    /// driver's state knows it on resume).
    epoch: usize,
}

impl Trainer {
    /// Fresh weights from `options.seed`.
    pub fn new(config: &ModelConfig, vocab: Vocab, options: OptimizerOptions) -> Result<Trainer> {
        let model = SummaRuNNer::random(config, vocab, options.seed)?;
        Trainer::from_model(&model, options)
    }

    /// Continues training `model` (Adam state starts fresh).
    pub fn from_model(model: &SummaRuNNer, options: OptimizerOptions) -> Result<Trainer> {
        if !(options.lr > 0.0 && options.clip > 0.0 && options.lr_decay > 0.0) {
            return Err(ModelError::Config(
                "lr, lr_decay and clip must be positive".into(),
            ));
        }
        if !(0.0..1.0).contains(&options.average) {
            return Err(ModelError::Config(format!(
                "average must be at least 0 and below 1, got {}",
                options.average
            )));
        }
        let src = model.params();
        let mut names: Vec<&String> = src.map.keys().collect();
        names.sort();
        let mut vars = Vec::with_capacity(names.len());
        let mut map = HashMap::new();
        let mut moments = Vec::with_capacity(names.len());
        let mut average = Vec::new();
        for name in names {
            let var = Var::from_tensor(&src.map[name].copy()?)?;
            map.insert(name.clone(), var.as_tensor().clone());
            moments.push((vec![0f32; var.elem_count()], vec![0f32; var.elem_count()]));
            if options.average > 0.0 {
                average.push(vec![0f32; var.elem_count()]);
            }
            vars.push((name.clone(), var));
        }
        Ok(Trainer {
            vocab: model.vocab().clone(),
            options,
            vars,
            params: Params {
                config: src.config.clone(),
                map,
            },
            moments,
            average: (options.average > 0.0).then_some(average),
            step: 0,
            epoch: 0,
        })
    }

    /// Overwrites rows of the word embedding (pretrained vectors: `(vocabulary id, vector)`);
    /// the other rows keep their initialization.
    pub fn set_embedding_rows(&mut self, rows: &[(u32, Vec<f32>)]) -> Result<()> {
        let (vocab, dim) = (
            self.params.config.vocab_size,
            self.params.config.embedding_dim,
        );
        let Some((_, var)) = self.vars.iter().find(|(name, _)| name == "embedding") else {
            return Err(ModelError::MissingTensor {
                name: "embedding".into(),
            });
        };
        let mut table = var.as_tensor().flatten_all()?.to_vec1::<f32>()?;
        for (id, vector) in rows {
            let id = *id as usize;
            if id >= vocab || vector.len() != dim {
                return Err(ModelError::Config(format!(
                    "embedding row {id} of {} numbers does not fit a {vocab} × {dim} embedding",
                    vector.len()
                )));
            }
            table[id * dim..(id + 1) * dim].copy_from_slice(vector);
        }
        var.set(&Tensor::from_vec(table, (vocab, dim), &Device::Cpu)?)?;
        Ok(())
    }

    /// Sets the number of completed epochs, which scales the learning rate by
    /// `lr_decay^epoch`.
    pub fn set_epoch(&mut self, epoch: usize) {
        self.epoch = epoch;
    }

    /// The learning rate of the current epoch.
    pub fn lr(&self) -> f64 {
        let epochs = i32::try_from(self.epoch).unwrap_or(i32::MAX);
        self.options.lr * self.options.lr_decay.powi(epochs)
    }

    /// Optimizer steps taken.
    pub fn steps(&self) -> u64 {
        self.step
    }

    /// The configuration.
    pub fn config(&self) -> &ModelConfig {
        &self.params.config
    }

    /// One Adam step on a mini-batch of labelled examples (empty examples are skipped).
    /// Returns the batch's mean loss before the step.
    ///
    /// The batch is split in two halves whose forward and backward passes run in parallel
    /// (rayon); their summed gradients equal the whole batch's exactly up to float rounding.
    pub fn step(&mut self, examples: &[&Example]) -> Result<f32> {
        let examples: Vec<&Example> = examples
            .iter()
            .copied()
            .filter(|e| !e.sentences.is_empty())
            .collect();
        if examples.is_empty() {
            return Ok(0.0);
        }
        let sentences: usize = examples.iter().map(|e| e.sentences.len()).sum();
        let half = examples.len().div_ceil(2);
        let parts: Vec<&[&Example]> = examples.chunks(half).collect();
        let results: Vec<Result<LossAndGrads>> = parts
            .par_iter()
            .enumerate()
            .map(|(i, part)| self.loss_and_grads(part, 2 * self.step + i as u64))
            .collect();
        let mut loss_sum = 0f64;
        let mut grads: Vec<Option<Vec<f32>>> = vec![None; self.vars.len()];
        for r in results {
            let (l, g) = r?;
            loss_sum += l;
            for (acc, g) in grads.iter_mut().zip(g) {
                match (acc.as_mut(), g) {
                    (Some(a), Some(g)) => a.iter_mut().zip(g).for_each(|(a, g)| *a += g),
                    (None, Some(g)) => *acc = Some(g),
                    (_, None) => {}
                }
            }
        }
        let inv = 1.0 / sentences as f32;
        grads
            .iter_mut()
            .flatten()
            .for_each(|g| g.iter_mut().for_each(|x| *x *= inv));
        // Adam in plain loops over the weights' memory: as tensor ops it would allocate a
        // dozen full-size temporaries per weight per step (the embedding alone is megabytes),
        // and those allocations, not the arithmetic, dominated the step time.
        let sq: f64 = grads
            .iter()
            .flatten()
            .flat_map(|g| g.iter())
            .map(|&x| f64::from(x) * f64::from(x))
            .sum();
        let norm = sq.sqrt();
        let scale = if norm > self.options.clip {
            self.options.clip / norm
        } else {
            1.0
        };
        self.step += 1;
        let t = self.step as i32;
        let (c1, c2) = (1.0 - BETA1.powi(t), 1.0 - BETA2.powi(t));
        let (lr, scale) = (self.lr() as f32, scale as f32);
        let (b1, b2, c1, c2, eps) = (BETA1 as f32, BETA2 as f32, c1 as f32, c2 as f32, EPS as f32);
        for (((_, var), (m, v)), g) in self.vars.iter().zip(self.moments.iter_mut()).zip(grads) {
            let Some(g) = g else { continue };
            let mut w = var.as_tensor().flatten_all()?.to_vec1::<f32>()?;
            for (i, g) in g.into_iter().enumerate() {
                let g = g * scale;
                m[i] = b1 * m[i] + (1.0 - b1) * g;
                v[i] = b2 * v[i] + (1.0 - b2) * g * g;
                w[i] -= lr * (m[i] / c1) / ((v[i] / c2).sqrt() + eps);
            }
            var.set(&Tensor::from_vec(w, var.shape(), &Device::Cpu)?)?;
        }
        if let Some(average) = self.average.as_mut() {
            let d = self.options.average as f32;
            for ((_, var), a) in self.vars.iter().zip(average.iter_mut()) {
                let w = var.as_tensor().flatten_all()?.to_vec1::<f32>()?;
                a.iter_mut()
                    .zip(w)
                    .for_each(|(a, w)| *a = d * *a + (1.0 - d) * w);
            }
        }
        Ok((loss_sum / sentences as f64) as f32)
    }

    /// Summed loss over the sentences of `examples` and its gradients (parallel to `vars`).
    fn loss_and_grads(
        &self,
        examples: &[&Example],
        stream: u64,
    ) -> Result<(f64, Vec<Option<Vec<f32>>>)> {
        let batch = Batch::new(examples, &self.params.config)?;
        let labels = batch.labels.as_ref().ok_or_else(|| {
            ModelError::Data("training examples need one label per kept sentence".into())
        })?;
        // Dropout masks depend on (seed, step, half) only: a resumed run draws the same ones.
        let mut rng = Rng::new(self.options.seed, 0x5EED_0000 + stream);
        let logits = self.params.forward(&batch, Some(&mut rng))?;
        let loss = bce_sum(&logits, labels, &batch.sent_mask)?;
        let grads = loss.backward()?;
        let grads = self
            .vars
            .iter()
            .map(|(_, var)| {
                grads
                    .get(var)
                    .map(|g| g.flatten_all()?.to_vec1::<f32>())
                    .transpose()
            })
            .collect::<candle_core::Result<_>>()?;
        Ok((f64::from(loss.to_scalar::<f32>()?), grads))
    }

    /// Mean loss of labelled examples without dropout and without a step.
    pub fn loss(&self, examples: &[&Example]) -> Result<f32> {
        let batch = Batch::new(examples, &self.params.config)?;
        let labels = batch
            .labels
            .as_ref()
            .ok_or_else(|| ModelError::Data("unlabelled examples".into()))?;
        let logits = self.params.forward(&batch, None)?.detach();
        Ok(bce_loss(&logits, labels, &batch.sent_mask)?.to_scalar::<f32>()?)
    }

    /// A snapshot of the current weights as an inference model.
    pub fn model(&self) -> Result<SummaRuNNer> {
        let mut map = HashMap::new();
        for (name, var) in &self.vars {
            map.insert(name.clone(), var.as_tensor().detach().copy()?);
        }
        let params = Params {
            config: self.params.config.clone(),
            map,
        };
        SummaRuNNer::from_parts(params, self.vocab.clone())
    }

    /// The model to validate and ship: the moving average of the weights when the options ask
    /// for one (and a step was taken), else the current weights.
    pub fn final_model(&self) -> Result<SummaRuNNer> {
        let Some(average) = self.average.as_ref().filter(|_| self.step > 0) else {
            return self.model();
        };
        let t = i32::try_from(self.step).unwrap_or(i32::MAX);
        let correction = (1.0 - self.options.average.powi(t)) as f32;
        let mut map = HashMap::new();
        for ((name, var), a) in self.vars.iter().zip(average) {
            let w: Vec<f32> = a.iter().map(|x| x / correction).collect();
            map.insert(
                name.clone(),
                Tensor::from_vec(w, var.shape(), &Device::Cpu)?,
            );
        }
        let params = Params {
            config: self.params.config.clone(),
            map,
        };
        SummaRuNNer::from_parts(params, self.vocab.clone())
    }

    /// Writes the model files, the Adam moments and the step counter into `dir`.
    pub fn save_checkpoint(&self, dir: &Path) -> Result<()> {
        self.model()?.save(dir)?;
        let mut state = HashMap::new();
        for ((name, var), (m, v)) in self.vars.iter().zip(&self.moments) {
            state.insert(
                format!("m.{name}"),
                Tensor::from_slice(m, var.shape(), &Device::Cpu)?,
            );
            state.insert(
                format!("v.{name}"),
                Tensor::from_slice(v, var.shape(), &Device::Cpu)?,
            );
        }
        for ((name, var), a) in self.vars.iter().zip(self.average.iter().flatten()) {
            state.insert(
                format!("a.{name}"),
                Tensor::from_slice(a, var.shape(), &Device::Cpu)?,
            );
        }
        state.insert(
            "step".into(),
            Tensor::new(&[self.step as f64], &Device::Cpu)?.to_dtype(DType::F64)?,
        );
        let tmp = dir.join(format!("{OPTIMIZER_FILE}.tmp"));
        candle_core::safetensors::save(&state, &tmp)?;
        std::fs::rename(&tmp, dir.join(OPTIMIZER_FILE)).map_err(|e| ModelError::io(dir, e))
    }

    /// Resumes from a [`save_checkpoint`](Self::save_checkpoint) directory.
    pub fn load_checkpoint(dir: &Path, options: OptimizerOptions) -> Result<Trainer> {
        let model = SummaRuNNer::load(dir)?;
        let mut trainer = Trainer::from_model(&model, options)?;
        let path = dir.join(OPTIMIZER_FILE);
        let bytes = std::fs::read(&path).map_err(|e| ModelError::io(&path, e))?;
        let corrupt = |message: String| ModelError::Corrupt {
            what: path.display().to_string(),
            message,
        };
        let mut state = candle_core::safetensors::load_buffer(&bytes, &Device::Cpu)
            .map_err(|e| corrupt(e.to_string()))?;
        let step = state
            .remove("step")
            .ok_or_else(|| corrupt("no step counter".into()))?;
        trainer.step = step.to_vec1::<f64>()?.first().copied().unwrap_or(0.0) as u64;
        let config = trainer.params.config.clone();
        // Errors name the moments as stored (`m.embedding`), not as the weights they follow.
        let moments = |prefix: &str, state: &mut HashMap<String, Tensor>| {
            params_from_tensors(&config, take_prefixed(state, prefix)).map_err(|e| match e {
                ModelError::NonFinite { tensor, count } => ModelError::NonFinite {
                    tensor: format!("{prefix}{tensor}"),
                    count,
                },
                other => other,
            })
        };
        let ms = moments("m.", &mut state)?;
        let vs = moments("v.", &mut state)?;
        let flat = |t: &Tensor| t.flatten_all()?.to_vec1::<f32>();
        for ((name, _), moment) in trainer.vars.iter().zip(trainer.moments.iter_mut()) {
            *moment = (flat(&ms.map[name])?, flat(&vs.map[name])?);
        }
        if let Some(average) = trainer.average.as_mut() {
            if !state.keys().any(|k| k.starts_with("a.")) {
                return Err(corrupt(
                    "no weight average, though the options ask for one".into(),
                ));
            }
            let avg = moments("a.", &mut state)?;
            for ((name, _), a) in trainer.vars.iter().zip(average.iter_mut()) {
                *a = flat(&avg.map[name])?;
            }
        }
        Ok(trainer)
    }
}

fn take_prefixed(state: &mut HashMap<String, Tensor>, prefix: &str) -> HashMap<String, Tensor> {
    let keys: Vec<String> = state
        .keys()
        .filter(|k| k.starts_with(prefix))
        .cloned()
        .collect();
    keys.into_iter()
        .filter_map(|k| state.remove(&k).map(|t| (k[prefix.len()..].to_string(), t)))
        .collect()
}
