"""The structure builder's fixed-cost shortcuts (issue 11) keep their results: one search
over a turn's text, courtesy checked a paragraph at a time, raw paragraphs searched before
cleaning, long turns read on first use, early exits for one-turn meetings, turn kinds in
one lookup, names found on lookup. No timings: equivalences only."""

from __future__ import annotations

import random

import attrs
import pytest

import gikai_minutes
from gikai_minutes import Meeting
from gikai_minutes._structure import _builder
from gikai_minutes._structure._builder import (
    _Build,
    _Names,
    _secretariat_handovers,
    _to_secretariat,
    _turn_kinds,
)
from gikai_minutes._structure._categories import category_from_role
from gikai_minutes._structure._presentations import find_presentations
from gikai_minutes._structure._qa import find_exchanges
from gikai_minutes._structure._sections import (
    _ANY_AGENDA_CUE,
    _CLOSING,
    AGENDA_RULES,
    _agenda_title,
    _one_sentence,
    build_sections,
)
from gikai_minutes._structure._text import clean, is_courtesy, sentences
from gikai_minutes._structure._turns import (
    _INTERJECTION,
    Nomination,
    Turn,
    _only_courtesy,
    analyse_turns,
    find_nominations,
    first_turns,
)
from gikai_minutes.model import QAExchange, Speaker, SpeakerCategory, TurnKind
from gikai_minutes.model._columns import Utterances, paragraph_chars

SEED = (
    "【辻座長】 それでは、ただいまから研究会を開会いたします。\n"
    "本日は星埜様から、地域の防災について御説明をお願いいたします。\n"
    "【星埜様】 ご紹介いただきました星埜です。" + "防災計画の見直しについて説明します。" * 20 + "\n"
    "資料の3ページをご覧ください。\n"
    "【辻座長】 ありがとうございました。それでは、御質問はありますか。\n"
    "【太田委員】 太田です。計画の見直しはいつごろになるのでしょうか。\n"
    "【星埜様】 来年度を予定しております。\n"
    "【太田委員】 ありがとうございました。\n"
    "【辻座長】 次回は追って連絡します。本日はこれで研究会を終了いたします。\n"
)
_RULE_CHARS = "―─－ー—‐=＝◇◆○・… \u3000\t"


def _words(*groups: tuple[str, ...]) -> list[str]:
    return [w for group in groups for w in group]


def _random_text(rng: random.Random, pieces: list[str], n: int) -> str:
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, n)))


def _turns(meeting: Meeting) -> list[Turn]:
    categories = {s.id: category_from_role(s).category for s in meeting.speakers}
    return analyse_turns(meeting, categories)


@pytest.fixture(scope="module")
def hearing() -> Meeting:
    return gikai_minutes.parse(SEED, structure=False)


def test_interjection_in_the_joined_text_is_one_in_a_sentence() -> None:
    words = _INTERJECTION.pattern.replace("(?:", "").replace(")", "").split("|")
    pieces = _words(
        tuple(w for w in words if "(" not in w), ("時間が経過", "。", "？", "！", " ", "\u3000")
    )
    pieces += [w[:1] for w in words] + ["あ", "議", "\n", "―", "・"]
    rng = random.Random(7)
    for _ in range(3000):
        paragraphs = [clean(p) for p in _random_text(rng, pieces, 8).split("\n")]
        expected = any(_INTERJECTION.search(s) for p in paragraphs for s in sentences(p))
        assert (_INTERJECTION.search("\n".join(paragraphs)) is not None) is expected


def test_courtesy_checked_a_paragraph_at_a_time() -> None:
    pieces = ["ありがとうございました", "はい", "どうぞ", "よろしくお願いします", "では", "、"]
    pieces += ["。", "！", " ", "質問です", "あ", "\n"]
    rng = random.Random(11)
    for _ in range(3000):
        paragraphs = [clean(p) for p in _random_text(rng, pieces, 8).split("\n")]
        said = [s for p in paragraphs for s in sentences(p)]
        assert _only_courtesy(paragraphs) is is_courtesy(said)


def test_one_sentence_paragraphs_are_their_own_sentence() -> None:
    pieces = ["議題とします", "。", "？", "!", " ", "\u3000", "日程第1", "について", "、"]
    rng = random.Random(13)
    seen = 0
    for _ in range(3000):
        paragraph = clean(_random_text(rng, pieces, 6))
        if paragraph and _one_sentence(paragraph):
            seen += 1
            assert sentences(paragraph) == [paragraph]
    assert seen > 100


def _reference_title(paragraph: str) -> tuple[str, str] | None:
    for rule in AGENDA_RULES:
        for s in sentences(paragraph):
            title = rule.title(s)
            if title is not None:
                return rule.name, title
    return None


def test_agenda_titles_as_sentence_by_sentence() -> None:
    pieces = ["財政に関する件", "について", "を", "調査を進めます", "議題といたします", "日程第4"]
    pieces += ["陳情", "。", "、", " ", "次に", "審査", "上程いたします"]
    rng = random.Random(23)
    found = 0
    for _ in range(3000):
        paragraph = clean(_random_text(rng, pieces, 7))
        expected = _reference_title(paragraph)
        found += expected is not None
        assert _agenda_title(paragraph) == expected
    assert found > 100


