"""Behavioural structure tests on Diet committee minutes (../shared/corpus/diet/).

The minutes text is the records' ``text`` joined in ``speech_order`` (what a user would
download). The NDL records are an independent gold standard: each record is one speech,
and officials (ministers, 政府参考人, the Bank of Japan's governor…) carry a ``position``
while members and the chair do not.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

import gikai_minutes
from _helpers import DIET_DIR as DIET
from gikai_minutes import Meeting
from gikai_minutes.model import SectionKind, SpeakerCategory, TurnKind

COMMITTEES = [
    ("ndl_speeches_2024-07.json", "安全保障委員会"),  # 衆議院: chair nominates 〇〇さん。
    ("ndl_speeches_2024-07.json", "外交防衛委員会"),  # 参議院: no nominations printed
    ("ndl_speeches_2024-08.json", "財務金融委員会"),  # 衆議院: 〇〇君。
    ("ndl_speeches_2024-08.json", "財政金融委員会"),  # 参議院, with 日銀総裁 as 参考人
]
_RESPONDENTS = {SpeakerCategory.GOVERNMENT, SpeakerCategory.PRESENTER}


@cache
def _records(file: str, committee: str) -> tuple[dict[str, Any], ...]:
    path = DIET / file
    if not path.is_file():
        pytest.skip("../shared/corpus/diet is not present")
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    found = [r for r in data if r["committee"] == committee]
    return tuple(sorted(found, key=lambda r: r["meeting_info"]["speech_order"]))


@cache
def _meeting(file: str, committee: str) -> Meeting:
    return gikai_minutes.parse("\r\n".join(r["text"] for r in _records(file, committee)))


def _aligned(file: str, committee: str) -> tuple[Meeting, tuple[dict[str, Any], ...]]:
    """The meeting and, for utterance ``i``, the NDL record ``i`` (front matter dropped)."""
    meeting = _meeting(file, committee)
    records = _records(file, committee)[1:]
    assert len(meeting.utterances) == len(records)
    for u, r in zip(meeting.utterances, records, strict=True):
        assert r["text"].lstrip("○〇◯").startswith(u.speaker.label)
    return meeting, records


@pytest.fixture(params=COMMITTEES, ids=[c for _, c in COMMITTEES])
def committee(request: pytest.FixtureRequest) -> tuple[str, str]:
    file, name = request.param
    return file, name


def test_categories_agree_with_the_ndl_positions(committee: tuple[str, str]) -> None:
    meeting, records = _aligned(*committee)
    for u, r in zip(meeting.utterances, records, strict=True):
        category = u.speaker.category
        if r["position"]:
            assert category in _RESPONDENTS, (u.speaker.label, r["position"])
        else:
            assert category in {SpeakerCategory.CHAIR, SpeakerCategory.MEMBER}, u.speaker.label
    chairs = [s for s in meeting.speakers if s.category is SpeakerCategory.CHAIR]
    assert len(chairs) == 1


def test_exchanges_are_member_questions_answered_by_officials(
    committee: tuple[str, str],
) -> None:
    meeting, records = _aligned(*committee)
    structure = meeting.structure
    assert structure is not None
    assert len(structure.exchanges) >= 40
    assert not structure.presentations
    for e in structure.exchanges:
        assert meeting.speaker(e.questioner).category is SpeakerCategory.MEMBER
        assert all(records[q]["position"] is None for q in e.questions)
        assert all(records[a]["position"] for a in e.answers)
        assert set(e.respondents) == {meeting.utterances[a].speaker.id for a in e.answers}
        # an answer follows its question; only the chair may speak in between
        turns = [*e.questions, *e.answers]
        assert turns == sorted(turns)
        for i in range(e.questions[0], e.answers[-1] + 1):
            if i not in turns:
                assert meeting.utterances[i].speaker.category is SpeakerCategory.CHAIR


def test_most_official_turns_are_answers(committee: tuple[str, str]) -> None:
    meeting, records = _aligned(*committee)
    assert meeting.structure is not None
    kinds = meeting.structure.turns
    official = [i for i, r in enumerate(records) if r["position"]]
    answered = [i for i in official if kinds[i] is TurnKind.ANSWER]
    assert len(answered) >= 0.9 * len(official)


def test_questioning_floors(committee: tuple[str, str]) -> None:
    """Each member's first exchange opens their floor; the rest follow it up."""
    meeting, _ = _aligned(*committee)
    assert meeting.structure is not None
    exchanges = meeting.structure.exchanges
    seen: set[str] = set()
    house_nominates = committee[1] in {"安全保障委員会", "財務金融委員会"}
    for k, e in enumerate(exchanges):
        if e.questioner not in seen:
            seen.add(e.questioner)
            assert e.rule == ("nominated" if house_nominates else "unprompted"), (k, e)
            assert e.follows_up is None
        else:
            assert e.rule == "follow-up", (k, e)
            assert e.follows_up == k - 1
            assert exchanges[k - 1].questioner == e.questioner


