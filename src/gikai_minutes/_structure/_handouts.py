"""References to handout pages: ``13ページ``, ``資料の7ページ``, ``3枚目``, ``資料の三ページ目``."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from gikai_minutes._model import Meeting
from gikai_minutes._numerals import NUMERAL_CLASS, parse_number
from gikai_minutes._structure_model import PageReference, Section

__all__ = ["page_references"]

_PAGE = regex.compile(
    rf"(?:資料(?:の|\s*)?)?(?<![0-9０-９])(?P<num>{NUMERAL_CLASS}{{1,4}})"
    r"(?:ページ目?|頁目?|枚目)"
)


def _in_paragraph(text: str, utterance: int, paragraph: int) -> Iterator[PageReference]:
    for m in _PAGE.finditer(text):
        number = parse_number(m.group("num"))
        if number is not None and number > 0:
            yield PageReference(number, m.group(), utterance, paragraph, m.start(), m.end())


def page_references(meeting: Meeting, section: Section) -> tuple[PageReference, ...]:
    """Every page reference inside ``section``, in text order."""
    found: list[PageReference] = []
    for u in section.utterance_range:
        for p, paragraph in enumerate(meeting.utterances[u].paragraphs):
            text = paragraph.text
            if section.start.utterance == u and p < section.start.paragraph:
                continue
            if section.end.utterance == u and p > section.end.paragraph:
                break
            found.extend(_in_paragraph(text, u, p))
    return tuple(found)
