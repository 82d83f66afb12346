"""Wires the structure rules together: :func:`build_structure`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import regex

from gikai_minutes._model import Meeting, Speaker, SpeakerCategory
from gikai_minutes._structure._categories import (
    CategoryDecision,
    category_from_role,
    chair_fallback,
)
from gikai_minutes._structure._handouts import page_references
from gikai_minutes._structure._presentations import find_presentations
from gikai_minutes._structure._qa import find_exchanges
from gikai_minutes._structure._sections import build_sections
from gikai_minutes._structure._turns import (
    Nomination,
    Turn,
    analyse_turns,
    find_floor_requests,
    find_nominations,
    first_turns,
)
from gikai_minutes._structure_model import (
    ParagraphRef,
    Presentation,
    QAExchange,
    Section,
    SpeakerRule,
    Structure,
    TurnKind,
)

__all__ = ["build_structure"]

_C = SpeakerCategory
#: A chair's hand-over to the secretariat (``次回…につきまして、事務局から説明をお願いします``).
_TO_SECRETARIAT = regex.compile(r"事務局(?:から|より|の方から|のほうから|に|の)?[^。]*(?:説明|お願い|求め)")
_NOT_SECRETARIAT = frozenset({_C.CHAIR, _C.MEMBER, _C.PRESENTER})


def _role_decisions(meeting: Meeting) -> dict[str, CategoryDecision]:
    decisions = {s.id: category_from_role(s) for s in meeting.speakers}
    if meeting.utterances and not any(d.category is _C.CHAIR for d in decisions.values()):
        first = meeting.utterances[0]
        if decisions.get(first.speaker.id) == CategoryDecision(
            _C.UNKNOWN, "no-evidence"
        ) and chair_fallback(first.speaker.id, first.text):
            decisions[first.speaker.id] = CategoryDecision(_C.CHAIR, "opens-meeting")
    return decisions


def _secretariat_handovers(turns: Sequence[Turn]) -> set[str]:
    found = set()
    for turn, nxt in zip(turns, turns[1:], strict=False):
        if (
            turn.is_chair
            and turn.paragraphs
            and _TO_SECRETARIAT.search(turn.paragraphs[-1])
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
    speakers: Mapping[str, Speaker], nominations: Mapping[int, Nomination]
) -> dict[str, list[str]]:
    """Titles the chair used for a speaker that differ from the speaker's own role."""
    found: dict[str, list[str]] = {}
    for n in nominations.values():
        speaker = speakers[n.nominee]
        if n.role_word is not None and n.role_word != speaker.role and n.mention != speaker.label:
            found.setdefault(n.nominee, []).append(n.mention)
    return found


def _locate(
    sections: Sequence[Section], ref: ParagraphRef
) -> tuple[int | None, int | None]:
    for k, section in enumerate(sections):
        if section.contains(ref):
            return k, section.presentation
    return None, None


def build_structure(meeting: Meeting) -> Meeting:
    """Return ``meeting`` with speaker categories, affiliations and aliases filled in and
    :attr:`Meeting.structure` built. Deterministic; never raises on a parsed meeting."""
    speakers = {s.id: s for s in meeting.speakers}
    for u in meeting.utterances:
        speakers.setdefault(u.speaker.id, u.speaker)
    decisions = _role_decisions(meeting)
    for sid, speaker in speakers.items():
        decisions.setdefault(sid, category_from_role(speaker))
    categories = {sid: d.category for sid, d in decisions.items()}
    turns = analyse_turns(meeting, categories)
    nominations = find_nominations(turns, speakers)
    floor_requests = find_floor_requests(turns, nominations)
    presentations = find_presentations(turns, speakers, categories, first_turns(turns))

    for p in presentations:
        decisions[p.presenter] = CategoryDecision(_C.PRESENTER, "introduced-presenter")
    for sid in _secretariat_handovers(turns):
        if decisions[sid].category is not _C.PRESENTER:
            decisions[sid] = CategoryDecision(_C.SECRETARIAT, "chair-hands-to-secretariat")
    categories = {sid: d.category for sid, d in decisions.items()}
    turns = [attrs.evolve(t, category=categories[t.speaker]) for t in turns]

    talk = frozenset(i for p in presentations for i in p.talk)
    exchanges = find_exchanges(turns, nominations, floor_requests, talk)
    sections = build_sections(turns, presentations, exchanges)

    presentations = [
        attrs.evolve(p, section=k, pages=page_references(meeting, sections[k]))
        if (k := _locate(sections, p.introduction)[0]) is not None
        else p
        for p in presentations
    ]
    located = []
    for e in exchanges:
        section, presentation = _locate(sections, ParagraphRef(e.questions[0], 0))
        located.append(attrs.evolve(e, section=section, presentation=presentation))

    affiliations: dict[str, Presentation] = {p.presenter: p for p in presentations}
    aliases = _aliases(speakers, nominations)
    new_speakers: dict[str, Speaker] = {}
    for sid, speaker in speakers.items():
        p = affiliations.get(sid)
        new_speakers[sid] = attrs.evolve(
            speaker,
            category=categories[sid],
            affiliation=(p.organisation if p else None) or speaker.affiliation,
            title=(p.title if p else None) or speaker.title,
            aliases=tuple(dict.fromkeys((*speaker.aliases, *aliases.get(sid, ())))),
        )
    structure = Structure(
        sections=tuple(sections),
        presentations=tuple(presentations),
        exchanges=tuple(located),
        turns=_turn_kinds(turns, exchanges, talk, nominations, floor_requests),
        speaker_rules=tuple(SpeakerRule(sid, decisions[sid].rule) for sid in speakers),
    )
    return attrs.evolve(
        meeting,
        speakers=tuple(new_speakers[s.id] for s in meeting.speakers),
        utterances=tuple(
            attrs.evolve(u, speaker=new_speakers[u.speaker.id]) for u in meeting.utterances
        ),
        structure=structure,
    )
