"""Behaviour of parse() on small constructed documents: headers, errors, decoding."""

from __future__ import annotations

from pathlib import Path

import pytest

import gikai_minutes
from _helpers import assert_tiles
from gikai_minutes.model import Severity

DOC = (
    "研究会（第２回）\n\n令和元年5月1日\n\n"
    "【山田座長】 開会します。\n\n【佐藤 花子 委員】質問です。\n"
)


def codes(meeting: gikai_minutes.Meeting) -> list[str]:
    return [d.code for d in meeting.diagnostics]


def test_small_document() -> None:
    m = gikai_minutes.parse(DOC)
    assert m.session == 2
    assert m.date is not None
    assert m.date.isoformat() == "2019-05-01"
    assert [(u.speaker.name, u.speaker.role, u.text) for u in m.utterances] == [
        ("山田", "座長", "開会します。"),
        ("佐藤 花子", "委員", "質問です。"),
    ]
    assert m.utterances[1].speaker.id == "佐藤花子委員"
    assert_tiles(m)


@pytest.mark.parametrize("sep", ["", " ", "\u3000", "  "])
def test_header_separators(sep: str) -> None:
    m = gikai_minutes.parse(f"【辻座長】{sep}それでは。\n")
    assert m.utterances[0].text == "それでは。"
    assert m.utterances[0].header_span.end == len("【辻座長】") + len(sep)


def test_own_line_header_text_below() -> None:
    m = gikai_minutes.parse("【松田IT担当大臣】\nそれでは始めます。\n続けます。\n")
    u = m.utterances[0]
    # issue 8: the office compound is the role, the surname before it the name
    assert (u.speaker.name, u.speaker.role) == ("松田", "IT担当大臣")
    assert u.text == "それでは始めます。続けます。"


def test_same_speaker_spaced_and_joined_is_one_speaker() -> None:
    m = gikai_minutes.parse("【山田 太郎 委員】 a。\n【山田太郎委員】 b。\n")
    assert len(m.speakers) == 1
    assert m.utterances[0].speaker is m.utterances[1].speaker


def test_unknown_role_kept_whole_with_diagnostic() -> None:
    m = gikai_minutes.parse("【熊谷】 発言します。\n")
    s = m.utterances[0].speaker
    assert (s.label, s.name, s.role) == ("熊谷", None, None)
    d = next(d for d in m.diagnostics if d.code == "unknown-role")
    assert (d.line, d.severity) == (1, Severity.WARNING)


@pytest.mark.parametrize("label", ["資料１", "代理出席", "page:3", "参考資料２", "注"])
def test_false_friends_are_not_headers(label: str) -> None:
    m = gikai_minutes.parse(f"【辻座長】 はい。\n【{label}】 と書かれたもの。\n")
    assert len(m.utterances) == 1
    u = m.utterances[0]
    assert f"【{label}】" in m.source.text[u.span.start : u.span.end]
    assert u.text.endswith("】 と書かれたもの。")
    rejected = [d for d in m.diagnostics if d.code == "rejected-header"]
    assert [(d.line, d.severity) for d in rejected] == [(2, Severity.INFO)]


def test_malformed_header_becomes_unparsed_block() -> None:
    text = "【辻座長】 はい。\n【田中委員 閉じていない\n続き。\n【辻座長】 次へ。\n"
    m = gikai_minutes.parse(text)
    assert len(m.utterances) == 2
    assert len(m.unparsed) == 1
    assert m.unparsed[0].text == "【田中委員 閉じていない\n続き。\n"
    assert m.unparsed[0].span.first_line == 2
    d = next(d for d in m.diagnostics if d.code == "malformed-header")
    assert (d.line, d.severity) == (2, Severity.WARNING)
    assert_tiles(m)
    with pytest.raises(gikai_minutes.ParseError) as exc:
        gikai_minutes.parse(text, strict=True)
    assert (exc.value.line, exc.value.code) == (2, "malformed-header")


def test_no_headers_is_kept_unparsed() -> None:
    text = "ただの文章です。\n見出しはありません。\n"
    m = gikai_minutes.parse(text)
    assert m.utterances == ()
    assert m.unparsed[0].text == text
    assert "no-speaker-headers" in codes(m)
    assert_tiles(m)
    with pytest.raises(gikai_minutes.ParseError, match="no speaker header"):
        gikai_minutes.parse(text, strict=True)


