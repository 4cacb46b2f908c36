//! Corpus runs: an ordered, parallel, bounded-memory map over a stream of documents, with the
//! error policy and cancellation; what `nutgraf summarize`, `oracle` and `eval` run on.
//!
//! A reader thread pulls items from the source (reading and decompressing are sequential by
//! nature) and hands them over in chunks through a channel of two chunks, so at most a few
//! chunks are in memory whatever the corpus size. The calling thread has each chunk worked on
//! in parallel (on an injected rayon pool, or the current one), then gives the results to the
//! [`Sink`] in input order, so the output is the same at any thread count.
//!
//! The run stops promptly, with everything finished before it handed to the sink, when:
//! - the sink fails ([`RunError::Sink`]: a closed pipe, a full disk);
//! - the source fails with an error that is not confined to one record (an I/O or
//!   decompression error: [`RunError::Source`], whatever the policy, since what follows it is
//!   lost);
//! - a bad record comes with [`OnError::Stop`] ([`Stopped::BadRecord`]);
//! - the [`CancelToken`] is cancelled ([`Stopped::Cancelled`]).
//!
//! The reader thread is detached: a run never waits for it, so a source blocked in a read
//! (a terminal on stdin) cannot hold up the end of a run. It ends at its next hand-over.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// What to do with a bad record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnError {
    /// Report it, hand over everything before it, and stop (the default).
    #[default]
    Stop,
    /// Report it, count it, and go on.
    Skip,
}

/// Cancels a run from another thread (a signal handler, a client that went away).
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token not cancelled yet.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// Asks the runs holding this token to stop after the chunk at hand.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Where results go, in input order.
pub trait Sink<T> {
    /// What writing can fail with.
    type Error;

    /// Takes the result of the item at 0-based position `index`.
    fn write(&mut self, index: usize, item: T) -> Result<(), Self::Error>;

    /// Hears of a bad record: skipped under [`OnError::Skip`], the last one under
    /// [`OnError::Stop`] (which then also appears in [`Outcome::stopped`]).
    fn bad_record(&mut self, index: usize, error: &Error) {
        let _ = (index, error);
    }
}

/// How a run that did not fail ended.
#[derive(Debug)]
pub struct Outcome {
    /// Items of the source handled, in input order: results written and bad records (the
    /// position after the last one handled).
    pub read: usize,
    /// Results handed to the sink.
    pub written: usize,
    /// Bad records skipped.
    pub skipped: usize,
    /// Why the run ended before the end of the source, if it did.
    pub stopped: Option<Stopped>,
}

/// Why a run ended early without failing.
#[derive(Debug)]
pub enum Stopped {
    /// A bad record under [`OnError::Stop`].
    BadRecord {
        /// Its 0-based position.
        index: usize,
        /// What was wrong with it.
        error: Error,
    },
    /// The run was cancelled.
    Cancelled,
}

/// A run that failed: nothing after the failure was done, everything before it was written.
#[derive(Debug, thiserror::Error)]
pub enum RunError<E> {
    /// The source failed (I/O, decompression): the rest of the input is lost.
    #[error("{error} ({read} records read, {written} written)")]
    Source {
        /// The error.
        error: Error,
        /// Items taken from the source before it.
        read: usize,
        /// Results written before it.
        written: usize,
    },
    /// The sink failed.
    #[error("{error} ({written} records written)")]
    Sink {
        /// The error.
        error: E,
        /// Results written before it.
        written: usize,
    },
    /// The work failed with an error that would fail every document (a configuration error).
    #[error("{error}")]
    Work {
        /// The error.
        error: Error,
    },
}

/// Items handed to the workers at a time, by default: per worker thread, enough to keep it busy
/// while the slowest item of the chunk finishes; and at least a few dozen, so that the hand-over
/// costs nothing beside the work. Small chunks keep the output steady and the memory a process
/// touches small (1,024 items at a time made a 1,000-document run touch 60% more pages, and
/// made the workers wait for the whole input of a small run before starting).
const CHUNK_PER_THREAD: usize = 16;
const MIN_CHUNK: usize = 64;

/// Runs corpora; see the module docs. Cheap to build, reusable.
#[derive(Debug, Clone)]
pub struct Runner {
    pool: Option<Arc<rayon::ThreadPool>>,
    on_error: OnError,
    /// Items per chunk; `None`: from the pool's size.
    chunk: Option<usize>,
    cancel: CancelToken,
}

impl Default for Runner {
    fn default() -> Runner {
        Runner::new()
    }
}

impl Runner {
    /// A runner on the current rayon pool, stopping at the first bad record.
    pub fn new() -> Runner {
        Runner {
            pool: None,
            on_error: OnError::Stop,
            chunk: None,
            cancel: CancelToken::new(),
        }
    }

