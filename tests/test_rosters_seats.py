"""Seat-numbered roster lines (``１番　　村　松　勝　康　　　２番　…``)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import gikai_minutes
from gikai_minutes._front.rosters import _seat_entries, read_roster_line

#: The grammar of a seat entry: a name runs to the next seat number, tested at each
#: character (the reference the reader's one-search-per-entry loop must agree with).
_REFERENCE = re.compile(
    r"([0-9０-９]{1,3})[ \u3000]*番[ \u3000]+((?:(?![0-9０-９]{1,3}[ \u3000]*番).)+)"
)


def _reference(line: str) -> list[tuple[str, int, int, str]]:
    out = []
    for m in _REFERENCE.finditer(line):
        name = m.group(2).replace(" ", "").replace("\u3000", "")
        out.append((name.removesuffix("議員"), m.start(), m.end(), str(int(m.group(1)))))
    return out


def _read(line: str) -> list[tuple[str, int, int, str]]:
    entries, _ = read_roster_line(line, None)
    return [(e.name, e.start, e.end, e.seat or "") for e in entries]


def test_names_end_at_the_next_seat_number() -> None:
    line = "　１番　　村　松　勝　康　　　２番　　竹　村　ゆうい　　　１２番　　原　田　正　和"
    assert [(name, seat) for name, _, _, seat in _read(line)] == [
        ("村松勝康", "1"),
        ("竹村ゆうい", "2"),
        ("原田正和", "12"),
    ]
    starts = [start for _, start, _, _ in _read(line)]
    assert [line[s : s + 2] for s in starts] == ["１番", "２番", "１２"]


def test_seat_number_without_space_and_honorific() -> None:
    line = "２３番　山本　浩二議員　　２４番　　鈴木　花子議員"
    entries, pending = read_roster_line(line, None)
    assert pending is None
    assert [(e.name, e.seat, e.honorific) for e in entries] == [
        ("山本浩二", "23", "議員"),
        ("鈴木花子", "24", "議員"),
    ]


def test_seat_roster_in_minutes() -> None:
    text = (
        "令和６年第１回定例会　本会議（第２日）\n"
        "令和６年３月４日（月曜日）\n"
        "出席議員（４名）\n"
        "　１番　　村　松　勝　康　　　２番　　竹　村　ゆうい\n"
        "　３番　　原　田　正　和　　　４番　　山　本　浩　二\n"
        "\n"
        "○議長（山本浩二）　ただいまから本日の会議を開きます。\n"
    )
    meeting = gikai_minutes.parse(text)
    people = [p for r in meeting.front_matter.rosters for p in r.people]
    assert [(p.name, p.seat) for p in people] == [
        ("村松勝康", "1"),
        ("竹村ゆうい", "2"),
        ("原田正和", "3"),
        ("山本浩二", "4"),
    ]
    assert all(text[p.span.start : p.span.start + 1] in "１２３４" for p in people)


@settings(max_examples=300)
@example("1番 2番 ")  # a single space and no name: no entry
@example("１番\u3000\u3000２番　山田")  # two spaces and no name: an empty entry
@example("3番　山田\n4番　田中")
@given(st.text(alphabet="0123４5番番  \u3000\u3000山田議員\r\n", max_size=24))
def test_seat_entries_follow_the_grammar(line: str) -> None:
    found = [(e.name, e.start, e.end, e.seat) for e in _seat_entries(line)]
    assert found == _reference(line)
