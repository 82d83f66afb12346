"""Presentations: a speaker the chair introduces who then talks at length.

Rule ``chair-introduction``: a paragraph of a chair's turn (not a short interjection)
names a speaker who has not spoken yet with an honorific or a guest's title (``星埜様``,
``山田教授``, ``田中参考人``) together with a talk cue (説明, 発表, 報告…);
that speaker's turns that follow — with only the chair's courtesies in between — are
the talk, and together hold at least :data:`MIN_TALK` characters. Topic, organisation
and title come from the introduction, the presenter's self-introduction filling gaps.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Literal

import attrs

from gikai_minutes._structure._affiliations import (
    Affiliation,
    affiliation_before,
    self_introduction,
)
from gikai_minutes._structure._text import GUEST_TITLES, mention_spans
from gikai_minutes._structure._turns import Turn
from gikai_minutes.model import ParagraphRef, Presentation, Speaker, SpeakerCategory

__all__ = ["MIN_TALK", "RULE", "find_presentations"]

RULE = "chair-introduction"
#: Fewest characters of talk that make an introduced speaker a presenter.
MIN_TALK = 300

_TALK_CUE = re.compile(r"説明|発表|報告|講演|お話|御紹介|ご紹介|意見|プレゼン|お願い")
_TOPIC = re.compile(
    r"(?:から|より)[、,]?(?P<topic>[^。]+?)(?:につきまして|について|に関しまして|に関して|を)"
    r"[、,]?(?:御|ご)?(?:説明|発表|報告|紹介|講演|お話|プレゼン)"
)
_NOT_PRESENTERS = (SpeakerCategory.CHAIR, SpeakerCategory.MEMBER)
_GUEST_TITLES = frozenset(GUEST_TITLES)


@attrs.frozen(slots=True)
class _Introduction:
    presenter: str
    ref: ParagraphRef
    affiliation: Affiliation
    topic: str | None


def _introduction(
    turn: Turn, speaker: Speaker, names: tuple[str, ...], cues: dict[tuple[int, int], bool]
) -> _Introduction | None:
    """The first paragraph of ``turn`` that names ``speaker`` as a guest with a talk cue
    (``cues`` remembers which paragraphs hold a cue: one turn may introduce many)."""
    one = names[0] if len(names) == 1 else None  # the usual case: no generator
    for p, text in enumerate(turn.paragraphs):
        if one is not None:
            if one not in text:
                continue
        elif not any(n in text for n in names):
            continue
        cue = cues.get((turn.index, p))
        if cue is None:
            cue = cues[turn.index, p] = _TALK_CUE.search(text) is not None
        if not cue:
            continue
        for name in names:
            m = next((m for m in mention_spans(text, name) if m[2] in _GUEST_TITLES), None)
            if m is not None:
                topic = _TOPIC.match(text, m[1])
                return _Introduction(
                    speaker.id,
                    ParagraphRef(turn.index, p),
                    affiliation_before(text, m[0]),
                    topic.group("topic").strip() if topic else None,
                )
    return None


def _introducers(turns: Sequence[Turn]) -> list[Turn | None]:
    """For each turn index, the only turn that can introduce a speaker whose first turn
    it is: the nearest earlier turn that is not empty or a chair's courtesy, if it is the
    chair's (one pass over the turns)."""
    out: list[Turn | None] = []
    last: Turn | None = None
    for turn in turns:
        out.append(last if last is not None and last.is_chair and not last.interjection else None)
        if not (turn.empty or (turn.is_chair and turn.courtesy)):
            last = turn
    return out


def _introducer(turns: Sequence[Turn], first: int) -> Turn | Literal[False] | None:
    """``_introducers(turns)[first]``, found by looking back from ``first`` (a meeting has
    few candidates, each looked back from once): ``False`` after :data:`_WALK` turns
    without an answer."""
    for k in range(first - 1, max(first - 1 - _WALK, -1), -1):
        last = turns[k]
        if not (last.empty or (last.is_chair and last.courtesy)):
            return last if last.is_chair and not last.interjection else None
    return None if first <= _WALK else False


