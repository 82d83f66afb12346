"""The structure rules' fast paths (issue 11) give what the general paths give: suffixes
looked up instead of matched by the regex alternation, word ends looked up by their last
character, the last sentence found with string methods, courtesy verdicts remembered per
paragraph, the introducer found by looking back, question cues searched with ``re``
sentence by sentence from the end, a short text's turns read whole. Compared on the seed,
the conventions corpus, Diet meetings of ../shared (when present) and generated text.
No timings."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import REPO, SEED, SHARED, diet_meetings
from gikai_minutes import Meeting
from gikai_minutes._structure import (
    _builder,
    _presentations,
    _qa,
    _sections,
    _text,
    _turns,
)
from gikai_minutes._structure._text import (
    GUEST_TITLES,
    TITLE_WORDS,
    WordEnd,
    after_name,
    is_courtesy,
    last_sentence,
    mention_spans,
    mentions,
    sentences,
    sentences_backwards,
)
from gikai_minutes._structure._turns import Turn, _only_courtesy
from gikai_minutes._text.lexicon import ROLE_WORDS
from gikai_minutes.model import SpeakerCategory

_C = SpeakerCategory
CONVENTIONS = REPO / "tests" / "conventions_corpus"
#: Diet meetings read (enough to meet every rule; parsing them all takes long).
_DIET_MEETINGS = 40


def _texts() -> Iterator[tuple[str, str]]:
    yield "seed", SEED.read_text(encoding="utf-8")
    for path in sorted(CONVENTIONS.glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")
    if (SHARED / "corpus" / "diet").is_dir():
        meetings = diet_meetings()
        for key in sorted(meetings)[:_DIET_MEETINGS]:
            yield key, meetings[key].text


@functools.cache
def _meetings() -> tuple[tuple[str, Meeting], ...]:
    return tuple((name, gikai_minutes.parse(text, structure=False)) for name, text in _texts())


def _built(meeting: Meeting, through: str) -> _builder._Build:
    """The builder's evidence after the step named ``through``."""
    b = _builder._start(meeting)
    for step in _builder.BUILD_STEPS:
        step.run(b)
        if step.name == through:
            break
    return b


def _paragraphs() -> Iterator[str]:
    for _, meeting in _meetings():
        for u in meeting.utterances:
            for p in u.paragraphs:
                yield p.text


def _names() -> set[str]:
    found = set()
    for _, meeting in _meetings():
        b = _builder._start(meeting)
        for sid in b.speakers:
            found.update(b.names[sid])
    return found


def test_corpus_is_read() -> None:
    names = [name for name, _ in _meetings()]
    assert "seed" in names
    assert len(names) > 10


# -- a name's suffix ---------------------------------------------------------------------


def _reference_after_name(text: str, start: int) -> tuple[int, str, str] | None:
    m = _text._AFTER_NAME.match(text, start)
    return None if m is None else (m.end(), m.group("given"), m.group("suffix"))


_SUFFIX_PIECES = sorted({*ROLE_WORDS, *GUEST_TITLES})
_NAME_PIECES = ["田中", "太田", "仁志", "まさし", "ア", "ー", "一", "さ", "ん", "長", "員"]
_OTHER_PIECES = ["、", "。", " ", "\u3000", "A", "1", "番", "の", "から", "お願いします"]
_pieces = st.lists(
    st.sampled_from(_SUFFIX_PIECES) | st.sampled_from(_NAME_PIECES + _OTHER_PIECES),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_pieces)
def test_after_name_is_the_regex_match(text: str) -> None:
    for start in range(len(text) + 1):
        assert after_name(text, start) == _reference_after_name(text, start)


def test_after_name_on_the_corpus() -> None:
    for text in _paragraphs():
        for start in range(0, len(text) + 1, 3):
            assert after_name(text, start) == _reference_after_name(text, start), (text, start)


def _reference_mentions(text: str, name: str) -> list[tuple[int, int, str, str, str]]:
    """:func:`mentions` as the regex finds them."""
    found = []
    if not name:
        return found
    pos = text.find(name)
    while pos >= 0:
        if (
            pos == 0
            or text[pos - 1] == "番"
            or _text._NAME_CHAR.match(text[pos - 1]) is None
            or _text._ROLE_BEFORE.start(text, max(pos - _text._LONGEST_ROLE, 0), pos) >= 0
        ):
            m = _text._AFTER_NAME.match(text, pos + len(name))
            if m is not None:
                found.append(
                    (pos, m.end(), m.group("given"), m.group("suffix"), text[pos : m.end()])
                )
        pos = text.find(name, pos + 1)
    return found


