"""Text helpers shared by the structure rules: cleaning, sentences, courtesy, names."""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import attrs
import regex

from gikai_minutes._text.lexicon import ROLE_WORDS

if TYPE_CHECKING:
    from gikai_minutes._structure._turns import Turn

__all__ = [
    "CALL_FOR_QUESTIONS",
    "COURTESY_CHARS",
    "EXTRA_TITLES",
    "GUEST_TITLES",
    "HAND_OVER",
    "QUESTION_CUE",
    "TITLE_WORDS",
    "Mention",
    "WordEnd",
    "after_name",
    "base_name",
    "clean",
    "is_courtesy",
    "last_sentence",
    "may_be_courtesy",
    "mention_spans",
    "mentions",
    "name_from_label",
    "raw_paragraphs",
    "raw_text",
    "sentences",
    "sentences_backwards",
]

_SENTENCE = re.compile(r"[^。？！?!]+[。？！?!]*|[。？！?!]+")

#: A sentence that is only thanks, a greeting, an assent or a bare "please".
_COURTESY = re.compile(
    r"(?:(?:はい|ええ|それでは|では|どうも|本当に|誠に|大変|あの)[、,\s]*)*"
    r"(?:ありがとう(?:ございま(?:す|した))?"
    r"|よろしく(?:お)?(?:願い)?(?:いた|致)?(?:します|たします|いたします|申し上げます)"
    r"|(?:お)?願い(?:いた|致)?(?:します|たします|いたします|申し上げます)"
    r"|(?:承知|了解)(?:いた|致)?しました|(?:分|わ)かりました|失礼(?:いた|致)?します"
    r"|恐れ入ります|はい|ええ|どうぞ|どうも)?"
    r"[、,\s]*(?:ありがとう(?:ございま(?:す|した))?)?[。！!]*"
)

