//! Reading candidate and reference summaries for ROUGE, in three layouts:
//!
//! * **lines** ([`InputFormat::Lines`]): one summary per line, sentences separated by a literal
//!   separator (default [`DEFAULT_SEPARATOR`], ` <q> `, the pyrouge/PreSumm convention);
//! * **JSONL** ([`InputFormat::Jsonl`]): one JSON object per line, the summary in a named field,
//!   either a string or a list of sentence strings;
//! * **directory** ([`InputFormat::Dir`]): pyrouge style, one summary per file, one sentence per
//!   line, files taken in the byte order of their names.
//!
//! Rules shared by all layouts, chosen to match how the golden files were made:
//!
//! * Files are read as bytes and split into lines on `\n` only. A lone `\r` is NOT a line
//!   break (Python's text mode would make it one: ROUGE quirk 15). A final `\n` ends the last
//!   line rather than starting an empty one, so a file `"a\nb\n"` holds 2 summaries and an
//!   empty file none.
//! * Every sentence is stripped of the characters Python's `str.strip()` removes (Unicode
//!   white space plus U+001C..U+001F), so the `\r` of a CRLF line ending goes away; sentences
//!   that are empty after stripping are dropped (both ROUGE implementations ignore them).
//! * Invalid UTF-8 is not an error: ROUGE-1.5.5 works on bytes. Each invalid byte becomes
//!   U+001A SUBSTITUTE, a one-byte character that both flavours' tokenizers treat as a
//!   separator and that is not white space. So tokens, `-l` word counts and `-b` byte counts
//!   are exactly those of the raw bytes (U+FFFD would add two bytes per invalid byte).

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// One summary: its sentences, stripped and non-empty.
pub type Summary = Vec<String>;

/// The sentence separator of the lines layout by default (pyrouge / PreSumm).
pub const DEFAULT_SEPARATOR: &str = " <q> ";

/// Where summaries are read from and how they are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputFormat {
    /// One summary per line, sentences separated by `separator` (not split when empty).
    Lines {
        /// Sentence separator, matched literally.
        separator: String,
    },
    /// JSON Lines; the summary is in `field`: a string (sentences separated by `separator` or
    /// by `\n`) or a list of strings (one sentence each; a `\n` inside one also splits it).
    /// Blank lines are skipped; line numbers in errors count them.
    Jsonl {
        /// Top-level field holding the summary.
        field: String,
        /// Sentence separator inside a string field.
        separator: String,
    },
    /// A directory with one summary per file, one sentence per line.
    Dir,
}

/// Errors of reading summaries; each names the file and, where it applies, the 1-based line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file or directory could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// File or directory.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// A JSONL line is not valid JSON (or not an object).
    #[error("{}:{line}: {message}", path.display())]
    Json {
        /// File.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A JSONL record lacks the summary field.
    #[error("{}:{line}: field {field:?} is missing", path.display())]
    MissingField {
        /// File.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The field asked for.
        field: String,
    },
    /// The summary field is neither a string nor a list of strings.
    #[error(
        "{}:{line}: field {field:?} must be a string or a list of strings, found {found}",
        path.display()
    )]
    FieldType {
        /// File.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The field asked for.
        field: String,
        /// JSON type found (for a list: the type of the offending element).
        found: String,
    },
    /// Candidates and references differ in number.
    #[error(
        "{} has {candidates} summaries but {} has {references}",
        candidates_path.display(),
        references_path.display()
    )]
    CountMismatch {
        /// Candidate file or directory.
        candidates_path: PathBuf,
        /// Number of candidate summaries.
        candidates: usize,
        /// Reference file or directory.
        references_path: PathBuf,
        /// Number of reference summaries.
        references: usize,
    },
}

impl From<InputError> for crate::Error {
    fn from(e: InputError) -> Self {
        crate::Error::Input(e.to_string())
    }
}

/// Reads all summaries of `path` laid out as `format`.
///
/// # Errors
/// [`InputError`] naming the file (and line) that could not be read or parsed.
pub fn read_summaries(path: &Path, format: &InputFormat) -> Result<Vec<Summary>, InputError> {
    match format {
        InputFormat::Lines { separator } => Ok(parse_lines(&read(path)?, separator)),
        InputFormat::Jsonl { field, separator } => {
            parse_jsonl(&read(path)?, path, field, separator)
        }
        InputFormat::Dir => Ok(read_dir(path)?.into_iter().map(|(_, s)| s).collect()),
    }
}

/// Errors unless there are as many candidates as references; the message names both files.
///
/// # Errors
/// [`InputError::CountMismatch`].
pub fn check_counts(
    candidates_path: &Path,
    candidates: usize,
    references_path: &Path,
    references: usize,
) -> Result<(), InputError> {
    if candidates == references {
        return Ok(());
    }
    Err(InputError::CountMismatch {
        candidates_path: candidates_path.to_owned(),
        candidates,
        references_path: references_path.to_owned(),
        references,
    })
}

fn read(path: &Path) -> Result<Vec<u8>, InputError> {
    fs::read(path).map_err(|source| InputError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Decodes bytes as UTF-8, each invalid byte becoming U+001A (see the module docs).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        out.extend(chunk.invalid().iter().map(|_| '\u{1a}'));
    }
    Cow::Owned(out)
}

/// The lines of a text: split on `\n` only, a final `\n` ending the last line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    // An empty text has no lines, "\n" one empty line.
    (!text.is_empty())
        .then(|| body.split('\n'))
        .into_iter()
        .flatten()
}

