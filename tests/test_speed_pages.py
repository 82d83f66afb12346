"""The page finder's digest, mapped over whole chunks of lines, and its choice of the edge
lines worth reading give the layouts the line-by-line digest and every edge line give.

The reference below is the digest as it read every line in Python, and the edge lines as
they were all read (those holding a digit); the texts are the sample documents, with page
furniture added (form feeds, page numbers, running headers, numbered footers, margin
numbers) and with every kind of line end.
"""

from __future__ import annotations

import array
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests._helpers import layout_facts, line_end_variants, sample_documents

from gikai_minutes._read import pages
from gikai_minutes.model._positions import LineTable


class _ReferenceDigest:
    """The digest read line by line: every stripped line counted, every edge line kept."""

    def __init__(
        self,
        text: str,
        lone_cr: bool,
        counting: bool = True,
        longest: int = 0,
        lines: int = 0,
        stripped: list[str] | None = None,
    ) -> None:
        self.lone_cr = lone_cr
        stripped = [
            line.strip(pages._STRIP_CR)
            for line in (pages.LONE_CR.sub("\n", text) if lone_cr else text).split("\n")
        ]
        self.counts: Counter[str] = Counter(c for c in stripped if c) if counting else Counter()
        edge = pages._NUMBER_EDGE_CHARS
        found = [i for i, c in enumerate(stripped) if c and (c[0] in edge or c[-1] in edge)]
        self.edges = array.array("i", found)
        self.edged = [stripped[i] for i in found]
        self.nonblank = sum(1 for c in stripped if c)


def _reference_rows(table: LineTable, digest: pages._Digest) -> list[pages._EdgeLine]:
    return [row for row in pages._edge_lines(table, digest.edges) if pages._DIGIT.search(row[2])]


def _reference_layout(text: str) -> tuple[object, ...]:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(pages, "_Digest", _ReferenceDigest)
        m.setattr(pages, "_rows", _reference_rows)
        return layout_facts(pages.find_pages(LineTable(text)))


def _check_digest(text: str) -> None:
    table = LineTable(text)
    lone_cr = table.lone_cr
    reference = _ReferenceDigest(text, lone_cr)
    for counting, longest, lines in [
        (False, 0, 0),
        (True, 0, 0),
        (True, pages.HEADER_MAX, 0),
        (True, pages.HEADER_MAX, len(table.starts)),  # (in larger chunks if dense)
        (True, pages.HEADER_MAX, -1),  # (its lines given stripped)
        (False, pages.HEADER_MAX, -1),
    ]:
        if lines < 0:
            stripped = pages._strip(text, lone_cr)
            digest = pages._Digest(text, lone_cr, counting, longest, 0, stripped)
        else:
            digest = pages._Digest(text, lone_cr, counting, longest, lines)
        assert list(digest.edges) == list(reference.edges)
        assert digest.edged == reference.edged
        assert digest.nonblank == reference.nonblank
        if not counting:
            assert not digest.counts
            continue
        # (with ``longest``, lines longer than that or rarer than a running header may
        # be left out, no other)
        expected = {
            c: n
            for c, n in reference.counts.items()
            if not longest or (len(c) <= longest and n >= pages.PERIODIC_MIN)
        }
        assert {c: n for c, n in digest.counts.items() if c in expected} == expected
        assert set(digest.counts) <= set(reference.counts)


def _check(text: str) -> tuple[object, ...]:
    found = layout_facts(pages.find_pages(LineTable(text)))
    assert found == _reference_layout(text)
    return found


def _documents() -> tuple[str, ...]:
    return sample_documents(9, 40)


