"""Lines to header events: induce the document's header convention, then find its headers.

Every candidate header form (the dialects of :mod:`gikai_minutes._read.dialects`) is
looked for in **one** pass of one compiled pattern composed from the rules' candidate
patterns; only the lines it finds reach the rules (those of each alternative of the
pattern, a batch at a time, read by the rules of the forms that share it). Each form is
then scored by how well it explains the document (headers that name a known role, labels
that recur), the best one is chosen and others join it when their labels agree (a
consistent mix). Headers of forms not chosen stay in the text and are each reported as a
diagnostic with their line.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import attrs

from gikai_minutes._read.dialects import DIALECTS, Dialect
from gikai_minutes._read.headers import (
    HeaderMatch,
    HeaderRejection,
    HeaderRule,
    MarkHeaderRule,
)
from gikai_minutes._text.lexicon import DEFAULT_LEXICON, INDENT, INDENT_CHARS, MARKS
from gikai_minutes.model import Diagnostic, Severity
from gikai_minutes.model._positions import LineTable

__all__ = ["FormScore", "HeaderEvent", "ScanResult", "scan"]

_INDENT = INDENT_CHARS
_TRAILING = INDENT_CHARS + "\r"


class HeaderEvent(NamedTuple):
    """A place that starts a new element: a header, or (``header is None``) a broken one.

    ``start`` is the header's offset: a line start, or inside a line where several turns
    were flattened onto one line (``…。○坂口審議官　本年…``). (A named tuple: a dense text
    makes one per line, read-only.)
    """

    line_index: int
    start: int
    header: HeaderMatch | None
    reason: str = ""


@attrs.frozen(slots=True)
class FormScore:
    """The evidence for one candidate header form: headers found, score, whether chosen.

    A header weighs 1 when its label names a known role, honorific or seat, else 0.3,
    plus 0.5 when its label recurs; the sum is multiplied by the dialect's prior."""

    name: str
    headers: int
    score: float
    chosen: bool


class ScanResult(NamedTuple):
    """The dialect used, the events and diagnostics of its rules, the evidence, and
    whether the choice was contested (a form not chosen found headers) (a named tuple:
    one is made per document, read-only)."""

    dialect: Dialect
    events: tuple[HeaderEvent, ...]
    diagnostics: tuple[Diagnostic, ...]
    evidence: tuple[FormScore, ...] = ()
    contested: bool = False

    @property
    def header_count(self) -> int:
        return sum(1 for e in self.events if e.header is not None)

    def describe(self) -> str:
        """``mark: 25 headers (score 31.5); not chosen: paren 2 (1.8)``."""
        chosen = [f for f in self.evidence if f.chosen]
        other = [f for f in self.evidence if not f.chosen and f.headers]
        text = ", ".join(f"{f.name}: {f.headers} headers (score {f.score:.1f})" for f in chosen)
        if other:
            text += "; not chosen: " + ", ".join(
                f"{f.name} {f.headers} ({f.score:.1f})" for f in other
            )
        return text


#: A form joins the best one when it finds at least this many headers, scores at least
#: this share of the best score, and at least this share of its headers agree (their
#: label recurs, a speaker of the best form has it, or a marked form names a known role).
MIX_MIN_HEADERS = 2
MIX_MIN_SHARE = 0.1
MIX_MIN_AGREEMENT = 0.5
#: Weights of one header in a form's score.
KNOWN_WEIGHT = 1.0
UNKNOWN_WEIGHT = 0.3
RECURRENCE_BONUS = 0.5
_MARK_CHAR = re.compile(f"[{MARKS}]")


def _mark_after(content: str, start: int) -> bool:
    """Whether a mark follows offset ``start`` in ``content`` (in a long rest, a search for
    each mark costs less than one pattern reading every character)."""
    if len(content) - start < _MARK_SEARCHES:
        return _MARK_CHAR.search(content, start) is not None
    return any(map(content[start:].__contains__, MARKS))


_MARK_SEARCHES = 48
#: A mark after one of these inside a line opens a flattened turn (``…。○坂口審議官　…``).
_INLINE_AFTER = "。」』）)"
_SENTENCE_END = tuple("。．.」』）)？！?!")


