//! `nutgraf train`: train SummaRuNNer (being rewired onto the library engine).

use std::process::ExitCode;

use crate::args::TrainArgs;

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("train: not wired yet")
}
