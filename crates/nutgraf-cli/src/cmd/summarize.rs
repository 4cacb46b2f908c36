//! `nutgraf summarize`.

use std::io::Write;
use std::process::ExitCode;

use nutgraf::Budget;

use super::corpus;
use super::picker::Picker;
use crate::args::SummarizeArgs;
use crate::output::SummaryWriter;

pub fn run(args: SummarizeArgs) -> anyhow::Result<ExitCode> {
    let budget = budget(args.sentences, args.words, args.bytes, args.ratio);
    let picker = Picker::new(&args.method, budget, None)?;
    let stdout = std::io::stdout().lock();
    let mut writer = SummaryWriter::new(
        std::io::BufWriter::new(stdout),
        args.output,
        picker.name(),
        picker.config(),
    );
    let outcome = corpus::run(
        &args.input,
        "summarized",
        || None,
        |state, doc| picker.summarize(state, doc),
        |doc, summary| writer.write(doc, &summary),
    )?;
    writer.into_inner().flush()?;
    Ok(if outcome.stopped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The budget the flags ask for (clap makes them mutually exclusive).
pub fn budget(
    sentences: Option<usize>,
    words: Option<usize>,
    bytes: Option<usize>,
    ratio: Option<f64>,
) -> Budget {
    match (sentences, words, bytes, ratio) {
        (_, Some(n), _, _) => Budget::Words(n),
        (_, _, Some(n), _) => Budget::Bytes(n),
        (_, _, _, Some(r)) => Budget::Ratio(r),
        (Some(k), _, _, _) => Budget::Sentences(k),
        _ => Budget::default(),
    }
}
