//! `/metrics` in the Prometheus text exposition format (version 0.0.4): requests by route,
//! method and status, a latency histogram by route, requests in flight, the queue's depth and
//! capacity, and rejections by reason. Written by hand: a few counters do not need a crate.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Debug, Default, Clone)]
struct Histogram {
    /// Counts per bucket (not cumulative; summed when written).
    counts: [u64; BUCKETS.len()],
    /// Observations above the last bucket.
    over: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, secs: f64) {
        match BUCKETS.iter().position(|&b| secs <= b) {
            Some(i) => self.counts[i] += 1,
            None => self.over += 1,
        }
        self.sum += secs;
    }

    fn count(&self) -> u64 {
        self.counts.iter().sum::<u64>() + self.over
    }
}

#[derive(Debug, Default)]
struct Tables {
    /// (route, method, status) → count.
    requests: BTreeMap<(String, String, u16), u64>,
    /// route → latency.
    latency: BTreeMap<String, Histogram>,
    /// reason → count.
    rejections: BTreeMap<&'static str, u64>,
}

/// The server's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    tables: Mutex<Tables>,
    in_flight: AtomicI64,
}

/// The gauges read when `/metrics` is asked for.
#[derive(Debug, Clone, Copy)]
pub struct Gauges {
    /// Jobs waiting for a worker.
    pub queue_depth: usize,
    /// Jobs running on a worker.
    pub running: usize,
    /// Room for waiting jobs.
    pub queue_capacity: usize,
    /// Worker threads.
    pub workers: usize,
    /// 1 when ready to serve.
    pub ready: bool,
}

/// Error codes counted as rejections (the server refused work rather than failing it).
pub const REJECTIONS: [&str; 4] = [
    "queue_full",
    "timeout",
    "payload_too_large",
    "shutting_down",
];

/// Counts a request in flight while alive.
#[derive(Debug)]
pub struct InFlight<'a>(&'a Metrics);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Metrics {
    fn tables(&self) -> std::sync::MutexGuard<'_, Tables> {
        self.tables.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A request has started.
    pub fn start(&self) -> InFlight<'_> {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(self)
    }

    /// A request was answered; `code` is its error code, if it is an error.
    pub fn record(
        &self,
        route: &str,
        method: &str,
        status: u16,
        elapsed: Duration,
        code: Option<&str>,
    ) {
        let mut t = self.tables();
        *t.requests
            .entry((route.to_string(), method.to_string(), status))
            .or_default() += 1;
        t.latency
            .entry(route.to_string())
            .or_default()
            .observe(elapsed.as_secs_f64());
        if let Some(reason) = code.and_then(|c| REJECTIONS.iter().find(|r| **r == c)) {
            *t.rejections.entry(reason).or_default() += 1;
        }
    }

    /// The text format.
    pub fn render(&self, gauges: Gauges) -> String {
        let t = self.tables();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP nutgraf_http_requests_total HTTP requests answered, by route, method and status."
        );
        let _ = writeln!(out, "# TYPE nutgraf_http_requests_total counter");
        for ((route, method, status), n) in &t.requests {
            let _ = writeln!(
                out,
                "nutgraf_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{status}\"}} {n}",
                escape(route),
                escape(method)
            );
        }
        let _ = writeln!(
            out,
            "# HELP nutgraf_http_request_duration_seconds Time from a request's arrival to its answer, by route."
        );
        let _ = writeln!(
            out,
            "# TYPE nutgraf_http_request_duration_seconds histogram"
        );
        for (route, h) in &t.latency {
            let route = escape(route);
            let mut cumulative = 0;
            for (le, n) in BUCKETS.iter().zip(h.counts) {
                cumulative += n;
                let _ = writeln!(
                    out,
                    "nutgraf_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{le}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "nutgraf_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count()
            );
            let _ = writeln!(
                out,
                "nutgraf_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "nutgraf_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count()
            );
        }
        let gauge = |out: &mut String, name: &str, help: &str, value: i64| {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} gauge");
            let _ = writeln!(out, "{name} {value}");
        };
        gauge(
            &mut out,
            "nutgraf_http_requests_in_flight",
            "Requests being answered.",
            self.in_flight.load(Ordering::Relaxed),
        );
        gauge(
            &mut out,
            "nutgraf_queue_depth",
            "Jobs waiting for a worker.",
            gauges.queue_depth as i64,
        );
        gauge(
            &mut out,
            "nutgraf_jobs_running",
            "Jobs running on a worker.",
            gauges.running as i64,
        );
        gauge(
            &mut out,
            "nutgraf_queue_capacity",
            "Jobs that may wait for a worker (--queue).",
            gauges.queue_capacity as i64,
        );
        gauge(
            &mut out,
            "nutgraf_workers",
            "Worker threads (--workers).",
            gauges.workers as i64,
        );
        gauge(
            &mut out,
            "nutgraf_ready",
            "1 when the server takes requests, 0 while starting or shutting down.",
            i64::from(gauges.ready),
        );
        let _ = writeln!(
            out,
            "# HELP nutgraf_rejections_total Requests refused for load or limits, by reason."
        );
        let _ = writeln!(out, "# TYPE nutgraf_rejections_total counter");
        for reason in REJECTIONS {
            let n = t.rejections.get(reason).copied().unwrap_or(0);
            let _ = writeln!(out, "nutgraf_rejections_total{{reason=\"{reason}\"}} {n}");
        }
        out
    }
}

