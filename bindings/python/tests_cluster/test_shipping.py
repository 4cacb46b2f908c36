"""docs/SCALE.md's recipes for shipping the wheel to a cluster, run as written: a driver whose
Python has no nutgraf, and workers that get it from the job's environment (Spark: a packed
venv in `spark.archives`, on a standalone master and worker started by `local-cluster`; Ray:
`runtime_env={"pip": [wheel]}`). Each worker reports where its nutgraf was imported from.

NUTGRAF_WHEEL names the wheel (.ci/cluster.sh builds it); PyPI gives the rest.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

WHEEL = os.environ.get("NUTGRAF_WHEEL")
PROBE = '''
def probe(*_):
    import sys, nutgraf
    return (sys.executable, nutgraf.__file__,
            nutgraf.summarize("The storm hit. Power was cut. Repairs began.", method="lead",
                              sentences=1).summary)
'''
SPARK = PROBE + '''
import os
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local-cluster[1,2,1024]")
         .config("spark.archives", "nutgraf-env.tar.gz#environment")
         .config("spark.ui.enabled", "false").getOrCreate())
print(spark.sparkContext.parallelize([0, 1], 2).mapPartitions(lambda p: [probe()]).collect())
spark.stop()
'''
RAY = PROBE + '''
import sys, ray
ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
         runtime_env={"pip": [sys.argv[1]]})
print([ray.get(ray.remote(probe).remote())])
ray.shutdown()
'''


def pip(python: Path, *args: str) -> None:
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *args], check=True)


@pytest.fixture(scope="module")
def wheel() -> Path:
    if not WHEEL:
        if os.environ.get("CI"):
            pytest.fail("NUTGRAF_WHEEL is not set")
        pytest.skip("NUTGRAF_WHEEL is not set")
    return Path(WHEEL).resolve()


@pytest.fixture(scope="module")
def driver(tmp_path_factory) -> Path:
    """A Python with the engines and no nutgraf."""
    venv = tmp_path_factory.mktemp("driver") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip(python, "pyspark", "pyarrow", "pandas<3", "ray[data]", "virtualenv")
    gone = subprocess.run([str(python), "-c", "import nutgraf"], capture_output=True)
    assert gone.returncode != 0
    return python


def reports(run: subprocess.CompletedProcess):
    assert run.returncode == 0, run.stderr[-3000:]
    (line,) = [l for l in run.stdout.splitlines() if l.startswith("[(")]
    return ast.literal_eval(line)


def env(**extra: str):
    return dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", RAY_USAGE_STATS_ENABLED="0", **extra)


def test_spark_archives(driver, wheel, tmp_path):
    pack = tmp_path / "pack"
    subprocess.run([sys.executable, "-m", "venv", str(pack)], check=True)
    pip(pack / "bin" / "python", str(wheel), "pyarrow", "pandas<3", "venv-pack")
    subprocess.run(
        [str(pack / "bin" / "venv-pack"), "-q", "-p", str(pack), "-o", "nutgraf-env.tar.gz"],
        cwd=tmp_path, check=True,
    )
    run = subprocess.run(
        [str(driver), "-c", SPARK], cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env=env(PYSPARK_PYTHON="./environment/bin/python", PYSPARK_DRIVER_PYTHON=str(driver)),
    )
    got = reports(run)
    assert len(got) == 2
    for executable, module, summary in got:
        # The executor's unpacked archive, not the driver's Python nor the packing venv.
        assert "/environment/" in executable and str(pack) not in executable
        assert module.startswith(executable.rsplit("/bin/", 1)[0])
        assert summary == ["The storm hit."]


def test_ray_runtime_env_pip(driver, wheel, tmp_path):
    run = subprocess.run(
        [str(driver), "-c", RAY, str(wheel)], cwd=tmp_path, capture_output=True, text=True,
        timeout=300, env=env(),
    )
    ((executable, module, summary),) = reports(run)
    assert "runtime_resources" in module and module.startswith(executable.rsplit("/bin/", 1)[0])
    assert summary == ["The storm hit."]
