//! The CPU pool: summarizing and scoring run on a fixed set of rayon threads, never on the
//! async runtime's, behind a bounded queue. A job is admitted only while fewer than
//! `workers + queue` jobs are running or waiting; past that, [`Pool::submit`] answers at once
//! with [`Full`], and the request gets a 503 with `Retry-After` instead of piling up.
//!
//! A job whose request has gone away (timed out, or the client closed the connection) is
//! skipped when a worker reaches it, and a batch stops between documents: see [`Cancel`].

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::oneshot;

/// The queue is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full;

/// Set when the request of a job is gone; the job checks it before starting and between
/// documents.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Whether the request is gone.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Cancels its job when dropped: the handler holds it while it waits, so that a dropped
/// handler (timeout, closed connection) cancels the work it queued.
#[derive(Debug)]
pub struct CancelOnDrop(Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0 .0.store(true, Ordering::Relaxed);
    }
}

/// The pool's gauges.
#[derive(Debug, Default)]
struct Counts {
    /// Jobs admitted and not finished (running or waiting).
    admitted: AtomicUsize,
    /// Jobs running.
    running: AtomicUsize,
}

/// A fixed pool of worker threads with a bounded queue.
#[derive(Debug, Clone)]
pub struct Pool {
    threads: Arc<rayon::ThreadPool>,
    workers: usize,
    capacity: usize,
    counts: Arc<Counts>,
}

impl Pool {
    /// `workers` threads, and room for `queue` jobs waiting beside the running ones.
    pub fn new(workers: usize, queue: usize) -> std::io::Result<Pool> {
        let threads = rayon::ThreadPoolBuilder::new()
            .num_threads(workers)
            .thread_name(|i| format!("nutgraf-worker-{i}"))
            .build()
            .map_err(std::io::Error::other)?;
        Ok(Pool {
            threads: Arc::new(threads),
            workers,
            capacity: workers + queue,
            counts: Arc::default(),
        })
    }

    /// Worker threads.
    pub fn workers(&self) -> usize {
        self.workers
    }

    /// Jobs waiting for a worker.
    pub fn queued(&self) -> usize {
        let admitted = self.counts.admitted.load(Ordering::Relaxed);
        admitted.saturating_sub(self.counts.running.load(Ordering::Relaxed))
    }

    /// Jobs running.
    pub fn running(&self) -> usize {
        self.counts.running.load(Ordering::Relaxed)
    }

    /// Room for waiting jobs.
    pub fn queue_capacity(&self) -> usize {
        self.capacity - self.workers
    }

    /// Queues `job`; its result arrives on the receiver (which closes without a value when the
    /// job panicked or was cancelled). The guard cancels the job when dropped.
    pub fn submit<T, F>(&self, job: F) -> Result<(oneshot::Receiver<T>, CancelOnDrop), Full>
    where
        T: Send + 'static,
        F: FnOnce(&Cancel) -> T + Send + 'static,
    {
        let counts = &self.counts;
        let admitted = counts.admitted.fetch_add(1, Ordering::AcqRel);
        if admitted >= self.capacity {
            counts.admitted.fetch_sub(1, Ordering::AcqRel);
            return Err(Full);
        }
        let (tx, rx) = oneshot::channel();
        let cancel = Cancel::default();
        let token = cancel.clone();
        let counts = Arc::clone(counts);
        self.threads.spawn(move || {
            // Decrements on every exit, a panic included.
            struct Done(Arc<Counts>);
            impl Drop for Done {
                fn drop(&mut self) {
                    self.0.running.fetch_sub(1, Ordering::AcqRel);
                    self.0.admitted.fetch_sub(1, Ordering::AcqRel);
                }
            }
            counts.running.fetch_add(1, Ordering::AcqRel);
            let _done = Done(counts);
            if token.is_cancelled() || tx.is_closed() {
                return;
            }
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&token)));
            if let Ok(value) = result {
                let _ = tx.send(value);
            }
        });
        Ok((rx, CancelOnDrop(cancel)))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_full_queue_refuses_at_once_and_recovers() {
        let pool = Pool::new(1, 1).unwrap();
        let (release_tx, release_rx) = mpsc::channel::<()>();
        let release_rx = Arc::new(std::sync::Mutex::new(release_rx));
        let hold = |rx: Arc<std::sync::Mutex<mpsc::Receiver<()>>>| {
            move |_: &Cancel| {
                let _ = rx.lock().unwrap().recv_timeout(Duration::from_secs(10));
                1
            }
        };
        let first = pool.submit(hold(release_rx.clone())).unwrap();
        let second = pool.submit(hold(release_rx.clone())).unwrap();
        assert_eq!(pool.submit(|_| 3).err(), Some(Full));
        release_tx.send(()).unwrap();
        release_tx.send(()).unwrap();
        assert_eq!(first.0.blocking_recv().unwrap(), 1);
        assert_eq!(second.0.blocking_recv().unwrap(), 1);
        // Both slots are free again once the jobs' guards have run.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while pool.counts.admitted.load(Ordering::Acquire) > 0 {
            assert!(std::time::Instant::now() < deadline);
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(pool.submit(|_| 4).unwrap().0.blocking_recv().unwrap(), 4);
    }

    #[test]
    fn a_panicking_job_closes_its_channel_and_frees_its_slot() {
        let pool = Pool::new(1, 0).unwrap();
        let (rx, _guard) = pool.submit(|_| -> u8 { panic!("boom") }).unwrap();
        assert!(rx.blocking_recv().is_err());
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while pool.counts.admitted.load(Ordering::Acquire) > 0 {
            assert!(std::time::Instant::now() < deadline);
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn a_cancelled_job_does_not_run() {
        let pool = Pool::new(1, 1).unwrap();
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let (blocker, _g) = pool
            .submit(move |_| {
                let _ = gate_rx.recv_timeout(Duration::from_secs(10));
            })
            .unwrap();
        let ran = Arc::new(AtomicBool::new(false));
        let flag = ran.clone();
        let (rx, guard) = pool
            .submit(move |_| flag.store(true, Ordering::SeqCst))
            .unwrap();
        drop(guard);
        gate_tx.send(()).unwrap();
        blocker.blocking_recv().unwrap();
        assert!(rx.blocking_recv().is_err());
        assert!(!ran.load(Ordering::SeqCst));
    }
}
