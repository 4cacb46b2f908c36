//! Regression tests for data-losing defects of the corpus runner (`src/cmd/corpus.rs`), run
//! against the built binary as a user runs it.
//!
//! The runner reads on a thread that sends chunks of 1,024 records into a `sync_channel(2)`
//! while the main thread works on them inside `thread::scope`. When the main thread leaves its
//! receive loop early (an output error, `--on-error stop`), the receiver is not dropped before
//! the scope joins the reader, which sits blocked in `send` on the full channel: the process
//! never exits. Every corpus here therefore has over 10,000 records (more than the 3 chunks
//! that fill the channel), and every run has a hard deadline (`util::timeout()`, 60 s): a run
//! that does not exit in time is killed and the test fails with "HUNG". Fixed, each of these
//! runs takes a few seconds at most.
//!
//! Test names start with the number of the defect they cover:
//! r1 deadlock on an output error (closed pipe, full disk), r2 deadlock on an early bad record,
//! r3 an I/O error taken for a bad record under `--on-error skip`, r4 a closed pipe reported as
//! an error with JSON output, and torn lines after SIGINT, r5 directories read non-recursively.

mod util;

use std::fs::File;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use util::{spawn, spawn_cmd, tail, timeout, Exit, Stdout};

/// The big corpus is the validation set this many times: 3 x 4,368 = 13,104 records.
const REPEAT: usize = 3;

/// The big corpus, made once per test binary.
struct Corpus {
    /// The validation set's lines (without their newline); the big corpus repeats them.
    base: Vec<String>,
    /// The ids of the big corpus's records, in order.
    ids: Vec<String>,
    /// The big corpus as plain JSONL.
    jsonl: PathBuf,
    /// The same, gzipped.
    gz: PathBuf,
}

impl Corpus {
    fn len(&self) -> usize {
        self.base.len() * REPEAT
    }

    /// Line `i` (0-based) of the big corpus.
    fn line(&self, i: usize) -> &str {
        &self.base[i % self.base.len()]
    }

    fn jsonl(&self) -> &str {
        self.jsonl.to_str().unwrap()
    }
}

/// Decompresses the validation set and writes it `REPEAT` times into the target's temporary
/// directory (a fixed place, rewritten on each run, so nothing piles up in /tmp; each file is
/// written aside and renamed, so a concurrent run never reads half a file).
fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let src = util::shared().join("data/cnndm/validation.jsonl.gz");
        let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(
            File::open(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display())),
        ));
        let base: Vec<String> = reader
            .lines()
            .map(Result::unwrap)
            .filter(|l| !l.trim().is_empty())
            .collect();
        let base_ids: Vec<String> = base.iter().map(|l| id_of(l)).collect();
        let ids: Vec<String> = (0..REPEAT).flat_map(|_| base_ids.iter().cloned()).collect();
        assert!(
            ids.len() >= 10_000,
            "the big corpus has {} records",
            ids.len()
        );

        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("nutgraf-faults");
        std::fs::create_dir_all(&dir).unwrap();
        let pid = std::process::id();
        let jsonl = dir.join("big.jsonl");
        let gz = dir.join("big.jsonl.gz");
        let tmp = dir.join(format!("big.jsonl.{pid}.tmp"));
        let tmp_gz = dir.join(format!("big.jsonl.gz.{pid}.tmp"));
        let mut plain = BufWriter::new(File::create(&tmp).unwrap());
        let mut packed = flate2::write::GzEncoder::new(
            BufWriter::new(File::create(&tmp_gz).unwrap()),
            flate2::Compression::fast(),
        );
        for _ in 0..REPEAT {
            for line in &base {
                writeln!(plain, "{line}").unwrap();
                writeln!(packed, "{line}").unwrap();
            }
        }
        plain.into_inner().unwrap().sync_all().unwrap();
        packed
            .finish()
            .unwrap()
            .into_inner()
            .unwrap()
            .sync_all()
            .unwrap();
        std::fs::rename(&tmp, &jsonl).unwrap();
        std::fs::rename(&tmp_gz, &gz).unwrap();
        Corpus {
            base,
            ids,
            jsonl,
            gz,
        }
    })
}

fn id_of(line: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(line)
        .unwrap_or_else(|e| panic!("not a JSON line ({e}): {}", &line[..line.len().min(200)]));
    v["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no id: {}", &line[..line.len().min(200)]))
        .to_string()
}

/// The ids of `--output jsonl` (one record a line).
fn ids(stdout: &str) -> Vec<String> {
    stdout.lines().map(id_of).collect()
}

