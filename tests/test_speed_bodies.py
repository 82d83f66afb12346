"""Bodies read from a line view split at its line breaks give what any lines give.

* ``read_body_rows`` reads every body in one loop over rows ``(number, start, raw)``: those
  of a view of lines that all end alike (LF, or CRLF everywhere), from the text split at
  its line breaks, a window of lines at a time; those of any other lines (a list, cut
  margins, lone or mixed CRs), one line at a time. Both give the same rows, fixes, notes
  and model; paragraphs written straight into the utterance builder are those its sink
  gets; any other paragraph sink gets the rows in order, as they are read;
* the cut at a turn's end inside a line, or between the CR and the LF that end it, and a
  header that runs on over several lines read as the general path reads them;
* ``classify_line`` leaves a line holding a full stop to the bracketed directions: the
  same rule as trying every rule one at a time.

Realistic inputs: the seed, the conventions corpus, the local files and Diet records of
``../shared`` when present, each with LF, CRLF and lone CR line ends; and generated bodies
with repairs, notes, page artefacts, indentation and Latin wraps.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import CORPUS, body_calls, line_end_variants, sample_documents
from gikai_minutes import _pipeline
from gikai_minutes._read import bodies, notes
from gikai_minutes._read.bodies import BodyReader, read_body_rows
from gikai_minutes._read.fixes import FixSites
from gikai_minutes._read.notes import LINE_RULES, classify_line
from gikai_minutes._read.pages import find_pages
from gikai_minutes.model._columns import NotesBuilder, UtterancesBuilder
from gikai_minutes.model._positions import Lines, LineTable

_DOCUMENTS = sample_documents(25, 60)
_IDS = [f"doc{k}" for k in range(len(_DOCUMENTS))]


def _general(table: Any, lines: Any, *args: Any, **kwargs: Any) -> Any:
    """``read_body_rows`` of the same lines as a list: the general path."""
    return read_body_rows(table, list(lines), *args, **kwargs)


_READ = BodyReader.read


def _views(text: str) -> Iterator[tuple[Any, Lines, tuple[Any, ...], dict[str, Any]]]:
    """Each body the pipeline read in ``text``'s parse, as the arguments of a
    ``read_body_rows`` call of the view of the table's lines it read."""
    calls: list[tuple[Any, Lines, tuple[Any, ...], dict[str, Any]]] = []

    def record(reader: BodyReader, lo: int, hi: int, body_start: int, utterance: int,
               closing: bool = False, end: int | None = None, *rest: Any) -> Any:  # fmt: skip
        assert not rest  # no margins: the table's lines
        args = (body_start, reader._sites, reader._pages, utterance, reader._line_rules)
        lines = reader._table.lines_between(lo, hi)
        calls.append((reader._table, lines, args, {"closing": closing, "end": end}))
        return _READ(reader, lo, hi, body_start, utterance, closing, end)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(BodyReader, "read", record)
        gikai_minutes.parse(text, structure=False)
    return iter(calls)


def _read_as_lists(
    reader: BodyReader, lo: int, hi: int, body_start: int, utterance: int,
    closing: bool = False, end: int | None = None, lines: Any = None, fixes: Any = None,
) -> Any:  # fmt: skip
    """``BodyReader.read`` of the table's lines as a list (any lines, one at a time)."""
    if lines is None:
        lines = list(reader._table.lines_between(lo, hi))
    return _READ(reader, lo, hi, body_start, utterance, closing, end, lines, fixes)


def _check_rows(text: str) -> int:
    """The rows of every body of ``text`` read from its view and as a list; how many
    bodies were read from a view split at its line breaks."""
    split = 0
    for table, lines, args, kwargs in _views(text):
        split += lines.__class__ is Lines and bool(lines._index.drop)
        got = read_body_rows(table, lines, *args, **kwargs)
        assert got == _general(table, lines, *args, **kwargs)
    return split


def _check_model(text: str) -> None:
    """The parse of ``text`` equals its parse with every body read the general way."""
    fast = gikai_minutes.parse(text, structure=False)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(BodyReader, "read", _read_as_lists)
        slow = gikai_minutes.parse(text, structure=False)
    assert fast.to_json() == slow.to_json()
    assert fast.utterances == slow.utterances
    assert fast.notes == slow.notes


@pytest.mark.parametrize("text", _DOCUMENTS, ids=_IDS)
def test_views_read_as_lists(text: str) -> None:
    for variant in line_end_variants(text):
        _check_rows(variant)


