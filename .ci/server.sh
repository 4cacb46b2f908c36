#!/usr/bin/env bash
# The server's checks beyond `cargo test --workspace` (called from .ci/run):
# - the page in headless Chromium (Debian's chromium, installed here when missing);
# - the real `nutgraf serve` binary: its answers against the CLI's for the same input, every curl
#   example of the README's `nutgraf serve` section, and SIGTERM (scripts/server_smoke.py, standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update && apt-get install -y --no-install-recommends chromium
fi
chromium --version
# The CLI as `cargo test --workspace --release` built it (after it, nothing is compiled again):
# `cargo build -p nutgraf-cli` or `cargo test -p nutgraf-server` resolve features for one package
# and would build tokio, candle and thirty other crates a second time.
cargo test --release --workspace --no-run
NUTGRAF_BROWSER_TEST=1 cargo test --release --workspace --test browser
python3 scripts/server_smoke.py "${CARGO_TARGET_DIR:-target}/release/nutgraf"
