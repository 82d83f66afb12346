"""Memory of dense documents: nothing per line is kept or piled up that the model does not need.

Each test parses a few hundred KB of minutes in one dense shape under ``tracemalloc`` and
bounds the peak (or the peak over the model kept) as multiples of the input's UTF-8 bytes.
The bounds are generous (about 1.5x what the parser needs today) but below what a list of
every line, or every header event kept to the end, would cost.
"""

from __future__ import annotations

import gc
import tracemalloc

import gikai_minutes
from gikai_minutes import Meeting

OPENING = (
    "地域デジタル化推進協議会（第７回）議事録\n\n令和６年１１月２１日（木）\n"
    "午前１０時００分開会\n\n【佐々木会長】 それでは、定刻となりましたので、"
    "第７回協議会を開催いたします。\n\n"
)
CLOSING = (
    "\n【佐々木会長】 以上をもちまして、本日の協議会を閉会いたします。\n午前１１時５８分閉会\n"
)

_SURNAMES = ("田中", "鈴木", "高橋", "伊藤", "渡辺", "中村", "小林", "加藤")


def _minutes(body: str, size: int) -> str:
    """The opening, ``body`` repeated to about ``size`` UTF-8 bytes, and the closing."""
    n = max(1, size // len(body.encode()))
    return OPENING + body * n + CLOSING


def _measure(text: str, structure: bool = True) -> tuple[float, float, Meeting]:
    """Peak and kept traced bytes of one parse, as multiples of the UTF-8 input."""
    size = len(text.encode())
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        meeting = gikai_minutes.parse(text, structure=structure)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - base) / size, (kept - base) / size, meeting


def test_blank_lines_of_a_padded_extraction_cost_no_object_per_line() -> None:
    # A PDF extraction that pads every page with hundreds of blank lines.
    page = "\n" * 400 + "－ {} －\n" + "\n" * 400
    turn = "【鈴木委員】 窓口の電子申請について、利用状況を伺います。\n"
    body = "".join(turn + page.format(i) for i in range(1, 9))
    peak, kept, meeting = _measure(_minutes(body, 80_000))
    assert len(meeting.utterances) > 80
    assert peak < 10  # a list of every stripped line alone cost 16x
    assert kept < 3


def test_lines_of_spaced_latin_keep_no_list_of_sites() -> None:
    # Every line holds a product name spaced out by PDF extraction: a repair per line.
    lines = [
        "k i n t o n e で申請を受け付けています",
        "G r a f f e r の窓口で予約できます",
        "L o G o フォームで回答を集めています",
    ]
    body = "【高橋委員】 各課の状況は次のとおりです。\n" + "\n".join(lines) * 3 + "\n"
    peak, kept, meeting = _measure(_minutes(body, 200_000))
    assert any(f.rule == "spaced_latin" for u in meeting.utterances for f in u.fixes)
    # Kept as columns: the fixes are array entries, not objects (7.2x before).
    assert kept < 2
    assert peak < 8  # sites in lists and a list of every piece cost 19x


def test_many_short_turns_let_their_header_events_go() -> None:
    # A 議事概要 of short exchanges: one header per line, nearly nothing else.
    body = "".join(
        f"【{name}委員】 はい。\n【佐々木会長】 ありがとうございます。\n" for name in _SURNAMES
    )
    peak, kept, meeting = _measure(_minutes(body, 200_000), structure=False)
    assert len(meeting.utterances) > 3000
    # Kept as columns: a few array entries a turn (18x as objects). Every header event
    # kept to the end cost 1.4x the kept model more at the peak.
    assert kept < 3
    assert peak < 10


def test_turns_on_one_line_each_agree_on_their_line() -> None:
    body = "".join(f"【{name}委員】 了解しました。\n" for name in _SURNAMES)
    meeting = gikai_minutes.parse(_minutes(body, 20_000), structure=False)
    for u in meeting.utterances[1:-1]:
        assert u.header_span.first_line == u.span.first_line == u.paragraphs[0].span.first_line


def test_runs_of_form_feeds_open_no_page_each() -> None:
    # Blank pages of a scanned volume extracted as runs of form feeds between the pages.
    page = "【中村委員】 資料３の２ページについて伺います。\n－ {} －\n" + "\f" * 3000
    body = "".join(page.format(i) for i in range(1, 9))
    peak, _, meeting = _measure(_minutes(body, 200_000))
    assert len(meeting.utterances) > 50
    assert peak < 8  # a list entry and a break of 8 bytes per form feed cost 16x
