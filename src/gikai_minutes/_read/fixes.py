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
from collections.abc import Callable, Mapping

import attrs
import jaconv

from gikai_minutes.model import Span, TextFix

__all__ = ["FIX_RULES", "FixRow", "FixRule", "FixSites", "fix_line", "fix_piece", "next_site"]


@attrs.frozen(slots=True)
class FixRule:
    """A repair: ``pattern`` finds the artefact, ``repair`` returns its replacement.

    ``repair`` may return the matched text unchanged to decline a match. ``sites`` names
    the kind of :class:`FixSites` site every match holds (``"fullwidth"``, ``"halfwidth"``
    or ``"spaced"``): pieces without one skip the rule. No match starts before the run of
    ``reach`` characters that ends at the first such site, so the scan starts there.
    """

    name: str
    description: str
    pattern: re.Pattern[str]
    repair: Callable[[str], str]
    sites: str
    reach: str = ""


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
    ),
    FixRule(
        "fullwidth_alnum",
        "full-width Latin letters and digits to ASCII: 'ＩＣＴ' -> 'ICT', '１３' -> '13'",
        re.compile(r"[Ａ-Ｚａ-ｚ０-９]+"),
        _fullwidth_alnum,
        "fullwidth",
    ),
    FixRule(
        "halfwidth_katakana",
        "half-width katakana to full-width: 'ﾃﾞｼﾞﾀﾙ' -> 'デジタル'",
        re.compile(r"[\uff61-\uff9f]+"),
        _halfwidth_kana,
        "halfwidth",
    ),
)

# Characters some rule rewrites on its own, and the ASCII letters around a spaced artefact.
_WIDTH_CHARS = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff61-\uff9f]")
_HALFWIDTH_FIRST = "\uff61"
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LATIN_OR_DASH = _LATIN | {"-"}
#: Repairs of up to this many characters share one string object per distinct text.
_SHARED_LENGTH = 32


class FixSites:
    """Offsets in a whole text where some rule of :data:`FIX_RULES` might apply.

    Found once per document with fast scans so that lines without any site skip the
    rules entirely: ``fullwidth`` and ``halfwidth`` hold the characters the width rules
    rewrite, ``spaced`` the spaces between two ASCII letters (or a letter and a hyphen)
    that spaced rules join.
    """

    __slots__ = ("fullwidth", "halfwidth", "spaced")

    def __init__(self, text: str) -> None:
        # In arrays (8 bytes a site), not lists of ints: a line of spaced letters
        # ('k i n t o n e') holds a site at every space.
        self.fullwidth = array.array("q")
        self.halfwidth = array.array("q")
        for m in _WIDTH_CHARS.finditer(text):
            pos = m.start()
            (self.halfwidth if text[pos] >= _HALFWIDTH_FIRST else self.fullwidth).append(pos)
        spaced = array.array("q")
        pos = text.find(" ")
        while pos >= 0:
            if (
                0 < pos < len(text) - 1
                and text[pos - 1] in _LATIN
                and text[pos + 1] in _LATIN_OR_DASH
            ):
                spaced.append(pos)
            pos = text.find(" ", pos + 1)
        self.spaced = spaced

    def any_in(self, start: int, end: int) -> bool:
        """Whether a site lies in ``[start, end)``."""
        return (
            next_site(self.fullwidth, start) < end
            or next_site(self.halfwidth, start) < end
            or next_site(self.spaced, start) < end
        )


def next_site(sites: array.array[int], offset: int) -> int:
    """The first of the sorted ``sites`` at or after ``offset`` (:data:`sys.maxsize` if none)."""
    i = bisect.bisect_left(sites, offset)
    return sites[i] if i < len(sites) else sys.maxsize


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
        pos = 0
        if first_sites is not None:
            site = first_sites.get(rule.sites)
            if site is None:
                continue
            pos = site - start
            if rule.reach:
                pos = len(text[:pos].rstrip(rule.reach))
        for m in rule.pattern.finditer(text, pos):
            original = m.group()
            replacement = rule.repair(original)
            if replacement != original:
                found.append((m.start(), m.end(), rule.name, replacement))
    if not found:
        return text, []
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
