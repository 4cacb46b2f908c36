//! The `nutgraf` binary: maps command lines to the `nutgraf` library's typed configuration and
//! prints its results. No summarization, scoring or corpus logic lives here.

mod args;
mod cmd;
mod output;
mod progress;
mod run;
mod settings;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                // `nutgraf summarize corpus.jsonl | head` is normal use, not an error.
                return ExitCode::SUCCESS;
            }
            eprintln!("nutgraf: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed stdout, wherever in the chain the `io::Error` sits (the writers serialize to a
/// buffer first, so it is never hidden inside a serde error).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
