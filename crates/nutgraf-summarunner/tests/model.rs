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

/// Scores as bits: `==` on floats would take -0 for 0 and never match NaN.
fn bits(scores: &[Vec<f64>]) -> Vec<Vec<u64>> {
    scores
        .iter()
        .map(|s| s.iter().map(|p| p.to_bits()).collect())
        .collect()
}

/// `score_all` on a rayon pool of `threads` threads.
fn score_on(threads: usize, model: &SummaRuNNer, docs: &[Document]) -> Vec<Vec<f64>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| model.score_all(docs, 2).unwrap())
}

#[test]
fn inference_is_bit_identical_across_calls_loads_and_threads() {
    for variant in VARIANTS {
        let model = SummaRuNNer::random(&config(variant), vocab(), 5).unwrap();
        let docs = docs();
        let single: Vec<Vec<f64>> = docs.iter().map(|d| model.score(d).unwrap()).collect();
        assert!(
            single.iter().flatten().any(|&p| p != single[0][0]),
            "constant scores"
        );
        let want = bits(&single);
        let again: Vec<Vec<f64>> = docs.iter().map(|d| model.score(d).unwrap()).collect();
        assert_eq!(bits(&again), want, "{variant:?}: second call");
        // Two loads of the saved model.
        let dir = tempfile::tempdir().unwrap();
        model.save(dir.path()).unwrap();
        for load in 0..2 {
            let loaded = SummaRuNNer::load(dir.path()).unwrap();
            let scores: Vec<Vec<f64>> = docs.iter().map(|d| loaded.score(d).unwrap()).collect();
            assert_eq!(bits(&scores), want, "{variant:?}: load {load}");
        }
        // Threads sharing one model.
        let threaded: Vec<Vec<Vec<f64>>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| docs.iter().map(|d| model.score(d).unwrap()).collect()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(
            threaded.iter().all(|t| bits(t) == want),
            "{variant:?}: threads"
        );
        // A corpus in batches: the same on 1 and 2 rayon threads, bit for bit.
        let one = score_on(1, &model, &docs);
        assert_eq!(
            bits(&score_on(2, &model, &docs)),
            bits(&one),
            "{variant:?}: rayon"
        );
        // Batching pads documents; the padding must not leak into real sentences (batched
        // products sum in another order, hence a tolerance).
        let batched = model.score_batch(&docs).unwrap();
        for scores in [&batched, &one] {
            for (a, b) in scores.iter().flatten().zip(single.iter().flatten()) {
                assert!(
                    (a - b).abs() < 1e-5,
                    "{variant:?}: batched {a} vs single {b}"
                );
            }
        }
    }
}

#[test]
fn shipped_model_is_bit_identical_across_loads_and_threads() {
    // 64 validation documents of real news; skipped without a shipped model or the data.
    let Ok(model) = SummaRuNNer::embedded() else {
        return;
    };
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/cnndm/validation.jsonl.gz");
    if !path.is_file() {
        return;
    }
    let docs = nutgraf_summarunner::data::read_documents(&path, Some(64)).unwrap();
    let want = bits(&score_on(1, &model, &docs));
    assert_eq!(bits(&score_on(2, &model, &docs)), want);
    let reloaded = SummaRuNNer::embedded().unwrap();
    assert_eq!(bits(&score_on(2, &reloaded, &docs)), want);
    let single: Vec<Vec<f64>> = docs.iter().map(|d| model.score(d).unwrap()).collect();
    let again: Vec<Vec<f64>> = docs.iter().map(|d| reloaded.score(d).unwrap()).collect();
    assert_eq!(bits(&again), bits(&single));
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
