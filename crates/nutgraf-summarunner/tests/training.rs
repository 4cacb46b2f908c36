//! Training: a tiny overfit to 100% label accuracy, and exact resumption from a checkpoint.

mod common;

use common::{config, docs, vocab};
use nutgraf_summarunner::{Example, ModelConfig, OptimizerOptions, Trainer, Variant};

fn labelled(config: &ModelConfig) -> Vec<Example> {
    let labels: [&[f32]; 4] = [
        &[1.0, 0.0, 1.0],
        &[0.0, 1.0, 0.0],
        &[0.0, 1.0],
        &[1.0, 0.0, 0.0, 1.0, 0.0, 1.0],
    ];
    docs()
        .iter()
        .zip(labels)
        .map(|(d, l)| {
            let mut e = Example::from_document(d, &vocab(), config);
            e.labels = l.to_vec();
            e
        })
        .collect()
}

fn accuracy(trainer: &Trainer, examples: &[Example]) -> f64 {
    let model = trainer.model().unwrap();
    let (mut right, mut total) = (0, 0);
    for (doc, e) in docs().iter().zip(examples) {
        let scores = model.score(doc).unwrap();
        for (p, &y) in scores.iter().zip(&e.labels) {
            right += usize::from((*p > 0.5) == (y > 0.5));
            total += 1;
        }
    }
    right as f64 / total as f64
}

#[test]
fn tiny_corpus_is_learned_to_full_accuracy() {
    for variant in [Variant::RnnRnn, Variant::CnnRnn, Variant::AttnRnn] {
        let config = config(variant);
        let examples = labelled(&config);
        let refs: Vec<&Example> = examples.iter().collect();
        let options = OptimizerOptions {
            lr: 0.02,
            clip: 5.0,
            seed: 3,
            ..OptimizerOptions::default()
        };
        let mut trainer = Trainer::new(&config, vocab(), options).unwrap();
        let before = trainer.loss(&refs).unwrap();
        let mut steps = 0;
        while accuracy(&trainer, &examples) < 1.0 && steps < 400 {
            for _ in 0..20 {
                trainer.step(&refs).unwrap();
            }
            steps += 20;
        }
        let after = trainer.loss(&refs).unwrap();
        assert_eq!(
            accuracy(&trainer, &examples),
            1.0,
            "{variant:?} after {steps} steps"
        );
        assert!(
            after < before * 0.5,
            "{variant:?}: loss {before} -> {after}"
        );
    }
}

