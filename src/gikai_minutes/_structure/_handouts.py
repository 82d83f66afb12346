"""References to handout pages: ``13ページ``, ``資料の7ページ``, ``3枚目``, ``資料の三ページ目``."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from gikai_minutes._structure._text import raw_paragraphs, raw_text
from gikai_minutes._text.numerals import parse_number
from gikai_minutes.model import PageReference, Section, Utterance
from gikai_minutes.model._columns import Utterances, paragraph_texts, utterance_text

if TYPE_CHECKING:
    from gikai_minutes._structure._turns import Turn

__all__ = ["page_references", "section_pages"]

_PAGE_WORD = re.compile(r"ページ目?|頁目?|枚目")
#: Characters of a page number, read backwards from the page word (at most four).
_NUMERALS = frozenset("0123456789０１２３４５６７８９〇一二三四五六七八九十百")
_MAX_DIGITS = 4
_PREFIXES = ("資料の", "資料")


def _mentions_pages(text: str) -> bool:
    """Whether ``text`` holds a page word; a word's first character is looked for alone
    first (measured several times as fast as looking for the word where it is absent)."""
    return ("ペ" in text and "ページ" in text) or "頁" in text or ("枚" in text and "枚目" in text)


def _in_paragraph(text: str, utterance: int, paragraph: int) -> Iterator[PageReference]:
    for m in _PAGE_WORD.finditer(text):
        start = m.start()
        while start > max(m.start() - _MAX_DIGITS, 0) and text[start - 1] in _NUMERALS:
            start -= 1
        number = parse_number(text[start : m.start()]) if start < m.start() else None
        if number is None or number <= 0:
            continue
        for prefix in _PREFIXES:
            if start >= len(prefix) and text.startswith(prefix, start - len(prefix)):
                start -= len(prefix)
                break
        yield PageReference(number, text[start : m.end()], utterance, paragraph, start, m.end())


def page_references(turns: Sequence[Turn], section: Section) -> tuple[PageReference, ...]:
    """Every page reference inside ``section``, in text order; offsets are into the
    paragraph's text. Reads each turn of the section once."""
    return _in_section(section, lambda u: raw_text(turns[u]), lambda u: raw_paragraphs(turns[u]))


def section_pages(utterances: Sequence[Utterance], section: Section) -> tuple[PageReference, ...]:
    """:func:`page_references` read from the meeting's utterances (no turn needed): what
    a presentation's deferred ``pages`` call on first access."""
    if isinstance(utterances, Utterances):  # read from the columns: no utterance made
        return _in_section(section, utterances.text, utterances.paragraph_texts)
    return _in_section(
        section,
        functools.partial(utterance_text, utterances),
        functools.partial(paragraph_texts, utterances),
    )


def _in_section(
    section: Section,
    text_of: Callable[[int], str],
    paragraphs_of: Callable[[int], Sequence[str]],
) -> tuple[PageReference, ...]:
    found: list[PageReference] = []
    start, end = section.start, section.end
    for u in section.utterance_range:
        if not _mentions_pages(text_of(u)):
            continue
        paragraphs = paragraphs_of(u)
        first = start.paragraph if u == start.utterance else 0
        stop = end.paragraph + 1 if u == end.utterance else len(paragraphs)
        for p in range(first, min(stop, len(paragraphs))):
            text = paragraphs[p]
            if _mentions_pages(text):
                found.extend(_in_paragraph(text, u, p))
    return tuple(found)
