//! The JSON API under `/v1`, and the probes.

mod input;
mod oracle;
mod rouge;
mod summarize;

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::metrics::Gauges;
use crate::pool::{Cancel, Full};
use crate::state::AppState;

/// `POST /v1/summarize`.
pub async fn summarize(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    summarize::handle(app, headers, body).await
}

/// `POST /v1/rouge`.
pub async fn rouge(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    rouge::handle(app, headers, body).await
}

/// `POST /v1/oracle`.
pub async fn oracle(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    oracle::handle(app, headers, body).await
}

/// `GET /v1/methods`.
pub async fn methods(State(app): State<Arc<AppState>>) -> Response {
    json_bytes(app.methods.clone())
}

/// `GET /v1/openapi.json`.
pub async fn openapi() -> Response {
    let mut response = crate::routes::OPENAPI.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// `GET /healthz`: the process answers.
pub async fn healthz() -> Response {
    json_bytes(br#"{"status":"ok"}"#.to_vec())
}

/// `GET /readyz`: 200 once the models are loaded and until shutdown starts, 503 otherwise.
pub async fn readyz(State(app): State<Arc<AppState>>) -> Result<Response, ApiError> {
    if app.is_ready() {
        Ok(json_bytes(br#"{"status":"ready"}"#.to_vec()))
    } else if app.is_shutting_down() {
        Err(ApiError::shutting_down())
    } else {
        Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "starting",
            "the server is starting",
        ))
    }
}

/// `GET /metrics`.
pub async fn metrics(State(app): State<Arc<AppState>>) -> Response {
    let text = app.metrics.render(Gauges {
        queue_depth: app.pool.queued(),
        running: app.pool.running(),
        queue_capacity: app.pool.queue_capacity(),
        workers: app.pool.workers(),
        ready: app.is_ready(),
    });
    let mut response = text.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// Unknown paths.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such route; see /v1/openapi.json",
    )
}

/// A known path with another method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not take that method; see /v1/openapi.json",
    )
}

/// A JSON answer already serialized.
fn json_bytes(bytes: Vec<u8>) -> Response {
    let mut response = bytes.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Reads the JSON body (on the async side: I/O), then runs `job` on its bytes on the worker
/// pool (parsing, the work, serializing the answer: CPU) and waits for it: 503 at once when the
/// queue is full, 500 if the job panicked. Dropping the returned future (a timeout, a closed
/// connection) cancels the job if it has not started, and a batch between documents.
async fn on_pool<F>(
    app: Arc<AppState>,
    headers: HeaderMap,
    body: Body,
    job: F,
) -> Result<Response, ApiError>
where
    F: FnOnce(&AppState, &[u8], &Cancel) -> Result<Vec<u8>, ApiError> + Send + 'static,
{
    let bytes = crate::body::json_bytes(&headers, body, app.max_body).await?;
    let state = Arc::clone(&app);
    let work = move |cancel: &Cancel| job(&state, &bytes, cancel);
    let (rx, _cancel_on_drop) = app
        .pool
        .submit(work)
        .map_err(|Full| ApiError::queue_full())?;
    match rx.await {
        Ok(result) => result.map(json_bytes),
        Err(_) => Err(ApiError::internal(
            "the work failed unexpectedly (a panic in the engine); this is a bug",
        )),
    }
}

/// What a job answers when its request went away before it finished (never seen by a client).
fn cancelled() -> ApiError {
    ApiError::new(
        StatusCode::GATEWAY_TIMEOUT,
        "timeout",
        "the request was cancelled",
    )
}

/// Serializes an answer (plain data: cannot fail).
fn to_json(value: &impl serde::Serialize) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|e| ApiError::internal(format!("cannot serialize: {e}")))
}
