"""The short paths of the structure stage against their general paths, on real minutes
(the seed, the conventions corpus and ``../shared`` when present) and generated text."""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import CORPUS, MINUTES_LIKE, sample_documents
from gikai_minutes._structure import _builder, _sections
from gikai_minutes._structure._sections import build_sections, one_turn_sections
from gikai_minutes._structure._text import clean
from gikai_minutes._structure._turns import analyse_turns, one_turn_facts
from gikai_minutes.model import Meeting, SpeakerCategory
from gikai_minutes.model._columns import Utterances, sized_paragraphs, sized_turns


@functools.cache
def _meetings() -> tuple[Meeting, ...]:
    """Each sample document read without its structure."""
    return tuple(gikai_minutes.parse(t, structure=False) for t in sample_documents(7, 40))


def _as_objects(meeting: Meeting) -> Meeting:
    """The same meeting with its utterances as a tuple of objects (the general readers)."""
    return attrs.evolve(meeting, utterances=tuple(meeting.utterances))


def _all_steps(meeting: Meeting) -> Meeting:
    """The structure with every step run, whatever the meeting's size."""
    b = _builder._start(meeting)
    for step in _builder.BUILD_STEPS:
        step.run(b)
    return _builder._assemble(b)


def _one_turn(meeting: Meeting, k: int) -> Meeting:
    """``meeting`` cut down to its utterance ``k`` (as objects, renumbered)."""
    u = meeting.utterances[k]
    return attrs.evolve(meeting, utterances=(attrs.evolve(u, index=0),), notes=())


def test_sized_turns_are_the_ids_with_the_sized_paragraphs() -> None:
    checked = 0
    for meeting in _meetings():
        utterances = meeting.utterances
        if not isinstance(utterances, Utterances):
            assert not utterances  # a text without headers keeps none
            continue
        checked += 1
        objects = tuple(utterances)
        for limit in (0, 1, 30, 200, 10**9):
            expected = [
                (sid, chars, texts)
                for sid, (chars, texts) in zip(
                    utterances.speaker_ids(), sized_paragraphs(utterances, limit), strict=True
                )
            ]
            assert utterances.sized_turns(limit) == expected
            assert sized_turns(objects, limit) == expected
    assert checked > 10


def test_a_meeting_of_one_turn_skips_only_steps_that_find_nothing() -> None:
    cut = 0
    for meeting in _meetings():
        for k in range(0, len(meeting.utterances), 5):
            one = _one_turn(meeting, k)
            assert len(one.utterances) == 1
            assert gikai_minutes.build_structure(one) == _all_steps(one)
            cut += 1
    assert cut > (100 if CORPUS.is_dir() else 50)
    assert [s.name for s in _builder.BUILD_STEPS if s.min_turns <= 1] == ["turns", "sections"]


def test_the_structure_of_columns_and_of_objects_agree() -> None:
    for meeting in _meetings():
        built = gikai_minutes.build_structure(meeting)
        assert built == _all_steps(meeting)
        assert gikai_minutes.build_structure(_as_objects(meeting)).to_json() == built.to_json()


def test_recategorised_speakers_equal_new_ones_and_recur() -> None:
    meeting = _meetings()[0]
    for speaker in meeting.speakers:
        for category in SpeakerCategory:
            made = _builder._recategorised(speaker, category)
            assert made == attrs.evolve(speaker, category=category)
            again = _builder._recategorised(speaker, category)
            assert again is made
    # another object equal to a remembered one is not mistaken for it by its id alone
    speaker = meeting.speakers[0]
    other = attrs.evolve(speaker, label=speaker.label + "x")
    assert _builder._recategorised(other, SpeakerCategory.MEMBER).label == other.label


