"""Presentations' handout pages found on first access (issue 11): the deferred sequence
gives what the eager rule gave, acts as that tuple (equality, hash, repr, pickle, JSON),
and the model keeps no parser state for it. Also the builder's cheaper fixed steps
(placing with the sections' bounds made once, speaker names made on first use).
No timings."""

from __future__ import annotations

import copy
import operator
import pickle
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import SEED
from gikai_minutes import Meeting, export
from gikai_minutes._structure import _builder, build_structure
from gikai_minutes._structure._categories import category_from_role
from gikai_minutes._structure._handouts import page_references, section_pages
from gikai_minutes._structure._qa import find_exchanges
from gikai_minutes._structure._turns import analyse_turns
from gikai_minutes.model import (
    PageReference,
    ParagraphRef,
    Presentation,
    QAExchange,
    Structure,
)
from gikai_minutes.model._positions import Deferred, items

TALK = "地域の取組を説明いたします。資料の3ページと5頁、２枚目を御覧ください。"

HEARING = f"""テスト研究会（第1回）

令和6年4月1日

【辻座長】 ただいまから、第1回のテスト研究会を開催いたします。

それでは早速ですが、東京都デジタルサービス局戦略部デジタル推進課長、山本様から、\
地域DXの取組みにつきまして、御説明をいただきたいと思っております。

【山本課長】 ただいま御紹介いただきました、東京都庁デジタルサービス局戦略部\
デジタル推進課長の山本と申します。{TALK * 12}

続いて2枚目のスライドです。

【辻座長】 ありがとうございました。それでは、御質問をお願いします。

【田中委員】 資料の7ページについて教えてください。

【山本課長】 7ページは費用の内訳です。

【辻座長】 続きまして、北九州市デジタル市役所推進室長、久芳様から、人材育成につきまして、\
御説明をいただきたいと思っております。

【久芳室長】 北九州市デジタル市役所推進室の久芳と申します。資料の三ページ目を御覧ください。\
{TALK * 12}

【鈴木委員】 12ページの数字について伺います。

【久芳室長】 12ページは昨年度の実績です。

【辻座長】 以上で研究会を終了します。次回は追って連絡します。
"""


@pytest.fixture(scope="module", params=["seed", "hearing"])
def meeting(request: pytest.FixtureRequest) -> Meeting:
    text = SEED.read_text(encoding="utf-8") if request.param == "seed" else HEARING
    found = gikai_minutes.parse(text)
    assert sum(bool(p.pages) for p in found.structure.presentations) >= 2
    return found


def _eager(meeting: Meeting) -> list[tuple[PageReference, ...]]:
    """Each presentation's pages by the eager rule over the turns (the general path)."""
    categories = {s.id: category_from_role(s).category for s in meeting.speakers}
    turns = analyse_turns(meeting, categories)
    sections = meeting.structure.sections
    return [
        () if p.section is None else page_references(turns, sections[p.section])
        for p in meeting.structure.presentations
    ]


def _materialised(meeting: Meeting) -> Meeting:
    """The same meeting with every presentation's pages as a plain tuple."""
    s = meeting.structure
    presentations = tuple(attrs.evolve(p, pages=tuple(p.pages)) for p in s.presentations)
    return attrs.evolve(meeting, structure=attrs.evolve(s, presentations=presentations))


def test_parse_defers_the_pages_and_the_first_access_finds_the_eager_ones(
    meeting: Meeting,
) -> None:
    fresh = gikai_minutes.parse(meeting.source.text)
    placed = [p for p in fresh.structure.presentations if p.section is not None]
    assert placed
    assert all(isinstance(p.pages, Deferred) and not p.pages.found for p in placed)
    assert [tuple(p.pages) for p in fresh.structure.presentations] == _eager(fresh)
    assert all(p.pages.found for p in placed)  # type: ignore[attr-defined]


def test_the_meeting_keeps_no_turn_for_the_pages(meeting: Meeting) -> None:
    fresh = gikai_minutes.parse(meeting.source.text)
    for p in fresh.structure.presentations:
        if isinstance(p.pages, Deferred) and not p.pages.found:
            _, (utterances, section) = p.pages._pending  # type: ignore[misc]
            assert utterances is fresh.utterances
            assert section is fresh.structure.sections[p.section]  # type: ignore[index]
    for p in fresh.structure.presentations:
        len(p.pages)
        if isinstance(p.pages, Deferred):
            assert p.pages._pending is None  # the inputs are let go once found


