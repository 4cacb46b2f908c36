//! The training driver: data, vocabulary, labels, epochs, validation, checkpoints.
//!
//! [`train`] reads the training corpus, builds the vocabulary, labels the documents (their
//! own labels, or the greedy ROUGE oracle against their reference), then runs the epochs.
//! After each one it asks a [`Validator`] for the model's validation ROUGE and keeps the
//! best model (the sum of ROUGE-1, 2 and L F). It reports what it does as [`TrainEvent`]s
//! and prints nothing.
//!
//! Layout of the output directory `out`:
//!
//! * `out/{model.safetensors, config.json, vocab.json}`: the best model so far, the one to
//!   ship;
//! * `out/checkpoints/last/`: the latest state (weights, Adam moments, step counter) and
//!   `state.json` (epoch, batch within the epoch, history): `resume` continues from it, with
//!   the same data order and dropout masks as an uninterrupted run.
//!
//! ```no_run
//! use nutgraf_summarunner::train::{train, RougeF, TrainConfig, TrainEvent};
//! use nutgraf_summarunner::SummaRuNNer;
//!
//! let config = TrainConfig {
//!     train: "train.jsonl.gz".into(),
//!     out: "models/summarunner".into(),
//!     ..TrainConfig::default()
//! };
//! // A real validator summarizes and scores its documents with ROUGE (the `nutgraf` crate
//! // builds one); any closure of this type will do.
//! let validator = |model: &SummaRuNNer| -> nutgraf_summarunner::Result<RougeF> {
//!     let _scores = model.score_all(&[], 16)?;
//!     Ok(RougeF::default())
//! };
//! let state = train(&config, &validator, &mut |event| {
//!     if let TrainEvent::EpochDone { record, best } = event {
//!         eprintln!("epoch {}: {} {}", record.epoch, record.valid, if best { "(best)" } else { "" });
//!     }
//! })?;
//! println!("best: {:?}", state.best);
//! # Ok::<(), nutgraf_summarunner::ModelError>(())
//! ```

mod event;
mod validator;

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::config::ModelConfig;
use crate::data::{count_tokens, labelled_examples, read_documents};
use crate::error::{ModelError, Result};
use crate::model::batch::Example;
use crate::rng::Rng;
use crate::trainer::{OptimizerOptions, Trainer};
use crate::vectors::WordVectors;
use crate::vocab::Vocab;

pub use event::TrainEvent;
pub use validator::{RougeF, Validator};

/// Options of a training run. The validation documents are the [`Validator`]'s.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Training corpus (labels from the oracle, or from SummaRuNNer records).
    pub train: PathBuf,
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
    /// Save `checkpoints/last` every this many batches (and at each epoch end).
    pub checkpoint_every: usize,
    /// Continue from `out/checkpoints/last`.
    pub resume: bool,
    /// Start the word embedding from these pretrained vectors (a GloVe/word2vec text file,
    /// see [`WordVectors`]); their dimension replaces `model.embedding_dim`. Ignored on
    /// resume (the checkpoint has the embedding).
    pub word_vectors: Option<PathBuf>,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            train: PathBuf::new(),
            out: PathBuf::from("models/summarunner"),
            model: ModelConfig::default(),
            min_count: 5,
            epochs: 5,
            batch_size: 32,
            optimizer: OptimizerOptions::default(),
            max_train_docs: None,
            checkpoint_every: 200,
            resume: false,
            word_vectors: None,
        }
    }
}

/// One epoch's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EpochRecord {
    /// Epoch number (1-based).
    pub epoch: usize,
    /// Mean training loss.
    pub loss: f64,
    /// Training documents per second.
    pub docs_per_s: f64,
    /// Validation ROUGE.
    pub valid: RougeF,
    /// Seconds of training in this run (a resumed epoch counts from the resume).
    #[serde(default)]
    pub train_seconds: f64,
    /// Seconds of validation.
    #[serde(default)]
    pub validation_seconds: f64,
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

