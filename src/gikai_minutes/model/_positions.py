"""Split text into lines (LF, CRLF or CR) and map offsets to line numbers."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import NamedTuple

import attrs

__all__ = ["Line", "LineTable", "Span"]


@attrs.frozen(slots=True)
class Span:
    """A half-open range ``[start, end)`` of the source text and the lines it touches."""

    start: int
    end: int
    first_line: int
    last_line: int

    def __len__(self) -> int:
        return self.end - self.start


_NEWLINE = re.compile(r"\r\n|\r|\n")


class Line(NamedTuple):
    """One line: ``[start, end)`` is its content, ``next`` the start of the next line."""

    number: int
    start: int
    end: int
    next: int


class LineTable:
    """The lines of a text, with offset to line-number lookup."""

    __slots__ = ("_starts", "lines", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        lines: list[Line]
        if "\r" in text:
            lines = []
            start = 0
            for number, m in enumerate(_NEWLINE.finditer(text), 1):
                lines.append(Line(number, start, m.start(), m.end()))
                start = m.end()
            lines.append(Line(len(lines) + 1, start, len(text), len(text)))
        else:
            lengths = [len(part) + 1 for part in text.split("\n")]
            starts = [0, *itertools.accumulate(lengths)][:-1]
            ends = [a + n - 1 for a, n in zip(starts, lengths, strict=True)]
            nexts = [*starts[1:], len(text)]
            numbers = range(1, len(starts) + 1)
            make = functools.partial(tuple.__new__, Line)
            lines = list(map(make, zip(numbers, starts, ends, nexts, strict=True)))
        self.lines = lines
        self._starts = [line.start for line in lines]

    def line_of(self, offset: int) -> int:
        """The 1-based number of the line holding ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` for ``[start, end)``; an empty range sits on its start's line."""
        first = self.line_of(start)
        last = first if end <= start else self.line_of(end - 1)
        return Span(start, end, first, last)

    def column_of(self, offset: int) -> int:
        """The 1-based column of ``offset`` within its line."""
        return offset - self._starts[self.line_of(offset) - 1] + 1

    def piece(self, span: Span, start: int, end: int) -> Span:
        """``span`` itself when ``[start, end)`` is all of it, else a new span."""
        if (start, end) == (span.start, span.end):
            return span
        return self.span(start, end)
