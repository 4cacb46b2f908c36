//! The shipped MiniLM weights (`models/minilm`, f16) against sentence-transformers' embeddings
//! recorded from the original f32 weights (`scripts/encoder-reference.py`), determinism at any
//! thread count and batching, and errors that name the file at fault.

use std::path::{Path, PathBuf};
use std::process::Command;

use nutgraf_encoder::{Encoder, EncoderError, EncoderOptions};
use serde_json::Value;

fn model_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/minilm")
}

fn encoder(max_tokens: usize, batch_size: usize) -> Encoder {
    let options = EncoderOptions {
        max_tokens,
        batch_size,
    };
    Encoder::load(&model_dir(), options).unwrap()
}

fn reference() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/minilm-reference.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| f64::from(*x) * f64::from(*y))
        .sum();
    let n = |v: &[f32]| v.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    dot / (n(a) * n(b))
}

#[test]
fn embeddings_match_sentence_transformers() {
    for run in reference()["runs"].as_array().unwrap() {
        let max_tokens = run["max_tokens"].as_u64().unwrap() as usize;
        let sentences: Vec<&str> = run["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let encoder = encoder(max_tokens, 32);
        let got = encoder.embed(&sentences).unwrap();
        for (i, (v, want)) in got
            .iter()
            .zip(run["embeddings"].as_array().unwrap())
            .enumerate()
        {
            let want: Vec<f32> = want
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap() as f32)
                .collect();
            assert_eq!(v.len(), 384);
            let tokens = run["tokens"][i].as_u64().unwrap() as usize;
            assert_eq!(encoder.token_count(sentences[i]).unwrap(), tokens, "{i}");
            // f16 weights against sentence-transformers' f32 computation.
            let c = cosine(v, &want);
            assert!(
                c > 0.99999,
                "max_tokens {max_tokens}, sentence {i}: cosine {c}"
            );
            let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-5, "{norm}");
        }
        // A cut sentence differs from the same sentence uncut (the long one has 184 tokens).
        if max_tokens == 128 {
            let full = self::encoder(256, 32).embed(&sentences[6..]).unwrap();
            assert!(cosine(&full[0], &got[6]) < 0.9999);
        }
    }
}

/// Hex of every embedding's bits, for the thread-count comparison below.
fn fingerprint(batch_size: usize) -> String {
    let sentences = reference()["runs"][0]["sentences"].clone();
    let sentences: Vec<String> = serde_json::from_value(sentences).unwrap();
    let vectors = encoder(256, batch_size).embed(&sentences).unwrap();
    vectors
        .iter()
        .flatten()
        .map(|x| format!("{:08x}", x.to_bits()))
        .collect()
}

/// Run by the next test in child processes with different thread counts: batches of 2 and of
/// 32, so that several batches run side by side and one batch alone.
#[test]
#[ignore]
fn print_fingerprint() {
    println!("FINGERPRINT {} {}", fingerprint(2), fingerprint(32));
}

#[test]
fn embeddings_are_identical_at_any_thread_count() {
    let exe = std::env::current_exe().unwrap();
    let run = |threads: &str| {
        let out = Command::new(&exe)
            .args(["--exact", "print_fingerprint", "--ignored", "--nocapture"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let line = stdout
            .lines()
            .find(|l| l.starts_with("FINGERPRINT "))
            .unwrap_or_else(|| panic!("{stdout}{}", String::from_utf8_lossy(&out.stderr)));
        line.to_string()
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("3"));
}

#[test]
fn batching_changes_nothing_but_rounding() {
    let sentences: Vec<String> =
        serde_json::from_value(reference()["runs"][0]["sentences"].clone()).unwrap();
    let whole = encoder(256, 32).embed(&sentences).unwrap();
    let single = encoder(256, 1).embed(&sentences).unwrap();
    for (a, b) in whole.iter().zip(&single) {
        assert!(cosine(a, b) > 0.9999999, "{}", cosine(a, b));
    }
    assert!(encoder(256, 32).embed::<&str>(&[]).unwrap().is_empty());
}

/// A copy of the model directory with one file replaced.
fn broken(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["config.json", "model.safetensors", "tokenizer.json"] {
        let to = dir.path().join(name);
        if name == file {
            std::fs::write(to, bytes).unwrap();
        } else {
            std::os::unix::fs::symlink(model_dir().join(name), to).unwrap();
        }
    }
    dir
}

#[test]
fn loading_errors_name_the_file() {
    let options = EncoderOptions::default();
    let missing = Encoder::load(Path::new("/nonexistent/minilm"), options).unwrap_err();
    assert!(matches!(missing, EncoderError::Io { .. }), "{missing}");
    assert!(
        missing
            .to_string()
            .contains("/nonexistent/minilm/config.json"),
        "{missing}"
    );
    let config = std::fs::read_to_string(model_dir().join("config.json")).unwrap();
    let cases = [
        ("config.json", b"{not json".to_vec()),
        ("model.safetensors", b"\x08\0\0\0\0\0\0\0{}".to_vec()),
        ("model.safetensors", vec![0u8; 3]),
        ("tokenizer.json", b"[]".to_vec()),
        // A config the weights do not fit.
        (
            "config.json",
            config
                .replace("\"hidden_size\": 384", "\"hidden_size\": 256")
                .into_bytes(),
        ),
    ];
    for (file, bytes) in cases {
        let dir = broken(file, &bytes);
        let err = Encoder::load(dir.path(), options).unwrap_err();
        assert!(matches!(err, EncoderError::Invalid { .. }), "{file}: {err}");
        assert!(err.to_string().contains(file), "{file}: {err}");
    }
    let bad = EncoderOptions {
        max_tokens: 1,
        ..options
    };
    assert!(Encoder::load(&model_dir(), bad).is_err());
}
