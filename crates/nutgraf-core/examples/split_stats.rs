//! Measures the sentence splitter on a corpus and compares it with UAX #29 sentence bounds
//! (`unicode-segmentation`).
//!
//! ```text
//! cargo run --release -p nutgraf --example split_stats -- /path/to/validation.jsonl.gz [SAMPLE]
//! ```
//!
//! Prints the distribution of sentences per document and tokens per sentence, a sample of
//! `SAMPLE` boundaries (default 300) as `left words ‖ right words` for checking by eye, the
//! disagreements with UAX #29 with a sample of each side, and the splitting speed on the whole
//! corpus joined into one text.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use nutgraf_core::read::{ReadOptions, Reader};
use nutgraf_core::segment::SentenceSplitter;
use unicode_segmentation::UnicodeSegmentation;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().ok_or("usage: split_stats CORPUS [SAMPLE]")?);
    let sample: usize = args.next().map_or(Ok(300), |s| s.parse())?;
    let splitter = SentenceSplitter::new();
    let mut texts = Vec::new();
    for doc in Reader::open(&path, &ReadOptions::default())? {
        texts.push(doc?.into_text());
    }

    let mut per_doc = Vec::new();
    let mut lengths = Vec::new();
    let mut boundaries = Vec::new();
    let (mut only_ours, mut only_uax, mut agree) = (Vec::new(), Vec::new(), 0usize);
    for (d, text) in texts.iter().enumerate() {
        let sentences = splitter.split(text);
        per_doc.push(sentences.len());
        for s in &sentences {
            lengths.push(text[s.span.clone()].split_whitespace().count());
        }
        let ours: BTreeSet<usize> = sentences.iter().skip(1).map(|s| s.span.start).collect();
        for &b in &ours {
            boundaries.push((d, b));
        }
        let uax: BTreeSet<usize> = text
            .split_sentence_bound_indices()
            .map(|(i, s)| i + (s.len() - s.trim_start().len()))
            .filter(|&i| i > 0 && i < text.len())
            .collect();
        agree += ours.intersection(&uax).count();
        only_ours.extend(ours.difference(&uax).map(|&b| (d, b)));
        only_uax.extend(uax.difference(&ours).map(|&b| (d, b)));
    }

    println!("documents: {}", texts.len());
    let sentences: usize = per_doc.iter().sum();
    println!("sentences: {sentences}");
    describe("sentences per document", &mut per_doc);
    println!(
        "documents with 1 sentence: {}",
        per_doc.iter().filter(|&&n| n == 1).count()
    );
    describe("tokens per sentence", &mut lengths);

    println!("\n== sample of {sample} boundaries (left ‖ right)");
    for &(d, b) in spread(&boundaries, sample) {
        println!("{}", context(&texts[d], b));
    }

    println!("\n== UAX #29 comparison (boundaries between sentences)");
    println!(
        "agree: {agree}; only nutgraf: {}; only UAX #29: {}",
        only_ours.len(),
        only_uax.len()
    );
    println!("-- sample: only nutgraf");
    for &(d, b) in spread(&only_ours, 40) {
        println!("{}", context(&texts[d], b));
    }
    println!("-- sample: only UAX #29");
    for &(d, b) in spread(&only_uax, 40) {
        println!("{}", context(&texts[d], b));
    }

    let joined = texts.join(" ");
    let started = Instant::now();
    let n = splitter.split(&joined).len();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "\nspeed: {:.1} MB in {:.3} s ({:.1} MB/s), {n} sentences",
        joined.len() as f64 / 1e6,
        secs,
        joined.len() as f64 / 1e6 / secs
    );
    Ok(())
}

/// Prints mean, median, p5, p95 and max of `values`.
fn describe(name: &str, values: &mut [usize]) {
    if values.is_empty() {
        return;
    }
    values.sort_unstable();
    let mean = values.iter().sum::<usize>() as f64 / values.len() as f64;
    let q = |p: f64| values[((values.len() - 1) as f64 * p).round() as usize];
    println!(
        "{name}: mean {mean:.2}, median {}, p5 {}, p95 {}, max {}",
        q(0.5),
        q(0.05),
        q(0.95),
        values[values.len() - 1]
    );
}

/// `n` items spread evenly over `items` (deterministic).
fn spread<T>(items: &[T], n: usize) -> impl Iterator<Item = &T> {
    let step = (items.len() / n.max(1)).max(1);
    items.iter().step_by(step).take(n)
}

/// Six words either side of byte offset `at`.
fn context(text: &str, at: usize) -> String {
    let left: Vec<&str> = text[..at].split_whitespace().rev().take(6).collect();
    let right: Vec<&str> = text[at..].split_whitespace().take(6).collect();
    let left: Vec<&str> = left.into_iter().rev().collect();
    format!("{} ‖ {}", left.join(" "), right.join(" "))
}
