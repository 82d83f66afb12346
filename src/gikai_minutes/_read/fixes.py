"""Named text repairs (ftfy style): each rule finds one artefact and says how to mend it.

Rules work on one line of source text at a time and never cross a line break. Each
applied repair is returned as a :class:`~gikai_minutes.TextFix` with its source span, so
cleaned text can always be traced back to the original.
"""

from __future__ import annotations

import array
import bisect
import itertools
import re
import string
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

import attrs
import jaconv

from gikai_minutes._read.notes import INLINE_NOTE_CHARS
from gikai_minutes.model import Span, TextFix

__all__ = [
    "FIX_RULES",
    "FixRow",
    "FixRule",
    "FixSites",
    "fix_line",
    "fix_piece",
    "next_site",
]


@attrs.frozen(slots=True)
class FixRule:
    """A repair: ``pattern`` finds the artefact, ``repair`` returns its replacement.

    ``repair`` may return the matched text unchanged to decline a match. ``sites`` names
    the kind of :class:`FixSites` site every match holds (``"fullwidth"``, ``"halfwidth"``
    or ``"spaced"``): pieces without one skip the rule. No match starts before the run of
    ``reach`` characters that ends at the first such site, so the scan starts there.

    Where a piece's matches lie, for :meth:`FixSites.fix`: with ``within``, the pattern
    consumes only those characters and looks no further than one character beyond what
    it consumes (either side), so every match lies in a run of them that holds a site and
    depends on that run and the character on each side only; with ``runs``, the matches
    are exactly the runs of consecutive sites.
    """

    name: str
    description: str
    pattern: re.Pattern[str]
    repair: Callable[[str], str]
    sites: str
    reach: str = ""
    within: str = ""
    runs: bool = False


def _join_spaced(s: str) -> str:
    joined = s.replace(" ", "")
    # All-capital runs ('A B C') are usually real lists of letters, not an artefact.
    if joined.isupper() or joined.endswith("-"):
        return s
    return joined


def _join_fragments(s: str) -> str:
    tokens = s.split(" ")
    # Evidence of extraction spacing: a lone lower-case letter (not the word 'a') cut off
    # the end of a lower-case word ('Pol i'), and no token a real English short word.
    cut = any(
        len(b) == 1 and b.islower() and b != "a" and a[-1:].islower()
        for a, b in itertools.pairwise(tokens)
    )
    if not cut or all(len(t) == 1 for t in tokens):
        return s
    words: list[str] = []
    for a, b in itertools.pairwise(["", *tokens]):
        if len(b) == 1 and b.islower() and b != "a" and a[-1:].islower():
            words[-1] += b
        else:
            words.append(b)
    # A doubled name ('Poli Poli') was one word printed twice over a cut.
    return "".join(words) if len(set(words)) == 1 else " ".join(words)


_FULLWIDTH_ALNUM = (
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
)
#: jaconv's conversion of each full-width letter and digit, applied with ``str.translate``.
_TO_HALFWIDTH = {
    ord(c): str(jaconv.z2h(c, kana=False, ascii=True, digit=True)) for c in _FULLWIDTH_ALNUM
}


def _fullwidth_alnum(s: str) -> str:
    return s.translate(_TO_HALFWIDTH)


def _halfwidth_kana(s: str) -> str:
    return str(jaconv.h2z(s, kana=True, ascii=False, digit=False))


_ASCII_LETTERS = string.ascii_letters

