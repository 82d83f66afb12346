"""Front matter (everything before the first speaker header): title, session, date."""

from __future__ import annotations

import datetime

import attrs
import regex

from gikai_minutes._dates import find_date
from gikai_minutes._lines import LineTable
from gikai_minutes._model import Diagnostic, FrontMatter, FrontMatterItem, Severity
from gikai_minutes._numerals import NUMERAL_CLASS, parse_number

__all__ = ["FrontMatterInfo", "read_front_matter"]

_SESSION = regex.compile(
    rf"[（(]?[ \u3000]*第[ \u3000]*(?P<n>{NUMERAL_CLASS}+)[ \u3000]*回[ \u3000]*[）)]?"
)
_TITLE_SUFFIX = regex.compile(r"[ \u3000]*(?:議事録|会議録|議事要旨|議事概要)$")
_STRIP = " \u3000\t\f\v\ufeff"


@attrs.frozen(slots=True)
class FrontMatterInfo:
    """What the front matter says, with the diagnostics found reading it."""

    front_matter: FrontMatter
    title: str | None
    body_name: str | None
    session: int | None
    date: datetime.date | None
    date_text: str | None
    diagnostics: tuple[Diagnostic, ...]


def read_front_matter(table: LineTable, end: int) -> FrontMatterInfo:
    """Read the front matter occupying ``[0, end)`` of the source."""
    text = table.text
    items: list[FrontMatterItem] = []
    diagnostics: list[Diagnostic] = []
    title = body_name = date_text = None
    session: int | None = None
    date: datetime.date | None = None
    for line in table.lines:
        if line.start >= end:
            break
        raw = text[line.start : min(line.end, end)]
        content = raw.strip(_STRIP)
        if not content:
            continue
        start = line.start + len(raw) - len(raw.lstrip(_STRIP))
        span = table.span(start, start + len(content))
        kind = "text"
        found = find_date(content) if date_text is None else None
        if found is not None and len(found.text) >= len(content) - 8:
            kind, date_text, date = "date", found.text, found.value
            if found.value is None:
                diagnostics.append(
                    Diagnostic(
                        "invalid-date",
                        f"date {found.text!r} does not exist",
                        Severity.WARNING,
                        line.number,
                        span=span,
                    )
                )
        elif title is None:
            kind, title = "title", content
            m = _SESSION.search(content)
            if m is not None:
                session = parse_number(m.group("n"))
                name = (content[: m.start()] + content[m.end() :]).strip(_STRIP)
            else:
                name = content
            body_name = _TITLE_SUFFIX.sub("", name) or None
        items.append(FrontMatterItem(kind, content, span))
    first_line = table.lines[0].number
    if title is None:
        diagnostics.append(
            Diagnostic("no-title", "no title before the first speaker", Severity.INFO, first_line)
        )
    if date_text is None:
        diagnostics.append(
            Diagnostic("no-date", "no date before the first speaker", Severity.INFO, first_line)
        )
    return FrontMatterInfo(
        FrontMatter(table.span(0, end), tuple(items)),
        title,
        body_name,
        session,
        date,
        date_text,
        tuple(diagnostics),
    )
