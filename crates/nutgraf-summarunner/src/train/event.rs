//! What the trainer reports while it runs: the library prints nothing, its caller decides
//! (log lines, a progress bar, JSON lines).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::EpochRecord;

/// One thing the trainer did, in the order it happens: [`DataRead`](TrainEvent::DataRead),
/// [`Resumed`](TrainEvent::Resumed) when resuming, then for each epoch its
/// [`BatchDone`](TrainEvent::BatchDone)s, [`CheckpointSaved`](TrainEvent::CheckpointSaved)s
/// and finally [`EpochDone`](TrainEvent::EpochDone).
///
/// As JSON, tagged by `kind`: `{"kind": "batch_done", "epoch": 1, "batch": 20, ...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TrainEvent {
    /// The training corpus is read, the vocabulary built (or resumed) and the documents
    /// labelled.
    DataRead {
        /// Documents read.
        documents: usize,
        /// Labelled examples among them (documents with labels or a reference, and
        /// sentences).
        examples: usize,
        /// Sentences the model sees (the first `max_sentences` of each example).
        sentences: usize,
        /// Those of them labelled 1.
        positives: usize,
        /// Vocabulary size, `<pad>` and `<unk>` included.
        vocabulary: usize,
        /// Seconds since training started.
        seconds: f64,
    },
    /// Pretrained word vectors were read into the fresh model's embedding.
    WordVectorsRead {
        /// The vector file.
        path: PathBuf,
        /// Its dimensions (the embedding size).
        dim: usize,
        /// Vocabulary words it had a vector for.
        words: usize,
        /// Vocabulary size, `<pad>` and `<unk>` included.
        vocabulary: usize,
    },
    /// Training continues from `out/checkpoints/last`.
    Resumed {
        /// Completed epochs.
        epoch: usize,
        /// Completed batches of the current epoch.
        batch: usize,
        /// Optimizer steps taken.
        step: u64,
    },
    /// An optimizer step on one batch.
    BatchDone {
        /// Epoch (1-based).
        epoch: usize,
        /// Batches of the epoch done, this one included.
        batch: usize,
        /// Batches per epoch.
        batches: usize,
        /// Mean loss of this batch (before the step).
        loss: f64,
        /// Mean batch loss of the epoch so far (resumed batches included).
        mean_loss: f64,
        /// Training documents per second in this epoch so far (this run only).
        docs_per_s: f64,
    },
    /// `out/checkpoints/last` is written: a resume continues from `epoch` and `batch`.
    CheckpointSaved {
        /// The checkpoint directory.
        path: PathBuf,
        /// Completed epochs.
        epoch: usize,
        /// Completed batches of the current epoch.
        batch: usize,
        /// Optimizer steps taken.
        step: u64,
    },
    /// An epoch is trained, validated and checkpointed.
    EpochDone {
        /// Its record (also appended to the state's history).
        record: EpochRecord,
        /// Whether it is the best so far, hence saved to `out`.
        best: bool,
    },
}
