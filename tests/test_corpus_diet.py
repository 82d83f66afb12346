"""Acceptance tests on National Diet minutes (../shared/corpus/diet, NDL API records).

For each of the six meetings in the two monthly dumps, the records' ``text`` joined in
``speech_order`` with CRLF is what a user downloads; the records themselves are the NDL's own
segmentation, so they are a gold standard for speech boundaries, speakers and words. The
expectations pinned in ``corpus_expected/diet.json`` (counts, start times, attendees, the
parts of each header label) were derived from the records by hand; see its ``_note``.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any

import pytest

import gikai_minutes
from _helpers import (
    BRACKET_DIRECTION,
    DIET_DIR,
    DIET_FILES,
    SEPARATOR_LINE,
    TIME_LINE,
    DietMeeting,
    assert_tiles,
    diet_meetings,
    expected,
    first_difference,
    line_of,
    notes_of_kind,
    nows,
    record_label,
    require,
    words,
)

require(*(DIET_DIR / name for name in DIET_FILES))

EXPECTED: dict[str, Any] = expected("diet.json")["meetings"]
MEETING_IDS = sorted(EXPECTED)


@functools.cache
def parsed(meeting_id: str) -> Any:
    """The joined text of one meeting, parsed once per test session."""
    return gikai_minutes.parse(diet_meetings()[meeting_id].text)


def _id(meeting_id: str) -> str:
    return f"{meeting_id[-8:]}-{meeting_id[:10]}"


per_meeting = pytest.mark.parametrize("meeting_id", MEETING_IDS, ids=_id)


def _lines_with_offsets(meeting: DietMeeting, record_index: int) -> list[tuple[int, str]]:
    """(offset in the joined text, line) for every line of one record."""
    start = meeting.offsets[record_index]
    found = []
    for line in meeting.records[record_index]["text"].split("\r\n"):
        found.append((start, line))
        start += len(line) + 2
    return found


def _covering_notes(notes: list[Any], start: int, end: int) -> list[Any]:
    return [n for n in notes if n.span.start <= start and end <= n.span.end]


def test_corpus_holds_the_six_meetings() -> None:
    meetings = diet_meetings()
    assert sorted(meetings) == MEETING_IDS
    for meeting_id, meeting in meetings.items():
        orders = [r["meeting_info"]["speech_order"] for r in meeting.records]
        assert orders == list(range(len(orders))), meeting_id
        assert len(meeting.records) == EXPECTED[meeting_id]["records"], meeting_id
        assert meeting.records[0]["speaker"] == "会議録情報"
        assert meeting.file == EXPECTED[meeting_id]["file"]


@per_meeting
def test_pinned_expectations_match_the_records(meeting_id: str) -> None:
    """Guards the hand-made data against a changed corpus (passes without the parser)."""
    meeting = diet_meetings()[meeting_id]
    pinned = EXPECTED[meeting_id]
    record0 = nows(meeting.records[0]["text"])
    for name in [n for n, _ in pinned["members"]] + pinned["others"]:
        assert f"{name}君" in record0, name
    assert meeting.text.count("〔") == pinned["stage_directions"]
    for record in meeting.speeches:
        want = pinned["speakers"][record_label(record)]
        full = nows(record["speaker"])
        assert full.startswith(want["name"]), record["id"]
        assert want["full_name"] in (None, full), record["id"]
    assert len(pinned["speakers"]) == pinned["distinct_speakers"]


@per_meeting
def test_utterance_count_matches_records(meeting_id: str) -> None:
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    assert len(meeting.speeches) == EXPECTED[meeting_id]["utterances"]
    assert len(result.utterances) == len(meeting.speeches)


@per_meeting
def test_headers_start_where_records_start(meeting_id: str) -> None:
    """Utterance i's header begins at the ○ of record i+1 and carries its label."""
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    assert len(result.utterances) == len(meeting.speeches)
    problems = []
    for i, utterance in enumerate(result.utterances):
        record = meeting.records[i + 1]
        offset = meeting.offsets[i + 1]
        assert utterance.index == i
        if utterance.header_span.start != offset:
            problems.append(
                f"{record['id']}: header at {utterance.header_span.start}, record at {offset}"
            )
        if utterance.header_span.first_line != line_of(meeting.text, offset):
            problems.append(f"{record['id']}: header line {utterance.header_span.first_line}")
        if nows(utterance.speaker.label) != record_label(record):
            problems.append(f"{record['id']}: label {utterance.speaker.label!r}")
    assert not problems, "\n".join(problems[:10])


