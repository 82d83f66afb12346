"""Property-based invariants: lenient parse never raises, the tiling holds, JSON round-trips."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import SEED, assert_tiles

# Text built from the pieces minutes are made of, so that headers and artefacts are common.
PIECES = st.sampled_from(
    [
        "【辻座長】", "【山田 太郎 委員】", "【資料１】", "【", "】", "【】", "k i n t o n e ",
        "ＩＣＴ", "ﾃﾞｼﾞﾀﾙ", "。", "、", "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\f",
        "令和5年3月30日", "（第10回）", "それでは", "abc", "第", "回", "\ufeff", "\x00",
        "14：00～15：56", "午前九時開議", "委員：山田 太郎、川口 花子", "○小泉委員長　",
        "○委員長（足立敏之君）　", "〔拍手〕", "（発言する者あり）", "―――――", "- 3 -",
        "　出席委員", "　　理事　渡辺　　周君", "○議事日程", "〇午後３時５１分散会",
    ]
)  # fmt: skip
MINUTES_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)


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
