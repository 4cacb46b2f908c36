//! Throughput of inference and training.
//!
//! ```text
//! cargo run --release -p nutgraf-summarunner --example bench -- infer VALID [MODEL_DIR]
//! cargo run --release -p nutgraf-summarunner --example bench -- train TRAIN DOCS [BATCH] [HIDDEN] [EMB]
//! ```
//! `infer` scores every document (rayon over chunks of 16 documents) with the model in
//! `MODEL_DIR` (default: a random model of the default size) and prints documents/s.
//! `train` runs optimizer steps over the first DOCS documents and prints documents/s.

use std::time::Instant;

use nutgraf_summarunner::data::{count_tokens, labelled_examples, read_documents};
use nutgraf_summarunner::{Example, ModelConfig, OptimizerOptions, SummaRuNNer, Trainer, Vocab};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    match arg(0) {
        Some("infer") => {
            let docs = read_documents(arg(1).ok_or("VALID")?.as_ref(), None)?;
            let model = match arg(2).filter(|&a| a != "random") {
                Some(dir) => SummaRuNNer::load(dir)?,
                None => {
                    let vocab = Vocab::from_counts(count_tokens(&docs), 30_000, 2)?;
                    let config = ModelConfig {
                        vocab_size: vocab.len(),
                        ..ModelConfig::default()
                    };
                    SummaRuNNer::random(&config, vocab, 1)?
                }
            };
            let chunk: usize = arg(3).unwrap_or("16").parse()?;
            let t = Instant::now();
            let scores = model.score_all(&docs, chunk)?;
            let secs = t.elapsed().as_secs_f64();
            assert_eq!(scores.len(), docs.len());
            assert!(scores.iter().flatten().all(|p| p.is_finite()));
            println!(
                "inference: {} docs in {secs:.2}s = {:.0} docs/s ({} threads)",
                docs.len(),
                docs.len() as f64 / secs,
                rayon::current_num_threads()
            );
        }
        Some("train") => {
            let n: usize = arg(2).ok_or("DOCS")?.parse()?;
            let batch: usize = arg(3).unwrap_or("32").parse()?;
            let hidden: usize = arg(4).unwrap_or("64").parse()?;
            let emb: usize = arg(5).unwrap_or("64").parse()?;
            let variant: nutgraf_summarunner::Variant = arg(6).unwrap_or("rnn_rnn").parse()?;
            let docs = read_documents(arg(1).ok_or("TRAIN")?.as_ref(), Some(n))?;
            let vocab = Vocab::from_counts(count_tokens(&docs), 30_000, 2)?;
            let config = ModelConfig {
                vocab_size: vocab.len(),
                hidden,
                embedding_dim: emb,
                variant,
                ..ModelConfig::default()
            };
            let t = Instant::now();
            let examples = labelled_examples(&docs, &vocab, &config);
            println!(
                "labels + encoding: {} docs in {:.2?}",
                examples.len(),
                t.elapsed()
            );
            let mut trainer = Trainer::new(&config, vocab, OptimizerOptions::default())?;
            let t = Instant::now();
            for chunk in examples.chunks(batch) {
                let refs: Vec<&Example> = chunk.iter().collect();
                let loss = trainer.step(&refs)?;
                assert!(loss.is_finite());
            }
            let secs = t.elapsed().as_secs_f64();
            println!(
                "training: {} docs in {secs:.2}s = {:.1} docs/s",
                examples.len(),
                examples.len() as f64 / secs
            );
        }
        _ => return Err(
            "usage: bench infer VALID [MODEL_DIR] | bench train TRAIN DOCS [BATCH] [HIDDEN] [EMB]"
                .into(),
        ),
    }
    Ok(())
}