@functools.cache
def _pattern(
    names: tuple[str, ...], lone_cr: bool
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[int, ...]]]:
    """One pattern for the candidate lines of the named dialects, the same for the first
    line, and for each group name ``c<k>`` the indexes of the dialects whose rules share it.

    The pattern starts with the newline before the line: the engine looks for that
    character fast instead of trying every offset.
    """
    candidates: dict[str, set[int]] = {}  # candidate pattern -> dialect indexes
    for i, name in enumerate(names):
        for rule in DIALECTS[name].header_rules:
            candidates.setdefault(rule.candidate, set()).add(i)
    # candidates that start with the common indentation share it: the engine reads the
    # indentation of a line once, and never gives it back (what follows the indentation
    # in a candidate starts with no indentation character)
    indented = "|".join(
        f"(?P<c{k}>{c.removeprefix(INDENT)})"
        for k, c in enumerate(candidates)
        if c.startswith(INDENT)
    )
    others = [f"(?P<c{k}>{c})" for k, c in enumerate(candidates) if not c.startswith(INDENT)]
    alternatives = "|".join([f"(?>{INDENT})(?:{indented})", *others] if indented else others)
    newline = "[\\r\\n]" if lone_cr else "\\n"
    # (a blank line fails at once on the lookahead)
    pattern = re.compile(f"{newline}(?=[^\\r\\n])(?:{alternatives})", re.M)
    first = re.compile(f"(?:{alternatives})", re.M)
    groups = {f"c{k}": tuple(sorted(v)) for k, v in enumerate(candidates.values())}
    return pattern, first, groups


class _Found:
    """What one form's rules said on the candidate lines (a plain class: one is made per
    dialect and document)."""

    __slots__ = ("context", "labels", "marked", "matches", "rejections")

    def __init__(self) -> None:
        self.matches: list[HeaderEvent] = []
        #: lines of matches with a mark after the header (a turn may be flattened there),
        #: kept for the ``mark`` form only
        self.marked: list[int] = []
        self.rejections: list[tuple[int, HeaderRejection]] = []
        self.context: list[tuple[int, str]] = []
        self.labels: dict[str, int] = {}


#: The state of a form whose candidate pattern found no line (read only).
_NOTHING = _Found()


def _speaker_key(label: str) -> str:
    return "".join(label.split())


class _Forms:
    """The dialects one scan looks for, their order, and what the scan composes from
    them (made once per selection of dialects)."""

    __slots__ = (
        "_alone",
        "by_name",
        "dialects",
        "first",
        "groups",
        "mixed",
        "nothing",
        "order",
        "pattern",
        "solo",
    )

    def __init__(self, names: tuple[str, ...], lone_cr: bool) -> None:
        self.dialects = tuple(DIALECTS[name] for name in names)
        self.by_name = {d.name: d for d in self.dialects}
        self.order = {name: i for i, name in enumerate(names)}
        self.pattern, self.first, groups = _pattern(names, lone_cr)
        #: for each group of the pattern, the names and rules of the forms it stands for
        self.groups = {
            group: tuple((names[i], self.dialects[i].header_rules) for i in indexes)
            for group, indexes in groups.items()
        }
        #: forms whose rules have candidates of different groups
        self.mixed = frozenset(
            names[i]
            for i in range(len(names))
            if sum(i in indexes for indexes in groups.values()) > 1
        )
        #: for each group that stands for one form only, that form's name and rules
        self.solo = {group: forms[0] for group, forms in self.groups.items() if len(forms) == 1}
        #: the evidence of a scan in which no form found a header
        self.nothing = tuple(_no_evidence(name) for name in names)
        self._alone: dict[tuple[str, int, float], tuple[FormScore, ...]] = {}

    def alone(self, name: str, headers: int, score: float) -> tuple[FormScore, ...]:
        """The evidence of a scan in which only form ``name``, chosen, found headers (the
        same tuple for the same figures: small records repeat them)."""
        key = (name, headers, score)
        evidence = self._alone.get(key)
        if evidence is None:
            scores = list(self.nothing)
            scores[self.order[name]] = FormScore(name, headers, score, True)
            evidence = tuple(scores)
            if len(self._alone) < _EVIDENCE_KEPT:
                self._alone[key] = evidence
        return evidence


