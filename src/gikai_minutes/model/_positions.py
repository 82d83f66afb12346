"""Split text into lines (LF, CRLF or CR) and map offsets to line numbers."""

from __future__ import annotations

import array
import bisect
import functools
import itertools
import operator
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar, overload

import attrs

__all__ = ["LONE_CR", "ColumnSequence", "Deferred", "Line", "LineTable", "Lines", "Span", "items"]


@attrs.frozen(slots=True)
class Span:
    """A half-open range ``[start, end)`` of the source text and the lines it touches."""

    start: int
    end: int
    first_line: int
    last_line: int

    def __len__(self) -> int:
        return self.end - self.start


_T = TypeVar("_T")


class ColumnSequence(Sequence[_T]):
    """Base of the model's column-backed sequences: items made on access by ``_make``.

    Read-only; slices are tuples; equal to any sequence of equal items (a tuple included).
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _KEPT.add(cls)

    def _make(self, index: int) -> _T:  # pragma: no cover - every subclass makes its items
        raise NotImplementedError

    def _same_rows(self, other: object) -> bool:
        """Whether ``other`` surely holds the same items (the same rows): no item compared."""
        return False

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[_T, ...]: ...

    def __getitem__(self, index: int | slice) -> _T | tuple[_T, ...]:
        if isinstance(index, slice):
            return tuple(map(self._make, range(*index.indices(len(self)))))
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._make(index)

    def __iter__(self) -> Iterator[_T]:
        return map(self._make, range(len(self)))

    def __eq__(self, other: object) -> bool:
        if self._same_rows(other):
            return True
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(map(operator.eq, self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self)}>"


#: Classes whose objects a model field keeps as they are: tuples and the column-backed
#: sequences (each registers itself); a look-up costs less than an ``isinstance`` of an ABC.
_KEPT: set[type] = {tuple}


def items(value: Iterable[Any]) -> Sequence[Any]:
    """A model field's items as given (a tuple, a column-backed or a deferred sequence),
    else a tuple."""
    if value.__class__ in _KEPT or isinstance(value, (tuple, ColumnSequence, Deferred)):
        return value  # type: ignore[return-value]
    return tuple(value)


class Deferred(Sequence[_T]):
    """A read-only sequence whose items ``function(*arguments)`` finds on first access.

    For parts of the model that are rarely read and cost time to find: the model holds a
    function given to it and that function's inputs (parts of the model, never the
    parser's working state), and lets the inputs go once the items are found. It acts
    as the tuple of its items: equal to any sequence of equal items (a tuple included),
    with the tuple's hash and repr, and it pickles and copies as that tuple. The function
    must give the same items on every call (two threads may both call it).
    """

    __slots__ = ("_items", "_pending")

    def __init__(self, function: Callable[..., Iterable[_T]], *arguments: object) -> None:
        self._items: tuple[_T, ...] | None = None
        self._pending: tuple[Callable[..., Iterable[_T]], tuple[object, ...]] | None = (
            function,
            arguments,
        )

    @property
    def found(self) -> bool:
        """Whether the items have been found already."""
        return self._items is not None

    def as_tuple(self) -> tuple[_T, ...]:
        """The items (found on the first call)."""
        found = self._items
        if found is not None:
            return found
        pending = self._pending
        if pending is None:  # found meanwhile by another thread (items are set first)
            return self._items  # type: ignore[return-value]
        function, arguments = pending
        made = function(*arguments)
        found = made if made.__class__ is tuple else tuple(made)
        self._items = found
        self._pending = None
        return found

    def __len__(self) -> int:
        return len(self.as_tuple())

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[_T, ...]: ...

    def __getitem__(self, index: int | slice) -> _T | tuple[_T, ...]:
        return self.as_tuple()[index]

    def __iter__(self) -> Iterator[_T]:
        return iter(self.as_tuple())

    def __reversed__(self) -> Iterator[_T]:
        return reversed(self.as_tuple())

    def __contains__(self, value: object) -> bool:
        return value in self.as_tuple()

    def index(self, value: Any, start: int = 0, stop: int = sys.maxsize) -> int:
        return self.as_tuple().index(value, start, stop)

    def count(self, value: Any) -> int:
        return self.as_tuple().count(value)

    def __add__(self, other: tuple[_T, ...]) -> tuple[_T, ...]:
        return self.as_tuple() + other

    def __radd__(self, other: tuple[_T, ...]) -> tuple[_T, ...]:
        return other + self.as_tuple()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Deferred):
            other = other.as_tuple()
        if other.__class__ is tuple:
            return self.as_tuple() == other
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(map(operator.eq, self.as_tuple(), other))

    def __hash__(self) -> int:
        return hash(self.as_tuple())

    def __repr__(self) -> str:
        return repr(self.as_tuple())

    def __reduce__(self) -> tuple[type[tuple[_T, ...]], tuple[tuple[_T, ...]]]:
        return tuple, (self.as_tuple(),)


_KEPT.add(Deferred)


_NEWLINE = re.compile(r"\r\n|\r|\n")
#: A CR that ends a line by itself (not the first half of a CRLF).
LONE_CR = re.compile(r"\r(?!\n)")


class Line(NamedTuple):
    """One line: ``[start, end)`` is its content, ``next`` the start of the next line."""

    number: int
    start: int
    end: int
    next: int


class _Starts:
    """Line start offsets in an array (4 bytes a line), and lines made from them.

    ``drop``: how many characters end every line but the last (1: LF; 2: CRLF), or 0 when
    they differ from line to line.
    """

    __slots__ = ("cr", "drop", "lone_cr", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.cr = "\r" in text
        crs = text.count("\r") if self.cr else 0
        self.lone_cr = crs > 0 and text.count("\r\n") != crs
        starts = array.array("i" if len(text) < 2**31 - 1 else "q", [0])
        if self.lone_cr:
            starts.extend(m.end() for m in _NEWLINE.finditer(text))
        elif len(text) <= _SHORT:  # a short text: one find a line costs less than a split
            find = text.find
            end = find("\n")
            while end >= 0:
                end += 1
                starts.append(end)
                end = find("\n", end)
        else:  # every line ends at LF (a CRLF's CR is cut from the line's end on reading)
            # In chunks: the split parts of one chunk at a time are alive at once. The
            # start after the k-th LF of a chunk: the lengths of the parts up to it, plus
            # k + 1 (the LFs), plus the chunk's offset.
            for a in range(0, len(text), _CHUNK):
                parts = text[a : a + _CHUNK].split("\n")
                del parts[-1]  # (after the chunk's last LF)
                ends = itertools.accumulate(map(len, parts), initial=a + 1)
                next(ends)
                starts.extend(map(operator.add, ends, range(len(parts))))
        self.starts = starts
        # Without a lone CR, each CR is half of a CRLF: all lines end so if there are as
        # many CRs as line breaks.
        self.drop = 1 if crs == 0 else 2 if not self.lone_cr and crs == len(starts) - 1 else 0

    def line(self, index: int) -> Line:
        """The line at 0-based ``index``."""
        starts, text = self.starts, self.text
        start = starts[index]
        if index + 1 == len(starts):
            return _new_line(Line, (index + 1, start, len(text), len(text)))
        nxt = starts[index + 1]
        end = nxt - 1
        if self.cr and text[end] == "\n" and end > start and text[end - 1] == "\r":
            end -= 1
        return _new_line(Line, (index + 1, start, end, nxt))

    def iter_lines(self, lo: int, hi: int) -> Iterator[Line]:
        """Lines ``[lo, hi)`` in order (made at C speed when all lines end alike)."""
        return map(_LINE, self.rows(lo, hi))

    def rows(self, lo: int, hi: int) -> Iterator[tuple[int, int, int, int]]:
        """Lines ``[lo, hi)`` in order as plain tuples ``(number, start, end, next)``."""
        starts, text = self.starts, self.text
        last = len(starts) - 1
        top = min(hi, last)
        drop = self.drop
        if drop and top - lo > _ZIPPED:  # many lines: made at C speed
            nexts = starts[lo + 1 : top + 1]
            ends = map(_MINUS_ONE if drop == 1 else _MINUS_TWO, nexts)
            made = zip(range(lo + 1, top + 1), starts[lo:top], ends, nexts, strict=True)
            if last < hi:
                return itertools.chain(made, ((last + 1, starts[last], len(text), len(text)),))
            return made
        return self._rows(lo, hi)

    def _rows(self, lo: int, hi: int) -> Iterator[tuple[int, int, int, int]]:
        """:meth:`rows`, one line at a time."""
        starts, text, drop = self.starts, self.text, self.drop
        last = len(starts) - 1
        if lo < last and lo < hi:
            start = starts[lo]
            if drop:
                for index in range(lo + 1, min(hi, last) + 1):
                    nxt = starts[index]
                    yield index, start, nxt - drop, nxt
                    start = nxt
            else:
                for index in range(lo + 1, min(hi, last) + 1):
                    nxt = starts[index]
                    end = nxt - 1
                    if text[end] == "\n" and end > start and text[end - 1] == "\r":
                        end -= 1
                    yield index, start, end, nxt
                    start = nxt
        if lo <= last < hi:
            yield last + 1, starts[last], len(text), len(text)

    def all_lines(self) -> list[Line]:
        """Every line, made at once."""
        if self.cr:
            return list(self.iter_lines(0, len(self.starts)))
        text = self.text
        first = self.starts.tolist()
        nexts = [*first[1:], len(text)]
        ends = [*map(_MINUS_ONE, nexts[:-1]), len(text)]
        numbers = range(1, len(first) + 1)
        make = functools.partial(_new_line, Line)
        return list(map(make, zip(numbers, first, ends, nexts, strict=True)))


class LineTable:
    """The lines of a text, with offset to line-number lookup.

    The lines' start offsets are stored in an array (4 bytes a line). For a text of
    short lines (under 32 characters on average: blank lines, page numbers) the
    :class:`Line` records of :attr:`lines` are made on access, so that no object per line
    is kept; otherwise they are made once, when :attr:`lines` is first read.
    :meth:`lines_between` gives a view (lines made on access) until then.
    """

    __slots__ = ("_index", "_lines", "_number", "_starts", "cr", "lone_cr", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        index = _Starts(text)
        self._index = index
        self._starts = index.starts
        #: Whether the text holds a CR.
        self.cr: bool = index.cr
        #: Whether a CR ends a line on its own somewhere (not only as half of a CRLF).
        self.lone_cr: bool = index.lone_cr
        self._number = 0
        self._lines: Sequence[Line] | None = None

    @property
    def starts(self) -> Sequence[int]:
        """The lines' start offsets (an array; do not modify)."""
        return self._starts

    @property
    def drop(self) -> int:
        """How many characters end every line but the last (1: LF; 2: CRLF), or 0 when
        lines end differently (a lone CR somewhere, or LF and CRLF mixed)."""
        return self._index.drop

    @property
    def lines(self) -> Sequence[Line]:
        """All lines, in order."""
        lines = self._lines
        if lines is None:
            index = self._index
            if len(self.text) < _DENSE * len(index.starts):
                # Short lines (blank lines, page numbers, one-word lines): made on access.
                lines = Lines(index, 0, len(index.starts))
            else:
                lines = index.all_lines()
            self._lines = lines
        return lines

    def line(self, index: int) -> Line:
        """The line at 0-based ``index``."""
        return self._index.line(index)

    def lines_between(self, first: int, end: int) -> Sequence[Line]:
        """Lines ``[first, end)`` (0-based; ``0 <= first``), as ``lines[first:end]``: a
        view, unless every line was made already."""
        lines = self._lines
        if lines is None or lines.__class__ is Lines:
            n = len(self._starts)
            lo = min(first, n)
            return Lines(self._index, lo, max(lo, min(end, n)))
        return lines[first:end]

    def line_of(self, offset: int) -> int:
        """The 1-based number of the line holding ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` for ``[start, end)``; an empty range sits on its start's line."""
        first = self.number(bisect.bisect_right(self._starts, start))
        last = first if end <= start else bisect.bisect_right(self._starts, end - 1)
        return Span(start, end, first, first if last == first else last)

    def number(self, line: int) -> int:
        """``line``, as the very int object given out last time if it is the same number:
        the spans of a header, its turn and its paragraph share one line number."""
        if line == self._number:
            return self._number
        self._number = line
        return line

    def column_of(self, offset: int) -> int:
        """The 1-based column of ``offset`` within its line."""
        return offset - self._starts[self.line_of(offset) - 1] + 1

    def piece(self, span: Span, start: int, end: int) -> Span:
        """``span`` itself when ``[start, end)`` is all of it, else a new span."""
        if (start, end) == (span.start, span.end):
            return span
        return self.span(start, end)