@per_meeting
def test_speakers_match_records(meeting_id: str) -> None:
    """Same speaker: the record's full name starts with the header name, or is its full_name."""
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    assert len(result.utterances) == len(meeting.speeches)
    problems = []
    for utterance, record in zip(result.utterances, meeting.speeches, strict=True):
        full = nows(record["speaker"])
        speaker = utterance.speaker
        name = nows(speaker.name)
        if not name or not (full.startswith(name) or nows(speaker.full_name) == full):
            problems.append(
                f"{record['id']}: record {full}, got name={speaker.name!r}"
                f" full_name={speaker.full_name!r}"
            )
        if speaker.full_name is not None and nows(speaker.full_name) != full:
            problems.append(f"{record['id']}: wrong roster link {speaker.full_name!r} for {full}")
    assert not problems, "\n".join(problems[:10])


@per_meeting
def test_speaker_fields_from_header_labels(meeting_id: str) -> None:
    """name / role / honorific / disambiguator / seat as read off each printed label."""
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    pinned = EXPECTED[meeting_id]["speakers"]
    assert len(result.utterances) == len(meeting.speeches)
    problems = []
    for utterance, record in zip(result.utterances, meeting.speeches, strict=True):
        label = record_label(record)
        want = pinned[label]
        speaker = utterance.speaker
        got = {
            "name": nows(speaker.name),
            "role": nows(speaker.role),
            "honorific": speaker.honorific,
            "disambiguator": speaker.disambiguator,
        }
        wanted = {k: want[k] for k in got}
        if got != wanted:
            problems.append(f"{label}: expected {wanted}, got {got}")
        if speaker.seat is not None:
            problems.append(f"{label}: seat {speaker.seat!r} (Diet headers have none)")
        if want["full_name"] is not None and speaker.full_name != want["full_name"]:
            problems.append(f"{label}: full_name {speaker.full_name!r}, want {want['full_name']}")
    assert not problems, "\n".join(sorted(set(problems))[:15])


@per_meeting
def test_one_speaker_per_person(meeting_id: str) -> None:
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    people = {r["speaker"] for r in meeting.speeches}
    assert len(people) == EXPECTED[meeting_id]["distinct_speakers"]
    assert len({u.speaker.id for u in result.utterances}) == len(people)


@per_meeting
def test_words_match_records(meeting_id: str) -> None:
    """Same words once whitespace, header, directions, rules and time stamps are set aside."""
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    assert len(result.utterances) == len(meeting.speeches)
    problems = []
    for utterance, record in zip(result.utterances, meeting.speeches, strict=True):
        want = words(record["text"], header=True)
        got = words(utterance.text)
        assert want, f"{record['id']} normalises to nothing"
        if got != want:
            problems.append(f"{record['id']}: {first_difference(want, got)}")
    assert not problems, f"{len(problems)} utterances differ:\n" + "\n".join(problems[:5])


@per_meeting
def test_utterance_text_is_clean(meeting_id: str) -> None:
    """No 〔…〕 direction, rule line or time stamp line survives in utterance text."""
    result = parsed(meeting_id)
    assert result.utterances
    for utterance in result.utterances:
        assert "〔" not in utterance.text, utterance.index
        assert "〕" not in utterance.text, utterance.index
        for line in utterance.text.split("\n"):
            assert not SEPARATOR_LINE.fullmatch(line), (utterance.index, line)
            assert not TIME_LINE.fullmatch(line), (utterance.index, line)
        assert not utterance.text.startswith(("○", "　")), utterance.index


@per_meeting
def test_lossless(meeting_id: str) -> None:
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    assert result.source.text == meeting.text
    assert_tiles(result, meeting.text)
    assert result.unparsed == ()


@per_meeting
def test_stage_directions_become_notes(meeting_id: str) -> None:
    """Every 〔…〕 is its own stage_direction note, positioned on it, outside any utterance."""
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    found = list(BRACKET_DIRECTION.finditer(meeting.text))
    assert len(found) == meeting.text.count("〔") == EXPECTED[meeting_id]["stage_directions"]
    notes = notes_of_kind(result, "stage_direction")
    used = set()
    for match in found:
        covering = _covering_notes(notes, match.start(), match.end())
        assert len(covering) == 1, f"{match.group()} at {match.start()}: {covering}"
        note = covering[0]
        assert id(note) not in used, f"{match.group()} shares a note with another direction"
        used.add(id(note))
        assert nows(match.group()[1:-1]) in nows(note.text)
        assert note.span.first_line == line_of(meeting.text, match.start())
        # inside a speech: a direction between two paragraphs belongs to that utterance
        record_index = meeting.record_of_offset(match.start())
        assert record_index >= 1, "the front matter has no 〔…〕"
        rest = meeting.records[record_index]["text"][match.end() - meeting.offsets[record_index] :]
        if words(rest):
            assert note.utterance_index == record_index - 1, match.group()
        else:
            assert note.utterance_index in (record_index - 1, None), match.group()
    for utterance in result.utterances:
        assert "〔" not in utterance.text


