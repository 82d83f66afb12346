"""Page artefacts: form feeds, page-number lines, running headers/footers, margin numbers.

A bare number line (``3``) counts as a page number only when it belongs to a run of
increasing numbers across the document (a vote count ``32`` stands alone); decorated
forms (``- 3 -``, ``－３－``, ``3/25``) count at once; blank lines and indentation
around them do not matter. A running header or footer is a short line that recurs among
the first or last lines of most pages (three at least), its numbers allowed to change;
without page breaks, one that recurs at a steady interval of lines. Margin line numbers
(``5 ○小野議長 …``) are numbers before or after the text of many lines, rising in steady
steps.
"""

from __future__ import annotations

import array
import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import ge, is_not
from types import MappingProxyType

import attrs
import regex

from gikai_minutes._text.numerals import parse_number
from gikai_minutes.model._positions import LONE_CR, Line, LineTable

__all__ = ["PageLayout", "find_margin_numbers", "find_pages"]

_WIDE_DIGITS = "0-9０-９"
_DECORATED = re.compile(
    rf"[ \u3000\f]*(?:[-－―ー−‐][ \u3000]*(?P<a>[{_WIDE_DIGITS}]{{1,4}})[ \u3000]*[-－―ー−‐]"
    rf"|(?P<b>[{_WIDE_DIGITS}]{{1,4}})[ \u3000]*[/／][ \u3000]*[{_WIDE_DIGITS}]{{1,4}}"
    rf"|[（(](?P<c>[{_WIDE_DIGITS}]{{1,4}})[）)]"
    rf"|(?:page|p\.|Page|P\.)[ \u3000]*(?P<d>[0-9]{{1,4}}))"
    r"[ \u3000\f]*"
)
_BARE = re.compile(rf"[ \u3000\f]*(?P<n>[{_WIDE_DIGITS}]{{1,4}})[ \u3000\f]*")
_STRIP = " \u3000\t\f\v"
_STRIP_CR = _STRIP + "\r"
_NO_LINES: frozenset[int] = frozenset()
_NO_COUNTS: Counter[str] = Counter()  # (shared, never written)


@attrs.frozen(slots=True)
class PageLayout:
    """Where pages break, which lines are page artefacts, and page numbers by offset."""

    number_lines: frozenset[int]  # 0-based line indexes of page-number lines
    header_lines: frozenset[int]  # 0-based line indexes of running headers/footers
    breaks: Sequence[int]  # offsets where a new page starts (an array: 4 bytes each)
    numbers: Sequence[int]  # page number of the page starting at each break
    first: int  # page number before the first break
    #: margin line numbers: line index -> ``(start, end)`` of the number and its spaces
    margins: Mapping[int, tuple[int, int]] = MappingProxyType({})

    def pages_of(self, start: int, end: int) -> tuple[int, ...]:
        """Page numbers touched by ``[start, end)``; empty if the text has no pages."""
        if not self.breaks:
            return ()
        a = bisect.bisect_right(self.breaks, start)
        b = bisect.bisect_right(self.breaks, max(start, end - 1))
        first = self.first if a == 0 else self.numbers[a - 1]
        last = self.first if b == 0 else self.numbers[b - 1]
        return tuple(range(first, last + 1)) if last >= first else (first,)


#: The layout of a text without pages (shared: every part of it is immutable).
_NO_PAGES = PageLayout(_NO_LINES, _NO_LINES, (), (), 1)


#: A line that starts or ends with a digit, dash or closing parenthesis: its index, the
#: line, and its content.
_EdgeLine = tuple[int, Line, str]


def _edge_lines(table: LineTable, edges: Sequence[int]) -> list[_EdgeLine]:
    text = table.text
    rows = []
    for index in edges:
        line = table.line(index)
        rows.append((index, line, text[line.start : line.end]))
    return rows


def _rows(table: LineTable, digest: _Digest) -> list[_EdgeLine]:
    """The digest's edge lines that can be page artefacts."""
    text = table.text
    rows = []
    digits = _DIGITS_SET
    for index, content in zip(digest.edges, digest.edged, strict=False):  # (as many)
        if len(content) > _ROW_MAX:
            # too long for a page number or a header: it can only hold a margin number
            if content[-1] not in digits and (
                content[0] not in digits or _MARGIN_LEFT.match(content) is None
            ):
                continue
        elif _DIGIT.search(content) is None:
            # (every page number, margin number and numbered header or footer holds a
            # digit: edge lines without one are none of them)
            continue
        line = table.line(index)
        rows.append((index, line, text[line.start : line.end]))
    return rows


