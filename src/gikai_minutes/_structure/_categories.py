"""Speaker categories from role words (a table) and from what the meeting shows (rules)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import regex

from gikai_minutes.model import Speaker, SpeakerCategory

__all__ = [
    "ROLE_CATEGORIES",
    "CategoryDecision",
    "category_from_role",
    "chair_fallback",
    "role_word_category",
]

_C = SpeakerCategory

#: Role word → category. A role not listed is matched by its longest listed suffix
#: (``デジタル推進課長`` → 課長), so compound offices need no entry of their own.
ROLE_CATEGORIES: Mapping[str, SpeakerCategory] = {
    **dict.fromkeys(
        ("座長", "座長代理", "副座長", "会長", "会長代理", "副会長", "部会長", "分科会長",
         "委員長", "副委員長", "小委員長", "委員長代理", "議長", "副議長", "主査", "副主査",
         "司会"),
        _C.CHAIR,
    ),
    **dict.fromkeys(
        ("委員", "臨時委員", "専門委員", "構成員", "議員", "委員外議員"), _C.MEMBER
    ),
    **dict.fromkeys(("参考人", "公述人", "証人"), _C.PRESENTER),
    **dict.fromkeys(
        ("大臣", "国務大臣", "副大臣", "大臣政務官", "政務官", "担当大臣", "内閣総理大臣",
         "総理", "官房長官", "長官", "副長官", "官房長", "統括官", "総括官",
         "政府参考人", "政府特別補佐人", "知事", "副知事", "市長", "副市長", "区長",
         "副区長", "町長", "村長", "教育長", "教育委員", "局長", "部長", "次長", "課長",
         "課長補佐", "室長", "係長", "所長", "センター長", "館長", "国立国会図書館長",
         "審議官", "参事官", "企画官", "管理官", "参事", "理事", "会計管理者", "管理者",
         "総裁", "副総裁", "説明員", "幹事"),
        _C.GOVERNMENT,
    ),
    **dict.fromkeys(
        ("事務局", "事務局長", "事務局次長", "事務局員", "事務総長", "理事官", "書記",
         "議事課長"),
        _C.SECRETARIAT,
    ),
}  # fmt: skip

_SUFFIXES = sorted(ROLE_CATEGORIES, key=len, reverse=True)
#: Honorifics the Diet and assemblies print after a member who speaks without an office.
_MEMBER_HONORIFICS = frozenset({"君", "議員"})
_OPENING = regex.compile(r"開会|開催(?:いた|致)?します|会議を開き|始めさせていただき|始めます")


@attrs.frozen(slots=True)
class CategoryDecision:
    """A category and the name of the rule that chose it."""

    category: SpeakerCategory
    rule: str


def _by_suffix(text: str) -> SpeakerCategory | None:
    for suffix in _SUFFIXES:
        if text.endswith(suffix):
            return ROLE_CATEGORIES[suffix]
    return None


def role_word_category(word: str) -> SpeakerCategory | None:
    """The category a role word implies (``市長`` → government), or ``None``."""
    return ROLE_CATEGORIES.get(word) or _by_suffix(word)


def category_from_role(speaker: Speaker) -> CategoryDecision:
    """The category the speaker's role word (or label) implies; ``UNKNOWN`` if none does."""
    if speaker.role:
        found = ROLE_CATEGORIES.get(speaker.role) or _by_suffix(speaker.role)
        if found is not None:
            return CategoryDecision(found, "role-word")
    found = _by_suffix(speaker.label.strip())
    if found is not None:
        return CategoryDecision(found, "label-suffix")
    if speaker.role is None and speaker.honorific in _MEMBER_HONORIFICS:
        return CategoryDecision(_C.MEMBER, "member-honorific")
    return CategoryDecision(_C.UNKNOWN, "no-evidence")


def chair_fallback(first_speaker: str, first_text: str) -> bool:
    """Whether a meeting without any chair by role should take its first speaker as chair:
    true when the first utterance opens the meeting (``開会``, ``会議を開きます``…)."""
    return bool(first_speaker) and _OPENING.search(first_text) is not None
