//! A per-thread memo of what each whitespace word normalizes to, so that the cost of
//! normalization and stemming is paid once per distinct word, not once per occurrence.
//!
//! The memo is invisible to results: documents get dense term ids in first-occurrence order,
//! whatever the memo held before.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::normalize::{is_stopword_in, word_kind, word_tokens, WordKind};
use crate::language::Language;

/// Above this many distinct words a thread's memo is dropped, so memory stays bounded on
/// corpora with huge vocabularies.
const MAX_WORDS: usize = 1 << 20;

/// What the analyzer needs to know of one normalized token.
#[derive(Debug, Clone, Copy)]
pub(super) struct TokenInfo {
    /// Has a letter or digit (punctuation tokens are not terms).
    pub content: bool,
    /// On the stopword list.
    pub stop: bool,
    /// Id of its stem, once computed.
    stem: Option<u32>,
}

/// Interned tokens and the tokens of each word seen, for one language (stopwords and stems
/// depend on it).
pub(super) struct Memo {
    language: Language,
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    info: Vec<TokenInfo>,
    /// Words of up to 15 bytes, keyed by their bytes packed with their length (most words:
    /// integer hashing and comparison), and longer ones by their text.
    short_words: FxHashMap<u128, (Tokens, WordKind)>,
    long_words: FxHashMap<Box<str>, (Tokens, WordKind)>,
    /// Per token id: the document stamp and the dense id it is valid for (where the stamp
    /// equals `doc`), side by side so that a lookup touches one cache line, not two.
    local: Vec<[u32; 2]>,
    doc: u32,
}

/// The token ids of a word. Most words are one token, kept in the table's entry itself: the
/// lookup that found the key has its cache line, where a boxed slice would cost a second miss.
#[derive(Debug)]
enum Tokens {
    One(u32),
    Many(Box<[u32]>),
}

impl Tokens {
    fn new(ids: Vec<u32>) -> Tokens {
        match *ids {
            [id] => Tokens::One(id),
            _ => Tokens::Many(ids.into_boxed_slice()),
        }
    }

    fn push_to(&self, out: &mut Vec<u32>) {
        match self {
            Tokens::One(id) => out.push(*id),
            Tokens::Many(ids) => out.extend_from_slice(ids),
        }
    }
}

thread_local! {
    static MEMOS: RefCell<Vec<Option<Memo>>> =
        RefCell::new((0..Language::COUNT).map(|_| None).collect());
}

/// Runs `f` with this thread's memo of `language`.
pub(super) fn with_memo<R>(language: Language, f: impl FnOnce(&mut Memo) -> R) -> R {
    MEMOS.with(|m| {
        let mut memos = m.borrow_mut();
        let slot = &mut memos[language.index()];
        let full = slot
            .as_ref()
            .is_some_and(|memo| memo.short_words.len() + memo.long_words.len() > MAX_WORDS);
        if full || slot.is_none() {
            *slot = Some(Memo::new(language));
        }
        match slot.as_mut() {
            Some(memo) => f(memo),
            None => f(&mut Memo::new(language)),
        }
    })
}

impl Memo {
    fn new(language: Language) -> Memo {
        Memo {
            language,
            ids: FxHashMap::default(),
            names: Vec::new(),
            info: Vec::new(),
            short_words: FxHashMap::default(),
            long_words: FxHashMap::default(),
            local: Vec::new(),
            doc: 0,
        }
    }

    /// The id of `token`, interning it on first sight.
    pub fn intern(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = self.info.len() as u32;
        self.info.push(TokenInfo {
            content: token.chars().any(char::is_alphanumeric),
            stop: is_stopword_in(self.language, token),
            stem: None,
        });
        self.ids.insert(token.into(), id);
        self.names.push(token.into());
        id
    }

    /// Appends the token ids of `word` to `out`; returns what the word is to word budgets.
    pub fn word(&mut self, word: &str, out: &mut Vec<u32>) -> WordKind {
        let key = pack(word);
        let found = match key {
            Some(k) => self.short_words.get(&k),
            None => self.long_words.get(word),
        };
        if let Some((ids, kind)) = found {
            ids.push_to(out);
            return *kind;
        }
        let ids: Vec<u32> = word_tokens(word).iter().map(|t| self.intern(t)).collect();
        let kind = word_kind(word);
        out.extend_from_slice(&ids);
        let ids = Tokens::new(ids);
        match key {
            Some(k) => self.short_words.insert(k, (ids, kind)),
            None => self.long_words.insert(word.into(), (ids, kind)),
        };
        kind
    }

    /// Starts a document: forgets the dense ids of the previous one.
    pub fn start_document(&mut self) {
        self.doc = self.doc.wrapping_add(1);
        if self.doc == 0 {
            self.local.fill([0, 0]);
            self.doc = 1;
        }
    }

    /// The document's dense id of token (or stem) `id`, handing out `*next` on first sight.
    pub fn dense(&mut self, id: u32, next: &mut u32) -> u32 {
        let i = id as usize;
        if i >= self.local.len() {
            self.local.resize(self.info.len().max(i + 1), [0, 0]);
        }
        let slot = &mut self.local[i];
        if slot[0] != self.doc {
            *slot = [self.doc, *next];
            *next += 1;
        }
        slot[1]
    }

    /// The text of token (or stem) `id`.
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// Facts about token `id`.
    pub fn info(&self, id: u32) -> TokenInfo {
        self.info[id as usize]
    }

    /// Id of the stem of token `id` (stems share the token id space).
    pub fn stem(&mut self, id: u32, stemmer: &rust_stemmers::Stemmer) -> u32 {
        if let Some(s) = self.info[id as usize].stem {
            return s;
        }
        let stem = stemmer.stem(&self.names[id as usize]).into_owned();
        let stem = self.intern(&stem);
        self.info[id as usize].stem = Some(stem);
        stem
    }
}

/// A word of at most 15 bytes as one integer: its bytes, and its length in the top byte (so
/// words that differ only by trailing NUL bytes stay distinct).
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    // A byte loop rather than a slice copy: words are short, and a variable-length copy is a
    // `memmove` call per word.
    let mut key = (bytes.len() as u128) << 120;
    for (i, &b) in bytes.iter().enumerate() {
        key |= u128::from(b) << (8 * i);
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::pack;

    #[test]
    fn packed_words_are_distinct() {
        assert_ne!(pack("a"), pack("a\0"));
        assert_ne!(pack("ab"), pack("ba"));
        assert_eq!(pack("fifteen-bytes!!").map(|k| (k >> 120) as u8), Some(15));
        assert_eq!(pack("sixteen-bytes!!!"), None);
    }
}
