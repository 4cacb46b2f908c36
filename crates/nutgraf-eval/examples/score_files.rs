//! Scores two summary files (one summary per line, sentences separated by ` <q> `) with the
//! google flavour and prints the corpus mean and the throughput, for benchmarking the library
//! without the CLI.
//!
//! ```text
//! cargo run --release -p nutgraf-eval --example score_files -- CAND REF [--stem]
//!     [--threads N] [--tokenizer rouge-score|unicode] [--metrics rouge1,rouge2,rougeL,rougeLsum]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use nutgraf_eval::google::{mean, RougeScorer, Tokenizer};
use nutgraf_eval::input::{check_counts, read_summaries, InputFormat, DEFAULT_SEPARATOR};

struct Args {
    cand: PathBuf,
    refs: PathBuf,
    stem: bool,
    threads: usize,
    tokenizer: Tokenizer,
    metrics: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut args = Args {
        cand: PathBuf::new(),
        refs: PathBuf::new(),
        stem: false,
        threads: 0,
        tokenizer: Tokenizer::RougeScore,
        metrics: ["rouge1", "rouge2", "rougeL", "rougeLsum"]
            .map(String::from)
            .to_vec(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--stem" => args.stem = true,
            "--threads" => {
                let v = value("--threads")?;
                args.threads = v.parse().map_err(|_| format!("bad --threads {v:?}"))?;
            }
            "--tokenizer" => {
                args.tokenizer = value("--tokenizer")?.parse().map_err(|e| format!("{e}"))?;
            }
            "--metrics" => {
                args.metrics = value("--metrics")?.split(',').map(String::from).collect();
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => positional.push(PathBuf::from(a)),
        }
    }
    let [cand, refs] = <[PathBuf; 2]>::try_from(positional)
        .map_err(|_| "usage: score_files CAND REF [options]".to_string())?;
    args.cand = cand;
    args.refs = refs;
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let format = InputFormat::Lines {
        separator: DEFAULT_SEPARATOR.into(),
    };
    let start = Instant::now();
    let cands = read_summaries(&args.cand, &format).map_err(|e| e.to_string())?;
    let refs = read_summaries(&args.refs, &format).map_err(|e| e.to_string())?;
    check_counts(&args.cand, cands.len(), &args.refs, refs.len()).map_err(|e| e.to_string())?;
    let read_s = start.elapsed().as_secs_f64();

    let scorer = RougeScorer::builder()
        .metrics(&args.metrics)
        .stem(args.stem)
        .tokenizer(args.tokenizer)
        .build()
        .map_err(|e| e.to_string())?;
    // 0 threads = rayon's default (all cores).
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let results = pool
        .install(|| scorer.score_batch(&cands, &refs))
        .map_err(|e| e.to_string())?;
    let score_s = start.elapsed().as_secs_f64();

    for (metric, s) in mean(&results) {
        println!(
            "{metric:<10} P {:.6} R {:.6} F {:.6}",
            s.precision, s.recall, s.f
        );
    }
    eprintln!(
        "pairs {} threads {} read {read_s:.3}s score {score_s:.3}s -> {:.0} pairs/s",
        results.len(),
        pool.current_num_threads(),
        results.len() as f64 / score_s.max(1e-9)
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("score_files: {e}");
            ExitCode::FAILURE
        }
    }
}
