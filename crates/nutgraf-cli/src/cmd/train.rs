//! `nutgraf train`: train SummaRuNNer.

use std::process::ExitCode;

use nutgraf_summarunner::train::{train, TrainConfig};

use crate::args::TrainArgs;

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let mut config = TrainConfig {
        train: args.train,
        valid: args.valid,
        out: args.out,
        epochs: args.epochs,
        batch_size: args.batch_size,
        max_train_docs: args.max_train_docs,
        max_valid_docs: args.max_valid_docs,
        resume: args.resume,
        checkpoint_every: args.checkpoint_every,
        ..TrainConfig::default()
    };
    config.optimizer.lr = args.lr;
    config.optimizer.seed = args.seed;
    if let Some(v) = args.vocab_size {
        config.model.vocab_size = v;
    }
    if let Some(v) = &args.variant {
        config.model.variant = v.parse()?;
    }
    let state = train(&config)?;
    eprintln!(
        "nutgraf: training done; best model in {}",
        config.out.display()
    );
    let _ = state;
    Ok(ExitCode::SUCCESS)
}
