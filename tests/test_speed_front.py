"""The short paths of the reading's fixed cost per document give what the general work gives.

* the scan says whether the choice of form was contested (a form not chosen found
  headers) instead of the pipeline reading the evidence again.

Compared on the conventions corpus, the seed, ``../shared`` when present, texts made from
them (other line ends, short windows), and hypothesis properties.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import MINUTES_LIKE, line_end_variants, sample_documents
from gikai_minutes._read.dialects import DIALECTS
from gikai_minutes._read.scan import scan
from gikai_minutes.model._positions import LineTable


def _documents() -> tuple[str, ...]:
    return sample_documents(7, 60)


def _windows(text: str, size: int = 6) -> Iterator[str]:
    """Short texts: windows of ``size`` lines."""
    lines = text.splitlines()
    for k in range(0, max(len(lines) - size, 1), size):
        yield "\n".join(lines[k : k + size])


def _texts() -> Iterator[str]:
    for doc in _documents():
        yield from line_end_variants(doc, mixed=True)
        yield from _windows(doc)


def _contested(text: str, dialect: str | None) -> None:
    result = scan(LineTable(text), dialect)
    assert result.contested == any(f.headers and not f.chosen for f in result.evidence)


def test_contested_is_what_the_evidence_says() -> None:
    seen = 0
    for text in _texts():
        for dialect in (None, *DIALECTS):
            _contested(text, dialect)
            seen += 1
    assert seen > 100


#: A mark form with one bracket header that does not mix in: a contested choice.
CONTESTED = (
    "○委員長（森山浩行君）　これより会議を開きます。\n"
    "【辻座長】 資料の説明をお願いします。\n"
    "○山田委員　質問します。\n"
    "○委員長（森山浩行君）　答弁を求めます。\n"
)


def test_a_contested_choice_is_recorded() -> None:
    """(else the tests above could not fail)"""
    _contested(CONTESTED, None)
    assert scan(LineTable(CONTESTED)).contested
    meeting = gikai_minutes.parse(CONTESTED)
    assert [d.code for d in meeting.diagnostics].count("convention") == 1
    assert not scan(LineTable(CONTESTED), "mark").contested


@settings(max_examples=200, deadline=None)
@given(MINUTES_LIKE, st.sampled_from((None, *DIALECTS)))
def test_contested_property(text: str, dialect: str | None) -> None:
    _contested(text, dialect)
