//! Tokenizers of the google flavour.
//!
//! [`Tokenizer::RougeScore`] is rouge-score 0.1.2's `tokenize`: Python `str.lower()`, every run of
//! characters outside `[a-z0-9]` becomes a separator, and (with stemming) tokens longer than 3
//! characters go through NLTK's Porter stemmer. Because `lower()` runs first, the few non-ASCII
//! characters whose lower case is ASCII survive (`K` KELVIN SIGN -> `k`, `İ` -> `i` + U+0307);
//! every other non-ASCII character is a separator, so Chinese, Russian or Arabic text has no
//! tokens at all.
//!
//! [`Tokenizer::Unicode`] is nutgraf's own variant and gives a DIFFERENT metric (its numbers are
//! not rouge-score's and must not be reported as such): tokens are maximal runs of Unicode
//! letters, digits and combining marks after lower-casing (Greek final sigma folded to `σ`),
//! and every CJK ideograph, Hiragana or Katakana character is a token on its own, since those
//! scripts do not separate words by spaces. Only ASCII `[a-z0-9]+` tokens are stemmed. Scripts
//! written without spaces but not listed here (Thai, Lao, Khmer, Burmese) come out as whole
//! phrases; no Unicode normalization (NFC/NFKC) is applied.

use std::fmt;
use std::str::FromStr;

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::porter;
use crate::Error;

/// How text is split into tokens. JSON: `"rouge_score"` or `"unicode"`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tokenizer {
    /// rouge-score 0.1.2's tokenizer (ASCII `[a-z0-9]` runs); reproduces its numbers.
    #[default]
    RougeScore,
    /// Unicode letters and digits of every script; NOT rouge-score's metric (see module docs).
    Unicode,
}

impl Tokenizer {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Tokenizer::RougeScore => "rouge-score",
            Tokenizer::Unicode => "unicode",
        }
    }
}

impl fmt::Display for Tokenizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Tokenizer {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "rouge-score" | "default" | "ascii" => Ok(Tokenizer::RougeScore),
            "unicode" => Ok(Tokenizer::Unicode),
            _ => Err(Error::invalid("tokenizer", s, "rouge-score or unicode")),
        }
    }
}

/// Whether rouge-score stems `token`: longer than 3 characters (Python's `len` counts
/// characters; stemmable tokens are ASCII, so bytes == chars) and ASCII alphanumeric.
pub(crate) fn is_stemmable(token: &str) -> bool {
    token.len() > 3 && token.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Tokenizes `text` into a new vector (see [`Tokenizer`]).
pub fn tokens(text: &str, tokenizer: Tokenizer, stem: bool) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, tokenizer, &mut String::new(), |t| {
        out.push(if stem && is_stemmable(t) {
            porter::stem(t)
        } else {
            t.to_owned()
        });
    });
    out
}

/// Calls `f` with each lower-cased (not yet stemmed) token of `text`; `buf` is scratch space,
/// so that the hot path allocates nothing per token.
pub(crate) fn for_each_token(
    text: &str,
    tokenizer: Tokenizer,
    buf: &mut String,
    mut f: impl FnMut(&str),
) {
    buf.clear();
    match tokenizer {
        Tokenizer::RougeScore if text.is_ascii() => {
            // Fast path: ASCII lower-casing is all `str.lower()` does here.
            buf.push_str(text);
            buf.make_ascii_lowercase();
            buf.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|t| !t.is_empty())
                .for_each(f);
        }
        Tokenizer::RougeScore => ascii_tokens(text, buf, &mut f),
        Tokenizer::Unicode => unicode_tokens(text, buf, &mut f),
    }
}

/// Emits `current` as a token if it is not empty, and clears it.
fn flush(current: &mut String, f: &mut impl FnMut(&str)) {
    if !current.is_empty() {
        f(current);
        current.clear();
    }
}

