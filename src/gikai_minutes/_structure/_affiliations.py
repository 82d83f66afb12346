"""Organisation and title of a presenter, from the chair's introduction or a self-introduction.

An introduction names the presenter after a phrase such as
``東京都デジタルサービス局戦略部デジタル推進課長、星埜様`` or
``北九州市、デジタル市役所推進課長の久芳様``. The phrase splits into an organisation
(a prefecture, municipality, ministry, agency, company or university, recognised by the
patterns below) and the title that follows it.
"""

from __future__ import annotations

import attrs
import regex

from gikai_minutes._structure._text import TITLE_WORDS

__all__ = ["Affiliation", "affiliation_before", "self_introduction", "split_affiliation"]

_PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)  # fmt: skip
_PREF = "|".join(_PREFECTURES)
_NAME_CHARS = r"[\p{Han}\p{Hiragana}]"

#: Organisation patterns, tried in order at the start of a phrase. A prefecture's or
#: municipality's office word (``都庁``, ``市役所``) is dropped: ``東京都庁`` → ``東京都``.
_ORGANISATIONS: tuple[regex.Pattern[str], ...] = (
    regex.compile(
        rf"(?P<org>(?:{_PREF}){_NAME_CHARS}{{1,6}}?(?:市|区|町|村))(?:役所|役場)?(?!民|場|議会|町|村)"
    ),
    regex.compile(rf"(?P<org>{_PREF})(?:庁)?(?!民|議会)"),
    regex.compile(r"(?P<org>内閣府|内閣官房|[\p{Han}\p{Katakana}ー]{1,10}?(?:省|庁))"),
    regex.compile(
        rf"(?P<org>{_NAME_CHARS}{{1,6}}?(?:市|区|町|村))(?:役所|役場)?(?!民|場|議会|町|村)"
    ),
    regex.compile(
        r"(?P<org>[^、\s]{1,20}?(?:株式会社|大学|研究所|協会|機構|銀行|財団|公社|組合|センター)"
        r"|株式会社[\p{Katakana}ーA-Za-z]+)"
    ),
)

#: A clause separator, searched for from the end of a range.
_CLAUSE_SEP_BACKWARDS = regex.compile(r"[、,，]", flags=regex.REVERSE)


@attrs.frozen(slots=True)
class Affiliation:
    """An organisation and a title, either of which may be unknown."""

    organisation: str | None
    title: str | None


def _organisation_at_start(phrase: str) -> tuple[str, str] | None:
    for pattern in _ORGANISATIONS:
        m = pattern.match(phrase)
        if m is not None:
            return m.group("org"), phrase[m.end() :]
    return None


def _title(text: str) -> str | None:
    text = text.strip(" \u3000のと")
    return text if text and TITLE_WORDS.start(text) >= 0 else None


def split_affiliation(phrase: str) -> Affiliation:
    """``東京都デジタルサービス局戦略部デジタル推進課長`` →
    (``東京都``, ``デジタルサービス局戦略部デジタル推進課長``)."""
    phrase = phrase.strip(" \u3000")
    found = _organisation_at_start(phrase)
    if found is None:
        return Affiliation(None, _title(phrase))
    org, rest = found
    return Affiliation(org, _title(rest))


def _is_whole_organisation(clause: str) -> str | None:
    found = _organisation_at_start(clause.strip(" \u3000"))
    if found is not None and not found[1].strip(" \u3000"):
        return found[0]
    return None


def affiliation_before(text: str, end: int | None = None) -> Affiliation:
    """Organisation and title from the words just before a presenter's name.

    ``text[:end]`` ends where the name starts (``…続きまして、北九州市、デジタル市役所推進課長の``).
    The last clause is the phrase; when it holds no organisation, a preceding clause
    that is exactly one (``北九州市``) supplies it. Only those two clauses are read, from
    the end (a paragraph naming many guests is not re-read for each).
    """
    stop = len(text) if end is None else end
    while stop > 0 and text[stop - 1] in " \u3000":
        stop -= 1
    if stop > 0 and text[stop - 1] == "の":
        stop -= 1
    while stop > 0 and text[stop - 1] in "、,，":
        stop -= 1
    last = _CLAUSE_SEP_BACKWARDS.search(text, 0, stop)
    found = split_affiliation(text[last.end() if last else 0 : stop])
    if found.organisation is None and last is not None:
        before = _CLAUSE_SEP_BACKWARDS.search(text, 0, last.start())
        org = _is_whole_organisation(text[before.end() if before else 0 : last.start()])
        if org is not None:
            return Affiliation(org, found.title)
    return found


_SELF_TAIL = regex.compile(r"と申します|でございます|です")


def self_introduction(text: str, name: str) -> Affiliation | None:
    """Organisation and title from ``<phrase>の<name>と申します`` or ``…でございます``."""
    if not name:
        return None
    needle = f"の{name}"
    pos = text.find(needle)
    while pos >= 0:
        if _SELF_TAIL.match(text, pos + len(needle)) is not None:
            start = max(text.rfind("、", 0, pos), text.rfind("。", 0, pos)) + 1
            return split_affiliation(text[start:pos])
        pos = text.find(needle, pos + 1)
    return None
