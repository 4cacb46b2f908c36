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