/// Python's `str.isspace()`: Unicode White_Space plus the four C0 information separators.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Splits one summary on `separator` (none when empty), strips each sentence and drops the
/// empty ones.
pub fn split_sentences(text: &str, separator: &str) -> Summary {
    let keep = |s: &str| {
        let s = s.trim_matches(is_py_space);
        (!s.is_empty()).then(|| s.to_owned())
    };
    if separator.is_empty() {
        keep(text).into_iter().collect()
    } else {
        text.split(separator).filter_map(keep).collect()
    }
}

/// Parses the lines layout from raw bytes (see [`InputFormat::Lines`]).
pub fn parse_lines(bytes: &[u8], separator: &str) -> Vec<Summary> {
    lines(&decode(bytes))
        .map(|line| split_sentences(line, separator))
        .collect()
}

/// Parses the JSONL layout from raw bytes; `path` only names the file in errors.
///
/// # Errors
/// [`InputError::Json`], [`InputError::MissingField`] or [`InputError::FieldType`] with the
/// 1-based line number.
pub fn parse_jsonl(
    bytes: &[u8],
    path: &Path,
    field: &str,
    separator: &str,
) -> Result<Vec<Summary>, InputError> {
    let mut out = Vec::new();
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    for (i, line) in body.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let at = |message: String| InputError::Json {
            path: path.to_owned(),
            line: i + 1,
            message,
        };
        let record: Value = serde_json::from_slice(line).map_err(|e| at(e.to_string()))?;
        let Value::Object(map) = record else {
            return Err(at(format!(
                "expected a JSON object, found {}",
                kind(&record)
            )));
        };
        let wrong_type = |found: &Value| InputError::FieldType {
            path: path.to_owned(),
            line: i + 1,
            field: field.to_owned(),
            found: kind(found).to_owned(),
        };
        let summary = match map.get(field) {
            None => {
                return Err(InputError::MissingField {
                    path: path.to_owned(),
                    line: i + 1,
                    field: field.to_owned(),
                })
            }
            Some(Value::String(s)) => lines(s)
                .flat_map(|l| split_sentences(l, separator))
                .collect(),
            Some(Value::Array(items)) => {
                let mut summary = Vec::with_capacity(items.len());
                for item in items {
                    let Value::String(s) = item else {
                        return Err(wrong_type(item));
                    };
                    summary.extend(s.split('\n').flat_map(|l| split_sentences(l, "")));
                }
                summary
            }
            Some(other) => return Err(wrong_type(other)),
        };
        out.push(summary);
    }
    Ok(out)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Reads a pyrouge-style directory: every regular file whose name does not start with `.`,
/// in byte order of the names, one sentence per line.
///
/// # Errors
/// [`InputError::Io`] naming the directory or the file that could not be read.
pub fn read_dir(dir: &Path) -> Result<Vec<(PathBuf, Summary)>, InputError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| InputError::Io { path, source }
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        let hidden = entry.file_name().as_encoded_bytes().starts_with(b".");
        if !hidden && path.is_file() {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
        .into_iter()
        .map(|path| {
            let bytes = read(&path)?;
            let summary = lines(&decode(&bytes))
                .flat_map(|l| split_sentences(l, ""))
                .collect();
            Ok((path, summary))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summaries(bytes: &[u8]) -> Vec<Summary> {
        parse_lines(bytes, DEFAULT_SEPARATOR)
    }

    #[test]
    fn separator_splits_and_strips_sentences() {
        let got = summaries(b"  A b. <q> C d.  <q>  \nE\n");
        assert_eq!(got, [vec!["A b.", "C d."], vec!["E"]]);
        // An empty separator keeps the line whole.
        assert_eq!(parse_lines(b"a <q> b\n", ""), [vec!["a <q> b"]]);
    }

    #[test]
    fn lines_split_on_newline_only() {
        assert_eq!(lines("a\nb\n").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(lines("a\nb").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(lines("\n").collect::<Vec<_>>(), [""]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("a\n\n").collect::<Vec<_>>(), ["a", ""]);
    }

    #[test]
    fn crlf_is_stripped_and_lone_cr_is_not_a_line_break() {
        let got = summaries(b"one <q> two\r\nfirst part\rsecond part\r\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ["one", "two"]);
        assert_eq!(got[1], ["first part\rsecond part"]);
    }

    #[test]
    fn blank_lines_are_empty_summaries() {
        assert_eq!(summaries(b"a\n \t\nb\n"), [vec!["a"], vec![], vec!["b"]]);
    }

    #[test]
    fn python_strip_set() {
        // U+00A0 and U+3000 are Unicode spaces, U+001F a Python-only one; U+001A is not.
        let got = split_sentences("\u{a0}\u{3000}x\u{1f}", "");
        assert_eq!(got, ["x"]);
        assert_eq!(split_sentences("\u{1a}x", ""), ["\u{1a}x"]);
    }

    #[test]
    fn invalid_utf8_keeps_one_byte_per_invalid_byte() {
        let raw = b"caf\xe9 ok \xff\xfe end";
        let text = decode(raw);
        assert_eq!(text.len(), raw.len());
        assert_eq!(text, "caf\u{1a} ok \u{1a}\u{1a} end");
        // Valid input is borrowed, not copied.
        assert!(matches!(decode(b"plain"), Cow::Borrowed("plain")));
        // Truncated multi-byte sequence at the end of a line.
        assert_eq!(summaries(b"ab\xe2\x82\n"), [vec!["ab\u{1a}\u{1a}"]]);
    }

    #[test]
    fn count_mismatch_names_both_files() {
        let e = check_counts(Path::new("c.txt"), 3, Path::new("r.txt"), 2).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("c.txt") && msg.contains("r.txt"), "{msg}");
        assert!(msg.contains('3') && msg.contains('2'), "{msg}");
        assert!(check_counts(Path::new("c"), 1, Path::new("r"), 1).is_ok());
    }
}
