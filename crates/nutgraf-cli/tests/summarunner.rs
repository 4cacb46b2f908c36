//! `--method summarunner` with the shipped model and with `--model`, and `nutgraf train`.

mod util;

use serde_json::Value;
use util::{example, nutgraf, repo, shared, write, Run};

/// `nutgraf summarize EXAMPLE --method summarunner EXTRA...`.
fn summarunner(extra: &[&str]) -> Run {
    let ex = example();
    let mut args = vec!["summarize", ex.to_str().unwrap(), "--method", "summarunner"];
    args.extend_from_slice(extra);
    nutgraf(&args)
}

fn indices(stdout: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(stdout.trim()).unwrap();
    v["indices"].as_array().unwrap().clone()
}

#[test]
fn the_shipped_model_summarizes_the_example_with_probabilities() {
    let run = summarunner(&["-o", "json"]).expect_code(0);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["method"], "summarunner");
    assert_eq!(v["config"]["model"], "embedded");
    let sentences = v["sentences"].as_array().unwrap();
    let selected: Vec<usize> = sentences
        .iter()
        .filter(|s| s["selected"].as_bool().unwrap())
        .map(|s| s["index"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(selected.len(), 3);
    let p = |i: usize| sentences[i]["score"].as_f64().unwrap();
    assert!((0..sentences.len()).all(|i| (0.0..=1.0).contains(&p(i))));
    // The three selected sentences are the three most probable ones.
    let lowest_selected = selected.iter().map(|&i| p(i)).fold(f64::INFINITY, f64::min);
    assert!((0..sentences.len())
        .filter(|i| !selected.contains(i))
        .all(|i| p(i) <= lowest_selected));
}

#[test]
fn model_dir_given_explicitly_is_loaded() {
    let dir = repo().join("models/summarunner");
    let a = summarunner(&["-o", "jsonl"]).expect_code(0);
    let b = summarunner(&["--model", dir.to_str().unwrap(), "-o", "jsonl"]).expect_code(0);
    // The same files unless a training run rewrote them after the build.
    assert_eq!(indices(&a.stdout).len(), 3);
    assert_eq!(indices(&b.stdout).len(), 3);
}

#[test]
fn a_corrupt_model_dir_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let src = repo().join("models/summarunner");
    for f in ["config.json", "vocab.json"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    write(&dir, "model.safetensors", b"not a safetensors file");
    let run = summarunner(&["--model", dir.path().to_str().unwrap()]);
    assert_ne!(run.code, 0);
    let msg = &run.stderr;
    assert!(
        msg.contains("cannot load the model") && msg.contains("model.safetensors"),
        "{msg}"
    );
    let empty = tempfile::tempdir().unwrap();
    let run = summarunner(&["--model", empty.path().to_str().unwrap()]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("cannot load the model"),
        "{}",
        run.stderr
    );
    // A file instead of a directory: one clear line, not the OS error twice.
    let file = write(&dir, "file.bin", b"x");
    let run = summarunner(&["--model", &file]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("is a file; a model is a directory"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn model_goes_only_with_summarunner() {
    let ex = example();
    let run = nutgraf(&[
        "summarize",
        ex.to_str().unwrap(),
        "--method",
        "lead",
        "--model",
        "x",
    ]);
    assert_ne!(run.code, 0);
    let msg = &run.stderr;
    assert!(
        msg.contains("--model applies to summarunner, not to --method lead"),
        "{msg}"
    );
}

#[test]
fn train_writes_a_model_that_summarize_loads() {
    let out = tempfile::tempdir().unwrap();
    let train = shared().join("data/cnndm/train.jsonl.gz");
    let valid = shared().join("data/cnndm/validation.jsonl.gz");
    let model_dir = out.path().join("model");
    let out_dir = model_dir.to_str().unwrap();
    let vectors = out.path().join("vectors.txt");
    std::fs::write(&vectors, "the 1 0 0\nsaid 0 1 0\nnot-a-corpus-word 0 0 1\n").unwrap();
    #[rustfmt::skip]
    let run = nutgraf(&[
        "train", "--model", "summarunner",
        "--train", train.to_str().unwrap(), "--valid", valid.to_str().unwrap(), "--out", out_dir,
        "--epochs", "1", "--batch-size", "4", "--max-train-docs", "16", "--max-valid-docs", "8",
        "--vocab-size", "500", "--dropout", "0.3", "--word-vectors", vectors.to_str().unwrap(),
    ])
    .expect_code(0);
    assert!(run.stderr.contains("training done"), "{}", run.stderr);
    assert!(
        run.stderr.contains("gave 3-dimensional vectors to 2 of "),
        "{}",
        run.stderr
    );
    for f in ["model.safetensors", "config.json", "vocab.json"] {
        assert!(model_dir.join(f).is_file(), "{f} missing");
    }
    let config = std::fs::read(model_dir.join("config.json")).unwrap();
    let config: serde_json::Value = serde_json::from_slice(&config).unwrap();
    assert_eq!(config["embedding_dim"], 3);
    assert_eq!(
        config["dropout"].as_f64().map(|d| (d * 10.0).round()),
        Some(3.0)
    );
    let s = summarunner(&["--model", out_dir, "-o", "jsonl"]).expect_code(0);
    assert_eq!(indices(&s.stdout).len(), 3);
}