FIX_RULES: tuple[FixRule, ...] = (
    FixRule(
        "spaced_latin",
        "single Latin letters spaced out by PDF extraction: 'k i n t o n e' -> 'kintone'",
        # Three or more one-character tokens (letters, inner hyphens) separated by single
        # spaces, not touching other Latin characters, with at least one lower-case letter
        # (all-capital runs are declined by the repair); a single space before following
        # non-ASCII text belongs to the artefact too ('G r a f f e r 社' -> 'Graffer社').
        # The letter comes before the lookbehind that checks what precedes it: a pattern
        # that opens with a character class is scanned for that class first (2x faster).
        re.compile(
            r"[A-Za-z](?<![A-Za-z0-9.\-][A-Za-z])(?: [A-Za-z\-](?![A-Za-z0-9])){2,}"
            r"(?: (?=[^\x00-\x7f]))?"
        ),
        _join_spaced,
        "spaced",
        _ASCII_LETTERS,
        _ASCII_LETTERS + " -",
    ),
    FixRule(
        "partly_spaced_latin",
        "Latin words between Japanese text cut by PDF extraction spaces: 'Pol i Pol i' ->"
        " 'PoliPoli', 'Team s' -> 'Teams'",
        # Latin words separated by single spaces with Japanese on both sides; a lone
        # lower-case letter after a lower-case word is joined back to it, and a name
        # doubled that way is one word; without such a letter the run is left alone.
        re.compile(r"[A-Za-z](?<![\x00-\x7f][A-Za-z])[A-Za-z]*(?: [A-Za-z]+)+(?![\x00-\x7f])"),
        _join_fragments,
        "spaced",
        _ASCII_LETTERS,
        _ASCII_LETTERS + " -",  # no hyphen in a match; the same runs as spaced_latin
    ),
    FixRule(
        "fullwidth_alnum",
        "full-width Latin letters and digits to ASCII: 'ＩＣＴ' -> 'ICT', '１３' -> '13'",
        re.compile(r"[Ａ-Ｚａ-ｚ０-９]+"),
        _fullwidth_alnum,
        "fullwidth",
        runs=True,
    ),
    FixRule(
        "halfwidth_katakana",
        "half-width katakana to full-width: 'ﾃﾞｼﾞﾀﾙ' -> 'デジタル'",
        re.compile(r"[\uff61-\uff9f]+"),
        _halfwidth_kana,
        "halfwidth",
        runs=True,
    ),
)

# The characters the width rules rewrite, found in the text's UTF-16-LE bytes: the second
# byte of each is FF, a literal the scan looks for before checking the byte before it (a
# character class over the text itself costs 4-8x more). A match at an even byte offset
# straddles two characters and is dropped.
_WIDTH_BYTES = re.compile(rb"\xff(?<=[\x10-\x19\x21-\x3a\x41-\x5a\x61-\x9f]\xff)")
_HALFWIDTH_LOW = 0x61
# The same characters in a short text or one with characters beyond the BMP (two UTF-16
# units each).
_WIDTH_CHARS = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff61-\uff9f]")
_HALFWIDTH_FIRST = "\uff61"
# A space between an ASCII letter and an ASCII letter or hyphen: the space, a literal, first.
_SPACED = re.compile(r" (?=[A-Za-z\-])(?<=[A-Za-z] )")
#: Repairs of up to this many characters share one string object per distinct text.
_SHARED_LENGTH = 32
_NONE = sys.maxsize
_START = re.Match.start
#: Marks of up to this many sites are merged into one list.
_MERGED = 4096
#: Texts shorter than this are scanned for width sites as they are, not as bytes.
_SHORT = 128
#: The empty sites every kind without a site shares (never changed), by array type code.
_NO_SITES = {"i": array.array("i"), "q": array.array("q")}


