"""Typed data model of a parsed meeting.

Every class is a frozen attrs class with slots. The model holds data only: no parsing
happens here. Offsets are character offsets into :attr:`Source.text`; line numbers are
1-based.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from gikai_minutes.model._positions import _KEPT, LineTable, Span, items
from gikai_minutes.model._structure import Structure

__all__ = [
    "Diagnostic",
    "FrontMatter",
    "FrontMatterItem",
    "FrontMatterKind",
    "Meeting",
    "Note",
    "NoteKind",
    "Paragraph",
    "Person",
    "Roster",
    "Segment",
    "SegmentKind",
    "Severity",
    "Source",
    "Span",
    "Speaker",
    "SpeakerCategory",
    "TextFix",
    "UnparsedBlock",
    "Utterance",
]


class Severity(enum.Enum):
    """How serious a diagnostic is. ``strict=True`` parsing raises on WARNING and ERROR."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen(slots=True)
class Diagnostic:
    """Something the parser noticed, with its position (1-based line and column)."""

    code: str
    message: str
    severity: Severity
    line: int
    column: int = 1
    span: Span | None = None


@attrs.frozen(slots=True)
class TextFix:
    """One named repair applied to the source to produce cleaned text.

    ``span`` locates ``original`` in the source; ``replacement`` is what the cleaned
    text holds instead.
    """

    rule: str
    span: Span
    original: str
    replacement: str


class SpeakerCategory(enum.Enum):
    """What part a speaker plays in the meeting."""

    CHAIR = "chair"
    MEMBER = "member"
    PRESENTER = "presenter"
    GOVERNMENT = "government"
    SECRETARIAT = "secretariat"
    UNKNOWN = "unknown"


@attrs.frozen(slots=True)
class Speaker:
    """A person (or anonymous role) who speaks in the meeting.

    ``label`` is the header text exactly as printed, without its mark (``辻座長``,
    ``委員長（足立敏之君）``); ``name``, ``role`` and ``honorific`` are its parts. ``seat``
    is an assembly seat number (``２２番`` -> ``"22"``), ``disambiguator`` the hint that
    tells two members with one surname apart (``渡辺（周）委員`` -> ``"周"``), and
    ``full_name`` the roster entry a surname-only header was linked to. A part that could
    not be identified is ``None``.
    """

    id: str
    label: str
    name: str | None = None
    role: str | None = None
    honorific: str | None = None
    category: SpeakerCategory = SpeakerCategory.UNKNOWN
    affiliation: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = ()
    seat: str | None = None
    disambiguator: str | None = None
    full_name: str | None = None


@attrs.frozen(slots=True)
class Paragraph:
    """One paragraph of cleaned text and the source range it was built from."""

    text: str
    span: Span


@attrs.frozen(slots=True)
class Utterance:
    """One speaker turn.

    ``header_span`` covers the speaker header (``【辻座長】`` and the separator after it);
    ``span`` covers the body, from just after the header to the next element, blank lines
    included (notes inside it are carved out, see :class:`Note`). ``text`` is the
    paragraphs' text joined by ``"\\n"``; ``fixes`` lists every repair that makes ``text``
    differ from the joined source lines; ``pages`` the page numbers the turn spans, when
    the source marks pages.
    """

    index: int
    speaker: Speaker
    text: str
    paragraphs: tuple[Paragraph, ...]
    span: Span
    header_span: Span
    fixes: tuple[TextFix, ...] = ()
    pages: tuple[int, ...] = ()


class FrontMatterKind(enum.StrEnum):
    """What a line of front matter was recognised as.

    A ``StrEnum``: each member equals its value (``FrontMatterKind.TITLE == "title"``).
    """

    TITLE = "title"
    DATE = "date"
    TIME = "time"
    PLACE = "place"
    MEETING_NAME = "meeting_name"
    AGENDA_HEADING = "agenda_heading"
    AGENDA = "agenda"
    ROSTER_HEADING = "roster_heading"
    ROSTER = "roster"
    SEPARATOR = "separator"
    TEXT = "text"


def _front_matter_kind(kind: FrontMatterKind | str) -> FrontMatterKind:
    """``kind`` as a member (a member itself as it is: cheaper than the enum's call)."""
    return kind if isinstance(kind, FrontMatterKind) else FrontMatterKind(kind)


