//! Detects a shipped model at `models/summarunner/` so that `SummaRuNNer::embedded()` can
//! `include_bytes!` it; without one the crate still builds (and `embedded()` says so).

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shipped_model)");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/summarunner");
    for file in ["model.safetensors", "config.json", "vocab.json"] {
        println!("cargo::rerun-if-changed={}", dir.join(file).display());
    }
    let complete = ["model.safetensors", "config.json", "vocab.json"]
        .iter()
        .all(|f| dir.join(f).is_file());
    if complete && std::env::var_os("CARGO_FEATURE_EMBEDDED").is_some() {
        println!("cargo::rustc-cfg=shipped_model");
    }
}