def _mention_tuples(text: str, name: str) -> list[tuple[int, int, str, str, str]]:
    return [(m.start, m.end, m.given, m.suffix, m.text) for m in mentions(text, name)]


def test_mentions_on_the_corpus() -> None:
    names = sorted(_names())
    assert names
    checked = 0
    for text in _paragraphs():
        for name in names:
            if name in text:
                expected = _reference_mentions(text, name)
                assert _mention_tuples(text, name) == expected, (text, name)
                assert list(mention_spans(text, name)) == [(s, e, x) for s, e, _, x, _ in expected]
                checked += bool(expected)
    # the seed and the conventions corpus alone hold a few dozen; the Diet meetings, more
    assert checked > (100 if (SHARED / "corpus" / "diet").is_dir() else 30)


@settings(max_examples=300, deadline=None)
@given(_pieces, st.sampled_from(["田中", "仁", "ア", "長", "さ"]))
def test_mentions_are_the_regex_mentions(text: str, name: str) -> None:
    assert _mention_tuples(text, name) == _reference_mentions(text, name)


# -- word ends ---------------------------------------------------------------------------


def _reference_word_end(ends: WordEnd, text: str, begin: int, end: int | None) -> int:
    """The longest word ending ``text[begin:end]`` tried at every length (the former loop)."""
    stop = len(text) if end is None else end
    if stop > begin and text[stop - 1] == "\n":
        stop -= 1
    for n in ends.lengths:
        if stop - n >= begin and text[stop - n : stop] in ends.words:
            return stop - n
    return -1


@settings(max_examples=400, deadline=None)
@given(_pieces, st.integers(0, 6), st.integers(-1, 30))
def test_word_end_is_the_longest_word(text: str, begin: int, end: int) -> None:
    text += "\n" if begin % 2 else ""
    stop = None if end < 0 else min(end, len(text))
    begin = min(begin, len(text))
    for ends in (TITLE_WORDS, _text._ROLE_BEFORE, WordEnd(["長", "委員長", "さん", "ん"])):
        assert ends.start(text, begin, stop) == _reference_word_end(ends, text, begin, stop)


def test_word_end_on_role_words() -> None:
    for word in [*ROLE_WORDS, "田中" + ROLE_WORDS[0], "なし", ""]:
        for ends in (TITLE_WORDS, _text._ROLE_BEFORE):
            assert ends.start(word) == _reference_word_end(ends, word, 0, None)


# -- the last sentence -------------------------------------------------------------------

_sentence_text = st.text(alphabet="あか。？！?! \u3000\t\n、", max_size=16)


@settings(max_examples=500, deadline=None)
@given(_sentence_text)
def test_last_sentence_is_the_last_of_the_sentences(text: str) -> None:
    said = sentences(text)
    assert last_sentence(text) == (said[-1] if said else None)


def test_last_sentence_on_the_corpus() -> None:
    for text in _paragraphs():
        said = sentences(text)
        assert last_sentence(text) == (said[-1] if said else None)


@settings(max_examples=500, deadline=None)
@given(_sentence_text)
def test_sentences_backwards_are_the_sentences_reversed(text: str) -> None:
    assert list(sentences_backwards(text)) == sentences(text)[::-1]


def test_sentences_backwards_on_the_corpus() -> None:
    for text in _paragraphs():
        assert list(sentences_backwards(text)) == sentences(text)[::-1]


# -- questions ---------------------------------------------------------------------------

#: The question patterns as the ``regex`` engine reads them (their former engine).
_REGEX_CUES = (
    (_text.QUESTION_CUE, regex.compile(_text.QUESTION_CUE.pattern)),
    (_text.CALL_FOR_QUESTIONS, regex.compile(_text.CALL_FOR_QUESTIONS.pattern)),
)

_question_text = st.lists(
    st.sampled_from(
        ["か", "。", "、", "?", "？", "\n", "いかが", "でしょう", "ですか", "その他", "に", "は",
         "何か", "伺", "質問", "御意見", "では", "あ", "ございませんか", "御所見"]
    ),
    max_size=8,
).map("".join)  # fmt: skip


def _same_match(pattern: object, text: str) -> None:
    for fast, general in _REGEX_CUES:
        if fast is pattern:
            a, b = fast.search(text), general.search(text)
            assert (a and a.span()) == (b and b.span()), text


@settings(max_examples=500, deadline=None)
@given(_question_text)
def test_question_patterns_read_alike_by_both_engines(text: str) -> None:
    for fast, _ in _REGEX_CUES:
        _same_match(fast, text)


