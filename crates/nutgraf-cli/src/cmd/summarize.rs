//! `nutgraf summarize`.

use std::process::ExitCode;

use nutgraf::Summarizer;

use crate::args::{OutputFormat, SummarizeArgs};
use crate::output::{RecordWriter, SummaryWriter};
use crate::run;
use crate::settings::{self, BudgetFlags};

pub fn run(args: SummarizeArgs) -> anyhow::Result<ExitCode> {
    let budget = BudgetFlags {
        sentences: args.sentences,
        words: args.words,
        bytes: args.bytes,
        ratio: args.ratio,
    };
    anyhow::ensure!(
        !args.method.explain || args.output == OutputFormat::Json,
        "--explain shows in --output json"
    );
    let config = settings::summarizer_config(&args.method, budget, None)?;
    let summarizer = Summarizer::from_config(&config).map_err(settings::library)?;
    let mut writer = SummaryWriter::new(
        RecordWriter::stdout(),
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
