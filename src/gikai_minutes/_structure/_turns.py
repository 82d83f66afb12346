"""Per-turn facts and procedural turns: nominations, floor requests, chair interjections."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs
import regex

from gikai_minutes._structure._text import (
    COURTESY_CHARS,
    base_name,
    clean,
    is_courtesy,
    last_sentence,
    mention_spans,
    name_from_label,
    sentences,
)
from gikai_minutes.model import Meeting, Speaker, SpeakerCategory, Utterance
from gikai_minutes.model._columns import (
    Utterances,
    paragraph_starts,
    paragraph_texts,
    sized_turns,
    utterance_text,
)

__all__ = [
    "Nomination",
    "Turn",
    "analyse_turns",
    "find_floor_requests",
    "find_nominations",
    "first_turns",
    "one_turn_facts",
    "speaker_names",
]

#: What may follow the nominee's name to the end of a nominating sentence:
#: ``田中委員ですかね、お願いします。``, ``黄川田仁志さん。``, ``田中委員から御質問をどうぞ。``
_NOMINATION_TAIL = re.compile(
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
_INTERJECTION = re.compile(
    r"速記|答弁|簡潔|時間が(?:経過|来|参り|過ぎ)|申合せ|協力|静粛|発言する者|協議いたします"
    r"|協議します|理事会|整理|注意|着席|確認いたします|承知しました|お静かに"
)
_INTERJECTION_MAX = 80
#: Turns up to this length have their exact cleaned length measured.
_SHORT = 200
#: Meetings of up to this many turns keep the cleaned text of every turn once cleaned;
#: longer ones (a dense 議事概要 of one-line turns) only that of turns over ``_SHORT``.
_KEEP_TURNS = 4096
#: Turns longer than this are never only thanks and greetings.
_COURTESY_MAX = 80
_UNKNOWN, _CHAIR = SpeakerCategory.UNKNOWN, SpeakerCategory.CHAIR


@attrs.define(slots=True)
class Turn:
    """What the rules need to know about one utterance (working state of the builder).

    ``source`` holds the meeting's utterances (this turn is ``source[position]``);
    ``raw_paragraphs`` are its paragraphs' text, ``paragraphs`` the same with stage
    directions removed (one per paragraph, possibly empty, cleaned on first use);
    ``length`` counts characters (exactly, after cleaning, for short turns;
    approximately for the others). ``interjection`` marks a chair's short intervention
    between other turns (never set in a meeting of one turn, where no rule reads it).
    ``category`` and ``is_chair`` are updated
    when evidence changes the category. A short turn of a long meeting (``keep`` false)
    cleans its text again on each use rather than keep a cleaned copy.
    """

    index: int
    speaker: str
    category: SpeakerCategory
    source: Sequence[Utterance]
    position: int
    length: int
    courtesy: bool = False
    interjection: bool = False
    is_chair: bool = False
    keep: bool = True
    _raw: tuple[str, ...] | None = None
    _paragraphs: tuple[str, ...] | None = None
    _sentences: tuple[str, ...] | None = None

    @property
    def utterance(self) -> Utterance:
        """The utterance (made on access when the meeting keeps its utterances as columns)."""
        return self.source[self.position]

    @property
    def raw_paragraphs(self) -> tuple[str, ...]:
        """The paragraphs' text as parsed (read on first use)."""
        raw = self._raw
        if raw is None:
            raw = paragraph_texts(self.source, self.position)
            if self.keep:
                self._raw = raw
        return raw

    @property
    def text(self) -> str:
        """The text as parsed: the raw paragraphs joined by ``"\\n"``."""
        if self._raw is not None:
            return "\n".join(self._raw)
        return utterance_text(self.source, self.position)

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs the turn has (none cleaned nor copied to count them)."""
        if self._raw is not None:
            return len(self._raw)
        if self._paragraphs is not None:
            return len(self._paragraphs)
        return len(paragraph_starts(self.source, self.position))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The paragraphs without stage directions (cleaned on first use)."""
        if self._paragraphs is not None:
            return self._paragraphs
        found = tuple(map(clean, self.raw_paragraphs))
        if self.keep or self.length > _SHORT:
            self._paragraphs = found
        return found

    @property
    def first_paragraph(self) -> str:
        """The first paragraph without stage directions (``""`` when there is none), the
        others neither copied nor cleaned when no rule has read them yet."""
        if self._paragraphs is not None:
            return self._paragraphs[0] if self._paragraphs else ""
        if self._raw is None:
            text = self.text
            if text.count("\n") == self.paragraph_count - 1:  # no paragraph holds a newline
                return clean(text.partition("\n")[0])
        raw = self.raw_paragraphs
        return clean(raw[0]) if raw else ""

    @property
    def sentences(self) -> tuple[str, ...]:
        """All sentences of the turn, in order (split on first use)."""
        if self._sentences is not None:
            return self._sentences
        found = tuple(s for p in self.paragraphs for s in sentences(p))
        if self.keep or self.length > _SHORT:
            self._sentences = found
        return found

    @property
    def last_sentence(self) -> str | None:
        """The turn's last sentence, or ``None`` for an empty turn."""
        if self._sentences is not None:
            return self._sentences[-1] if self._sentences else None
        cleaned = self._paragraphs  # cleaned already, or each paragraph cleaned here
        for p in reversed(self.raw_paragraphs if cleaned is None else cleaned):
            found = last_sentence(p if cleaned is not None else clean(p))
            if found is not None:
                return found
        return None

    @property
    def empty(self) -> bool:
        return self.length == 0

    @property
    def substantive(self) -> bool:
        """Has words beyond thanks and greetings."""
        return self.length > 0 and not self.courtesy


