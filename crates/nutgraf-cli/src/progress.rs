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

/// Tracks a run.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
}

impl Progress {
    /// Starts tracking; shows a spinner only when `enabled` and stderr is a terminal.
    pub fn new(enabled: bool) -> Progress {
        Progress::with_style(
            enabled,
            None,
            "{spinner} {pos} documents {per_sec} {elapsed}",
        )
    }

    /// A bar of `len` steps (or a spinner without one) in `template`'s style.
    pub fn with_style(enabled: bool, len: Option<u64>, template: &str) -> Progress {
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| {
            let bar = match len {
                Some(n) => ProgressBar::new(n),
                None => ProgressBar::new_spinner(),
            };
            let style = ProgressStyle::with_template(template)
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

    /// Records `n` more steps.
    pub fn inc(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    /// Sets the position, the length and the message (a training bar).
    pub fn set(&self, position: u64, len: u64, message: String) {
        if let Some(bar) = &self.bar {
            bar.set_length(len);
            bar.set_position(position);
            bar.set_message(message);
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

    /// Clears the bar.
    pub fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
