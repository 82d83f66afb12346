"""Shared fixtures: the seed document and the optional ../shared corpora (helpers are in
``_helpers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import gikai_minutes
from _helpers import REPO, SEED, SHARED, assert_tiles

__all__ = ["REPO", "SEED", "SHARED", "assert_tiles"]  # older imports from tests.conftest


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
