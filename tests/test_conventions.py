"""Each header convention and proceedings artefact of docs/conventions.md, on small texts."""

from __future__ import annotations

import datetime
import json

import pytest

import gikai_minutes
from _helpers import assert_tiles
from gikai_minutes._read.headers import (
    BracketHeaderRule,
    ColonHeaderRule,
    HeaderMatch,
    HeaderRejection,
    MarkHeaderRule,
    ParenHeaderRule,
)
from gikai_minutes.model import NoteKind


def parts(result: object) -> tuple[object, ...]:
    assert isinstance(result, HeaderMatch), result
    p = result.parts
    return (result.label, p.name, p.role, p.honorific, p.seat, p.disambiguator)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("○小泉委員長　これより会議を開きます。", ("小泉委員長", "小泉", "委員長", None, None, None)),
        ("〇木原国務大臣　お答えします。", ("木原国務大臣", "木原", "国務大臣", None, None, None)),
        ("◯青木政府参考人　お答えします。", ("青木政府参考人", "青木", "政府参考人", None, None, None)),
        ("○渡辺（周）委員　質問します。", ("渡辺（周）委員", "渡辺", "委員", None, None, "周")),
        ("○委員長（足立敏之君）　ただいまから", ("委員長（足立敏之君）", "足立敏之", "委員長", "君", None, None)),
        ("○参考人（植田和男君）　お答えします。", ("参考人（植田和男君）", "植田和男", "参考人", "君", None, None)),
        ("○熊谷裕人君　立憲民主党の", ("熊谷裕人君", "熊谷裕人", None, "君", None, None)),
        ("○２２番（筒井たかひさ議員）　動議を", ("２２番（筒井たかひさ議員）", "筒井たかひさ", None, "議員", "22", None)),
        ("○（伊藤よしのり議長）　出席議員は", ("（伊藤よしのり議長）", "伊藤よしのり", "議長", None, None, None)),
        ("○（白井正子君）　私は", ("（白井正子君）", "白井正子", None, "君", None, None)),
        ("○おのせ康裕議長　　ただいまから", ("おのせ康裕議長", "おのせ康裕", "議長", None, None, None)),
        ("○東会長 ありがとうございます。", ("東会長", "東", "会長", None, None, None)),
        ("◎市長（大泉潤）　お答えします。", ("市長（大泉潤）", "大泉潤", "市長", None, None, None)),
        ("○議長（梶　泰久）", ("議長（梶　泰久）", "梶　泰久", "議長", None, None, None)),
        ("〇河野大臣 ： それでは", ("河野大臣", "河野", "大臣", None, None, None)),
        ("〇松本大臣：はい。", ("松本大臣", "松本", "大臣", None, None, None)),
    ],
)  # fmt: skip
def test_mark_rule_accepts(line: str, expected: tuple[object, ...]) -> None:
    result = MarkHeaderRule().match(line)
    assert parts(result) == expected
    assert isinstance(result, HeaderMatch)
    assert line[result.length :] == line[result.length :].lstrip(" \u3000：:")


@pytest.mark.parametrize(
    "line",
    ["○議事日程", "○本日の会議に付した案件", "◎開会の宣告", "〇出席議員（２６人）", "〇説明員",
     "　〇　第　１　日"],
)  # fmt: skip
def test_mark_rule_rejects_headings(line: str) -> None:
    assert isinstance(MarkHeaderRule().match(line), HeaderRejection)


def test_mark_rule_leaves_time_lines_to_notes() -> None:
    assert MarkHeaderRule().match("〇午後３時５１分散会") is None


def test_unknown_marked_label_needs_text_on_the_line() -> None:
    rule = MarkHeaderRule()
    assert isinstance(rule.match("○神谷　参事です。"), HeaderMatch)
    assert isinstance(rule.match("○神谷"), HeaderRejection)


@pytest.mark.parametrize(
    ("line", "label", "role"),
    [("【委員】 意見です。", "委員", "委員"), ("【植田参考人】 はい。", "植田参考人", "参考人"),
     ("\t【辻座長】 はい。", "辻座長", "座長")],
)  # fmt: skip
def test_bracket_rule(line: str, label: str, role: str) -> None:
    result = BracketHeaderRule().match(line)
    assert isinstance(result, HeaderMatch)
    assert (result.label, result.parts.role) == (label, role)


