"""Page artefacts: form feeds, page-number lines and running headers/footers.

A bare number line (``3``) counts as a page number only when it belongs to a run of
increasing numbers across the document (a vote count ``32`` stands alone); decorated
forms (``- 3 -``, ``－３－``, ``3/25``) count at once. A running header is a short line
that recurs next to at least half of the page breaks (three at least).
"""

from __future__ import annotations

import array
import bisect
from collections import Counter
from collections.abc import Sequence

import attrs
import regex

from gikai_minutes._text.numerals import parse_number
from gikai_minutes.model._positions import LineTable

__all__ = ["PageLayout", "find_pages"]

_WIDE_DIGITS = "0-9０-９"
_DECORATED = regex.compile(
    rf"[ \u3000]*(?:[-－―ー−‐][ \u3000]*(?P<a>[{_WIDE_DIGITS}]{{1,4}})[ \u3000]*[-－―ー−‐]"
    rf"|(?P<b>[{_WIDE_DIGITS}]{{1,4}})[ \u3000]*[/／][ \u3000]*[{_WIDE_DIGITS}]{{1,4}}"
    rf"|[（(](?P<c>[{_WIDE_DIGITS}]{{1,4}})[）)]"
    rf"|(?:page|p\.|Page|P\.)[ \u3000]*(?P<d>[0-9]{{1,4}}))"
    r"[ \u3000\f]*"
)
_BARE = regex.compile(rf"[ \u3000\f]*(?P<n>[{_WIDE_DIGITS}]{{1,4}})[ \u3000\f]*")
_STRIP = " \u3000\t\f\v"


@attrs.frozen(slots=True)
class PageLayout:
    """Where pages break, which lines are page artefacts, and page numbers by offset."""

    number_lines: frozenset[int]  # 0-based line indexes of page-number lines
    header_lines: frozenset[int]  # 0-based line indexes of running headers/footers
    breaks: Sequence[int]  # offsets where a new page starts (an array: 8 bytes each)
    numbers: Sequence[int]  # page number of the page starting at each break
    first: int  # page number before the first break

    def pages_of(self, start: int, end: int) -> tuple[int, ...]:
        """Page numbers touched by ``[start, end)``; empty if the text has no pages."""
        if not self.breaks:
            return ()
        a = bisect.bisect_right(self.breaks, start)
        b = bisect.bisect_right(self.breaks, max(start, end - 1))
        first = self.first if a == 0 else self.numbers[a - 1]
        last = self.first if b == 0 else self.numbers[b - 1]
        return tuple(range(first, last + 1)) if last >= first else (first,)


def _numbered_lines(table: LineTable) -> list[tuple[int, int]]:
    text = table.text
    decorated: list[tuple[int, int]] = []
    bare: list[tuple[int, int]] = []
    for index, line in enumerate(table.lines):
        if line.end - line.start > 16 or line.end == line.start:
            continue
        content = text[line.start : line.end]
        m = _DECORATED.fullmatch(content)
        if m is not None:
            value = parse_number(next(g for g in m.groups() if g))
            if value is not None:
                decorated.append((index, value))
            continue
        m = _BARE.fullmatch(content)
        if m is not None:
            value = parse_number(m.group("n"))
            if value is not None:
                bare.append((index, value))
    return sorted(decorated + _increasing_run(bare))


def _increasing_run(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of numbers that rises by one each time (at least 3)."""
    best: dict[int, list[tuple[int, int]]] = {}
    for index, value in found:
        chain = [*best.get(value - 1, []), (index, value)]
        if len(chain) > len(best.get(value, [])):
            best[value] = chain
    longest = max(best.values(), key=len, default=[])
    return longest if len(longest) >= 3 else []


def find_pages(table: LineTable) -> PageLayout:
    """Find page breaks, page-number lines and running headers in ``table``."""
    text = table.text
    numbered = _numbered_lines(table)
    breaks = array.array("q")
    numbers: Sequence[int] = array.array("q")
    first = 1
    if "\f" in text:
        pos = text.find("\f")
        while pos >= 0:
            breaks.append(pos + 1)
            pos = text.find("\f", pos + 1)
        numbers = range(2, len(breaks) + 2)  # form feeds number the pages 2, 3, …
    elif numbered:
        # Page numbers printed at the top of a page open it; at the bottom they close it.
        lines = table.lines
        printed = array.array("q")
        numbers = printed
        top = numbered[0][0] < len(lines) // max(2 * len(numbered), 1)
        for index, value in numbered:
            if top:
                breaks.append(lines[index].start)
                printed.append(value)
            elif index + 1 < len(lines):
                breaks.append(lines[index].next)
                printed.append(value + 1)
        first = numbers[0] - 1 if top else numbered[0][1]
        if top and first < 1:
            first = 1
    boundary_lines = {table.line_of(b) - 1 for b in breaks} | {i for i, _ in numbered}
    headers = _running_headers(table, boundary_lines, {i for i, _ in numbered})
    return PageLayout(
        frozenset(i for i, _ in numbered),
        frozenset(headers),
        breaks,
        numbers,
        first,
    )


def _running_headers(table: LineTable, boundaries: set[int], skip: set[int]) -> set[int]:
    """Short lines repeated next to at least half the page breaks (and three times), each
    within two lines of a break."""
    if len(boundaries) < 3:
        return set()
    text = table.text
    near: dict[str, list[int]] = {}
    for b in boundaries:
        for index in range(max(0, b - 2), min(len(table.lines), b + 3)):
            if index in skip:
                continue
            line = table.lines[index]
            content = text[line.start : line.end].strip(_STRIP)
            if 0 < len(content) <= 60:
                near.setdefault(content, []).append(index)
    counts = Counter({k: len(set(v)) for k, v in near.items()})
    least = max(3, len(boundaries) // 2)
    return {i for k, n in counts.items() if n >= least for i in near[k]}
