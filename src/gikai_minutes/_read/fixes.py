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
import sys
from collections.abc import Callable

import attrs
import jaconv

from gikai_minutes.model import Span, TextFix

__all__ = ["FIX_RULES", "FixRule", "FixSites", "fix_line"]


@attrs.frozen(slots=True)
class FixRule:
    """A repair: ``pattern`` finds the artefact, ``repair`` returns its replacement.

    ``repair`` may return the matched text unchanged to decline a match.
    """

    name: str
    description: str
    pattern: re.Pattern[str]
    repair: Callable[[str], str]


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


def _fullwidth_alnum(s: str) -> str:
    return str(jaconv.z2h(s, kana=False, ascii=True, digit=True))


def _halfwidth_kana(s: str) -> str:
    return str(jaconv.h2z(s, kana=True, ascii=False, digit=False))


FIX_RULES: tuple[FixRule, ...] = (
    FixRule(
        "spaced_latin",
        "single Latin letters spaced out by PDF extraction: 'k i n t o n e' -> 'kintone'",
        # Three or more one-character tokens (letters, inner hyphens) separated by single
        # spaces, not touching other Latin characters, with at least one lower-case letter
        # (all-capital runs are declined by the repair); a single space before following
        # non-ASCII text belongs to the artefact too ('G r a f f e r 社' -> 'Graffer社').
        re.compile(
            r"(?<![A-Za-z0-9.\-])[A-Za-z](?: [A-Za-z\-](?![A-Za-z0-9])){2,}(?: (?=[^\x00-\x7f]))?"
        ),
        _join_spaced,
    ),
    FixRule(
        "partly_spaced_latin",
        "Latin words between Japanese text cut by PDF extraction spaces: 'Pol i Pol i' ->"
        " 'PoliPoli', 'Team s' -> 'Teams'",
        # Latin words separated by single spaces with Japanese on both sides; a lone
        # lower-case letter after a lower-case word is joined back to it, and a name
        # doubled that way is one word; without such a letter the run is left alone.
        re.compile(r"(?<![\x00-\x7f])[A-Za-z]+(?: [A-Za-z]+)+(?![\x00-\x7f])"),
        _join_fragments,
    ),
    FixRule(
        "fullwidth_alnum",
        "full-width Latin letters and digits to ASCII: 'ＩＣＴ' -> 'ICT', '１３' -> '13'",
        re.compile(r"[Ａ-Ｚａ-ｚ０-９]+"),
        _fullwidth_alnum,
    ),
    FixRule(
        "halfwidth_katakana",
        "half-width katakana to full-width: 'ﾃﾞｼﾞﾀﾙ' -> 'デジタル'",
        re.compile(r"[\uff61-\uff9f]+"),
        _halfwidth_kana,
    ),
)

# Characters some rule rewrites on its own, and the ASCII letters around a spaced artefact.
_WIDTH_CHARS = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff61-\uff9f]")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LATIN_OR_DASH = _LATIN | {"-"}
#: Repairs of up to this many characters share one string object per distinct text.
_SHARED_LENGTH = 32


class FixSites:
    """Offsets in a whole text where some rule of :data:`FIX_RULES` might apply.

    Found once per document with fast scans so that lines without any site skip the
    rules entirely.
    """

    __slots__ = ("_sites",)

    def __init__(self, text: str) -> None:
        # In arrays (8 bytes a site), not lists of ints: a line of spaced letters
        # ('k i n t o n e') holds a site at every space.
        sites = array.array("q")
        sites.extend(m.start() for m in _WIDTH_CHARS.finditer(text))
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
        if spaced:
            sites = array.array("q", sorted(sites + spaced)) if sites else spaced
        self._sites = sites

    def any_in(self, start: int, end: int) -> bool:
        """Whether a site lies in ``[start, end)``."""
        i = bisect.bisect_left(self._sites, start)
        return i < len(self._sites) and self._sites[i] < end


def fix_line(
    text: str, start: int, line: int, rules: tuple[FixRule, ...] = FIX_RULES
) -> tuple[str, list[TextFix]]:
    """Repair one line whose content starts at source offset ``start`` on line ``line``.

    Returns the cleaned text and the fixes applied (empty when nothing changed). Where
    two rules match overlapping text, the earlier rule wins.
    """
    found: list[tuple[int, int, str, str]] = []
    for rule in rules:
        for m in rule.pattern.finditer(text):
            original = m.group()
            replacement = rule.repair(original)
            if replacement != original:
                found.append((m.start(), m.end(), rule.name, replacement))
    if not found:
        return text, []
    found.sort()
    out: list[str] = []
    fixes: list[TextFix] = []
    pos = 0
    for a, b, name, replacement in found:
        if a < pos:
            continue
        out.append(text[pos:a])
        original = text[a:b]
        if b - a <= _SHARED_LENGTH:
            # The same artefact on many lines ('k i n t o n e'): one string for all of them.
            original, replacement = sys.intern(original), sys.intern(replacement)
        out.append(replacement)
        at = start + a if a else start
        fixes.append(TextFix(name, Span(at, start + b, line, line), original, replacement))
        pos = b
    out.append(text[pos:])
    return "".join(out), fixes
