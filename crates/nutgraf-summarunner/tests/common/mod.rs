//! Shared fixtures: a tiny vocabulary, configuration and corpus.

#![allow(dead_code)]

use nutgraf_core::Document;
use nutgraf_summarunner::{ModelConfig, Variant, Vocab};

pub const WORDS: [&str; 12] = [
    "the",
    "storm",
    "hit",
    "coast",
    "power",
    "was",
    "cut",
    "repairs",
    "began",
    "officials",
    "said",
    ".",
];

pub fn vocab() -> Vocab {
    Vocab::new(WORDS.iter().map(|w| w.to_string())).unwrap()
}

pub fn config(variant: Variant) -> ModelConfig {
    ModelConfig {
        variant,
        vocab_size: WORDS.len() + 2,
        embedding_dim: 8,
        hidden: 6,
        position_dim: 4,
        max_positions: 8,
        relative_buckets: 4,
        max_words: 10,
        max_sentences: 6,
        cnn_widths: 2,
        cnn_filters: 5,
        dropout: 0.0,
        ..ModelConfig::default()
    }
}

pub fn docs() -> Vec<Document> {
    vec![
        Document::from_sentences([
            "The storm hit the coast .",
            "Power was cut .",
            "Repairs began .",
        ]),
        Document::from_sentences([
            "Officials said power was cut .",
            "The storm hit .",
            "Zebras xylophone .",
        ]),
        Document::from_sentences(["Repairs began", "the coast"]),
        Document::from_sentences([
            "one", "two", "three", "four", "five", "six", "seven", "eight",
        ]),
    ]
}
