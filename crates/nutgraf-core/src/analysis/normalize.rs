//! Token normalization shared by every input convention.
//!
//! The same article in raw, PTB-tokenized, cased or lowercased form gives the same tokens:
//!
//! * lowercase; PTB escapes undone (`-LRB-` -> `(`, `` `` `` and `''` -> `"`, `` ` `` -> `'`);
//!   curly quotes and apostrophes made straight; en and em dashes made `--`;
//! * punctuation split off words, one token per run of the same mark (`...`, `--`, `.` `"`):
//!   raw `said."` and PTB `said . ''` both give `said`, `.`, `"`;
//! * hyphens split: `college-bound` and `college - bound` both give `college`, `-`, `bound`;
//! * contractions split the PTB way: `don't` -> `do`, `n't`; `state's` -> `state`, `'s`;
//!   `can't` -> `ca`, `n't`; `gonna` -> `gon`, `na`;
//! * numbers kept whole: `1,000`, `3.5`; dotted words kept without their final period: raw
//!   `U.S.` and PTB `u.s. .` both give `u.s`, `.`.
//!
//! The analyzer drops tokens without a letter or digit.

mod stopwords;

/// Normalized tokens of a sentence (see the module docs).
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace().flat_map(word_tokens)
}

/// Words of a sentence as budgets count them: words with a letter or digit, counted the same
/// in raw and PTB form: a clitic token (`n't`, `'s`) is not a word, and a lone hyphen joins the
/// words around it (`college - bound` is one word, like `college-bound`).
pub fn word_count(text: &str) -> usize {
    let mut counter = WordCounter::default();
    text.split_whitespace()
        .for_each(|w| counter.push(word_kind(w)));
    counter.count
}

/// What a whitespace field is to [`word_count`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    /// A lone hyphen: joins the words around it.
    Hyphen,
    /// A word: has a letter or digit and is not a clitic.
    Word,
    /// Anything else (punctuation, clitics).
    Other,
}

/// The kind of a whitespace field.
pub(crate) fn word_kind(w: &str) -> WordKind {
    if w == "-" {
        WordKind::Hyphen
    } else if w.chars().any(char::is_alphanumeric) && !is_clitic_word(w) {
        WordKind::Word
    } else {
        WordKind::Other
    }
}

/// [`word_count`] one field at a time.
#[derive(Debug, Default)]
pub(crate) struct WordCounter {
    /// Words so far.
    pub count: usize,
    joined: bool,
}

impl WordCounter {
    /// Counts the next field.
    pub fn push(&mut self, kind: WordKind) {
        match kind {
            WordKind::Hyphen => {
                self.joined = self.count > 0;
                return;
            }
            WordKind::Word if !self.joined => self.count += 1,
            _ => {}
        }
        self.joined = false;
    }
}

/// True for an English stopword (NLTK's list plus clitic pieces; see `stopwords.rs`).
pub fn is_stopword(tok: &str) -> bool {
    stopwords::STOPWORDS.binary_search(&tok).is_ok()
}

/// True for a stopword of `language`: English has NLTK's list (see [`is_stopword`]); the
/// others the Stopwords ISO lists (MIT licence, through the `stop-words` crate). Chinese and
/// Japanese terms are character bigrams, which no list covers.
pub fn is_stopword_in(language: crate::Language, tok: &str) -> bool {
    use std::sync::OnceLock;
    if language == crate::Language::English {
        return is_stopword(tok);
    }
    static SETS: [OnceLock<rustc_hash::FxHashSet<&'static str>>; crate::Language::COUNT] =
        [const { OnceLock::new() }; crate::Language::COUNT];
    SETS[language.index()]
        .get_or_init(|| {
            stop_words::lookup(language.code())
                .unwrap_or(&[])
                .iter()
                .copied()
                .collect()
        })
        .contains(tok)
}

/// A whitespace field that is only a PTB clitic (`n't`, `'s`, `’re`).
fn is_clitic_word(w: &str) -> bool {
    // Fast path: every clitic starts with an apostrophe or is `n't`.
    if !w.contains(['\'', '’']) {
        return false;
    }
    let w = w.replace('’', "'").to_lowercase();
    matches!(
        w.as_str(),
        "n't" | "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m"
    )
}

/// The normalized form of a whole PTB escape word, if it is one.
fn ptb_escape(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_uppercase().as_str() {
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        "``" | "''" => "\"",
        "`" => "'",
        _ => return None,
    })
}

