//! Serving: the accept loop over hyper, with a connection cap, a header-read timeout against
//! slow clients, and graceful shutdown (the listener closes, requests in flight finish,
//! keep-alive connections close after their current answer).

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::pool::Pool;
use crate::routes;
use crate::state::AppState;

/// The server's settings: the flags of `nutgraf serve`.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to listen (`--addr`, default `127.0.0.1:8080`).
    pub addr: SocketAddr,
    /// The SummaRuNNer model directory (`--model`; default: the model compiled in).
    pub model: Option<PathBuf>,
    /// The largest request body, in bytes (`--max-body`, default 2 MiB).
    pub max_body: usize,
    /// The longest a request may take, body reading and queueing included (`--timeout`,
    /// default 10 s).
    pub timeout: Duration,
    /// Worker threads (`--workers`, default: the number of cores).
    pub workers: usize,
    /// Jobs that may wait for a worker (`--queue`, default 64).
    pub queue: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            model: None,
            max_body: 2 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            workers: std::thread::available_parallelism().map_or(1, |n| n.get()),
            queue: 64,
        }
    }
}

/// Connections served at once; more wait in the listen backlog.
const MAX_CONNECTIONS: usize = 2048;
/// The longest a client may take to send a request's headers (less when `--timeout` is).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// A setting is invalid.
    #[error("invalid {flag}: {message}")]
    Invalid {
        /// The flag.
        flag: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The address cannot be listened on.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why not.
        source: std::io::Error,
    },
    /// The worker threads could not be started.
    #[error("cannot start {workers} worker threads: {source}")]
    Workers {
        /// How many.
        workers: usize,
        /// Why not.
        source: std::io::Error,
    },
    /// The SummaRuNNer model could not be loaded.
    #[error("--model: {message}")]
    Model {
        /// Why not.
        message: String,
    },
}

/// A server listening, not yet serving.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    app: Arc<AppState>,
    timeout: Duration,
}

impl Server {
    /// Checks the options, starts the workers, loads the SummaRuNNer model (so that a bad
    /// `--model` fails here, not on the first request) and binds the address.
    pub async fn bind(options: Options) -> Result<Server, StartError> {
        if options.workers == 0 {
            return Err(StartError::Invalid {
                flag: "--workers",
                message: "0 (expected at least 1)".into(),
            });
        }
        if options.max_body == 0 {
            return Err(StartError::Invalid {
                flag: "--max-body",
                message: "0 (expected at least 1 byte)".into(),
            });
        }
        if options.timeout.is_zero() {
            return Err(StartError::Invalid {
                flag: "--timeout",
                message: "0 (expected more than 0 seconds)".into(),
            });
        }
        let pool =
            Pool::new(options.workers, options.queue).map_err(|source| StartError::Workers {
                workers: options.workers,
                source,
            })?;
        let app = Arc::new(AppState::new(
            pool,
            options.model.clone(),
            options.max_body,
            options.timeout,
        ));
        // Load the model on a worker: the same cache every request uses.
        let warm = Arc::clone(&app);
        let loaded = tokio::task::spawn_blocking(move || {
            let config = crate::config::summarizer_config(
                Some(&serde_json::json!({"method": "summarunner"})),
                warm.model.as_ref(),
            )
            .map_err(|e| e.message)?;
            warm.cache
                .summarizer(&config)
                .map(|_| ())
                .map_err(|e| e.message)
        })
        .await
        .unwrap_or_else(|e| Err(e.to_string()));
        if let Err(message) = loaded {
            return Err(StartError::Model { message });
        }
        let listener =
            TcpListener::bind(options.addr)
                .await
                .map_err(|source| StartError::Bind {
                    addr: options.addr,
                    source,
                })?;
        app.set_ready();
        Ok(Server {
            listener,
            app,
            timeout: options.timeout,
        })
    }

    /// The address listened on (with the port the system chose for port 0).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then stops accepting, lets the requests in flight
    /// finish (for at most the request timeout and a few seconds more), and returns.
    pub async fn run(self, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
        let Server {
            listener,
            app,
            timeout,
        } = self;
        let router = routes::router(Arc::clone(&app));
        let mut builder = auto::Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(timeout.min(HEADER_TIMEOUT))
            .keep_alive(true);
        let builder = Arc::new(builder.http1_only());
        let graceful = GracefulShutdown::new();
        let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        tokio::pin!(shutdown);
        loop {
            let permit = tokio::select! {
                permit = Arc::clone(&connections).acquire_owned() => match permit {
                    Ok(p) => p,
                    Err(_) => break,
                },
                () = &mut shutdown => break,
            };
            let accepted = tokio::select! {
                accepted = listener.accept() => accepted,
                () = &mut shutdown => break,
            };
            let (stream, _peer) = match accepted {
                Ok(conn) => conn,
                Err(_) => {
                    // Out of file descriptors or a connection reset before accept: wait a
                    // little instead of spinning.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            };
            let _ = stream.set_nodelay(true);
            let service = TowerToHyperService::new(router.clone());
            let connection = builder
                .serve_connection(TokioIo::new(stream), service)
                .into_owned();
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                let _ = connection.await;
                drop(permit);
            });
        }
        app.set_shutting_down();
        // New connections are refused from here on.
        drop(listener);
        let grace = timeout + Duration::from_secs(5);
        let _ = tokio::time::timeout(grace, graceful.shutdown()).await;
        Ok(())
    }
}

/// Completes on SIGTERM or SIGINT (Ctrl-C).
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