def _reference_asks(turn: Turn) -> bool:
    """:func:`_qa._asks` with each paragraph split whole and searched by ``regex``."""
    question, call = (general for _, general in _REGEX_CUES)
    for paragraph in reversed(turn.paragraphs):
        for s in reversed(sentences(paragraph)):
            if _text.HAND_OVER.search(s):
                return False
            if question.search(s) and not call.search(s):
                return True
    return False


def test_questions_on_the_corpus() -> None:
    asked = 0
    for _, meeting in _meetings():
        for turn in _built(meeting, "turns").turns:
            for p in turn.paragraphs:
                for s in sentences(p):
                    for fast, _ in _REGEX_CUES:
                        _same_match(fast, s)
            if turn.is_chair:
                assert _qa._asks(turn) is _reference_asks(turn)
                asked += _qa._asks(turn)
    assert asked > 10


# -- courtesy ----------------------------------------------------------------------------

_COURTESY_PIECES = (
    "ありがとうございます", "はい", "どうも", "よろしくお願いします", "。", "、",
    "分かりました", "失礼します", "!", "ええ", "先生", "質問", " ",
)  # fmt: skip
_courtesy_text = st.lists(st.sampled_from(_COURTESY_PIECES), max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_courtesy_text, max_size=3))
def test_courtesy_verdicts_are_the_sentences_verdicts(paragraphs: list[str]) -> None:
    said = [s for p in paragraphs for s in sentences(p)]
    assert _only_courtesy(paragraphs) is is_courtesy(said)
    assert _only_courtesy(paragraphs) is is_courtesy(said)  # remembered


# -- turns: the introducer ----------------------------------------------------


def _turn(index: int, kind: int) -> Turn:
    """A turn of one of four shapes: empty, a chair's courtesy, a chair's interjection, a
    chair's turn, a member's turn."""
    chair = kind in (1, 2, 3)
    return Turn(
        index, "chair" if chair else "member", _C.CHAIR if chair else _C.MEMBER, (), index,
        0 if kind == 0 else 20, kind == 1, kind == 2, chair,
    )  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=40), st.integers(0, 3))
def test_introducer_looked_back_is_the_pass_over_the_turns(kinds: list[int], run: int) -> None:
    # a run of empty turns longer than the look-back, to reach the fallback
    kinds = [*kinds[:5], *([0] * (run * _presentations._WALK // 2)), *kinds[5:]]
    turns = [_turn(i, k) for i, k in enumerate(kinds)]
    expected = _presentations._introducers(turns)
    for first in range(len(turns)):
        found = _presentations._introducer(turns, first)
        if found is False:
            assert first > _presentations._WALK
        else:
            assert found is expected[first]


def test_introducers_on_the_corpus() -> None:
    for _, meeting in _meetings():
        turns = _built(meeting, "floor-requests").turns
        expected = _presentations._introducers(turns)
        for first in range(len(turns)):
            found = _presentations._introducer(turns, first)
            assert found is False or found is expected[first]


def test_structure_of_the_corpus_is_unchanged_by_the_shortcuts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole structure with every shortcut of this module replaced by its general
    path equals the structure built with them."""
    fast = [_builder.build_structure(m).structure for _, m in _meetings()]
    monkeypatch.setattr(_text, "after_name", _reference_after_name)
    monkeypatch.setattr(_qa, "_asks", _reference_asks)
    monkeypatch.setattr(_turns, "last_sentence", lambda t: ([None, *sentences(t)])[-1])
    monkeypatch.setattr(
        _turns, "_only_courtesy", lambda ps: is_courtesy([s for p in ps for s in sentences(p)])
    )
    monkeypatch.setattr(
        _presentations,
        "_introducer",
        lambda turns, first: _presentations._introducers(turns)[first],
    )
    general = [_builder.build_structure(m).structure for _, m in _meetings()]
    assert fast == general
    assert any(s.presentations for s in fast)
    assert any(s.exchanges for s in fast)


_ONE_SENTENCE_END = regex.compile(r"[。？！?!]+")


@settings(max_examples=500, deadline=None)
@given(_sentence_text)
def test_one_sentence_is_one_run_of_ends_at_the_end(text: str) -> None:
    paragraph = _text.clean(text)
    if paragraph:
        m = _ONE_SENTENCE_END.search(paragraph)
        assert _sections._one_sentence(paragraph) is (m is None or m.end() == len(paragraph))
        assert _sections._one_sentence(paragraph) is (len(sentences(paragraph)) <= 1)
