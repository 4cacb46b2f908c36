//! Configuration as serde data: JSON round trips, the one tagging convention, partial JSON,
//! refusal of unknown fields and tags, and validation of deserialized values when built.

use nutgraf_eval::oracle::{Objective, OracleConfig, Strategy};
use nutgraf_eval::perl::{
    LengthLimit, PerlConfig, ScoringFormula, SkipBigram, SkipMetrics, Weight,
};
use nutgraf_eval::Error;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;

/// Serializes, deserializes and checks that nothing changed.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let text = serde_json::to_string(value).expect("serializes");
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(&back, value, "{text}");
}

/// The error message of deserializing `json` as `T`, which must fail.
fn refused<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    match serde_json::from_str::<T>(json) {
        Ok(v) => panic!("{json} was accepted as {v:?}"),
        Err(e) => e.to_string(),
    }
}

fn non_default_perl() -> PerlConfig {
    PerlConfig {
        max_n: Some(3),
        rouge_l: false,
        rouge_w: Some(Weight::parse("1.20").unwrap()),
        skip_bigram: Some(SkipBigram {
            max_gap: Some(4),
            metrics: SkipMetrics::SkipUnigram,
        }),
        stem: true,
        remove_stopwords: true,
        length_limit: LengthLimit::Bytes(665),
        formula: ScoringFormula::Best,
        alpha: 0.3,
        confidence: 99.0,
        resamples: 10,
        allow_empty_reference_w: true,
        fix_lcs_byte_limit: true,
    }
}

#[test]
fn perl_config_round_trips() {
    for cfg in [
        PerlConfig::default(),
        PerlConfig::paper(),
        PerlConfig::pyrouge(),
        PerlConfig::rouge_1_2_l(),
        non_default_perl(),
        PerlConfig {
            length_limit: LengthLimit::Words(75),
            skip_bigram: Some(SkipBigram::default()),
            ..PerlConfig::default()
        },
    ] {
        round_trip(&cfg);
    }
}

#[test]
fn perl_config_json_form() {
    let value = serde_json::to_value(non_default_perl()).unwrap();
    assert_eq!(
        value,
        json!({
            "max_n": 3,
            "rouge_l": false,
            "rouge_w": "1.20",
            "skip_bigram": {"max_gap": 4, "metrics": "skip_unigram"},
            "stem": true,
            "remove_stopwords": true,
            "length_limit": {"kind": "bytes", "count": 665},
            "formula": "best",
            "alpha": 0.3,
            "confidence": 99.0,
            "resamples": 10,
            "allow_empty_reference_w": true,
            "fix_lcs_byte_limit": true
        })
    );
    let none = serde_json::to_value(LengthLimit::None).unwrap();
    assert_eq!(none, json!({"kind": "none"}));
}

#[test]
fn partial_perl_json_takes_the_defaults() {
    let cfg: PerlConfig = serde_json::from_str(
        r#"{"max_n": 2, "stem": true, "length_limit": {"kind": "words", "count": 75}}"#,
    )
    .unwrap();
    assert_eq!(
        cfg,
        PerlConfig {
            length_limit: LengthLimit::Words(75),
            ..PerlConfig::rouge_1_2_l()
        }
    );
    assert_eq!(
        serde_json::from_str::<PerlConfig>("{}").unwrap(),
        PerlConfig::default()
    );
    let sb: SkipBigram = serde_json::from_str("{}").unwrap();
    assert_eq!(sb, SkipBigram::default());
}