@attrs.frozen(slots=True)
class FrontMatterItem:
    """One line of front matter and what it was recognised as (a :class:`FrontMatterKind`;
    its value is accepted too)."""

    kind: FrontMatterKind = attrs.field(converter=_front_matter_kind)
    text: str
    span: Span


@attrs.frozen(slots=True)
class Person:
    """One entry of an attendee roster (``委員長　小泉進次郎君``).

    ``name`` has the spacing of the printed roster removed (``齊　藤　大　介`` -> ``齊藤大介``).
    """

    name: str
    span: Span
    role: str | None = None
    honorific: str | None = None
    affiliation: str | None = None
    seat: str | None = None


@attrs.frozen(slots=True)
class Roster:
    """A group of attendees under one heading (``出席委員``, ``幹事``, ``事務局``…)."""

    group: str
    people: tuple[Person, ...]
    span: Span


class _ItemRows:
    """A slot for the rows :attr:`FrontMatter.items` is made of when first read (not a
    field: no part of the data, its comparison, pickling or JSON)."""

    __slots__ = ("_item_rows",)


#: A front-matter line as a row: its kind, its text, the offset of the text and its
#: 1-based line number (the text lies on that one line).
ItemRow = tuple[FrontMatterKind, str, int, int]


@attrs.frozen(slots=True)
class FrontMatter(_ItemRows):
    """Everything before the first speaker header, and what it says.

    ``house`` is the Diet chamber (``衆議院``/``参議院``) when known, ``meeting_name`` the
    committee or meeting (``安全保障委員会``), ``issue`` the issue number (``第13号`` -> 13).
    """

    span: Span
    items: tuple[FrontMatterItem, ...] = ()
    house: str | None = None
    meeting_name: str | None = None
    issue: int | None = None
    place: str | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    agenda: tuple[str, ...] = ()
    rosters: tuple[Roster, ...] = ()

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> tuple[FrontMatterItem, ...]:
            # Only an unset slot comes here: the items of a front matter made by
            # :func:`front_matter_of`, made from its rows when first read (then kept).
            if name != "items":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            rows = self._item_rows
            if rows is None:  # made meanwhile by another thread (which set them first)
                return self.items
            items = tuple(
                FrontMatterItem(kind, text, Span(start, start + len(text), number, number))
                for kind, text, start, number in rows
            )
            _set(self, "items", items)
            _set(self, "_item_rows", None)
            return items


def _setters(cls: type, *names: str) -> tuple[Callable[[Any, object], None], ...]:
    """The setters of the named slots of frozen class ``cls`` (called at once, they set
    a slot with less work than ``object.__setattr__``)."""
    return tuple(cls.__dict__[name].__set__ for name in names)


(
    _front_span,
    _front_house,
    _front_meeting_name,
    _front_issue,
    _front_place,
    _front_start_time,
    _front_end_time,
    _front_agenda,
    _front_rosters,
) = _setters(
    FrontMatter,
    *("span", "house", "meeting_name", "issue", "place", "start_time", "end_time", "agenda"),
    "rosters",
)


def front_matter_of(
    span: Span,
    rows: list[ItemRow],
    house: str | None,
    meeting_name: str | None,
    issue: int | None,
    place: str | None,
    start_time: datetime.time | None,
    end_time: datetime.time | None,
    agenda: tuple[str, ...],
    rosters: tuple[Roster, ...],
) -> FrontMatter:
    """A :class:`FrontMatter` whose items are made from ``rows`` when first read (most
    parses never read them: making them costs a tenth of a Diet record's front matter)."""
    front: FrontMatter = object.__new__(FrontMatter)
    _front_span(front, span)
    _front_house(front, house)
    _front_meeting_name(front, meeting_name)
    _front_issue(front, issue)
    _front_place(front, place)
    _front_start_time(front, start_time)
    _front_end_time(front, end_time)
    _front_agenda(front, agenda)
    _front_rosters(front, rosters)
    if rows:
        _set(front, "_item_rows", rows)
    else:
        _set(front, "items", ())
    return front


