"""Bodies read as plain rows: the rows carry exactly what the model objects do.

``read_body_rows`` gives offsets only; these tests check on the seed, the conventions
corpus and made-up cases that the texts the model keeps (a note's text, a fix's original)
are always the source at those offsets, that no model object is made while reading rows,
and that the faster forms of the fix rules find what the rules always found.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from typing import Any

import jaconv
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import REPO, SEED, BodyCall, body_calls
from gikai_minutes._read import bodies, fixes
from gikai_minutes._read.bodies import read_body_rows
from gikai_minutes._read.fixes import FIX_RULES, FixSites, fix_line, fix_piece
from gikai_minutes.model._positions import LineTable

_CORPUS = sorted((REPO / "tests" / "conventions_corpus").glob("*.txt"))
_EXTRA = (
    "【辻座長】 we use\nkintone every day（拍手）and\nmore\n\n状況が\n〔拍手〕\n\n続きです。\n"
    "　新しい段落 k i n t o n e の\n\nＩＣＴ と ﾃﾞｼﾞﾀﾙ と Pol i Pol iという。\n"
    "【田中委員】 （拍手）\n（拍手）\n午後３時７分散会\n署名\n"
)

Turn = BodyCall


def _turns(text: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Turn]:
    return iter(body_calls(text))


def _texts() -> list[tuple[str, str]]:
    texts = [("seed", SEED.read_text(encoding="utf-8")), ("extra", _EXTRA)]
    texts += [(p.name, p.read_text(encoding="utf-8")) for p in _CORPUS]
    return texts


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_rows_are_ordered_and_share_strings(
    name: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for table, lines, args, kwargs in _turns(text, monkeypatch):
        rows = read_body_rows(table, lines, *args, **kwargs)
        note_starts = [start for _, start, _ in rows.notes]
        assert note_starts == sorted(note_starts)
        starts = [start for _, start, _, _ in rows.fixes]
        assert starts == sorted(starts)
        for _, start, end, replacement in rows.fixes:
            if len(replacement) <= 16:
                assert replacement is sys.intern(replacement)
            assert start <= end


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_model_texts_are_source_slices(name: str, text: str) -> None:
    """Rows can drop the note texts and fix originals: they are the source at the span."""
    meeting = gikai_minutes.parse(text)
    for note in meeting.notes:
        assert note.text == text[note.span.start : note.span.end], note
    for utterance in meeting.utterances:
        for fix in utterance.fixes:
            assert fix.original == text[fix.span.start : fix.span.end], fix


def test_rows_make_no_model_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    turns = list(_turns(SEED.read_text(encoding="utf-8") + "\n" + _EXTRA, monkeypatch))

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("model object made while reading rows")

    for module in (bodies, fixes):
        for name in ("Paragraph", "Span", "TextFix", "Note"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, forbidden)
    monkeypatch.setattr(LineTable, "span", forbidden)
    count = 0
    for table, lines, args, kwargs in turns:
        rows = read_body_rows(table, lines, *args, **kwargs)
        count += len(rows.paragraphs) + len(rows.fixes) + len(rows.notes)
    assert count > 400


def test_repeated_fixes_share_strings() -> None:
    text = "【辻座長】 k i n t o n e です\nまた k i n t o n e です。\n"
    meeting = gikai_minutes.parse(text)
    found = [f for u in meeting.utterances for f in u.fixes if f.rule == "spaced_latin"]
    assert len(found) == 2
    assert found[0].replacement is found[1].replacement


def test_fullwidth_table_is_jaconv() -> None:
    chars = "".join(chr(c) for c in range(0xFF10, 0xFF5B) if chr(c).isalnum())
    assert len(chars) == 62
    for c in chars:
        assert fixes._fullwidth_alnum(c) == jaconv.z2h(c, kana=False, ascii=True, digit=True)
    assert fixes._fullwidth_alnum(chars) == jaconv.z2h(chars, kana=False, ascii=True, digit=True)


# The spaced rules as first written: a lookbehind before the first letter.
_ORIGINAL = {
    "spaced_latin": re.compile(
        r"(?<![A-Za-z0-9.\-])[A-Za-z](?: [A-Za-z\-](?![A-Za-z0-9])){2,}(?: (?=[^\x00-\x7f]))?"
    ),
    "partly_spaced_latin": re.compile(r"(?<![\x00-\x7f])[A-Za-z]+(?: [A-Za-z]+)+(?![\x00-\x7f])"),
}
_PIECES = st.text(alphabet="abcXY -.1あ社Ｉ１ﾃﾞ", max_size=24)


@settings(max_examples=400, deadline=None)
@given(_PIECES, st.integers(min_value=0, max_value=24))
def test_reordered_spaced_patterns_match_the_originals(text: str, pos: int) -> None:
    rules = {rule.name: rule.pattern for rule in FIX_RULES}
    for name, original in _ORIGINAL.items():
        got = [m.span() for m in rules[name].finditer(text, min(pos, len(text)))]
        assert got == [m.span() for m in original.finditer(text, min(pos, len(text)))]


@settings(max_examples=400, deadline=None)
@given(_PIECES)
def test_fix_piece_from_first_sites_matches_every_rule(piece: str) -> None:
    prefix = "前置き\n"
    sites = FixSites(prefix + piece)
    a, b = len(prefix), len(prefix) + len(piece)
    first = {}
    for kind in ("fullwidth", "halfwidth", "spaced"):
        offsets = [s for s in getattr(sites, kind) if a <= s < b]
        if offsets:
            first[kind] = offsets[0]
    cleaned, rows = fix_piece(piece, a, first)
    expected_text, expected = fix_line(piece, a, 2)
    assert cleaned == expected_text
    assert rows == [(f.rule, f.span.start, f.span.end, f.replacement) for f in expected]


def test_random_bodies_rows_match_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    bits = ["今日は", "良い天気です。", "k i n t o n e", "we", "use", "（拍手）", "〔拍手〕", "Ｉ１",
            "ﾃﾞｼﾞ", "\u3000", "  ", "\f", "", "午後３時散会", "―――", "1"]  # fmt: skip
    lines = ["【辻座長】 はい。"]
    for _ in range(400):
        if rng.random() < 0.1:
            lines.append(f"【{rng.choice('田中山本')}委員】 " + rng.choice(bits))
        else:
            lines.append("".join(rng.choice(bits) for _ in range(rng.randint(0, 4))))
    text = "\n".join(lines) + "\n"
    for table, turn_lines, args, kwargs in _turns(text, monkeypatch):
        rows = read_body_rows(table, turn_lines, *args, **kwargs)
        for _, start, end in rows.notes:
            assert table.text[start:end].strip() == table.text[start:end]
        for cleaned, start, end in rows.paragraphs:
            assert cleaned
            assert start < end


def _streamed(table: Any, lines: Any, args: Any, kwargs: Any) -> tuple[Any, list[Any], ...]:
    """The rows of a ``read_body_rows`` call and what its sinks got."""
    got: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
    rows = read_body_rows(
        table, lines, *args, **kwargs,
        paragraph_sink=lambda *row: got[0].append(row),
        fix_sink=lambda *row: got[1].append(row),
        note_sink=lambda *row: got[2].append(row),
    )  # fmt: skip
    return (rows, *got)


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_sinks_get_the_rows_in_order(name: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for table, lines, args, kwargs in _turns(text, monkeypatch):
        rows = read_body_rows(table, lines, *args, **kwargs)
        streamed, paragraphs, fix_rows, notes = _streamed(table, lines, args, kwargs)
        assert (streamed.paragraphs, streamed.fixes, streamed.notes) == ([], [], [])
        assert paragraphs == rows.paragraphs
        assert fix_rows == rows.fixes
        utterance = args[3]
        assert notes == [(*note, utterance) for note in rows.notes]
        bounds = (paragraphs[0][1], paragraphs[-1][2]) if paragraphs else (-1, -1)
        assert (streamed.start, streamed.end) == (rows.start, rows.end) == bounds


def test_paragraph_of_many_lines_is_joined_in_chunks() -> None:
    lines = [f"line{i} " if i % 3 else "行" for i in range(3 * bodies._CHUNK)]
    text = "【辻座長】 " + "\n".join(lines) + "\n"
    meeting = gikai_minutes.parse(text, structure=False)
    (utterance,) = meeting.utterances
    (paragraph,) = utterance.paragraphs
    expected = ""
    for line in lines:
        line = line.strip()
        latin = expected[-1:].isascii() and expected[-1:].isalnum() and line[0].isascii()
        expected += " " + line if latin else line
    assert paragraph.text == expected
