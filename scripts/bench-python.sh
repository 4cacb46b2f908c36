#!/usr/bin/env bash
# nutgraf's Python package against its Python peers: rouge-score 0.1.2, rouge-score-rs and
# rouge-rust (PyPI), ROUGE-1.5.5 (the Perl script's recorded time), and sumy. Each measurement
# runs in a process of its own; see scripts/bench_python.py for what is timed.
#
#   scripts/bench-python.sh [SUMY_DOCS (1000)] [SUMY_MAX_SECONDS per method (60)]
#
# BENCH_ONLY=rouge,perl,summarize (a subset) runs only those parts.
#
# Env: SHARED (default ../shared), PYTHON (default python3), CARGO_TARGET_DIR (the package's
# build). The venv .venv-bench-python/ is made on the first run (needs PyPI once); the package
# is reinstalled from bindings/python on every run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SHARED=${SHARED:-$ROOT/../shared}
PYTHON=${PYTHON:-python3}
VENV=$ROOT/.venv-bench-python
if [[ ! -x $VENV/bin/python ]]; then
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade pip
    "$VENV/bin/pip" install --quiet rouge-score==0.1.2 rouge-score-rs rouge-rust sumy numpy nltk
fi
"$VENV/bin/pip" install --quiet --force-reinstall --no-deps "$ROOT/bindings/python"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
CORES=$(nproc --all)  # before OMP_NUM_THREADS=1 below, which nproc would obey
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-python.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# One core for sumy and the single-thread rows: numpy's BLAS would start a thread per core.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
"$VENV/bin/python" "$ROOT/scripts/bench_python.py" run "$WORK" "$WORK/results.jsonl" \
    --sumy-docs "${1:-1000}" --sumy-max-seconds "${2:-60}" --only "${BENCH_ONLY:-}"

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $CORES cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load $LOAD_BEFORE before the run and $(cut -d' ' -f1-3 /proc/loadavg) after it"
"$VENV/bin/pip" list 2>/dev/null | grep -iE '^(rouge|sumy|numpy|nltk|nutgraf)' | tr -s ' ' | sed 's/^/    /'
echo
cp "$WORK/results.jsonl" "$VENV/last-results.jsonl"  # bench_python.py report reprints it
"$VENV/bin/python" "$ROOT/scripts/bench_python.py" report "$WORK/results.jsonl"
