"""Wires the structure rules together: :func:`build_structure`."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from gikai_minutes._structure._categories import (
    CategoryDecision,
    category_from_role,
    chair_fallback,
    role_word_category,
)
from gikai_minutes._structure._handouts import section_pages
from gikai_minutes._structure._presentations import find_presentations
from gikai_minutes._structure._qa import FoundExchange, find_exchange_rows
from gikai_minutes._structure._sections import build_sections, one_turn_sections
from gikai_minutes._structure._text import clean
from gikai_minutes._structure._turns import (
    Nomination,
    Turn,
    analyse_turns,
    find_floor_requests,
    find_nominations,
    first_turns,
    one_turn_facts,
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
from gikai_minutes.model._meeting import meeting_of
from gikai_minutes.model._positions import Deferred

__all__ = ["BUILD_STEPS", "BuildStep", "build_structure"]

_C = SpeakerCategory
#: The categories as module constants (reading a member off its enum class costs a
#: look-up through the class each time).
_CHAIR, _MEMBER, _PRESENTER = _C.CHAIR, _C.MEMBER, _C.PRESENTER
_SECRETARIAT_CATEGORY, _UNKNOWN = _C.SECRETARIAT, _C.UNKNOWN
#: A chair's hand-over to the secretariat (``次回…につきまして、事務局から説明をお願いします``):
#: a sentence naming the secretariat, then a cue after it.
_SECRETARIAT = "事務局"
_HAND_OVER_CUE = re.compile(r"説明|お願い|求め")
_NOT_SECRETARIAT = (_CHAIR, _MEMBER, _PRESENTER)


_OPENS_MEETING = CategoryDecision(_CHAIR, "opens-meeting")


def _chair_by_opening(meeting: Meeting, decisions: dict[str, CategoryDecision]) -> str | None:
    """In a meeting without a chair by role, the first speaker when nothing else decided
    their category and their first turn opens the meeting: their id, once decided."""
    first = speaker_id(meeting.utterances, 0)
    found = decisions.get(first)
    if (
        found is not None
        and found.category is _UNKNOWN
        and found.rule == "no-evidence"
        and chair_fallback(first, utterance_text(meeting.utterances, 0))
    ):
        decisions[first] = _OPENS_MEETING
        return first
    return None


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
            and _SECRETARIAT in raw[-1]  # cleaning keeps the word where it is
            and _to_secretariat(clean(raw[-1]))
            and nxt.category not in _NOT_SECRETARIAT
        ):
            found.add(nxt.speaker)
    return found


_PRESENTATION, _QUESTION, _ANSWER, _NOMINATION, _FLOOR_REQUEST = (
    TurnKind.PRESENTATION,
    TurnKind.QUESTION,
    TurnKind.ANSWER,
    TurnKind.NOMINATION,
    TurnKind.FLOOR_REQUEST,
)
_COURTESY, _PROCEDURE, _REMARK = TurnKind.COURTESY, TurnKind.PROCEDURE, TurnKind.REMARK
_NONE: frozenset[int] = frozenset()
_HEADING_NOTE = NoteKind.HEADING


def _turn_kinds(
    turns: Sequence[Turn],
    exchanges: Sequence[FoundExchange] | Sequence[QAExchange],
    talk: frozenset[int],
    nominations: Mapping[int, Nomination],
    floor_requests: Mapping[int, int],
) -> tuple[TurnKind, ...]:
    if not (floor_requests or nominations or exchanges or talk):  # no turn has a role
        return tuple(
            [_COURTESY if t.courtesy else _PROCEDURE if t.is_chair else _REMARK for t in turns]
        )
    # the turns of a role, written from the weakest role to the strongest: a turn of
    # several roles keeps the strongest
    roles: dict[int, TurnKind] = dict.fromkeys(floor_requests, _FLOOR_REQUEST)
    if nominations:
        roles.update(dict.fromkeys(nominations, _NOMINATION))
    if exchanges:
        roles.update(dict.fromkeys([a for e in exchanges for a in e.answers], _ANSWER))
        roles.update(dict.fromkeys([q for e in exchanges for q in e.questions], _QUESTION))
    if talk:
        roles.update(dict.fromkeys(talk, _PRESENTATION))
    get = roles.get
    return tuple(
        [
            get(t.index) or (_COURTESY if t.courtesy else _PROCEDURE if t.is_chair else _REMARK)
            for t in turns
        ]
    )


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


def _section_at(
    starts: Sequence[tuple[int, int]], ends: Sequence[tuple[int, int]], key: tuple[int, int]
) -> int | None:
    """The index of the section holding paragraph ``key`` (utterance, paragraph), or
    ``None``; ``starts`` and ``ends`` are the sections' first and last paragraphs as tuples
    (sections are sorted and do not overlap)."""
    k = bisect.bisect_right(starts, key) - 1
    return k if k >= 0 and key <= ends[k] else None


class _Names(dict[str, tuple[str, ...]]):
    """The forms each speaker may be named by (:func:`speaker_names`), found on first
    lookup: most speakers are never looked up."""

    __slots__ = ("speakers",)

    def __init__(self, speakers: Mapping[str, Speaker]) -> None:
        self.speakers = speakers  # starts empty: dict's own __init__ would add nothing

    def __missing__(self, sid: str) -> tuple[str, ...]:
        found = self[sid] = speaker_names(self.speakers[sid])
        return found


#: An empty mapping no step writes to (a step gives the build a mapping of its own).
_NOTHING: Mapping[int, Any] = types.MappingProxyType({})


class _Build:
    """The evidence gathered so far; each :class:`BuildStep` adds to it in order.

    ``decisions`` hold each speaker's category and rule, ``category`` the same categories
    alone (kept in step by :meth:`revise`)."""

    __slots__ = (
        "_names",
        "category",
        "decisions",
        "exchanges",
        "floor_requests",
        "meeting",
        "nominations",
        "presentations",
        "sections",
        "speakers",
        "turns",
    )

    def __init__(
        self,
        meeting: Meeting,
        speakers: dict[str, Speaker],
        decisions: dict[str, CategoryDecision],
        category: dict[str, SpeakerCategory] | None = None,
    ) -> None:
        self.meeting = meeting
        self.speakers = speakers
        self.decisions = decisions
        self.category = (
            {sid: d.category for sid, d in decisions.items()} if category is None else category
        )
        # nothing found yet: shared empty values, each replaced by the step that finds it
        self.turns: Sequence[Turn] = ()
        self._names: _Names | None = None
        self.nominations: Mapping[int, Nomination] = _NOTHING
        self.floor_requests: Mapping[int, int] = _NOTHING
        self.presentations: Sequence[Presentation] = ()
        #: As found: each made a :class:`QAExchange` once located (:func:`_placed`).
        self.exchanges: Sequence[FoundExchange] = ()
        self.sections: Sequence[Section] = ()

    @property
    def names(self) -> Mapping[str, tuple[str, ...]]:
        """The forms each speaker may be named by (made on first use: a meeting of one
        turn never needs them)."""
        names = self._names
        if names is None:
            names = self._names = _Names(self.speakers)
        return names

    def categories(self) -> Mapping[str, SpeakerCategory]:
        """Each speaker's category as decided so far (a live view: read it, don't keep it)."""
        return self.category

    def revise(self, speakers: Iterable[str], category: SpeakerCategory, rule: str) -> None:
        """Give ``speakers`` a new category by ``rule``, and their turns with it: a turn
        that is no longer the chair's is no chair's interjection either."""
        changed = set(speakers)
        if not changed:
            return
        decision = CategoryDecision(category, rule)
        for sid in changed:
            self.decisions[sid] = decision
            self.category[sid] = category
        for turn in self.turns:
            if turn.speaker in changed:
                turn.category = category
                if turn.is_chair and category is not _CHAIR:
                    turn.is_chair = turn.interjection = False


@attrs.frozen(slots=True)
class BuildStep:
    """One step of :func:`build_structure`: reads the evidence so far and adds to it."""

    name: str
    run: Callable[[_Build], None]
    #: The fewest turns the step can find anything in: a meeting of fewer skips it.
    min_turns: int = 1


def _read_turns(b: _Build) -> None:
    b.turns = analyse_turns(b.meeting, b.category)


def _find_nominations(b: _Build) -> None:
    if len(b.turns) > 1:  # a nomination gives the floor to the next turn
        b.nominations = find_nominations(b.turns, b.names)


def _demote_nominated_chairs(b: _Build) -> None:
    if b.nominations:
        b.revise(_nominated_chairs(b.nominations, b.turns), _MEMBER, "nominated-by-chair")


def _find_floor_requests(b: _Build) -> None:
    if b.nominations:
        b.floor_requests = find_floor_requests(b.turns, b.nominations)


def _find_presentations(b: _Build) -> None:
    if len(b.turns) < 2:
        return  # a talk follows its introduction
    b.presentations = find_presentations(
        b.turns, b.speakers, b.category, first_turns(b.turns), b.names
    )
    b.revise((p.presenter for p in b.presentations), _PRESENTER, "introduced-presenter")


def _secretariat(b: _Build) -> None:
    if len(b.turns) > 1:  # the chair hands over to the next turn
        found = _secretariat_handovers(b.turns)  # presenters are no longer candidates
        b.revise(found, _SECRETARIAT_CATEGORY, "chair-hands-to-secretariat")


def _find_exchanges(b: _Build) -> None:
    if len(b.turns) > 1:  # a question, then an answer
        talk = frozenset(i for p in b.presentations for i in p.talk)
        b.exchanges = find_exchange_rows(b.turns, b.nominations, b.floor_requests, talk)


def _build_sections(b: _Build) -> None:
    headings = _heading_refs(b.meeting) if b.meeting.notes else []
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
        if kind is not _HEADING_NOTE or index is None:
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
    BuildStep("nominations", _find_nominations, 2),
    BuildStep("nominated-chairs", _demote_nominated_chairs, 2),
    BuildStep("floor-requests", _find_floor_requests, 2),
    BuildStep("presentations", _find_presentations, 2),
    BuildStep("secretariat", _secretariat, 2),
    BuildStep("exchanges", _find_exchanges, 2),
    BuildStep("sections", _build_sections),
)
#: The steps a meeting of one turn (or none) runs: every other step needs two turns.
_ONE_TURN_STEPS = tuple(step for step in BUILD_STEPS if step.min_turns <= 1)


def build_structure(meeting: Meeting) -> Meeting:
    """Return ``meeting`` with speaker categories, affiliations and aliases filled in and
    :attr:`Meeting.structure` built. Deterministic; never raises on a parsed meeting."""
    utterances = meeting.utterances
    if len(utterances) == 1 and isinstance(utterances, Utterances):
        built = _one_turn(meeting, utterances)
        if built is not None:
            return built
    b = _start(meeting)
    for step in BUILD_STEPS if len(utterances) > 1 else _ONE_TURN_STEPS:
        step.run(b)
    return _assemble(b)


def _one_turn(meeting: Meeting, utterances: Utterances) -> Meeting | None:
    """:func:`build_structure` of a meeting of one utterance kept as columns, decided in
    one pass: no step but the turn's own facts and its agenda items can find anything
    (every other needs two turns), so no turn, evidence nor step is made. ``None`` when
    a heading note starts a section (the general path places it)."""
    headings = _heading_refs(meeting) if meeting.notes else None
    if headings:
        return None
    speakers, decisions, categories = _decide(meeting)
    courtesy, is_chair, paragraphs = one_turn_facts(utterances, categories)
    kind = _COURTESY if courtesy else _PROCEDURE if is_chair else _REMARK
    sections = one_turn_sections(paragraphs) if is_chair else ()
    meeting_speakers, recategorised = _with_speakers(meeting, speakers, categories, None, {})
    structure = Structure(
        tuple(sections),
        (),
        (),
        (kind,),
        tuple([_speaker_rule(sid, decisions[sid].rule) for sid in speakers]),
    )
    return _finished(meeting, meeting_speakers, recategorised, structure)


def _start(meeting: Meeting) -> _Build:
    """The evidence before any step: the speakers and the categories their roles imply."""
    return _Build(meeting, *_decide(meeting))


def _decide(
    meeting: Meeting,
) -> tuple[dict[str, Speaker], dict[str, CategoryDecision], dict[str, SpeakerCategory]]:
    """Each speaker by id, the category their role implies and the rule, and the
    categories alone."""
    speakers = {s.id: s for s in meeting.speakers}
    decisions: dict[str, CategoryDecision] = {}
    category: dict[str, SpeakerCategory] = {}
    chair = _CHAIR
    has_chair = False
    for sid, speaker in speakers.items():
        decision = decisions[sid] = category_from_role(speaker)
        found = category[sid] = decision.category
        has_chair = has_chair or found is chair
    utterances = meeting.utterances
    if utterances:
        if not has_chair and (first := _chair_by_opening(meeting, decisions)) is not None:
            category[first] = chair
        for speaker in (
            utterances.distinct_speakers
            if isinstance(utterances, Utterances)
            else (u.speaker for u in utterances)
        ):
            if (sid := speaker.id) not in speakers:
                speakers[sid] = speaker
                decision = decisions[sid] = category_from_role(speaker)
                category[sid] = decision.category
    return speakers, decisions, category


#: The same speakers recur across the records of a corpus, decided by the same rules
#: (bounded: one entry per speaker and rule; the objects are immutable).
_speaker_rule = functools.lru_cache(maxsize=4096)(SpeakerRule)

#: Each speaker object given a new category alone: ``id(speaker)`` → (the speaker, the
#: category, the speaker with it). The reader makes one speaker object a label, so the
#: same speakers recur, with the same categories, across the records of a corpus
#: (bounded: cleared when it holds :data:`_RECATEGORISED_MAX` speakers; the entry keeps
#: its speaker alive, so its id is not reused while it is kept; the objects are immutable).
_RECATEGORISED: dict[int, tuple[Speaker, SpeakerCategory, Speaker]] = {}
_RECATEGORISED_MAX = 4096


def _learnt(
    speaker: Speaker,
    category: SpeakerCategory,
    affiliation: str | None,
    title: str | None,
    aliases: tuple[str, ...],
) -> Speaker:
    """``speaker`` with what the structure learnt of it: category, affiliation, title and
    aliases."""
    return Speaker(  # by position, in field order
        speaker.id,
        speaker.label,
        speaker.name,
        speaker.role,
        speaker.honorific,
        category,
        affiliation,
        title,
        aliases,
        speaker.seat,
        speaker.disambiguator,
        speaker.full_name,
    )


def _recategorised(speaker: Speaker, category: SpeakerCategory) -> Speaker:
    """``speaker`` with ``category`` (equal to a new one; the same object for the same
    speaker object and category while it is remembered)."""
    found = _RECATEGORISED.get(id(speaker))
    if found is not None and found[0] is speaker and found[1] is category:
        return found[2]
    made = _learnt(speaker, category, speaker.affiliation, speaker.title, speaker.aliases)
    if len(_RECATEGORISED) >= _RECATEGORISED_MAX:
        _RECATEGORISED.clear()
    _RECATEGORISED[id(speaker)] = (speaker, category, made)
    return made


def _assemble(b: _Build) -> Meeting:
    """The meeting with the structure the steps found."""
    meeting, speakers, sections = b.meeting, b.speakers, b.sections
    categories, decisions = b.category, b.decisions
    presentations, exchanges = b.presentations, b.exchanges
    talk = frozenset(i for p in presentations for i in p.talk) if presentations else _NONE
    kinds = _turn_kinds(b.turns, exchanges, talk, b.nominations, b.floor_requests)
    given = {p.presenter: p for p in presentations} if presentations else None
    aliases = _aliases(speakers, b.nominations, categories) if b.nominations else {}
    meeting_speakers, utterances = _with_speakers(meeting, speakers, categories, given, aliases)
    located: Sequence[QAExchange] = ()
    if sections and (presentations or exchanges):
        presentations, located = _placed(utterances, sections, presentations, exchanges)
    elif exchanges:
        located = [e.placed(None, None) for e in exchanges]
    structure = Structure(
        tuple(sections),
        tuple(presentations),
        tuple(located),
        kinds,
        tuple([_speaker_rule(sid, decisions[sid].rule) for sid in speakers]),
    )
    return _finished(meeting, meeting_speakers, utterances, structure)


def _with_speakers(
    meeting: Meeting,
    speakers: Mapping[str, Speaker],
    categories: Mapping[str, SpeakerCategory],
    given: Mapping[str, Presentation] | None,
    aliases: Mapping[str, list[str]],
) -> tuple[tuple[Speaker, ...], Sequence[Utterance]]:
    """The meeting's speakers and utterances with what was learnt of each speaker: its
    category, the organisation and title of the talk it gave (``given``: the presentations
    by presenter), its ``aliases`` (the same objects when nothing was learnt)."""
    new_speakers: Mapping[str, Speaker] = speakers  # copied when the first speaker changes
    copied: dict[str, Speaker] | None = None
    for sid, speaker in speakers.items():
        category = categories[sid]
        talk_given = given.get(sid) if given is not None else None
        learnt = talk_given is not None or sid in aliases
        if not learnt and category is speaker.category:
            continue  # nothing learnt: the same object
        if not (learnt or speaker.aliases):
            made = _recategorised(speaker, category)  # only the category changes
        else:
            names = speaker.aliases
            if names or sid in aliases:
                names = tuple(dict.fromkeys((*names, *aliases.get(sid, ()))))
            made = _learnt(
                speaker,
                category,
                (talk_given and talk_given.organisation) or speaker.affiliation,
                (talk_given and talk_given.title) or speaker.title,
                names,
            )
        if copied is None:
            new_speakers = copied = dict(speakers)
        copied[sid] = made
    utterances: Sequence[Utterance] = meeting.utterances
    meeting_speakers = meeting.speakers
    if new_speakers is not speakers:
        meeting_speakers = tuple([new_speakers[s.id] for s in meeting_speakers])
        if isinstance(utterances, Utterances):
            utterances = utterances.with_speakers(new_speakers)
        else:
            utterances = tuple(
                u
                if u.speaker is new_speakers[u.speaker.id]
                else attrs.evolve(u, speaker=new_speakers[u.speaker.id])
                for u in utterances
            )
    return meeting_speakers, utterances


def _finished(
    meeting: Meeting,
    speakers: tuple[Speaker, ...],
    utterances: Sequence[Utterance],
    structure: Structure,
) -> Meeting:
    """``meeting`` with its speakers, utterances and structure replaced (made as
    ``Meeting(...)`` is, each slot set at once)."""
    return meeting_of(  # by position, in field order
        meeting.title,
        meeting.body_name,
        meeting.session,
        meeting.date,
        meeting.date_text,
        speakers,
        utterances,
        meeting.front_matter,
        meeting.source,
        meeting.dialect,
        meeting.unparsed,
        meeting.diagnostics,
        meeting.notes,
        structure,
    )


def _placed(
    utterances: Sequence[Utterance],
    sections: Sequence[Section],
    presentations: Sequence[Presentation],
    exchanges: Sequence[FoundExchange],
) -> tuple[list[Presentation], list[QAExchange]]:
    """The presentations with their section and handout pages, and the exchanges as
    found made :class:`QAExchange` (once each) with their section and presentation
    (located by :func:`_section_at`, the sections' bounds made once). The pages are found
    on first access, from the meeting's ``utterances`` (the model keeps no turn)."""
    starts = [(s.start.utterance, s.start.paragraph) for s in sections]
    ends = [(s.end.utterance, s.end.paragraph) for s in sections]
    placed = []
    for p in presentations:
        ref = p.introduction
        k = _section_at(starts, ends, (ref.utterance, ref.paragraph))
        if k is not None:
            p = Presentation(  # by position, in field order
                p.presenter,
                p.introduction,
                p.talk,
                p.organisation,
                p.title,
                p.topic,
                k,
                Deferred(section_pages, utterances, sections[k]),
                p.rule,
            )
        placed.append(p)
    located = []
    for e in exchanges:
        questioner, questions, respondents, answers, rule, follows_up, nomination, floor, ack = e
        k = _section_at(starts, ends, (questions[0], 0))
        located.append(
            QAExchange(  # by position, in field order
                questioner,
                questions,
                respondents,
                answers,
                rule,
                None if k is None else sections[k].presentation,
                k,
                follows_up,
                nomination,
                floor,
                ack,
            )
        )
    return placed, located
