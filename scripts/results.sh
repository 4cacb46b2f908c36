#!/usr/bin/env bash
# Regenerate docs/RESULTS.md: every summarization method of `nutgraf eval`, plus the greedy
# oracle, scored on the CNN/DM validation split (4,368 documents) and on the held-out set
# (3,000 DailyMail training documents that no model was trained on or chosen by: made by
# scripts/heldout.py, which this script runs when target/data/heldout.jsonl.gz is missing).
#   - full length, `--flavor both` (ROUGE-1.5.5 `-c 95 -r 1000 -n 2 -m` and rouge-score);
#   - lead and oracle also at 75 and 275 bytes (`--bytes N --flavor perl`, recall, as in the
#     SummaRuNNer paper).
# A method whose command fails is reported in the table and the run goes on.
#
# The full-length runs are repeated (--repeat R, default 2): the table shows the best docs/s (the
# machine is shared, so the fastest run is the least disturbed one) and the renderer checks that
# every repeat gave the same scores.
#
# Usage: scripts/results.sh [--no-build] [--methods m1,m2,...] [--repeat R]
#   (a method m+tb is m with --trigram-blocking)
# Env:   SHARED (default ../shared), PYTHON (default python3; no packages needed).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
PYTHON=${PYTHON:-python3}
NUTGRAF=$ROOT/target/release/nutgraf
DATA=$SHARED/data/cnndm/validation.jsonl.gz
HELDOUT=$ROOT/target/data/heldout.jsonl.gz
THREADS=$(nproc)
METHODS=lead,textrank,lexrank,lsa,luhn,sumbasic,klsum,centroid,pacsum,summarunner,summarunner+tb,oracle
BYTES_METHODS="lead summarunner oracle"

REPEAT=2
build=1
while [[ $# -gt 0 ]]; do
    case $1 in
        --no-build) build=0; shift ;;
        --methods) METHODS=$2; shift 2 ;;
        --repeat) REPEAT=$2; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

if [[ $build == 1 ]]; then
    (cd "$ROOT" && cargo build --release --quiet)
fi

if [[ ! -f $HELDOUT ]]; then
    "$PYTHON" "$ROOT/scripts/heldout.py" --train "$SHARED/data/cnndm/train.jsonl.gz" \
        --out "$(dirname "$HELDOUT")"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/results.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# run NAME ARGS...: nutgraf eval of $INPUT (validation unless set) with ARGS, JSON to
# $WORK/NAME.json, stderr to $WORK/NAME.err; a failure leaves only the .err file (the renderer
# reports it).
run() {
    local name=$1 input=${INPUT:-$DATA}
    shift
    echo "nutgraf eval ${*}" > "$WORK/$name.cmd"
    if "$NUTGRAF" eval "$input" "$@" --json --threads "$THREADS" --no-progress \
            > "$WORK/$name.json.tmp" 2> "$WORK/$name.err"; then
        mv "$WORK/$name.json.tmp" "$WORK/$name.json"
    else
        echo "warning: nutgraf eval $* failed: $(tail -n 1 "$WORK/$name.err")" >&2
    fi
}

# The eval flags of a METHODS entry: a method name, or NAME+tb for NAME with trigram blocking.
method_args() {
    case $1 in
        *+tb) echo "--method ${1%+tb} --trigram-blocking" ;;
        *) echo "--method $1" ;;
    esac
}

IFS=, read -r -a methods <<< "$METHODS"
for m in "${methods[@]}"; do
    echo "evaluating $m" >&2
    # shellcheck disable=SC2046 # the flags are words
    run "$m.full" $(method_args "$m") --flavor both
    for ((r = 2; r <= REPEAT; r++)); do
        # shellcheck disable=SC2046
        run "$m.full.rep$r" $(method_args "$m") --flavor both
    done
done
for m in "${methods[@]}"; do
    echo "evaluating $m on the held-out set" >&2
    # shellcheck disable=SC2046
    INPUT=$HELDOUT run "$m.heldout" $(method_args "$m") --flavor both
done
for m in $BYTES_METHODS; do
    [[ ,$METHODS, == *,$m,* ]] || continue
    for b in 75 275; do
        run "$m.b$b" --method "$m" --flavor perl --bytes "$b"
    done
done

cat > "$WORK/meta.json" <<EOF
{"methods": "$METHODS", "repeat": $REPEAT, "bytes_methods": "$BYTES_METHODS", "threads": $THREADS,
 "cores": $(nproc), "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)",
 "date": "$(date -u +%Y-%m-%d)", "version": "$("$NUTGRAF" --version)",
 "commit": "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)",
 "dirty": $(if [[ -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]]; then echo true; else echo false; fi),
 "load_before": "$LOAD_BEFORE", "load_after": "$(cut -d' ' -f1-3 /proc/loadavg)",
 "data": "../shared/data/cnndm/validation.jsonl.gz", "heldout": "target/data/heldout.jsonl.gz"}
EOF
"$PYTHON" "$ROOT/scripts/results.py" "$WORK" "$ROOT/docs/RESULTS.md"
echo "wrote docs/RESULTS.md" >&2
