"""Sections: opening, hearings, agenda items and closing, bounded at paragraph level.

Boundary rules:

* ``hearing``: a presentation's introducing paragraph starts a hearing section;
* ``agenda-item``: a chair's sentence that takes up an item
  (``…に関する件について調査を進めます``, ``…を議題とし``, ``…について、…説明を求めます``,
  ``議案6件を一括して上程いたします``);
* ``agenda-number``: a chair's sentence opening with an assembly's item number
  (``日程第4　陳情受理の報告について``);
* ``heading``: a heading note in the proceedings (``≪3.「行動計画の見直し」について≫``,
  ``《議事》``, ``(2)専門調査会の報告書について``, ``■議題１``, ``１．開会``, ``◎代表質問``)
  starts a section at the first paragraph after it, titled by the heading's text;
* ``closing``: after the last exchange, talk and section start, the first chair paragraph
  that winds the meeting up (``次回``, ``散会``, ``閉会``, ``研究会を終了``);
* ``opening``: whatever precedes the first section.

Without a hearing, an agenda item or a heading a meeting gets no sections at all. Where
several rules start a section at one paragraph, a hearing wins over an agenda item and an
agenda item over a heading.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs
import regex

from gikai_minutes._structure._text import sentences
from gikai_minutes._structure._turns import Turn
from gikai_minutes.model import (
    ParagraphRef,
    Presentation,
    QAExchange,
    Section,
    SectionKind,
)

__all__ = ["AGENDA_RULES", "AgendaRule", "build_sections"]

_PREFIX = r"^(?:(?:次に|まず|これより|本日は|それでは|では)[、,]?)*"


@attrs.frozen(slots=True)
class AgendaRule:
    """Recognises a chair's sentence that takes up an agenda item, and its title.

    ``cue`` is a cheap filter applied to the whole paragraph first; ``pattern`` matches a
    sentence and has a ``title`` group (and optionally ``about``: ``についてを`` keeps
    ``について`` in the title). Both are ``re`` patterns: on the corpus' sentences ``re``
    ran the cues twice and the declaration pattern four times as fast as ``regex``.
    """

    name: str
    cue: re.Pattern[str]
    pattern: re.Pattern[str]

    def title(self, sentence: str) -> str | None:
        m = self.pattern.search(sentence)
        if m is None:
            return None
        title = m.group("title").strip(" \u3000、")
        if m.groupdict().get("about") == "についてを":
            title += "について"
        return title or None


#: ``…に関する件について調査を進めます``, ``…を議題といたします``, ``…について、…説明を
#: 求めます``, ``議案6件を一括して上程いたします`` (not ``議題とすることに異議ありませんか``).
AGENDA_DECLARATION = AgendaRule(
    "agenda-item",
    re.compile(r"調査を進め|議題と|質疑を行|協議願|説明を求め|報告を求め|審査|審議|上程"),
    re.compile(
        _PREFIX + r"(?P<title>[^。]+?)(?P<about>についてを|について(?:、|の)?|を)[^。]{0,20}?"
        r"(?:調査を進めます|議題と(?:いた)?し(?:ます|、|て)|質疑を行います|御協議願|ご協議願"
        r"|説明を求めます|報告を求めます|審査を進めます|審査に入ります|審議を行います"
        r"|審議に入ります|上程いたします|上程します)"
    ),
)
#: An assembly's numbered item, as a whole sentence: ``日程第4　陳情受理の報告について。``,
#: ``次に日程第2、代表質問を行います。`` (not the lines of an agenda being read out).
AGENDA_NUMBER = AgendaRule(
    "agenda-number",
    re.compile(r"日程第"),
    re.compile(
        # The lookahead checks once that one sentence ending in 。 follows, so the lazy
        # title is extended once, not once per ``について`` in the sentence.
        r"^(?:次に[、,]?)?(?=[^。]*+。$)(?P<title>日程第[0-9０-９一二三四五六七八九十百]++[^。]*?)"
        r"(?:について|を(?=議題|行|一括|上程|許))"
    ),
)
AGENDA_RULES: tuple[AgendaRule, ...] = (AGENDA_DECLARATION, AGENDA_NUMBER)

#: A chair's words that wind the meeting up (not ``閉会中継続調査``).
_CLOSING = regex.compile(
    r"次回|散会|閉会(?:と|い|し|に|を)|(?:会議|会|研究会|検討会|委員会|審議会|部会|懇談会)"
    r"を(?:終了|終わ|閉じ)"
)


@attrs.frozen(slots=True)
class _Boundary:
    start: ParagraphRef
    kind: SectionKind
    rule: str
    title: str | None = None
    presentation: int | None = None


def _agenda_boundaries(turns: Sequence[Turn]) -> list[_Boundary]:
    found = []
    for turn in turns:
        if not turn.is_chair:
            continue
        for p, text in enumerate(turn.paragraphs):
            for rule in AGENDA_RULES:
                if not rule.cue.search(text):
                    continue
                # the pattern holds the cue: only sentences with the cue can match it
                title = next(
                    filter(None, (rule.title(s) for s in sentences(text) if rule.cue.search(s))),
                    None,
                )
                if title is not None:
                    ref = ParagraphRef(turn.index, p)
                    found.append(_Boundary(ref, SectionKind.AGENDA_ITEM, rule.name, title))
                    break
    return found


def _key(ref: ParagraphRef) -> tuple[int, int]:
    """``ref`` as a tuple, ordered as refs are (cheaper to compare)."""
    return ref.utterance, ref.paragraph


def _start_key(boundary: _Boundary) -> tuple[int, int]:
    return boundary.start.utterance, boundary.start.paragraph


def _closing_boundary(turns: Sequence[Turn], after: ParagraphRef) -> _Boundary | None:
    after_key = _key(after)
    for turn in itertools.islice(turns, after.utterance, None):
        if not turn.is_chair:
            continue
        for p, text in enumerate(turn.paragraphs):
            if (turn.index, p) > after_key and _CLOSING.search(text):
                return _Boundary(ParagraphRef(turn.index, p), SectionKind.CLOSING, "closing")
    return None


def _content_end(
    boundaries: Sequence[_Boundary],
    presentations: Sequence[Presentation],
    exchanges: Sequence[QAExchange],
    turns: Sequence[Turn],
) -> ParagraphRef:
    """The last paragraph that belongs to the meeting's business."""
    last = max(map(_start_key, boundaries))
    ends = [u for e in exchanges for u in (*e.answers, e.acknowledgement) if u is not None]
    ends += [u for p in presentations for u in p.talk]
    if ends:
        u = max(ends)
        last = max(last, (u, max(len(turns[u].paragraphs) - 1, 0)))
    return ParagraphRef(*last)


