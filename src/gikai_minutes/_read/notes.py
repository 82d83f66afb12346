"""Notes: text in the proceedings that nobody says, found by small named rules.

Line rules look at a whole stripped line (``〔拍手〕``, ``午後３時５１分散会``, ``―――``,
``◎開会の宣告``, and headings in the proceedings: ``≪3.「行動計画」について≫``, ``《議事》``,
``(2)専門調査会の報告書について``, ``■議題１``, ``１．開会``); inline rules find directions
inside a line (``…委員長。（拍手）``).
"""

from __future__ import annotations

import attrs
import regex

from gikai_minutes._text.directions import (
    DIRECTION_ENDINGS,
    DIRECTIONS,
    TIME_EVENT_WORDS,
    alternation,
)
from gikai_minutes._text.numerals import NUMERAL_CLASS
from gikai_minutes.model import NoteKind

__all__ = [
    "INLINE_NOTE_CHARS",
    "INLINE_RULES",
    "LINE_RULES",
    "NOTE_FIRST_CHARS",
    "NoteRule",
    "classify_line",
    "find_inline",
]


@attrs.frozen(slots=True)
class NoteRule:
    """``pattern`` recognises one kind of note; line rules must match the whole line."""

    name: str
    kind: NoteKind
    pattern: regex.Pattern[str]


# Possessive: a run of numerals or spaces is never re-split between two quantifiers.
_N = f"{NUMERAL_CLASS}++"
_S = r"[ \u3000]*+"
_DASHES = r"―─━－\-‐ー＝=…‥・〜～_＿＊*"

LINE_RULES: tuple[NoteRule, ...] = (
    NoteRule(
        "bracketed_direction",
        NoteKind.STAGE_DIRECTION,
        regex.compile(r"〔[^〔〕]*〕(?:[ \u3000]*〔[^〔〕]*〕)*"),
    ),
    NoteRule(
        "parenthesised_direction",
        NoteKind.STAGE_DIRECTION,
        regex.compile(r"[（(][^（）()]{1,60}[）)]"),
    ),
    NoteRule(
        "time_line",
        NoteKind.TIME,
        regex.compile(
            rf"[○〇◯◎]?{_S}(?:午前|午後|正午){_S}(?:{_N}{_S}時{_S}(?:{_N}{_S}分|半)?)?{_S}"
            rf"[^。、]{{0,12}}?(?:{alternation(TIME_EVENT_WORDS)})"
            r"(?:[・、][^。]{0,8})?"
        ),
    ),
    NoteRule(
        "separator",
        NoteKind.SEPARATOR,
        regex.compile(
            rf"[{_DASHES} \u3000]*[◇◆][{_DASHES} \u3000]*|[{_DASHES}][{_DASHES} \u3000]{{2,}}"
        ),
    ),
    NoteRule(
        "marked_heading",
        NoteKind.HEADING,
        regex.compile(r"[◎○〇◯◆◇■□●][ \u3000]*[^。、\s][^。]{0,40}"),
    ),
    NoteRule(
        "section_heading",
        NoteKind.HEADING,
        regex.compile(
            r"[≪《〈＜<][^≫》〉＞>。\r\n]{1,40}[≫》〉＞>]"
            r"|[■□●▼▽◇◆][ \u3000]*[^。、\s][^。、]{0,30}"
            rf"|[（(](?:{_N}|[a-zａ-ｚア-ン])[）)][ \u3000]*[^。、\s（(][^。、]{{0,30}}"
            rf"|{_N}[．.][ \u3000]*[^。、\s\d０-９][^。、]{{0,30}}"
        ),
    ),
    NoteRule(
        "closing",
        NoteKind.OTHER,
        regex.compile(
            r"[―─－\-]*[ \u3000]*(?:以[ \u3000]*上|了|[（(]?了[）)]?)[ \u3000]*[―─－\-]*"
        ),
    ),
)

#: Characters a note line can start with; other lines skip the line rules entirely.
NOTE_FIRST_CHARS = frozenset(
    "〔（(午正○〇◯◎◆◇■□●▼▽≪《〈＜<以了"
    + _DASHES.replace("\\", "")
    + "0123456789０１２３４５６７８９"  # numbered headings (１．開会); not 一, which opens 一方…
)

