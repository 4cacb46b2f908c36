//! Sentence splitting for news text, raw or tokenized.
//!
//! The splitter looks at whitespace-separated words, so spans always partition the text: every
//! sentence is trimmed, sentences are in order, and only whitespace lies between them. It runs
//! in linear time: one pass over the text collects the words, the document profile is computed
//! from them, then the split walks them with a lookahead of a few words.
//!
//! A sentence ends after a word that ends in `.`, `!`, `?` or an ellipsis, plus any closing
//! quotes or brackets after it (attached, `said."`, or separate PTB tokens, `said . ''`), when
//! the rules for that mark accept the next word:
//!
//! * `!`, `?` and a lone PTB `.`: always, except before a lowercase word in cased text
//!   (`"Why?" he asked`).
//! * an attached period: in PTB-tokenized text never (`u.s.`, `l.l.` are abbreviations there;
//!   sentence periods are separate tokens). In raw text it depends on the word: titles (`Mr.`,
//!   `Gen.`) never end a sentence, `No.`/`Art.` not before a number, months not before a
//!   number; ambiguous abbreviations (`U.S.`, `Inc.`, `Jr.`, initials `J.`) only before a
//!   typical sentence opener (`The`, `He`...); any other word ends a sentence unless the next
//!   word starts lowercase in cased text.
//! * an ellipsis: in cased text before a capital; in lowercased text never.
//!
//! Lowercased text (no capitals at all) gives no case signal: there a period after an ordinary
//! word always ends the sentence. Blank lines end paragraphs (and sentences); in a text with no
//! blank line, each line is a paragraph unless the text looks hard-wrapped. A short dateline
//! (`LONDON, England (CNN) --`) left on a line of its own is joined to the sentence after it.
//! See `docs/SPLITTER.md` for measurements.

mod abbrev;
mod lang;
mod rules;
mod words;

use std::cell::Cell;

use crate::document::Sentence;
use crate::language::Language;
use abbrev::Kind;
use lang::Rules;
use rules::{Quotes, Terminal};
use words::{Profile, Word};

/// The most words of the splitter's per-thread buffer kept between texts (about 32 MB).
const MAX_KEPT_WORDS: usize = 1 << 20;

/// Splits text into sentences with byte spans. Stateless and cheap: reuse one everywhere.
#[derive(Debug, Clone, Default)]
pub struct SentenceSplitter {}

impl SentenceSplitter {
    /// A splitter with the default rules.
    pub fn new() -> SentenceSplitter {
        SentenceSplitter {}
    }

    /// Sentences of `text`, in order, trimmed; spans do not overlap and only whitespace lies
    /// between them. Paragraph numbers start at 0 and count blank-line separated blocks (or
    /// lines, in text without blank lines that is not hard-wrapped). English rules (and the
    /// marks of every script: CJK `。！？`, Arabic `؟`); see [`SentenceSplitter::split_as`].
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        self.split_with(text, lang::english())
    }

    /// [`split`](Self::split) with the rules of `language`: its abbreviations, ordinal
    /// numbers (`am 12. März`), and colons that end sentences where its reference corpora
    /// say so.
    pub fn split_as(&self, text: &str, language: Language) -> Vec<Sentence> {
        self.split_with(text, lang::rules(language))
    }

    fn split_with(&self, text: &str, rules: &'static Rules) -> Vec<Sentence> {
        thread_local! {
            /// The word buffer, reused across calls on one thread.
            static WORDS: Cell<Vec<Word>> = const { Cell::new(Vec::new()) };
        }
        let mut words = WORDS.with(Cell::take);
        let scanned = words::scan(text, &mut words);
        let profile = Profile::from_words(text, &words, scanned);
        words::mark_breaks(text, &mut words, profile.newlines);
        let mut state = Splitter {
            text,
            profile,
            rules,
            words: &words,
            pos: 0,
            out: Vec::new(),
        };
        state.run();
        let mut out = state.out;
        // Kept for the next text unless it is huge: a 50 MB document's 8 M words (256 MB)
        // would otherwise stay allocated through its analysis and summary.
        if words.capacity() <= MAX_KEPT_WORDS {
            WORDS.with(|cell| cell.set(words));
        }
        merge_datelines(text, &mut out);
        out
    }
}

