//! Columns of records for the batch operators of Spark (`mapInArrow`) and Ray Data
//! (`map_batches`): `nutgraf.spark` and `nutgraf.ray` hand over a batch's columns as lists and
//! get the results back as lists, one entry per record, with an error message in place of a
//! result for a bad record, so that the caller applies the CLI's error policy (stop naming the
//! record, or skip it and count it).
//!
//! Records are read exactly as the CLI reads a JSONL line: a text field given as a string is
//! split by the sentence splitter, a list is the sentences; a reference given as a string is
//! split by the splitter too (`nutgraf summarize` / `nutgraf oracle`), or, for ROUGE, into
//! lines and then on the separator (`nutgraf rouge`). The work of a batch runs on the
//! package's worker pools with the GIL released; results are in input order, the same at any
//! thread count.

use nutgraf::evaluate::{DocEval, EvalConfig, Evaluator};
use nutgraf::oracle::{Oracle, OracleMethodConfig, OracleRecord};
use nutgraf::rouge::input::{lines, split_sentences};
use nutgraf::segment::SentenceSplitter;
use nutgraf::{Document, Language, LanguageChoice, ReadOptions};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::convert::{self, type_name};
use crate::errors;
use crate::limits;
use crate::pools;

/// One field of one record, as read from a column.
enum Field {
    Missing,
    Text(String),
    Sentences(Vec<String>),
    Lists(Vec<Vec<String>>),
}

fn found(obj: &Bound<'_, PyAny>) -> String {
    if obj.is_none() {
        "null".into()
    } else {
        type_name(obj)
    }
}

fn string(obj: &Bound<'_, PyAny>, name: &str) -> Result<String, String> {
    match obj.cast::<PyString>() {
        Ok(s) => s
            .to_cow()
            .map(|c| c.into_owned())
            .map_err(|_| format!("field \"{name}\" holds a lone surrogate (not valid Unicode)")),
        Err(_) => Err(format!(
            "field \"{name}\" must be a list of strings, found {} in it",
            found(obj)
        )),
    }
}

/// A field's value: `None` (null), a str, a list of str, or (with `nested`) a list of lists
/// of str. Anything else is the record's error.
fn field(obj: &Bound<'_, PyAny>, name: &str, nested: bool) -> Result<Field, String> {
    if obj.is_none() {
        return Ok(Field::Missing);
    }
    if obj.is_instance_of::<PyString>() {
        return string(obj, name).map(Field::Text);
    }
    let list: Vec<Bound<'_, PyAny>> = if let Ok(l) = obj.cast::<PyList>() {
        l.iter().collect()
    } else if let Ok(t) = obj.cast::<PyTuple>() {
        t.iter().collect()
    } else {
        return Err(format!(
            "field \"{name}\" must be a string or a list of strings, found {}",
            found(obj)
        ));
    };
    if nested && !list.is_empty() && list.iter().all(|i| !i.is_instance_of::<PyString>()) {
        let mut out = Vec::with_capacity(list.len());
        for item in &list {
            match field(item, name, false)? {
                Field::Text(t) => out.push(vec![t]),
                Field::Sentences(s) => out.push(s),
                _ => {
                    return Err(format!(
                        "field \"{name}\" must be a list of references, found {} in it",
                        found(item)
                    ))
                }
            }
        }
        return Ok(Field::Lists(out));
    }
    list.iter()
        .map(|i| string(i, name))
        .collect::<Result<Vec<_>, _>>()
        .map(Field::Sentences)
}

/// A column: one field per record, or the record's error.
fn column(
    obj: &Bound<'_, PyAny>,
    what: &str,
    name: &str,
    nested: bool,
) -> PyResult<Vec<Result<Field, String>>> {
    Ok(convert::items(obj, what)?
        .iter()
        .map(|item| field(item, name, nested))
        .collect())
}

fn optional_column(
    obj: Option<&Bound<'_, PyAny>>,
    n: usize,
    what: &str,
    name: &str,
    nested: bool,
) -> PyResult<Vec<Result<Field, String>>> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok((0..n).map(|_| Ok(Field::Missing)).collect()),
        Some(o) => {
            let c = column(o, what, name, nested)?;
            if c.len() != n {
                return Err(errors::input(
                    o.py(),
                    format!("{what}: {} values for {n} records", c.len()),
                ));
            }
            Ok(c)
        }
    }
}

