//! The synthetic benchmark set (`shared/golden/synth/`, 10,000 pairs of ~60 words, paper flags):
//! all 60,000 per-document values and the corpus block of ROUGE-1.5.5, plus a timing run.
//!
//! Timing (release, one thread):
//! `RAYON_NUM_THREADS=1 cargo test --release -p nutgraf-eval --test perl_synth -- --ignored --nocapture`

mod perl_util;

use std::time::Instant;

use nutgraf_eval::perl::{pyrouge_eval_ids, DocScores, EvalIds, PerlConfig};
use perl_util::{config_of, json, pairs, Tally};

#[test]
fn synth_golden() {
    let golden = json("synth/rouge155.m.w.synth.json.gz");
    let rouge = config_of(golden["command"].as_str().expect("command"))
        .build()
        .expect("build");
    assert_eq!(rouge.config(), &PerlConfig::paper());
    let pairs = pairs("synth");
    let per_doc = golden["per_doc"].as_array().expect("per_doc");
    assert_eq!(per_doc.len(), pairs.len());
    let docs: Vec<DocScores> = rouge
        .score_batch(&pairs)
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|e| panic!("synth doc {i}: {e}")))
        .collect();
    let ids = pyrouge_eval_ids(pairs.len());
    let mut tally = Tally::default();
    for (i, (want, got)) in per_doc.iter().zip(&docs).enumerate() {
        assert_eq!(
            want["eval_id"].as_str(),
            Some(ids[i].as_str()),
            "synth doc {i}: EVAL ID"
        );
        tally.doc(i, &want["scores"], got);
    }
    let corpus = rouge.corpus(&docs, EvalIds::Pyrouge).expect("corpus");
    tally.corpus(&golden["corpus"], &corpus);
    tally.finish("rouge155.m.w.synth.json.gz");
}

/// CPU seconds (user + system) of this process so far, from `/proc/self/stat` (Linux; `None`
/// elsewhere). Unlike wall time it does not count waiting for a busy machine's cores.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Scores the 10,000 pairs with the paper flags and prints the time (run it in release).
#[test]
#[ignore = "timing; run with --release -- --ignored --nocapture"]
fn synth_timing() {
    let pairs = pairs("synth");
    let rouge = PerlConfig::paper().build().expect("build");
    let threads = rayon::current_num_threads();
    for round in 0..3 {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let docs: Vec<DocScores> = rouge
            .score_batch(&pairs)
            .into_iter()
            .map(|r| r.expect("score"))
            .collect();
        let scored = t.elapsed();
        let cpu = cpu.zip(cpu_seconds()).map_or(f64::NAN, |(a, b)| b - a);
        let t = Instant::now();
        let corpus = rouge.corpus(&docs, EvalIds::Pyrouge).expect("corpus");
        let boot = t.elapsed();
        let r1 = corpus.get("ROUGE-1").expect("ROUGE-1").recall.average;
        println!(
            "round {round}: {} pairs scored in {:.3} s ({cpu:.2} s CPU), bootstrap (-r 1000, 6 metrics) {:.3} s, {threads} thread(s); ROUGE-1 R {r1:.5}",
            docs.len(),
            scored.as_secs_f64(),
            boot.as_secs_f64()
        );
    }
}