#: How many evidence tuples a selection of dialects keeps for reuse.
_EVIDENCE_KEPT = 1000


#: The forms of each selection of dialects (``None``: all of :data:`DIALECTS`, a fixed
#: table), with or without lone CRs.
_FORMS: dict[tuple[str | None, bool], _Forms] = {}


def _forms(dialect: str | None, lone_cr: bool) -> _Forms:
    forms = _FORMS.get((dialect, lone_cr))
    if forms is None:
        names = tuple(DIALECTS) if dialect is None else (dialect,)
        forms = _FORMS[dialect, lone_cr] = _Forms(names, lone_cr)
    return forms


def scan(table: LineTable, dialect: str | None = None) -> ScanResult:
    """Scan with the named dialect, or induce the convention from all of them."""
    # a lone CR ends a line: the candidate pattern then also starts lines after it
    lone_cr = table.lone_cr
    forms = _FORMS.get((dialect, lone_cr)) or _forms(dialect, lone_cr)
    by_group = None
    if len(table.text) <= _PADDED:
        by_group = _short_candidates(table.text, forms)
        if len(by_group) == 1:
            ((group, at),) = by_group.items()
            solo = forms.solo.get(group)
            if solo is not None:
                alone = _one_form(table, forms, solo, at, lone_cr)
                if alone is not None:
                    return alone
    found = _find(table, forms, lone_cr, by_group)
    # Short cuts to what _decide gives, in the common cases (forms whose candidate lines
    # gave no header nor rejection weigh nothing):
    said = [(name, f) for name, f in found.items() if f.matches or f.rejections or f.context]
    if not said:  # the first form is chosen, with nothing
        first = forms.dialects[0]
        return ScanResult(first, (), (), forms.alone(first.name, 0, 0.0))
    if len(said) == 1:
        ((name, f),) = said
        if not f.rejections and not f.context:
            # one form alone found headers and rejected no line: the best, and no other
            # form to mix in or to report
            form = forms.by_name[name]
            events = f.matches
            if f.marked:  # (the mark form's only)
                events = _with_inline(table, events, set(f.marked))
            evidence = forms.alone(name, len(f.matches), _score(f, form))
            return ScanResult(form, tuple(events), (), evidence)
    return _decide(table, forms, found)


def _short_candidates(text: str, forms: _Forms) -> dict[str, list[int]]:
    """The starts of the candidate lines of a short text by group of the pattern, all at
    once (read after a newline put first: the first line is one too)."""
    by_group: dict[str, list[int]] = {}
    for m in forms.pattern.finditer("\n" + text):
        group = m.lastgroup or ""
        at = by_group.get(group)
        if at is None:
            by_group[group] = [m.start()]
        else:
            at.append(m.start())
    return by_group


def _one_form(
    table: LineTable,
    forms: _Forms,
    solo: tuple[str, tuple[HeaderRule, ...]],
    at: list[int],
    lone_cr: bool,
) -> ScanResult | None:
    """The result when the candidate lines (starting at ``at``) are all for one form: what
    :func:`_find` and the short cuts of :func:`scan` give, or ``None`` when one of the
    lines needs more than its rules (a rejection, a header alone on its line)."""
    text = table.text
    name, rules = solo
    match = rules[0].match if len(rules) == 1 else None
    events: list[HeaderEvent] = []
    labels: dict[str, int] = {}
    marked: list[int] = []
    mark = name == "mark"
    index = counted = 0  # a line's index and start
    for start, content in zip(at, _line_contents(table, at, lone_cr), strict=True):
        if match is not None:
            result = match(content)
        else:
            for rule in rules:
                result = rule.match(content)
                if result is not None:
                    break
        if result is None:
            continue
        if result.__class__ is not HeaderMatch:
            return None  # a rejection: the general path reports it
        length = result.length
        if (length >= len(content) or content[-1] in _TRAILING) and len(
            content.rstrip(_TRAILING)
        ) <= length:
            return None  # alone on its line: the lines below tell
        if lone_cr:
            index = bisect.bisect_right(table.starts, start) - 1
        else:  # (every line break holds one LF: the lines since the last one counted)
            index += text.count("\n", counted, start)
            counted = start
        events.append(_new_event(HeaderEvent, (index, start, result, "")))
        label = result.label
        labels[label] = labels.get(label, 0) + 1
        if mark and _mark_after(content, length):
            marked.append(index)
    if not events:  # the first form is chosen, with nothing
        first = forms.dialects[0]
        return _new_result(ScanResult, (first, (), (), forms.alone(first.name, 0, 0.0), False))
    form = forms.by_name[name]
    evidence = forms.alone(name, len(events), _label_score(labels, form))
    if marked:
        events = _with_inline(table, events, set(marked))
    return _new_result(ScanResult, (form, tuple(events), (), evidence, False))


