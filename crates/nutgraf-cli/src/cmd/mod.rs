//! Subcommands: each maps its flags to the library's configuration and prints the results.

mod eval;
mod oracle;
mod rouge;
mod serve;
mod summarize;
mod train;

use std::process::ExitCode;

use crate::args::{Cli, Command};

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Summarize(args) => summarize::run(args),
        Command::Rouge(args) => rouge::run(args),
        Command::Oracle(args) => oracle::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Train(args) => train::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
