//! The google flavour against rouge-score 0.1.2's own outputs in `shared/golden`: every
//! precision, recall and F of every document, to 1e-12, and the stemmer against the stem table.

use std::io::Read;
use std::path::PathBuf;

use nutgraf_eval::google::{mean, porter, Metric, RougeScorer, Scores};
use nutgraf_eval::input::{parse_lines, Summary, DEFAULT_SEPARATOR};
use serde_json::Value;

const TOLERANCE: f64 = 1e-12;

fn golden(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/golden")
        .join(rel)
}

fn read_bytes(rel: &str) -> Vec<u8> {
    let path = golden(rel);
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if rel.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out
    } else {
        raw
    }
}

fn summaries(rel: &str) -> Vec<Summary> {
    parse_lines(&read_bytes(rel), DEFAULT_SEPARATOR)
}

fn json(rel: &str) -> Value {
    serde_json::from_slice(&read_bytes(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn value(v: &Value, metric: Metric, key: &str) -> f64 {
    v[metric.to_string()][key]
        .as_f64()
        .unwrap_or_else(|| panic!("missing {metric}.{key}"))
}

/// Compares one scores vector with a golden `{metric: {precision, recall, fmeasure}}` object;
/// returns the number of mismatching values and prints the first few.
fn compare(doc: usize, ours: &Scores, want: &Value, shown: &mut usize) -> usize {
    let mut bad = 0;
    for &(metric, s) in ours {
        for (key, got) in [
            ("precision", s.precision),
            ("recall", s.recall),
            ("fmeasure", s.f),
        ] {
            let expected = value(want, metric, key);
            if (got - expected).abs() > TOLERANCE {
                bad += 1;
                if *shown < 10 {
                    *shown += 1;
                    eprintln!("doc {doc} {metric}.{key}: ours {got:e} rouge-score {expected:e}");
                }
            }
        }
    }
    bad
}

/// Scores every pair of `set` and checks it against `rouge_score.<variant>.<set>.json`.
fn check(set_cand: &str, set_ref: &str, gold: &str, stem: bool) {
    let cands = summaries(set_cand);
    let refs = summaries(set_ref);
    let gold = json(gold);
    let per_doc = gold["per_doc"].as_array().expect("per_doc");
    assert_eq!(cands.len(), per_doc.len(), "candidate count");
    assert_eq!(refs.len(), per_doc.len(), "reference count");

    let scorer = RougeScorer::builder()
        .stem(stem)
        .build()
        .expect("default metrics");
    let results = scorer.score_batch(&cands, &refs).expect("equal counts");
    let (mut bad, mut shown) = (0, 0);
    for (i, (ours, want)) in results.iter().zip(per_doc).enumerate() {
        assert_eq!(want["index"].as_u64(), Some(i as u64));
        bad += compare(i, ours, want, &mut shown);
    }
    let total = results.len() * 4 * 3;
    eprintln!(
        "{gold_name}: {}/{total} values match",
        total - bad,
        gold_name = set_cand
    );
    assert_eq!(bad, 0, "{bad} of {total} values differ from rouge-score");

    let mean_bad = compare(usize::MAX, &mean(&results), &gold["mean"], &mut shown);
    assert_eq!(mean_bad, 0, "corpus mean differs");
}

#[test]
fn tricky_stem() {
    check(
        "rouge/tricky.cand.txt",
        "rouge/tricky.ref.txt",
        "rouge/rouge_score.stem.tricky.json",
        true,
    );
}

#[test]
fn tricky_nostem() {
    check(
        "rouge/tricky.cand.txt",
        "rouge/tricky.ref.txt",
        "rouge/rouge_score.nostem.tricky.json",
        false,
    );
}

#[test]
fn news_stem() {
    check(
        "rouge/news.cand.txt",
        "rouge/news.ref.txt",
        "rouge/rouge_score.stem.news.json",
        true,
    );
}

#[test]
fn news_nostem() {
    check(
        "rouge/news.cand.txt",
        "rouge/news.ref.txt",
        "rouge/rouge_score.nostem.news.json",
        false,
    );
}

#[test]
fn synth_stem() {
    check(
        "synth/synth.cand.txt.gz",
        "synth/synth.ref.txt.gz",
        "synth/rouge_score.stem.synth.json.gz",
        true,
    );
}

#[test]
fn stem_table_rouge_score_column() {
    let table = String::from_utf8(read_bytes("rouge/stem_table.tsv")).expect("UTF-8 table");
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let col = header
        .iter()
        .position(|h| *h == "rouge_score_stem")
        .expect("rouge_score_stem column");
    let (mut total, mut bad) = (0, 0);
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let (token, want) = (fields[0], fields[col]);
        // rouge-score stems only tokens longer than 3 characters.
        let got = if token.len() > 3 {
            porter::stem(token)
        } else {
            token.to_owned()
        };
        total += 1;
        if got != want {
            bad += 1;
            if bad <= 20 {
                eprintln!("{token}: ours {got}, rouge-score {want}");
            }
        }
    }
    eprintln!("stem table: {}/{total} rows match", total - bad);
    assert_eq!(total, 75_826);
    assert_eq!(bad, 0);
}
