//! Streaming, parallel processing of documents with output in input order.

use std::path::PathBuf;

use anyhow::Context;
use nutgraf::read::{Format, ReadOptions, Reader};
use nutgraf::Document;
use rayon::prelude::*;

use crate::args::{InputArgs, OnError};
use crate::progress::{Counts, Progress};

/// Documents handed to the workers at a time. Large enough to keep every core busy, small
/// enough that output appears steadily and memory stays flat on huge corpora.
const CHUNK: usize = 1024;

/// How a corpus run ended.
pub struct Outcome {
    /// What was done.
    #[allow(dead_code)]
    // read by `eval` (oracle issue); kept here so every command reports alike
    pub counts: Counts,
    /// True when the run stopped at a bad record, after writing everything before it.
    pub stopped: bool,
}

/// Builds the reader options from the command line.
pub fn read_options(args: &InputArgs) -> anyhow::Result<ReadOptions> {
    let format = args
        .input_format
        .as_deref()
        .map(str::parse::<Format>)
        .transpose()?;
    Ok(ReadOptions {
        format,
        text_field: args.text_field.clone(),
        reference_field: args.reference_field.clone(),
        lossy: args.lossy,
        ..ReadOptions::default()
    })
}

/// Builds the worker pool.
pub fn thread_pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        builder = builder.num_threads(n);
    }
    builder.build().context("cannot start worker threads")
}

/// Reads every input, runs `work` on each document in parallel and hands the results to `emit`
/// in input order. Bad records are reported on stderr; with `OnError::Stop` the run ends at
/// the first one, after everything before it has been emitted.
pub fn run<T: Send>(
    args: &InputArgs,
    verb: &str,
    work: impl Fn(&Document) -> T + Sync,
    mut emit: impl FnMut(&Document, T) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let options = read_options(args)?;
    let pool = thread_pool(args.threads)?;
    let progress = Progress::new(!args.no_progress);
    let mut counts = Counts::default();
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let mut chunk: Vec<Document> = Vec::with_capacity(CHUNK);
    let mut stopped = false;

    let mut flush = |chunk: &mut Vec<Document>, counts: &mut Counts| -> anyhow::Result<()> {
        let results: Vec<T> = pool.install(|| chunk.par_iter().map(&work).collect());
        for (doc, result) in chunk.iter().zip(results) {
            emit(doc, result)?;
        }
        counts.documents += chunk.len();
        progress.inc(chunk.len());
        chunk.clear();
        Ok(())
    };

    'inputs: for path in &inputs {
        let reader = match Reader::open(path, &options) {
            Ok(reader) => reader,
            Err(err) => {
                flush(&mut chunk, &mut counts)?;
                progress.println(&format!("nutgraf: {err}"));
                if args.on_error == OnError::Stop {
                    stopped = true;
                    break 'inputs;
                }
                counts.skipped += 1;
                continue;
            }
        };
        for record in reader {
            match record {
                Ok(doc) => {
                    chunk.push(doc);
                    if chunk.len() == CHUNK {
                        flush(&mut chunk, &mut counts)?;
                    }
                }
                Err(err) => {
                    flush(&mut chunk, &mut counts)?;
                    progress.println(&format!("nutgraf: {err}"));
                    if args.on_error == OnError::Stop {
                        stopped = true;
                        break 'inputs;
                    }
                    counts.skipped += 1;
                }
            }
        }
    }
    flush(&mut chunk, &mut counts)?;
    if counts.documents + counts.skipped > 1 || stopped {
        progress.finish(verb, counts);
    }
    Ok(Outcome { counts, stopped })
}
