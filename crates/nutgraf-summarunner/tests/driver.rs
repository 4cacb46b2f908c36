//! The training driver end to end on six tiny labelled documents (SummaRuNNer records):
//! events, validation, the best model, resuming.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use nutgraf_core::Document;
use nutgraf_summarunner::train::{train, RougeF, TrainConfig, TrainEvent, TrainState};
use nutgraf_summarunner::{ModelConfig, ModelError, OptimizerOptions, SummaRuNNer, Variant};

use common::config;

const DOCS: [(&[&str], &[u8]); 6] = [
    (
        &[
            "the storm hit the coast .",
            "power was cut .",
            "repairs began .",
        ],
        &[1, 0, 0],
    ),
    (
        &["officials said power was cut .", "the storm hit ."],
        &[0, 1],
    ),
    (
        &[
            "repairs began .",
            "the coast .",
            "the storm hit the coast .",
        ],
        &[0, 0, 1],
    ),
    (
        &["power was cut .", "officials said .", "repairs began ."],
        &[1, 0, 1],
    ),
    (&["the storm .", "the coast .", "power ."], &[1, 0, 0]),
    (&["repairs .", "officials said the storm hit ."], &[0, 1]),
];

fn documents() -> Vec<Document> {
    DOCS.iter()
        .map(|(s, l)| {
            Document::from_sentences(*s)
                .with_labels(l.to_vec())
                .unwrap()
        })
        .collect()
}

fn write_corpus(path: &Path) {
    let lines: Vec<String> = DOCS
        .iter()
        .map(|(s, l)| {
            let labels: Vec<String> = l.iter().map(u8::to_string).collect();
            serde_json::json!({"doc": s.join("\n"), "labels": labels.join("\n")}).to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n")).unwrap();
}

/// A real measurement, not a stub: the share of documents whose top sentence is
/// labelled 1 (as "ROUGE-1") and the mean probability of the positive sentences (as
/// "ROUGE-2"), in percent. It counts its calls.
struct TopSentence {
    docs: Vec<Document>,
    calls: AtomicUsize,
}

impl nutgraf_summarunner::train::Validator for TopSentence {
    fn validate(&self, model: &SummaRuNNer) -> nutgraf_summarunner::Result<RougeF> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let scores = model.score_all(&self.docs, 4)?;
        let (mut top_right, mut positive_p, mut positives) = (0.0, 0.0, 0.0);
        for (doc, p) in self.docs.iter().zip(&scores) {
            let labels = doc.labels().unwrap();
            let top = (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)));
            top_right += f64::from(top.map_or(0, |t| labels[t]));
            for (&y, &q) in labels.iter().zip(p) {
                if y == 1 {
                    positive_p += q;
                    positives += 1.0;
                }
            }
        }
        Ok(RougeF {
            rouge1: 100.0 * top_right / self.docs.len() as f64,
            rouge2: 100.0 * positive_p / positives,
            rouge_l: 0.0,
        })
    }
}

fn train_config(dir: &Path, epochs: usize) -> TrainConfig {
    let corpus = dir.join("train.jsonl");
    write_corpus(&corpus);
    TrainConfig {
        train: corpus,
        out: dir.join("model"),
        // Dropout on: a resumed run must draw the same masks.
        model: ModelConfig {
            dropout: 0.3,
            ..config(Variant::RnnRnn)
        },
        min_count: 1,
        epochs,
        batch_size: 2,
        optimizer: OptimizerOptions {
            lr: 0.02,
            clip: 5.0,
            seed: 5,
            // A decay and an average, so that resuming is checked to step with the epoch's
            // rate and to continue the average.
            lr_decay: 0.5,
            average: 0.9,
        },
        checkpoint_every: 2,
        ..TrainConfig::default()
    }
}

fn run(config: &TrainConfig, validator: &TopSentence) -> (TrainState, Vec<TrainEvent>) {
    let mut events = Vec::new();
    let state = train(config, validator, &mut |e| events.push(e)).unwrap();
    (state, events)
}

