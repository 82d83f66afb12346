"""Unit tests of the small pipeline stages: numerals, dates, roles, fixes, lines."""

from __future__ import annotations

import datetime

import pytest

from gikai_minutes._read.fixes import FixSites, fix_line
from gikai_minutes._text.dates import find_date
from gikai_minutes._text.lexicon import DEFAULT_LEXICON
from gikai_minutes._text.numerals import parse_number
from gikai_minutes.model._positions import LineTable


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10", 10), ("１０", 10), ("十", 10), ("三十一", 31), ("二〇二三", 2023),
        ("元", 1), ("百二", 102), ("千九百八十九", 1989), ("七", 7), ("", None), ("x", None),
        ("十十", 20), ("三三十", None),
    ],
)  # fmt: skip
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value", "printed"),
    [
        ("令和5年3月30日", datetime.date(2023, 3, 30), "令和5年3月30日"),
        ("令和元年７月26日（金）14：00～15：56", datetime.date(2019, 7, 26), "令和元年７月26日"),
        ("令和六年七月三十日（火曜日）", datetime.date(2024, 7, 30), "令和六年七月三十日"),
        ("平成31年4月30日", datetime.date(2019, 4, 30), "平成31年4月30日"),
        ("昭和64年1月7日", datetime.date(1989, 1, 7), "昭和64年1月7日"),
        ("開催日 2023年 3月 30日", datetime.date(2023, 3, 30), "2023年 3月 30日"),
        ("令和5年2月30日", None, "令和5年2月30日"),
    ],
)
def test_find_date(text: str, value: datetime.date | None, printed: str) -> None:
    found = find_date(text)
    assert found is not None
    assert found.value == value
    assert found.text == printed
    assert text[found.start : found.end] == printed


def test_find_date_none() -> None:
    assert find_date("第10回研究会") is None


@pytest.mark.parametrize(
    ("label", "name", "role", "honorific"),
    [
        ("辻座長", "辻", "座長", None),
        ("山田 太郎 委員", "山田 太郎", "委員", None),
        ("山田　太郎　委員", "山田　太郎", "委員", None),
        ("佐藤副委員長", "佐藤", "副委員長", None),
        ("鈴木委員長", "鈴木", "委員長", None),
        ("江口理事官", "江口", "理事官", None),
        ("委員", None, "委員", None),
        ("事務局", None, "事務局", None),
        ("星埜様", "星埜", None, "様"),
        ("熊谷", None, None, None),
    ],
)
def test_role_split(label: str, name: str | None, role: str | None, honorific: str | None) -> None:
    parts = DEFAULT_LEXICON.split(label)
    assert (parts.name, parts.role, parts.honorific) == (name, role, honorific)


@pytest.mark.parametrize(
    ("text", "cleaned", "rules"),
    [
        ("現在、k i n t o n e の活用", "現在、kintoneの活用", ["spaced_latin"]),
        ("G r a f f e r 社", "Graffer社", ["spaced_latin"]),
        ("T o - B eが", "To-Beが", ["spaced_latin"]),
        ("北海道 Society 5.0 推進計画", "北海道 Society 5.0 推進計画", []),
        ("a b", "a b", []),
        ("Plan A B C", "Plan A B C", []),
        ("ＩＣＴ職の１３ページ", "ICT職の13ページ", ["fullwidth_alnum", "fullwidth_alnum"]),
        ("ﾃﾞｼﾞﾀﾙ化", "デジタル化", ["halfwidth_katakana"]),
        ("14：00～15：56　－３－", "14：00～15：56　－3－", ["fullwidth_alnum"]),
    ],
)
def test_fix_line(text: str, cleaned: str, rules: list[str]) -> None:
    out, fixes = fix_line(text, 100, 5)
    assert out == cleaned
    assert [f.rule for f in fixes] == rules
    for f in fixes:
        assert text[f.span.start - 100 : f.span.end - 100] == f.original
        assert f.span.first_line == f.span.last_line == 5


def test_fix_sites_find_candidates() -> None:
    text = "あいう k i n t o n e えお ＡＢ"
    sites = FixSites(text)
    assert sites.any_in(0, len(text))
    assert not sites.any_in(0, 4)
    assert not FixSites("日本語だけ。 Society 5.0").any_in(0, 100)


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\r\nb\rc\n\nd", "\n\n", "x\ny"])
def test_line_table_covers_text(text: str) -> None:
    table = LineTable(text)
    pos = 0
    for n, line in enumerate(table.lines, 1):
        assert line.number == n
        assert line.start == pos
        assert line.start <= line.end <= line.next
        assert "\n" not in text[line.start : line.end]
        assert "\r" not in text[line.start : line.end]
        pos = line.next
    assert pos == len(text)
    for offset in range(len(text)):
        line = table.lines[table.line_of(offset) - 1]
        assert line.start <= offset < max(line.next, line.start + 1)