_CHUNK = 1 << 14
#: Texts of up to this many characters find their line ends one at a time.
_SHORT = 2048
#: Texts whose lines average fewer characters than this keep no object per line.
_DENSE = 32
_MINUS_ONE = (-1).__add__
_MINUS_TWO = (-2).__add__
#: Views of more lines than this make their rows with ``zip`` (more set-up, less a line).
_ZIPPED = 24
_new_line = tuple.__new__
#: A plain row (number, start, end, next) as a :class:`Line`, at C speed.
_LINE = functools.partial(_new_line, Line)


class Lines(Sequence[Line]):
    """Lines ``[lo, hi)`` of a text, made on access; slices are views."""

    __slots__ = ("_hi", "_index", "_lo")

    def __init__(self, index: _Starts, lo: int, hi: int) -> None:
        self._index, self._lo, self._hi = index, lo, hi

    def __len__(self) -> int:
        return self._hi - self._lo

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> Lines: ...

    def __getitem__(self, index: int | slice) -> Line | Lines:
        if index.__class__ is int and 0 <= index < self._hi - self._lo:  # the common case
            return self._index.line(self._lo + index)
        if isinstance(index, slice):
            lo, hi, step = index.indices(len(self))
            if step != 1:
                raise ValueError("line views take no step")
            return Lines(self._index, self._lo + lo, self._lo + max(lo, hi))
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(index)
        return self._index.line(self._lo + index)

    def __iter__(self) -> Iterator[Line]:
        return self._index.iter_lines(self._lo, self._hi)

    def rows(self) -> Iterator[tuple[int, int, int, int]]:
        """The lines as plain tuples ``(number, start, end, next)``: as iterating, without
        making :class:`Line` records."""
        return self._index.rows(self._lo, self._hi)
