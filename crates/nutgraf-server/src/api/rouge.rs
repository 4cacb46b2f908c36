//! `POST /v1/rouge`: candidate summaries against references, answered with the JSON of
//! `nutgraf rouge --json`: `{"corpus": CorpusEval, "documents": [DocEval, ...]}`.
//!
//! A summary is a string (its sentences separated by `separator`, a newline by default) or a
//! list of sentences. `references` has one entry per candidate: a summary, or a list of
//! summaries for several references. `flavor` is `perl` (ROUGE-1.5.5, the default) or `google`
//! (rouge-score); `options` is that flavour's configuration as JSON (`PerlConfig`,
//! `GoogleConfig`); without it, the CLI's defaults (pyrouge's flags for perl, rouge-score's
//! metrics for google). As in the CLI, texts are scored as given (no PTB unescaping).

use std::sync::Arc;

use axum::body::Body;
use axum::http::HeaderMap;
use axum::response::Response;
use nutgraf::evaluate::{EvalConfig, Evaluator};
use nutgraf::rouge::google::GoogleConfig;
use nutgraf::rouge::input::split_sentences;
use nutgraf::rouge::perl::PerlConfig;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::input::TextOrList;
use super::{on_pool, to_json};
use crate::body;
use crate::error::{from_engine, ApiError};
use crate::pool::Cancel;
use crate::state::AppState;

/// Whose numbers to reproduce.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Flavor {
    #[default]
    Perl,
    Google,
}

/// One candidate's references: one summary, or several.
#[derive(Debug, Deserialize)]
#[serde(
    untagged,
    expecting = "a reference (a string or a list of sentences) or a list of references"
)]
enum References {
    One(String),
    Several(Vec<TextOrList>),
}

/// The body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    candidates: Vec<TextOrList>,
    references: Vec<References>,
    #[serde(default)]
    flavor: Flavor,
    options: Option<Value>,
    separator: Option<String>,
}

#[derive(Serialize)]
struct Answer<'a> {
    corpus: &'a nutgraf::rouge::CorpusEval,
    documents: &'a [nutgraf::rouge::DocEval],
}

type Summary = Vec<String>;

pub(super) async fn handle(
    app: Arc<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    on_pool(app, headers, body, work).await
}

/// Runs on a worker.
fn work(_: &AppState, bytes: &[u8], _: &Cancel) -> Result<Vec<u8>, ApiError> {
    let request: Request = body::parse(bytes)?;
    if request.candidates.len() != request.references.len() {
        return Err(ApiError::bad_request(
            "invalid_request",
            format!(
                "{} candidates but {} references: one entry of references per candidate",
                request.candidates.len(),
                request.references.len()
            ),
        )
        .at("references"));
    }
    let evaluator = evaluator(request.flavor, request.options.as_ref())?;
    let separator = request.separator.unwrap_or_else(|| "\n".to_string());
    let summary = |s: TextOrList| -> Summary {
        match s {
            TextOrList::Text(text) => split_sentences(&text, &separator),
            TextOrList::List(sentences) => sentences,
        }
    };
    let pairs: Vec<(Summary, Vec<Summary>)> = request
        .candidates
        .into_iter()
        .zip(request.references)
        .map(|(c, r)| {
            let refs = match r {
                References::One(text) => vec![summary(TextOrList::Text(text))],
                References::Several(refs) => refs.into_iter().map(&summary).collect(),
            };
            (summary(c), refs)
        })
        .collect();
    let results = evaluator.score_batch(&pairs);
    let mut docs = Vec::with_capacity(results.len());
    for (i, result) in results.into_iter().enumerate() {
        match result {
            Ok(doc) => docs.push(doc),
            Err(_) => {
                // Scored alone for the document's own error (without the batch's wrapper).
                let err = evaluator
                    .score(&pairs[i].0, &pairs[i].1)
                    .err()
                    .map(nutgraf::Error::from)
                    .map_or_else(
                        || ApiError::internal("cannot be scored"),
                        |e| from_engine(&e),
                    );
                let field = match err.code {
                    "invalid_input" => format!("references[{i}]"),
                    _ => format!("candidates[{i}]"),
                };
                return Err(err.at(field));
            }
        }
    }
    let corpus = evaluator
        .corpus(&docs)
        .map_err(|e| from_engine(&e.into()))?;
    to_json(&Answer {
        corpus: &corpus,
        documents: &docs,
    })
}

/// The scorer of `flavor` with `options` (the CLI's defaults without).
fn evaluator(flavor: Flavor, options: Option<&Value>) -> Result<Evaluator, ApiError> {
    fn read<T: serde::de::DeserializeOwned>(options: &Value) -> Result<T, ApiError> {
        serde_path_to_error::deserialize(options).map_err(|e| {
            let path = e.path().to_string();
            let err = ApiError::bad_request(
                "invalid_config",
                format!("invalid ROUGE options: {}", e.inner()),
            );
            if path == "." {
                err.under("options")
            } else {
                err.at(path).under("options")
            }
        })
    }
    let config = match (flavor, options) {
        (Flavor::Perl, None) => EvalConfig::perl(PerlConfig::pyrouge()),
        (Flavor::Perl, Some(o)) => EvalConfig::perl(read::<PerlConfig>(o)?),
        (Flavor::Google, None) => EvalConfig::google(GoogleConfig::default()),
        (Flavor::Google, Some(o)) => EvalConfig::google(read::<GoogleConfig>(o)?),
    };
    EvalConfig {
        unescape_ptb: false,
        ..config
    }
    .build()
    .map_err(|e| from_engine(&e.into()).under("options"))
}