class FixSites:
    """Offsets in a whole text where some rule of :data:`FIX_RULES` might apply.

    Found once per document with fast scans so that lines without any site skip the
    rules entirely: ``fullwidth`` and ``halfwidth`` hold the characters the width rules
    rewrite, ``spaced`` the spaces between two ASCII letters (or a letter and a hyphen)
    that spaced rules join. ``marks`` holds all of these and every character an inline
    note opens with (:data:`INLINE_NOTE_CHARS`) in sorted sequences (one, unless there
    are many: no list of them all is made): a line with no mark needs neither repairs nor
    inline notes.
    """

    __slots__ = ("fullwidth", "halfwidth", "marks", "spaced")

    def __init__(self, text: str) -> None:
        # In arrays (4 bytes a site below 2**31 characters), not lists of ints: a line of
        # spaced letters ('k i n t o n e') holds a site at every space. Kinds without a
        # site share one empty array (none is ever changed).
        code = "i" if len(text) < 2**31 else "q"
        full = half = spaced = _NO_SITES[code]
        if len(text) < _SHORT:  # encoding costs more than it saves
            if not text.isascii() and _WIDTH_CHARS.search(text):
                full, half = _width_sites(text, code)
        elif not text.isascii():
            # Lone surrogates (from undecodable bytes) pass as one unit each.
            data = text.encode("utf-16-le", "surrogatepass")
            if len(data) != 2 * len(text):  # characters beyond the BMP: two units each
                full, half = _width_sites(text, code)
            elif _WIDTH_BYTES.search(data):
                full, half = array.array(code), array.array(code)
                for m in _WIDTH_BYTES.finditer(data):
                    at = m.start()
                    if at & 1:
                        (half if data[at - 1] >= _HALFWIDTH_LOW else full).append(at >> 1)
        if " " in text:
            found = array.array(code, map(_START, _SPACED.finditer(text)))
            if found:
                spaced = found
        self.fullwidth, self.halfwidth, self.spaced = full, half, spaced
        runs: list[Sequence[int]] = []
        if full:
            runs.append(full)
        if half:
            runs.append(half)
        if spaced:
            runs.append(spaced)
        find = text.find
        for char in INLINE_NOTE_CHARS:
            pos = find(char)
            if pos >= 0:
                found = array.array(code)
                while pos >= 0:
                    found.append(pos)
                    pos = find(char, pos + 1)
                runs.append(found)
        if len(runs) > 1 and sum(map(len, runs)) <= _MERGED:
            runs = [sorted(itertools.chain.from_iterable(runs))]  # a list: bisected faster
        self.marks = tuple(runs)

    def any_in(self, start: int, end: int) -> bool:
        """Whether a site lies in ``[start, end)``."""
        return (
            next_site(self.fullwidth, start) < end
            or next_site(self.halfwidth, start) < end
            or next_site(self.spaced, start) < end
        )

    def fix(self, piece: str, start: int) -> tuple[str, list[FixRow]]:
        """Repair ``piece``, a stripped piece of this text at offset ``start``: the same as
        :func:`fix_piece` given the piece's first sites, scanning only around its sites."""
        found: list[tuple[int, int, str, str]] = []
        end = start + len(piece)
        for group in _GROUPS:
            sites = getattr(self, group.sites)
            if not sites:
                continue
            i = bisect.bisect_left(sites, start)
            if i == len(sites) or sites[i] >= end:
                continue
            if group.runs:
                _run_matches(group, piece, start, sites, i, end, found)
            elif group.within:
                _window_matches(group, piece, start, sites, i, end, found)
            else:  # pragma: no cover - every rule says where its matches lie
                site = sites[i] - start
                for rule in group.rules:
                    found.extend(_matches(rule, piece, _reach(rule, piece, site)))
        return _applied(piece, start, found)

    def first(self, start: int, end: int) -> dict[str, int] | None:
        """The first site of each kind in ``[start, end)`` by kind (as :func:`fix_piece`
        takes them), or ``None`` if there is none."""
        found = None
        for kind, sites in (
            ("fullwidth", self.fullwidth),
            ("halfwidth", self.halfwidth),
            ("spaced", self.spaced),
        ):
            if sites:
                site = next_site(sites, start)
                if site < end:
                    if found is None:
                        found = {}
                    found[kind] = site
        return found


