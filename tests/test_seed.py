"""Exact expectations on the seed document (総務省 研究会 第10回).

Counts and positions were taken from the document itself (``grep -n '^【'`` and reading),
not from the parser's output.
"""

from __future__ import annotations

import datetime
import re

import gikai_minutes
from _helpers import assert_tiles

# Header labels in order of first appearance, with their turn counts (grep -c per label).
SPEAKERS = [
    ("辻座長", "辻", "座長", 31),
    ("星埜課長", "星埜", "課長", 9),
    ("田中委員", "田中", "委員", 9),
    ("太田委員", "太田", "委員", 4),
    ("権丈委員", "権丈", "委員", 6),
    ("片山委員", "片山", "委員", 4),
    ("森本委員", "森本", "委員", 2),
    ("所局長", "所", "局長", 10),
    ("矢島委員", "矢島", "委員", 5),
    ("松尾委員", "松尾", "委員", 2),
    ("佐々木委員", "佐々木", "委員", 4),
    ("久芳課長", "久芳", "課長", 7),
    ("石崎係長", "石崎", "係長", 5),
    ("飯島委員", "飯島", "委員", 2),
    ("江口理事官", "江口", "理事官", 1),
]


def test_front_matter(seed: gikai_minutes.Meeting) -> None:
    assert seed.title == "ポスト・コロナ期の地方公務員のあり方に関する研究会（第10回）"
    assert seed.body_name == "ポスト・コロナ期の地方公務員のあり方に関する研究会"
    assert seed.session == 10
    assert seed.date == datetime.date(2023, 3, 30)
    assert seed.date_text == "令和5年3月30日"
    assert [i.kind for i in seed.front_matter.items] == ["title", "date"]
    assert seed.front_matter.span.start == 0
    assert seed.front_matter.span.end == seed.utterances[0].header_span.start


def test_utterance_count_and_order(seed: gikai_minutes.Meeting, seed_text: str) -> None:
    assert len(seed.utterances) == 101
    assert [u.index for u in seed.utterances] == list(range(101))
    header_lines = [n for n, line in enumerate(seed_text.split("\n"), 1) if line.startswith("【")]
    assert [u.header_span.first_line for u in seed.utterances] == header_lines
    assert seed.utterances[0].header_span.first_line == 7
    assert seed.utterances[1].header_span.first_line == 21
    assert seed.utterances[-1].header_span.first_line == 795
    assert seed.utterances[-1].speaker.label == "辻座長"
    assert seed.utterances[-2].speaker.label == "江口理事官"


def test_speakers(seed: gikai_minutes.Meeting) -> None:
    got = [(s.label, s.name, s.role, len(seed.utterances_by(s.id))) for s in seed.speakers]
    assert got == SPEAKERS
    assert all(s.honorific is None for s in seed.speakers)
    assert sum(1 for s in seed.speakers if s.role == "委員") == 9


def test_no_diagnostics_above_info(seed: gikai_minutes.Meeting) -> None:
    assert [
        d for d in seed.diagnostics if d.severity is not gikai_minutes.model.Severity.INFO
    ] == []
    assert seed.unparsed == ()
    assert seed.dialect == "bracket"


def test_first_utterance_text(seed: gikai_minutes.Meeting) -> None:
    first = seed.utterances[0]
    assert first.text.startswith("それでは、定刻となりましたので、")
    assert len(first.paragraphs) == 7
    assert first.paragraphs[-1].text.endswith("よろしくお願いいたします。")
    # The header and the one space after it are not part of the text.
    assert seed.source.text[first.header_span.start : first.header_span.end] == "【辻座長】 "


def test_page_break_sentence_rejoined(seed: gikai_minutes.Meeting) -> None:
    # Line 193 ends "…かなり若い人を抜擢", a blank line, then "することが可能となります。".
    u = next(u for u in seed.utterances if "抜擢" in u.text)
    assert u.header_span.first_line == 193
    para = next(p for p in u.paragraphs if "抜擢" in p.text)
    assert "課長職にかなり若い人を抜擢することが可能となります。" in para.text
    assert para.span.first_line == 193
    joins = [f for f in u.fixes if f.rule == "page_break_join"]
    assert any(f.span.first_line == 193 and f.original == "\n\n" for f in joins)
    # Hard-wrapped lines are joined without a space: "オフア" + "ーできる".
    assert "魅力的な給与水準でオフアーできる可能性" in u.text


