"""The short cuts of the header scan and the page finder give what the general work gives.

* the scan builds its result directly when one form alone found headers (in ``scan``)
  instead of scoring and choosing (``_decide``);
* it reads candidate lines from the text, not from line records (LF, CRLF, lone CR);
* the mark and bracket rules keep their answer by header as printed;
* the page finder skips its digest for a short text with no line that can be a page or
  margin number, and tries a margin pattern only on the side of a line that holds a digit.

Compared on the conventions corpus, the seed, ``../shared`` when present, and on texts
made from them (other line ends, short windows), plus hypothesis properties.
"""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _helpers import layout_facts, line_end_variants, line_windows, sample_documents
from gikai_minutes._read import pages
from gikai_minutes._read import scan as scan_module
from gikai_minutes._read.dialects import DIALECTS, Dialect
from gikai_minutes._read.headers import BracketHeaderRule, ColonHeaderRule, MarkHeaderRule
from gikai_minutes._read.scan import _decide, _find, _forms, scan
from gikai_minutes._text.lexicon import INDENT_CHARS, MARKS
from gikai_minutes.model._positions import LineTable


def _documents() -> tuple[str, ...]:
    return sample_documents(7, 60)


def _line_ends(text: str) -> Iterator[str]:
    return line_end_variants(text, mixed=True)


def _texts() -> Iterator[str]:
    for doc in _documents():
        yield from _line_ends(doc)


def test_one_form_result_is_the_decided_result() -> None:
    for text in _texts():
        table = LineTable(text)
        for dialect in (None, *DIALECTS):
            forms = _forms(dialect, table.lone_cr)
            found = _find(table, forms, table.lone_cr)
            assert scan(table, dialect) == _decide(table, forms, found)


def test_line_ends_do_not_change_what_the_scan_finds() -> None:
    for doc in _documents():
        seen = None
        for text in _line_ends(doc):
            result = scan(LineTable(text))
            found = (
                result.dialect.name,
                [(e.line_index, e.header, e.reason) for e in result.events],
                [(d.code, d.message, d.line, d.column) for d in result.diagnostics],
                result.evidence,
            )
            assert seen is None or found == seen
            seen = found


def test_events_start_where_their_line_starts() -> None:
    for text in _texts():
        table = LineTable(text)
        for event in scan(table).events:
            line = table.line(event.line_index)
            assert line.start <= event.start < max(line.end, line.start + 1)


def _header_lines() -> Iterator[str]:
    for doc in _documents():
        for line in doc.splitlines():
            if line.lstrip(INDENT_CHARS)[:1] in f"【{MARKS}":
                yield line


def test_kept_answers_are_the_answers_of_a_new_rule() -> None:
    kept_mark, kept_bracket = MarkHeaderRule(), BracketHeaderRule()
    for line in _header_lines():
        for _ in range(2):  # the second time from what was kept
            assert kept_mark.match(line) == MarkHeaderRule().match(line), line
            assert kept_bracket.match(line) == BracketHeaderRule().match(line), line


_LABEL_CHARS = "山田太郎委員長議君（）()番２3 　：:〔登壇〕午前後日程場所"
_REST_CHARS = "　 \t\ufeffそれでは。○"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "　", " "]),
            st.sampled_from([*MARKS, "【"]),
            st.text(_LABEL_CHARS, max_size=12),
            st.sampled_from(["", "】", "】 ", "　", "：", " "]),
            st.text(_REST_CHARS, max_size=6),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_kept_answers_hold_for_any_rest_of_line(
    parts: list[tuple[str, str, str, str, str]],
) -> None:
    kept_mark, kept_bracket = MarkHeaderRule(), BracketHeaderRule()
    for indent, mark, label, sep, rest in parts:
        line = indent + mark + label + sep + rest
        for _ in range(2):
            assert kept_mark.match(line) == MarkHeaderRule().match(line), line
            assert kept_bracket.match(line) == BracketHeaderRule().match(line), line


def _layout_of(layout: pages.PageLayout) -> tuple[object, ...]:
    return layout_facts(layout)


def _short_texts() -> Iterator[str]:
    for doc in _documents():
        for window in line_windows(doc):
            yield from _line_ends(window)
    yield from _line_ends("本日の会議を開きます。\n\n- 3 -\n\n　続けます。\n")
    yield from _line_ends("第3回\n　本文です。\n（１）\n　本文です。\n12\n")


def test_short_texts_without_page_evidence_lay_out_as_the_digest_says() -> None:
    checked = 0
    for text in _short_texts():
        table = LineTable(text)
        counting = len(table.starts) >= pages._PERIODIC_LINES
        assert _layout_of(pages.find_pages(table)) == _layout_of(pages._layout(table, counting))
        checked += 1
    assert checked > 100


_PAGE_CHARS = "0123456789０１２-－ー)）（( 　\t\f\v\r\n本文。page"


