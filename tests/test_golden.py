"""The seed's JSON, outline and summary match the golden files in ``tests/golden/``.

The goldens were written by the code of the time and are reviewed by hand when a change is
deliberate; regenerate them with ``GIKAI_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and inspect the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import gikai_minutes
from _helpers import REPO
from gikai_minutes.export import format_outline, format_summary

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("GIKAI_UPDATE_GOLDEN") == "1"


def _check(name: str, actual: str) -> None:
    path: Path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from the golden file"


def test_seed_json_indented(seed: gikai_minutes.Meeting) -> None:
    _check("seed.json", seed.to_json(indent=2) + "\n")


def test_seed_json_compact(seed: gikai_minutes.Meeting) -> None:
    golden = json.loads((GOLDEN / "seed.json").read_text(encoding="utf-8"))
    assert seed.to_json() == json.dumps(golden, ensure_ascii=False)


def test_seed_json_reads_back(seed: gikai_minutes.Meeting) -> None:
    text = (GOLDEN / "seed.json").read_text(encoding="utf-8")
    assert gikai_minutes.Meeting.from_json(text) == seed


def test_seed_outline(seed: gikai_minutes.Meeting) -> None:
    _check("seed_outline.txt", format_outline(seed))


def test_seed_summary(seed: gikai_minutes.Meeting) -> None:
    _check("seed_summary.txt", format_summary(seed))


@pytest.mark.skipif(UPDATE, reason="updating goldens")
def test_goldens_end_with_newline() -> None:
    for path in GOLDEN.iterdir():
        assert path.read_text(encoding="utf-8").endswith("\n"), path
