#!/usr/bin/env bash
# Speed of nutgraf's summarizers against sumy on the same pre-split CNN/DailyMail sentences.
#
#   scripts/bench-summarize.sh [N_DOCS (1000)] [SUMY_MAX_SECONDS per method (120)]
#
# 1. creates .venv-bench/ with sumy and numpy (NLTK data is not needed: sumy gets a tokenizer
#    object over the pre-split sentences and whitespace tokens, see scripts/bench_sumy.py);
# 2. splits the first N_DOCS validation articles into sentences (after " . ", " ? ", " ! ");
# 3. times sumy (one thread; a method slower than SUMY_MAX_SECONDS runs on a prefix and the
#    table says how many documents) and nutgraf (release example `bench_methods`, one thread and
#    all threads) on those documents, and nutgraf on the whole validation set;
# 4. prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
N_DOCS=${1:-1000}
SUMY_MAX=${2:-120}
DATA=../shared/data/cnndm/validation.jsonl.gz
WORK=${BENCH_DIR:-target-bench}
METHODS=textrank,lexrank,lsa,luhn,sumbasic,klsum
THREADS=$(nproc)
mkdir -p "$WORK"

if [ ! -x .venv-bench/bin/python ]; then
    python3 -m venv .venv-bench
fi
.venv-bench/bin/pip install -q sumy numpy >&2
PY=.venv-bench/bin/python

$PY scripts/bench_sumy.py prepare "$DATA" "$WORK/docs.jsonl" --limit "$N_DOCS"
$PY scripts/bench_sumy.py prepare "$DATA" "$WORK/all.jsonl" --limit 100000000
cargo build --release -q -p nutgraf --example bench_methods
BIN=${CARGO_TARGET_DIR:-target}/release/examples/bench_methods

# One core for sumy: numpy's BLAS would otherwise start a thread per core.
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    $PY scripts/bench_sumy.py time "$WORK/docs.jsonl" --methods "$METHODS" --max-seconds "$SUMY_MAX" | tee "$WORK/sumy.tsv" >&2
"$BIN" "$WORK/docs.jsonl" --methods "lead,$METHODS,centroid,pacsum" --threads "$THREADS" | tee "$WORK/nutgraf.tsv" >&2
"$BIN" "$WORK/all.jsonl" --methods "lead,$METHODS,centroid,pacsum" --threads "$THREADS" | tee "$WORK/nutgraf_all.tsv" >&2

echo
echo "| method | sumy docs/s (docs timed) | nutgraf docs/s, 1 thread | ratio | nutgraf docs/s, $THREADS threads | method alone, 1 thread (ratio) | whole validation set ($(wc -l < "$WORK/all.jsonl") docs), $THREADS threads |"
echo "|---|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '
    FNR == 1 { file++ }
    file == 1 { sumy[$1] = $4; sumy_n[$1] = $2; next }
    file == 2 && $1 == "analysis" { analysis = $4; next }
    file == 2 { one[$1] = $4; many[$1] = $6; alone[$1] = $9; order[++n] = $1; next }
    file == 3 { all_s[$1] = $5 }
    END {
        for (i = 1; i <= n; i++) {
            m = order[i]
            if (m in sumy) {
                s = sprintf("%.1f (%d)", sumy[m], sumy_n[m])
                r = sprintf("%.0f×", one[m] / sumy[m])
                a = sprintf("%.0f (%.0f×)", alone[m], alone[m] / sumy[m])
            } else { s = "–"; r = "–"; a = sprintf("%.0f", alone[m]) }
            printf "| %s | %s | %.0f | %s | %.0f | %s | %.2f s |\n", m, s, one[m], r, many[m], a, all_s[m]
        }
        printf "\nAnalysis alone (from_sentences + Analyzer::analyze), 1 thread: %.0f docs/s.\n", analysis
    }' "$WORK/sumy.tsv" "$WORK/nutgraf.tsv" "$WORK/nutgraf_all.tsv"
