//! Documents, the summarizer over every method, and its results.

use std::sync::Arc;

use nutgraf::read::{Format, ReadOptions};
use nutgraf::{Document, Language, LanguageChoice, Sentence, SummarizerConfig, SummaryRecord};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::convert::{self, type_name};
use crate::errors;
use crate::pools;

/// Parses a `format` argument.
pub fn format(py: Python<'_>, format: Option<&str>) -> PyResult<Option<Format>> {
    format
        .map(|f| {
            f.parse::<Format>()
                .map_err(|e| errors::config(py, format!("format: {e}")))
        })
        .transpose()
}

/// Parses a `language` argument: `"auto"` (the default) or a language code.
pub fn language_choice(py: Python<'_>, language: Option<&str>) -> PyResult<LanguageChoice> {
    language
        .map(|l| {
            l.parse::<LanguageChoice>()
                .map_err(|e| errors::config(py, e.to_string()))
        })
        .transpose()
        .map(Option::unwrap_or_default)
}

/// A document: its text and sentences (with byte and character spans), and optionally its id,
/// reference summary and extractive labels.
///
/// `Document(text=None, *, sentences=None, id=None, reference=None, format=None,
/// language="auto", keep_bylines=False)`: from a text, split into sentences as `nutgraf
/// summarize` splits it (its format detected: one sentence per line, raw text, a `.story`; or
/// forced with `format`; its language detected, or given as a code such as `"de"`; a DailyMail
/// byline block at its start dropped unless `keep_bylines`), or from a list of sentences. `len(doc)` is the number of sentences, `doc[i]` the text of sentence `i`.
#[pyclass(module = "nutgraf._native", name = "Document", frozen)]
#[derive(Clone)]
pub struct PyDocument {
    pub doc: Arc<Document>,
}

impl PyDocument {
    #[allow(clippy::too_many_arguments)]
    fn from_args(
        py: Python<'_>,
        text: Option<&Bound<'_, PyAny>>,
        sentences: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
        reference: Option<&Bound<'_, PyAny>>,
        fmt: Option<&str>,
        language: Option<&str>,
        keep_bylines: bool,
    ) -> PyResult<Document> {
        let language = language_choice(py, language)?;
        let text = text.filter(|t| !t.is_none());
        let sentences = sentences.filter(|t| !t.is_none());
        let mut doc = match (text, sentences) {
            (Some(_), Some(_)) => {
                return Err(errors::config(
                    py,
                    "give either text or sentences, not both",
                ))
            }
            (None, None) => Document::default(),
            (Some(t), None) => {
                let t = convert::text(t, || "text".into())?;
                let options = ReadOptions {
                    format: format(py, fmt)?,
                    language,
                    keep_bylines,
                    ..ReadOptions::default()
                };
                py.detach(|| Document::from_text(&t, &options))
                    .map_err(|e| errors::engine(py, &e.into(), "text"))?
            }
            (None, Some(_)) if keep_bylines => {
                return Err(errors::config(
                    py,
                    "keep_bylines applies to text, not to sentences (which are kept as given)",
                ))
            }
            (None, Some(s)) => {
                let s = convert::texts(s, "sentences")?;
                let doc = Document::from_sentences(s);
                match language {
                    LanguageChoice::Is(l) => doc.with_language(l),
                    LanguageChoice::Auto => doc,
                }
            }
        };
        if let Some(id) = id.filter(|i| !i.is_none()) {
            doc.set_id(Some(convert::text(id, || "id".into())?));
        }
        if let Some(r) = reference.filter(|r| !r.is_none()) {
            doc.set_reference(Some(reference_sentences(r, "reference")?));
        }
        Ok(doc)
    }
}