def test_paren_and_colon_rules() -> None:
    paren = ParenHeaderRule().match("（塩崎教育長）")
    assert isinstance(paren, HeaderMatch)
    assert (paren.parts.name, paren.parts.role) == ("塩崎", "教育長")
    assert ParenHeaderRule().match("（報道関係者退室）") is None
    colon = ColonHeaderRule().match("委員：賛成です。")
    assert isinstance(colon, HeaderMatch)
    assert colon.parts.role == "委員"
    assert ColonHeaderRule().match("開催日：令和5年3月30日") is None


DIET = (
    "令和六年七月三十日（火曜日）\r\n"
    "　　　　午前九時開議\r\n"
    "　出席委員\r\n"
    "　　　委員長　小泉進次郎君\r\n"
    "　　　理事　黄川田仁志君　理事　渡辺　　周君\r\n"
    "　　　　　　大塚　　拓君　　　　小林　茂樹君\r\n"
    "　　　　…………………………………\r\n"
    "　　　防衛大臣　　　　　　　　　木原　　稔君\r\n"
    "　　　　―――――――――――――\r\n"
    "本日の会議に付した案件\r\n"
    "　国の安全保障に関する件\r\n"
    "　　　　　――――◇―――――\r\n"
    "○小泉委員長　これより会議を開きます。\r\n"
    "　お諮りいたします。\r\n"
    "　〔「異議なし」と呼ぶ者あり〕\r\n"
    "○小泉委員長　御異議なしと認めます。（発言する者あり）静粛に。\r\n"
    "○渡辺（周）委員　質問します。\r\n"
    "○木原国務大臣　お答えします。\r\n"
    "　　　　―――――――――――――\r\n"
    "○小泉委員長　本日は、これにて散会いたします。\r\n"
    "　　　　午前十一時三十四分散会\r\n"
)


def test_diet_layout() -> None:
    m = gikai_minutes.parse(DIET)
    assert_tiles(m)
    assert m.dialect == "mark"
    assert [u.speaker.label for u in m.utterances] == [
        "小泉委員長", "小泉委員長", "渡辺（周）委員", "木原国務大臣", "小泉委員長",
    ]  # fmt: skip
    # Indented lines open paragraphs; directions and rules are notes, not text.
    assert [p.text for p in m.utterances[0].paragraphs] == [
        "これより会議を開きます。",
        "お諮りいたします。",
    ]
    assert m.utterances[1].text == "御異議なしと認めます。静粛に。"
    assert m.utterances[3].text == "お答えします。"
    assert m.utterances[4].text == "本日は、これにて散会いたします。"
    kinds = [(n.kind, n.utterance_index) for n in m.notes]
    assert kinds == [
        (NoteKind.STAGE_DIRECTION, 0),
        (NoteKind.STAGE_DIRECTION, 1),
        (NoteKind.SEPARATOR, 3),
        (NoteKind.TIME, 4),
    ]
    assert m.notes[1].text == "（発言する者あり）"
    fm = m.front_matter
    assert m.date == datetime.date(2024, 7, 30)
    assert fm.start_time == datetime.time(9, 0)
    assert fm.agenda == ("国の安全保障に関する件",)
    rosters = {r.group: r.people for r in fm.rosters}
    assert [(p.name, p.role) for p in rosters["出席委員"]] == [
        ("小泉進次郎", "委員長"), ("黄川田仁志", "理事"), ("渡辺周", "理事"),
        ("大塚拓", None), ("小林茂樹", None),
    ]  # fmt: skip
    assert [(p.name, p.role) for p in rosters["その他の出席者"]] == [("木原稔", "防衛大臣")]
    by_label = {s.label: s for s in m.speakers}
    assert by_label["小泉委員長"].full_name == "小泉進次郎"
    assert by_label["渡辺（周）委員"].full_name == "渡辺周"
    assert by_label["木原国務大臣"].full_name == "木原稔"


ASSEMBLY = (
    "開催日：令和 7年 2月14日\n"
    "会議名：令和 7年第1回定例会（第1日 2月14日）\n"
    "\n"
    "　出　席　議　員　（３名）\n"
    "　　　　１番　　むらまつ　勝康　　　　　　　　　２番　　おおにし　順子\n"
    "　　　１２番　　齊　藤　大　介\n"
    "\n"
    "　出席説明員\n"
    "　　区長　　　　　　　　　　　　　　　　青　木　克　德\n"
    "　　事務局長　　　　　杉　立　敏　也　　　　　次長　　　　　　　南　部　　　剛\n"
    "\n"
    "　午後１時開会・開議\n"
    "\n"
    "○（伊藤よしのり議長）　ただいまから開会いたします。\n"
    "―――――――――――――――――――――\n"
    "○（伊藤よしのり議長）　区長。\n"
    "　〔青木克德区長　登壇〕\n"
    "\n"
    "○（青木克德区長）　所信を申し上げます。\n"
    "　秋家聡明委員長。（拍手）\n"
    "○１２番（齊藤大介議員）　動議を提出いたします。\n"
    "　午後３時７分散会\n"
    "\n"
    "　　　　　議　　長　　　伊藤　よしのり\n"
)


