//! The JSON forms of scores, shared by the per-flavour result types and
//! [`DocEval`](crate::DocEval) / [`CorpusEval`](crate::CorpusEval).
//!
//! The forms are those `nutgraf rouge --json` and `nutgraf eval` have always printed. The CLI
//! built them as `serde_json::Value` objects, whose keys serde_json (without its
//! `preserve_order` feature) keeps in a `BTreeMap`: sorted by bytes. So keys are written here
//! sorted the same way, at every level (`f`, `precision`, `recall`; `ROUGE-1` ... before
//! `rouge1` ...), and the output is the same whether it is written directly or through a
//! `serde_json::Value`.

use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::google::Metric;
use crate::perl::CorpusScore;
use crate::Score;

/// A [`Score`] as `{"f", "precision", "recall"}`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScoreJson {
    f: f64,
    precision: f64,
    recall: f64,
}

impl From<Score> for ScoreJson {
    fn from(s: Score) -> Self {
        ScoreJson {
            f: s.f,
            precision: s.precision,
            recall: s.recall,
        }
    }
}

impl From<ScoreJson> for Score {
    fn from(s: ScoreJson) -> Self {
        Score {
            recall: s.recall,
            precision: s.precision,
            f: s.f,
        }
    }
}

/// A corpus [`CorpusScore`] of ROUGE-1.5.5 as the Averages with their interval bounds.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CorpusScoreJson {
    f: f64,
    f_lower: f64,
    f_upper: f64,
    precision: f64,
    precision_lower: f64,
    precision_upper: f64,
    recall: f64,
    recall_lower: f64,
    recall_upper: f64,
}

impl From<CorpusScore> for CorpusScoreJson {
    fn from(s: CorpusScore) -> Self {
        CorpusScoreJson {
            f: s.f.average,
            f_lower: s.f.lower,
            f_upper: s.f.upper,
            precision: s.precision.average,
            precision_lower: s.precision.lower,
            precision_upper: s.precision.upper,
            recall: s.recall.average,
            recall_lower: s.recall.lower,
            recall_upper: s.recall.upper,
        }
    }
}

impl From<CorpusScoreJson> for CorpusScore {
    fn from(s: CorpusScoreJson) -> Self {
        use crate::perl::Estimate;
        let est = |average, lower, upper| Estimate {
            average,
            lower,
            upper,
        };
        CorpusScore {
            recall: est(s.recall, s.recall_lower, s.recall_upper),
            precision: est(s.precision, s.precision_lower, s.precision_upper),
            f: est(s.f, s.f_lower, s.f_upper),
        }
    }
}

/// Writes `entries` as one JSON object, keys sorted by bytes (see the module docs).
pub(crate) fn write_sorted<S: Serializer, V: Serialize>(
    s: S,
    mut entries: Vec<(String, V)>,
) -> Result<S::Ok, S::Error> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut map = s.serialize_map(Some(entries.len()))?;
    for (name, value) in &entries {
        map.serialize_entry(name, value)?;
    }
    map.end()
}

/// The position of a ROUGE-1.5.5 metric name in the order the script prints them (ROUGE-N by
/// N, ROUGE-L, ROUGE-W-*, ROUGE-S*, ROUGE-SU*); `None` for a name the script never prints.
pub(crate) fn perl_rank(name: &str) -> Option<(u8, usize)> {
    let rest = name.strip_prefix("ROUGE-")?;
    let skip_tag = |t: &str| t == "*" || (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    if rest == "L" {
        Some((1, 0))
    } else if rest.strip_prefix("W-").is_some_and(|w| !w.is_empty()) {
        Some((2, 0))
    } else if let Some(tag) = rest.strip_prefix("SU") {
        skip_tag(tag).then_some((4, 0))
    } else if let Some(tag) = rest.strip_prefix('S') {
        skip_tag(tag).then_some((3, 0))
    } else {
        rest.parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .map(|n| (0, n))
    }
}

/// The entries of one JSON object of metrics: ROUGE-1.5.5 ones (`P` values) in print order and
/// rouge-score ones (`G` values) in [`Metric`] order.
pub(crate) struct Entries<P, G> {
    pub perl: Vec<(Box<str>, P)>,
    pub google: Vec<(Metric, G)>,
}

/// Reads a metric object; unknown metric names and repeated keys are errors.
pub(crate) fn read_entries<'de, A, P, G>(mut map: A) -> Result<Entries<P, G>, A::Error>
where
    A: MapAccess<'de>,
    P: Deserialize<'de>,
    G: Deserialize<'de>,
{
    let mut perl: Vec<((u8, usize), Box<str>, P)> = Vec::new();
    let mut google: Vec<(Metric, G)> = Vec::new();
    while let Some(name) = map.next_key::<String>()? {
        let repeated = perl.iter().any(|(_, n, _)| **n == *name)
            || google.iter().any(|(m, _)| m.to_string() == name);
        if repeated {
            return Err(de::Error::custom(format_args!(
                "metric {name:?} given twice"
            )));
        }
        if name.starts_with("ROUGE-") {
            let rank = perl_rank(&name).ok_or_else(|| {
                de::Error::custom(format_args!("unknown ROUGE-1.5.5 metric {name:?}"))
            })?;
            perl.push((rank, name.into(), map.next_value()?));
        } else {
            let metric: Metric = name.parse().map_err(de::Error::custom)?;
            google.push((metric, map.next_value()?));
        }
    }
    // Print order; names of equal rank (two ROUGE-W weights, say) keep their text order.
    perl.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    google.sort_by_key(|(m, _)| *m);
    Ok(Entries {
        perl: perl.into_iter().map(|(_, n, v)| (n, v)).collect(),
        google,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_names_rank_in_print_order() {
        let mut names = [
            "ROUGE-SU4",
            "ROUGE-W-1.2",
            "ROUGE-10",
            "ROUGE-L",
            "ROUGE-S4",
            "ROUGE-2",
            "ROUGE-1",
        ];
        names.sort_by_key(|n| perl_rank(n).unwrap());
        assert_eq!(
            names,
            [
                "ROUGE-1",
                "ROUGE-2",
                "ROUGE-10",
                "ROUGE-L",
                "ROUGE-W-1.2",
                "ROUGE-S4",
                "ROUGE-SU4"
            ]
        );
        for bad in [
            "ROUGE-0",
            "ROUGE-X",
            "ROUGE-W-",
            "ROUGE-S",
            "ROUGE-SUx",
            "rouge1",
        ] {
            assert_eq!(perl_rank(bad), None, "{bad}");
        }
    }

    #[test]
    fn serde_json_maps_sort_keys_as_write_sorted_does() {
        // The CLI's historic output went through serde_json::Map; if serde_json's
        // preserve_order feature were ever enabled, this would fail and the forms here would
        // have to follow insertion order instead.
        let mut map = serde_json::Map::new();
        for k in [
            "rouge1",
            "ROUGE-W-1.2",
            "ROUGE-SU*",
            "ROUGE-L",
            "f",
            "recall",
        ] {
            map.insert(k.to_string(), serde_json::Value::Null);
        }
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "ROUGE-L",
                "ROUGE-SU*",
                "ROUGE-W-1.2",
                "f",
                "recall",
                "rouge1"
            ]
        );
    }
}