#: Every character a sentence :data:`_COURTESY` matches may hold (a test derives them
#: from the pattern), whitespace as ``\\s`` has it included.
COURTESY_CHARS = frozenset(
    "!,、。！あいうえおかがくげござしすそぞたでとどにのはまもよりれろわ上了入分変大失当恐承本申知礼致解誠願"
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def may_be_courtesy(text: str) -> bool:
    """False when ``text`` holds a character no courtesy sentence has: it cannot be split
    into courtesies alone (most sentences are rejected so, none split nor matched)."""
    return COURTESY_CHARS.issuperset(text)


# The two patterns below use only literals, classes of literals, ``.``, ``^`` and ``$``,
# which ``re`` and ``regex`` read alike; ``re`` searches a chair's long paragraphs and
# their sentences faster (measured on the seed's Q&A).

#: A sentence asks something.
QUESTION_CUE = re.compile(
    r"[？?]|か[。、]|か$|でしょうか|ですか|ますか|伺|お聞き|聞かせ|教え|お尋ね|尋ね|質問"
    r"|確認させ|お示しいただ|御所見|ご所見|御見解|ご見解"
)

#: A sentence that invites questions from the floor rather than asking one.
CALL_FOR_QUESTIONS = re.compile(
    r"^(?:それでは|では|その他|そのほか|ほか|他)?(?:は|に|には)?[、,]?(?:何か)?"
    r"いかが(?:でしょうか|ですか|でしょう)[。？?]?$"
    r"|^(?:その他|そのほか|ほか|他)(?:に|は|には)?[、,]?.{0,12}$"
    r"|御意見|ご意見|御質問|ご質問|挙手|ございませんか|ありませんか|よろしいでしょうか"
    r"|よろしいですか"
)

#: A sentence handing the floor over for a report (``事務局から御説明をお願いいたします``).
HAND_OVER = re.compile(
    r"(?:説明|報告|発表)(?:を)?(?:お願い(?:いた|致)?します|お願いいたします|していただきます"
    r"|いただきます|を?求めます)"
)


#: Characters a separator line (``――――◇―――――``, ``───``) consists of.
_RULE_CHARS = "―─－ー—‐=＝◇◆○・… \u3000\t"


def clean(text: str) -> str:
    """``text`` stripped; ``""`` for a separator line. (Stage directions are already cut
    out of paragraphs by the reader's note rules.)"""
    return text.strip(_RULE_CHARS) and text.strip(" \u3000\t")


# ``raw_paragraphs`` and ``raw_text`` are the only places where the rule modules (all but
# the builder and the turns) read a turn's utterance.


#: The turn's paragraphs' text as parsed (offsets into it are the model's): the property,
#: read without a Python frame of its own.
raw_paragraphs: Callable[[Turn], tuple[str, ...]] = operator.attrgetter("raw_paragraphs")
#: The turn's text as parsed: its raw paragraphs joined by ``"\\n"``.
raw_text: Callable[[Turn], str] = operator.attrgetter("text")


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (split after 。？！), stripped, empty ones dropped."""
    return [s for m in _SENTENCE.findall(text) if (s := m.strip(" \u3000\t"))]


_ENDS = "。？！?!"
_RARE_ENDS = "？！?!"


def _piece_start(text: str, word_end: int) -> int:
    """Where the piece holding ``text[word_end - 1]`` starts: after the last sentence end
    before it (``。`` looked for first, then the rare ends only after it)."""
    start = text.rfind("。", 0, word_end) + 1
    for mark in _RARE_ENDS:
        at = text.rfind(mark, start, word_end)
        if at >= 0:
            start = at + 1
    return start


def last_sentence(text: str) -> str | None:
    """The last of :func:`sentences` of ``text`` (``None`` when there is none), found from
    the end with string methods: only the sentences after it are looked at.

    The pieces :func:`sentences` strips tile the text: a run of sentence ends at the
    start, then runs of other characters each with the sentence ends after it."""
    end = len(text)
    while end > 0:
        head = text if end == len(text) else text[:end]
        word_end = len(head.rstrip(_ENDS))  # after the last character that ends nothing
        if word_end == 0:  # only sentence ends before ``end``: the text's first piece
            return head.strip(" \u3000\t") or None
        start = _piece_start(text, word_end)
        found = text[start:end].strip(" \u3000\t")
        if found:
            return found
        end = start
    return None


def sentences_backwards(text: str) -> Iterator[str]:
    """:func:`sentences` of ``text`` from the last to the first, each split off the end
    when asked for: a rule that decides on the last sentences reads only those. Each
    piece is searched once, by string methods from its end."""
    end = len(text)
    while end > 0:
        word_end = end
        while word_end > 0 and text[word_end - 1] in _ENDS:
            word_end -= 1
        if word_end == 0:  # only sentence ends before ``end``: the text's first piece
            found = text[:end].strip(" \u3000\t")
            if found:
                yield found
            return
        start = _piece_start(text, word_end)
        found = text[start:end].strip(" \u3000\t")
        if found:
            yield found
        end = start


_PUNCTUATION = "。！! 、,"


def is_courtesy(sentence_list: list[str]) -> bool:
    """Whether every sentence is only thanks, greeting or assent (and there is one)."""
    # ``s.strip(…)`` is empty when every character is punctuation: a courtesy has a word
    return bool(sentence_list) and all(
        _COURTESY.fullmatch(s) is not None and s.strip(_PUNCTUATION) for s in sentence_list
    )


_PARENS = re.compile(r"[（(][^）)]*[）)]|[\s\u3000]")


def base_name(name: str | None) -> str | None:
    """A speaker's name as said aloud: ``渡辺（周）`` → ``渡辺``; spaces removed."""
    if not name:
        return None
    return _base_name(name)


@functools.lru_cache(maxsize=4096)
def _base_name(name: str) -> str | None:
    # the same people speak in many records of a corpus (bounded: one entry per name)
    return _PARENS.sub("", name) or None


#: Titles of guests and officials beyond the role words of the lexicon.
EXTRA_TITLES = (
    "教授", "准教授", "講師", "研究員", "代表", "取締役", "社長", "副社長", "理事長", "理事",
    "所長", "センター長", "館長", "院長", "主任", "主幹", "主査", "担当", "監", "総裁", "頭取",
)  # fmt: skip


class WordEnd:
    """Finds which of some words ends a text, as ``(?:w1|w2|…)$`` would (``$`` also
    before one final newline), by looking up the text's last characters: about ten times
    as fast as the alternation, which is tried at every position of the text. Only the
    lengths of the words ending in the text's last character are tried (most texts end
    in a character no word ends in: one lookup)."""

    __slots__ = ("by_last", "lengths", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self.lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))
        by_last: dict[str, set[int]] = {}
        for w in self.words:
            by_last.setdefault(w[-1], set()).add(len(w))
        #: For each last character of a word, the lengths of the words ending in it,
        #: longest first.
        self.by_last = {c: tuple(sorted(n, reverse=True)) for c, n in by_last.items()}

    def start(self, text: str, begin: int = 0, end: int | None = None) -> int:
        """Where the longest word ending ``text[begin:end]`` starts, or -1."""
        stop = len(text) if end is None else end
        if stop > begin and text[stop - 1] == "\n":
            stop -= 1
        if stop <= begin:
            return -1
        lengths = self.by_last.get(text[stop - 1])
        if lengths is None:
            return -1
        words = self.words
        for n in lengths:
            if stop - n >= begin and text[stop - n : stop] in words:
                return stop - n
        return -1


TITLE_WORDS = WordEnd({*ROLE_WORDS, *EXTRA_TITLES})