def _contents(text: str, starts: Iterable[int], lone_cr: bool) -> Iterator[str]:
    """The content of each candidate line starting at ``starts``, without its line end
    (``lone_cr``: whether a CR alone ends a line in the text)."""
    find = text.find
    for start in starts:
        end = find("\n", start)
        if end < 0:
            end = len(text)
        if lone_cr:
            cr = find("\r", start, end)
            if cr >= 0:
                end = cr
        elif text[end - 1] == "\r":  # (a candidate line is never empty)
            end -= 1
        yield text[start:end]


def _line_contents(table: LineTable, at: list[int], lone_cr: bool) -> list[str]:
    """The contents of the candidate lines starting at ``at``, as :func:`_contents` gives
    them (without a lone CR: in one loop, a CR looked for only in a text that holds one)."""
    text = table.text
    if lone_cr:
        return list(_contents(text, at, lone_cr))
    find = text.find
    cr = table.cr
    contents: list[str] = []
    add = contents.append
    for start in at:
        end = find("\n", start)
        if end < 0:
            end = len(text)  # (no CR ends the text: it would end a line alone)
        elif cr and text[end - 1] == "\r":
            end -= 1
        add(text[start:end])
    return contents


# (named tuples made from their fields at once)
_new_event = _new_result = tuple.__new__


def _find(
    table: LineTable,
    forms: _Forms,
    lone_cr: bool,
    by_group: dict[str, list[int]] | None = None,
) -> dict[str, _Found]:
    """What each form's rules say on the candidate lines, for the forms that have any
    (``lone_cr``: whether a CR alone ends a line in the text; ``by_group``: the candidate
    lines of a short text, if already found)."""
    found: dict[str, _Found] = {}
    shared: dict[tuple[str, int], HeaderMatch] = {}
    if by_group is None and len(table.text) <= _PADDED:
        by_group = _short_candidates(table.text, forms)
    if by_group is not None:
        for group, at in by_group.items():
            _read_group(table, forms, group, at, lone_cr, found, shared)
    else:
        _find_long(table, forms, lone_cr, found, shared)
    if not forms.mixed:
        return found
    for name in forms.mixed.intersection(found):
        # (a form of several groups read their lines apart: put them in text order)
        f = found[name]
        f.matches.sort(key=_start)
        f.marked.sort()
        f.rejections.sort(key=_first)
        f.context.sort(key=_first)
        f.labels = {}
        for e in f.matches:
            if e.header is not None:
                f.labels[e.header.label] = f.labels.get(e.header.label, 0) + 1
    return found


def _find_long(
    table: LineTable,
    forms: _Forms,
    lone_cr: bool,
    found: dict[str, _Found],
    shared: dict[tuple[str, int], HeaderMatch],
) -> None:
    """:func:`_find` on a long text: the starts of candidate lines by group of the pattern
    (the forms it stands for), in text order, read a batch at a time (so that few lines
    are held at once)."""
    text = table.text
    by_group: dict[str, list[int]] = {}
    head = forms.first.match(text)
    if head is not None:
        by_group[head.lastgroup or ""] = [0]
    for m in forms.pattern.finditer(text):  # (from the newline before the line)
        group = m.lastgroup or ""
        at = by_group.get(group)
        if at is None:
            by_group[group] = [m.start() + 1]
        else:
            at.append(m.start() + 1)
            if len(at) >= _BATCH:
                _read_group(table, forms, group, at, lone_cr, found, shared)
                del by_group[group]
    for group, at in by_group.items():
        _read_group(table, forms, group, at, lone_cr, found, shared)


