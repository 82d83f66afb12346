"""The fast paths of body reading give what the general paths give.

* ``FixSites`` finds its sites on UTF-16 bytes and with literal-first patterns: the same
  offsets as a plain scan of the characters, with characters beyond the BMP and lone
  surrogates too; ``marks`` holds every site and every character an inline note opens with.
* ``FixSites.fix`` scans only the runs around a piece's sites (and keeps a short run's
  repairs): the same repairs as :func:`fix_piece` over the whole piece.
* ``read_body_rows`` reads a line without marks as one piece, most such lines in a short
  path: the same rows as when every line goes the general way (every offset a mark).
* ``classify_line`` tries the line rules as one alternation: the same rule as trying them
  one at a time.

Realistic inputs: the seed, the conventions corpus and, when present, ``../shared``.
"""

from __future__ import annotations

import array
import itertools
import json
import random
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _helpers import CORPUS, REPO, SEED, BodyCall, body_calls
from gikai_minutes import _pipeline
from gikai_minutes._read import fixes, notes
from gikai_minutes._read.bodies import BodyRows, read_body_rows
from gikai_minutes._read.fixes import FixSites, fix_line, fix_piece
from gikai_minutes._read.notes import INLINE_NOTE_CHARS, LINE_RULES, classify_line

_FULL = {chr(c) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
_HALF = {chr(c) for c in range(0xFF61, 0xFFA0)}
_LETTERS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _texts() -> list[tuple[str, str]]:
    """The seed, the conventions corpus and the shared corpus's texts (when present)."""
    texts = [("seed", SEED.read_text(encoding="utf-8"))]
    for path in sorted((REPO / "tests" / "conventions_corpus").glob("*.txt")):
        texts.append((path.name, path.read_text(encoding="utf-8")))
    for path in sorted((CORPUS / "local").glob("*.txt")) if CORPUS.is_dir() else []:
        texts.append((path.name, path.read_text(encoding="utf-8")))
    for path in sorted((CORPUS / "diet").glob("*.json")) if CORPUS.is_dir() else []:
        records = json.loads(path.read_text(encoding="utf-8"))["data"]
        texts.append((path.name, "\r\n".join(r["text"] for r in records[:400])))
    return texts


_TEXTS = _texts()
_IDS = [name for name, _ in _TEXTS]


def _plain_sites(text: str) -> tuple[list[int], list[int], list[int]]:
    """Full-width, half-width and spaced sites, one character at a time."""
    full = [i for i, c in enumerate(text) if c in _FULL]
    half = [i for i, c in enumerate(text) if c in _HALF]
    spaced = [
        i
        for i, c in enumerate(text)
        if c == " "
        and 0 < i < len(text) - 1
        and text[i - 1] in _LETTERS
        and (text[i + 1] in _LETTERS or text[i + 1] == "-")
    ]
    return full, half, spaced


def _check_sites(text: str) -> None:
    sites = FixSites(text)
    full, half, spaced = _plain_sites(text)
    assert list(sites.fullwidth) == full
    assert list(sites.halfwidth) == half
    assert list(sites.spaced) == spaced
    inline = [i for i, c in enumerate(text) if c in INLINE_NOTE_CHARS]
    for marks in sites.marks:
        assert list(marks) == sorted(marks)
    assert sorted(itertools.chain(*sites.marks)) == sorted(full + half + spaced + inline)


@pytest.mark.parametrize(("name", "text"), _TEXTS, ids=_IDS)
def test_sites_on_bytes_are_the_characters_sites(name: str, text: str) -> None:
    _check_sites(text)


_SITE_CHARS = "aZ -.1あ（(〔）Ｉ１ａﾃﾞｰ\uff0f\uff1a\uff5b\uffa0\u30ff\u5bff😀\ud800\r\n\u3000"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_SITE_CHARS, max_size=40), st.booleans())
def test_sites_beyond_the_bmp_and_lone_surrogates(text: str, long: bool) -> None:
    """Bytes that look like a site across two characters (U+30FF then U+FF10 is 'FF FF
    10 FF'), characters beyond the BMP and lone surrogates do not shift or add sites (in
    a short text, scanned as it is, and in a longer one, scanned as bytes)."""
    _check_sites(text + "。" * fixes._SHORT if long else text)


def _check_fix(text: str, a: int, b: int) -> None:
    """``FixSites.fix`` on ``text[a:b]`` equals ``fix_piece`` and every rule run."""
    sites = FixSites(text)
    piece = text[a:b]
    got = sites.fix(piece, a)
    assert got == fix_piece(piece, a, sites.first(a, b))
    cleaned, found = fix_line(piece, a, 1)
    assert got == (cleaned, [(f.rule, f.span.start, f.span.end, f.replacement) for f in found])
    assert sites.fix(piece, a) == got  # again, from the repairs kept


_PIECE_CHARS = "abcXY -.1あ社Ｉ１ａﾃﾞｼ"


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet=_PIECE_CHARS, max_size=6),
    st.text(alphabet=_PIECE_CHARS, min_size=1, max_size=40),
    st.text(alphabet=_PIECE_CHARS, max_size=6),
)
def test_fix_around_sites_is_fix_piece(before: str, piece: str, after: str) -> None:
    piece = piece.strip(" ")
    if piece:
        text = before + piece + after
        _check_fix(text, len(before), len(before) + len(piece))


