//! NLTK's Porter stemmer (`nltk.stem.porter.PorterStemmer()`, default `NLTK_EXTENSIONS` mode),
//! the stemmer `rouge-score` applies to tokens longer than 3 characters.
//!
//! Written from the algorithm: Porter, M. "An algorithm for suffix stripping", Program 14.3
//! (1980): 130-137, with Martin Porter's later extensions and NLTK's own:
//!
//! * an irregular-forms table (`skies -> sky`, `dying -> die`, `news -> news`, ...);
//! * words of 1 or 2 letters are returned unchanged;
//! * step 1a: a 4-letter word ending in `ies` keeps `ie` (`dies -> die`, `ties -> tie`);
//! * step 1b: `ied` becomes `ie` in 4-letter words and `i` otherwise, before the other rules;
//! * the `*o` (cvc) condition also holds for 2-letter words of the form vowel-consonant;
//! * step 1c: `y -> i` only after a consonant that is not the first letter (`enjoy` stays);
//! * step 2: `alli -> al` first, then step 2 again; `bli -> ble` (not `abli`); `fulli -> ful`;
//!   `logi -> log` measured with the `l` kept in the stem.
//!
//! As in NLTK's `_apply_rule_list`, within a step the first rule whose suffix matches decides:
//! when its condition fails, no later rule of that step is tried.
//!
//! The stemmer works on ASCII bytes: rouge-score only ever passes `[a-z0-9]+` tokens.

/// Irregular forms, looked up before any rule (NLTK's `pool`).
const IRREGULAR: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

/// Stems one lower-case ASCII word the way NLTK's `PorterStemmer().stem` does.
///
/// Words that are not lower-case ASCII alphanumerics are returned unchanged: NLTK would work on
/// their Unicode characters, which rouge-score never gives it (its tokens are `[a-z0-9]+`).
pub fn stem(word: &str) -> String {
    if let Some(&(_, lemma)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return lemma.to_owned();
    }
    let ascii = word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if word.len() <= 2 || !ascii {
        return word.to_owned();
    }
    let mut w = word.as_bytes().to_vec();
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    step2(&mut w);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w);
    step5b(&mut w);
    // Only ASCII bytes are ever written, so this cannot fail; fall back to the input anyway
    // rather than panic.
    String::from_utf8(w).unwrap_or_else(|_| word.to_owned())
}

/// Consonant flags of `w`: `y` is a consonant at the start or after a vowel.
fn is_consonant(w: &[u8], i: usize) -> bool {
    match w[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => false,
        b'y' => i == 0 || !is_consonant(w, i - 1),
        _ => true,
    }
}

/// Porter's measure m: the number of vowel-consonant transitions.
fn measure(stem: &[u8]) -> usize {
    let mut m = 0;
    let mut prev_vowel = false;
    let mut prev_cons = false;
    for (i, &ch) in stem.iter().enumerate() {
        // Computed incrementally: `y` depends only on the previous flag.
        let cons = match ch {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !prev_cons,
            _ => true,
        };
        if cons && prev_vowel {
            m += 1;
        }
        prev_vowel = !cons;
        prev_cons = cons;
    }
    m
}

