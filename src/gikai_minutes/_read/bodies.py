"""One turn's body: its notes and its paragraphs, read in one pass over its lines.

The rules are those of :mod:`gikai_minutes._read.paragraphs` (and docs/conventions.md).
:func:`read_body_rows` gives plain rows of source offsets, no model objects (the model
keeps them as rows, see :mod:`gikai_minutes.model._columns`).
"""

from __future__ import annotations

import itertools
import string
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from gikai_minutes._read.fixes import FixRow, FixSites
from gikai_minutes._read.notes import (
    INLINE_NOTE_CHARS,
    LINE_RULES,
    NOTE_FIRST_CHARS,
    NoteRule,
    classify_line,
    find_inline,
)
from gikai_minutes._read.pages import PageLayout
from gikai_minutes._read.paragraphs import SENTENCE_END, runs
from gikai_minutes._text.directions import CLOSING_WORDS
from gikai_minutes.model import NoteKind
from gikai_minutes.model._columns import UtterancesBuilder
from gikai_minutes.model._positions import Line, Lines, LineTable

__all__ = ["BodyReader", "BodyRows", "FixSink", "NoteSink", "ParagraphSink", "read_body_rows"]

_STRIP = " \u3000\t\f\v"
#: Texts up to this length (paragraphs, notes) share one string object per distinct text.
_SHARED_LENGTH = 16
#: Characters between which a line wrap or a cut note becomes a space.
_LATIN = frozenset(string.ascii_letters + string.digits)
#: A paragraph's pieces (one a line) are joined this many at a time while it is read, so
#: that a huge paragraph does not keep a string object per line until its end.
_CHUNK = 256

#: Takes each paragraph as it is read: cleaned text, source start, source end.
ParagraphSink = Callable[[str, int, int], None]
#: Takes each fix as it is read: rule, source start, source end, replacement.
FixSink = Callable[[str, int, int, str], None]
#: Takes each note as it is read: kind, source start, source end, utterance.
NoteSink = Callable[[NoteKind, int, int, int], None]


@attrs.define(slots=True)  # not frozen: made once a turn, a frozen init costs 2x
class BodyRows:
    """Paragraphs, fixes and notes of one body as plain rows of source offsets.

    ``paragraphs``: ``(cleaned text, start, end)``; ``fixes``: ``(rule, start, end,
    replacement)``, sorted by start, the original being ``text[start:end]``; ``notes``:
    ``(kind, start, end)`` in order, the note's text being ``text[start:end]``. A fix's
    first and last lines are those of its start and of its end offset (a gap between two
    lines ends on the second). Rows given to sinks are not in these lists. ``start`` and
    ``end`` are the first paragraph's source start and the last one's end (-1: none).
    """

    paragraphs: list[tuple[str, int, int]]
    fixes: list[FixRow]
    notes: list[tuple[NoteKind, int, int]]
    start: int = -1
    end: int = -1


def read_body_rows(
    table: LineTable,
    lines: Iterable[Line],
    body_start: int,
    sites: FixSites,
    pages: PageLayout,
    utterance: int,
    line_rules: tuple[NoteRule, ...] = LINE_RULES,
    closing: bool = False,
    end: int | None = None,
    paragraph_sink: ParagraphSink | None = None,
    fix_sink: FixSink | None = None,
    note_sink: NoteSink | None = None,
) -> BodyRows:
    """Read the body whose first line's content starts at ``body_start`` (and that ends at
    ``end``, if given), in one loop over its ``lines``: :meth:`BodyReader.read` of them
    by a reader made for this body.

    Paragraphs, fixes and notes go to ``paragraph_sink``, ``fix_sink`` and ``note_sink``
    (with ``utterance``) as they are read, if given; else to the lists of the rows.
    """
    reader = BodyReader(table, sites, pages, line_rules, paragraph_sink, fix_sink, note_sink)
    if lines.__class__ is Lines and lines._index is table._index:
        first, last = reader.read(lines._lo, lines._hi, body_start, utterance, closing, end)
    else:
        first, last = reader.read(0, 0, body_start, utterance, closing, end, lines)
    return BodyRows(reader.paragraphs(), reader.fixes, reader.notes, first, last)


