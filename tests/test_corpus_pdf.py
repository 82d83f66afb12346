"""The ministry PDF in ../shared/corpus/pdf (消費者庁 第25回 消費者教育推進会議), read with
the default backend (PDFium; tests/test_pdf_sources.py compares it with pypdf).

Expectations come from the PDF itself: 33 pages each printing its number on a line of its
own, the date line of the 議事次第, and the speaker headers counted in the text layer with a
plain regular expression (not with the parser).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest

import gikai_minutes
from _helpers import SHARED, assert_tiles

PDF = SHARED / "corpus" / "pdf" / "caa_shohisha_kyoiku_25.pdf"
pytest.importorskip("pypdfium2")
if not PDF.is_file():
    pytest.skip("../shared/corpus/pdf is not present", allow_module_level=True)


@pytest.fixture(scope="module")
def text() -> str:
    return gikai_minutes.sources.pdf_text(PDF)


@pytest.fixture(scope="module")
def meeting(text: str) -> gikai_minutes.Meeting:
    return gikai_minutes.parse(text)


def test_every_header_found(text: str, meeting: gikai_minutes.Meeting) -> None:
    headers = re.findall(r"^[ \u3000\f]*○(\S+) ", text, flags=re.MULTILINE)
    assert len(headers) == 81
    assert [u.speaker.label for u in meeting.utterances] == headers
    assert Counter(headers)["東会長"] == 39
    assert meeting.utterances[0].speaker.full_name == "東珠実"
    assert meeting.unparsed == ()
    assert_tiles(meeting)


def test_pages(meeting: gikai_minutes.Meeting) -> None:
    numbers = [n.text for n in meeting.notes if n.kind is gikai_minutes.model.NoteKind.PAGE_NUMBER]
    assert numbers == [str(i) for i in range(1, 34)]
    # The first speech starts on page 3, after the cover and the 議事次第.
    assert meeting.utterances[0].pages == (3,)
    assert meeting.utterances[-1].pages[-1] == 33
    pages = [p for u in meeting.utterances for p in u.pages]
    assert pages == sorted(pages)
    assert all(not re.fullmatch(r"\d+", p.text) for u in meeting.utterances for p in u.paragraphs)


def test_front_matter(meeting: gikai_minutes.Meeting) -> None:
    assert meeting.date == datetime.date(2019, 7, 26)
    assert meeting.date_text == "令和元年７月26日"
    fm = meeting.front_matter
    assert (fm.start_time, fm.end_time) == (datetime.time(14, 0), datetime.time(15, 56))
    members = next(r for r in fm.rosters if r.group == "委員")
    assert len(members.people) == 13
    assert members.people[1].name == "東珠実"


def test_pdf_reader_errors(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf")
    with pytest.raises(gikai_minutes.InputError):
        gikai_minutes.parse_pdf(bad)


def test_cover_page_title_and_place(meeting: gikai_minutes.Meeting) -> None:
    # The cover prints 「第25回」 and 「消費者教育推進会議」 on two lines; the 議事次第 has
    # 「２ 場 所  中央合同庁舎第４号館共用1208特別会議室」.
    assert meeting.title == "第25回 消費者教育推進会議"
    assert meeting.session == 25
    assert meeting.front_matter.place == "中央合同庁舎第４号館共用1208特別会議室"
