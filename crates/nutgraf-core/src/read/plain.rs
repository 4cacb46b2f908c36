//! Single-document formats: `lines`, `text` and CNN/DailyMail `.story`, and the heuristic that
//! tells `lines` from `text`.

use crate::document::{Document, Sentence};
use crate::language::LanguageChoice;
use crate::segment::SentenceSplitter;

/// One sentence per line: each non-blank line is a sentence (trimmed, verbatim); blank lines
/// start a new paragraph. The language is only recorded (for the analysis).
pub(crate) fn parse_lines(text: String, language: LanguageChoice) -> Document {
    let language = language.resolve(&text);
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut blank_before = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_before = true;
        } else {
            if blank_before && !sentences.is_empty() {
                paragraph += 1;
            }
            blank_before = false;
            let start = offset + (line.len() - line.trim_start().len());
            sentences.push(Sentence {
                span: start..start + trimmed.len(),
                paragraph,
            });
        }
        offset += line.len();
    }
    Document {
        text,
        sentences,
        language: Some(language),
        ..Document::default()
    }
}

/// Raw or tokenized text, split by the splitter with the rules of its language.
pub(crate) fn parse_text(
    text: String,
    splitter: &SentenceSplitter,
    language: LanguageChoice,
) -> Document {
    let language = language.resolve(&text);
    let sentences = splitter.split_as(&text, language);
    Document {
        text,
        sentences,
        language: Some(language),
        ..Document::default()
    }
}

/// A CNN/DailyMail `.story` file: the article is everything before the first `@highlight`
/// line, split by the splitter; each `@highlight` line is followed by one highlight (its
/// non-blank lines up to a blank line or the next `@highlight`), a reference sentence. The
/// document text is the article part, a prefix of the file, so spans are file offsets.
pub(crate) fn parse_story(
    mut text: String,
    splitter: &SentenceSplitter,
    language: LanguageChoice,
) -> Document {
    let mut article_end = None;
    let mut reference = Vec::new();
    let mut current: Option<String> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed == "@highlight" {
            article_end.get_or_insert(offset);
            flush(&mut current, &mut reference);
            current = Some(String::new());
        } else if let Some(cur) = current.as_mut() {
            if trimmed.is_empty() {
                if !cur.is_empty() {
                    flush(&mut current, &mut reference);
                }
            } else {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(trimmed);
            }
        }
        offset += line.len();
    }
    flush(&mut current, &mut reference);
    if let Some(end) = article_end {
        text.truncate(end);
    }
    let language = language.resolve(&text);
    let sentences = splitter.split_as(&text, language);
    Document {
        text,
        sentences,
        reference: article_end.map(|_| reference),
        language: Some(language),
        ..Document::default()
    }
}

fn flush(current: &mut Option<String>, reference: &mut Vec<String>) {
    if let Some(h) = current.take() {
        if !h.is_empty() {
            reference.push(h);
        }
    }
}

/// Lines looked at by [`looks_like_lines`]: a verdict needs no more, and it keeps detection
/// cheap on big files.
const SAMPLE_BYTES: usize = 256 * 1024;

/// True when plain text looks like one sentence per line.
///
/// The text (its first 256 KiB) is split by the splitter as raw text would be, and each
/// non-blank line is checked for a sentence starting inside it. One-sentence-per-line text has
/// (almost) none: its lines end sentences, with or without final punctuation. Paragraph-per-line
/// and hard-wrapped text have many. Verdict: at least 2 lines, and at most 15% of them with a
/// sentence starting inside.
pub(crate) fn looks_like_lines(text: &str, splitter: &SentenceSplitter) -> bool {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Cut at a line end so the last sampled line is whole.
    let sample = match text[..end].rfind('\n') {
        Some(i) if end < text.len() => &text[..i],
        _ => &text[..end],
    };
    let starts: Vec<usize> = splitter
        .split(sample)
        .iter()
        .map(|s| s.span.start)
        .collect();
    let mut lines = 0usize;
    let mut multi = 0usize;
    let mut next = 0usize;
    let mut offset = 0;
    for line in sample.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            lines += 1;
            let (from, to) = (offset + lead, offset + lead + body.len());
            while next < starts.len() && starts[next] <= from {
                next += 1;
            }
            if next < starts.len() && starts[next] < to {
                multi += 1;
            }
        }
        offset += line.len();
    }
    lines >= 2 && multi * 100 <= lines * 15
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_lines_verbatim() {
        let doc = parse_lines("  a b \n\n c\r\nd".to_string(), LanguageChoice::Auto);
        let got: Vec<_> = doc.sentence_texts().collect();
        assert_eq!(got, ["a b", "c", "d"]);
        let paras: Vec<_> = doc.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [0, 1, 1]);
    }

    #[test]
    fn story_splits_article_and_highlights() {
        let text = "First line. Second one.\n\nThird.\n\n@highlight\n\nHigh one\n\n@highlight\n\nHigh\ntwo\n";
        let doc = parse_story(
            text.to_string(),
            &SentenceSplitter::new(),
            LanguageChoice::Auto,
        );
        assert_eq!(
            doc.sentence_texts().collect::<Vec<_>>(),
            ["First line.", "Second one.", "Third."]
        );
        assert_eq!(doc.reference.unwrap(), ["High one", "High two"]);
        assert!(text.starts_with(&doc.text));
    }

    #[test]
    fn lines_heuristic() {
        let s = SentenceSplitter::new();
        assert!(looks_like_lines("the cat sat\nthe dog ran\nit rained", &s));
        assert!(looks_like_lines("The cat sat.\nThe dog ran.\n", &s));
        assert!(!looks_like_lines(
            "The cat sat. The dog ran.\nIt rained. We left.\n",
            &s
        ));
        assert!(!looks_like_lines("One line only.", &s));
    }
}
