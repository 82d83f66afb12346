"""Speaker categories from role words (a table) and from what the meeting shows (rules)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import attrs

from gikai_minutes._text.lexicon import HEAD_WORDS, MEMBER_HONORIFICS, ROLE, ROLES
from gikai_minutes.model import Speaker, SpeakerCategory

__all__ = [
    "ROLE_CATEGORIES",
    "CategoryDecision",
    "category_from_role",
    "chair_fallback",
    "role_word_category",
]

_C = SpeakerCategory

#: Role word → category: the lexicon's one table. A role not listed is matched by its
#: longest listed suffix (``デジタル推進課長`` → 課長), then by its head word (``…監``).
ROLE_CATEGORIES: Mapping[str, SpeakerCategory] = ROLES

#: The longest role word ending a text (the alternation lists longer words first).
_ROLE_SUFFIX = re.compile(f"{ROLE}$")
_HEADS = sorted(HEAD_WORDS, key=len, reverse=True)
_OPENING = re.compile(r"開会|開催(?:いた|致)?します|会議を開き|始めさせていただき|始めます")


@attrs.frozen(slots=True)
class CategoryDecision:
    """A category and the name of the rule that chose it."""

    category: SpeakerCategory
    rule: str


def _by_suffix(text: str) -> SpeakerCategory | None:
    m = _ROLE_SUFFIX.search(text)
    return ROLE_CATEGORIES[m.group()] if m is not None else None


def _by_head(text: str) -> SpeakerCategory | None:
    for head in _HEADS:
        if text.endswith(head) and len(text) > len(head):
            found = HEAD_WORDS[head]
            return None if found is _C.UNKNOWN else found
    return None


def role_word_category(word: str) -> SpeakerCategory | None:
    """The category a role word implies (``市長`` → government), or ``None``."""
    return ROLE_CATEGORIES.get(word) or _by_suffix(word)


def category_from_role(speaker: Speaker) -> CategoryDecision:
    """The category the speaker's role word (or label) implies; ``UNKNOWN`` if none does."""
    if speaker.role:
        found = _by_role(speaker.role)
        if found is not None:
            return found
    return _by_label(speaker.role, speaker.label, speaker.honorific)


# The same roles and labels recur across the records of a corpus: both lookups are
# cached (bounded, one entry per role or label).
@functools.lru_cache(maxsize=4096)
def _by_role(role: str) -> CategoryDecision | None:
    found = ROLE_CATEGORIES.get(role) or _by_suffix(role)
    return CategoryDecision(found, "role-word") if found is not None else None


@functools.lru_cache(maxsize=4096)
def _by_label(role: str | None, label: str, honorific: str | None) -> CategoryDecision:
    found = _by_suffix(label.strip())
    if found is not None:
        return CategoryDecision(found, "label-suffix")
    if role is None and honorific in MEMBER_HONORIFICS:
        return CategoryDecision(_C.MEMBER, "member-honorific")
    found = _by_head(role or "")
    if found is not None:
        return CategoryDecision(found, "head-word")
    return CategoryDecision(_C.UNKNOWN, "no-evidence")


def chair_fallback(first_speaker: str, first_text: str) -> bool:
    """Whether a meeting without any chair by role should take its first speaker as chair:
    true when the first utterance opens the meeting (``開会``, ``会議を開きます``…)."""
    return bool(first_speaker) and _OPENING.search(first_text) is not None
