"""Body lines to paragraphs: hard-wrap joins, page-break rejoins, per-line repairs.

The rules :func:`~gikai_minutes._read.bodies.read_body_rows` applies in its one loop
(documented in docs/conventions.md):

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

from collections.abc import Sequence

__all__ = ["SENTENCE_END", "runs"]

#: Characters that may end a paragraph. A chunk ending otherwise continues on the next.
SENTENCE_END = frozenset("。．.」』）)？！?!…】〉》：:")


def runs(start: int, end: int, cuts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of ``[start, end)`` left when the sorted ranges ``cuts`` are cut out."""
    out = []
    pos = start
    for a, b in cuts:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out
