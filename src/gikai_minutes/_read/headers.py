"""Speaker-header rules: small objects that each recognise one header convention in a line.

A rule looks at one line and answers with a :class:`HeaderMatch` (the line opens a
speaker turn), a :class:`HeaderRejection` (it looks like a header but is not one), or
``None`` (not its business).
"""

from __future__ import annotations

import re
from typing import Protocol

import attrs

from gikai_minutes._text.lexicon import DEFAULT_LEXICON, LabelParts, RoleLexicon

__all__ = [
    "BracketHeaderRule",
    "ColonHeaderRule",
    "HeaderMatch",
    "HeaderRejection",
    "HeaderRule",
    "MarkHeaderRule",
    "ParenHeaderRule",
]


@attrs.frozen(slots=True)
class HeaderMatch:
    """A header at the start of a line.

    ``label`` is the speaker label as printed (without marks and brackets); the header,
    with its separator, takes the first ``length`` characters of the line.
    """

    label: str
    length: int
    parts: LabelParts


@attrs.frozen(slots=True)
class HeaderRejection:
    """A line that looks like a header but is not one.

    ``malformed`` lines (an unclosed bracket) end the current turn and are kept as
    unparsed text; other rejections (``【資料１】``, ``○議事日程``) stay where they are.
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
        """Characters a header line starts with (after indentation), or, when
        ``anywhere`` is true, contains: a fast filter for candidate lines."""
        ...

    @property
    def anywhere(self) -> bool: ...

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None: ...


#: Bracket labels that are never speakers: references, roster notes, page markers.
FALSE_FRIEND_LABELS = re.compile(
    r"資料|参考|別紙|別添|配布|代理出席|欠席|出席者|議事|議題|報告事項|注|page|頁|ページ|"
    r"^[0-9０-９一二三四五六七八九十]+$",
    re.IGNORECASE,
)
#: Words of section headings and procedure lines, never of a speaker label.
HEADING_WORDS = re.compile(
    r"日程|案件|宣告|議事|会議|開会|閉会|散会|休憩|再開|開議|延会|議案|請願|陳情|報告|"
    r"目次|名簿|出席|欠席|署名|質疑|討論|採決|表決|選挙|提出|上程|[0-9０-９]+時|[0-9０-９]+[人名]"
)
_LABEL_PUNCT = re.compile(r"[、。，．：:；;「」『』！？!?・=＝/／\d０-９]")
_INDENT = " \u3000\t\f\ufeff"


def _unknown_ok(label: str, max_len: int) -> bool:
    """Whether an unrecognised label may still be a speaker (kept whole, diagnosed)."""
    return (
        1 < len(label) <= max_len
        and HEADING_WORDS.search(label) is None
        and _LABEL_PUNCT.search(label) is None
    )


_BRACKET = re.compile(r"[ \u3000\t\f\ufeff]*【(?P<label>[^【】\r\n]*)】(?P<sep>[ \u3000]*)")


@attrs.frozen(slots=True)
class BracketHeaderRule:
    """``【辻座長】 text``, ``【山田 太郎 委員】text``, ``【委員】``: a label in 【】."""

    name: str = "bracket"
    max_label: int = 24
    first_chars: frozenset[str] = frozenset("【")
    anywhere: bool = False
    lexicon: RoleLexicon = DEFAULT_LEXICON

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        m = _BRACKET.match(line)
        if m is None:
            if line.lstrip(_INDENT).startswith("【") and "】" not in line:
                return HeaderRejection(
                    "malformed-header", "line opens 【 but never closes it", malformed=True
                )
            return None
        label = m.group("label").strip(" \u3000")
        if not label:
            return HeaderRejection("rejected-header", "empty 【】 label")
        if len(label) > self.max_label or _LABEL_PUNCT.search(label):
            return HeaderRejection("rejected-header", f"【{label}】 is not a speaker label")
        parts = self.lexicon.interpret(label)
        if parts.role is None and FALSE_FRIEND_LABELS.search(label):
            return HeaderRejection(
                "rejected-header", f"【{label}】 names a reference, not a speaker"
            )
        return HeaderMatch(label, m.end(), parts)


_MARKS = "○〇◯◎◆◇"
_MARK = re.compile(
    rf"[ \u3000\t\f\ufeff]*(?P<mark>[{_MARKS}])[ \u3000]?"
    r"(?P<label>[^（）()\s：:]*[（(][^（）()\r\n]{1,40}[）)][^\s（）()：:]{0,12}"
    r"|[^\s（）()：:]{1,30})"
    r"(?P<sep>[ \u3000]*[：:][ \u3000]*|[ \u3000]+|$)"
)


@attrs.frozen(slots=True)
class MarkHeaderRule:
    """``○小泉委員長　text``, ``○委員長（足立敏之君）　text``, ``○（伊藤よしのり議長）　text``,
    ``○２２番（筒井たかひさ議員）``, ``○熊谷裕人君``, ``〇河野大臣 ： text``, and a marked
    label alone on its line with the text below.

    A label with no recognised role or honorific is accepted only when text follows it
    on the line (then kept whole, with a diagnostic); section headings such as
    ``○議事日程`` or ``◎開会の宣告`` are rejected.
    """

    name: str = "mark"
    first_chars: frozenset[str] = frozenset(_MARKS)
    anywhere: bool = False
    max_unknown: int = 10
    lexicon: RoleLexicon = DEFAULT_LEXICON

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        m = _MARK.match(line)
        if m is None:
            return None
        label = m.group("label")
        if label.startswith(("午前", "午後")):
            return None  # a time line (〇午後３時５１分散会): the note rules take it
        parts = self.lexicon.interpret(label)
        rest = line[m.end() :].strip(_INDENT)
        heading = HEADING_WORDS.search(label) is not None
        if parts.known and not heading and (rest or parts.name):
            return HeaderMatch(label, m.end(), parts)
        flush = line[:1] in _MARKS
        if flush and rest and m.group("sep") and _unknown_ok(label, self.max_unknown):
            return HeaderMatch(label, m.end(), parts)
        return HeaderRejection(
            "rejected-header", f"{m.group('mark')}{label} is a heading, not a speaker"
        )


def _role_label(lexicon: RoleLexicon, label: str, length: int) -> HeaderMatch | None:
    """A header for ``label`` if it names a known role and is no heading, else ``None``."""
    parts = lexicon.split(label)
    if parts.role is None or HEADING_WORDS.search(label):
        return None
    return HeaderMatch(label, length, parts)


_PAREN_LINE = re.compile(
    r"[ \u3000\t\f\ufeff]*[（(](?P<label>[^（）()\r\n]{1,24})[）)][ \u3000\t]*$"
)


@attrs.frozen(slots=True)
class ParenHeaderRule:
    """``（塩崎教育長）`` alone on its line, the text on the lines below."""

    name: str = "paren"
    first_chars: frozenset[str] = frozenset("（(")
    anywhere: bool = False
    lexicon: RoleLexicon = DEFAULT_LEXICON

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        m = _PAREN_LINE.match(line)
        if m is None:
            return None
        return _role_label(self.lexicon, m.group("label").strip(" \u3000"), len(line))


_COLON = re.compile(
    r"[ \u3000\t\f\ufeff]*(?P<label>[^\s：:（）()、。○〇◯◎◆◇]{1,16})[ \u3000]*[：:][ \u3000]*"
)


@attrs.frozen(slots=True)
class ColonHeaderRule:
    """``委員：text``, ``山田委員：text`` without a mark (議事概要): the label needs a role."""

    name: str = "colon"
    first_chars: frozenset[str] = frozenset("：:")
    anywhere: bool = True
    lexicon: RoleLexicon = DEFAULT_LEXICON

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        m = _COLON.match(line)
        rest = line[m.end() :].strip(_INDENT) if m else ""
        if m is None or not rest or ("、" in rest and "。" not in rest):
            return None  # nothing said, or a roster list (委員：山田 太郎、川口 花子)
        return _role_label(self.lexicon, m.group("label"), m.end())
