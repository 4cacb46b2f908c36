//! The training driver: data, vocabulary, labels, epochs, validation, checkpoints.
//!
//! Layout of the output directory `out`:
//!
//! * `out/{model.safetensors, config.json, vocab.json}`: the best model so far (validation
//!   ROUGE-1 + 2 + L F), the one to ship;
//! * `out/checkpoints/last/`: the latest state (weights, Adam moments, step counter) and
//!   `state.json` (epoch, batch within the epoch, history): `resume` continues from it, with
//!   the same data order and dropout masks as an uninterrupted run.

use std::path::{Path, PathBuf};
use std::time::Instant;

use nutgraf_core::select::Redundancy;
use nutgraf_core::Budget;
use serde::{Deserialize, Serialize};

use crate::config::ModelConfig;
use crate::data::{count_tokens, labelled_examples, read_documents};
use crate::error::{ModelError, Result};
use crate::model::batch::Example;
use crate::rng::Rng;
use crate::trainer::{OptimizerOptions, Trainer};
use crate::validate::{rouge_of, scorer, validate, RougeF};
use crate::vocab::Vocab;

/// Options of a training run.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Training corpus (labels from the oracle, or from SummaRuNNer records).
    pub train: PathBuf,
    /// Validation corpus (with references).
    pub valid: PathBuf,
    /// Output directory.
    pub out: PathBuf,
    /// Model sizes (`vocab_size` is the vocabulary size to build).
    pub model: ModelConfig,
    /// Minimum count of a vocabulary token.
    pub min_count: u64,
    /// Epochs.
    pub epochs: usize,
    /// Documents per mini-batch.
    pub batch_size: usize,
    /// Optimizer.
    pub optimizer: OptimizerOptions,
    /// Use only the first documents of the training corpus.
    pub max_train_docs: Option<usize>,
    /// Use only the first documents of the validation corpus.
    pub max_valid_docs: Option<usize>,
    /// Save `checkpoints/last` every this many steps (and at each epoch end).
    pub checkpoint_every: usize,
    /// Continue from `out/checkpoints/last`.
    pub resume: bool,
    /// Validation summaries: top-3 sentences, with or without trigram blocking.
    pub trigram_blocking: bool,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            train: PathBuf::new(),
            valid: PathBuf::new(),
            out: PathBuf::from("models/summarunner"),
            model: ModelConfig::default(),
            min_count: 5,
            epochs: 5,
            batch_size: 32,
            optimizer: OptimizerOptions::default(),
            max_train_docs: None,
            max_valid_docs: None,
            checkpoint_every: 200,
            resume: false,
            trigram_blocking: false,
        }
    }
}

/// One epoch's record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EpochRecord {
    /// Epoch number (1-based).
    pub epoch: usize,
    /// Mean training loss.
    pub loss: f64,
    /// Training documents per second.
    pub docs_per_s: f64,
    /// Validation ROUGE.
    pub valid: RougeF,
}

/// Progress saved with a checkpoint.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TrainState {
    /// Completed epochs.
    pub epoch: usize,
    /// Completed batches of the current epoch.
    pub batch: usize,
    /// Sum of the current epoch's batch losses so far.
    pub loss_sum: f64,
    /// Best validation so far.
    pub best: Option<RougeF>,
    /// Finished epochs.
    pub history: Vec<EpochRecord>,
}