def _width_sites(text: str, code: str) -> tuple[array.array[int], array.array[int]]:
    """The full-width and half-width sites of ``text``, found on the text itself."""
    full, half = array.array(code), array.array(code)
    for m in _WIDTH_CHARS.finditer(text):
        at = m.start()
        (half if text[at] >= _HALFWIDTH_FIRST else full).append(at)
    return full, half


def next_site(sites: array.array[int], offset: int) -> int:
    """The first of the sorted ``sites`` at or after ``offset`` (:data:`sys.maxsize` if none)."""
    i = bisect.bisect_left(sites, offset)
    return sites[i] if i < len(sites) else _NONE


#: A repair as a row: (rule name, source start, source end, replacement).
FixRow = tuple[str, int, int, str]


def fix_piece(
    text: str,
    start: int,
    first_sites: Mapping[str, int] | None = None,
    rules: tuple[FixRule, ...] = FIX_RULES,
) -> tuple[str, list[FixRow]]:
    """Repair one stripped piece of a line whose text starts at source offset ``start``.

    ``first_sites`` maps each kind of site the piece holds to the source offset of its
    first one; only rules of those kinds are run, from there (``None``: every rule, from
    the start). Returns the cleaned text and the repairs applied as rows, in order (empty
    when nothing changed); where two rules match overlapping text, the earlier match wins.
    """
    found: list[tuple[int, int, str, str]] = []
    for rule in rules:
        if first_sites is None:
            found.extend(_matches(rule, text, 0))
        else:
            site = first_sites.get(rule.sites)
            if site is not None:
                found.extend(_matches(rule, text, _reach(rule, text, site - start)))
    return _applied(text, start, found)


def _matches(
    rule: FixRule, text: str, pos: int, endpos: int = sys.maxsize
) -> list[tuple[int, int, str, str]]:
    """The repairs ``rule`` makes in ``text`` from offset ``pos`` up to ``endpos``, as
    ``(start, end, rule name, replacement)``."""
    found = []
    for m in rule.pattern.finditer(text, pos, endpos):
        original = m.group()
        replacement = rule.repair(original)
        if replacement != original:
            found.append((m.start(), m.end(), rule.name, replacement))
    return found


def _reach(rule: FixRule, text: str, site: int) -> int:
    """Where ``rule``'s scan of ``text`` starts, its first site being at offset ``site``."""
    return len(text[:site].rstrip(rule.reach)) if rule.reach else site


class _Group(NamedTuple):
    """Rules found from the same sites the same way (see :meth:`FixSites.fix`)."""

    number: int
    sites: str
    runs: bool
    within: str
    reach: str
    rules: tuple[FixRule, ...]
    run: re.Pattern[str]  # a run of within characters


def _groups(rules: tuple[FixRule, ...]) -> tuple[_Group, ...]:
    found: dict[tuple[str, bool, str, str], list[FixRule]] = {}
    for rule in rules:
        found.setdefault((rule.sites, rule.runs, rule.within, rule.reach), []).append(rule)
    return tuple(
        _Group(k, *key, tuple(members), re.compile(f"[{re.escape(key[2])}]*" if key[2] else ""))
        for k, (key, members) in enumerate(found.items())
    )


_GROUPS = _groups(FIX_RULES)
#: Repairs found in runs shorter than this, by group, run and the characters around it.
_WINDOWS: dict[tuple[int, bool, str], tuple[tuple[int, int, str, str], ...]] = {}
_WINDOW_LENGTH = 48
_WINDOWS_KEPT = 256  # under 100 KB


def _run_matches(
    group: _Group,
    text: str,
    start: int,
    sites: array.array[int],
    i: int,
    end: int,
    found: list[tuple[int, int, str, str]],
) -> None:
    """The repairs of a group of ``runs`` rules in ``text`` (at source offset ``start``,
    ending at ``end``) whose first site is ``sites[i]``: each run of consecutive sites is a
    match."""
    n = len(sites)
    while i < n and sites[i] < end:
        a = b = sites[i]
        i += 1
        while i < n and sites[i] == b + 1 < end:
            b += 1
            i += 1
        original = text[a - start : b + 1 - start]
        for rule in group.rules:
            replacement = rule.repair(original)
            if replacement != original:
                found.append((a - start, b + 1 - start, rule.name, replacement))


