"""Dialects: named sets of header rules. Detection lives in :mod:`gikai_minutes._read.scan`."""

from __future__ import annotations

import attrs

from gikai_minutes._read.headers import (
    BracketHeaderRule,
    CloseParenHeaderRule,
    ColonHeaderRule,
    HeaderRule,
    LabelLineHeaderRule,
    MarkHeaderRule,
    ParenHeaderRule,
    SpacedHeaderRule,
)

__all__ = ["DIALECTS", "Dialect"]


@attrs.frozen(slots=True)
class Dialect:
    """A minutes convention: a name, an example, and the header rules it uses.

    ``prior`` weighs the headers a dialect finds when the scan induces the convention:
    forms with a mark or bracket are rarely accidental; unmarked forms need more evidence.
    """

    name: str
    description: str
    header_rules: tuple[HeaderRule, ...]
    prior: float = 1.0


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
            "（塩崎教育長） alone on a line with the text below, or (大野委員長) text "
            "(municipal councils, 審議会)",
            (ParenHeaderRule(),),
            0.9,
        ),
        Dialect(
            "colon",
            "委員：text, 委員長(相川君):text, 本田君:text — label and colon, no mark (議事概要)",
            (ColonHeaderRule(),),
            0.9,
        ),
        Dialect(
            "close-paren",
            "宮本委員長)text — a label closed by a parenthesis that never opened",
            (CloseParenHeaderRule(),),
            0.9,
        ),
        Dialect(
            "label-line",
            "岡本会長 alone on a line, no mark, the text below (懇談会, 研究会)",
            (LabelLineHeaderRule(),),
            0.7,
        ),
        Dialect(
            "spaced",
            "大山課長　　text — an unmarked label, two spaces, the text (flattened HTML)",
            (SpacedHeaderRule(),),
            0.7,
        ),
    )
}