#: Candidate lines read at a time.
_BATCH = 256
#: Texts of up to this many characters are scanned as a copy after a newline.
_PADDED = 4096


def _read_group(
    table: LineTable,
    forms: _Forms,
    group: str,
    at: list[int],
    lone_cr: bool,
    found: dict[str, _Found],
    shared: dict[tuple[str, int], HeaderMatch],
) -> None:
    """Read the candidate lines starting at ``at`` with the forms of ``group``."""
    contents = _line_contents(table, at, lone_cr)
    for name, rules in forms.groups[group]:
        f = found.get(name)
        if f is None:
            f = found[name] = _Found()
        _read(table, name, rules, at, contents, f, shared)


def _first(item: tuple[int, object]) -> int:
    return item[0]


def _read(
    table: LineTable,
    name: str,
    rules: tuple[HeaderRule, ...],
    at: list[int],
    contents: list[str],
    f: _Found,
    shared: dict[tuple[str, int], HeaderMatch],
) -> None:
    """What the rules of form ``name`` say on the candidate lines (starting at ``at``,
    holding ``contents``), into ``f`` (the first rule with an answer decides)."""
    matches, labels = f.matches, f.labels
    mark = name == "mark"
    match = rules[0].match if len(rules) == 1 else None
    line_starts = table.starts
    bisect_right = bisect.bisect_right
    for start, content in zip(at, contents, strict=True):
        if match is not None:
            result = match(content)
            if result is None:
                continue
        else:
            for rule in rules:
                result = rule.match(content)
                if result is not None:
                    break
            else:
                continue
        index = bisect_right(line_starts, start) - 1  # (for the lines with an answer)
        if isinstance(result, HeaderRejection):
            below = result.speech_below
            if below is None or not _block_below(table, index)[1]:
                f.rejections.append((index, result))
                continue
            result = below  # ○委員 alone, a speech below
        length = result.length
        if (  # the header alone on its line
            length >= len(content) or content[-1] in _TRAILING
        ) and len(content.rstrip(_TRAILING)) <= length:
            reason = _context_rejects(table, index, result, name)
            if reason:
                f.context.append((index, reason))
                continue
        label = result.label
        key = (label, length)
        seen = shared.get(key)
        if seen is not None and seen.parts is result.parts:
            result = seen  # one match object for every line with the same header
        else:
            shared[key] = result
        matches.append(_new_event(HeaderEvent, (index, start, result, "")))
        labels[label] = labels.get(label, 0) + 1
        if mark and _mark_after(content, length):
            f.marked.append(index)


def _decide(table: LineTable, forms: _Forms, found: dict[str, _Found]) -> ScanResult:
    """Score the forms, choose the best (and those that mix with it), and report."""
    by_name = forms.by_name
    # (forms that found nothing score 0)
    scores = {name: _score(f, by_name[name]) for name, f in found.items()}
    chosen = _choose(forms, found, scores)
    return _result(table, forms, chosen, found, scores)


def _score(found: _Found, dialect: Dialect) -> float:
    return _label_score(found.labels, dialect)


def _label_score(labels: dict[str, int], dialect: Dialect) -> float:
    if not labels:
        return 0.0
    total = 0.0
    for label, n in labels.items():
        weight = KNOWN_WEIGHT if DEFAULT_LEXICON.interpret(label).known else UNKNOWN_WEIGHT
        if n >= 2:
            weight += RECURRENCE_BONUS
        total += weight * n
    return total * dialect.prior


