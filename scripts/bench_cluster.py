#!/usr/bin/env python3
"""Throughput of nutgraf.spark and nutgraf.ray in local mode against the CLI, on the same
documents (the CNN/DailyMail validation set): documents per second, and per core.

    NUTGRAF_BIN=target/release/nutgraf python scripts/bench_cluster.py [--docs N] [--file F]
        [--only spark,ray,cli]

Each engine runs in a process of its own (a fresh JVM, a fresh Ray). Timed: the whole job
from an already read, cached dataset to every result computed (Spark: a `noop` write, after
one small job has started the Python workers; Ray: `materialize()`, actor start-up included:
each call starts its actor pool), engine start-up excluded. The CLI is timed on the gzip'd file with `-j`
threads. Needs pyspark, pyarrow, pandas<3 and ray[data] next to nutgraf.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
VALIDATION = SHARED / "data" / "cnndm" / "validation.jsonl.gz"
NUTGRAF = os.environ.get("NUTGRAF_BIN", str(ROOT / "target" / "release" / "nutgraf"))
TASKS = ("summarize", "oracle")


def subset(n: int, source: Path) -> Path:
    out = Path(tempfile.mkdtemp()) / "docs.jsonl"
    with gzip.open(source, "rt", encoding="utf-8") as f, open(out, "w") as g:
        for i, line in enumerate(f):
            if i >= n:
                break
            g.write(line)
    return out


def cli(path: Path, cores: int):
    rows = []
    for task in TASKS:
        args = [NUTGRAF, task, str(path), "-j", str(cores)]
        args += ["--method", "textrank", "--output", "jsonl"] if task == "summarize" else []
        t = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        rows.append((task, time.perf_counter() - t))
    return rows


def spark(path: Path, cores: int, partitions: int):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    import nutgraf.spark as ns

    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    df = session.read.schema(
        "index LONG, id STRING, article STRING, highlights ARRAY<STRING>"
    ).json(str(path)).repartition(partitions).cache()
    df.count()
    # Python workers start (and import pyarrow and nutgraf) once: not what is measured.
    ns.summarize(df.limit(20), method="textrank").write.format("noop").mode("overwrite").save()
    rows = []
    for task in TASKS:
        out = ns.summarize(df, method="textrank") if task == "summarize" else ns.oracle(df)
        t = time.perf_counter()
        out.write.format("noop").mode("overwrite").save()
        rows.append((task, time.perf_counter() - t))
    session.stop()
    return rows


def ray_(path: Path, cores: int, partitions: int):
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray

    import nutgraf.ray as nr

    ray.init(num_cpus=cores, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    ds = ray.data.read_json(str(path), lines=True).repartition(partitions).materialize()
    n = ds.count()
    rows = []
    for task in TASKS:
        fn = nr.summarize if task == "summarize" else nr.oracle
        kw = {"method": "textrank"} if task == "summarize" else {}
        t = time.perf_counter()
        fn(ds, batch_size=max(1, n // partitions), **kw).materialize()
        rows.append((task, time.perf_counter() - t))
    ray.shutdown()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4368)
    ap.add_argument("--file", default=str(VALIDATION), help="a CNN/DailyMail JSONL (.gz)")
    ap.add_argument("--only", default="cli,spark,ray")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # engine:cores:partitions:path (child)
    a = ap.parse_args()
    if a.one:
        engine, cores, partitions, path = a.one.split(":", 3)
        fn = {"cli": lambda p, c, _: cli(p, c), "spark": spark, "ray": ray_}[engine]
        print(json.dumps(fn(Path(path), int(cores), int(partitions))))
        return
    path = subset(a.docs, Path(a.file))
    n = sum(1 for _ in open(path))
    runs = []
    only = a.only.split(",")
    for engine, cores, partitions in [
        ("cli", 1, 1), ("cli", 2, 1),
        ("spark", 1, 2), ("spark", 2, 2), ("spark", 2, 8),
        ("ray", 1, 2), ("ray", 2, 2), ("ray", 2, 8),
    ]:
        if engine not in only:
            continue
        out = subprocess.run(
            [sys.executable, __file__, "--one", f"{engine}:{cores}:{partitions}:{path}"],
            check=True, capture_output=True, text=True,
        )
        for task, seconds in json.loads(out.stdout.strip().splitlines()[-1]):
            runs.append((task, engine, cores, partitions, seconds))
            print(f"{task:9} {engine:5} cores={cores} partitions={partitions}: {seconds:7.2f} s, "
                  f"{n / seconds:7.1f} docs/s, {n / seconds / cores:7.1f} docs/s/core", flush=True)
    print(f"\n{n} documents; load {open('/proc/loadavg').read().split()[:3]} after the run")


if __name__ == "__main__":
    main()
