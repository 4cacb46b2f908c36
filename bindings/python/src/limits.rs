//! Inputs too large to score: refused with an error before the engine allocates its tables.
//!
//! ROUGE-L and rougeLsum compare sentences with dynamic programs whose tables grow with the
//! product of two sentences' lengths, and ROUGE-S without a gap limit with the square of a
//! text's length. Past the limits below the allocation would take more memory than a machine
//! has and abort the process; no summary comes near them (a limit is two 16,000-token
//! sentences). The checks first bound token counts by byte counts, so that ordinary inputs
//! cost one comparison; only long texts are scanned.

/// Cells of one LCS table (ROUGE-L, rougeLsum, ROUGE-W): 2^28 (1 GiB of `u32`).
pub const LCS_CELLS: u128 = 1 << 28;
/// Bytes of rougeL's bit-parallel match masks: 1 GiB.
pub const LCS_MASK_BYTES: u128 = 1 << 30;
/// Skip-bigrams of one text (ROUGE-S/SU): 2^27 (1 GiB of `u64`).
pub const SKIP_PAIRS: u128 = 1 << 27;

/// Which tokenizer's counts to bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tokens {
    /// rouge-score's (`[a-z0-9]` runs after Python's `lower()`).
    RougeScore,
    /// nutgraf's Unicode tokenizer.
    Unicode,
    /// ROUGE-1.5.5's (`[a-z0-9]` runs of the bytes).
    Perl,
}

/// An upper bound of the number of tokens of `text`.
pub fn tokens(text: &str, kind: Tokens) -> u128 {
    let mut n: u128 = 0;
    let mut in_run = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if !in_run {
                n += 1;
            }
            in_run = true;
            continue;
        }
        in_run = false;
        let extra = match kind {
            // The two characters whose lower case holds ASCII letters.
            Tokens::RougeScore => c == '\u{212A}' || c == '\u{130}',
            Tokens::Unicode => !c.is_ascii(),
            Tokens::Perl => false,
        };
        if extra {
            n += 1;
        }
    }
    n
}

/// The number of distinct tokens of two texts (before stemming, which only merges them).
fn distinct(a: &str, b: &str, kind: Tokens) -> u128 {
    use nutgraf::rouge::google::{tokens, Tokenizer};
    let mut seen = std::collections::HashSet::new();
    for text in [a, b] {
        match kind {
            Tokens::Perl => seen.extend(text.split_whitespace().map(str::to_string)),
            Tokens::RougeScore => seen.extend(tokens(text, Tokenizer::RougeScore, false)),
            Tokens::Unicode => seen.extend(tokens(text, Tokenizer::Unicode, false)),
        }
    }
    seen.len() as u128
}

fn max_line(lines: &[&str], kind: Tokens) -> u128 {
    lines.iter().map(|l| tokens(l, kind)).max().unwrap_or(0)
}

/// Checks a candidate against one reference for the metrics of rouge-score: rougeL over the
/// whole texts (`whole`), rougeLsum over their lines (`lines`).
pub fn check_google(
    candidate: &str,
    reference: &str,
    kind: Tokens,
    whole: bool,
    lines: bool,
) -> Result<(), String> {
    let (bc, br) = (candidate.len() as u128, reference.len() as u128);
    if bc * br <= LCS_CELLS && bc + br <= 1 << 22 {
        return Ok(());
    }
    if whole {
        let (tc, tr) = (tokens(candidate, kind), tokens(reference, kind));
        let words = tc.min(tr).div_ceil(64);
        // One mask per distinct token: bounded by the token counts, counted when that bound
        // is too loose.
        let mut vocab = tc + tr;
        if vocab * words * 8 > LCS_MASK_BYTES {
            vocab = distinct(candidate, reference, kind);
        }
        if vocab * words * 8 > LCS_MASK_BYTES {
            return Err(format!(
                "too long for rougeL ({tc} and {tr} tokens need more than {} GiB); \
                 score shorter texts or leave rougeL out",
                LCS_MASK_BYTES >> 30
            ));
        }
    }
    if lines {
        let c_lines: Vec<&str> = candidate.split('\n').collect();
        let r_lines: Vec<&str> = reference.split('\n').collect();
        let (c, r) = (max_line(&c_lines, kind), max_line(&r_lines, kind));
        if (c + 1) * (r + 1) > LCS_CELLS {
            return Err(too_long_lines(c, r, "rougeLsum"));
        }
    }
    Ok(())
}

fn too_long_lines(c: u128, r: u128, metric: &str) -> String {
    format!(
        "a sentence pair too long for {metric} ({c} x {r} tokens: an LCS table over {} cells); \
         split the summaries into sentences (separated by \"\\n\")",
        LCS_CELLS
    )
}

/// Checks a ROUGE-1.5.5 document: `lcs` when ROUGE-L or W is computed (sentence pairs),
/// `skip` the skip distance of ROUGE-S/SU when computed (`Some(None)`: unlimited).
pub fn check_perl(
    candidate: &[String],
    references: &[Vec<String>],
    lcs: bool,
    skip: Option<Option<usize>>,
) -> Result<(), String> {
    let bytes = |s: &[String]| s.iter().map(|x| x.len() as u128).sum::<u128>();
    let bc = bytes(candidate);
    let br = references.iter().map(|r| bytes(r)).max().unwrap_or(0);
    if bc * br <= LCS_CELLS && bc.max(br) <= 1 << 13 {
        return Ok(());
    }
    let tok = |s: &String| tokens(s, Tokens::Perl);
    if lcs {
        let c = candidate.iter().map(tok).max().unwrap_or(0);
        let r = references
            .iter()
            .flat_map(|r| r.iter().map(tok))
            .max()
            .unwrap_or(0);
        if (c + 1) * (r + 1) > LCS_CELLS {
            return Err(too_long_lines(c, r, "ROUGE-L/ROUGE-W"));
        }
    }
    if let Some(gap) = skip {
        for text in std::iter::once(candidate).chain(references.iter().map(Vec::as_slice)) {
            let t: u128 = text.iter().map(tok).sum();
            let pairs = match gap {
                None => t * t.saturating_sub(1) / 2,
                Some(g) => t * (g as u128 + 1),
            };
            if pairs > SKIP_PAIRS {
                return Err(format!(
                    "a summary too long for ROUGE-S ({t} tokens: {pairs} skip-bigrams, more \
                     than {SKIP_PAIRS}); use a skip distance (-2 4) or leave ROUGE-S out"
                ));
            }
        }
    }
    Ok(())
}
