//! The engine's contracts: configurations round-trip and refuse what they do not know, the
//! summarizer reports a method that breaks its contract, records carry the spans consumers
//! index by, and explanations come when asked for.

use nutgraf::methods::{Input, Method, Scores, TextRankConfig, NAMES};
use nutgraf::select::Redundancy;
use nutgraf::{
    Budget, Document, MethodConfig, ReadOptions, Summarizer, SummarizerConfig, SummaryRecord,
};

fn doc() -> Document {
    Document::from_sentences([
        "The storm hit the coast on Monday.",
        "Thousands of homes lost power in the storm.",
        "Officials said power would be restored within a week.",
        "Schools were closed.",
    ])
}

#[test]
fn every_method_config_round_trips_through_json() {
    let mut configs: Vec<SummarizerConfig> = MethodConfig::NAMES
        .iter()
        .map(|m| SummarizerConfig::new(MethodConfig::named(m).unwrap()))
        .collect();
    configs.push(SummarizerConfig {
        method: MethodConfig::TextRank(TextRankConfig {
            damping: 0.5,
            max_iterations: 7,
            ..TextRankConfig::default()
        }),
        budget: Budget::Bytes(275),
        redundancy: Redundancy::Mmr { lambda: 0.25 },
        analysis: nutgraf::analysis::AnalyzerOptions {
            stem: false,
            stopwords: true,
            language: "de".parse().unwrap(),
        },
        explain: true,
    });
    for config in configs {
        let json = config.to_json();
        let back = SummarizerConfig::from_json(&json).unwrap();
        assert_eq!(back, config, "{json}");
        assert_eq!(back.to_json(), json);
    }
}

