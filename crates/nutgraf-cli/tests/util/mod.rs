//! A small harness over the built `nutgraf` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository.
pub fn shared() -> PathBuf {
    repo().join("../shared")
}

/// The bundled example article.
pub fn example() -> PathBuf {
    repo().join("examples/000_4fe1697fc82e48a7.txt")
}

/// The result of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Panics with both streams unless the exit code is `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Runs `nutgraf ARGS`.
pub fn nutgraf(args: &[&str]) -> Run {
    nutgraf_stdin(args, None)
}

/// Runs `nutgraf ARGS` with `stdin` as standard input.
pub fn nutgraf_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(args)
        .current_dir(repo())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn nutgraf");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    Run::from(child.wait_with_output().unwrap())
}

/// Writes `contents` to `name` in `dir` and returns the path as a string.
pub fn write(dir: &tempfile::TempDir, name: &str, contents: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

// ---------------------------------------------------------------------------------------------
// Runs with a hard deadline, for tests of runs that may hang (see tests/faults.rs). A hanging
// child is killed and the test fails saying so; a child is never left running after its test,
// even when the test panics (`Proc` kills it on drop).

/// How long a run may take before it counts as hung: 60 s, generous for a loaded 2-core
/// machine (the runs it guards take a few seconds), or `NUTGRAF_TEST_TIMEOUT_S` seconds.
pub fn timeout() -> std::time::Duration {
    let secs = std::env::var("NUTGRAF_TEST_TIMEOUT_S")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(60);
    std::time::Duration::from_secs(secs)
}

/// `nutgraf ARGS` as a command (run in the repository root, stdin closed), to spawn with
/// [`spawn_cmd`].
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nutgraf"));
    cmd.args(args).current_dir(repo()).stdin(Stdio::null());
    cmd
}

/// A running child with a deadline. Its stderr is always collected (on a thread, so that it
/// never blocks the child); its stdout is whatever the spawner chose.
pub struct Proc {
    child: std::process::Child,
    what: String,
    /// The read end of a piped stdout, when spawned with [`Stdout::Pipe`].
    pub stdout: Option<std::process::ChildStdout>,
    stdout_thread: Option<std::thread::JoinHandle<Vec<u8>>>,
    stderr_thread: Option<std::thread::JoinHandle<Vec<u8>>>,
    reaped: bool,
}

/// Where a spawned child's stdout goes.
pub enum Stdout {
    /// Piped and collected whole into [`Exit::stdout`].
    Capture,
    /// Piped and handed to the test as [`Proc::stdout`].
    Pipe,
    /// Anywhere else (a file such as `/dev/full`, `Stdio::null()`).
    To(Stdio),
}

/// How a child with a deadline ended.
pub struct Exit {
    pub status: std::process::ExitStatus,
    /// The exit code; `None` when a signal ended the child.
    pub code: Option<i32>,
    /// The collected stdout ([`Stdout::Capture`]; empty otherwise).
    pub stdout: String,
    pub stderr: String,
}

fn drain(mut r: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

/// Spawns `nutgraf ARGS` with stdout as asked.
pub fn spawn(args: &[&str], stdout: Stdout) -> Proc {
    spawn_cmd(command(args), stdout)
}

/// Spawns `cmd` (see [`command`]) with stdout as asked and stderr collected.
pub fn spawn_cmd(mut cmd: Command, stdout: Stdout) -> Proc {
    let what = format!("{cmd:?}");
    let (stdio, capture) = match stdout {
        Stdout::Capture => (Stdio::piped(), true),
        Stdout::Pipe => (Stdio::piped(), false),
        Stdout::To(stdio) => (stdio, false),
    };
    let mut child = cmd
        .stdout(stdio)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {what}: {e}"));
    let stderr_thread = Some(drain(child.stderr.take().unwrap()));
    let mut stdout = child.stdout.take();
    let stdout_thread = if capture {
        stdout.take().map(drain)
    } else {
        None
    };
    Proc {
        child,
        what,
        stdout,
        stdout_thread,
        stderr_thread,
        reaped: false,
    }
}

impl Proc {
    /// The child's process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// True once the child has exited (it is then reaped; [`Proc::finish`] still reports it).
    pub fn has_exited(&mut self) -> bool {
        let exited = matches!(self.child.try_wait(), Ok(Some(_)));
        self.reaped |= exited;
        exited
    }

    /// Polls the child until it exits or `timeout` passes.
    pub fn wait_timeout(
        &mut self,
        timeout: std::time::Duration,
    ) -> Option<std::process::ExitStatus> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                self.reaped = true;
                return Some(status);
            }
            if std::time::Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Kills the child (if it still runs) and reaps it.
    pub fn kill(&mut self) {
        if !self.reaped {
            let _ = self.child.kill();
            let _ = self.child.wait();
            self.reaped = true;
        }
    }

    /// Collected stderr so far; only call once the child is gone.
    fn collect(&mut self) -> (String, String) {
        let text = |t: Option<std::thread::JoinHandle<Vec<u8>>>| {
            t.map(|t| String::from_utf8_lossy(&t.join().unwrap_or_default()).into_owned())
                .unwrap_or_default()
        };
        self.stdout = None;
        (
            text(self.stdout_thread.take()),
            text(self.stderr_thread.take()),
        )
    }

    /// Reads the first line of the piped stdout ([`Stdout::Pipe`]), then closes the pipe, as
    /// `| head -1` does. Fails the test (killing the child) when no line comes in time.
    pub fn read_line_and_close(&mut self, timeout: std::time::Duration) -> String {
        use std::io::BufRead;
        let stdout = self
            .stdout
            .take()
            .expect("stdout was not piped (Stdout::Pipe)");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let mut reader = std::io::BufReader::new(stdout);
            let _ = reader.read_line(&mut line);
            drop(reader); // the pipe's read end closes here
            let _ = tx.send(line);
        });
        match rx.recv_timeout(timeout) {
            Ok(line) => line,
            Err(_) => {
                self.kill();
                let (_, stderr) = self.collect();
                panic!(
                    "no line on stdout within {timeout:?}: {}\nstderr:\n{}",
                    self.what,
                    tail(&stderr)
                );
            }
        }
    }

    /// Waits for the child to exit within `timeout`; when it does not, kills it and fails the
    /// test saying that it hung.
    pub fn finish(mut self, timeout: std::time::Duration) -> Exit {
        match self.wait_timeout(timeout) {
            Some(status) => {
                let (stdout, stderr) = self.collect();
                Exit {
                    status,
                    code: status.code(),
                    stdout,
                    stderr,
                }
            }
            None => {
                self.kill();
                let (_, stderr) = self.collect();
                panic!(
                    "HUNG: still running after {timeout:?}, killed: {}\nstderr:\n{}",
                    self.what,
                    tail(&stderr)
                );
            }
        }
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The last 2,000 bytes of `s` (for failure messages).
pub fn tail(s: &str) -> &str {
    let mut start = s.len().saturating_sub(2000);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}
