"""Presentations: a speaker the chair introduces who then talks at length.

Rule ``chair-introduction``: a paragraph of a chair's turn names a speaker who has not
spoken yet (name + honorific or role word) together with a talk cue (説明, 発表, 報告…);
that speaker's turns that follow — with only the chair's courtesies in between — are
the talk, and together hold at least :data:`MIN_TALK` characters. Topic, organisation
and title come from the introduction, the presenter's self-introduction filling gaps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import regex

from gikai_minutes._model import Speaker, SpeakerCategory
from gikai_minutes._structure._affiliations import (
    Affiliation,
    affiliation_before,
    self_introduction,
)
from gikai_minutes._structure._text import mention_pattern
from gikai_minutes._structure._turns import Turn, speaker_names
from gikai_minutes._structure_model import ParagraphRef, Presentation

__all__ = ["MIN_TALK", "RULE", "find_presentations"]

RULE = "chair-introduction"
#: Fewest characters of talk that make an introduced speaker a presenter.
MIN_TALK = 300

_TALK_CUE = regex.compile(r"説明|発表|報告|講演|お話|御紹介|ご紹介|意見|プレゼン|お願い")
_TOPIC = regex.compile(
    r"(?:から|より)[、,]?(?P<topic>[^。]+?)(?:につきまして|について|に関しまして|に関して|を)"
    r"[、,]?(?:御|ご)?(?:説明|発表|報告|紹介|講演|お話|プレゼン)"
)
_NOT_PRESENTERS = frozenset({SpeakerCategory.CHAIR, SpeakerCategory.MEMBER})


@attrs.frozen(slots=True)
class _Introduction:
    presenter: str
    ref: ParagraphRef
    affiliation: Affiliation
    topic: str | None


def _introductions(
    turn: Turn, candidates: Sequence[Speaker]
) -> list[_Introduction]:
    found = []
    for p, text in enumerate(turn.paragraphs):
        if not _TALK_CUE.search(text):
            continue
        for speaker in candidates:
            for name in speaker_names(speaker):
                m = mention_pattern(name).search(text)
                if m is None:
                    continue
                topic = _TOPIC.match(text, m.end())
                found.append(
                    _Introduction(
                        speaker.id,
                        ParagraphRef(turn.index, p),
                        affiliation_before(text[: m.start()]),
                        topic.group("topic").strip() if topic else None,
                    )
                )
                break
    return found


def _talk(turns: Sequence[Turn], start: int, presenter: str) -> list[int]:
    talk: list[int] = []
    for turn in turns[start:]:
        if turn.speaker == presenter:
            talk.append(turn.index)
        elif not (turn.empty or (turn.is_chair and turn.courtesy)):
            break
    return talk


def _merge(first: Affiliation, second: Affiliation | None) -> Affiliation:
    if second is None:
        return first
    return Affiliation(first.organisation or second.organisation, first.title or second.title)


def find_presentations(
    turns: Sequence[Turn],
    speakers: Mapping[str, Speaker],
    categories: Mapping[str, SpeakerCategory],
    first_turn: Mapping[str, int],
) -> list[Presentation]:
    """Presentations in order of introduction; each presenter gives at most one."""
    found: list[Presentation] = []
    done: set[str] = set()
    for turn in turns:
        if not turn.is_chair:
            continue
        candidates = [
            s
            for s in speakers.values()
            if s.id not in done
            and categories[s.id] not in _NOT_PRESENTERS
            and first_turn.get(s.id, -1) > turn.index
        ]
        if not candidates:
            continue
        for intro in _introductions(turn, candidates):
            if intro.presenter in done:
                continue
            talk = _talk(turns, turn.index + 1, intro.presenter)
            if not talk or sum(turns[i].length for i in talk) < MIN_TALK:
                continue
            presenter = speakers[intro.presenter]
            own = None
            first_words = turns[talk[0]].paragraphs[0] if turns[talk[0]].paragraphs else ""
            for name in speaker_names(presenter):
                own = self_introduction(first_words, name)
                if own is not None:
                    break
            affiliation = _merge(intro.affiliation, own)
            found.append(
                Presentation(
                    presenter=intro.presenter,
                    introduction=intro.ref,
                    talk=tuple(talk),
                    organisation=affiliation.organisation,
                    title=affiliation.title,
                    topic=intro.topic,
                    rule=RULE,
                )
            )
            done.add(intro.presenter)
    return found
