"""Utterances and notes kept as rows: they behave as sequences of the model's objects."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from gikai_minutes import export
from gikai_minutes.model import Meeting, Note, Utterance

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_18ecd38114dadbdf.txt"

#: A paged extraction: form feeds, page numbers, a spaced product name and a wrapped
#: Latin word, so that utterances carry pages and fixes and the notes are of several kinds.
PAGED = (
    "第３回　行政手続のデジタル化に関する検討会　議事録\n"
    "令和６年１０月８日（火）\n"
    "【森田座長】 ただいまから第３回検討会を開催いたします。\n"
    "本日は、k i n t o n e を用いた申請受付について事務局から御説明いただきます。\n"
    "〔資料配付〕\n"
    "【原田参事官】 資料１を御覧ください。昨年度から各課でkin\n"
    "toneの利用を始めております。\n"
    "－ 1 －\n\f"
    "【原田参事官】（続き）利用件数は前年度の約２倍となりました。\n"
    "【森田座長】 ありがとうございました。\n"
    "－ 2 －\n\f"
    "【岡本委員】 G r a f f e r との使い分けはどのように考えていますか。\n"
    "【原田参事官】 窓口予約はGraffer、内部申請はkintoneと整理しております。\n"
    "－ 3 －\n"
)


def _as_tuples(meeting: Meeting) -> Meeting:
    """The same meeting with its utterances and notes as tuples of objects."""
    return attrs.evolve(meeting, utterances=tuple(meeting.utterances), notes=tuple(meeting.notes))


@pytest.fixture(scope="module", params=["seed", "paged"])
def meeting(request: pytest.FixtureRequest) -> Meeting:
    text = SEED.read_text(encoding="utf-8") if request.param == "seed" else PAGED
    return gikai_minutes.parse(text)


def test_paged_text_gives_pages_fixes_and_notes() -> None:
    m = gikai_minutes.parse(PAGED)
    assert any(u.pages for u in m.utterances)
    assert any(u.fixes for u in m.utterances)
    assert len({n.kind for n in m.notes}) >= 2


def test_items_are_made_equal_on_each_access(meeting: Meeting) -> None:
    us = meeting.utterances
    assert len(us) > 3
    assert us[2] == us[2]
    assert us[2] is not us[2]
    assert us[-1] == us[len(us) - 1]
    assert us[1:3] == (us[1], us[2])
    assert [u.index for u in us] == list(range(len(us)))
    assert all(isinstance(u, Utterance) for u in us)
    with pytest.raises(IndexError):
        us[len(us)]
    with pytest.raises(IndexError):
        meeting.notes[len(meeting.notes)]
    assert all(isinstance(n, Note) for n in meeting.notes)


def test_rows_equal_tuples_both_ways(meeting: Meeting) -> None:
    tuples = _as_tuples(meeting)
    assert meeting.utterances == tuples.utterances
    assert tuples.utterances == meeting.utterances
    assert meeting == tuples
    assert tuples == meeting
    assert hash(meeting.utterances) == hash(tuples.utterances)
    assert meeting.notes == tuple(meeting.notes)
    assert meeting.utterances != tuple(meeting.utterances)[:-1]


def test_texts_and_spans_agree_with_the_source(meeting: Meeting) -> None:
    text = meeting.source.text
    for u in meeting.utterances:
        assert u.text == "\n".join(p.text for p in u.paragraphs)
        assert u.header_span.end == u.span.start
        for f in u.fixes:
            assert text[f.span.start : f.span.end] == f.original
    for n in meeting.notes:
        assert text[n.span.start : n.span.end] == n.text
    starts = [n.span.start for n in meeting.notes]
    assert starts == sorted(starts)


def test_json_written_from_rows_equals_json_of_objects(meeting: Meeting) -> None:
    assert meeting.to_dict() == _as_tuples(meeting).to_dict()
    assert Meeting.from_json(meeting.to_json()) == meeting


def test_pickle_keeps_rows_and_is_smaller_than_json(meeting: Meeting) -> None:
    data = pickle.dumps(meeting)
    back = pickle.loads(data)
    assert back == meeting
    assert type(back.utterances) is type(meeting.utterances)
    assert len(data) <= len(meeting.to_json().encode("utf-8"))


def test_a_meeting_built_by_hand_keeps_its_tuples() -> None:
    m = gikai_minutes.parse("【辻座長】 開会します。\n【田中委員】 はい。\n")
    built = attrs.evolve(m, utterances=list(m.utterances), notes=iter(m.notes))
    assert isinstance(built.utterances, tuple)
    assert isinstance(built.notes, tuple)
    assert built == m


_LINE = st.sampled_from(
    [
        "【辻座長】 開会します。",
        "【田中委員】 資料２の３ページについて伺います。",
        "〔拍手〕",
        "k i n t o n e で受け付けています。",
        "－ 4 －",
        "\f",
        "",
        "　以上です。",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=30))
def test_rows_match_objects_on_any_arrangement(lines: list[str]) -> None:
    meeting = gikai_minutes.parse("検討会\n" + "\n".join(lines) + "\n")
    tuples = _as_tuples(meeting)
    assert meeting.to_dict() == tuples.to_dict()
    assert pickle.loads(pickle.dumps(meeting)) == tuples


def test_exports_read_rows_as_they_read_objects(meeting: Meeting) -> None:
    tuples = _as_tuples(meeting)
    assert list(export.utterance_records(meeting)) == list(export.utterance_records(tuples))
    assert export.format_summary(meeting) == export.format_summary(tuples)
    assert export.format_outline(meeting) == export.format_outline(tuples)
    assert meeting.segments() == tuples.segments()
    for speaker in meeting.speakers:
        assert meeting.utterances_by(speaker.id) == tuples.utterances_by(speaker.id)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_every_pickle_protocol_and_copy_keep_the_meeting(meeting: Meeting, protocol: int) -> None:
    assert pickle.loads(pickle.dumps(meeting, protocol=protocol)) == meeting
    assert copy.deepcopy(meeting) == meeting
    assert copy.copy(meeting).utterances is meeting.utterances
