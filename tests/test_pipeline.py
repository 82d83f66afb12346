"""One pipeline for every source: metadata from the source, options honoured the same way."""

from __future__ import annotations

import datetime

import pytest

import gikai_minutes
from gikai_minutes.sources import SourceDocument

WITH_TITLE = (
    "地域交通のあり方に関する検討会（第３回）\n"
    "令和６年１０月２日\n"
    "\n"
    "【佐藤座長】 それでは、ただいまから第３回検討会を開会いたします。\n"
    "【高橋委員】 資料２について一点質問がございます。\n"
)
WITHOUT_TITLE = (
    "【佐藤座長】 それでは、ただいまから第３回検討会を開会いたします。\n"
    "【高橋委員】 資料２について一点質問がございます。\n"
)


def test_source_title_and_date_fill_only_gaps() -> None:
    doc = SourceDocument(
        WITHOUT_TITLE, name="page.html", title="ページの題名", date=datetime.date(2024, 10, 2)
    )
    meeting = gikai_minutes.parse_document(doc)
    assert meeting.title == "ページの題名"
    assert meeting.date == datetime.date(2024, 10, 2)
    printed = gikai_minutes.parse_document(
        SourceDocument(WITH_TITLE, title="ページの題名", date=datetime.date(2000, 1, 1))
    )
    assert printed.title == "地域交通のあり方に関する検討会（第３回）"
    assert printed.date == datetime.date(2024, 10, 2)


def test_source_front_matter_fields_win() -> None:
    doc = SourceDocument(WITH_TITLE, house="参議院", meeting_name="国土交通委員会", issue=4)
    front = gikai_minutes.parse_document(doc).front_matter
    assert (front.house, front.meeting_name, front.issue) == ("参議院", "国土交通委員会", 4)


def test_parse_is_parse_document_of_text_document() -> None:
    from gikai_minutes.sources import text_document

    data = WITH_TITLE.encode("cp932")
    assert gikai_minutes.parse(data) == gikai_minutes.parse_document(text_document(data))


@pytest.mark.parametrize("structure", [True, False])
def test_options_reach_every_entry_point(structure: bool) -> None:
    meeting = gikai_minutes.parse_document(SourceDocument(WITH_TITLE), structure=structure)
    assert (meeting.structure is not None) is structure
    with pytest.raises(gikai_minutes.UnknownDialectError):
        gikai_minutes.parse_document(SourceDocument(WITH_TITLE), dialect="nonesuch")


def test_lone_cr_line_ends_read_like_lf() -> None:
    """A header candidate must not take a lone CR with it: the next line would be hidden
    from the scan (here a roster heading's ``rejected-header`` diagnostic went missing)."""
    lines = [
        "第３回　地域交通のあり方に関する検討会　議事録",
        "日時：令和６年５月１４日（火）１４時００分～１６時００分",
        "場所：中央合同庁舎第３号館　１０階共用会議室",
        "出席者",
        "【委員】",
        "石田　東生、大串　葉子、森本　章倫",
        "【事務局】",
        "総合政策局地域交通課長",
        "",
        "○石田座長　それでは定刻になりましたので、第３回検討会を開会いたします。",
        "○大串委員　資料２について一点確認させてください。",
    ]
    lf = gikai_minutes.parse("\n".join(lines))
    cr = gikai_minutes.parse("\r".join(lines))
    assert [(d.code, d.line) for d in cr.diagnostics] == [(d.code, d.line) for d in lf.diagnostics]
    assert [(d.code, d.line) for d in lf.diagnostics].count(("rejected-header", 5)) == 1
