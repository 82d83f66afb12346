"""References to handout pages: ``13ページ``, ``資料の7ページ``, ``3枚目``, ``資料の三ページ目``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gikai_minutes._text.numerals import parse_number
from gikai_minutes.model import Meeting, PageReference, Section
from gikai_minutes.model._columns import paragraph_texts, utterance_text

__all__ = ["page_references"]

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


def page_references(meeting: Meeting, section: Section) -> tuple[PageReference, ...]:
    """Every page reference inside ``section``, in text order; offsets are into the
    paragraph's text."""
    found: list[PageReference] = []
    utterances = meeting.utterances
    for u in section.utterance_range:
        if not _mentions_pages(utterance_text(utterances, u)):
            continue
        for p, paragraph in enumerate(paragraph_texts(utterances, u)):
            if section.start.utterance == u and p < section.start.paragraph:
                continue
            if section.end.utterance == u and p > section.end.paragraph:
                break
            if _mentions_pages(paragraph):
                found.extend(_in_paragraph(paragraph, u, p))
    return tuple(found)