def _paragraph_refs(turns: Sequence[Turn]) -> tuple[ParagraphRef, ParagraphRef] | None:
    """The first and the last paragraph of the meeting."""
    first = next((t for t in turns if t.paragraphs), None)
    last = next((t for t in reversed(turns) if t.paragraphs), None)
    if first is None or last is None:
        return None
    return ParagraphRef(first.index, 0), ParagraphRef(last.index, len(last.paragraphs) - 1)


def _previous(turns: Sequence[Turn], ref: ParagraphRef) -> ParagraphRef:
    """The paragraph just before ``ref`` (``ref`` is not the meeting's first)."""
    if ref.paragraph > 0:
        return ParagraphRef(ref.utterance, ref.paragraph - 1)
    for u in range(ref.utterance - 1, -1, -1):
        if turns[u].paragraphs:
            return ParagraphRef(u, len(turns[u].paragraphs) - 1)
    return ref


#: Marks and brackets around a heading's text, left out of the section's title.
_HEADING_OPEN = "≪《〈＜<◎○〇◯◆◇■□●▼▽ \u3000"
_HEADING_CLOSE = "≫》〉＞> \u3000"


def heading_title(text: str) -> str:
    """A heading note's text without its marks and enclosing brackets
    (``≪3.「行動計画」について≫`` -> ``3.「行動計画」について``, ``■議題１`` -> ``議題１``)."""
    title = text.strip()
    if title[:1] in "≪《〈＜<":
        title = title[1:].rstrip(_HEADING_CLOSE)
    return title.lstrip(_HEADING_OPEN) or text.strip()


def _heading_boundaries(headings: Sequence[tuple[ParagraphRef, str]]) -> list[_Boundary]:
    return [
        _Boundary(ref, SectionKind.HEADING, "heading", heading_title(text))
        for ref, text in headings
    ]


def build_sections(
    turns: Sequence[Turn],
    presentations: Sequence[Presentation],
    exchanges: Sequence[QAExchange],
    headings: Sequence[tuple[ParagraphRef, str]] = (),
) -> list[Section]:
    """Sections that tile every paragraph of the meeting, or none. ``headings`` are the
    heading notes of the proceedings, each with the first paragraph after it."""
    bounds = _paragraph_refs(turns)
    boundaries = [
        _Boundary(p.introduction, SectionKind.HEARING, "hearing", p.topic, i)
        for i, p in enumerate(presentations)
    ]
    taken = {b.start for b in boundaries}
    for candidates in (_agenda_boundaries(turns), _heading_boundaries(headings)):
        new = [b for b in candidates if b.start not in taken]
        boundaries += new
        taken.update(b.start for b in new)
    if not boundaries or bounds is None:
        return []
    first, last = bounds
    boundaries.sort(key=_start_key)
    closing = _closing_boundary(turns, _content_end(boundaries, presentations, exchanges, turns))
    if closing is not None:
        boundaries.append(closing)
    if _start_key(boundaries[0]) > _key(first):
        boundaries.insert(0, _Boundary(first, SectionKind.OPENING, "opening"))
    sections = []
    for k, b in enumerate(boundaries):
        end = _previous(turns, boundaries[k + 1].start) if k + 1 < len(boundaries) else last
        sections.append(Section(b.kind, b.start, end, b.rule, b.title, b.presentation))
    return sections
