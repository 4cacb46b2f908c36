//! Token normalization shared by every input convention.
//!
//! First version: lowercase, PTB escapes undone, split on whitespace and punctuation.
//! (To be refined: contractions, hyphens, quotes.)

/// Normalized tokens of a sentence: lowercased, PTB escapes undone.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
}

/// Words of a sentence as budgets count them: whitespace-separated fields with a letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// True for an English stopword.
pub fn is_stopword(tok: &str) -> bool {
    matches!(tok, "the" | "a" | "an" | "of" | "and" | "to" | "in")
}
