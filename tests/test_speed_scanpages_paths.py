"""The short cuts of the page finder and the header scan give what the full work gives.

The page finder skips texts with no line that can be a page or margin number and too few
lines for a running header; the scan builds its result directly when nothing was
rejected, and looks for flattened turns only on lines with a mark after the header.
"""

from __future__ import annotations

import re

from gikai_minutes._read.dialects import DIALECTS
from gikai_minutes._read.pages import _PERIODIC_LINES, find_pages
from gikai_minutes._read.scan import scan
from gikai_minutes._text.lexicon import INDENT, INDENT_CHARS
from gikai_minutes.model._positions import LineTable

SPEECH = "本日の会議を開きます。"


def test_a_text_without_page_evidence_has_no_pages() -> None:
    layout = find_pages(LineTable(f"○議長（山田太郎君）　{SPEECH}\r\n　{SPEECH}\r\n"))
    assert not layout.breaks
    assert not layout.number_lines
    assert not layout.header_lines
    assert not layout.margins
    assert layout.pages_of(0, 10) == ()


def test_a_decorated_page_number_in_a_short_text_is_found() -> None:
    text = f"○議長（山田太郎君）　{SPEECH}\n\n－ ３ －\n\n　{SPEECH}\n"
    layout = find_pages(LineTable(text))
    assert layout.number_lines == {2}
    assert layout.pages_of(text.rindex(SPEECH), len(text)) == (3,)


def test_bare_numbers_in_a_run_are_page_numbers_and_lone_ones_are_not() -> None:
    lines = [f"○議長（山田太郎君）　{SPEECH}"]
    for page in (2, 3, 4):
        lines += [f"　{SPEECH}", f"  {page}  "]
    lines.append("32")  # a vote count, no run
    assert find_pages(LineTable("\n".join(lines))).number_lines == {2, 4, 6}


def test_a_running_header_needs_enough_lines_and_is_found_in_a_longer_text() -> None:
    step = 8
    lines = []
    for _ in range(5):
        lines += ["第3回 総務委員会 会議録"] + [f"　{SPEECH}"] * (step - 1)
    assert len(lines) >= _PERIODIC_LINES
    layout = find_pages(LineTable("\n".join(lines)))
    assert layout.header_lines == {i * step for i in range(5)}


def test_a_lone_carriage_return_breaks_lines_for_the_page_finder() -> None:
    text = "\r".join([f"　{SPEECH}", "- 1 -", f"　{SPEECH}", "- 2 -", f"　{SPEECH}"])
    assert find_pages(LineTable(text)).number_lines == {1, 3}


def test_quiet_scan_keeps_its_matches_and_evidence() -> None:
    text = f"○議長（山田太郎君）　{SPEECH}\n○田中委員　質問します。\n"
    result = scan(LineTable(text))
    assert [e.header.label for e in result.events if e.header] == ["議長（山田太郎君）", "田中委員"]
    assert not result.diagnostics
    chosen = [f for f in result.evidence if f.chosen]
    assert [(f.name, f.headers) for f in chosen] == [("mark", 2)]
    assert len(result.evidence) == len({f.name for f in result.evidence})


def test_flattened_turns_are_found_on_lines_with_a_later_mark_only() -> None:
    text = f"○議長（山田太郎君）　{SPEECH}○田中委員　質問します。\n○坂口審議官　お答えします。\n"
    result = scan(LineTable(text))
    labels = [e.header.label for e in result.events if e.header]
    assert labels == ["議長（山田太郎君）", "田中委員", "坂口審議官"]
    assert result.events[1].start == text.index("○田中")


def test_a_text_without_headers_chooses_the_first_form() -> None:
    result = scan(LineTable(f"　{SPEECH}\n"))
    assert not result.events
    assert [f.name for f in result.evidence if f.chosen] == ["bracket"]


def test_indented_candidates_go_on_with_no_indentation_character() -> None:
    # the scan reads a line's indentation once and never gives it back
    for dialect in DIALECTS.values():
        for rule in dialect.header_rules:
            if rule.candidate.startswith(INDENT):
                rest = re.compile(rule.candidate.removeprefix(INDENT))
                for char in INDENT_CHARS:
                    assert rest.match(char + "【○（(委員") is None, (rule.name, char)
