"""Acceptance tests on municipal assembly minutes (../shared/corpus/local).

* Katsushika and Meguro (UTF-8 text, CRLF): the complete list of speech headers was derived
  by hand — every line starting with a mark was read in context — and pinned in
  ``corpus_expected/<name>.json`` together with the lines of stage directions, time stamps,
  rules, headings and the attendance rosters. The parser must find exactly those headers.
* Hakodate (DiscussNet JSON): one speech per record after the roster record; read with
  ``parse_discussnet``.
* Robustness: random mutations of windows of real documents never crash the parser and never
  lose a character. ``GIKAI_MUTATIONS=10000`` raises the number of examples for a long run.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import (
    DIET_DIR,
    DIET_FILES,
    LOCAL_DIR,
    PAREN_LINE,
    SEED,
    SEPARATOR_LINE,
    TIME_LINE,
    assert_tiles,
    diet_meetings,
    discussnet_data,
    expected,
    first_difference,
    label_core,
    local_lines,
    local_text,
    note_lines,
    notes_of_kind,
    nows,
    require,
    words,
)

TEXT_FILES = ("katsushika_2025-02-14", "meguro_2025-02-17")
DISCUSSNET_FILE = "hakodate_2024-02-22_discussnet.json"

require(*(LOCAL_DIR / f"{name}.txt" for name in TEXT_FILES), LOCAL_DIR / DISCUSSNET_FILE)

per_file = pytest.mark.parametrize("name", TEXT_FILES)
HEADING_LINE = re.compile(r"[\s]*◎.*")


@functools.cache
def parsed(name: str) -> Any:
    """One local text file through ``parse_file``, once per session."""
    return gikai_minutes.parse_file(LOCAL_DIR / f"{name}.txt")


def pinned(name: str) -> Any:
    return expected(f"{name}.json")


def _after_first_header(name: str, lines: list[int]) -> list[int]:
    first = pinned(name)["headers"][0]["line"]
    return [line for line in lines if line > first]


_Z2H = str.maketrans("０１２３４５６７８９", "0123456789")


def _line_starts(text: str) -> list[int]:
    """Offsets at which lines 1, 2, … of a CRLF text start."""
    starts = [0]
    for match in re.finditer("\r\n", text):
        starts.append(match.end())
    return starts


# --- the pinned data still describes the files --------------------------------------------


@per_file
def test_pinned_expectations_match_the_file(name: str) -> None:
    """Guards the hand-made lists against a changed corpus file (passes without the parser)."""
    exp = pinned(name)
    raw = (LOCAL_DIR / f"{name}.txt").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\n") == raw.count(b"\r\n") == raw.count(b"\r")
    lines = local_lines(f"{name}.txt")
    assert len(lines) == exp["line_count"]
    for header in exp["headers"]:
        line = lines[header["line"] - 1]
        assert line.startswith(header["header"] + "　"), header
    for rejected in exp["rejected"]:
        assert nows(lines[rejected["line"] - 1]) == rejected["text"], rejected
    marked = [i for i, line in enumerate(lines, 1) if re.match(r"[\s]*[○〇◯◎◆◇]", line)]
    listed = [h["line"] for h in exp["headers"]] + [r["line"] for r in exp["rejected"]]
    assert sorted(listed) == marked, "every marked line is either a header or rejected"
    assert len(exp["stage_directions"]) == local_text(f"{name}.txt").count("〔")
    for number in exp["stage_directions"]:
        assert re.fullmatch(r"[\s]*〔[^〔〕]*〕", lines[number - 1]), number
    for number in exp["time_lines"]:
        assert TIME_LINE.fullmatch(lines[number - 1]), number
    for number in exp["separators"]:
        assert SEPARATOR_LINE.fullmatch(lines[number - 1]), number
    for number in exp["headings"]:
        assert HEADING_LINE.fullmatch(lines[number - 1]), number
    for number in exp["parenthesised_lines"]:
        assert PAREN_LINE.fullmatch(lines[number - 1]), number
    for number in exp["closing_lines"]:
        assert number > exp["time_lines"][-1], number
        assert re.match(r"[\s]*(議[\s]*長|署名議員)", lines[number - 1]), number
    for key in ("present", "absent"):
        assert len(exp[key]["names"]) == int(
            re.search(r"[（(]([０-９0-9]+)名[）)]", exp[key]["group"]).group(1).translate(_Z2H)
        )


# --- headers ------------------------------------------------------------------------------


@per_file
def test_exactly_the_pinned_headers(name: str) -> None:
    """No missed and no false headers: (line, label) of every utterance, in order."""
    exp = pinned(name)
    got = [(u.header_span.first_line, label_core(u.speaker.label)) for u in parsed(name).utterances]
    want = [(h["line"], label_core(h["header"])) for h in exp["headers"]]
    missed = sorted(set(want) - set(got))
    false = sorted(set(got) - set(want))
    assert got == want, f"missed headers: {missed[:10]}\nfalse headers: {false[:10]}"


@per_file
def test_headers_start_at_the_mark(name: str) -> None:
    exp = pinned(name)
    result = parsed(name)
    starts = _line_starts(result.source.text)
    assert len(result.utterances) == len(exp["headers"])
    for i, (utterance, header) in enumerate(zip(result.utterances, exp["headers"], strict=True)):
        assert utterance.index == i
        assert utterance.header_span.start == starts[header["line"] - 1], header
        assert result.source.text[utterance.header_span.start] == "○"


@per_file
def test_speaker_fields(name: str) -> None:
    """name, role, honorific and seat number of every header, as printed."""
    exp = pinned(name)
    result = parsed(name)
    assert len(result.utterances) == len(exp["headers"])
    problems = []
    for utterance, header in zip(result.utterances, exp["headers"], strict=True):
        speaker = utterance.speaker
        got = {
            "name": nows(speaker.name),
            "role": nows(speaker.role),
            "honorific": speaker.honorific,
            "seat": speaker.seat,
        }
        want = {key: header[key] for key in got}
        if got != want:
            problems.append(f"line {header['line']} {header['header']}: {got} != {want}")
    assert not problems, "\n".join(problems[:10])


@per_file
def test_same_person_same_speaker(name: str) -> None:
    exp = pinned(name)
    result = parsed(name)
    by_label: dict[str, set[str]] = {}
    for utterance, header in zip(result.utterances, exp["headers"], strict=True):
        by_label.setdefault(nows(header["header"]), set()).add(utterance.speaker.id)
    assert all(len(ids) == 1 for ids in by_label.values()), by_label
    assert len({next(iter(ids)) for ids in by_label.values()}) == len(by_label)


@per_file
def test_rejected_header_like_lines_are_reported(name: str) -> None:
    """``○議事日程`` is header-shaped but opens no speech: a diagnostic (or heading note)."""
    result = parsed(name)
    for rejected in pinned(name)["rejected"]:
        if not rejected["text"].startswith("○"):
            continue
        line = rejected["line"]
        assert line not in {u.header_span.first_line for u in result.utterances}
        diagnosed = any(d.line == line for d in result.diagnostics)
        assert diagnosed or line in note_lines(result, "heading"), rejected


# --- what is not speech -------------------------------------------------------------------


@per_file
def test_time_lines_become_time_notes(name: str) -> None:
    result = parsed(name)
    lines = local_lines(f"{name}.txt")
    wanted = _after_first_header(name, pinned(name)["time_lines"])
    assert wanted
    assert set(wanted) <= note_lines(result, "time")
    for number in wanted:
        stamp = nows(lines[number - 1]).lstrip("〇")
        assert all(stamp not in nows(u.text) for u in result.utterances), stamp


@per_file
def test_stage_directions_become_notes(name: str) -> None:
    """Every 〔…〕 line (登壇, 異議なし, 資料編参照) is a stage_direction note, not text."""
    result = parsed(name)
    wanted = pinned(name)["stage_directions"]
    got = note_lines(result, "stage_direction")
    assert not set(wanted) - got, f"not stage_direction notes: {sorted(set(wanted) - got)}"
    lines = local_lines(f"{name}.txt")
    tozan = [n for n in wanted if "登壇" in lines[n - 1]]
    assert tozan
    assert set(tozan) <= got
    for utterance in result.utterances:
        assert "〔" not in utterance.text, utterance.index
        assert "〕" not in utterance.text, utterance.index


@per_file
def test_parenthesised_asides_are_not_speech(name: str) -> None:
    """Own-line asides such as （…事務局長朗読） are notes, not words of the chair."""
    result = parsed(name)
    lines = local_lines(f"{name}.txt")
    wanted = _after_first_header(name, pinned(name)["parenthesised_lines"])
    got = note_lines(result, "stage_direction") | note_lines(result, "other")
    assert set(wanted) <= got
    for number in wanted:
        aside = nows(lines[number - 1])
        assert all(aside not in nows(u.text) for u in result.utterances), aside


@per_file
def test_separators_become_notes(name: str) -> None:
    result = parsed(name)
    wanted = _after_first_header(name, pinned(name)["separators"])
    assert wanted
    assert set(wanted) <= note_lines(result, "separator")
    for utterance in result.utterances:
        assert not any(SEPARATOR_LINE.fullmatch(x) for x in utterance.text.split("\n"))


def test_meguro_headings_become_notes() -> None:
    result = parsed("meguro_2025-02-17")
    wanted = pinned("meguro_2025-02-17")["headings"]
    assert len(wanted) == 5
    assert set(wanted) <= note_lines(result, "heading")
    for utterance in result.utterances:
        assert "◎" not in utterance.text


@per_file
def test_words_of_every_speech(name: str) -> None:
    """Utterance text = the lines up to the next header, without header, notes and closing."""
    exp = pinned(name)
    result = parsed(name)
    lines = local_lines(f"{name}.txt")
    assert len(result.utterances) == len(exp["headers"])
    skip = set(exp["closing_lines"])
    drop = (SEPARATOR_LINE, TIME_LINE, PAREN_LINE, HEADING_LINE)
    ends = [h["line"] for h in exp["headers"][1:]] + [len(lines) + 1]
    problems = []
    for utterance, header, end in zip(result.utterances, exp["headers"], ends, strict=True):
        body = [lines[header["line"] - 1][len(header["header"]) :]]
        body += [lines[n - 1] for n in range(header["line"] + 1, end) if n not in skip]
        want = words("\n".join(body), drop_lines=drop)
        got = words(utterance.text, drop_lines=drop)
        if got != want:
            problems.append(f"line {header['line']}: {first_difference(want, got)}")
    assert not problems, f"{len(problems)} utterances differ:\n" + "\n".join(problems[:5])


@per_file
def test_lossless(name: str) -> None:
    result = parsed(name)
    text = local_text(f"{name}.txt")
    assert result.source.text == text
    assert_tiles(result, text)
    assert result.unparsed == ()


@per_file
def test_front_matter(name: str) -> None:
    exp = pinned(name)
    result = parsed(name)
    assert result.date == datetime.date.fromisoformat(exp["date"])
    hours, minutes = map(int, exp["start_time"].split(":"))
    assert result.front_matter.start_time == datetime.time(hours, minutes)
    first_header = _line_starts(result.source.text)[exp["headers"][0]["line"] - 1]
    assert result.front_matter.span.start == 0
    assert result.front_matter.span.end <= first_header
    rosters = {nows(r.group): r for r in result.front_matter.rosters}
    for key, label in (("present", "出席議員"), ("absent", "欠席議員")):
        matching = [g for g in rosters if label in g]
        assert len(matching) == 1, list(rosters)
        people = [nows(p.name) for p in rosters[matching[0]].people]
        assert people == exp[key]["names"], key


# --- DiscussNet (Hakodate) ----------------------------------------------------------------


def _body_inner(record: dict[str, Any]) -> str:
    body: str = record["body"]
    assert body.startswith("<pre>")
    assert body.endswith("</pre>")
    return body[len("<pre>") : -len("</pre>")]


@functools.cache
def parsed_discussnet() -> Any:
    return gikai_minutes.parse_discussnet(discussnet_data())


def test_discussnet_pinned_expectations_match_the_file() -> None:
    exp = pinned("hakodate_2024-02-22_discussnet")
    records = discussnet_data()["tenant_minutes"]
    assert len(records) == exp["records"]
    assert records[0]["minute_type"] == "名簿"
    assert len(records) - 1 == len(exp["speeches"]) == 20
    for record, speech in zip(records[1:], exp["speeches"], strict=True):
        assert _body_inner(record).startswith(speech["header"] + "　")
        assert record["page_no"] == speech["page_no"]


def test_discussnet_speeches_and_speakers() -> None:
    exp = pinned("hakodate_2024-02-22_discussnet")
    result = parsed_discussnet()
    assert len(result.utterances) == len(exp["speeches"]) == 20
    got = [
        (label_core(u.speaker.label), nows(u.speaker.name), nows(u.speaker.role))
        for u in result.utterances
    ]
    want = [(label_core(s["header"]), s["name"], s["role"]) for s in exp["speeches"]]
    assert got[:6] == want[:6]
    assert got == want
    assert len({u.speaker.id for u in result.utterances}) == len({name for _, name, _ in want})


def test_discussnet_accepts_str_bytes_and_dict() -> None:
    path = LOCAL_DIR / DISCUSSNET_FILE
    texts = [u.text for u in parsed_discussnet().utterances]
    assert texts
    from_str = gikai_minutes.parse_discussnet(path.read_text(encoding="utf-8"))
    from_bytes = gikai_minutes.parse_discussnet(path.read_bytes())
    assert [u.text for u in from_str.utterances] == texts
    assert [u.text for u in from_bytes.utterances] == texts


def test_discussnet_words() -> None:
    records = discussnet_data()["tenant_minutes"][1:]
    result = parsed_discussnet()
    assert len(result.utterances) == len(records)
    drop = (SEPARATOR_LINE, TIME_LINE, PAREN_LINE)
    problems = []
    for utterance, record in zip(result.utterances, records, strict=True):
        inner = re.sub(r"\A[○◎◆][^　]*　", "", _body_inner(record))
        want = words(inner, drop_lines=drop)
        got = words(utterance.text, drop_lines=drop)
        if got != want:
            problems.append(f"minute {record['minute_id']}: {first_difference(want, got)}")
    assert not problems, "\n".join(problems[:5])


def test_discussnet_notes() -> None:
    exp = pinned("hakodate_2024-02-22_discussnet")
    result = parsed_discussnet()
    directions = [nows(n.text) for n in notes_of_kind(result, "stage_direction")]
    assert len(directions) >= exp["parenthesised_stage_directions"] == 7
    assert sum("登壇" in d for d in directions) == 5
    assert sum("異議なし" in d for d in directions) == 2
    assert any("散会" in nows(n.text) for n in notes_of_kind(result, "time"))
    assert len(notes_of_kind(result, "separator")) >= exp["separators"]
    for utterance in result.utterances:
        assert "登壇）" not in utterance.text
        assert "の声あり）" not in utterance.text
        assert "<pre>" not in utterance.text
        assert "</pre>" not in utterance.text


def test_discussnet_lossless() -> None:
    result = parsed_discussnet()
    text = result.source.text
    assert_tiles(result, text)
    assert result.unparsed == ()
    for record in discussnet_data()["tenant_minutes"]:
        assert nows(_body_inner(record)) in nows(text), record["minute_id"]


def test_discussnet_front_matter() -> None:
    exp = pinned("hakodate_2024-02-22_discussnet")
    result = parsed_discussnet()
    front = result.front_matter
    assert result.date == datetime.date.fromisoformat(exp["date"])
    assert front.start_time == datetime.time(10, 0)
    assert front.end_time == datetime.time(11, 4)
    rosters = {nows(r.group): r for r in front.rosters}
    for key, label in (("present", "出席議員"), ("absent", "欠席議員")):
        matching = [g for g in rosters if label in g]
        assert len(matching) == 1, list(rosters)
        assert [nows(p.name) for p in rosters[matching[0]].people] == exp[key]["names"]


# --- mixed conventions --------------------------------------------------------------------


def test_mixed_conventions_in_one_file() -> None:
    """Katsushika （name role）, Meguro name+role and Diet headers concatenated in one text."""
    pieces: list[tuple[str, list[tuple[int, str]]]] = []
    k_lines = local_lines("katsushika_2025-02-14.txt")
    k_headers = pinned("katsushika_2025-02-14")["headers"]
    pieces.append(
        (
            "\r\n".join(k_lines[140:168]),  # lines 141-168
            [(h["line"] - 140, h["header"]) for h in k_headers if 141 <= h["line"] <= 168],
        )
    )
    m_lines = local_lines("meguro_2025-02-17.txt")
    m_headers = pinned("meguro_2025-02-17")["headers"]
    pieces.append(
        (
            "\r\n".join(m_lines[56:100]),  # lines 57-100
            [(h["line"] - 56, h["header"]) for h in m_headers if 57 <= h["line"] <= 100],
        )
    )
    diet = diet_meetings().get("121304040X00120240823")
    if diet is not None:
        speeches = diet.speeches
        text = "\r\n".join(r["text"] for r in speeches)
        found, line = [], 1
        for record in speeches:
            found.append((line, "○" + re.match(r"○([^　]+)　", record["text"]).group(1)))
            line += record["text"].count("\r\n") + 1
        pieces.append((text, found))
    text, want, offset = "", [], 0
    for piece, headers in pieces:
        if text:
            text += "\r\n"
        want += [(line + offset, label_core(label)) for line, label in headers]
        text += piece
        offset = text.count("\r\n") + 1
    assert len(want) >= 9
    result = gikai_minutes.parse(text)
    got = [(u.header_span.first_line, label_core(u.speaker.label)) for u in result.utterances]
    assert got == want
    assert_tiles(result, text)


# --- robustness: random mutations of real documents ---------------------------------------

MUTATION_EXAMPLES = int(os.environ.get("GIKAI_MUTATIONS", "100"))

TOKENS = (
    "○", "〇", "◯", "◎", "◆", "◇", "【", "】", "〔", "〕", "（", "）", "「", "」",
    "\r", "\n", "\r\n", "\f", "\t", "\u3000", "\u3000\u3000", " ", "\ufeff", "\x00",
    "――――◇―――――", "───", "…………", "君", "議員", "議長", "２２番", "番（",
    "○（", "）　", "○議長（", "【辻座長】 ", "〔拍手〕", "〔「異議なし」と呼ぶ者あり〕",
    "（拍手）", "午後３時５１分散会", "〇午後１時開会", "◎開会の宣告", "○議事日程",
    "- 3 -", "－３－", "3", "<pre>", "</pre>", "&amp;", "<br />", "令和六年七月三十日（火曜日）",
    "出席委員", "　　　理事　", "齊　藤　大　介", "○渡辺（周）委員　", "〇河野大臣 ： ",
)  # fmt: skip


@functools.cache
def mutation_sources() -> tuple[str, ...]:
    """Real documents to cut windows from: both text files, Diet, DiscussNet bodies, seed."""
    sources = [local_text(f"{name}.txt") for name in TEXT_FILES]
    meetings = diet_meetings() if all((DIET_DIR / f).exists() for f in DIET_FILES) else {}
    for meeting_id in ("121304040X00120240823", "121314370X00120240823"):
        if meeting_id in meetings:
            sources.append(meetings[meeting_id].text)
    records = discussnet_data()["tenant_minutes"]
    sources.append("\n".join(_body_inner(r) for r in records))
    sources.append(json.dumps(records[:4], ensure_ascii=False))
    if SEED.exists():
        sources.append(SEED.read_text(encoding="utf-8"))
    return tuple(sources)


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    sources = mutation_sources()
    source = sources[draw(st.integers(0, len(sources) - 1))]
    lines = source.splitlines(keepends=True)
    start = draw(st.integers(0, len(lines) - 1))
    size = draw(st.integers(1, 80))
    text = "".join(lines[start : start + size])
    for _ in range(draw(st.integers(1, 8))):
        operation = draw(st.integers(0, 8))
        position = draw(st.integers(0, len(text)))
        if operation == 0:  # delete characters
            text = text[:position] + text[position + draw(st.integers(1, 8)) :]
        elif operation == 1:  # duplicate characters
            text = (
                text[:position]
                + text[position : position + draw(st.integers(1, 8))]
                + text[position:]
            )
        elif operation == 2:  # insert a token that matters to minutes
            text = text[:position] + draw(st.sampled_from(TOKENS)) + text[position:]
        elif operation == 3:  # insert arbitrary characters
            text = text[:position] + draw(st.text(min_size=1, max_size=4)) + text[position:]
        else:
            rows = text.splitlines(keepends=True) or [""]
            i = draw(st.integers(0, len(rows) - 1))
            j = draw(st.integers(0, len(rows) - 1))
            if operation == 4:  # delete a line
                del rows[i]
            elif operation == 5:  # duplicate a line
                rows.insert(j, rows[i])
            elif operation == 6:  # swap two lines
                rows[i], rows[j] = rows[j], rows[i]
            elif operation == 7:  # a header-shaped line from tokens
                parts = draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=4))
                rows.insert(i, "".join(parts) + draw(st.sampled_from(("\r\n", "\n", "\r", ""))))
            else:  # move the tail of a line to the start of another
                cut = draw(st.integers(0, len(rows[i])))
                rows[i], rows[j] = rows[i][:cut], rows[i][cut:] + rows[j]
            text = "".join(rows)
    return text


@settings(
    max_examples=MUTATION_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_documents())
def test_mutated_documents_never_crash_and_lose_nothing(text: str) -> None:
    result = gikai_minutes.parse(text)
    assert result.source.text == text
    assert_tiles(result, text)
    size = len(text)
    for utterance in result.utterances:
        assert 0 <= utterance.header_span.start < utterance.header_span.end <= size
        assert utterance.header_span.end <= utterance.span.start <= utterance.span.end <= size
    for note in result.notes:
        assert 0 <= note.span.start <= note.span.end <= size
        assert note.utterance_index is None or 0 <= note.utterance_index < len(result.utterances)
    for block in result.unparsed:
        assert text[block.span.start : block.span.end] == block.text
