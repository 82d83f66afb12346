"""Heading notes in the proceedings start sections (``≪…≫``, ``《議事》``, ``(2)…``,
``■議題１``, ``１．開会``, ``◎…``), on minutes excerpts written for the purpose."""

from __future__ import annotations

import itertools

import pytest

import gikai_minutes
from gikai_minutes._structure._sections import heading_title
from gikai_minutes.model import NoteKind, ParagraphRef, SectionKind

#: A council of a ministry: ≪…≫ headings between the chair's turns.
DOUBLE_ANGLE = """消費者教育推進会議（第２５回）議事録
令和６年１０月３日（木）１０：００～１２：００
場所：中央合同庁舎第４号館　共用第１２１４特別会議室

≪1.開会≫

【西村座長】　定刻になりましたので、第２５回消費者教育推進会議を開催いたします。
本日は、委員の皆様には御多忙のところお集まりいただき、ありがとうございます。

≪2.「行動計画の見直し」について≫

【西村座長】　それでは、議事に入ります。事務局から資料１について説明をお願いします。
【佐藤課長】　消費者教育推進課長の佐藤でございます。資料１を御覧ください。
見直しの方向性について、三つの柱に沿って御説明いたします。

≪3.その他≫

【西村座長】　最後に、事務局から連絡事項をお願いします。
【佐藤課長】　次回の日程は、追って御連絡いたします。
"""

#: A prefectural committee: 《議事》 and parenthesised item numbers.
BRACKET_AND_NUMBER = """第３回　子ども・子育て会議　会議録
令和５年７月１２日（水）午後２時から
会場：県庁本庁舎５階　大会議室

【会長】　ただいまから、第３回子ども・子育て会議を開会いたします。

《議事》

【会長】　それでは議事に入ります。
(1)計画の進捗状況について
【会長】　事務局から説明をお願いします。
【事務局（高橋）】　こども未来課の高橋です。資料２により進捗状況を御報告いたします。
(2)専門調査会の報告書について
【会長】　続いて、専門調査会の報告書について説明をお願いします。
【事務局（高橋）】　報告書の概要は資料３のとおりです。
"""

#: A town board: ■ and full-width numbered headings inside the chair's turn.
SQUARE_AND_FULLWIDTH = """令和６年度　第１回　まちづくり審議会　議事録
日時：令和６年５月２０日（月）午前１０時
場所：役場３階　第１会議室

【会長】　皆さん、おはようございます。

１．開会

ただいまから令和６年度第１回まちづくり審議会を開会いたします。

■議題１

それでは議題１、都市計画マスタープランの改定について、事務局から説明願います。
【事務局】　都市整備課の中村でございます。お手元の資料に沿って御説明いたします。
■議題２
【会長】　次に議題２、景観条例の運用状況について、御意見をお願いします。
【山口委員】　景観の届出件数の推移を教えてください。
"""


def sections(text: str) -> list[tuple[SectionKind, str | None, ParagraphRef]]:
    meeting = gikai_minutes.parse(text)
    assert meeting.structure is not None
    return [(s.kind, s.title, s.start) for s in meeting.structure.sections]


def first_paragraph(meeting: gikai_minutes.Meeting, ref: ParagraphRef) -> str:
    return meeting.utterances[ref.utterance].paragraphs[ref.paragraph].text


def test_double_angle_headings_start_sections_at_the_next_paragraph() -> None:
    meeting = gikai_minutes.parse(DOUBLE_ANGLE)
    assert meeting.structure is not None
    found = meeting.structure.sections
    headings = [s for s in found if s.kind is SectionKind.HEADING]
    assert [s.title for s in headings] == ["2.「行動計画の見直し」について", "3.その他"]
    assert first_paragraph(meeting, headings[0].start).startswith("それでは、議事に入ります")
    assert first_paragraph(meeting, headings[1].start).startswith("最後に")
    # ≪1.開会≫ is front matter (before the first speaker): the meeting opens as usual
    assert found[0].kind is SectionKind.OPENING
    assert all(s.rule == "heading" for s in headings)


def test_bracketed_and_numbered_headings() -> None:
    meeting = gikai_minutes.parse(BRACKET_AND_NUMBER)
    assert meeting.structure is not None
    titles = {s.title: s for s in meeting.structure.sections if s.kind is SectionKind.HEADING}
    assert set(titles) == {"議事", "(1)計画の進捗状況について", "(2)専門調査会の報告書について"}
    start = titles["(2)専門調査会の報告書について"].start
    assert first_paragraph(meeting, start).startswith("続いて、専門調査会の報告書")
    assert titles["議事"].start < titles["(1)計画の進捗状況について"].start < start


def test_headings_inside_a_turn_split_it() -> None:
    meeting = gikai_minutes.parse(SQUARE_AND_FULLWIDTH)
    assert meeting.structure is not None
    kinds = [(s.kind, s.title) for s in meeting.structure.sections]
    assert (SectionKind.HEADING, "議題１") in kinds
    assert (SectionKind.HEADING, "議題２") in kinds
    agenda_one = next(s for s in meeting.structure.sections if s.title == "議題１")
    assert first_paragraph(meeting, agenda_one.start).startswith("それでは議題")
    opened = next(s for s in meeting.structure.sections if s.title == "１．開会")
    assert first_paragraph(meeting, opened.start).startswith("ただいまから")


def test_of_two_headings_before_one_paragraph_the_nearer_titles_it() -> None:
    text = BRACKET_AND_NUMBER.replace("【会長】　それでは議事に入ります。\n", "")
    meeting = gikai_minutes.parse(text)
    assert meeting.structure is not None
    titles = [s.title for s in meeting.structure.sections if s.kind is SectionKind.HEADING]
    assert titles == ["(1)計画の進捗状況について", "(2)専門調査会の報告書について"]


def test_sections_still_tile_every_paragraph() -> None:
    for text in (DOUBLE_ANGLE, BRACKET_AND_NUMBER, SQUARE_AND_FULLWIDTH):
        meeting = gikai_minutes.parse(text)
        assert meeting.structure is not None
        found = meeting.structure.sections
        refs = [
            ParagraphRef(u.index, p) for u in meeting.utterances for p in range(len(u.paragraphs))
        ]
        assert found[0].start == refs[0]
        assert found[-1].end == refs[-1]
        for a, b in itertools.pairwise(found):
            assert refs.index(b.start) == refs.index(a.end) + 1


def test_heading_notes_without_sections_in_a_headingless_meeting() -> None:
    plain = BRACKET_AND_NUMBER.replace("《議事》\n", "").replace("(1)計画の進捗状況について\n", "")
    plain = plain.replace("(2)専門調査会の報告書について\n", "")
    meeting = gikai_minutes.parse(plain)
    assert not [n for n in meeting.notes if n.kind is NoteKind.HEADING]
    assert meeting.structure is not None
    assert all(s.kind is not SectionKind.HEADING for s in meeting.structure.sections)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("≪3.「行動計画の見直し」について≫", "3.「行動計画の見直し」について"),
        ("《議事》", "議事"),
        ("(2)専門調査会の報告書について", "(2)専門調査会の報告書について"),
        ("■議題１", "議題１"),
        ("１．開会", "１．開会"),
        ("◎会議録署名議員の指名", "会議録署名議員の指名"),
    ],
)
def test_heading_title(text: str, title: str) -> None:
    assert heading_title(text) == title
