//! The `nutgraf` binary.
fn main() {}