def test_nominations_name_the_questioner() -> None:
    # 衆議院 安全保障委員会: 「黄川田仁志さん。」「次に、中川宏昌さん。」… (read from the text)
    names = ["黄川田仁志", "中川宏昌", "渡辺周", "重徳和彦", "屋良朝博", "赤嶺政賢", "住吉寛紀"]
    names.append("浅川義治")
    meeting, records = _aligned(*COMMITTEES[0])
    assert meeting.structure is not None
    opened = [e for e in meeting.structure.exchanges if e.rule == "nominated"]
    assert [records[e.questions[0]]["speaker"] for e in opened] == names
    for e, name in zip(opened, names, strict=True):
        assert e.nomination is not None
        chair_turn = meeting.utterances[e.nomination]
        assert chair_turn.speaker.category is SpeakerCategory.CHAIR
        assert chair_turn.text.rstrip().endswith(f"{name}さん。")
        assert meeting.structure.turns[e.nomination] is TurnKind.NOMINATION


def test_one_question_two_respondents() -> None:
    # 参議院 財政金融委員会: 白坂亜紀君 asks 鈴木大臣 and 植田総裁; both answer in turn.
    meeting, records = _aligned(*COMMITTEES[3])
    assert meeting.structure is not None
    first = next(e for e in meeting.structure.exchanges if len(e.respondents) == 2)
    assert records[first.questions[0]]["speaker"] == "白坂亜紀"
    assert [records[a]["speaker"] for a in first.answers] == ["鈴木俊一", "植田和男"]
    governor = meeting.utterances[first.answers[1]].speaker
    assert governor.category is SpeakerCategory.PRESENTER  # 参考人（植田和男君）
    assert meeting.utterances[first.answers[0]].speaker.category is SpeakerCategory.GOVERNMENT


def test_agenda_sections(committee: tuple[str, str]) -> None:
    meeting, _ = _aligned(*committee)
    assert meeting.structure is not None
    sections = meeting.structure.sections
    assert [s.kind for s in sections] == [
        SectionKind.OPENING,
        SectionKind.AGENDA_ITEM,
        SectionKind.CLOSING,
    ]
    item = sections[1]
    assert item.title is not None
    assert item.title.endswith(("件", "調査", "事案等"))
    closing = meeting.utterances[sections[2].start.utterance]
    assert "散会" in closing.paragraphs[sections[2].start.paragraph].text
    assert all(e.section == 1 and e.presentation is None for e in meeting.structure.exchanges)


def test_briefings_without_questions_get_no_exchanges() -> None:
    # 図書館運営小委員会: the chair asks the Librarian for the budget request, then the
    # members confer off the record. A briefing by an official is not an invited talk.
    meeting = _meeting("ndl_speeches_2024-08.json", "議院運営委員会図書館運営小委員会")
    assert meeting.structure is not None
    assert meeting.structure.exchanges == ()
    assert meeting.structure.presentations == ()
    assert [s.kind for s in meeting.structure.sections] == [
        SectionKind.OPENING,
        SectionKind.AGENDA_ITEM,
        SectionKind.CLOSING,
    ]
    assert meeting.structure.sections[1].title == "令和七年度国立国会図書館予算概算要求の件"


def test_diet_json_round_trip() -> None:
    meeting = _meeting(*COMMITTEES[1])
    assert Meeting.from_json(meeting.to_json()) == meeting
