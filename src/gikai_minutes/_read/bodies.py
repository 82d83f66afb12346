"""One turn's body: find its notes, then build its paragraphs around them."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

import attrs

from gikai_minutes._read.fixes import FixSites
from gikai_minutes._read.notes import (
    LINE_RULES,
    NOTE_FIRST_CHARS,
    NoteRule,
    classify_line,
    find_inline,
)
from gikai_minutes._read.pages import PageLayout
from gikai_minutes._read.paragraphs import Row, build_paragraphs
from gikai_minutes._text.directions import CLOSING_WORDS
from gikai_minutes.model import Note, NoteKind, Paragraph, TextFix
from gikai_minutes.model._positions import Line, LineTable

__all__ = ["Body", "read_body"]

_STRIP = " \u3000\t\f\v"
#: Lines up to this length share one string object per distinct text.
_SHARED_LENGTH = 16


@attrs.frozen(slots=True)
class Body:
    """Paragraphs, fixes and notes of one body."""

    paragraphs: tuple[Paragraph, ...]
    fixes: tuple[TextFix, ...]
    notes: tuple[Note, ...]


def read_body(
    table: LineTable,
    lines: Iterable[Line],
    body_start: int,
    sites: FixSites,
    pages: PageLayout,
    utterance: int,
    line_rules: tuple[NoteRule, ...] = LINE_RULES,
    closing: bool = False,
    end: int | None = None,
) -> Body:
    """Read the body whose first line's content starts at ``body_start``.

    With ``closing`` (the last turn of the document), every line after a closing time
    line (``午後３時７分散会``) is a note too: signatures and end marks, not speech.
    """
    notes: list[Note] = []
    rows = _rows(table, lines, body_start, pages, utterance, line_rules, closing, end, notes)
    paragraphs, fixes = build_paragraphs(table.text, rows, sites)
    return Body(paragraphs, fixes, tuple(notes))


def _rows(
    table: LineTable,
    lines: Iterable[Line],
    body_start: int,
    pages: PageLayout,
    utterance: int,
    line_rules: tuple[NoteRule, ...],
    closing: bool,
    end: int | None,
    notes: list[Note],
) -> Iterator[Row | None]:
    """The body's lines as rows for :func:`build_paragraphs`, one at a time (``None`` for
    a run of blank lines); lines that are notes are added to ``notes`` instead."""
    text = table.text
    after_row = False  # the last line yielded was a row, not a blank
    closed = False
    first_chars = NOTE_FIRST_CHARS
    artefacts = pages.number_lines or pages.header_lines
    for i, (number, line_start, line_end, _) in enumerate(lines):
        start = line_start if line_start > body_start else body_start
        if end is not None and line_end > end:
            line_end = end
        raw = text[start:line_end]
        content = raw.strip(_STRIP)
        if not content:
            if after_row:
                after_row = False
                yield None  # a run of blank lines breaks a paragraph once
            continue
        if len(content) <= _SHARED_LENGTH:
            content = sys.intern(content)  # 「はい。」, 〔拍手〕: one string, however many lines
        kind: NoteKind | None = None
        if artefacts and number - 1 in pages.number_lines:
            kind = NoteKind.PAGE_NUMBER
        elif artefacts and number - 1 in pages.header_lines:
            kind = NoteKind.RUNNING_HEADER
        elif content[0] in first_chars and (i > 0 or start == line_start):
            rule = classify_line(content, line_rules)
            if rule is not None:
                kind = rule.kind
                closed = closed or (
                    closing and kind is NoteKind.TIME and content.endswith(CLOSING_WORDS)
                )
        if kind is None and closed:
            kind = NoteKind.OTHER
        a = start + len(raw) - len(raw.lstrip(_STRIP)) if content[0] != raw[0] else start
        if kind is not None:
            notes.append(Note(kind, content, table.span(a, a + len(content)), utterance))
            continue
        # A page's first line opens with the form feed; its indentation comes after it.
        opening = raw.lstrip("\f")
        indented = start == line_start and (opening[:1] in ("\u3000", "\t") or opening[:2] == "  ")
        inline = find_inline(raw)
        cuts = None
        if inline:
            cuts = [(start + s, start + e) for s, e, _ in inline]
            for s, e, rule in inline:
                span = table.span(start + s, start + e)
                note = raw[s:e]
                if len(note) <= _SHARED_LENGTH:
                    note = sys.intern(note)
                notes.append(Note(rule.kind, note, span, utterance))
        after_row = True
        yield table.number(number), indented, content, a, cuts
