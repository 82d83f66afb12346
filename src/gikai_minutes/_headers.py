"""Speaker-header rules: small objects that recognise one header convention in a line."""

from __future__ import annotations

from typing import Protocol

import attrs
import regex

__all__ = ["BracketHeaderRule", "HeaderMatch", "HeaderRejection", "HeaderRule"]


@attrs.frozen(slots=True)
class HeaderMatch:
    """A header found at the start of a line.

    ``label`` is the speaker label as printed; the header (marks, brackets and the
    separator after them) takes the first ``length`` characters of the line.
    """

    label: str
    length: int


@attrs.frozen(slots=True)
class HeaderRejection:
    """A line that looks like a header but is not one.

    ``malformed`` lines (e.g. an unclosed bracket) end the current speaker's turn and
    are kept as unparsed text; other rejections (false friends such as ``【資料１】``)
    stay part of the surrounding text.
    """

    code: str
    message: str
    malformed: bool = False


class HeaderRule(Protocol):
    """Recognises one header convention at the start of a line."""

    @property
    def name(self) -> str: ...

    @property
    def first_chars(self) -> frozenset[str]:
        """Characters a header line can start with (after leading spaces); a fast filter."""
        ...

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None: ...


#: Bracket labels that are never speakers: references, roster notes, page markers.
FALSE_FRIEND_LABELS = regex.compile(
    r"資料|参考|別紙|別添|配布|代理出席|欠席|出席者|議事|議題|報告事項|注|page|頁|ページ|"
    r"[0-9０-９一二三四五六七八九十]+$",
    regex.IGNORECASE,
)
_LABEL_PUNCT = regex.compile(r"[、。，．：:；;「」『』（）()！？!?・=＝/／\d０-９]")


_BRACKET = regex.compile(r"[ \u3000]*【(?P<label>[^【】\r\n]*)】(?P<sep>[ \u3000]*)")


@attrs.frozen(slots=True)
class BracketHeaderRule:
    """``【辻座長】 text`` and ``【山田 太郎 委員】text``: a label in 【】 at the line start."""

    name: str = "bracket"
    max_label: int = 24
    first_chars: frozenset[str] = frozenset("【")
    _pattern: regex.Pattern[str] = attrs.field(default=_BRACKET, repr=False)

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        m = self._pattern.match(line)
        if m is None:
            if line.lstrip(" \u3000").startswith("【") and "】" not in line:
                return HeaderRejection(
                    "malformed-header", "line opens 【 but never closes it", malformed=True
                )
            return None
        label = m.group("label").strip(" \u3000")
        if not label:
            return HeaderRejection("rejected-header", "empty 【】 label")
        if len(label) > self.max_label or _LABEL_PUNCT.search(label):
            return HeaderRejection("rejected-header", f"【{label}】 is not a speaker label")
        if FALSE_FRIEND_LABELS.search(label):
            return HeaderRejection(
                "rejected-header", f"【{label}】 names a reference, not a speaker"
            )
        return HeaderMatch(label, m.end())
