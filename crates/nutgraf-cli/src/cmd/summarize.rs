//! `nutgraf summarize`.

use std::process::ExitCode;

use nutgraf::Summarizer;

use crate::args::SummarizeArgs;
use crate::output::SummaryWriter;
use crate::run;
use crate::settings::{self, BudgetFlags};

pub fn run(args: SummarizeArgs) -> anyhow::Result<ExitCode> {
    let budget = BudgetFlags {
        sentences: args.sentences,
        words: args.words,
        bytes: args.bytes,
        ratio: args.ratio,
    };
    let config = settings::summarizer_config(&args.method, budget, None)?;
    let summarizer = Summarizer::from_config(&config).map_err(settings::library)?;
    let mut writer = SummaryWriter::new(
        std::io::stdout().lock(),
        args.output,
        summarizer.shared_config(),
    );
    // Whatever ends the run, what was finished is written out.
    let result = run::run(
        &args.input,
        "summarized",
        || (),
        |_, doc| summarizer.summarize(doc),
        |doc, summary| writer.write(doc, &summary),
    );
    let flushed = writer.flush();
    let finished = result?;
    flushed?;
    Ok(finished.code)
}