def _window_matches(
    group: _Group,
    text: str,
    start: int,
    sites: array.array[int],
    i: int,
    end: int,
    found: list[tuple[int, int, str, str]],
) -> None:
    """The repairs of a group of ``within`` rules in ``text`` (at source offset ``start``,
    ending at ``end``) whose first site is ``sites[i]``: the patterns scan each run of
    within characters that holds a site, the first from its reach as :func:`fix_piece`
    does, and stop one character after the run (a lookahead there sees the character that
    ends it). A short run's repairs are kept for the next time it is met with the same
    characters around it."""
    run, within = group.run.match, group.within
    n = len(sites)
    site = sites[i] - start
    pos = len(text[:site].rstrip(group.reach)) if group.reach else site
    while True:
        span = run(text, site)  # it always matches, if only the empty string
        last = span.end() if span else site  # text[last] is no within character, or none
        lo = pos - 1 if pos else 0
        if last - lo < _WINDOW_LENGTH:
            key = (group.number, pos == 0, text[lo : last + 1])
            kept = _WINDOWS.get(key)
            if kept is None:
                kept = tuple(
                    (a - pos, b - pos, name, replacement)
                    for rule in group.rules
                    for a, b, name, replacement in _matches(rule, text, pos, last + 1)
                )
                if len(_WINDOWS) >= _WINDOWS_KEPT:
                    _WINDOWS.clear()
                _WINDOWS[key] = kept
            for a, b, name, replacement in kept:
                found.append((a + pos, b + pos, name, replacement))
        else:
            for rule in group.rules:
                found.extend(_matches(rule, text, pos, last + 1))
        i = bisect.bisect_left(sites, start + last, i)
        if i == n or sites[i] >= end:
            return
        site = sites[i] - start
        # The next run starts after text[last]: no match starts between the two runs.
        pos = last + len(text[last:site].rstrip(within))


def _applied(
    text: str, start: int, found: list[tuple[int, int, str, str]]
) -> tuple[str, list[FixRow]]:
    """``text`` (at source offset ``start``) with the repairs ``found`` applied, and the
    repairs as rows; where two overlap, the earlier wins."""
    if not found:
        return text, []
    if len(found) == 1:
        a, b, name, replacement = found[0]
        if len(replacement) <= _SHARED_LENGTH:
            replacement = sys.intern(replacement)
        return text[:a] + replacement + text[b:], [(name, start + a, start + b, replacement)]
    found.sort()
    out: list[str] = []
    rows: list[FixRow] = []
    pos = 0
    for a, b, name, replacement in found:
        if a < pos:
            continue
        out.append(text[pos:a])
        if len(replacement) <= _SHARED_LENGTH:
            # The same artefact on many lines ('k i n t o n e'): one string for all of them.
            replacement = sys.intern(replacement)
        out.append(replacement)
        rows.append((name, start + a, start + b, replacement))
        pos = b
    out.append(text[pos:])
    return "".join(out), rows


def fix_line(
    text: str, start: int, line: int, rules: tuple[FixRule, ...] = FIX_RULES
) -> tuple[str, list[TextFix]]:
    """Repair one line whose content starts at source offset ``start`` on line ``line``.

    Returns the cleaned text and the fixes applied (empty when nothing changed), as
    :func:`fix_piece` does, with every rule run.
    """
    cleaned, rows = fix_piece(text, start, rules=rules)
    fixes = []
    for name, a, b, replacement in rows:
        original = text[a - start : b - start]
        if b - a <= _SHARED_LENGTH:
            original = sys.intern(original)
        fixes.append(TextFix(name, Span(a, b, line, line), original, replacement))
    return cleaned, fixes