/// One run of the splitter over one text.
struct Splitter<'a> {
    text: &'a str,
    profile: Profile,
    rules: &'static Rules,
    words: &'a [Word],
    /// Index of the next word in `words`.
    pos: usize,
    out: Vec<Sentence>,
}

impl<'a> Splitter<'a> {
    fn peek(&self, k: usize) -> Option<Word> {
        self.words.get(self.pos + k).copied()
    }

    fn next_word(&mut self) -> Option<Word> {
        let w = self.words.get(self.pos).copied();
        self.pos += 1;
        w
    }

    fn word(&self, w: Word) -> &'a str {
        &self.text[w.start..w.end()]
    }

    fn run(&mut self) {
        // Copied out of `self` so that the loop does not reload them (it mutates `self`).
        let colon = self.rules.colon;
        let any_headlines = self.rules.any_headlines;
        let mut paragraph = 0;
        let mut current: Option<std::ops::Range<usize>> = None;
        let mut quotes = Quotes::default();
        let mut prev = "";
        let mut seen = false;
        while let Some(w) = self.next_word() {
            if w.para_break && seen {
                if let Some(span) = current.take() {
                    self.out.push(Sentence { span, paragraph });
                }
                paragraph += 1;
                quotes = Quotes::default();
            }
            seen = true;
            let word = self.word(w);
            // A bullet or a number opening a line starts a list item: a sentence of its own,
            // and its `1.` ends nothing.
            let item = w.item;
            if item {
                if let Some(span) = current.take() {
                    self.out.push(Sentence { span, paragraph });
                }
            }
            quotes.update(prev, word);
            prev = word;
            let span = current.get_or_insert(w.start..w.end());
            span.end = w.end();
            if item {
                continue;
            }
            let mut terminal = rules::terminal(word);
            if terminal.is_none() && !colon.is_empty() {
                terminal = rules::ends_with_colon(word, colon).then_some((Terminal::Colon, false));
            }
            let Some((terminal, mut closed)) = terminal else {
                let headline = any_headlines
                    && ((self.rules.caps_headlines && self.headline_ends(current.as_ref(), w))
                        || (self.rules.headlines
                            && self.initial_headline_ends(current.as_ref(), w)));
                if headline {
                    if let Some(span) = current.take() {
                        self.out.push(Sentence { span, paragraph });
                    }
                }
                continue;
            };
            // Absorb the closing quotes and brackets that follow as separate tokens.
            while let Some(n) = self.peek(0) {
                let nw = self.word(n);
                if n.para_break || !(quotes.closes(nw) || self.closes_by_context(nw)) {
                    break;
                }
                self.next_word();
                quotes.update(prev, nw);
                prev = nw;
                closed = true;
                if let Some(span) = current.as_mut() {
                    span.end = n.end();
                }
            }
            // A number alone (`858.` before an article's title) opens a sentence, not ends one.
            let lone_number = current.as_ref().is_some_and(|c| c.start == w.start)
                && matches!(terminal, Terminal::Attached { stem } if is_number(stem));
            if !lone_number && self.ends_here(terminal, closed) {
                if let Some(span) = current.take() {
                    self.out.push(Sentence { span, paragraph });
                }
            }
        }
        if let Some(span) = current {
            self.out.push(Sentence { span, paragraph });
        }
    }

    /// Whether `w` ends a headline in capitals: the sentence so far is three or more words in
    /// capitals and the next word is in title case (`Real`, not `REAL` or `de`).
    fn headline_ends(&self, current: Option<&std::ops::Range<usize>>, w: Word) -> bool {
        let (Some(span), Some(next)) = (current, self.peek(0)) else {
            return false;
        };
        if next.para_break {
            return false;
        }
        let mut chars = self.word(next).chars();
        let title = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
        if !title {
            return false;
        }
        let words: Vec<&str> = self.text[span.start..w.end()].split_whitespace().collect();
        words.len() >= 3
            && words.iter().all(|word| {
                word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
            })
    }

    /// Whether `w` ends a document's opening headline: two to fifteen words so far, none of
    /// them ending a sentence, and a typical opener of the language next.
    fn initial_headline_ends(&self, current: Option<&std::ops::Range<usize>>, w: Word) -> bool {
        let (Some(span), Some(next)) = (current, self.peek(0)) else {
            return false;
        };
        if next.para_break {
            return false;
        }
        // `Folha -- O senhor ...`: a speaker's name and a dash open an interview's answer.
        if matches!(self.word(w), "--" | "-" | "–" | "—") {
            return false;
        }
        let words = self.text[span.start..w.end()].split_whitespace().count();
        let opener = rules::strip_openers(self.word(next));
        (2..=15).contains(&words) && self.rules.openers.contains(&opener)
    }

    /// A lone `"` or `'` right after a sentence end also closes when a comma or a speech verb
    /// follows it (`? ' , beckham said`, `. " doungal said`), whatever the parity says.
    fn closes_by_context(&self, quote: &str) -> bool {
        if !matches!(quote, "\"" | "'") {
            return false;
        }
        let mut after = (1..=3)
            .map_while(|k| self.peek(k).filter(|w| !w.para_break))
            .map(|w| self.word(w));
        match after.next() {
            Some("," | ";") => true,
            Some(first) => is_speech_verb(first) || after.any(is_speech_verb),
            None => false,
        }
    }

    /// Whether the sentence ends after a word ending in `terminal` (and closers, if `closed`).
    fn ends_here(&self, terminal: Terminal<'_>, closed: bool) -> bool {
        let Some(next) = self.peek(0) else {
            return true;
        };
        if next.para_break {
            return true;
        }
        let mut content = self.word(next);
        if self.rules.dash_continues && is_dash_then_punctuation(content) {
            return self.dash_opens_dialogue(terminal);
        }
        if rules::is_terminal_only(content) {
            // `Corp. .` or `. ...`: the following mark decides.
            return false;
        }
        if content.len() > 1 && rules::strip_openers(content) == "." {
            // A quotation mark and a period (`любовь? ``.`, `! ".`): the mark closes the
            // quotation, and the period the sentence. (An ellipsis after an opening quote,
            // `. «... Os`, opens one.)
            return false;
        }
        // Look past opening quotes and brackets that stand alone (`. `` He`, `. -LRB- The`).
        let mut k = 0;
        while rules::is_standalone_opener(content) && k < 3 {
            k += 1;
            match self.peek(k) {
                Some(w) if !w.para_break => content = self.word(w),
                _ => return true,
            }
        }
        let content = rules::strip_openers(content);
        let first = content.chars().next();
        if first.is_some_and(|c| matches!(c, ',' | ';' | ':' | '%')) {
            // No sentence starts with a comma: `? ' , beckham said`.
            return false;
        }
        let cased = self.profile.cased;
        let lower_next =
            cased && !self.rules.lowercase_starts && first.is_some_and(char::is_lowercase);
        let upper_next = cased && first.is_some_and(char::is_uppercase);
        match terminal {
            Terminal::Strong | Terminal::LonePeriod => !lower_next,
            Terminal::Cjk => true,
            Terminal::Ellipsis => upper_next,
            // A colon also ends a sentence before a list item (`transformações: 1) o ...`).
            Terminal::Colon => upper_next || rules::is_list_marker(self.word(next)),
            Terminal::Attached { stem } => {
                if self.profile.tokenized && !closed {
                    return false;
                }
                let digit_next = first.is_some_and(|c| c.is_ascii_digit() || c == '#');
                let opener = || {
                    abbrev::is_opener(content, cased) || self.rules.openers.contains(&bare(content))
                };
                if self.rules.ordinals && is_ordinal(stem) && !closed {
                    return opener();
                }
                match classify(stem, self.rules) {
                    Some(Kind::Title | Kind::Internal) => false,
                    Some(Kind::Numeric) if digit_next => false,
                    Some(Kind::Month) if digit_next => false,
                    Some(Kind::Month | Kind::Ambiguous) => {
                        opener() || (closed && cased && first.is_some_and(char::is_uppercase))
                    }
                    Some(Kind::Numeric | Kind::Word) | None => {
                        !lower_next || (!closed && self.lowercase_opens(stem, content))
                    }
                }
            }
        }
    }
}

