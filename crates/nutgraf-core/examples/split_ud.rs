//! Splits the documents of a Universal Dependencies benchmark file (`../shared/data/ud/`) and
//! prints the predicted sentence ends in the scorer's format, one JSON line per document:
//! `{"id": ..., "ends": [byte offsets]}`.
//!
//! ```text
//! cargo run --release -p nutgraf-core --example split_ud -- ../shared/data/ud/de.dev.jsonl.gz > de.pred.jsonl
//! python3 ../shared/data/ud/score_splits.py --gold ../shared/data/ud/de.dev.jsonl.gz --pred de.pred.jsonl
//! ```
//!
//! `--language CODE` splits with that language's rules; the default, `auto`, detects each
//! document's language as the readers do. `scripts/splitter-ud.sh` does this for every
//! language and prints the table.

use std::io::{BufRead, BufReader, Write};

use nutgraf_core::segment::SentenceSplitter;
use nutgraf_core::LanguageChoice;

#[derive(serde::Deserialize)]
struct Gold {
    id: String,
    text: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let usage = "usage: split_ud FILE.jsonl.gz [--language auto|CODE]";
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or(usage)?;
    let choice: LanguageChoice = match (args.next().as_deref(), args.next()) {
        (None, _) => LanguageChoice::Auto,
        (Some("--language"), Some(code)) => code.parse()?,
        _ => return Err(usage.into()),
    };
    let file = std::fs::File::open(&path)?;
    let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let splitter = SentenceSplitter::new();
    let mut out = std::io::stdout().lock();
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let gold: Gold = serde_json::from_str(&line)?;
        let language = choice.resolve(&gold.text);
        let sentences = splitter.split_as(&gold.text, language);
        let ends: Vec<usize> = sentences.iter().map(|s| s.span.end).collect();
        serde_json::to_writer(&mut out, &serde_json::json!({"id": gold.id, "ends": ends}))?;
        writeln!(out)?;
    }
    Ok(())
}
