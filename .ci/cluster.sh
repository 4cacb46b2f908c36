#!/usr/bin/env bash
# nutgraf.spark and nutgraf.ray: the Python package built and installed from this checkout into
# a fresh virtual environment with the README's one command, PySpark (local[2]) and Ray
# (num_cpus=2) from PyPI, then bindings/python/tests_cluster: the CLI's numbers on the 4,368
# CNN/DailyMail validation documents (../shared), pickling, the error policy in a partition,
# the README's examples, and docs/SCALE.md's recipes for shipping the wheel (spark.archives on
# a local-cluster master and worker; Ray runtime_env), from a driver venv without nutgraf.
#
# Needs python3 (>= 3.9, with venv), cargo, and Java 17 for Spark (installed from Debian with
# apt-get when `java` is absent). CARGO_TARGET_DIR, if set, is used for the builds.
#
# Measured 2026-12-02 on a 2-core VM shared with other jobs, after .ci/python.sh (the package's
# build warm) and with pip's cache warm: 237 s in all (tests 200 s); a cold pip cache adds the
# downloads (pyspark about 450 MB, ray about 80 MB, pyarrow about 55 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$SECONDS
phase=$SECONDS
elapsed() {
    echo "cluster.sh: $1 in $((SECONDS - phase)) s ($((SECONDS - start)) s in all)"
    phase=$SECONDS
}

if ! command -v java >/dev/null; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless
    elapsed "Java installed"
fi
java -version 2>&1 | head -1

# The CLI the tests compare with (a no-op when `cargo test --release` has built it).
# The CLI as `cargo test --workspace --release` built it (see .ci/server.sh).
cargo test --quiet --release --workspace --no-run
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/nutgraf"
elapsed "CLI built"

"$PYTHON" -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet ./bindings/python
# The wheel itself, for the shipping recipes of docs/SCALE.md (the same build: seconds).
"$py" -m pip wheel --quiet --no-deps ./bindings/python -w "$work/dist"
export NUTGRAF_WHEEL=$(ls "$work"/dist/nutgraf-*.whl)
elapsed "package built and installed"
# pandas 3 is not supported by PySpark yet.
"$py" -m pip install --quiet pytest pyspark pyarrow "pandas<3" "ray[data]"
elapsed "pyspark, ray, pyarrow, pandas, pytest installed"

# The tests import the installed package, never the source tree's copy.
export NUTGRAF_BIN="$bin" CI=1
export PYSPARK_PYTHON="$py" PYSPARK_DRIVER_PYTHON="$py"
export SPARK_LOCAL_IP=127.0.0.1 RAY_USAGE_STATS_ENABLED=0
cd bindings/python/tests_cluster
# Test files (a driver's virtual environment, Spark archives) and Ray's session files (its
# runtime_env copies of the wheel: over 1 GB) live under $work, which the trap removes.
export RAY_TMPDIR="$work/ray"
"$py" -m pytest -q -p no:cacheprovider --basetemp "$work/pytest" --durations=15 .
elapsed "tests run"
echo "cluster.sh: done in $((SECONDS - start)) s"
