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

import functools
import operator
import re
from collections.abc import Sequence

import attrs
import regex

from gikai_minutes._structure._qa import FoundExchange
from gikai_minutes._structure._text import clean, raw_paragraphs, sentences
from gikai_minutes._structure._turns import Turn
from gikai_minutes.model import (
    ParagraphRef,
    Presentation,
    QAExchange,
    Section,
    SectionKind,
)

__all__ = ["AGENDA_RULES", "AgendaRule", "build_sections", "one_turn_sections"]

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
        if "about" in self.pattern.groupindex and m.group("about") == "についてを":
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


def _may_close(text: str) -> bool:
    """False when ``text`` holds none of the literals every :data:`_CLOSING` match holds
    (``次回``, ``散会``, ``閉会``, ``を終``, ``を閉``): most paragraphs are rejected so, by
    substring tests several times as fast as the search."""
    return "次回" in text or "散会" in text or "閉会" in text or "を終" in text or "を閉" in text


def _any_cue(rules: Sequence[AgendaRule]) -> re.Pattern[str]:
    """One pattern that finds any rule's cue: most paragraphs hold none, and one search
    rejects them. The cues are joined as they are: ``re`` searches a flat alternation of
    literals about three times as fast as one whose branches are groups."""
    return re.compile("|".join(rule.cue.pattern for rule in rules))


_ANY_AGENDA_CUE = _any_cue(AGENDA_RULES)


def _cue_owners(rules: Sequence[AgendaRule]) -> dict[str, AgendaRule]:
    """Each literal of the rules' cues with the first rule whose cue it is: the literal
    :data:`_ANY_AGENDA_CUE` found tells that rule's cue is in the paragraph, unsearched.
    Empty when a cue is not an alternation of plain literals."""
    owners: dict[str, AgendaRule] = {}
    for rule in rules:
        for literal in rule.cue.pattern.split("|"):
            if not literal or re.escape(literal) != literal:
                return {}
            owners.setdefault(literal, rule)
    return owners


_CUE_OWNER = _cue_owners(AGENDA_RULES)


#: Where a section starts and what it is: (utterance, paragraph, kind, rule, title,
#: presentation). Plain tuples: a meeting makes one per agenda item and heading.
_Boundary = tuple[int, int, SectionKind, str, str | None, int | None]

#: A boundary's position, ordered as paragraphs are.
_position = operator.itemgetter(0, 1)

_OPENING, _HEARING, _AGENDA_ITEM, _HEADING, _CLOSING_KIND = (
    SectionKind.OPENING,
    SectionKind.HEARING,
    SectionKind.AGENDA_ITEM,
    SectionKind.HEADING,
    SectionKind.CLOSING,
)


def _agenda_boundaries(turns: Sequence[Turn]) -> list[_Boundary]:
    found: list[_Boundary] = []
    for turn in turns:
        if turn.is_chair:
            _agenda_items(turn.index, raw_paragraphs(turn), found)
    return found


def _agenda_items(index: int, paragraphs: Sequence[str], found: list[_Boundary]) -> None:
    """Add the agenda items of chair turn ``index`` with these raw paragraphs to ``found``."""
    any_cue = _ANY_AGENDA_CUE.search
    # cleaning only strips whitespace and rule characters, which no cue holds: a cue in a
    # cleaned paragraph is in the raw one, and one search rejects most paragraphs
    for p, raw in enumerate(paragraphs):
        m = any_cue(raw)
        if m is None:
            continue
        title = _agenda_title(clean(raw), _CUE_OWNER.get(m.group()))
        if title is not None:
            found.append((index, p, _AGENDA_ITEM, title[0], title[1], None))


def _agenda_title(paragraph: str, cued: AgendaRule | None = None) -> tuple[str, str] | None:
    """The first rule that finds an agenda item's title in a sentence of ``paragraph``,
    and the title (``cued``: a rule whose cue ``paragraph`` is known to hold)."""
    one = None
    for rule in AGENDA_RULES:
        cue = rule.cue.search
        if rule is not cued and cue(paragraph) is None:
            continue
        if one is None:
            one = _one_sentence(paragraph)
        if one:  # the paragraph is the sentence, and holds the cue
            title = rule.title(paragraph)
            if title is not None:
                return rule.name, title
            continue
        for s in sentences(paragraph):
            # the pattern holds the cue: only sentences with the cue can match it
            if cue(s) is not None:
                title = rule.title(s)
                if title is not None:
                    return rule.name, title
    return None


def _one_sentence(paragraph: str) -> bool:
    """Whether a cleaned, non-empty paragraph is one sentence (:func:`sentences` gives it
    whole): no sentence end but in the run of them at its end (or all of it)."""
    body = paragraph.rstrip("。？！?!")
    return not ("。" in body or "？" in body or "！" in body or "?" in body or "!" in body)


def _closing_boundary(turns: Sequence[Turn], after: tuple[int, int]) -> _Boundary | None:
    u, p = after
    first = p + 1  # in the turn of ``after``, only later paragraphs
    for k in range(u, len(turns)):
        turn = turns[k]
        if turn.is_chair:
            found = _closing_in(turn.index, raw_paragraphs(turn), first)
            if found is not None:
                return found
        first = 0
    return None


