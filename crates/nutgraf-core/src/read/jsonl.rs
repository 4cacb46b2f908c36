//! Corpus formats, one JSON object per line: `jsonl` (text and reference fields named by the
//! options) and SummaRuNNer records (`doc`, `labels`, `summaries`).

use serde_json::{Map, Value};

use super::{Format, ReadOptions};
use crate::document::Document;
use crate::segment::SentenceSplitter;

/// Which of the JSON formats a record is read as: `jsonl` or `summarunner` (`Lines`, `Text`
/// and `Story` never reach here).
pub(crate) fn resolve(object: &Map<String, Value>, options: &ReadOptions) -> Format {
    if object.contains_key("doc") && !object.contains_key(&options.text_field) {
        Format::Summarunner
    } else {
        Format::Jsonl
    }
}

/// Parses one line into a JSON object; the message says what is wrong.
pub(crate) fn parse_object(line: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(format!(
            "expected a JSON object, found {}",
            type_name(&other)
        )),
        Err(e) => Err(json_error(&e)),
    }
}

/// A JSON error of one line: where in the line (the line itself is the record's, given by the
/// caller), without serde's "at line 1 column N" suffix.
fn json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    if e.line() == 0 {
        format!("invalid JSON: {message}")
    } else {
        format!("invalid JSON at column {}: {message}", e.column())
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The record's `id` (string or number), if any.
fn id(object: &Map<String, Value>) -> Result<Option<String>, String> {
    match object.get("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(format!(
            "field \"id\" must be a string or a number, found {}",
            type_name(other)
        )),
    }
}

/// A list of strings, or an error naming `field`.
fn strings(field: &str, items: &[Value]) -> Result<Vec<String>, String> {
    items
        .iter()
        .map(|v| match v {
            Value::String(s) => Ok(s.clone()),
            other => Err(format!(
                "field \"{field}\" must be a list of strings, found {} in it",
                type_name(other)
            )),
        })
        .collect()
}

/// A `jsonl` record: the text field as a string (split by the splitter) or a list of
/// sentences; the reference field likewise (absent or null: no reference).
pub(crate) fn jsonl_document(
    mut object: Map<String, Value>,
    options: &ReadOptions,
    splitter: &SentenceSplitter,
) -> Result<Document, String> {
    let id = id(&object)?;
    let field = &options.text_field;
    let mut doc = match object.remove(field) {
        Some(Value::String(text)) => {
            let language = options.language.resolve(&text);
            let sentences = splitter.split_as(&text, language);
            Document {
                text,
                sentences,
                language: Some(language),
                ..Document::default()
            }
        }
        Some(Value::Array(items)) => {
            let mut doc = Document::from_sentences(strings(field, &items)?);
            doc.language = Some(options.language.resolve(&doc.text));
            doc
        }
        Some(other) => {
            return Err(format!(
                "field \"{field}\" must be a string or a list of strings, found {}",
                type_name(&other)
            ))
        }
        None => return Err(format!("missing text field \"{field}\"")),
    };
    let rfield = &options.reference_field;
    doc.reference = match object.get(rfield) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(
            splitter
                .split_as(text, doc.language.unwrap_or(crate::Language::English))
                .into_iter()
                .map(|s| text[s.span].to_string())
                .collect(),
        ),
        Some(Value::Array(items)) => Some(strings(rfield, items)?),
        Some(other) => {
            return Err(format!(
                "field \"{rfield}\" must be a string or a list of strings, found {}",
                type_name(other)
            ))
        }
    };
    doc.id = id;
    Ok(super::finish(doc, options))
}

