//! Byline blocks: the lines a DailyMail page puts before its story, as the CNN/DailyMail files
//! carry them (`By . Deni Kirkova for MailOnline . PUBLISHED: . 05:15 EST, 9 June 2014 . | .
//! UPDATED: . … . Follow @@deni .`, lowercased and tokenized in the prepared corpora).
//!
//! They are not part of the story: a summarizer that picks them wastes its budget, and a model
//! that learns sentence positions learns them shifted by the two to six sentences they take.
//! The block is recognised only where it is unmistakable: the first sentence is the word `By`
//! alone (an article that starts "By the time …" is a sentence, not a byline), and an author's
//! name must follow it.

use crate::document::Document;

/// Removes a leading byline block from `doc`'s sentences (their labels with them). The text and
/// the other sentences' spans are unchanged; a document that is nothing but a byline is left
/// as it is.
pub(crate) fn strip(doc: &mut Document) {
    let n = block_len(doc.sentence_texts());
    if n == 0 || n == doc.sentences.len() {
        return;
    }
    doc.sentences.drain(..n);
    if let Some(labels) = doc.labels.as_mut() {
        labels.drain(..n.min(labels.len()));
    }
}

/// How many leading sentences form a byline block (0 when there is none).
fn block_len<'a>(mut sentences: impl Iterator<Item = &'a str>) -> usize {
    let Some(first) = sentences.next() else {
        return 0;
    };
    // Most documents are told apart here, without splitting anything into words.
    let head = first.trim();
    if head.len() > 6 || !head.get(..2).is_some_and(|b| b.eq_ignore_ascii_case("by")) {
        return 0;
    }
    if !matches!(words(first).as_slice(), [w] if w.eq_ignore_ascii_case("by")) {
        return 0;
    }
    let mut len = 1;
    // What the previous sentence lets follow it.
    let mut expect_author = true;
    for sentence in sentences {
        let w = words(sentence);
        let kind = if expect_author {
            is_author(&w).then_some(Line::Author)
        } else {
            classify(&w)
        };
        match kind {
            Some(Line::And) => expect_author = true,
            Some(_) => expect_author = false,
            None => break,
        }
        len += 1;
    }
    // `By` with no author after it is not a byline.
    if len == 1 {
        0
    } else {
        len
    }
}

enum Line {
    Author,
    /// `and` alone: another author follows.
    And,
    Dateline,
    /// `follow @handle`, `scroll down for video`.
    Follow,
}

/// A line after the first author's.
fn classify(w: &[&str]) -> Option<Line> {
    let first = w.first()?;
    if first.eq_ignore_ascii_case("and") {
        return if w.len() == 1 {
            Some(Line::And)
        } else {
            is_author(&w[1..]).then_some(Line::Author)
        };
    }
    if first.eq_ignore_ascii_case("for") && w.len() <= 6 && is_author(&w[1..]) {
        return Some(Line::Author);
    }
    if first.eq_ignore_ascii_case("follow") && w.len() <= 6 && w.iter().any(|x| x.contains('@')) {
        return Some(Line::Follow);
    }
    // Where the page embeds a video.
    if is_phrase(w, &["scroll", "down", "for", "video"]) {
        return Some(Line::Follow);
    }
    is_dateline(w).then_some(Line::Dateline)
}

fn is_phrase(w: &[&str], phrase: &[&str]) -> bool {
    w.len() == phrase.len() && w.iter().zip(phrase).all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// A name and perhaps an outlet: `deni kirkova for mailonline`, `tom mctague , mail online
/// deputy political editor`, `associated press reporter`. Short, no digits, no sentence
/// punctuation.
fn is_author(w: &[&str]) -> bool {
    !w.is_empty()
        && w.len() <= 12
        && w.iter().all(|x| {
            x.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ',' | '-' | '\'' | '’' | '.' | '&'))
        })
        && !w[0].starts_with(|c: char| !c.is_alphabetic())
}