/// Verbs of saying that follow a closing quotation (`" ... , " he said`).
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "said"
            | "says"
            | "added"
            | "adds"
            | "asked"
            | "told"
            | "wrote"
            | "writes"
            | "explained"
            | "insisted"
            | "continued"
            | "claimed"
            | "admitted"
            | "tweeted"
            | "replied"
    )
}

/// A word without the punctuation around it (`"Der,` → `Der`).
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Digits only (`858` of `858.`).
fn is_number(stem: &str) -> bool {
    let stem = rules::strip_openers(stem);
    !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit())
}

/// A number of up to three digits (`12` of `12.`), an ordinal in languages that write them
/// with a period.
fn is_ordinal(stem: &str) -> bool {
    let stem = rules::strip_openers(stem);
    (1..=3).contains(&stem.len()) && stem.bytes().all(|b| b.is_ascii_digit())
}

/// A dash alone or with punctuation attached (`-`, `-,`, `–.`).
fn is_dash_then_punctuation(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('-' | '–' | '—')) && chars.all(|c| c.is_ascii_punctuation())
}

impl Splitter<'_> {
    /// Whether the dash that follows a sentence-final mark (the next word) opens a line of
    /// dialogue: a word follows it, directly or after a second dash, and the sentence does
    /// not end in a date (`6 de julio. - Barak`, a chronology's entry).
    fn dash_opens_dialogue(&self, terminal: Terminal<'_>) -> bool {
        let Some(dash) = self.peek(0) else {
            return false;
        };
        if self.word(dash).len() > 3 || self.word(dash).chars().count() > 1 {
            return false;
        }
        let mut k = 1;
        let mut after = self.peek(k);
        if after.is_some_and(|w| matches!(self.word(w), "-" | "–" | "—")) {
            k += 1;
            after = self.peek(k);
        }
        let Some(after) = after.filter(|w| !w.para_break) else {
            return false;
        };
        let opens = rules::strip_openers(self.word(after))
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '¿' | '¡'));
        let date = match terminal {
            Terminal::Attached { stem } => {
                let stem = rules::strip_openers(stem).to_lowercase();
                stem.bytes().all(|b| b.is_ascii_digit()) || self.rules.months.contains(&&*stem)
            }
            _ => false,
        };
        opens && !date
    }

    /// Whether a lowercase `next` word opens a sentence after the word `stem` and its period,
    /// in a language whose sentences may open lowercase after a period: unless `stem` is an
    /// ordinal in words (`onyedi. yüzyıl`) or `next` a verb of saying (`Yeter. dedim.`).
    fn lowercase_opens(&self, stem: &str, next: &str) -> bool {
        if !self.rules.period_lowercase_starts
            || !(self.rules.lowercase_stem)(rules::strip_openers(stem))
        {
            return false;
        }
        let lower = next.to_lowercase();
        let speech = self
            .rules
            .speech_prefixes
            .iter()
            .any(|p| lower.starts_with(p));
        !(speech || self.is_number_words(stem))
    }

    /// Whether `stem` is made of the language's number words, an ordinal ending allowed
    /// (`onyedi`, `onikinci`, `onyedi-onsekiz`).
    fn is_number_words(&self, stem: &str) -> bool {
        let words = self.rules.number_words;
        !words.is_empty()
            && stem.split('-').all(|part| {
                let part = ["inci", "ıncı", "uncu", "üncü", "nci", "ncı", "ncu", "ncü"]
                    .iter()
                    .find_map(|s| part.strip_suffix(s))
                    .unwrap_or(part);
                is_number_word(part, words)
            })
    }
}

