"""Wires the structure rules together: :func:`build_structure`."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast

import attrs

from gikai_minutes._structure._categories import (
    CategoryDecision,
    category_from_role,
    chair_fallback,
    role_word_category,
)
from gikai_minutes._structure._handouts import page_references
from gikai_minutes._structure._presentations import find_presentations
from gikai_minutes._structure._qa import find_exchanges
from gikai_minutes._structure._sections import build_sections
from gikai_minutes._structure._text import clean
from gikai_minutes._structure._turns import (
    Nomination,
    Turn,
    analyse_turns,
    find_floor_requests,
    find_nominations,
    first_turns,
    speaker_names,
)
from gikai_minutes.model import (
    Meeting,
    NoteKind,
    ParagraphRef,
    Presentation,
    QAExchange,
    Section,
    Speaker,
    SpeakerCategory,
    SpeakerRule,
    Structure,
    TurnKind,
    Utterance,
)
from gikai_minutes.model._columns import (
    Utterances,
    note_rows,
    paragraph_starts,
    speaker_id,
    utterance_text,
)

__all__ = ["BUILD_STEPS", "BuildStep", "build_structure"]

_C = SpeakerCategory
#: A chair's hand-over to the secretariat (``次回…につきまして、事務局から説明をお願いします``):
#: a sentence naming the secretariat, then a cue after it.
_SECRETARIAT = "事務局"
_HAND_OVER_CUE = re.compile(r"説明|お願い|求め")
_NOT_SECRETARIAT = (_C.CHAIR, _C.MEMBER, _C.PRESENTER)


def _role_decisions(meeting: Meeting) -> dict[str, CategoryDecision]:
    decisions = {s.id: category_from_role(s) for s in meeting.speakers}
    if meeting.utterances and not any(d.category is _C.CHAIR for d in decisions.values()):
        first = speaker_id(meeting.utterances, 0)
        if decisions.get(first) == CategoryDecision(_C.UNKNOWN, "no-evidence") and chair_fallback(
            first, utterance_text(meeting.utterances, 0)
        ):
            decisions[first] = CategoryDecision(_C.CHAIR, "opens-meeting")
    return decisions


def _nominated_chairs(nominations: Mapping[int, Nomination], turns: Sequence[Turn]) -> set[str]:
    """Speakers with a chair's role whom the presiding chair gives the floor and who
    nominate nobody themselves: a 会長代理 or a committee chairman reporting to the
    plenary speaks as a member."""
    nominees = {n.nominee for n in nominations.values()}
    nominators = {turns[k].speaker for k in nominations}
    chairs = {t.speaker for t in turns if t.is_chair}
    return (nominees - nominators) & chairs


def _to_secretariat(text: str) -> bool:
    """Whether a sentence of ``text`` names the secretariat with a cue after it (one
    pass: each sentence is searched once from its first ``事務局``)."""
    for sentence in text.split("。"):
        at = sentence.find(_SECRETARIAT)
        if at >= 0 and _HAND_OVER_CUE.search(sentence, at + len(_SECRETARIAT)):
            return True
    return False


def _secretariat_handovers(turns: Sequence[Turn]) -> set[str]:
    found = set()
    for turn, nxt in itertools.pairwise(turns):
        if (
            turn.is_chair
            and (raw := turn.raw_paragraphs)
            and _to_secretariat(clean(raw[-1]))
            and nxt.category not in _NOT_SECRETARIAT
        ):
            found.add(nxt.speaker)
    return found


def _turn_kinds(
    turns: Sequence[Turn],
    exchanges: Sequence[QAExchange],
    talk: frozenset[int],
    nominations: Mapping[int, Nomination],
    floor_requests: Mapping[int, int],
) -> tuple[TurnKind, ...]:
    questions = {q for e in exchanges for q in e.questions}
    answers = {a for e in exchanges for a in e.answers}
    kinds = []
    for t in turns:
        if t.index in talk:
            kind = TurnKind.PRESENTATION
        elif t.index in questions:
            kind = TurnKind.QUESTION
        elif t.index in answers:
            kind = TurnKind.ANSWER
        elif t.index in nominations:
            kind = TurnKind.NOMINATION
        elif t.index in floor_requests:
            kind = TurnKind.FLOOR_REQUEST
        elif t.courtesy:
            kind = TurnKind.COURTESY
        elif t.is_chair:
            kind = TurnKind.PROCEDURE
        else:
            kind = TurnKind.REMARK
        kinds.append(kind)
    return tuple(kinds)


def _aliases(
    speakers: Mapping[str, Speaker],
    nominations: Mapping[int, Nomination],
    categories: Mapping[str, SpeakerCategory],
) -> dict[str, list[str]]:
    """Titles the chair used for a speaker that would put them in another category
    (``松尾市長`` for the member ``松尾委員``): recorded as aliases of the same person."""
    found: dict[str, list[str]] = {}
    for n in nominations.values():
        speaker = speakers[n.nominee]
        if n.role_word is None or n.role_word == speaker.role or n.mention == speaker.label:
            continue
        implied = role_word_category(n.role_word)
        if implied is not None and implied is not categories[n.nominee]:
            found.setdefault(n.nominee, []).append(n.mention)
    return found


def _locate(
    sections: Sequence[Section], starts: Sequence[tuple[int, int]], ref: ParagraphRef
) -> tuple[int | None, int | None]:
    """The index and presentation of the section holding ``ref``; ``starts`` are the
    sections' first paragraphs as tuples (sections are sorted)."""
    key = (ref.utterance, ref.paragraph)
    k = bisect.bisect_right(starts, key) - 1
    if k < 0 or key > (sections[k].end.utterance, sections[k].end.paragraph):
        return None, None
    return k, sections[k].presentation