class BodyReader:
    """Reads the bodies of one document's turns, in one loop over each body's lines.

    Holds, for every body it reads, the text and its line starts, the repair sites, the
    page layout, the line rules, and where paragraphs, fixes and notes go: the sinks, if
    given (the utterance builder's :meth:`~UtterancesBuilder.paragraph` as the paragraph
    sink has them written straight into its columns); else :attr:`fixes`, :attr:`notes`
    and :meth:`paragraphs`.
    """

    __slots__ = (
        "_add_fix", "_add_note", "_artefacts", "_drop", "_headers", "_kept", "_line_rules",
        "_numbers", "_pages", "_put_rows", "_put_text", "_sites", "_starts", "_table",
        "_target", "_text", "fixes", "notes", "position",
    )  # fmt: skip

    def __init__(
        self,
        table: LineTable,
        sites: FixSites,
        pages: PageLayout,
        line_rules: tuple[NoteRule, ...] = LINE_RULES,
        paragraph_sink: ParagraphSink | None = None,
        fix_sink: FixSink | None = None,
        note_sink: NoteSink | None = None,
    ) -> None:
        self._table = table
        self._text = table.text
        self._starts = table.starts
        self._drop = table.drop
        self._sites = sites
        self._line_rules = line_rules
        self._pages = pages
        numbers, headers = pages.number_lines, pages.header_lines
        self._numbers, self._headers = numbers, headers
        self._artefacts = bool(numbers or headers)
        #: Fix rows read with no fix sink: ``(rule, start, end, replacement)``.
        self.fixes: list[FixRow] = []
        #: Note rows read with no note sink: ``(kind, start, end)``.
        self.notes: list[tuple[NoteKind, int, int]] = []
        fixes, notes = self.fixes, self.notes
        self._add_fix = fix_sink or _appender(fixes)
        self._add_note: NoteSink = note_sink or (lambda k, a, b, _: notes.append((k, a, b)))
        # Paragraphs are written as rows (cleaned start and end, source start and end) and
        # texts: straight into the utterance builder, or kept, or given to another sink
        # one by one. The target holds the position of the next paragraph's cleaned text.
        #: Where the next paragraph starts in the paragraphs' texts kept, so joined.
        self.position = 0
        self._target: UtterancesBuilder | BodyReader = self
        kept_rows: list[int] = []
        kept_texts: list[str] = []
        self._kept = (kept_rows, kept_texts) if paragraph_sink is None else None
        self._put_rows: Callable[[list[int]], None] = kept_rows.extend
        self._put_text: Callable[[str], None] = kept_texts.append
        if getattr(paragraph_sink, "__func__", None) is _BUILDER_PARAGRAPH:
            builder: UtterancesBuilder = paragraph_sink.__self__  # type: ignore[union-attr]
            self._target = builder
            self._put_rows, self._put_text = builder.writer
        elif paragraph_sink is not None:
            self._put_text = _sink_writer(paragraph_sink, kept_rows)

    def paragraphs(self) -> list[tuple[str, int, int]]:
        """The paragraphs read with no paragraph sink: ``(cleaned text, start, end)``."""
        if self._kept is None:  # they went to a sink
            return []
        rows, texts = self._kept
        return list(zip(texts, rows[2::4], rows[3::4], strict=True))

    def read(
        self,
        lo: int,
        hi: int,
        body_start: int,
        utterance: int,
        closing: bool = False,
        end: int | None = None,
        lines: Iterable[Line] | None = None,
        fixes: list[FixRow] | None = None,
    ) -> tuple[int, int]:
        """Read the body of the table's lines ``[lo, hi)`` (or of ``lines``, any lines, if
        given) whose first line's content starts at ``body_start`` and that ends at ``end``
        (if given); its fixes go to ``fixes``, if given. Returns the first paragraph's
        source start and the last one's end (-1, -1: none).

        With ``closing`` (the last turn of the document), every line after a closing time
        line (``午後３時７分散会``) is a note too: signatures and end marks, not speech.

        The lines are read as rows ``(number, start, raw)``: those of a range of lines that
        all end alike (LF, or CRLF everywhere), the body starting on its first line, from
        the text split at its line breaks, a window of lines at a time; any others one at
        a time (:func:`_line_rows`). ``head`` is the number of the header's line, read
        from ``body_start``: no note line.
        """
        text = self._text
        starts = self._starts
        drop = self._drop
        stop = len(text) if end is None else end
        n = len(starts)
        if hi > n:
            hi = n
        if (
            lines is None
            and drop
            and lo < hi
            and starts[lo] <= body_start
            and (lo + 1 >= n or body_start <= starts[lo + 1] - drop)
        ):
            head = lo + 1 if body_start > starts[lo] else 0
            rows: Iterable[_Row]
            if hi - lo <= _WINDOW:  # (as _window does)
                last = starts[hi] - drop if hi < n else len(text)
                if last > stop:
                    last = _cut(text, body_start, stop, drop)
                line_starts = starts[lo:hi]
                line_starts[0] = body_start  # type: ignore[index]
                split = text[body_start:last].split(_LINE_BREAKS[drop])
                rows = zip(itertools.count(lo + 1), line_starts, split)
            else:
                windows = _windows(text, starts, lo, hi, body_start, stop, drop)
                rows = itertools.chain.from_iterable(windows)
        else:
            if lines is None:
                lines = self._table.lines_between(lo, hi)
            rows, head = _line_rows(text, lines, body_start, stop)
        add_fix = self._add_fix if fixes is None else _appender(fixes)
        add_note = self._add_note
        sites = self._sites
        put_rows, put_text = self._put_rows, self._put_text
        target = self._target
        position = target.position
        line_rules = self._line_rules
        numbers, headers, artefacts = self._numbers, self._headers, self._artefacts
        # Whether every line goes through the note checks (page artefacts, or a closed body);
        # else a line whose first character is not in NOTE_FIRST_CHARS is no note.
        every_line = artefacts
        # The first mark (fix site or inline note's first character) at or after some offset
        # no later than the current line's content: content that ends before it holds neither
        # repairs nor inline notes, and is one piece as it is.
        marks = sites.marks
        if len(marks) == 1:  # (as _first_mark does)
            every_mark = marks[0]
            at = bisect_left(every_mark, body_start)
            mark = every_mark[at] if at < len(every_mark) else _NONE
        else:
            mark = _first_mark(marks, body_start)
        closed = False
        # The paragraph being built: its last piece (its only one while parts is None), or all
        # its parts once it has several (the parts before index joined are chunks of _CHUNK
        # pieces already joined); its start (-1: no piece yet); the last piece's end.
        prev = ""
        parts: list[str] | None = None
        joined = prev_end = 0
        para_start = first_start = -1
        fresh = hard = True  # next piece opens a chunk (after a blank or indent); hard: indent
        for number, start, raw in rows:
            if not raw or not (content := raw.strip(_STRIP)):  # (most blank lines: no strip)
                if not fresh:
                    fresh, hard = True, False  # a run of blank lines breaks a chunk once
                continue
            c0 = content[0]
            a = start if c0 == raw[0] else start + raw.index(c0)
            if c0 in NOTE_FIRST_CHARS or every_line:  # a note, perhaps
                kind: NoteKind | None = None
                if artefacts and number - 1 in numbers:
                    kind = NoteKind.PAGE_NUMBER
                elif artefacts and number - 1 in headers:
                    kind = NoteKind.RUNNING_HEADER
                elif c0 in NOTE_FIRST_CHARS and number != head:  # (the header's line is none)
                    rule = classify_line(content, line_rules)
                    if rule is not None:
                        kind = rule.kind
                        if closing and kind is NoteKind.TIME and content.endswith(CLOSING_WORDS):
                            closed = every_line = True
                if kind is None and closed:
                    kind = NoteKind.OTHER
                if kind is not None:
                    add_note(kind, a, a + len(content), utterance)
                    continue
            # Indented: a chunk opens (the header's line is read from the body's start, but
            # its first piece opens the body anyway).
            if a != start:
                r0 = raw[0]
                if r0 == "\u3000" or r0 == "\t" or raw[:2] == "  ":
                    fresh = hard = True
                elif r0 == "\f":
                    # A page's first line opens with the form feed; its indentation comes after.
                    opening = raw.lstrip("\f")
                    if opening[0] in "\u3000\t" or opening[:2] == "  ":
                        fresh = hard = True
            b = a + len(content)
            if b <= mark or (mark < a and b <= (mark := _first_mark(marks, a))):
                # No repair, no inline note: the content is one piece as it is.
                if fresh and (para_start < 0 or hard or prev[-1] in SENTENCE_END):
                    # The most common line: it opens a paragraph (as in the loop below).
                    if para_start >= 0:
                        if parts is None:
                            cleaned = prev
                        else:
                            cleaned, parts = "".join(parts), None
                        n = len(cleaned)
                        if n <= _SHARED_LENGTH:
                            cleaned = _intern(cleaned)
                        put_rows([position, position + n, para_start, prev_end])
                        put_text(cleaned)
                        position += n + 1
                    else:
                        first_start = a
                    prev = content
                    para_start = a
                    prev_end = b
                    fresh = False
                    continue
                pieces: Iterable[_Piece] = ((content, a, b, None),)
            else:
                pieces = _pieces(text, raw, start, a, b, sites, utterance, add_note)
                mark = _first_mark(marks, b)
                if not pieces:
                    if not fresh:
                        fresh, hard = True, False  # a line of inline notes is blank
                    continue
            for piece, a, b, found in pieces:
                if fresh:
                    if para_start < 0:
                        para_start = first_start = a
                    elif hard or prev[-1] in SENTENCE_END:
                        cleaned = prev if parts is None else "".join(parts)
                        n = len(cleaned)
                        if n <= _SHARED_LENGTH:
                            cleaned = _intern(cleaned)  # 「はい。」: one string for all
                        put_rows([position, position + n, para_start, prev_end])
                        put_text(cleaned)
                        position += n + 1
                        parts, para_start = None, a
                    else:  # a page break inside a sentence
                        if parts is None:
                            parts, joined = [prev], 0
                        joint = " " if prev[-1] in _LATIN and piece[0] in _LATIN else ""
                        add_fix("page_break_join", prev_end, a, joint)
                        if joint:
                            parts.append(joint)
                        parts.append(piece)
                else:
                    if parts is None:
                        parts, joined = [prev], 0
                    if prev[-1] in _LATIN and piece[0] in _LATIN:
                        # Across a line break, or across an inline note cut out of one line
                        # (the piece before ends on this line).
                        gap = "latin_wrap_space" if prev_end < start else "note_cut_space"
                        add_fix(gap, prev_end, a, " ")
                        parts.append(" ")
                    parts.append(piece)
                    if len(parts) - joined > _CHUNK:
                        parts[joined:] = ["".join(parts[joined:])]
                        joined += 1
                if found:
                    for row in found:
                        add_fix(*row)
                prev = piece
                prev_end = b
                fresh = False
        if para_start < 0:
            target.position = position
            return -1, -1
        cleaned = prev if parts is None else "".join(parts)
        n = len(cleaned)
        if n <= _SHARED_LENGTH:
            cleaned = _intern(cleaned)
        put_rows([position, position + n, para_start, prev_end])
        put_text(cleaned)
        target.position = position + n + 1
        return first_start, prev_end


