//! Corpus runs from the command line: the library's runner over the input files, with a
//! progress bar, SIGINT/SIGTERM handling, the final line, and the exit code.

use std::process::ExitCode;
use std::sync::OnceLock;

use nutgraf::corpus::{self, CancelToken, FnSink, RunError, Stopped};
use nutgraf::segment::SentenceSplitter;
use nutgraf::Document;

use crate::args::InputArgs;
use crate::progress::{Counts, Progress};
use crate::settings;

/// The exit code of a run stopped at a bad record (everything before it was written).
const STOPPED: u8 = 1;
/// The conventional exit code after SIGINT (128 + 2).
const INTERRUPTED: u8 = 130;

/// The token that SIGINT and SIGTERM cancel. The first signal lets the run finish its records
/// at hand and write them whole; a second one exits at once.
fn interrupt_token() -> CancelToken {
    static TOKEN: OnceLock<CancelToken> = OnceLock::new();
    TOKEN
        .get_or_init(|| {
            let token = CancelToken::new();
            let handler = token.clone();
            // Without a handler (it cannot be installed twice) the default action applies.
            let _ = ctrlc::set_handler(move || {
                if handler.is_cancelled() {
                    std::process::exit(i32::from(INTERRUPTED));
                }
                handler.cancel();
            });
            token
        })
        .clone()
}

/// How a run ended: its exit code and counts.
pub struct Finished {
    /// 0, or 1 after a bad record under `--on-error stop`, or 130 after SIGINT.
    pub code: ExitCode,
    /// What was done.
    pub counts: Counts,
}

/// Reads every input, runs `work` on each document in parallel (with a per-worker state made
/// by `init`), and hands the results to `emit` in input order. `verb` names the work in the
/// final line (`summarized`).
pub fn run<T: Send, W>(
    args: &InputArgs,
    verb: &str,
    init: impl Fn() -> W + Sync + Send,
    work: impl Fn(&mut W, &Document) -> nutgraf::Result<T> + Sync + Send,
    mut emit: impl FnMut(&Document, T) -> std::io::Result<()>,
) -> anyhow::Result<Finished> {
    let options = settings::read_options(args)?;
    let runner = settings::runner(args)?.cancel_token(interrupt_token());
    let source =
        corpus::read_files(&settings::inputs(args), &options).map_err(settings::library)?;
    let splitter = SentenceSplitter::new();
    let progress = Progress::new(!args.no_progress);
    let mut counts = Counts::default();
    let mut sink = FnSink::new(
        |_, (doc, value): (Document, T)| {
            emit(&doc, value)?;
            counts.documents += 1;
            progress.inc(1);
            Ok::<(), std::io::Error>(())
        },
        |_, err: &nutgraf::Error| progress.println(&format!("nutgraf: {}", settings::message(err))),
    );
    let result = runner.run(
        source,
        init,
        |state, raw| corpus::with_record(raw, &options, &splitter, |doc| work(state, doc)),
        &mut sink,
    );
    let outcome = match result {
        Ok(outcome) => outcome,
        // The error names the output. How much reached it is not known here (records are
        // written in batches); every line that did is whole.
        Err(RunError::Sink { error, .. }) => return Err(error.into()),
        Err(RunError::Source {
            error,
            read,
            written,
        }) => anyhow::bail!(
            "{} ({read} records read, {written} written; the rest of the input is lost)",
            settings::message(&error)
        ),
        Err(RunError::Work { error }) => anyhow::bail!("{}", settings::message(&error)),
    };
    counts.skipped = outcome.skipped;
    if outcome.read > 1 || outcome.stopped.is_some() {
        progress.finish(verb, counts);
    }
    let code = match outcome.stopped {
        None => ExitCode::SUCCESS,
        Some(Stopped::BadRecord { .. }) => ExitCode::from(STOPPED),
        Some(Stopped::Cancelled) => {
            eprintln!(
                "nutgraf: interrupted; {} documents written",
                counts.documents
            );
            ExitCode::from(INTERRUPTED)
        }
    };
    Ok(Finished { code, counts })
}
