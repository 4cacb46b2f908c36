//! `nutgraf.oracle`: the sentence set that maximizes ROUGE against a reference.

use std::sync::Arc;

use nutgraf::oracle::{Oracle, OracleMethodConfig, OracleRecord};
use nutgraf::Document;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert;
use crate::errors;
use crate::pools;
use crate::summarize::{document, loads, reference_sentences};

/// The oracle labels of one document.
#[pyclass(module = "nutgraf._native", name = "OracleResult", frozen)]
pub struct PyOracleResult {
    record: OracleRecord,
    summary: Vec<String>,
}

#[pymethods]
impl PyOracleResult {
    /// The document's id, if it has one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.record.id.as_deref()
    }

    /// The oracle set's sentence indices, in document order.
    #[getter]
    fn indices(&self) -> Vec<usize> {
        self.record.indices.clone()
    }

    /// The objective's value for the set.
    #[getter]
    fn objective(&self) -> f64 {
        self.record.objective
    }

    /// The set's sentences.
    #[getter]
    fn summary(&self) -> Vec<String> {
        self.summary.clone()
    }

    /// Its ROUGE-1.5.5 scores (unrounded): `{"ROUGE-1": {"f", "precision", "recall"}, ...}`.
    #[getter]
    fn rouge<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_value(&self.record).unwrap_or_default();
        loads(py, &json["rouge"].to_string())
    }

    /// The record as JSON: what `nutgraf oracle` writes per document.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.record).unwrap_or_default()
    }

    /// The record as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.to_json())
    }

    fn __repr__(&self) -> String {
        format!(
            "OracleResult(indices={:?}, objective={})",
            self.record.indices, self.record.objective
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyOracleResult>()
            .map(|o| o.get().to_json() == self.to_json() && o.get().summary == self.summary)
            .unwrap_or(false)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let rebuild = PyModule::import(py, "nutgraf._native")?.getattr("_oracle_from_state")?;
        let state = (me.to_json(), me.summary.clone());
        PyTuple::new(py, [rebuild, state.into_pyobject(py)?.into_any()])
    }
}

/// Rebuilds a pickled `OracleResult`.
#[pyfunction]
#[pyo3(name = "_oracle_from_state")]
pub fn oracle_from_state(
    py: Python<'_>,
    json: &str,
    summary: Vec<String>,
) -> PyResult<PyOracleResult> {
    #[derive(serde::Deserialize)]
    struct Raw {
        id: Option<String>,
        indices: Vec<usize>,
        objective: f64,
        rouge: std::collections::BTreeMap<String, Prf>,
    }
    #[derive(serde::Deserialize)]
    struct Prf {
        f: f64,
        precision: f64,
        recall: f64,
    }
    let raw: Raw = serde_json::from_str(json).map_err(|e| errors::input(py, e.to_string()))?;
    let score = |name: &str| {
        raw.rouge
            .get(name)
            .map_or(nutgraf::rouge::Score::default(), |s| {
                nutgraf::rouge::Score {
                    recall: s.recall,
                    precision: s.precision,
                    f: s.f,
                }
            })
    };
    let record = OracleRecord {
        id: raw.id.clone(),
        indices: raw.indices.clone(),
        objective: raw.objective,
        rouge: nutgraf::rouge::oracle::OracleScores {
            rouge1: score("ROUGE-1"),
            rouge2: score("ROUGE-2"),
            rouge_l: score("ROUGE-L"),
        },
    };
    Ok(PyOracleResult { record, summary })
}

/// An oracle built from its configuration JSON.
#[pyclass(module = "nutgraf._native", name = "Oracle", frozen)]
pub struct PyOracle {
    oracle: Oracle,
    config: OracleMethodConfig,
}

impl PyOracle {
    fn one(&self, doc: &Document) -> nutgraf::Result<PyOracleResult> {
        let result = self.oracle.label(doc)?;
        let summary = result
            .indices
            .iter()
            .filter_map(|&i| doc.get(i).map(str::to_string))
            .collect();
        Ok(PyOracleResult {
            record: OracleRecord::new(doc, result),
            summary,
        })
    }

    fn prepared(
        py: Python<'_>,
        item: &Bound<'_, PyAny>,
        reference: Option<&Bound<'_, PyAny>>,
        what: &dyn Fn() -> String,
        what_ref: &str,
    ) -> PyResult<Arc<Document>> {
        let doc = document(item, None, nutgraf::LanguageChoice::Auto, what)?;
        match reference.filter(|r| !r.is_none()) {
            Some(r) => {
                let r = reference_sentences(r, what_ref)?;
                let mut d = (*doc).clone();
                d.set_reference(Some(r));
                Ok(Arc::new(d))
            }
            None if doc.reference().is_none() => Err(errors::input(
                py,
                format!(
                    "{what_ref}: the oracle needs a reference summary, and the document has none"
                ),
            )),
            None => Ok(doc),
        }
    }
}

#[pymethods]
impl PyOracle {
    #[new]
    fn new(py: Python<'_>, config_json: &str) -> PyResult<Self> {
        let config: OracleMethodConfig = serde_json::from_str(config_json)
            .map_err(|e| errors::config(py, format!("invalid oracle options: {e}")))?;
        let oracle = Oracle::new(config.clone()).map_err(|e| errors::engine(py, &e, ""))?;
        Ok(PyOracle { oracle, config })
    }

    /// The options as JSON.
    fn config_json(&self) -> String {
        serde_json::to_string(&self.config).unwrap_or_default()
    }

    /// The oracle set of one document against `reference` (or the document's own).
    #[pyo3(signature = (document, reference=None))]
    fn label(
        &self,
        py: Python<'_>,
        document: &Bound<'_, PyAny>,
        reference: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyOracleResult> {
        let doc = PyOracle::prepared(py, document, reference, &|| "document".into(), "reference")?;
        // The oracle search does not use rayon: it runs on the calling thread.
        py.detach(|| self.one(&doc))
            .map_err(|e| errors::engine(py, &e, "document"))
    }

    /// The oracle sets of many documents on worker threads, in input order.
    #[pyo3(signature = (documents, references=None, threads=None))]
    fn label_batch(
        &self,
        py: Python<'_>,
        documents: &Bound<'_, PyAny>,
        references: Option<&Bound<'_, PyAny>>,
        threads: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyOracleResult>> {
        let threads = convert::threads(threads)?;
        let items = convert::items(documents, "documents")?;
        let refs = match references.filter(|r| !r.is_none()) {
            None => None,
            Some(r) => {
                let r = convert::items(r, "references")?;
                if r.len() != items.len() {
                    return Err(errors::input(
                        py,
                        format!(
                            "documents and references differ in length ({} documents, {} references)",
                            items.len(),
                            r.len()
                        ),
                    ));
                }
                Some(r)
            }
        };
        let docs = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let r = refs.as_ref().map(|r| &r[i]);
                PyOracle::prepared(
                    py,
                    item,
                    r,
                    &|| format!("documents[{i}]"),
                    &format!("references[{i}]"),
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        let results = pools::run(py, threads, || {
            use rayon::prelude::*;
            docs.par_iter().map(|d| self.one(d)).collect::<Vec<_>>()
        })?;
        results
            .into_iter()
            .enumerate()
            .map(|(i, r)| r.map_err(|e| errors::engine(py, &e, &format!("documents[{i}]"))))
            .collect()
    }
}