@settings(max_examples=500, deadline=None)
@given(st.text(_PAGE_CHARS, max_size=60))
def test_an_edge_line_is_found_without_the_digest(text: str) -> None:
    table = LineTable(text)
    digest = pages._Digest(text, table.lone_cr, False)
    assert bool(digest.edges) == pages._any_edge(pages._strip(text, table.lone_cr))
    counting = len(table.starts) >= pages._PERIODIC_LINES
    assert _layout_of(pages.find_pages(table)) == _layout_of(pages._layout(table, counting))


_MARGIN_LINE_CHARS = "0123456789 　\t\f番.本文"


def _margin_sides_hold(content: str) -> None:
    stripped = content.strip(pages._STRIP_CR)
    first = stripped[:1] in pages._DIGITS_SET
    last = stripped[-1:] in pages._DIGITS_SET
    if pages._MARGIN_ALONE.fullmatch(content):
        assert first, content
        assert last, content
    if pages._MARGIN_LEFT.match(content):
        assert first, content
    right = pages._MARGIN_RIGHT.search(content)
    if right is not None and right.end() == len(content):
        assert last, content


@settings(max_examples=500, deadline=None)
@given(st.text(_MARGIN_LINE_CHARS, max_size=20))
def test_margin_numbers_sit_on_the_side_that_holds_a_digit(content: str) -> None:
    _margin_sides_hold(content)


def test_margin_sides_on_real_lines() -> None:
    for doc in _documents():
        for line in doc.splitlines():
            _margin_sides_hold(line)
        for k, line in enumerate(doc.splitlines()[:200], 1):
            _margin_sides_hold(f"{k} {line}")
            _margin_sides_hold(f"{line}　{k}")


@pytest.mark.parametrize("step", [1, 5])
def test_margin_numbers_are_found_on_every_line_end(step: int) -> None:
    body = [f"○議長（山田太郎君）　{c * 5}します。" for c in string.ascii_letters[:30]]
    for text in _line_ends(
        "\n".join(f"{k * step} {line}" if k % 2 else line for k, line in enumerate(body, 1))
    ):
        table = LineTable(text)
        margins = pages.find_margin_numbers(table)
        assert len(margins) == 15
        assert margins == pages.find_margin_numbers(table, pages._Digest(text, table.lone_cr))
        for index, (a, b) in margins.items():
            assert text[a:b].strip() == str((index + 1) * step)


def _lines_by_reading(text: str, lone_cr: bool, contents: set[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {c: [] for c in contents}
    for index, content in enumerate(pages._strip(text, lone_cr)):
        if content in found:
            found[content].append(index)
    return found


def _recurring_texts() -> Iterator[str]:
    header = "第3回　総務委員会"
    body = [f"　{header}について本日は審議します。", "本文です。", f"{header}の件"]
    lines = []
    for k in range(40):
        lines += [(" " * (k % 3)) + header + ("　" * (k % 2))] + body * (k % 4 + 1)
    yield from _line_ends("\n".join(lines))
    for doc in _documents()[:20]:
        yield from _line_ends(doc)


def test_searched_lines_are_the_lines_read() -> None:
    searched = 0
    for text in _recurring_texts():
        table = LineTable(text)
        digest = pages._Digest(text, table.lone_cr)
        recurring = sorted(c for c, n in digest.counts.items() if n >= 2 and c)
        for contents in [{c} for c in recurring[:12]] + [set(recurring[:3])]:
            located = pages._search_lines(table, contents)
            if located is not None:
                assert located == _lines_by_reading(text, table.lone_cr, contents)
                searched += 1
    assert searched > 50


def test_a_form_with_rules_of_several_candidates_finds_in_text_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    both = Dialect("both", "brackets and colons", (BracketHeaderRule(), ColonHeaderRule()))
    monkeypatch.setitem(DIALECTS, "both", both)
    monkeypatch.setattr(scan_module, "_FORMS", {})  # (what is composed from DIALECTS)
    lines = []
    names = ["山田", "川口", "田中", "佐藤", "鈴木", "高橋", "伊藤"]
    for k in range(600):  # more lines than a batch
        name = names[k % 7]
        lines.append(f"【{name}委員】　質問します。" if k % 3 else f"{name}座長：お答えします。")
    text = "\n".join(lines)
    table = LineTable(text)
    forms = _forms("both", table.lone_cr)
    assert forms.mixed == {"both"}
    f = _find(table, forms, table.lone_cr)["both"]
    starts = [e.start for e in f.matches]
    assert starts == sorted(starts)
    assert len(starts) == 600
    first_seen = list(dict.fromkeys(e.header.label for e in f.matches if e.header))
    assert list(f.labels) == first_seen
    assert [e.line_index for e in scan(table, "both").events] == list(range(600))


def test_a_short_text_read_after_a_newline_finds_what_a_long_one_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [t for t in _texts() if len(t) <= scan_module._PADDED]
    assert len(texts) > 100
    padded = [scan(LineTable(t)) for t in texts]
    monkeypatch.setattr(scan_module, "_PADDED", -1)
    assert [scan(LineTable(t)) for t in texts] == padded