def _appender(fixes: list[FixRow]) -> FixSink:
    """A fix sink appending its rows to ``fixes``."""
    return lambda r, a, b, s: fixes.append((r, a, b, s))


def _sink_writer(sink: ParagraphSink, rows: list[int]) -> Callable[[str], None]:
    """A paragraph text writer giving ``sink`` each text with the source start and end of
    its row (the last four ints put in ``rows``), which it then lets go."""

    def put_text(cleaned: str) -> None:
        sink(cleaned, rows[2], rows[3])
        rows.clear()

    return put_text


#: A line read: its number, where its text is read from, and that text (to its end or to
#: the body's end).
_Row = tuple[int, int, str]


def _line_rows(
    text: str, lines: Iterable[Line], body_start: int, stop: int
) -> tuple[Iterator[_Row], int]:
    """Any ``lines`` as rows ``(number, start, raw)``, one at a time, cut at ``stop``, and
    the number of the header's line (0: none), the first if it starts before ``body_start``.
    That line, and any line the header runs on to, is read from ``body_start``."""
    rows: Iterator[tuple[int, int, int, int]]
    rows = lines.rows() if lines.__class__ is Lines else iter(lines)
    first = next(rows, None)
    if first is None:
        return iter(()), 0
    head = first[0] if first[1] < body_start else 0
    return _rows_of(text, itertools.chain((first,), rows), body_start, stop), head


