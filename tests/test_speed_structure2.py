"""The structure stage's internal rows: exchanges made once, nominations and lead-ins as
named tuples. Each is checked against the general objects on realistic documents."""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import SEED
from gikai_minutes import Meeting
from gikai_minutes._structure import _builder, _qa
from gikai_minutes._structure._qa import (
    FoundExchange,
    LeadIn,
    find_exchange_rows,
    find_exchanges,
)
from gikai_minutes._structure._text import (
    CALL_FOR_QUESTIONS,
    HAND_OVER,
    QUESTION_CUE,
    sentences,
    sentences_backwards,
)
from gikai_minutes._structure._turns import Nomination, Turn
from gikai_minutes.model import QAExchange, SpeakerCategory

CONVENTIONS = Path(__file__).resolve().parent / "conventions_corpus"


def _texts() -> Iterator[str]:
    yield SEED.read_text(encoding="utf-8")
    for path in sorted(CONVENTIONS.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


@functools.cache
def _built() -> tuple[tuple[Meeting, _builder._Build], ...]:
    """Each document's bare meeting and the builder's evidence after every step."""
    found = []
    for text in _texts():
        bare = gikai_minutes.parse(text, structure=False)
        b = _builder._start(bare)
        for step in _builder.BUILD_STEPS:
            step.run(b)
        found.append((bare, b))
    return tuple(found)


def _talk(b: _builder._Build) -> frozenset[int]:
    return frozenset(i for p in b.presentations for i in p.talk)


def test_rows_hold_the_exchanges_fields() -> None:
    """Each row as found is the unlocated exchange, field for field, and placing it
    unlocated gives the same exchange."""
    seen = 0
    for _, b in _built():
        rows = find_exchange_rows(b.turns, b.nominations, b.floor_requests, _talk(b))
        exchanges = find_exchanges(b.turns, b.nominations, b.floor_requests, _talk(b))
        assert rows == list(b.exchanges)
        for row, exchange in zip(rows, exchanges, strict=True):
            assert type(row) is FoundExchange
            fields = attrs.asdict(exchange, recurse=False)
            assert (fields.pop("presentation"), fields.pop("section")) == (None, None)
            assert fields == row._asdict()
            assert row.placed(None, None) == exchange
            assert row.placed(1, 2) == attrs.evolve(exchange, presentation=1, section=2)
            seen += 1
    assert seen > 20


def test_each_exchange_is_made_once_and_located() -> None:
    """The meeting's exchanges are the rows made QAExchange with the section holding
    their first question and its presentation (a linear search over the sections)."""
    seen = 0
    for bare, b in _built():
        structure = gikai_minutes.parse(bare.source.text).structure
        assert structure is not None
        sections = structure.sections
        for row, exchange in zip(b.exchanges, structure.exchanges, strict=True):
            assert type(exchange) is QAExchange
            holding = [
                k
                for k, s in enumerate(sections)
                if (s.start.utterance, s.start.paragraph)
                <= (row.questions[0], 0)
                <= (s.end.utterance, s.end.paragraph)
            ]
            k = holding[0] if holding else None
            presentation = None if k is None else sections[k].presentation
            assert exchange == row.placed(presentation, k)
            seen += k is not None
    assert seen > 10


def test_nominations_and_lead_ins_are_immutable() -> None:
    nomination = Nomination(3, "田中委員", "田中委員", "委員")
    with pytest.raises(AttributeError):
        nomination.nominee = "x"  # type: ignore[misc]
    assert nomination == Nomination(
        turn=3, nominee="田中委員", mention="田中委員", role_word="委員"
    )
    lead_in = LeadIn("nominated", nomination=2)
    with pytest.raises(AttributeError):
        lead_in.rule = "x"  # type: ignore[misc]
    assert tuple(lead_in) == ("nominated", None, 2, None)
    assert any(b.nominations for _, b in _built())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="。？！?!、 \u3000\t質問かあ", max_size=40))
def test_sentences_backwards_are_the_sentences_reversed(text: str) -> None:
    assert list(sentences_backwards(text)) == sentences(text)[::-1]


def test_sentences_backwards_on_the_documents() -> None:
    seen = 0
    for bare, _ in _built():
        for u in bare.utterances:
            for p in u.paragraphs:
                assert list(sentences_backwards(p.text)) == sentences(p.text)[::-1]
                seen += 1
    assert seen > 500


def test_finished_meeting_equals_the_constructor() -> None:
    """The builder's meeting, made slot by slot, equals ``Meeting(...)`` of its fields,
    for utterances kept as columns and as a tuple of objects."""
    for bare, _ in _built():
        for meeting in (bare, attrs.evolve(bare, utterances=list(bare.utterances))):
            built = _builder.build_structure(meeting)
            fields = {a.name: getattr(built, a.name) for a in attrs.fields(Meeting) if a.init}
            assert built == Meeting(**fields)
            assert type(built.utterances) is type(Meeting(**fields).utterances)
            assert pickle.loads(pickle.dumps(built)) == built


def _reference_asks(turn: Turn) -> bool:
    """:func:`_qa._asks` with every sentence of every paragraph split and searched."""
    for paragraph in reversed(turn.paragraphs):
        for s in reversed(sentences(paragraph)):
            if HAND_OVER.search(s):
                return False
            if QUESTION_CUE.search(s) and not CALL_FOR_QUESTIONS.search(s):
                return True
    return False


_ASK_PIECES = ["か", "。", "？", "！", "、", " ", "\u3000", "\t", "\n", "伺います", "説明を"]
_ASK_PIECES += ["お願いします", "いかがですか", "ご意見", "ほか", "それでは", "事業", "確認させ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_ASK_PIECES), max_size=8).map("".join), max_size=4))
def test_asks_equals_splitting_every_paragraph(paragraphs: list[str]) -> None:
    turn = Turn(0, "c", SpeakerCategory.CHAIR, (), 0, 10, paragraphs=tuple(paragraphs))
    assert _qa._asks(turn) is _reference_asks(turn)


def test_asks_on_the_documents() -> None:
    asked = 0
    for _, b in _built():
        for turn in b.turns:
            if turn.is_chair:
                assert _qa._asks(turn) is _reference_asks(turn)
                asked += _qa._asks(turn)
    assert asked > 5
