//! A per-thread memo of what each whitespace word normalizes to, so that the cost of
//! normalization and stemming is paid once per distinct word, not once per occurrence.
//!
//! The memo is invisible to results: documents get dense term ids in first-occurrence order,
//! whatever the memo held before.

use std::cell::RefCell;
use std::rc::Rc;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use super::lexicon;
use super::normalize::{is_stopword_in, simple_token, word_kind, word_tokens, WordKind};
use crate::language::Language;

/// Above this many distinct words a thread's memo is dropped, so memory stays bounded on
/// corpora with huge vocabularies.
const MAX_WORDS: usize = 1 << 20;
/// And above this many spilled token ids and keys (offsets are `u32`).
const MAX_SPILL: usize = 1 << 26;
/// Room for this many words and tokens from the start (60% of the 26,691 distinct words of a
/// thousand news articles), so a short run does not spend its time growing the tables: about
/// 2.3 MB of address space a memo, its pages touched as the tables fill.
const START_WORDS: usize = 1 << 14;

/// What the analyzer needs to know of one normalized token.
#[derive(Debug, Clone, Copy)]
struct TokenInfo {
    /// Has a letter or digit (punctuation tokens are not terms).
    content: bool,
    /// On the stopword list.
    stop: bool,
    /// Id of its stem, once computed.
    stem: Option<u32>,
}

/// Interned tokens, and the tokens and term keys of each word seen, for one language and one
/// set of analyzer options (stopwords and stems depend on both).
pub(super) struct Memo {
    language: Language,
    stemmer: Option<Stemmer>,
    stopwords: bool,
    /// Ids below this are the build-time [`lexicon`]'s (English only; 0 otherwise); `info`
    /// and `names` hold the tokens from it on.
    base: u32,
    /// Token texts and their ids; the table and `names` share each text (one allocation).
    ids: FxHashMap<Rc<str>, u32>,
    names: Vec<Rc<str>>,
    info: Vec<TokenInfo>,
    /// Words of up to 15 bytes, keyed by their bytes packed with their length (most words:
    /// integer hashing and comparison), and longer ones by their text.
    short_words: FxHashMap<u128, Entry>,
    long_words: FxHashMap<Box<str>, Entry>,
    /// Tokens and keys of the words that do not fit in their [`Entry`].
    spill: Vec<u32>,
    /// Per token id: the document stamp and the dense id it is valid for (where the stamp
    /// equals `doc`), side by side so that a lookup touches one cache line, not two.
    local: Vec<[u32; 2]>,
    doc: u32,
    /// The token of a word being seen for the first time (kept to reuse its allocation).
    scratch: String,
}

/// What a word is: its token ids (all of them, for trigram blocking), its term keys (the ids
/// of the stems of its content tokens that are not stopwords) and its kind, so that an
/// occurrence costs one table lookup and no look at the tokens' facts. Most words are one token
/// with at most one key, kept in the entry itself. 16 bytes: with its 16-byte key a table
/// bucket is 32, two to a cache line (the lookup's cost is its cache misses).
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// One token, and its key unless it is [`NO_KEY`].
    One {
        token: u32,
        key: u32,
        kind: WordKind,
    },
    /// `tokens` token ids then `keys` keys at `spill[start..]`.
    Spill {
        start: u32,
        tokens: u32,
        keys: u32,
        kind: WordKind,
    },
}

impl Entry {
    fn kind(self) -> WordKind {
        match self {
            Entry::One { kind, .. } | Entry::Spill { kind, .. } => kind,
        }
    }
}

const NO_KEY: u32 = u32::MAX;

thread_local! {
    static MEMOS: RefCell<Vec<Option<Memo>>> =
        RefCell::new((0..Language::COUNT * 4).map(|_| None).collect());
}

/// Runs `f` with this thread's memo of `language` and these options.
pub(super) fn with_memo<R>(
    language: Language,
    stem: bool,
    stopwords: bool,
    f: impl FnOnce(&mut Memo) -> R,
) -> R {
    MEMOS.with(|m| {
        let mut memos = m.borrow_mut();
        let slot =
            &mut memos[language.index() * 4 + usize::from(stem) * 2 + usize::from(stopwords)];
        let full = slot.as_ref().is_some_and(|memo| {
            memo.short_words.len() + memo.long_words.len() > MAX_WORDS
                || memo.spill.len() > MAX_SPILL
        });
        if full || slot.is_none() {
            *slot = Some(Memo::new(language, stem, stopwords));
        }
        match slot.as_mut() {
            Some(memo) => f(memo),
            None => f(&mut Memo::new(language, stem, stopwords)),
        }
    })
}

impl Memo {
    fn new(language: Language, stem: bool, stopwords: bool) -> Memo {
        Memo {
            language,
            stemmer: language.stemmer().filter(|_| stem).map(Stemmer::create),
            stopwords,
            base: if language == Language::English {
                lexicon::LEN
            } else {
                0
            },
            ids: FxHashMap::with_capacity_and_hasher(START_WORDS, Default::default()),
            names: Vec::with_capacity(START_WORDS),
            info: Vec::with_capacity(START_WORDS),
            short_words: FxHashMap::with_capacity_and_hasher(START_WORDS, Default::default()),
            long_words: FxHashMap::default(),
            spill: Vec::new(),
            local: Vec::new(),
            doc: 0,
            scratch: String::new(),
        }
    }

    /// What the build-time lexicon knows of `token` (English memos only).
    fn known(&self, token: &str) -> Option<lexicon::Known> {
        if self.base > 0 {
            lexicon::find(token)
        } else {
            None
        }
    }

    /// The id of `token`, interning it on first sight.
    pub fn intern(&mut self, token: &str) -> u32 {
        match self.known(token) {
            Some(known) => known.id,
            None => self.intern_unknown(token),
        }
    }