def name_from_label(label: str) -> str | None:
    """A name read off a label the lexicon could not split: ``山本代表`` → ``山本``."""
    text = _PARENS.sub("", label)
    at = TITLE_WORDS.start(text)
    return (text[:at] or None) if at >= 0 else None


#: Honorifics and titles the chair gives a guest: ``星埜様``, ``山田教授``, ``田中参考人``.
GUEST_TITLES = (
    "さん", "君", "様", "氏", "先生", "殿", "准教授", "教授", "講師", "研究員", "代表",
    "社長", "弁護士", "参考人", "公述人", "証人",
)  # fmt: skip
_ROLE_ALTERNATION = "|".join(
    regex.escape(w) for w in sorted(set(ROLE_WORDS) - {"事務局"}, key=len, reverse=True)
)
#: What follows a name in a mention: up to four more name characters (a given name),
#: then an honorific or a role word.
_AFTER_NAME = regex.compile(
    r"(?P<given>[\p{Han}\p{Hiragana}\p{Katakana}ー]{0,4}?)"
    rf"(?P<suffix>{_ROLE_ALTERNATION}|{'|'.join(GUEST_TITLES)})"
)
_NAME_CHAR = regex.compile(r"[\p{Han}\p{Katakana}]")
_ROLE_BEFORE = WordEnd(set(ROLE_WORDS) - {"事務局"})
_LONGEST_ROLE = max(map(len, ROLE_WORDS))


def _by_first_character(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their first character, each group in the given order."""
    groups: dict[str, list[str]] = {}
    for word in words:
        group = groups.setdefault(word[0], [])
        if word not in group:
            group.append(word)
    return {first: tuple(group) for first, group in groups.items()}


#: The suffixes of :data:`_AFTER_NAME` in the order its alternation tries them, by
#: first character: at one position only the words starting with its character can
#: match, and the first of them that does is the alternation's match.
_SUFFIXES = _by_first_character(
    [*sorted(set(ROLE_WORDS) - {"事務局"}, key=len, reverse=True), *GUEST_TITLES]
)
#: The given-name characters :data:`_AFTER_NAME` may skip, as many as it may skip.
_GIVEN_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]{0,4}")


def after_name(text: str, start: int) -> tuple[int, str, str] | None:
    """``(end, given, suffix)`` of :data:`_AFTER_NAME` matched at ``start``, or ``None``,
    found by looking up the characters' suffixes (several times as fast as the regex,
    which tries its long alternation at each of the given name's positions): the lazy
    given name is extended one character at a time, and at each end the first suffix in
    alternation order that starts there is the match."""
    suffixes = _SUFFIXES.get
    words = suffixes(text[start : start + 1])
    if words is not None:  # no given name: the usual ``田中委員``
        for word in words:
            if text.startswith(word, start):
                return start + len(word), "", word
    run = _GIVEN_RUN.match(text, start)
    for at in range(start + 1, run.end() + 1) if run is not None else ():
        words = suffixes(text[at : at + 1])
        if words is not None:
            for word in words:
                if text.startswith(word, at):
                    return at + len(word), text[start:at], word
    return None


@functools.lru_cache(maxsize=4096)
def _is_name_char(char: str) -> bool:
    # one entry per character met before a name (bounded)
    return _NAME_CHAR.match(char) is not None


@attrs.frozen(slots=True)
class Mention:
    """A person named in the text: ``text[start:end]`` is e.g. ``松尾市長``."""

    start: int
    end: int
    given: str
    suffix: str
    text: str


def mention_spans(text: str, name: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, suffix)`` of each of :func:`mentions` (no object made)."""
    if not name:
        return
    pos = text.find(name)
    while pos >= 0:
        if (
            pos == 0
            or text[pos - 1] == "番"
            or not _is_name_char(text[pos - 1])
            or _ROLE_BEFORE.start(text, max(pos - _LONGEST_ROLE, 0), pos) >= 0
        ):
            found = after_name(text, pos + len(name))
            if found is not None:
                yield pos, found[0], found[2]
        pos = text.find(name, pos + 1)


def mentions(text: str, name: str) -> Iterator[Mention]:
    """Mentions of ``name`` as a person in ``text``: the name, maybe a given name, then an
    honorific or a role word (``松尾市長``, ``黄川田仁志さん``, ``星埜様``). A name glued to
    a preceding kanji or katakana (``場所`` for ``所``) is not a mention, except after a
    seat number or a role word (``20番鈴木まさし議員``, ``総務常任委員長島昌之議員``)."""
    for start, end, suffix in mention_spans(text, name):
        given = text[start + len(name) : end - len(suffix)]
        yield Mention(start, end, given, suffix, text[start:end])
