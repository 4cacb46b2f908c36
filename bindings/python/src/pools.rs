//! Worker threads: one rayon pool per thread count, built on first use and kept.
//!
//! The package never uses rayon's global pool: a pool's threads do not survive `fork()`, and a
//! child process that used the parent's pool would hang. After a fork the child drops its
//! inherited pools without touching them (`after_fork_in_child`, registered with
//! `os.register_at_fork` by the package) and builds new ones when asked.
//!
//! Results never depend on the thread count: every batch keeps input order, and each item is
//! computed by the same sequential code whichever thread runs it.

use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::errors;

static POOLS: Mutex<Vec<(usize, Arc<ThreadPool>)>> = Mutex::new(Vec::new());

/// The number of threads `None` stands for: every core this process may use.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn pool(py: Python<'_>, threads: usize) -> PyResult<Arc<ThreadPool>> {
    let mut pools = POOLS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, p)) = pools.iter().find(|(n, _)| *n == threads) {
        return Ok(Arc::clone(p));
    }
    let built = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("nutgraf-{i}"))
        .build()
        .map_err(|e| {
            errors::error(
                py,
                errors::Kind::Internal,
                format!("cannot start {threads} worker threads: {e}"),
            )
        })?;
    let built = Arc::new(built);
    pools.push((threads, Arc::clone(&built)));
    Ok(built)
}

/// Runs `work` on `threads` worker threads (all cores for `None`) with the GIL released.
/// A single document's work goes to the all-cores pool too, so that Python threads calling at
/// once are served by as many workers as there are cores (and code of the engine that uses
/// rayon inside, such as the learned model's matrix products, never starts rayon's global
/// pool).
pub fn run<R, F>(py: Python<'_>, threads: Option<usize>, work: F) -> PyResult<R>
where
    R: Send,
    F: FnOnce() -> R + Send,
{
    let pool = pool(py, threads.unwrap_or_else(all_cores))?;
    Ok(py.detach(|| pool.install(work)))
}

/// Forgets the pools inherited from the parent process (their threads are gone; dropping them
/// could wait on locks those threads held), so that new ones are built.
#[pyfunction]
pub fn after_fork_in_child() {
    let mut pools = POOLS.lock().unwrap_or_else(|p| p.into_inner());
    for (_, p) in pools.drain(..) {
        std::mem::forget(p);
    }
}
