"""Invariants of every export on generated minutes-like text (hypothesis)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings

import gikai_minutes
from _helpers import MINUTES_LIKE
from gikai_minutes.export import (
    UTTERANCE_COLUMNS,
    ndl_records,
    poliinfo_records,
    tei_string,
    utterance_records,
    write_csv,
)

etree = pytest.importorskip("lxml.etree")
TEI = "{http://www.tei-c.org/ns/1.0}"


def xml_char(c: str) -> str:
    """``c`` if XML 1.0 can hold it (the ``Char`` production), else U+FFFD."""
    n = ord(c)
    ok = c in "\t\n\r" or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or n >= 0x10000
    return c if ok else "\ufffd"


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(MINUTES_LIKE)
def test_tei_is_well_formed_and_holds_every_utterance(text: str) -> None:
    meeting = gikai_minutes.parse(text)
    root = etree.fromstring(tei_string(meeting).encode("utf-8"))
    persons = {p.get("{http://www.w3.org/XML/1998/namespace}id") for p in root.iter(f"{TEI}person")}
    texts: dict[int, list[str]] = {}
    for u in root.iter(f"{TEI}u"):
        assert u.get("who")[1:] in persons
        texts.setdefault(int(u.get("n")), []).extend(s.text or "" for s in u.iter(f"{TEI}seg"))
    assert {i: "\n".join(t) for i, t in texts.items()} == {
        u.index: "".join(map(xml_char, u.text)) for u in meeting.utterances
    }


@SETTINGS
@given(MINUTES_LIKE)
def test_records_csv_ndl_and_poliinfo_agree(text: str) -> None:
    meeting = gikai_minutes.parse(text)
    records = list(utterance_records(meeting))
    assert [r["index"] for r in records] == list(range(len(meeting.utterances)))
    assert all(list(r) == [c.name for c in UTTERANCE_COLUMNS] for r in records)
    json.dumps(records, ensure_ascii=False)  # JSON-ready
    buffer = io.StringIO(newline="")
    assert write_csv(meeting, buffer) == len(records)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
    assert [row["text"] for row in rows] == [r["text"] for r in records]
    ndl = ndl_records(meeting)
    assert [r["speechOrder"] for r in ndl] == list(range(len(records) + 1))
    fm = meeting.front_matter.span
    assert ndl[0]["speech"] == meeting.source.text[fm.start : fm.end]
    for r in poliinfo_records(meeting):
        assert (
            r["Utterance"]
            in meeting.utterances[r["UtteranceIndex"]].paragraphs[r["Paragraph"]].text
        )
        assert r["QorA"] in ("", "質問", "答弁")
