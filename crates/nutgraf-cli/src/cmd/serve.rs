//! `nutgraf serve`: the HTTP service of `nutgraf-server`, on a tokio runtime, until SIGTERM or
//! SIGINT (requests in flight finish first).

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use nutgraf_server::{Options, Server};

use crate::args::ServeArgs;

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.timeout.is_finite() && args.timeout > 0.0,
        "invalid value for --timeout: {} (expected a number of seconds > 0)",
        args.timeout
    );
    let defaults = Options::default();
    let options = Options {
        addr: args.addr,
        model: args.model,
        max_body: args.max_body,
        timeout: Duration::from_secs_f64(args.timeout),
        workers: args.workers.unwrap_or(defaults.workers),
        queue: args.queue,
    };
    // The runtime only moves bytes; the work runs on the server's own worker threads.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.workers.clamp(1, 4))
        .thread_name("nutgraf-io")
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let workers = options.workers;
        let queue = options.queue;
        let server = Server::bind(options).await?;
        let addr = server.local_addr()?;
        eprintln!(
            "nutgraf: serving on http://{addr} ({workers} workers, queue {queue}); Ctrl-C or SIGTERM to stop"
        );
        server.run(nutgraf_server::shutdown_signal()).await?;
        eprintln!("nutgraf: stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