def test_fix_around_sites_on_long_runs() -> None:
    """Runs longer than those kept, many runs in one piece, a piece of one long run."""
    rng = random.Random(3)
    words = ["k i n t o n e", "Pol i", "Team s", "A B C", "T o - B e", "ＩＣＴ", "ﾃﾞｼﾞﾀﾙ",
             "x" * 60, " ".join("abcdefghij" * 6), "社", "。", "a-b c", "1 2 3"]  # fmt: skip
    for _ in range(300):
        piece = "".join(rng.choice([*words, " ", "の"]) for _ in range(rng.randint(1, 12)))
        piece = piece.strip(" ")
        if piece:
            _check_fix("前" + piece + "後", 1, 1 + len(piece))


@pytest.mark.parametrize(("name", "text"), _TEXTS, ids=_IDS)
def test_fix_around_sites_on_lines(name: str, text: str) -> None:
    sites = FixSites(text)
    start = 0
    for line in text.splitlines(keepends=True):
        content = line.strip(" \u3000\t\f\v\r\n")
        if content and sites.any_in(start, start + len(line)):
            a = start + line.index(content[0])
            piece = text[a : a + len(content)]
            assert sites.fix(piece, a) == fix_piece(piece, a, sites.first(a, a + len(piece)))
        start += len(line)


Turn = BodyCall


def _turns(text: str) -> list[Turn]:
    return body_calls(text)


def _general(sites: FixSites, text: str) -> FixSites:
    """``sites`` with every offset a mark: every line goes the general way."""
    every = FixSites(text)
    every.marks = (array.array("i", range(len(text) + 1)),)
    assert (every.fullwidth, every.halfwidth, every.spaced) == (
        sites.fullwidth,
        sites.halfwidth,
        sites.spaced,
    )
    return every


def _both_ways(text: str) -> Iterator[tuple[BodyRows, BodyRows]]:
    turns = _turns(text)
    if not turns:
        return
    sites = turns[0][2][1]
    general = _general(sites, text)
    for table, lines, args, kwargs in turns:
        fast = read_body_rows(table, lines, *args, **kwargs)
        slow = read_body_rows(table, lines, args[0], general, *args[2:], **kwargs)
        yield fast, slow


@pytest.mark.parametrize(("name", "text"), _TEXTS, ids=_IDS)
def test_lines_without_marks_read_as_every_line(name: str, text: str) -> None:
    count = 0
    for fast, slow in _both_ways(text):
        assert fast == slow
        count += len(fast.paragraphs)
    assert count or name.startswith("no_")


_BITS = ["今日は", "良い天気です。", "k i n t o n e", "we", "use", "（拍手）", "〔拍手〕", "Ｉ１",
         "ﾃﾞｼﾞ", "\u3000", "  ", "\f", "", "午後３時散会", "―――", "1", "以上", "（１）議題",
         "Society 5.0", "(笑)", "a", "。", "」", "\t"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_BITS), max_size=5), min_size=1, max_size=40), st.data())
def test_random_bodies_read_as_every_line(lines: list[list[str]], data: st.DataObject) -> None:
    out = ["【辻座長】 はい。"]
    for bits in lines:
        if data.draw(st.integers(0, 9)) == 0:
            out.append(f"【{data.draw(st.sampled_from('田中山本'))}委員】 " + "".join(bits))
        else:
            out.append("".join(bits))
    newline = data.draw(st.sampled_from(["\n", "\r\n"]))
    for fast, slow in _both_ways(newline.join(out) + newline):
        assert fast == slow


def _one_at_a_time(content: str, rules: tuple[notes.NoteRule, ...]) -> notes.NoteRule | None:
    for rule in rules:
        if rule.pattern.fullmatch(content):
            return rule
    return None


_RULE_SETS = [
    LINE_RULES,
    _pipeline._UNMARKED_LINE_RULES,
    LINE_RULES[2:4],
    LINE_RULES[::2],
    (LINE_RULES[3], LINE_RULES[1]),  # not in order: one at a time
    (),
]


@pytest.mark.parametrize(("name", "text"), _TEXTS, ids=_IDS)
def test_line_rules_as_one_alternation(name: str, text: str) -> None:
    for line in text.splitlines():
        content = line.strip(" \u3000\t\f\v")
        if content and content[0] in notes.NOTE_FIRST_CHARS:
            for rules in _RULE_SETS:
                assert classify_line(content, rules) is _one_at_a_time(content, rules)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="〔〕（）()午後３時７分散会◎○■１．.以上了―-ー 　《》議事a", max_size=20))
def test_line_rules_as_one_alternation_on_made_up_lines(content: str) -> None:
    for rules in _RULE_SETS:
        assert classify_line(content, rules) is _one_at_a_time(content, rules)


def test_rules_with_groups_are_tried_one_at_a_time() -> None:
    import regex

    grouped = (notes.NoteRule("g", LINE_RULES[0].kind, regex.compile(r"(a)b")), *LINE_RULES)
    assert notes._alternation(grouped) is None
    assert notes._order(grouped) is None
    assert classify_line("ab", grouped) is grouped[0]
    assert classify_line("〔拍手〕", grouped) is LINE_RULES[0]


def test_kept_repairs_stay_few() -> None:
    for k in range(fixes._WINDOWS_KEPT + 10):
        word = " ".join(f"{k:05d}".translate(str.maketrans("0123456789", "abcdefghij")))
        _check_fix(f"前{word}後", 1, 1 + len(word))
    assert len(fixes._WINDOWS) <= fixes._WINDOWS_KEPT


def test_many_marks_in_several_arrays() -> None:
    """Past a few thousand marks, each kind keeps its own array: the same rows."""
    text = "【辻座長】 はい。\n" + "k i n t o n e の（拍手）ＩＣＴを\n使う。\n\n" * 1500
    sites = FixSites(text)
    assert len(sites.marks) > 1
    _check_sites(text)
    count = 0
    for fast, slow in _both_ways(text):
        assert fast == slow
        count += len(fast.fixes) + len(fast.paragraphs)
    assert count > 3000
