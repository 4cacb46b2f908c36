//! ROUGE-1.5.5's `-m` stemmer: the WordNet-2.0 exception list, then ROUGE's own Porter variant.
//!
//! `MorphStem` in `ROUGE-1.5.5.pl` looks the (lower-cased) token up in `WordNet-2.0.exc.db` and
//! returns the listed base form as is; only tokens missing from the list go through `stem`, a
//! Perl Porter stemmer (Porter 1980, "An algorithm for suffix stripping") with two differences
//! from NLTK's (which `rouge-score` uses):
//!
//! * its letter classes are `c = [^aeiou]`, `v = [aeiouy]`, `C = c[^aeiouy]*`, `V = v[aeiou]*`,
//!   so a `y` counts as a vowel almost everywhere (`days -> dai`, `enjoy -> enjoi`);
//! * step 4 was changed in 2004: `-ement`-free suffixes first, then `-ment`, then `-ent` (or
//!   `-sion`/`-tion`) are each tried in turn on the result (`governmental -> govern`).
//!
//! The caller applies the stemmer only to tokens longer than 3 bytes (quirk 4 of the golden
//! README); [`stem_token`] does that check too.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// `key TAB value` lines of ROUGE-1.5.5's `WordNet-2.0.exc.db` (from the ROUGE distribution).
const EXCEPTIONS_TSV: &str = include_str!("../../data/wordnet-2.0-exceptions.tsv");

fn exceptions() -> &'static HashMap<&'static [u8], &'static [u8]> {
    static DB: OnceLock<HashMap<&'static [u8], &'static [u8]>> = OnceLock::new();
    DB.get_or_init(|| {
        EXCEPTIONS_TSV
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(k, v)| (k.as_bytes(), v.as_bytes()))
            .collect()
    })
}

/// The WordNet-2.0 exception entry of `token` (already lower-case), if any.
pub fn exception(token: &[u8]) -> Option<&'static [u8]> {
    exceptions().get(token).copied()
}

/// What ROUGE-1.5.5 `-m` makes of one lower-case token: tokens of at most 3 bytes are kept,
/// others are looked up in the exception list, else Porter-stemmed ([`porter`]).
pub fn stem_token(token: &[u8]) -> Cow<'_, [u8]> {
    if token.len() <= 3 {
        return Cow::Borrowed(token);
    }
    match exception(token) {
        Some(base) => Cow::Borrowed(base),
        None => Cow::Owned(porter(token)),
    }
}

