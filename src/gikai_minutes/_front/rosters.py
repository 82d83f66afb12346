"""Attendee rosters in front matter, and linking speakers to roster entries.

Roster lines come in a few layouts: Diet (``理事　黄川田仁志君　理事　中曽根康隆君``, an
office alone on one line and ``（所属）　氏名君`` on the next), assemblies with seat
numbers (``１番　　むらまつ　勝康　　　２番　…``), office + spaced name columns
(``区長　　　　青　木　克　德``), and inline lists (``委員：東　珠実（会長）、…``).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import attrs

from gikai_minutes._text.lexicon import (
    DEFAULT_LEXICON,
    HEAD_WORDS,
    ROLE_WORDS,
    ROLES_BY_LAST,
    SEAT_NUMBER,
    SPACE,
    RoleLexicon,
)
from gikai_minutes.model import Person, Roster, Speaker

__all__ = [
    "ROSTER_HEADING",
    "ROSTER_HEADING_CUES",
    "RosterEntry",
    "link_speakers",
    "read_roster_line",
]

_SPACE_RE = re.compile(r"[ \u3000]+")
#: A roster group heading, matched against the line with its spaces removed.
ROSTER_HEADING = re.compile(
    r"(?P<group>(?:出席|欠席)?(?:委員|小委員|議員|説明員|者|構成員|幹事|理事|国務大臣|"
    r"政府参考人|参考人|事務局側|事務局|[^\s、。]{0,12}事務局|[^\s、。]{0,12}職員|オブザーバー|"
    r"臨時委員|専門委員))"
    r"(?:[（(][0-9０-９]+[名人][）)])?(?:は左のとおり。?)?(?P<colon>[：:].*)?"
)
#: Words one of which every group of :data:`ROSTER_HEADING` holds: a line without any of
#: them is no roster heading (a check cheaper than the pattern).
ROSTER_HEADING_CUES: tuple[str, ...] = ("員", "者", "事", "大臣", "参考人", "オブザーバー")
#: A seat number (``２３番``); a seat entry's name runs from the spaces after it to the
#: next seat number (or the line's end).
_SEAT = re.compile(SEAT_NUMBER)
_SEAT_HEAD = re.compile(f"{SEAT_NUMBER}({SPACE}+)")
#: A cell of a Diet roster: everything up to the next 君 (at least one other character),
#: read as its indentation, the affiliation printed first (``（外務省北米局長）``) with the
#: spaces after it, and the rest (office and name).
_KUN_CELL = re.compile(r"(?!君)([ \u3000]*)(?:[（(]([^（）()君]+)[）)][ \u3000]*)?([^君]*)君")
_COLUMNS = re.compile(r"[ \u3000]{2,}")
#: Words after an office that keep it an office (``…課長兼務``, ``…部長事務取扱``).
_ROLE_SUFFIXES = ("兼務", "兼", "事務取扱", "代理", "心得")
_ROLE_SUFFIX = re.compile(f"(?:{'|'.join(_ROLE_SUFFIXES)})$")
#: How a label the lexicon reads as an unlisted office ends: a head word, or a
#: parenthesis holding the label (a final newline is left to the lexicon's patterns).
_UNLISTED_ENDS = (*HEAD_WORDS, "）", ")", "\n")
_AFFILIATION = re.compile(r"[（(]([^（）()]+)[）)]")
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")


class RosterEntry(NamedTuple):
    """A person read from a roster line, with source offsets into the line (a named tuple:
    one is made for each person of every roster)."""

    name: str
    start: int
    end: int
    role: str | None
    honorific: str | None
    affiliation: str | None
    seat: str | None


def _squash(text: str) -> str:
    return text.replace(" ", "").replace("\u3000", "")


def _is_role(token: str, lexicon: RoleLexicon) -> bool:
    return _read_role(token.replace(" ", "").replace("\u3000", ""), lexicon)


def _read_role(t: str, lexicon: RoleLexicon) -> bool:
    """Whether ``t`` (without spaces) is an office: a role word at its end, a word such as
    ``兼務`` after an office, or an office the lexicon reads by its head word alone.

    The role words are tried as suffixes (those ending in its last character), not by the
    lexicon's pattern, unless the lexicon has words of its own or ``t`` ends in a newline
    (before which the pattern's ``$`` matches too)."""
    if not t:
        return False
    if t[-1] == "\n" or lexicon.roles is not ROLE_WORDS:
        if lexicon.is_role(t) or (len(t) > 2 and _ROLE_SUFFIX.search(t) is not None):
            return True
    else:
        words = ROLES_BY_LAST.get(t[-1])
        if (words is not None and t.endswith(words)) or (len(t) > 2 and t.endswith(_ROLE_SUFFIXES)):
            return True
    return _unlisted_office(t, lexicon)


def _unlisted_office(text: str, lexicon: RoleLexicon) -> bool:
    """An office the lexicon reads by its head word alone, no name before it (``経営企画監``).
    Only a label ending in a head word (maybe in parentheses) can be one: any other text
    is no such office without being read."""
    if not text.endswith(_UNLISTED_ENDS):
        return False
    parts = lexicon.interpret(text)
    return parts.guess == "unlisted-office" and parts.name is None


def read_roster_line(
    line: str,
    pending_role: str | None,
    lexicon: RoleLexicon = DEFAULT_LEXICON,
    kun_style: bool = False,
) -> tuple[list[RosterEntry], str | None]:
    """People on one roster line, and an office left waiting for the next line.

    In a Diet roster (``kun_style``: names end in 君) a line without a name is part of
    an office printed over several lines (``常任委員会専門`` / ``員　　中内　康夫君``).
    """
    stripped = line.strip(" \u3000")
    if not stripped:
        return [], pending_role
    if "君" in stripped:
        return _kun_entries(line, pending_role, lexicon), None
    seats = _seat_entries(line) if "番" in line else None
    if seats:
        return seats, None
    if "、" in stripped:
        return _listed_entries(line), None
    if kun_style:
        return [], (pending_role or "") + _squash(stripped)
    return _column_entries(line, pending_role, lexicon)


def _seat_entries(line: str) -> list[RosterEntry]:
    """``２３番　竹　村　ゆうい　２４番　…``: members by seat number. Each name ends where
    the next seat number starts (one search per entry, no test per character)."""
    out = []
    pos = 0
    while (head := _SEAT_HEAD.search(line, pos)) is not None:
        name_start = head.end()
        seat = _SEAT.search(line, name_start)
        end = len(line) if seat is None else seat.start()
        newline = line.find("\n", name_start, end)
        end = end if newline < 0 else newline
        if end == name_start and len(head.group(2)) < 2:
            pos = head.start() + 1  # no name; of two spaces or more one is the name
            continue
        out.append(_seat_entry(head.group(1), line[name_start:end], head.start(), end))
        pos = end
    return out


def _seat_entry(number: str, text: str, start: int, end: int) -> RosterEntry:
    """``２３番　竹　村　ゆうい``: a member by seat number."""
    name = _squash(text)
    honorific = "議員" if name.endswith("議員") else None
    seat = str(int(number.translate(_WIDE)))
    return RosterEntry(name.removesuffix("議員"), start, end, None, honorific, None, seat)


def _kun_entries(line: str, pending: str | None, lexicon: RoleLexicon) -> list[RosterEntry]:
    out = []
    for m in _KUN_CELL.finditer(line):
        affiliation = m.group(2)
        # the cell without its indentation and affiliation; it ends in 君
        cell = line[m.start(3) : m.end()]
        if " " in cell or "\u3000" in cell:
            # neither end has spaces: no part and no token is empty
            parts = _COLUMNS.split(cell)
            tokens = (
                _SPACE_RE.split(parts[0]) if " " in parts[0] or "\u3000" in parts[0] else [parts[0]]
            )
        else:  # one word: nothing to split
            parts = tokens = [cell]
        role: str | None = None
        if affiliation is not None:
            role = pending
        elif len(parts) >= 2 and pending:
            role, parts = pending + _squash(parts[0]), parts[1:]
        elif len(tokens) > 1 and _is_role(tokens[0], lexicon):
            role, parts = tokens[0], [*tokens[1:], *parts[1:]]
        elif (
            len(parts) >= 2
            and len(tokens) == 1
            and (_is_role(parts[0], lexicon) or len(parts[0]) > 4)
        ):
            role, parts = parts[0], parts[1:]
        role = role or pending
        name = _squash("".join(parts)).removesuffix("君")
        if name:
            out.append(RosterEntry(name, m.end(1), m.end(), role, "君", affiliation, None))
        pending = None
    return out


def _listed_entries(line: str) -> list[RosterEntry]:
    out = []
    pos = 0
    for item in line.split("、"):
        start = pos + len(item) - len(item.lstrip(" \u3000"))
        pos += len(item) + 1
        text = item.strip(" \u3000")
        if not text:
            continue
        role = None
        a = _AFFILIATION.search(text)
        if a is not None:
            role = a.group(1)
            text = text[: a.start()] + text[a.end() :]
        name = _squash(text)
        if name:
            out.append(
                RosterEntry(name, start, start + len(item.strip(" \u3000")), role, None, None, None)
            )
    return out


def _column_entries(
    line: str, pending: str | None, lexicon: RoleLexicon
) -> tuple[list[RosterEntry], str | None]:
    out: list[RosterEntry] = []
    role = pending
    name_parts: list[str] = []
    start = end = 0
    pos = 0
    cells: list[tuple[str, int, int]] = []
    for m in _COLUMNS.finditer(line + "  "):
        cell = line[pos : m.start()]
        if cell:
            cells.append((cell, pos, m.start()))
        pos = m.end()
    for cell, a, b in _split_role_cells(cells, lexicon):
        if _is_role(cell, lexicon):
            if name_parts:
                out.append(RosterEntry("".join(name_parts), start, end, role, None, None, None))
                name_parts = []
                role = None
            role = role + _squash(cell) if role else _squash(cell)
            continue
        if not name_parts:
            start = a
        name_parts.append(_squash(cell))
        end = b
    if name_parts:
        out.append(RosterEntry("".join(name_parts), start, end, role, None, None, None))
        return out, None
    return out, role


def _split_role_cells(
    cells: list[tuple[str, int, int]], lexicon: RoleLexicon
) -> list[tuple[str, int, int]]:
    """Split ``議事調査担当係長　川　上　玲　子`` (office, one space, name) into two cells."""
    out = []
    for cell, a, b in cells:
        head = _SPACE_RE.split(cell, maxsplit=1)
        if len(head) == 2 and len(head[0]) > 1 and _is_role(head[0], lexicon):
            cut = a + len(head[0])
            out.append((head[0], a, cut))
            rest = cell[len(head[0]) :]
            lead = len(rest) - len(rest.lstrip(" \u3000"))
            out.append((rest.strip(" \u3000"), cut + lead, b))
        else:
            out.append((cell, a, b))
    return out


def link_speakers(
    speakers: tuple[Speaker, ...],
    rosters: tuple[Roster, ...],
    lexicon: RoleLexicon = DEFAULT_LEXICON,
) -> tuple[Speaker, ...]:
    """Split each label against the roster (roster-first names), then give each speaker
    the full name of the one roster person their header points to."""
    if not rosters:
        return speakers
    people: list[Person] = [p for r in rosters for p in r.people]
    if not people:
        return speakers
    index = _NameIndex(people)
    roster = _RosterIndex(people, index.sorted)
    out = []
    for s in speakers:
        s = _roster_split(s, index, lexicon)
        full = roster.match(s)
        out.append(attrs.evolve(s, full_name=full) if full and full != s.full_name else s)
    return tuple(out)


class _NameIndex:
    """Roster names, and whether a text starts one (a surname does): looked up in the
    sorted names, no prefix made."""

    __slots__ = ("names", "sorted")

    def __init__(self, people: list[Person]) -> None:
        self.names = {p.name for p in people}
        self.sorted = sorted(self.names)

    def has_prefix(self, text: str) -> bool:
        """Whether ``text`` (of 1 to :data:`_MAX_PREFIX` characters) starts a roster name."""
        if not 0 < len(text) <= _MAX_PREFIX:
            return False
        names = self.sorted
        k = bisect.bisect_left(names, text)
        return k < len(names) and names[k].startswith(text)


#: Prefixes of roster names count up to this length (a speaker's name is shorter).
_MAX_PREFIX = 40
#: The longest surname the roster split tries when the label holds no full roster name.
_MAX_SURNAME = 4


def _roster_split(speaker: Speaker, index: _NameIndex, lexicon: RoleLexicon) -> Speaker:
    """The speaker with name and role re-split where the roster shows where the name ends.

    ``木下スポーツ・文化振興局国際大会推進担当部長`` with ``木下　一郎`` on the roster:
    name ``木下``, role ``スポーツ・文化振興局国際大会推進担当部長``. A label the lexicon
    already split into a name the roster knows (a prefix of a roster name) is kept; the
    part after the name must be an office with no name of its own.
    """
    if speaker.seat is not None or speaker.disambiguator is not None:
        return speaker
    label = _squash(speaker.label)
    if "（" in label or "(" in label:
        return speaker
    name = _squash(speaker.name or "")
    if name and index.has_prefix(name):
        return speaker
    cut = next((k for k in range(len(label) - 1, 0, -1) if label[:k] in index.names), 0)
    if not cut:
        cut = next(
            (
                k
                for k in range(min(_MAX_SURNAME, len(label) - 1), 0, -1)
                if index.has_prefix(label[:k]) and _office(label[k:], lexicon)
            ),
            0,
        )
    if not cut:
        return speaker
    rest = label[cut:]
    if rest in lexicon.honorifics:
        return attrs.evolve(speaker, name=label[:cut], role=None, honorific=rest)
    if not _office(rest, lexicon):
        return speaker
    return attrs.evolve(speaker, name=label[:cut], role=rest, honorific=None)


def _office(text: str, lexicon: RoleLexicon) -> bool:
    """Whether ``text`` is an office as a whole: no name of its own before the role."""
    parts = lexicon.interpret(text)
    return parts.role is not None and parts.name is None


class _RosterIndex:
    """Roster names by seat, and sorted for prefix lookups (no scan per speaker)."""

    def __init__(self, people: list[Person], names: list[str]) -> None:
        self.names = names  # sorted
        self.seats: dict[str, set[str]] = {}
        for p in people:
            if p.seat is not None:
                self.seats.setdefault(p.seat, set()).add(p.name)

    def match(self, speaker: Speaker) -> str | None:
        """The one roster name the speaker's seat, name or name prefix points to."""
        if speaker.seat is not None:
            seated = self.seats.get(speaker.seat, set())
            if len(seated) == 1:
                return next(iter(seated))
        if not speaker.name:
            return None
        name = _squash(speaker.name)
        names = self.names
        k = bisect.bisect_left(names, name)
        if k < len(names) and names[k] == name:
            return name
        # The one name starting with the header's name (and its disambiguator, if any).
        prefix = name + (speaker.disambiguator or "")
        k = bisect.bisect_left(names, prefix)
        if k < len(names) and names[k].startswith(prefix):
            unique = k + 1 == len(names) or not names[k + 1].startswith(prefix)
            return names[k] if unique else None
        return None