_T = TypeVar("_T")


@functools.cache
def _layout(cls: Hashable) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]], bool]:
    fields = [f for f in attrs.fields(cast(Any, cls)) if f.init]
    names = tuple(f.name for f in fields)
    positional = all(not f.kw_only and f.alias == f.name for f in fields) and len(names) > 1
    return names, operator.attrgetter(*names), positional


def _replace(obj: _T, **changes: Any) -> _T:
    """``attrs.evolve(obj, **changes)`` by position (about 1.2-1.3x as fast; runs per turn)."""
    cls: Any = type(obj)
    names, values_of, positional = _layout(cls)
    if not positional:
        return cast(_T, attrs.evolve(cast(Any, obj), **changes))
    values = list(values_of(obj))
    for name, value in changes.items():
        values[names.index(name)] = value
    return cast(_T, cls(*values))


@attrs.define
class _Build:
    """The evidence gathered so far; each :class:`BuildStep` adds to it in order."""

    meeting: Meeting
    speakers: dict[str, Speaker]
    decisions: dict[str, CategoryDecision]
    turns: list[Turn] = attrs.Factory(list)
    names: dict[str, tuple[str, ...]] = attrs.Factory(dict)
    nominations: dict[int, Nomination] = attrs.Factory(dict)
    floor_requests: dict[int, int] = attrs.Factory(dict)
    presentations: list[Presentation] = attrs.Factory(list)
    exchanges: list[QAExchange] = attrs.Factory(list)
    sections: list[Section] = attrs.Factory(list)

    def categories(self) -> dict[str, SpeakerCategory]:
        return {sid: d.category for sid, d in self.decisions.items()}

    def revise(self, speakers: Iterable[str], category: SpeakerCategory, rule: str) -> None:
        """Give ``speakers`` a new category by ``rule``, and their turns with it: a turn
        that is no longer the chair's is no chair's interjection either."""
        changed = set(speakers)
        for sid in changed:
            self.decisions[sid] = CategoryDecision(category, rule)
        for turn in self.turns:
            if turn.speaker in changed:
                turn.category = category
                if turn.is_chair and category is not _C.CHAIR:
                    turn.is_chair = turn.interjection = False


@attrs.frozen(slots=True)
class BuildStep:
    """One step of :func:`build_structure`: reads the evidence so far and adds to it."""

    name: str
    run: Callable[[_Build], None]


def _read_turns(b: _Build) -> None:
    turns = analyse_turns(b.meeting, b.categories())
    b.turns = turns
    b.names = {sid: speaker_names(s) for sid, s in b.speakers.items()}


def _find_nominations(b: _Build) -> None:
    b.nominations = find_nominations(b.turns, b.names)


def _demote_nominated_chairs(b: _Build) -> None:
    b.revise(_nominated_chairs(b.nominations, b.turns), _C.MEMBER, "nominated-by-chair")


def _find_floor_requests(b: _Build) -> None:
    b.floor_requests = find_floor_requests(b.turns, b.nominations)


def _find_presentations(b: _Build) -> None:
    b.presentations = find_presentations(
        b.turns, b.speakers, b.categories(), first_turns(b.turns), b.names
    )
    b.revise((p.presenter for p in b.presentations), _C.PRESENTER, "introduced-presenter")


def _secretariat(b: _Build) -> None:
    found = _secretariat_handovers(b.turns)  # presenters are no longer candidates
    b.revise(found, _C.SECRETARIAT, "chair-hands-to-secretariat")


def _find_exchanges(b: _Build) -> None:
    talk = frozenset(i for p in b.presentations for i in p.talk)
    b.exchanges = find_exchanges(b.turns, b.nominations, b.floor_requests, talk)


def _build_sections(b: _Build) -> None:
    headings = _heading_refs(b.meeting)
    b.sections = build_sections(b.turns, b.presentations, b.exchanges, headings)