/// A record's document, as `nutgraf summarize` reads a JSONL record's text and reference:
/// the text's language resolved by `language` (detected per document by default), the text
/// and a string reference split with that language's rules, a leading byline dropped.
fn document(
    text: Result<Field, String>,
    reference: Result<Field, String>,
    text_field: &str,
    language: LanguageChoice,
) -> Result<Document, String> {
    let splitter = SentenceSplitter::new();
    let mut doc = match text? {
        Field::Text(t) => {
            let lang = language.resolve(&t);
            let sentences = splitter.split_as(&t, lang);
            Document::from_parts(t, sentences)
                .map_err(|e| e.to_string())?
                .with_language(lang)
        }
        Field::Sentences(s) => {
            let doc = Document::from_sentences(s);
            let lang = language.resolve(doc.text());
            doc.with_language(lang)
        }
        Field::Missing => {
            return Err(format!(
                "field \"{text_field}\" must be a string or a list of strings, found null"
            ))
        }
        Field::Lists(_) => return Err(not_one(text_field)),
    };
    match reference? {
        Field::Missing => {}
        Field::Text(t) => {
            let lang = doc.language().unwrap_or(Language::English);
            doc.set_reference(Some(
                splitter
                    .split_as(&t, lang)
                    .into_iter()
                    .map(|s| t[s.span].to_string())
                    .collect(),
            ))
        }
        Field::Sentences(s) => doc.set_reference(Some(s)),
        Field::Lists(_) => return Err(not_one("reference")),
    }
    Ok(nutgraf::read::finish(doc, &ReadOptions::default()))
}

fn not_one(name: &str) -> String {
    format!("field \"{name}\" must be a string or a list of strings")
}

/// A summarizer over columns of records (`nutgraf.spark.summarize`, `nutgraf.ray.summarize`).
#[pyclass(module = "nutgraf._native", name = "RecordSummarizer", frozen)]
pub struct PyRecordSummarizer {
    summarizer: nutgraf::Summarizer,
}

#[pymethods]
impl PyRecordSummarizer {
    #[new]
    fn new(py: Python<'_>, config_json: &str) -> PyResult<Self> {
        Ok(PyRecordSummarizer {
            summarizer: crate::summarize::summarizer(py, config_json)?,
        })
    }

    /// The configuration as JSON (every default filled in).
    fn config_json(&self) -> String {
        self.summarizer.config().to_json()
    }

