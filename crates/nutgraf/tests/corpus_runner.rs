//! The corpus runner: input order at any thread count, the error policy, fatal source errors,
//! failing sinks and cancellation, each ending the run promptly with nothing finished lost.

use std::time::{Duration, Instant};

use nutgraf::corpus::{CancelToken, FnSink, OnError, RunError, Runner, Stopped};
use nutgraf::Error;

fn bad(index: usize) -> Error {
    nutgraf_core::Error::Record {
        path: "corpus.jsonl".into(),
        line: index + 1,
        message: "invalid JSON".into(),
    }
    .into()
}

fn io_error() -> Error {
    nutgraf_core::Error::Io {
        path: "corpus.jsonl.gz".into(),
        source: std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "truncated gzip"),
    }
    .into()
}

/// What a run gave: the written (index, value) pairs, the bad records' indices, the result.
type Ran = (
    Vec<(usize, u64)>,
    Vec<usize>,
    Result<nutgraf::corpus::Outcome, RunError<String>>,
);

/// Runs `source` squaring each item.
fn run(runner: &Runner, source: impl Iterator<Item = Result<u64, Error>> + Send + 'static) -> Ran {
    let mut written = Vec::new();
    let mut bad_records = Vec::new();
    let mut sink = FnSink::new(
        |i, v| {
            written.push((i, v));
            Ok::<(), String>(())
        },
        |i, _: &Error| bad_records.push(i),
    );
    let result = runner.run(source, || (), |_, x: u64| Ok(x * x), &mut sink);
    (written, bad_records, result)
}

#[test]
fn results_come_in_input_order_at_any_thread_count() {
    let expect: Vec<(usize, u64)> = (0..5000u64).map(|i| (i as usize, i * i)).collect();
    for threads in [1, 2, 4] {
        let runner = Runner::new().threads(threads).unwrap().chunk_size(97);
        let (written, _, result) = run(&runner, (0..5000u64).map(Ok));
        assert_eq!(written, expect, "{threads} threads");
        let outcome = result.unwrap();
        assert_eq!(
            (outcome.read, outcome.written, outcome.skipped),
            (5000, 5000, 0)
        );
        assert!(outcome.stopped.is_none());
    }
}

#[test]
fn stop_writes_exactly_the_records_before_the_bad_one() {
    let source = (0..20_000u64).map(|i| if i == 9 { Err(bad(9)) } else { Ok(i) });
    let runner = Runner::new().threads(2).unwrap();
    let (written, bad_records, result) = run(&runner, source);
    assert_eq!(
        written.iter().map(|w| w.0).collect::<Vec<_>>(),
        (0..9).collect::<Vec<_>>()
    );
    assert_eq!(bad_records, vec![9]);
    match result.unwrap().stopped {
        Some(Stopped::BadRecord { index: 9, error }) => {
            assert!(error.to_string().contains("corpus.jsonl:10"), "{error}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn skip_counts_bad_records_and_goes_on() {
    let source = (0..3000u64).map(|i| {
        if i % 1000 == 5 {
            Err(bad(i as usize))
        } else {
            Ok(i)
        }
    });
    let runner = Runner::new().on_error(OnError::Skip).chunk_size(64);
    let (written, bad_records, result) = run(&runner, source);
    assert_eq!(written.len(), 2997);
    assert_eq!(bad_records, vec![5, 1005, 2005]);
    let outcome = result.unwrap();
    assert_eq!(
        (outcome.read, outcome.written, outcome.skipped),
        (3000, 2997, 3)
    );
}

#[test]
fn an_io_error_is_not_a_bad_record_even_under_skip() {
    let source = (0..10_000u64).map(|i| if i == 4321 { Err(io_error()) } else { Ok(i) });
    let runner = Runner::new().on_error(OnError::Skip).chunk_size(100);
    let (written, bad_records, result) = run(&runner, source);
    assert_eq!(written.len(), 4321);
    assert!(bad_records.is_empty());
    match result {
        Err(RunError::Source {
            read: 4321,
            written: 4321,
            error,
        }) => {
            assert!(error.to_string().contains("truncated gzip"), "{error}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_failing_sink_ends_the_run_promptly_even_on_an_endless_source() {
    let start = Instant::now();
    let mut seen = 0;
    let mut sink = FnSink::new(
        |_, _: u64| {
            seen += 1;
            if seen == 3 {
                Err("broken pipe")
            } else {
                Ok(())
            }
        },
        |_, _: &Error| {},
    );
    let result = Runner::new()
        .chunk_size(10)
        .run((0u64..).map(Ok), || (), |_, x| Ok(x), &mut sink);
    match result {
        Err(RunError::Sink {
            error: "broken pipe",
            written: 2,
        }) => {}
        other => panic!("{other:?}"),
    }
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn cancellation_stops_after_whole_results_even_when_the_source_blocks() {
    let token = CancelToken::new();
    let runner = Runner::new().chunk_size(1).cancel_token(token.clone());
    // A source that gives 5 items and then blocks forever, like a terminal on stdin.
    let source = (0u64..).map(|i| {
        if i >= 5 {
            std::thread::sleep(Duration::from_secs(3600));
        }
        Ok(i)
    });
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        token.cancel();
    });
    let start = Instant::now();
    let (written, _, result) = run(&runner, source);
    canceller.join().unwrap();
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(
        written,
        (0..5u64).map(|i| (i as usize, i * i)).collect::<Vec<_>>()
    );
    assert!(matches!(result.unwrap().stopped, Some(Stopped::Cancelled)));
}

#[test]
fn empty_in_empty_out() {
    let (written, _, result) = run(&Runner::new(), std::iter::empty());
    assert!(written.is_empty());
    let outcome = result.unwrap();
    assert_eq!((outcome.read, outcome.written), (0, 0));
}

#[test]
fn a_panicking_source_is_an_error_not_the_end_of_the_input() {
    let source = (0..5000u64).map(|i| {
        if i == 3000 {
            panic!("decoder bug");
        }
        Ok(i)
    });
    let (written, _, result) = run(&Runner::new().chunk_size(100), source);
    assert_eq!(written.len(), 3000);
    match result {
        Err(RunError::Source {
            error,
            written: 3000,
            ..
        }) => {
            assert!(error.to_string().contains("decoder bug"), "{error}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_panicking_work_is_an_error_after_the_chunks_before_it() {
    let mut written = Vec::new();
    let mut sink = FnSink::new(
        |i, v: u64| {
            written.push((i, v));
            Ok::<(), String>(())
        },
        |_, _: &Error| {},
    );
    let result = Runner::new().chunk_size(10).run(
        (0..100u64).map(Ok),
        || (),
        |_, x| {
            assert!(x != 55, "method bug");
            Ok(x)
        },
        &mut sink,
    );
    assert_eq!(written.len(), 50);
    match result {
        Err(RunError::Work { error }) => {
            assert!(error.to_string().contains("method bug"), "{error}")
        }
        other => panic!("{other:?}"),
    }
}
