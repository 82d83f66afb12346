"""Text helpers shared by the structure rules: cleaning, sentences, courtesy, names."""

from __future__ import annotations

import functools

import regex

from gikai_minutes._roles import ROLE_WORDS

__all__ = [
    "CALL_FOR_QUESTIONS",
    "QUESTION_CUE",
    "base_name",
    "clean",
    "is_courtesy",
    "mention_pattern",
    "sentences",
]

#: Stage directions and procedural notes that belong to no speaker's words.
_STAGE = regex.compile(
    r"〔[^〕]*〕|［[^］]*］|（[^（）]*(?:者あり|退室|入室|登壇|退席|着席|起立|拍手|速記)[^（）]*）"
)
#: Separator lines such as ``――――◇―――――`` or ``───``.
_RULE_LINE = regex.compile(r"[\s―─－ー—‐=＝◇◆○・…]*")
_SENTENCE = regex.compile(r"[^。？！?!]+[。？！?!]*|[。？！?!]+")

#: A sentence that is only thanks, a greeting, an assent or a hand-over.
_COURTESY = regex.compile(
    r"(?:(?:はい|ええ|それでは|では|どうも|本当に|誠に|大変|あの)[、,\s]*)*"
    r"(?:ありがとう(?:ございま(?:す|した))?"
    r"|よろしく(?:お)?(?:願い)?(?:いた|致)?(?:します|たします|いたします|申し上げます)"
    r"|(?:お)?願い(?:いた|致)?(?:します|たします|いたします|申し上げます)"
    r"|(?:承知|了解)(?:いた|致)?しました|(?:分|わ)かりました|失礼(?:いた|致)?します"
    r"|恐れ入ります|はい|ええ|どうぞ|どうも)?"
    r"[、,\s]*(?:ありがとう(?:ございま(?:す|した))?)?[。！!]*"
)

#: A sentence asks something.
QUESTION_CUE = regex.compile(
    r"[？?]|か[。、]|か$|でしょうか|ですか|ますか|伺|お聞き|聞かせ|教え|お尋ね|尋ね|質問"
    r"|確認させ|お示しいただ|御所見|ご所見|御見解|ご見解"
)

#: A sentence that invites questions from the floor rather than asking one.
CALL_FOR_QUESTIONS = regex.compile(
    r"^(?:それでは|では|その他|そのほか|ほか|他)?[、,]?(?:いかが(?:でしょうか|ですか))[。]?$"
    r"|御意見|ご意見|御質問|ご質問|挙手|ございませんか|ありませんか|よろしいでしょうか"
)


def clean(text: str) -> str:
    """``text`` without stage directions; ``""`` for a separator line."""
    text = _STAGE.sub("", text).strip(" \u3000\t")
    return "" if _RULE_LINE.fullmatch(text) else text


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (split after 。？！), stripped, empty ones dropped."""
    out = []
    for m in _SENTENCE.finditer(text):
        s = m.group().strip(" \u3000\t")
        if s:
            out.append(s)
    return out


def is_courtesy(sentence_list: list[str]) -> bool:
    """Whether every sentence is only thanks, greeting or assent (and there is one)."""
    return bool(sentence_list) and all(
        _COURTESY.fullmatch(s) is not None and any(c not in "。！! 、," for c in s)
        for s in sentence_list
    )


_PARENS = regex.compile(r"[（(][^）)]*[）)]|[\s\u3000]")


def base_name(name: str | None) -> str | None:
    """A speaker's name as said aloud: ``渡辺（周）`` → ``渡辺``; spaces removed."""
    if not name:
        return None
    return _PARENS.sub("", name) or None


_ROLE_ALTERNATION = "|".join(
    regex.escape(w) for w in sorted(set(ROLE_WORDS) - {"事務局"}, key=len, reverse=True)
)
_HONORIFIC_SUFFIX = r"さん|君|様|氏|先生|殿"


@functools.lru_cache(maxsize=1024)
def mention_pattern(name: str) -> regex.Pattern[str]:
    """A mention of ``name`` as a person: the name, up to four more name characters
    (a given name), then an honorific or a role word (``松尾市長``, ``黄川田仁志さん``).

    Groups: ``given`` (the extra name characters) and ``suffix``.
    """
    return regex.compile(
        rf"(?<![\p{{Han}}\p{{Katakana}}]){regex.escape(name)}"
        rf"(?P<given>[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}ー]{{0,4}}?)"
        rf"(?P<suffix>{_ROLE_ALTERNATION}|{_HONORIFIC_SUFFIX})"
    )
