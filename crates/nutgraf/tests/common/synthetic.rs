//! The synthetic document of the scale test and of `examples/bench_methods.rs --scale`.

use nutgraf::Document;

/// A deterministic document of `n` sentences: a few very common words (long posting lists)
/// and a long tail.
pub fn synthetic(n: usize) -> Document {
    // A small LCG keeps the text deterministic without a dependency.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let sentences: Vec<String> = (0..n)
        .map(|_| {
            let len = 4 + next() % 10;
            (0..len)
                .map(|_| {
                    // Roughly Zipfian: word k with probability ∝ 1/k over 20,000 words.
                    let r = next() % 1_000_000;
                    let k = (20_000f64.powf(r as f64 / 1_000_000.0)) as usize;
                    format!("w{k}")
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    Document::from_sentences(&sentences)
}