class Nomination(NamedTuple):
    """A chair's turn that gives the floor to the speaker of the next turn.

    ``mention`` is how the nominee was named (``松尾市長``); ``role_word`` the role word
    it ended with, if any. A named tuple (immutable, and made in a third of a frozen
    attrs class's time): a meeting has one per nomination, and the model keeps none.
    """

    turn: int
    nominee: str
    mention: str
    role_word: str | None


def analyse_turns(meeting: Meeting, categories: Mapping[str, SpeakerCategory]) -> list[Turn]:
    """One :class:`Turn` per utterance, in order."""
    turns: list[Turn] = []
    utterances = meeting.utterances
    # each turn's speaker, length, and the paragraphs' text of the short ones, read in one
    # pass (a long turn's paragraphs are read when a rule needs them)
    rows = sized_turns(utterances, _SHORT)
    keep = len(rows) <= _KEEP_TURNS
    several = len(rows) > 1
    category_of, interjection = categories.get, _INTERJECTION.search
    append = turns.append
    indices: list[int] | None = None  # each utterance's index, when not its position
    if not isinstance(utterances, Utterances) and any(
        u.index != p for p, u in enumerate(utterances)
    ):
        indices = [u.index for u in utterances]
    # one int object for index and position (a dense text has many turns)
    for position, (speaker, length, raw) in enumerate(rows):
        index = position if indices is None else indices[position]
        category = category_of(speaker, _UNKNOWN)
        is_chair = category is _CHAIR
        if raw is None:  # a long turn: read when a rule needs it
            turn = Turn(  # by position, in field order
                index, speaker, category, utterances, position, length, False, False,
                is_chair, keep,
            )  # fmt: skip
            append(turn)
            continue
        paragraphs = tuple(map(clean, raw))
        length = sum(map(len, paragraphs))
        courtesy = _only_courtesy(paragraphs) if length <= _COURTESY_MAX else False
        # the interjection words hold no sentence end, space nor newline: one in a
        # sentence is one in the paragraphs' text, and the other way round (an
        # interjection falls between two turns: a meeting of one turn has none)
        interjects = (
            is_chair
            and several
            and length <= _INTERJECTION_MAX
            and (courtesy or interjection("\n".join(paragraphs)) is not None)
        )
        turn = Turn(  # by position, in field order
            index, speaker, category, utterances, position, length, courtesy, interjects,
            is_chair, keep, raw if keep else None, paragraphs if keep else None,
        )  # fmt: skip
        append(turn)
    return turns


