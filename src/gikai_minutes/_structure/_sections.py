"""Sections: opening, hearings, agenda items and closing, bounded at paragraph level.

Boundary rules:

* ``hearing``: a presentation's introducing paragraph starts a hearing section;
* ``agenda-item``: a chair paragraph that takes up an item
  (``…に関する件について調査を進めます``, ``…を議題とし``, ``…について、…説明を求めます``);
* ``closing``: after the last exchange, talk and section start, the first chair paragraph
  that winds the meeting up (``次回``, ``散会``, ``閉会``, ``研究会を終了``);
* ``opening``: whatever precedes the first section.

Without a hearing or an agenda item a meeting gets no sections at all.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from gikai_minutes._structure._turns import Turn
from gikai_minutes._structure_model import (
    ParagraphRef,
    Presentation,
    QAExchange,
    Section,
    SectionKind,
)

__all__ = ["build_sections"]

_AGENDA = regex.compile(
    r"^(?:(?:次に|まず|これより|本日は|それでは)[、,]?)*(?P<title>[^。]+?)"
    r"(?:について(?:、|の)?|を)[^。]{0,20}?"
    r"(?:調査を進め|議題と|質疑を行|御協議|ご協議|説明を求め|審査を進め|審査に入|審議を行|審議に入)"
)
_CLOSING = regex.compile(
    r"次回|散会|閉会|(?:会議|会|研究会|検討会|委員会|審議会|部会|懇談会)を(?:終了|終わ|閉じ)"
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
            m = _AGENDA.search(text)
            if m is not None:
                found.append(
                    _Boundary(
                        ParagraphRef(turn.index, p),
                        SectionKind.AGENDA_ITEM,
                        "agenda-item",
                        m.group("title").strip(" \u3000、"),
                    )
                )
    return found


def _closing_boundary(turns: Sequence[Turn], after: ParagraphRef) -> _Boundary | None:
    for turn in turns[after.utterance :]:
        if not turn.is_chair:
            continue
        for p, text in enumerate(turn.paragraphs):
            ref = ParagraphRef(turn.index, p)
            if ref > after and _CLOSING.search(text):
                return _Boundary(ref, SectionKind.CLOSING, "closing")
    return None


def _content_end(
    boundaries: Sequence[_Boundary],
    presentations: Sequence[Presentation],
    exchanges: Sequence[QAExchange],
    turns: Sequence[Turn],
) -> ParagraphRef:
    """The last paragraph that belongs to the meeting's business."""
    last = max(b.start for b in boundaries)
    ends = [u for e in exchanges for u in (*e.answers, e.acknowledgement) if u is not None]
    ends += [u for p in presentations for u in p.talk]
    if ends:
        u = max(ends)
        last = max(last, ParagraphRef(u, max(len(turns[u].paragraphs) - 1, 0)))
    return last


def build_sections(
    turns: Sequence[Turn],
    presentations: Sequence[Presentation],
    exchanges: Sequence[QAExchange],
) -> list[Section]:
    """Sections that tile every paragraph of the meeting, or none."""
    refs = [ParagraphRef(t.index, p) for t in turns for p in range(len(t.paragraphs))]
    boundaries = [
        _Boundary(p.introduction, SectionKind.HEARING, "hearing", p.topic, i)
        for i, p in enumerate(presentations)
    ]
    taken = {b.start for b in boundaries}
    boundaries += [b for b in _agenda_boundaries(turns) if b.start not in taken]
    if not boundaries or not refs:
        return []
    boundaries.sort(key=lambda b: b.start)
    closing = _closing_boundary(
        turns, _content_end(boundaries, presentations, exchanges, turns)
    )
    if closing is not None:
        boundaries.append(closing)
    if boundaries[0].start > refs[0]:
        boundaries.insert(0, _Boundary(refs[0], SectionKind.OPENING, "opening"))
    position = {ref: k for k, ref in enumerate(refs)}
    sections = []
    for k, b in enumerate(boundaries):
        if k + 1 < len(boundaries):
            end = refs[position[boundaries[k + 1].start] - 1]
        else:
            end = refs[-1]
        sections.append(Section(b.kind, b.start, end, b.rule, b.title, b.presentation))
    return sections
