"""One turn's body: find its notes, then build its paragraphs around them."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gikai_minutes._fixes import FixSites
from gikai_minutes._lines import Line, LineTable
from gikai_minutes._model import Note, NoteKind, Paragraph, TextFix
from gikai_minutes._notes import LINE_RULES, NoteRule, find_inline
from gikai_minutes._pages import PageLayout
from gikai_minutes._paragraphs import build_paragraphs

__all__ = ["Body", "read_body"]

_STRIP = " \u3000\t\f\v"
_CLOSING_TIME = ("散会", "閉会", "延会")


@attrs.frozen(slots=True)
class Body:
    """Paragraphs, fixes and notes of one body."""

    paragraphs: tuple[Paragraph, ...]
    fixes: tuple[TextFix, ...]
    notes: tuple[Note, ...]


def read_body(
    table: LineTable,
    lines: Sequence[Line],
    body_start: int,
    sites: FixSites,
    pages: PageLayout,
    utterance: int,
    line_rules: tuple[NoteRule, ...] = LINE_RULES,
    closing: bool = False,
) -> Body:
    """Read the body whose first line's content starts at ``body_start``.

    With ``closing`` (the last turn of the document), every line after a closing time
    line (``午後３時７分散会``) is a note too: signatures and end marks, not speech.
    """
    text = table.text
    notes: list[Note] = []
    skip: set[int] = set()
    cuts: dict[int, list[tuple[int, int]]] = {}
    closed = False
    for i, line in enumerate(lines):
        start = max(line.start, body_start) if i == 0 else line.start
        raw = text[start : line.end]
        content = raw.strip(_STRIP)
        if not content:
            continue
        a = start + len(raw) - len(raw.lstrip(_STRIP))
        span = table.span(a, a + len(content))
        index = line.number - 1
        kind: NoteKind | None = None
        if index in pages.number_lines:
            kind = NoteKind.PAGE_NUMBER
        elif index in pages.header_lines:
            kind = NoteKind.RUNNING_HEADER
        elif i > 0 or start == line.start:
            rule = next((r for r in line_rules if r.pattern.fullmatch(content)), None)
            if rule is not None:
                kind = rule.kind
                if closing and kind is NoteKind.TIME and content.endswith(_CLOSING_TIME):
                    notes.append(Note(kind, content, span, utterance))
                    skip.add(line.number)
                    closed = True
                    continue
            elif closed:
                kind = NoteKind.OTHER
        if kind is not None:
            notes.append(Note(kind, content, span, utterance))
            skip.add(line.number)
            continue
        inline = find_inline(raw)
        if inline:
            cuts[line.number] = [(start + s, start + e) for s, e, _ in inline]
            for s, e, rule in inline:
                notes.append(Note(rule.kind, raw[s:e], table.span(start + s, start + e), utterance))
    paragraphs, fixes = build_paragraphs(text, lines, body_start, sites, skip, cuts)
    return Body(paragraphs, fixes, tuple(notes))
