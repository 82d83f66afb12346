"""The short paths of the reading's fixed cost per document give what the general work gives.

* the scan says whether the choice of form was contested (a form not chosen found
  headers) instead of the pipeline reading the evidence again;
* a :class:`Meeting` is made by :func:`meeting_of`, setting its slots at once, instead of
  through its ``__init__``;
* the scan cuts the contents of a batch of candidate lines at once when no CR ends a
  line alone;
* the line table finds the starts of a long text's lines from the lengths of its split
  parts, a chunk at a time.

Compared on the conventions corpus, the seed, ``../shared`` when present, texts made from
them (other line ends, short windows), and hypothesis properties.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import MINUTES_LIKE, line_end_variants, line_windows, sample_documents
from gikai_minutes._read import scan as scan_module
from gikai_minutes._read.dialects import DIALECTS
from gikai_minutes._read.scan import scan
from gikai_minutes.model import Meeting
from gikai_minutes.model._meeting import meeting_of
from gikai_minutes.model._positions import _CHUNK, LineTable


def _documents() -> tuple[str, ...]:
    return sample_documents(7, 60)


def _texts() -> Iterator[str]:
    for doc in _documents():
        yield from line_end_variants(doc, mixed=True)
        yield from line_windows(doc)


def _contested(text: str, dialect: str | None) -> None:
    result = scan(LineTable(text), dialect)
    assert result.contested == any(f.headers and not f.chosen for f in result.evidence)


def test_contested_is_what_the_evidence_says() -> None:
    seen = 0
    for text in _texts():
        for dialect in (None, *DIALECTS):
            _contested(text, dialect)
            seen += 1
    assert seen > 100


#: A mark form with one bracket header that does not mix in: a contested choice.
CONTESTED = (
    "○委員長（森山浩行君）　これより会議を開きます。\n"
    "【辻座長】 資料の説明をお願いします。\n"
    "○山田委員　質問します。\n"
    "○委員長（森山浩行君）　答弁を求めます。\n"
)


def test_a_contested_choice_is_recorded() -> None:
    """(else the tests above could not fail)"""
    _contested(CONTESTED, None)
    assert scan(LineTable(CONTESTED)).contested
    meeting = gikai_minutes.parse(CONTESTED)
    assert [d.code for d in meeting.diagnostics].count("convention") == 1
    assert not scan(LineTable(CONTESTED), "mark").contested


@settings(max_examples=200, deadline=None)
@given(MINUTES_LIKE, st.sampled_from((None, *DIALECTS)))
def test_contested_property(text: str, dialect: str | None) -> None:
    _contested(text, dialect)


def _fields(meeting: Meeting) -> tuple[object, ...]:
    return tuple(getattr(meeting, a.name) for a in attrs.fields(Meeting) if a.init)


def _same_meeting(made: Meeting, reference: Meeting) -> None:
    assert made == reference
    for a in attrs.fields(Meeting):
        if a.init:
            assert getattr(made, a.name) is getattr(reference, a.name), a.name
    assert pickle.loads(pickle.dumps(made)) == reference
    assert made.to_json() == reference.to_json()
    assert repr(made) == repr(reference)
    for speaker in made.speakers:
        assert made.speaker(speaker.id) == reference.speaker(speaker.id)


def test_meeting_of_is_meeting() -> None:
    seen = 0
    for text in _documents():
        for structure in (False, True):
            meeting = gikai_minutes.parse(text, structure=structure)
            fields = _fields(meeting)
            _same_meeting(meeting_of(*fields), Meeting(*fields))  # type: ignore[arg-type]
            seen += 1
    assert seen > 10


def test_meeting_of_converts_as_meeting() -> None:
    """Sequences that are no model sequence become tuples, as the converter makes them."""
    meeting = gikai_minutes.parse(sample_documents(7, 60)[0], structure=False)
    fields = list(_fields(meeting))
    fields[6] = list(meeting.utterances)  # utterances
    fields[12] = list(meeting.notes)  # notes
    made, reference = meeting_of(*fields), Meeting(*fields)  # type: ignore[arg-type]
    assert made == reference
    assert made.utterances.__class__ is tuple
    assert made.notes.__class__ is tuple


@settings(max_examples=100, deadline=None)
@given(MINUTES_LIKE)
def test_parse_fields_property(text: str) -> None:
    meeting = gikai_minutes.parse(text, structure=False)
    fields = _fields(meeting)
    _same_meeting(meeting_of(*fields), Meeting(*fields))  # type: ignore[arg-type]


def _reference_starts(text: str) -> list[int]:
    """The line starts, found one line break at a time."""
    return [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]


def test_line_starts_are_the_reference() -> None:
    for doc in _documents():
        for text in line_end_variants(doc, mixed=True):
            for piece in (text, text[: _CHUNK + 1], text[: 2 * _CHUNK - 1], text + "\n"):
                assert list(LineTable(piece).starts) == _reference_starts(piece)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, 9000), max_size=12),
    st.sampled_from(("\n", "\r\n")),
    st.sampled_from(("a", "議", "\U0001f600")),
)
def test_line_starts_property(lengths: list[int], end: str, char: str) -> None:
    """Long texts (their starts found a chunk at a time), chunks ending anywhere."""
    text = end.join(char * n for n in lengths)
    assert list(LineTable(text).starts) == _reference_starts(text)
    assert list(LineTable(text + end).starts) == _reference_starts(text + end)


def test_speakers_read_before_are_the_speakers_made() -> None:
    """A label read into the same parts again takes the speaker made for it (no id or
    speaker made again); a cleared cache makes the same meeting."""
    from gikai_minutes import _pipeline

    for text in (*_documents(), CONTESTED, "○山田議員　はい。\n○謎の人物　話します。\n"):
        _pipeline._SPEAKERS.clear()
        fresh = gikai_minutes.parse(text)
        again = gikai_minutes.parse(text)
        assert again == fresh
        assert again.diagnostics == fresh.diagnostics
        assert again.to_json() == fresh.to_json()


def test_front_matter_of_is_front_matter() -> None:
    seen = 0
    for text in _documents():
        front = gikai_minutes.parse(text, structure=False).front_matter
        fields = {a.name: getattr(front, a.name) for a in attrs.fields(type(front))}
        reference = type(front)(**fields)
        assert front == reference
        assert pickle.loads(pickle.dumps(front)) == reference
        seen += bool(front.items)
    assert seen > 3


def _candidate_starts(table: LineTable) -> Iterator[list[int]]:
    """The starts of the candidate lines of each group of the scan's pattern."""
    forms = scan_module._forms(None, table.lone_cr)
    by_group: dict[str, list[int]] = {}
    for m in forms.pattern.finditer("\n" + table.text):
        by_group.setdefault(m.lastgroup or "", []).append(m.start())
    yield from by_group.values()
    # every line that is not empty (as a candidate line never is)
    lines = (table.line(i) for i in range(len(table.starts)))
    yield [line.start for line in lines if line.end > line.start]


def _same_contents(text: str) -> None:
    table = LineTable(text)
    for at in _candidate_starts(table):
        got = scan_module._line_contents(table, at, table.lone_cr)
        assert got == list(scan_module._contents(text, at, table.lone_cr))


def test_line_contents_are_the_contents() -> None:
    seen = 0
    for text in _texts():
        _same_contents(text)
        seen += 1
    assert seen > 50


@settings(max_examples=200, deadline=None)
@given(MINUTES_LIKE)
def test_line_contents_property(text: str) -> None:
    _same_contents(text)


def test_meeting_of_knows_every_step_of_meeting_init() -> None:
    """meeting_of does what ``Meeting.__init__`` does: it sets every field, converts the
    two sequences and nothing else (no validator, no post-init): a change to the class
    must be made in meeting_of too."""
    fields = attrs.fields(Meeting)
    assert [a.name for a in fields if a.converter is not None] == ["utterances", "notes"]
    assert all(a.validator is None for a in fields)
    assert not hasattr(Meeting, "__attrs_post_init__")
    assert not hasattr(Meeting, "__attrs_pre_init__")
    assert [a.name for a in fields if not a.init] == ["_by_id"]
