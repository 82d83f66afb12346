"""Numbers as printed in Japanese documents: ASCII, full-width and kanji numerals."""

from __future__ import annotations

__all__ = ["MAX_NUMERAL_LENGTH", "NUMERAL_CLASS", "parse_number"]

_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "元": 1}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")

#: A regex character class matching any numeral character this module reads.
NUMERAL_CLASS = "[0-9０-９〇零一二三四五六七八九十百千元]"
#: Longest numeral read; a longer run of numeral characters is no number of minutes
#: (years, days, hours, issues, seats, pages) and reads as ``None``.
MAX_NUMERAL_LENGTH = 12


def parse_number(text: str) -> int | None:
    """Read ``'10'``, ``'１０'``, ``'十'``, ``'三十一'``, ``'二〇二三'`` or ``'元'``.

    Returns ``None`` for anything else, and for runs longer than
    :data:`MAX_NUMERAL_LENGTH` characters.
    """
    s = text.strip().translate(_WIDE)
    if not s or len(s) > MAX_NUMERAL_LENGTH:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if any(c not in _DIGITS and c not in _UNITS for c in s):
        return None
    if not any(c in _UNITS for c in s):
        # Positional kanji (二〇二三) or a single digit.
        value = 0
        for c in s:
            value = value * 10 + _DIGITS[c]
        return value
    total = 0
    pending: int | None = None
    for c in s:
        if c in _DIGITS:
            if pending is not None:
                return None
            pending = _DIGITS[c]
        else:
            total += (1 if pending is None else pending) * _UNITS[c]
            pending = None
    return total + (pending or 0)
