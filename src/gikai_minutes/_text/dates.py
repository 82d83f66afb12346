"""Dates in Japanese minutes: eras (令和, 平成, 昭和, …, 元年 = 1) and western years."""

from __future__ import annotations

import datetime
import re

import attrs

from gikai_minutes._text.numerals import NUMERAL_CLASS, parse_number

__all__ = ["ERAS", "DateMatch", "find_date"]

#: Era name -> western year of its first year (元年).
ERAS: dict[str, int] = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912, "明治": 1868}
#: First day of each era; an earlier date in that era does not exist.
ERA_STARTS: dict[str, datetime.date] = {
    "令和": datetime.date(2019, 5, 1),
    "平成": datetime.date(1989, 1, 8),
    "昭和": datetime.date(1926, 12, 25),
    "大正": datetime.date(1912, 7, 30),
    "明治": datetime.date(1868, 1, 25),
}

_N = f"{NUMERAL_CLASS}+"
_S = r"[ \u3000]*"
_DATE = re.compile(
    rf"(?:(?P<era>{'|'.join(ERAS)}){_S}(?P<ey>{_N})|(?P<wy>[0-9０-９]{{4}})){_S}年"
    rf"{_S}(?P<m>{_N}){_S}月{_S}(?P<d>{_N}){_S}日"
)


def _era_end(era: str) -> datetime.date:
    """The last day of ``era`` (the day before the next era began)."""
    later = [d for d in ERA_STARTS.values() if d > ERA_STARTS[era]]
    return min(later) - datetime.timedelta(days=1) if later else datetime.date.max


#: The last day of each era.
_ERA_ENDS: dict[str, datetime.date] = {era: _era_end(era) for era in ERA_STARTS}


@attrs.frozen(slots=True)
class DateMatch:
    """A date found in text: its value (``None`` if impossible) and where it was printed."""

    value: datetime.date | None
    text: str
    start: int
    end: int


def find_date(text: str) -> DateMatch | None:
    """The first era or western ``年月日`` date in ``text``, or ``None``."""
    m = _DATE.search(text)
    if m is None:
        return None
    era = m.group("era")
    if era:
        offset = parse_number(m.group("ey"))
        year = None if offset is None or offset < 1 else ERAS[era] + offset - 1
    else:
        year = parse_number(m.group("wy"))
    month = parse_number(m.group("m"))
    day = parse_number(m.group("d"))
    value: datetime.date | None = None
    if year is not None and month is not None and day is not None:
        try:
            value = datetime.date(year, month, day)
        except (ValueError, OverflowError):
            value = None
        if value is not None and era and not ERA_STARTS[era] <= value <= _ERA_ENDS[era]:
            value = None
    return DateMatch(value, m.group(), m.start(), m.end())
