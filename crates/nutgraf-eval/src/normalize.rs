//! Text normalization applied before scoring, the same for every caller (CLI, server,
//! bindings), so that they all report the same numbers for the same input.
//!
//! Only [`unescape_ptb`] for now: corpora such as CNN/DailyMail as tokenized by Stanford
//! CoreNLP (the SummaRuNNer / BertSum data) write brackets and quotes as PTB escape words.

use std::borrow::Cow;

/// PTB escapes as the characters they stand for, so that PTB-tokenized text scores as raw text
/// does: ROUGE's tokenizers would otherwise count `-LRB-` as the word `lrb`. Brackets and quotes
/// are not tokens for either flavour, so this only removes the escape words.
pub fn unescape_ptb(s: &str) -> Cow<'_, str> {
    const ESCAPES: [(&str, &str); 8] = [
        ("-lrb-", "("),
        ("-rrb-", ")"),
        ("-lsb-", "["),
        ("-rsb-", "]"),
        ("-lcb-", "{"),
        ("-rcb-", "}"),
        ("``", "\""),
        ("''", "\""),
    ];
    let lower_has = |pat: &str| {
        s.as_bytes()
            .windows(pat.len())
            .any(|w| w.eq_ignore_ascii_case(pat.as_bytes()))
    };
    if !ESCAPES.iter().any(|(e, _)| lower_has(e)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    'outer: while !rest.is_empty() {
        for (esc, plain) in ESCAPES {
            if rest.len() >= esc.len()
                && rest.as_bytes()[..esc.len()].eq_ignore_ascii_case(esc.as_bytes())
            {
                out.push_str(plain);
                rest = &rest[esc.len()..];
                continue 'outer;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ptb_escapes_become_characters_in_any_case() {
        assert_eq!(
            unescape_ptb("-LRB- CNN -RRB- said ``yes''"),
            "( CNN ) said \"yes\""
        );
        assert_eq!(unescape_ptb("( cnn ) -lrb- x -rrb-"), "( cnn ) ( x )");
        assert_eq!(unescape_ptb("plain text -- é"), "plain text -- é");
        assert!(matches!(
            unescape_ptb("no escapes"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
