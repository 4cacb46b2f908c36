//! Throughput of every summarization method, for `scripts/bench-summarize.sh`.
//!
//! ```text
//! cargo run --release -p nutgraf --example bench_methods -- SENTENCES.jsonl [--methods a,b] [--threads N] [--budget 3]
//! cargo run --release -p nutgraf --example bench_methods -- --scale 100000
//! ```
//!
//! The input has one `{"id": ..., "sentences": [...]}` record per line (already split into
//! sentences). Records are parsed up front; the timed work per document is what a user pays:
//! `Document::from_sentences`, analysis (tokenize, Snowball English stemming, stopword removal
//! with the analyzer's defaults), scoring and selection of 3 sentences. Each method is timed on
//! one thread and on a rayon pool of `--threads` threads (default: all cores), and prints one
//! tab-separated line:
//! `method  docs  secs_1  docs_per_s_1  secs_n  docs_per_s_n  threads  secs_m  docs_per_s_m`,
//! where the last two time the method alone (scoring + selection, one thread) on documents
//! analyzed beforehand, to separate the method's cost from the analyzer's. A first line
//! `analysis  docs  secs  docs_per_s` times `Document::from_sentences` + analysis alone.
//! The run checks its own output (every non-empty document gets 1..=3 sentences) so that it
//! cannot silently measure no work.
//!
//! `--scale N` instead times each method once on a synthetic N-sentence document.

use std::time::Instant;

use nutgraf::analysis::{Analyzed, Analyzer};
use nutgraf::methods::{Input, NAMES};
use nutgraf::select::{Redundancy, Selector};
use nutgraf::{Budget, Document, MethodConfig, Summarizer};
use rayon::prelude::*;

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

use synthetic::synthetic;

#[derive(serde::Deserialize)]
struct Record {
    sentences: Vec<String>,
}

struct Args {
    input: Option<String>,
    methods: Vec<String>,
    threads: usize,
    budget: usize,
    scale: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        input: None,
        methods: NAMES.iter().map(|m| m.to_string()).collect(),
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        budget: 3,
        scale: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--methods" => {
                args.methods = value()?
                    .split(',')
                    .map(|m| {
                        MethodConfig::named(m)
                            .map(|_| m.to_string())
                            .map_err(|e| e.to_string())
                    })
                    .collect::<Result<_, _>>()?
            }
            "--threads" => {
                args.threads = value()?.parse().map_err(|e| format!("--threads: {e}"))?
            }
            "--budget" => args.budget = value()?.parse().map_err(|e| format!("--budget: {e}"))?,
            "--scale" => args.scale = Some(value()?.parse().map_err(|e| format!("--scale: {e}"))?),
            _ if args.input.is_none() => args.input = Some(a),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    Ok(args)
}

fn read(path: &str) -> Result<Vec<Vec<String>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str::<Record>(l)
                .map(|r| r.sentences)
                .map_err(|e| format!("{path}:{}: {e}", n + 1))
        })
        .collect()
}

/// Summarizes one document and returns how many sentences were selected (checked by caller).
fn run_one(summarizer: &Summarizer, sentences: &[String]) -> (usize, usize) {
    let doc = Document::from_sentences(sentences);
    let summary = summarizer.summarize(&doc).expect("summarized");
    (doc.len(), summary.selected.len())
}

fn method(kind: &str) -> MethodConfig {
    MethodConfig::named(kind).expect("a method name")
}

fn check(kind: &str, budget: usize, results: &[(usize, usize)]) {
    for (i, &(n, k)) in results.iter().enumerate() {
        let ok = k <= budget && (n == 0 || k > 0 || matches!(kind, "sumbasic" | "klsum"));
        assert!(
            ok,
            "{kind}: document {i} with {n} sentences got {k} selected"
        );
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench_methods: {e}");
            std::process::exit(2);
        }
    };
    if let Some(n) = args.scale {
        let doc = synthetic(n);
        eprintln!(
            "synthetic document: {} sentences, {} bytes",
            doc.len(),
            doc.text().len()
        );
        for kind in &args.methods {
            let summarizer = Summarizer::builder()
                .method(method(kind))
                .build()
                .expect("valid");
            let start = Instant::now();
            let summary = summarizer.summarize(&doc).expect("summarized");
            let secs = start.elapsed().as_secs_f64();
            assert!(summary.selected.len() <= 3 && summary.scores.iter().all(|s| s.is_finite()));
            println!("{kind}\t{n}\t{secs:.3}");
        }
        return;
    }
    let Some(input) = args.input else {
        eprintln!(
            "bench_methods: give a JSONL file of {{\"id\", \"sentences\"}} records, or --scale N"
        );
        std::process::exit(2);
    };
    let docs = match read(&input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("bench_methods: {e}");
            std::process::exit(1);
        }
    };
    let analyzer = Analyzer::default();
    let documents: Vec<Document> = docs.iter().map(Document::from_sentences).collect();
    let start = Instant::now();
    let analyzed: Vec<Analyzed> = documents.iter().map(|d| analyzer.analyze(d)).collect();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "analysis\t{}\t{secs:.4}\t{:.1}",
        docs.len(),
        docs.len() as f64 / secs
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .expect("thread pool");
    for kind in &args.methods {
        let kind = kind.as_str();
        let summarizer = Summarizer::builder()
            .method(method(kind))
            .budget(Budget::Sentences(args.budget))
            .build()
            .expect("valid configuration");
        let start = Instant::now();
        let serial: Vec<(usize, usize)> = docs.iter().map(|d| run_one(&summarizer, d)).collect();
        let secs1 = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let parallel: Vec<(usize, usize)> =
            pool.install(|| docs.par_iter().map(|d| run_one(&summarizer, d)).collect());
        let secsn = start.elapsed().as_secs_f64();
        check(kind, args.budget, &serial);
        assert_eq!(serial, parallel, "{kind}: parallel run differs");
        let method = summarizer.method();
        let start = Instant::now();
        let mut picked = 0usize;
        for (d, a) in documents.iter().zip(&analyzed) {
            let input = Input {
                document: d,
                analyzed: a,
                explain: false,
            };
            let scores = method.score(&input).expect("scored").values;
            let mut selector = Selector::new(a, Budget::Sentences(args.budget), Redundancy::None);
            method
                .select(&input, &scores, &mut selector)
                .expect("selected");
            picked += selector.selected().len();
        }
        let secsm = start.elapsed().as_secs_f64();
        assert_eq!(
            picked,
            serial.iter().map(|r| r.1).sum::<usize>(),
            "{kind}: method-only run differs"
        );
        let n = docs.len() as f64;
        println!(
            "{kind}\t{}\t{secs1:.4}\t{:.1}\t{secsn:.4}\t{:.1}\t{}\t{secsm:.4}\t{:.1}",
            docs.len(),
            n / secs1,
            n / secsn,
            args.threads,
            n / secsm
        );
    }
}
