//! The commonest English tokens of news (`data/lexicon-en.txt`, 50,000 from the CNN/DailyMail
//! training articles, written by `scripts/lexicon.py`), analyzed at build time (`build.rs`): an
//! English memo starts knowing them, so that a short run does not spend its time stemming and
//! interning the same common words every process does. Their ids come first (`0..LEN`); the
//! memo's own tokens follow.

include!(concat!(env!("OUT_DIR"), "/lexicon_en.rs"));
include!("lexicon_hash.rs");

/// The [`INFO`] bit of a token with a letter or digit.
const CONTENT: u32 = 1 << 31;

/// What the lexicon knows of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Known {
    pub id: u32,
    /// Id of its stem.
    pub stem: u32,
    /// Has a letter or digit.
    pub content: bool,
}

/// What the lexicon knows of `token`, if it has it.
pub(super) fn find(token: &str) -> Option<Known> {
    let mask = SLOTS.len() - 1;
    let mut i = (lexicon_hash(token.as_bytes()) >> (64 - BITS)) as usize;
    loop {
        let [id, start, len, stem] = SLOTS[i];
        let id = id.checked_sub(1)?;
        let start = start as usize;
        let end = start + (len & !CONTENT) as usize;
        if end - start == token.len() && TEXT.as_bytes()[start..end] == *token.as_bytes() {
            return Some(Known {
                id,
                stem,
                content: len & CONTENT != 0,
            });
        }
        i = (i + 1) & mask;
    }
}

/// Text of token `id` (`id < LEN`).
pub(super) fn name(id: u32) -> &'static str {
    let i = id as usize;
    let start = if i == 0 { 0 } else { ENDS[i - 1] as usize };
    &TEXT[start..ENDS[i] as usize]
}

/// What the lexicon knows of token `id` (`id < LEN`).
pub(super) fn known(id: u32) -> Known {
    let info = INFO[id as usize];
    Known {
        id,
        stem: info & !CONTENT,
        content: info & CONTENT != 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::{Algorithm, Stemmer};

    #[test]
    fn the_tables_are_what_the_analyzer_computes() {
        let stemmer = Stemmer::create(Algorithm::English);
        const { assert!(LEN >= 50_000) };
        for i in 0..LEN {
            let token = name(i);
            let known = known(i);
            assert_eq!(find(token), Some(known), "{token}");
            assert_eq!(name(known.stem), stemmer.stem(token), "{token}");
            assert_eq!(
                known.content,
                token.chars().any(char::is_alphanumeric),
                "{token}"
            );
        }
        let id = |token| find(token).map(|known| known.id);
        assert_eq!(id("the"), Some(0));
        assert_eq!(id("The"), None);
        assert_eq!(id(""), None);
        assert_eq!(id("not-a-token-of-news"), None);
    }
}
