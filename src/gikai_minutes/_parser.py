"""The parsing pipeline: text -> lines -> header events -> turns -> :class:`Meeting`.

This module does no I/O. Each stage lives in its own module; this one only wires them.
"""

from __future__ import annotations

import hashlib

import regex

from gikai_minutes._dialects import DIALECTS, Dialect
from gikai_minutes._errors import EmptyInputError, ParseError, UnknownDialectError
from gikai_minutes._fixes import FixSites
from gikai_minutes._frontmatter import read_front_matter
from gikai_minutes._lines import LineTable
from gikai_minutes._model import (
    Diagnostic,
    FrontMatter,
    Meeting,
    Severity,
    Source,
    Speaker,
    UnparsedBlock,
    Utterance,
)
from gikai_minutes._paragraphs import build_paragraphs
from gikai_minutes._scan import HeaderEvent, scan

__all__ = ["parse_text"]

_SPACES = regex.compile(r"\s+")


def _source(text: str, name: str | None, encoding: str | None) -> Source:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Source(text, f"sha256:{digest}", name, encoding)


def parse_text(
    text: str,
    *,
    strict: bool = False,
    dialect: str | None = None,
    source_name: str | None = None,
    encoding: str | None = None,
) -> Meeting:
    """Parse minutes ``text`` into a :class:`Meeting` (see :func:`gikai_minutes.parse`)."""
    if dialect is not None and dialect not in DIALECTS:
        raise UnknownDialectError(f"unknown dialect {dialect!r}; known: {', '.join(DIALECTS)}")
    table = LineTable(text)
    scanned = scan(table, dialect)
    chosen = scanned.dialect
    diagnostics = list(scanned.diagnostics)
    source = _source(text, source_name, encoding)

    if not text.strip():
        if strict:
            raise EmptyInputError("input holds no text")
        diagnostics.append(Diagnostic("empty-input", "input holds no text", Severity.ERROR, 1))
        return Meeting(
            None, None, None, None, None, (), (), FrontMatter(table.span(0, len(text))),
            source, chosen.name, diagnostics=tuple(diagnostics),
        )  # fmt: skip

    events = scanned.events
    if not any(e.header is not None for e in events):
        diagnostics.append(
            Diagnostic(
                "no-speaker-headers",
                f"no speaker header of dialect {chosen.name!r} found; text kept unparsed",
                Severity.ERROR,
                1,
            )
        )
        block = UnparsedBlock(text, table.span(0, len(text)), "no speaker headers")
        meeting = Meeting(
            None, None, None, None, None, (), (), FrontMatter(table.span(0, 0)),
            source, chosen.name, unparsed=(block,), diagnostics=tuple(diagnostics),
        )  # fmt: skip
        return _finish(meeting, strict)

    front = read_front_matter(table, events[0].start)
    sites = FixSites(text)
    diagnostics.extend(front.diagnostics)
    speakers: dict[str, Speaker] = {}
    utterances: list[Utterance] = []
    unparsed: list[UnparsedBlock] = []
    for i, event in enumerate(events):
        last = i + 1 == len(events)
        end = len(text) if last else events[i + 1].start
        end_index = len(table.lines) if last else events[i + 1].line_index
        if event.header is None:
            unparsed.append(
                UnparsedBlock(text[event.start : end], table.span(event.start, end), event.reason)
            )
            continue
        body_start = event.start + event.header.length
        speaker = speakers.get(_speaker_id(event.header.label))
        if speaker is None:
            speaker = _new_speaker(event.header.label, chosen, table, event, diagnostics)
            speakers[speaker.id] = speaker
        paragraphs, fixes = build_paragraphs(
            text, table.lines[event.line_index : end_index], body_start, sites
        )
        utterances.append(
            Utterance(
                index=len(utterances),
                speaker=speaker,
                text="\n".join(p.text for p in paragraphs),
                paragraphs=paragraphs,
                span=table.span(body_start, end),
                header_span=table.span(event.start, body_start),
                fixes=fixes,
            )
        )
    diagnostics.sort(key=lambda d: (d.line, d.column))
    meeting = Meeting(
        title=front.title,
        body_name=front.body_name,
        session=front.session,
        date=front.date,
        date_text=front.date_text,
        speakers=tuple(speakers.values()),
        utterances=tuple(utterances),
        front_matter=front.front_matter,
        source=source,
        dialect=chosen.name,
        unparsed=tuple(unparsed),
        diagnostics=tuple(diagnostics),
    )
    return _finish(meeting, strict)


def _speaker_id(label: str) -> str:
    return _SPACES.sub("", label)


def _new_speaker(
    label: str,
    dialect: Dialect,
    table: LineTable,
    event: HeaderEvent,
    diagnostics: list[Diagnostic],
) -> Speaker:
    parts = dialect.lexicon.split(label)
    if parts.role is None:
        line = table.lines[event.line_index].number
        diagnostics.append(
            Diagnostic(
                "unknown-role",
                f"no known role in speaker label {label!r}; kept whole as the label",
                Severity.WARNING,
                line,
                table.column_of(event.start),
            )
        )
    return Speaker(
        id=_speaker_id(label),
        label=label,
        name=parts.name,
        role=parts.role,
        honorific=parts.honorific,
    )


def _finish(meeting: Meeting, strict: bool) -> Meeting:
    if strict:
        for d in meeting.diagnostics:
            if d.severity is not Severity.INFO:
                raise ParseError(d.message, code=d.code, line=d.line, column=d.column)
    return meeting
