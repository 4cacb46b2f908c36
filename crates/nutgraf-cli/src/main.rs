//! The `nutgraf` binary: a thin layer over the `nutgraf` and `nutgraf-eval` crates.

mod args;
mod cmd;
mod output;
mod progress;

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

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