def _heading_refs(meeting: Meeting) -> list[tuple[ParagraphRef, str]]:
    """Each heading note of the proceedings with the first paragraph after it; of several
    headings before one paragraph the last (``《議事》``, then ``(1)…``), and none after the
    last paragraph."""
    found: dict[ParagraphRef, str] = {}
    utterances = meeting.utterances
    text = meeting.source.text
    u = p = 0  # the cursor only moves forward: notes come in text order
    for kind, start, end, index in note_rows(meeting.notes):
        if kind is not NoteKind.HEADING or index is None:
            continue
        if index > u:
            u, p = index, 0
        while u < len(utterances):
            starts = paragraph_starts(utterances, u)
            while p < len(starts) and starts[p] < end:
                p += 1
            if p < len(starts):
                found[ParagraphRef(u, p)] = text[start:end]
                break
            u, p = u + 1, 0
    return list(found.items())


#: The steps of :func:`build_structure` in order. Steps that revise speaker categories
#: update the turns at once, so every later step sees the revised categories.
BUILD_STEPS: tuple[BuildStep, ...] = (
    BuildStep("turns", _read_turns),
    BuildStep("nominations", _find_nominations),
    BuildStep("nominated-chairs", _demote_nominated_chairs),
    BuildStep("floor-requests", _find_floor_requests),
    BuildStep("presentations", _find_presentations),
    BuildStep("secretariat", _secretariat),
    BuildStep("exchanges", _find_exchanges),
    BuildStep("sections", _build_sections),
)


def build_structure(meeting: Meeting) -> Meeting:
    """Return ``meeting`` with speaker categories, affiliations and aliases filled in and
    :attr:`Meeting.structure` built. Deterministic; never raises on a parsed meeting."""
    speakers = {s.id: s for s in meeting.speakers}
    utterances = meeting.utterances
    for speaker in (
        utterances.distinct_speakers
        if isinstance(utterances, Utterances)
        else (u.speaker for u in utterances)
    ):
        speakers.setdefault(speaker.id, speaker)
    decisions = _role_decisions(meeting)
    for sid, speaker in speakers.items():
        if sid not in decisions:
            decisions[sid] = category_from_role(speaker)
    b = _Build(meeting, speakers, decisions)
    for step in BUILD_STEPS:
        step.run(b)
    return _assemble(b)


def _assemble(b: _Build) -> Meeting:
    """The meeting with the structure the steps found."""
    meeting, speakers, sections, presentations = b.meeting, b.speakers, b.sections, b.presentations
    categories = b.categories()
    talk = frozenset(i for p in presentations for i in p.talk)
    starts = [(s.start.utterance, s.start.paragraph) for s in sections]
    presentations = [
        _replace(p, section=k, pages=page_references(b.turns, sections[k]))
        if (k := _locate(sections, starts, p.introduction)[0]) is not None
        else p
        for p in presentations
    ]
    located = []
    for e in b.exchanges:
        section, presentation = _locate(sections, starts, ParagraphRef(e.questions[0], 0))
        located.append(_replace(e, section=section, presentation=presentation))

    given: dict[str, Presentation] = {p.presenter: p for p in presentations}
    aliases = _aliases(speakers, b.nominations, categories)
    new_speakers: dict[str, Speaker] = {}
    for sid, speaker in speakers.items():
        talk_given = given.get(sid)
        if talk_given is None and sid not in aliases and categories[sid] is speaker.category:
            new_speakers[sid] = speaker  # nothing learnt: the same object
            continue
        new_speakers[sid] = _replace(
            speaker,
            category=categories[sid],
            affiliation=(talk_given and talk_given.organisation) or speaker.affiliation,
            title=(talk_given and talk_given.title) or speaker.title,
            aliases=tuple(dict.fromkeys((*speaker.aliases, *aliases.get(sid, ())))),
        )
    structure = Structure(
        sections=tuple(sections),
        presentations=tuple(presentations),
        exchanges=tuple(located),
        turns=_turn_kinds(b.turns, b.exchanges, talk, b.nominations, b.floor_requests),
        speaker_rules=tuple(SpeakerRule(sid, b.decisions[sid].rule) for sid in speakers),
    )
    utterances: Sequence[Utterance]
    if isinstance(meeting.utterances, Utterances):
        utterances = meeting.utterances.with_speakers(new_speakers)
    else:
        utterances = tuple(
            u
            if u.speaker is new_speakers[u.speaker.id]
            else _replace(u, speaker=new_speakers[u.speaker.id])
            for u in meeting.utterances
        )
    return _replace(
        meeting,
        speakers=tuple(new_speakers[s.id] for s in meeting.speakers),
        utterances=utterances,
        structure=structure,
    )
