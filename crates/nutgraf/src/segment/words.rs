//! Whitespace-separated words with their byte spans, and the document-wide profile the
//! boundary rules depend on (cased or not, PTB-tokenized or not, where paragraphs break).

/// One whitespace-separated word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// A paragraph break lies between this word and the previous one.
    pub para_break: bool,
}

/// How single newlines are read when a text has no blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Newlines {
    /// Newlines are ordinary whitespace (blank lines separate paragraphs, or the text is
    /// hard-wrapped).
    Space,
    /// Each newline ends a paragraph (one paragraph per line).
    Break,
}

/// Document-wide facts the rules need, computed in one pass before splitting.
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

impl Profile {
    /// Profiles `text`.
    pub fn of(text: &str) -> Profile {
        let mut upper = 0usize;
        let mut alpha = 0usize;
        let mut lone_periods = 0usize;
        let mut attached_periods = 0usize;
        for w in Words::new(text, Newlines::Space) {
            let word = &text[w.start..w.end];
            if let Some(c) = word.chars().find(|c| c.is_alphabetic()) {
                alpha += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
            if word == "." {
                lone_periods += 1;
            } else if word.len() > 1 && word.ends_with('.') && !word.ends_with("..") {
                attached_periods += 1;
            }
        }
        // Lowercased corpora have no capital at all; a raw text has one every few words. 1% of
        // words keeps an odd capitalized name in a lowercased text from flipping the verdict.
        let cased = upper * 100 > alpha;
        let tokenized = lone_periods > 0 && lone_periods >= attached_periods;
        Profile {
            cased,
            tokenized,
            newlines: newline_mode(text),
        }
    }
}

/// Decides how single newlines are read: as spaces when the text has blank lines (they are the
/// paragraph breaks) or looks hard-wrapped; otherwise each line is a paragraph.
fn newline_mode(text: &str) -> Newlines {
    let mut lengths = Vec::new();
    let mut ends_terminal = 0usize;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            // A blank line between two non-blank ones: paragraphs are blank-line separated.
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

/// Iterator over the words of a text, with paragraph breaks marked.
pub(crate) struct Words<'a> {
    text: &'a str,
    pos: usize,
    newlines: Newlines,
}

impl<'a> Words<'a> {
    /// Words of `text`, reading single newlines per `newlines`.
    pub fn new(text: &'a str, newlines: Newlines) -> Words<'a> {
        Words {
            text,
            pos: 0,
            newlines,
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let bytes = self.text.as_bytes();
        let mut newlines = 0usize;
        let mut i = self.pos;
        // Skip the whitespace gap, counting line breaks. ASCII fast path; other whitespace
        // (NBSP, U+2000.., U+3000) is decoded.
        let start = loop {
            let &b = bytes.get(i)?;
            if b < 0x80 {
                match b {
                    b'\n' => newlines += 1,
                    b'\r' if bytes.get(i + 1) != Some(&b'\n') => newlines += 1,
                    b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
                    _ => break i,
                }
                i += 1;
            } else {
                let c = self.text[i..].chars().next()?;
                if !c.is_whitespace() {
                    break i;
                }
                match c {
                    '\u{2029}' => newlines += 2,
                    '\u{2028}' | '\u{85}' => newlines += 1,
                    _ => {}
                }
                i += c.len_utf8();
            }
        };
        let mut end = start;
        while end < bytes.len() {
            let b = bytes[end];
            if b < 0x80 {
                if b.is_ascii_whitespace() || b == 0x0b {
                    break;
                }
                end += 1;
            } else {
                let c = self.text[end..].chars().next()?;
                if c.is_whitespace() {
                    break;
                }
                end += c.len_utf8();
            }
        }
        self.pos = end;
        let para_break =
            start > 0 && (newlines >= 2 || (newlines == 1 && self.newlines == Newlines::Break));
        Some(Word {
            start,
            end,
            para_break,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, newlines: Newlines) -> Vec<(&str, bool)> {
        Words::new(text, newlines)
            .map(|w| (&text[w.start..w.end], w.para_break))
            .collect()
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
