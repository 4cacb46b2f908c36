//! `nutgraf train`: train SummaRuNNer, with a progress bar and a log line per epoch.

use std::process::ExitCode;

use nutgraf::summarunner_model::train::{TrainConfig, TrainEvent};
use nutgraf::train::{self, Validation};

use crate::args::TrainArgs;
use crate::progress::Progress;
use crate::settings;

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let mut config = TrainConfig {
        train: args.train,
        out: args.out,
        epochs: args.epochs,
        batch_size: args.batch_size,
        max_train_docs: args.max_train_docs,
        resume: args.resume,
        checkpoint_every: args.checkpoint_every,
        word_vectors: args.word_vectors,
        ..TrainConfig::default()
    };
    config.optimizer.lr = args.lr;
    config.optimizer.lr_decay = args.lr_decay;
    config.optimizer.average = args.average;
    config.optimizer.seed = args.seed;
    if let Some(v) = args.vocab_size {
        config.model.vocab_size = v;
    }
    if let Some(v) = args.dropout {
        config.model.dropout = v;
    }
    if let Some(v) = &args.variant {
        config.model.variant = v.parse().map_err(|e| anyhow::anyhow!("--variant: {e}"))?;
    }
    let pool = settings::pool(args.threads)?;
    let progress = Progress::with_style(
        !args.no_progress,
        Some(1),
        "{bar:30} {pos}/{len} batches {msg} eta {eta}",
    );
    let validation =
        Validation::read(&args.valid, args.max_valid_docs).map_err(settings::library)?;
    let lead = pool
        .install(|| validation.lead3())
        .map_err(settings::library)?;
    progress.println(&format!(
        "nutgraf: {} validation documents; Lead-3 {lead}",
        validation.len()
    ));
    let mut observe = |event: TrainEvent| {
        match event {
        TrainEvent::DataRead {
            documents,
            examples,
            sentences,
            positives,
            vocabulary,
            seconds,
        } => progress.println(&format!(
            "nutgraf: {documents} training documents, {examples} labelled, {sentences} sentences ({:.1}% positive), vocabulary {vocabulary}, in {seconds:.0} s",
            100.0 * positives as f64 / sentences.max(1) as f64
        )),
        TrainEvent::WordVectorsRead {
            path,
            dim,
            words,
            vocabulary,
        } => progress.println(&format!(
            "nutgraf: {} gave {dim}-dimensional vectors to {words} of {vocabulary} vocabulary words",
            path.display()
        )),
        TrainEvent::Resumed { epoch, batch, step } => progress.println(&format!(
            "nutgraf: resumed after epoch {epoch}, batch {batch} (step {step})"
        )),
        TrainEvent::BatchDone {
            epoch,
            batch,
            batches,
            mean_loss,
            docs_per_s,
            ..
        } => progress.set(
            batch as u64,
            batches as u64,
            format!("epoch {epoch} loss {mean_loss:.4} {docs_per_s:.0} docs/s"),
        ),
        TrainEvent::CheckpointSaved { .. } => {}
        TrainEvent::EpochDone { record, best } => progress.println(&format!(
            "nutgraf: epoch {} loss {:.4}, {:.0} docs/s; validation {}{}",
            record.epoch,
            record.loss,
            record.docs_per_s,
            record.valid,
            if best { " [best: saved]" } else { "" }
        )),
    }
    };
    let state = pool
        .install(|| train::summarunner(&config, &validation, &mut observe))
        .map_err(settings::library)?;
    progress.clear();
    match state.best {
        Some(best) => eprintln!(
            "nutgraf: training done; best model ({best}) in {}",
            config.out.display()
        ),
        None => eprintln!("nutgraf: training done; no epoch was run"),
    }
    Ok(ExitCode::SUCCESS)
}
