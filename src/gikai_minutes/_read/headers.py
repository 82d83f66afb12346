"""Speaker-header rules: small objects that each recognise one header convention in a line.

A rule looks at one line and answers with a :class:`HeaderMatch` (the line opens a
speaker turn), a :class:`HeaderRejection` (it looks like a header but is not one), or
``None`` (not its business).
"""

from __future__ import annotations

import re
from typing import Protocol

import attrs

from gikai_minutes._text.lexicon import (
    CLOSE,
    COLON,
    DEFAULT_LEXICON,
    FRONT_MATTER_KEY,
    HONORIFICS,
    INDENT,
    INDENT_CHARS,
    MARKS,
    OPEN,
    ROLE_WORDS,
    SPACE,
    LabelParts,
    RoleLexicon,
)

__all__ = [
    "BracketHeaderRule",
    "CloseParenHeaderRule",
    "ColonHeaderRule",
    "HeaderMatch",
    "HeaderRejection",
    "HeaderRule",
    "LabelLineHeaderRule",
    "MarkHeaderRule",
    "ParenHeaderRule",
    "RoleLabelRule",
    "SpacedHeaderRule",
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
    ``speech_below`` is the header the line is when the lines below it are a speech
    (``○委員`` alone, a sentence below) rather than a list (``○説明員``, names below).
    """

    code: str
    message: str
    malformed: bool = False
    speech_below: HeaderMatch | None = None


class HeaderRule(Protocol):
    """Recognises one header convention at the start of a line."""

    @property
    def name(self) -> str: ...

    @property
    def candidate(self) -> str:
        """A cheap ``re`` pattern (at a line start, with the indentation the rule allows)
        that every header line of this rule matches: the scan composes these into one
        pattern. Rules with the same candidate share one alternative of it. A candidate
        that starts with :data:`INDENT` must go on with a character that cannot indent;
        none consumes a line end (CR or LF)."""
        ...

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
_LABEL_PUNCT = re.compile(r"[、。，．：:；;「」『』！？!?・=＝/／\d０-９〔〕]")
_INDENT = INDENT_CHARS
#: A front-matter key as a whole label (``場所``, ``招集日時``, ``議題２``): never a speaker.
_KEY_LABEL = re.compile(f"{FRONT_MATTER_KEY}[0-9０-９一二三四五六七八九十]*")


#: The candidate of every unmarked form (colon, close-paren, label line, spaced): a short
#: run without spaces at the line start, ended by a colon, a closing parenthesis, two
#: spaces or the end of the line.
#: Only ASCII spaces may indent it: a line indented with U+3000 opens a paragraph.
#: Possessive repeats: the run never gives characters back, so a line fails fast. It
#: consumes no line end: a lone CR taken would hide the next line from the scan.
PLAIN_CANDIDATE = (
    rf"[ \t\f\ufeff]*+[^ \t\r\n\f\u3000。、：:）)（(【{MARKS}][^ \t\r\n\f\u3000。、：:）)]{{0,29}}+"
    rf"(?:[：:）)]|[ \u3000]{{2}}|[ \u3000]*+(?=\r|$))"
)


def is_key_label(label: str) -> bool:
    """Whether ``label`` is a front-matter key (``場所``, ``出席者``), not a speaker."""
    known = _KEY_LABELS.get(label)
    if known is None:
        known = _KEY_LABEL.fullmatch("".join(label.split())) is not None
        if len(_KEY_LABELS) < _LABELS_KEPT:
            _KEY_LABELS[label] = known
    return known


def is_heading(label: str) -> bool:
    """Whether ``label`` holds a word of section headings (:data:`HEADING_WORDS`)."""
    heading = _HEADINGS.get(label)
    if heading is None:
        heading = HEADING_WORDS.search(label) is not None
        if len(_HEADINGS) < _LABELS_KEPT:
            _HEADINGS[label] = heading
    return heading


# Labels recur in a document and across documents: what was decided about one is kept
# (for this many labels at most).
_LABELS_KEPT = 10_000
_KEY_LABELS: dict[str, bool] = {}
_HEADINGS: dict[str, bool] = {}


def _unknown_ok(label: str, max_len: int) -> bool:
    """Whether an unrecognised label may still be a speaker (kept whole, diagnosed)."""
    return (
        1 < len(label) <= max_len and not is_heading(label) and _LABEL_PUNCT.search(label) is None
    )


_BRACKET = re.compile(rf"{INDENT}【(?P<label>[^【】\r\n]*)】(?P<sep>{SPACE}*)")


@attrs.frozen(slots=True)
class BracketHeaderRule:
    """``【辻座長】 text``, ``【山田 太郎 委員】text``, ``【委員】``: a label in 【】."""

    name: str = "bracket"
    max_label: int = 24
    candidate: str = f"{INDENT}【"
    lexicon: RoleLexicon = DEFAULT_LEXICON
    #: answers by header as printed (the answer depends on nothing else)
    _answers: dict[str, HeaderMatch | HeaderRejection] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        m = _BRACKET.match(line)
        if m is None:
            if line.lstrip(_INDENT).startswith("【") and "】" not in line:
                return HeaderRejection(
                    "malformed-header", "line opens 【 but never closes it", malformed=True
                )
            return None
        header = m.group()
        answer = self._answers.get(header)
        if answer is None:
            answer = self._answer(m)
            if len(self._answers) < _LABELS_KEPT:
                self._answers[header] = answer
        return answer

    def _answer(self, m: re.Match[str]) -> HeaderMatch | HeaderRejection:
        label = m.group("label").strip(" \u3000")
        if not label:
            return HeaderRejection("rejected-header", "empty 【】 label")
        if len(label) > self.max_label or _LABEL_PUNCT.search(label):
            return HeaderRejection("rejected-header", f"【{label}】 is not a speaker label")
        parts = self.lexicon.interpret(label)
        if parts.role is None and (FALSE_FRIEND_LABELS.search(label) or is_key_label(label)):
            return HeaderRejection(
                "rejected-header", f"【{label}】 names a reference, not a speaker"
            )
        return HeaderMatch(label, m.end(), parts)


_NOT_LABEL = r"\s（）()：:〔"
_MARK_HEAD = rf"{INDENT}(?P<mark>[{MARKS}]){SPACE}?"
_MARK_LABEL = (
    rf"[^{_NOT_LABEL}]*{OPEN}[^（）()\r\n]{{1,40}}{CLOSE}[^{_NOT_LABEL}]{{0,12}}"
    rf"|[^{_NOT_LABEL}]{{1,30}}"
)
_MARK_SEP = rf"(?P<sep>{SPACE}*{COLON}{SPACE}*|{SPACE}+|(?=〔)|$)"
_MARK = re.compile(f"{_MARK_HEAD}(?P<label>{_MARK_LABEL}){_MARK_SEP}")
#: A spaced name before the role (``堀 次郎委員長``): tried when the first word is no label.
_MARK_SPACED = re.compile(
    f"{_MARK_HEAD}(?P<label>[^{_NOT_LABEL}]{{1,6}}{SPACE}[^{_NOT_LABEL}]{{1,24}}){_MARK_SEP}"
)


@attrs.frozen(slots=True)
class MarkHeaderRule:
    """``○小泉委員長　text``, ``○委員長（足立敏之君）　text``, ``○（伊藤よしのり議長）　text``,
    ``○２２番（筒井たかひさ議員）``, ``○熊谷裕人君``, ``〇河野大臣 ： text``, ``〇堀 次郎委員長
    text`` (a spaced name), ``◯都市整備部長（高木義信）〔登壇〕``, and a marked label alone on
    its line with the text below.

    A label with no recognised role or honorific is accepted only when text follows it
    on the line (then kept whole, with a diagnostic); section headings such as
    ``○議事日程`` or ``◎開会の宣告`` and front-matter keys (``○場所``) are rejected.
    """

    name: str = "mark"
    candidate: str = f"{INDENT}[{MARKS}]"
    max_unknown: int = 10
    lexicon: RoleLexicon = DEFAULT_LEXICON
    #: headers as printed whose label names a known role and is no heading: their match
    _known: dict[str, HeaderMatch] = attrs.field(init=False, factory=dict, repr=False, eq=False)

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        m = _MARK.match(line)
        if m is None:
            return None
        end = m.end()
        header = m.group()
        known = self._known.get(header)
        if known is not None and (
            # text after the header (at once when the line ends with no indentation
            # character: the strip keeps that one)
            (end < len(line) and (line[-1] not in _INDENT or line[end:].strip(_INDENT)))
            or known.parts.name
            or known.parts.seat
        ):
            return known
        label = m.group("label")
        if label.startswith(("午前", "午後")):
            return None  # a time line (〇午後３時５１分散会): the note rules take it
        parts = self.lexicon.interpret(label)
        spaced = False
        if not parts.known and m.end() < len(line) and not m.group("sep").strip(" \u3000"):
            s = self._spaced(line)
            if s is not None:
                m, label, spaced = s, s.group("label"), True
                parts = self.lexicon.interpret(label)
        rest = line[m.end() :].strip(_INDENT)
        heading = is_heading(label) or (parts.name is None and is_key_label(label))
        if parts.known and not heading and (rest or parts.name or parts.seat):
            found = HeaderMatch(label, m.end(), parts)
            if not spaced and len(self._known) < _LABELS_KEPT:
                self._known[header] = found
            return found
        flush = line[:1] in MARKS
        if (
            flush
            and rest
            and m.group("sep")
            and not heading
            and _unknown_ok(label, self.max_unknown)
        ):
            return HeaderMatch(label, m.end(), parts)
        speech = HeaderMatch(label, m.end(), parts) if parts.role and not heading else None
        message = f"{m.group('mark')}{label} is a heading, not a speaker"
        return HeaderRejection("rejected-header", message, speech_below=speech)

    def _spaced(self, line: str) -> re.Match[str] | None:
        """The match for a spaced name (``〇堀 次郎委員長``), where the words up to the
        next space end with a role, or ``None``."""
        s = _MARK_SPACED.match(line)
        if s is None or not self.lexicon.is_role(s.group("label")):
            return None
        return s


#: A rest of line that ends a sentence.
_SENTENCE = re.compile("[。？！?!]")
_LISTED_NAME = re.compile(f"{SPACE}|[君氏様]$|{CLOSE}$")


def names_only(rest: str) -> bool:
    """Whether the text after a label is a roster entry, not speech: no sentence end, and
    columns (``山田　太郎　　川口　花子``) or one short spaced name or name with 君
    (``親家　和仁君``, ``辻　琢也``)."""
    rest = rest.strip(_INDENT + "\r")
    if not rest or _SENTENCE.search(rest):
        return False
    return _COLUMNS.search(rest) is not None or (
        len(rest) <= 12 and _LISTED_NAME.search(rest) is not None
    )


def _role_label(lexicon: RoleLexicon, label: str, length: int) -> HeaderMatch | None:
    """A header for ``label`` if it names a known role (or a name with an honorific) and
    is no heading or front-matter key, else ``None``."""
    parts = lexicon.interpret(label)
    if not parts.known or is_heading(label) or is_key_label(label):
        return None
    return HeaderMatch(label, length, parts)


_PAREN = re.compile(
    rf"{INDENT}{OPEN}(?P<label>[^（）()\r\n]{{1,24}}){CLOSE}(?P<sep>{SPACE}*)(?P<rest>.*)"
)


@attrs.frozen(slots=True)
class ParenHeaderRule:
    """``（塩崎教育長）`` alone on its line with the text below, or ``(大野委員長) それでは…``
    with the text on the same line: the label must name a role."""

    name: str = "paren"
    candidate: str = f"{INDENT}{OPEN}"
    lexicon: RoleLexicon = DEFAULT_LEXICON

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        m = _PAREN.match(line)
        if m is None:
            return None
        label = m.group("label").strip(" \u3000")
        parts = self.lexicon.interpret(label)
        if parts.role is None or is_heading(label) or is_key_label(label):
            return None
        rest = m.group("rest").strip(_INDENT)
        if names_only(rest):
            return None  # a roster line: （外務省北米局長）　有馬　　裕君
        return HeaderMatch(label, m.end("sep") if rest else len(line), parts)


_CLOSE_PAREN = re.compile(
    rf"{INDENT}(?P<label>[^（）()\s、。]{{1,24}}){CLOSE}(?P<sep>{SPACE}*)(?=\S)"
)


@attrs.frozen(slots=True)
class RoleLabelRule:
    """A header form read by one pattern whose ``label`` group must name a known role (or
    a name with an honorific); the header ends where the pattern does, or with the line
    when ``whole_line`` (the text then starts on the next line)."""

    name: str
    pattern: re.Pattern[str]
    whole_line: bool = False
    candidate: str = PLAIN_CANDIDATE
    lexicon: RoleLexicon = DEFAULT_LEXICON
    #: strings one of which every line the pattern matches holds (none: not checked)
    needs: tuple[str, ...] = ()
    #: characters one of which ends every line the pattern matches, once its trailing
    #: spaces and CR are cut (empty: not checked)
    ends: str = ""

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        # (cheap tests of what the pattern needs first: most candidate lines fail them)
        if self.needs and not _holds_any(line, self.needs):
            return None
        if self.ends and line.rstrip(_LINE_TAIL)[-1:] not in self.ends:
            return None
        m = self.pattern.fullmatch(line) if self.whole_line else self.pattern.match(line)
        if m is None:
            return None
        if not self.whole_line and names_only(line[m.end() :]):
            return None  # a roster line, not a speech
        length = len(line) if self.whole_line else m.end()
        return _role_label(self.lexicon, m.group("label"), length)


def _holds_any(line: str, needs: tuple[str, ...]) -> bool:
    return any(map(line.__contains__, needs))


_LINE_TAIL = " \u3000\r"
#: What a line needs to hold for each unmarked form: a colon, a closing parenthesis, two
#: spaces in a row.
_COLONS = ("：", ":")
_CLOSES = ("）", ")")
_TWO_SPACES = ("\u3000\u3000", "  ", " \u3000", "\u3000 ")


def CloseParenHeaderRule() -> RoleLabelRule:
    """``宮本委員長)ただ今から…``: a label closed by a parenthesis that never opened."""
    return RoleLabelRule("close-paren", _CLOSE_PAREN, needs=_CLOSES)


_COLON = re.compile(
    rf"{INDENT}(?P<label>[^\s：:（）()、。{MARKS}]{{1,16}}(?:{OPEN}[^（）()\r\n]{{1,12}}{CLOSE})?)"
    rf"{SPACE}*{COLON}{SPACE}*"
)


@attrs.frozen(slots=True)
class ColonHeaderRule:
    """``委員：text``, ``山田委員：text``, ``委員長(相川君):text``, ``本田君:text`` without a
    mark (議事概要). A short unknown label (``担当: …``) is kept whole, with a diagnostic."""

    name: str = "colon"
    candidate: str = PLAIN_CANDIDATE
    max_unknown: int = 6
    lexicon: RoleLexicon = DEFAULT_LEXICON

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        if not _holds_any(line, _COLONS):
            return None
        m = _COLON.match(line)
        rest = line[m.end() :].strip(_INDENT) if m else ""
        if m is None or not rest or ("、" in rest and "。" not in rest) or names_only(rest):
            return None  # nothing said, or a roster (委員：山田 太郎、川口 花子; 座長：辻　琢也)
        label = m.group("label")
        found = _role_label(self.lexicon, label, m.end())
        if found is not None:
            return found
        if _unknown_ok(label, self.max_unknown) and not is_key_label(label):
            return HeaderMatch(label, m.end(), self.lexicon.interpret(label))
        return None


#: Last characters of the labels an unmarked header line can hold.
_LABEL_ENDS = "".join(sorted({w[-1] for w in (*ROLE_WORDS, *HONORIFICS)}))
_LABEL_LINE = re.compile(
    rf"{INDENT}(?P<label>[^\s、。「」：:〔〕]{{1,20}}(?<=[{_LABEL_ENDS}Ａ-Ｚ]))[ \u3000\r]*"
)
#: The last characters of a label line (its label's, before its spaces).
_LABEL_LINE_ENDS = _LABEL_ENDS + "".join(map(chr, range(ord("Ａ"), ord("Ｚ") + 1)))


def LabelLineHeaderRule() -> RoleLabelRule:
    """``岡本会長``, ``平松(健)委員``, ``委員長`` alone on a line, no mark, the text below."""
    return RoleLabelRule("label-line", _LABEL_LINE, whole_line=True, ends=_LABEL_LINE_ENDS)


_SPACED = re.compile(
    rf"(?P<label>[^\s、。「」：:〔〕（）()]{{1,16}}(?:{OPEN}[^（）()\r\n]{{1,12}}{CLOSE})?)"
    rf"{SPACE}{{2,}}(?=\S)"
)


@attrs.frozen(slots=True)
class SpacedHeaderRule:
    """``大山課長　　ただ今から…``: an unmarked label at the very start of the line, two or
    more spaces, then a sentence (a roster line ``委員長　　山田　太郎`` is not one)."""

    name: str = "spaced"
    candidate: str = PLAIN_CANDIDATE
    lexicon: RoleLexicon = DEFAULT_LEXICON

    def match(self, line: str) -> HeaderMatch | HeaderRejection | None:
        if not _holds_any(line, _TWO_SPACES):
            return None
        m = _SPACED.match(line)
        if m is None:
            return None
        rest = line[m.end() :].rstrip(_INDENT + "\r")
        if _COLUMNS.search(rest) or ("。" not in rest and len(rest) < 12):
            return None
        return _role_label(self.lexicon, m.group("label"), m.end())


_COLUMNS = re.compile(f"{SPACE}{{2,}}")
