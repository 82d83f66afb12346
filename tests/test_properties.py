"""Property-based invariants: lenient parse never raises, the tiling holds, JSON round-trips."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import MINUTES_LIKE, SEED, assert_tiles


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), MINUTES_LIKE))
def test_lenient_parse_never_raises_and_tiles(text: str) -> None:
    meeting = gikai_minutes.parse(text)
    assert_tiles(meeting)
    assert meeting.source.text == text
    for u in meeting.utterances:
        for p in u.paragraphs:
            assert u.span.start <= p.span.start <= p.span.end <= u.span.end
        for f in u.fixes:
            assert text[f.span.start : f.span.end] == f.original


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(MINUTES_LIKE)
def test_json_round_trip_is_identity(text: str) -> None:
    meeting = gikai_minutes.parse(text)
    assert gikai_minutes.Meeting.from_json(meeting.to_json()) == meeting


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**31), st.integers(1, 400))
def test_cutting_the_seed_anywhere_keeps_tiling(start: int, length: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    a = start % len(text)
    piece = text[a : a + length * 10]
    meeting = gikai_minutes.parse(piece)
    assert_tiles(meeting)


@settings(max_examples=100)
@given(st.binary(max_size=200))
def test_bytes_either_parse_or_raise_input_error(data: bytes) -> None:
    try:
        meeting = gikai_minutes.parse(data)
    except gikai_minutes.InputError:
        return
    assert_tiles(meeting)
