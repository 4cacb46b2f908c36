//! Accuracy and cost of language detection ([`nutgraf_core::language::detect`]) on the
//! documents of Universal Dependencies benchmark files (`../shared/data/ud/`): per file, how
//! many documents are detected as the file's language, what the others are taken for, and the
//! time per document.
//!
//! ```text
//! cargo run --release -p nutgraf-core --example language_ud -- ../shared/data/ud/*.dev.jsonl.gz
//! ```

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::time::Instant;

use nutgraf_core::language::detect;

#[derive(serde::Deserialize)]
struct Gold {
    lang: String,
    text: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("| file | documents | detected right | accuracy | taken for | µs per document |");
    println!("|---|---:|---:|---:|---|---:|");
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path)?;
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
        let docs: Vec<Gold> = reader
            .lines()
            .map(|l| Ok(serde_json::from_str(&l?)?))
            .collect::<Result<_, Box<dyn std::error::Error>>>()?;
        let start = Instant::now();
        let found: Vec<Option<String>> = docs
            .iter()
            .map(|d| detect(&d.text).map(|l| l.code().to_string()))
            .collect();
        let micros = start.elapsed().as_secs_f64() * 1e6 / docs.len().max(1) as f64;
        let right = docs
            .iter()
            .zip(&found)
            .filter(|(d, f)| f.as_deref() == Some(d.lang.as_str()))
            .count();
        let mut wrong: BTreeMap<String, usize> = BTreeMap::new();
        for (d, f) in docs.iter().zip(&found) {
            if f.as_deref() != Some(d.lang.as_str()) {
                *wrong
                    .entry(f.clone().unwrap_or_else(|| "none".into()))
                    .or_default() += 1;
            }
        }
        let wrong: Vec<String> = wrong.iter().map(|(l, n)| format!("{l} {n}")).collect();
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        println!(
            "| {name} | {} | {right} | {:.1}% | {} | {micros:.0} |",
            docs.len(),
            100.0 * right as f64 / docs.len().max(1) as f64,
            if wrong.is_empty() {
                "—".to_string()
            } else {
                wrong.join(", ")
            }
        );
    }
    Ok(())
}
