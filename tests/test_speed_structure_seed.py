"""The shortcuts that keep :func:`gikai_minutes.build_structure` cheap on real minutes
decide as the full rules would."""

from __future__ import annotations

import sys
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

from gikai_minutes import parse
from gikai_minutes._structure import _text
from gikai_minutes._structure._builder import _read_turns, _start
from gikai_minutes._structure._turns import speaker_names


def _characters(items: object, out: set[str], spaces: set[str]) -> None:
    for op, av in items:  # type: ignore[attr-defined]
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    out.add(chr(a))
                elif o is C.CATEGORY and a is C.CATEGORY_SPACE:
                    out |= spaces
                elif o is C.RANGE:
                    out.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    raise AssertionError(o)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _characters(av[2], out, spaces)
        elif op is C.SUBPATTERN:
            _characters(av[3], out, spaces)
        elif op is C.BRANCH:
            for branch in av[1]:
                _characters(branch, out, spaces)
        elif op is not C.AT:
            raise AssertionError(op)


def test_courtesy_characters_derived_from_the_pattern() -> None:
    # every character a courtesy sentence may hold passes the prefilter
    spaces = {chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()}
    found: set[str] = set()
    _characters(P.parse(_text._COURTESY.pattern), found, spaces)
    assert found <= _text.COURTESY_CHARS


def test_courtesy_prefilter_keeps_courtesies() -> None:
    for text in (
        "ありがとうございました。",
        "はい、よろしくお願いします。",
        "どうぞ。",
        "。",
        "承知いたしました。\u3000失礼します。",
    ):
        assert _text.may_be_courtesy(text)
        assert _text.is_courtesy(_text.sentences(text)) or text == "。"
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