    /// Runs on a pool of its own with `threads` threads.
    pub fn threads(mut self, threads: usize) -> Result<Runner, Error> {
        if threads == 0 {
            return Err(nutgraf_core::Error::config("threads", 0, "at least 1").into());
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Error::Threads {
                threads,
                message: e.to_string(),
            })?;
        self.pool = Some(Arc::new(pool));
        Ok(self)
    }

    /// Runs on this pool.
    pub fn pool(mut self, pool: Arc<rayon::ThreadPool>) -> Runner {
        self.pool = Some(pool);
        self
    }

    /// Sets the error policy.
    pub fn on_error(mut self, policy: OnError) -> Runner {
        self.on_error = policy;
        self
    }

    /// Items per chunk (at least 1).
    pub fn chunk_size(mut self, items: usize) -> Runner {
        self.chunk = Some(items.max(1));
        self
    }

    /// Stops when `token` is cancelled.
    pub fn cancel_token(mut self, token: CancelToken) -> Runner {
        self.cancel = token;
        self
    }

    /// Runs `work` over every item of `source` (with per-worker state from `init`), handing
    /// the results to `sink` in input order. Errors of the source and of the work that are
    /// confined to one record follow the error policy; others end the run.
    pub fn run<I, T, W, S>(
        &self,
        source: impl Iterator<Item = Result<I, Error>> + Send + 'static,
        init: impl Fn() -> W + Sync + Send,
        work: impl Fn(&mut W, I) -> Result<T, Error> + Sync + Send,
        sink: &mut S,
    ) -> Result<Outcome, RunError<S::Error>>
    where
        I: Send + 'static,
        T: Send,
        S: Sink<T>,
    {
        let threads = match &self.pool {
            Some(pool) => pool.current_num_threads(),
            None => rayon::current_num_threads(),
        };
        let chunk = self
            .chunk
            .unwrap_or_else(|| (CHUNK_PER_THREAD * threads).max(MIN_CHUNK));
        let chunks = spawn_reader(source, chunk, self.cancel.clone());
        let mut outcome = Outcome {
            read: 0,
            written: 0,
            skipped: 0,
            stopped: None,
        };
        let cancelled = || self.cancel.is_cancelled();
        loop {
            let chunk = match next_chunk(&chunks, &self.cancel) {
                Next::Chunk(chunk) => chunk,
                Next::End => break,
                Next::Failed(error) => {
                    return Err(RunError::Source {
                        error,
                        read: outcome.read,
                        written: outcome.written,
                    })
                }
            };
            let process = || {
                chunk
                    .into_par_iter()
                    .map_init(&init, |state, (index, item)| {
                        // A cancelled run skips the work still queued: it will not be written.
                        let result = if cancelled() {
                            None
                        } else {
                            Some(item.and_then(|item| work(state, item)))
                        };
                        (index, result)
                    })
                    .collect::<Vec<_>>()
            };
            let results =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &self.pool {
                    Some(pool) => pool.install(process),
                    None => process(),
                }));
            let results = results.map_err(|panic| RunError::Work {
                error: panicked("the work", panic.as_ref()),
            })?;
            for (index, result) in results {
                let Some(result) = result else {
                    outcome.stopped = Some(Stopped::Cancelled);
                    return Ok(outcome);
                };
                outcome.read = index + 1;
                match result {
                    Ok(value) => {
                        sink.write(index, value).map_err(|error| RunError::Sink {
                            error,
                            written: outcome.written,
                        })?;
                        outcome.written += 1;
                    }
                    Err(error)
                        if matches!(error.root(), Error::Core(nutgraf_core::Error::Io { .. })) =>
                    {
                        return Err(RunError::Source {
                            error,
                            read: index,
                            written: outcome.written,
                        })
                    }
                    Err(error) if !error.is_bad_record() => return Err(RunError::Work { error }),
                    Err(error) => {
                        sink.bad_record(index, &error);
                        if self.on_error == OnError::Stop {
                            outcome.stopped = Some(Stopped::BadRecord { index, error });
                            return Ok(outcome);
                        }
                        outcome.skipped += 1;
                    }
                }
            }
        }
        if cancelled() {
            outcome.stopped = Some(Stopped::Cancelled);
        }
        Ok(outcome)
    }
}

type Chunk<I> = Vec<(usize, Result<I, Error>)>;

/// What the reader thread sends: chunks, then an explicit end, so that a reader that died
/// (a panicking source) is never taken for the end of the input.
enum Message<I> {
    Chunk(Chunk<I>),
    End,
    Panicked(String),
}

