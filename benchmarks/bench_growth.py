#!/usr/bin/env python3
"""Growth of parse time with input size, per input family: time ratio per doubling.

Each family builds a text of a given UTF-8 size from one hostile or dense shape (a line of
spaces before the first header, one speaker's turns in a row, page-number lines, …) or from
real minutes repeated (the seed; Diet meetings from ``../shared/corpus`` when present). The
text is parsed at doubling sizes (64 KB … 4 MB by default) and the script prints the best
time at each size, its ratio to an NFKC pass over the same text, and the ratio of each time
to the one before: linear work doubles (ratio ≈ 2), quadratic work quadruples (≈ 4). A
family whose parse takes longer than ``--budget`` seconds is not run at larger sizes.

Times are CPU times of the process (``time.process_time``), the best of several runs,
so that other work on the machine disturbs the ratios less. ``--memory`` adds the
``tracemalloc`` peak during one parse and the memory held while the returned ``Meeting``
lives, as multiples of the input's UTF-8 bytes, at the largest size.

Run from anywhere: ``python benchmarks/bench_growth.py [--family NAME] [--max-kb N]``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import json
import sys
import time
import tracemalloc
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import gikai_minutes
from gikai_minutes.export import format_outline

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_18ecd38114dadbdf.txt"
DIET = REPO.parent / "shared" / "corpus" / "diet"
KB = 1024

#: A realistic opening: title, date, the chair's first turn.
OPENING = (
    "地域公共交通の在り方に関する検討会（第４回）\n\n令和６年５月１７日\n\n"
    "【山本座長】 それでは、定刻となりましたので、第４回検討会を開催いたします。\n\n"
)
CHAIR = "【山本座長】 "
TAIL = "\n【山本座長】 以上で本日の議事は終了です。\n"


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """``head`` + ``unit`` repeated to about ``size`` UTF-8 bytes + ``tail``."""
    n = max(1, (size - len((head + tail).encode())) // max(1, len(unit.encode())))
    return head + unit * n + tail


def _numbered(make: Callable[[int], str], size: int, head: str = "", tail: str = "") -> str:
    """``head`` + ``make(1) + make(2) + …`` up to about ``size`` UTF-8 bytes + ``tail``."""
    parts = [head]
    total = len(head.encode()) + len(tail.encode())
    i = 0
    while total < size:
        i += 1
        part = make(i)
        parts.append(part)
        total += len(part.encode())
    parts.append(tail)
    return "".join(parts)


_KANA = "あかさたなはまやらわいきしちにひみりえけせてねへめれおこそとのほもよろ"


def _kana_name(i: int) -> str:
    """A distinct kana name for each ``i`` (``かさた``-like), no digits."""
    out = ""
    i += len(_KANA)
    while i:
        i, r = divmod(i, len(_KANA))
        out += _KANA[r]
    return out


def _surname(i: int) -> str:
    return (
        "山川田中村木林森原松"[i % 10]
        + "本口井野上下内沢崎島"[(i // 10) % 10]
        + _kana_name(i // 100)
    )


def _roster(size: int) -> str:
    """A roster of people in the front matter, each of whom then speaks once."""
    n = max(1, size // 120)
    roster = "".join(f"委員　　{_surname(i)}　太郎\n" for i in range(n))
    turns = "".join(f"【{_surname(i)}委員】 賛成いたします。\n" for i in range(n))
    head = "地域公共交通の在り方に関する検討会（第４回）\n令和６年５月１７日\n出席委員\n"
    return f"{head}{roster}\n{turns}"


def _exchanges(size: int) -> str:
    """Many questions by many members, each answered by a different official."""

    def turn(i: int) -> str:
        return (
            f"【{_surname(i)}委員】 {i}点目の事業について、利用者数の見込みを伺います。\n"
            f"【{_surname(i + 7)}課長】 お答えいたします。前年度比で一割増を見込んでおります。\n"
        )

    return _numbered(turn, size, OPENING)


def _page_lines(size: int) -> str:
    def line(i: int) -> str:
        return f"{i % 10000}\n議事の進め方について御説明いたします。\n"

    return _numbered(line, size, OPENING, TAIL)


def _diet(size: int) -> str:
    """Diet meetings from the shared corpus, joined and repeated to ``size``."""
    texts: list[str] = []
    for path in sorted(DIET.glob("*.json")):
        records = json.loads(path.read_text(encoding="utf-8"))["data"]
        by_issue: dict[str, list[tuple[int, str]]] = {}
        for r in records:
            issue = str(r["id"]).rsplit("_", 1)[0]
            by_issue.setdefault(issue, []).append(
                (int(r["meeting_info"]["speech_order"]), r["text"])
            )
        for recs in by_issue.values():
            texts.append("\r\n".join(t for _, t in sorted(recs)))
        break
    return _cut("\n".join(texts), size)


def _seed(size: int) -> str:
    return _cut(SEED.read_text(encoding="utf-8"), size)


def _cut(text: str, size: int) -> str:
    """``text`` repeated, cut at the line end nearest ``size`` UTF-8 bytes."""
    whole = "\n".join([text] * (size // len(text.encode()) + 1))
    chars = len(whole) * size // len(whole.encode())
    end = whole.find("\n", chars)
    return whole if end < 0 else whole[: end + 1]


Op = Callable[[str], object]


def _parse(text: str) -> object:
    return gikai_minutes.parse(text)


def _outline(text: str) -> object:
    return format_outline(gikai_minutes.parse(text))


#: name -> (text of about N bytes, operation timed). Quadratic shapes from issue 12 first.
FAMILIES: dict[str, tuple[Callable[[int], str], Op]] = {
    # Text before the first header (front matter).
    "front_spaces": (lambda n: _fill(" ", n, "議事", "録\n" + CHAIR + "はい。\n"), _parse),
    "front_ideo_spaces": (
        lambda n: _fill("\u3000", n, "議事", "録\n" + CHAIR + "はい。\n"),
        _parse,
    ),
    "front_digits": (lambda n: _fill("1", n, "", "\n" + CHAIR + "はい。\n"), _parse),
    "front_kanji_one": (lambda n: _fill("一", n, "", "\n" + CHAIR + "はい。\n"), _parse),
    "front_agenda_cont": (
        lambda n: _fill(
            "地域公共交通計画の見直しについて\n",
            n,
            "検討会\n令和６年５月１７日\n議事次第\n１．（報告事項\n",
            "）\n" + CHAIR + "はい。\n",
        ),
        _parse,
    ),
    "roster_linking": (_roster, _parse),
    "roster_long_name": (
        lambda n: _fill(
            "あ", n, "検討会\n令和６年５月１７日\n出席委員\n委員　　", "\n\n" + CHAIR + "はい。\n"
        ),
        _parse,
    ),
    # Inside turns: note and structure patterns.
    "time_line_spaces": (lambda n: _fill(" ", n, OPENING + "午後", "に\n" + TAIL), _parse),
    "secretariat": (lambda n: _fill("事務局", n, OPENING + CHAIR, TAIL), _parse),
    "open_brackets": (lambda n: _fill("〔", n, OPENING + CHAIR, TAIL), _parse),
    "open_square": (lambda n: _fill("［", n, OPENING + CHAIR, TAIL), _parse),
    "paren_monos": (lambda n: _fill("者あり", n, OPENING + CHAIR + "（", TAIL), _parse),
    "agenda_number": (lambda n: _fill("について", n, OPENING + CHAIR + "日程第1", TAIL), _parse),
    "same_speaker_colon": (
        lambda n: _fill("委員：意見を申し上げます。\n", n, "検討会議事概要\n令和６年５月１７日\n"),
        _parse,
    ),
    "same_speaker_mark": (
        lambda n: _fill("○山田委員　意見を申し上げます。\n", n, "検討会\n令和６年５月１７日\n"),
        _parse,
    ),
    "same_speaker_bracket": (
        lambda n: _fill("【山田委員】意見を申し上げます。\n", n, OPENING),
        _parse,
    ),
    "unknown_speakers": (
        lambda n: _numbered(lambda i: f"【{_kana_name(i)}】\n", n, OPENING),
        _parse,
    ),
    "page_numbers": (_page_lines, _parse),
    "outline_hai": (lambda n: _fill("、", n, OPENING + CHAIR + "はい", TAIL), _outline),
    "outline_exchanges": (_exchanges, _outline),
    # Dense documents (memory).
    "header_lines": (lambda n: _fill("【山田委員】はい。\n", n, OPENING), _parse),
    "stage_lines": (lambda n: _fill("〔拍手〕\n", n, OPENING), _parse),
    "form_feeds": (lambda n: _fill("\f", n, OPENING), _parse),
    "kintone_lines": (lambda n: _fill("k i n t o n e\n", n, OPENING), _parse),
    "blank_lines": (lambda n: _fill("\n", n, OPENING), _parse),
    # Real minutes repeated.
    "seed": (_seed, _parse),
    "diet": (_diet, _parse),
}


def best_time(fn: Callable[[], object], repeat: int) -> float:
    """The least CPU time (``time.process_time``: other processes on the machine do not
    count) of at least ``repeat`` calls, more while they take under a second in all."""
    best = float("inf")
    spent = 0.0
    runs = 0
    while runs < repeat or (spent < 1.0 and runs < 30):
        gc.collect()
        start = time.process_time()
        fn()
        took = time.process_time() - start
        best, spent, runs = min(best, took), spent + took, runs + 1
    return best


def memory(op: Op, text: str) -> tuple[float, float]:
    """Peak and kept traced bytes of one parse, as multiples of the UTF-8 input."""
    size = len(text.encode("utf-8", "surrogatepass"))
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        meeting = gikai_minutes.parse(text)
        current, peak = tracemalloc.get_traced_memory()
        del meeting
    finally:
        tracemalloc.stop()
    return (peak - base) / size, (current - base) / size


def run_family(
    name: str, sizes: Sequence[int], budget: float, repeat: int, with_memory: bool
) -> dict[str, Any]:
    build, op = FAMILIES[name]
    rows: list[dict[str, Any]] = []
    for size in sizes:
        text = build(size)
        n_bytes = len(text.encode("utf-8", "surrogatepass"))
        t = best_time(functools.partial(op, text), 1 if n_bytes > 1024 * KB else repeat)
        t_nfkc = best_time(functools.partial(unicodedata.normalize, "NFKC", text), repeat)
        rows.append({"bytes": n_bytes, "s": t, "over_nfkc": t / t_nfkc})
        if t > budget:
            break
    out: dict[str, Any] = {"family": name, "rows": rows}
    ratios = [b["s"] / a["s"] * a["bytes"] / b["bytes"] * 2 for a, b in itertools.pairwise(rows)]
    out["ratios"] = ratios
    out["worst"] = max(ratios) if ratios else None
    out["complete"] = len(rows) == len(sizes)
    if with_memory:
        out["peak_over_input"], out["kept_over_input"] = memory(op, build(sizes[-1]))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--family", action="append", help="only these families (repeatable)")
    ap.add_argument("--min-kb", type=int, default=64)
    ap.add_argument("--max-kb", type=int, default=4096)
    ap.add_argument("--budget", type=float, default=20.0, help="seconds; stop a family after")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--memory", action="store_true", help="peak and kept memory at the top size")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    names = args.family or list(FAMILIES)
    if not DIET.is_dir() and "diet" in names and not args.family:
        names.remove("diet")
    sizes = []
    size = args.min_kb * KB
    while size <= args.max_kb * KB:
        sizes.append(size)
        size *= 2
    results = []
    for name in names:
        r = run_family(name, sizes, args.budget, args.repeat, args.memory)
        results.append(r)
        if not args.json:
            print_row(r)
            sys.stdout.flush()
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        bad = [r["family"] for r in results if not r["complete"] or (r["worst"] or 0) > 2.4]
        print("families over 2.4 per doubling or stopped: " + (", ".join(bad) or "none"))
    return 0


def print_row(r: dict[str, Any]) -> None:
    rows = r["rows"]
    ratios = " ".join(f"{x:4.1f}" for x in r["ratios"])
    top = rows[-1]
    mem = (
        f"  peak {r['peak_over_input']:5.1f}x kept {r['kept_over_input']:5.1f}x"
        if "peak_over_input" in r
        else ""
    )
    stopped = "" if r["complete"] else "  (stopped: over budget)"
    print(
        f"{r['family']:<20} worst {r['worst'] or 0:4.1f} | {ratios:<34} | "
        f"{top['bytes'] / KB:6.0f} KB {top['s']:7.2f} s {top['over_nfkc']:7.0f}x NFKC{mem}{stopped}"
    )


if __name__ == "__main__":
    sys.exit(main())