def _choose(forms: _Forms, found: dict[str, _Found], scores: dict[str, float]) -> list[Dialect]:
    # ranked by score, ties in the dialects' order; forms that found nothing score 0 and
    # are never mixed in, but the first dialect is the best when no form scores
    order = forms.order
    ranked = sorted(found, key=lambda name: (-scores[name], order[name]))
    best = forms.by_name[ranked[0]] if ranked and scores[ranked[0]] > 0 else forms.dialects[0]
    chosen = [best]
    if len(ranked) == 1 and ranked[0] == best.name:
        return chosen  # no other form to mix in
    known: set[str] | None = None
    for name in ranked:
        if name == best.name:
            continue
        d = forms.by_name[name]
        labels = found[name].labels
        total = sum(labels.values())
        if total < MIX_MIN_HEADERS or scores[name] < MIX_MIN_SHARE * scores.get(best.name, 0.0):
            continue
        if known is None:
            known = {_speaker_key(label) for label in found.get(best.name, _NOTHING).labels}
        marked = d.prior >= 1.0  # a mark or bracket is rarely accidental
        agree = sum(
            n
            for label, n in labels.items()
            if n >= 2
            or _speaker_key(label) in known
            or (marked and DEFAULT_LEXICON.interpret(label).known)
        )
        if agree >= MIX_MIN_AGREEMENT * total:
            chosen.append(d)
    return chosen


def _result(
    table: LineTable,
    forms: _Forms,
    chosen: list[Dialect],
    found: dict[str, _Found],
    scores: dict[str, float],
) -> ScanResult:
    if len(chosen) == 1 and found.keys() <= {chosen[0].name}:
        quiet = _quiet_result(table, forms, chosen[0], found, scores)
        if quiet is not None:
            return quiet
    diagnostics: list[Diagnostic] = []
    if len(chosen) == 1:  # one form's matches come in text order, one per line
        by_line = {e.line_index: e for e in found.get(chosen[0].name, _NOTHING).matches}
    else:
        by_line = {}
        for d in chosen:
            for e in found.get(d.name, _NOTHING).matches:
                by_line.setdefault(e.line_index, e)
    claimed = set(by_line)
    ordered = len(chosen) == 1
    for d in chosen:
        for index, r in found.get(d.name, _NOTHING).rejections:
            if index in claimed:
                continue
            severity = Severity.WARNING if r.malformed else Severity.INFO
            diagnostics.append(_diagnostic(table, index, r.code, r.message, severity))
            if r.malformed:
                start = table.line(index).start
                by_line.setdefault(index, HeaderEvent(index, start, None, r.message))
                ordered = False
    by_name = forms.by_name
    present = [(by_name[name], found[name]) for name in sorted(found, key=forms.order.__getitem__)]
    for _, f in present:
        for index, reason in f.context:
            if index not in claimed:
                diagnostics.append(_diagnostic(table, index, "rejected-header", reason))
    names = ", ".join(c.name for c in chosen)
    chosen_names = {c.name for c in chosen}
    for d, f in present:
        if d.name in chosen_names:
            continue
        for e in f.matches:
            if e.line_index not in claimed and e.header is not None:
                index, h = e.line_index, e.header
                message = (
                    f"{h.label!r} reads as a {d.name!r} header, a form this document does not "
                    f"use (convention: {names}); kept as text"
                )
                diagnostics.append(_diagnostic(table, index, "header-form-not-chosen", message))
    events = list(by_line.values())
    if not ordered:
        events.sort(key=_start)
    if "mark" in chosen_names:
        # (only the mark form's matches know whether a mark follows their header)
        marked = set(found.get("mark", _NOTHING).marked) if names == "mark" else None
        events = _with_inline(table, events, marked)
    if len(chosen) == 1:
        dialect = chosen[0]
    else:
        name = "+".join(d.name for d in chosen)
        rules = tuple(r for d in chosen for r in d.header_rules)
        dialect = Dialect(name, "mixed conventions", rules)
    evidence = list(forms.nothing)
    order = forms.order
    for name in chosen_names.union(found):
        count = len(found[name].matches) if name in found else 0
        if count or name in chosen_names:
            evidence[order[name]] = FormScore(
                name, count, scores.get(name, 0.0), name in chosen_names
            )
    contested = any(f.headers and not f.chosen for f in evidence)
    return ScanResult(dialect, tuple(events), tuple(diagnostics), tuple(evidence), contested)