def _numbered_lines(table: LineTable, rows: list[_EdgeLine]) -> list[tuple[int, int]]:
    """Page-number lines among the edge lines (a page number ends with a digit, a dash or
    a closing parenthesis, so no other line can be one)."""
    text = table.text
    decorated: list[tuple[int, int]] = []
    bare: list[tuple[int, int]] = []
    for index, line, content in rows:
        if line.end - line.start > 16 or not content:
            continue
        m = _DECORATED.fullmatch(content)
        if m is not None:
            value = parse_number(next(g for g in m.groups() if g))
            if value is not None:
                decorated.append((index, value))
            continue
        m = _BARE.fullmatch(content)
        if m is not None:
            value = parse_number(m.group("n"))
            if value is not None:
                bare.append((index, value))
    if not bare:
        return decorated
    run = _increasing_run(bare)
    if "\f" in text and len(run) < len(bare):
        taken = {i for i, _ in run}
        run += _page_edge_numbers(table, [b for b in bare if b[0] not in taken])
    return sorted(decorated + run)


def _page_edge_numbers(table: LineTable, bare: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Bare numbers that are the first or last line of a form-feed page and count the
    pages (page ordinal plus one same offset: a cover page may go unnumbered)."""
    text = table.text
    lines = table.lines
    ordinal_of: dict[int, int] = {}
    page = 1
    previous_content = -1
    for index, line in enumerate(lines):
        content = text[line.start : line.end]
        if "\f" in content[:1]:
            page += 1
            if previous_content >= 0:
                ordinal_of.setdefault(previous_content, page - 1)  # last line of a page
        if content.strip(_STRIP):
            if index == 0 or "\f" in content[:1] or previous_content < 0:
                ordinal_of.setdefault(index, page)  # first line of a page
            previous_content = index
    if previous_content >= 0:
        ordinal_of.setdefault(previous_content, page)
    offsets = Counter(v - ordinal_of[i] for i, v in bare if i in ordinal_of)
    if not offsets:
        return []
    offset, count = offsets.most_common(1)[0]
    if count < 2 and page > 1:
        return []
    return [(i, v) for i, v in bare if i in ordinal_of and v - ordinal_of[i] == offset]


def _increasing_run(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of numbers that rises by one each time (at least 3).

    Linear: each number extends the best chain ending at its predecessor value, kept as a
    back-pointer rather than a copied list.
    """
    best: dict[int, tuple[int, int]] = {}  # value -> (chain length, position in found)
    back: list[int] = []
    for position, (_, value) in enumerate(found):
        length, previous = best.get(value - 1, (0, -1))
        back.append(previous)
        if length + 1 > best.get(value, (0, -1))[0]:
            best[value] = (length + 1, position)
    if not best:
        return []
    length, position = max(best.values())
    if length < 3:
        return []
    chain = []
    while position >= 0:
        chain.append(found[position])
        position = back[position]
    return chain[::-1]


def find_pages(table: LineTable) -> PageLayout:
    """Find page breaks, page-number lines, running headers and margin line numbers."""
    text = table.text
    # a running header recurs often enough only in a text of enough lines
    counting = len(table.starts) >= _PERIODIC_LINES
    stripped = None
    if not counting and "\f" not in text:
        # No line can be a page or margin number, nor recur as a header, if no line
        # starts or ends with a digit, dash or closing parenthesis: nothing to find (what
        # the digest would tell, at less cost). Every page number, margin number and
        # numbered header or footer holds a digit: a short text is searched for one first.
        if len(text) < _DIGIT_SEARCHED and _DIGIT.search(text) is None:
            return _NO_PAGES
        stripped = _strip(text, table.lone_cr)
        if not _any_edge(stripped):
            return _NO_PAGES
    return _layout(table, counting, stripped)


#: Any digit a page or margin number can be printed with.
_DIGIT = re.compile(f"[{_WIDE_DIGITS}]")
#: Texts shorter than this are searched for a digit (longer ones cost more to search than
#: the digest saves).
_DIGIT_SEARCHED = 256


def _layout(table: LineTable, counting: bool, stripped: list[str] | None = None) -> PageLayout:
    """:func:`find_pages` from the digest of every line (``counting`` if the text has
    lines enough for a running header; its lines ``stripped`` if they were)."""
    text = table.text
    digest = _Digest(text, table.lone_cr, counting, HEADER_MAX, len(table.starts), stripped)
    if not digest.edges and not digest.counts and "\f" not in text:
        return _NO_PAGES
    rows = _rows(table, digest)
    digest.edged.clear()  # (read: not kept beside the rows)
    margins = _margins(table, digest, rows) if rows else {}
    numbered = [(i, v) for i, v in _numbered_lines(table, rows) if i not in margins]
    breaks = array.array("i" if len(text) < 2**31 - 1 else "q")
    numbers: Sequence[int] = array.array("q")
    first = 1
    if "\f" in text:
        pos = text.find("\f")
        while pos >= 0:
            breaks.append(pos + 1)
            pos = text.find("\f", pos + 1)
        numbers = range(2, len(breaks) + 2)  # form feeds number the pages 2, 3, …
    furniture: list[tuple[int, int]] = []
    if not breaks and not numbered and rows:
        furniture = _numbered_furniture(table, rows, set(margins))
    marks = numbered or furniture
    if marks and not breaks:
        # Page numbers printed at the top of a page open it; at the bottom they close it.
        count = len(table.starts)  # lines
        printed = array.array("q")
        numbers = printed
        top = marks[0][0] < count // max(2 * len(marks), 1)
        for index, value in marks:
            if top:
                breaks.append(table.line(index).start)
                printed.append(value)
            elif index + 1 < count:
                breaks.append(table.line(index).next)
                printed.append(value + 1)
        first = numbers[0] - 1 if top else marks[0][1]
        if top and first < 1:
            first = 1
    skip = {i for i, _ in marks} | set(margins)
    if breaks:
        headers = _page_edge_repeats(table, breaks, skip)
    elif digest.counts:
        headers = _periodic_repeats(table, digest, skip)
    else:
        headers = set()
    headers |= {i for i, _ in furniture}
    return PageLayout(
        frozenset(i for i, _ in numbered) if numbered else _NO_LINES,
        frozenset(headers) if headers else _NO_LINES,
        breaks,
        numbers,
        first,
        MappingProxyType(margins),
    )


#: Marks that open a speaker's turn (``○議長``); such a line is never a running header.
SPEAKER_MARKS = frozenset("○◯〇◎●◆◇")
#: Lines looked at from the top and from the bottom of each page for running headers.
EDGE_LINES = 3
#: Running headers and footers are at most this long (after removing whitespace).
HEADER_MAX = 60
_WHITESPACE = regex.compile(r"\s+")
_DIGITS = regex.compile(rf"[{_WIDE_DIGITS}]+")
# Page numbers inside a header or footer: decorated, or set apart at either end.
_PAGE_IN_LINE_TEXT = (
    rf"[-－―ー−‐][ \u3000]*[{_WIDE_DIGITS}]+[ \u3000]*[-－―ー−‐]"
    rf"|[{_WIDE_DIGITS}]+[ \u3000]*[/／][ \u3000]*[{_WIDE_DIGITS}]+"
    rf"|[（(][{_WIDE_DIGITS}]+[）)]"
    rf"|^[ \u3000\t\f]*[{_WIDE_DIGITS}]+(?=[ \u3000\t])"
    rf"|(?<=[ \u3000\t])[{_WIDE_DIGITS}]+[ \u3000\t\f]*\r?$"
)
_PAGE_IN_LINE = regex.compile(_PAGE_IN_LINE_TEXT)  # within one line
# A short line can print a page number only if it starts or ends with one of these.
_NUMBER_EDGE_CHARS = frozenset("0123456789０１２３４５６７８９-－―ー−‐)）")
_EDGE_CHARS = "".join(sorted(_NUMBER_EDGE_CHARS))
_CHUNK = 1 << 14
#: Texts whose lines average this many characters are read in chunks this many times as
#: long.
_DENSE = 16
_DENSE_CHUNKS = 4
# Longer lines (stripped) are neither page numbers nor headers or footers.
_ROW_MAX = HEADER_MAX + 16


class _Digest:
    """What the page finders need from every line stripped of its surrounding spaces,
    gathered a chunk of lines at a time so that no string or entry per line is kept (but
    for the edge lines)."""

    __slots__ = ("counts", "edged", "edges", "lone_cr", "nonblank")

    def __init__(
        self,
        text: str,
        lone_cr: bool,
        counting: bool = True,
        longest: int = 0,
        lines: int = 0,
        stripped: list[str] | None = None,
    ) -> None:
        #: how often each stripped line that is not blank occurs (running headers
        #: recur); empty unless ``counting``; if ``longest`` is given, lines longer than
        #: that may be left out, and lines occurring fewer than ``PERIODIC_MIN`` times
        self.counts: Counter[str] = Counter() if counting else _NO_COUNTS
        #: indexes of lines starting or ending with a digit, dash or closing parenthesis
        self.edges = array.array("i" if len(text) < 2**31 - 1 else "q")  # 4 bytes a line
        #: the stripped content of each of those lines
        self.edged: list[str] = []
        self.nonblank = 0
        base = 0
        self.lone_cr = lone = lone_cr  # a CR alone breaks a line as LF does
        # (a text of ``lines`` long enough on average is read in larger chunks: fewer
        # steps, and still fewer lines at a time than a sixteenth of its characters)
        size = _CHUNK
        if len(text) > size and len(text) >= _DENSE * lines > 0:
            size *= _DENSE_CHUNKS
        if stripped is not None:  # (every line, stripped already)
            chunks: Iterable[list[str]] = (stripped,)
            size = len(text)
        elif len(text) > size:
            chunks = _stripped_chunks(text, lone, size)
        else:
            chunks = (_strip(text, lone),)
        edge = _NUMBER_EDGE_CHARS
        for chunk in chunks:
            if len(chunk) < _MAPPED_LINES:  # (a few lines are read one by one)
                blank = chunk.count("")
                if counting and (
                    not longest
                    or len(text) > size
                    # (a line recurring as often as a running header in a text of one
                    # chunk leaves that many fewer distinct lines, besides blank ones)
                    or len(chunk) - len(set(chunk)) >= PERIODIC_MIN - 1 + max(blank - 1, 0)
                ):
                    self.counts.update(filter(None, chunk))
                self.nonblank += len(chunk) - blank
                found = [
                    i for i, c in enumerate(chunk, base) if c and (c[0] in edge or c[-1] in edge)
                ]
                for i in found:
                    self.edges.append(i)
                    self.edged.append(chunk[i - base])
                base += len(chunk)
                continue
            # (each step maps the whole chunk at C speed: no Python work per line)
            content = list(filter(None, chunk))  # (a blank line is never a running header)
            self.nonblank += len(content)
            if counting:
                self.counts.update(
                    compress(content, map(ge, repeat(longest), map(len, content)))
                    if longest
                    else content
                )
            # A line starts or ends with an edge character where stripping those
            # characters gives a new string (``strip`` gives back the very line it keeps).
            edged = list(map(is_not, map(str.strip, content, repeat(_EDGE_CHARS)), content))
            if True in edged:
                self.edges.extend(compress(compress(itertools.count(base), chunk), edged))
                self.edged.extend(compress(content, edged))
            base += len(chunk)


def _any_edge(stripped: list[str]) -> bool:
    """Whether a stripped line starts or ends with a digit, dash or closing parenthesis."""
    edge = _NUMBER_EDGE_CHARS
    return any(c and (c[0] in edge or c[-1] in edge) for c in stripped)


def _strip(text: str, lone_cr: bool) -> list[str]:
    """The lines of ``text`` without their surrounding spaces (a lone CR breaks a line)."""
    lines = (LONE_CR.sub("\n", text) if lone_cr else text).split("\n")
    if len(lines) < _MAPPED_LINES:
        return [line.strip(_STRIP_CR) for line in lines]
    return list(map(str.strip, lines, repeat(_STRIP_CR)))  # (at C speed)


def _stripped_chunks(text: str, lone_cr: bool, size: int = _CHUNK) -> Iterator[list[str]]:
    """The lines of ``text`` without their surrounding spaces, a chunk of lines (of about
    ``size`` characters) at a time (split at C speed; a lone CR breaks a line as LF does,
    if ``lone_cr``)."""
    a, n = 0, len(text)
    while True:
        b = n if a + size >= n else text.rfind("\n", a, a + size) + 1
        if b <= a:  # a line longer than a chunk
            b = text.find("\n", a + size) + 1 or n
        lines = _strip(text[a:b], lone_cr)
        if b < n:
            lines.pop()  # the chunk ends with LF: the next line opens the next chunk
        yield lines
        if b >= n:
            return
        a = b


#: Chunks of fewer lines are digested line by line (mapping costs more for a few).
_MAPPED_LINES = 48


def _key(content: str) -> str:
    """Lines compared as headers: no whitespace, page numbers alike (``議事録 - 3 -`` =
    ``議事録 - 4 -``); other digits count (``第10回`` is not ``第11回``)."""
    return _WHITESPACE.sub("", _PAGE_IN_LINE.sub("#", content))


def _page_edge_repeats(table: LineTable, breaks: Sequence[int], skip: set[int]) -> set[int]:
    """Short lines that recur among the first or last lines of most pages (three at least).

    Numbers inside them may change from page to page (``議事録 - 3 -``).
    """
    text = table.text
    lines = table.lines
    # Each page's first line; a run of form feeds on one line opens no page of its own.
    firsts = [0]
    for b in breaks:
        first = table.line_of(b) - 1
        if first != firsts[-1]:
            firsts.append(first)
    firsts.append(len(lines))
    found: dict[str, list[int]] = {}
    pages = 0
    for a, b in itertools.pairwise(firsts):
        if b <= a:
            continue
        pages += 1
        content_lines = [
            i
            for i, line in enumerate(lines[a:b], a)
            if i not in skip and text[line.start : line.end].strip(_STRIP)
        ]
        edge = content_lines[:EDGE_LINES] + content_lines[-EDGE_LINES:]
        for key in {_key(text[lines[i].start : lines[i].end]) for i in edge}:
            # A line opening with a speaker mark or ending a sentence is speech, however
            # often it opens or closes a page.
            if (
                0 < len(key) <= HEADER_MAX
                and key[0] not in SPEAKER_MARKS
                and key[-1] not in _SENTENCE_ENDS
            ):
                found.setdefault(key, []).append(pages)
        for i in set(edge):
            key = _key(text[lines[i].start : lines[i].end])
            found.setdefault("\0" + key, []).append(i)
    least = max(3, (pages + 1) // 2)
    return {
        i
        for key, where in found.items()
        if not key.startswith("\0") and len(set(where)) >= least
        for i in found["\0" + key]
    }


def _numbered_furniture(
    table: LineTable, rows: list[_EdgeLine], skip: set[int]
) -> list[tuple[int, int]]:
    """Running headers or footers printing the page number (``議事録 - 3 -``) when the text
    has no other page marks: the same line at least three times, its numbers rising."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for index, _, content in rows:
        if index in skip or len(content.strip(_STRIP_CR)) > _ROW_MAX:
            continue
        m = _PAGE_IN_LINE.search(content)
        if m is None or not content.strip(_STRIP).replace(m.group().strip(_STRIP), ""):
            continue
        digits = _DIGITS.search(m.group())
        value = parse_number(digits.group()) if digits else None
        if value is not None:
            groups.setdefault(_key(content), []).append((index, value))
    best: list[tuple[int, int]] = []
    for found in groups.values():
        run = _increasing_run(found)
        if len(run) > len(best) and len(run) >= 0.8 * len(found):
            best = run
    return best


#: Without page breaks, a running header recurs at least this often, at a steady interval.
PERIODIC_MIN = 4
PERIODIC_MIN_GAP = 8
PERIODIC_TOLERANCE = 0.25
# Each gap between the lines of a running header is at least this: a text of fewer lines
# than ``1 + (PERIODIC_MIN - 1) * gap`` has none.
_PERIODIC_LINES = 1 + (PERIODIC_MIN - 1) * math.ceil(PERIODIC_MIN_GAP * (1 - PERIODIC_TOLERANCE))
_WORDS = regex.compile(r"\p{L}{2}")
# Lines opening with a speaker mark or a bracket are turns and directions, never headers.
_MARKS = SPEAKER_MARKS | frozenset("■□△▲【［〔（(「『")
# A line ending a sentence is speech, however often it recurs; headers are titles.
_SENTENCE_ENDS = frozenset("。．.？?！!、，")


def _periodic_repeats(table: LineTable, digest: _Digest, skip: set[int]) -> set[int]:
    """Short lines recurring at a steady interval of lines (a page's length), when the text
    has no page breaks to look next to."""
    text = table.text
    # Words, not a rule of dashes or a mark: a header names the meeting or the body.
    recurring = {
        content
        for content, count in digest.counts.items()
        if count >= PERIODIC_MIN
        and 0 < len(content) <= HEADER_MAX
        and _WORDS.search(content)
        and content[0] not in _MARKS
        and content[-1] not in _SENTENCE_ENDS
    }
    seen: dict[str, list[int]] = {}
    if recurring:
        located = _search_lines(table, recurring)
        if located is not None:
            seen = {c: [i for i in at if i not in skip] for c, at in located.items()}
        else:
            base = 0
            for chunk in _stripped_chunks(text, digest.lone_cr):
                for index, content in enumerate(chunk, base):
                    if content in recurring and index not in skip:
                        seen.setdefault(content, []).append(index)
                base += len(chunk)
    found: set[int] = set()
    for where in seen.values():
        if len(where) < PERIODIC_MIN:
            continue
        gaps = [b - a for a, b in itertools.pairwise(where)]
        step = sorted(gaps)[len(gaps) // 2]
        if step < PERIODIC_MIN_GAP:
            continue
        # A page may lack its header (a chapter's first page): one gap may span two.
        if all(
            any(abs(gap - step * k) <= PERIODIC_TOLERANCE * step for k in (1, 2)) for gap in gaps
        ):
            found.update(where)
    return found


#: The lines of a few recurring contents are found by searching the text for them (each
#: occurrence costs a look, about what reading two lines costs); more contents, or more
#: occurrences than half the lines, and every line is read instead.
_SEARCHED_CONTENTS = 4
_SEARCH_SLACK = 16


def _search_lines(table: LineTable, contents: set[str]) -> dict[str, list[int]] | None:
    """The indexes of the lines that are each of ``contents`` once stripped (in order), or
    ``None`` where reading every line costs less."""
    if len(contents) > _SEARCHED_CONTENTS:
        return None
    text = table.text
    starts = table.starts
    found: dict[str, list[int]] = {}
    budget = len(starts) // 2 + _SEARCH_SLACK
    for content in contents:
        at: list[int] = []
        position = text.find(content)
        while position >= 0:
            budget -= 1
            if budget < 0:
                return None
            index = bisect.bisect_right(starts, position) - 1
            line = table.line(index)
            # (a content starts with no space: its first occurrence in a line that is it
            # opens the line's stripped text)
            if text[line.start : line.end].strip(_STRIP_CR) == content:
                at.append(index)
            position = text.find(content, max(line.end, position + 1))
        found[content] = at
    return found


# Margin line numbers: a number with a space before the line's text, or after it.
_MARGIN_LEFT = re.compile(r"[ \u3000\f]*(?P<n>[0-9]{1,4})(?: {1,2}|\u3000)(?=[^ \t])")
_MARGIN_RIGHT = regex.compile(r"(?<=[^ \u3000\t])[ \u3000]+(?P<n>[0-9]{1,4})[ \u3000\f]*")
_MARGIN_ALONE = re.compile(r"[ \u3000\f]*(?P<n>[0-9]{1,4})[ \u3000\f]*")
_DIGITS_SET = frozenset("0123456789")
# A number followed by a counter or a mark is text (``1 番``, ``2 ．``), not a line number.
_COUNTER = re.compile(r"[番号%％.．、，]")
#: Margin numbers are believed when at least this many lines carry them, in steady steps,
#: and at least this share of the text's lines do.
MARGIN_MIN = 6
MARGIN_SHARE = 0.1
_MARGIN_MAX_STEP = 10


def find_margin_numbers(
    table: LineTable, digest: _Digest | None = None
) -> dict[int, tuple[int, int]]:
    """Line numbers printed in the margin, by line index: the span to remove from the line.

    A candidate is a number at the start of a line followed by a space and text
    (``8 ○小野議長 …``), at its end after a space, or alone on a line next to the line
    it numbers (as pypdf prints them). Candidates count when the numbers rise in steady
    steps (every line, or every 5) with the lines, restarting on each page; numbers
    alone on a line that fit between counted ones (numbered blank lines) go too.
    """
    if digest is None:
        digest = _Digest(table.text, table.lone_cr)
    return _margins(table, digest, _edge_lines(table, digest.edges))


def _margins(
    table: LineTable, digest: _Digest, rows: list[_EdgeLine]
) -> dict[int, tuple[int, int]]:
    """:func:`find_margin_numbers` on the digest's edge lines."""
    left: list[tuple[int, int, int, int]] = []  # (index, value, start, end)
    right: list[tuple[int, int, int, int]] = []
    alone: list[tuple[int, int, int, int]] = []
    # (index, line, content, whether it starts with a digit, whether it ends with one): a
    # number alone needs both, one on the left the first, one on the right the second
    candidates = []
    digits = _DIGITS_SET
    for i, line, content in rows:
        c = content.strip(_STRIP_CR)
        if c and ((first := c[0] in digits) | (last := c[-1] in digits)):
            candidates.append((i, line, content, first, last))
    if len(candidates) < MARGIN_MIN:
        return {}
    nonblank = digest.nonblank
    for index, line, content, first, last in candidates:
        if first and last:
            m = _MARGIN_ALONE.fullmatch(content)
            if m is not None:
                alone.append((index, int(m.group("n")), line.start, line.end))
                continue
        if first:
            m = _MARGIN_LEFT.match(content)
            if m is not None and not _COUNTER.match(content, m.end()):
                left.append((index, int(m.group("n")), line.start, line.start + m.end()))
        if last:
            r = _MARGIN_RIGHT.search(content)
            if r is not None and r.end() == len(content):
                right.append((index, int(r.group("n")), line.start + r.start(), line.end))
    found: dict[int, tuple[int, int]] = {}
    for side in (left, right, alone):
        accepted = _steady(side)
        if len(accepted) >= max(MARGIN_MIN, MARGIN_SHARE * nonblank):
            for index, _, a, b in accepted:
                found.setdefault(index, (a, b))
    if found and alone:
        for index, span in _fitting_alone(alone, found, table).items():
            found.setdefault(index, span)
    return found


def _steady(candidates: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Candidates continuing (or continued by) their neighbour in the most common step."""
    steps: Counter[int] = Counter()
    for (i, v, _, _), (j, w, _, _) in itertools.pairwise(candidates):
        if 0 < w - v <= _MARGIN_MAX_STEP and 0 < j - i <= w - v + 2:
            steps[w - v] += 1
    if not steps:
        return []
    step = steps.most_common(1)[0][0]
    keep: set[int] = set()
    for k, ((i, v, _, _), (j, w, _, _)) in enumerate(itertools.pairwise(candidates)):
        if w - v == step and 0 < j - i <= step + 2:
            keep.update((k, k + 1))
    return [candidates[k] for k in sorted(keep)]


def _fitting_alone(
    alone: list[tuple[int, int, int, int]],
    found: dict[int, tuple[int, int]],
    table: LineTable,
) -> dict[int, tuple[int, int]]:
    """Numbers alone on a line that sit between two margin numbers, in value and place."""
    text = table.text
    marked = sorted(found)
    values = {}
    for index in marked:
        a, b = found[index]
        m = _DIGITS.search(text, a, b)
        if m is not None:
            values[index] = int(m.group())
    out = {}
    for index, value, a, b in alone:
        k = bisect.bisect_left(marked, index)
        if 0 < k < len(marked):
            before, after = marked[k - 1], marked[k]
            if values.get(before, value) < value < values.get(after, value) and (
                index - before <= value - values[before] + 2
            ):
                out[index] = (a, b)
    return out