@pytest.mark.parametrize("text", _DOCUMENTS, ids=_IDS)
def test_models_read_as_lists(text: str) -> None:
    for variant in line_end_variants(text, mixed=False):
        _check_model(variant)


def test_the_seed_is_read_split() -> None:
    """The short path is taken: every body of the seed is read from a split view (else the
    comparisons above would compare the general path with itself)."""
    calls = list(_views(_DOCUMENTS[0]))
    assert len(calls) > 50
    assert _check_rows(_DOCUMENTS[0]) == len(calls)
    crlf = _DOCUMENTS[0].replace("\n", "\r\n")
    assert _check_rows(crlf) == len(calls)


def test_many_lines_are_read_a_window_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodies, "_WINDOW", 3)
    for text in _DOCUMENTS[:12]:
        for variant in line_end_variants(text, mixed=False):
            _check_rows(variant)
            _check_model(variant)


def test_the_builder_gets_the_paragraphs_its_sink_gets() -> None:
    text = _DOCUMENTS[0]
    for table, lines, args, kwargs in body_calls(text)[:40]:
        view = table.lines_between(lines[0].number - 1, lines[-1].number) if lines else None
        if view is None:
            continue
        built = []
        for way in (view, list(view)):
            utterances = UtterancesBuilder(table.text, table.starts)
            notes_ = NotesBuilder(utterances)
            rows = read_body_rows(
                table, way, *args, **kwargs,
                paragraph_sink=utterances.paragraph, fix_sink=utterances.fix,
                note_sink=notes_.add,
            )  # fmt: skip
            utterances.turn(0, 0, args[0], len(table.text), ())
            built.append((rows, utterances._c.paragraphs, utterances.finish(())._c.cleaned))
        assert built[0] == built[1]


_CUT_TEXTS = [
    "【辻座長】 はい。\n\n次に、k i n t o n e の話です\n（拍手）\nそして\n\n終わり。\n【田中委員】 質問",
    "○議長（山田君）　開会します。\r\n　続けて\r\n\r\nWe use\r\nit（拍手）\r\n○田中君　はい",
]


@pytest.mark.parametrize("text", _CUT_TEXTS)
def test_bodies_cut_anywhere_read_as_lists(text: str) -> None:
    """A body cut at any offset (inside a line, between a CR and its LF), read from any
    first line: as the general path reads it."""
    table = LineTable(text)
    sites = FixSites(text)
    pages = find_pages(table)
    starts = table.starts
    for lo in range(len(starts)):
        for hi in range(lo + 1, len(starts) + 1):
            view = table.lines_between(lo, hi)
            for body_start in range(starts[lo], starts[lo] + 6):
                for end in (None, *range(body_start, len(text) + 1, 3)):
                    for closing in (False, True):
                        args = (view, body_start, sites, pages, 0, LINE_RULES, closing, end)
                        got = read_body_rows(table, *args)
                        assert got == _general(table, *args), (lo, hi, body_start, end)


def test_a_header_running_on_reads_as_a_list() -> None:
    text = "○委員長（森山\n浩行君）　これより会議を開きます。\n　続けます。\n"
    table = LineTable(text)
    view = table.lines_between(0, 3)
    body_start = text.index("　これ")
    args = (view, body_start, FixSites(text), find_pages(table), 0)
    got = read_body_rows(table, *args)
    assert got == _general(table, *args)
    assert [p[0] for p in got.paragraphs] == ["これより会議を開きます。", "続けます。"]


_HEADER_TEXTS = [
    # The header's line, its body opening with a space: one paragraph.
    ("○議長（山田君）　はい\nそして。\n", "　はい", ["はいそして。"]),
    # A header running on to the next line: that line is read from its content too.
    ("○議長（山\n田君）　はい\nそして。\n", "　はい", ["はいそして。"]),
    # The header's line is no note line; a line it runs on to is read as any other.
    ("○議長（山田君）午後３時散会\n続けます。\n", "午後", ["午後3時散会続けます。"]),
    ("○議長（山\n田君）午後３時散会\n続けます。\n", "午後", ["続けます。"]),
    # A body opening on a line of its own is read from that line's start: indented.
    ("○議長（山田君）\n　はい\n　そして。\n", "\n　はい", ["はい", "そして。"]),
]


@pytest.mark.parametrize(("text", "opening", "expected"), _HEADER_TEXTS)
def test_the_headers_line_is_read_from_its_content(
    text: str, opening: str, expected: list[str]
) -> None:
    """A header's line is read from the body's start (no note line); a line the header runs
    on to is read as any other; what any lines give, a view gives, with any line ends."""
    at = text.index(opening)
    line, column = text.count("\n", 0, at), at - text.rfind("\n", 0, at) - 1
    for variant in line_end_variants(text):
        table = LineTable(variant)
        body_start = table.starts[line] + column
        view = table.lines_between(0, len(table.starts))
        args = (body_start, FixSites(variant), find_pages(table), 0)
        got = read_body_rows(table, view, *args)
        assert [p[0] for p in got.paragraphs] == expected
        assert got == _general(table, view, *args)