class NoteKind(enum.Enum):
    """What a note in the proceedings records."""

    STAGE_DIRECTION = "stage_direction"
    TIME = "time"
    SEPARATOR = "separator"
    HEADING = "heading"
    PAGE_NUMBER = "page_number"
    RUNNING_HEADER = "running_header"
    OTHER = "other"


@attrs.frozen(slots=True)
class Note:
    """Text in the proceedings that nobody says: ``〔拍手〕``, ``午後３時５１分散会``, ``―――``,
    ``◎開会の宣告``, a page number.

    Kept out of utterance text; ``utterance_index`` is the utterance whose span holds the
    note, or ``None`` for notes outside every utterance.
    """

    kind: NoteKind
    text: str
    span: Span
    utterance_index: int | None = None


@attrs.frozen(slots=True)
class UnparsedBlock:
    """Source text the parser could not assign, kept verbatim rather than dropped."""

    text: str
    span: Span
    reason: str


@attrs.frozen(slots=True)
class Source:
    """The original text (after decoding), a checksum of it, and where it came from.

    ``reader`` names the source that made the text (``text``, ``html``, ``discussnet``,
    ``ndl``, ``pdf:pdfium``, ``pdf:pypdf``); ``None`` when the text was given directly.
    """

    text: str
    checksum: str
    name: str | None = None
    encoding: str | None = None
    reader: str | None = None

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> str:
            # Only an unset slot comes here: the checksum of a source made by
            # :func:`source_of`, computed when it is first read (then kept).
            if name != "checksum":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            checksum = text_checksum(self.text)
            object.__setattr__(self, "checksum", checksum)
            return checksum


