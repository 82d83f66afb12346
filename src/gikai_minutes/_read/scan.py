"""Lines to header events: find the lines where a speaker header (or a broken one) starts.

Candidate lines are found by searching for the characters a header can start with, so
the cost grows with the number of candidates, not with the size of the text.
"""

from __future__ import annotations

import attrs

from gikai_minutes._read.dialects import DIALECTS, Dialect
from gikai_minutes._read.headers import HeaderMatch, HeaderRejection
from gikai_minutes.model import Diagnostic, Severity
from gikai_minutes.model._positions import LineTable

__all__ = ["HeaderEvent", "ScanResult", "scan"]

_INDENT = " \u3000\t\f\ufeff"


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


def _candidate_lines(table: LineTable, chars: frozenset[str], anywhere: bool) -> list[int]:
    """Indexes of lines whose first non-indent character is in ``chars`` (or, with
    ``anywhere``, that contain one of them)."""
    text = table.text
    lines = table.lines
    found: set[int] = set()
    for ch in chars:
        pos = text.find(ch)
        while pos >= 0:
            index = table.line_of(pos) - 1
            line = lines[index]
            if anywhere or pos == line.start or not text[line.start : pos].strip(_INDENT):
                found.add(index)
            pos = text.find(ch, line.next if line.next > pos else pos + 1)
    return sorted(found)


def scan_with(table: LineTable, dialect: Dialect) -> ScanResult:
    """Apply ``dialect``'s header rules to every candidate line."""
    text = table.text
    rules = dialect.header_rules
    candidates: set[int] = set()
    for rule in rules:
        candidates.update(_candidate_lines(table, rule.first_chars, rule.anywhere))
    events: list[HeaderEvent] = []
    diagnostics: list[Diagnostic] = []
    for index in sorted(candidates):
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


#: A second dialect joins the first when it finds at least this many headers, and at
#: least this share of the first dialect's count (mixed conventions in one file).
MIX_MIN_HEADERS = 2
MIX_MIN_SHARE = 0.1


def scan(table: LineTable, dialect: str | None = None) -> ScanResult:
    """Scan with the named dialect, or detect: the dialect whose rules find the most
    headers wins; others that find a fair share too are merged in (mixed files)."""
    if dialect is not None:
        return scan_with(table, DIALECTS[dialect])
    results = sorted(
        (scan_with(table, d) for d in DIALECTS.values()),
        key=lambda r: -r.header_count,
    )
    best = results[0]
    extra = [
        r
        for r in results[1:]
        if r.header_count >= max(MIX_MIN_HEADERS, MIX_MIN_SHARE * best.header_count)
    ]
    if not extra:
        return best
    return _merge(best, extra)


def _merge(best: ScanResult, extra: list[ScanResult]) -> ScanResult:
    """Events of several dialects; on a line claimed twice, the stronger dialect wins."""
    by_line: dict[int, HeaderEvent] = {}
    diagnostics: list[Diagnostic] = list(best.diagnostics)
    for result in [best, *extra]:
        for event in result.events:
            by_line.setdefault(event.line_index, event)
    claimed = {e.line_index for e in by_line.values() if e.header is not None}
    for result in extra:
        diagnostics.extend(d for d in result.diagnostics if d.line - 1 not in claimed)
    name = "+".join(r.dialect.name for r in [best, *extra])
    mixed = Dialect(name, "mixed conventions", tuple(
        rule for r in [best, *extra] for rule in r.dialect.header_rules
    ))  # fmt: skip
    events = tuple(by_line[k] for k in sorted(by_line))
    return ScanResult(mixed, events, tuple(diagnostics))