def _furnished(doc: str) -> Iterator[str]:
    """``doc`` (its first lines) with page furniture of each kind added."""
    lines = doc.replace("\r\n", "\n").split("\n")[:400]
    page = 30
    # form feeds, with and without page numbers and a running header
    yield "\n".join(("\f" + line) if k and k % page == 0 else line for k, line in enumerate(lines))
    paged = []
    for k, line in enumerate(lines):
        if k and k % page == 0:
            paged += [f"- {k // page} -", "\f第3回　総務委員会会議録"]
        paged.append(line)
    yield "\n".join(paged)
    # page numbers without breaks: decorated, bare, counted
    for form in ("－ {} －", "  {}  ", "{}/20", "（{}）", "page {}"):
        yield "\n".join(
            form.format(k // page) if k and k % page == 0 else line for k, line in enumerate(lines)
        )
    # running headers recurring at a steady interval, spaced differently
    yield "\n".join(
        ("　" * (k % 3) + "第3回　総務委員会会議録" + " " * (k % 2)) if k % page == 0 else line
        for k, line in enumerate(lines)
    )
    # numbered footers, short and long
    for footer in (
        "総務委員会会議録 - {} -",
        "令和６年第３回定例会　総務委員会会議録（第２日）　－ {} －",
    ):
        yield "\n".join(
            footer.format(k // page) if k and k % page == 0 else line
            for k, line in enumerate(lines)
        )
    # margin numbers: left (every line, every fifth), right, alone
    yield "\n".join(f"{k} {line}" for k, line in enumerate(lines, 1))
    yield "\n".join(f"{k}　{line}" if k % 5 == 0 else line for k, line in enumerate(lines, 1))
    yield "\n".join(f"{line}   {k}" if line.strip() else line for k, line in enumerate(lines, 1))
    yield "\n".join(f"{k}\n{line}" for k, line in enumerate(lines, 1))


def test_the_digest_maps_what_it_read_line_by_line() -> None:
    checked = 0
    for doc in _documents():
        for text in [doc, *_furnished(doc)]:
            _check_digest(text)
            checked += 1
    assert checked > 100


def test_long_texts_are_digested_in_chunks_as_line_by_line() -> None:
    seed = _documents()[0]
    for text in (seed * 3, (seed + "\n\n\n") * 2, "\n".join(_furnished(seed))):
        assert len(text) > pages._CHUNK * pages._DENSE_CHUNKS
        _check_digest(text)
        _check(text)


def test_layouts_are_the_reference_layouts_on_documents() -> None:
    layouts = [_check(doc) for doc in _documents()]
    assert any(not any(layout[:4]) for layout in layouts)  # (texts with no furniture)


def test_layouts_are_the_reference_layouts_with_furniture() -> None:
    found = [_check(text) for doc in _documents()[:12] for text in _furnished(doc)]
    # (each kind was found somewhere: page numbers, headers, breaks, margins)
    assert any(layout[0] for layout in found)
    assert any(layout[1] for layout in found)
    assert any(layout[2] for layout in found)
    assert any(layout[5] for layout in found)


def test_layouts_are_the_reference_layouts_with_every_line_end() -> None:
    for doc in _documents()[:6]:
        for text in [doc, *list(_furnished(doc))[::3]]:
            for variant in line_end_variants(text):
                _check(variant)
                _check_digest(variant)


_LONG = "本日の会議を開きます。" * 8  # (longer than any page number, header or footer)


@pytest.mark.parametrize(
    "numbered",
    [
        lambda k, line: f"{k} {line}",
        lambda k, line: f"　{k}　{line}",
        lambda k, line: f"{line}  {k}",
        lambda k, line: f"{line}　{k}　",
    ],
)
def test_margin_numbers_on_long_lines_are_found(numbered: object) -> None:
    lines = [numbered(k, f"{_LONG}{k}") for k in range(1, 41)]  # type: ignore[operator]
    text = "\n".join(lines)
    layout = _check(text)
    assert len(layout[5]) == 40  # type: ignore[arg-type]


def test_long_numbered_footers_are_found() -> None:
    footer = "令和６年第３回定例会　総務委員会会議録（第２日）　－ {} －"
    lines = []
    for page in range(1, 6):
        lines += [_LONG] * 20 + [footer.format(page)]
    layout = _check("\n".join(lines))
    assert layout[1] == {20 + 21 * k for k in range(5)}


def test_long_lines_opening_with_a_number_are_no_margin() -> None:
    lines = [f"{k}つ目の{_LONG}" if k % 2 else f"　{_LONG}" for k in range(1, 61)]
    assert _check("\n".join(lines)) == layout_facts(pages._NO_PAGES)
    assert len(pages._Digest("\n".join(lines), False, True, pages.HEADER_MAX).edges) == 30


_LINE_CHARS = "0123456789０１-－ー)）（( 　\t本文。議事録/"


def _lines_of(pieces: list[tuple[str, int]]) -> str:
    return "\n".join(piece * repeat for piece, repeat in pieces)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(_LINE_CHARS, max_size=10), st.sampled_from([1, 1, 1, 3, 12])),
        max_size=120,
    ),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_layouts_are_the_reference_layouts_of_any_lines(
    pieces: list[tuple[str, int]], end: str
) -> None:
    text = _lines_of(pieces).replace("\n", end)
    _check(text)
    _check_digest(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 9), st.integers(8, 14), st.integers(0, 60))
def test_recurring_headers_and_numbers_among_long_lines(step: int, page: int, start: int) -> None:
    lines = []
    for k in range(200):
        if k % page == 0:
            lines.append(f"　総務委員会記録 {start + k // page} ")
        elif k % page == 1:
            lines.append(f"{start + k * step}  {_LONG}")
        else:
            lines.append(f"{_LONG}{'　' * (k % 3)}")
    _check("\n".join(lines))


def test_the_seed_has_no_page_furniture_and_few_rows_are_read() -> None:
    seed = _documents()[0]
    table = LineTable(seed)
    digest = pages._Digest(seed, table.lone_cr, True, pages.HEADER_MAX)
    rows = pages._rows(table, digest)
    assert len(rows) < len(_reference_rows(table, digest))
    assert _check(seed) == layout_facts(pages._NO_PAGES)
    assert len(digest.counts) < len(_ReferenceDigest(seed, False).counts)  # (long lines)
    assert re.search("[0-9]", seed)  # (its edge lines hold digits)


@pytest.mark.parametrize("blank", [0, 1, 3])
def test_a_header_recurring_just_often_enough_in_a_short_text_is_found(blank: int) -> None:
    lines = []
    for k in range(pages.PERIODIC_MIN):
        lines += ["第3回 総務委員会 会議録"]
        lines += [f"　第{k}{j}の発言です。" for j in range(8 - blank - 1)] + [""] * blank
    assert pages._PERIODIC_LINES <= len(lines) < pages._MAPPED_LINES
    layout = _check("\n".join(lines))
    assert layout[1] == {8 * k for k in range(pages.PERIODIC_MIN)}