/// Whether `word` is a run of number words (`beşyüzdört` = `beş` `yüz` `dört`).
fn is_number_word(word: &str, words: &[&str]) -> bool {
    if word.is_empty() || word.len() > 40 {
        return false;
    }
    // Few words and short ones: try each as the first, then the rest.
    fn rest(word: &str, words: &[&str], depth: usize) -> bool {
        word.is_empty()
            || (depth < 8
                && words.iter().any(|w| {
                    word.strip_prefix(w)
                        .is_some_and(|tail| rest(tail, words, depth + 1))
                }))
    }
    rest(word, words, 0)
}

/// The abbreviation kind of the word before an attached period, if it is one: by shape for
/// dotted acronyms (`U.S`, `a.m`, `Ph.D`) and initials (`J`), by the language's table and
/// then the shared one otherwise.
fn classify(stem: &str, rules: &Rules) -> Option<Kind> {
    let stem = rules::strip_openers(stem);
    if stem.is_empty() || stem.len() > 8 {
        return None;
    }
    let lower = stem.to_lowercase();
    let mut letters = stem.chars();
    if letters.next().is_some_and(char::is_uppercase) && letters.next().is_none() {
        // One capital letter is an initial (`И. П. Бардин`), whatever a table says of the
        // lowercase letter.
        return Some(Kind::Ambiguous);
    }
    let own = rules.abbreviations.iter().find(|(s, _)| *s == lower);
    if let Some(&(_, kind)) = own {
        return (kind != Kind::Word).then_some(kind);
    }
    if let Some(kind) = abbrev::lookup(&lower) {
        return Some(kind);
    }
    if lower == "e.g" || lower == "i.e" {
        return Some(Kind::Internal);
    }
    let dotted = lower.contains('.')
        && lower.split('.').all(|seg| {
            (1..=2).contains(&seg.chars().count()) && seg.chars().all(char::is_alphabetic)
        });
    let initial = lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic);
    (dotted || initial).then_some(Kind::Ambiguous)
}