def test_recategorised_speakers_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_builder, "_RECATEGORISED_MAX", 3)
    monkeypatch.setattr(_builder, "_RECATEGORISED", {})
    speaker = _meetings()[0].speakers[0]
    kept = [attrs.evolve(speaker, label=f"{speaker.label}{k}") for k in range(10)]
    for s in kept:
        assert _builder._recategorised(s, SpeakerCategory.CHAIR).label == s.label
        assert len(_builder._RECATEGORISED) <= 3


def test_a_speaker_with_aliases_is_remade_as_before() -> None:
    """A speaker whose aliases repeat keeps them once, as the general path did."""
    meeting = gikai_minutes.parse("【田中委員】ありがとうございます。\n", structure=False)
    speaker = meeting.speakers[0]
    twice = attrs.evolve(speaker, aliases=("田中さん", "田中さん"))
    changed = attrs.evolve(meeting, speakers=(twice,), utterances=())
    built = gikai_minutes.build_structure(changed)
    assert built.speakers[0].aliases == ("田中さん",)


def _facts(meeting: Meeting) -> Any:
    return meeting.to_json()


@settings(max_examples=150, deadline=None)
@given(MINUTES_LIKE, st.integers(min_value=0, max_value=3))
def test_generated_minutes_build_as_with_every_step(text: str, k: int) -> None:
    meeting = gikai_minutes.parse(text, structure=False)
    assert gikai_minutes.build_structure(meeting) == _all_steps(meeting)
    if len(meeting.utterances) > k:
        one = _one_turn(meeting, k)
        assert _facts(gikai_minutes.build_structure(one)) == _facts(_all_steps(one))


def test_interjections_are_looked_for_only_between_turns() -> None:
    """A chair's short intervention is marked in a meeting of several turns, never in a
    meeting of one (whose structure no interjection changes)."""
    text = "【辻座長】速記を止めてください。\n【田中委員】質問します。\n"
    meeting = gikai_minutes.parse(text, structure=False)
    categories = _builder._start(meeting).categories()
    two = analyse_turns(meeting, categories)
    assert [t.interjection for t in two] == [True, False]
    one = _one_turn(meeting, 0)
    assert [t.interjection for t in analyse_turns(one, categories)] == [False]
    assert gikai_minutes.build_structure(one) == _all_steps(one)


def test_the_cue_found_names_its_rule_as_a_search_would() -> None:
    """Every chair paragraph holding an agenda cue gets the same title when the literal
    the joint cue search found names its rule as when each rule's cue is searched."""
    any_cue, owner = _sections._ANY_AGENDA_CUE.search, _sections._CUE_OWNER
    assert set(owner.values()) == set(_sections.AGENDA_RULES)
    checked = found = 0
    for meeting in _meetings():
        b = _builder._start(meeting)
        for turn in analyse_turns(meeting, b.categories()):
            for raw in turn.raw_paragraphs:
                m = any_cue(raw)
                if m is None:
                    continue
                rule = owner[m.group()]
                assert rule.cue.search(clean(raw)) is not None
                title = _sections._agenda_title(clean(raw), rule)
                assert title == _sections._agenda_title(clean(raw))
                checked += 1
                found += title is not None
    assert checked > (50 if CORPUS.is_dir() else 15)
    assert found > (10 if CORPUS.is_dir() else 5)


def test_cues_that_are_not_plain_literals_name_no_rule() -> None:
    plain = _sections.AgendaRule("a", re.compile("議題と|上程"), re.compile("(?P<title>x)"))
    grouped = _sections.AgendaRule("b", re.compile("審(?:査|議)"), re.compile("(?P<title>x)"))
    assert _sections._cue_owners([plain]) == {"議題と": plain, "上程": plain}
    assert _sections._cue_owners([plain, grouped]) == {}


