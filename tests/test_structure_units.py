"""Unit tests of the structure rules on small minutes written for the purpose."""

from __future__ import annotations

import attrs
import pytest

import gikai_minutes
from gikai_minutes import Meeting
from gikai_minutes._cli import main
from gikai_minutes._structure._affiliations import (
    affiliation_before,
    self_introduction,
    split_affiliation,
)
from gikai_minutes._structure._categories import category_from_role
from gikai_minutes._structure._handouts import page_references
from gikai_minutes._structure._text import is_courtesy, sentences
from gikai_minutes._structure._turns import analyse_turns
from gikai_minutes.export._outline import format_outline
from gikai_minutes.model import SectionKind, SpeakerCategory, TurnKind
from gikai_minutes.model._structure import ParagraphRef, Section

TALK = "地域の取組を順に説明いたします。資料の3ページを御覧ください。" * 12

HEARING = f"""テスト研究会（第1回）
令和6年4月1日

【辻座長】 ただいまから研究会を開催いたします。

それでは、株式会社サンプル代表の山本様から、地域DXの実践について御説明をいただきます。
【山本代表】 ただいま御紹介いただきました山本です。{TALK}
【辻座長】 ありがとうございました。それでは、御質問をお願いします。
【片山委員】 先生、ちょっといいですか。
【辻座長】 はい。片山委員、お願いします。
【片山委員】 人材はどう確保していますか。
【山本代表】 外部から採用しています。
【片山委員】 採用の倍率はどうですか。
【山本代表】 5倍ほどです。
【片山委員】 ありがとうございます。
【辻座長】 それでは、田中市長、お願いします。
【田中委員】 費用について教えてください。
【山本代表】 年間100万円ほどです。
【辻座長】 私からも1点お伺いします。継続の見通しはいかがですか。
【山本代表】 来年度も続けます。
【辻座長】 ありがとうございました。

次回につきましては、事務局から説明をお願いします。
【佐藤課長】 次回は5月に開催します。
【辻座長】 以上で研究会を終了します。
"""


@pytest.fixture(scope="module")
def hearing() -> Meeting:
    return gikai_minutes.parse(HEARING)


def test_hearing_presentation(hearing: Meeting) -> None:
    assert hearing.structure is not None
    (p,) = hearing.structure.presentations
    assert (p.presenter, p.organisation, p.title, p.topic) == (
        "山本代表",
        "株式会社サンプル",
        "代表",
        "地域DXの実践",
    )
    assert p.introduction == ParagraphRef(0, 1)
    assert p.talk == (1,)
    assert p.page_numbers == (3,)
    assert p.rule == "chair-introduction"
    speaker = hearing.speaker("山本代表")
    assert speaker.category is SpeakerCategory.PRESENTER
    assert (speaker.affiliation, speaker.title) == ("株式会社サンプル", "代表")


def test_hearing_exchanges_and_rules(hearing: Meeting) -> None:
    assert hearing.structure is not None
    got = [
        (e.questioner, e.questions, e.answers, e.rule, e.follows_up, e.acknowledgement)
        for e in hearing.structure.exchanges
    ]
    assert got == [
        ("片山委員", (5,), (6,), "floor-request", None, None),
        ("片山委員", (7,), (8,), "follow-up", 0, 9),
        ("田中委員", (11,), (12,), "nominated", None, None),
        ("辻座長", (13,), (14,), "chair-question", None, None),
    ]
    first = hearing.structure.exchanges[0]
    assert (first.floor_request, first.nomination) == (3, 4)
    assert all(e.presentation == 0 and e.section == 1 for e in hearing.structure.exchanges)


def test_alias_only_for_a_title_of_another_category(hearing: Meeting) -> None:
    assert hearing.speaker("田中委員").aliases == ("田中市長",)
    assert hearing.speaker("片山委員").aliases == ()  # 「片山委員、お願いします。」


def test_secretariat_by_hand_over(hearing: Meeting) -> None:
    assert hearing.speaker("佐藤課長").category is SpeakerCategory.SECRETARIAT
    assert hearing.structure is not None
    rules = {r.speaker: r.rule for r in hearing.structure.speaker_rules}
    assert rules == {
        "辻座長": "role-word",
        "山本代表": "introduced-presenter",
        "片山委員": "role-word",
        "田中委員": "role-word",
        "佐藤課長": "chair-hands-to-secretariat",
    }


def test_hearing_sections_split_inside_turns(hearing: Meeting) -> None:
    assert hearing.structure is not None
    got = [(s.kind, s.start, s.end) for s in hearing.structure.sections]
    assert got == [
        (SectionKind.OPENING, ParagraphRef(0, 0), ParagraphRef(0, 0)),
        (SectionKind.HEARING, ParagraphRef(0, 1), ParagraphRef(15, 0)),
        (SectionKind.CLOSING, ParagraphRef(15, 1), ParagraphRef(17, 0)),
    ]
    assert hearing.structure.sections[1].title == "地域DXの実践"


