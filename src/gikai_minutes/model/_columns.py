"""Utterances and notes kept as columns of offsets; their objects are made on access.

A parsed meeting of a dense text (one short turn or one stage direction a line) would
otherwise keep several objects a line (utterance, spans, paragraphs, fixes), many times
the size of the text. Here each utterance costs a few array entries and its cleaned
text, stored once in one string. :class:`Utterances` and :class:`Notes` are read-only
sequences: ``meeting.utterances[3]`` makes a new, equal :class:`Utterance` on every
access, and they compare equal to a tuple of the same items.
"""

from __future__ import annotations

import array
import bisect
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import overload

from gikai_minutes.model._meeting import (
    Note,
    NoteKind,
    Paragraph,
    Speaker,
    TextFix,
    Utterance,
)
from gikai_minutes.model._positions import ColumnSequence, LineTable, Span

__all__ = [
    "Notes",
    "NotesBuilder",
    "Utterances",
    "UtterancesBuilder",
    "note_rows",
    "paragraph_starts",
    "paragraph_texts",
]

#: One paragraph as a row: (cleaned text, source start, source end).
ParagraphRow = tuple[str, int, int]
#: One fix as a row: (rule, source start, end, first line, last line, replacement).
FixRow = tuple[str, int, int, int, int, str]
_NOTE_KINDS = tuple(NoteKind)
_NOTE_KIND_CODE = {kind: code for code, kind in enumerate(_NOTE_KINDS)}


def _offsets(text: str) -> str:
    """The array type code that holds every offset of ``text``."""
    return "i" if len(text) < 2**31 - 1 else "q"


#: Texts whose lines average at least this many characters keep their line starts (4
#: bytes a line); texts of shorter lines (blank lines, page numbers) find them again when
#: a span is first made.
_KEEP_LINES = 32


class _Lines:
    """Line numbers of offsets in one text, for the spans of items made on access."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str, starts: Sequence[int] | None = None) -> None:
        self.text = text
        keep = starts is not None and len(text) >= _KEEP_LINES * len(starts)
        self._starts: Sequence[int] | None = starts if keep else None

    def __getstate__(self) -> tuple[str, Sequence[int] | None]:
        return self.text, self._starts

    def __setstate__(self, state: tuple[str, Sequence[int] | None]) -> None:
        self.text, self._starts = state

    def span(self, start: int, end: int) -> Span:
        """A span for ``[start, end)``; an empty range sits on its start's line."""
        starts = self._starts
        if starts is None:
            starts = self._starts = LineTable(self.text).starts
        first = bisect.bisect_right(starts, start)
        last = first if end <= start else bisect.bisect_right(starts, end - 1)
        return Span(start, end, first, last)


class _Columns:
    """The stored columns of a meeting's utterances (shared by every view of them)."""

    __slots__ = (
        "body",
        "cleaned",
        "end",
        "fix_first",
        "fix_last",
        "fix_lo",
        "fix_rule",
        "fix_start",
        "fix_stop",
        "fix_with",
        "header",
        "lines",
        "page_count",
        "page_first",
        "para_lo",
        "rules",
        "source_end",
        "source_start",
        "speaker",
        "text",
        "text_end",
        "text_start",
    )

    def __init__(self, lines: _Lines) -> None:
        text = lines.text
        code = _offsets(text)
        self.text = text
        self.lines = lines
        # per utterance
        self.speaker = array.array("i")
        self.header = array.array(code)
        self.body = array.array(code)
        self.end = array.array(code)
        self.para_lo = array.array("i", [0])
        self.fix_lo = array.array("i", [0])
        self.page_first = array.array("q")
        self.page_count = array.array("q")
        # per paragraph
        self.source_start = array.array(code)
        self.source_end = array.array(code)
        self.text_start = array.array("q")
        self.text_end = array.array("q")
        self.cleaned = ""
        # per fix
        self.rules: tuple[str, ...] = ()
        self.fix_rule = array.array("b")
        self.fix_start = array.array(code)
        self.fix_stop = array.array(code)
        self.fix_first = array.array("i")
        self.fix_last = array.array("i")
        self.fix_with: list[str] = []