    /// [`Memo::intern`] of a token the lexicon does not have.
    fn intern_unknown(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = self.base + self.info.len() as u32;
        self.info.push(TokenInfo {
            content: token.chars().any(char::is_alphanumeric),
            stop: is_stopword_in(self.language, token),
            stem: None,
        });
        let name: Rc<str> = token.into();
        self.ids.insert(Rc::clone(&name), id);
        self.names.push(name);
        id
    }

    /// Appends the token ids of `word` to `tokens` and its term keys to `keys`; returns what
    /// the word is to word budgets.
    pub fn word(&mut self, word: &str, tokens: &mut Vec<u32>, keys: &mut Vec<u32>) -> WordKind {
        let packed = pack(word);
        let found = match packed {
            Some(k) => self.short_words.get(&k),
            None => self.long_words.get(word),
        };
        if let Some(&entry) = found {
            self.push(entry, tokens, keys);
            return entry.kind();
        }
        let kind = word_kind(word);
        let mut scratch = std::mem::take(&mut self.scratch);
        let entry = if simple_token(word, &mut scratch) {
            // A lexicon token's key comes from its slot alone (no look at its tables by id).
            let (token, key) = match self.known(&scratch) {
                Some(known) => (known.id, self.known_key(known, &scratch)),
                None => {
                    let token = self.intern_unknown(&scratch);
                    (token, self.key(token))
                }
            };
            let key = key.unwrap_or(NO_KEY);
            Entry::One { token, key, kind }
        } else {
            self.general_entry(word, kind)
        };
        self.scratch = scratch;
        self.push(entry, tokens, keys);
        match packed {
            Some(k) => self.short_words.insert(k, entry),
            None => self.long_words.insert(word.into(), entry),
        };
        kind
    }

    /// The entry of a word that is not one plain token: the general tokenizer's tokens, and
    /// their keys.
    fn general_entry(&mut self, word: &str, kind: WordKind) -> Entry {
        let ids: Vec<u32> = word_tokens(word).iter().map(|t| self.intern(t)).collect();
        let word_keys: Vec<u32> = ids.iter().filter_map(|&t| self.key(t)).collect();
        match (&*ids, &*word_keys) {
            (&[token], &[]) => Entry::One {
                token,
                key: NO_KEY,
                kind,
            },
            (&[token], &[key]) => Entry::One { token, key, kind },
            _ => {
                let start = self.spill.len() as u32;
                self.spill.extend_from_slice(&ids);
                self.spill.extend_from_slice(&word_keys);
                Entry::Spill {
                    start,
                    tokens: ids.len() as u32,
                    keys: word_keys.len() as u32,
                    kind,
                }
            }
        }
    }

    fn push(&self, entry: Entry, tokens: &mut Vec<u32>, keys: &mut Vec<u32>) {
        match entry {
            Entry::One { token, key, .. } => {
                tokens.push(token);
                if key != NO_KEY {
                    keys.push(key);
                }
            }
            Entry::Spill {
                start,
                tokens: n,
                keys: k,
                ..
            } => {
                let (start, n, k) = (start as usize, n as usize, k as usize);
                tokens.extend_from_slice(&self.spill[start..start + n]);
                keys.extend_from_slice(&self.spill[start + n..start + n + k]);
            }
        }
    }

    /// The term key of token `id`: the id of its stem (or of itself, unstemmed), or `None` for
    /// punctuation and (when they are dropped) stopwords.
    pub fn key(&mut self, id: u32) -> Option<u32> {
        let Some(i) = id.checked_sub(self.base) else {
            return self.known_key(lexicon::known(id), lexicon::name(id));
        };
        let i = i as usize;
        let info = self.info[i];
        if !info.content || (self.stopwords && info.stop) {
            return None;
        }
        Some(match self.stemmer.as_ref() {
            Some(_) => self.stem(i, id),
            None => id,
        })
    }

    /// [`Memo::key`] of a lexicon token (`token` its text).
    fn known_key(&self, known: lexicon::Known, token: &str) -> Option<u32> {
        if !known.content || (self.stopwords && is_stopword_in(self.language, token)) {
            return None;
        }
        // The lexicon's stems are the English stemmer's, and only English memos use it.
        Some(match self.stemmer {
            Some(_) => known.stem,
            None => known.id,
        })
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
            let len = self.base as usize + self.info.len();
            self.local.resize(len.max(i + 1), [0, 0]);
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
        match id.checked_sub(self.base) {
            Some(i) => &self.names[i as usize],
            None => lexicon::name(id),
        }
    }

    /// Id of the stem of the memo's own token `id` (`info[i]`; stems share the token id
    /// space); `id` itself without a stemmer.
    fn stem(&mut self, i: usize, id: u32) -> u32 {
        if let Some(s) = self.info[i].stem {
            return s;
        }
        let Some(stemmer) = self.stemmer.as_ref() else {
            return id;
        };
        let stem = stemmer.stem(&self.names[i]).into_owned();
        let stem = self.intern(&stem);
        self.info[i].stem = Some(stem);
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
    use super::{pack, Entry};

    #[test]
    fn an_entry_and_its_key_fill_half_a_cache_line() {
        assert_eq!(std::mem::size_of::<(u128, Entry)>(), 32);
    }

    #[test]
    fn packed_words_are_distinct() {
        assert_ne!(pack("a"), pack("a\0"));
        assert_ne!(pack("ab"), pack("ba"));
        assert_eq!(pack("fifteen-bytes!!").map(|k| (k >> 120) as u8), Some(15));
        assert_eq!(pack("sixteen-bytes!!!"), None);
    }
}
