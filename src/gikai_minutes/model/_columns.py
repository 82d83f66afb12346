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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

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
    "paragraph_chars",
    "paragraph_starts",
    "paragraph_texts",
    "sized_paragraphs",
    "speaker_id",
    "utterance_text",
]

#: One paragraph as a row: (cleaned text, source start, source end).
ParagraphRow = tuple[str, int, int]
#: A span as plain values: (start, end, first line, last line).
SpanRow = tuple[int, int, int, int]
#: An utterance as plain values (see :meth:`Utterances.rows`).
UtteranceRow = tuple[
    int,
    Speaker,
    str,
    list[tuple[str, SpanRow]],
    SpanRow,
    SpanRow,
    list[tuple[str, SpanRow, str, str]],
    tuple[int, ...],
]
#: What a flat record needs of an utterance (see :meth:`Utterances.record_rows`).
RecordRow = tuple[int, Speaker, str, list[str], tuple[int, ...], int, int, int, int]
#: One fix as a row: (rule, source start, end, replacement). Its lines are those of its
#: start and of its end offset (a gap between two lines ends on the second).
FixRow = tuple[str, int, int, str]
_NOTE_KINDS = tuple(NoteKind)
_NOTE_KIND_CODE = {kind: code for code, kind in enumerate(_NOTE_KINDS)}


def _offsets(text: str) -> str:
    """The array type code that holds every offset of ``text`` and of its cleaned text
    (never longer than twice the source)."""
    return "i" if 2 * len(text) < 2**31 - 1 else "q"


#: An empty array of each type code, copied for each new column (a copy costs less).
_EMPTY = {"i": array.array("i"), "q": array.array("q")}


#: Texts whose lines average at least this many characters keep their line starts (4
#: bytes a line); texts of shorter lines (blank lines, page numbers) find them again when
#: a span is first made.
_KEEP_LINES = 32
#: Texts of up to this many lines keep them whatever their length.
_FEW_LINES = 4096


class _Lines:
    """Line numbers of offsets in one text, for the spans of items made on access."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str, starts: Sequence[int] | None = None) -> None:
        self.text = text
        keep = starts is not None and (
            len(starts) <= _FEW_LINES or len(text) >= _KEEP_LINES * len(starts)
        )
        self._starts: Sequence[int] | None = starts if keep else None

    def __getstate__(self) -> tuple[str, Sequence[int] | None]:
        return self.text, self._starts

    def __setstate__(self, state: tuple[str, Sequence[int] | None]) -> None:
        self.text, self._starts = state

    def line_starts(self) -> Sequence[int]:
        """The lines' start offsets (found again on first use if they were not kept)."""
        starts = self._starts
        if starts is None:
            starts = self._starts = LineTable(self.text).starts
        return starts

    def lines(self, start: int, end: int) -> tuple[int, int]:
        """The first and last line of ``[start, end)``; an empty range sits on its
        start's line."""
        starts = self.line_starts()
        first = bisect.bisect_right(starts, start)
        return first, first if end <= start else bisect.bisect_right(starts, end - 1)

    def span(self, start: int, end: int) -> Span:
        """A span for ``[start, end)``."""
        return Span(start, end, *self.lines(start, end))

    def fix_lines(self, start: int, end: int) -> tuple[int, int]:
        """The lines of a fix's start and end offsets (a gap between two lines that ends at
        the second line's first character ends on that line)."""
        starts = self.line_starts()
        first = bisect.bisect_right(starts, start)
        return first, first if end <= start else bisect.bisect_right(starts, end)


