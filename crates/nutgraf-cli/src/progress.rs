//! Progress on stderr: a bar when stderr is a terminal, and a final summary line.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Counts of a corpus run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Documents processed and written.
    pub documents: usize,
    /// Bad records reported and skipped.
    pub skipped: usize,
}

/// Tracks a corpus run.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
}

impl Progress {
    /// Starts tracking; shows a spinner only when `enabled` and stderr is a terminal.
    pub fn new(enabled: bool) -> Progress {
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            let style =
                ProgressStyle::with_template("{spinner} {pos} documents {per_sec} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
        }
    }

    /// Records `n` more documents.
    pub fn inc(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    /// Prints a line above the bar (or plainly when there is none).
    pub fn println(&self, msg: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{msg}")),
            None => eprintln!("{msg}"),
        }
    }

    /// Clears the bar and prints the final line: counts and documents per second.
    pub fn finish(&self, verb: &str, counts: Counts) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let secs = self.start.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            counts.documents as f64 / secs
        } else {
            0.0
        };
        eprintln!(
            "nutgraf: {verb} {} documents ({} bad records skipped) in {secs:.2} s, {rate:.0} docs/s",
            counts.documents, counts.skipped
        );
    }
}
