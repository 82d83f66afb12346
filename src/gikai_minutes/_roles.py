"""Role words and honorifics, and splitting a speaker label into its parts."""

from __future__ import annotations

import attrs
import regex

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
    "主査", "副主査", "司会",
)  # fmt: skip

#: Honorifics split off a name into their own field.
HONORIFICS: tuple[str, ...] = ("君", "様", "氏", "さん", "議員")


@attrs.frozen(slots=True)
class LabelParts:
    """A speaker label split into name, role and honorific (``None`` where absent)."""

    name: str | None
    role: str | None
    honorific: str | None


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@attrs.frozen(slots=True)
class RoleLexicon:
    """Splits labels such as ``辻座長`` or ``山田 太郎 委員`` by longest role suffix."""

    roles: tuple[str, ...] = ROLE_WORDS
    honorifics: tuple[str, ...] = HONORIFICS
    _role_re: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _honorific_re: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "_role_re", regex.compile(f"(?:{_alternation(self.roles)})$", regex.V0)
        )
        object.__setattr__(
            self, "_honorific_re", regex.compile(f"(?:{_alternation(self.honorifics)})$")
        )

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


DEFAULT_LEXICON = RoleLexicon()