#: Turns written for these tests: agenda items, a closing, an item at the start, thanks.
_CHAIR_TURNS = (
    "○委員長（森山浩行君）　財政及び金融に関する件について調査を進めます。\n"
    "　次回は公報をもってお知らせすることとし、本日は、これにて散会いたします。\n",
    "○議長（山田一郎君）　これより本日の会議を開きます。\n"
    "　日程第1、議案第3号を議題といたします。\n　日程第2　陳情受理の報告について。\n"
    "　以上で本日の日程は全部終了しました。これをもって閉会といたします。\n",
    "【辻座長】資料について、事務局から説明を求めます。\n以上で研究会を終了します。\n",
    # thanks alone of 76, 80 and 84 characters: around the longest courtesy
    *(f"【田中委員】{'ありがとうございました。' * 5}{'どうぞ。' * k}\n" for k in (4, 5, 6)),
)


@functools.cache
def _single_turns() -> tuple[Meeting, ...]:
    """Each utterance of the sample meetings (every third) parsed alone, from its header
    to its end: meetings of one turn kept as columns, chair turns with agenda items and
    closings among them."""
    found = [gikai_minutes.parse(t, structure=False) for t in _CHAIR_TURNS]
    for meeting in _meetings():
        text = meeting.source.text
        for u in meeting.utterances[::3]:
            one = gikai_minutes.parse(text[u.header_span.start : u.span.end], structure=False)
            if len(one.utterances) == 1:
                found.append(one)
    return tuple(found)


def test_a_meeting_of_one_turn_is_built_as_by_every_step() -> None:
    meetings = [m for m in _meetings() if len(m.utterances) == 1] + list(_single_turns())
    assert all(isinstance(m.utterances, Utterances) for m in meetings)
    kinds: set[str] = set()
    for meeting in meetings:
        built = gikai_minutes.build_structure(meeting)
        assert built == _all_steps(meeting)
        assert built.to_json() == _all_steps(meeting).to_json()
        assert built.structure is not None
        kinds.update(s.kind.value for s in built.structure.sections)
    assert len(meetings) > (300 if CORPUS.is_dir() else 100)
    assert {"opening", "agenda_item", "closing"} <= kinds


def test_the_facts_of_one_turn_are_those_of_its_turn() -> None:
    lengths: dict[int, bool] = {}
    for meeting in _single_turns():
        categories = _builder._start(meeting).categories()
        (turn,) = analyse_turns(meeting, categories)
        assert isinstance(meeting.utterances, Utterances)
        courtesy, is_chair, paragraphs = one_turn_facts(meeting.utterances, categories)
        assert (courtesy, is_chair) == (turn.courtesy, turn.is_chair)
        assert paragraphs == (turn.raw_paragraphs if is_chair else ())
        if turn.speaker == "田中委員" and paragraphs == ():
            lengths[turn.length] = courtesy
    assert {76: True, 80: True, 84: False}.items() <= lengths.items()


def test_one_turn_sections_are_build_sections_of_the_turn() -> None:
    checked = 0
    for meeting in _single_turns():
        categories = _builder._start(meeting).categories()
        turns = analyse_turns(meeting, categories)
        if not turns[0].is_chair:
            continue
        expected = build_sections(turns, (), (), ())
        assert one_turn_sections(turns[0].raw_paragraphs) == expected
        checked += bool(expected)
    assert checked > (10 if CORPUS.is_dir() else 5)


def test_a_meeting_of_one_turn_with_a_heading_takes_the_general_path() -> None:
    text = "○委員長（森山浩行君）　これより会議を開きます。\n◎代表質問\n　日程第1、代表質問を行います。\n"
    meeting = gikai_minutes.parse(text, structure=False)
    assert len(meeting.utterances) == 1
    assert isinstance(meeting.utterances, Utterances)
    assert [n.kind.value for n in meeting.notes] == ["heading"]
    assert _builder._one_turn(meeting, meeting.utterances) is None
    built = gikai_minutes.build_structure(meeting)
    assert built == _all_steps(meeting)
    assert built.structure is not None
    assert [s.rule for s in built.structure.sections] == ["opening", "agenda-number"]
