//! `nutgraf summarize`.

use std::io::Write;
use std::process::ExitCode;

use nutgraf::analysis::AnalyzerOptions;
use nutgraf::select::Redundancy;
use nutgraf::{Budget, MethodConfig, MethodKind, Summarizer};

use super::corpus;
use crate::args::{MethodArgs, SummarizeArgs};
use crate::output::SummaryWriter;

pub fn run(args: SummarizeArgs) -> anyhow::Result<ExitCode> {
    let budget = budget(args.sentences, args.words, args.bytes, args.ratio);
    let summarizer = build_summarizer(&args.method, budget)?;
    let stdout = std::io::stdout().lock();
    let mut writer = SummaryWriter::new(std::io::BufWriter::new(stdout), args.output, &summarizer);
    let outcome = corpus::run(
        &args.input,
        "summarized",
        || (),
        |_, doc| Ok(summarizer.summarize(doc)),
        |doc, summary| writer.write(doc, &summary),
    )?;
    writer.into_inner().flush()?;
    Ok(if outcome.stopped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Turns the flags into a validated [`Summarizer`].
pub fn build_summarizer(args: &MethodArgs, budget: Budget) -> anyhow::Result<Summarizer> {
    let kind: MethodKind = args.method.parse()?;
    let mut method = MethodConfig::new(kind);
    if let Some(t) = args.tolerance {
        method.tolerance = t;
    }
    if let Some(n) = args.max_iterations {
        method.max_iterations = n;
    }
    if let Some(d) = args.damping {
        method.damping = d;
    }
    let redundancy = match (args.trigram_blocking, args.mmr) {
        (true, _) => Redundancy::TrigramBlocking,
        (_, Some(lambda)) => Redundancy::Mmr { lambda },
        _ => Redundancy::None,
    };
    let analyzer = AnalyzerOptions {
        stem: !args.no_stem,
        stopwords: !args.keep_stopwords,
    };
    Ok(Summarizer::builder()
        .method_config(method)
        .budget(budget)
        .redundancy(redundancy)
        .analyzer(analyzer)
        .build()?)
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
