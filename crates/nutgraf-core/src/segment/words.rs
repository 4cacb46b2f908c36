//! Whitespace-separated words with their byte spans, and the document-wide profile the
//! boundary rules depend on (cased or not, PTB-tokenized or not, where paragraphs break).

use super::rules;

/// One whitespace-separated word: 16 bytes, since a text holds one per five or six bytes (a
/// 50 MB article, 8 M of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Length in bytes (a run of non-whitespace longer than 4 GiB is cut into words).
    len: u32,
    /// Line breaks in the gap before the word as paragraphs count them (`\n`, a lone `\r`,
    /// U+2028, U+0085; U+2029 counts two), up to 255: the rules only tell 0, 1 and more.
    breaks: u8,
    /// `\n` bytes in the gap before the word (the line ends of `str::lines`), up to 255.
    lf: u8,
    /// A paragraph break lies between this word and the previous one (set by [`mark_breaks`]).
    pub para_break: bool,
    /// The word opens a line and is a list item's marker (`-`, `1.`; set by [`mark_breaks`]).
    pub item: bool,
}

impl Word {
    /// Byte offset one past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.start + self.len as usize
    }
}

/// The longest word [`Word`] holds.
const MAX_WORD_LEN: usize = u32::MAX as usize;

/// How single newlines are read when a text has no blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Newlines {
    /// Newlines are ordinary whitespace (blank lines separate paragraphs, or the text is
    /// hard-wrapped).
    Space,
    /// Each newline ends a paragraph (one paragraph per line).
    Break,
}

/// Document-wide facts the rules need, computed from the words before splitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Profile {
    /// Capitalization carries signal (not an all-lowercase text).
    pub cased: bool,
    /// PTB-tokenized: sentence-final periods are separate tokens, so an attached period marks
    /// an abbreviation.
    pub tokenized: bool,
    /// How single newlines are read.
    pub newlines: Newlines,
}

/// How many lines the hard-wrap test looks at: enough for a verdict, bounded for linear time.
const SAMPLE_LINES: usize = 2000;

/// What [`scan`] counted on its way, for [`Profile::from_words`]: counted while each word's
/// bytes are at hand rather than in a second pass over the words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Scanned {
    /// `\n` bytes after the last word.
    pub tail_lf: u32,
    /// Words with an alphabetic character.
    alpha: usize,
    /// Words whose first alphabetic character is uppercase.
    upper: usize,
    /// Words that are a lone `.`.
    lone_periods: usize,
    /// Words of two or more bytes ending in one `.` (not `..`).
    attached_periods: usize,
}

impl Scanned {
    /// Counts the word `text[start..end]` (never empty).
    #[inline]
    fn count(&mut self, text: &str, start: usize, end: usize) {
        let bytes = text.as_bytes();
        let first = bytes[start];
        let alphabetic = if first.is_ascii_alphabetic() {
            Some(first as char)
        } else {
            first_alphabetic(&text[start..end])
        };
        if let Some(c) = alphabetic {
            self.alpha += 1;
            self.upper += usize::from(c.is_uppercase());
        }
        if bytes[end - 1] == b'.' {
            if end - start == 1 {
                self.lone_periods += 1;
            } else if bytes[end - 2] != b'.' {
                self.attached_periods += 1;
            }
        }
    }
}

impl Profile {
    /// Profiles `text` (scanning it; the splitter uses [`Profile::from_words`]).
    #[cfg(test)]
    pub fn of(text: &str) -> Profile {
        let mut words = Vec::new();
        let scanned = scan(text, &mut words);
        Profile::from_words(text, &words, scanned)
    }

    /// Profiles `text` from its words and what [`scan`] counted while finding them.
    pub fn from_words(text: &str, words: &[Word], scanned: Scanned) -> Profile {
        // Lowercased corpora have no capital at all; a raw text has one every few words. 1% of
        // words keeps an odd capitalized name in a lowercased text from flipping the verdict.
        let cased = scanned.upper * 100 > scanned.alpha;
        let tokenized =
            scanned.lone_periods > 0 && scanned.lone_periods >= scanned.attached_periods;
        Profile {
            cased,
            tokenized,
            newlines: newline_mode(text, words, scanned.tail_lf),
        }
    }
}

/// The first alphabetic character of `word`, decoding only non-ASCII bytes.
#[inline]
fn first_alphabetic(word: &str) -> Option<char> {
    let bytes = word.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphabetic() {
            return Some(b as char);
        }
        if b >= 0x80 && (b & 0xc0) != 0x80 {
            // The start of a multi-byte character (continuation bytes are skipped).
            let c = word[i..].chars().next()?;
            if c.is_alphabetic() {
                return Some(c);
            }
        }
    }
    None
}