/// `published :`, `| updated :`, `05:15 est , 9 june 2014`, `last updated at 10:08 am on 5th
/// june 2014`, a lone `|`: only the words and numbers of a publication time.
fn is_dateline(w: &[&str]) -> bool {
    let mut marked = false;
    let mut words = 0;
    for x in w {
        let core = x.trim_matches(|c: char| matches!(c, ':' | '|' | ',' | '.'));
        if core.is_empty() {
            continue;
        }
        words += 1;
        let lower = core.to_ascii_lowercase();
        if matches!(lower.as_str(), "published" | "updated" | "created") {
            marked = true;
        } else if core.bytes().any(|b| b.is_ascii_digit()) {
            if !core
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.'))
                && !ORDINALS.iter().any(|s| lower.ends_with(s))
            {
                return false;
            }
            marked = true;
        } else if !TIME_WORDS.contains(&lower.as_str()) {
            return false;
        }
    }
    // A line of separators only (`|`) is part of it too.
    marked || (words == 0 && !w.is_empty())
}

const ORDINALS: &[&str] = &["st", "nd", "rd", "th"];

const TIME_WORDS: &[&str] = &[
    "last",
    "at",
    "on",
    "am",
    "pm",
    "est",
    "edt",
    "gmt",
    "bst",
    "cet",
    "cest",
    "pst",
    "pdt",
    "aest",
    "aedt",
    "awst",
    "utc",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A sentence's words without a final lone period (the corpora's line-end marker).
fn words(sentence: &str) -> Vec<&str> {
    let mut w: Vec<&str> = sentence.split_whitespace().collect();
    while w.last() == Some(&".") {
        w.pop();
    }
    if let Some(last) = w.last_mut() {
        if last.len() > 1 && last.ends_with('.') && !last[..last.len() - 1].contains('.') {
            *last = &last[..last.len() - 1];
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(sentences: &[&str]) -> usize {
        block_len(sentences.iter().copied())
    }

    #[test]
    fn dailymail_blocks() {
        let story = "a man was charged on monday .";
        assert_eq!(len(&["by .", "deni kirkova .", story]), 2);
        assert_eq!(
            len(&[
                "by .",
                "freya noble for daily mail australia .",
                "and aap .",
                story
            ]),
            3
        );
        assert_eq!(
            len(&["by .", "suzannah hills .", "and .", "leon watson .", story]),
            4
        );
        assert_eq!(
            len(&[
                "by .",
                "leesa smith .",
                "published : .",
                "05:15 est , 9 june 2014 .",
                "| .",
                "updated : .",
                "04:22 est , 10 june 2014 .",
                story
            ]),
            7
        );
        assert_eq!(
            len(&["by .", "dan ripley .", "follow @@ ripley_77 .", story]),
            3
        );
        assert_eq!(len(&["by .", "aap .", "scroll down for video .", story]), 3);
        assert_eq!(
            len(&[
                "by .",
                "sarah michael .",
                "created : .",
                "17:12 est , 29 may 2014 .",
                story
            ]),
            4
        );
        assert_eq!(
            len(&[
                "By .",
                "Deni Kirkova for MailOnline .",
                "PUBLISHED: .",
                "05:15 EST, 9 June 2014 . | .",
                story
            ]),
            4
        );
        assert_eq!(
            len(&[
                "by .",
                "tom mctague , mail online deputy political editor .",
                story
            ]),
            2
        );
    }

    #[test]
    fn stories_that_only_look_like_bylines_are_kept() {
        assert_eq!(len(&["By the time police came, he had gone."]), 0);
        assert_eq!(
            len(&["by .", "a man aged 35 was charged with murder on monday ."]),
            0
        );
        assert_eq!(len(&["by ."]), 0);
        assert_eq!(len(&["deni kirkova .", "by .", "x ."]), 0);
        // The story's first sentence is not taken for a second author.
        assert_eq!(
            len(&[
                "by .",
                "dan bloom .",
                "an artist has become an online hit ."
            ]),
            2
        );
        assert_eq!(len(&[]), 0);
    }

    #[test]
    fn a_document_that_is_only_a_byline_is_left_whole() {
        let mut doc = Document::from_sentences(["by .", "deni kirkova ."]);
        strip(&mut doc);
        assert_eq!(doc.len(), 2);
        let mut doc = Document::from_sentences(["by .", "deni kirkova .", "the story ."])
            .with_labels(vec![0, 1, 1])
            .unwrap();
        strip(&mut doc);
        assert_eq!(doc.sentence_texts().collect::<Vec<_>>(), ["the story ."]);
        assert_eq!(doc.labels().unwrap(), [1]);
    }
}
