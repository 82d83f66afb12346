"""Shared fixtures: the seed document and the optional ../shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

import gikai_minutes

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_18ecd38114dadbdf.txt"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text: str) -> gikai_minutes.Meeting:
    return gikai_minutes.parse(seed_text)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def assert_tiles(meeting: gikai_minutes.Meeting) -> None:
    """Every character of the source lies in exactly one segment, in order."""
    pos = 0
    for segment in meeting.segments():
        assert segment.span.start == pos, (segment, pos)
        assert segment.span.end > segment.span.start
        pos = segment.span.end
    assert pos == len(meeting.source.text)