/// Writes `lines`, each with its newline, to `name` in `dir`.
fn write_lines<'a>(
    dir: &tempfile::TempDir,
    name: &str,
    lines: impl IntoIterator<Item = &'a str>,
) -> String {
    let path = dir.path().join(name);
    let mut w = BufWriter::new(File::create(&path).unwrap());
    for line in lines {
        writeln!(w, "{line}").unwrap();
    }
    w.flush().unwrap();
    path.to_str().unwrap().to_string()
}

/// A closed pipe is normal use (`| head`): exit 0 and nothing on stderr that reads as an error.
fn assert_quiet_success(exit: &Exit, what: &str) {
    assert_eq!(
        exit.code,
        Some(0),
        "{what}: exit status {:?}, expected 0\nstderr:\n{}",
        exit.status,
        tail(&exit.stderr)
    );
    let lower = exit.stderr.to_lowercase();
    assert!(
        !lower.contains("error") && !lower.contains("broken pipe"),
        "{what}: a closed pipe is not an error, but stderr says:\n{}",
        tail(&exit.stderr)
    );
}

/// An output that cannot be written is an error: a non-zero exit code (not a signal, not a
/// hang) and the reason on stderr.
fn assert_write_failure(exit: &Exit, what: &str) {
    assert!(
        matches!(exit.code, Some(c) if c != 0),
        "{what}: exit status {:?}, expected a non-zero exit code\nstderr:\n{}",
        exit.status,
        tail(&exit.stderr)
    );
    assert!(
        exit.stderr.contains("No space left on device"),
        "{what}: stderr does not give the write failure:\n{}",
        tail(&exit.stderr)
    );
}

/// Runs `args` with stdout piped, reads one line, closes the pipe (`| head -1`), and expects a
/// quiet exit 0 in time.
fn head_exits_promptly(args: &[&str]) {
    let what = format!("nutgraf {} | head -1", args.join(" "));
    let mut proc = spawn(args, Stdout::Pipe);
    let line = proc.read_line_and_close(timeout());
    assert!(line.starts_with('{'), "{what}: first line {line:?}");
    let exit = proc.finish(timeout());
    assert_quiet_success(&exit, &what);
}

fn dev_full() -> Stdio {
    let full = Path::new("/dev/full");
    assert!(full.exists(), "these tests need Linux's /dev/full");
    Stdio::from(File::options().write(true).open(full).unwrap())
}

// --- r1: deadlock on any output error --------------------------------------------------------
// An output error makes the main thread return from the scope while the reader is blocked on
// the full channel. Today each of these hangs (killed at the deadline: "HUNG").

/// `nutgraf summarize BIG --output jsonl | head -1` must end, quietly, with exit 0.
#[test]
fn r1_summarize_head_exits_promptly() {
    let c = corpus();
    head_exits_promptly(&["summarize", c.jsonl(), "--output", "jsonl"]);
}

/// `nutgraf oracle BIG | head -1` must end, quietly, with exit 0.
#[test]
fn r1_oracle_head_exits_promptly() {
    let c = corpus();
    head_exits_promptly(&["oracle", c.jsonl()]);
}

/// `nutgraf eval BIG --per-doc FILE` with FILE a pipe that closes (`--per-doc /dev/stdout |
/// head -1`): the per-document output fails like any other; same expectation as above.
#[test]
fn r1_eval_per_doc_head_exits_promptly() {
    let c = corpus();
    head_exits_promptly(&["eval", c.jsonl(), "--per-doc", "/dev/stdout"]);
}

/// `nutgraf summarize BIG --output jsonl > /dev/full`: a full disk loses the output, so the run
/// must fail (non-zero exit, "No space left on device" on stderr), promptly.
#[test]
fn r1_summarize_disk_full_fails_promptly() {
    let c = corpus();
    let args = ["summarize", c.jsonl(), "--output", "jsonl"];
    let exit = spawn(&args, Stdout::To(dev_full())).finish(timeout());
    assert_write_failure(&exit, "summarize BIG --output jsonl > /dev/full");
}

/// `nutgraf eval BIG --per-doc /dev/full`: the same for the per-document file.
#[test]
fn r1_eval_per_doc_disk_full_fails_promptly() {
    let c = corpus();
    let args = ["eval", c.jsonl(), "--per-doc", "/dev/full"];
    let exit = spawn(&args, Stdout::Capture).finish(timeout());
    assert_write_failure(&exit, "eval BIG --per-doc /dev/full");
}

// --- r2: deadlock on an early bad record -----------------------------------------------------

