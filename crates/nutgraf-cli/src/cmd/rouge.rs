//! `nutgraf rouge`.

use std::process::ExitCode;

use crate::args::RougeArgs;

pub fn run(args: RougeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "rouge is being written; flags parsed as {:?}",
        args.perl_flags()
    )
}