def _rows_of(
    text: str, lines: Iterable[tuple[int, int, int, int]], body_start: int, stop: int
) -> Iterator[_Row]:
    """The rows of :func:`_line_rows`."""
    for number, start, end, _ in lines:
        if start < body_start:  # the header's line (or one it runs on to)
            start = body_start
        yield number, start, text[start : end if end < stop else stop]


#: Lines a view is split into at a time (the split's strings of one window are alive at once).
_WINDOW = 256


def _window(
    text: str, starts: Sequence[int], lo: int, hi: int, start: int, stop: int, drop: int
) -> Iterator[tuple[int, int, str]]:
    """Lines ``[lo, hi)`` (ending alike, each in ``drop`` characters), the first from
    ``start``, cut at ``stop``, as rows ``(number, start, raw)``: ``raw`` the line from its
    start to its end or ``stop``. Lines after ``stop`` are left out."""
    last = starts[hi] - drop if hi < len(starts) else len(text)
    if last > stop:
        last = _cut(text, start, stop, drop)
    line_starts = starts[lo:hi]
    line_starts[0] = start  # type: ignore[index]
    return zip(itertools.count(lo + 1), line_starts, text[start:last].split(_LINE_BREAKS[drop]))


def _cut(text: str, start: int, stop: int, drop: int) -> int:
    """Where lines read from ``start`` end when cut at ``stop``: there, or at the end of
    the line if ``stop`` falls between the CR and the LF that end it."""
    if drop == 2 and stop > start and text[stop - 1] == "\r":
        return stop - 1
    return stop