def _quiet_result(
    table: LineTable,
    forms: _Forms,
    dialect: Dialect,
    found: dict[str, _Found],
    scores: dict[str, float],
) -> ScanResult | None:
    """The result when only the chosen form found anything and it rejected no line (no
    diagnostic to make): its matches as they are, or ``None`` if that is not the case."""
    name = dialect.name
    f = found.get(name, _NOTHING)
    if f.rejections or f.context:
        return None
    events = f.matches
    if name == "mark" and f.marked:
        events = _with_inline(table, events, set(f.marked))
    return ScanResult(
        dialect, tuple(events), (), forms.alone(name, len(f.matches), scores.get(name, 0.0))
    )


@functools.cache
def _no_evidence(name: str) -> FormScore:
    """The (shared) evidence of a form not chosen that found no header."""
    return FormScore(name, 0, 0.0, False)


def _start(event: HeaderEvent) -> int:
    return event.start


def _diagnostic(
    table: LineTable, index: int, code: str, message: str, severity: Severity = Severity.INFO
) -> Diagnostic:
    line = table.line(index)
    content = table.text[line.start : line.end]
    column = len(content) - len(content.lstrip(_INDENT)) + 1
    return Diagnostic(code, message, severity, line.number, column)


_INLINE_RULE = MarkHeaderRule()


def _with_inline(
    table: LineTable, events: list[HeaderEvent], marked: set[int] | None
) -> list[HeaderEvent]:
    """Add the turns flattened onto the line of a marked turn (``…。○坂口審議官　…``);
    ``marked``, if known, holds the lines with a mark after their header."""
    text = table.text
    extra: list[HeaderEvent] = []
    for event in events:
        if event.header is None or (marked is not None and event.line_index not in marked):
            continue
        line = table.line(event.line_index)
        after = event.start + event.header.length
        for m in _MARK_CHAR.finditer(text, after, line.end):
            start = m.start()
            if start < after:
                continue  # inside the header found last
            while start > after and text[start - 1] in " \u3000":
                start -= 1
            if start == after or text[start - 1] not in _INLINE_AFTER:
                continue  # a turn needs some text before the next one starts
            result = _INLINE_RULE.match(text[start : line.end])
            if isinstance(result, HeaderMatch) and result.parts.known:
                extra.append(HeaderEvent(event.line_index, start, result))
                after = start + result.length
    if not extra:
        return events
    return sorted([*events, *extra], key=_start)


def _context_rejects(table: LineTable, index: int, header: HeaderMatch, form: str) -> str:
    """Why the lines below a header alone on its line show it is none (``""`` if not).

    A printed list below (``【委員】``, then ``浅野　友和`` and ``今井　奈々``; ``【説明者】``,
    then ``行政改革推進室長``) makes it a roster heading: no line of the block below ends a
    sentence. An unmarked label line needs a block below, and must not sit inside a
    wrapped paragraph.
    """
    below, speech = _block_below(table, index)
    if below and not speech:
        return f"{header.label!r} heads a list, not a speech"
    if form == "label-line":
        if not below:
            return f"{header.label!r} is a label with nothing below it"
        if index > 0:
            line = table.line(index - 1)
            above = table.text[line.start : line.end].strip(_TRAILING)
            if len(above) >= 20 and not above.endswith(_SENTENCE_END):
                return f"{header.label!r} is a line of the paragraph above"
    return ""


#: How many lines below a header the list test reads.
BLOCK_LINES = 4
_SPEECH = re.compile("[。？！?!]")
#: A line below that opens something else: a header or a stage direction.
_OTHER = tuple("【〔" + MARKS)


def _block_below(table: LineTable, index: int) -> tuple[list[str], bool]:
    """The lines below line ``index`` up to a blank line or another header (at most
    :data:`BLOCK_LINES`), and whether they hold a sentence."""
    out: list[str] = []
    text = table.text
    for i in range(index + 1, min(index + 1 + BLOCK_LINES, len(table.starts))):
        line = table.line(i)
        content = text[line.start : line.end].strip(_TRAILING)
        if not content or content.startswith(_OTHER):
            break
        out.append(content)
        if _SPEECH.search(content):
            return out, True
    return out, False