def test_turn_kinds(hearing: Meeting) -> None:
    assert hearing.structure is not None
    k = TurnKind
    assert hearing.structure.turns == (
        k.PROCEDURE, k.PRESENTATION, k.PROCEDURE, k.FLOOR_REQUEST, k.NOMINATION,
        k.QUESTION, k.ANSWER, k.QUESTION, k.ANSWER, k.COURTESY, k.NOMINATION,
        k.QUESTION, k.ANSWER, k.QUESTION, k.ANSWER, k.PROCEDURE, k.REMARK, k.PROCEDURE,
    )  # fmt: skip


def test_short_introduced_talk_is_no_presentation() -> None:
    text = HEARING.replace(TALK, "よろしくお願いします。")
    meeting = gikai_minutes.parse(text)
    assert meeting.structure is not None
    assert meeting.structure.presentations == ()
    assert meeting.speaker("山本代表").category is SpeakerCategory.UNKNOWN
    # no respondent, so nobody's questions are linked to anything
    assert meeting.structure.exchanges == ()
    assert meeting.structure.sections == ()


def test_self_introduction_fills_a_missing_affiliation() -> None:
    text = (
        "【会長】 では、山本さんから御説明をお願いします。\n"
        f"【山本課長】 真岡市総務部デジタル戦略課長の山本と申します。{TALK}\n"
        "【会長】 ありがとうございました。\n"
    )
    meeting = gikai_minutes.parse(text)
    assert meeting.structure is not None
    (p,) = meeting.structure.presentations
    assert (p.organisation, p.title, p.topic) == ("真岡市", "総務部デジタル戦略課長", None)


def test_single_speaker_gets_no_invented_structure() -> None:
    meeting = gikai_minutes.parse("【辻座長】 開会します。資料は13ページです。本日は以上です。\n")
    assert meeting.structure is not None
    assert meeting.structure.sections == ()
    assert meeting.structure.presentations == ()
    assert meeting.structure.exchanges == ()
    assert meeting.structure.turns == (TurnKind.PROCEDURE,)


def test_unknown_roles_give_no_exchanges() -> None:
    text = "【山田】 これはどうなっていますか。\n【鈴木】 順調に進んでいます。\n" * 3
    meeting = gikai_minutes.parse(text)
    assert meeting.structure is not None
    assert {s.category for s in meeting.speakers} == {SpeakerCategory.UNKNOWN}
    assert meeting.structure.exchanges == ()
    assert set(meeting.structure.turns) == {TurnKind.REMARK}


def test_empty_and_headerless_input() -> None:
    for text in ("", "   \n", "議事録\n本文だけがある。\n"):
        meeting = gikai_minutes.parse(text)
        assert meeting.structure is not None
        assert meeting.structure == gikai_minutes.model.Structure()


def test_deputy_chair_nominated_by_the_chair_speaks_as_a_member() -> None:
    text = (
        "【東会長】 御意見をお願いします。千葉会長代理、お願いいたします。\n"
        "【千葉会長代理】 報告の進め方について伺います。いつまでに公表されますか。\n"
        "【米山企画官】 年度内に公表いたします。\n"
    )
    meeting = gikai_minutes.parse(text)
    assert meeting.speaker("千葉会長代理").category is SpeakerCategory.MEMBER
    assert meeting.structure is not None
    rules = {r.speaker: r.rule for r in meeting.structure.speaker_rules}
    assert rules["千葉会長代理"] == "nominated-by-chair"
    (e,) = meeting.structure.exchanges
    assert (e.questioner, e.respondents, e.rule) == ("千葉会長代理", ("米山企画官",), "nominated")


def test_chair_hand_over_is_not_a_question() -> None:
    text = (
        "【会長】 ほかに何かございますか。よろしいですか。それでは、事務局から報告していただきます。\n"
        "【事務局】 " + TALK + "\n"
    )
    meeting = gikai_minutes.parse(text)
    assert meeting.structure is not None
    assert meeting.structure.exchanges == ()


def test_diet_style_nomination_and_interjection() -> None:
    text = (
        "○小泉委員長　これより会議を開きます。\n"
        "　国の安全保障に関する件について調査を進めます。\n"
        "　質疑の申出がありますので、順次これを許します。黄川田仁志さん。\n"
        "○黄川田委員　大臣に伺います。今後の対策はどうなっていますか。\n"
        "○小泉委員長　速記を止めてください。\n"
        "○小泉委員長　速記を起こしてください。\n"
        "○木原国務大臣　再発防止に全力を挙げてまいります。\n"
        "○黄川田委員　ありがとうございます。\n"
        "○小泉委員長　本日は、これにて散会いたします。\n"
    )
    meeting = gikai_minutes.parse(text)
    assert meeting.structure is not None
    (e,) = meeting.structure.exchanges
    assert (e.questioner, e.questions, e.answers, e.rule) == ("黄川田委員", (1,), (4,), "nominated")
    assert (e.nomination, e.acknowledgement) == (0, 5)
    assert [s.kind for s in meeting.structure.sections] == [
        SectionKind.OPENING,
        SectionKind.AGENDA_ITEM,
        SectionKind.CLOSING,
    ]
    assert meeting.structure.sections[1].title == "国の安全保障に関する件"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ありがとうございます。", True),
        ("どうもありがとうございました。", True),
        ("はい。", True),
        ("よろしくお願いたします。", True),
        ("はい。ノートパソコンで持っています。", False),
        ("ありがとうございます。大変参考になりました。", False),
        ("先生、ちょっといいですか。", False),
    ],
)
def test_courtesy(sentence: str, expected: bool) -> None:
    assert is_courtesy(sentences(sentence)) is expected


