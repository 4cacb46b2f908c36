"""The README's Python examples run as written, in a fresh working directory, and print what
their comments say."""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from conftest import REPO

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
# The repository README's `## Python` section (other sections' Python needs other packages).
ROOT_README = (REPO / "README.md").read_text(encoding="utf-8")
ROOT_SECTION = ROOT_README[ROOT_README.index("\n## Python\n") :]
ROOT_SECTION = ROOT_SECTION[: ROOT_SECTION.index("\n## ", 1)]
ROOT_BLOCKS = re.findall(r"```python\n(.*?)```", ROOT_SECTION, re.S)


def expected_outputs(block: str):
    """The comments after `print(...)` that state a printed line exactly."""
    out = []
    for line in block.splitlines():
        m = re.match(r"\s*print\(.*\)\s+#\s*(.+)$", line)
        if not m:
            continue
        comment = m.group(1).strip()
        if comment.startswith(("{", "[", "Score(")) or re.match(r"^[\d.]+( [\d.]+)*$", comment):
            out.append(comment)
        elif re.match(r"^[\d.]+ \(", comment):
            out.append(comment.split(" (")[0])
    return out


def test_there_are_examples():
    # Three switch-over snippets (rouge-score, evaluate, pyrouge), the file-free ROUGE-1.5.5
    # API, summarize and read.
    assert len(BLOCKS) == 6


def test_the_repository_readme_has_an_example():
    assert len(ROOT_BLOCKS) == 1


@pytest.mark.parametrize("block", BLOCKS + ROOT_BLOCKS)
def test_readme_example(block, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.symlink(REPO / "examples", tmp_path / "examples")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, "README block", "exec"), {"__name__": "__readme__"})
    lines = printed.getvalue().splitlines()
    for want in expected_outputs(block):
        assert any(line == want or line.startswith(want) for line in lines), (want, lines[:20])
    ast.parse(block)
