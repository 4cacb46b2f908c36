//! `POST /v1/oracle`: the oracle set of each document against its reference, answered as
//! `nutgraf oracle` writes it (`{"id", "indices", "objective", "rouge"}`); a batch as
//! `{"documents": [...]}`. `config` is the oracle's configuration
//! (`{"strategy": {"kind": "beam", "size": 5}, "objective": "r1+r2", "max_sentences": 3, "stem": true}`).

use std::sync::Arc;

use axum::body::Body;
use axum::http::HeaderMap;
use axum::response::Response;
use nutgraf::oracle::{Oracle, OracleRecord};
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
    documents: &'a [OracleRecord],
}

pub(super) async fn handle(
    app: Arc<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    on_pool(app, headers, body, work).await
}

/// Runs on a worker.
fn work(_: &AppState, bytes: &[u8], cancel: &Cancel) -> Result<Vec<u8>, ApiError> {
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
    let oracle = Oracle::new(config::oracle_config(request.config.as_ref())?)
        .map_err(|e| from_engine(&e).under("config"))?;
    let records = docs
        .par_iter()
        .map(|(input, at)| {
            if cancel.is_cancelled() {
                return Err(cancelled());
            }
            let doc = input.document(at, nutgraf::LanguageChoice::Auto)?;
            if doc.reference().is_none() {
                return Err(ApiError::bad_request(
                    "missing_reference",
                    "the oracle needs the document's reference summary",
                )
                .at(format!("{at}reference")));
            }
            let result = oracle
                .label(&doc)
                .map_err(|e| from_engine(&e).or_at(format!("{at}text")))?;
            Ok(OracleRecord::new(&doc, result))
        })
        .collect::<Vec<_>>();
    let records = records.into_iter().collect::<Result<Vec<_>, _>>()?;
    if batch {
        to_json(&Batch {
            documents: &records,
        })
    } else {
        to_json(&records[0])
    }
}
