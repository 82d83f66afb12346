"""Line views, body rows and column builders: the short paths give what the general ones give.

* a line view gives its lines as plain rows, made with ``zip`` when there are many and all
  lines end alike (LF, or CRLF everywhere), else one at a time; either way they are the
  lines :meth:`LineTable.line` makes one by one;
* ``lines_between`` gives a view until every line is made, then slices of the list;
* ``read_body_rows`` reads a view as it reads a list of the same lines, and skips empty
  lines before slicing them;
* the utterance builder joins paragraphs by line breaks when finished, and adds its rows
  with ``fromlist``;
* fix sites of kinds without a site share one empty array.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from gikai_minutes._read import fixes
from gikai_minutes._read.bodies import BodyReader, read_body_rows
from gikai_minutes._read.fixes import FixSites
from gikai_minutes.model import Speaker
from gikai_minutes.model import _positions as positions
from gikai_minutes.model._columns import UtterancesBuilder
from gikai_minutes.model._positions import Line, Lines, LineTable

_ENDS = ["\n", "\r\n", "\r"]


def _one_by_one(table: LineTable, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    n = len(table.starts)
    return [tuple(table.line(i)) for i in range(min(lo, n), min(hi, n))]


def _text(bodies: list[str], ends: list[str], last: str) -> str:
    return "".join(b + e for b, e in zip(bodies, ends, strict=True)) + last


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["", "a", "ab c", "　x", "\r"]), st.sampled_from(_ENDS))),
    st.sampled_from(["", "tail", "\r"]),
    st.integers(0, 80),
    st.integers(0, 90),
)
def test_view_rows_are_the_lines_one_by_one(
    lines: list[tuple[str, str]], last: str, lo: int, hi: int
) -> None:
    text = _text([b for b, _ in lines], [e for _, e in lines], last)
    table = LineTable(text)
    n = len(table.starts)
    view = table.lines_between(lo, hi)
    assert view.__class__ is Lines
    expected = _one_by_one(table, lo, hi)
    assert list(view.rows()) == expected  # type: ignore[attr-defined]
    assert [tuple(line) for line in view] == expected
    assert all(line.__class__ is Line for line in view)
    assert list(view) == list(table.lines)[min(lo, n) : min(hi, n)]


@pytest.mark.parametrize("end", ["\n", "\r\n"])
@pytest.mark.parametrize("count", [0, 1, 2, positions._ZIPPED, positions._ZIPPED + 1, 200])
@pytest.mark.parametrize("last", ["", "end"])
def test_many_lines_alike_are_zipped_like_one_by_one(end: str, count: int, last: str) -> None:
    text = "".join(f"line {i}{end}" if i % 3 else end for i in range(count)) + last
    table = LineTable(text)
    assert table._index.drop == (1 if end == "\n" or count == 0 else 2)
    n = len(table.starts)
    for lo in (0, 1, 5, n - 2, n - 1, n, n + 3):
        for hi in (lo, lo + 1, lo + positions._ZIPPED + 1, n - 1, n, n + 2):
            lo_ = max(lo, 0)
            assert list(table.lines_between(lo_, hi).rows()) == _one_by_one(table, lo_, hi)  # type: ignore[attr-defined]


def test_mixed_line_ends_are_read_one_at_a_time() -> None:
    text = "a\r\nb\nc\r\n" * 20 + "d"
    table = LineTable(text)
    assert table._index.drop == 0
    assert list(table.lines_between(0, 100).rows()) == _one_by_one(table, 0, 100)  # type: ignore[attr-defined]
    lone = LineTable("a\rb\r\nc\n" * 20)
    assert lone.lone_cr
    assert lone._index.drop == 0
    assert list(lone.lines_between(0, 100).rows()) == _one_by_one(lone, 0, 100)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["a\nb\n", "long line " * 20 + "\n" + "x" * 100, "\n\n\n"])
def test_lines_between_is_a_view_until_the_lines_are_made(text: str) -> None:
    table = LineTable(text)
    before = table.lines_between(0, 2)
    assert before.__class__ is Lines
    every = table.lines
    after = table.lines_between(0, 2)
    assert tuple(before) == tuple(after) == tuple(every[0:2])
    dense = len(text) < positions._DENSE * len(table.starts)
    assert (every.__class__ is Lines) == dense
    assert (after.__class__ is Lines) == dense


_SAMPLES = [
    "○委員長（森山浩行君）　これより会議を開きます。\r\n"
    "　財政及び金融に関する件について調査を進めます。\r\n\r\n   \r\n"
    "　質疑の申出がありますので、\r\n\r\n順次これを許します。\r\n",
    "【辻座長】 はい。\n\n\n\u3000k i n t o n e です\n（拍手）\n\nwe\nuse\n\n\f\n【田中委員】 Ｉ１\n",
    "○議長（山田君） 開会します\n"
    + "\n".join(f"{'　' if i % 4 == 0 else ''}行{i}" for i in range(60)),
]


def _calls(text: str) -> list[tuple[Any, list[Any], tuple[Any, ...], dict[str, Any]]]:
    calls: list[tuple[Any, list[Any], tuple[Any, ...], dict[str, Any]]] = []
    read = BodyReader.read

    def record(reader: Any, lo: int, hi: int, body_start: int, utterance: int,
               closing: bool = False, end: Any = None, *rest: Any) -> Any:  # fmt: skip
        args = (body_start, reader._sites, reader._pages, utterance, reader._line_rules)
        lines = reader._table.lines_between(lo, hi)
        calls.append((reader._table, lines, args, {"closing": closing, "end": end}))
        return read(reader, lo, hi, body_start, utterance, closing, end, *rest)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(BodyReader, "read", record)
        gikai_minutes.parse(text, structure=False)
    return calls


@pytest.mark.parametrize("text", _SAMPLES)
def test_bodies_read_a_view_as_a_list(text: str) -> None:
    calls = _calls(text)
    assert calls
    for table, lines, args, kwargs in calls:
        assert lines.__class__ is Lines
        from_view = read_body_rows(table, lines, *args, **kwargs)
        from_list = read_body_rows(table, list(lines), *args, **kwargs)
        assert from_view == from_list


def test_builder_joins_paragraphs_by_line_breaks() -> None:
    text = "x" * 100
    speakers = (Speaker("s", "s"),)
    assert UtterancesBuilder(text).finish(speakers)._c.cleaned == ""
    builder = UtterancesBuilder(text)
    builder.paragraph("one", 0, 3)
    builder.paragraph("", 4, 4)
    builder.turn(0, 0, 0, 5, ())
    builder.add(0, 5, 6, 20, [("two", 6, 9), ("three", 10, 15)], [("rule", 6, 7, "t")], (2, 3))
    builder.turn(0, 20, 21, 30, ())
    utterances = builder.finish(speakers)
    assert utterances._c.cleaned == "one\n\ntwo\nthree\n"
    assert [u.text for u in utterances] == ["one\n", "two\nthree", ""]
    assert [p.text for p in utterances[1].paragraphs] == ["two", "three"]
    assert [u.pages for u in utterances] == [(), (2, 3), ()]
    assert utterances[1].fixes[0].replacement == "t"


@pytest.mark.parametrize(
    "text", ["", "abc", "a b c", "ｱ", "（x）", "Ａ", "はい。" * 100, "k i n t o n e" * 30]
)
def test_fix_sites_without_a_site_share_one_empty_array(text: str) -> None:
    sites = FixSites(text)
    if not sites.spaced:
        assert sites.spaced is fixes._NO_SITES["i"]
    if not sites.fullwidth and not sites.halfwidth:
        assert sites.fullwidth is sites.halfwidth is fixes._NO_SITES["i"]
    assert not fixes._NO_SITES["i"]
    assert not fixes._NO_SITES["q"]
    marks = sorted(m for run in sites.marks for m in run)
    expected = sorted(
        {*sites.fullwidth, *sites.halfwidth, *sites.spaced}
        | {i for i, c in enumerate(text) if c in "〔（("}
    )
    assert marks == expected
