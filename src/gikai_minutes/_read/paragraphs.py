"""Body lines to paragraphs: hard-wrap joins, page-break rejoins, per-line repairs.

Rules (documented in docs/conventions.md):

* each line is stripped of surrounding spaces (ASCII, U+3000, tabs, form feeds);
* lines that are notes (stage directions, page numbers…) are skipped as if absent, and
  inline notes are cut out of their line;
* consecutive non-blank lines form one chunk and are joined without a separator, except
  that a space is put between two Latin letters or digits (recorded as ``latin_wrap_space``,
  or ``note_cut_space`` where an inline note was cut out between them);
* an indented line (U+3000 or two spaces at its start) opens a new paragraph;
* a chunk that does not end a sentence continues in the next chunk: a blank line there
  is a page break, not a paragraph break (recorded as ``page_break_join``);
* every other blank-line gap is a paragraph break.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from gikai_minutes._read.fixes import FixSites, fix_line
from gikai_minutes.model import Paragraph, Span, TextFix

__all__ = ["SENTENCE_END", "Row", "build_paragraphs"]

#: Characters that may end a paragraph. A chunk ending otherwise continues on the next.
SENTENCE_END = frozenset("。．.」』）)？！?!…】〉》：:")
_STRIP = " \u3000\t\f\v"

# A piece is one stripped, repaired run of a line: (text, source start, end, line number).
_Piece = tuple[str, int, int, int]
#: One non-blank line of a body: (line number, indented?, stripped content, source
#: offset of the content, source ranges of inline notes to cut out or ``None``).
Row = tuple[int, bool, str, int, list[tuple[int, int]] | None]


def _is_latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _runs(start: int, end: int, cuts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    pos = start
    for a, b in cuts:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out


def _pieces(
    text: str, rows: Iterable[Row | None], sites: FixSites, fixes: list[TextFix]
) -> Iterator[tuple[_Piece, bool, bool]]:
    """The pieces of runs of non-blank rows (chunks), each cut around its inline notes and
    repaired, one at a time: ``(piece, first of its chunk?, chunk opens a paragraph?)``."""
    fresh = True  # no piece in the current chunk yet
    hard = True
    for row in rows:
        if row is None:
            if not fresh:
                fresh, hard = True, False
            continue
        number, indented, content, start, cuts = row
        if indented:
            fresh = hard = True
        if cuts is None:
            pieces = [(content, start)]
        else:
            pieces = []
            for a, b in _runs(start, start + len(content), cuts):
                part = text[a:b].strip(_STRIP)
                if part:
                    pieces.append((part, a + text[a:b].index(part[0])))
            if not pieces:
                if not fresh:
                    fresh, hard = True, False
                continue
        for piece_text, a in pieces:
            b = a + len(piece_text)
            if sites.any_in(a, b):
                piece_text, line_fixes = fix_line(piece_text, a, number)
                fixes.extend(line_fixes)
            yield (piece_text, a, b, number), fresh, hard
            fresh = False


def build_paragraphs(
    text: str, rows: Iterable[Row | None], sites: FixSites
) -> tuple[tuple[Paragraph, ...], tuple[TextFix, ...]]:
    """Paragraphs of a body given as rows (``None`` for a blank line); lines that are
    notes are simply absent from ``rows``, which are read once, as they come."""
    fixes: list[TextFix] = []
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    para_start = para_line = 0
    prev: _Piece | None = None
    for piece, first, hard in _pieces(text, rows, sites, fixes):
        if prev is None:
            parts, para_start, para_line = [piece[0]], piece[1], piece[3]
            prev = piece
            continue
        latin = _is_latin(prev[0][-1]) and _is_latin(piece[0][0])
        rule = None
        if first:
            if hard or prev[0][-1] in SENTENCE_END:
                paragraphs.append(_paragraph(parts, para_start, para_line, prev))
                parts, para_start, para_line = [piece[0]], piece[1], piece[3]
                prev = piece
                continue
            rule = "page_break_join"
        elif latin:
            # Across a line break, or across an inline note cut out of one line.
            rule = "latin_wrap_space" if prev[3] != piece[3] else "note_cut_space"
        joint = " " if rule is not None and latin else ""
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
