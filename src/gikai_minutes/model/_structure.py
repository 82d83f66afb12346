"""Typed model of a meeting's structure: sections, presentations and Q&A exchanges.

Structure refers to the rest of the meeting by index only (utterance index, paragraph
index within an utterance, speaker id, presentation/section/exchange index), so it
survives a JSON round trip unchanged. The classes hold data only; the rules that build
them live in :mod:`gikai_minutes._structure`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from gikai_minutes.model._positions import items

__all__ = [
    "PageReference",
    "ParagraphRef",
    "Presentation",
    "QAExchange",
    "Section",
    "SectionKind",
    "SpeakerRule",
    "Structure",
    "TurnKind",
]


@attrs.frozen(slots=True, order=True)
class ParagraphRef:
    """One paragraph: ``meeting.utterances[utterance].paragraphs[paragraph]``."""

    utterance: int
    paragraph: int


class TurnKind(enum.Enum):
    """The main function of one utterance in the meeting."""

    PROCEDURE = "procedure"
    """Chair's management: opening, introductions, calls for questions, closing."""
    NOMINATION = "nomination"
    """The chair gives the floor to the next speaker (``太田委員、お願いします。``)."""
    FLOOR_REQUEST = "floor_request"
    """A speaker asks for the floor (``先生、ちょっといいですか。``)."""
    COURTESY = "courtesy"
    """Thanks, greetings and ``はい。`` only."""
    PRESENTATION = "presentation"
    """Part of an invited talk (including the presenter's self-introduction)."""
    QUESTION = "question"
    ANSWER = "answer"
    REMARK = "remark"
    """Anything else: comments, statements, questions nobody answered."""


class SectionKind(enum.Enum):
    """What part of the meeting a section is."""

    OPENING = "opening"
    HEARING = "hearing"
    AGENDA_ITEM = "agenda_item"
    HEADING = "heading"
    CLOSING = "closing"


@attrs.frozen(slots=True)
class PageReference:
    """A handout page named in the text (``13ページ``, ``資料の7ページ``, ``3枚目``).

    ``start``/``end`` are character offsets of ``text`` within the paragraph's text.
    """

    page: int
    text: str
    utterance: int
    paragraph: int
    start: int
    end: int


@attrs.frozen(slots=True)
class Presentation:
    """An invited talk: who gave it, on behalf of which organisation, and on what.

    ``introduction`` is the paragraph in which the chair introduced the presenter;
    ``talk`` the presenter's utterances before the discussion opened; ``pages`` the
    handout pages referred to anywhere in the presentation's section (talk and Q&A).

    A parsed meeting finds ``pages`` on first access (a
    :class:`~gikai_minutes.model._positions.Deferred` sequence, which reads the meeting's
    utterances): it acts as the tuple of the references, equal to it and with its hash
    and repr, and pickles, copies and exports as that tuple. Other items given when
    building a presentation by hand are kept as a tuple.
    """

    presenter: str
    introduction: ParagraphRef
    talk: tuple[int, ...]
    organisation: str | None = None
    title: str | None = None
    topic: str | None = None
    section: int | None = None
    pages: Sequence[PageReference] = attrs.field(default=(), converter=items)
    rule: str = ""

    @property
    def page_numbers(self) -> tuple[int, ...]:
        """The distinct page numbers referred to, ascending."""
        return tuple(sorted({p.page for p in self.pages}))


@attrs.frozen(slots=True)
class QAExchange:
    """A question and the answers it received.

    ``questions`` and ``answers`` are utterance indices; ``respondents`` speaker ids in
    order of first answer. ``nomination`` is the chair's turn that gave the questioner
    the floor, ``floor_request`` the questioner's request for it, ``acknowledgement``
    the questioner's thanks after the answer. ``follows_up`` is the index of the
    exchange this one continues (same questioner, same floor). ``rule`` names the rule
    that recognised the exchange (see ``docs/structure.md``).
    """

    questioner: str
    questions: tuple[int, ...]
    respondents: tuple[str, ...]
    answers: tuple[int, ...]
    rule: str
    presentation: int | None = None
    section: int | None = None
    follows_up: int | None = None
    nomination: int | None = None
    floor_request: int | None = None
    acknowledgement: int | None = None


@attrs.frozen(slots=True)
class Section:
    """A stretch of the meeting from ``start`` to ``end`` (both paragraphs included).

    Sections follow each other without gaps or overlaps; a boundary may fall inside an
    utterance. ``presentation`` is set for hearings.
    """

    kind: SectionKind
    start: ParagraphRef
    end: ParagraphRef
    rule: str
    title: str | None = None
    presentation: int | None = None

    @property
    def utterance_range(self) -> range:
        """Indices of the utterances this section touches (wholly or in part)."""
        return range(self.start.utterance, self.end.utterance + 1)

    def contains(self, ref: ParagraphRef) -> bool:
        """Whether the paragraph ``ref`` lies in this section."""
        return self.start <= ref <= self.end


@attrs.frozen(slots=True)
class SpeakerRule:
    """The rule that decided a speaker's category (and affiliation, when it did)."""

    speaker: str
    rule: str


@attrs.frozen(slots=True)
class Structure:
    """The meeting's shape, built by rules over the parsed turns.

    ``turns`` holds one :class:`TurnKind` per utterance, in utterance order.
    """

    sections: tuple[Section, ...] = ()
    presentations: tuple[Presentation, ...] = ()
    exchanges: tuple[QAExchange, ...] = ()
    turns: tuple[TurnKind, ...] = ()
    speaker_rules: tuple[SpeakerRule, ...] = ()

    def exchanges_of(self, presentation: int) -> tuple[QAExchange, ...]:
        """The exchanges that belong to presentation number ``presentation``."""
        return tuple(e for e in self.exchanges if e.presentation == presentation)

    def section_of(self, ref: ParagraphRef) -> int | None:
        """The index of the section holding paragraph ``ref``, or ``None``."""
        for i, section in enumerate(self.sections):
            if section.contains(ref):
                return i
        return None