    /// Summarizes a column of texts (str, list of str, or None) with an optional column of
    /// references (for the oracle method). Returns `(indices, summaries, errors)`, three lists
    /// with one entry per record: the selected sentence indices and texts (what `nutgraf
    /// summarize --output jsonl` writes), or `None` and the record's error message.
    #[pyo3(signature = (texts, references=None, threads=None, text_field="article", reference_field="highlights"))]
    fn run<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        references: Option<&Bound<'py, PyAny>>,
        threads: Option<&Bound<'py, PyAny>>,
        text_field: &str,
        reference_field: &str,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let threads = convert::threads(threads)?;
        let texts = column(texts, "texts", text_field, false)?;
        let refs = optional_column(
            references,
            texts.len(),
            "references",
            reference_field,
            false,
        )?;
        let summarizer = &self.summarizer;
        let language = summarizer.config().analysis.language;
        let results: Vec<Result<nutgraf::SummaryLine, String>> = pools::run(py, threads, || {
            texts
                .into_par_iter()
                .zip(refs.into_par_iter())
                .map(|(t, r)| {
                    let doc = document(t, r, text_field, language)?;
                    summarizer
                        .summarize(&doc)
                        .map(|s| s.line(&doc))
                        .map_err(|e| e.to_string())
                })
                .collect()
        })?;
        let indices = PyList::empty(py);
        let summaries = PyList::empty(py);
        let errs = PyList::empty(py);
        for r in results {
            match r {
                Ok(line) => {
                    indices.append(line.indices)?;
                    summaries.append(line.summary)?;
                    errs.append(py.None())?;
                }
                Err(e) => {
                    indices.append(py.None())?;
                    summaries.append(py.None())?;
                    errs.append(e)?;
                }
            }
        }
        PyTuple::new(
            py,
            [indices.into_any(), summaries.into_any(), errs.into_any()],
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let args = PyTuple::new(py, [slf.get().config_json()])?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

/// The oracle over columns of records (`nutgraf.spark.oracle`, `nutgraf.ray.oracle`).
#[pyclass(module = "nutgraf._native", name = "RecordOracle", frozen)]
pub struct PyRecordOracle {
    oracle: Oracle,
    config: OracleMethodConfig,
}

#[pymethods]
impl PyRecordOracle {
    #[new]
    fn new(py: Python<'_>, config_json: &str) -> PyResult<Self> {
        let config: OracleMethodConfig = serde_json::from_str(config_json)
            .map_err(|e| errors::config(py, format!("invalid oracle options: {e}")))?;
        let oracle = Oracle::new(config.clone()).map_err(|e| errors::engine(py, &e, ""))?;
        Ok(PyRecordOracle { oracle, config })
    }

    /// The options as JSON.
    fn config_json(&self) -> String {
        serde_json::to_string(&self.config).unwrap_or_default()
    }

    /// The oracle sets of a column of texts against a column of references. Returns
    /// `(indices, summaries, objectives, rouge, errors)`: per record the set's indices, its
    /// sentences, the objective's value and its ROUGE-1, ROUGE-2, ROUGE-L (recall, precision,
    /// f) as one 9-tuple (what `nutgraf oracle` writes), or `None` and the record's error.
    #[pyo3(signature = (texts, references, threads=None, text_field="article", reference_field="highlights", language=None))]
    #[allow(clippy::too_many_arguments)]
    fn run<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        references: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        text_field: &str,
        reference_field: &str,
        language: Option<&str>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let language = crate::summarize::language_choice(py, language)?;
        let threads = convert::threads(threads)?;
        let texts = column(texts, "texts", text_field, false)?;
        let refs = optional_column(
            Some(references),
            texts.len(),
            "references",
            reference_field,
            false,
        )?;
        let oracle = &self.oracle;
        type Labelled = (OracleRecord, Vec<String>);
        let results: Vec<Result<Labelled, String>> = pools::run(py, threads, || {
            texts
                .into_par_iter()
                .zip(refs.into_par_iter())
                .map(|(t, r)| {
                    let doc = document(t, r, text_field, language)?;
                    if doc.reference().is_none() {
                        return Err(format!(
                            "field \"{reference_field}\" must be a string or a list of strings, \
                             found null (the oracle needs a reference summary)"
                        ));
                    }
                    let result = oracle.label(&doc).map_err(|e| e.to_string())?;
                    let summary = result
                        .indices
                        .iter()
                        .filter_map(|&i| doc.get(i).map(str::to_string))
                        .collect();
                    Ok((OracleRecord::new(&doc, result), summary))
                })
                .collect()
        })?;
        let indices = PyList::empty(py);
        let summaries = PyList::empty(py);
        let objectives = PyList::empty(py);
        let rouge = PyList::empty(py);
        let errs = PyList::empty(py);
        for r in results {
            match r {
                Ok((record, summary)) => {
                    let s = &record.rouge;
                    let row = [s.rouge1, s.rouge2, s.rouge_l]
                        .iter()
                        .flat_map(|x| [x.recall, x.precision, x.f])
                        .collect::<Vec<f64>>();
                    indices.append(record.indices)?;
                    summaries.append(summary)?;
                    objectives.append(record.objective)?;
                    rouge.append(PyTuple::new(py, row)?)?;
                    errs.append(py.None())?;
                }
                Err(e) => {
                    for l in [&indices, &summaries, &objectives, &rouge] {
                        l.append(py.None())?;
                    }
                    errs.append(e)?;
                }
            }
        }
        PyTuple::new(
            py,
            [
                indices.into_any(),
                summaries.into_any(),
                objectives.into_any(),
                rouge.into_any(),
                errs.into_any(),
            ],
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let args = PyTuple::new(py, [slf.get().config_json()])?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

/// ROUGE of either flavour over columns of records, and the corpus numbers from per-document
/// values (`nutgraf.spark.rouge`, `nutgraf.ray.rouge`): the evaluator of `nutgraf rouge`.
#[pyclass(module = "nutgraf._native", name = "RecordEvaluator", frozen)]
pub struct PyRecordEvaluator {
    evaluator: Evaluator,
    names: Vec<String>,
}

impl PyRecordEvaluator {
    /// A candidate's sentences and a document's references, as `nutgraf rouge` reads a JSONL
    /// record's fields.
    fn pair(
        candidate: Result<Field, String>,
        references: Result<Field, String>,
        names: (&str, &str),
        separator: &str,
    ) -> Result<(Vec<String>, Vec<Vec<String>>), String> {
        let summary = |f: Field, name: &str| -> Result<Vec<String>, String> {
            match f {
                Field::Text(t) => Ok(lines(&t)
                    .flat_map(|l| split_sentences(l, separator))
                    .collect()),
                Field::Sentences(s) => Ok(s
                    .iter()
                    .flat_map(|x| x.split('\n').flat_map(|l| split_sentences(l, "")))
                    .collect()),
                Field::Missing => Err(format!(
                    "field \"{name}\" must be a string or a list of strings, found null"
                )),
                Field::Lists(_) => Err(not_one(name)),
            }
        };
        let cand = summary(candidate?, names.0)?;
        let refs = match references? {
            Field::Lists(many) => many
                .into_iter()
                .map(|s| summary(Field::Sentences(s), names.1))
                .collect::<Result<Vec<_>, _>>()?,
            one => vec![summary(one, names.1)?],
        };
        Ok((cand, refs))
    }

    /// The checks of the package's scorers against inputs too large to score.
    fn check(&self, cand: &[String], refs: &[Vec<String>]) -> Result<(), String> {
        if let Some(p) = self.evaluator.perl() {
            let cfg = p.config();
            let lcs = cfg.rouge_l || cfg.rouge_w.is_some();
            let skip = cfg.skip_bigram.map(|s| s.max_gap);
            limits::check_perl(cand, refs, lcs, skip)?;
        }
        if let Some(g) = self.evaluator.google() {
            use nutgraf::rouge::google::{Metric, Tokenizer};
            let kind = match g.tokenizer() {
                Tokenizer::RougeScore => limits::Tokens::RougeScore,
                _ => limits::Tokens::Unicode,
            };
            let whole = g.metrics().contains(&Metric::RougeL);
            let lsum = g.metrics().contains(&Metric::RougeLsum);
            let c = cand.join("\n");
            for r in refs {
                limits::check_google(&c, &r.join("\n"), kind, whole, lsum)?;
            }
        }
        Ok(())
    }

    fn doc_eval(&self, values: &[f64]) -> Result<DocEval, String> {
        let mut map = Map::new();
        for (name, v) in self.names.iter().zip(values.chunks(3)) {
            let number = |x: f64| {
                serde_json::Number::from_f64(x)
                    .map(Value::Number)
                    .ok_or_else(|| format!("{name}: {x} is not a finite score"))
            };
            let mut score = Map::new();
            score.insert("recall".into(), number(v[0])?);
            score.insert("precision".into(), number(v[1])?);
            score.insert("f".into(), number(v[2])?);
            map.insert(name.clone(), Value::Object(score));
        }
        serde_json::from_value(Value::Object(map)).map_err(|e| e.to_string())
    }
}

#[pymethods]
impl PyRecordEvaluator {
    /// The evaluator of an `EvalConfig` JSON (`{"perl": {...}}` or `{"google": {...}}`, with
    /// `"unescape_ptb"`).
    #[new]
    fn new(py: Python<'_>, config_json: &str) -> PyResult<Self> {
        let config: EvalConfig = serde_json::from_str(config_json)
            .map_err(|e| errors::config(py, format!("invalid ROUGE options: {e}")))?;
        let evaluator = config.build().map_err(|e| errors::eval(py, &e, ""))?;
        let mut names: Vec<String> = evaluator
            .perl()
            .map(|p| p.metric_names().iter().map(|n| n.to_string()).collect())
            .unwrap_or_default();
        if let Some(g) = evaluator.google() {
            let mut metrics = g.metrics().to_vec();
            metrics.sort();
            names.extend(metrics.iter().map(|m| m.to_string()));
        }
        Ok(PyRecordEvaluator { evaluator, names })
    }

    /// The configuration as JSON.
    fn config_json(&self) -> String {
        serde_json::to_string(self.evaluator.config()).unwrap_or_default()
    }

    /// The metric names, in the order of the values `run` returns.
    fn metric_names(&self) -> Vec<String> {
        self.names.clone()
    }

    /// Scores a column of candidates against a column of references (each a str, a list of
    /// sentences, or for references a list of several references). Returns `(values,
    /// errors)`: `values` the bytes of a row-major matrix of native-endian f64, one row per
    /// record of `[recall, precision, f] * metrics` in `metric_names()` order (zeros for a
    /// bad record), `errors` per record `None` or the record's error.
    #[pyo3(signature = (candidates, references, threads=None, candidate_field="candidate", reference_field="reference", separator=" <q> "))]
    #[allow(clippy::too_many_arguments)]
    fn run<'py>(
        &self,
        py: Python<'py>,
        candidates: &Bound<'py, PyAny>,
        references: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        candidate_field: &str,
        reference_field: &str,
        separator: &str,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let threads = convert::threads(threads)?;
        let cands = column(candidates, "candidates", candidate_field, false)?;
        let refs = optional_column(
            Some(references),
            cands.len(),
            "references",
            reference_field,
            true,
        )?;
        let names = (candidate_field, reference_field);
        let width = 3 * self.names.len();
        let results: Vec<Result<Vec<f64>, String>> = pools::run(py, threads, || {
            cands
                .into_par_iter()
                .zip(refs.into_par_iter())
                .map(|(c, r)| {
                    let (cand, refs) = Self::pair(c, r, names, separator)?;
                    self.check(&cand, &refs)?;
                    let doc = self
                        .evaluator
                        .score(&cand, &refs)
                        .map_err(|e| e.to_string())?;
                    let mut values = Vec::with_capacity(width);
                    for name in &self.names {
                        let s = doc.get(name).unwrap_or_default();
                        values.extend([s.recall, s.precision, s.f]);
                    }
                    Ok(values)
                })
                .collect()
        })?;
        let mut bytes = Vec::with_capacity(results.len() * width * 8);
        let errs = PyList::empty(py);
        for r in results {
            match r {
                Ok(v) => {
                    bytes.extend(v.iter().flat_map(|x| x.to_ne_bytes()));
                    errs.append(py.None())?;
                }
                Err(e) => {
                    bytes.extend(std::iter::repeat_n(0u8, width * 8));
                    errs.append(e)?;
                }
            }
        }
        PyTuple::new(py, [PyBytes::new(py, &bytes).into_any(), errs.into_any()])
    }

    /// The corpus scores of documents from their values (a row-major matrix of f64 as bytes,
    /// as `run` gives it, rows in document order), as JSON: what `nutgraf rouge --json` prints
    /// as `"corpus"` (ROUGE-1.5.5's Averages and bootstrap intervals with pyrouge's EVAL IDs;
    /// rouge-score's mean). No document gives `{}`.
    fn corpus_json(&self, py: Python<'_>, values: &[u8]) -> PyResult<String> {
        let width = 3 * self.names.len();
        if width == 0 || values.len() % (width * 8) != 0 {
            return Err(errors::input(
                py,
                format!(
                    "values: {} bytes is not a whole number of rows of {width} f64",
                    values.len()
                ),
            ));
        }
        let out = py.detach(|| -> Result<String, String> {
            let docs = values
                .chunks_exact(width * 8)
                .enumerate()
                .map(|(i, row)| {
                    let v: Vec<f64> = row
                        .chunks_exact(8)
                        .map(|b| f64::from_ne_bytes(b.try_into().unwrap_or_default()))
                        .collect();
                    self.doc_eval(&v).map_err(|e| format!("document {i}: {e}"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let corpus = self.evaluator.corpus(&docs).map_err(|e| e.to_string())?;
            serde_json::to_string(&corpus).map_err(|e| e.to_string())
        });
        out.map_err(|e| errors::input(py, e))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let args = PyTuple::new(py, [slf.get().config_json()])?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

/// Adds the classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRecordSummarizer>()?;
    m.add_class::<PyRecordOracle>()?;
    m.add_class::<PyRecordEvaluator>()?;
    Ok(())
}
