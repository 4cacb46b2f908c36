//! Trains SummaRuNNer (the library's `train::train` behind a small argument parser).
//!
//! ```text
//! cargo run --release -p nutgraf-summarunner --example train -- \
//!     --train ../shared/data/cnndm/train.jsonl.gz --valid ../shared/data/cnndm/validation.jsonl.gz \
//!     --out models/summarunner [--epochs 5] [--batch-size 32] [--lr 1e-3] [--seed 1] \
//!     [--max-train-docs N] [--max-valid-docs N] [--vocab-size 30000] [--min-count 5] \
//!     [--embedding-dim 64] [--hidden 64] [--variant rnn_rnn|cnn_rnn|attn_rnn] [--dropout 0.2] \
//!     [--checkpoint-every 200] [--trigram-blocking] [--resume]
//! ```

use std::process::ExitCode;

use nutgraf_summarunner::train::{train, TrainConfig};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut c = TrainConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--train" => c.train = value()?.into(),
            "--valid" => c.valid = value()?.into(),
            "--out" => c.out = value()?.into(),
            "--epochs" => c.epochs = value()?.parse()?,
            "--batch-size" => c.batch_size = value()?.parse()?,
            "--lr" => c.optimizer.lr = value()?.parse()?,
            "--clip" => c.optimizer.clip = value()?.parse()?,
            "--seed" => c.optimizer.seed = value()?.parse()?,
            "--max-train-docs" => c.max_train_docs = Some(value()?.parse()?),
            "--max-valid-docs" => c.max_valid_docs = Some(value()?.parse()?),
            "--vocab-size" => c.model.vocab_size = value()?.parse()?,
            "--min-count" => c.min_count = value()?.parse()?,
            "--embedding-dim" => c.model.embedding_dim = value()?.parse()?,
            "--hidden" => c.model.hidden = value()?.parse()?,
            "--position-dim" => c.model.position_dim = value()?.parse()?,
            "--max-words" => c.model.max_words = value()?.parse()?,
            "--max-sentences" => c.model.max_sentences = value()?.parse()?,
            "--variant" => c.model.variant = value()?.parse()?,
            "--dropout" => c.model.dropout = value()?.parse()?,
            "--checkpoint-every" => c.checkpoint_every = value()?.parse()?,
            "--trigram-blocking" => c.trigram_blocking = true,
            "--resume" => c.resume = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    if c.train.as_os_str().is_empty() || c.valid.as_os_str().is_empty() {
        return Err("--train and --valid are required".into());
    }
    eprintln!("training config: {c:?}");
    let state = train(&c)?;
    if let Some(best) = state.best {
        eprintln!("best validation: {best}");
    }
    Ok(())
}