def test_assembly_layout() -> None:
    m = gikai_minutes.parse(ASSEMBLY)
    assert_tiles(m)
    assert [(u.speaker.name, u.speaker.role, u.speaker.seat) for u in m.utterances] == [
        ("伊藤よしのり", "議長", None), ("伊藤よしのり", "議長", None),
        ("青木克德", "区長", None), ("齊藤大介", None, "12"),
    ]  # fmt: skip
    assert m.utterances[2].text == "所信を申し上げます。\n秋家聡明委員長。"
    assert m.utterances[3].text == "動議を提出いたします。"
    assert [n.kind.value for n in m.notes] == [
        "separator", "stage_direction", "stage_direction", "time", "other",
    ]  # fmt: skip
    fm = m.front_matter
    assert m.date == datetime.date(2025, 2, 14)
    assert fm.meeting_name == "令和 7年第1回定例会（第1日 2月14日）"
    assert m.session == 1
    assert fm.start_time == datetime.time(13, 0)
    groups = {r.group: [(p.name, p.role, p.seat) for p in r.people] for r in fm.rosters}
    assert groups["出席議員"] == [
        ("むらまつ勝康", None, "1"), ("おおにし順子", None, "2"), ("齊藤大介", None, "12"),
    ]  # fmt: skip
    assert groups["出席説明員"] == [
        ("青木克德", "区長", None), ("杉立敏也", "事務局長", None), ("南部剛", "次長", None),
    ]  # fmt: skip
    assert m.utterances[3].speaker.full_name == "齊藤大介"


def test_mixed_conventions_in_one_file() -> None:
    text = (
        "【辻座長】 開会します。\n【田中委員】 質問です。\n"
        "○小泉委員長　別の様式です。\n○木原国務大臣　お答えします。\n"
    )
    m = gikai_minutes.parse(text)
    assert m.dialect == "bracket+mark"
    assert [u.speaker.label for u in m.utterances] == [
        "辻座長",
        "田中委員",
        "小泉委員長",
        "木原国務大臣",
    ]
    assert (
        gikai_minutes.parse(text, dialect="bracket").utterances[-1].text.endswith("お答えします。")
    )


def test_forced_dialect_finds_only_its_headers() -> None:
    m = gikai_minutes.parse("○小泉委員長　はい。\n", dialect="bracket")
    assert m.utterances == ()
    assert "no-speaker-headers" in [d.code for d in m.diagnostics]


def test_form_feed_pages() -> None:
    text = "【辻座長】 一頁目の発言。\n\f【田中委員】 二頁目から\n\f三頁目へ続く発言。\n"
    m = gikai_minutes.parse(text)
    assert [u.pages for u in m.utterances] == [(1,), (2, 3)]
    assert m.utterances[1].text == "二頁目から三頁目へ続く発言。"
    assert_tiles(m)


def test_page_number_lines_are_notes_and_rejoin_sentences() -> None:
    text = (
        "- 1 -\n会議（第１回）\n【辻座長】 それでは始めます。本日の議題は\n\n- 2 -\n\n"
        "予算についてです。\n【田中委員】 質問です。\n\n- 3 -\n\n終わります。\n"
    )
    m = gikai_minutes.parse(text)
    assert m.utterances[0].text == "それでは始めます。本日の議題は予算についてです。"
    assert [n.text for n in m.notes if n.kind is NoteKind.PAGE_NUMBER] == [
        "- 1 -",
        "- 2 -",
        "- 3 -",
    ]
    assert m.utterances[0].pages == (1, 2)
    assert m.utterances[1].pages == (2, 3)
    assert_tiles(m)


def test_bare_numbers_need_a_sequence() -> None:
    text = "【辻座長】 採決します。\n賛成\n32\n反対\n5\n以上で終わります。\n"
    m = gikai_minutes.parse(text)
    assert not any(n.kind is NoteKind.PAGE_NUMBER for n in m.notes)
    assert "32" in m.utterances[0].text
    paged = "1\n【辻座長】 はい。\n2\n続き。\n3\n終わり。\n"
    m2 = gikai_minutes.parse(paged)
    assert [n.text for n in m2.notes] == ["1", "2", "3"]
    assert m2.utterances[0].text == "はい。続き。終わり。"