/// Line 10 of a 13,104-line corpus is `{broken json`. With the default `--on-error stop` the
/// run must write the 9 records before it (the documented contract: "stops the run after
/// writing everything before it"), name the file and line, and exit 1. Today the error is
/// printed, then the run hangs with nothing on stdout (the output is never flushed).
#[test]
fn r2_early_bad_record_stops_promptly_after_writing_the_records_before_it() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let lines = (0..c.len()).map(|i| if i == 9 { "{broken json" } else { c.line(i) });
    let path = write_lines(&dir, "broken.jsonl", lines);
    let exit = spawn(&["summarize", &path, "--output", "jsonl"], Stdout::Capture).finish(timeout());
    assert_eq!(
        exit.code,
        Some(1),
        "exit status {:?}, expected 1 (stopped at a bad record)\nstderr:\n{}",
        exit.status,
        tail(&exit.stderr)
    );
    assert_eq!(
        ids(&exit.stdout),
        c.ids[..9],
        "the 9 records before line 10"
    );
    assert!(
        exit.stderr.contains("broken.jsonl:10"),
        "stderr does not name the file and line:\n{}",
        tail(&exit.stderr)
    );
}

// --- r3: silent loss under --on-error skip ---------------------------------------------------

/// The gzipped big corpus cut to half its bytes, with `--on-error skip`. Today: exit 0 and
/// "1 bad records skipped", as if one record were bad, while half the corpus is missing. A
/// decompression (I/O) error is not a bad record: the rest of the input cannot be read, so the
/// run must fail (non-zero exit) and say how much it did.
///
/// The wording is the fixer's to choose; what is checked, loosely:
/// - the exit code is not 0 (nor a signal);
/// - stdout holds the records that could be read before the cut, in order, and at least one;
/// - stderr states that count: the number of lines on stdout appears as a number on stderr
///   (e.g. "... after reading 6644 records, 6644 written");
/// - stderr does not count the I/O error as a skipped bad record ("1 bad records skipped").
#[test]
fn r3_truncated_gzip_is_an_error_not_a_skipped_record() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(&c.gz).unwrap();
    let path = util::write(&dir, "cut.jsonl.gz", &bytes[..bytes.len() / 2]);
    let args = [
        "summarize",
        &path,
        "--output",
        "jsonl",
        "--on-error",
        "skip",
    ];
    let exit = spawn(&args, Stdout::Capture).finish(timeout());
    assert!(
        matches!(exit.code, Some(c) if c != 0),
        "a truncated .gz must fail the run: exit status {:?}\nstderr:\n{}",
        exit.status,
        tail(&exit.stderr)
    );
    let written = ids(&exit.stdout);
    assert!(
        !written.is_empty() && written.len() < c.len(),
        "{} records written of {}",
        written.len(),
        c.len()
    );
    assert!(
        written == c.ids[..written.len()],
        "the records written are not the corpus's first {}",
        written.len()
    );
    assert!(
        numbers(&exit.stderr).contains(&written.len()),
        "stderr does not say how many records were written ({}):\n{}",
        written.len(),
        tail(&exit.stderr)
    );
    assert!(
        !exit.stderr.contains("1 bad records skipped"),
        "the I/O error is counted as a bad record:\n{}",
        tail(&exit.stderr)
    );
}

/// The numbers in `text` (digit runs; a `,` or `_` between digits is a thousands separator).
fn numbers(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &ch) in chars.iter().enumerate() {
        let separator = matches!(ch, ',' | '_')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if ch.is_ascii_digit() {
            cur.push(ch);
        } else if !separator && !cur.is_empty() {
            out.extend(cur.parse::<usize>().ok());
            cur.clear();
        }
    }
    out.extend(cur.parse::<usize>().ok());
    out
}

// --- r4: broken pipe with JSON output; torn lines after SIGINT -------------------------------

/// The first 50 validation records (one chunk: no deadlock), `--output json`, pipe closed
/// after the first line. serde_json wraps the `io::Error`, so main's broken-pipe check misses
/// it: today "nutgraf: error: Broken pipe (os error 32)" and exit 2. Expected: quiet exit 0.
/// (The output, ~300 KB, overflows the pipe, so the run does meet the closed pipe.)
#[test]
fn r4_json_output_broken_pipe_is_silent() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let path = write_lines(&dir, "small.jsonl", c.base[..50].iter().map(String::as_str));
    head_exits_promptly(&["summarize", &path, "--output", "json"]);
}