@pytest.mark.parametrize(
    ("phrase", "organisation", "title"),
    [
        ("東京都デジタルサービス局戦略部デジタル推進課長", "東京都", "デジタルサービス局戦略部デジタル推進課長"),
        ("東京都庁デジタルサービス局戦略部デジタル推進課長", "東京都", "デジタルサービス局戦略部デジタル推進課長"),
        ("北海道総合政策部次世代社会戦略局長", "北海道", "総合政策部次世代社会戦略局長"),
        ("京都府総務部長", "京都府", "総務部長"),
        ("大阪府堺市総務部長", "大阪府堺市", "総務部長"),
        ("総務省市町村課長", "総務省", "市町村課長"),
        ("デジタル市役所推進課長", None, "デジタル市役所推進課長"),
        ("それでは", None, None),
    ],
)  # fmt: skip
def test_split_affiliation(phrase: str, organisation: str | None, title: str | None) -> None:
    found = split_affiliation(phrase)
    assert (found.organisation, found.title) == (organisation, title)


def test_affiliation_from_a_preceding_clause() -> None:
    found = affiliation_before("続きまして、北九州市、デジタル市役所推進課長の")
    assert (found.organisation, found.title) == ("北九州市", "デジタル市役所推進課長")


def test_self_introduction() -> None:
    found = self_introduction("北九州市デジタル市役所推進室の久芳と申します。", "久芳")
    assert found is not None
    assert found.organisation == "北九州市"
    assert self_introduction("担当局長の所でございます。", "所") is not None
    assert self_introduction("よろしくお願いします。", "所") is None


def test_page_references() -> None:
    text = "資料の三ページ目と13頁、3枚目のスライド、1ページ目。ホームページや次ページは除く。"
    meeting = gikai_minutes.parse(f"【辻座長】 {text}\n", structure=False)
    section = Section(SectionKind.HEARING, ParagraphRef(0, 0), ParagraphRef(0, 0), "hearing")
    refs = page_references(analyse_turns(meeting, {}), section)
    assert [(r.page, r.text) for r in refs] == [
        (3, "資料の三ページ目"),
        (13, "13頁"),
        (3, "3枚目"),
        (1, "1ページ目"),
    ]
    assert all(text[r.start : r.end] == r.text for r in refs)


def test_category_table_uses_longest_suffix() -> None:
    def category(label: str, role: str | None) -> SpeakerCategory:
        return category_from_role(gikai_minutes.model.Speaker(label, label, role=role)).category

    assert category("星埜課長", "課長") is SpeakerCategory.GOVERNMENT
    assert category("X", "デジタル推進課長") is SpeakerCategory.GOVERNMENT
    assert category("X", "委員長") is SpeakerCategory.CHAIR
    assert category("X", "委員") is SpeakerCategory.MEMBER
    assert category("X", "参考人") is SpeakerCategory.PRESENTER
    assert category("X", "政府参考人") is SpeakerCategory.GOVERNMENT
    assert category("X", "事務局") is SpeakerCategory.SECRETARIAT
    assert category("山田", None) is SpeakerCategory.UNKNOWN
    honorific = gikai_minutes.model.Speaker(
        "熊谷裕人君", "熊谷裕人君", name="熊谷裕人", honorific="君"
    )
    assert category_from_role(honorific).category is SpeakerCategory.MEMBER


def test_outline(hearing: Meeting) -> None:
    out = format_outline(hearing)
    assert "1. opening" in out
    assert "2. hearing: 地域DXの実践" in out
    assert "presentation: 山本代表 (株式会社サンプル 代表); talk [1]; pages 3" in out
    assert "#1 片山委員 → 山本代表: 人材はどう確保していますか。" in out
    assert "#2 片山委員 → 山本代表: 採用の倍率はどうですか。  [7→8; follow-up of #1]" in out
    bare = attrs.evolve(hearing, structure=None)
    assert "no structure" in format_outline(bare)


def test_cli_outline(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "minutes.txt"
    path.write_text(HEARING, encoding="utf-8")
    assert main(["parse", str(path), "--format", "outline"]) == 0
    out = capsys.readouterr().out
    assert "片山委員 → 山本代表" in out
    assert out.startswith("テスト研究会（第1回）  2024-04-01\n")
