"""Q&A exchanges: a question turn and the answers that directly follow it.

A question is a substantive turn of a member (or of the chair, when it asks something)
that is followed — with only chair interjections (``速記を止めてください``, ``はい。``)
in between — by substantive turns of presenters, government or secretariat: those are
the answers. Nominations, floor requests, courtesies and presentation talks are never
questions or answers. How the questioner came to ask is decided by the lead-in rules
below, tried in order; the first that applies names the exchange's ``rule``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple, Protocol

import attrs

from gikai_minutes._structure._text import (
    CALL_FOR_QUESTIONS,
    HAND_OVER,
    QUESTION_CUE,
    sentences_backwards,
)
from gikai_minutes._structure._turns import Nomination, Turn
from gikai_minutes.model import QAExchange, SpeakerCategory

__all__ = ["LEAD_IN_RULES", "FoundExchange", "find_exchange_rows", "find_exchanges"]

_C = SpeakerCategory
#: Enum members in a tuple: membership tests by identity, without hashing.
_QUESTIONERS = (_C.MEMBER, _C.CHAIR)
_RESPONDENTS = (_C.PRESENTER, _C.GOVERNMENT, _C.SECRETARIAT)


@attrs.define(slots=True)
class _Context:
    turns: Sequence[Turn]
    nominations: Mapping[int, Nomination]
    floor_requests: Mapping[int, int]
    exchanges: Sequence[FoundExchange]
    #: Turn index after which the previous exchange ended (its last answer or thanks).
    last_end: int


class LeadIn(NamedTuple):
    """How a questioner got to ask: the rule's name and the turns involved (a named
    tuple: made once an exchange, unpacked into its :class:`FoundExchange`)."""

    rule: str
    follows_up: int | None = None
    nomination: int | None = None
    floor_request: int | None = None


class FoundExchange(NamedTuple):
    """An exchange as found, before its section is known: :class:`QAExchange`'s fields
    but ``presentation`` and ``section``. A named tuple, so the builder makes each
    :class:`QAExchange` once, when it has located it (:meth:`placed`)."""

    questioner: str
    questions: tuple[int, ...]
    respondents: tuple[str, ...]
    answers: tuple[int, ...]
    rule: str
    follows_up: int | None
    nomination: int | None
    floor_request: int | None
    acknowledgement: int | None

    def placed(self, presentation: int | None, section: int | None) -> QAExchange:
        """The exchange with its presentation and section."""
        questioner, questions, respondents, answers, rule, follows_up, nomination, floor, ack = self
        return QAExchange(  # by position (a third faster than by keyword), in field order
            questioner,
            questions,
            respondents,
            answers,
            rule,
            presentation,
            section,
            follows_up,
            nomination,
            floor,
            ack,
        )


class LeadInRule(Protocol):
    """Explains how the question starting at turn ``first`` came about, or declines."""

    @property
    def name(self) -> str: ...

    def apply(self, ctx: _Context, questioner: str, first: int) -> LeadIn | None: ...


@attrs.frozen(slots=True)
class FollowUpRule:
    """The questioner asks again after their previous exchange with only their own
    remarks and the chair's procedure in between — no nomination, nobody else speaking
    (``2番目で、ちょっと追加で質問させてください``)."""

    name: str = "follow-up"

    def apply(self, ctx: _Context, questioner: str, first: int) -> LeadIn | None:
        if not ctx.exchanges:
            return None
        previous = len(ctx.exchanges) - 1
        if ctx.exchanges[previous].questioner != questioner:
            return None
        for between in ctx.turns[ctx.last_end + 1 : first]:
            if between.index in ctx.nominations:
                return None
            if between.speaker != questioner and not (between.is_chair or between.length == 0):
                return None
        return LeadIn(self.name, follows_up=previous)


@attrs.frozen(slots=True)
class FloorRequestRule:
    """The questioner asked for the floor and the chair then nominated them."""

    name: str = "floor-request"

    def apply(self, ctx: _Context, questioner: str, first: int) -> LeadIn | None:
        nomination = ctx.nominations.get(first - 1)
        if nomination is None or nomination.nominee != questioner:
            return None
        if ctx.floor_requests.get(first - 2) != first - 1:
            return None
        return LeadIn(self.name, nomination=first - 1, floor_request=first - 2)


@attrs.frozen(slots=True)
class NominatedRule:
    """The chair's previous turn nominated the questioner (``太田委員、お願いします。``)."""

    name: str = "nominated"

    def apply(self, ctx: _Context, questioner: str, first: int) -> LeadIn | None:
        nomination = ctx.nominations.get(first - 1)
        if nomination is None or nomination.nominee != questioner:
            return None
        return LeadIn(self.name, nomination=first - 1)


@attrs.frozen(slots=True)
class ChairQuestionRule:
    """The chair asks a question himself (``私も2点だけ…確認させていただきたい``)."""

    name: str = "chair-question"

    def apply(self, ctx: _Context, questioner: str, first: int) -> LeadIn | None:
        return LeadIn(self.name) if ctx.turns[first].is_chair else None


@attrs.frozen(slots=True)
class UnpromptedRule:
    """A member asks with no nomination shown (the 参議院 prints none)."""

    name: str = "unprompted"

    def apply(self, ctx: _Context, questioner: str, first: int) -> LeadIn | None:
        return LeadIn(self.name)


