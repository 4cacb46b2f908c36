//! Terms of Chinese and Japanese text, written without spaces between words: overlapping
//! character bigrams of each run of ideographs and kana (a lone character stays a unigram),
//! the usual units of CJK retrieval and of ROUGE on CJK (no segmenter's dictionary needed);
//! runs of other letters and digits are words as elsewhere.

use super::cache::Memo;

/// Ideographs, kana and half-width katakana: the characters whose runs are cut into bigrams.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff66}'..='\u{ff9d}'
    )
}

/// Appends the token ids of the units of `word` to `out` and their term keys to `keys`;
/// returns its length in words as budgets count them (a CJK character counts one word, as in
/// CJK word counts of news).
pub(super) fn units(word: &str, memo: &mut Memo, out: &mut Vec<u32>, keys: &mut Vec<u32>) -> usize {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut words = 0;
    let mut i = 0;
    while i < chars.len() {
        let cjk = is_cjk(chars[i].1);
        let mut j = i;
        while j < chars.len() && is_cjk(chars[j].1) == cjk {
            j += 1;
        }
        let start = chars[i].0;
        let end = chars.get(j).map_or(word.len(), |&(b, _)| b);
        if cjk {
            let run = &chars[i..j];
            words += run.len();
            let mut unit = |text: &str| {
                let id = memo.intern(text);
                out.push(id);
                keys.extend(memo.key(id));
            };
            if run.len() == 1 {
                unit(&word[start..end]);
            }
            for pair in run.windows(2) {
                let (a, b) = (pair[0].0, pair[1].0 + pair[1].1.len_utf8());
                unit(&word[a..b]);
            }
        } else {
            let kind = memo.word(&word[start..end], out, keys);
            words += usize::from(matches!(kind, super::normalize::WordKind::Word));
        }
        i = j;
    }
    words
}
