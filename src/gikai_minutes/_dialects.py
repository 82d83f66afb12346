"""Dialects: named sets of header rules, and automatic detection of a document's dialect."""

from __future__ import annotations

import attrs

from gikai_minutes._headers import BracketHeaderRule, HeaderRule
from gikai_minutes._roles import DEFAULT_LEXICON, RoleLexicon

__all__ = ["DIALECTS", "Dialect", "get_dialect"]


@attrs.frozen(slots=True)
class Dialect:
    """A minutes convention: the header rules it uses and the role lexicon for labels."""

    name: str
    description: str
    header_rules: tuple[HeaderRule, ...]
    lexicon: RoleLexicon = DEFAULT_LEXICON


BRACKET = Dialect(
    name="bracket",
    description="【辻座長】 text — name and role inside 【】 at the start of a line",
    header_rules=(BracketHeaderRule(),),
)

#: All known dialects by name, in detection preference order.
DIALECTS: dict[str, Dialect] = {d.name: d for d in (BRACKET,)}


def get_dialect(name: str) -> Dialect:
    """The dialect called ``name``; raises ``KeyError`` naming the known ones."""
    try:
        return DIALECTS[name]
    except KeyError:
        raise KeyError(f"unknown dialect {name!r}; known: {', '.join(DIALECTS)}") from None
