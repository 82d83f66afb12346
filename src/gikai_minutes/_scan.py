"""Lines to header events: find the lines where a speaker header (or a broken one) starts.

Candidate lines are found by searching for the characters a header can start with, so
the cost grows with the number of candidates, not with the size of the text.
"""

from __future__ import annotations

import attrs

from gikai_minutes._dialects import DIALECTS, Dialect
from gikai_minutes._headers import HeaderMatch, HeaderRejection
from gikai_minutes._lines import LineTable
from gikai_minutes._model import Diagnostic, Severity

__all__ = ["HeaderEvent", "ScanResult", "scan"]

_INDENT = " \u3000\t"


@attrs.frozen(slots=True)
class HeaderEvent:
    """A line that starts a new element: a header, or (``header is None``) a broken one."""

    line_index: int
    start: int
    header: HeaderMatch | None
    reason: str = ""


@attrs.frozen(slots=True)
class ScanResult:
    """The dialect used and the events and diagnostics its rules produced."""

    dialect: Dialect
    events: tuple[HeaderEvent, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def header_count(self) -> int:
        return sum(1 for e in self.events if e.header is not None)


def _candidate_lines(table: LineTable, chars: frozenset[str]) -> list[int]:
    """Indexes of lines whose first non-indent character is in ``chars``."""
    text = table.text
    lines = table.lines
    found: set[int] = set()
    for ch in chars:
        pos = text.find(ch)
        while pos >= 0:
            index = table.line_of(pos) - 1
            line = lines[index]
            if pos == line.start or not text[line.start : pos].strip(_INDENT):
                found.add(index)
            pos = text.find(ch, line.end)
    return sorted(found)


def scan_with(table: LineTable, dialect: Dialect) -> ScanResult:
    """Apply ``dialect``'s header rules to every candidate line."""
    text = table.text
    rules = dialect.header_rules
    chars = frozenset().union(*(r.first_chars for r in rules))
    events: list[HeaderEvent] = []
    diagnostics: list[Diagnostic] = []
    for index in _candidate_lines(table, chars):
        line = table.lines[index]
        content = text[line.start : line.end]
        for rule in rules:
            result = rule.match(content)
            if result is None:
                continue
            if isinstance(result, HeaderMatch):
                events.append(HeaderEvent(index, line.start, result))
                break
            assert isinstance(result, HeaderRejection)
            column = len(content) - len(content.lstrip(_INDENT)) + 1
            severity = Severity.WARNING if result.malformed else Severity.INFO
            diagnostics.append(
                Diagnostic(result.code, result.message, severity, line.number, column)
            )
            if result.malformed:
                events.append(HeaderEvent(index, line.start, None, result.message))
            break
    return ScanResult(dialect, tuple(events), tuple(diagnostics))


def scan(table: LineTable, dialect: str | None = None) -> ScanResult:
    """Scan with the named dialect, or with the one whose rules find the most headers."""
    if dialect is not None:
        return scan_with(table, DIALECTS[dialect])
    best: ScanResult | None = None
    for candidate in DIALECTS.values():
        result = scan_with(table, candidate)
        if best is None or result.header_count > best.header_count:
            best = result
    assert best is not None
    return best
