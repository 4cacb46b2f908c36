#!/usr/bin/env bash
# Issue 14's table: nutgraf as users run it (whole processes on raw inputs, one thread) side by
# side with its peers in the same run, each row a ratio, and the memory of one 50 MB document.
#
#   scripts/bench-speed.sh [--repeat R (3)] [--sumy-seconds S (60)] [--no-big] [--no-build]
#
# Rows (inputs written by scripts/bench_speed.py prepare into $BENCH_DIR, default
# target-bench/speed; the issue's test split is not available here, validation and train are
# used instead):
# - rouge: `nutgraf rouge --flavor google --stem [--json] --metrics rouge1,rouge2,rougeLsum`
#   on 11,260 Lead-3 / highlights pairs (the 4,368 validation documents, then the first 6,892
#   training documents) vs rouge-score 0.1.2's scoring loop (same metrics, stemmer on);
# - oracle: `nutgraf oracle` (greedy, ≤ 3 sentences) on the 39,160 training documents read
#   from the .gz, vs the set-based Python greedy (scripts/bench_oracle.py) on the same
#   documents pre-split by nutgraf;
# - summarize: `nutgraf summarize --method M -o jsonl` on the first 1,000 validation records
#   (raw JSONL in, JSONL out) vs sumy 0.13's summarize-only rate (scripts/bench_sumy.py, on
#   those documents pre-split; a method slower than S seconds is timed on a prefix);
# - lead: `nutgraf summarize --method lead -o jsonl` on the whole validation file decompressed
#   (17.9 MB), in MB/s of input, and the splitter alone (split_bench example);
# - big: one 50 MB document (training articles joined) and one of 12.5 MB, every method, wall
#   time and peak RSS of the process.
# nutgraf rows: best of R runs of the whole process with --threads 1; Python rows: one run of
# the loop in-process (no interpreter start-up, no reading), OpenBLAS pinned to one thread.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
PYTHON=${PYTHON:-python3}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
NUTGRAF=${NUTGRAF:-$TARGET/release/nutgraf}
WORK=${BENCH_DIR:-$ROOT/target-bench/speed}
HELPER=$ROOT/scripts/bench_speed.py
TRAIN=$SHARED/data/cnndm/train.jsonl.gz
METHODS="textrank lexrank lsa luhn sumbasic klsum"
ALL_METHODS="lead textrank lexrank lsa luhn sumbasic klsum centroid pacsum"

REPEAT=3
SUMY_MAX=60
big=1
build=1
while [[ $# -gt 0 ]]; do
    case $1 in
        --repeat) REPEAT=$2; shift 2 ;;
        --sumy-seconds) SUMY_MAX=$2; shift 2 ;;
        --no-big) big=0; shift ;;
        --no-build) build=0; shift ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

VENV=$ROOT/.venv-bench
if [[ ! -x $VENV/bin/python ]]; then
    "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import rouge_score, nltk, numpy, sumy" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet rouge-score==0.1.2 nltk numpy sumy
fi
PY=$VENV/bin/python

if [[ $build == 1 ]]; then
    (cd "$ROOT" && cargo build --release --quiet -p nutgraf-cli &&
        cargo build --release --quiet -p nutgraf-core --example split_bench)
fi
[[ -s $WORK/big.jsonl ]] || "$PY" "$HELPER" prepare "$SHARED" "$WORK"

RESULTS=$WORK/results.jsonl
: > "$RESULTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
t() { "$PY" "$HELPER" timecmd "$@"; }

# ROUGE, google flavour.
C=$WORK/pairs.cand.txt
R=$WORK/pairs.ref.txt
PAIRS=$(wc -l < "$C")
"$PY" "$HELPER" rouge-score rouge "$WORK/pairs" "$RESULTS"
G=(rouge "$C" "$R" --flavor google --stem --metrics rouge1,rouge2,rougeLsum --threads 1)
t rouge "nutgraf rouge --flavor google --stem --json" "$PAIRS" pairs "$RESULTS" \
    --repeat "$REPEAT" -- "$NUTGRAF" "${G[@]}" --json
t rouge "nutgraf rouge --flavor google --stem" "$PAIRS" pairs "$RESULTS" \
    --repeat "$REPEAT" -- "$NUTGRAF" "${G[@]}"

# Oracle labels.
SPLIT=$WORK/train-split.jsonl
[[ -s $SPLIT ]] || "$NUTGRAF" oracle "$TRAIN" --output summarunner --no-progress > "$SPLIT"
DOCS=$(wc -l < "$SPLIT")
"$PY" "$HELPER" set-greedy oracle "$SPLIT" "$RESULTS"
t oracle "nutgraf oracle (train .jsonl.gz, raw text)" "$DOCS" docs "$RESULTS" \
    --repeat "$REPEAT" -- "$NUTGRAF" oracle "$TRAIN" --threads 1 --no-progress

# Summarizers vs sumy, each method's two rows one after the other (this machine's speed drifts
# over minutes: the rows of a ratio are timed as close together as they can be).
for m in $METHODS; do
    "$PY" "$HELPER" sumy summarize "$WORK/sents.jsonl" "$RESULTS" \
        --methods "$m" --max-seconds "$SUMY_MAX"
    t "summarize:$m" "nutgraf summarize --method $m -o jsonl" 1000 docs "$RESULTS" \
        --repeat "$REPEAT" -- "$NUTGRAF" summarize "$WORK/docs.jsonl" --method "$m" -o jsonl \
        --threads 1 --no-progress
done

# Lead throughput, and the splitter alone.
V=$WORK/validation.jsonl
t lead "nutgraf summarize --method lead -o jsonl" "$(stat -c %s "$V")" bytes "$RESULTS" \
    --repeat "$REPEAT" -- "$NUTGRAF" summarize "$V" --method lead -o jsonl --threads 1 \
    --no-progress
"$PY" "$HELPER" splitter lead "$RESULTS" -- "$TARGET/release/examples/split_bench" "$V" 3

# One big document.
if [[ $big == 1 ]]; then
    for f in big-quarter big; do
        for m in $ALL_METHODS; do
            t big "$m" "$(stat -c %s "$WORK/$f.jsonl")" bytes "$RESULTS" --method "$m" \
                -- "$NUTGRAF" summarize "$WORK/$f.jsonl" --method "$m" -o jsonl --threads 1 \
                --no-progress
        done
    done
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
"$PY" "$HELPER" report "$RESULTS"
echo
echo "Command: \`scripts/bench-speed.sh --repeat $REPEAT --sumy-seconds $SUMY_MAX\`;" \
    "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores" \
    "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average before/after:" \
    "$LOAD_BEFORE / $LOAD_AFTER; $("$PY" -c 'import platform; print("Python", platform.python_version())')."
