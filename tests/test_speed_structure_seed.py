"""The shortcuts that keep :func:`gikai_minutes.build_structure` cheap on real minutes
decide as the full rules would."""

from __future__ import annotations

import sys

import regex

from gikai_minutes import parse
from gikai_minutes._structure import _text
from gikai_minutes._structure._builder import _read_turns, _start
from gikai_minutes._structure._turns import speaker_names


def test_courtesy_first_characters_derived_from_the_pattern() -> None:
    # every character a courtesy sentence may start with passes the prefilter
    pattern = regex.compile(_text._COURTESY.pattern)
    for i in range(sys.maxunicode + 1):
        if 0xD800 <= i < 0xE000:
            continue
        c = chr(i)
        if pattern.fullmatch(c, partial=True) is not None:
            assert _text.may_be_courtesy(c), repr(c)


def test_courtesy_prefilter_keeps_courtesies() -> None:
    for text in ("ありがとうございました。", "はい、よろしくお願いします。", "どうぞ。", "。"):
        assert _text.may_be_courtesy(text)
    assert not _text.may_be_courtesy("この点について質問します。")


def _turns(text: str) -> list[object]:
    b = _start(parse(text, structure=False))
    _read_turns(b)
    return b.turns


def test_first_paragraph_as_the_cleaned_paragraphs() -> None:
    body = "【田中委員】\u3000ありがとうございます。\n\n質問です。\n【辻座長】 どうぞ。\n" + (
        "【星埜課長】 " + "説明いたします。" * 40 + "\n\n" + "次に。" * 30 + "\n"
    )
    for turn in _turns(body):
        assert turn.first_paragraph == (turn.paragraphs[0] if turn.paragraphs else "")  # type: ignore[attr-defined]


def test_speaker_names_cached_by_name_parts() -> None:
    meeting = parse("【辻座長】 はい。\n【田中委員】 質問します。\n", structure=False)
    for speaker in meeting.speakers:
        assert speaker_names(speaker) == speaker_names(speaker)