class UtterancesBuilder:
    """Collects utterances as rows, in order; :meth:`finish` gives the sequence."""

    __slots__ = ("_c", "_parts", "_position", "_rules")

    def __init__(self, text: str, line_starts: Sequence[int] | None = None) -> None:
        self._c = _Columns(_Lines(text, line_starts))
        self._parts: list[str] = []
        self._position = 0
        self._rules: dict[str, int] = {}

    def add(
        self,
        speaker: int,
        header_start: int,
        body_start: int,
        end: int,
        paragraphs: Iterable[ParagraphRow],
        fixes: Iterable[FixRow] = (),
        pages: tuple[int, ...] = (),
    ) -> None:
        """One utterance: its speaker's slot in the speakers given to :meth:`finish`,
        its offsets, paragraphs, fixes (sorted by start) and pages (consecutive)."""
        c = self._c
        c.speaker.append(speaker)
        c.header.append(header_start)
        c.body.append(body_start)
        c.end.append(end)
        c.page_first.append(pages[0] if pages else 0)
        c.page_count.append(len(pages))
        parts, position = self._parts, self._position
        for cleaned, start, stop in paragraphs:
            c.source_start.append(start)
            c.source_end.append(stop)
            c.text_start.append(position)
            position += len(cleaned)
            c.text_end.append(position)
            parts.append(cleaned)
            parts.append("\n")
            position += 1
        self._position = position
        c.para_lo.append(len(c.source_start))
        rules = self._rules
        for rule, start, stop, first, last, replacement in fixes:
            code = rules.get(rule)
            if code is None:
                code = rules[rule] = len(rules)
            c.fix_rule.append(code)
            c.fix_start.append(start)
            c.fix_stop.append(stop)
            c.fix_first.append(first)
            c.fix_last.append(last)
            c.fix_with.append(replacement)
        c.fix_lo.append(len(c.fix_start))

    @property
    def lines(self) -> _Lines:
        """The text's line index (shared with the notes)."""
        return self._c.lines

    def finish(self, speakers: Sequence[Speaker]) -> Utterances:
        """The utterances, whose speaker slots index ``speakers``."""
        c = self._c
        c.cleaned = "".join(self._parts)
        c.rules = tuple(self._rules)
        self._parts = []
        return Utterances(c, tuple(speakers))


