#!/usr/bin/env bash
# Sentence splitter on the Universal Dependencies benchmark (../shared/data/ud/): splits every
# dev document with the language detected per document (as `--language auto` does), and
# prints the scorer's table. SPLIT=train scores the train files; LANGUAGE=en forces one
# language's rules on every file.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
UD=${UD:-$ROOT/../shared/data/ud}
SPLIT=${SPLIT:-dev}
LANGUAGE=${LANGUAGE:-auto}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo build --release -q -p nutgraf-core --example split_ud --manifest-path "$ROOT/Cargo.toml"
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/split_ud
GOLD=()
for f in "$UD"/*."$SPLIT".jsonl.gz; do
    "$BIN" "$f" --language "$LANGUAGE" >> "$WORK/pred.jsonl"
    GOLD+=(--gold "$f")
done
python3 "$UD/score_splits.py" "${GOLD[@]}" --pred "$WORK/pred.jsonl"
