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
cargo build --release -p nutgraf-cli
NUTGRAF_BROWSER_TEST=1 cargo test --release -p nutgraf-server --test browser
python3 scripts/server_smoke.py "${CARGO_TARGET_DIR:-target}/release/nutgraf"
