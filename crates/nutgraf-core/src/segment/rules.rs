//! Word-level tests of the boundary rules: terminal punctuation, quotes and brackets (raw and
//! PTB-escaped), and the quote-parity state that tells an opening `"` from a closing one.

/// Characters that open a quotation or bracket when they lead a word (with the CJK corner
/// brackets, full-width parentheses and the lenticular and angle brackets).
const OPEN_CHARS: &[char] = &[
    '"', '\'', '“', '‘', '(', '[', '{', '«', '`', '¿', '¡', '「', '『', '（', '【', '《', '〈',
    '〔', '［',
];
/// Characters that close a quotation or bracket when they end a word.
const CLOSE_CHARS: &[char] = &[
    '"', '\'', '”', '’', ')', ']', '}', '»', '」', '』', '）', '】', '》', '〉', '〕', '］',
];

/// The full stop, exclamation and question marks of Chinese and Japanese (full-width and
/// ideographic), after which no space comes.
pub(crate) fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Whether `word` ends with a half-width `!` or `?`, closers aside (`美味!`, `美味!」`).
pub(crate) fn ends_with_bang(word: &str) -> bool {
    word.trim_end_matches(CLOSE_CHARS).ends_with(['!', '?'])
}

/// Whether `before` (the word so far) ends in a Japanese polite past, `ました` or `でした`,
/// and `c`, right after it, is a kanji or katakana: a new sentence (`ところでした駅から遠く`).
/// The polite past is a finite predicate; inside a sentence only a particle (kana:
/// `でしたが`), punctuation or a quotation mark follows it, since a relative clause takes the
/// plain form. The exception is the honorific formula `いただきました皆様` (`皆`), kept whole.
pub(crate) fn polite_past_before(before: &str, c: char) -> bool {
    let kanji_or_katakana = matches!(c,
        '\u{30a1}'..='\u{30fa}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}');
    kanji_or_katakana && c != '皆' && ends_polite_past(before)
}

/// `ました` or `でした` at the end of `word`.
fn ends_polite_past(word: &str) -> bool {
    word.ends_with("ました") || word.ends_with("でした")
}

/// Marks that Japanese informal writing puts in place of `。` after a predicate (`お店です☆`).
fn is_star(c: char) -> bool {
    matches!(c, '☆' | '★' | '♪')
}

/// Whether the star `c` (see [`is_star`]), after `before` and before `rest`, ends a Japanese
/// sentence: it follows hiragana (the end of a predicate, `です☆`) and a kana or kanji follows
/// it (`お店です☆そのため`). Inside names it sits between Latin or katakana words
/// (`Splash☆Star`), not after hiragana.
pub(crate) fn star_ends(before: &str, c: char, rest: &str) -> bool {
    is_star(c)
        && before.chars().next_back().is_some_and(is_hiragana)
        && rest.chars().next().is_some_and(is_cjk_letter)
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309f}')
}

/// Bytes of the half-width `!` and `?` at the start of `rest` when a digit or a Latin letter
/// follows them with no space (`ロビー?2008年に入り`): after a CJK letter, the mark ends the
/// sentence there, as it does before a kana (Chinese and Japanese put no space after a
/// sentence).
pub(crate) fn bang_before_alphanumeric(rest: &str) -> Option<usize> {
    let marks = rest
        .bytes()
        .take_while(|b| matches!(b, b'!' | b'?'))
        .count();
    (marks > 0
        && rest
            .as_bytes()
            .get(marks)
            .is_some_and(u8::is_ascii_alphanumeric))
    .then_some(marks)
}

/// Han ideographs and kana.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4dbf}' // CJK Extension A
        | '\u{4e00}'..='\u{9fff}' // CJK Unified Ideographs
        | '\u{f900}'..='\u{faff}' // CJK Compatibility Ideographs
        | '\u{ff66}'..='\u{ff9d}' // half-width Katakana
    )
}

/// A list item's marker: a bullet (`-`, `*`, `•`, `–`, `—`, `·`, `▪`) or a number or letter
/// with a period or bracket (`1.`, `12)`, `(3)`, `a)`).
pub(crate) fn is_list_marker(word: &str) -> bool {
    if word.len() > 4 {
        return false;
    }
    if matches!(word, "-" | "*" | "•" | "–" | "—" | "·" | "▪" | "●" | "◦") {
        return true;
    }
    let inner = word.strip_prefix('(').unwrap_or(word);
    let Some(body) = inner.strip_suffix(['.', ')']) else {
        return false;
    };
    let numbered = (1..=3).contains(&body.len()) && body.bytes().all(|b| b.is_ascii_digit());
    let lettered =
        body.len() == 1 && body.bytes().all(|b| b.is_ascii_lowercase()) && inner.ends_with(')');
    numbered || lettered
}

/// Japanese quotes that a particle continues: `「行こう。」と言った` is one sentence.
pub(crate) fn particle_follows(closers: &str, rest: &str) -> bool {
    closers.contains(['」', '』'])
        && rest.starts_with(['と', 'っ', 'の', 'を', 'が', 'は', 'も', 'に', 'で'])
}

