"""The parsing pipeline: source document -> lines -> header events -> turns -> structure.

This module does no I/O. Each stage lives in its own module; this one only wires them:
:func:`run` is the one path every entry point takes, :func:`parse_text` the reading part.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import attrs

from gikai_minutes._errors import EmptyInputError, ParseError, UnknownDialectError
from gikai_minutes._front.frontmatter import read_front_matter, split_title
from gikai_minutes._front.rosters import link_speakers
from gikai_minutes._read.bodies import BodyReader
from gikai_minutes._read.dialects import DIALECTS
from gikai_minutes._read.fixes import FixSites
from gikai_minutes._read.headers import HeaderMatch
from gikai_minutes._read.notes import LINE_RULES
from gikai_minutes._read.pages import PageLayout, find_pages
from gikai_minutes._read.scan import scan
from gikai_minutes._structure import build_structure
from gikai_minutes._text.lexicon import LabelParts
from gikai_minutes.model import (
    Diagnostic,
    FrontMatter,
    Meeting,
    Severity,
    Source,
    Speaker,
    SpeakerCategory,
    UnparsedBlock,
)
from gikai_minutes.model._columns import FixRow, NotesBuilder, UtterancesBuilder
from gikai_minutes.model._meeting import meeting_of, source_of
from gikai_minutes.model._positions import Line, LineTable
from gikai_minutes.sources import SourceDocument

__all__ = ["ParseOptions", "parse_text", "run", "run_text"]

_MARK_ONLY_RULES = ("marked_heading",)
#: The note rules for texts whose headers use no marks (``○``…).
_UNMARKED_LINE_RULES = tuple(r for r in LINE_RULES if r.name not in _MARK_ONLY_RULES)


@attrs.frozen(slots=True)
class ParseOptions:
    """How to parse: see :func:`gikai_minutes.parse` for each option."""

    strict: bool = False
    dialect: str | None = None
    structure: bool = True


def run(document: SourceDocument, options: ParseOptions) -> Meeting:
    """Parse a source document: read it, add the source's metadata, build the structure."""
    meeting = parse_text(
        document.text,
        strict=options.strict,
        dialect=options.dialect,
        source_name=document.name,
        encoding=document.encoding,
        reader=document.reader,
    )
    meeting = _with_metadata(meeting, document)
    if document.diagnostics:
        diagnostics = sorted(
            (*document.diagnostics, *meeting.diagnostics), key=lambda d: (d.line, d.column)
        )
        meeting = _finish(attrs.evolve(meeting, diagnostics=tuple(diagnostics)), options.strict)
    return build_structure(meeting) if options.structure else meeting


def run_text(text: str, name: str | None, options: ParseOptions) -> Meeting:
    """:func:`run` of a document that is only ``text`` as it was given (plain text, read by
    the ``text`` reader; no metadata, no diagnostics of its own): no document is made."""
    meeting = parse_text(
        text, strict=options.strict, dialect=options.dialect, source_name=name, reader="text"
    )
    return build_structure(meeting) if options.structure else meeting


def _with_metadata(meeting: Meeting, document: SourceDocument) -> Meeting:
    """Metadata the source knew: front-matter fields it names win; title and date fill gaps.
    (The reader is already in ``meeting.source``.)"""
    if document.house is None and document.meeting_name is None and document.issue is None:
        updated = meeting.front_matter
    else:
        updated = _front_with(meeting.front_matter, document)
    if updated is not meeting.front_matter:
        meeting = attrs.evolve(meeting, front_matter=updated)
    if meeting.title is None and document.title is not None:
        body_name, session = split_title(document.title)
        meeting = attrs.evolve(meeting, title=document.title, body_name=body_name, session=session)
    if meeting.date is None and document.date is not None:
        meeting = attrs.evolve(meeting, date=document.date)
    return meeting