def _closing_in(index: int, paragraphs: Sequence[str], first: int) -> _Boundary | None:
    """The closing boundary in chair turn ``index`` (these raw paragraphs) from paragraph
    ``first`` on, or ``None``. The closing words hold no space nor rule character: the raw
    paragraph holds them where the cleaned one does."""
    closing = _CLOSING.search
    for q in range(first, len(paragraphs)):
        text = paragraphs[q]
        if _may_close(text) and closing(text):
            return (index, q, _CLOSING_KIND, "closing", None, None)
    return None


def _content_end(
    last: tuple[int, int],
    presentations: Sequence[Presentation],
    exchanges: Sequence[FoundExchange] | Sequence[QAExchange],
    turns: Sequence[Turn],
) -> tuple[int, int]:
    """The last paragraph that belongs to the meeting's business (``last`` is the last
    boundary's)."""
    # the last turn of each exchange and talk, gathered first: one ``max`` over them all
    ends = [e.answers[-1] for e in exchanges if e.answers]
    ends += [e.acknowledgement for e in exchanges if e.acknowledgement is not None]
    ends += [pr.talk[-1] for pr in presentations if pr.talk]
    end = max(ends, default=-1)
    if end >= 0:
        last = max(last, (end, max(turns[end].paragraph_count - 1, 0)))
    return last


def _paragraph_bounds(turns: Sequence[Turn]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The first and the last paragraph of the meeting."""
    for first in turns:
        if first.paragraph_count:
            break
    else:
        return None
    for last in reversed(turns):
        if (count := last.paragraph_count) != 0:
            return (first.index, 0), (last.index, count - 1)
    return None  # not reached: ``first`` has paragraphs


#: A paragraph reference, made once for each position (immutable): the first
#: paragraphs' positions recur in every meeting (bounded: one entry per position).
_ref = functools.lru_cache(maxsize=4096)(ParagraphRef)


def _previous(turns: Sequence[Turn], u: int, p: int) -> ParagraphRef:
    """The paragraph just before ``(u, p)`` (not the meeting's first)."""
    if p > 0:
        return _ref(u, p - 1)
    for k in range(u - 1, -1, -1):
        if count := turns[k].paragraph_count:
            return _ref(k, count - 1)
    return _ref(u, p)


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


def build_sections(
    turns: Sequence[Turn],
    presentations: Sequence[Presentation],
    exchanges: Sequence[FoundExchange] | Sequence[QAExchange],
    headings: Sequence[tuple[ParagraphRef, str]] = (),
) -> list[Section]:
    """Sections that tile every paragraph of the meeting, or none. ``headings`` are the
    heading notes of the proceedings, each with the first paragraph after it."""
    boundaries: list[_Boundary] = []
    for i, talk in enumerate(presentations):
        ref = talk.introduction
        boundaries.append((ref.utterance, ref.paragraph, _HEARING, "hearing", talk.topic, i))
    agenda = _agenda_boundaries(turns)
    if not (boundaries or agenda or headings):
        return []
    bounds = _paragraph_bounds(turns)
    if bounds is None:
        return []
    if not (boundaries or headings):
        boundaries = agenda  # one boundary a paragraph at most
    elif agenda or headings:
        taken = set(map(_position, boundaries))
        for b in agenda:
            if (at := (b[0], b[1])) not in taken:
                boundaries.append(b)
                taken.add(at)
        for ref, text in headings:
            if (at := (ref.utterance, ref.paragraph)) not in taken:
                boundaries.append((*at, _HEADING, "heading", heading_title(text), None))
                taken.add(at)
    first, last = bounds
    if len(boundaries) > 1:
        boundaries.sort(key=_position)
    end = _position(boundaries[-1])
    if presentations or exchanges:  # without them the content ends at the last boundary
        end = _content_end(end, presentations, exchanges, turns)
    closing = _closing_boundary(turns, end)
    if closing is not None:
        boundaries.append(closing)
    if _position(boundaries[0]) > first:
        boundaries.insert(0, (*first, _OPENING, "opening", None, None))
    return _tile(boundaries, last, turns)


def one_turn_sections(paragraphs: Sequence[str]) -> list[Section]:
    """:func:`build_sections` of a meeting of one chair turn with these raw paragraphs,
    no presentation, exchange nor heading: its agenda items, the closing after the last,
    and the opening before the first."""
    boundaries: list[_Boundary] = []
    _agenda_items(0, paragraphs, boundaries)  # one turn: in paragraph order
    if not boundaries:
        return []
    closing = _closing_in(0, paragraphs, boundaries[-1][1] + 1)
    if closing is not None:
        boundaries.append(closing)
    if boundaries[0][1] > 0:
        boundaries.insert(0, (0, 0, _OPENING, "opening", None, None))
    return _tile(boundaries, (0, len(paragraphs) - 1), ())


def _tile(
    boundaries: Sequence[_Boundary], last: tuple[int, int], turns: Sequence[Turn]
) -> list[Section]:
    """The sections from each boundary to the paragraph before the next, the last to
    ``last``. ``turns`` are read only for a boundary at a turn's first paragraph."""
    sections = []
    at_ref = _ref
    u, p, kind, rule, title, presentation = boundaries[0]
    start = at_ref(u, p)
    for k in range(1, len(boundaries)):
        boundary = boundaries[k]
        u, p = boundary[0], boundary[1]
        sections.append(Section(kind, start, _previous(turns, u, p), rule, title, presentation))
        start = at_ref(u, p)
        _, _, kind, rule, title, presentation = boundary
    sections.append(Section(kind, start, at_ref(*last), rule, title, presentation))
    return sections
