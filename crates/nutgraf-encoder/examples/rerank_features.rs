//! Experiment data for a MiniLM reranker on top of SummaRuNNer: for each document, the
//! shipped SummaRuNNer's top-K sentences with their probability, position, oracle label and
//! MiniLM embedding, one JSON line per document (the reference summary included, to score
//! picks). Not a shipped tool: it feeds `scripts/rerank-probe.py`.
//!
//! ```text
//! cargo run --release -p nutgraf-encoder --example rerank_features -- \
//!     target/data/train-fit.jsonl.gz 12000 5 target/data/rerank-train.jsonl
//! ```

use std::io::Write;
use std::path::Path;

use nutgraf::oracle::{Oracle, OracleMethodConfig};
use nutgraf::summarunner_model::SummaRuNNer;
use nutgraf_core::read::{ReadOptions, Reader};
use nutgraf_encoder::{Encoder, EncoderOptions};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, docs, k, out] = args.as_slice() else {
        return Err("usage: rerank_features INPUT DOCS K OUT.jsonl".into());
    };
    let (docs, k): (usize, usize) = (docs.parse()?, k.parse()?);
    let mut reader = Reader::open(Path::new(input), &ReadOptions::default())?;
    let model_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/minilm");
    let encoder = Encoder::load(&model_dir, EncoderOptions::default())?;
    let summarunner = SummaRuNNer::embedded()?;
    let oracle = Oracle::new(OracleMethodConfig::default())?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(out)?);
    let started = std::time::Instant::now();
    let mut done = 0;
    while done < docs {
        let mut chunk = Vec::new();
        while chunk.len() < 256 && done + chunk.len() < docs {
            match reader.next_record() {
                Some(r) => chunk.push(r?.document),
                None => break,
            }
        }
        if chunk.is_empty() {
            break;
        }
        let lines = chunk
            .par_iter()
            .enumerate()
            .map(|(j, doc)| -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
                let probs = summarunner.score(doc)?;
                let labels = oracle.label(doc).map(|r| r.indices).unwrap_or_default();
                let mut top: Vec<usize> = (0..probs.len()).collect();
                top.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
                top.truncate(k);
                top.sort_unstable();
                let texts: Vec<&str> = doc.sentence_texts().collect();
                let picked: Vec<&str> = top.iter().map(|&i| texts[i]).collect();
                let vectors = encoder.embed(&picked)?;
                let cands: Vec<serde_json::Value> = top
                    .iter()
                    .zip(vectors)
                    .map(|(&i, v)| {
                        let v: Vec<f64> = v.iter().map(|x| (f64::from(*x) * 1e5).round() / 1e5).collect();
                        serde_json::json!({
                            "i": i, "p": probs[i], "label": u8::from(labels.contains(&i)),
                            "words": texts[i].split_whitespace().count(), "text": texts[i], "emb": v,
                        })
                    })
                    .collect();
                Ok(serde_json::json!({
                    "doc": done + j, "n": texts.len(), "oracle": labels,
                    "reference": doc.reference().unwrap_or_default().join("\n"), "cands": cands,
                })
                .to_string())
            })
            .collect::<Result<Vec<String>, _>>()
            .map_err(|e| e.to_string())?;
        for line in lines {
            writeln!(out, "{line}")?;
        }
        done += chunk.len();
        eprintln!(
            "{done} documents, {:.1} docs/s",
            done as f64 / started.elapsed().as_secs_f64()
        );
    }
    out.flush()?;
    Ok(())
}
