"""TEI export checked with lxml: well-formed, every ``who`` resolves, text round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests._export_docs import DIET_COMMITTEE, corpus_files, corpus_meetings

import gikai_minutes
from gikai_minutes.export import tei_string

etree = pytest.importorskip("lxml.etree")

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def check(meeting: gikai_minutes.Meeting) -> etree._Element:
    """Parse the TEI with lxml and check ids, speakers and the text of every utterance."""
    root = etree.fromstring(tei_string(meeting).encode("utf-8"))
    assert root.tag == f"{TEI}TEI"
    ids = root.xpath("//@xml:id")
    assert len(ids) == len(set(ids)), "xml:id values are unique"
    persons = set(root.xpath("//t:listPerson/t:person/@xml:id", namespaces=NS))
    assert len(persons) == len(meeting.speakers)
    texts: dict[int, list[str]] = {}
    for u in root.iter(f"{TEI}u"):
        assert u.get("who")[1:] in persons, u.get("who")
        index = int(u.get("n"))
        speaker = meeting.utterances[index].speaker
        person = root.xpath("//t:person[@xml:id=$id]", id=u.get("who")[1:], namespaces=NS)[0]
        assert person.get("n") == speaker.label
        texts.setdefault(index, []).extend(seg.text or "" for seg in u.iter(f"{TEI}seg"))
        for link in ("next", "prev"):
            if u.get(link):
                assert u.get(link)[1:] in ids
    assert {i: "\n".join(t) for i, t in texts.items()} == {
        u.index: u.text for u in meeting.utterances
    }
    return root


def test_seed(seed: gikai_minutes.Meeting) -> None:
    root = check(seed)
    divs = root.findall(f".//{TEI}div")
    assert seed.structure is not None
    assert [d.get("type") for d in divs] == ["preface"] + ["debateSection"] * len(
        seed.structure.sections
    )
    # the front matter before the first 【…】 header: the title, then the date
    assert divs[0].findtext(f"{TEI}head") == seed.title
    assert [n.text for n in divs[0].iter(f"{TEI}note")] == [seed.date_text]
    chair = root.xpath("//t:person[@n='辻座長']/t:persName", namespaces=NS)[0]
    assert [c.text for c in chair] == ["辻", "座長"]
    assert root.xpath("//t:u[@who='#' and @ana]", namespaces=NS) == []
    assert {u.get("ana") for u in root.iter(f"{TEI}u")} == {"#chair", "#regular", "#guest"}


def test_diet_notes_and_affiliations() -> None:
    meeting = gikai_minutes.parse(DIET_COMMITTEE)
    root = check(meeting)
    vocal = root.findall(f".//{TEI}vocal")
    assert [v.get("type") for v in vocal] == ["interruption"]
    assert vocal[0].findtext(f"{TEI}desc") == "〔「了解」と呼ぶ者あり〕"
    # the shout is inside the minister's answer, where it was printed
    assert vocal[0].getparent().tag == f"{TEI}u"
    minister_id = root.xpath("//t:person[@n='佐藤国務大臣']/@xml:id", namespaces=NS)[0]
    assert vocal[0].getparent().get("who") == f"#{minister_id}"
    times = root.xpath("//t:note[@type='time']", namespaces=NS)
    assert [t.text for t in times] == ["午前九時開議", "午前十時二分散会"]  # both time lines
    minister = root.xpath("//t:person[@n='佐藤国務大臣']/t:persName/t:surname", namespaces=NS)
    assert [m.text for m in minister] == ["佐藤花子"]


def test_utterance_without_text_is_kept() -> None:
    text = "第２回　検討会\n\n【山田座長】 開会します。\n【佐藤委員】\n【山田座長】 閉会します。\n"
    meeting = gikai_minutes.parse(text)
    empty = [u.index for u in meeting.utterances if not u.paragraphs]
    root = check(meeting)
    assert [u.get("n") for u in root.iter(f"{TEI}u")] == [str(u.index) for u in meeting.utterances]
    for index in empty:
        (u,) = root.xpath("//t:u[@n=$n]", n=str(index), namespaces=NS)
        assert u.findall(f"{TEI}seg") == []


def test_control_characters_become_replacement_characters() -> None:
    meeting = gikai_minutes.parse("【山田座長】 開会します。\x0bよろしくお願いします。\n")
    root = etree.fromstring(tei_string(meeting).encode("utf-8"))
    assert root.findtext(f".//{TEI}seg") == meeting.utterances[0].text.replace("\x0b", "\ufffd")


def test_page_breaks() -> None:
    text = (
        "第３回　まちづくり審議会　議事録\n\n令和６年６月３日\n\n"
        "【川口会長】 それでは、第３回の審議会を開会いたします。\n"
        "本日は、都市計画マスタープランの改定について御審議いただきます。\n\f"
        "- 2 -\n"
        "【森田委員】 資料の説明をお願いいたします。\n"
    )
    meeting = gikai_minutes.parse(text)
    pages = [n for n in meeting.notes if n.kind.value == "page_number"]
    root = check(meeting)
    assert [pb.get("n") for pb in root.iter(f"{TEI}pb")] == ["2"] * len(pages)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus(path: Path) -> None:
    for meeting in corpus_meetings(path):
        check(meeting)
