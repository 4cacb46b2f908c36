"""Shared helpers: the golden data in ``../shared`` (beside the checkout) and its layout."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import List, Tuple

import pytest

REPO = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("NUTGRAF_SHARED", REPO.parent / "shared"))
GOLDEN = SHARED / "golden"
DATA = SHARED / "data"


def need(path: Path) -> Path:
    if not path.exists():
        message = f"{path} is missing (the shared data beside the checkout)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def read_text(rel: str) -> str:
    path = need(GOLDEN / rel)
    raw = path.read_bytes()
    if rel.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def golden_json(rel: str) -> dict:
    return json.loads(read_text(rel))


def summaries(rel: str) -> List[List[str]]:
    """One summary per line (split on "\\n" only), sentences separated by " <q> ", each
    stripped as the golden files were made."""
    text = read_text(rel)
    if text.endswith("\n"):
        text = text[:-1]
    return [[s.strip() for s in line.split(" <q> ")] for line in text.split("\n")]


def pairs(set_name: str) -> Tuple[List[List[str]], List[List[str]]]:
    if set_name == "synth":
        return summaries("synth/synth.cand.txt.gz"), summaries("synth/synth.ref.txt.gz")
    return summaries(f"rouge/{set_name}.cand.txt"), summaries(f"rouge/{set_name}.ref.txt")


def five(x: float) -> str:
    return "%.5f" % x
