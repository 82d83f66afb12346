"""The structure builder's shortcuts give what the general paths give: turns read from the
columns equal turns read from utterance objects, categories decided in one pass equal
those of the decisions, sections located by plain tuples, the closing words' literal
pre-check is a necessary condition, the last sentence found from the end is the last of
the sentences. No timings."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from gikai_minutes import Meeting
from gikai_minutes._structure import _builder
from gikai_minutes._structure._categories import category_from_role
from gikai_minutes._structure._sections import _CLOSING, _may_close
from gikai_minutes._structure._text import last_sentence, sentences
from gikai_minutes._structure._turns import Turn, analyse_turns
from gikai_minutes.model import ParagraphRef
from gikai_minutes.model._columns import Utterances

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_18ecd38114dadbdf.txt"
HEARING = (
    "【辻座長】 それでは、ただいまから研究会を開会いたします。\n"
    "本日は星埜様から、地域の防災について御説明をお願いいたします。\n"
    "【星埜様】 ご紹介いただきました星埜です。" + "防災計画の見直しについて説明します。" * 20 + "\n"
    "資料の3ページをご覧ください。\n"
    "【辻座長】 はい。速記を止めてください。\n"
    "【辻座長】 ありがとうございました。それでは、御質問はありますか。\n"
    "【太田委員】 太田です。計画の見直しはいつごろになるのでしょうか。\n"
    "【星埜様】 来年度を予定しております。\n"
    "【太田委員】 ありがとうございました。\n"
    "【辻座長】 次回は追って連絡します。本日はこれで研究会を終了いたします。\n"
)
SMALL = (
    "○委員長（森山浩行君）　これより会議を開きます。\r\n"
    "　財政及び金融に関する件について調査を進めます。\r\n"
    "　質疑の申出がありますので、順次これを許します。\r\n"
)
TEXTS = {"seed": SEED.read_text(encoding="utf-8"), "hearing": HEARING, "small": SMALL}


def _as_objects(meeting: Meeting) -> Meeting:
    """The same meeting with its utterances as a tuple of objects (the general path)."""
    return attrs.evolve(meeting, utterances=tuple(meeting.utterances))


def _facts(turn: Turn) -> tuple[object, ...]:
    return (
        turn.index,
        turn.speaker,
        turn.category,
        turn.position,
        turn.length,
        turn.courtesy,
        turn.interjection,
        turn.is_chair,
        turn.keep,
        turn.raw_paragraphs,
        turn.paragraphs,
    )


@pytest.fixture(scope="module", params=sorted(TEXTS))
def meeting(request: pytest.FixtureRequest) -> Meeting:
    return gikai_minutes.parse(TEXTS[request.param], structure=False)


def test_turns_from_columns_equal_turns_from_objects(meeting: Meeting) -> None:
    assert isinstance(meeting.utterances, Utterances)
    categories = _builder._start(meeting).categories()
    columns = analyse_turns(meeting, categories)
    objects = analyse_turns(_as_objects(meeting), categories)
    assert [_facts(t) for t in columns] == [_facts(t) for t in objects]
    assert any(t.is_chair for t in columns)


def test_categories_decided_in_one_pass_equal_the_decisions(meeting: Meeting) -> None:
    for m in (meeting, _as_objects(meeting)):
        b = _builder._start(m)
        assert b.categories() == {sid: d.category for sid, d in b.decisions.items()}
        for s in m.speakers:
            if b.decisions[s.id].rule != "opens-meeting":
                assert b.decisions[s.id] == category_from_role(s)


def test_structure_from_columns_equals_structure_from_objects(meeting: Meeting) -> None:
    columns = _builder.build_structure(meeting)
    objects = _builder.build_structure(_as_objects(meeting))
    assert columns.structure == objects.structure
    assert columns.speakers == objects.speakers


def test_speaker_rules_equal_across_builds(meeting: Meeting) -> None:
    first = _builder.build_structure(meeting).structure
    again = _builder.build_structure(meeting).structure
    assert first is not None
    assert again is not None
    assert first.speaker_rules == again.speaker_rules


def test_locating_by_tuple_equals_locating_by_paragraph() -> None:
    meeting = gikai_minutes.parse(TEXTS["seed"])
    structure = meeting.structure
    assert structure is not None
    assert len(structure.sections) > 2
    sections = structure.sections
    starts = [(s.start.utterance, s.start.paragraph) for s in sections]
    ends = [(s.end.utterance, s.end.paragraph) for s in sections]
    for u in range(len(meeting.utterances)):
        for p in range(3):
            k = _builder._section_at(starts, ends, (u, p))
            expected = structure.section_of(ParagraphRef(u, p))
            if expected is None or p >= len(meeting.utterances[u].paragraphs):
                continue
            assert k == expected


_CLOSING_PIECES = [
    "次", "回", "散", "会", "閉", "を", "終", "了", "わ", "じ", "議", "研究", "委員",
    "と", "い", "し", "に", "中", "継続", "。", "、", " ", "\u3000",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CLOSING_PIECES), max_size=12).map("".join))
def test_closing_prefilter_is_a_necessary_condition(text: str) -> None:
    if _CLOSING.search(text) is not None:
        assert _may_close(text)


def test_closing_prefilter_keeps_every_closing_word() -> None:
    words = ["次回", "散会", "閉会と", "閉会い", "閉会し", "閉会に", "閉会を"]
    words += [
        f"{body}を{verb}"
        for body in ("会議", "会", "研究会", "委員会")
        for verb in ("終了", "終わ", "閉じ")
    ]
    for word in words:
        assert _CLOSING.search(f"本日は{word}。") is not None
        assert _may_close(f"本日は{word}。")
    assert not _may_close("質疑の申出がありますので、順次これを許します。")


_SENTENCE_PIECES = ["。", "？", "！", "?", "!", " ", "\u3000", "\t", "あ", "議", "、", "\n", "です"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=16).map("".join))
def test_last_sentence_is_the_last_of_the_sentences(text: str) -> None:
    found = sentences(text)
    assert last_sentence(text) == (found[-1] if found else None)


def test_last_sentence_of_seed_paragraphs() -> None:
    meeting = gikai_minutes.parse(TEXTS["seed"], structure=False)
    for utterance in meeting.utterances:
        for paragraph in utterance.paragraphs:
            found = sentences(paragraph.text)
            assert last_sentence(paragraph.text) == (found[-1] if found else None)


def test_turns_keep_utterance_indices_that_are_not_positions(meeting: Meeting) -> None:
    shifted = tuple(attrs.evolve(u, index=u.index + 7) for u in meeting.utterances)
    turns = analyse_turns(attrs.evolve(meeting, utterances=shifted), {})
    assert [t.index for t in turns] == [u.index for u in shifted]
    assert [t.position for t in turns] == list(range(len(shifted)))
    assert [t.speaker for t in turns] == [u.speaker.id for u in shifted]