/// A label value, escaped as the format says (backslash, quote, newline).
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAUGES: Gauges = Gauges {
        queue_depth: 2,
        running: 1,
        queue_capacity: 8,
        workers: 2,
        ready: true,
    };

    #[test]
    fn histogram_buckets_are_cumulative_and_end_at_the_count() {
        let m = Metrics::default();
        for ms in [0, 3, 3, 40, 20_000] {
            m.record(
                "/v1/summarize",
                "POST",
                200,
                Duration::from_millis(ms),
                None,
            );
        }
        m.record(
            "/v1/summarize",
            "POST",
            503,
            Duration::ZERO,
            Some("queue_full"),
        );
        let text = m.render(GAUGES);
        let line = |prefix: &str| {
            text.lines()
                .find(|l| l.starts_with(prefix))
                .unwrap_or_else(|| panic!("{prefix} in\n{text}"))
                .rsplit(' ')
                .next()
                .unwrap()
                .to_string()
        };
        assert_eq!(
            line(
                r#"nutgraf_http_request_duration_seconds_bucket{route="/v1/summarize",le="0.005"}"#
            ),
            "4"
        );
        assert_eq!(
            line(
                r#"nutgraf_http_request_duration_seconds_bucket{route="/v1/summarize",le="+Inf"}"#
            ),
            "6"
        );
        assert_eq!(
            line(r#"nutgraf_http_request_duration_seconds_count{route="/v1/summarize"}"#),
            "6"
        );
        assert_eq!(
            line(
                r#"nutgraf_http_requests_total{route="/v1/summarize",method="POST",status="200"}"#
            ),
            "5"
        );
        assert_eq!(
            line(r#"nutgraf_rejections_total{reason="queue_full"}"#),
            "1"
        );
        assert_eq!(line("nutgraf_queue_depth"), "2");
        // Every sample line belongs to a family declared by a TYPE line before it.
        let mut declared = Vec::new();
        for l in text.lines() {
            if let Some(rest) = l.strip_prefix("# TYPE ") {
                declared.push(rest.split(' ').next().unwrap().to_string());
            } else if !l.starts_with('#') {
                let name = l.split(['{', ' ']).next().unwrap();
                assert!(
                    declared.iter().any(|d| name == d
                        || name
                            .strip_prefix(d.as_str())
                            .is_some_and(|s| ["_bucket", "_sum", "_count"].contains(&s))),
                    "{l}"
                );
            }
        }
    }

    #[test]
    fn labels_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
