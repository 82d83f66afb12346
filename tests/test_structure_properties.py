"""Properties of structure building on arbitrary input: it never raises, and what it
builds is consistent (sections tile the paragraphs, answers follow questions…)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import gikai_minutes
from gikai_minutes import Meeting
from gikai_minutes.model import TurnKind

HEADERS = [
    "【辻座長】 ", "【田中委員】 ", "【星埜課長】 ", "【事務局】 ", "【山本】 ", "【松尾委員】",
    "○小泉委員長　", "○木原国務大臣　", "○委員長（足立敏之君）　", "○熊谷裕人君　",
    "○２２番（筒井たかひさ議員）　", "【千葉会長代理】 ", "【佐藤参考人】 ", "【山本代表】 ",
]  # fmt: skip
WORDS = [
    "ありがとうございます。", "はい。", "田中委員、お願いします。", "星埜様から、",
    "東京都デジタル推進課長の", "について御説明をいただきます。", "伺います。", "ですか。",
    "先生、ちょっといいですか。", "13ページ", "資料の三ページ目", "日程第1、会期についてを",
    "議題といたします。", "次回", "散会いたします。", "事務局から説明をお願いします。",
    "田中委員", "片山委員、お願いします。", "佐藤参考人", "御意見をお願いします。",
    "山本様から御説明をお願いします。",
    "松尾市長、お願いします。", "黄川田仁志さん。", "〔拍手〕", "――――◇――――", "。", "、",
    "私からも1点お伺いします。", "速記を止めてください。", "と申します。", "様",
]  # fmt: skip

TALK = "取組を説明いたします。" * 40
fragments = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(["\n", "\n\n", " ", "\u3000", "\r\n", TALK]),
    st.text(max_size=8),
)
turn = st.tuples(st.sampled_from(HEADERS), st.lists(fragments, min_size=1, max_size=6)).map(
    lambda t: t[0] + "".join(t[1]) + "\n"
)
minutes = st.tuples(st.text(max_size=20), st.lists(turn, max_size=25)).map(
    lambda t: t[0] + "\n" + "".join(t[1])
)


def _check(meeting: Meeting) -> None:
    structure = meeting.structure
    assert structure is not None
    n = len(meeting.utterances)
    assert len(structure.turns) == n
    # sections follow each other without gap or overlap and cover every paragraph
    refs = [(u.index, p) for u in meeting.utterances for p in range(len(u.paragraphs))]
    if structure.sections:
        covered = [
            r
            for s in structure.sections
            for r in refs
            if (s.start.utterance, s.start.paragraph) <= r <= (s.end.utterance, s.end.paragraph)
        ]
        assert covered == refs
    procedural = {
        i
        for i, k in enumerate(structure.turns)
        if k in (TurnKind.NOMINATION, TurnKind.FLOOR_REQUEST, TurnKind.COURTESY)
    }
    speakers = {s.id for s in meeting.speakers}
    for k, e in enumerate(structure.exchanges):
        assert e.questions
        assert e.answers
        assert e.rule
        assert max(e.questions) < min(e.answers)
        assert max(e.answers) < n
        assert not (set(e.questions) | set(e.answers)) & procedural
        assert e.questioner in speakers
        assert set(e.respondents) <= speakers
        assert e.follows_up is None or e.follows_up < k
        assert e.section is None or 0 <= e.section < len(structure.sections)
    for p in structure.presentations:
        assert p.presenter in speakers
        assert p.talk
        assert p.introduction.utterance < p.talk[0]


HEARING = (
    "【辻座長】 それでは、山本様から御説明をお願いします。\n"
    f"【山本代表】 {TALK}13ページです。\n"
    "【辻座長】 田中委員、お願いします。\n【田中委員】 費用はいくらですか。\n"
    "【山本代表】 百万円です。\n【田中委員】 ありがとうございます。\n"
    "【辻座長】 次回につきましては、事務局から説明をお願いします。\n【事務局】 未定です。\n"
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(minutes)
@example(HEARING)
@example(HEARING.replace("\n", "\r\n").replace("【", "【 "))
def test_parse_with_structure_never_raises(text: str) -> None:
    meeting = gikai_minutes.parse(text)
    _check(meeting)
    assert gikai_minutes.build_structure(meeting) == meeting
    assert Meeting.from_json(meeting.to_json()) == meeting


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _check(gikai_minutes.parse(text))
