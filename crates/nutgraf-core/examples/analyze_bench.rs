//! The analyzer's cost, in-process: the documents of a corpus analyzed (split once, beforehand)
//! (terms only, as the summarizers without explanations or trigram blocking use it) by a
//! thread whose memo is new (every word seen for the first time in the process: what a
//! short `nutgraf summarize` run pays), then again by the same thread (every word known). The
//! difference is the first sight of the vocabulary. Best of `ROUNDS`, each round on a new
//! thread, so that whole-process noise (start-up, reading, output) stays out of the numbers.
//!
//! ```text
//! cargo run --release -p nutgraf-core --example analyze_bench -- target-bench/speed/docs.jsonl [ROUNDS]
//! ```

use std::time::Instant;

use nutgraf_core::analysis::{Analyzer, Fill};
use nutgraf_core::read::{ReadOptions, Reader};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: analyze_bench CORPUS [ROUNDS]")?;
    let rounds: usize = args.next().map_or(Ok(9), |s| s.parse())?;
    let docs =
        Reader::open(path.as_ref(), &ReadOptions::default())?.collect::<Result<Vec<_>, _>>()?;
    let analyzer = Analyzer::default();
    let words: usize = docs
        .iter()
        .map(|d| {
            d.sentence_texts()
                .map(|s| s.split_whitespace().count())
                .sum::<usize>()
        })
        .sum();
    let (mut cold, mut warm) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..rounds {
        let (c, w) = std::thread::scope(|s| {
            s.spawn(|| {
                let time = || {
                    let start = Instant::now();
                    let terms: usize = docs
                        .iter()
                        .map(|d| analyzer.analyze_with(d, Fill::default()).n_terms)
                        .sum();
                    (start.elapsed().as_secs_f64(), terms)
                };
                let (c, terms_cold) = time();
                let (w, terms_warm) = time();
                assert_eq!(terms_cold, terms_warm, "the memo changed a result");
                (c, w)
            })
            .join()
            .expect("the analysis thread finished")
        });
        cold = cold.min(c);
        warm = warm.min(w);
    }
    println!(
        "{} documents, {words} words, best of {rounds}: new memo {:.2} ms, warm memo {:.2} ms, \
         first sight of the vocabulary {:.2} ms",
        docs.len(),
        cold * 1e3,
        warm * 1e3,
        (cold - warm) * 1e3
    );
    Ok(())
}
