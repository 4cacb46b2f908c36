//! Engine errors as the package's Python exceptions (`nutgraf.errors`), never a panic.
//!
//! The exception classes are defined in Python (`python/nutgraf/errors.py`), so that each can
//! derive from both `NutgrafError` and the built-in it refines (`ValueError`, `TypeError`,
//! `OSError`); they are looked up once per interpreter.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyModule, PyType};

/// The kinds of error the package raises; each is one class of `nutgraf.errors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An invalid option or configuration (`ConfigError`, a `ValueError`).
    Config,
    /// An invalid value of an argument (`InputError`, a `ValueError`).
    Input,
    /// An argument of the wrong type (`InputTypeError`, a `TypeError`).
    Type,
    /// A file that cannot be read (`ReadError`, an `OSError`).
    Read,
    /// A learned model that cannot be loaded or run (`ModelError`, a `ValueError`).
    Model,
    /// A bug of nutgraf (`InternalError`, a `RuntimeError`).
    Internal,
}

impl Kind {
    fn class_name(self) -> &'static str {
        match self {
            Kind::Config => "ConfigError",
            Kind::Input => "InputError",
            Kind::Type => "InputTypeError",
            Kind::Read => "ReadError",
            Kind::Model => "ModelError",
            Kind::Internal => "InternalError",
        }
    }
}

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// A Python exception of `kind` with `message`.
pub fn error(py: Python<'_>, kind: Kind, message: impl Into<String>) -> PyErr {
    let message = message.into();
    let class = ERRORS
        .get_or_try_init(py, || {
            PyModule::import(py, "nutgraf.errors").map(Bound::unbind)
        })
        .and_then(|m| m.bind(py).getattr(kind.class_name()))
        .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
    match class {
        Ok(class) => PyErr::from_type(class, message),
        // The package is broken (errors.py missing): still an exception, never a crash.
        Err(_) => pyo3::exceptions::PyRuntimeError::new_err(message),
    }
}

/// `error(py, Kind::Config, ..)`.
pub fn config(py: Python<'_>, message: impl Into<String>) -> PyErr {
    error(py, Kind::Config, message)
}

/// `error(py, Kind::Input, ..)`.
pub fn input(py: Python<'_>, message: impl Into<String>) -> PyErr {
    error(py, Kind::Input, message)
}

/// `error(py, Kind::Type, ..)`.
pub fn wrong_type(py: Python<'_>, message: impl Into<String>) -> PyErr {
    error(py, Kind::Type, message)
}

/// The kind of an engine error: configuration errors are `ConfigError`, errors about the data
/// `InputError`, I/O `ReadError`.
pub fn kind_of(e: &nutgraf::Error) -> Kind {
    use nutgraf::CoreError as Core;
    match e.root() {
        nutgraf::Error::Config { .. } => Kind::Config,
        nutgraf::Error::Core(core) => match core {
            Core::Io { .. } => Kind::Read,
            Core::InvalidConfig { .. } => Kind::Config,
            _ => Kind::Input,
        },
        nutgraf::Error::Eval(eval) => eval_kind(eval),
        nutgraf::Error::Model(_) => Kind::Model,
        nutgraf::Error::ModelLoad { .. } => Kind::Model,
        nutgraf::Error::Missing { .. } => Kind::Input,
        nutgraf::Error::Panicked { .. } | nutgraf::Error::Threads { .. } => Kind::Internal,
        _ => Kind::Input,
    }
}

/// The kind of an evaluation error.
pub fn eval_kind(e: &nutgraf::rouge::Error) -> Kind {
    use nutgraf::rouge::Error as Eval;
    match e {
        Eval::InvalidOption { .. }
        | Eval::InvalidOracleOption { .. }
        | Eval::UnknownFlag { .. }
        | Eval::UnsupportedFlag { .. }
        | Eval::MissingValue { .. }
        | Eval::UnexpectedArgument { .. }
        | Eval::ConflictingOptions { .. }
        | Eval::NoFlavour => Kind::Config,
        Eval::Document { error, .. } => eval_kind(error),
        _ => Kind::Input,
    }
}

/// An engine error as a Python exception, its message prefixed with `context` (the argument)
/// when given.
pub fn engine(py: Python<'_>, e: &nutgraf::Error, context: &str) -> PyErr {
    let message = if context.is_empty() {
        e.to_string()
    } else {
        format!("{context}: {e}")
    };
    error(py, kind_of(e), message)
}

/// An evaluation error as a Python exception (see [`engine`]).
pub fn eval(py: Python<'_>, e: &nutgraf::rouge::Error, context: &str) -> PyErr {
    let message = if context.is_empty() {
        e.to_string()
    } else {
        format!("{context}: {e}")
    };
    error(py, eval_kind(e), message)
}
