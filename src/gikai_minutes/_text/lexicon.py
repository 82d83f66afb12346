"""Role words and honorifics, and splitting a speaker label into its parts."""

from __future__ import annotations

import re

import attrs

__all__ = ["DEFAULT_LEXICON", "HONORIFICS", "ROLE_WORDS", "LabelParts", "RoleLexicon"]

#: Role words seen in Japanese minutes (see docs/conventions.md). Longest match wins.
ROLE_WORDS: tuple[str, ...] = (
    "座長", "座長代理", "副座長", "会長", "会長代理", "副会長", "部会長", "分科会長",
    "委員長", "副委員長", "小委員長", "委員長代理", "委員", "臨時委員", "専門委員",
    "構成員", "議長", "副議長", "議員", "知事", "副知事", "市長", "副市長", "区長",
    "副区長", "町長", "村長", "教育長", "大臣", "国務大臣", "副大臣", "大臣政務官",
    "政務官", "政府参考人", "参考人", "公述人", "証人", "事務総長", "事務局長",
    "事務局次長", "局長", "部長", "次長", "課長", "課長補佐", "室長", "係長", "理事官",
    "審議官", "参事官", "企画官", "管理官", "幹事", "事務局", "説明員", "オブザーバー",
    "主査", "副主査", "司会", "教育委員", "理事", "副理事長", "理事長", "監事", "参事",
    "館長", "長官", "副長官", "総裁", "副総裁", "総長", "官房長", "統括官", "総括官",
    "会計管理者", "管理者", "書記", "議事課長", "所長", "センター長",
    "内閣総理大臣", "総理", "官房長官", "委員外議員", "事務局員", "国立国会図書館長",
)  # fmt: skip

#: Honorifics split off a name into their own field.
HONORIFICS: tuple[str, ...] = ("君", "様", "氏", "さん", "議員")


@attrs.frozen(slots=True)
class LabelParts:
    """A speaker label split into its parts (``None`` where absent)."""

    name: str | None
    role: str | None
    honorific: str | None
    seat: str | None = None
    disambiguator: str | None = None

    @property
    def known(self) -> bool:
        """Whether a role or an honorific was recognised."""
        return self.role is not None or self.honorific is not None


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@attrs.frozen(slots=True)
class RoleLexicon:
    """Splits labels such as ``辻座長`` or ``山田 太郎 委員`` by longest role suffix."""

    roles: tuple[str, ...] = ROLE_WORDS
    honorifics: tuple[str, ...] = HONORIFICS
    _role_re: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _honorific_re: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _cache: dict[str, LabelParts] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_role_re", re.compile(f"(?:{_alternation(self.roles)})$"))
        object.__setattr__(
            self, "_honorific_re", re.compile(f"(?:{_alternation(self.honorifics)})$")
        )
        object.__setattr__(self, "_cache", {})

    def split(self, label: str) -> LabelParts:
        """Split ``label``; an unrecognised role leaves ``role`` as ``None``."""
        text = label.strip(" \u3000")
        m = self._role_re.search(text)
        if m is not None:
            name = text[: m.start()].strip(" \u3000") or None
            return LabelParts(name, m.group(), None)
        h = self._honorific_re.search(text)
        if h is not None and h.start() > 0:
            return LabelParts(text[: h.start()].strip(" \u3000"), None, h.group())
        return LabelParts(None, None, None)

    def is_role(self, text: str) -> bool:
        """Whether ``text`` as a whole is an office: ends with a role word, holds no honorific."""
        t = text.strip(_SPACE)
        return bool(t) and self._role_re.search(t) is not None

    def split_name(self, text: str) -> tuple[str | None, str | None]:
        """``足立敏之君`` -> (``足立敏之``, ``君``); spaces inside the name are kept."""
        t = text.strip(_SPACE)
        h = self._honorific_re.search(t)
        if h is not None and h.start() > 0:
            return t[: h.start()].strip(_SPACE) or None, h.group()
        return t or None, None

    def interpret(self, label: str) -> LabelParts:
        """Split a header label in any of the printed forms.

        ``辻座長``, ``山田 太郎 委員`` (name + role); ``委員長（足立敏之君）``, ``２２番（筒井
        たかひさ議員）`` (office or seat, then the name in parentheses); ``（伊藤よしのり議長）``
        (name and role in parentheses); ``渡辺（周）委員`` (surname, hint, role);
        ``熊谷裕人君`` (name + honorific).
        """
        cached = self._cache.get(label)
        if cached is None:
            cached = self._interpret(label)
            if len(self._cache) < 10_000:
                self._cache[label] = cached
        return cached

    def _interpret(self, label: str) -> LabelParts:
        text = label.strip(_SPACE)
        m = _PAREN_FORM.fullmatch(text)
        if m is None:
            return self.split(text)
        before, inner, after = (g.strip(_SPACE) for g in m.groups())
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
        if self.is_role(before):
            name, honorific = self.split_name(inner)
            return LabelParts(name, before, honorific)
        return LabelParts(None, None, None)


_SPACE = " \u3000"
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_PAREN_FORM = re.compile(r"([^（）()]*)[（(]([^（）()]+)[）)]([^（）()]*)")
_SEAT = re.compile(r"([0-9０-９]{1,3})[ \u3000]*番")

DEFAULT_LEXICON = RoleLexicon()
