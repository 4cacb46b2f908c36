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

/// Reads every input, parses and runs `work` on each document in parallel (with a per-worker
/// state made by `init`), and hands the results to `emit` in input order.
///
/// A reader thread reads and decompresses (sequential by nature) while the workers parse
/// (JSON, sentence splitting) and work on the previous chunk. Bad records are reported on
/// stderr; with `OnError::Stop` the run ends at the first one, after everything before it has
/// been emitted.
pub fn run<T: Send, W>(
    args: &InputArgs,
    verb: &str,
    init: impl Fn() -> W + Sync + Send,
    work: impl Fn(&mut W, &Document) -> Result<T, String> + Sync,
    mut emit: impl FnMut(&Document, T) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let options = read_options(args)?;
    let splitter = SentenceSplitter::new();
    let pool = thread_pool(args.threads)?;
    let progress = Progress::new(!args.no_progress);
    let mut counts = Counts::default();
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };

    // A document the work refuses (e.g. no reference to score against) is a bad record too.
    let parse_and_work =
        |state: &mut W, item: Result<RawRecord, Error>| -> Result<(Document, T), Error> {
            let record = item?.parse(&options, &splitter)?;
            match work(state, &record.document) {
                Ok(value) => Ok((record.document, value)),
                Err(message) => Err(Error::Record {
                    path: record.source,
                    line: record.line,
                    message,
                }),
            }
        };

    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Result<RawRecord, Error>>>(2);
    let reader_options = options.clone();
    let mut stopped = false;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        scope.spawn(move || read_chunks(&inputs, &reader_options, &sender));
        for mut chunk in receiver.iter() {
            let results: Vec<Result<(Document, T), Error>> = pool.install(|| {
                chunk
                    .par_drain(..)
                    .map_init(&init, parse_and_work)
                    .collect()
            });
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
                            stopped = true;
                            // Dropping the receiver ends the reader thread at its next send.
                            return Ok(());
                        }
                        counts.skipped += 1;
                    }
                }
            }
        }
        Ok(())
    })?;
    if counts.documents + counts.skipped > 1 || stopped {
        progress.finish(verb, counts);
    }
    Ok(Outcome { counts, stopped })
}

/// The reader thread: sends records (and errors, in place) in chunks, until the inputs end or
/// the receiver is gone.
fn read_chunks(
    inputs: &[PathBuf],
    options: &ReadOptions,
    sender: &std::sync::mpsc::SyncSender<Vec<Result<RawRecord, Error>>>,
) {
    let mut chunk = Vec::with_capacity(CHUNK);
    for path in inputs {
        match Reader::open(path, options) {
            Ok(mut reader) => {
                while let Some(item) = reader.next_raw() {
                    chunk.push(item);
                    if chunk.len() == CHUNK {
                        let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                        if sender.send(full).is_err() {
                            return;
                        }
                    }
                }
            }
            Err(err) => chunk.push(Err(err)),
        }
    }
    if !chunk.is_empty() {
        let _ = sender.send(chunk);
    }
}
