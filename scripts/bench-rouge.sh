#!/usr/bin/env bash
# Benchmark nutgraf's ROUGE against its Python peers on two pair sets:
#   lead3: Lead-3 vs highlights of the 4,368 CNN/DM validation documents;
#   synth: the 10,000 synthetic pairs of shared/golden/synth.
# Peers (stemmer on, rouge1/rouge2/rougeL/rougeLsum): rouge-score 0.1.2 (pure Python, one core)
# and rouge-score-rs (Rust, its score_batch, with RAYON_NUM_THREADS=1 and all cores).
# nutgraf: `nutgraf rouge --flavor google` and the perl flavour with the paper flags, with
# --threads 1 and all cores, when target/release/nutgraf has a working `rouge` command; and the
# library alone through the example crates/nutgraf-eval/examples/score_files.rs.
#
# Usage: scripts/bench-rouge.sh [--no-python] [--no-nutgraf]
# Env:   SHARED (default ../shared), NUTGRAF (default target/release/nutgraf),
#        CARGO_TARGET_DIR (where the example is built), PYTHON (default python3).
# The venv lives in .venv-bench/ (created on first run; needs network once).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
NUTGRAF=${NUTGRAF:-$ROOT/target/release/nutgraf}
PYTHON=${PYTHON:-python3}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
HELPER=$ROOT/scripts/bench_rouge.py
ALL=$(nproc)

run_python=1
run_nutgraf=1
for arg in "$@"; do
    case $arg in
        --no-python) run_python=0 ;;
        --no-nutgraf) run_nutgraf=0 ;;
        *) echo "unknown argument $arg" >&2; exit 2 ;;
    esac
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-rouge.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RESULTS=$WORK/results.jsonl
: > "$RESULTS"

"$PYTHON" "$HELPER" prepare "$SHARED" "$WORK"

if [[ $run_python == 1 ]]; then
    VENV=$ROOT/.venv-bench
    if [[ ! -x $VENV/bin/python ]]; then
        "$PYTHON" -m venv "$VENV"
        "$VENV/bin/pip" install --quiet rouge-score==0.1.2 rouge-score-rs nltk
    fi
    for set in lead3 synth; do
        "$VENV/bin/python" "$HELPER" python rouge-score "$WORK/$set" "$RESULTS"
        RAYON_NUM_THREADS=1 "$VENV/bin/python" "$HELPER" python rouge-score-rs \
            "$WORK/$set" "$RESULTS" --threads 1
        RAYON_NUM_THREADS=$ALL "$VENV/bin/python" "$HELPER" python rouge-score-rs \
            "$WORK/$set" "$RESULTS" --threads "$ALL"
    done
fi

if [[ $run_nutgraf == 1 ]]; then
    (cd "$ROOT" && cargo build --quiet --release -p nutgraf-eval --example score_files)
    EXAMPLE=$TARGET/release/examples/score_files
    # The CLI is used only if its rouge command works on a one-pair input.
    printf 'a b <q> c\n' > "$WORK/probe.txt"
    cli=0
    if [[ -x $NUTGRAF ]] && "$NUTGRAF" rouge "$WORK/probe.txt" "$WORK/probe.txt" \
            --flavor google >/dev/null 2>&1; then
        cli=1
    else
        echo "note: $NUTGRAF rouge is not usable yet; timing the library example only" >&2
    fi
    for set in lead3 synth; do
        c=$WORK/$set.cand.txt
        r=$WORK/$set.ref.txt
        for t in 1 "$ALL"; do
            "$PYTHON" "$HELPER" timecmd "nutgraf-eval example (google)" "$WORK/$set" "$t" \
                "$RESULTS" -- "$EXAMPLE" "$c" "$r" --stem --threads "$t" || true
            if [[ $cli == 1 ]]; then
                "$PYTHON" "$HELPER" timecmd "nutgraf rouge --flavor google" "$WORK/$set" "$t" \
                    "$RESULTS" -- "$NUTGRAF" rouge "$c" "$r" --flavor google --stem \
                    --threads "$t" || true
                "$PYTHON" "$HELPER" timecmd "nutgraf rouge --flavor perl (paper flags)" \
                    "$WORK/$set" "$t" "$RESULTS" -- "$NUTGRAF" rouge "$c" "$r" \
                    -c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m --threads "$t" || true
            fi
        done
    done
fi

echo
echo "Machine: $(nproc) cores; times are wall-clock seconds of the scoring (Python: the scoring"
echo "loop only; commands: the whole process, reading included)."
echo
"$PYTHON" "$HELPER" report "$RESULTS"