def test_raw_paragraphs_hold_the_cues_their_cleaned_text_holds() -> None:
    pieces = ["調査を進め", "議題と", "日程第", "次回", "散会", "閉会し", "会議を終了", "事務局"]
    pieces += ["から説明", "お願い", "。", "あ", *_RULE_CHARS]
    rng = random.Random(17)
    for _ in range(3000):
        raw = _random_text(rng, pieces, 8)
        cleaned = clean(raw)
        for pattern in (_ANY_AGENDA_CUE, _CLOSING):
            assert (pattern.search(raw) is None) is (pattern.search(cleaned) is None)
        if _to_secretariat(cleaned):
            assert "事務局" in raw


def test_paragraph_chars_count_the_paragraphs_text(hearing: Meeting) -> None:
    utterances = hearing.utterances
    assert isinstance(utterances, Utterances)
    objects = tuple(utterances)
    for i, u in enumerate(objects):
        expected = sum(len(p.text) for p in u.paragraphs)
        assert paragraph_chars(utterances, i) == expected
        assert paragraph_chars(objects, i) == expected


def test_long_turns_are_read_on_first_use(hearing: Meeting) -> None:
    turns = _turns(hearing)
    assert any(t.length > 200 for t in turns)
    for turn, u in zip(turns, hearing.utterances, strict=True):
        if turn.length > 200:
            assert turn._raw is None
        assert turn.paragraph_count == len(turn.paragraphs) == len(u.paragraphs)
        assert turn.raw_paragraphs == tuple(p.text for p in u.paragraphs)
        assert turn.text == u.text


def _reference_kinds(
    turns: list[Turn],
    exchanges: list[QAExchange],
    talk: frozenset[int],
    nominations: dict[int, Nomination],
    floor_requests: dict[int, int],
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


def test_turn_kinds_keep_the_strongest_role() -> None:
    rng = random.Random(19)
    for _ in range(300):
        n = rng.randint(1, 12)
        turns = [Turn(i, "s", SpeakerCategory.MEMBER, (), i, 10) for i in range(n)]
        for t in turns:
            t.courtesy, t.is_chair = rng.random() < 0.3, rng.random() < 0.3

        def some(n: int = n) -> list[int]:
            return rng.sample(range(n), rng.randint(0, n))

        exchanges = [
            QAExchange("s", tuple(some()), (), tuple(some()), "r") for _ in range(rng.randint(0, 3))
        ]
        talk = frozenset(some())
        nominations = {i: Nomination(i, "s", "s", None) for i in some()}
        floor_requests = {i: i + 1 for i in some()}
        args = (turns, exchanges, talk, nominations, floor_requests)
        assert _turn_kinds(*args) == _reference_kinds(*args)


def test_names_are_found_on_lookup() -> None:
    speakers = {
        "a": Speaker("a", "太田委員", name="太田", role="委員"),
        "b": Speaker("b", "星埜様", name="星埜", honorific="様"),
    }
    names = _Names(speakers)
    assert dict(names) == {}
    assert names["b"] == ("星埜",)
    assert dict(names) == {"b": ("星埜",)}
    with pytest.raises(KeyError):
        names["c"]


@pytest.mark.parametrize(
    "text",
    [
        "○委員長（森山浩行君）　これより会議を開きます。\n　次回は追って公報をもってお知らせします。\n",
        "【辻座長】 それでは、星埜様から御説明をお願いします。事務局から説明をお願いします。\n",
        "【太田委員】 質問です。いつごろになるのでしょうか。\n",
    ],
)
def test_one_turn_meetings_find_what_the_rules_find(text: str) -> None:
    """The builder skips the rules that need two turns: on one turn they find nothing."""
    meeting = gikai_minutes.parse(text, structure=False)
    assert len(meeting.utterances) == 1
    turns = _turns(meeting)
    speakers = {s.id: s for s in meeting.speakers}
    categories = {t.speaker: t.category for t in turns}
    names = _Names(speakers)
    assert find_nominations(turns, names) == {}
    assert find_presentations(turns, speakers, categories, first_turns(turns), names) == []
    assert _secretariat_handovers(turns) == set()
    assert find_exchanges(turns, {}, {}, frozenset()) == []


def test_build_steps_run_in_order_on_the_evidence(hearing: Meeting) -> None:
    b = _builder._start(hearing)
    assert isinstance(b, _Build)
    for step in _builder.BUILD_STEPS:
        step.run(b)
        assert b.categories() == {sid: d.category for sid, d in b.decisions.items()}
    assert [s.name for s in _builder.BUILD_STEPS][-1] == "sections"
    assert b.sections == build_sections(b.turns, b.presentations, b.exchanges, [])


def test_the_input_meeting_is_left_alone(hearing: Meeting) -> None:
    before = hearing.to_json()
    built = gikai_minutes.build_structure(hearing)
    assert hearing.to_json() == before
    assert hearing.structure is None
    assert built.structure is not None
    assert built.speakers != hearing.speakers  # categories were learnt
    objects = attrs.evolve(
        hearing, utterances=tuple(hearing.utterances), notes=tuple(hearing.notes)
    )
    assert gikai_minutes.build_structure(objects).to_json() == built.to_json()


def test_nothing_learnt_keeps_the_utterances() -> None:
    meeting = gikai_minutes.parse("【星埜】 こんにちは。今日は晴れです。\n", structure=False)
    built = gikai_minutes.build_structure(meeting)
    assert built.speakers == meeting.speakers
    assert built.utterances is meeting.utterances
    assert built.speaker(meeting.speakers[0].id) is meeting.speakers[0]