/// A reference summary: a str (sentences separated by `"\n"`) or a list of sentences.
pub fn reference_sentences(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    let raw = convert::summary(obj, || what.to_string())?;
    Ok(raw
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// A document argument: a `Document`, a str (text, its format detected) or a list of
/// sentence strings.
pub fn document(
    obj: &Bound<'_, PyAny>,
    fmt: Option<Format>,
    language: LanguageChoice,
    what: &dyn Fn() -> String,
) -> PyResult<Arc<Document>> {
    let py = obj.py();
    if let Ok(d) = obj.cast::<PyDocument>() {
        return Ok(Arc::clone(&d.get().doc));
    }
    if convert::is_text(obj) {
        let t = convert::text(obj, what)?;
        let options = ReadOptions {
            format: fmt,
            language,
            ..ReadOptions::default()
        };
        return py
            .detach(|| Document::from_text(&t, &options))
            .map(Arc::new)
            .map_err(|e| errors::engine(py, &e.into(), &what()));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let s = convert::texts(obj, &what())?;
        let doc = Document::from_sentences(s);
        return Ok(Arc::new(match language {
            LanguageChoice::Is(l) => doc.with_language(l),
            LanguageChoice::Auto => doc,
        }));
    }
    Err(errors::wrong_type(
        py,
        format!(
            "{}: expected a str, a list of sentence strings or a nutgraf.Document, got {}",
            what(),
            type_name(obj)
        ),
    ))
}

#[pymethods]
impl PyDocument {
    #[new]
    #[pyo3(signature = (text=None, *, sentences=None, id=None, reference=None, format=None, language=None, keep_bylines=false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        text: Option<&Bound<'_, PyAny>>,
        sentences: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
        reference: Option<&Bound<'_, PyAny>>,
        format: Option<&str>,
        language: Option<&str>,
        keep_bylines: bool,
    ) -> PyResult<Self> {
        let doc = PyDocument::from_args(
            py,
            text,
            sentences,
            id,
            reference,
            format,
            language,
            keep_bylines,
        )?;
        Ok(PyDocument { doc: Arc::new(doc) })
    }

    /// The text the spans point into.
    #[getter]
    fn text(&self) -> &str {
        self.doc.text()
    }

    /// The sentences' texts.
    #[getter]
    fn sentences(&self) -> Vec<&str> {
        self.doc.sentence_texts().collect()
    }

    /// Byte spans `(start, end)` of the sentences in the UTF-8 text.
    #[getter]
    fn spans(&self) -> Vec<(usize, usize)> {
        self.doc
            .sentences()
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect()
    }

    /// Character spans `(start, end)`: `text[start:end]` is the sentence.
    #[getter]
    fn char_spans(&self) -> Vec<(usize, usize)> {
        self.doc
            .char_spans()
            .into_iter()
            .map(|r| (r.start, r.end))
            .collect()
    }

    /// 0-based paragraph of each sentence.
    #[getter]
    fn paragraphs(&self) -> Vec<usize> {
        self.doc.sentences().iter().map(|s| s.paragraph).collect()
    }

    /// The id, when the input gave one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.doc.id()
    }

    /// The reference summary's sentences, when the input has one.
    #[getter]
    fn reference(&self) -> Option<Vec<String>> {
        self.doc.reference().map(<[String]>::to_vec)
    }

    /// The language code the text was read as (given, or detected), e.g. `"en"`; `None` for a
    /// document built from sentences without a language.
    #[getter]
    fn language(&self) -> Option<&'static str> {
        self.doc.language().map(Language::code)
    }

    /// Gold extractive labels (0 or 1 per sentence), when the input has them.
    #[getter]
    fn labels(&self) -> Option<Vec<u8>> {
        self.doc.labels().map(<[u8]>::to_vec)
    }

    fn __len__(&self) -> usize {
        self.doc.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<String> {
        let n = self.doc.len() as isize;
        let i = if index < 0 { index + n } else { index };
        match usize::try_from(i).ok().and_then(|i| self.doc.get(i)) {
            Some(s) => Ok(s.to_string()),
            None => Err(pyo3::exceptions::PyIndexError::new_err(format!(
                "sentence index {index} out of range for a document of {n} sentences"
            ))),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyDocument>()
            .map(|o| *o.get().doc == *self.doc)
            .unwrap_or(false)
    }

    fn __repr__(&self) -> String {
        let id = self
            .doc
            .id()
            .map_or(String::new(), |i| format!("id={i:?}, "));
        let first = self.doc.get(0).unwrap_or("");
        let short: String = first.chars().take(40).collect();
        let more = if short.len() < first.len() { "..." } else { "" };
        format!(
            "Document({id}{} sentences, first={short:?}{more})",
            self.doc.len()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let d = &slf.get().doc;
        let module = PyModule::import(py, "nutgraf._native")?;
        let rebuild = module.getattr("_document_from_state")?;
        let spans: Vec<(usize, usize, usize)> = d
            .sentences()
            .iter()
            .map(|s| (s.span.start, s.span.end, s.paragraph))
            .collect();
        let state = (
            d.text(),
            spans,
            d.id(),
            d.reference().map(<[String]>::to_vec),
            d.labels().map(<[u8]>::to_vec),
            d.language().map(Language::code),
        );
        PyTuple::new(py, [rebuild, state.into_pyobject(py)?.into_any()])
    }
}

/// Rebuilds a pickled `Document`.
#[pyfunction]
#[pyo3(name = "_document_from_state")]
pub fn document_from_state(
    py: Python<'_>,
    text: String,
    spans: Vec<(usize, usize, usize)>,
    id: Option<String>,
    reference: Option<Vec<String>>,
    labels: Option<Vec<u8>>,
    language: Option<String>,
) -> PyResult<PyDocument> {
    let sentences = spans
        .into_iter()
        .map(|(start, end, paragraph)| Sentence {
            span: start..end,
            paragraph,
        })
        .collect();
    let mut doc =
        Document::from_parts(text, sentences).map_err(|e| errors::input(py, e.to_string()))?;
    doc.set_id(id);
    doc.set_reference(reference);
    if let Some(code) = language {
        let l: Language = code
            .parse()
            .map_err(|e: nutgraf::CoreError| errors::input(py, e.to_string()))?;
        doc = doc.with_language(l);
    }
    if let Some(labels) = labels {
        doc = doc
            .with_labels(labels)
            .map_err(|e| errors::input(py, e.to_string()))?;
    }
    Ok(PyDocument { doc: Arc::new(doc) })
}

/// One sentence of a summarized document.
#[pyclass(module = "nutgraf._native", name = "SentenceResult", frozen)]
pub struct PySentence {
    /// 0-based index in the document.
    #[pyo3(get)]
    index: usize,
    /// The sentence text.
    #[pyo3(get)]
    text: String,
    /// Byte span in the UTF-8 text.
    #[pyo3(get)]
    span: (usize, usize),
    /// Character span: `document.text[start:end]` is the sentence.
    #[pyo3(get)]
    char_span: (usize, usize),
    /// The method's score.
    #[pyo3(get)]
    score: f64,
    /// Whether it is in the summary.
    #[pyo3(get)]
    selected: bool,
    explanation: Option<String>,
}

#[pymethods]
impl PySentence {
    /// Why the sentence got its score (`{"components": {...}, "terms": [...]}`), when the
    /// summarizer was built with `explain=True`.
    #[getter]
    fn explanation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.explanation {
            None => Ok(py.None().into_bound(py)),
            Some(json) => loads(py, json),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PySentence>()
            .map(|o| {
                let o = o.get();
                (
                    o.index,
                    &o.text,
                    o.span,
                    o.char_span,
                    o.score,
                    o.selected,
                    &o.explanation,
                ) == (
                    self.index,
                    &self.text,
                    self.span,
                    self.char_span,
                    self.score,
                    self.selected,
                    &self.explanation,
                )
            })
            .unwrap_or(false)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let rebuild = PyModule::import(py, "nutgraf._native")?.getattr("_sentence_from_state")?;
        let state = (
            s.index,
            s.text.clone(),
            s.span,
            s.char_span,
            s.score,
            s.selected,
            s.explanation.clone(),
        );
        PyTuple::new(py, [rebuild, state.into_pyobject(py)?.into_any()])
    }

    fn __repr__(&self) -> String {
        format!(
            "SentenceResult(index={}, score={}, selected={}, text={:?})",
            self.index,
            self.score,
            if self.selected { "True" } else { "False" },
            self.text
        )
    }
}

/// Rebuilds a pickled `SentenceResult`.
#[pyfunction]
#[pyo3(name = "_sentence_from_state")]
#[allow(clippy::too_many_arguments)]
pub fn sentence_from_state(
    index: usize,
    text: String,
    span: (usize, usize),
    char_span: (usize, usize),
    score: f64,
    selected: bool,
    explanation: Option<String>,
) -> PySentence {
    PySentence {
        index,
        text,
        span,
        char_span,
        score,
        selected,
        explanation,
    }
}

/// `json.loads(text)`.
pub fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    PyModule::import(py, "json")?.call_method1("loads", (text,))
}

/// The summary of one document: every sentence with its score and selection, the selected
/// texts, and the configuration that made it.
#[pyclass(module = "nutgraf._native", name = "Summary", frozen)]
pub struct PySummary {
    pub record: SummaryRecord,
}

#[pymethods]
impl PySummary {
    /// The document's id, if it has one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.record.id.as_deref()
    }

    /// The language code the document was read as (given, or detected), when known.
    #[getter]
    fn language(&self) -> Option<&'static str> {
        self.record.language.map(Language::code)
    }

    /// The method's name.
    #[getter]
    fn method(&self) -> &str {
        &self.record.method
    }

    /// The selected sentences' texts, in document order.
    #[getter]
    fn summary(&self) -> Vec<String> {
        self.record.summary.clone()
    }

    /// The summary as one string: its sentences joined by a space.
    #[getter]
    fn text(&self) -> String {
        self.record.summary.join(" ")
    }

    /// The selected sentences' indices, in document order.
    #[getter]
    fn selected(&self) -> Vec<usize> {
        self.record
            .sentences
            .iter()
            .filter(|s| s.selected)
            .map(|s| s.index)
            .collect()
    }

    /// One score per sentence, in document order.
    #[getter]
    fn scores(&self) -> Vec<f64> {
        self.record.sentences.iter().map(|s| s.score).collect()
    }

    /// Every sentence of the document, with its spans, score and selection.
    #[getter]
    fn sentences(&self) -> Vec<PySentence> {
        self.record
            .sentences
            .iter()
            .map(|s| PySentence {
                index: s.index,
                text: s.text.clone(),
                span: (s.span[0], s.span[1]),
                char_span: (s.char_span[0], s.char_span[1]),
                score: s.score,
                selected: s.selected,
                explanation: s
                    .explanation
                    .as_ref()
                    .map(|e| serde_json::to_string(e).unwrap_or_default()),
            })
            .collect()
    }

    /// The configuration that made the summary, as a dict (replayed, it gives the same
    /// summary).
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.record.config.to_json())
    }

    /// The record as JSON: what `nutgraf summarize --output json` prints per document.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.record).unwrap_or_default()
    }

    /// The record as a dict (`to_json()`, parsed).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.to_json())
    }

    /// Rebuilds a summary from `to_json()`.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<PySummary> {
        serde_json::from_str::<SummaryRecord>(json)
            .map(|record| PySummary { record })
            .map_err(|e| errors::input(py, format!("json: not a summary record: {e}")))
    }

    fn __len__(&self) -> usize {
        self.record.summary.len()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PySummary>()
            .map(|o| o.get().record == self.record)
            .unwrap_or(false)
    }

    fn __repr__(&self) -> String {
        format!(
            "Summary(method={:?}, selected={:?}, summary={:?})",
            self.record.method,
            self.selected(),
            self.record.summary
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = slf.get_type().getattr("from_json")?;
        let args = PyTuple::new(py, [slf.get().to_json()])?;
        PyTuple::new(py, [from_json, args.into_any()])
    }
}