/// Decides how single newlines are read: as spaces when the text has blank lines (they are the
/// paragraph breaks) or looks hard-wrapped; otherwise each line is a paragraph. The lines are
/// those of `str::lines`, read off the words: a line ends at each `\n` of a gap, and a line
/// between two `\n` of one gap (or after the last) holds only whitespace.
fn newline_mode(text: &str, words: &[Word], tail_lf: u32) -> Newlines {
    // A blank line after a non-blank one: paragraphs are blank-line separated.
    let tail_blank = tail_lf >= 2 || (tail_lf == 1 && !text.ends_with('\n'));
    if words.is_empty() || tail_blank || words[1..].iter().any(|w| w.lf >= 2) {
        return Newlines::Space;
    }
    let mut lengths = Vec::new();
    let mut ends_terminal = 0usize;
    let mut line_start = words[0].start;
    for (i, w) in words.iter().enumerate() {
        let last_of_line = words.get(i + 1).is_none_or(|n| n.lf > 0);
        if !last_of_line {
            continue;
        }
        if lengths.len() >= SAMPLE_LINES {
            break;
        }
        let line = &text[line_start..w.end()];
        lengths.push(line.chars().count());
        // The trimmed line ends with this word; a word of closers only leaves whitespace.
        let last = text[w.start..w.end()].trim_end_matches(['"', '\'', ')', ']', '”', '’']);
        if last.ends_with(['.', '!', '?', '…']) {
            ends_terminal += 1;
        }
        if let Some(n) = words.get(i + 1) {
            line_start = n.start;
        }
    }
    if lengths.len() < 2 {
        return Newlines::Space;
    }
    if is_hard_wrapped(&lengths, ends_terminal) {
        Newlines::Space
    } else {
        Newlines::Break
    }
}

/// Hard-wrapped text: at least 3 lines, all at most 120 characters, most of them filled to near
/// the longest, and most ending mid-sentence.
fn is_hard_wrapped(lengths: &[usize], ends_terminal: usize) -> bool {
    let body = &lengths[..lengths.len() - 1];
    let max = body.iter().copied().max().unwrap_or(0);
    if body.len() < 2 || max > 120 {
        return false;
    }
    let filled = body.iter().filter(|&&l| l * 10 >= max * 6).count();
    filled * 10 >= body.len() * 8 && ends_terminal * 2 < lengths.len()
}

/// Replaces `words` with the whitespace-separated words of `text` and returns the number of
/// `\n` after the last word, with the counts the profile needs. ASCII is classified bytewise;
/// other whitespace (NBSP, U+2000.., U+3000) is decoded.
pub(crate) fn scan(text: &str, words: &mut Vec<Word>) -> Scanned {
    scan_cut(text, words, MAX_WORD_LEN)
}

/// [`scan`], cutting runs of non-whitespace longer than `max_len` bytes into words at
/// character boundaries (a parameter so that tests need not build a 4 GiB text).
fn scan_cut(text: &str, words: &mut Vec<Word>, max_len: usize) -> Scanned {
    words.clear();
    let mut scanned = Scanned::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        let mut breaks = 0u32;
        let mut lf = 0u32;
        // Skip the whitespace gap, counting line breaks.
        let start = loop {
            let Some(&b) = bytes.get(i) else {
                return Scanned {
                    tail_lf: lf,
                    ..scanned
                };
            };
            if b < 0x80 {
                match b {
                    b'\n' => {
                        breaks += 1;
                        lf += 1;
                    }
                    b'\r' if bytes.get(i + 1) != Some(&b'\n') => breaks += 1,
                    b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
                    _ => break i,
                }
                i += 1;
            } else {
                let Some(c) = text[i..].chars().next() else {
                    return Scanned {
                        tail_lf: lf,
                        ..scanned
                    };
                };
                if !c.is_whitespace() {
                    break i;
                }
                match c {
                    '\u{2029}' => breaks += 2,
                    '\u{2028}' | '\u{85}' => breaks += 1,
                    _ => {}
                }
                i += c.len_utf8();
            }
        };
        let mut end = start + word_run(&bytes[start..]);
        while let Some(&b) = bytes.get(end) {
            if b > b' ' && b < 0x80 {
                // Printable ASCII and DEL: never whitespace.
                end += 1;
            } else if b < 0x80 {
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                    break;
                }
                end += 1;
            } else {
                match non_ascii(text, start, end) {
                    Step::Next(next) => end = next,
                    Step::Cut(next) => {
                        end = next;
                        break;
                    }
                    Step::Stop => break,
                }
            }
        }
        let mut start = start;
        while end - start > max_len {
            let mut cut = start + max_len;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            push_word(text, words, &mut scanned, start..cut, breaks, lf);
            (start, breaks, lf) = (cut, 0, 0);
        }
        push_word(text, words, &mut scanned, start..end, breaks, lf);
        i = end;
    }
}