/// `[a-z0-9]` runs of the Unicode-lower-cased text.
fn ascii_tokens(text: &str, current: &mut String, f: &mut impl FnMut(&str)) {
    for c in text.chars() {
        if c.is_ascii() {
            let lower = c.to_ascii_lowercase();
            if lower.is_ascii_alphanumeric() {
                current.push(lower);
            } else {
                flush(current, f);
            }
        } else {
            // Python lowers the whole string first: a character whose lower case contains ASCII
            // alphanumerics (only U+212A and U+0130 in current Unicode) contributes them.
            for l in c.to_lowercase() {
                if l.is_ascii_alphanumeric() {
                    current.push(l);
                } else {
                    flush(current, f);
                }
            }
        }
    }
    flush(current, f);
}

/// Whether `c` is written without spaces between words, so that it forms a token on its own.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Unified Ideographs Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x3FFFF // Extensions B and later, compatibility supplement
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c.general_category_group() == GeneralCategoryGroup::Mark
}

/// Runs of Unicode letters, digits and marks; unspaced scripts one character per token.
fn unicode_tokens(text: &str, current: &mut String, f: &mut impl FnMut(&str)) {
    let mut one = [0u8; 4];
    for c in text.chars() {
        for l in c.to_lowercase() {
            // Fold final sigma so that `ΟΔΟΣ` and `οδος` agree (case-folding, not lower-casing).
            let l = if l == 'ς' { 'σ' } else { l };
            if is_unspaced_script(l) {
                flush(current, f);
                f(l.encode_utf8(&mut one));
            } else if is_word_char(l) {
                current.push(l);
            } else {
                flush(current, f);
            }
        }
    }
    flush(current, f);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rs(text: &str, stem: bool) -> Vec<String> {
        tokens(text, Tokenizer::RougeScore, stem)
    }

    #[test]
    fn rouge_score_tokenizer_keeps_ascii_alnum_runs() {
        assert_eq!(
            rs("Don't stop: U.S. 3.14 $5bn", false),
            ["don", "t", "stop", "u", "s", "3", "14", "5bn"]
        );
        assert_eq!(rs("café naïve 北京 Москва", false), ["caf", "na", "ve"]);
        assert!(rs("", false).is_empty());
        assert!(rs(" \t\n ", false).is_empty());
    }

    #[test]
    fn rouge_score_tokenizer_lowercases_before_filtering() {
        // KELVIN SIGN lowers to ASCII `k`; dotted capital I to `i` + combining dot (dropped).
        assert_eq!(
            rs("\u{212A}ILO \u{130}stanbul", false),
            ["kilo", "i", "stanbul"]
        );
    }

    #[test]
    fn stemming_only_above_three_characters() {
        assert_eq!(
            rs("was running dogs ran", true),
            ["was", "run", "dog", "ran"]
        );
    }

    #[test]
    fn unicode_tokenizer_keeps_other_scripts() {
        let t = |s| tokens(s, Tokenizer::Unicode, false);
        assert_eq!(t("Москва, ПРИВЕТ!"), ["москва", "привет"]);
        assert_eq!(
            t("北京大学 iPhone手机"),
            ["北", "京", "大", "学", "iphone", "手", "机"]
        );
        assert_eq!(t("ΟΔΟΣ οδος"), ["οδοσ", "οδοσ"]);
        // The virama (a combining mark) stays inside the word.
        assert_eq!(t("नमस्ते दुनिया"), ["नमस्ते", "दुनिया"]);
        assert_eq!(
            tokens("Cafés running", Tokenizer::Unicode, true),
            ["cafés", "run"]
        );
    }

    #[test]
    fn tokenizer_names_round_trip() {
        for t in [Tokenizer::RougeScore, Tokenizer::Unicode] {
            assert_eq!(t.name().parse::<Tokenizer>().ok(), Some(t));
        }
        assert!(matches!(
            "nope".parse::<Tokenizer>(),
            Err(Error::InvalidOption { option, .. }) if option == "tokenizer"
        ));
    }
}