/// A SummaRuNNer record: `doc` is one sentence per line, `labels` one 0/1 label per line
/// (a newline-separated string or a list of numbers), `summaries` the reference, one sentence
/// per line. Blank lines of `doc` are dropped with their labels.
pub(crate) fn summarunner_document(
    object: Map<String, Value>,
    options: &ReadOptions,
) -> Result<Document, String> {
    let id = id(&object)?;
    let doc = match object.get("doc") {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(format!(
                "field \"doc\" must be a string, found {}",
                type_name(other)
            ))
        }
        None => return Err("missing field \"doc\"".to_string()),
    };
    let lines: Vec<&str> = doc.split('\n').collect();
    let labels = match object.get("labels") {
        None | Some(Value::Null) => None,
        Some(value) => Some(parse_labels(value)?),
    };
    let mut document = Document::from_sentences(lines.iter().copied());
    document.language = Some(options.language.resolve(&document.text));
    if let Some(labels) = labels {
        if labels.len() != lines.len() {
            return Err(format!(
                "field \"labels\" has {} labels for {} sentences in \"doc\"",
                labels.len(),
                lines.len()
            ));
        }
        let kept = lines
            .iter()
            .zip(labels)
            .filter(|(l, _)| !l.trim().is_empty())
            .map(|(_, label)| label)
            .collect();
        document.labels = Some(kept);
    }
    document.reference = match object.get("summaries") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            s.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        ),
        Some(Value::Array(items)) => Some(strings("summaries", items)?),
        Some(other) => {
            return Err(format!(
                "field \"summaries\" must be a string, found {}",
                type_name(other)
            ))
        }
    };
    document.id = id;
    Ok(super::finish(document, options))
}

fn parse_labels(value: &Value) -> Result<Vec<u8>, String> {
    let bad = |what: &str| format!("field \"labels\": {what} is not a label (expected 0 or 1)");
    match value {
        Value::String(s) => s
            .split('\n')
            .map(|l| l.trim().parse::<u8>().map_err(|_| bad(&format!("{l:?}"))))
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(|v| {
                v.as_u64()
                    .and_then(|n| u8::try_from(n).ok())
                    .ok_or_else(|| bad(&v.to_string()))
            })
            .collect(),
        other => Err(format!(
            "field \"labels\" must be a string or a list of numbers, found {}",
            type_name(other)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(s: &str) -> Map<String, Value> {
        parse_object(s).unwrap()
    }

    #[test]
    fn json_errors_point_into_the_line() {
        let e = parse_object(r#"{"article": "a b", "#).unwrap_err();
        assert_eq!(e, "invalid JSON at column 19: EOF while parsing a value");
        let e = parse_object("[1]").unwrap_err();
        assert_eq!(e, "expected a JSON object, found an array");
    }

    #[test]
    fn jsonl_string_and_list_fields() {
        let opts = ReadOptions::default();
        let sp = SentenceSplitter::new();
        let d = jsonl_document(
            object(r#"{"id": 7, "article": "a b . c d .", "highlights": ["h1", "h2"]}"#),
            &opts,
            &sp,
        )
        .unwrap();
        assert_eq!(d.id.as_deref(), Some("7"));
        assert_eq!(d.sentence_texts().collect::<Vec<_>>(), ["a b .", "c d ."]);
        assert_eq!(d.reference.unwrap(), ["h1", "h2"]);
        let d = jsonl_document(object(r#"{"article": ["x y", "z"]}"#), &opts, &sp).unwrap();
        assert_eq!(d.sentence_texts().collect::<Vec<_>>(), ["x y", "z"]);
        assert_eq!(d.reference, None);
        let e = jsonl_document(object(r#"{"article": 3}"#), &opts, &sp).unwrap_err();
        assert!(e.contains("\"article\""), "{e}");
        let e = jsonl_document(object(r#"{"text": "x"}"#), &opts, &sp).unwrap_err();
        assert!(e.contains("missing"), "{e}");
    }

    #[test]
    fn summarunner_labels_must_match() {
        let opts = ReadOptions::default();
        let d = summarunner_document(
            object(r#"{"doc": "s1\ns2\ns3", "labels": "1\n0\n1", "summaries": "h1\nh2"}"#),
            &opts,
        )
        .unwrap();
        assert_eq!(d.len(), 3);
        assert_eq!(d.labels.unwrap(), [1, 0, 1]);
        assert_eq!(d.reference.unwrap(), ["h1", "h2"]);
        let e =
            summarunner_document(object(r#"{"doc": "s1\ns2", "labels": "1"}"#), &opts).unwrap_err();
        assert!(e.contains("labels"), "{e}");
        let e = summarunner_document(object(r#"{"doc": "s1", "labels": "x"}"#), &opts).unwrap_err();
        assert!(e.contains("labels"), "{e}");
    }
}
