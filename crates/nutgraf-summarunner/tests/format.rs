//! The on-disk format: save → load round trip and typed loading errors.

mod common;

use std::path::Path;

use common::{config, docs, vocab};
use nutgraf_summarunner::{
    ModelConfig, ModelError, SummaRuNNer, Variant, Vocab, CONFIG_FILE, VOCAB_FILE, WEIGHTS_FILE,
};

fn saved(dir: &Path, variant: Variant) -> SummaRuNNer {
    let model = SummaRuNNer::random(&config(variant), vocab(), 11).unwrap();
    model.save(dir).unwrap();
    model
}

#[test]
fn save_then_load_gives_identical_scores() {
    for variant in [Variant::RnnRnn, Variant::CnnRnn, Variant::AttnRnn] {
        let dir = tempfile::tempdir().unwrap();
        let model = saved(dir.path(), variant);
        let loaded = SummaRuNNer::load(dir.path()).unwrap();
        assert_eq!(loaded.config(), model.config());
        for doc in docs() {
            assert_eq!(loaded.score(&doc).unwrap(), model.score(&doc).unwrap());
        }
    }
}

#[test]
fn missing_file_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), Variant::RnnRnn);
    std::fs::remove_file(dir.path().join(VOCAB_FILE)).unwrap();
    match SummaRuNNer::load(dir.path()) {
        Err(ModelError::MissingFile { path }) => assert!(path.ends_with(VOCAB_FILE)),
        other => panic!("expected MissingFile, got {other:?}"),
    }
    assert!(matches!(
        SummaRuNNer::load(dir.path().join("nope")),
        Err(ModelError::MissingFile { .. })
    ));
}

#[test]
fn truncated_or_garbage_weights_are_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), Variant::RnnRnn);
    let path = dir.path().join(WEIGHTS_FILE);
    let bytes = std::fs::read(&path).unwrap();
    for cut in [bytes.len() / 2, 12, 3, 0] {
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let err = SummaRuNNer::load(dir.path()).unwrap_err();
        assert!(
            matches!(err, ModelError::Corrupt { .. }),
            "cut at {cut}: {err:?}"
        );
        assert!(err.to_string().contains(WEIGHTS_FILE));
    }
    std::fs::write(
        &path,
        b"definitely not safetensors, but long enough to have a header",
    )
    .unwrap();
    assert!(matches!(
        SummaRuNNer::load(dir.path()),
        Err(ModelError::Corrupt { .. })
    ));
}

#[test]
fn wrong_version_is_its_own_error() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), Variant::RnnRnn);
    let path = dir.path().join(CONFIG_FILE);
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    value["format_version"] = 2.into();
    std::fs::write(&path, value.to_string()).unwrap();
    assert!(matches!(
        SummaRuNNer::load(dir.path()),
        Err(ModelError::Version {
            found: 2,
            expected: 1,
            ..
        })
    ));
    std::fs::write(&path, "{ not json").unwrap();
    assert!(matches!(
        SummaRuNNer::load(dir.path()),
        Err(ModelError::Corrupt { .. })
    ));
}

#[test]
fn weights_that_do_not_fit_the_config_are_shape_errors() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), Variant::RnnRnn);
    // Same weights, config claims a bigger hidden size.
    let bigger = ModelConfig {
        hidden: 7,
        ..config(Variant::RnnRnn)
    };
    std::fs::write(
        dir.path().join(CONFIG_FILE),
        serde_json::to_string(&bigger).unwrap(),
    )
    .unwrap();
    match SummaRuNNer::load(dir.path()) {
        Err(ModelError::Shape {
            expected, found, ..
        }) => assert_ne!(expected, found),
        other => panic!("expected Shape, got {other:?}"),
    }
    // Weights of another variant: a tensor the config needs is missing.
    let cnn = config(Variant::CnnRnn);
    std::fs::write(
        dir.path().join(CONFIG_FILE),
        serde_json::to_string(&cnn).unwrap(),
    )
    .unwrap();
    assert!(matches!(
        SummaRuNNer::load(dir.path()),
        Err(ModelError::MissingTensor { .. })
    ));
    // A vocabulary of the wrong size.
    std::fs::write(
        dir.path().join(CONFIG_FILE),
        serde_json::to_string(&config(Variant::RnnRnn)).unwrap(),
    )
    .unwrap();
    let small = Vocab::new(["a".to_string()]).unwrap();
    std::fs::write(dir.path().join(VOCAB_FILE), small.to_json()).unwrap();
    assert!(matches!(
        SummaRuNNer::load(dir.path()),
        Err(ModelError::Shape { .. })
    ));
}

#[test]
fn non_finite_weights_are_refused_naming_the_tensor() {
    use candle_core::{DType, Device, Tensor};
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), Variant::RnnRnn);
    let path = dir.path().join(WEIGHTS_FILE);
    let clean = candle_core::safetensors::load(&path, &Device::Cpu).unwrap();
    let shape = clean["doc.weight"].dims().to_vec();
    let count: usize = shape.iter().product();
    // Two bad values (NaN, +inf), in f32 and as f16 (widened on load: inf stays inf).
    for (bad, dtype) in [(f32::NAN, DType::F32), (f32::INFINITY, DType::F16)] {
        let mut values = vec![0.5f32; count];
        values[1] = bad;
        values[count - 1] = f32::NEG_INFINITY;
        let poisoned = Tensor::from_vec(values, shape.as_slice(), &Device::Cpu)
            .unwrap()
            .to_dtype(dtype)
            .unwrap();
        let mut tensors = clean.clone();
        tensors.insert("doc.weight".to_string(), poisoned);
        candle_core::safetensors::save(&tensors, &path).unwrap();
        let err = SummaRuNNer::load(dir.path()).unwrap_err();
        match &err {
            ModelError::NonFinite { tensor, count } => {
                assert_eq!((tensor.as_str(), *count), ("doc.weight", 2), "{dtype:?}")
            }
            other => panic!("{dtype:?}: expected NonFinite, got {other:?}"),
        }
        assert!(err.to_string().contains("doc.weight"), "{err}");
        let read = |f: &str| std::fs::read(dir.path().join(f)).unwrap();
        let bytes =
            SummaRuNNer::from_bytes(&read(CONFIG_FILE), &read(VOCAB_FILE), &read(WEIGHTS_FILE));
        assert!(
            matches!(bytes, Err(ModelError::NonFinite { .. })),
            "{bytes:?}"
        );
    }
    // The clean weights load again.
    candle_core::safetensors::save(&clean, &path).unwrap();
    SummaRuNNer::load(dir.path()).unwrap();
}