fn contains_vowel(stem: &[u8]) -> bool {
    (0..stem.len()).any(|i| !is_consonant(stem, i))
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

/// Condition `*o`, with NLTK's extension to 2-letter vowel-consonant words.
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

fn m_gt0(stem: &[u8]) -> bool {
    measure(stem) > 0
}

fn m_gt1(stem: &[u8]) -> bool {
    measure(stem) > 1
}

/// A suffix rule: suffix, replacement, condition on the stem left after removing the suffix.
type Rule = (&'static str, &'static str, fn(&[u8]) -> bool);

/// Outcome of [`apply_rules`].
#[derive(PartialEq)]
enum Applied {
    /// No rule's suffix matched.
    NoMatch,
    /// A suffix matched (the word was rewritten only if its condition held).
    Matched,
}

/// NLTK's `_apply_rule_list` for plain suffixes: the first matching suffix decides.
fn apply_rules(w: &mut Vec<u8>, rules: &[Rule]) -> Applied {
    for &(suffix, replacement, cond) in rules {
        if w.ends_with(suffix.as_bytes()) {
            let stem_len = w.len() - suffix.len();
            if cond(&w[..stem_len]) {
                w.truncate(stem_len);
                w.extend_from_slice(replacement.as_bytes());
            }
            return Applied::Matched;
        }
    }
    Applied::NoMatch
}

fn replace_suffix(w: &mut Vec<u8>, suffix_len: usize, replacement: &str) {
    w.truncate(w.len() - suffix_len);
    w.extend_from_slice(replacement.as_bytes());
}

fn step1a(w: &mut Vec<u8>) {
    if w.ends_with(b"ies") && w.len() == 4 {
        replace_suffix(w, 3, "ie");
        return;
    }
    let always = |_: &[u8]| true;
    apply_rules(
        w,
        &[
            ("sses", "ss", always),
            ("ies", "i", always),
            ("ss", "ss", always),
            ("s", "", always),
        ],
    );
}

fn step1b(w: &mut Vec<u8>) {
    if w.ends_with(b"ied") {
        let replacement = if w.len() == 4 { "ie" } else { "i" };
        replace_suffix(w, 3, replacement);
        return;
    }
    if w.ends_with(b"eed") {
        if m_gt0(&w[..w.len() - 3]) {
            w.truncate(w.len() - 1);
        }
        return;
    }
    let removed = [&b"ed"[..], b"ing"]
        .into_iter()
        .find(|s| w.ends_with(s) && contains_vowel(&w[..w.len() - s.len()]));
    let Some(suffix) = removed else {
        return;
    };
    w.truncate(w.len() - suffix.len());
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if ends_double_consonant(w) {
        // `*d and not (*L or *S or *Z)`: when the letter is l, s or z nothing else is tried.
        if !matches!(w.last(), Some(b'l' | b's' | b'z')) {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push(b'e');
    }
}

fn step1c(w: &mut [u8]) {
    let n = w.len();
    if n > 2 && w[n - 1] == b'y' && is_consonant(w, n - 2) {
        w[n - 1] = b'i';
    }
}

fn step2(w: &mut Vec<u8>) {
    if w.ends_with(b"alli") && m_gt0(&w[..w.len() - 4]) {
        replace_suffix(w, 4, "al");
        step2(w);
        return;
    }
    let rules: &[Rule] = &[
        ("ational", "ate", m_gt0),
        ("tional", "tion", m_gt0),
        ("enci", "ence", m_gt0),
        ("anci", "ance", m_gt0),
        ("izer", "ize", m_gt0),
        ("bli", "ble", m_gt0),
        ("alli", "al", m_gt0),
        ("entli", "ent", m_gt0),
        ("eli", "e", m_gt0),
        ("ousli", "ous", m_gt0),
        ("ization", "ize", m_gt0),
        ("ation", "ate", m_gt0),
        ("ator", "ate", m_gt0),
        ("alism", "al", m_gt0),
        ("iveness", "ive", m_gt0),
        ("fulness", "ful", m_gt0),
        ("ousness", "ous", m_gt0),
        ("aliti", "al", m_gt0),
        ("iviti", "ive", m_gt0),
        ("biliti", "ble", m_gt0),
        ("fulli", "ful", m_gt0),
    ];
    if apply_rules(w, rules) == Applied::Matched {
        return;
    }
    // `logi -> log` keeps the `l` in the measured stem, so `geo-logi` counts like `archaeo-logi`.
    if w.ends_with(b"logi") && m_gt0(&w[..w.len() - 3]) {
        w.pop();
    }
}

fn step3(w: &mut Vec<u8>) {
    apply_rules(
        w,
        &[
            ("icate", "ic", m_gt0),
            ("ative", "", m_gt0),
            ("alize", "al", m_gt0),
            ("iciti", "ic", m_gt0),
            ("ical", "ic", m_gt0),
            ("ful", "", m_gt0),
            ("ness", "", m_gt0),
        ],
    );
}

fn step4(w: &mut Vec<u8>) {
    let ion = |stem: &[u8]| m_gt1(stem) && matches!(stem.last(), Some(b's' | b't'));
    apply_rules(
        w,
        &[
            ("al", "", m_gt1),
            ("ance", "", m_gt1),
            ("ence", "", m_gt1),
            ("er", "", m_gt1),
            ("ic", "", m_gt1),
            ("able", "", m_gt1),
            ("ible", "", m_gt1),
            ("ant", "", m_gt1),
            ("ement", "", m_gt1),
            ("ment", "", m_gt1),
            ("ent", "", m_gt1),
            ("ion", "", ion),
            ("ou", "", m_gt1),
            ("ism", "", m_gt1),
            ("ate", "", m_gt1),
            ("iti", "", m_gt1),
            ("ous", "", m_gt1),
            ("ive", "", m_gt1),
            ("ize", "", m_gt1),
        ],
    );
}

fn step5a(w: &mut Vec<u8>) {
    if w.last() == Some(&b'e') {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<u8>) {
    if w.ends_with(b"ll") && m_gt1(&w[..w.len() - 1]) {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_examples() {
        // Examples printed in Porter (1980), with NLTK's deviations where they apply.
        for (word, want) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("enjoy", "enjoy"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generalization", "gener"),
            ("controlling", "control"),
            ("geology", "geolog"),
            ("skies", "sky"),
            ("dying", "die"),
            ("died", "die"),
            ("spied", "spi"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    #[test]
    fn short_and_non_ascii_words_unchanged() {
        assert_eq!(stem("as"), "as");
        assert_eq!(stem("é"), "é");
        assert_eq!(stem("cafés"), "cafés");
    }

    #[test]
    fn measure_matches_paper() {
        for (w, m) in [("tr", 0), ("ee", 0), ("tree", 0), ("by", 0), ("trouble", 1)] {
            assert_eq!(measure(w.as_bytes()), m, "{w}");
        }
        for (w, m) in [("oats", 1), ("ivy", 1), ("troubles", 2), ("private", 2)] {
            assert_eq!(measure(w.as_bytes()), m, "{w}");
        }
    }
}