@pytest.mark.parametrize("text", ["", "   \n\n\u3000"])
def test_empty_input(text: str) -> None:
    m = gikai_minutes.parse(text)
    assert m.utterances == ()
    assert codes(m) == ["empty-input"]
    assert_tiles(m)
    with pytest.raises(gikai_minutes.EmptyInputError):
        gikai_minutes.parse(text, strict=True)


def test_invalid_date_is_diagnosed() -> None:
    m = gikai_minutes.parse("会議\n令和5年2月30日\n【辻座長】 はい。\n")
    assert m.date is None
    assert m.date_text == "令和5年2月30日"
    d = next(d for d in m.diagnostics if d.code == "invalid-date")
    assert d.line == 2


def test_crlf_and_cr() -> None:
    for nl in ("\r\n", "\r"):
        m = gikai_minutes.parse(DOC.replace("\n", nl))
        assert [u.text for u in m.utterances] == ["開会します。", "質問です。"]
        assert m.utterances[1].header_span.first_line == 7
        assert_tiles(m)


def test_unknown_dialect() -> None:
    with pytest.raises(gikai_minutes.UnknownDialectError):
        gikai_minutes.parse(DOC, dialect="nope")
    assert issubclass(gikai_minutes.UnknownDialectError, gikai_minutes.GikaiMinutesError)


def test_parse_rejects_other_types() -> None:
    with pytest.raises(TypeError):
        gikai_minutes.parse(123)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("cp932", b""),
        ("shift_jis", b""),
        ("utf-16", b""),
    ],
)
def test_parse_file_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "m.txt"
    path.write_bytes(prefix + DOC.replace("\n", "\r\n").encode(encoding))
    m = gikai_minutes.parse_file(path)
    assert [u.speaker.label for u in m.utterances] == ["山田座長", "佐藤 花子 委員"]
    assert m.source.name == str(path)
    assert m.source.encoding in {"utf-8", "utf-8-sig", "cp932", "utf-16"}


def test_parse_bytes_and_binary() -> None:
    assert len(gikai_minutes.parse(DOC.encode("cp932")).utterances) == 2
    with pytest.raises(gikai_minutes.DecodeError, match="binary"):
        gikai_minutes.parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(gikai_minutes.DecodeError, match="cannot decode"):
        gikai_minutes.parse(b"\x82\xa0\xff\xfe\x80\x81 " * 3)


def test_parse_file_missing(tmp_path: Path) -> None:
    with pytest.raises(gikai_minutes.InputError, match="nothere"):
        gikai_minutes.parse_file(tmp_path / "nothere.txt")


def test_strict_passes_clean_document(seed_text: str) -> None:
    assert len(gikai_minutes.parse(seed_text, strict=True).utterances) == 101


def test_public_api_is_exported() -> None:
    for name in gikai_minutes.__all__:
        assert hasattr(gikai_minutes, name), name
    assert "parse" in gikai_minutes.__all__


def test_title_and_date_on_one_line() -> None:
    m = gikai_minutes.parse("研究会（第1回）　令和5年3月30日\n【辻座長】 はい。\n")
    assert (m.title, m.session, m.date_text) == ("研究会（第1回）", 1, "令和5年3月30日")


@pytest.mark.parametrize("text", ["令和0年1月1日", "令和元年4月30日", "平成32年1月1日"])
def test_dates_outside_their_era_are_invalid(text: str) -> None:
    m = gikai_minutes.parse(f"会議\n{text}\n【辻座長】 はい。\n")
    assert m.date is None
    assert m.date_text == text
    assert "invalid-date" in codes(m)


def test_bom_inside_str_does_not_hide_the_first_header() -> None:
    m = gikai_minutes.parse("\ufeff【辻座長】 はい。\n")
    assert [u.speaker.label for u in m.utterances] == ["辻座長"]
    assert_tiles(m)


def test_json_round_trip_with_times_and_rosters() -> None:
    text = "会議\n令和元年７月26日（金）14：00～15：56\n委員：山田 太郎、川口 花子\n【山田委員】 はい。\n"
    m = gikai_minutes.parse(text)
    assert m.front_matter.start_time is not None
    assert m.front_matter.end_time is not None
    data = m.to_json()
    assert '"start_time": "14:00:00"' in data
    assert gikai_minutes.Meeting.from_json(data) == m