/// Lowercases and straightens quotes: the character-level part of normalization.
fn normalize_chars(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '‘' | '’' | '‚' | '‛' | '′' | '`' => out.push('\''),
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => out.push('"'),
            '–' | '—' | '―' => out.push_str("--"),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The one token of a word made only of ASCII letters and digits (most words of English
/// news), written lowercased into `out`, or `false` for any other word. The same token
/// [`word_tokens`] gives, without its allocations; the memo's first sight of a word is most
/// of the analysis of a short run.
pub(crate) fn simple_token(word: &str, out: &mut String) -> bool {
    let bytes = word.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    out.clear();
    out.extend(bytes.iter().map(|b| char::from(b.to_ascii_lowercase())));
    // The PTB splits of these words are the only changes left.
    ptb_pair(out).is_none()
}

/// The two tokens the PTB splits these words into.
fn ptb_pair(piece: &str) -> Option<(&'static str, &'static str)> {
    match piece {
        "gonna" => Some(("gon", "na")),
        "wanna" => Some(("wan", "na")),
        "gotta" => Some(("got", "ta")),
        "cannot" => Some(("can", "not")),
        _ => None,
    }
}

/// Tokens of one whitespace-separated word.
pub(crate) fn word_tokens(word: &str) -> Vec<String> {
    if let Some(t) = ptb_escape(word) {
        return vec![t.to_string()];
    }
    let w = normalize_chars(word);
    let chars: Vec<char> = w.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || (c == '\'' && starts_clitic(&chars[i..]) && i == 0) {
            // A word: letters and digits, joined by `'` between letters, `.` between
            // alphanumerics (`u.s`, `3.5`, `cnn.com`) and `,` between digits (`1,000`).
            let start = i;
            i += 1;
            while i < chars.len() {
                let c = chars[i];
                let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                let prev = chars[i - 1];
                let joins = c.is_alphanumeric()
                    || (c == '\'' && prev.is_alphanumeric() && next_alnum)
                    || (c == '.' && prev.is_alphanumeric() && next_alnum)
                    || (c == ','
                        && prev.is_ascii_digit()
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit));
                if !joins {
                    break;
                }
                i += 1;
            }
            let piece: String = chars[start..i].iter().collect();
            split_contraction(piece, &mut out);
        } else {
            // A run of one punctuation mark.
            let start = i;
            while i < chars.len() && chars[i] == c {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        }
    }
    out
}

/// True when `chars` (starting with `'`) is a clitic standing alone: `'s`, `'re`...
fn starts_clitic(chars: &[char]) -> bool {
    let rest: String = chars[1..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    matches!(rest.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m") && rest.len() + 1 == chars.len()
}

/// Splits a word the PTB way: `don't` -> `do` `n't`, `state's` -> `state` `'s`, `gonna` ->
/// `gon` `na`.
fn split_contraction(piece: String, out: &mut Vec<String>) {
    if let Some(stem) = piece.strip_suffix("n't") {
        if !stem.is_empty() {
            out.push(stem.to_string());
            out.push("n't".to_string());
            return;
        }
    }
    if let Some(pos) = piece.rfind('\'') {
        let clitic = &piece[pos..];
        if pos > 0 && matches!(clitic, "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m") {
            out.push(piece[..pos].to_string());
            out.push(clitic.to_string());
            return;
        }
    }
    match ptb_pair(&piece) {
        Some((a, b)) => {
            out.push(a.to_string());
            out.push(b.to_string());
        }
        None => out.push(piece),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_tokens_are_the_general_tokens() {
        let words = [
            "The", "CNN", "u.s.", "3.5", "1,000", "don't", "Gonna", "cannot", "CANNOT", "x", "",
            "-LRB-", "élan", "abc123", "it's", "n't", "--", "Straße", "wanna", "go",
        ];
        let mut out = String::new();
        for w in words {
            if simple_token(w, &mut out) {
                assert_eq!(word_tokens(w), vec![out.clone()], "{w:?}");
            } else {
                assert!(
                    !w.bytes().all(|b| b.is_ascii_alphanumeric())
                        || w.is_empty()
                        || word_tokens(w).len() != 1,
                    "{w:?} is simple but was refused"
                );
            }
        }
    }

    fn toks(s: &str) -> Vec<String> {
        tokens(s).collect()
    }

    /// Raw and lowercased-PTB forms of the same text must give the same tokens.
    fn same(raw: &str, ptb: &str) {
        assert_eq!(toks(raw), toks(ptb), "\n raw: {raw}\n ptb: {ptb}");
    }

    #[test]
    fn raw_and_ptb_agree() {
        same(
            "NEW DELHI (CNN) In an unusual public raid in India, thousands stormed a jail.",
            "new delhi ( cnn ) in an unusual public raid in india , thousands stormed a jail .",
        );
        same(
            "The 35-year-old suspect died, said L.L. Doungal.",
            "the 35 - year - old suspect died , said l.l. doungal .",
        );
        same(
            "Police used teargas, but it didn't work, he said.",
            "police used teargas , but it did n't work , he said .",
        );
        same(
            "\"There were thousands of them,\" Doungal said.",
            "`` There were thousands of them , '' Doungal said .",
        );
        same(
            "It rivals the Islamic State's reign -LRB- pictured -RRB- in Syria.",
            "it rivals the islamic state 's reign ( pictured ) in syria .",
        );
        same(
            "Filmmaker: India’s ban is ‘based on nothing’",
            "filmmaker : india 's ban is ' based on nothing '",
        );
        same("He can't go; we won't.", "he ca n't go ; we wo n't .");
        same("college-bound students", "college - bound students");
        same("It cost $1,000 or 3.5%.", "it cost $ 1,000 or 3.5 % .");
        // PTB doubles the period after a sentence-final abbreviation (`u.s. .`); only the
        // punctuation tokens differ.
        let words = |s: &str| -> Vec<String> {
            toks(s)
                .into_iter()
                .filter(|t| t.chars().any(char::is_alphanumeric))
                .collect()
        };
        assert_eq!(words("in the U.S."), words("in the u.s. ."));
        same("the militants' funding", "the militants ' funding");
        same("we're gonna win", "we 're gon na win");
        same("the game—and the fans", "the game -- and the fans");
    }

    #[test]
    fn token_shapes() {
        assert_eq!(toks("Don't"), ["do", "n't"]);
        assert_eq!(toks("O'Brien's"), ["o'brien", "'s"]);
        assert_eq!(toks("'s"), ["'s"]);
        assert_eq!(toks("'Hello'"), ["'", "hello", "'"]);
        assert_eq!(toks("wait..."), ["wait", "..."]);
        assert_eq!(toks("-LRB- x -RRB-"), ["(", "x", ")"]);
        assert_eq!(toks("£10.50"), ["£", "10.50"]);
    }

    #[test]
    fn word_counts_agree() {
        assert_eq!(
            word_count("it did n't work , he said ."),
            word_count("It didn't work, he said.")
        );
        assert_eq!(word_count("college - bound"), 1);
        assert_eq!(word_count("college-bound"), 1);
        assert_eq!(word_count("the state 's reign"), 3);
        assert_eq!(word_count(" , . -- "), 0);
    }

    #[test]
    fn stopwords() {
        assert!(
            stopwords::STOPWORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted, unique"
        );
        for w in ["the", "and", "n't", "'s", "ca", "wo", "yourselves"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["police", "syria", "said"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