#[test]
fn resuming_from_a_checkpoint_continues_exactly() {
    let config = ModelConfig {
        dropout: 0.3,
        ..config(Variant::RnnRnn)
    };
    let examples = labelled(&config);
    let refs: Vec<&Example> = examples.iter().collect();
    let options = OptimizerOptions {
        lr: 0.01,
        clip: 1.0,
        seed: 4,
        ..OptimizerOptions::default()
    };
    let mut a = Trainer::new(&config, vocab(), options).unwrap();
    for _ in 0..3 {
        a.step(&refs[..2]).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    a.save_checkpoint(dir.path()).unwrap();
    let mut b = Trainer::load_checkpoint(dir.path(), options).unwrap();
    assert_eq!(b.steps(), 3);
    for _ in 0..2 {
        assert_eq!(a.step(&refs).unwrap(), b.step(&refs).unwrap());
    }
    let (ma, mb) = (a.model().unwrap(), b.model().unwrap());
    for doc in docs() {
        assert_eq!(ma.score(&doc).unwrap(), mb.score(&doc).unwrap());
    }
}

#[test]
fn the_learning_rate_decays_by_epoch_and_must_be_positive() {
    let config = config(Variant::RnnRnn);
    let options = OptimizerOptions {
        lr: 0.01,
        lr_decay: 0.5,
        ..OptimizerOptions::default()
    };
    let mut trainer = Trainer::new(&config, vocab(), options).unwrap();
    assert_eq!(trainer.lr(), 0.01);
    trainer.set_epoch(2);
    assert_eq!(trainer.lr(), 0.0025);
    // A decayed step moves the weights less than a full one from the same start.
    let examples = labelled(&config);
    let refs: Vec<&Example> = examples.iter().collect();
    let moved = |epoch: usize| {
        let mut t = Trainer::new(&config, vocab(), options).unwrap();
        let before = t.loss(&refs).unwrap();
        t.set_epoch(epoch);
        t.step(&refs).unwrap();
        (before - t.loss(&refs).unwrap()).abs()
    };
    assert!(moved(3) < moved(0), "{} vs {}", moved(3), moved(0));
    for lr_decay in [0.0, -1.0, f64::NAN] {
        let bad = OptimizerOptions {
            lr_decay,
            ..options
        };
        assert!(Trainer::new(&config, vocab(), bad).is_err(), "{lr_decay}");
    }
}

#[test]
fn the_weight_average_starts_at_the_weights_and_then_lags_them() {
    let config = config(Variant::RnnRnn);
    let examples = labelled(&config);
    let refs: Vec<&Example> = examples.iter().collect();
    let options = OptimizerOptions {
        lr: 0.02,
        average: 0.9,
        ..OptimizerOptions::default()
    };
    let mut trainer = Trainer::new(&config, vocab(), options).unwrap();
    let scores = |m: nutgraf_summarunner::SummaRuNNer| -> Vec<f64> {
        docs().iter().flat_map(|d| m.score(d).unwrap()).collect()
    };
    trainer.step(&refs).unwrap();
    // After one step the bias-corrected average is that step's weights.
    let (last, average) = (
        scores(trainer.model().unwrap()),
        scores(trainer.final_model().unwrap()),
    );
    for (a, b) in last.iter().zip(&average) {
        assert!((a - b).abs() < 1e-5, "{a} vs {b}");
    }
    for _ in 0..5 {
        trainer.step(&refs).unwrap();
    }
    let (last, average) = (
        scores(trainer.model().unwrap()),
        scores(trainer.final_model().unwrap()),
    );
    assert!(last.iter().zip(&average).any(|(a, b)| (a - b).abs() > 1e-4));
    for average in [1.0, -0.1, f64::NAN] {
        let bad = OptimizerOptions { average, ..options };
        assert!(Trainer::new(&config, vocab(), bad).is_err(), "{average}");
    }
}

#[test]
fn pretrained_rows_replace_the_embedding_and_nothing_else() {
    let config = config(Variant::RnnRnn);
    let mut trainer = Trainer::new(&config, vocab(), OptimizerOptions::default()).unwrap();
    let embedding = |t: &Trainer| -> Vec<Vec<f32>> {
        let dir = tempfile::tempdir().unwrap();
        t.model().unwrap().save(dir.path()).unwrap();
        let tensors = candle_core::safetensors::load(
            dir.path().join(nutgraf_summarunner::WEIGHTS_FILE),
            &candle_core::Device::Cpu,
        )
        .unwrap();
        tensors["embedding"].to_vec2().unwrap()
    };
    let before = embedding(&trainer);
    let storm = vocab().id("storm");
    let row: Vec<f32> = (0..config.embedding_dim).map(|i| i as f32 - 2.5).collect();
    trainer.set_embedding_rows(&[(storm, row.clone())]).unwrap();
    let after = embedding(&trainer);
    for (id, (b, a)) in before.iter().zip(&after).enumerate() {
        if id == storm as usize {
            assert_eq!(a, &row);
        } else {
            assert_eq!(a, b, "row {id}");
        }
    }
    let short = vec![0.0; config.embedding_dim - 1];
    assert!(trainer.set_embedding_rows(&[(storm, short)]).is_err());
    let outside = (config.vocab_size as u32, row);
    assert!(trainer.set_embedding_rows(&[outside]).is_err());
}
