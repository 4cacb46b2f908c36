//! Inference: shapes, determinism, edge cases, save → load, embedded model.

mod common;

use common::{config, docs, vocab};
use nutgraf_core::Document;
use nutgraf_summarunner::{ModelError, SummaRuNNer, Variant};

const VARIANTS: [Variant; 3] = [Variant::RnnRnn, Variant::CnnRnn, Variant::AttnRnn];

#[test]
fn every_variant_scores_every_sentence_with_probabilities() {
    for variant in VARIANTS {
        let model = SummaRuNNer::random(&config(variant), vocab(), 3).unwrap();
        for doc in docs() {
            let scores = model.score(&doc).unwrap();
            assert_eq!(scores.len(), doc.len(), "{variant:?}");
            assert!(scores
                .iter()
                .all(|p| p.is_finite() && *p > 0.0 && *p < 1.0 || *p == 0.0));
        }
    }
}

#[test]
fn sentences_past_the_limit_score_zero() {
    let model = SummaRuNNer::random(&config(Variant::RnnRnn), vocab(), 3).unwrap();
    let doc = &docs()[3]; // 8 sentences, max_sentences = 6
    let scores = model.score(doc).unwrap();
    assert_eq!(scores.len(), 8);
    assert!(scores[..6].iter().all(|&p| p > 0.0));
    assert_eq!(&scores[6..], &[0.0, 0.0]);
}

#[test]
fn empty_document_gives_empty_scores() {
    let model = SummaRuNNer::random(&config(Variant::RnnRnn), vocab(), 3).unwrap();
    let empty = Document::from_sentences(Vec::<String>::new());
    assert!(model.score(&empty).unwrap().is_empty());
    // An empty document inside a batch keeps its slot.
    let mut batch = docs();
    batch.insert(1, empty);
    let scores = model.score_batch(&batch).unwrap();
    assert_eq!(
        scores.iter().map(Vec::len).collect::<Vec<_>>(),
        [3, 0, 3, 2, 8]
    );
}

#[test]
fn inference_is_deterministic_across_calls_batches_and_threads() {
    for variant in VARIANTS {
        let model = SummaRuNNer::random(&config(variant), vocab(), 5).unwrap();
        let docs = docs();
        let single: Vec<Vec<f64>> = docs.iter().map(|d| model.score(d).unwrap()).collect();
        let again: Vec<Vec<f64>> = docs.iter().map(|d| model.score(d).unwrap()).collect();
        assert_eq!(single, again);
        let threaded: Vec<Vec<Vec<f64>>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        docs.iter()
                            .map(|d| model.score(d).unwrap())
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(threaded.iter().all(|t| *t == single));
        // Batched scoring pads documents; the padding must not leak into real sentences.
        let batched = model.score_batch(&docs).unwrap();
        for (a, b) in batched.iter().flatten().zip(single.iter().flatten()) {
            assert!(
                (a - b).abs() < 1e-5,
                "{variant:?}: batched {a} vs single {b}"
            );
        }
    }
}

#[test]
fn model_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<SummaRuNNer>();
}

#[test]
fn embedded_model_loads_or_says_not_shipped() {
    match SummaRuNNer::embedded() {
        Ok(model) => {
            let doc = Document::from_sentences(["The storm hit the coast.", "Power was cut."]);
            let scores = model.score(&doc).unwrap();
            assert_eq!(scores.len(), 2);
            assert!(scores.iter().all(|p| p.is_finite()));
        }
        Err(ModelError::NotShipped) => {}
        Err(e) => panic!("embedded model is broken: {e}"),
    }
}
