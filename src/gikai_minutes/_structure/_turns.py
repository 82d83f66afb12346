"""Per-turn facts and procedural turns: nominations, floor requests, chair interjections."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
import regex

from gikai_minutes._model import Meeting, Speaker, SpeakerCategory
from gikai_minutes._structure._text import (
    base_name,
    clean,
    is_courtesy,
    mention_pattern,
    sentences,
)

__all__ = [
    "Nomination",
    "Turn",
    "analyse_turns",
    "find_floor_requests",
    "find_nominations",
    "speaker_names",
]

#: What may follow the nominee's name to the end of a nominating sentence:
#: ``田中委員ですかね、お願いします。``, ``黄川田仁志さん。``, ``田中委員から御質問をどうぞ。``
_NOMINATION_TAIL = regex.compile(
    r"(?:ですかね|でしょうか|ですね)?[、,\s]*(?:(?:から|より|に)[、,\s]*)?"
    r"(?:(?:御|ご)(?:質問|発言|意見)(?:を)?[、,\s]*)?(?:どうぞ[、,\s]*)?"
    r"(?:(?:よろしく)?お願い(?:いた|致)?(?:します|いたします|申し上げます)|どうぞ)?[。．！!]*"
)
#: A short request for the floor: ``先生、ちょっといいですか。``, ``発言よろしいですか。``
_FLOOR_REQUEST = regex.compile(
    r"(?:いい|よろしい)(?:です|でしょう)か|発言(?:を)?(?:お願い|させて|よろしい|いい|求め)"
    r"|質問(?:を)?(?:よろしい|いい|させて)|手を挙げ"
)
_FLOOR_REQUEST_MAX = 40
#: A chair's short intervention inside an exchange: time, order, the record.
_INTERJECTION = regex.compile(
    r"速記|答弁|簡潔|時間が(?:経過|来|参り|過ぎ)|申合せ|協力|静粛|発言する者|協議いたします"
    r"|協議します|理事会|整理|注意|着席|確認いたします|承知しました|お静かに"
)
_INTERJECTION_MAX = 80


@attrs.frozen(slots=True)
class Turn:
    """What the rules need to know about one utterance.

    ``paragraphs`` are the utterance's paragraphs with stage directions removed (one per
    paragraph, possibly empty); ``sentences`` all their sentences in order.
    """

    index: int
    speaker: str
    category: SpeakerCategory
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    courtesy: bool
    length: int
    interjection: bool = False

    @property
    def empty(self) -> bool:
        return not self.sentences

    @property
    def substantive(self) -> bool:
        """Has words beyond thanks and greetings."""
        return bool(self.sentences) and not self.courtesy

    @property
    def is_chair(self) -> bool:
        return self.category is SpeakerCategory.CHAIR


@attrs.frozen(slots=True)
class Nomination:
    """A chair's turn that gives the floor to the speaker of the next turn.

    ``mention`` is how the nominee was named (``松尾市長``); ``role_word`` the role word
    it ended with, if any.
    """

    turn: int
    nominee: str
    mention: str
    role_word: str | None


def analyse_turns(meeting: Meeting, categories: Mapping[str, SpeakerCategory]) -> list[Turn]:
    """One :class:`Turn` per utterance, in order."""
    turns = []
    for u in meeting.utterances:
        paragraphs = tuple(clean(p.text) for p in u.paragraphs)
        sents = tuple(s for p in paragraphs for s in sentences(p))
        category = categories.get(u.speaker.id, SpeakerCategory.UNKNOWN)
        courtesy = is_courtesy(list(sents))
        length = sum(len(p) for p in paragraphs)
        interjection = (
            category is SpeakerCategory.CHAIR
            and length <= _INTERJECTION_MAX
            and (courtesy or any(_INTERJECTION.search(s) for s in sents))
        )
        turns.append(
            Turn(u.index, u.speaker.id, category, paragraphs, sents, courtesy, length, interjection)
        )
    return turns


def speaker_names(speaker: Speaker) -> tuple[str, ...]:
    """The forms a speaker may be named by in the text, longest first."""
    names = {
        n
        for n in (
            base_name(speaker.full_name),
            base_name(speaker.name),
            base_name(f"{speaker.name}{speaker.disambiguator}")
            if speaker.name and speaker.disambiguator
            else None,
        )
        if n
    }
    return tuple(sorted(names, key=len, reverse=True))


def _last_sentence(turn: Turn) -> str | None:
    return turn.sentences[-1] if turn.sentences else None


def find_nominations(
    turns: Sequence[Turn], speakers: Mapping[str, Speaker]
) -> dict[int, Nomination]:
    """Chair turns whose last sentence names the next speaker and hands over the floor."""
    found: dict[int, Nomination] = {}
    for turn, nxt in zip(turns, turns[1:], strict=False):
        if not turn.is_chair or nxt.speaker == turn.speaker or nxt.is_chair:
            continue
        last = _last_sentence(turn)
        if last is None:
            continue
        nominee = speakers[nxt.speaker]
        for name in speaker_names(nominee):
            m = _nominating_mention(last, name)
            if m is not None:
                suffix = m.group("suffix")
                role_word = suffix if suffix not in _HONORIFIC_WORDS else None
                found[turn.index] = Nomination(turn.index, nxt.speaker, m.group(), role_word)
                break
    return found


_HONORIFIC_WORDS = frozenset({"さん", "君", "様", "氏", "先生", "殿"})


def _nominating_mention(sentence: str, name: str) -> regex.Match[str] | None:
    for m in mention_pattern(name).finditer(sentence):
        if _NOMINATION_TAIL.fullmatch(sentence[m.end() :]) is not None:
            return m
    return None


def find_floor_requests(
    turns: Sequence[Turn], nominations: Mapping[int, Nomination]
) -> dict[int, int]:
    """Short turns asking for the floor that the chair's next turn grants.

    Returns ``{request turn: nomination turn}``.
    """
    found: dict[int, int] = {}
    for turn in turns[:-1]:
        nomination = nominations.get(turn.index + 1)
        if (
            nomination is not None
            and nomination.nominee == turn.speaker
            and not turn.is_chair
            and 0 < turn.length <= _FLOOR_REQUEST_MAX
            and any(_FLOOR_REQUEST.search(s) for s in turn.sentences)
        ):
            found[turn.index] = turn.index + 1
    return found


def first_turns(turns: Iterable[Turn]) -> dict[str, int]:
    """Each speaker's first turn index."""
    first: dict[str, int] = {}
    for turn in turns:
        first.setdefault(turn.speaker, turn.index)
    return first
