"""Front matter (everything before the first speaker header) and what it says.

Each non-blank line becomes a :class:`FrontMatterItem` with a kind; titles, dates,
times, places, issue numbers, agenda items and attendee rosters are read into typed
fields of :class:`FrontMatter`.
"""

from __future__ import annotations

import datetime
from collections.abc import Set

import attrs
import regex

from gikai_minutes._front.rosters import ROSTER_HEADING, read_roster_line
from gikai_minutes._text.dates import find_date
from gikai_minutes._text.lexicon import DEFAULT_LEXICON
from gikai_minutes._text.numerals import NUMERAL_CLASS, parse_number
from gikai_minutes.model import (
    Diagnostic,
    FrontMatter,
    FrontMatterItem,
    Note,
    NoteKind,
    Person,
    Roster,
    Severity,
)
from gikai_minutes.model._positions import LineTable

__all__ = ["FrontMatterInfo", "read_front_matter", "split_title"]

_N = f"{NUMERAL_CLASS}+"
_S = r"[ \u3000]*"
_SESSION = regex.compile(rf"[（(]?{_S}第{_S}(?P<n>{_N}){_S}回{_S}[）)]?")
_SESSION_ONLY = regex.compile(rf"第{_S}{_N}{_S}回")
_ISSUE = regex.compile(rf"第{_S}(?P<n>{_N}){_S}号")
_TITLE_SUFFIX = regex.compile(r"[ \u3000]*(?:議事録|会議録|議事要旨|議事概要)$")
_KEY_VALUE = regex.compile(
    r"(?:[0-9０-９]+[ \u3000．.]*)?(?P<key>[^\s：:](?:[ \u3000]?[^\s：:]){0,7}?)"
    r"(?:[ \u3000]*[：:][ \u3000]*|[ \u3000]{2,}|\u3000)(?P<value>.+)"
)
_KEYS = {
    "開催日": "date", "日時": "date", "日": "date", "開催日時": "date", "期日": "date",
    "会議名": "meeting_name", "名称": "meeting_name", "場所": "place", "開催場所": "place",
    "会場": "place",
}  # fmt: skip
_CLOCK = regex.compile(
    rf"(?P<ampm>午前|午後|正午)?{_S}(?P<h>{_N}){_S}(?:時{_S}(?:(?P<m>{_N}){_S}分|(?P<half>半))?|[：:](?P<m2>[0-9０-９]{{2}}))"
)
_TIME_WORDS = regex.compile(
    r"[ \u3000～~－\-・、]|開会|開議|散会|閉会|延会|開始|終了|再開|休憩|時間"
)
_TIME_END = regex.compile(r"(?:散会|閉会|延会|終了|閉議)")
_AGENDA_HEADING = regex.compile(
    rf"(?:[^。、]{{0,30}}(?:議事次第|議事日程)(?:第{_N}号)?|本日の会議に付した案件|議題|次第|案件)[：:]?"
)
_SEPARATOR = regex.compile(r"[―─━－\-…‥・＝=◇◆ \u3000]{3,}")
_STRIP = " \u3000\t\f\v\ufeff"
_SPACE = regex.compile(r"[ \u3000]+")
_NUMBERING = regex.compile(r"^(?:[0-9０-９]{1,2}[．.、)）]?|[（(][0-9０-９]{1,2}[)）])(?=\D)")
_HOUSES = ("衆議院", "参議院")
#: Group name for attendees listed below a dotted rule without a heading of their own.
OTHER_ATTENDEES = "その他の出席者"
#: Words a title line holds (``…研究会（第10回）``, ``…定例会会議録　第１号``).
_TITLE_WORDS = regex.compile(
    r"会議|委員会|研究会|審議会|協議会|部会|分科会|懇談会|検討会|懇話会|会合|議会|定例会|"
    r"臨時会|議事録|会議録|議事要旨|議事概要|次第|ヒアリング|フォーラム|本会議"
)


@attrs.frozen(slots=True)
class FrontMatterInfo:
    """What the front matter says, with its notes and the diagnostics found reading it.

    ``title``, ``date`` and ``date_text`` are the readings the :class:`Meeting` takes over;
    its body name and session are derived from the title by :func:`split_title`.
    """

    front_matter: FrontMatter
    title: str | None
    date: datetime.date | None
    date_text: str | None
    notes: tuple[Note, ...]
    diagnostics: tuple[Diagnostic, ...]


def split_title(title: str | None) -> tuple[str | None, int | None]:
    """The body name and session a title prints: ``…研究会（第10回）`` -> ``("…研究会", 10)``."""
    if title is None:
        return None, None
    m = _SESSION.search(title)
    session = parse_number(m.group("n")) if m else None
    name = (title[: m.start()] + title[m.end() :]).strip(_STRIP) if m else title
    return _TITLE_SUFFIX.sub("", name) or None, session