class Utterances(ColumnSequence[Utterance]):
    """A meeting's utterances, stored as columns; every item is made on access.

    Behaves as a read-only sequence (``len``, indexing, slicing, iteration) and compares
    equal to any sequence of equal utterances, a tuple included.
    """

    __slots__ = ("_c", "_span", "_speakers")

    def __init__(self, columns: _Columns, speakers: tuple[Speaker, ...]) -> None:
        self._c = columns
        self._speakers = speakers
        self._span = columns.lines.span

    def __getstate__(self) -> tuple[_Columns, tuple[Speaker, ...]]:
        return self._c, self._speakers

    def __setstate__(self, state: tuple[_Columns, tuple[Speaker, ...]]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self._c.speaker)

    @overload
    def __getitem__(self, index: int) -> Utterance: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Utterance, ...]: ...

    def __getitem__(self, index: int | slice) -> Utterance | tuple[Utterance, ...]:
        if isinstance(index, slice):
            return tuple(map(self._make, range(*index.indices(len(self)))))
        n = len(self._c.speaker)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("utterance index out of range")
        return self._make(index)

    def __iter__(self) -> Iterator[Utterance]:
        return map(self._make, range(len(self._c.speaker)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Utterances) and other._c is self._c:
            return other._speakers == self._speakers
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(map(_equal, self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<Utterances: {len(self)}>"

    # -- what the parser's later stages read without making objects --------------------

    def with_speakers(self, speakers: Mapping[str, Speaker]) -> Utterances:
        """The same utterances, each speaker replaced by the one with its id."""
        return Utterances(self._c, tuple(speakers.get(s.id, s) for s in self._speakers))

    @property
    def distinct_speakers(self) -> tuple[Speaker, ...]:
        """The speakers of the utterances, each once."""
        return self._speakers

    def speaker_id(self, index: int) -> str:
        """The id of utterance ``index``'s speaker."""
        return self._speakers[self._c.speaker[index]].id

    def text(self, index: int) -> str:
        """Utterance ``index``'s text."""
        c = self._c
        lo, hi = c.para_lo[index], c.para_lo[index + 1]
        return c.cleaned[c.text_start[lo] : c.text_end[hi - 1]] if hi > lo else ""

    def paragraph_texts(self, index: int) -> tuple[str, ...]:
        """Utterance ``index``'s paragraphs' text."""
        c = self._c
        cleaned, ts, te = c.cleaned, c.text_start, c.text_end
        return tuple(
            [cleaned[ts[k] : te[k]] for k in range(c.para_lo[index], c.para_lo[index + 1])]
        )

    def paragraph_starts(self, index: int) -> Sequence[int]:
        """The source offsets where utterance ``index``'s paragraphs start."""
        c = self._c
        return c.source_start[c.para_lo[index] : c.para_lo[index + 1]]

    def bounds(self) -> Iterator[tuple[int, int, int]]:
        """(header start, body start, end) of each utterance, in order."""
        c = self._c
        return zip(c.header, c.body, c.end, strict=True)

    def _make(self, i: int) -> Utterance:
        c, span = self._c, self._span
        lo, hi = c.para_lo[i], c.para_lo[i + 1]
        cleaned, ts, te, ss, se = c.cleaned, c.text_start, c.text_end, c.source_start, c.source_end
        paragraphs = tuple(
            [Paragraph(cleaned[ts[k] : te[k]], span(ss[k], se[k])) for k in range(lo, hi)]
        )
        # one paragraph: its string is the text
        text = (
            paragraphs[0].text if hi - lo == 1 else cleaned[ts[lo] : te[hi - 1]] if hi > lo else ""
        )
        flo, fhi = c.fix_lo[i], c.fix_lo[i + 1]
        fixes: tuple[TextFix, ...] = ()
        if fhi > flo:
            source, rules = c.text, c.rules
            fixes = tuple(
                [
                    TextFix(
                        rules[c.fix_rule[k]],
                        Span(c.fix_start[k], c.fix_stop[k], c.fix_first[k], c.fix_last[k]),
                        source[c.fix_start[k] : c.fix_stop[k]],
                        c.fix_with[k],
                    )
                    for k in range(flo, fhi)
                ]
            )
        count = c.page_count[i]
        first = c.page_first[i]
        return Utterance(
            i,
            self._speakers[c.speaker[i]],
            text,
            paragraphs,
            span(c.body[i], c.end[i]),
            span(c.header[i], c.body[i]),
            fixes,
            tuple(range(first, first + count)) if count else (),
        )


def _equal(a: object, b: object) -> bool:
    return a == b


class _NoteColumns:
    __slots__ = ("end", "kind", "lines", "start", "text", "utterance")

    def __init__(self, lines: _Lines) -> None:
        code = _offsets(lines.text)
        self.text = lines.text
        self.lines = lines
        self.kind = array.array("b")
        self.start = array.array(code)
        self.end = array.array(code)
        self.utterance = array.array("i")


class NotesBuilder:
    """Collects notes as rows (their text is the source between their offsets)."""

    __slots__ = ("_c",)

    def __init__(self, utterances: UtterancesBuilder) -> None:
        self._c = _NoteColumns(utterances.lines)

    def add(self, kind: NoteKind, start: int, end: int, utterance: int | None) -> None:
        c = self._c
        c.kind.append(_NOTE_KIND_CODE[kind])
        c.start.append(start)
        c.end.append(end)
        c.utterance.append(-1 if utterance is None else utterance)

    def finish(self) -> Notes:
        """The notes in source order."""
        c = self._c
        order = sorted(range(len(c.start)), key=c.start.__getitem__)
        if any(a > b for a, b in itertools.pairwise(order)):
            for name in ("kind", "start", "end", "utterance"):
                column = getattr(c, name)
                setattr(c, name, array.array(column.typecode, [column[k] for k in order]))
        return Notes(c)


class Notes(ColumnSequence[Note]):
    """A meeting's notes, stored as columns; every item is made on access (see
    :class:`Utterances`)."""

    __slots__ = ("_c", "_span")

    def __init__(self, columns: _NoteColumns) -> None:
        self._c = columns
        self._span = columns.lines.span

    def __getstate__(self) -> _NoteColumns:
        return self._c

    def __setstate__(self, state: _NoteColumns) -> None:
        self.__init__(state)  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self._c.start)

    @overload
    def __getitem__(self, index: int) -> Note: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Note, ...]: ...

    def __getitem__(self, index: int | slice) -> Note | tuple[Note, ...]:
        if isinstance(index, slice):
            return tuple(map(self._make, range(*index.indices(len(self)))))
        n = len(self._c.start)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("note index out of range")
        return self._make(index)

    def __iter__(self) -> Iterator[Note]:
        return map(self._make, range(len(self._c.start)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Notes) and other._c is self._c:
            return True
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(map(_equal, self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<Notes: {len(self)}>"

    def rows(self) -> Iterator[tuple[NoteKind, int, int, int | None]]:
        """(kind, start, end, utterance index) of each note, in order."""
        c = self._c
        for code, start, end, utterance in zip(c.kind, c.start, c.end, c.utterance, strict=True):
            yield _NOTE_KINDS[code], start, end, None if utterance < 0 else utterance

    def _make(self, i: int) -> Note:
        c = self._c
        start, end, utterance = c.start[i], c.end[i], c.utterance[i]
        return Note(
            _NOTE_KINDS[c.kind[i]],
            c.text[start:end],
            self._span(start, end),
            None if utterance < 0 else utterance,
        )


# -- reading either storage: a tuple of objects or columns ---------------------------------


def paragraph_texts(utterances: Sequence[Utterance], position: int) -> tuple[str, ...]:
    """The paragraphs' text of ``utterances[position]``, without making the utterance when
    the utterances are kept as columns."""
    if isinstance(utterances, Utterances):
        return utterances.paragraph_texts(position)
    return tuple(p.text for p in utterances[position].paragraphs)


def paragraph_starts(utterances: Sequence[Utterance], position: int) -> Sequence[int]:
    """The source offsets where the paragraphs of ``utterances[position]`` start."""
    if isinstance(utterances, Utterances):
        return utterances.paragraph_starts(position)
    return [p.span.start for p in utterances[position].paragraphs]


def note_rows(notes: Sequence[Note]) -> Iterator[tuple[NoteKind, int, int, int | None]]:
    """(kind, start, end, utterance index) of each note, without making the notes when
    they are kept as columns."""
    if isinstance(notes, Notes):
        return notes.rows()
    return ((n.kind, n.span.start, n.span.end, n.utterance_index) for n in notes)
