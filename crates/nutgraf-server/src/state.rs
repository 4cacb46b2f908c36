//! What every handler shares.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::config::Cache;
use crate::metrics::Metrics;
use crate::pool::Pool;

/// The server's state, behind an `Arc`.
#[derive(Debug)]
pub struct AppState {
    /// The CPU pool.
    pub pool: Pool,
    /// Built summarizers.
    pub cache: Cache,
    /// `--model`: the SummaRuNNer model of `{"method": "summarunner"}`.
    pub model: Option<PathBuf>,
    /// `--max-body`.
    pub max_body: usize,
    /// `--timeout`.
    pub timeout: Duration,
    /// Counters for `/metrics`.
    pub metrics: Metrics,
    /// The body of `/v1/methods`, serialized once.
    pub methods: Vec<u8>,
    ready: AtomicBool,
    shutting_down: AtomicBool,
}

impl AppState {
    /// A state that is not ready yet.
    pub fn new(pool: Pool, model: Option<PathBuf>, max_body: usize, timeout: Duration) -> AppState {
        AppState {
            pool,
            cache: Cache::default(),
            model,
            max_body,
            timeout,
            metrics: Metrics::default(),
            methods: serde_json::to_vec(&crate::catalog::methods()).unwrap_or_default(),
            ready: AtomicBool::new(false),
            shutting_down: AtomicBool::new(false),
        }
    }

    /// Ready to serve: started and not shutting down.
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire) && !self.is_shutting_down()
    }

    /// Shutdown has started.
    pub fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::Acquire)
    }

    /// Marks the server ready.
    pub fn set_ready(&self) {
        self.ready.store(true, Ordering::Release);
    }

    /// Marks the start of shutdown.
    pub fn set_shutting_down(&self) {
        self.shutting_down.store(true, Ordering::Release);
    }
}
