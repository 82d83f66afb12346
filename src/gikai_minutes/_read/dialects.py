"""Dialects: named sets of header rules. Detection lives in :mod:`gikai_minutes._read.scan`."""

from __future__ import annotations

import attrs

from gikai_minutes._read.headers import (
    BracketHeaderRule,
    ColonHeaderRule,
    HeaderRule,
    MarkHeaderRule,
    ParenHeaderRule,
)

__all__ = ["DIALECTS", "Dialect"]


@attrs.frozen(slots=True)
class Dialect:
    """A minutes convention: a name, an example, and the header rules it uses."""

    name: str
    description: str
    header_rules: tuple[HeaderRule, ...]


#: All known dialects by name, in detection preference order (ties go to the first).
DIALECTS: dict[str, Dialect] = {
    d.name: d
    for d in (
        Dialect(
            "bracket",
            "【辻座長】 text — name and role inside 【】 (総務省 study groups)",
            (BracketHeaderRule(),),
        ),
        Dialect(
            "mark",
            "○小泉委員長　text, ○委員長（足立敏之君）　text, ○（伊藤よしのり議長）　text — "
            "a mark ○〇◯◎◆◇ then the label (Diet, assemblies, ministries)",
            (MarkHeaderRule(),),
        ),
        Dialect(
            "paren",
            "（塩崎教育長） alone on a line, the text below (municipal councils)",
            (ParenHeaderRule(),),
        ),
        Dialect("colon", "委員：text — label and colon, no mark (議事概要)", (ColonHeaderRule(),)),
    )
}