fn validator() -> TopSentence {
    TopSentence {
        docs: documents(),
        calls: AtomicUsize::new(0),
    }
}

fn kind(e: &TrainEvent) -> String {
    serde_json::to_value(e).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn events_arrive_in_order_and_the_best_model_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let config = train_config(dir.path(), 2);
    let validator = validator();
    let (state, events) = run(&config, &validator);
    assert_eq!(validator.calls.load(Ordering::SeqCst), 2, "once per epoch");

    // 6 documents in batches of 2, a checkpoint every 2 batches and at each epoch end.
    let kinds: Vec<String> = events.iter().map(kind).collect();
    let epoch = ["batch_done", "batch_done", "checkpoint_saved", "batch_done"]
        .into_iter()
        .chain(["checkpoint_saved", "epoch_done"]);
    let want: Vec<&str> = std::iter::once("data_read")
        .chain(epoch.clone())
        .chain(epoch)
        .collect();
    assert_eq!(kinds, want);
    match &events[0] {
        TrainEvent::DataRead {
            documents,
            examples,
            sentences,
            positives,
            vocabulary,
            ..
        } => {
            assert_eq!(
                (*documents, *examples, *sentences, *positives),
                (6, 6, 16, 7)
            );
            assert_eq!(*vocabulary, config.model.vocab_size);
        }
        other => panic!("{other:?}"),
    }
    let batches: Vec<(usize, usize, usize)> = events
        .iter()
        .filter_map(|e| match e {
            TrainEvent::BatchDone {
                epoch,
                batch,
                batches,
                loss,
                mean_loss,
                ..
            } => {
                assert!(loss.is_finite() && mean_loss.is_finite());
                Some((*epoch, *batch, *batches))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        batches,
        [
            (1, 1, 3),
            (1, 2, 3),
            (1, 3, 3),
            (2, 1, 3),
            (2, 2, 3),
            (2, 3, 3)
        ]
    );

    // The epoch records are the state's history; the first epoch is always the best
    // so far; the model in `out` is the best one: validating it again gives the best.
    let done: Vec<(usize, bool)> = events
        .iter()
        .filter_map(|e| match e {
            TrainEvent::EpochDone { record, best } => Some((record.epoch, *best)),
            _ => None,
        })
        .collect();
    assert_eq!(done.len(), 2);
    assert_eq!(done[0], (1, true));
    assert_eq!(state.history.len(), 2);
    let best_total = state
        .history
        .iter()
        .map(|r| r.valid.total())
        .fold(f64::MIN, f64::max);
    assert_eq!(state.best.unwrap().total(), best_total);
    let saved = SummaRuNNer::load(&config.out).unwrap();
    let again = nutgraf_summarunner::train::Validator::validate(&validator, &saved).unwrap();
    assert_eq!(Some(again), state.best);
    // Serializable events, for JSON-lines logs.
    let json = serde_json::to_string(&events[events.len() - 1]).unwrap();
    assert!(
        json.starts_with(r#"{"kind":"epoch_done","record":{"epoch":2"#),
        "{json}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Same losses, same best, bit-identical final weights.
fn assert_same_end(a: (&TrainState, &Path), b: (&TrainState, &Path)) {
    let losses =
        |s: &TrainState| -> Vec<u64> { s.history.iter().map(|r| r.loss.to_bits()).collect() };
    assert_eq!(losses(a.0), losses(b.0));
    assert_eq!(a.0.best, b.0.best);
    let docs = documents();
    let bits = |dir: &Path| -> Vec<u64> {
        let model = SummaRuNNer::load(dir.join("model/checkpoints/last")).unwrap();
        model
            .score_all(&docs, 4)
            .unwrap()
            .concat()
            .iter()
            .map(|p| p.to_bits())
            .collect()
    };
    assert_eq!(bits(a.1), bits(b.1));
}

#[test]
fn a_run_resumed_mid_epoch_ends_where_an_uninterrupted_one_does() {
    // The uninterrupted run; the checkpoint written after batch 2 of epoch 2 is copied
    // away as the observer sees it, as if the run had stopped there.
    let whole = tempfile::tempdir().unwrap();
    let config = train_config(whole.path(), 2);
    let snapshot = whole.path().join("snapshot");
    let mut events = 0;
    let state_whole = train(&config, &validator(), &mut |e| {
        events += 1;
        if let TrainEvent::CheckpointSaved {
            path,
            epoch: 1,
            batch: 2,
            ..
        } = &e
        {
            copy_dir(path, &snapshot);
        }
    })
    .unwrap();
    assert!(events > 0 && snapshot.is_dir());

    let split = tempfile::tempdir().unwrap();
    let resume = TrainConfig {
        resume: true,
        ..train_config(split.path(), 2)
    };
    copy_dir(&snapshot, &resume.out.join("checkpoints/last"));
    let (state_split, events) = run(&resume, &validator());
    assert_eq!(kind(&events[0]), "data_read");
    let resumed = TrainEvent::Resumed {
        epoch: 1,
        batch: 2,
        step: 5,
    };
    assert_eq!(events[1], resumed);
    // One batch left in epoch 2.
    assert_eq!(events.iter().filter(|e| kind(e) == "batch_done").count(), 1);
    assert_same_end((&state_whole, whole.path()), (&state_split, split.path()));
}

#[test]
fn more_epochs_after_a_finished_run_continue_it() {
    let whole = tempfile::tempdir().unwrap();
    let (state_whole, _) = run(&train_config(whole.path(), 2), &validator());
    let split = tempfile::tempdir().unwrap();
    run(&train_config(split.path(), 1), &validator());
    let resume = TrainConfig {
        resume: true,
        ..train_config(split.path(), 2)
    };
    let (state_split, events) = run(&resume, &validator());
    let resumed = TrainEvent::Resumed {
        epoch: 1,
        batch: 0,
        step: 3,
    };
    assert_eq!(events[1], resumed);
    assert_same_end((&state_whole, whole.path()), (&state_split, split.path()));
}

#[test]
fn validator_errors_stop_training() {
    let dir = tempfile::tempdir().unwrap();
    let config = train_config(dir.path(), 1);
    let failing = |_: &SummaRuNNer| -> nutgraf_summarunner::Result<RougeF> {
        Err(ModelError::Validation("no references".into()))
    };
    let err = train(&config, &failing, &mut |_| {}).unwrap_err();
    assert!(matches!(err, ModelError::Validation(_)), "{err:?}");
    assert!(!config.out.join("model.safetensors").exists());
}

#[test]
fn word_vectors_set_the_embedding_size_and_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let vectors = dir.path().join("vectors.txt");
    // A word2vec header, two vocabulary words and one the corpus lacks.
    std::fs::write(&vectors, "3 3\nstorm 1 0 0\ncoast 0 1 0\nzebra 0 0 1\n").unwrap();
    let config = TrainConfig {
        word_vectors: Some(vectors.clone()),
        ..train_config(dir.path(), 1)
    };
    let (_, events) = run(&config, &validator());
    let read = events.iter().find_map(|e| match e {
        TrainEvent::WordVectorsRead {
            path,
            dim,
            words,
            vocabulary,
        } => Some((path.clone(), *dim, *words, *vocabulary)),
        _ => None,
    });
    let (path, dim, words, vocabulary) = read.expect("a word_vectors_read event");
    assert_eq!((path, dim, words), (vectors, 3, 2));
    assert!(vocabulary > 10, "{vocabulary}");
    let saved = SummaRuNNer::load(&config.out).unwrap();
    assert_eq!(saved.config().embedding_dim, 3);

    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "storm 1 0 0\ncoast 0 1\n").unwrap();
    let err = train(
        &TrainConfig {
            word_vectors: Some(bad),
            out: dir.path().join("bad-model"),
            ..train_config(dir.path(), 1)
        },
        &validator(),
        &mut |_| {},
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("bad.txt:2") && err.contains("expected 3"),
        "{err}"
    );
}