def test_real_paragraph_breaks_kept(seed: gikai_minutes.Meeting) -> None:
    u = seed.utterances[0]
    assert u.paragraphs[0].text.endswith("研究会を開催いたします。")
    assert u.paragraphs[1].text.startswith("前回の研究会におきましては")
    assert "\n" not in u.paragraphs[0].text


def test_spaced_latin_repaired(seed: gikai_minutes.Meeting) -> None:
    texts = "\n".join(u.text for u in seed.utterances)
    assert "k i n t o n e" not in texts
    assert "G r a f f e r" not in texts
    assert "kintoneの活用を進めております" in texts
    assert "Graffer社の電子申請サービス" in texts
    assert "To-Beが明確でない" in texts
    assert "As-Isを理解せずに" in texts
    assert "北海道 Society 5.0 推進" in texts
    fixes = [f for u in seed.utterances for f in u.fixes if f.rule == "spaced_latin"]
    # 23 spaced-out words in the source (grep -o): 'k i n t o n e' x16, 'T o - B e' x3,
    # 'A s - I s' x2, 'G r a f f e r' and 'C a n - B e' once each.
    originals = [f.original.strip() for f in fixes]
    assert len(originals) == 23
    assert originals.count("k i n t o n e") == 16
    assert originals.count("G r a f f e r") == 1
    assert originals.count("T o - B e") == 3
    assert originals.count("A s - I s") == 2
    assert originals.count("C a n - B e") == 1
    # 'Pol i Pol i' (PoliPoli, between Japanese text) has lone letters cut off its words:
    # joined, and recorded as its own kind of fix.
    assert "Pol i Pol i" not in texts
    assert "、PoliPoliという東京のベンチャー企業" in texts
    partly = [f for u in seed.utterances for f in u.fixes if f.rule == "partly_spaced_latin"]
    assert [(f.original, f.replacement) for f in partly] == [("Pol i Pol i", "PoliPoli")]
    for f in fixes:
        assert seed.source.text[f.span.start : f.span.end] == f.original


def test_fixes_trace_back_to_source(seed: gikai_minutes.Meeting) -> None:
    """Undoing every recorded fix and join rule gives back the stripped source lines."""
    src = seed.source.text
    for u in seed.utterances:
        rebuilt = []
        for p in u.paragraphs:
            raw = src[p.span.start : p.span.end]
            for f in sorted(u.fixes, key=lambda f: -f.span.start):
                if p.span.start <= f.span.start and f.span.end <= p.span.end:
                    a, b = f.span.start - p.span.start, f.span.end - p.span.start
                    raw = raw[:a] + f.replacement + raw[b:]
            rebuilt.append(re.sub(r"[ \u3000]*\n[ \u3000]*", "", raw))
        assert rebuilt == [p.text for p in u.paragraphs]


def test_tiling(seed: gikai_minutes.Meeting) -> None:
    assert_tiles(seed)
    kinds = [s.kind for s in seed.segments()]
    assert kinds[0] is gikai_minutes.model.SegmentKind.FRONT_MATTER
    assert kinds.count(gikai_minutes.model.SegmentKind.HEADER) == 101
    assert kinds.count(gikai_minutes.model.SegmentKind.UTTERANCE) == 101


def test_source_checksum(seed: gikai_minutes.Meeting, seed_text: str) -> None:
    import hashlib

    digest = hashlib.sha256(seed_text.encode("utf-8")).hexdigest()
    assert seed.source.checksum == f"sha256:{digest}"


def test_json_round_trip(seed: gikai_minutes.Meeting) -> None:
    data = seed.to_json()
    assert '"schema_version": 1' in data
    assert gikai_minutes.Meeting.from_json(data) == seed
    assert gikai_minutes.Meeting.from_dict(seed.to_dict()) == seed
