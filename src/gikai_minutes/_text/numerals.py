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
    known = _KNOWN.get(text)
    return known if known is not None else _parse(text)


def _parse(text: str) -> int | None:
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


def _spellings(n: int) -> set[str]:
    """How minutes print ``n`` below 100: ASCII and full-width digits (two of them too),
    kanji digits by position (``二一``) and with ``十`` (``二十一``)."""
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(n, 10)
    ascii_forms = {str(n), f"{n:02d}"}
    kanji = digits[ones] if tens == 0 else digits[tens] + digits[ones]
    unit = (
        digits[ones]
        if tens == 0
        else ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    )
    wide = {f.translate(_TO_WIDE) for f in ascii_forms}
    return ascii_forms | wide | {kanji, unit}


_TO_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
#: The numbers below 100 as minutes print them (days, months, hours, minutes, issues),
#: read once by the general reader: the common case is a dictionary look-up.
_KNOWN: dict[str, int] = {
    s: value
    for s in (*(form for n in range(100) for form in _spellings(n)), "元", "零")
    if (value := _parse(s)) is not None
}