def test_deferred_pages_act_as_their_tuple(meeting: Meeting) -> None:
    plain = _materialised(meeting)
    assert plain == meeting
    assert meeting == plain
    pairs = zip(meeting.structure.presentations, plain.structure.presentations, strict=True)
    for lazy, eager in pairs:
        assert isinstance(eager.pages, tuple)
        assert lazy.pages == eager.pages
        assert eager.pages == lazy.pages
        assert (lazy.pages != eager.pages) is False
        assert hash(lazy.pages) == hash(eager.pages)
        assert lazy == eager
        assert eager == lazy
        assert hash(lazy) == hash(eager)
        assert repr(lazy) == repr(eager)
        assert lazy.page_numbers == eager.page_numbers
        assert list(lazy.pages) == list(eager.pages)
        assert lazy.pages != (*eager.pages, eager.pages[0]) if eager.pages else True
    assert hash(meeting.structure) == hash(plain.structure)


def test_json_and_exports_are_those_of_the_tuples(meeting: Meeting) -> None:
    fresh = gikai_minutes.parse(meeting.source.text)
    plain = _materialised(meeting)
    assert fresh.to_dict() == plain.to_dict()
    assert fresh.to_json() == plain.to_json()
    back = Meeting.from_json(fresh.to_json())
    assert back == fresh
    assert all(isinstance(p.pages, tuple) for p in back.structure.presentations)
    assert export.format_outline(fresh) == export.format_outline(plain)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_and_copies_materialise_the_pages(meeting: Meeting, protocol: int) -> None:
    fresh = gikai_minutes.parse(meeting.source.text)  # pages not yet found
    data = pickle.dumps(fresh, protocol=protocol)
    back = pickle.loads(data)
    assert back == fresh == meeting
    assert all(isinstance(p.pages, tuple) for p in back.structure.presentations)
    if protocol >= 2:
        assert len(data) <= len(fresh.to_json().encode("utf-8"))
    assert copy.deepcopy(fresh) == meeting
    assert copy.copy(fresh) == meeting


def test_a_presentation_built_by_hand_keeps_tuples() -> None:
    ref = PageReference(3, "3ページ", 1, 0, 0, 4)
    given_tuple = Presentation("p", ParagraphRef(0, 0), (1,), pages=(ref,))
    given_list = Presentation("p", ParagraphRef(0, 0), (1,), pages=[ref])
    assert isinstance(given_tuple.pages, tuple)
    assert isinstance(given_list.pages, tuple)
    assert given_tuple == given_list
    assert hash(given_tuple) == hash(given_list)
    assert given_list.page_numbers == (3,)
    assert Presentation("p", ParagraphRef(0, 0), ()).pages == ()
    lazy = Presentation("p", ParagraphRef(0, 0), (1,), pages=Deferred(lambda: [ref]))
    assert lazy == given_tuple
    assert given_tuple == lazy
    assert hash(lazy) == hash(given_tuple)
    assert repr(lazy) == repr(given_tuple)
    assert Structure(presentations=(lazy,)) == Structure(presentations=(given_tuple,))


def test_the_utterances_as_objects_give_the_same_pages(meeting: Meeting) -> None:
    bare = gikai_minutes.parse(meeting.source.text, structure=False)
    as_objects = attrs.evolve(bare, utterances=tuple(bare.utterances))
    built = build_structure(as_objects)
    assert built.structure == meeting.structure
    for p in built.structure.presentations:
        if p.section is not None:
            section = built.structure.sections[p.section]
            assert section_pages(as_objects.utterances, section) == section_pages(
                meeting.utterances, section
            )


