"""Body lines to paragraphs: hard-wrap joins, page-break rejoins, per-line repairs.

Rules (documented in docs/conventions.md):

* each line is stripped of surrounding spaces (ASCII, U+3000, tabs, form feeds);
* lines that are notes (stage directions, page numbers…) are skipped as if absent, and
  inline notes are cut out of their line;
* consecutive non-blank lines form one chunk and are joined without a separator, except
  that a space is put between two Latin letters or digits (recorded as ``latin_wrap_space``);
* an indented line (U+3000 or two spaces at its start) opens a new paragraph;
* a chunk that does not end a sentence continues in the next chunk: a blank line there
  is a page break, not a paragraph break (recorded as ``page_break_join``);
* every other blank-line gap is a paragraph break.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set

from gikai_minutes._fixes import FixSites, fix_line
from gikai_minutes._lines import Line
from gikai_minutes._model import Paragraph, Span, TextFix

__all__ = ["SENTENCE_END", "build_paragraphs"]

#: Characters that may end a paragraph. A chunk ending otherwise continues on the next.
SENTENCE_END = frozenset("。．.」』）)？！?!…】〉》：:")
_STRIP = " \u3000\t\f\v"

# A piece is one stripped, repaired run of a line: (text, source start, end, line number).
_Piece = tuple[str, int, int, int]
# A chunk: its pieces, and whether it opens a new paragraph whatever precedes it.
_Chunk = tuple[list[_Piece], bool]


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


def _chunks(
    text: str,
    lines: Sequence[Line],
    first_start: int,
    sites: FixSites,
    fixes: list[TextFix],
    skip: Set[int],
    cuts: Mapping[int, Sequence[tuple[int, int]]],
) -> list[_Chunk]:
    """Runs of non-blank lines, each line stripped and repaired."""
    chunks: list[_Chunk] = []
    current: list[_Piece] = []
    hard = True
    for line in lines:
        if line.number in skip:
            continue
        start = line.start if line.start > first_start else first_start
        runs = _runs(start, line.end, cuts[line.number]) if line.number in cuts else None
        raw = text[start : line.end]
        if not raw.strip(_STRIP) or (runs is not None and not runs):
            if current:
                chunks.append((current, hard))
                current, hard = [], False
            continue
        if start == line.start and (raw[:1] in ("\u3000", "\t") or raw[:2] == "  "):
            if current:
                chunks.append((current, hard))
                current = []
            hard = True
        for a, b in runs if runs is not None else [(start, line.end)]:
            piece_raw = text[a:b]
            stripped = piece_raw.strip(_STRIP)
            if not stripped:
                continue
            a += len(piece_raw) - len(piece_raw.lstrip(_STRIP))
            b = a + len(stripped)
            if sites.any_in(a, b):
                stripped, line_fixes = fix_line(stripped, a, line.number)
                fixes.extend(line_fixes)
            current.append((stripped, a, b, line.number))
    if current:
        chunks.append((current, hard))
    return chunks


def build_paragraphs(
    text: str,
    lines: Sequence[Line],
    first_start: int,
    sites: FixSites,
    skip: Set[int] = frozenset(),
    cuts: Mapping[int, Sequence[tuple[int, int]]] | None = None,
) -> tuple[tuple[Paragraph, ...], tuple[TextFix, ...]]:
    """Paragraphs of the body ``lines``; the first line's content begins at ``first_start``.

    ``skip`` holds the numbers of lines that are notes; ``cuts`` the source ranges of
    inline notes by line number.
    """
    fixes: list[TextFix] = []
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    para_start = para_line = 0
    prev: _Piece | None = None
    for pieces, hard in _chunks(text, lines, first_start, sites, fixes, skip, cuts or {}):
        for i, piece in enumerate(pieces):
            if prev is None:
                parts, para_start, para_line = [piece[0]], piece[1], piece[3]
                prev = piece
                continue
            latin = _is_latin(prev[0][-1]) and _is_latin(piece[0][0])
            rule = None
            if i == 0:
                if hard or prev[0][-1] in SENTENCE_END:
                    paragraphs.append(_paragraph(parts, para_start, para_line, prev))
                    parts, para_start, para_line = [piece[0]], piece[1], piece[3]
                    prev = piece
                    continue
                rule = "page_break_join"
            elif latin and prev[3] != piece[3]:
                rule = "latin_wrap_space"
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