# -- generated bodies --------------------------------------------------------------------

_BITS = [
    "今日は", "良い天気です。", "k i n t o n e", "we", "use", "Society 5.0", "（拍手）", "〔拍手〕",
    "(笑)", "Ｉ１", "ﾃﾞｼﾞﾀﾙ", "Pol i Pol i", "\u3000", "  ", "\t", "\f", "", "午後３時散会",
    "午後３時７分散会", "―――", "- 3 -", "－ 12 －", "1", "以上", "以上です。", "（１）議題",
    "１．開会", "◎開会の宣告", "a", "。", "」", "、", "続く",
]  # fmt: skip


@st.composite
def _minutes(draw: st.DrawFn) -> str:
    out = ["【辻座長】 はい。"]
    for _ in range(draw(st.integers(1, 30))):
        if draw(st.integers(0, 7)) == 0:
            name = draw(st.sampled_from(["田中", "山本", "佐々木"]))
            out.append(f"【{name}委員】 " + "".join(draw(st.lists(st.sampled_from(_BITS)))))
        else:
            out.append("".join(draw(st.lists(st.sampled_from(_BITS), max_size=5))))
    return "\n".join(out) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=200, deadline=None)
@given(_minutes(), st.sampled_from(["\n", "\r\n", "\r"]))
def test_generated_bodies_read_as_lists(text: str, newline: str) -> None:
    text = text.replace("\n", newline)
    _check_rows(text)
    _check_model(text)


@settings(max_examples=100, deadline=None)
@given(_minutes(), st.integers(2, 5))
def test_generated_bodies_read_a_window_at_a_time(text: str, window: int) -> None:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(bodies, "_WINDOW", window)
        _check_rows(text)
        _check_rows(text.replace("\n", "\r\n"))


# -- line rules and full stops -----------------------------------------------------------


def _one_at_a_time(content: str, rules: tuple[notes.NoteRule, ...]) -> notes.NoteRule | None:
    for rule in rules:
        if rule.pattern.fullmatch(content):
            return rule
    return None


def _lines() -> list[str]:
    found = set()
    for text in _DOCUMENTS:
        for line in text.splitlines():
            content = line.strip(" \u3000\t\f\v")
            if "。" in content:
                found.add(content)
    return sorted(found)


def test_lines_with_a_full_stop_classified_as_one_at_a_time() -> None:
    lines = _lines()
    assert len(lines) > (1000 if CORPUS.is_dir() else 400)
    for rules in (LINE_RULES, _pipeline._UNMARKED_LINE_RULES, LINE_RULES[2:]):
        for content in lines:
            assert classify_line(content, rules) == _one_at_a_time(content, rules), content


_NOTE_BITS = [
    "。", "〔", "〕", "（", "）", "(", ")", "午後", "３時", "散会", "◎", "○", "■", "≪", "≫",
    "以上", "了", "―", "－", "・", "、", "１", "．", "議事", "拍手", "と呼ぶ者あり", " ", "\u3000",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_NOTE_BITS), min_size=1, max_size=8).map("".join))
def test_made_up_lines_with_a_full_stop_classified_as_one_at_a_time(content: str) -> None:
    content = content.strip(" \u3000")
    if content:
        for rules in (LINE_RULES, LINE_RULES[2:]):
            assert classify_line(content, rules) == _one_at_a_time(content, rules)


def test_other_sinks_get_the_rows_of_a_view_in_order() -> None:
    """A paragraph sink other than the builder's gets, from a view, what the rows hold."""
    for table, lines, args, kwargs in list(_views(_DOCUMENTS[0]))[:30]:
        got: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
        paragraphs, fixes, notes_ = got
        rows = read_body_rows(
            table, lines, *args, **kwargs,
            paragraph_sink=lambda *row, put=paragraphs.append: put(row),
            fix_sink=lambda *row, put=fixes.append: put(row),
            note_sink=lambda *row, put=notes_.append: put(row[:3]),
        )  # fmt: skip
        expected = read_body_rows(table, lines, *args, **kwargs)
        assert got == (expected.paragraphs, expected.fixes, expected.notes)
        assert (rows.start, rows.end) == (expected.start, expected.end)
