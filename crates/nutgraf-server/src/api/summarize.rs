//! `POST /v1/summarize`: one document (`text` or `sentences`) or a batch (`documents`), with a
//! summarizer configuration (the CLI's `--config` JSON). One document answers its
//! [`SummaryRecord`] (the JSON of `nutgraf summarize --output json`); a batch answers
//! `{"documents": [SummaryRecord, ...]}` in input order.

use std::sync::Arc;

use axum::body::Body;
use axum::http::HeaderMap;
use axum::response::Response;
use nutgraf::{Summarizer, SummaryRecord};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::input::{self, DocInput, TextOrList};
use super::{cancelled, on_pool, to_json};
use crate::body;
use crate::config;
use crate::error::{from_engine, ApiError};
use crate::pool::Cancel;
use crate::state::AppState;

/// The body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    text: Option<String>,
    sentences: Option<Vec<String>>,
    format: Option<nutgraf::read::Format>,
    language: Option<nutgraf::LanguageChoice>,
    keep_bylines: Option<bool>,
    id: Option<String>,
    reference: Option<TextOrList>,
    documents: Option<Vec<DocInput>>,
    config: Option<Value>,
}

#[derive(Serialize)]
struct Batch<'a> {
    documents: &'a [SummaryRecord],
}

pub(super) async fn handle(
    app: Arc<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    on_pool(app, headers, body, work).await
}

/// Runs on a worker.
fn work(app: &AppState, bytes: &[u8], cancel: &Cancel) -> Result<Vec<u8>, ApiError> {
    let request: Request = body::parse(bytes)?;
    let top = DocInput {
        text: request.text,
        sentences: request.sentences,
        format: request.format,
        language: request.language,
        keep_bylines: request.keep_bylines,
        id: request.id,
        reference: request.reference,
    };
    let (docs, batch) = input::documents(top, request.documents)?;
    let config = config::summarizer_config(request.config.as_ref(), app.model.as_ref())?;
    let summarizer = app.cache.summarizer(&config)?;
    // On a worker: the batch's documents spread over the pool's threads.
    let records = docs
        .par_iter()
        .map(|(doc, at)| {
            if cancel.is_cancelled() {
                return Err(cancelled());
            }
            record(&summarizer, doc, at)
        })
        .collect::<Vec<_>>();
    // The first failing document, in input order.
    let records = records.into_iter().collect::<Result<Vec<_>, _>>()?;
    if batch {
        to_json(&Batch {
            documents: &records,
        })
    } else {
        to_json(&records[0])
    }
}

/// Summarizes one document.
fn record(summarizer: &Summarizer, input: &DocInput, at: &str) -> Result<SummaryRecord, ApiError> {
    let doc = input.document(at, summarizer.config().analysis.language)?;
    if summarizer.config().method.needs_reference() && doc.reference().is_none() {
        return Err(ApiError::bad_request(
            "missing_reference",
            format!(
                "method {} needs the document's reference summary",
                summarizer.config().method.name()
            ),
        )
        .at(format!("{at}reference")));
    }
    let summary = summarizer.summarize(&doc).map_err(|e| {
        let err = from_engine(&e);
        if at.is_empty() {
            err
        } else {
            err.or_at(at.trim_end_matches('.'))
        }
    })?;
    Ok(summary.record(&doc, summarizer.shared_config()))
}
