//! Encoder throughput on real news: embeds the first sentences of CNN/DailyMail documents and
//! prints sentences/s and documents/s for each token limit (documents in parallel on the rayon
//! pool: `RAYON_NUM_THREADS` sets its size).
//!
//! ```text
//! cargo run --release -p nutgraf-encoder --example embed_bench -- \
//!     ../shared/data/cnndm/validation.jsonl.gz [DOCS] [SENTENCES_PER_DOC]
//! ```

use std::path::Path;
use std::time::Instant;

use nutgraf_core::read::{ReadOptions, Reader};
use nutgraf_encoder::{Encoder, EncoderOptions};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: embed_bench FILE [DOCS] [SENTENCES_PER_DOC]")?;
    let docs: usize = args.get(1).map_or(Ok(100), |s| s.parse())?;
    let per_doc: usize = args.get(2).map_or(Ok(20), |s| s.parse())?;
    let mut reader = Reader::open(Path::new(path), &ReadOptions::default())?;
    let mut documents = Vec::new();
    while documents.len() < docs {
        match reader.next_record() {
            Some(record) => documents.push(record?.document),
            None => break,
        }
    }
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/minilm");
    println!(
        "| max tokens | batch | documents | sentences | tokens | seconds | sentences/s | tokens/s | documents/s |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for max_tokens in [256, 128, 64] {
        let options = EncoderOptions {
            max_tokens,
            batch_size: 32,
        };
        let encoder = Encoder::load(&model, options)?;
        let t0 = Instant::now();
        // Documents side by side, as a summarizer runs a batch of them.
        let counts = documents
            .par_iter()
            .map(|doc| {
                let first: Vec<&str> = doc.sentence_texts().take(per_doc).collect();
                encoder.embed(&first).map(|v| v.len())
            })
            .collect::<Result<Vec<usize>, _>>()?;
        let sentences: usize = counts.iter().sum();
        let s = t0.elapsed().as_secs_f64();
        // Counted after the clock: the tokens the encoder ran over, [CLS] and [SEP] included.
        let mut tokens = 0;
        for doc in &documents {
            for text in doc.sentence_texts().take(per_doc) {
                tokens += encoder.token_count(text)?;
            }
        }
        println!(
            "| {max_tokens} | 32 | {} | {sentences} | {tokens} | {s:.2} | {:.0} | {:.0} | {:.1} |",
            documents.len(),
            sentences as f64 / s,
            tokens as f64 / s,
            documents.len() as f64 / s
        );
    }
    Ok(())
}