/// A configured, reusable summarizer (any method), built from configuration JSON.
#[pyclass(module = "nutgraf._native", name = "Summarizer", frozen)]
pub struct PySummarizer {
    summarizer: nutgraf::Summarizer,
}

impl PySummarizer {
    /// Runs one document's work with the GIL released: on the calling thread, or for
    /// SummaRuNNer (whose matrix products use rayon) on the all-cores pool, so that rayon's
    /// global pool is never started (see `pools`). A hop to a worker costs a thread wake-up
    /// per document, which the classic methods are too quick to pay.
    fn run_one<R: Send>(&self, py: Python<'_>, work: impl FnOnce() -> R + Send) -> PyResult<R> {
        if matches!(
            self.summarizer.config().method,
            nutgraf::MethodConfig::Summarunner(_)
        ) {
            pools::run(py, None, work)
        } else {
            Ok(py.detach(work))
        }
    }

    fn one(&self, doc: &Document) -> nutgraf::Result<SummaryRecord> {
        let summary = self.summarizer.summarize(doc)?;
        Ok(summary.record(doc, self.summarizer.shared_config()))
    }

    fn with_reference(
        doc: Arc<Document>,
        reference: Option<&Bound<'_, PyAny>>,
        what: &str,
    ) -> PyResult<Arc<Document>> {
        match reference.filter(|r| !r.is_none()) {
            None => Ok(doc),
            Some(r) => {
                let r = reference_sentences(r, what)?;
                let mut d = (*doc).clone();
                d.set_reference(Some(r));
                Ok(Arc::new(d))
            }
        }
    }
}

