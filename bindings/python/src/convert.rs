//! Python values in, checked at the boundary: strings, sequences of strings, thread counts and
//! JSON-like values (configurations). Every error names the argument (`predictions[3]`), and
//! the message says what was expected and what was given.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

use crate::errors;

/// The Python type name of `obj`, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    if obj.is_none() {
        return "None".into();
    }
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".into())
}

/// `obj` as a Rust string; `what` names the argument in the error.
pub fn text(obj: &Bound<'_, PyAny>, what: impl FnOnce() -> String) -> PyResult<String> {
    let py = obj.py();
    match obj.cast::<PyString>() {
        Ok(s) => match s.to_cow() {
            Ok(c) => Ok(c.into_owned()),
            Err(_) => Err(errors::input(
                py,
                format!(
                    "{}: the string is not valid Unicode (it holds a lone surrogate)",
                    what()
                ),
            )),
        },
        Err(_) => Err(not_text(obj, what())),
    }
}

/// The error for a value that should have been a `str`.
pub fn not_text(obj: &Bound<'_, PyAny>, what: String) -> PyErr {
    let py = obj.py();
    let hint = if obj.is_instance_of::<pyo3::types::PyBytes>()
        || obj.is_instance_of::<pyo3::types::PyByteArray>()
    {
        " (decode it first, e.g. value.decode(\"utf-8\"))"
    } else {
        ""
    };
    errors::wrong_type(
        py,
        format!("{what}: expected str, got {}{hint}", type_name(obj)),
    )
}

/// Whether `obj` is a `str` (or a subclass).
pub fn is_text(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_instance_of::<PyString>()
}

/// The items of a sequence argument (a list, tuple or any iterable that is not a string or a
/// mapping); `what` names it.
pub fn items<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let py = obj.py();
    if let Ok(list) = obj.cast::<PyList>() {
        return Ok(list.iter().collect());
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return Ok(tuple.iter().collect());
    }
    if is_text(obj)
        || obj.is_none()
        || obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<pyo3::types::PyBytes>()
    {
        return Err(errors::wrong_type(
            py,
            format!(
                "{what}: expected a list (or another sequence), got {}",
                type_name(obj)
            ),
        ));
    }
    match obj.try_iter() {
        Ok(iter) => iter.collect(),
        Err(_) => Err(errors::wrong_type(
            py,
            format!(
                "{what}: expected a list (or another sequence), got {}",
                type_name(obj)
            ),
        )),
    }
}

/// A list of strings; `what` names the argument.
pub fn texts(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    items(obj, what)?
        .iter()
        .enumerate()
        .map(|(i, item)| text(item, || format!("{what}[{i}]")))
        .collect()
}

/// A summary given as a `str` or as a list of sentence strings: its sentences, split on
/// `"\n"` for a string.
pub fn summary(obj: &Bound<'_, PyAny>, what: impl Fn() -> String) -> PyResult<Vec<String>> {
    if is_text(obj) {
        let t = text(obj, &what)?;
        return Ok(t.split('\n').map(str::to_string).collect());
    }
    let py = obj.py();
    if obj.is_none() || !(obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>()) {
        return Err(errors::wrong_type(
            py,
            format!(
                "{}: expected a str or a list of str (its sentences), got {}",
                what(),
                type_name(obj)
            ),
        ));
    }
    let name = what();
    texts(obj, &name)
}

/// A thread count: `None` for all cores, else a positive int.
pub fn threads(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let py = obj.py();
    let bad = || {
        errors::config(
            py,
            format!(
                "threads: expected None (all cores) or a positive int, got {}",
                obj.repr().map(|r| r.to_string()).unwrap_or_default()
            ),
        )
    };
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(if obj.is_instance_of::<PyInt>() {
            bad()
        } else {
            errors::wrong_type(
                py,
                format!(
                    "threads: expected None or a positive int, got {}",
                    type_name(obj)
                ),
            )
        });
    }
    match obj.extract::<i64>() {
        Ok(n) if (1..=4096).contains(&n) => Ok(Some(n as usize)),
        _ => Err(bad()),
    }
}

/// A `bool` argument (only `True`/`False`, so that a misplaced positional value is caught).
pub fn flag(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<bool> {
    match obj.cast::<PyBool>() {
        Ok(b) => Ok(b.is_true()),
        Err(_) => Err(errors::wrong_type(
            obj.py(),
            format!("{what}: expected a bool, got {}", type_name(obj)),
        )),
    }
}

/// A JSON-like Python value (dict with str keys, list, tuple, str, int, float, bool, None) as
/// JSON; `path` names where it is in the error.
pub fn json(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return Err(errors::config(py, format!("{path}: integer out of range")));
    }
    if obj.is_instance_of::<PyFloat>() {
        let f: f64 = obj.extract()?;
        return Number::from_f64(f).map(Value::Number).ok_or_else(|| {
            errors::config(py, format!("{path}: expected a finite number, got {f}"))
        });
    }
    if is_text(obj) {
        return Ok(Value::String(text(obj, || path.to_string())?));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let key = text(&k, || format!("{path}: a key"))?;
            let sub = format!("{path}.{key}");
            map.insert(key, json(&v, &sub)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let items = items(obj, path)?;
        return items
            .iter()
            .enumerate()
            .map(|(i, v)| json(v, &format!("{path}[{i}]")))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    Err(errors::wrong_type(
        py,
        format!(
            "{}: expected a JSON-like value (dict, list, str, int, float, bool or None), got {}",
            if path.is_empty() { "config" } else { path },
            type_name(obj)
        ),
    ))
}

/// `obj` (a JSON-like value: a configuration dict) as JSON text; errors name the path of the
/// offending value under `what`.
#[pyfunction]
#[pyo3(signature = (obj, what="config"))]
pub fn to_json(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let value = json(obj, what)?;
    Ok(value.to_string())
}