def test_deferred_sequence_calls_its_function_once_and_behaves_as_a_tuple() -> None:
    calls: list[int] = []

    def find(a: int, b: int) -> list[int]:
        calls.append(1)
        return list(range(a, b))

    d: Sequence[int] = Deferred(find, 2, 7)
    assert not calls
    assert len(d) == 5
    assert calls == [1]
    items_ = (2, 3, 4, 5, 6)
    assert (d[0], d[-1], d[1:3], d[::-1]) == (2, 6, (3, 4), items_[::-1])
    with pytest.raises(IndexError):
        d[5]
    assert 4 in d
    assert 9 not in d
    assert (d.index(5), d.count(3)) == (3, 1)
    assert list(reversed(d)) == list(reversed(items_))
    assert operator.add(d, (7,)) == (*items_, 7)
    assert operator.add((1,), d) == (1, *items_)
    assert d == items_
    assert items_ == d
    assert d == list(items_)
    for other in (items_[:-1], "23456", 5, None):
        assert d != other
    assert d == Deferred(tuple, items_)
    assert hash(d) == hash(items_)
    assert repr(d) == repr(items_)
    assert bool(d)
    assert not Deferred(tuple)
    assert items(d) is d
    assert pickle.loads(pickle.dumps(d)) == items_
    assert copy.copy(d) == items_
    assert calls == [1]


_PIECES = st.sampled_from(
    [
        "資料の3ページ",
        "13ページ",
        "５頁",
        "2枚目",
        "三ページ目",
        "ホームページ",
        "次ページ",
        "を御覧ください。",
        "\n",
        "【辻座長】 ",
        "【山本代表】 ",
        "【田中委員】 ",
        "それでは、東京都デジタル推進課長、山本様から、地域DXの取組みにつきまして、"
        "御説明をいただきたいと思っております。\n【山本課長】 山本と申します。" + TALK * 12,
        "御質問をお願いします。",
        "〔拍手〕",
    ]
)


@settings(max_examples=120, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_deferred_pages_equal_the_eager_rule_on_any_arrangement(body: str) -> None:
    meeting = gikai_minutes.parse("テスト研究会\n【辻座長】 開会します。\n" + body + "\n")
    assert meeting.structure is not None
    assert [tuple(p.pages) for p in meeting.structure.presentations] == _eager(meeting)
    assert pickle.loads(pickle.dumps(meeting)) == meeting


def test_placing_by_bounds_equals_locating_each(meeting: Meeting) -> None:
    bare = gikai_minutes.parse(meeting.source.text, structure=False)
    b = _builder._start(bare)
    for step in _builder.BUILD_STEPS:
        step.run(b)
    sections = b.sections

    def holding(key: tuple[int, int]) -> int | None:  # each section tried in turn
        for k, s in enumerate(sections):
            if (s.start.utterance, s.start.paragraph) <= key <= (s.end.utterance, s.end.paragraph):
                return k
        return None

    placed, located = _builder._placed(bare.utterances, sections, b.presentations, b.exchanges)
    for before, after in zip(b.presentations, placed, strict=True):
        ref = before.introduction
        k = holding((ref.utterance, ref.paragraph))
        assert after.section == k
        assert (after is before) is (k is None)
    # the exchanges as found, each made a QAExchange once located
    assert all(type(e) is QAExchange for e in located)
    unplaced = find_exchanges(
        b.turns,
        b.nominations,
        b.floor_requests,
        frozenset(i for p in b.presentations for i in p.talk),
    )
    for before, after, found in zip(b.exchanges, located, unplaced, strict=True):
        k = holding((before.questions[0], 0))
        presentation = None if k is None else sections[k].presentation
        assert (after.section, after.presentation) == (k, presentation)
        assert attrs.evolve(after, section=None, presentation=None) == found
        assert tuple(attrs.astuple(found, recurse=False)[:5]) == before[:5]
        assert tuple(attrs.astuple(found, recurse=False)[7:]) == before[5:]
    assert any(e.section is not None for e in located)


def test_speaker_names_are_made_on_first_use() -> None:
    one = gikai_minutes.parse("【辻座長】 開会します。\n", structure=False)
    b = _builder._start(one)
    for step in _builder.BUILD_STEPS:
        step.run(b)
    assert b._names is None  # one turn: no rule looked a speaker up
    names = b.names
    assert names is b.names
    assert names == {}
    assert names["辻座長"] == _builder.speaker_names(b.speakers["辻座長"])