/// The summarizer of a configuration JSON (built on a worker pool: a model may be loaded).
pub fn summarizer(py: Python<'_>, config_json: &str) -> PyResult<nutgraf::Summarizer> {
    let config =
        SummarizerConfig::from_json(config_json).map_err(|e| errors::engine(py, &e, ""))?;
    pools::run(py, None, || nutgraf::Summarizer::from_config(&config))?
        .map_err(|e| errors::engine(py, &e, ""))
}

#[pymethods]
impl PySummarizer {
    #[new]
    fn new(py: Python<'_>, config_json: &str) -> PyResult<Self> {
        Ok(PySummarizer {
            summarizer: summarizer(py, config_json)?,
        })
    }

    /// The configuration as JSON (every default filled in).
    fn config_json(&self) -> String {
        self.summarizer.config().to_json()
    }

    /// Summarizes one document (a `Document`, a text or a list of sentences); `reference`
    /// (a str or a list of sentences) is what the oracle method needs.
    #[pyo3(signature = (document, reference=None, format=None))]
    fn summarize(
        &self,
        py: Python<'_>,
        document: &Bound<'_, PyAny>,
        reference: Option<&Bound<'_, PyAny>>,
        format: Option<&str>,
    ) -> PyResult<PySummary> {
        let fmt = self::format(py, format)?;
        let language = self.summarizer.config().analysis.language;
        let doc = self::document(document, fmt, language, &|| "document".into())?;
        let doc = PySummarizer::with_reference(doc, reference, "reference")?;
        let record = self
            .run_one(py, || self.one(&doc))?
            .map_err(|e| errors::engine(py, &e, "document"))?;
        Ok(PySummary { record })
    }

