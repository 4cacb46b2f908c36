//! Documents as requests give them: `{"text", "format"}` or `{"sentences"}`, with an optional
//! `id` and `reference`; one at the top of the body, or a batch under `documents`.

use nutgraf::read::{Format, ReadOptions};
use nutgraf::segment::SentenceSplitter;
use nutgraf::{Document, LanguageChoice};
use serde::Deserialize;

use crate::error::{from_engine, ApiError};

/// A string, or a list of strings.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged, expecting = "a string or a list of strings")]
pub enum TextOrList {
    /// One string.
    Text(String),
    /// A list of strings.
    List(Vec<String>),
}

/// One document of a request.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocInput {
    /// The text, split into sentences as `format` says.
    pub text: Option<String>,
    /// Or its sentences.
    pub sentences: Option<Vec<String>>,
    /// The text's format (detected when left out): `text`, `lines`, `story`, or `jsonl` for
    /// one JSON record (`article`, `highlights`, `id`).
    pub format: Option<Format>,
    /// The text's language (`auto` or a code such as `de`): how it is split into sentences.
    /// Left out, the configuration's `analysis.language` (by default `auto`: detected).
    pub language: Option<LanguageChoice>,
    /// Keep a DailyMail byline block (`By . <author> . published : ...`) at the start of the
    /// text among its sentences; left out or false, the reader drops it (as the CLI does
    /// without `--keep-bylines`).
    pub keep_bylines: Option<bool>,
    /// An id, kept in the results.
    pub id: Option<String>,
    /// The reference summary (a string, split into sentences, or its sentences): the oracle
    /// needs it.
    pub reference: Option<TextOrList>,
}

impl DocInput {
    /// Checks that exactly one of `text` and `sentences` is given; `at` is the document's path
    /// (`""` at the top of the body, `documents[2].` in a batch).
    pub fn check(&self, at: &str) -> Result<(), ApiError> {
        match (&self.text, &self.sentences) {
            (Some(_), Some(_)) => Err(ApiError::bad_request(
                "invalid_request",
                "give either text or sentences, not both",
            )
            .at(format!("{at}sentences"))),
            (None, None) => Err(ApiError::bad_request(
                "invalid_request",
                "a document needs text (with an optional format) or sentences",
            )
            .at(format!("{at}text"))),
            (None, Some(_)) if self.format.is_some() => Err(ApiError::bad_request(
                "invalid_request",
                "format applies to text, not to sentences",
            )
            .at(format!("{at}format"))),
            (None, Some(_)) if self.keep_bylines.is_some() => Err(ApiError::bad_request(
                "invalid_request",
                "keep_bylines applies to text, not to sentences (which are kept as given)",
            )
            .at(format!("{at}keep_bylines"))),
            _ => Ok(()),
        }
    }

    /// The engine's document, read in `language` unless the input names its own; `at` is the
    /// document's path for errors.
    pub fn document(&self, at: &str, language: LanguageChoice) -> Result<Document, ApiError> {
        let language = self.language.unwrap_or(language);
        let mut doc = match (&self.text, &self.sentences) {
            (Some(text), _) => {
                let options = ReadOptions {
                    format: self.format,
                    language,
                    keep_bylines: self.keep_bylines.unwrap_or(false),
                    ..ReadOptions::default()
                };
                Document::from_text(text, &options)
                    .map_err(|e| from_engine(&e.into()).at(format!("{at}text")))?
            }
            (None, Some(sentences)) => match language {
                LanguageChoice::Is(l) => Document::from_sentences(sentences).with_language(l),
                LanguageChoice::Auto => Document::from_sentences(sentences),
            },
            (None, None) => return Err(self.check(at).unwrap_err()),
        };
        if let Some(id) = &self.id {
            doc.set_id(Some(id.clone()));
        }
        match &self.reference {
            Some(TextOrList::Text(text)) => doc.set_reference(Some(split(text))),
            Some(TextOrList::List(sentences)) => doc.set_reference(Some(sentences.clone())),
            None => {}
        }
        Ok(doc)
    }
}

/// A text's sentences, as the readers split a reference given as one string.
pub fn split(text: &str) -> Vec<String> {
    SentenceSplitter::new()
        .split(text)
        .into_iter()
        .map(|s| text[s.span].to_string())
        .collect()
}

/// A request's documents and their paths: the one at the top of the body, or a batch.
pub fn documents(
    top: DocInput,
    batch: Option<Vec<DocInput>>,
) -> Result<(Vec<(DocInput, String)>, bool), ApiError> {
    let top_given = top.text.is_some()
        || top.sentences.is_some()
        || top.format.is_some()
        || top.language.is_some()
        || top.keep_bylines.is_some()
        || top.id.is_some()
        || top.reference.is_some();
    match batch {
        Some(_) if top_given => Err(ApiError::bad_request(
            "invalid_request",
            "give one document (text or sentences) or a batch (documents), not both",
        )
        .at("documents")),
        Some(docs) => {
            let docs: Vec<(DocInput, String)> = docs
                .into_iter()
                .enumerate()
                .map(|(i, d)| (d, format!("documents[{i}].")))
                .collect();
            for (d, at) in &docs {
                d.check(at)?;
            }
            Ok((docs, true))
        }
        None => {
            top.check("")?;
            Ok((vec![(top, String::new())], false))
        }
    }
}