/// Trains a model as `config` says, validating it with `validator` after each epoch and
/// reporting to `observer`; returns the final state. The best model is in `config.out`.
pub fn train(
    config: &TrainConfig,
    validator: &dyn Validator,
    observer: &mut dyn FnMut(TrainEvent),
) -> Result<TrainState> {
    if config.batch_size == 0 || config.epochs == 0 {
        return Err(ModelError::Config(
            "batch size and epochs must be at least 1".into(),
        ));
    }
    config.model.validate()?;
    let last = config.out.join("checkpoints").join("last");
    let t0 = Instant::now();
    let train_docs = read_documents(&config.train, config.max_train_docs)?;
    let (mut trainer, mut state) = if config.resume {
        let trainer = Trainer::load_checkpoint(&last, config.optimizer)?;
        (trainer, read_state(&last)?)
    } else {
        let vocab = Vocab::from_counts(
            count_tokens(&train_docs),
            config.model.vocab_size,
            config.min_count,
        )?;
        let vectors = match &config.word_vectors {
            Some(path) => Some((path, WordVectors::read(path, &vocab)?)),
            None => None,
        };
        let model = ModelConfig {
            vocab_size: vocab.len(),
            embedding_dim: vectors
                .as_ref()
                .map_or(config.model.embedding_dim, |(_, v)| v.dim),
            ..config.model.clone()
        };
        model.validate()?;
        let mut trainer = Trainer::new(&model, vocab, config.optimizer)?;
        if let Some((path, vectors)) = vectors {
            trainer.set_embedding_rows(&vectors.rows)?;
            observer(TrainEvent::WordVectorsRead {
                path: path.clone(),
                dim: vectors.dim,
                words: vectors.rows.len(),
                vocabulary: model.vocab_size,
            });
        }
        (trainer, TrainState::default())
    };
    let model_config = trainer.config().clone();
    let vocab = trainer.model()?.vocab().clone();
    let examples = labelled_examples(&train_docs, &vocab, &model_config);
    let labels = examples.iter().flat_map(|e| &e.labels);
    observer(TrainEvent::DataRead {
        documents: train_docs.len(),
        examples: examples.len(),
        sentences: labels.clone().count(),
        positives: labels.filter(|&&l| l > 0.5).count(),
        vocabulary: vocab.len(),
        seconds: t0.elapsed().as_secs_f64(),
    });
    drop(train_docs);
    if config.resume {
        observer(TrainEvent::Resumed {
            epoch: state.epoch,
            batch: state.batch,
            step: trainer.steps(),
        });
    }

    let batches_per_epoch = examples.len().div_ceil(config.batch_size);
    let checkpoint = |trainer: &Trainer, state: &TrainState| -> Result<TrainEvent> {
        save(trainer, state, &last)?;
        Ok(TrainEvent::CheckpointSaved {
            path: last.clone(),
            epoch: state.epoch,
            batch: state.batch,
            step: trainer.steps(),
        })
    };
    while state.epoch < config.epochs {
        let epoch = state.epoch;
        trainer.set_epoch(epoch);
        let batches = epoch_batches(&examples, config.batch_size, config.optimizer.seed, epoch);
        let started = Instant::now();
        let mut docs_done = 0usize;
        for (b, chunk) in batches.iter().enumerate().skip(state.batch) {
            let batch: Vec<&Example> = chunk.iter().map(|&i| &examples[i]).collect();
            let loss = f64::from(trainer.step(&batch)?);
            state.loss_sum += loss;
            state.batch = b + 1;
            docs_done += chunk.len();
            observer(TrainEvent::BatchDone {
                epoch: epoch + 1,
                batch: state.batch,
                batches: batches_per_epoch,
                loss,
                mean_loss: state.loss_sum / state.batch as f64,
                docs_per_s: docs_done as f64 / started.elapsed().as_secs_f64(),
            });
            if state.batch % config.checkpoint_every.max(1) == 0 {
                observer(checkpoint(&trainer, &state)?);
            }
        }
        let train_seconds = started.elapsed().as_secs_f64();
        let model = trainer.final_model()?;
        let v0 = Instant::now();
        let valid = validator.validate(&model)?;
        let record = EpochRecord {
            epoch: epoch + 1,
            loss: state.loss_sum / state.batch.max(1) as f64,
            docs_per_s: docs_done as f64 / train_seconds,
            valid,
            train_seconds,
            validation_seconds: v0.elapsed().as_secs_f64(),
        };
        let best = state.best.is_none_or(|b| valid.total() > b.total());
        if best {
            state.best = Some(valid);
            model.save(&config.out)?;
        }
        state.history.push(record.clone());
        state.epoch += 1;
        state.batch = 0;
        state.loss_sum = 0.0;
        observer(checkpoint(&trainer, &state)?);
        observer(TrainEvent::EpochDone { record, best });
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
