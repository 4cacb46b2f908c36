//! Errors as HTTP answers: a status, a stable `code`, a message and the field at fault, sent as
//! `{"error": {"code", "message", "field"}}`.
//!
//! The engine's typed errors are mapped here by variant, never by parsing messages: a bad value
//! names its configuration field, a missing reference names the document's `reference`, and only
//! what cannot be the caller's fault (a method breaking its contract, a panic) is a 500.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A stable, machine-readable code (`invalid_config`, `queue_full`, ...).
    pub code: &'static str,
    /// What went wrong, in words.
    pub message: String,
    /// The request field at fault, as a path into the request body (`config.damping`,
    /// `documents[2].text`), when there is one.
    pub field: Option<String>,
    /// Seconds after which a retry may succeed (sent as `Retry-After`).
    pub retry_after: Option<u32>,
}

/// The JSON body of an error.
#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: &'a str,
    message: &'a str,
    field: Option<&'a str>,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
            retry_after: None,
        }
    }

    /// A 400 about the request's content.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// Names the field at fault.
    pub fn at(mut self, field: impl Into<String>) -> ApiError {
        self.field = Some(field.into());
        self
    }

    /// Names the field at fault when none is named yet.
    pub fn or_at(self, field: impl Into<String>) -> ApiError {
        match self.field {
            Some(_) => self,
            None => self.at(field),
        }
    }

    /// Puts `prefix` before the field (`config` + `damping` = `config.damping`).
    pub fn under(mut self, prefix: &str) -> ApiError {
        self.field = Some(match self.field.take() {
            Some(f) if f.starts_with('[') => format!("{prefix}{f}"),
            Some(f) => format!("{prefix}.{f}"),
            None => prefix.to_string(),
        });
        self
    }

    /// A 503: the work queue is full, retry after a second.
    pub fn queue_full() -> ApiError {
        ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "queue_full",
                "the server is busy: every worker is busy and the queue is full; retry later",
            )
        }
    }

    /// A 503: the server is shutting down.
    pub fn shutting_down() -> ApiError {
        ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "shutting_down",
                "the server is shutting down",
            )
        }
    }

    /// A 500 for what cannot be the caller's fault.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// The JSON body.
    pub fn body(&self) -> String {
        let body = Body {
            error: Inner {
                code: self.code,
                message: &self.message,
                field: self.field.as_deref(),
            },
        };
        // Plain strings: serializing cannot fail.
        serde_json::to_string(&body).unwrap_or_default()
    }
}

/// The code of an error answer, kept in the response's extensions for the metrics.
#[derive(Debug, Clone, Copy)]
pub struct ErrorCode(pub &'static str);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.body()).into_response();
        response.extensions_mut().insert(ErrorCode(self.code));
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(secs) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

impl From<nutgraf::Error> for ApiError {
    fn from(err: nutgraf::Error) -> ApiError {
        from_engine(&err)
    }
}

/// Maps an engine error by its variant. Fields are as the engine names them in a configuration
/// (`damping`, `budget.ratio`); the caller puts them under `config` or the document's path.
pub fn from_engine(err: &nutgraf::Error) -> ApiError {
    use nutgraf::rouge::Error as Eval;
    use nutgraf::CoreError as Core;
    let message = err.to_string();
    let root = err.root();
    let mut api = match root {
        nutgraf::Error::Core(Core::InvalidConfig { field, .. }) => {
            ApiError::bad_request("invalid_config", message).at(field.clone())
        }
        nutgraf::Error::Config { .. } => ApiError::bad_request("invalid_config", message),
        nutgraf::Error::Core(Core::InvalidDocument { .. })
        | nutgraf::Error::Core(Core::Record { .. })
        | nutgraf::Error::Core(Core::InvalidUtf8 { .. })
        | nutgraf::Error::Core(Core::Binary { .. }) => {
            ApiError::bad_request("invalid_document", message)
        }
        nutgraf::Error::Missing { .. } => ApiError::bad_request("missing_reference", message),
        nutgraf::Error::Eval(Eval::InvalidOption { option, .. })
        | nutgraf::Error::Eval(Eval::InvalidOracleOption { option, .. }) => {
            ApiError::bad_request("invalid_config", message).at(option.clone())
        }
        nutgraf::Error::Eval(Eval::NoFlavour) => ApiError::bad_request("invalid_config", message),
        nutgraf::Error::Eval(
            Eval::NoReference | Eval::EmptyReferenceW { .. } | Eval::ConflictingOptions { .. },
        ) => ApiError::bad_request("invalid_input", message),
        nutgraf::Error::Eval(Eval::TooManySubsets { .. }) => {
            ApiError::bad_request("too_much_work", message)
        }
        nutgraf::Error::Eval(
            Eval::UnknownFlag { .. }
            | Eval::UnsupportedFlag { .. }
            | Eval::MissingValue { .. }
            | Eval::UnexpectedArgument { .. },
        ) => ApiError::bad_request("invalid_config", message),
        nutgraf::Error::Eval(Eval::Input(_)) => ApiError::bad_request("invalid_input", message),
        // A method failing on a document, a model failing, a panic, threads: not the caller's.
        _ => ApiError::internal(message),
    };
    // The document's position is the caller's to name (it knows the request's shape).
    if let nutgraf::Error::Document { .. } = err {
        api.message = root.to_string();
    }
    api
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_the_documented_shape() {
        let e = ApiError::bad_request("invalid_config", "bad").at("damping");
        let v: serde_json::Value = serde_json::from_str(&e.body()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"error": {"code": "invalid_config", "message": "bad", "field": "damping"}})
        );
        let e = ApiError::queue_full();
        assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(e.retry_after, Some(1));
    }

    #[test]
    fn fields_nest_under_their_prefix() {
        let e = ApiError::bad_request("x", "y")
            .at("damping")
            .under("config");
        assert_eq!(e.field.as_deref(), Some("config.damping"));
        let e = ApiError::bad_request("x", "y").at("[2]").under("documents");
        assert_eq!(e.field.as_deref(), Some("documents[2]"));
        let e = ApiError::bad_request("x", "y").under("config");
        assert_eq!(e.field.as_deref(), Some("config"));
    }

    #[test]
    fn engine_errors_map_by_variant() {
        let e: ApiError = nutgraf::Error::from(nutgraf::CoreError::config(
            "budget.ratio",
            2,
            "a number in (0, 1]",
        ))
        .into();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert_eq!(e.field.as_deref(), Some("budget.ratio"));
        let e: ApiError = nutgraf::Error::Panicked {
            what: "the work".into(),
            message: "boom".into(),
        }
        .into();
        assert_eq!(e.status, StatusCode::INTERNAL_SERVER_ERROR);
    }
}