def _clock(text: str) -> list[datetime.time]:
    out = []
    for m in _CLOCK.finditer(text):
        hour = parse_number(m.group("h"))
        minute_text = m.group("m") or m.group("m2")
        minute = parse_number(minute_text) if minute_text else (30 if m.group("half") else 0)
        if hour is None or minute is None:
            continue
        if m.group("ampm") == "午後" and hour < 12:
            hour += 12
        if 0 <= hour < 24 and 0 <= minute < 60:
            out.append(datetime.time(hour, minute))
    return out


@attrs.define
class _State:
    """Mutable reading state, turned into the frozen result at the end."""

    title: str | None = None
    meeting_name: str | None = None
    date_text: str | None = None
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    place: str | None = None
    issue: int | None = None
    house: str | None = None
    agenda: list[str] = attrs.Factory(list)
    rosters: list[Roster] = attrs.Factory(list)
    section: str | None = None  # "agenda", "roster" or None
    group: str | None = None
    group_start: int = 0
    people: list[Person] = attrs.Factory(list)
    pending_role: str | None = None
    kun_style: bool = False  # names in this document's rosters end in 君 (the Diet)
    heading_indent: int = 0  # indentation of the last roster group heading
    previous: str | None = None  # the last line read as plain text

    def close_roster(self, table: LineTable, end: int) -> None:
        if self.group is not None and self.people:
            self.rosters.append(
                Roster(self.group, tuple(self.people), table.span(self.group_start, end))
            )
        self.group, self.people, self.pending_role = None, [], None


def read_front_matter(
    table: LineTable,
    end: int,
    page_numbers: Set[int] = frozenset(),
    running_headers: Set[int] = frozenset(),
) -> FrontMatterInfo:
    """Read the front matter occupying ``[0, end)``; the lines at the indexes in
    ``page_numbers`` and ``running_headers`` become notes."""
    text = table.text
    items: list[FrontMatterItem] = []
    notes: list[Note] = []
    diagnostics: list[Diagnostic] = []
    st = _State()
    last_end = 0
    for index, line in enumerate(table.lines):
        if line.start >= end:
            break
        raw = text[line.start : min(line.end, end)]
        content = raw.strip(_STRIP)
        if not content:
            continue
        start = line.start + len(raw) - len(raw.lstrip(_STRIP))
        span = table.span(start, start + len(content))
        if index in page_numbers or index in running_headers:
            artefact = NoteKind.PAGE_NUMBER if index in page_numbers else NoteKind.RUNNING_HEADER
            notes.append(Note(artefact, content, span))
            continue
        kind = _read_line(st, table, raw, content, start, last_end, diagnostics, line.number)
        items.append(FrontMatterItem(kind, content, span))
        last_end = span.end
    st.close_roster(table, last_end)
    rosters = _merge_rosters(st.rosters)
    if st.title is None and st.meeting_name is not None:
        st.title = st.meeting_name
    first_line = table.lines[0].number
    if st.title is None:
        diagnostics.append(
            Diagnostic("no-title", "no title before the first speaker", Severity.INFO, first_line)
        )
    if st.date_text is None:
        diagnostics.append(
            Diagnostic("no-date", "no date before the first speaker", Severity.INFO, first_line)
        )
    front = FrontMatter(
        table.span(0, end),
        tuple(items),
        house=st.house,
        meeting_name=st.meeting_name,
        issue=st.issue,
        place=st.place,
        start_time=st.start_time,
        end_time=st.end_time,
        agenda=tuple(st.agenda),
        rosters=rosters,
    )
    return FrontMatterInfo(front, st.title, st.date, st.date_text, tuple(notes), tuple(diagnostics))