@per_meeting
def test_separators_and_closing_times_become_notes(meeting_id: str) -> None:
    """Rule lines and 〜散会 lines inside the speech records are notes of their kind."""
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    checked = 0
    for index in range(1, len(meeting.records)):
        for offset, line in _lines_with_offsets(meeting, index)[1:]:
            start = offset + len(line) - len(line.lstrip("　"))
            end = offset + len(line.rstrip("　"))
            for pattern, kind in ((SEPARATOR_LINE, "separator"), (TIME_LINE, "time")):
                if pattern.fullmatch(line):
                    checked += 1
                    covering = _covering_notes(notes_of_kind(result, kind), start, end)
                    assert covering, f"{kind} line {line.strip()!r} of {index} is not a note"
    closing = meeting.records[-1]["text"].split("\r\n")[-1]
    assert TIME_LINE.fullmatch(closing), "every meeting ends with a 散会 line"
    assert checked >= 1


@per_meeting
def test_front_matter_date_and_start_time(meeting_id: str) -> None:
    meeting = diet_meetings()[meeting_id]
    result = parsed(meeting_id)
    day = datetime.date.fromisoformat(meeting.records[0]["date"])
    assert result.date == day
    hours, minutes = map(int, EXPECTED[meeting_id]["start_time"].split(":"))
    assert result.front_matter.start_time == datetime.time(hours, minutes)
    assert result.front_matter.span.start == 0
    assert result.front_matter.span.end <= meeting.offsets[1]


@functools.cache
def parsed_ndl(file: str) -> Any:
    """A whole NDL dump through the JSON reader, once per session."""
    return gikai_minutes.parse_ndl((DIET_DIR / file).read_text(encoding="utf-8"))


@per_meeting
def test_front_matter_metadata_from_records(meeting_id: str) -> None:
    """house / meeting name / issue, as the NDL records give them.

    The joined text never prints the house or the issue number (第13号), and prints the
    committee's name in only some meetings, so these come through the NDL reader
    ``parse_ndl`` (not part of the contract these tests were written against; see the
    report), which must parse the same text into the same utterances.
    """
    meeting = diet_meetings()[meeting_id]
    record = meeting.records[0]
    matches = [m for m in parsed_ndl(meeting.file) if m.source.text == meeting.text]
    assert len(matches) == 1, "parse_ndl yields this meeting's joined text once"
    result = matches[0]
    plain = parsed(meeting_id)
    assert [u.header_span for u in result.utterances] == [u.header_span for u in plain.utterances]
    front = result.front_matter
    assert front.house == record["house"]
    assert front.meeting_name == record["meeting_info"]["meeting_name"]
    issue = re.search(r"第(\d+)号", record["meeting_info"]["issue"])
    assert issue
    assert front.issue == int(issue.group(1))
    assert result.date == datetime.date.fromisoformat(record["date"])


@per_meeting
def test_rosters_hold_the_attendees(meeting_id: str) -> None:
    pinned = EXPECTED[meeting_id]
    rosters = parsed(meeting_id).front_matter.rosters
    everyone = {nows(p.name) for roster in rosters for p in roster.people}
    members = [name for name, _ in pinned["members"]]
    missing = [n for n in members + pinned["others"] if n not in everyone]
    assert not missing, f"attendees missing from the rosters: {missing}"
    chair_name, chair_role = pinned["members"][0]
    chair_roles = {
        nows(p.role) for roster in rosters for p in roster.people if nows(p.name) == chair_name
    }
    assert chair_role in chair_roles
    if pinned["roster_group"] is not None:  # lower house: a printed 出席委員 / 出席小委員 block
        groups = [r for r in rosters if nows(r.group) == pinned["roster_group"]]
        assert len(groups) == 1, [r.group for r in rosters]
        people = groups[0].people
        assert [nows(p.name) for p in people] == members
        roles = {nows(p.name): nows(p.role) for p in people}
        assert {n: roles[n] for n, r in pinned["members"] if r} == {
            n: r for n, r in pinned["members"] if r
        }


@per_meeting
def test_agenda(meeting_id: str) -> None:
    """本日の会議に付した案件: the items, not the 付託 lists printed before it."""
    meeting = diet_meetings()[meeting_id]
    agenda = parsed(meeting_id).front_matter.agenda
    assert len(agenda) == EXPECTED[meeting_id]["agenda_items"]
    text0 = meeting.records[0]["text"]
    section = nows(text0[text0.index("本日の会議に付した案件") :])
    for item in agenda:
        core = nows(item).lstrip("○")
        assert core, item
        assert core in section, item
        assert core.count("（") == core.count("）"), f"a wrapped line is not an item: {item}"
