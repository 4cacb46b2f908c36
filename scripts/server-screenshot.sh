#!/usr/bin/env bash
# Screenshots of the page at `/` for the docs: the bundled example summarized with TextRank
# (docs/server-page.png), the compare view (docs/server-compare.png) and a phone-width view
# (docs/server-phone.png). Needs Debian's chromium and a built `nutgraf`:
#   cargo build --release && scripts/server-screenshot.sh [target/release/nutgraf]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/release/nutgraf}
port=${PORT:-18181}
"$bin" serve --addr "127.0.0.1:$port" --workers 2 2>/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
shot() { # size url file
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --virtual-time-budget=20000 \
    --window-size="$1" --screenshot="$3" "$2" 2>/dev/null
  rm -rf "$profile"
  echo "wrote $3"
}
shot 1280,1750 "http://127.0.0.1:$port/?example&method=textrank&reference=nusra+front+militants+pose+with+american+tow+missiles+seized+from+western-backed+rebels&run" docs/server-page.png
shot 1280,1100 "http://127.0.0.1:$port/?example&compare" docs/server-compare.png
shot 390,1600 "http://127.0.0.1:$port/?example&run" docs/server-phone.png