def text_checksum(text: str) -> str:
    """The checksum :attr:`Source.checksum` holds for ``text`` (``sha256:`` and hex digits)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_set = object.__setattr__


def source_of(text: str, name: str | None, encoding: str | None, reader: str | None) -> Source:
    """A :class:`Source` of ``text`` whose checksum is computed when first read (most
    parses never read it: it costs as much as a small document's reading)."""
    source: Source = object.__new__(Source)
    _source_text(source, text)
    _source_name(source, name)
    _source_encoding(source, encoding)
    _source_reader(source, reader)
    return source


_source_text, _source_name, _source_encoding, _source_reader = _setters(
    Source, "text", "name", "encoding", "reader"
)


class SegmentKind(enum.Enum):
    """The kinds of element that together tile the source text."""

    FRONT_MATTER = "front_matter"
    HEADER = "header"
    UTTERANCE = "utterance"
    UNPARSED = "unparsed"
    NOTE = "note"


@attrs.frozen(slots=True)
class Segment:
    """One element of the tiling returned by :meth:`Meeting.segments`."""

    kind: SegmentKind
    span: Span
    index: int


@attrs.frozen(slots=True)
class Meeting:
    """A parsed meeting: metadata, speakers, utterances, and the source they came from."""

    title: str | None
    body_name: str | None
    session: int | None
    date: datetime.date | None
    date_text: str | None
    speakers: tuple[Speaker, ...]
    utterances: Sequence[Utterance] = attrs.field(converter=items)
    front_matter: FrontMatter
    source: Source
    dialect: str
    unparsed: tuple[UnparsedBlock, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    notes: Sequence[Note] = attrs.field(default=(), converter=items)
    structure: Structure | None = None
    #: The first speaker of each id, for constant-time lookups; not part of the data
    #: (made on first use).
    _by_id: dict[str, Speaker] = attrs.field(init=False, repr=False, eq=False)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> dict[str, Speaker]:
            # Only an unset slot comes here: the speakers by id, made when first read.
            if name != "_by_id":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            by_id = {s.id: s for s in reversed(self.speakers)}
            object.__setattr__(self, "_by_id", by_id)
            return by_id

    def speaker(self, speaker_id: str) -> Speaker:
        """Return the speaker with ``speaker_id``; raise ``KeyError`` if there is none."""
        return self._by_id[speaker_id]

    def utterances_by(self, speaker_id: str) -> tuple[Utterance, ...]:
        """All utterances of one speaker, in order."""
        from gikai_minutes.model._columns import Utterances

        utterances = self.utterances
        if isinstance(utterances, Utterances):  # only that speaker's utterances are made
            ids = utterances.speaker_ids()
            return tuple(utterances[i] for i, sid in enumerate(ids) if sid == speaker_id)
        return tuple(u for u in utterances if u.speaker.id == speaker_id)

    def segments(self) -> tuple[Segment, ...]:
        """All elements in source order; their spans tile the source text exactly.

        A note lies inside the span of the front matter or an utterance; that element is
        then returned in pieces around it, so that no character is counted twice.
        """
        from gikai_minutes.model._columns import Utterances

        found = [Segment(SegmentKind.FRONT_MATTER, self.front_matter.span, 0)]
        utterances = self.utterances
        spans = (
            enumerate(utterances.spans())
            if isinstance(utterances, Utterances)
            else ((u.index, (u.header_span, u.span)) for u in utterances)
        )
        for index, (header, body) in spans:
            found.append(Segment(SegmentKind.HEADER, header, index))
            found.append(Segment(SegmentKind.UTTERANCE, body, index))
        found.extend(
            Segment(SegmentKind.UNPARSED, block.span, i) for i, block in enumerate(self.unparsed)
        )
        found.sort(key=lambda s: (s.span.start, s.span.end))
        notes = [Segment(SegmentKind.NOTE, n.span, i) for i, n in enumerate(self.notes)]
        if not notes:
            return tuple(s for s in found if s.span.end > s.span.start)
        lines = LineTable(self.source.text)
        out: list[Segment] = []
        k = 0
        for seg in found:
            pos, span = seg.span.start, seg.span
            while k < len(notes) and notes[k].span.start < span.end:
                note = notes[k].span
                if note.start > pos:
                    out.append(Segment(seg.kind, lines.piece(span, pos, note.start), seg.index))
                out.append(notes[k])
                pos = note.end
                k += 1
            if pos < span.end:
                out.append(Segment(seg.kind, lines.piece(span, pos, span.end), seg.index))
        return tuple(s for s in out if s.span.end > s.span.start)

    def to_dict(self) -> dict[str, object]:
        """The meeting as JSON-ready builtins (see ``docs/json.md``)."""
        from gikai_minutes.export._json import meeting_to_dict

        return meeting_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Meeting:
        """Rebuild a meeting from :meth:`to_dict` output."""
        from gikai_minutes.export._json import meeting_from_dict

        return meeting_from_dict(data)

    def to_json(self, *, indent: int | None = None) -> str:
        """The meeting as a JSON document."""
        from gikai_minutes.export._json import meeting_to_json

        return meeting_to_json(self, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Meeting:
        """Rebuild a meeting from :meth:`to_json` output."""
        from gikai_minutes.export._json import meeting_from_json

        return meeting_from_json(text)


(
    _title,
    _body_name,
    _session,
    _date,
    _date_text,
    _speakers,
    _utterances,
    _front_matter,
    _source,
    _dialect,
    _unparsed,
    _diagnostics,
    _notes,
    _structure,
) = _setters(Meeting, *(a.name for a in attrs.fields(Meeting) if a.init))


def meeting_of(
    title: str | None,
    body_name: str | None,
    session: int | None,
    date: datetime.date | None,
    date_text: str | None,
    speakers: tuple[Speaker, ...],
    utterances: Sequence[Utterance],
    front_matter: FrontMatter,
    source: Source,
    dialect: str,
    unparsed: tuple[UnparsedBlock, ...],
    diagnostics: tuple[Diagnostic, ...],
    notes: Sequence[Note],
    structure: Structure | None = None,
) -> Meeting:
    """``Meeting(...)`` of these fields in order, made with less work (each field's slot
    set at once; a model sequence or tuple kept as it is, as the converter does)."""
    meeting: Meeting = object.__new__(Meeting)
    _title(meeting, title)
    _body_name(meeting, body_name)
    _session(meeting, session)
    _date(meeting, date)
    _date_text(meeting, date_text)
    _speakers(meeting, speakers)
    _utterances(meeting, utterances if utterances.__class__ in _KEPT else items(utterances))
    _front_matter(meeting, front_matter)
    _source(meeting, source)
    _dialect(meeting, dialect)
    _unparsed(meeting, unparsed)
    _diagnostics(meeting, diagnostics)
    _notes(meeting, notes if notes.__class__ in _KEPT else items(notes))
    _structure(meeting, structure)
    return meeting