/// SIGINT during `nutgraf eval BIG --per-doc FILE` must leave FILE with whole JSON lines only
/// (a per-document file cut mid-record is unreadable as JSONL), and exit non-zero (130 is
/// conventional). Today SIGINT kills the process with its `BufWriter` flushed at an arbitrary
/// byte, so FILE ends inside a record (it could end on a line break by chance: well under 1%).
#[test]
fn r4_sigint_leaves_whole_json_lines_in_the_per_doc_file() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let per_doc = dir.path().join("per-doc.jsonl");
    let per_doc_arg = per_doc.to_str().unwrap();
    // The big corpus three times: 39,312 documents, so that the run is still going when the
    // signal comes.
    let args = [
        "eval",
        c.jsonl(),
        c.jsonl(),
        c.jsonl(),
        "--per-doc",
        per_doc_arg,
    ];
    // A process started in the background by a non-interactive shell inherits SIGINT ignored,
    // and so would nutgraf: restore the default then, or the signal would test nothing.
    let cmd = if sigint_ignored() {
        let mut cmd = Command::new("env");
        cmd.arg("--default-signal=INT")
            .arg(env!("CARGO_BIN_EXE_nutgraf"))
            .args(args)
            .current_dir(util::repo())
            .stdin(Stdio::null());
        cmd
    } else {
        util::command(&args)
    };
    let mut proc = spawn_cmd(cmd, Stdout::Capture);
    let deadline = Instant::now() + timeout();
    while !std::fs::metadata(&per_doc).is_ok_and(|m| m.len() > 0) {
        assert!(
            !proc.has_exited(),
            "eval ended before writing to the per-doc file"
        );
        if Instant::now() > deadline {
            proc.kill();
            panic!("HUNG: nothing in the per-doc file after {:?}", timeout());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        !proc.has_exited(),
        "eval finished before the SIGINT; the corpus is too small for this test"
    );
    let status = Command::new("kill")
        .args(["-INT", &proc.id().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -INT failed");
    let exit = proc.finish(timeout());
    assert!(
        !exit.status.success(),
        "exit status {:?} after SIGINT, expected non-zero\nstderr:\n{}",
        exit.status,
        tail(&exit.stderr)
    );
    let text = std::fs::read_to_string(&per_doc).unwrap();
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "after SIGINT the per-doc file ({} bytes) ends inside a record: ...{:?}",
        text.len(),
        &text[text.len().saturating_sub(120)..]
    );
    for (i, line) in text.lines().enumerate() {
        let parsed = serde_json::from_str::<serde_json::Value>(line);
        assert!(
            parsed.is_ok_and(|v| v["id"].is_string()),
            "per-doc line {} is not a whole record: {:?}",
            i + 1,
            &line[..line.len().min(200)]
        );
    }
}

/// Whether this process ignores SIGINT (so that its children would too).
fn sigint_ignored() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (2 - 1)) != 0)
}

// --- r5: directories ------------------------------------------------------------------------

/// DIR with `a.txt`, `sub/b.txt`, `z.txt`, and hidden `.c.txt` and `.hidden/d.txt`.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::create_dir(dir.path().join(".hidden")).unwrap();
    util::write(&dir, "a.txt", b"ay one\nay two\n");
    util::write(&dir, "sub/b.txt", b"bee one\nbee two\n");
    util::write(&dir, "z.txt", b"zed one\nzed two\n");
    util::write(&dir, ".c.txt", b"sea one\nsea two\n");
    util::write(&dir, ".hidden/d.txt", b"dee one\ndee two\n");
    dir
}

fn summarize_dir(dir: &tempfile::TempDir) -> Exit {
    let args = [
        "summarize",
        dir.path().to_str().unwrap(),
        "-k",
        "1",
        "--output",
        "jsonl",
        "--input-format",
        "lines",
    ];
    spawn(&args, Stdout::Capture).finish(timeout())
}

/// A directory argument is every file under it, recursively, in path order (`a.txt`,
/// `sub/b.txt`, `z.txt`: the same order whether sorted by whole path or walked depth-first in
/// name order); hidden files stay skipped, and so do hidden directories. Today `sub/b.txt` is
/// skipped silently: ids [a, z].
#[test]
fn r5_directories_are_read_recursively_in_path_order() {
    let dir = tree();
    let exit = summarize_dir(&dir);
    assert_eq!(
        exit.code,
        Some(0),
        "exit status {:?}\nstderr:\n{}",
        exit.status,
        tail(&exit.stderr)
    );
    assert_eq!(ids(&exit.stdout), ["a", "b", "z"]);
}

/// The same tree with a symlink loop, `sub/loop -> DIR`: the walk must end (no hang, no stack
/// overflow) and read every file once, whether it skips the symlinked directory or follows it
/// once and notices that it was there already. Today: no hang, but `sub/b.txt` is missing.
#[test]
fn r5_a_symlink_loop_is_walked_once_without_hanging() {
    let dir = tree();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let exit = summarize_dir(&dir);
    assert_eq!(
        exit.code,
        Some(0),
        "exit status {:?}\nstderr:\n{}",
        exit.status,
        tail(&exit.stderr)
    );
    assert_eq!(ids(&exit.stdout), ["a", "b", "z"]);
}
