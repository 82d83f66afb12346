"""The second round of short cuts in the header scan and the page finder give what the
general work gives.

* a short text whose candidate lines are all for one form is read in one loop
  (``_one_form``) instead of by group, form and decision;
* the unmarked rules test what their pattern needs (a colon, a closing parenthesis, two
  spaces in a row, a label's last character) before trying it;
* whether a mark follows a header is searched mark by mark in a long rest of line;
* the page finder lets a short text without a digit go at once, and reads only the edge
  lines that hold a digit for page and margin numbers.

Compared on the conventions corpus, the seed, ``../shared`` when present, and on texts
made from them (other line ends, short windows), plus hypothesis properties.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _helpers import layout_facts, line_end_variants, sample_documents
from gikai_minutes._read import headers, pages
from gikai_minutes._read import scan as scan_module
from gikai_minutes._read.headers import (
    ColonHeaderRule,
    RoleLabelRule,
    SpacedHeaderRule,
)
from gikai_minutes._read.scan import scan
from gikai_minutes.model._positions import LineTable


def _documents() -> tuple[str, ...]:
    return sample_documents(5, 40)


def _line_ends(text: str) -> Iterator[str]:
    return line_end_variants(text, mixed=False)


def _short_texts() -> Iterator[str]:
    """Whole short documents and windows of a few lines of the long ones."""
    for doc in _documents():
        if len(doc) <= scan_module._PADDED:
            yield from _line_ends(doc)
        lines = doc.splitlines()
        for size in (3, 9):
            for k in range(0, max(len(lines) - size, 1), size * 5):
                yield from _line_ends("\n".join(lines[k : k + size]))


def _lines() -> Iterator[str]:
    for doc in _documents():
        yield from doc.splitlines()


# --- scan: one form's lines read in one loop -------------------------------------------


def test_one_form_loop_gives_the_general_result(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = list(_short_texts())
    fast = [scan(LineTable(t)) for t in texts]
    taken = 0
    one_form = scan_module._one_form

    def counted(*args: object) -> object:
        nonlocal taken
        result = one_form(*args)  # type: ignore[arg-type]
        taken += result is not None
        return result

    monkeypatch.setattr(scan_module, "_one_form", counted)
    again = [scan(LineTable(t)) for t in texts]
    assert again == fast
    assert taken > 100  # the loop answers for many texts
    monkeypatch.setattr(scan_module, "_one_form", lambda *args: None)
    general = [scan(LineTable(t)) for t in texts]
    assert general == fast


def test_one_form_loop_on_made_up_short_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "○委員長（森山浩行君）　これより会議を開きます。\r\n　続けます。\r\n",
        "○議長（山田太郎君）　開きます。○田中委員　はい。",  # a flattened turn
        "○議長（山田太郎君）\n　開きます。\n",  # a header alone on its line
        "○議事日程\n　第一\n",  # a rejection
        "【辻座長】 始めます。\n【委員】\n",
        "【資料１】\n本文です。\n",
        "本文だけです。\n",
        "",
    ]
    fast = [scan(LineTable(t)) for t in texts]
    monkeypatch.setattr(scan_module, "_one_form", lambda *args: None)
    assert [scan(LineTable(t)) for t in texts] == fast


# --- headers: what an unmarked pattern needs, tested first --------------------------------

_PLAIN_CHARS = "山田委員長君課会（）()：: 　\t\r。、ＡＺ1２"


def _without_prechecks(rule: RoleLabelRule) -> RoleLabelRule:
    return RoleLabelRule(rule.name, rule.pattern, rule.whole_line)


def _check_plain_rules(line: str) -> None:
    for rule in (headers.CloseParenHeaderRule(), headers.LabelLineHeaderRule()):
        assert rule.match(line) == _without_prechecks(rule).match(line), (rule.name, line)
    # the colon and spaced rules' patterns need what their prechecks test
    if headers._COLON.match(line) is not None:
        assert headers._holds_any(line, headers._COLONS), line
    if headers._SPACED.match(line) is not None:
        assert headers._holds_any(line, headers._TWO_SPACES), line


@settings(max_examples=500, deadline=None)
@given(st.text(_PLAIN_CHARS, max_size=30))
def test_plain_prechecks_hold_for_any_line(line: str) -> None:
    _check_plain_rules(line)


def test_plain_prechecks_on_real_lines() -> None:
    colon, spaced = ColonHeaderRule(), SpacedHeaderRule()
    checked = 0
    for line in _lines():
        _check_plain_rules(line)
        for cut in (line[:20], line[:20] + "　　", line[:12] + "：" + line[12:30]):
            _check_plain_rules(cut)
            # (and the rules answer as their patterns let them)
            if not headers._holds_any(cut, headers._COLONS):
                assert colon.match(cut) is None
            if not headers._holds_any(cut, headers._TWO_SPACES):
                assert spaced.match(cut) is None
        checked += 1
    assert checked > 1000


# --- pages: no digit, no page or margin number -------------------------------------------

_KANJI_PAGE_CHARS = "一二三四五六七八九十-－ー)）（( 　\t\f\v\r\n本文。頁"
_PAGE_CHARS = "0123456789０１２" + _KANJI_PAGE_CHARS


def _layout_of(layout: pages.PageLayout) -> tuple[object, ...]:
    return layout_facts(layout)


def _layouts(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """The layouts of ``texts`` as found, and as found when every line may hold a digit
    (each edge line read, no short text let go for want of a digit)."""
    found = [_layout_of(pages.find_pages(LineTable(t))) for t in texts]
    with monkeypatch.context() as m:
        m.setattr(pages, "_DIGIT", re.compile(""))
        general = [_layout_of(pages.find_pages(LineTable(t))) for t in texts]
    assert found == general
    return found


def _digitless(text: str) -> str:
    return re.sub("[0-9０-９]", "〇", text)


def test_edge_lines_without_digits_change_no_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = []
    for doc in _documents()[:60]:
        texts += [doc, _digitless(doc), doc[:200], _digitless(doc)[:3000]]
    texts += list(_short_texts())[:400]
    for doc in _documents()[:10]:  # with page and margin numbers
        lines = doc.splitlines()[:120]
        paged = [f"- {k // 30 + 1} -" if k % 30 == 29 else line for k, line in enumerate(lines)]
        texts += ["\n".join(paged), "\n".join(f"{k} {line}" for k, line in enumerate(lines))]
    layouts = _layouts(texts, monkeypatch)
    assert any(layout[0] or layout[5] for layout in layouts)  # (some pages were found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_PAGE_CHARS, max_size=12), max_size=40))
def test_edge_lines_without_digits_change_no_layout_of_any_text(lines: list[str]) -> None:
    with pytest.MonkeyPatch.context() as m:
        _layouts(["\n".join(lines)], m)


@settings(max_examples=200, deadline=None)
@given(st.text(_KANJI_PAGE_CHARS, max_size=400))
def test_a_digitless_text_has_no_page_or_margin_numbers(text: str) -> None:
    layout = pages.find_pages(LineTable(text))
    assert not layout.number_lines
    assert not layout.margins


@settings(max_examples=300, deadline=None)
@given(st.text("本文。○〇◯◎◆◇ 　", max_size=120), st.integers(0, 130))
def test_a_mark_after_the_header_is_what_the_pattern_finds(content: str, start: int) -> None:
    found = scan_module._MARK_CHAR.search(content, start) is not None
    assert scan_module._mark_after(content, start) == found