#: Lead-in rules in the order they are tried.
LEAD_IN_RULES: tuple[LeadInRule, ...] = (
    FollowUpRule(),
    FloorRequestRule(),
    NominatedRule(),
    ChairQuestionRule(),
    UnpromptedRule(),
)


def _asks(turn: Turn) -> bool:
    """Whether a chair turn holds a question of its own: its last sentence that is a
    question (not a call for questions) or a hand-over for a report is a question. The
    sentences are split off the end one at a time: the last ones usually decide."""
    for paragraph in reversed(turn.paragraphs):
        for s in sentences_backwards(paragraph):
            if HAND_OVER.search(s):
                return False
            if QUESTION_CUE.search(s) and not CALL_FOR_QUESTIONS.search(s):
                return True
    return False


def _next_turn(turns: Sequence[Turn], skip: Sequence[bool], after: int) -> Turn | None:
    for k in range(after + 1, len(turns)):
        if not skip[k]:
            return turns[k]
    return None


def _closing_turn(
    turns: Sequence[Turn],
    skip: Sequence[bool],
    end: int,
    questioner: str,
    nominations: Mapping[int, Nomination],
) -> int | None:
    """The questioner's turn right after the answers when nobody answers it: thanks or a
    closing remark (``大変参考になりました``); for the chair, thanks only."""
    after = _next_turn(turns, skip, end)
    if after is None or after.speaker != questioner or after.length == 0:
        return None
    if after.index in nominations or (after.is_chair and not after.courtesy):
        return None
    reply = _next_turn(turns, skip, after.index)
    if (
        reply is not None
        and reply.category in _RESPONDENTS
        and reply.length > 0
        and not reply.courtesy
    ):
        return None
    return after.index


_UNPROMPTED = LeadIn("unprompted")


def find_exchanges(
    turns: Sequence[Turn],
    nominations: Mapping[int, Nomination],
    floor_requests: Mapping[int, int],
    talk: frozenset[int],
    rules: Sequence[LeadInRule] = LEAD_IN_RULES,
) -> list[QAExchange]:
    """All exchanges in order, not located (no presentation nor section); ``talk`` holds
    the turns of presentations."""
    return [
        e.placed(None, None)
        for e in find_exchange_rows(turns, nominations, floor_requests, talk, rules)
    ]


def find_exchange_rows(
    turns: Sequence[Turn],
    nominations: Mapping[int, Nomination],
    floor_requests: Mapping[int, int],
    talk: frozenset[int],
    rules: Sequence[LeadInRule] = LEAD_IN_RULES,
) -> list[FoundExchange]:
    """:func:`find_exchanges` as found, each exchange's section still unknown."""
    exchanges: list[FoundExchange] = []
    n = len(turns)
    if n < 2 or not any(t.category in _RESPONDENTS for t in turns):
        return exchanges  # an exchange needs a question and a respondent's answer
    # empty turns and the chair's interjections may fall inside an exchange
    skip = [t.length == 0 or t.interjection for t in turns]
    ctx: _Context | None = None
    i = 0
    while i < n:
        turn = turns[i]
        if (
            turn.category not in _QUESTIONERS
            or skip[i]
            or turn.courtesy
            or i in talk
            or i in nominations
            or i in floor_requests
        ):
            i += 1
            continue
        questioner = turn.speaker
        questions = [i]
        j = i + 1
        while j < n:  # the questioner's substantive turns, with skippable ones between
            t = turns[j]
            if t.speaker == questioner:
                if t.length == 0 or t.courtesy or j in talk:
                    break
                questions.append(j)
            elif not skip[j]:
                break
            j += 1
        answers: list[int] = []
        while j < n:  # the respondents' substantive turns, with skippable ones between
            if not skip[j]:
                t = turns[j]
                if (
                    t.category not in _RESPONDENTS
                    or t.courtesy
                    or j in talk
                    or t.speaker == questioner
                ):
                    break
                answers.append(j)
            j += 1
        if answers and turn.is_chair:
            questions = [q for q in questions if _asks(turns[q])]
        if not answers or not questions:
            # Any later start up to ``j`` is a turn of the same questioner, whose scan
            # would stop at the same ``j`` with the same answers: skip them all.
            i = max(i + 1, j)
            continue
        first = questions[0]
        if ctx is None:
            ctx = _Context(turns, nominations, floor_requests, exchanges, -1)
        lead_in = _UNPROMPTED
        for rule in rules:
            applied = rule.apply(ctx, questioner, first)
            if applied is not None:
                lead_in = applied
                break
        end = answers[-1]
        acknowledgement = _closing_turn(turns, skip, end, questioner, nominations)
        if acknowledgement is not None:
            end = acknowledgement
        respondents = (
            (turns[answers[0]].speaker,)  # one answer (the usual case): one respondent
            if len(answers) == 1
            else tuple(dict.fromkeys(turns[a].speaker for a in answers))
        )
        # the lead-in's fields are the row's from ``rule`` to ``floor_request``
        found = FoundExchange(
            questioner, tuple(questions), respondents, tuple(answers), *lead_in,
            acknowledgement,
        )  # fmt: skip
        exchanges.append(found)
        ctx.last_end = end
        i = end + 1
    return exchanges
