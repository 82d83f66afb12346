"""The vocabulary of speaker labels, as data: role words with their speaker category,
honorifics, head words of unlisted offices, words that open an office compound, and
front-matter keys. Each list is defined here once; :mod:`gikai_minutes._text.labels`
composes its regexes from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs
import regex

from gikai_minutes.model import SpeakerCategory

__all__ = [
    "DEFAULT_LEXICON",
    "FRONT_MATTER_KEYS",
    "HEAD_WORDS",
    "HONORIFICS",
    "MEMBER_HONORIFICS",
    "OFFICE_HEADS",
    "ORGANISATION_ENDS",
    "ROLES",
    "ROLES_BY_LAST",
    "ROLE_PREFIXES",
    "ROLE_WORDS",
    "SEAT_NUMBER",
    "LabelParts",
    "RoleLexicon",
    "alternation",
]

_C = SpeakerCategory


def _group(category: SpeakerCategory, words: str) -> dict[str, SpeakerCategory]:
    return dict.fromkeys(words.split(), category)


#: The one table of role words and the speaker category each implies. The longest role
#: word at the end of a label is its role; a compound office (``デジタル推進課長``) needs no
#: entry of its own. See docs/conventions.md.
ROLES: Mapping[str, SpeakerCategory] = {
    **_group(
        _C.CHAIR,
        "座長 座長代理 副座長 会長 会長代理 副会長 部会長 部会長代理 分科会長 分科会長代理 "
        "委員長 副委員長 小委員長 委員長代理 議長 副議長 主査 副主査 司会 司会者 進行役",
    ),
    **_group(
        _C.MEMBER,
        # 記者, 幹事社: the questioners of a press conference (記者会見)
        "委員 臨時委員 専門委員 特別委員 構成員 議員 委員外議員 メンバー 有識者 オブザーバー "
        "記者 幹事社",
    ),
    **_group(
        _C.PRESENTER,
        "参考人 公述人 証人 教授 准教授 特任教授 名誉教授 講師 研究員 主任研究員 "
        "上席研究員 弁護士 発表者 説明者",
    ),
    **_group(
        _C.GOVERNMENT,
        # 内閣と国の機関
        "大臣 国務大臣 副大臣 大臣政務官 政務官 担当大臣 特命担当大臣 内閣総理大臣 総理 "
        "総理大臣 官房長官 官房副長官 長官 副長官 次官 事務次官 官房長 統括官 総括官 "
        "政策統括官 審議官 参事官 企画官 管理官 調整官 "
        "分析官 調査官 専門官 補佐官 監理官 技監 政府参考人 政府特別補佐人 "
        # 自治体の首長と執行機関
        "知事 副知事 市長 副市長 区長 副区長 町長 副町長 村長 副村長 教育長 教育委員 "
        "教育次長 会計管理者 管理者 代表監査委員 監査委員 "
        # 部局の職
        "局長 副局長 次長 部長 副部長 担当部長 参事 副参事 理事者 課長 副課長 担当課長 "
        "課長補佐 課長代理 室長 副室長 係長 主幹 主任 主事 所長 副所長 センター長 "
        "館長 副館長 国立国会図書館長 院長 署長 消防長 総裁 副総裁 説明員 幹事 総長 理事 "
        "理事長 副理事長 監事",
    ),
    **_group(
        _C.SECRETARIAT,
        "事務局 事務局長 事務局次長 事務局員 事務総長 理事官 書記 議事課長 議会事務局長 "
        "庶務 事務方",
    ),
}

#: Every role word, for alternations (longest match wins where they are composed).
ROLE_WORDS: tuple[str, ...] = tuple(ROLES)
#: The role words by their last character (derived): whether a word ends in a role word
#: is ``word.endswith(ROLES_BY_LAST[word[-1]])``, with no pattern search.
ROLES_BY_LAST: Mapping[str, tuple[str, ...]] = {
    last: tuple(w for w in ROLE_WORDS if w.endswith(last)) for last in {w[-1] for w in ROLE_WORDS}
}

#: Honorifics split off a name into their own field.
HONORIFICS: tuple[str, ...] = ("君", "様", "氏", "さん", "議員")
#: Honorifics the Diet and assemblies print after a member who speaks without an office.
MEMBER_HONORIFICS: frozenset[str] = frozenset({"君", "議員"})

#: Head words: a label ending in one of these reads as an office even when the office is
#: not listed (``統計調査監``), with a diagnostic. The category is a guess from the head.
HEAD_WORDS: Mapping[str, SpeakerCategory] = {
    "大臣": _C.GOVERNMENT, "官": _C.GOVERNMENT, "長": _C.GOVERNMENT, "臣": _C.GOVERNMENT,
    "監": _C.GOVERNMENT, "補佐": _C.GOVERNMENT, "担当": _C.GOVERNMENT, "授": _C.PRESENTER,
    "員": _C.UNKNOWN,
}  # fmt: skip

#: Words that make a role word another office when printed before it (``副局長``,
#: ``首席参事官``): they belong to the role, never to the name.
ROLE_PREFIXES: tuple[str, ...] = (
    "副", "総", "首席", "次席", "筆頭", "上席", "主任", "統括", "担当", "特命", "専門", "代表",
)  # fmt: skip

#: Words an office compound starts with: organisation units and policy fields. A label
#: whose role word follows a long prefix is split where one of these begins
#: (``前田医事課長補佐`` → ``前田`` / ``医事課長補佐``).
OFFICE_HEADS: tuple[str, ...] = (
    # national organisation
    "内閣", "内閣府", "内閣官房", "官房", "大臣官房", "政策", "政府", "国家", "国際", "特命",
    "総務", "財務", "外務", "法務", "文部", "厚生", "農林", "経済", "産業", "国土", "環境",
    "防衛", "警察", "金融", "消費者", "復興", "デジタル", "統計", "審議", "調査", "経営",
    # local organisation and fields
    "都市", "建設", "土木", "道路", "河川", "港湾", "上下水道", "水道", "下水道", "交通",
    "福祉", "保健", "健康", "医療", "医事", "子ども", "子育て", "教育", "学校", "生涯",
    "文化", "観光", "商工", "市民", "区民", "町民", "住民", "地域", "生活", "危機", "防災",
    "消防", "広報", "企画", "総合", "情報", "会計", "監査", "選挙", "議会", "人事", "契約",
    "税務", "資産", "財政", "環境", "清掃", "農業", "農政", "林業", "水産", "産業", "雇用",
    "計画", "整備", "改革", "推進", "調整", "評価", "管理", "事業", "研究", "技術", "安全",
    "スポーツ", "オリンピック", "国民", "青少年", "男女", "人権", "障害", "高齢", "介護",
    "保険", "年金", "住宅", "公園", "緑地", "病院", "図書館", "博物館", "美術館", "中央", "地方",
    "行政", "こども", "子供", "ごみ", "家庭", "市場", "競技", "大会", "振興", "創生", "観光",
)  # fmt: skip

#: Words an organisation's name ends in: ``記者（Ａ社）`` names the reporter's paper, not
#: the reporter, so it becomes the disambiguator.
ORGANISATION_ENDS: tuple[str, ...] = (
    "社", "新聞", "通信", "放送", "テレビ", "ラジオ", "新報", "日報", "タイムス", "NHK", "ＮＨＫ",
)  # fmt: skip

#: Front-matter keys: a line that starts with one of these is a key–value line, never a
#: speaker (``○場所　第３委員会室``, ``〇招集日時　令和６年…``).
FRONT_MATTER_KEYS: tuple[str, ...] = (
    "場所", "開催場所", "会場", "日時", "日付", "開催日", "開催日時", "招集日時", "招集場所",
    "招集年月日", "開会日時", "期日", "時間", "議題", "議事", "件名", "案件", "次第",
    "出席者", "欠席者", "出席委員", "欠席委員", "出席議員", "欠席議員", "傍聴者", "説明者",
    "配布資料", "資料", "会議名", "名称", "記録", "署名", "出席", "欠席", "備考", "概要",
)  # fmt: skip


# ---------------------------------------------------------------------------------------
# The label grammar: named pieces, composed into the patterns below and in the header rules.

#: Spaces inside and around a label.
SPACE = "[ \u3000]"
SPACE_CHARS = " \u3000"
#: Indentation before a header.
INDENT = "[ \u3000\t\f\ufeff]*"
INDENT_CHARS = " \u3000\t\f\ufeff"
#: The start and the end of a line, in a pattern run over a whole text (any newline).
BOL = r"(?:(?<=[\n\r])|\A)"
EOL = r"(?=[\r\n]|\Z)"
#: Speaker marks printed before a label.
MARKS = "○〇◯◎◆◇"
OPEN = "[（(]"
CLOSE = "[）)]"
COLON = "[：:]"
#: An assembly seat: ``１２番``.
SEAT = "[0-9０-９]{1,3}" + SPACE + "*番"
#: The letter of an anonymised speaker: ``Ａ委員``, ``委員Ｂ``.
LETTER = "[Ａ-ＺA-Z]"
#: Characters names are written in.
NAME_CHAR = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ]"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so the longest match wins)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


ROLE = f"(?:{alternation(ROLE_WORDS)})"
HONORIFIC = f"(?:{alternation(HONORIFICS)})"
HEAD_WORD = f"(?:{alternation(HEAD_WORDS)})"
OFFICE_HEAD = f"(?:{alternation(OFFICE_HEADS)})"
ROLE_PREFIX = f"(?:{alternation(ROLE_PREFIXES)})"
FRONT_MATTER_KEY = f"(?:{alternation(FRONT_MATTER_KEYS)})"

_ROLE_END = regex.compile(f"{ROLE}$")
_HONORIFIC_END = regex.compile(f"{HONORIFIC}$")
_HEAD_END = re.compile(f"{HEAD_WORD}$")
_PREFIX_END = re.compile(f"{ROLE_PREFIX}+$")
_LETTER_ROLE = re.compile(f"(?P<letter>{LETTER}){SPACE}*(?P<role>{ROLE})")
_ROLE_LETTER = re.compile(f"(?P<role>{ROLE}){SPACE}*(?P<letter>{LETTER})")
_OFFICES_ONLY = re.compile(f"(?:{OFFICE_HEAD}[局部課室係所]?|{ROLE_PREFIX})+")
_OFFICE_START = re.compile(OFFICE_HEAD)
#: An office head of two or more characters at the start: no name comes first.
_OFFICE_FIRST = re.compile(alternation(w for w in OFFICE_HEADS if len(w) >= 2))
#: A surname in Han characters, then an office in another script (``木下スポーツ…``, ``高田IT…``).
_SCRIPT_CHANGE = regex.compile(r"(?P<name>[\p{Han}々]{1,4})(?=[\p{Katakana}A-Za-zＡ-Ｚａ-ｚ・])")
_HIRAGANA = regex.compile(r"\p{Hiragana}")
_HAN = regex.compile(r"\p{Han}")
_PAREN_FORM = re.compile(r"([^（）()]*)[（(]([^（）()]+)[）)]([^（）()]*)")
#: A seat number (``２３番``), the number as group 1.
SEAT_NUMBER = f"([0-9０-９]{{1,3}}){SPACE}*番"
_SEAT = regex.compile(SEAT_NUMBER)
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
#: The longest name printed without an office head word before a role (``おのせ康裕``).
MAX_PLAIN_NAME = 6


@attrs.frozen(slots=True)
class LabelParts:
    """A speaker label split into its parts (``None`` where absent).

    ``guess`` names an uncertain reading the parser reports as a diagnostic:
    ``unlisted-office`` (the role ends in a head word only) or ``unsure-name`` (no
    name could be told from the office, so the whole label is the role).
    """

    name: str | None
    role: str | None
    honorific: str | None
    seat: str | None = None
    disambiguator: str | None = None
    guess: str | None = None

    @property
    def known(self) -> bool:
        """Whether a role, an honorific or a seat was recognised."""
        return self.role is not None or self.honorific is not None or self.seat is not None


def _name_office(prefix: str) -> tuple[str | None, str, str | None]:
    """Where the name ends in the words before a role word: (name, office part, guess)."""
    p = prefix.strip(SPACE_CHARS)
    if not p:
        return None, "", None
    m = _PREFIX_END.search(p)
    if m is not None:  # 副局長, 山田副部長: the prefix belongs to the role
        office = p[m.start() :]
        p = p[: m.start()].strip(SPACE_CHARS)
        if not p:
            return None, office, None
        name, more, guess = _name_office(p)
        return name, more + office, guess
    if any(c in SPACE_CHARS for c in p):  # 山田 太郎, 堀 次郎: a spaced name
        return p, "", None
    if _OFFICES_ONLY.fullmatch(p) or _OFFICE_FIRST.match(p):
        return None, p, None  # 都市整備部長, 公園緑地課長: an office, no name
    s = _SCRIPT_CHANGE.match(p)
    if s is not None:
        rest = p[s.end() :]
        if len(rest) >= 3 or any(c.isascii() or c in "・Ａ-Ｚ" for c in rest):
            return s.group("name"), rest, None
    for k in (2, 1, 3, 4):
        if k < len(p) and _OFFICE_START.match(p, k) is not None:
            return p[:k], p[k:], None  # 前田｜医事課長補佐, 堀｜総務課長
    if len(p) <= MAX_PLAIN_NAME or _HIRAGANA.search(p) or not _HAN.search(p):
        return p, "", None  # a short name, a name in kana, a foreign name (ジョン・スミス)
    return None, p, "unsure-name"


@attrs.frozen(slots=True)
class RoleLexicon:
    """Splits labels such as ``辻座長``, ``山田 太郎 委員`` or ``前田医事課長補佐`` into
    name and role (the longest role word at the end, widened to its office compound)."""

    roles: tuple[str, ...] = ROLE_WORDS
    honorifics: tuple[str, ...] = HONORIFICS
    _role_re: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _honorific_re: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _cache: dict[str, LabelParts] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        default = self.roles == ROLE_WORDS and self.honorifics == HONORIFICS
        role_re = _ROLE_END if default else regex.compile(f"(?:{alternation(self.roles)})$")
        honorific_re = (
            _HONORIFIC_END if default else regex.compile(f"(?:{alternation(self.honorifics)})$")
        )
        object.__setattr__(self, "_role_re", role_re)
        object.__setattr__(self, "_honorific_re", honorific_re)
        object.__setattr__(self, "_cache", {})

    def split(self, label: str) -> LabelParts:
        """Split a label without parentheses; an unrecognised role leaves ``role`` ``None``."""
        text = label.strip(SPACE_CHARS)
        a = _LETTER_ROLE.fullmatch(text) or _ROLE_LETTER.fullmatch(text)
        if a is not None:  # Ａ委員, 委員Ｂ: an anonymised speaker
            return LabelParts(None, a.group("role"), None, disambiguator=a.group("letter"))
        m = self._role_re.search(text)
        if m is not None:
            name, office, guess = _name_office(text[: m.start()])
            return LabelParts(name, office + m.group(), None, guess=guess)
        h = self._honorific_re.search(text)
        if h is not None and h.start() > 0:
            return LabelParts(text[: h.start()].strip(SPACE_CHARS), None, h.group())
        head = _HEAD_END.search(text)
        if head is not None and len(text) >= 2:
            name, office, _ = _name_office(text[: head.start()])
            if name is not None and len(office) + len(head.group()) >= 2:
                return LabelParts(name, office + head.group(), None, guess="unlisted-office")
            return LabelParts(None, text, None, guess="unlisted-office")
        return LabelParts(None, None, None)

    def is_role(self, text: str) -> bool:
        """Whether ``text`` as a whole is an office: ends with a role word, holds no honorific."""
        t = text.strip(SPACE_CHARS)
        return bool(t) and self._role_re.search(t) is not None

    def split_name(self, text: str) -> tuple[str | None, str | None]:
        """``足立敏之君`` -> (``足立敏之``, ``君``); spaces inside the name are kept."""
        t = text.strip(SPACE_CHARS)
        h = self._honorific_re.search(t)
        if h is not None and h.start() > 0:
            return t[: h.start()].strip(SPACE_CHARS) or None, h.group()
        return t or None, None

    def interpret(self, label: str) -> LabelParts:
        """Split a header label in any of the printed forms.

        ``辻座長``, ``山田 太郎 委員`` (name + role); ``委員長（足立敏之君）``, ``２２番（筒井
        たかひさ議員）`` (office or seat, then the name in parentheses); ``（伊藤よしのり議長）``
        (name and role in parentheses); ``渡辺（周）委員`` (surname, hint, role);
        ``熊谷裕人君`` (name + honorific); ``Ａ委員``, ``委員Ｂ`` (anonymised).
        """
        cached = self._cache.get(label)
        if cached is None:
            cached = self._interpret(label)
            if len(self._cache) < 10_000:
                self._cache[label] = cached
        return cached

    def _interpret(self, label: str) -> LabelParts:
        text = label.strip(SPACE_CHARS)
        m = _PAREN_FORM.fullmatch(text)
        if m is None:
            return self.split(text)
        before, inner, after = (g.strip(SPACE_CHARS) for g in m.groups())
        if not before and not after:
            parts = self.split(inner)
            if parts.role is None and parts.honorific is None:
                return LabelParts(None, None, None)
            return parts
        if after:
            if before and len(inner) <= 3 and self.is_role(after):
                return LabelParts(before, after, None, disambiguator=inner)
            return LabelParts(None, None, None)
        seat = _SEAT.fullmatch(before)
        if seat is not None:
            name, honorific = self.split_name(inner)
            number = str(int(seat.group(1).translate(_WIDE)))
            return LabelParts(name, None, honorific, seat=number)
        if self.is_role(before) or (_HEAD_END.search(before) and len(before) >= 3):
            if inner.endswith(ORGANISATION_ENDS):  # 記者（Ａ社）: whose reporter, not who
                return LabelParts(None, before, None, disambiguator=inner)
            name, honorific = self.split_name(inner)
            return LabelParts(name, before, honorific)
        return LabelParts(None, None, None)


DEFAULT_LEXICON = RoleLexicon()