def _front_with(front: FrontMatter, document: SourceDocument) -> FrontMatter:
    """``front`` with the house, meeting name and issue the source named."""
    updated = attrs.evolve(
        front,
        house=document.house or front.house,
        meeting_name=document.meeting_name or front.meeting_name,
        issue=front.issue if document.issue is None else document.issue,
    )
    return front if updated == front else updated


def _source(text: str, name: str | None, encoding: str | None, reader: str | None) -> Source:
    return source_of(text, name, encoding, reader)  # its checksum is computed when read


def parse_text(
    text: str,
    *,
    strict: bool = False,
    dialect: str | None = None,
    source_name: str | None = None,
    encoding: str | None = None,
    reader: str | None = None,
) -> Meeting:
    """Parse minutes ``text`` into a :class:`Meeting` (see :func:`gikai_minutes.parse`);
    ``reader`` names the source that made the text."""
    if dialect is not None and dialect not in DIALECTS:
        raise UnknownDialectError(f"unknown dialect {dialect!r}; known: {', '.join(DIALECTS)}")
    table = LineTable(text)
    source = _source(text, source_name, encoding, reader)
    if not text or text.isspace():  # (as ``not text.strip()``, without copying the text)
        if strict:
            raise EmptyInputError("input holds no text")
        empty = Diagnostic("empty-input", "input holds no text", Severity.ERROR, 1)
        return Meeting(
            None, None, None, None, None, (), (), FrontMatter(table.span(0, len(text))),
            source, dialect or "bracket", diagnostics=(empty,),
        )  # fmt: skip

    pages = find_pages(table)
    # Margin line numbers are blanked (offsets kept) for reading headers and front matter.
    reading = _without_margins(table, pages) if pages.margins else table
    scanned = scan(reading, dialect)
    chosen = scanned.dialect
    diagnostics = list(scanned.diagnostics)
    events = scanned.events
    # The speakers, each at its first header: ``slots`` gives each label as printed the
    # speaker's place among them (labels that differ in spaces only share a speaker).
    speakers: dict[str, Speaker] = {}
    slots: dict[str, int] = {}
    by_id: dict[str, int] = {}
    said: list[Diagnostic] = []  # what the labels tell (after the front matter's)
    guesses: dict[str, Diagnostic] = {}  # uncertain readings of a label, by speaker id
    for event in events:
        header = event.header
        if header is None:
            continue
        label = header.label
        if label in slots:
            continue
        parts = header.parts
        made = _SPEAKERS.get(label)  # (the speaker of a label read into these parts before)
        if made is not None and made[0] is parts and parts.known:
            speaker = made[1]
            speaker_id = speaker.id
        else:
            speaker = None
            speaker_id = _speaker_id(label)
        slot = by_id.get(speaker_id)
        if slot is None:
            slot = by_id[speaker_id] = len(speakers)
            if speaker is None:
                speaker = _new_speaker(speaker_id, header, table, event.start, said)
            speakers[speaker_id] = speaker
            if parts.guess is not None:
                guess = _guess(header, table, event.start)
                if guess is not None:
                    guesses[speaker_id] = guess
        slots[label] = slot
    if not slots:
        diagnostics.append(
            Diagnostic(
                "no-speaker-headers",
                f"no speaker header of dialect {chosen.name!r} found; text kept unparsed",
                Severity.ERROR,
                1,
            )
        )
        diagnostics.sort(key=lambda d: (d.line, d.column))
        block = UnparsedBlock(text, table.span(0, len(text)), "no speaker headers")
        meeting = Meeting(
            None, None, None, None, None, (), (), FrontMatter(table.span(0, 0)),
            source, chosen.name, unparsed=(block,), diagnostics=tuple(diagnostics),
        )  # fmt: skip
        return _finish(meeting, strict)

    if scanned.contested:  # a form not chosen found headers: record the evidence
        diagnostics.append(
            Diagnostic("convention", f"convention: {scanned.describe()}", Severity.INFO, 1)
        )
    front = read_front_matter(reading, events[0].start, pages.number_lines, pages.header_lines)
    diagnostics.extend(front.diagnostics)
    if said:
        diagnostics.extend(said)
    sites = FixSites(text)
    line_rules = _UNMARKED_LINE_RULES
    for rule in chosen.header_rules:
        if rule.name == "mark":
            line_rules = LINE_RULES
            break
    # Linked to the rosters (which may tell where a name ends) before any utterance refers
    # to them; an unsure reading the roster settled is no longer reported.
    speaker_list = tuple(speakers.values())
    if front.front_matter.rosters:
        speakers = {s.id: s for s in link_speakers(speaker_list, front.front_matter.rosters)}
        speaker_list = tuple(speakers.values())
    if guesses:
        diagnostics.extend(
            d
            for speaker_id, d in guesses.items()
            if d.code != "unsure-name" or speakers[speaker_id].name is None
        )
    utterances = UtterancesBuilder(text, table.starts)
    notes = NotesBuilder(utterances)
    for note in front.notes:
        notes.add(note.kind, note.span.start, note.span.end, note.utterance_index)
    unparsed: list[UnparsedBlock] = []
    starts = table.starts
    count = 0
    # Events are let go as they are read: in a dense text they weigh as much as the model.
    pending = list(reversed(events))
    del events, scanned
    # Rows go straight into the columns (no row a line piles up in a dense body), except
    # fixes that must be merged with the margins'.
    read = BodyReader(
        table, sites, pages, line_rules, utterances.paragraph, utterances.fix, notes.add
    ).read
    add_turn = utterances.turn
    margins = bool(pages.margins)
    paged = bool(pages.breaks)
    while pending:
        event = pending.pop()
        last = not pending
        end = len(text) if last else pending[-1].start
        end_index = len(starts) if last else pending[-1].line_index
        if not last and end > starts[end_index]:
            end_index += 1  # the next turn starts inside this line (flattened turns)
        header = event.header
        if header is None:
            span = table.span(event.start, end)
            unparsed.append(UnparsedBlock(text[event.start : end], span, event.reason))
            continue
        body_start = event.start + header.length
        fixes: list[FixRow] | None = None
        if margins:
            lines, margin_fixes = _cut_margins(table, event.line_index, end_index, pages)
            if margin_fixes:
                fixes = []  # to be merged with the margins'
            first, final = read(0, 0, body_start, count, last, end, lines, fixes)
        else:
            first, final = read(event.line_index, end_index, body_start, count, last, end)
        turn_pages = _pages(pages, first, final, body_start) if paged else ()
        if fixes is not None:
            fixes = sorted((*margin_fixes, *fixes), key=_fix_start)
            utterances.add(slots[header.label], event.start, body_start, end, (), fixes, turn_pages)
        else:  # every fix went to the sink
            add_turn(slots[header.label], event.start, body_start, end, turn_pages)
        count += 1
    if len(diagnostics) > 1:
        diagnostics.sort(key=_position)
    body_name, session = split_title(front.title) if front.title is not None else (None, None)
    meeting = meeting_of(  # as Meeting(...), by position, in field order
        front.title,
        body_name,
        session,
        front.date,
        front.date_text,
        speaker_list,
        utterances.finish(speaker_list),
        front.front_matter,
        source,
        chosen.name,
        tuple(unparsed),
        tuple(diagnostics),
        notes.finish(),
    )
    return _finish(meeting, strict) if strict else meeting