def test_running_headers_removed() -> None:
    body = []
    for page in range(1, 5):
        body += [f"- {page} -", "第25回消費者教育推進会議", f"○東会長 {page}頁目の発言です。", ""]
    m = gikai_minutes.parse("\n".join(body))
    assert [n.kind for n in m.notes].count(NoteKind.RUNNING_HEADER) == 4
    assert all("推進会議" not in u.text for u in m.utterances)
    assert_tiles(m)


def test_discussnet_reader() -> None:
    doc = {
        "tenant_minutes": [
            {
                "title": "（名簿）",
                "body": "<pre>令和６年第１回函館市議会定例会会議録　第１号\n</pre>",
            },
            {
                "title": "議長",
                "body": "<pre>○議長（吉田崇仁）　おはようございます。<br />\n　開会します。&amp;\n</pre>",
            },
            {"title": "市長", "body": "<pre>◎市長（大泉潤）　お答えします。\n</pre>"},
        ]
    }
    m = gikai_minutes.parse_discussnet(json.dumps(doc, ensure_ascii=False))
    assert [u.speaker.name for u in m.utterances] == ["吉田崇仁", "大泉潤"]
    assert m.utterances[0].text == "おはようございます。\n開会します。&"
    assert m.front_matter.issue == 1
    with pytest.raises(gikai_minutes.InputError):
        gikai_minutes.parse_discussnet("{}")


def test_ndl_reader_uses_metadata() -> None:
    def record(order: int, text: str) -> dict[str, object]:
        info = {"speech_order": order, "issue": "第13号", "meeting_name": "安全保障委員会"}
        return {"id": f"X_{order:03d}", "house": "衆議院", "meeting_info": info, "text": text}

    data = {"data": [record(1, "○小泉委員長　開会します。"), record(0, DIET.split("○")[0])]}
    (m,) = gikai_minutes.parse_ndl(data)
    assert (m.front_matter.house, m.front_matter.meeting_name, m.front_matter.issue) == (
        "衆議院", "安全保障委員会", 13,
    )  # fmt: skip
    assert [u.text for u in m.utterances] == ["開会します。"]


def test_roster_lines_with_colons_are_not_speakers() -> None:
    m = gikai_minutes.parse("委員：山田 太郎、川口 花子\n幹事：佐藤 一郎、鈴木 二郎\n")
    assert m.utterances == ()
    assert ColonHeaderRule().match("委員：山田 太郎、川口 花子") is None
    assert isinstance(ColonHeaderRule().match("委員：賛成です、はい。"), HeaderMatch)


def test_names_ending_in_kanji_numerals_are_speakers() -> None:
    result = BracketHeaderRule().match("【佐藤健一】 はい。")
    assert isinstance(result, HeaderMatch)
    assert isinstance(BracketHeaderRule().match("【三】 はい。"), HeaderRejection)


def test_cutting_an_inline_note_keeps_latin_words_apart() -> None:
    m = gikai_minutes.parse("【辻座長】 kintone （拍手） every day。\n")
    assert m.utterances[0].text == "kintone every day。"
    assert [n.text for n in m.notes] == ["（拍手）"]
    assert_tiles(m)


def test_short_speech_repeated_near_some_page_breaks_is_kept() -> None:
    lines = []
    for page in range(1, 11):
        lines += [f"- {page} -", "○東会長 はい。" if page <= 3 else f"○東会長 {page}頁目です。"]
        lines += ["はい。"] if page <= 3 else []
    m = gikai_minutes.parse("\n".join(lines))
    assert not any(n.kind is NoteKind.RUNNING_HEADER for n in m.notes)
    assert m.utterances[0].text == "はい。はい。"


def test_discussnet_json_through_parse_and_dialect() -> None:
    doc = {"tenant_minutes": [{"body": "<pre>○議長（吉田崇仁）　開会します。\n</pre>"}]}
    data = json.dumps(doc, ensure_ascii=False)
    assert [u.text for u in gikai_minutes.parse(data).utterances] == ["開会します。"]
    assert gikai_minutes.parse(data.encode()).utterances[0].speaker.name == "吉田崇仁"
    assert gikai_minutes.parse(data, dialect="bracket").utterances == ()


def test_forced_colon_dialect_does_not_swallow_marks() -> None:
    m = gikai_minutes.parse("〇佐藤大臣：はい。\n", dialect="colon")
    assert m.utterances == ()
    assert gikai_minutes.parse("〇佐藤大臣：はい。\n").utterances[0].speaker.name == "佐藤"