/// The reader thread: items numbered in input order, in chunks, until the source ends, a
/// fatal error is sent, the run is cancelled, or the receiver is gone.
fn spawn_reader<I: Send + 'static>(
    source: impl Iterator<Item = Result<I, Error>> + Send + 'static,
    chunk_size: usize,
    cancel: CancelToken,
) -> Receiver<Message<I>> {
    let (sender, receiver) = sync_channel::<Message<I>>(2);
    std::thread::spawn(move || {
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut chunk = Vec::with_capacity(chunk_size);
            for (index, item) in source.enumerate() {
                if cancel.is_cancelled() {
                    return false;
                }
                let fatal = matches!(&item, Err(e) if !e.is_bad_record());
                chunk.push((index, item));
                if fatal {
                    break;
                }
                if chunk.len() == chunk_size {
                    let full = std::mem::replace(&mut chunk, Vec::with_capacity(chunk_size));
                    if sender.send(Message::Chunk(full)).is_err() {
                        return false;
                    }
                }
            }
            chunk.is_empty() || sender.send(Message::Chunk(chunk)).is_ok()
        }));
        let last = match read {
            Ok(true) => Message::End,
            Ok(false) => return,
            Err(panic) => Message::Panicked(panic_message(panic.as_ref())),
        };
        let _ = sender.send(last);
    });
    receiver
}

enum Next<I> {
    Chunk(Chunk<I>),
    End,
    Failed(Error),
}

/// The next chunk, or the end of the source (also once cancelled: checked while waiting, so
/// a source blocked in a read does not delay a cancellation), or the reader's failure.
fn next_chunk<I>(chunks: &Receiver<Message<I>>, cancel: &CancelToken) -> Next<I> {
    loop {
        if cancel.is_cancelled() {
            return Next::End;
        }
        match chunks.recv_timeout(Duration::from_millis(50)) {
            Ok(Message::Chunk(chunk)) => return Next::Chunk(chunk),
            Ok(Message::End) => return Next::End,
            Ok(Message::Panicked(message)) => {
                return Next::Failed(Error::Panicked {
                    what: "the source".into(),
                    message,
                })
            }
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                return Next::Failed(Error::Panicked {
                    what: "the source".into(),
                    message: "its thread ended without finishing".into(),
                })
            }
        }
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into())
}

fn panicked(what: &str, panic: &(dyn std::any::Any + Send)) -> Error {
    Error::Panicked {
        what: what.into(),
        message: panic_message(panic),
    }
}

/// A [`Sink`] from two closures: one for results, one for bad records.
pub struct FnSink<F, B> {
    write: F,
    bad: B,
}

impl<F, B> FnSink<F, B> {
    /// A sink that calls `write` for each result and `bad` for each bad record.
    pub fn new(write: F, bad: B) -> FnSink<F, B> {
        FnSink { write, bad }
    }
}

impl<T, E, F, B> Sink<T> for FnSink<F, B>
where
    F: FnMut(usize, T) -> Result<(), E>,
    B: FnMut(usize, &Error),
{
    type Error = E;
    fn write(&mut self, index: usize, item: T) -> Result<(), E> {
        (self.write)(index, item)
    }
    fn bad_record(&mut self, index: usize, error: &Error) {
        (self.bad)(index, error)
    }
}

/// The records of corpus files, read but not parsed (parse them in the work, on the
/// workers): the source of a run over files. Every input is checked first, so a missing
/// file fails here, before anything is done.
#[cfg(feature = "io")]
pub fn read_files(
    paths: &[std::path::PathBuf],
    options: &nutgraf_core::read::ReadOptions,
) -> Result<
    impl Iterator<Item = Result<nutgraf_core::read::RawRecord, Error>> + Send + 'static,
    Error,
> {
    let mut reader = nutgraf_core::read::Reader::open_all(paths, options)?;
    Ok(std::iter::from_fn(move || {
        reader.next_raw().map(|r| r.map_err(Error::from))
    }))
}

/// Parses a raw record, then runs `work` on its document; an error of the work is located at
/// the record's file and line.
pub fn with_record<T>(
    raw: nutgraf_core::read::RawRecord,
    options: &nutgraf_core::read::ReadOptions,
    splitter: &nutgraf_core::segment::SentenceSplitter,
    work: impl FnOnce(&nutgraf_core::Document) -> Result<T, Error>,
) -> Result<(nutgraf_core::Document, T), Error> {
    let record = raw.parse(options, splitter)?;
    match work(&record.document) {
        Ok(value) => Ok((record.document, value)),
        Err(e) => Err(Error::Record {
            path: record.source,
            line: record.line,
            id: record.document.id().map(str::to_string),
            source: Box::new(e),
        }),
    }
}