/// Joins a short dateline left alone in its paragraph (`LONDON, England (CNN) --`) to the
/// sentence after it (the first of the next paragraph), then renumbers paragraphs densely.
fn merge_datelines(text: &str, out: &mut Vec<Sentence>) {
    if out.len() < 2 {
        return;
    }
    let mut merged: Vec<Sentence> = Vec::with_capacity(out.len());
    let mut pending: Option<usize> = None;
    for i in 0..out.len() {
        let s = &out[i];
        let start = pending.take().unwrap_or(s.span.start);
        let alone = out.get(i + 1).is_some_and(|n| n.paragraph != s.paragraph)
            && (i == 0 || out[i - 1].paragraph != s.paragraph);
        if alone && is_dateline(&text[s.span.clone()]) {
            pending = Some(start);
            continue;
        }
        merged.push(Sentence {
            span: start..s.span.end,
            paragraph: s.paragraph,
        });
    }
    // Dense paragraph numbers: a dateline's paragraph has emptied.
    let mut dense = 0;
    let mut last = None;
    for s in merged.iter_mut() {
        if last.is_some_and(|l| l != s.paragraph) {
            dense += 1;
        }
        last = Some(s.paragraph);
        s.paragraph = dense;
    }
    *out = merged;
}

/// A dateline: at most 8 words, no sentence-final mark, ending with a credit in brackets
/// (`(CNN)`, `-LRB- AP -RRB-`) or a dash, or all capitals (`WASHINGTON`).
fn is_dateline(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().take(9).collect();
    let Some(&last) = words.last() else {
        return false;
    };
    if words.len() > 8 || rules::terminal(last).is_some() {
        return false;
    }
    let credit = last.ends_with(')') || last.eq_ignore_ascii_case("-RRB-");
    let dash = matches!(last, "--" | "-" | "—" | "–");
    let capitals = s.chars().any(char::is_alphabetic)
        && !s.chars().any(char::is_lowercase)
        && words.len() <= 3;
    credit || dash || capitals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::new()
            .split(text)
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn classifies_stems() {
        let en = lang::english();
        assert_eq!(classify("U.S", en), Some(Kind::Ambiguous));
        assert_eq!(classify("(Mr", en), Some(Kind::Title));
        assert_eq!(classify("J", en), Some(Kind::Ambiguous));
        assert_eq!(classify("e.g", en), Some(Kind::Internal));
        assert_eq!(classify("said", en), None);
        assert_eq!(classify("2015", en), None);
        assert_eq!(classify("bzw", en), None);
        assert_eq!(
            classify("bzw", lang::rules(Language::German)),
            Some(Kind::Internal)
        );
    }

    #[test]
    fn basic_split() {
        assert_eq!(
            split("It rained. We left!  Why? "),
            ["It rained.", "We left!", "Why?"]
        );
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split("  \n "), Vec::<&str>::new());
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("LONDON, England (CNN) --"));
        assert!(is_dateline("WASHINGTON"));
        assert!(!is_dateline("He left."));
        let text = "LONDON, England (CNN) --\n\nPolice said on Monday. They left.";
        assert_eq!(
            split(text),
            [
                "LONDON, England (CNN) --\n\nPolice said on Monday.",
                "They left."
            ]
        );
    }
}
