//! The router: every route, the OpenAPI document that describes them, and the layer that times
//! out requests and counts them for `/metrics`.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::api;
use crate::error::{ApiError, ErrorCode};
use crate::page;
use crate::state::AppState;

/// Every route of the router, as `(method, path)`; the tests check that each answers and that
/// the OpenAPI document describes exactly these.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/"),
    ("POST", "/v1/summarize"),
    ("POST", "/v1/rouge"),
    ("POST", "/v1/oracle"),
    ("GET", "/v1/methods"),
    ("GET", "/v1/openapi.json"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
];

/// The OpenAPI 3.1 document of the API.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

/// The router over `app`.
pub fn router(app: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/v1/summarize", post(api::summarize))
        .route("/v1/rouge", post(api::rouge))
        .route("/v1/oracle", post(api::oracle))
        .route("/v1/methods", get(api::methods))
        .route("/v1/openapi.json", get(api::openapi))
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(api::readyz))
        .route("/metrics", get(api::metrics))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(middleware::from_fn_with_state(app.clone(), observe))
        .with_state(app)
}

/// Times out the request (504) and records it.
async fn observe(State(app): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str())
        .to_string();
    // Known methods only, so that the label's values stay few.
    let method = match *request.method() {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    };
    let in_flight = app.metrics.start();
    let mut response = match tokio::time::timeout(app.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "timeout",
            format!(
                "no answer within this server's timeout of {} s (--timeout)",
                app.timeout.as_secs_f64()
            ),
        )
        .into_response(),
    };
    drop(in_flight);
    if app.is_shutting_down() {
        // Tell keep-alive clients to reconnect elsewhere (hyper closes after this answer).
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    let code = response.extensions().get::<ErrorCode>().map(|c| c.0);
    app.metrics.record(
        &route,
        method,
        response.status().as_u16(),
        start.elapsed(),
        code,
    );
    response
}
