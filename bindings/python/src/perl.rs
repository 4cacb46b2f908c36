//! `nutgraf.rouge155`: ROUGE-1.5.5 from Python, on the engine's perl flavour (no Perl, no
//! files). The Python layer turns the numbers into pyrouge's dict and ROUGE-1.5.5's text.

use nutgraf::rouge::perl::{bootstrap, EvalIds, PerlConfig, Rouge155};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::convert::{self, type_name};
use crate::errors;
use crate::limits;
use crate::pools;

/// A summary's sentences: split on `"\n"` for a string; stripped as Python's `str.strip()`
/// strips and the empty ones dropped, unless `strip` is false (pyrouge's files).
fn sentences(
    obj: &Bound<'_, PyAny>,
    strip: bool,
    what: &dyn Fn() -> String,
) -> PyResult<Vec<String>> {
    let raw = convert::summary(obj, what)?;
    Ok(if strip {
        raw.iter()
            .flat_map(|s| nutgraf::rouge::input::split_sentences(s, ""))
            .collect()
    } else {
        raw
    })
}

/// A document's references: a summary (a str, or a list of its sentences) for one reference,
/// or a list of lists of sentences for several.
fn references(
    obj: &Bound<'_, PyAny>,
    strip: bool,
    what: &dyn Fn() -> String,
) -> PyResult<Vec<Vec<String>>> {
    let py = obj.py();
    if convert::is_text(obj) {
        return Ok(vec![sentences(obj, strip, what)?]);
    }
    let name = what();
    let items = convert::items(obj, &name).map_err(|_| {
        errors::wrong_type(
            py,
            format!(
                "{name}: expected a reference (a str or a list of its sentences) or a list of \
                 references (each a list of sentences), got {}",
                type_name(obj)
            ),
        )
    })?;
    if items.is_empty() {
        return Err(errors::input(
            py,
            format!("{name}: no reference summary (an empty list)"),
        ));
    }
    let lists = items.iter().filter(|i| !convert::is_text(i)).count();
    if lists == 0 {
        // The sentences of one reference.
        return Ok(vec![sentences(obj, strip, what)?]);
    }
    if lists != items.len() {
        return Err(errors::wrong_type(
            py,
            format!(
                "{name}: mixes str and lists; give one reference as a list of its sentences \
                 (str), or several references as a list of lists of sentences"
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(j, r)| sentences(r, strip, &|| format!("{name}[{j}]")))
        .collect()
}

/// A ROUGE-1.5.5 scorer with frozen options.
#[pyclass(module = "nutgraf._native", name = "Rouge155", frozen)]
pub struct PyRouge155 {
    rouge: Rouge155,
}

#[pymethods]
impl PyRouge155 {
    /// Builds the scorer from ROUGE-1.5.5 flags (`options`, a list of arguments; `None` for
    /// pyrouge's defaults) and then the configuration fields of `overrides` (a JSON object
    /// text), which replace the flags' values.
    #[new]
    #[pyo3(signature = (options=None, overrides=None))]
    fn new(
        py: Python<'_>,
        options: Option<Vec<String>>,
        overrides: Option<&str>,
    ) -> PyResult<Self> {
        let base = match &options {
            None => PerlConfig::pyrouge(),
            Some(args) => {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                PerlConfig::from_rouge_args(&args).map_err(|e| errors::eval(py, &e, "options"))?
            }
        };
        let config = match overrides {
            None => base,
            Some(json) => {
                let mut value =
                    serde_json::to_value(&base).map_err(|e| errors::config(py, e.to_string()))?;
                let extra: serde_json::Value =
                    serde_json::from_str(json).map_err(|e| errors::config(py, e.to_string()))?;
                if let (Some(v), Some(extra)) = (value.as_object_mut(), extra.as_object()) {
                    for (k, x) in extra {
                        v.insert(k.clone(), x.clone());
                    }
                }
                serde_json::from_value::<PerlConfig>(value)
                    .map_err(|e| errors::config(py, e.to_string()))?
            }
        };
        let rouge = config.build().map_err(|e| errors::eval(py, &e, ""))?;
        Ok(PyRouge155 { rouge })
    }

    /// The options as configuration JSON (the form `overrides` takes).
    fn config_json(&self) -> String {
        serde_json::to_string(self.rouge.config()).unwrap_or_default()
    }

    /// The options as ROUGE-1.5.5 flags.
    fn rouge_args(&self) -> Vec<String> {
        self.rouge.config().to_rouge_args()
    }

    /// The metric names, in print order.
    fn metric_names(&self) -> Vec<String> {
        self.rouge
            .metric_names()
            .iter()
            .map(|n| n.to_string())
            .collect()
    }

    /// Scores every document and the corpus. Returns `(names, corpus, documents, eval_ids)`:
    /// `corpus[m]` = (R, R_low, R_high, P, P_low, P_high, F, F_low, F_high) of metric `m`,
    /// `documents[i][m]` = (R, P, F), `eval_ids[i]` the EVAL ID of document `i`.
    #[pyo3(signature = (candidates, references, eval_ids=None, peer_id="1", strip=true, threads=None))]
    #[allow(clippy::too_many_arguments, clippy::type_complexity)]
    fn score<'py>(
        &self,
        py: Python<'py>,
        candidates: &Bound<'py, PyAny>,
        references: &Bound<'py, PyAny>,
        eval_ids: Option<&Bound<'py, PyAny>>,
        peer_id: &str,
        strip: bool,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let threads = convert::threads(threads)?;
        let cands = convert::items(candidates, "candidates")?;
        let refs = convert::items(references, "references")?;
        if cands.len() != refs.len() {
            return Err(errors::input(
                py,
                format!(
                    "candidates and references differ in length ({} candidates, {} references)",
                    cands.len(),
                    refs.len()
                ),
            ));
        }
        if cands.is_empty() {
            return Err(errors::input(
                py,
                "candidates: no summary to score (an empty list)",
            ));
        }
        let cands = cands
            .iter()
            .enumerate()
            .map(|(i, c)| sentences(c, strip, &|| format!("candidates[{i}]")))
            .collect::<PyResult<Vec<_>>>()?;
        let refs = refs
            .iter()
            .enumerate()
            .map(|(i, r)| self::references(r, strip, &|| format!("references[{i}]")))
            .collect::<PyResult<Vec<_>>>()?;
        let ids: Option<Vec<String>> = match eval_ids {
            None => None,
            Some(v) if v.is_none() => None,
            Some(v) if convert::is_text(v) => {
                let s = convert::text(v, || "eval_ids".into())?;
                match s.as_str() {
                    "pyrouge" => None,
                    "input_order" => Some((1..=cands.len()).map(|i| i.to_string()).collect()),
                    _ => {
                        return Err(errors::config(
                            py,
                            format!(
                                "eval_ids: expected \"pyrouge\", \"input_order\" or a list of str, got {s:?}"
                            ),
                        ))
                    }
                }
            }
            Some(v) => Some(convert::texts(v, "eval_ids")?),
        };
        let cfg = self.rouge.config();
        let lcs = cfg.rouge_l || cfg.rouge_w.is_some();
        let skip = cfg.skip_bigram.map(|s| s.max_gap);
        let rouge = &self.rouge;
        let peer = peer_id.to_string();
        let outcome = pools::run(py, threads, || {
            use rayon::prelude::*;
            let checked: Vec<Result<(), String>> = cands
                .par_iter()
                .zip(refs.par_iter())
                .map(|(c, r)| limits::check_perl(c, r, lcs, skip))
                .collect();
            if let Some((i, Err(e))) = checked.into_iter().enumerate().find(|(_, r)| r.is_err()) {
                return Err((errors::Kind::Input, format!("document {i}: {e}")));
            }
            let pairs: Vec<(&Vec<String>, &Vec<Vec<String>>)> = cands.iter().zip(&refs).collect();
            let mut docs = Vec::with_capacity(pairs.len());
            for (i, r) in rouge.score_batch(&pairs).into_iter().enumerate() {
                match r {
                    Ok(d) => docs.push(d),
                    Err(e) => {
                        let inner = match e {
                            nutgraf::rouge::Error::Document { error, .. } => *error,
                            e => e,
                        };
                        return Err((errors::eval_kind(&inner), format!("document {i}: {inner}")));
                    }
                }
            }
            let ids_used = ids
                .clone()
                .unwrap_or_else(|| nutgraf::rouge::perl::pyrouge_eval_ids(docs.len()));
            let which = match &ids {
                None => EvalIds::Pyrouge,
                Some(v) => EvalIds::Custom(v),
            };
            let corpus = bootstrap(
                &docs,
                which,
                &peer,
                rouge.config().resamples,
                rouge.config().confidence,
            )
            .map_err(|e| (errors::eval_kind(&e), e.to_string()))?;
            Ok((docs, corpus, ids_used))
        })?;
        let (docs, corpus, ids_used) =
            outcome.map_err(|(kind, message)| errors::error(py, kind, message))?;
        let names = PyList::new(py, self.metric_names())?;
        let corpus_rows = PyList::empty(py);
        for (_, s) in corpus.iter() {
            let row = [
                s.recall.average,
                s.recall.lower,
                s.recall.upper,
                s.precision.average,
                s.precision.lower,
                s.precision.upper,
                s.f.average,
                s.f.lower,
                s.f.upper,
            ];
            corpus_rows.append(PyTuple::new(py, row)?)?;
        }
        let doc_rows = PyList::empty(py);
        for d in &docs {
            let row = PyList::empty(py);
            for s in d.scores() {
                row.append(PyTuple::new(py, [s.recall, s.precision, s.f])?)?;
            }
            doc_rows.append(row)?;
        }
        PyTuple::new(
            py,
            [
                names.into_any(),
                corpus_rows.into_any(),
                doc_rows.into_any(),
                PyList::new(py, ids_used)?.into_any(),
            ],
        )
    }
}

/// The text with its PTB escapes (`-LRB-`, ``` `` ```, `''`, ...) read as the characters they
/// stand for, as `nutgraf eval` reads summaries and references before scoring.
#[pyfunction]
pub fn unescape_ptb(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = convert::text(text, || "text".into())?;
    Ok(py.detach(|| nutgraf::rouge::normalize::unescape_ptb(&text).into_owned()))
}
