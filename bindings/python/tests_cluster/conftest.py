"""Shared fixtures of the Spark and Ray tests: the CNN/DailyMail validation set in ../shared,
the CLI's outputs on it (computed once per session), a local Spark session and a local Ray.

NUTGRAF_BIN names the CLI (default: target/release/nutgraf of this checkout); NUTGRAF_SHARED
the shared data (default: ../shared beside the checkout).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

REPO = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("NUTGRAF_SHARED", REPO.parent / "shared"))
VALIDATION = SHARED / "data" / "cnndm" / "validation.jsonl.gz"
NUTGRAF = Path(os.environ.get("NUTGRAF_BIN", REPO / "target" / "release" / "nutgraf"))

# The configurations compared with the CLI.
SUMMARIZE_ARGS = ["--method", "textrank", "-k", "3"]
SUMMARIZE_KW = {"method": "textrank", "sentences": 3}
PERL_FLAGS = "-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a"  # pyrouge's defaults, every metric
GOOGLE_OPTIONS = {"stem": True}

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)


def need(path: Path) -> Path:
    if not path.exists():
        message = f"{path} is missing"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(need(NUTGRAF)), *args], capture_output=True, text=True, check=check
    )


def jsonl(text: str) -> List[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def validation() -> Path:
    return need(VALIDATION)


@pytest.fixture(scope="session")
def records(validation) -> List[dict]:
    with gzip.open(validation, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def cli_out(validation, tmp_path_factory) -> Dict[str, object]:
    """The CLI on the validation set: summaries, oracle labels, and ROUGE of the summaries
    against the highlights in both flavours."""
    tmp = tmp_path_factory.mktemp("cli")
    summaries = jsonl(cli("summarize", str(validation), *SUMMARIZE_ARGS, "--output", "jsonl").stdout)
    oracle = jsonl(cli("oracle", str(validation)).stdout)
    with gzip.open(validation, "rt", encoding="utf-8") as f:
        refs = [json.loads(line)["highlights"] for line in f]
    cands = tmp / "cand.jsonl"
    cands.write_text(
        "".join(json.dumps({"candidate": "\n".join(s["summary"])}) + "\n" for s in summaries)
    )
    refs_path = tmp / "ref.jsonl"
    refs_path.write_text("".join(json.dumps({"reference": r}) + "\n" for r in refs))
    files = [str(cands), str(refs_path), "--references-field", "reference", "--json"]
    perl = json.loads(cli("rouge", *files, *PERL_FLAGS.split()).stdout)
    google = json.loads(cli("rouge", *files, "--flavor", "google", "--stem").stdout)
    return {"summarize": summaries, "oracle": oracle, "perl": perl, "google": google}


@pytest.fixture(scope="session")
def spark():
    pyspark = pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("nutgraf-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    assert pyspark.__version__
    yield session
    session.stop()


@pytest.fixture(scope="session")
def ray_local():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # The recipe when the order of rows matters (documents in file order).
    context.execution_options.preserve_order = True
    yield ray
    ray.shutdown()


def scores_equal(got: dict, want: dict) -> None:
    """Per-document scores: every metric of the CLI's, exactly."""
    assert set(got) == set(want)
    for metric, s in want.items():
        assert got[metric] == {k: s[k] for k in ("recall", "precision", "f")}, metric