class _Slots:
    """Pickling by slot values (every protocol, ``copy`` included)."""

    __slots__: tuple[str, ...] = ()

    def __getstate__(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            object.__setattr__(self, name, value)


class _Columns(_Slots):
    """The stored rows of a meeting's utterances (shared by every view of them).

    ``turns`` holds :data:`_TURN` integers an utterance (speaker slot, header start, body
    start, end, end of its paragraphs, end of its fixes), ``paragraphs`` :data:`_PARA` a
    paragraph (start and end in ``cleaned``, source start and end), ``fixes`` :data:`_FIX`
    a fix (rule, source start and end); ``pages`` the first page and
    page count of each utterance, or ``None`` when no utterance has pages.
    """

    __slots__ = (
        "cleaned",
        "fixes",
        "lines",
        "pages",
        "paragraphs",
        "replacements",
        "rules",
        "turns",
    )

    def __init__(self, lines: _Lines) -> None:
        empty = _EMPTY[_offsets(lines.text)]
        self.lines = lines
        self.turns = empty[:]
        self.paragraphs = empty[:]
        self.fixes = empty[:]
        self.pages: array.array[int] | None = None
        self.cleaned = ""
        self.rules: tuple[str, ...] = ()
        self.replacements: list[str] = []


_TURN = 6
_PARA = 4
_FIX = 3


class UtterancesBuilder:
    """Collects utterances as rows, in order; :meth:`finish` gives the sequence."""

    #: ``_parts``: the paragraphs' cleaned texts (joined by line breaks when finished);
    #: ``position``: where the next paragraph starts in them, so joined; ``writer``: the
    #: paragraph rows' ``fromlist`` and the texts' ``append``, for a reader that writes
    #: paragraphs as :meth:`paragraph` does (a row ``[cleaned start, cleaned end, source
    #: start, source end]`` and the text each) and sets ``position`` after them.
    __slots__ = ("_c", "_parts", "_rules", "position", "writer")

    def __init__(self, text: str, line_starts: Sequence[int] | None = None) -> None:
        self._c = c = _Columns(_Lines(text, line_starts))
        self._parts: list[str] = []
        self.position = 0
        self._rules: dict[str, int] = {}
        self.writer: tuple[Callable[[list[int]], None], Callable[[str], None]] = (
            c.paragraphs.fromlist,
            self._parts.append,
        )

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
        its offsets, paragraphs, fixes (sorted by start; after any given to :meth:`paragraph`
        and :meth:`fix` since the last utterance) and pages (consecutive)."""
        c = self._c
        rows = c.paragraphs
        parts, position = self._parts, self.position
        for cleaned, start, stop in paragraphs:
            after = position + len(cleaned)
            rows.fromlist([position, after, start, stop])
            parts.append(cleaned)
            position = after + 1
        self.position = position
        rules = self._rules
        for rule, start, stop, replacement in fixes:
            code = rules.get(rule)
            if code is None:
                code = rules[rule] = len(rules)
            c.fixes.fromlist([code, start, stop])
            c.replacements.append(replacement)
        c.turns.fromlist(
            [speaker, header_start, body_start, end, len(rows) // _PARA, len(c.replacements)]
        )
        if pages or c.pages is not None:
            if c.pages is None:  # the first utterance with pages: none before it had any
                c.pages = array.array("q", bytes(8 * 2 * (len(c.turns) // _TURN - 1)))
            c.pages.fromlist([pages[0], len(pages)] if pages else [0, 0])

    def turn(
        self, speaker: int, header_start: int, body_start: int, end: int, pages: tuple[int, ...]
    ) -> None:
        """One utterance whose paragraphs and fixes were all given to :meth:`paragraph` and
        :meth:`fix` (as :meth:`add` with none)."""
        c = self._c
        c.turns.fromlist(
            [
                speaker,
                header_start,
                body_start,
                end,
                len(c.paragraphs) // _PARA,
                len(c.replacements),
            ]
        )
        if pages or c.pages is not None:
            if c.pages is None:  # the first utterance with pages: none before it had any
                c.pages = array.array("q", bytes(8 * 2 * (len(c.turns) // _TURN - 1)))
            c.pages.fromlist([pages[0], len(pages)] if pages else [0, 0])

    def paragraph(self, cleaned: str, start: int, end: int) -> None:
        """One paragraph of the utterance :meth:`add` is next called for, as it is read."""
        position = self.position
        after = position + len(cleaned)
        self._c.paragraphs.fromlist([position, after, start, end])  # (extend: 2x the cost)
        self._parts.append(cleaned)
        self.position = after + 1

    def fix(self, rule: str, start: int, end: int, replacement: str) -> None:
        """One fix of the utterance :meth:`add` is next called for, in order, as it is read."""
        rules = self._rules
        code = rules.get(rule)
        if code is None:
            code = rules[rule] = len(rules)
        c = self._c
        c.fixes.fromlist([code, start, end])
        c.replacements.append(replacement)

    @property
    def lines(self) -> _Lines:
        """The text's line index (shared with the notes)."""
        return self._c.lines

    def finish(self, speakers: Sequence[Speaker]) -> Utterances:
        """The utterances, whose speaker slots index ``speakers``."""
        c = self._c
        parts = self._parts
        if parts:
            parts.append("")  # each paragraph is followed by a line break, the last too
        c.cleaned = "\n".join(parts)
        c.rules = tuple(self._rules)
        self._parts = []
        return Utterances(c, tuple(speakers))


class Utterances(ColumnSequence[Utterance]):
    """A meeting's utterances, stored as rows of offsets; every item is made on access.

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
        return len(self._c.turns) // _TURN

    def _same_rows(self, other: object) -> bool:
        return (
            isinstance(other, Utterances)
            and other._c is self._c
            and other._speakers == self._speakers
        )

    # -- what the parser's later stages read without making objects --------------------

    def with_speakers(self, speakers: Mapping[str, Speaker]) -> Utterances:
        """The same utterances, each speaker replaced by the one with its id."""
        return Utterances(self._c, tuple([speakers.get(s.id, s) for s in self._speakers]))

    @property
    def distinct_speakers(self) -> tuple[Speaker, ...]:
        """The speakers of the utterances, each once."""
        return self._speakers

    def speaker_ids(self) -> Iterator[str]:
        """The speaker id of each utterance, in order (no utterance is made)."""
        speakers = self._speakers
        return (speakers[slot].id for slot in self._c.turns[::_TURN])

    def spans(self) -> Iterator[tuple[Span, Span]]:
        """The header span and body span of each utterance, in order (no utterance is
        made)."""
        turns, span = self._c.turns, self._span
        for at in range(0, len(turns), _TURN):
            yield span(turns[at + 1], turns[at + 2]), span(turns[at + 2], turns[at + 3])

    def speaker_id(self, index: int) -> str:
        """The id of utterance ``index``'s speaker."""
        return self._speakers[self._c.turns[index * _TURN]].id

    def _paragraph_range(self, index: int) -> range:
        turns = self._c.turns
        lo = turns[index * _TURN - 2] if index else 0
        return range(lo, turns[index * _TURN + 4])

    def text(self, index: int) -> str:
        """Utterance ``index``'s text."""
        c = self._c
        found = self._paragraph_range(index)
        if not found:
            return ""
        return c.cleaned[c.paragraphs[found[0] * _PARA] : c.paragraphs[found[-1] * _PARA + 1]]

    def paragraph_texts(self, index: int) -> tuple[str, ...]:
        """Utterance ``index``'s paragraphs' text."""
        c = self._c
        cleaned, rows = c.cleaned, c.paragraphs
        return tuple(
            [cleaned[rows[k * _PARA] : rows[k * _PARA + 1]] for k in self._paragraph_range(index)]
        )

    def paragraph_chars(self, index: int) -> int:
        """How many characters utterance ``index``'s paragraphs hold (none copied)."""
        found = self._paragraph_range(index)
        if not found:
            return 0
        rows = self._c.paragraphs  # the paragraphs lie in order, a newline between two
        return rows[found[-1] * _PARA + 1] - rows[found[0] * _PARA] - len(found) + 1

    def paragraph_starts(self, index: int) -> Sequence[int]:
        """The source offsets where utterance ``index``'s paragraphs start."""
        found = self._paragraph_range(index)
        return self._c.paragraphs[found.start * _PARA + 2 : found.stop * _PARA : _PARA]

    def sized_paragraphs(self, limit: int) -> Iterator[tuple[int, tuple[str, ...] | None]]:
        """Each utterance's character count (as :meth:`paragraph_chars`) and, when it is at
        most ``limit``, its paragraphs' text (as :meth:`paragraph_texts`; ``None`` for a
        longer one, whose text is not copied), in order, in one pass."""
        c = self._c
        turns, rows, cleaned = c.turns, c.paragraphs, c.cleaned
        lo = 0
        for hi in turns[4::_TURN]:
            if hi == lo:
                yield 0, ()
                continue
            start = rows[lo * _PARA]
            chars = rows[hi * _PARA - _PARA + 1] - start - (hi - lo) + 1
            if chars > limit:
                yield chars, None
            elif hi - lo == 1:
                yield chars, (cleaned[start : rows[lo * _PARA + 1]],)
            else:
                yield (
                    chars,
                    tuple(
                        [
                            cleaned[rows[k] : rows[k + 1]]
                            for k in range(lo * _PARA, hi * _PARA, _PARA)
                        ]
                    ),
                )
            lo = hi

    def sized_turns(self, limit: int) -> list[tuple[str, int, tuple[str, ...] | None]]:
        """Each utterance's speaker id with its character count and texts as
        :meth:`sized_paragraphs` gives them, in order, as one list (no generator: a
        meeting of one turn pays for no machinery)."""
        c = self._c
        turns, rows, cleaned = c.turns, c.paragraphs, c.cleaned
        ids = [s.id for s in self._speakers]
        found: list[tuple[str, int, tuple[str, ...] | None]] = []
        append = found.append
        lo = 0
        for at in range(0, len(turns), _TURN):
            sid, hi = ids[turns[at]], turns[at + 4]
            if hi == lo:
                append((sid, 0, ()))
                continue
            start = rows[lo * _PARA]
            chars = rows[hi * _PARA - _PARA + 1] - start - (hi - lo) + 1
            if chars > limit:
                append((sid, chars, None))
            elif hi - lo == 1:
                append((sid, chars, (cleaned[start : rows[lo * _PARA + 1]],)))
            else:
                texts = tuple(
                    [cleaned[rows[k] : rows[k + 1]] for k in range(lo * _PARA, hi * _PARA, _PARA)]
                )
                append((sid, chars, texts))
            lo = hi
        return found

    def record_rows(self) -> Iterator[RecordRow]:
        """What a flat record needs of each utterance, in order: index, speaker, text,
        paragraphs' text, pages, body start and end, the header's first line and the body's
        last line (the values of :meth:`rows` without paragraph spans nor fixes)."""
        c = self._c
        turns, rows, cleaned = c.turns, c.paragraphs, c.cleaned
        starts, find = c.lines.line_starts(), bisect.bisect_right
        speakers, pages = self._speakers, c.pages
        lo = 0
        for i, at in enumerate(range(0, len(turns), _TURN)):
            hi = turns[at + 4]
            if hi - lo == 1:
                text = cleaned[rows[lo * _PARA] : rows[lo * _PARA + 1]]
                texts = [text]
            elif hi > lo:
                texts = [
                    cleaned[rows[k] : rows[k + 1]] for k in range(lo * _PARA, hi * _PARA, _PARA)
                ]
                text = cleaned[rows[lo * _PARA] : rows[(hi - 1) * _PARA + 1]]
            else:
                text, texts = "", []
            numbers: tuple[int, ...] = ()
            if pages is not None:
                count = pages[2 * i + 1]
                if count:
                    first = pages[2 * i]
                    numbers = tuple(range(first, first + count))
            body, end = turns[at + 2], turns[at + 3]
            last = find(starts, body)
            if end > body:
                last = find(starts, end - 1)
            yield (
                i,
                speakers[turns[at]],
                text,
                texts,
                numbers,
                body,
                end,
                find(starts, turns[at + 1]),
                last,
            )
            lo = hi

    def rows(self) -> Iterator[UtteranceRow]:
        """Each utterance as plain values, in :class:`Utterance` field order, spans as
        ``(start, end, first_line, last_line)`` (for writers that need no objects)."""
        c = self._c
        turns, rows, cleaned, fixes = c.turns, c.paragraphs, c.cleaned, c.fixes
        source, rules, replacements = c.lines.text, c.rules, c.replacements
        fix_lines = c.lines.fix_lines
        starts, find = c.lines.line_starts(), bisect.bisect_right
        speakers, pages = self._speakers, c.pages
        lo = flo = 0
        for i, at in enumerate(range(0, len(turns), _TURN)):
            hi, fhi = turns[at + 4], turns[at + 5]
            paragraphs = []
            for k in range(lo * _PARA, hi * _PARA, _PARA):
                start, end = rows[k + 2], rows[k + 3]
                first = find(starts, start)
                last = first if end <= start else find(starts, end - 1)
                paragraphs.append((cleaned[rows[k] : rows[k + 1]], (start, end, first, last)))
            if hi - lo == 1:
                text = paragraphs[0][0]
            else:
                text = cleaned[rows[lo * _PARA] : rows[(hi - 1) * _PARA + 1]] if hi > lo else ""
            found = []
            for k in range(flo * _FIX, fhi * _FIX, _FIX):
                start, end = fixes[k + 1], fixes[k + 2]
                found.append(
                    (
                        rules[fixes[k]],
                        (start, end, *fix_lines(start, end)),
                        source[start:end],
                        replacements[k // _FIX],
                    )
                )
            first = count = 0
            if pages is not None:
                first, count = pages[2 * i], pages[2 * i + 1]
            header, body, end = turns[at + 1], turns[at + 2], turns[at + 3]
            line = find(starts, body)
            last = line if end <= body else find(starts, end - 1)
            top = find(starts, header)
            yield (
                i,
                speakers[turns[at]],
                text,
                paragraphs,
                (body, end, line, last),
                (header, body, top, top if body <= header else find(starts, body - 1)),
                found,
                tuple(range(first, first + count)) if count else (),
            )
            lo, flo = hi, fhi

    def _make(self, i: int) -> Utterance:
        c, span = self._c, self._span
        turns, rows, cleaned = c.turns, c.paragraphs, c.cleaned
        starts, find = c.lines.line_starts(), bisect.bisect_right
        at = i * _TURN
        lo = turns[at - 2] if i else 0
        hi = turns[at + 4]
        made = []
        for k in range(lo * _PARA, hi * _PARA, _PARA):
            start, end = rows[k + 2], rows[k + 3]
            first = find(starts, start)
            last = first if end <= start else find(starts, end - 1)
            made.append(Paragraph(cleaned[rows[k] : rows[k + 1]], Span(start, end, first, last)))
        paragraphs = tuple(made)
        text = ""
        if hi > lo:  # one paragraph: its string is the text
            text = (
                paragraphs[0].text
                if hi - lo == 1
                else cleaned[rows[lo * _PARA] : rows[(hi - 1) * _PARA + 1]]
            )
        flo = turns[at - 1] if i else 0
        fhi = turns[at + 5]
        fixes: tuple[TextFix, ...] = ()
        if fhi > flo:
            source, rules, f, replacements = c.lines.text, c.rules, c.fixes, c.replacements
            fix_lines = c.lines.fix_lines
            fixes = tuple(
                [
                    TextFix(
                        rules[f[k]],
                        Span(f[k + 1], f[k + 2], *fix_lines(f[k + 1], f[k + 2])),
                        source[f[k + 1] : f[k + 2]],
                        replacements[k // _FIX],
                    )
                    for k in range(flo * _FIX, fhi * _FIX, _FIX)
                ]
            )
        pages: tuple[int, ...] = ()
        if c.pages is not None and c.pages[2 * i + 1]:
            first = c.pages[2 * i]
            pages = tuple(range(first, first + c.pages[2 * i + 1]))
        return Utterance(
            i,
            self._speakers[turns[at]],
            text,
            paragraphs,
            span(turns[at + 2], turns[at + 3]),
            span(turns[at + 1], turns[at + 2]),
            fixes,
            pages,
        )


class _NoteColumns(_Slots):
    """Notes as rows of :data:`_NOTE` integers: kind, start, end, utterance (-1: none)."""

    __slots__ = ("lines", "rows")

    def __init__(self, lines: _Lines) -> None:
        self.lines = lines
        self.rows = _EMPTY[_offsets(lines.text)][:]


_NOTE = 4


class NotesBuilder:
    """Collects notes as rows (their text is the source between their offsets)."""

    __slots__ = ("_c",)

    def __init__(self, utterances: UtterancesBuilder) -> None:
        self._c = _NoteColumns(utterances._c.lines)

    def add(self, kind: NoteKind, start: int, end: int, utterance: int | None) -> None:
        self._c.rows.fromlist(
            [_NOTE_KIND_CODE[kind], start, end, -1 if utterance is None else utterance]
        )

    def finish(self) -> Notes:
        """The notes in source order."""
        c = self._c
        rows = c.rows
        if len(rows) <= _NOTE:  # one note or none: in order
            return Notes(c)
        starts = rows[1::_NOTE]
        if any(a > b for a, b in itertools.pairwise(starts)):
            order = sorted(range(len(starts)), key=starts.__getitem__)
            c.rows = array.array(
                rows.typecode, [v for k in order for v in rows[k * _NOTE : k * _NOTE + _NOTE]]
            )
        return Notes(c)


class Notes(ColumnSequence[Note]):
    """A meeting's notes, stored as rows; every item is made on access (see
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
        return len(self._c.rows) // _NOTE

    def _same_rows(self, other: object) -> bool:
        return isinstance(other, Notes) and other._c is self._c

    def rows(self) -> Iterator[tuple[NoteKind, int, int, int | None]]:
        """(kind, start, end, utterance index) of each note, in order."""
        rows = self._c.rows
        for k in range(0, len(rows), _NOTE):
            utterance = rows[k + 3]
            yield (
                _NOTE_KINDS[rows[k]],
                rows[k + 1],
                rows[k + 2],
                None if utterance < 0 else utterance,
            )

    def _make(self, i: int) -> Note:
        rows = self._c.rows
        k = i * _NOTE
        start, end, utterance = rows[k + 1], rows[k + 2], rows[k + 3]
        return Note(
            _NOTE_KINDS[rows[k]],
            self._c.lines.text[start:end],
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


def paragraph_chars(utterances: Sequence[Utterance], position: int) -> int:
    """How many characters the paragraphs of ``utterances[position]`` hold, without
    making the utterance or copying its text when the utterances are kept as columns."""
    if isinstance(utterances, Utterances):
        return utterances.paragraph_chars(position)
    return sum(len(p.text) for p in utterances[position].paragraphs)


def sized_paragraphs(
    utterances: Sequence[Utterance], limit: int
) -> Iterator[tuple[int, tuple[str, ...] | None]]:
    """Each utterance's character count and, when at most ``limit``, its paragraphs' text
    (see :meth:`Utterances.sized_paragraphs`)."""
    if isinstance(utterances, Utterances):
        return utterances.sized_paragraphs(limit)
    return _sized_paragraphs(utterances, limit)


def _sized_paragraphs(
    utterances: Sequence[Utterance], limit: int
) -> Iterator[tuple[int, tuple[str, ...] | None]]:
    for u in utterances:
        texts = tuple(p.text for p in u.paragraphs)
        chars = sum(map(len, texts))
        yield chars, texts if chars <= limit else None


def sized_turns(
    utterances: Sequence[Utterance], limit: int
) -> list[tuple[str, int, tuple[str, ...] | None]]:
    """Each utterance's speaker id, character count and, when at most ``limit``, its
    paragraphs' text (see :meth:`Utterances.sized_turns`)."""
    if isinstance(utterances, Utterances):
        return utterances.sized_turns(limit)
    return [
        (u.speaker.id, chars, texts)
        for u, (chars, texts) in zip(utterances, _sized_paragraphs(utterances, limit), strict=True)
    ]


def utterance_text(utterances: Sequence[Utterance], position: int) -> str:
    """The text of ``utterances[position]``, without making the utterance."""
    if isinstance(utterances, Utterances):
        return utterances.text(position)
    return utterances[position].text


def speaker_id(utterances: Sequence[Utterance], position: int) -> str:
    """The speaker id of ``utterances[position]``, without making the utterance."""
    if isinstance(utterances, Utterances):
        return utterances.speaker_id(position)
    return utterances[position].speaker.id


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
