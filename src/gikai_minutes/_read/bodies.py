"""One turn's body: its notes and its paragraphs, read in one pass over its lines.

The rules are those of :mod:`gikai_minutes._read.paragraphs` (and docs/conventions.md).
:func:`read_body_rows` gives plain rows of source offsets, no model objects (the model
keeps them as rows, see :mod:`gikai_minutes.model._columns`).
"""

from __future__ import annotations

import string
import sys
from collections.abc import Iterable

import attrs

from gikai_minutes._read.fixes import FixRow, FixSites, fix_piece, next_site
from gikai_minutes._read.notes import (
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
from gikai_minutes.model._positions import Line, LineTable

__all__ = ["BodyRows", "read_body_rows"]

_STRIP = " \u3000\t\f\v"
#: Texts up to this length (paragraphs, notes) share one string object per distinct text.
_SHARED_LENGTH = 16
#: Characters between which a line wrap or a cut note becomes a space.
_LATIN = frozenset(string.ascii_letters + string.digits)


@attrs.frozen(slots=True)
class BodyRows:
    """Paragraphs, fixes and notes of one body as plain rows of source offsets.

    ``paragraphs``: ``(cleaned text, start, end)``; ``fixes``: ``(rule, start, end,
    replacement)``, sorted by start, the original being ``text[start:end]``; ``notes``:
    ``(kind, start, end)`` in order, the note's text being ``text[start:end]``. A fix's
    first and last lines are those of its start and of its end offset (a gap between two
    lines ends on the second).
    """

    paragraphs: list[tuple[str, int, int]]
    fixes: list[FixRow]
    notes: list[tuple[NoteKind, int, int]]


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
) -> BodyRows:
    """Read the body whose first line's content starts at ``body_start`` (and that ends at
    ``end``, if given), in one loop over its ``lines``.

    With ``closing`` (the last turn of the document), every line after a closing time
    line (``午後３時７分散会``) is a note too: signatures and end marks, not speech.
    ``utterance`` is not used by the rows (the notes' turn is the caller's).
    """
    text = table.text
    stop = sys.maxsize if end is None else end
    paragraphs: list[tuple[str, int, int]] = []
    fixes: list[FixRow] = []
    notes: list[tuple[NoteKind, int, int]] = []
    numbers, headers = pages.number_lines, pages.header_lines
    artefacts = bool(numbers or headers)
    first_chars = NOTE_FIRST_CHARS
    full, half, spaced = sites.fullwidth, sites.halfwidth, sites.spaced
    # The next site of each kind at or after the last piece's start.
    next_full = next_half = next_spaced = -1
    closed = False
    first_line = True
    # The paragraph being built: its parts, its start, and the last piece put in it.
    parts: list[str] = []
    para_start = -1  # -1: no piece yet
    last = ""  # the last character of the last piece's cleaned text
    prev_end = prev_line = 0
    fresh = hard = True  # next piece opens a chunk (after a blank or indent); hard: indent
    for number, line_start, line_end, _ in lines:
        at_line_start = line_start >= body_start
        start = line_start if at_line_start else body_start
        if line_end > stop:
            line_end = stop
        raw = text[start:line_end]
        content = raw.strip(_STRIP)
        was_first, first_line = first_line, False
        if not content:
            if not fresh:
                fresh, hard = True, False  # a run of blank lines breaks a chunk once
            continue
        kind: NoteKind | None = None
        c0 = content[0]
        if artefacts and number - 1 in numbers:
            kind = NoteKind.PAGE_NUMBER
        elif artefacts and number - 1 in headers:
            kind = NoteKind.RUNNING_HEADER
        elif c0 in first_chars and (at_line_start or not was_first):
            rule = classify_line(content, line_rules)
            if rule is not None:
                kind = rule.kind
                closed = closed or (
                    closing and kind is NoteKind.TIME and content.endswith(CLOSING_WORDS)
                )
        if kind is None and closed:
            kind = NoteKind.OTHER
        stripped = c0 != raw[0]
        a = start + raw.index(c0) if stripped else start
        if kind is not None:
            notes.append((kind, a, a + len(content)))
            continue
        if stripped and at_line_start:
            # A page's first line opens with the form feed; its indentation comes after it.
            opening = raw.lstrip("\f")
            if opening[:1] in ("\u3000", "\t") or opening[:2] == "  ":
                fresh = hard = True
        pieces: Iterable[tuple[str, int]]
        if "〔" in content or "（" in content or "(" in content:
            inline = find_inline(raw)
            if inline:
                cuts = []
                for s, e, note_rule in inline:
                    notes.append((note_rule.kind, start + s, start + e))
                    cuts.append((start + s, start + e))
                cut: list[tuple[str, int]] = []
                for x, y in runs(a, a + len(content), cuts):
                    part = text[x:y].strip(_STRIP)
                    if part:
                        cut.append((part, x + text[x:y].index(part[0])))
                pieces = cut
                if not cut:
                    if not fresh:
                        fresh, hard = True, False  # a line of inline notes is blank
                    continue
            else:
                pieces = ((content, a),)
        else:
            pieces = ((content, a),)
        for piece, a in pieces:
            b = a + len(piece)
            if next_full < a:
                next_full = next_site(full, a)
            if next_half < a:
                next_half = next_site(half, a)
            if next_spaced < a:
                next_spaced = next_site(spaced, a)
            found = None
            if next_full < b or next_half < b or next_spaced < b:
                first = {}
                if next_full < b:
                    first["fullwidth"] = next_full
                if next_half < b:
                    first["halfwidth"] = next_half
                if next_spaced < b:
                    first["spaced"] = next_spaced
                piece, found = fix_piece(piece, a, first)
            if para_start < 0:
                parts, para_start = [piece], a
            else:
                latin = last in _LATIN and piece[0] in _LATIN
                gap: str | None = None
                if fresh:
                    if hard or last in SENTENCE_END:
                        paragraphs.append(_paragraph(parts, para_start, prev_end))
                        parts, para_start = [piece], a
                    else:
                        gap = "page_break_join"
                elif latin:
                    # Across a line break, or across an inline note cut out of one line.
                    gap = "latin_wrap_space" if prev_line != number else "note_cut_space"
                else:
                    parts.append(piece)
                if gap is not None:
                    joint = " " if latin else ""
                    fixes.append((gap, prev_end, a, joint))
                    if joint:
                        parts.append(joint)
                    parts.append(piece)
            if found:
                fixes.extend(found)
            last, prev_end, prev_line, fresh = piece[-1], b, number, False
    if para_start >= 0:
        paragraphs.append(_paragraph(parts, para_start, prev_end))
    return BodyRows(paragraphs, fixes, notes)


def _paragraph(parts: list[str], start: int, end: int) -> tuple[str, int, int]:
    cleaned = parts[0] if len(parts) == 1 else "".join(parts)
    if len(cleaned) <= _SHARED_LENGTH:
        cleaned = sys.intern(cleaned)  # 「はい。」: one string, however many paragraphs
    return cleaned, start, end