#: Turns a talk is looked for in one by one before :class:`_Talks` is built.
_WALK = 200


def _talk(turns: Sequence[Turn], start: int, presenter: str) -> list[int] | None:
    """The presenter's turns from ``start`` on, with only empty turns and the chair's
    courtesies of others in between; ``None`` after :data:`_WALK` turns."""
    talk: list[int] = []
    for turn in itertools.islice(turns, start, start + _WALK):
        if turn.speaker == presenter:
            talk.append(turn.index)
        elif not (turn.empty or (turn.is_chair and turn.courtesy)):
            return talk
    return talk if start + _WALK >= len(turns) else None


class _Talks:
    """Finds a presenter's talk in time linear in the meeting however many guests are
    introduced (built on first use): for each turn the next one that is not empty nor
    a chair's courtesy, and each speaker's turns in order."""

    def __init__(self, turns: Sequence[Turn]) -> None:
        n = len(turns)
        self.turns = turns
        self.next_open = [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            t = turns[k]
            skippable = t.empty or (t.is_chair and t.courtesy)
            self.next_open[k] = self.next_open[k + 1] if skippable else k
        self.own: dict[str, list[int]] = {}
        for t in turns:
            self.own.setdefault(t.speaker, []).append(t.index)

    def talk(self, start: int, presenter: str) -> list[int]:
        """The presenter's turns from ``start`` on, with only empty turns and the chair's
        courtesies of others in between."""
        stop = self.next_open[start]
        while stop < len(self.turns) and self.turns[stop].speaker == presenter:
            stop = self.next_open[stop + 1]
        own = self.own.get(presenter, [])
        return own[bisect.bisect_left(own, start) : bisect.bisect_left(own, stop)]


def _merge(first: Affiliation, second: Affiliation | None) -> Affiliation:
    if second is None:
        return first
    return Affiliation(first.organisation or second.organisation, first.title or second.title)


def find_presentations(
    turns: Sequence[Turn],
    speakers: Mapping[str, Speaker],
    categories: Mapping[str, SpeakerCategory],
    first_turn: Mapping[str, int],
    names: Mapping[str, tuple[str, ...]],
) -> list[Presentation]:
    """Presentations in order of introduction; each presenter gives at most one."""
    found: list[Presentation] = []
    candidates = [
        (sid, speaker, first)
        for sid, speaker in speakers.items()
        if (first := first_turn.get(sid)) is not None and categories[sid] not in _NOT_PRESENTERS
    ]
    if not candidates:
        return found
    introducers: list[Turn | None] | None = None  # all of them, when a look back is long
    talks: _Talks | None = None
    cues: dict[tuple[int, int], bool] = {}
    for sid, speaker, first in candidates:
        turn = _introducer(turns, first) if introducers is None else introducers[first]
        if turn is False:
            introducers = _introducers(turns)
            turn = introducers[first]
        intro = _introduction(turn, speaker, names[sid], cues) if turn is not None else None
        if intro is None:
            continue
        talk = _talk(turns, intro.ref.utterance + 1, sid) if talks is None else None
        if talk is None:
            talks = talks or _Talks(turns)
            talk = talks.talk(intro.ref.utterance + 1, sid)
        if not talk or sum(turns[i].length for i in talk) < MIN_TALK:
            continue
        own = None
        first_words = turns[talk[0]].first_paragraph
        for name in names[sid]:
            own = self_introduction(first_words, name)
            if own is not None:
                break
        affiliation = _merge(intro.affiliation, own)
        found.append(
            Presentation(
                presenter=sid,
                introduction=intro.ref,
                talk=tuple(talk),
                organisation=affiliation.organisation,
                title=affiliation.title,
                topic=intro.topic,
                rule=RULE,
            )
        )
    found.sort(key=lambda p: (p.introduction.utterance, p.introduction.paragraph))
    return found