def _read_line(
    st: _State,
    table: LineTable,
    raw: str,
    content: str,
    start: int,
    last_end: int,
    diagnostics: list[Diagnostic],
    line_number: int,
) -> str:
    squashed = _NUMBERING.sub("", _SPACE.sub("", content).lstrip("○〇◯◎"))
    if _SEPARATOR.fullmatch(content):
        in_roster = st.section == "roster"
        st.close_roster(table, last_end)
        st.section = None
        if in_roster and "…" in content:
            # Diet: a dotted rule divides members from the government side and staff.
            st.section, st.group = "roster", OTHER_ATTENDEES
            st.group_start, st.heading_indent = start + len(content), 0
        return "separator"
    if _AGENDA_HEADING.fullmatch(squashed):
        st.close_roster(table, last_end)
        st.section = "agenda"
        return "agenda_heading"
    indent = len(raw) - len(raw.lstrip(_STRIP))
    in_office = st.section == "roster" and st.kun_style and indent > st.heading_indent
    heading = None if in_office else ROSTER_HEADING.fullmatch(squashed)
    if heading is not None and (heading.group("colon") or len(squashed) <= 16):
        st.close_roster(table, last_end)
        st.section, st.group, st.group_start = "roster", heading.group("group"), start
        st.heading_indent = indent
        colon = heading.group("colon")
        if colon:
            offset = content.find(colon[:1]) + 1
            _add_people(st, table, content[offset:], start + offset)
        return "roster_heading"
    for house in _HOUSES:
        if house in content and st.house is None:
            st.house = house
    m = _ISSUE.search(content) if st.issue is None and len(content) <= 40 else None
    if m is not None and (m.start() == 0 or _TITLE_WORDS.search(content[: m.start()])):
        st.issue = parse_number(m.group("n"))
    kv = _KEY_VALUE.fullmatch(content)
    key = _KEYS.get(_SPACE.sub("", kv.group("key"))) if kv else None
    if key == "meeting_name" and kv is not None:
        st.meeting_name = st.meeting_name or kv.group("value").strip(_STRIP)
        return "meeting_name"
    if key == "place" and kv is not None:
        st.place = st.place or kv.group("value").strip(_STRIP)
        return "place"
    found = find_date(content)
    if found is not None and "。" not in content and len(content) <= 50:
        if st.date_text is not None:
            _read_times(st, content[found.end :])
            return "date"
        st.date_text, st.date = found.text, found.value
        before = content[: found.start].strip(_STRIP)
        if st.title is None and st.section is None and before and _is_title(before):
            st.title = before  # 「会議（第1回）　令和5年3月30日」: title and date on one line
        if found.value is None:
            diagnostics.append(
                Diagnostic(
                    "invalid-date",
                    f"date {found.text!r} does not exist",
                    Severity.WARNING,
                    line_number,
                )
            )
        _read_times(st, content[found.end :])
        return "date"
    times = _clock(content)
    if times and "。" not in content and len(_TIME_WORDS.sub("", _CLOCK.sub("", content))) <= 4:
        _read_times(st, content)
        return "time"
    if st.section == "agenda":
        _add_agenda(st, content)
        return "agenda"
    line_start = start - (len(raw) - len(raw.lstrip(_STRIP)))
    if st.section == "roster" and _add_people(st, table, raw, line_start):
        return "roster"
    if st.title is None and st.section is None and _is_title(content):
        # A cover page may print the session on the line above: 「第25回」「…推進会議」.
        previous = st.previous
        st.title = (
            f"{previous} {content}" if previous and _SESSION_ONLY.fullmatch(previous) else content
        )
        return "title"
    st.previous = content
    return "text"


def _merge_rosters(rosters: list[Roster]) -> tuple[Roster, ...]:
    """Join consecutive groups with one name (the Diet prints ``政府参考人`` above each
    government witness); a group named after an office gives it to roleless people."""
    out: list[Roster] = []
    for r in rosters:
        if out and out[-1].group == r.group:
            prev = out[-1]
            span = attrs.evolve(prev.span, end=r.span.end, last_line=r.span.last_line)
            out[-1] = Roster(prev.group, prev.people + r.people, span)
        else:
            out.append(r)
    return tuple(
        attrs.evolve(
            r,
            people=tuple(
                p
                if p.role or r.group not in DEFAULT_LEXICON.roles
                else attrs.evolve(p, role=r.group)
                for p in r.people
            ),
        )
        for r in out
    )


def _is_title(content: str) -> bool:
    return (
        "。" not in content
        and "君" not in content
        and len(content) <= 80
        and _TITLE_WORDS.search(content) is not None
    )


def _add_agenda(st: _State, content: str) -> None:
    """A new item, or the continuation of the last one: a wrapped line while its
    parentheses are open, or a parenthesised sub-item (``（…に関する件）``)."""
    if st.agenda:
        last = st.agenda[-1]
        open_paren = last.count("（") + last.count("(") > last.count("）") + last.count(")")
        if open_paren or content.startswith(("（", "(", "）", ")")):
            st.agenda[-1] = last + content
            return
    st.agenda.append(content)


def _read_times(st: _State, text: str) -> bool:
    times = _clock(text)
    if not times:
        return False
    if _TIME_END.search(text) and len(times) == 1:
        st.end_time = st.end_time or times[0]
    else:
        st.start_time = st.start_time or times[0]
        if len(times) > 1:
            st.end_time = st.end_time or times[1]
    return True


def _add_people(st: _State, table: LineTable, line: str, offset: int) -> bool:
    indent = len(line) - len(line.lstrip(" \u3000"))
    if st.kun_style and "君" not in line and indent <= st.heading_indent and not st.pending_role:
        # A heading printed less indented than the names (参議院: 副大臣, 大臣政務官).
        st.close_roster(table, offset)
        st.group, st.group_start = _SPACE.sub("", line), offset + indent
        st.heading_indent = indent
        return True
    entries, st.pending_role = read_roster_line(line, st.pending_role, kun_style=st.kun_style)
    if entries:
        st.kun_style = st.kun_style or any(e.honorific == "君" for e in entries)
    for e in entries:
        st.people.append(
            Person(
                e.name,
                table.span(offset + e.start, offset + e.end),
                role=e.role,
                honorific=e.honorific,
                affiliation=e.affiliation,
                seat=e.seat,
            )
        )
    return bool(entries) or st.pending_role is not None