#: What ends every line, by its length (:attr:`_Starts.drop`).
_LINE_BREAKS = ("", "\n", "\r\n")


def _windows(
    text: str, starts: Sequence[int], lo: int, hi: int, start: int, stop: int, drop: int
) -> Iterator[Iterator[tuple[int, int, str]]]:
    """:func:`_window` of lines ``[lo, hi)`` a window of :data:`_WINDOW` lines at a time."""
    for at in range(lo, hi, _WINDOW):
        if at > lo:
            start = starts[at]
            if start >= stop:  # the lines left are cut away
                return
        yield _window(text, starts, at, min(at + _WINDOW, hi), start, stop, drop)


#: The utterance builder's paragraph sink, whose rows are written straight into it.
_BUILDER_PARAGRAPH = UtterancesBuilder.paragraph
_NONE = sys.maxsize
_intern = sys.intern


def _first_mark(marks: tuple[Sequence[int], ...], offset: int) -> int:
    """The first of the sorted ``marks`` at or after ``offset`` (``_NONE``: none)."""
    first = _NONE
    for sites in marks:
        at = bisect_left(sites, offset)
        if at < len(sites) and sites[at] < first:
            first = sites[at]
    return first


#: A piece of a line: cleaned text, source start and end, repairs (``None``: none).
_Piece = tuple[str, int, int, list[FixRow] | None]


def _pieces(
    text: str,
    raw: str,
    start: int,
    a: int,
    b: int,
    sites: FixSites,
    utterance: int,
    add_note: NoteSink,
) -> list[_Piece]:
    """The pieces of a line's content ``text[a:b]`` (``raw`` from ``start``) left when its
    inline notes (given to ``add_note``) are cut out, repaired: ``(cleaned, start, end,
    fixes)``."""
    content = text[a:b]
    spans: list[tuple[str, int]] = [(content, a)]
    for char in INLINE_NOTE_CHARS:
        if char in content:
            inline = find_inline(raw)
            if inline:
                cuts = []
                for s, e, note_rule in inline:
                    add_note(note_rule.kind, start + s, start + e, utterance)
                    cuts.append((start + s, start + e))
                spans = []
                for x, y in runs(a, b, cuts):
                    part = text[x:y].strip(_STRIP)
                    if part:
                        spans.append((part, x + text[x:y].index(part[0])))
            break
    out: list[_Piece] = []
    for piece, x in spans:
        y = x + len(piece)
        cleaned, found = sites.fix(piece, x)
        out.append((cleaned, x, y, found))
    return out
