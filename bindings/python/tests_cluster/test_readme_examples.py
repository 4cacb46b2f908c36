"""The repository README's Spark and Ray examples run as written, each in a fresh Python (as a
newcomer runs them), and print what their comments say."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"\n### {title}\n")
    end = min(i for i in (README.find("\n## ", start + 1), README.find("\n### ", start + 1)) if i > 0)
    return README[start:end]


def blocks(title: str):
    return re.findall(r"```python\n(.*?)```", section(title), re.S)


def expected(block: str):
    """The comments after `print(...)`: the lines printed, exactly."""
    return [
        m.group(1).strip()
        for m in (re.match(r"\s*print\(.*\)\s+#\s*(.+)$", line) for line in block.splitlines())
        if m
    ]


@pytest.mark.parametrize("title,module", [("Spark", "pyspark"), ("Ray", "ray")])
def test_readme_example(title, module, tmp_path):
    pytest.importorskip(module)
    (block,) = blocks(title)
    want = expected(block)
    assert len(want) == 2
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0", SPARK_LOCAL_IP="127.0.0.1")
    run = subprocess.run(
        [sys.executable, "-c", block], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    printed = [line.strip() for line in run.stdout.splitlines()]
    for line in want:
        assert line in printed, (line, printed, run.stderr[-2000:])