    /// Summarizes every document on worker threads; results in input order, the same at any
    /// thread count.
    #[pyo3(signature = (documents, references=None, threads=None, format=None))]
    fn summarize_batch(
        &self,
        py: Python<'_>,
        documents: &Bound<'_, PyAny>,
        references: Option<&Bound<'_, PyAny>>,
        threads: Option<&Bound<'_, PyAny>>,
        format: Option<&str>,
    ) -> PyResult<Vec<PySummary>> {
        let threads = convert::threads(threads)?;
        let fmt = self::format(py, format)?;
        let language = self.summarizer.config().analysis.language;
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
        // Texts are parsed on the workers: splitting is most of the work for short methods.
        enum Input {
            Doc(Arc<Document>),
            Text(String),
        }
        let mut inputs = Vec::with_capacity(items.len());
        let mut ref_lists: Vec<Option<Vec<String>>> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if convert::is_text(item) {
                inputs.push(Input::Text(convert::text(item, || {
                    format!("documents[{i}]")
                })?));
            } else {
                inputs.push(Input::Doc(self::document(item, fmt, language, &|| {
                    format!("documents[{i}]")
                })?));
            }
            ref_lists.push(match &refs {
                Some(r) if !r[i].is_none() => {
                    Some(reference_sentences(&r[i], &format!("references[{i}]"))?)
                }
                _ => None,
            });
        }
        let options = ReadOptions {
            format: fmt,
            language,
            ..ReadOptions::default()
        };
        let results = pools::run(py, threads, || {
            use rayon::prelude::*;
            inputs
                .into_par_iter()
                .zip(ref_lists.into_par_iter())
                .map(|(input, reference)| {
                    let doc = match input {
                        Input::Doc(d) => d,
                        Input::Text(t) => Arc::new(Document::from_text(&t, &options)?),
                    };
                    let doc = match reference {
                        None => doc,
                        Some(r) => {
                            let mut d = (*doc).clone();
                            d.set_reference(Some(r));
                            Arc::new(d)
                        }
                    };
                    self.one(&doc)
                })
                .collect::<Vec<_>>()
        })?;
        results
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                r.map(|record| PySummary { record })
                    .map_err(|e| errors::engine(py, &e, &format!("documents[{i}]")))
            })
            .collect()
    }
}

/// Every method name a configuration accepts.
#[pyfunction]
pub fn method_names() -> Vec<&'static str> {
    nutgraf::MethodConfig::NAMES.to_vec()
}
