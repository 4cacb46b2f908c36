//! `nutgraf.read`: documents from files and directories, in every format the CLI reads.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use nutgraf::read::{ReadOptions, Reader};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::errors;
use crate::summarize::PyDocument;

/// An iterator of the documents of one or more inputs, read lazily.
#[pyclass(module = "nutgraf._native", name = "DocumentReader", frozen)]
pub struct PyReader {
    paths: Vec<PathBuf>,
    options: ReadOptions,
    skip_errors: bool,
    state: Mutex<State>,
}

struct State {
    reader: Option<Reader>,
    /// Items handed out (documents and errors), for pickling.
    consumed: usize,
}

impl PyReader {
    fn open(py: Python<'_>, paths: &[PathBuf], options: &ReadOptions) -> PyResult<Reader> {
        py.detach(|| Reader::open_all(paths, options))
            .map_err(|e| errors::engine(py, &e.into(), ""))
    }
}

#[pymethods]
impl PyReader {
    #[new]
    #[pyo3(signature = (paths, options_json, skip_errors=false, skip=0))]
    fn new(
        py: Python<'_>,
        paths: Vec<PathBuf>,
        options_json: &str,
        skip_errors: bool,
        skip: usize,
    ) -> PyResult<Self> {
        let options: ReadOptions = serde_json::from_str(options_json)
            .map_err(|e| errors::config(py, format!("invalid read options: {e}")))?;
        let mut reader = PyReader::open(py, &paths, &options)?;
        // Reopened after unpickling: skip what was handed out before.
        for _ in 0..skip {
            if py.detach(|| reader.next_record()).is_none() {
                break;
            }
        }
        Ok(PyReader {
            paths,
            options,
            skip_errors,
            state: Mutex::new(State {
                reader: Some(reader),
                consumed: skip,
            }),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyDocument>> {
        loop {
            let next = py.detach(|| {
                let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
                let item = state.reader.as_mut().and_then(Reader::next_record);
                match item {
                    None => state.reader = None,
                    Some(_) => state.consumed += 1,
                }
                item
            });
            match next {
                None => return Ok(None),
                Some(Ok(record)) => {
                    return Ok(Some(PyDocument {
                        doc: Arc::new(record.document),
                    }))
                }
                Some(Err(e)) => {
                    let e: nutgraf::Error = e.into();
                    if self.skip_errors && e.is_bad_record() {
                        continue;
                    }
                    return Err(errors::engine(py, &e, ""));
                }
            }
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let consumed = me.state.lock().unwrap_or_else(|p| p.into_inner()).consumed;
        let options = serde_json::to_string(&me.options).unwrap_or_default();
        let args = (me.paths.clone(), options, me.skip_errors, consumed);
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }
}