def _without_margins(table: LineTable, pages: PageLayout) -> LineTable:
    """The text with its margin line numbers blanked out, offsets unchanged."""
    text = table.text
    parts = []
    position = 0
    for a, b in sorted(pages.margins.values()):
        parts.append(text[position:a])
        parts.append(" " * (b - a))
        position = b
    parts.append(text[position:])
    return LineTable("".join(parts))


def _cut_margins(
    table: LineTable, first: int, end: int, pages: PageLayout
) -> tuple[Iterable[Line], list[FixRow]]:
    """Lines ``[first, end)`` with their margin line numbers cut off, and the fixes saying so."""
    lines = table.lines_between(first, end)
    margins = pages.margins
    if not margins:
        return lines, []
    fixes: list[FixRow] = []
    for index in range(first, end):
        margin = margins.get(index)
        if margin is not None:
            a, b = margin
            fixes.append(("margin_line_number", a, b, ""))
    return _cut_lines(lines, first, margins), fixes


def _cut_lines(
    lines: Iterable[Line], first: int, margins: Mapping[int, tuple[int, int]]
) -> Iterator[Line]:
    """``lines`` (the first being line ``first``) without their margin numbers, one at a time."""
    for index, line in enumerate(lines, first):
        margin = margins.get(index)
        if margin is None:
            yield line
        elif margin[0] == line.start:
            yield Line(line.number, margin[1], line.end, line.next)
        else:
            yield Line(line.number, line.start, margin[0], line.next)


