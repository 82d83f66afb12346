"""Body lines to paragraphs: hard-wrap joins, page-break rejoins, per-line repairs.

Rules (documented in docs/conventions.md):

* each line is stripped of surrounding spaces (ASCII, U+3000, tabs, form feeds);
* consecutive non-blank lines form one chunk and are joined without a separator, except
  that a space is put between two Latin letters or digits (recorded as ``latin_wrap_space``);
* a chunk that does not end a sentence continues in the next chunk: a blank line there
  is a page break, not a paragraph break (recorded as ``page_break_join``);
* every other blank-line gap is a paragraph break.
"""

from __future__ import annotations

from collections.abc import Sequence

from gikai_minutes._fixes import FixSites, fix_line
from gikai_minutes._lines import Line
from gikai_minutes._model import Paragraph, Span, TextFix

__all__ = ["SENTENCE_END", "build_paragraphs"]

#: Characters that may end a paragraph. A chunk ending otherwise continues on the next.
SENTENCE_END = frozenset("。．.」』）)？！?!…】〉》：:")
_STRIP = " \u3000\t\f\v"

# A piece is one stripped, repaired line: (text, source start, source end, line number).
_Piece = tuple[str, int, int, int]


def _is_latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _chunks(
    text: str, lines: Sequence[Line], first_start: int, sites: FixSites, fixes: list[TextFix]
) -> list[list[_Piece]]:
    """Runs of non-blank lines, each line stripped and repaired."""
    chunks: list[list[_Piece]] = []
    current: list[_Piece] = []
    for line in lines:
        start = line.start if line.start > first_start else first_start
        raw = text[start : line.end]
        stripped = raw.strip(_STRIP)
        if not stripped:
            if current:
                chunks.append(current)
                current = []
            continue
        if len(stripped) != len(raw):
            start += len(raw) - len(raw.lstrip(_STRIP))
        end = start + len(stripped)
        if sites.any_in(start, end):
            stripped, line_fixes = fix_line(stripped, start, line.number)
            fixes.extend(line_fixes)
        current.append((stripped, start, end, line.number))
    if current:
        chunks.append(current)
    return chunks


def build_paragraphs(
    text: str, lines: Sequence[Line], first_start: int, sites: FixSites
) -> tuple[tuple[Paragraph, ...], tuple[TextFix, ...]]:
    """Paragraphs of the body ``lines``; the first line's content begins at ``first_start``."""
    fixes: list[TextFix] = []
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    para_start = para_line = 0
    prev: _Piece | None = None
    for chunk in _chunks(text, lines, first_start, sites, fixes):
        for i, piece in enumerate(chunk):
            if prev is None:
                parts, para_start, para_line = [piece[0]], piece[1], piece[3]
                prev = piece
                continue
            latin = _is_latin(prev[0][-1]) and _is_latin(piece[0][0])
            rule = None
            if i == 0:
                if prev[0][-1] in SENTENCE_END:
                    paragraphs.append(_paragraph(parts, para_start, para_line, prev))
                    parts, para_start, para_line = [piece[0]], piece[1], piece[3]
                    prev = piece
                    continue
                rule = "page_break_join"
            elif latin:
                rule = "latin_wrap_space"
            joint = " " if latin else ""
            if rule is not None:
                gap = Span(prev[2], piece[1], prev[3], piece[3])
                fixes.append(TextFix(rule, gap, text[prev[2] : piece[1]], joint))
            if joint:
                parts.append(joint)
            parts.append(piece[0])
            prev = piece
    if prev is not None:
        paragraphs.append(_paragraph(parts, para_start, para_line, prev))
    fixes.sort(key=lambda f: f.span.start)
    return tuple(paragraphs), tuple(fixes)


def _paragraph(parts: list[str], start: int, line: int, last: _Piece) -> Paragraph:
    return Paragraph("".join(parts), Span(start, last[2], line, last[3]))
