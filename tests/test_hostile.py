"""Hostile input: no quadratic blow-ups, only documented errors, sane number bounds.

The growth guards parse each input family of ``benchmarks/bench_growth.py`` at two sizes
and require the larger (4× the bytes) to take less than a generous multiple of the
smaller: linear work takes about 4×, the quadratic shapes these guard against took 16×
and more. The reproducers of the hostile-input report are regression tests below.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import REPO, assert_tiles
from gikai_minutes.export import format_outline
from gikai_minutes.model._positions import LineTable


def _load_growth() -> object:
    spec = importlib.util.spec_from_file_location(
        "bench_growth", REPO / "benchmarks" / "bench_growth.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_growth"] = module
    spec.loader.exec_module(module)
    return module


growth = _load_growth()
FAMILIES: dict[str, tuple[Callable[[int], str], Callable[[str], object]]] = growth.FAMILIES  # type: ignore[attr-defined]
SMALL = 16 * 1024
#: 4× the bytes: linear ≈ 4×, quadratic ≈ 16×.
LARGE = 4 * SMALL
FACTOR = 9.0
#: Timer noise on runs of a few milliseconds.
SLACK = 0.03


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_grows_linearly(family: str) -> None:
    build, op = FAMILIES[family]
    if family == "diet" and not growth.DIET.is_dir():  # type: ignore[attr-defined]
        pytest.skip("../shared corpus is not present")
    small, large = build(SMALL), build(LARGE)
    ratio = len(large.encode()) / len(small.encode())
    t_small = _best(lambda: op(small))
    t_large = _best(lambda: op(large))
    assert t_large <= FACTOR / 4 * ratio * t_small + SLACK, (family, t_small, t_large)


# ---- Reproducers of the report: lenient parsing raises only documented errors ----------

OPENING = "地域公共交通の在り方に関する検討会（第４回）\n\n"
CHAIR_TURN = "【辻座長】 それでは、ただいまから検討会を開催いたします。\n"


def test_era_year_of_thirty_digits_is_an_invalid_date() -> None:
    meeting = gikai_minutes.parse(OPENING + "令和" + "9" * 30 + "年1月1日\n" + CHAIR_TURN)
    assert meeting.date is None
    assert meeting.date_text == "令和" + "9" * 30 + "年1月1日"
    assert "invalid-date" in {d.code for d in meeting.diagnostics}
    assert_tiles(meeting)


@pytest.mark.parametrize(("part", "digits"), [("month", 20), ("day", 13), ("year", 13)])
@pytest.mark.parametrize("numeral", ["1", "３", "一"])
@pytest.mark.parametrize("factor", [1, 400], ids=["short-line", "5000-digits"])
def test_date_with_an_implausible_number_is_no_date(
    part: str, digits: int, numeral: str, factor: int
) -> None:
    run = numeral * digits * factor
    line = {
        "year": f"令和{run}年５月１日",
        "month": f"令和６年{run}月１日",
        "day": f"令和６年５月{run}日",
    }
    meeting = gikai_minutes.parse(OPENING + line[part] + "\n" + CHAIR_TURN)
    assert meeting.date is None
    if factor == 1:  # a short date line is read, and its date does not exist
        assert meeting.date_text == line[part]
        assert "invalid-date" in {d.code for d in meeting.diagnostics}
    gikai_minutes.Meeting.from_json(meeting.to_json())


@pytest.mark.parametrize("hour", ["1" * 5000, "一" * 5000, "９" * 4400], ids=["1", "一", "９"])
def test_time_with_a_huge_hour_is_no_time(hour: str) -> None:
    text = OPENING + "令和６年５月１７日\n午後" + hour + "時開会\n" + CHAIR_TURN
    meeting = gikai_minutes.parse(text)
    assert meeting.front_matter.start_time is None
    assert str(meeting.date) == "2024-05-17"
    assert_tiles(meeting)


def test_time_line_in_a_turn_with_a_huge_hour_is_a_note() -> None:
    text = OPENING + CHAIR_TURN + "午後" + "1" * 5000 + "時散会\n"
    meeting = gikai_minutes.parse(text)
    assert [n.kind.value for n in meeting.notes] == ["time"]
    gikai_minutes.Meeting.from_json(meeting.to_json())


def test_deeply_nested_discussnet_lookalike_is_parsed_as_text() -> None:
    text = '{"tenant_minutes": ' + "[" * 100000
    meeting = gikai_minutes.parse(text)
    assert meeting.source.text == text
    assert_tiles(meeting)


def test_discussnet_with_a_deeply_nested_body_is_an_input_error() -> None:
    with pytest.raises(gikai_minutes.InputError):
        gikai_minutes.parse_discussnet('{"tenant_minutes": ' + "[" * 100000)


def test_discussnet_with_a_five_thousand_digit_integer_is_an_input_error() -> None:
    record = '{"tenant_minutes": [{"minute_id": ' + "7" * 5000 + ', "body": "<pre>x</pre>"}]}'
    with pytest.raises(gikai_minutes.InputError):
        gikai_minutes.parse_discussnet(record)


def _ndl(issue: str) -> str:
    speeches = [
        ("1", "○委員長（山田太郎君）　これより会議を開きます。"),
        ("2", "○佐藤委員　質問いたします。"),
    ]
    records = [
        {
            "issueID": "121304261X00120240517",
            "speechOrder": order,
            "speech": speech,
            "nameOfHouse": "衆議院",
            "nameOfMeeting": "国土交通委員会",
            "issue": issue,
        }
        for order, speech in speeches
    ]
    return json.dumps({"speechRecord": records}, ensure_ascii=False)


@pytest.mark.parametrize("digits", ["1" * 5000, "一" * 5000, "１" * 13], ids=["1", "一", "１"])
def test_ndl_issue_of_implausible_number_has_no_issue(digits: str) -> None:
    (meeting,) = gikai_minutes.parse_ndl(_ndl("第" + digits + "号"))
    assert meeting.front_matter.issue is None
    assert gikai_minutes.Meeting.from_json(meeting.to_json()) == meeting


def test_ndl_issue_of_plausible_number_is_read() -> None:
    (meeting,) = gikai_minutes.parse_ndl(_ndl("第１２号"))
    assert meeting.front_matter.issue == 12


@pytest.mark.parametrize("path", ["a\0b", "\ud800", "議事録\udcff.txt"])
def test_parse_file_with_an_unusable_path_is_an_input_error(path: str) -> None:
    with pytest.raises(gikai_minutes.InputError):
        gikai_minutes.parse_file(path)


def test_outline_of_many_exchanges_names_every_questioner() -> None:
    text = FAMILIES["outline_exchanges"][0](48 * 1024)
    meeting = gikai_minutes.parse(text)
    outline = format_outline(meeting)
    assert meeting.structure is not None
    assert len(meeting.structure.exchanges) > 100
    for e in meeting.structure.exchanges:
        assert meeting.speaker(e.questioner).label in outline


# ---- Hypothesis at scale: the Japanese-heavy alphabet and digit runs ---------------------

ALPHABET = "【】○◯〇◎◆（）〔〕「」、。０１２３４５６７８９君委員座長\n"
WORDS = st.sampled_from(
    ["委員", "座長", "君", "事務局", "午後", "時", "分", "開会", "散会", "日程第"]
)
DIGITS = st.integers(1, 40).map(lambda n: "1" * n) | st.integers(1, 40).map(lambda n: "９" * n)
HOSTILE = st.lists(st.text(alphabet=ALPHABET, max_size=8) | WORDS | DIGITS, max_size=30).map(
    "".join
)
DOCUMENTED = (gikai_minutes.GikaiMinutesError,)


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(HOSTILE)
def test_hostile_text_parses_tiles_round_trips_and_is_deterministic(text: str) -> None:
    try:
        meeting = gikai_minutes.parse(text)
    except DOCUMENTED:
        return
    assert_tiles(meeting)
    assert gikai_minutes.Meeting.from_json(meeting.to_json()) == meeting
    assert gikai_minutes.parse(text) == meeting


LONG_DIGITS = st.integers(1, 6000).map(lambda n: "1" * n)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["令和", "第", "午後", "令和６年", "令和６年５月", ""]), LONG_DIGITS)
def test_long_digit_runs_in_dates_times_and_issues_parse(prefix: str, digits: str) -> None:
    text = f"{OPENING}{prefix}{digits}年５月１７日\n午後{digits}時開会\n第{digits}号\n{CHAIR_TURN}"
    meeting = gikai_minutes.parse(text)
    assert_tiles(meeting)
    gikai_minutes.Meeting.from_json(meeting.to_json())


# ---- The line table: offsets, made on access for dense texts ---------------------------


def _reference_lines(text: str) -> list[tuple[int, int, int, int]]:
    out, start, number = [], 0, 1
    for m in re.finditer(r"\r\n|\r|\n", text):
        out.append((number, start, m.start(), m.end()))
        start, number = m.end(), number + 1
    out.append((number, start, len(text), len(text)))
    return out


LINE_TEXT = st.lists(
    st.sampled_from(["\n", "\r\n", "\r", "議事録", "　", "x" * 30, "\f"]), max_size=40
).map("".join)


@settings(max_examples=300)
@given(LINE_TEXT, st.integers(0, 50), st.integers(0, 50))
def test_line_table_matches_a_plain_split(text: str, a: int, b: int) -> None:
    table = LineTable(text)
    expected = _reference_lines(text)
    assert [tuple(line) for line in table.lines] == expected
    assert [tuple(table.lines[i]) for i in range(len(expected))] == expected
    assert [tuple(line) for line in table.lines[a:b]] == expected[a:b]
    for number, start, end, _ in expected:
        assert table.line_of(start) == number
        assert table.line_of(end) == number


# ---- One vocabulary: directions and agenda lines --------------------------------------


def test_parenthesised_stenography_direction_is_a_note_not_speech() -> None:
    text = (
        OPENING
        + "【辻座長】 それでは、速記を止めてください。（速記中止）\n"
        + "【辻座長】 速記を起こしてください。再開いたします。\n"
    )
    meeting = gikai_minutes.parse(text)
    assert [n.text for n in meeting.notes] == ["（速記中止）"]
    assert meeting.utterances[0].text == "それでは、速記を止めてください。"


def test_agenda_item_wrapped_over_many_lines_is_one_item() -> None:
    wrapped = ["地域公共交通計画の見直しについて"] * 3
    text = (
        "地域公共交通の在り方に関する検討会（第４回）\n令和６年５月１７日\n議事次第\n"
        + "１．（報告事項\n"
        + "\n".join(wrapped)
        + "）\n２．その他\n"
        + CHAIR_TURN
    )
    meeting = gikai_minutes.parse(text)
    assert meeting.front_matter.agenda == ("１．（報告事項" + "".join(wrapped) + "）", "２．その他")


MINUTES_CP932 = "第２回　地域福祉推進委員会\n\n【石川委員長】 ただいまから開会します。\n".encode(
    "cp932"
)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("undefined", MINUTES_CP932),
        ("punycode", MINUTES_CP932),
        ("base64", MINUTES_CP932),
        ("rot13", MINUTES_CP932),
        ("utf-7", b"+2D0-\n"),  # decodes to a lone surrogate
        ("no-such-codec", MINUTES_CP932),
        ("cp932\x00", MINUTES_CP932),
    ],
)
def test_named_encodings_that_cannot_give_text_are_decode_errors(
    encoding: str, data: bytes, tmp_path: Path
) -> None:
    with pytest.raises(gikai_minutes.DecodeError):
        gikai_minutes.parse(data, encoding=encoding)
    path = tmp_path / "minutes.txt"
    path.write_bytes(data)
    with pytest.raises(gikai_minutes.DecodeError):
        gikai_minutes.parse_file(path, encoding)


def test_named_text_encoding_still_decodes() -> None:
    meeting = gikai_minutes.parse(MINUTES_CP932, encoding="shift_jis")
    assert meeting.source.encoding == "shift_jis"
    assert meeting.utterances[0].speaker.role == "委員長"
