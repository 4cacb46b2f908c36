//! The vocabulary (`vocab.json`): normalized tokens to ids.
//!
//! Tokens are [`nutgraf_core::analysis::tokens`], the normalization the rest of nutgraf uses
//! (lowercase, PTB escapes undone, PTB-style contractions, hyphens split), so cased, PTB and
//! raw text map to the same ids. Id 0 is `<pad>`, id 1 is `<unk>` (every word outside the
//! vocabulary); the rest are the most frequent training tokens, ties broken alphabetically so
//! that the vocabulary is a function of the data alone.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::config::FORMAT_VERSION;
use crate::error::{ModelError, Result};

/// Id of the padding token.
pub const PAD: u32 = 0;
/// Id of the unknown-word token.
pub const UNK: u32 = 1;

/// Token ↔ id mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocab {
    tokens: Vec<String>,
    index: HashMap<String, u32>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabFile {
    format_version: u32,
    tokens: Vec<String>,
}

impl Vocab {
    /// A vocabulary of `<pad>`, `<unk>` and `tokens` (in id order; duplicates rejected).
    pub fn new(tokens: impl IntoIterator<Item = String>) -> Result<Vocab> {
        let mut all = vec!["<pad>".to_string(), "<unk>".to_string()];
        all.extend(tokens);
        let mut index = HashMap::with_capacity(all.len());
        for (i, t) in all.iter().enumerate() {
            if index.insert(t.clone(), i as u32).is_some() {
                return Err(ModelError::Config(format!(
                    "duplicate vocabulary token `{t}`"
                )));
            }
        }
        Ok(Vocab { tokens: all, index })
    }

    /// The `size - 2` most frequent tokens with at least `min_count` occurrences.
    pub fn from_counts(counts: HashMap<String, u64>, size: usize, min_count: u64) -> Result<Vocab> {
        let mut kept: Vec<(String, u64)> = counts
            .into_iter()
            .filter(|(_, c)| *c >= min_count.max(1))
            .collect();
        kept.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        kept.truncate(size.saturating_sub(2));
        Vocab::new(kept.into_iter().map(|(t, _)| t))
    }

    /// Adds the tokens of `text` to `counts`.
    pub fn count(counts: &mut HashMap<String, u64>, text: &str) {
        for t in nutgraf_core::analysis::tokens(text) {
            *counts.entry(t).or_insert(0) += 1;
        }
    }

    /// Number of ids, `<pad>` and `<unk>` included.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Always false: `<pad>` and `<unk>` are always there.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The id of a normalized token ([`UNK`] when unknown).
    pub fn id(&self, token: &str) -> u32 {
        self.index.get(token).copied().unwrap_or(UNK)
    }

    /// The token of an id.
    pub fn token(&self, id: u32) -> Option<&str> {
        self.tokens.get(id as usize).map(String::as_str)
    }

    /// Ids of the first `max_words` normalized tokens of `sentence`. A sentence without
    /// tokens reads as one `<unk>`, so every sentence has a vector.
    pub fn encode(&self, sentence: &str, max_words: usize) -> Vec<u32> {
        let mut ids: Vec<u32> = nutgraf_core::analysis::tokens(sentence)
            .take(max_words)
            .map(|t| self.id(&t))
            .collect();
        if ids.is_empty() {
            ids.push(UNK);
        }
        ids
    }

    /// `vocab.json` text.
    pub fn to_json(&self) -> String {
        let file = VocabFile {
            format_version: FORMAT_VERSION,
            tokens: self.tokens[2..].to_vec(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Parses `vocab.json` text; `what` names the file in errors.
    pub fn from_json(text: &[u8], what: &str) -> Result<Vocab> {
        let file: VocabFile = serde_json::from_slice(text).map_err(|e| ModelError::Corrupt {
            what: what.to_string(),
            message: e.to_string(),
        })?;
        if file.format_version != FORMAT_VERSION {
            return Err(ModelError::Version {
                what: what.to_string(),
                found: file.format_version,
                expected: FORMAT_VERSION,
            });
        }
        Vocab::new(file.tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_sizes_and_unknowns() {
        let mut counts = HashMap::new();
        Vocab::count(&mut counts, "The cat saw the dog .");
        Vocab::count(&mut counts, "the DOG ran");
        let v = Vocab::from_counts(counts, 4, 2).unwrap();
        // the (3) and dog (2) pass min_count 2; size 4 = pad, unk + 2.
        assert_eq!(v.len(), 4);
        assert_eq!(v.id("the"), 2);
        assert_eq!(v.id("dog"), 3);
        assert_eq!(v.id("cat"), UNK);
        assert_eq!(v.encode("THE Dog!", 50)[..2], [2, 3]);
        assert_eq!(v.encode("", 50), vec![UNK]);
        assert_eq!(v.encode("the the the", 2).len(), 2);
    }

    #[test]
    fn json_round_trip_and_version_check() {
        let v = Vocab::new(["a".to_string(), "b".to_string()]).unwrap();
        let back = Vocab::from_json(v.to_json().as_bytes(), "vocab.json").unwrap();
        assert_eq!(back, v);
        let wrong = r#"{"format_version": 7, "tokens": []}"#;
        assert!(matches!(
            Vocab::from_json(wrong.as_bytes(), "v"),
            Err(ModelError::Version { found: 7, .. })
        ));
        assert!(matches!(
            Vocab::from_json(b"{", "v"),
            Err(ModelError::Corrupt { .. })
        ));
        assert!(Vocab::new(["a".to_string(), "a".to_string()]).is_err());
    }
}
