//! Sentence splitter throughput: splits a corpus's texts (joined, and one by one) and prints MB/s.
//! Read once, split `ROUNDS` times; for profiling with `valgrind --tool=callgrind` too.
//!
//! ```text
//! cargo run --release -p nutgraf-core --example split_bench -- ../shared/data/cnndm/validation.jsonl.gz [ROUNDS]
//! ```

use std::time::Instant;

use nutgraf_core::read::{ReadOptions, Reader};
use nutgraf_core::segment::SentenceSplitter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: split_bench CORPUS [ROUNDS]")?;
    let rounds: usize = args.next().map_or(Ok(3), |s| s.parse())?;
    let texts: Vec<String> = Reader::open(path.as_ref(), &ReadOptions::default())?
        .map(|d| d.map(|d| d.into_text()))
        .collect::<Result<_, _>>()?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let splitter = SentenceSplitter::new();
    let mut sentences = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            sentences += splitter.split(t).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} documents, {:.1} MB x {rounds}: {sentences} sentences in {secs:.3} s, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        mb / secs
    );
    Ok(())
}