def _pages(pages: PageLayout, first: int, last: int, start: int) -> tuple[int, ...]:
    """Pages from the first to the last character of the turn's text (its paragraphs from
    ``first`` to ``last``; -1: none, the turn starting at ``start``)."""
    if not pages.breaks:
        return ()
    if first < 0:
        return pages.pages_of(start, start + 1)
    return pages.pages_of(first, last)


def _fix_start(row: FixRow) -> int:
    return row[1]


def _position(diagnostic: Diagnostic) -> tuple[int, int]:
    return diagnostic.line, diagnostic.column


def _speaker_id(label: str) -> str:
    """A stable id: the label without its spaces (``山田 太郎 委員`` -> ``山田太郎委員``)."""
    return "".join(label.split())


def _new_speaker(
    speaker_id: str,
    header: HeaderMatch,
    table: LineTable,
    start: int,
    diagnostics: list[Diagnostic],
) -> Speaker:
    parts = header.parts
    if not parts.known:
        diagnostics.append(
            Diagnostic(
                "unknown-role",
                f"no known role in speaker label {header.label!r}; kept whole as the label",
                Severity.WARNING,
                table.line_of(start),
                table.column_of(start),
            )
        )
    label = header.label
    made = _SPEAKERS.get(label)
    if made is not None and made[0] is parts:
        return made[1]
    speaker = Speaker(  # by position, in field order
        speaker_id,
        label,
        parts.name,
        parts.role,
        parts.honorific,
        SpeakerCategory.UNKNOWN,
        None,
        None,
        (),
        parts.seat,
        parts.disambiguator,
    )
    if len(_SPEAKERS) < _MAX_SPEAKERS:
        _SPEAKERS[label] = (parts, speaker)
    return speaker


#: The speaker each label was read as, with the parts it was made from (a speaker is
#: frozen and made from its label and parts alone: documents share it while a label is
#: read into the very same parts object, the lexicon's cached reading).
_SPEAKERS: dict[str, tuple[LabelParts, Speaker]] = {}
_MAX_SPEAKERS = 10_000


def _guess(header: HeaderMatch, table: LineTable, start: int) -> Diagnostic | None:
    """An info diagnostic for an uncertain reading of the label (``unlisted-office``,
    ``unsure-name``), or ``None``."""
    parts = header.parts
    if not parts.known or parts.guess is None:
        return None
    message = _GUESSES[parts.guess].format(label=header.label, role=parts.role)
    return Diagnostic(
        parts.guess, message, Severity.INFO, table.line_of(start), table.column_of(start)
    )


_GUESSES = {
    "unlisted-office": "office {role!r} in {label!r} is not in the lexicon; read by its head word",
    "unsure-name": "no name told apart from the office in {label!r}; kept whole as the role",
}


def _finish(meeting: Meeting, strict: bool) -> Meeting:
    if strict:
        for d in meeting.diagnostics:
            if d.severity is not Severity.INFO:
                line = LineTable(meeting.source.text).line(d.line - 1)
                raise ParseError(
                    d.message,
                    code=d.code,
                    line=d.line,
                    column=d.column,
                    offset=min(line.start + d.column - 1, line.end),
                    span=d.span,
                    source_name=meeting.source.name,
                )
    return meeting
