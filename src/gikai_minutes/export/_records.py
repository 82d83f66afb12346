"""One flat record per utterance: the rows behind the JSONL, CSV, Parquet and pandas exports.

The columns are defined once, in :data:`UTTERANCE_COLUMNS`, with their value kind; every
tabular exporter reads them from there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs

from gikai_minutes.model import Meeting, Speaker, Utterances

__all__ = ["UTTERANCE_COLUMNS", "Column", "as_meetings", "meeting_id", "utterance_records"]

Kind = Literal["string", "int", "strings", "ints"]


@attrs.frozen(slots=True)
class Column:
    """One column of the utterance records: its name, value kind and meaning.

    ``kind`` is ``string``, ``int``, ``strings`` (a list of strings) or ``ints``;
    ``nullable`` columns may hold ``None``.
    """

    name: str
    kind: Kind
    nullable: bool
    doc: str


UTTERANCE_COLUMNS: tuple[Column, ...] = (
    Column("meeting_id", "string", False, "source checksum (sha256:…), one per meeting"),
    Column("source_name", "string", True, "file name or record key the meeting came from"),
    Column("meeting_title", "string", True, "the meeting's title"),
    Column("meeting_date", "string", True, "ISO date of the meeting"),
    Column("index", "int", False, "utterance index within the meeting"),
    Column("speaker_id", "string", False, "speaker id (key into the meeting's speakers)"),
    Column("label", "string", False, "speaker header as printed"),
    Column("name", "string", True, "speaker name"),
    Column("role", "string", True, "speaker role (委員, 座長, 国務大臣…)"),
    Column("category", "string", False, "chair, member, presenter, government, …"),
    Column("affiliation", "string", True, "party, organisation or office"),
    Column("text", "string", False, "cleaned text, paragraphs joined by a line break"),
    Column("paragraphs", "strings", False, "cleaned paragraphs"),
    Column("pages", "ints", False, "page numbers the turn spans"),
    Column("span_start", "int", False, "first character of the body in the source text"),
    Column("span_end", "int", False, "end (exclusive) of the body in the source text"),
    Column("first_line", "int", False, "first source line of the turn (its header)"),
    Column("last_line", "int", False, "last source line of the body"),
    Column("turn_kind", "string", True, "procedure, question, answer, … (structure)"),
    Column("exchange", "int", True, "index of the Q&A exchange holding the turn"),
    Column("presentation", "int", True, "index of the presentation the turn belongs to"),
    Column("section", "int", True, "index of the section holding the turn's first paragraph"),
)


def meeting_id(meeting: Meeting) -> str:
    """A stable id of a meeting: the checksum of its source text."""
    return meeting.source.checksum


def as_meetings(meetings: Meeting | Iterable[Meeting]) -> Iterator[Meeting]:
    """One meeting or many, as an iterator of meetings."""
    if isinstance(meetings, Meeting):
        yield meetings
    else:
        yield from meetings


def _structure_indices(
    meeting: Meeting,
) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Maps utterance index -> exchange, presentation and section index."""
    exchange: dict[int, int] = {}
    presentation: dict[int, int] = {}
    section: dict[int, int] = {}
    structure = meeting.structure
    if structure is None:
        return exchange, presentation, section
    for i, p in enumerate(structure.presentations):
        for u in p.talk:
            presentation.setdefault(u, i)
    for i, e in enumerate(structure.exchanges):
        for u in (*e.questions, *e.answers):
            exchange.setdefault(u, i)
            if e.presentation is not None:
                presentation.setdefault(u, e.presentation)
    for i, s in enumerate(structure.sections):
        # s.contains(ParagraphRef(u, 0)), compared as the (utterance, paragraph) pairs it is
        start, end = (s.start.utterance, s.start.paragraph), (s.end.utterance, s.end.paragraph)
        for u in s.utterance_range:
            if start <= (u, 0) <= end:
                section.setdefault(u, i)
    return exchange, presentation, section


#: One utterance's values for a record: index, speaker, text, paragraphs' text, pages,
#: body start and end, first line (of the header) and last line.
_Fields = tuple[int, Speaker, str, list[str], tuple[int, ...], int, int, int, int]


def _utterance_fields(meeting: Meeting) -> Iterator[_Fields]:
    """The values records need of each utterance (from the rows when the meeting keeps
    them: no utterance object is made)."""
    utterances = meeting.utterances
    if isinstance(utterances, Utterances):
        yield from utterances.record_rows()
        return
    for u in utterances:
        texts = [p.text for p in u.paragraphs]
        start, end, first, last = (
            u.span.start,
            u.span.end,
            u.header_span.first_line,
            u.span.last_line,
        )
        yield u.index, u.speaker, u.text, texts, u.pages, start, end, first, last


def _record(
    about: tuple[str, str | None, str | None, str | None],
    fields: _Fields,
    indices: tuple[dict[int, int], ...],
    turn: str | None,
) -> dict[str, Any]:
    exchange, presentation, section = indices
    index, s, text, paragraphs, pages, start, end, first_line, last_line = fields
    mid, source_name, title, date = about
    return {
        "meeting_id": mid,
        "source_name": source_name,
        "meeting_title": title,
        "meeting_date": date,
        "index": index,
        "speaker_id": s.id,
        "label": s.label,
        "name": s.name,
        "role": s.role,
        "category": s.category.value,
        "affiliation": s.affiliation,
        "text": text,
        "paragraphs": paragraphs,
        "pages": list(pages),
        "span_start": start,
        "span_end": end,
        "first_line": first_line,
        "last_line": last_line,
        "turn_kind": turn,
        "exchange": exchange.get(index),
        "presentation": presentation.get(index),
        "section": section.get(index),
    }


def utterance_records(meetings: Meeting | Iterable[Meeting]) -> Iterator[dict[str, Any]]:
    """One dict per utterance, keyed by the names of :data:`UTTERANCE_COLUMNS`, in order."""
    for meeting in as_meetings(meetings):
        indices = _structure_indices(meeting)
        turns = meeting.structure.turns if meeting.structure else ()
        date = meeting.date.isoformat() if meeting.date else None
        about = (meeting_id(meeting), meeting.source.name, meeting.title, date)
        for fields in _utterance_fields(meeting):
            index = fields[0]
            turn = turns[index].value if index < len(turns) else None
            yield _record(about, fields, indices, turn)