#[test]
fn best_is_the_strongest_shipped_model_and_is_written_back_by_its_name() {
    for &(alias, method) in MethodConfig::ALIASES {
        assert!(MethodConfig::NAMES.contains(&method), "{alias} -> {method}");
        assert_eq!(MethodConfig::named(alias).unwrap().name(), method);
    }
    let best = SummarizerConfig::from_json(r#"{"method": "best"}"#).unwrap();
    assert_eq!(best.method, MethodConfig::named("summarunner").unwrap());
    assert!(
        best.to_json().contains(r#""method":"summarunner""#),
        "{}",
        best.to_json()
    );
    // It summarizes as the model it stands for.
    let text = "The storm hit the coast on Monday. Thousands of homes lost power. \
                Officials said power would be restored within a week. Schools were closed.";
    let doc = Document::from_text(text, &ReadOptions::default()).unwrap();
    let by_alias = Summarizer::from_json(r#"{"method": "best"}"#).unwrap();
    let by_name = Summarizer::from_json(r#"{"method": "summarunner"}"#).unwrap();
    let picks = |s: &Summarizer| s.summarize(&doc).unwrap().selected;
    assert_eq!(picks(&by_alias), picks(&by_name));
    assert_eq!(by_alias.config(), by_name.config());
    let err = MethodConfig::named("bestest").unwrap_err().to_string();
    assert!(err.contains("best (= summarunner)"), "{err}");
}

#[test]
fn floats_round_trip_to_the_bit() {
    // 17 significant digits: the default JSON float parser may read these one ulp off.
    for lambda in [
        0.123_456_789_012_345_67,
        0.999_999_999_999_999_9,
        1.0 / 3.0,
        0.1 + 0.2,
    ] {
        let config = SummarizerConfig {
            redundancy: Redundancy::Mmr { lambda },
            ..SummarizerConfig::default()
        };
        let back = SummarizerConfig::from_json(&config.to_json()).unwrap();
        assert_eq!(back.redundancy, config.redundancy, "{lambda:e}");
    }
}

#[test]
fn config_json_is_flat_and_partial_configs_take_defaults() {
    let config = SummarizerConfig::from_json(r#"{"method": "lexrank", "threshold": 0.1}"#).unwrap();
    let json: serde_json::Value = serde_json::from_str(&config.to_json()).unwrap();
    assert_eq!(json["method"], "lexrank");
    assert_eq!(json["threshold"], 0.1);
    assert_eq!(json["damping"], 0.85);
    assert_eq!(
        json["budget"],
        serde_json::json!({"kind": "sentences", "count": 3})
    );
    assert_eq!(json["redundancy"], serde_json::json!({"kind": "none"}));
    let empty = SummarizerConfig::from_json("{}").unwrap();
    assert_eq!(empty, SummarizerConfig::default());
}

#[test]
fn unknown_fields_methods_and_values_are_refused_by_name() {
    for (json, needle) in [
        (r#"{"method": "textrank", "dampin": 0.5}"#, "dampin"),
        (r#"{"method": "lead", "damping": 0.5}"#, "damping"),
        (r#"{"method": "pagerank"}"#, "pagerank"),
        (r#"{"budget": {"kind": "words", "cnt": 3}}"#, "cnt"),
        (r#"{"redundancy": {"kind": "none", "lambda": 1}}"#, "lambda"),
        (r#"{"method": "custom", "name": "x"}"#, "custom"),
        (r#"[1, 2]"#, "object"),
    ] {
        let err = SummarizerConfig::from_json(json).unwrap_err().to_string();
        assert!(err.contains(needle), "{json}: {err}");
    }
    let err = Summarizer::from_json(r#"{"method": "textrank", "damping": 1.5}"#).unwrap_err();
    assert!(err.to_string().contains("damping"), "{err}");
    let err = Summarizer::from_json(r#"{"budget": {"kind": "ratio", "ratio": 0}}"#).unwrap_err();
    assert!(err.to_string().contains("budget.ratio"), "{err}");
}

/// A method that breaks the contract in a chosen way.
#[derive(Debug)]
enum Broken {
    Short,
    NotFinite,
    Fails,
}

impl Method for Broken {
    fn name(&self) -> &str {
        "broken"
    }
    fn score(&self, input: &Input<'_>) -> nutgraf::Result<Scores, nutgraf_core::Error> {
        let n = input.document.len();
        match self {
            Broken::Short => Ok(Scores::new(vec![1.0; n - 1])),
            Broken::NotFinite => {
                let mut v = vec![1.0; n];
                v[2] = f64::NAN;
                Ok(Scores::new(v))
            }
            Broken::Fails => Err(nutgraf_core::Error::Method {
                method: "broken".into(),
                message: "out of coffee".into(),
            }),
        }
    }
}

#[test]
fn a_method_that_breaks_its_contract_is_reported_not_patched() {
    for (broken, needle) in [
        (Broken::Short, "returned 3 scores for 4 sentences"),
        (Broken::NotFinite, "score of sentence 2 is NaN"),
        (Broken::Fails, "out of coffee"),
    ] {
        let summarizer = Summarizer::builder().custom_method(broken).build().unwrap();
        let err = summarizer.summarize(&doc()).unwrap_err().to_string();
        assert!(err.contains(needle), "{err}");
        assert!(err.contains("broken"), "{err}");
    }
}

#[derive(Debug)]
struct Shortest;

impl Method for Shortest {
    fn name(&self) -> &str {
        "shortest"
    }
    fn score(&self, input: &Input<'_>) -> nutgraf::Result<Scores, nutgraf_core::Error> {
        let values = input.analyzed.bytes.iter().map(|&b| -(b as f64)).collect();
        Ok(Scores::new(values))
    }
}

#[test]
fn a_custom_method_runs_and_shows_in_the_config_but_cannot_be_rebuilt() {
    let summarizer = Summarizer::builder()
        .custom_method(Shortest)
        .budget(Budget::Sentences(1))
        .build()
        .unwrap();
    assert_eq!(summarizer.summarize(&doc()).unwrap().selected, vec![3]);
    let json = summarizer.config().to_json();
    assert!(
        json.contains(r#""method":"custom","name":"shortest""#),
        "{json}"
    );
    assert!(SummarizerConfig::from_json(&json).is_err());
    let err = Summarizer::from_config(summarizer.config()).unwrap_err();
    assert!(err.to_string().contains("custom"), "{err}");
}

#[test]
fn records_have_byte_and_char_spans_and_round_trip() {
    let text = "Café owners protested. The mayor — reluctantly — agreed. Prices rose.";
    let doc = Document::from_text(text, &ReadOptions::default()).unwrap();
    let summarizer =
        Summarizer::from_json(r#"{"method": "lead", "budget": {"kind": "sentences", "count": 2}}"#)
            .unwrap();
    let record = summarizer
        .summarize(&doc)
        .unwrap()
        .record(&doc, summarizer.shared_config());
    let chars: Vec<char> = text.chars().collect();
    for s in &record.sentences {
        assert_eq!(&text[s.span[0]..s.span[1]], s.text);
        let by_chars: String = chars[s.char_span[0]..s.char_span[1]].iter().collect();
        assert_eq!(by_chars, s.text);
    }
    assert_eq!(record.sentences[1].span, [24, 61]);
    assert_eq!(record.sentences[1].char_span, [23, 56]);
    assert_eq!(record.summary.len(), 2);
    let json = serde_json::to_string(&record).unwrap();
    let back: SummaryRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
    // The record's config rebuilds the summarizer that made it.
    let again = Summarizer::from_config(&back.config).unwrap();
    assert_eq!(again.summarize(&doc).unwrap().selected, vec![0, 1]);
}

#[test]
fn explanations_come_when_asked_for_every_classic_method() {
    for &name in NAMES {
        let mut config = SummarizerConfig::new(MethodConfig::named(name).unwrap());
        let plain = Summarizer::from_config(&config)
            .unwrap()
            .summarize(&doc())
            .unwrap();
        assert!(plain.explanations.is_none(), "{name}");
        config.explain = true;
        let explained = Summarizer::from_config(&config)
            .unwrap()
            .summarize(&doc())
            .unwrap();
        let e = explained.explanations.as_ref().expect(name);
        assert_eq!(e.len(), 4, "{name}");
        assert!(e.iter().all(|x| !x.components.is_empty()), "{name}: {e:?}");
        assert!(
            e.iter()
                .flat_map(|x| x.components.values())
                .all(|v| v.is_finite()),
            "{name}"
        );
        // Explaining does not change the result.
        assert_eq!(explained.scores, plain.scores, "{name}");
        assert_eq!(explained.selected, plain.selected, "{name}");
    }
}

#[test]
fn frequency_methods_explain_with_term_weights() {
    let config = SummarizerConfig {
        explain: true,
        ..SummarizerConfig::new(MethodConfig::named("sumbasic").unwrap())
    };
    let summary = Summarizer::from_config(&config)
        .unwrap()
        .summarize(&doc())
        .unwrap();
    let first = &summary.explanations.unwrap()[1];
    let terms: Vec<&str> = first.terms.iter().map(|t| t.term.as_str()).collect();
    // "power" occurs three times in the document and "storm" twice: the heaviest terms of
    // sentence 1.
    assert_eq!(&terms[..2], ["power", "storm"], "{terms:?}");
    assert!(first.terms.windows(2).all(|w| w[0].weight >= w[1].weight));
}

#[test]
fn the_oracle_runs_as_a_method_and_needs_a_reference() {
    let summarizer = Summarizer::from_json(r#"{"method": "oracle", "max_sentences": 1}"#).unwrap();
    let with_reference = doc().with_reference(vec!["power will be restored within a week".into()]);
    let summary = summarizer.summarize(&with_reference).unwrap();
    assert_eq!(summary.selected, vec![2]);
    assert_eq!(summary.scores, vec![0.0, 0.0, 1.0, 0.0]);
    let err = summarizer.summarize(&doc()).unwrap_err().to_string();
    assert!(err.contains("no reference"), "{err}");
}

#[test]
fn batch_errors_name_the_document() {
    let summarizer = Summarizer::from_json(r#"{"method": "oracle"}"#).unwrap();
    let docs = vec![
        doc().with_reference(vec!["storm".into()]),
        doc().with_id("b7"),
    ];
    let results = summarizer.summarize_batch(&docs);
    assert!(results[0].is_ok());
    let err = results[1].as_ref().unwrap_err().to_string();
    assert!(err.starts_with("document 2 (id b7): "), "{err}");
}
