#!/usr/bin/env bash
# The Python package (bindings/python): built and installed from this checkout into a fresh
# virtual environment with the README's one command, then tested with pytest against the
# golden data in ../shared and against rouge-score 0.1.2 itself.
#
# Needs python3 (>= 3.9, with venv) and cargo; PyPI for maturin (the build backend) and the
# test peers. CARGO_TARGET_DIR, if set, is used for the build (a warm one makes it quicker).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$SECONDS

"$PYTHON" -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet ./bindings/python
echo "python.sh: package built and installed in $((SECONDS - start)) s"
"$py" -m pip install --quiet pytest rouge-score==0.1.2 numpy
echo "python.sh: test peers installed after $((SECONDS - start)) s"

# The tests import the installed package, never the source tree's copy.
cd bindings/python/tests
# Test files live under $work, which the trap removes.
"$py" -m pytest -q -p no:cacheprovider --basetemp "$work/pytest" --durations=10 .
echo "python.sh: done in $((SECONDS - start)) s"