/// Bytes of the CJK terminals and closing quotes and brackets at the start of `rest`.
pub(crate) fn closers_after(rest: &str) -> usize {
    rest.chars()
        .take_while(|&c| is_cjk_terminal(c) || CLOSE_CHARS.contains(&c))
        .map(char::len_utf8)
        .sum()
}

/// What ends a word that may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Terminal<'a> {
    /// `!` or `?` (possibly repeated or mixed, possibly attached: `said?`).
    Strong,
    /// A CJK full stop, exclamation or question mark: always ends the sentence (the case of
    /// what follows says nothing in scripts without case).
    Cjk,
    /// An ellipsis, `...` or `…`, alone or attached.
    Ellipsis,
    /// A period standing alone, as in PTB-tokenized text.
    LonePeriod,
    /// A period attached to a word; `stem` is the word without openers, closers and the period.
    Attached {
        /// The word before the period (`U.S`, `Mr`, `said`).
        stem: &'a str,
    },
    /// A colon or semicolon, in languages whose rules let it end a sentence.
    Colon,
}

/// True for a word ending in one of `marks` (`bevor:`, a lone French ` ;`), closers aside.
pub(crate) fn ends_with_colon(word: &str, marks: &[char]) -> bool {
    // The `;` of an escaped quotation mark (`&#39;`) is no semicolon.
    !marks.is_empty()
        && word.trim_end_matches(CLOSE_CHARS).ends_with(marks)
        && strip_escaped_quotes(word).len() == word.len()
}

/// The terminal a word ends with, and whether closing quotes/brackets follow it in the word.
#[inline]
pub(crate) fn terminal(word: &str) -> Option<(Terminal<'_>, bool)> {
    // Most words end in an ASCII byte that is neither a mark nor a closer: no terminal. Inlined
    // into the splitter's loop, so that they cost no call.
    match word.as_bytes().last() {
        None => None,
        Some(b';') => escaped_terminal(word),
        Some(&b)
            if b < 0x80 && !matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}') =>
        {
            None
        }
        _ => terminal_of(word),
    }
}

/// [`terminal`] for a word that may end in one.
#[inline(never)]
fn terminal_of(word: &str) -> Option<(Terminal<'_>, bool)> {
    let core = word.trim_end_matches(CLOSE_CHARS);
    let closed = core.len() < word.len();
    let core = core.trim_start_matches(OPEN_CHARS);
    let last = core.chars().next_back()?;
    let kind = match last {
        '!' | '?' | '‼' | '⁉' | '؟' => Terminal::Strong,
        c if is_cjk_terminal(c) => Terminal::Cjk,
        '…' => Terminal::Ellipsis,
        '.' if core.ends_with("..") => Terminal::Ellipsis,
        '.' if core.len() == 1 => Terminal::LonePeriod,
        // `ところでした` and `お店です☆` where the splitter cut the word (see
        // [`polite_past_before`] and [`star_ends`]).
        'た' if ends_polite_past(core) => Terminal::Cjk,
        c if is_star(c) && core[..core.len() - c.len_utf8()].ends_with(is_hiragana) => {
            Terminal::Cjk
        }
        '.' => {
            let stem = &core[..core.len() - 1];
            // `?.` or `!.`: the strong mark decides.
            if stem.ends_with(['!', '?']) {
                Terminal::Strong
            } else {
                Terminal::Attached { stem }
            }
        }
        _ => return None,
    };
    Some((kind, closed))
}

/// HTML's escapes for quotation marks, left in text taken from the web (Russian GSD:
/// `индустриальному!&#39;&#39;`, that is `!''`).
const ESCAPED_QUOTES: &[&str] = &["&#39;", "&quot;", "&#34;"];

/// `word` without the escaped quotation marks at its end (`сезону.&#39;&#39;` → `сезону.`).
fn strip_escaped_quotes(word: &str) -> &str {
    let mut core = word;
    while let Some(rest) = ESCAPED_QUOTES.iter().find_map(|q| core.strip_suffix(q)) {
        core = rest;
    }
    core
}

/// The terminal of a word that ends in escaped quotation marks: that of the word before them,
/// closed (`сезону.&#39;&#39;` ends as `сезону.''` does).
fn escaped_terminal(word: &str) -> Option<(Terminal<'_>, bool)> {
    let core = strip_escaped_quotes(word);
    if core.len() == word.len() || core.ends_with(';') {
        return None;
    }
    terminal(core).map(|(kind, _)| (kind, true))
}

/// True for a word made only of terminal punctuation (`.`, `?!`, `...`): the boundary, if any,
/// comes after it, not before.
pub(crate) fn is_terminal_only(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁉' | '؟') || is_cjk_terminal(c))
}

/// PTB escapes for brackets, any case.
fn is_ptb(word: &str, names: &[&str]) -> bool {
    names.iter().any(|n| word.eq_ignore_ascii_case(n))
}