INLINE_RULES: tuple[NoteRule, ...] = (
    NoteRule(
        "bracketed_direction", NoteKind.STAGE_DIRECTION, regex.compile(r"〔[^〔〕\r\n]{1,80}〕")
    ),
    NoteRule(
        "parenthesised_direction",
        NoteKind.STAGE_DIRECTION,
        regex.compile(
            rf"[（(](?:{alternation(DIRECTIONS)}|"
            rf"[^（）()\r\n]{{1,40}}?(?:{alternation(DIRECTION_ENDINGS)}))[）)]"
        ),
    ),
)


#: Characters every inline note opens with; a line without any holds no inline note.
INLINE_NOTE_CHARS = "〔（("


def classify_line(content: str, rules: tuple[NoteRule, ...] = LINE_RULES) -> NoteRule | None:
    """The first of ``rules`` that matches the whole stripped ``content``, if any."""
    kept = _ORDERS.get(id(rules))
    if kept is None or kept[0] is not rules:
        if len(_ORDERS) >= 64:
            _ORDERS.clear()
        kept = _ORDERS[id(rules)] = (rules, _order(rules))
    order = kept[1]
    if order is not None and "。" in content and content[0] not in _PERIOD_FIRSTS:
        return None  # a sentence: only a direction in brackets may hold a full stop
    if order is not None and _LINE_ALTERNATION is not None:
        # Rules taken from LINE_RULES in its order: one call of the alternation finds the
        # first line rule that matches; the first of ``rules`` is that one, or a later one.
        found = _LINE_ALTERNATION.fullmatch(content)
        if found is None:
            return None
        first = int(str(found.lastgroup)[1:])
        rule = order.get(first)
        if rule is not None:
            return rule
        rules = tuple(r for k, r in order.items() if k > first)
    for rule in rules:
        if rule.pattern.fullmatch(content):
            return rule
    return None


def _alternation(rules: tuple[NoteRule, ...]) -> regex.Pattern[str] | None:
    """One pattern trying ``rules`` in order, each in a group named after its index: its
    full match is the first rule's that fully matches (one call, not one a rule). ``None``
    if the rules hold groups of their own or differ in flags."""
    if not rules or len({rule.pattern.flags for rule in rules}) > 1:
        return None
    if any(rule.pattern.groups for rule in rules):
        return None
    branches = (f"(?P<r{k}>{rule.pattern.pattern})" for k, rule in enumerate(rules))
    return regex.compile("|".join(branches), rules[0].pattern.flags)


#: What every line rule whose full match may hold a full stop (``。``) opens with: the
#: directions in brackets (``〔…〕``, ``（…）``); every other line rule's pattern excludes it.
_PERIOD_FIRSTS = "〔（("
#: The line rules as one alternation, made once (a pattern made while parsing is kept).
_LINE_ALTERNATION = _alternation(LINE_RULES)


def _order(rules: tuple[NoteRule, ...]) -> dict[int, NoteRule] | None:
    """``rules`` by their index in :data:`LINE_RULES`, if they are some of them in that
    order (and the line rules make one alternation); else ``None``."""
    if _LINE_ALTERNATION is None:
        return None
    indexes = [next((k for k, r in enumerate(LINE_RULES) if r is rule), -1) for rule in rules]
    if -1 in indexes or indexes != sorted(set(indexes)):
        return None
    return dict(zip(indexes, rules, strict=True))


#: Each tuple of rules classify_line was given (by id, kept alive) and its order.
_ORDERS: dict[int, tuple[tuple[NoteRule, ...], dict[int, NoteRule] | None]] = {}


def find_inline(content: str) -> list[tuple[int, int, NoteRule]]:
    """Inline notes in ``content`` as ``(start, end, rule)``, sorted, not overlapping."""
    if "〔" not in content and "（" not in content and "(" not in content:
        return []
    found: list[tuple[int, int, NoteRule]] = []
    for rule in INLINE_RULES:
        found.extend((m.start(), m.end(), rule) for m in rule.pattern.finditer(content))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[tuple[int, int, NoteRule]] = []
    end = -1
    for item in found:
        if item[0] >= end:
            out.append(item)
            end = item[1]
    return out