/// Trains a model as `config` says; returns the final state.
pub fn train(config: &TrainConfig) -> Result<TrainState> {
    if config.batch_size == 0 || config.epochs == 0 {
        return Err(ModelError::Config(
            "batch size and epochs must be at least 1".into(),
        ));
    }
    config.model.validate()?;
    let last = config.out.join("checkpoints").join("last");
    let t0 = Instant::now();
    let train_docs = read_documents(&config.train, config.max_train_docs)?;
    let valid_docs = read_documents(&config.valid, config.max_valid_docs)?;
    log(&format!(
        "read {} training, {} validation documents in {:.0?}",
        train_docs.len(),
        valid_docs.len(),
        t0.elapsed()
    ));

    let (mut trainer, mut state) = if config.resume {
        let trainer = Trainer::load_checkpoint(&last, config.optimizer)?;
        let state = read_state(&last)?;
        log(&format!(
            "resumed at epoch {} batch {} (step {})",
            state.epoch,
            state.batch,
            trainer.steps()
        ));
        (trainer, state)
    } else {
        let vocab = Vocab::from_counts(
            count_tokens(&train_docs),
            config.model.vocab_size,
            config.min_count,
        )?;
        let model = ModelConfig {
            vocab_size: vocab.len(),
            ..config.model.clone()
        };
        log(&format!("vocabulary: {} tokens", vocab.len()));
        (
            Trainer::new(&model, vocab, config.optimizer)?,
            TrainState::default(),
        )
    };
    let model_config = trainer.config().clone();
    let vocab = trainer.model()?.vocab().clone();
    let examples = labelled_examples(&train_docs, &vocab, &model_config);
    drop(train_docs);
    let positives: f64 = examples
        .iter()
        .flat_map(|e| &e.labels)
        .map(|&l| f64::from(l))
        .sum();
    let sentences: usize = examples.iter().map(|e| e.labels.len()).sum();
    log(&format!(
        "{} labelled examples, {sentences} sentences, {:.1}% positive ({:.0?})",
        examples.len(),
        100.0 * positives / sentences.max(1) as f64,
        t0.elapsed()
    ));

    let rouge = scorer()?;
    let redundancy = if config.trigram_blocking {
        Redundancy::TrigramBlocking
    } else {
        Redundancy::None
    };
    let budget = Budget::Sentences(3);
    let lead = rouge_of(&rouge, &valid_docs, |_, doc| {
        (0..doc.len().min(3)).collect()
    })?;
    log(&format!("validation Lead-3: {lead}"));

    let batches_per_epoch = examples.len().div_ceil(config.batch_size);
    while state.epoch < config.epochs {
        let epoch = state.epoch;
        let batches = epoch_batches(&examples, config.batch_size, config.optimizer.seed, epoch);
        let started = Instant::now();
        let first_batch = state.batch;
        let mut recent = (0.0f64, 0usize);
        for (b, chunk) in batches.iter().enumerate().skip(first_batch) {
            let batch: Vec<&Example> = chunk.iter().map(|&i| &examples[i]).collect();
            let loss = trainer.step(&batch)?;
            state.loss_sum += f64::from(loss);
            state.batch = b + 1;
            recent = (recent.0 + f64::from(loss), recent.1 + 1);
            if state.batch % 20 == 0 || state.batch == batches_per_epoch {
                let done = (state.batch - first_batch) * config.batch_size;
                log(&format!(
                    "epoch {} batch {}/{} loss {:.4} (epoch mean {:.4}) {:.1} docs/s",
                    epoch + 1,
                    state.batch,
                    batches_per_epoch,
                    recent.0 / recent.1.max(1) as f64,
                    state.loss_sum / state.batch as f64,
                    done as f64 / started.elapsed().as_secs_f64()
                ));
                recent = (0.0, 0);
            }
            if state.batch % config.checkpoint_every.max(1) == 0 {
                save(&trainer, &state, &last)?;
            }
        }
        let docs_per_s = ((state.batch - first_batch) * config.batch_size).min(examples.len())
            as f64
            / started.elapsed().as_secs_f64();
        let model = trainer.model()?;
        let v0 = Instant::now();
        let valid = validate(&model, &valid_docs, budget, redundancy, &rouge)?;
        let record = EpochRecord {
            epoch: epoch + 1,
            loss: state.loss_sum / state.batch.max(1) as f64,
            docs_per_s,
            valid,
        };
        let better = state.best.is_none_or(|b| valid.total() > b.total());
        log(&format!(
            "epoch {} done: loss {:.4}, {:.1} docs/s, {:.0?}; validation {valid} (Lead-3 {lead}) in {:.0?}{}",
            epoch + 1,
            record.loss,
            docs_per_s,
            started.elapsed(),
            v0.elapsed(),
            if better { " [best: saved]" } else { "" }
        ));
        if better {
            state.best = Some(valid);
            model.save(&config.out)?;
        }
        state.history.push(record);
        state.epoch += 1;
        state.batch = 0;
        state.loss_sum = 0.0;
        save(&trainer, &state, &last)?;
    }
    Ok(state)
}

/// The batches of an epoch, a function of (data, seed, epoch) only: shuffle, then sort runs
/// of 50 batches by sentence count and cut them into batches (documents of similar length
/// together, so the sentence-level loop pads little), then shuffle the batches.
fn epoch_batches(
    examples: &[Example],
    batch_size: usize,
    seed: u64,
    epoch: usize,
) -> Vec<Vec<usize>> {
    let mut rng = Rng::new(seed, 0xE90C + epoch as u64);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    rng.shuffle(&mut order);
    let mut batches = Vec::new();
    for run in order.chunks_mut(batch_size * 50) {
        run.sort_by_key(|&i| (examples[i].sentences.len(), i));
        batches.extend(run.chunks(batch_size).map(<[usize]>::to_vec));
    }
    rng.shuffle(&mut batches);
    batches
}

fn save(trainer: &Trainer, state: &TrainState, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| ModelError::io(dir, e))?;
    trainer.save_checkpoint(dir)?;
    let path = dir.join("state.json");
    let text =
        serde_json::to_string_pretty(state).map_err(|e| ModelError::Config(e.to_string()))?;
    std::fs::write(&path, text).map_err(|e| ModelError::io(path, e))
}

fn read_state(dir: &Path) -> Result<TrainState> {
    let path = dir.join("state.json");
    let bytes = std::fs::read(&path).map_err(|e| ModelError::io(&path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| ModelError::Corrupt {
        what: path.display().to_string(),
        message: e.to_string(),
    })
}

fn log(line: &str) {
    eprintln!("[{}] {line}", timestamp());
}

fn timestamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "{:02}:{:02}:{:02}",
        (secs / 3600) % 24,
        (secs / 60) % 60,
        secs % 60
    )
}