#[test]
fn weight_keeps_its_text() {
    let cfg: PerlConfig = serde_json::from_str(r#"{"rouge_w": "1.20"}"#).unwrap();
    let rouge = cfg.build().unwrap();
    assert!(rouge.metric_names().iter().any(|n| &**n == "ROUGE-W-1.20"));
    // A number is accepted and named as Rust writes it; it is written back as text.
    let cfg: PerlConfig = serde_json::from_str(r#"{"rouge_w": 1.5}"#).unwrap();
    assert_eq!(cfg.rouge_w, Some(Weight::new(1.5)));
    assert_eq!(serde_json::to_value(&cfg).unwrap()["rouge_w"], json!("1.5"));
    let msg = refused::<PerlConfig>(r#"{"rouge_w": "heavy"}"#);
    assert!(msg.contains("rouge_w") && msg.contains("heavy"), "{msg}");
}

#[test]
fn perl_json_refuses_unknown_fields_and_tags() {
    for (json, needle) in [
        (
            r#"{"max_n": 2, "stemming": true}"#,
            "unknown field `stemming`",
        ),
        (
            r#"{"skip_bigram": {"max_gap": 4, "gap": 2}}"#,
            "unknown field `gap`",
        ),
        (
            r#"{"length_limit": {"kind": "words", "count": 5, "unit": "w"}}"#,
            "unknown field `unit`",
        ),
        // A unit-like variant refuses extra fields too.
        (
            r#"{"length_limit": {"kind": "none", "count": 5}}"#,
            "unknown field `count`",
        ),
        (
            r#"{"length_limit": {"kind": "sentences", "count": 2}}"#,
            "unknown variant `sentences`",
        ),
        (r#"{"length_limit": {"count": 2}}"#, "missing field `kind`"),
        (
            r#"{"length_limit": {"kind": "words"}}"#,
            "missing field `count`",
        ),
        (r#"{"formula": "B"}"#, "unknown variant `B`"),
        (
            r#"{"skip_bigram": {"metrics": "su"}}"#,
            "unknown variant `su`",
        ),
    ] {
        let msg = refused::<PerlConfig>(json);
        assert!(msg.contains(needle), "{json}: {msg}");
    }
}

#[test]
fn deserialized_perl_configs_are_validated_when_built() {
    for (json, field) in [
        (r#"{"max_n": 0}"#, "max_n"),
        (r#"{"alpha": 1.5}"#, "alpha"),
        (r#"{"confidence": 101}"#, "confidence"),
        (r#"{"resamples": 0}"#, "resamples"),
        (r#"{"rouge_w": "-1"}"#, "rouge_w"),
    ] {
        let cfg: PerlConfig = serde_json::from_str(json).unwrap();
        match cfg.build() {
            Err(Error::InvalidOption { option, .. }) => assert_eq!(option, field, "{json}"),
            other => panic!("{json}: {other:?}"),
        }
    }
}

#[test]
fn oracle_config_round_trips() {
    for cfg in [
        OracleConfig::default(),
        OracleConfig {
            strategy: Strategy::Beam { size: 7 },
            objective: Objective::Mean,
            max_sentences: 5,
        },
        OracleConfig {
            strategy: Strategy::Exhaustive { max_subsets: 99 },
            objective: Objective::Rl,
            max_sentences: 2,
        },
    ] {
        round_trip(&cfg);
    }
    let value = serde_json::to_value(OracleConfig {
        strategy: Strategy::Beam { size: 5 },
        objective: Objective::R1PlusR2,
        max_sentences: 3,
    })
    .unwrap();
    assert_eq!(
        value,
        json!({"strategy": {"kind": "beam", "size": 5}, "objective": "r1+r2", "max_sentences": 3})
    );
    assert_eq!(
        serde_json::to_value(Strategy::Greedy).unwrap(),
        json!({"kind": "greedy"})
    );
}

#[test]
fn partial_oracle_json_takes_the_defaults() {
    let cfg: OracleConfig = serde_json::from_str(r#"{"strategy": {"kind": "beam"}}"#).unwrap();
    assert_eq!(
        cfg,
        OracleConfig {
            strategy: Strategy::Beam {
                size: Strategy::DEFAULT_BEAM_SIZE
            },
            ..OracleConfig::default()
        }
    );
    let cfg: OracleConfig =
        serde_json::from_str(r#"{"strategy": {"kind": "exhaustive"}, "objective": "r2"}"#).unwrap();
    assert_eq!(
        cfg.strategy,
        Strategy::Exhaustive {
            max_subsets: Strategy::DEFAULT_MAX_SUBSETS
        }
    );
    assert_eq!(cfg.objective, Objective::R2);
}

#[test]
fn oracle_json_refuses_unknown_fields_and_tags() {
    for (json, needle) in [
        (r#"{"beam": 5}"#, "unknown field `beam`"),
        (
            r#"{"strategy": {"kind": "greedy", "size": 5}}"#,
            "unknown field `size`",
        ),
        (
            r#"{"strategy": {"kind": "beam", "width": 5}}"#,
            "unknown field `width`",
        ),
        (
            r#"{"strategy": {"kind": "beem", "size": 5}}"#,
            "unknown variant `beem`",
        ),
        (r#"{"strategy": "greedy"}"#, "invalid type"),
        (r#"{"objective": "r3"}"#, "unknown variant `r3`"),
    ] {
        let msg = refused::<OracleConfig>(json);
        assert!(msg.contains(needle), "{json}: {msg}");
    }
}

#[test]
fn oracle_validation_says_it_is_an_oracle_option() {
    let cfg: OracleConfig =
        serde_json::from_str(r#"{"strategy": {"kind": "beam", "size": 0}}"#).unwrap();
    let err = cfg.validate().unwrap_err();
    assert!(
        matches!(&err, Error::InvalidOracleOption { option, .. } if option == "strategy.size"),
        "{err:?}"
    );
    assert!(err.to_string().contains("oracle option"), "{err}");
    let err = OracleConfig {
        max_sentences: 0,
        ..OracleConfig::default()
    }
    .validate()
    .unwrap_err();
    assert!(
        err.to_string().contains("oracle option max_sentences"),
        "{err}"
    );
    let err = "r3".parse::<Objective>().unwrap_err();
    assert!(err.to_string().contains("oracle option objective"), "{err}");
}