/// The length of the run of printable ASCII bytes (`!` to DEL) that opens `bytes`, eight bytes
/// at a time: news words are short, and a byte-by-byte loop pays a branch per byte. The
/// caller's loop goes on from where this stops (whitespace, a control byte, non-ASCII, or
/// fewer than eight bytes left).
#[inline]
fn word_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A byte's high bit is set when it is >= 0x80, or < 0x21 (the subtraction borrows).
        // Borrows only carry toward later bytes, so the first flagged byte is exact.
        let stops = (x.wrapping_sub(ONES * 0x21) | x) & HIGH;
        if stops != 0 {
            return n + (stops.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n
}

/// Appends the word `span` (at most [`MAX_WORD_LEN`] bytes) and counts it.
#[inline]
fn push_word(
    text: &str,
    words: &mut Vec<Word>,
    scanned: &mut Scanned,
    span: std::ops::Range<usize>,
    breaks: u32,
    lf: u32,
) {
    scanned.count(text, span.start, span.end);
    words.push(Word {
        start: span.start,
        len: (span.end - span.start) as u32,
        breaks: breaks.min(255) as u8,
        lf: lf.min(255) as u8,
        para_break: false,
        item: false,
    });
}

/// What [`non_ascii`] found.
enum Step {
    /// The word goes on after the character, from here.
    Next(usize),
    /// The word ends here, with no whitespace after it (after `。」` in CJK text).
    Cut(usize),
    /// The word ended before the character (whitespace, or a CJK letter after `!`).
    Stop,
}

/// The non-ASCII character at `end` within the word begun at `start`. Kept out of [`scan`]'s
/// loop, which stays a tight ASCII loop for the common case.
#[cold]
#[inline(never)]
fn non_ascii(text: &str, start: usize, end: usize) -> Step {
    let Some(c) = text[end..].chars().next() else {
        return Step::Stop;
    };
    if c.is_whitespace() {
        return Step::Stop;
    }
    if end > start && rules::is_cjk_letter(c) && rules::ends_with_bang(&text[start..end]) {
        // Japanese writes `!` and `?` half-width too, with no space after: the word ended
        // before this character.
        return Step::Stop;
    }
    if end > start && rules::polite_past_before(&text[start..end], c) {
        // `ところでした駅から`: a Japanese sentence ended with no mark.
        return Step::Stop;
    }
    let end = end + c.len_utf8();
    if !rules::is_cjk_terminal(c) {
        if rules::is_cjk_letter(c) {
            // `ロビー?2008年`: a half-width mark then a digit or Latin letter.
            if let Some(marks) = rules::bang_before_alphanumeric(&text[end..]) {
                return Step::Cut(end + marks);
            }
        } else if rules::star_ends(&text[start..end - c.len_utf8()], c, &text[end..]) {
            // `お店です☆そのため`.
            return Step::Cut(end);
        }
        return Step::Next(end);
    }
    // Chinese and Japanese put no space after a sentence: the word ends after the mark and the
    // closers that follow it (`。」`), and the next starts there with an empty gap, unless a
    // particle continues a quotation.
    let closers = rules::closers_after(&text[end..]);
    let quote = &text[end..end + closers];
    let end = end + closers;
    let rest = &text[end..];
    if rest.chars().next().is_some_and(|n| !n.is_whitespace())
        && !rules::particle_follows(quote, rest)
    {
        Step::Cut(end)
    } else {
        Step::Next(end)
    }
}

/// Sets `para_break` of each word, reading single newlines per `newlines`, and `item` of the
/// words that open a line with a list marker.
pub(crate) fn mark_breaks(text: &str, words: &mut [Word], newlines: Newlines) {
    for w in words {
        w.para_break =
            w.start > 0 && (w.breaks >= 2 || (w.breaks == 1 && newlines == Newlines::Break));
        w.item = (w.lf > 0 || w.start == 0) && rules::is_list_marker(&text[w.start..w.end()]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, newlines: Newlines) -> Vec<(&str, bool)> {
        let mut ws = Vec::new();
        scan(text, &mut ws);
        mark_breaks(text, &mut ws, newlines);
        ws.iter()
            .map(|w| (&text[w.start..w.end()], w.para_break))
            .collect()
    }

    fn newline_mode(text: &str) -> Newlines {
        Profile::of(text).newlines
    }

    /// The line-based definition the word-based [`super::newline_mode`] must agree with.
    fn newline_mode_by_lines(text: &str) -> Newlines {
        let mut lengths = Vec::new();
        let mut ends_terminal = 0usize;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() {
                if !lengths.is_empty() {
                    return Newlines::Space;
                }
                continue;
            }
            if lengths.len() < SAMPLE_LINES {
                lengths.push(line.chars().count());
                let last = line.trim_end_matches(['"', '\'', ')', ']', '”', '’']);
                if last.ends_with(['.', '!', '?', '…']) {
                    ends_terminal += 1;
                }
            }
        }
        if lengths.len() < 2 {
            return Newlines::Space;
        }
        if is_hard_wrapped(&lengths, ends_terminal) {
            Newlines::Space
        } else {
            Newlines::Break
        }
    }

    #[test]
    fn newline_mode_matches_lines() {
        let wrapped = "The quick brown fox jumps over the lazy dog and then\n\
                       runs away. The quick brown fox jumps over the lazy\n\
                       dog and then it runs away into the deep dark woods\n\
                       where nobody finds it.";
        let cases = [
            "",
            " \n ",
            "a",
            "a\n",
            "a\n ",
            "a\n\r",
            "a\r\n",
            "a\nb\n",
            "a\nb\n\n",
            "\n\na.\nb.",
            "a.\n \nb.",
            "a.\r\n\r\nb.",
            "a.\rb.\nc.",
            "a.\u{2028}b.\nc.",
            "a.\u{2029}b.\nc.",
            "x \"\ny.\nz\n",
            "One. \"\nTwo \u{a0}words.\nThree",
            "One paragraph. Two.\nAnother one here.\n",
            wrapped,
        ];
        for text in cases {
            assert_eq!(newline_mode(text), newline_mode_by_lines(text), "{text:?}");
        }
        let many: String = (0..2100).map(|i| format!("Line {i} goes on\n")).collect();
        assert_eq!(newline_mode(&many), newline_mode_by_lines(&many));
    }

    #[test]
    fn word_run_stops_where_the_byte_loop_does() {
        // Every byte value at every position of a 20-byte run, against the plain definition.
        let plain = |b: &[u8]| b.iter().take_while(|&&c| c > b' ' && c < 0x80).count();
        for byte in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = byte;
                let full = plain(&bytes);
                let fast = word_run(&bytes);
                // It may stop early only when fewer than eight bytes are left.
                assert!(
                    fast <= full && (fast == full || bytes.len() - fast < 8),
                    "{byte} {at}"
                );
                assert_eq!(fast + plain(&bytes[fast..]), full, "{byte} {at}");
            }
        }
    }

    #[test]
    fn overlong_words_are_cut_at_character_boundaries() {
        let text = "ab\ncdéfghé ij";
        let mut ws = Vec::new();
        scan_cut(text, &mut ws, 4);
        let pieces: Vec<&str> = ws.iter().map(|w| &text[w.start..w.end()]).collect();
        assert_eq!(pieces, ["ab", "cdé", "fgh", "é", "ij"]);
        // Only the first piece has the gap's line break before it.
        assert_eq!(ws.iter().map(|w| w.lf).collect::<Vec<_>>(), [0, 1, 0, 0, 0]);
    }

    #[test]
    fn words_mark_blank_lines() {
        let text = " a b\n c\n \n\u{a0}d\r\n\r\ne ";
        assert_eq!(
            words(text, Newlines::Space),
            vec![
                ("a", false),
                ("b", false),
                ("c", false),
                ("d", true),
                ("e", true)
            ]
        );
        assert_eq!(
            words("a\nb", Newlines::Break),
            vec![("a", false), ("b", true)]
        );
    }

    #[test]
    fn profile_detects_case_and_tokenization() {
        let p = Profile::of("the cat sat . the u.s. said so .");
        assert!(!p.cased && p.tokenized);
        let p = Profile::of("The cat sat. The U.S. said so.");
        assert!(p.cased && !p.tokenized);
    }

    #[test]
    fn newline_modes() {
        assert_eq!(newline_mode("a.\n\nb."), Newlines::Space);
        assert_eq!(
            newline_mode("One paragraph. Two.\nAnother one here.\n"),
            Newlines::Break
        );
        let wrapped = "The quick brown fox jumps over the lazy dog and then\n\
                       runs away. The quick brown fox jumps over the lazy\n\
                       dog and then it runs away into the deep dark woods\n\
                       where nobody finds it.";
        assert_eq!(newline_mode(wrapped), Newlines::Space);
    }
}