fn is_aeiou(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// `[aeiouy]`; an initial `y` is upper-cased by `stem` first, so it is never a vowel.
fn is_vowel(b: u8) -> bool {
    is_aeiou(b) || b == b'y'
}

/// Ends of the prefixes of `w` matched by `^(C)?V` (`C = [^aeiou][^aeiouy]*`,
/// `V = [aeiouy][aeiou]*`), i.e. every position where a `(C)?V` run can stop.
///
/// The Perl regexes `$mgr0`, `$meq1`, `$mgr1` are all chains of `C` and `V`; evaluating them as a
/// set of reachable positions (an NFA walk) is exact whatever the backtracking order.
fn step_c(w: &[u8], from: &[usize], out: &mut Vec<usize>) {
    out.clear();
    for &p in from {
        if p < w.len() && !is_aeiou(w[p]) {
            let mut q = p + 1;
            out.push(q);
            while q < w.len() && !is_vowel(w[q]) {
                q += 1;
                out.push(q);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

fn step_v(w: &[u8], from: &[usize], out: &mut Vec<usize>) {
    out.clear();
    for &p in from {
        if p < w.len() && is_vowel(w[p]) {
            let mut q = p + 1;
            out.push(q);
            while q < w.len() && is_aeiou(w[q]) {
                q += 1;
                out.push(q);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Positions reachable after `^(C)?` followed by the alternating chain `V C V C ...` of
/// `chain` elements (true = `V`, false = `C`), plus an optional trailing `V` when `opt_v`.
fn reach(w: &[u8], chain: &[bool], opt_v: bool) -> Vec<usize> {
    let mut cur = vec![0];
    let mut tmp = Vec::new();
    // (C)? : either stay at 0 or take a C.
    step_c(w, &[0], &mut tmp);
    cur.extend_from_slice(&tmp);
    cur.sort_unstable();
    cur.dedup();
    for &is_v in chain {
        if is_v {
            step_v(w, &cur, &mut tmp);
        } else {
            step_c(w, &cur, &mut tmp);
        }
        std::mem::swap(&mut cur, &mut tmp);
        if cur.is_empty() {
            return cur;
        }
    }
    if opt_v {
        step_v(w, &cur, &mut tmp);
        cur.extend_from_slice(&tmp);
        cur.sort_unstable();
        cur.dedup();
    }
    cur
}

/// `$mgr0 = ^(C)?VC`: measure > 0.
fn m_gt0(w: &[u8]) -> bool {
    !reach(w, &[true, false], false).is_empty()
}

/// `$mgr1 = ^(C)?VCVC`: measure > 1.
fn m_gt1(w: &[u8]) -> bool {
    !reach(w, &[true, false, true, false], false).is_empty()
}

/// `$meq1 = ^(C)?VC(V)?$`: measure = 1.
fn m_eq1(w: &[u8]) -> bool {
    reach(w, &[true, false], true).contains(&w.len())
}

/// `$_v = ^(C)?v`: the stem contains a vowel.
fn has_vowel(w: &[u8]) -> bool {
    !reach(w, &[true], false).is_empty()
}

/// `^C v [^aeiouwxy]$` (the `*o` condition of Porter).
fn cvc_end(w: &[u8]) -> bool {
    let Some((&last, head)) = w.split_last() else {
        return false;
    };
    if is_vowel(last) || matches!(last, b'w' | b'x') {
        return false;
    }
    // head must be exactly C v: a C from 0 that ends right before a final vowel.
    let Some((&v, c)) = head.split_last() else {
        return false;
    };
    if !is_vowel(v) || c.is_empty() {
        return false;
    }
    !is_aeiou(c[0]) && c[1..].iter().all(|&b| !is_vowel(b))
}

/// The longest suffix of `w` among `list` (what Perl's `/(a|b|...)$/` selects: the leftmost
/// match, and at one start position only one alternative can reach the end).
fn longest_suffix<'a>(w: &[u8], list: &[(&'a str, &'a str)]) -> Option<(usize, &'a str)> {
    list.iter()
        .filter(|(s, _)| w.ends_with(s.as_bytes()))
        .max_by_key(|(s, _)| s.len())
        .map(|(s, r)| (w.len() - s.len(), *r))
}

const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

/// Step 4 suffixes of the 2004 version (no `-ment`/`-ent`: those are tried afterwards).
const STEP4: &[(&str, &str)] = &[
    ("al", ""),
    ("ance", ""),
    ("ence", ""),
    ("er", ""),
    ("ic", ""),
    ("able", ""),
    ("ible", ""),
    ("ant", ""),
    ("ement", ""),
    ("ou", ""),
    ("ism", ""),
    ("ate", ""),
    ("iti", ""),
    ("ous", ""),
    ("ive", ""),
    ("ize", ""),
];

/// ROUGE-1.5.5's `stem` sub (its Porter variant) on one lower-case token.
pub fn porter(token: &[u8]) -> Vec<u8> {
    let mut w = token.to_vec();
    if w.len() < 3 {
        return w;
    }
    // An initial y is upper-cased so that the letter classes see a consonant.
    let initial_y = w[0] == b'y';
    if initial_y {
        w[0] = b'Y';
    }

    // Step 1a
    if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w.ends_with(b"s") && w[w.len() - 2] != b's' {
        w.pop();
    }

    // Step 1b
    if w.ends_with(b"eed") {
        if m_gt0(&w[..w.len() - 3]) {
            w.pop();
        }
    } else {
        let cut = if w.ends_with(b"ed") {
            Some(w.len() - 2)
        } else if w.ends_with(b"ing") {
            Some(w.len() - 3)
        } else {
            None
        };
        if let Some(cut) = cut {
            if has_vowel(&w[..cut]) {
                w.truncate(cut);
                let n = w.len();
                if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
                    w.push(b'e');
                } else if n >= 2
                    && w[n - 1] == w[n - 2]
                    && !matches!(
                        w[n - 1],
                        b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'l' | b's' | b'z'
                    )
                {
                    w.pop();
                } else if cvc_end(&w) {
                    w.push(b'e');
                }
            }
        }
    }

    // Step 1c
    if w.ends_with(b"y") && has_vowel(&w[..w.len() - 1]) {
        let n = w.len();
        w[n - 1] = b'i';
    }

    // Steps 2 and 3
    for list in [STEP2, STEP3] {
        if let Some((at, rep)) = longest_suffix(&w, list) {
            if m_gt0(&w[..at]) {
                w.truncate(at);
                w.extend_from_slice(rep.as_bytes());
            }
        }
    }

    // Step 4 (modified by ROUGE in 2004): three rules tried one after another.
    if let Some((at, _)) = longest_suffix(&w, STEP4) {
        if m_gt1(&w[..at]) {
            w.truncate(at);
        }
    }
    if w.ends_with(b"ment") && m_gt1(&w[..w.len() - 4]) {
        w.truncate(w.len() - 4);
    }
    // `-ent`, else `-sion`/`-tion` (losing the `ion`): both drop the last 3 letters.
    if (w.ends_with(b"ent") || w.ends_with(b"sion") || w.ends_with(b"tion"))
        && m_gt1(&w[..w.len() - 3])
    {
        w.truncate(w.len() - 3);
    }

    // Step 5
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        if m_gt1(stem) || (m_eq1(stem) && !cvc_end(stem)) {
            w.pop();
        }
    }
    if w.ends_with(b"ll") && m_gt1(&w) {
        w.pop();
    }

    if initial_y {
        w[0] = b'y';
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str) -> String {
        String::from_utf8(stem_token(s.as_bytes()).into_owned()).unwrap()
    }

    #[test]
    fn readme_examples() {
        for (w, s) in [
            ("days", "dai"),
            ("enjoy", "enjoi"),
            ("always", "alwai"),
            ("governmental", "govern"),
            ("institutionalizing", "institut"),
            ("sentimental", "sentim"),
            ("skies", "ski"),
            ("news", "new"),
            ("children", "child"),
            ("went", "go"),
            ("1990s", "1990"),
            ("was", "was"),
        ] {
            assert_eq!(st(w), s, "{w}");
        }
    }

    #[test]
    fn short_tokens_untouched() {
        assert_eq!(st("has"), "has");
        assert_eq!(st("ran"), "ran");
    }
}