def one_turn_facts(
    utterances: Utterances, categories: Mapping[str, SpeakerCategory]
) -> tuple[bool, bool, tuple[str, ...]]:
    """What :func:`analyse_turns` finds of a meeting's only turn that its structure reads,
    without the :class:`Turn`: whether it is only courtesy, whether it is the chair's, and
    (for the chair's, else empty) its paragraphs' text as parsed."""
    ((speaker, length, raw),) = utterances.sized_turns(_SHORT)
    is_chair = categories.get(speaker, _UNKNOWN) is _CHAIR
    if raw is None:  # a long turn: never only courtesy
        return False, is_chair, utterances.paragraph_texts(0) if is_chair else ()
    paragraphs = tuple(map(clean, raw))
    length = sum(map(len, paragraphs))
    courtesy = _only_courtesy(paragraphs) if length <= _COURTESY_MAX else False
    return courtesy, is_chair, raw if is_chair else ()


#: :func:`may_be_courtesy`, called without a Python frame.
_MAY_BE_COURTESY = COURTESY_CHARS.issuperset


def _only_courtesy(paragraphs: Iterable[str]) -> bool:
    """:func:`is_courtesy` of the paragraphs' sentences, split one paragraph at a time and
    stopping at the first that is not a courtesy (most turns' first one)."""
    found = False
    may_be, courtesy_of = _MAY_BE_COURTESY, _courtesy_of
    for p in paragraphs:
        if p and not may_be(p):
            return False  # its first sentence is no courtesy: not split
        said = courtesy_of(p)
        if said is False:
            return False
        found = found or said is True
    return found


@functools.lru_cache(maxsize=1024)
def _courtesy_of(paragraph: str) -> bool | None:
    """Whether the sentences of a paragraph of courtesy characters only are all courtesies
    (``None``: it has none). The same thanks recur in every meeting (bounded: one entry
    per paragraph, each of few characters)."""
    said = sentences(paragraph)
    return is_courtesy(said) if said else None


def speaker_names(speaker: Speaker) -> tuple[str, ...]:
    """The forms a speaker may be named by in the text, longest first."""
    name = speaker.name  # the label is read only for a speaker without a name
    return _speaker_names(
        speaker.full_name, name, speaker.disambiguator, speaker.label if name is None else ""
    )


@functools.lru_cache(maxsize=4096)
def _speaker_names(
    full_name: str | None, name: str | None, disambiguator: str | None, label: str
) -> tuple[str, ...]:
    # the same people speak in many records of a corpus (bounded: one entry per speaker)
    names = {
        n
        for n in (
            base_name(full_name),
            base_name(name),
            base_name(f"{name}{disambiguator}") if name and disambiguator else None,
        )
        if n
    }
    if not names and name is None:
        guessed = name_from_label(label)
        if guessed:
            names.add(guessed)
    return tuple(sorted(names, key=len, reverse=True))


def find_nominations(
    turns: Sequence[Turn], names: Mapping[str, tuple[str, ...]]
) -> dict[int, Nomination]:
    """Chair turns whose last sentence names the next speaker and hands over the floor
    (spaces ignored: ``島　昌之議員。``). The nominee may hold a chair's role too."""
    found: dict[int, Nomination] = {}
    chairs = [k for k, turn in enumerate(turns) if turn.is_chair]  # most turns are not
    if chairs and chairs[-1] == len(turns) - 1:
        chairs.pop()  # the last turn nominates nobody
    for k in chairs:
        turn, nxt = turns[k], turns[k + 1]
        if nxt.speaker == turn.speaker:
            continue
        raw = turn.raw_paragraphs
        tail = raw[-1].replace("\u3000", "").replace(" ", "") if raw else ""
        nominee = names[nxt.speaker]
        if len(nominee) == 1:  # the usual case: no generator
            if nominee[0] not in tail:
                continue
        elif not any(n in tail for n in nominee):
            continue
        last = turn.last_sentence
        if last is None:
            continue
        last = last.replace("\u3000", "").replace(" ", "")
        for name in nominee:
            m = _nominating_mention(last, name)
            if m is not None:
                start, end, suffix = m
                role_word = suffix if suffix not in _HONORIFIC_WORDS else None
                found[turn.index] = Nomination(turn.index, nxt.speaker, last[start:end], role_word)
                break
    return found


_HONORIFIC_WORDS = frozenset({"さん", "君", "様", "氏", "先生", "殿"})


def _nominating_mention(sentence: str, name: str) -> tuple[int, int, str] | None:
    """``(start, end, suffix)`` of the first mention of ``name`` that only a nominating
    tail follows to the end of ``sentence``."""
    tail = _NOMINATION_TAIL.fullmatch
    for m in mention_spans(sentence, name):
        if tail(sentence, m[1]) is not None:
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
