//! # nutgraf-server
//!
//! nutgraf as an HTTP service (`nutgraf serve`): the engine's summaries with every sentence's
//! score and spans, ROUGE, oracle labels, and a page to read summaries on.
//!
//! * `POST /v1/summarize`, `POST /v1/rouge`, `POST /v1/oracle`, `GET /v1/methods` — JSON, with
//!   the same configuration JSON as the CLI's `--config` and the same results as its
//!   `--output json` (the engine's [`nutgraf::SummaryRecord`]); described by
//!   `GET /v1/openapi.json`;
//! * `GET /` — the page (self-contained, compiled in);
//! * `GET /healthz`, `GET /readyz`, `GET /metrics` (Prometheus text format).
//!
//! The shape of the service:
//!
//! * axum routes and extracts, hyper serves ([`serve`]: our own accept loop, so that the
//!   connection cap, the header-read timeout and graceful shutdown are ours);
//! * summarizing and scoring run on a fixed rayon pool behind a bounded queue ([`pool`]),
//!   never on the async runtime's threads; a full queue answers 503 with `Retry-After` at once;
//! * errors are JSON, `{"error": {"code", "message", "field"}}`, mapped from the engine's
//!   typed errors ([`error`]); user input never gets a 500.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use nutgraf_server::{Options, Server};
//!
//! let server = Server::bind(Options::default()).await?;
//! println!("serving on http://{}", server.local_addr()?);
//! server.run(nutgraf_server::shutdown_signal()).await?;
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

mod api;
mod body;
pub mod catalog;
mod config;
pub mod error;
mod metrics;
mod page;
pub mod pool;
mod routes;
pub mod serve;
mod state;

pub use routes::{OPENAPI, ROUTES};
pub use serve::{shutdown_signal, Options, Server, StartError};
