//! Streaming, parallel processing of documents with output in input order.

use std::path::PathBuf;

use anyhow::Context;
use nutgraf::read::{Format, RawRecord, ReadOptions, Reader};
use nutgraf::segment::SentenceSplitter;
use nutgraf::{Document, Error};
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

/// Reads every input, parses and runs `work` on each document in parallel, and hands the
/// results to `emit` in input order. Reading is sequential; parsing (JSON, sentence splitting)
/// happens on the workers. Bad records are reported on stderr; with `OnError::Stop` the run ends
/// at the first one, after everything before it has been emitted.
pub fn run<T: Send>(
    args: &InputArgs,
    verb: &str,
    work: impl Fn(&Document) -> T + Sync,
    mut emit: impl FnMut(&Document, T) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let options = read_options(args)?;
    let splitter = SentenceSplitter::new();
    let pool = thread_pool(args.threads)?;
    let progress = Progress::new(!args.no_progress);
    let mut counts = Counts::default();
    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    let mut chunk: Vec<RawRecord> = Vec::with_capacity(CHUNK);
    let mut stopped = false;

    // Processes a chunk; returns false when the run must stop at a bad record.
    let mut flush = |chunk: &mut Vec<RawRecord>, counts: &mut Counts| -> anyhow::Result<bool> {
        let parse_and_work = |raw: RawRecord| {
            raw.parse(&options, &splitter).map(|record| {
                let result = work(&record.document);
                (record.document, result)
            })
        };
        let results: Vec<Result<(Document, T), Error>> =
            pool.install(|| chunk.par_drain(..).map(parse_and_work).collect());
        for result in results {
            match result {
                Ok((doc, value)) => {
                    emit(&doc, value)?;
                    counts.documents += 1;
                    progress.inc(1);
                }
                Err(err) => {
                    progress.println(&format!("nutgraf: {err}"));
                    if args.on_error == OnError::Stop {
                        return Ok(false);
                    }
                    counts.skipped += 1;
                }
            }
        }
        Ok(true)
    };

    'inputs: for path in &inputs {
        let mut reader = match Reader::open(path, &options) {
            Ok(reader) => reader,
            Err(err) => {
                if !flush(&mut chunk, &mut counts)? {
                    stopped = true;
                    break 'inputs;
                }
                progress.println(&format!("nutgraf: {err}"));
                if args.on_error == OnError::Stop {
                    stopped = true;
                    break 'inputs;
                }
                counts.skipped += 1;
                continue;
            }
        };
        while let Some(raw) = reader.next_raw() {
            match raw {
                Ok(raw) => {
                    chunk.push(raw);
                    if chunk.len() == CHUNK && !flush(&mut chunk, &mut counts)? {
                        stopped = true;
                        break 'inputs;
                    }
                }
                Err(err) => {
                    if !flush(&mut chunk, &mut counts)? {
                        stopped = true;
                        break 'inputs;
                    }
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
    if !stopped && !flush(&mut chunk, &mut counts)? {
        stopped = true;
    }
    if counts.documents + counts.skipped > 1 || stopped {
        progress.finish(verb, counts);
    }
    Ok(Outcome { counts, stopped })
}
