"""Front matter (everything before the first speaker header) and what it says.

Each non-blank line becomes a :class:`FrontMatterItem` with a kind; titles, dates,
times, places, issue numbers, agenda items and attendee rosters are read into typed
fields of :class:`FrontMatter`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Set

import attrs
import regex

from gikai_minutes._front.rosters import ROSTER_HEADING, ROSTER_HEADING_CUES, read_roster_line
from gikai_minutes._text.dates import find_date
from gikai_minutes._text.directions import CLOSING_WORDS, TIME_EVENT_WORDS, alternation
from gikai_minutes._text.lexicon import DEFAULT_LEXICON
from gikai_minutes._text.numerals import NUMERAL_CLASS, parse_number
from gikai_minutes.model import (
    Diagnostic,
    FrontMatter,
    FrontMatterItem,
    FrontMatterKind,
    Note,
    NoteKind,
    Person,
    Roster,
    Severity,
)
from gikai_minutes.model._positions import LineTable, Span

__all__ = ["LINE_RULES", "FrontMatterInfo", "LineRule", "read_front_matter", "split_title"]

_N = f"{NUMERAL_CLASS}+"
_S = r"[ \u3000]*"
_SESSION = re.compile(rf"[（(]?{_S}第{_S}(?P<n>{_N}){_S}回{_S}[）)]?")
_SESSION_ONLY = regex.compile(rf"第{_S}{_N}{_S}回")
_ISSUE = re.compile(rf"第{_S}(?P<n>{_N}){_S}号")
_TITLE_SUFFIX = re.compile(r"[ \u3000]*(?:議事録|会議録|議事要旨|議事概要)$")
_KEY_VALUE = re.compile(
    r"(?:[0-9０-９]++[ \u3000．.]*+)?(?P<key>[^\s：:](?:[ \u3000]?[^\s：:]){0,7}?)"
    r"(?:[ \u3000]*[：:][ \u3000]*|[ \u3000]{2,}|\u3000)(?P<value>.+)"
)
_KEYS = {
    "開催日": "date", "日時": "date", "日": "date", "開催日時": "date", "期日": "date",
    "会議名": "meeting_name", "名称": "meeting_name", "場所": "place", "開催場所": "place",
    "会場": "place",
}  # fmt: skip
# Spaces and numeral runs are possessive, and a clock starts at 午前/午後/正午 or at the
# start of a numeral run, so that no run of spaces or digits is scanned more than once.
_SP = r"[ \u3000]*+"
_CLOCK = re.compile(
    rf"(?:(?P<ampm>午前|午後|正午){_SP})?(?<!{NUMERAL_CLASS})(?P<h>{_N}+){_SP}"
    rf"(?:時{_SP}(?:(?P<m>{_N}+){_SP}分|(?P<half>半))?|[：:](?P<m2>[0-9０-９]{{2}}))"
)
_TIME_WORDS = re.compile(rf"[ \u3000～~－\-・、]|{alternation(TIME_EVENT_WORDS)}|時間")
_TIME_END = re.compile(alternation(CLOSING_WORDS))
_AGENDA_HEADING = re.compile(
    rf"(?:[^。、]{{0,30}}(?:議事次第|議事日程)(?:第{_N}号)?|本日の会議に付した案件|議題|次第|案件)[：:]?"
)
_SEPARATOR_CHARS = "―─━－-…‥・＝=◇◆ \u3000"
_SEPARATOR = re.compile(r"[―─━－\-…‥・＝=◇◆ \u3000]{3,}")
#: Literals one of which a line holds when a rule's pattern can match it: cheap checks
#: that spare the patterns most lines (a roster line meets no other rule's pattern).
_AGENDA_WORDS = ("次第", "議事日程", "本日の会議に付した案件", "議題", "案件")
_KEY_WORDS = ("会議名", "名称", "場所", "会場")
#: One search for any of the words (cheaper than a test per word on every line).
_AGENDA_CUE = re.compile("|".join(map(re.escape, _AGENDA_WORDS)))
_KEY_CUE = re.compile("|".join(map(re.escape, _KEY_WORDS)))
_STRIP = " \u3000\t\f\v\ufeff"
_SPACE = re.compile(r"[ \u3000]+")
_NUMBERING_FIRST = frozenset("0123456789０１２３４５６７８９（(")
_NUMBERING = re.compile(r"^(?:[0-9０-９]{1,2}[．.、)）]?|[（(][0-9０-９]{1,2}[)）])(?=\D)")
_HOUSES = ("衆議院", "参議院")
#: Lines longer than this are not searched for cues: every rule is tried on them.
_LONG_LINE = 512
#: The item kinds by their names (the item takes a member as is).
_KINDS: dict[str, FrontMatterKind] = {k.value: k for k in FrontMatterKind}
#: The lexicon's role words, for membership tests.
_ROLE_WORDS = frozenset(DEFAULT_LEXICON.roles)
#: Group name for attendees listed below a dotted rule without a heading of their own.
OTHER_ATTENDEES = "その他の出席者"
#: Words a title line holds (``…研究会（第10回）``, ``…定例会会議録　第１号``).
_TITLE_WORDS = (
    "会議", "委員会", "研究会", "審議会", "協議会", "部会", "分科会", "懇談会", "検討会",
    "懇話会", "会合", "議会", "定例会", "臨時会", "議事録", "会議録", "議事要旨", "議事概要",
    "次第", "ヒアリング", "フォーラム", "本会議",
)  # fmt: skip
_TITLE_WORD = re.compile("|".join(_TITLE_WORDS))


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


class _State:
    """Mutable reading state, turned into the frozen result at the end (a plain class:
    made once a document, so its construction is part of every document's fixed cost)."""

    __slots__ = (
        "agenda", "date", "date_text", "diagnostics", "end_time", "group", "group_start",
        "heading_indent", "house", "issue", "kun_style", "last_end", "meeting_name",
        "open_parens", "pending_role", "people", "place", "previous", "rosters", "section",
        "start_time", "table", "title",
    )  # fmt: skip

    def __init__(self, table: LineTable) -> None:
        self.table = table
        self.diagnostics: list[Diagnostic] = []
        self.last_end = 0  # end of the last line read as an item
        self.title: str | None = None
        self.meeting_name: str | None = None
        self.date_text: str | None = None
        self.date: datetime.date | None = None
        self.start_time: datetime.time | None = None
        self.end_time: datetime.time | None = None
        self.place: str | None = None
        self.issue: int | None = None
        self.house: str | None = None
        #: Agenda items, each as the lines it was printed on (joined at the end).
        self.agenda: list[list[str]] = []
        self.open_parens = 0  # parentheses the last agenda item leaves open
        self.rosters: list[Roster] = []
        self.section: str | None = None  # "agenda", "roster" or None
        self.group: str | None = None
        self.group_start = 0
        self.people: list[Person] = []
        self.pending_role: str | None = None
        self.kun_style = False  # names in this document's rosters end in 君 (the Diet)
        self.heading_indent = 0  # indentation of the last roster group heading
        self.previous: str | None = None  # the last line read as plain text

    def close_roster(self, end: int | None = None) -> None:
        """End the current roster group at ``end`` (default: after the last item)."""
        end = self.last_end if end is None else end
        if self.group is not None and self.people:
            self.rosters.append(
                Roster(self.group, tuple(self.people), self.table.span(self.group_start, end))
            )
        self.group, self.people, self.pending_role = None, [], None


class _Line:
    """One non-blank front-matter line: ``content`` is ``raw`` stripped, starting at
    ``start``; ``squashed`` is it without spaces, marks and item numbering."""

    __slots__ = ("content", "indent", "number", "raw", "squashed", "start")

    def __init__(
        self, raw: str, content: str, start: int, indent: int, number: int, squashed: str
    ) -> None:
        self.raw, self.content, self.start = raw, content, start
        self.indent, self.number, self.squashed = indent, number, squashed

    @property
    def line_start(self) -> int:
        return self.start - self.indent


@attrs.frozen(slots=True)
class LineRule:
    """Reads one kind of front-matter line: ``apply`` updates the state and returns the
    item's kind, or ``None`` when the line is not of this kind.

    The other fields say, as data, which lines the rule can take at all, so that it is
    not tried on any other (each empty means no condition): ``cues``, words one of which
    the line holds once spaces, marks and numbering are removed; ``first``, characters
    one of which the line starts with; ``sections``, the sections (``None``: outside any)
    the line must be read in. A rule that takes no line may still note what it reads
    (:func:`_house_and_issue`), so its cues cover that too.
    """

    name: str
    apply: Callable[[_State, _Line], str | None]
    cues: tuple[str, ...] = ()
    first: str = ""
    sections: tuple[str | None, ...] = ()


class _Dispatch:
    """Selects the rules that can take a line: one search finds every rule's cue words in
    it at once (``cue``; ``cue_bits`` maps each to the rules it stands for, one bit a
    rule), and the rules its cues, first character (``first_bits``) and section allow are
    looked up by that combination (``chosen``: made on first use).

    The search takes the longest cue at each place and does not look inside it again, so
    a cue found also stands for every cue inside it or overlapping its end.
    """

    __slots__ = ("chosen", "cue", "cue_bits", "first_bits", "rules")

    def __init__(self, rules: tuple[LineRule, ...]) -> None:
        self.rules = rules
        words = sorted({w for r in rules for w in r.cues}, key=len, reverse=True)
        # a pattern that matches nothing when no rule has cues
        self.cue = re.compile("|".join(map(re.escape, words)) or "(?!)")
        self.cue_bits = {
            w: sum(
                1 << i
                for i, r in enumerate(rules)
                if any(c in w or _overlaps(w, c) for c in r.cues)
            )
            for w in words
        }
        self.first_bits: dict[str, int] = {}
        for i, r in enumerate(rules):
            for c in r.first:
                self.first_bits[c] = self.first_bits.get(c, 0) | 1 << i
        self.chosen: dict[tuple[int, int, str | None], tuple[LineRule, ...]] = {}

    def select(self, key: tuple[int, int, str | None]) -> tuple[LineRule, ...]:
        """The rules, in order, that can take a line with these (cue bits, first-character
        bits, section)."""
        cues, firsts, section = key
        chosen = self.chosen[key] = tuple(
            r
            for i, r in enumerate(self.rules)
            if (not r.cues or cues >> i & 1)
            and (not r.first or firsts >> i & 1)
            and (not r.sections or section in r.sections)
        )
        return chosen


def _overlaps(word: str, cue: str) -> bool:
    """Whether ``cue`` can start inside ``word`` and run past its end."""
    return any(word.endswith(cue[:k]) for k in range(1, min(len(cue), len(word))))


def read_front_matter(
    table: LineTable,
    end: int,
    page_numbers: Set[int] = frozenset(),
    running_headers: Set[int] = frozenset(),
) -> FrontMatterInfo:
    """Read the front matter occupying ``[0, end)``; the lines at the indexes in
    ``page_numbers`` and ``running_headers`` become notes."""
    if end <= 0:  # the first speaker starts the text: no front matter, nothing said
        return _NO_FRONT_MATTER
    text = table.text
    items: list[FrontMatterItem] = []
    notes: list[Note] = []
    count = table.line_of(end - 1)  # the lines starting before ``end`` (one at least)
    st = _State(table)
    dispatch = _DISPATCH
    cue, cue_bits, first_bits, chosen = (
        dispatch.cue,
        dispatch.cue_bits,
        dispatch.first_bits,
        dispatch.chosen,
    )
    artefacts = page_numbers or running_headers
    # One line object for every line, its fields set for each (no rule keeps it).
    read = _Line("", "", 0, 0, 0, "")
    starts = table.starts
    cr = "\r" in text
    for index in range(count):
        # the line's content: up to its line end (a CRLF's CR excluded, as in LineTable)
        line_start = starts[index]
        if index + 1 < len(starts):
            line_end = starts[index + 1] - 1
            if cr and line_end > line_start and text[line_end - 1 : line_end + 1] == "\r\n":
                line_end -= 1
        else:
            line_end = len(text)
        raw = text[line_start : line_end if line_end < end else end]
        lstripped = raw.lstrip(_STRIP)
        if not lstripped:
            continue
        content = lstripped.rstrip(_STRIP)
        indent = len(raw) - len(lstripped)
        start = line_start + indent
        number = index + 1
        # the content lies inside its line: the span's lines are the line's number
        span = Span(start, start + len(content), number, number)
        if artefacts and (index in page_numbers or index in running_headers):
            artefact = NoteKind.PAGE_NUMBER if index in page_numbers else NoteKind.RUNNING_HEADER
            notes.append(Note(artefact, content, span))
            continue
        squashed = content.replace(" ", "").replace("\u3000", "").lstrip("○〇◯◎")
        if squashed[:1] in _NUMBERING_FIRST:
            squashed = _NUMBERING.sub("", squashed)
        # the rules that can take the line (see _Dispatch.select, inlined: once a line)
        cues = 0
        if len(squashed) > _LONG_LINE:  # every rule is tried (no list of its many cues)
            cues = -1
        else:
            for word in cue.findall(squashed):
                cues |= cue_bits[word]
        key = (cues, first_bits.get(content[0], 0), st.section)
        rules = chosen.get(key)
        if rules is None:
            rules = dispatch.select(key)
        read.raw, read.content, read.start = raw, content, start
        read.indent, read.number, read.squashed = indent, number, squashed
        for rule in rules:
            kind = rule.apply(st, read)
            if kind is not None:
                break
        else:
            st.previous = content
            kind = "text"
        items.append(FrontMatterItem(_KINDS.get(kind, kind), content, span))
        st.last_end = span.end
    st.close_roster()
    rosters = _merge_rosters(st.rosters) if st.rosters else ()
    if st.title is None and st.meeting_name is not None:
        st.title = st.meeting_name
    diagnostics = st.diagnostics
    if st.title is None:
        diagnostics.append(_NO_TITLE)
    if st.date_text is None:
        diagnostics.append(_NO_DATE)
    front = FrontMatter(
        table.span(0, end),
        tuple(items),
        house=st.house,
        meeting_name=st.meeting_name,
        issue=st.issue,
        place=st.place,
        start_time=st.start_time,
        end_time=st.end_time,
        agenda=tuple("".join(parts) for parts in st.agenda),
        rosters=rosters,
    )
    return FrontMatterInfo(front, st.title, st.date, st.date_text, tuple(notes), tuple(diagnostics))


#: The diagnostics of fields the front matter lacks, on the first line (frozen, so shared
#: by documents).
_NO_TITLE = Diagnostic("no-title", "no title before the first speaker", Severity.INFO, 1)
_NO_DATE = Diagnostic("no-date", "no date before the first speaker", Severity.INFO, 1)
#: What a text that starts with its first speaker says before it (frozen: shared).
_NO_FRONT_MATTER = FrontMatterInfo(
    FrontMatter(Span(0, 0, 1, 1)), None, None, None, (), (_NO_TITLE, _NO_DATE)
)


def _separator(st: _State, line: _Line) -> str | None:
    """A rule of dashes or dots ends any section; a dotted rule inside a Diet roster
    opens the group of the government side and staff."""
    if line.content[0] not in _SEPARATOR_CHARS or not _SEPARATOR.fullmatch(line.content):
        return None
    in_roster = st.section == "roster"
    st.close_roster()
    st.section = None
    if in_roster and "…" in line.content:
        st.section, st.group = "roster", OTHER_ATTENDEES
        st.group_start, st.heading_indent = line.start + len(line.content), 0
    return "separator"


def _agenda_heading(st: _State, line: _Line) -> str | None:
    """``議事次第``, ``議題：``, ``本日の会議に付した案件``: agenda items follow."""
    squashed = line.squashed
    if _AGENDA_CUE.search(squashed) is None or not _AGENDA_HEADING.fullmatch(squashed):
        return None
    st.close_roster()
    st.section = "agenda"
    return "agenda_heading"


def _roster_heading(st: _State, line: _Line) -> str | None:
    """``出席委員``, ``委員：東　珠実、…``: a roster group (its people may follow the colon).
    In a Diet roster an office indented below its heading is no new heading."""
    if st.section == "roster" and st.kun_style and line.indent > st.heading_indent:
        return None
    squashed = line.squashed
    if len(squashed) > 16 and "：" not in squashed and ":" not in squashed:
        return None  # too long for a heading without a colon
    heading = ROSTER_HEADING.fullmatch(squashed)
    if heading is None or not (heading.group("colon") or len(line.squashed) <= 16):
        return None
    st.close_roster()
    st.section, st.group, st.group_start = "roster", heading.group("group"), line.start
    st.heading_indent = line.indent
    colon = heading.group("colon")
    if colon:
        offset = line.content.find(colon[:1]) + 1
        _add_people(st, line.content[offset:], line.start + offset, line.number)
    return "roster_heading"


def _house_and_issue(st: _State, line: _Line) -> str | None:
    """Notes the house (``衆議院``) and the issue (``第１号``) any line names; never
    decides the line's kind."""
    content = line.content
    if st.house is None:
        st.house = next((house for house in _HOUSES if house in content), None)
    m = (
        _ISSUE.search(content)
        if st.issue is None and len(content) <= 40 and "号" in content
        else None
    )
    if m is not None and (m.start() == 0 or _TITLE_WORD.search(content[: m.start()])):
        st.issue = parse_number(m.group("n"))
    return None


def _key_value(st: _State, line: _Line) -> str | None:
    """``会議名：…``, ``場所　第１会議室``: a key the front matter knows and its value."""
    if _KEY_CUE.search(line.squashed) is None:
        return None
    kv = _KEY_VALUE.fullmatch(line.content)
    key = _KEYS.get(_SPACE.sub("", kv.group("key"))) if kv else None
    if kv is None or key not in ("meeting_name", "place"):
        return None
    value = kv.group("value").strip(_STRIP)
    if key == "meeting_name":
        st.meeting_name = st.meeting_name or value
    else:
        st.place = st.place or value
    return key


def _date(st: _State, line: _Line) -> str | None:
    """A short line with a date (the first one is the meeting's), maybe with the title
    before it and the times after it."""
    content = line.content
    if "。" in content or len(content) > 50 or "年" not in content or "日" not in content:
        return None
    found = find_date(content)
    if found is None:
        return None
    if st.date_text is None:
        st.date_text, st.date = found.text, found.value
        before = content[: found.start].strip(_STRIP)
        if st.title is None and st.section is None and before and _is_title(before):
            st.title = before  # 「会議（第1回）　令和5年3月30日」: title and date on one line
        if found.value is None:
            message = f"date {found.text!r} does not exist"
            st.diagnostics.append(
                Diagnostic("invalid-date", message, Severity.WARNING, line.number)
            )
    _read_times(st, content[found.end :])
    return "date"


def _time(st: _State, line: _Line) -> str | None:
    """``午前１０時開会``, ``開会　午後１時３０分～午後３時``: times and little else."""
    content = line.content
    if "。" in content or not ("時" in content or "：" in content or ":" in content):
        return None
    if not _clock(content):
        return None
    if len(_TIME_WORDS.sub("", _CLOCK.sub("", content))) > 4:
        return None
    _read_times(st, content)
    return "time"


def _agenda_item(st: _State, line: _Line) -> str | None:
    """In an agenda section: a new item, or the continuation of the last one (a wrapped
    line while its parentheses are open, or a parenthesised sub-item ``（…に関する件）``)."""
    if st.section != "agenda":
        return None
    content = line.content
    opened = content.count("（") + content.count("(") - content.count("）") - content.count(")")
    if st.agenda and (st.open_parens > 0 or content.startswith(("（", "(", "）", ")"))):
        st.agenda[-1].append(content)
        st.open_parens += opened
    else:
        st.agenda.append([content])
        st.open_parens = opened
    return "agenda"


def _roster_people(st: _State, line: _Line) -> str | None:
    """In a roster section: the people on the line (or an office waiting for them)."""
    if st.section != "roster":
        return None
    return "roster" if _add_people(st, line.raw, line.line_start, line.number) else None


def _title(st: _State, line: _Line) -> str | None:
    """The first title-like line outside any section. A cover page may print the session
    on the line above: 「第25回」「…推進会議」."""
    content = line.content
    if st.title is not None or st.section is not None or not _is_title(content):
        return None
    previous = st.previous
    st.title = (
        f"{previous} {content}" if previous and _SESSION_ONLY.fullmatch(previous) else content
    )
    return "title"


#: Front-matter line rules in the order they are tried; a line no rule takes is ``text``.
LINE_RULES: tuple[LineRule, ...] = (
    LineRule("separator", _separator, first=_SEPARATOR_CHARS),
    LineRule("agenda_heading", _agenda_heading, cues=_AGENDA_WORDS),
    LineRule("roster_heading", _roster_heading, cues=ROSTER_HEADING_CUES),
    LineRule("house_and_issue", _house_and_issue, cues=(*_HOUSES, "号")),
    LineRule("key_value", _key_value, cues=_KEY_WORDS),
    LineRule("date", _date, cues=("年",)),
    LineRule("time", _time, cues=("時", "：", ":")),
    LineRule("agenda_item", _agenda_item, sections=("agenda",)),
    LineRule("roster_people", _roster_people, sections=("roster",)),
    LineRule("title", _title, cues=_TITLE_WORDS, sections=(None,)),
)
_DISPATCH = _Dispatch(LINE_RULES)


def _merge_rosters(rosters: list[Roster]) -> tuple[Roster, ...]:
    """Join consecutive groups with one name (the Diet prints ``政府参考人`` above each
    government witness); a group named after an office gives it to roleless people."""
    runs: list[list[Roster]] = []
    for r in rosters:
        if runs and runs[-1][0].group == r.group:
            runs[-1].append(r)
        else:
            runs.append([r])
    out = []
    for run in runs:
        group, first, last = run[0].group, run[0].span, run[-1].span
        people = [p for r in run for p in r.people]
        if group in _ROLE_WORDS:
            people = [
                p if p.role else Person(p.name, p.span, group, p.honorific, p.affiliation, p.seat)
                for p in people
            ]
        span = Span(first.start, last.end, first.first_line, last.last_line)
        out.append(Roster(group, tuple(people), span))
    return tuple(out)


def _is_title(content: str) -> bool:
    return (
        "。" not in content
        and "君" not in content
        and len(content) <= 80
        and _TITLE_WORD.search(content) is not None
    )


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


def _add_people(st: _State, line: str, offset: int, number: int) -> bool:
    """Read the people on ``line`` (at ``offset``, on line ``number``) into the group."""
    if (
        st.kun_style
        and "君" not in line
        and not st.pending_role
        and (indent := len(line) - len(line.lstrip(" \u3000"))) <= st.heading_indent
    ):
        # A heading printed less indented than the names (参議院: 副大臣, 大臣政務官).
        st.close_roster(offset)
        st.group, st.group_start = _SPACE.sub("", line), offset + indent
        st.heading_indent = indent
        return True
    entries, st.pending_role = read_roster_line(line, st.pending_role, kun_style=st.kun_style)
    if entries and not st.kun_style:
        st.kun_style = any(e.honorific == "君" for e in entries)
    people = st.people
    for name, start, end, role, honorific, affiliation, seat in entries:
        # an entry lies inside its line (an empty one sits on its start)
        span = Span(offset + start, offset + end, number, number)
        people.append(Person(name, span, role, honorific, affiliation, seat))
    return bool(entries) or st.pending_role is not None
