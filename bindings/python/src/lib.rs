//! `nutgraf._native`: the engine's summarizers, oracle, readers and both ROUGE flavours for
//! Python. The public API is the pure-Python package around it (`python/nutgraf`), which
//! gives the drop-in modules their originals' names and shapes.
//!
//! Rules every function here keeps: arguments are checked and converted while holding the GIL
//! (errors name the argument), the work runs with the GIL released, and nothing panics across
//! the boundary (engine errors become the package's exceptions; a panic, which would be a bug,
//! becomes PyO3's `PanicException` rather than an abort).

mod bootstrap;
mod cluster;
mod convert;
mod errors;
mod google;
mod limits;
mod oracle;
mod perl;
mod pools;
mod read;
mod summarize;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<google::PyRougeScorer>()?;
    m.add_function(wrap_pyfunction!(google::tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(bootstrap::bootstrap_aggregate, m)?)?;
    m.add_class::<perl::PyRouge155>()?;
    m.add_function(wrap_pyfunction!(perl::unescape_ptb, m)?)?;
    m.add_class::<summarize::PyDocument>()?;
    m.add_class::<summarize::PySentence>()?;
    m.add_class::<summarize::PySummary>()?;
    m.add_class::<summarize::PySummarizer>()?;
    m.add_function(wrap_pyfunction!(summarize::document_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(summarize::sentence_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(summarize::method_names, m)?)?;
    m.add_class::<oracle::PyOracle>()?;
    m.add_class::<oracle::PyOracleResult>()?;
    m.add_function(wrap_pyfunction!(oracle::oracle_from_state, m)?)?;
    m.add_class::<read::PyReader>()?;
    m.add_function(wrap_pyfunction!(pools::after_fork_in_child, m)?)?;
    m.add_function(wrap_pyfunction!(convert::to_json, m)?)?;
    m.add("ALL_CORES", pools::all_cores())?;
    cluster::register(m)?;
    Ok(())
}