/// A word that only opens a quotation or bracket (`` `` ``, `-LRB-`, a lone `(` or `“`, and
/// Dutch `,,`, the low opening quote typed as two commas).
pub(crate) fn is_standalone_opener(word: &str) -> bool {
    word == "``"
        || word == ",,"
        || is_ptb(word, &["-LRB-", "-LSB-", "-LCB-"])
        || (!word.is_empty() && word.chars().all(|c| OPEN_CHARS.contains(&c)))
}

/// `word` without leading quotes and brackets (`,,` among them).
pub(crate) fn strip_openers(word: &str) -> &str {
    let word = word.trim_start_matches(OPEN_CHARS);
    word.strip_prefix(",,")
        .unwrap_or(word)
        .trim_start_matches(OPEN_CHARS)
}

/// Open quotations, tracked to tell an opening `"` or `'` from a closing one where the text
/// has them as separate tokens (lowercased PTB CNN/DailyMail: `. " there were` opens,
/// `rape . " outrage` closes). Reset at each paragraph.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Quotes {
    double: bool,
    single: bool,
}

impl Quotes {
    /// True when `word`, coming right after a sentence-final mark, closes something and so
    /// belongs to the sentence that ends.
    pub fn closes(&self, word: &str) -> bool {
        match word {
            "\"" => self.double,
            "'" => self.single,
            "''" => true,
            _ => {
                is_ptb(word, &["-RRB-", "-RSB-", "-RCB-"])
                    || (!word.is_empty() && word.chars().all(|c| CLOSE_CHARS.contains(&c)))
            }
        }
    }

    /// Updates the state with `word`, which follows `prev`.
    #[inline]
    pub fn update(&mut self, prev: &str, word: &str) {
        // Only quote characters at either end of the word matter: all of them start with `"`,
        // `'`, `` ` `` or a non-ASCII byte, and end with `"`, `'` or a non-ASCII byte. This test
        // is inlined into the splitter's loop; the rest is not.
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return;
        };
        if first < 0x80
            && !matches!(first, b'"' | b'\'' | b'`')
            && last < 0x80
            && !matches!(last, b'"' | b'\'')
        {
            return;
        }
        self.update_quoted(prev, word);
    }

    /// [`update`](Self::update) for a word that may hold a quote at either end.
    #[inline(never)]
    fn update_quoted(&mut self, prev: &str, word: &str) {
        // Anchors that resynchronize the parity: a lone quote after a comma closes
        // (`, " he said`), after a colon opens (`said : " we`).
        let anchor = match prev {
            "," => Some(false),
            ":" => Some(true),
            _ => None,
        };
        match word {
            "\"" => self.double = anchor.unwrap_or(!self.double),
            "``" | "“" => self.double = true,
            "''" | "”" => self.double = false,
            "‘" => self.single = true,
            "’" => self.single = false,
            // A lone `'` after a word ending in `s` outside a quotation is a possessive
            // (`the militants ' funding`), not a quotation mark.
            "'" => {
                let possessive = !self.single && prev.ends_with(['s', 'S']);
                if let Some(open) = anchor {
                    self.single = open;
                } else if !possessive {
                    self.single = !self.single;
                }
            }
            _ => {
                if word.starts_with(['"', '“']) {
                    self.double = true;
                }
                if word.len() > 1 && word.ends_with(['"', '”']) {
                    self.double = false;
                }
                if let Some(rest) = word.strip_prefix(['\'', '‘']) {
                    if !rest.is_empty() && !is_clitic(rest) {
                        self.single = true;
                    }
                }
                let before = word.trim_end_matches(['\'', '’']);
                if before.len() < word.len() && !before.is_empty() {
                    // `Jones'` may be a possessive; it closes only an open quotation.
                    if self.single || !before.ends_with(['s', 'S']) {
                        self.single = false;
                    }
                }
            }
        }
    }
}

/// Contraction suffixes after an apostrophe (`'s`, `'re`...) and decade forms (`'90s`).
fn is_clitic(rest: &str) -> bool {
    let rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
    matches!(
        rest.to_ascii_lowercase().as_str(),
        "s" | "re" | "ve" | "ll" | "d" | "m" | "t" | "em" | "n"
    ) || rest.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminals() {
        assert_eq!(
            terminal("said.\""),
            Some((Terminal::Attached { stem: "said" }, true))
        );
        assert_eq!(
            terminal("(below.)"),
            Some((Terminal::Attached { stem: "below" }, true))
        );
        assert_eq!(terminal("."), Some((Terminal::LonePeriod, false)));
        assert_eq!(terminal("why?!"), Some((Terminal::Strong, false)));
        assert_eq!(terminal("so..."), Some((Terminal::Ellipsis, false)));
        assert_eq!(terminal("3.5"), None);
        assert_eq!(terminal("\""), None);
    }

    #[test]
    fn quote_parity() {
        let mut q = Quotes::default();
        q.update("said", "\"");
        assert!(q.closes("\""));
        q.update("uniform", "\"");
        assert!(!q.closes("\""));
        q.update("militants", "'");
        assert!(!q.closes("'"), "possessive is not a quote");
        q.update(":", "'");
        assert!(q.closes("'"));
        assert!(q.closes("-RRB-") && q.closes("''") && q.closes(")\""));
    }
}
