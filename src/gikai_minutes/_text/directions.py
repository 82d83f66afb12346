"""Words of stage directions and of the sitting's times, each list defined once.

Stage directions are what the stenographer adds in brackets (``（拍手）``, ``〔「異議なし」と呼ぶ
者あり〕``); time words name what happens at a time line (``午後３時５１分散会``).
"""

from __future__ import annotations

__all__ = [
    "BREAK_WORDS",
    "CLOSING_WORDS",
    "DIRECTIONS",
    "DIRECTION_ENDINGS",
    "OPENING_WORDS",
    "TIME_EVENT_WORDS",
    "alternation",
]

#: A parenthesis holding only one of these is a stage direction: ``（拍手）``, ``（速記中止）``.
DIRECTIONS: tuple[str, ...] = (
    "拍手", "笑声", "笑い", "発言する者あり", "離席する者あり", "速記中止", "速記開始",
    "速記再開",
)  # fmt: skip
#: A parenthesis ending in one of these is a stage direction: ``（「異議なし」と呼ぶ者あり）``.
DIRECTION_ENDINGS: tuple[str, ...] = (
    "者あり", "と呼ぶ", "と言う", "声あり", "起立", "退席", "退室", "入室", "着席", "登壇",
    "降壇",
)  # fmt: skip

#: The sitting opens or resumes at a time line: ``午前１０時開会``, ``午後１時再開``.
OPENING_WORDS: tuple[str, ...] = ("開会", "開議", "開始", "再開")
#: The sitting ends at a time line: ``午後３時５１分散会``.
CLOSING_WORDS: tuple[str, ...] = ("散会", "閉会", "延会", "閉議", "終了")
#: The sitting pauses: ``午後０時２分休憩``.
BREAK_WORDS: tuple[str, ...] = ("休憩", "休会")
#: Every word a time line may end with.
TIME_EVENT_WORDS: tuple[str, ...] = OPENING_WORDS + CLOSING_WORDS + BREAK_WORDS


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words`` (no special characters in them), longest first."""
    return "|".join(sorted(words, key=len, reverse=True))
