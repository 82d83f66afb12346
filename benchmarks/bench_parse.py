#!/usr/bin/env python3
"""Throughput and memory of ``gikai_minutes.parse`` against two bare baselines.

Texts measured:

* ``seed``: the seed document (``seeds/000_18ecd38114dadbdf.txt``);
* ``seed_x100``: the seed repeated 100 times, joined with ``"\\n"``;
* ``corpus`` (with ``--corpus``): the municipal ``local/*.txt`` files and every Diet meeting
  of ``diet/*.json`` (records joined in ``speech_order``) from ``../shared/corpus``.

For each text the script reports the best wall time of ``parse(text)`` over N runs, the same
for ``unicodedata.normalize("NFKC", text)`` and for reading and decoding the UTF-8 bytes from
a file, as MB/s of UTF-8 input (1 MB = 10**6 bytes); then the peak memory that ``tracemalloc``
sees during one parse and the memory still held while the returned ``Meeting`` is alive.

``--stage NAME`` times ``parse(text, NAME=False)`` against ``parse(text, NAME=True)`` when
``parse`` takes a keyword called NAME, and says so when it does not.

Run from anywhere: ``python benchmarks/bench_parse.py [--corpus] [--json]``.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import platform
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import gikai_minutes

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_18ecd38114dadbdf.txt"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
MB = 1_000_000
LARGE = 1 * MB  # texts at least this many UTF-8 bytes get the smaller default repeat count
SMALL_REPEAT = 5
LARGE_REPEAT = 2

ParseFn = Callable[..., Any]


def best_time(
    fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of ``repeat`` timed calls of ``fn`` (after one untimed warm-up call), by
    ``clock`` (wall time unless told)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = clock()
        fn()
        best = min(best, clock() - start)
    return best


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to CP932."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp932")


def diet_meetings(path: Path) -> list[str]:
    """One text per Diet meeting: its records' ``text`` joined in ``speech_order``."""
    with path.open(encoding="utf-8") as f:
        dump = json.load(f)
    meetings: dict[str, list[tuple[int, str]]] = {}
    for record in dump["data"]:
        issue = str(record["id"]).rsplit("_", 1)[0]
        order = int(record["meeting_info"]["speech_order"])
        meetings.setdefault(issue, []).append((order, str(record["text"])))
    # Records use CRLF inside; join them with the same line end.
    return ["\r\n".join(text for _, text in sorted(recs)) for _, recs in sorted(meetings.items())]


def build_corpus(root: Path) -> tuple[str | None, str]:
    """The concatenated corpus under ``root`` and a note on what it holds (or why not)."""
    if not root.is_dir():
        return None, f"skipped: {root} not found"
    parts: list[str] = []
    notes: list[str] = []
    local = sorted((root / "local").glob("*.txt"))
    for path in local:
        try:
            parts.append(decode(path.read_bytes()))
        except (OSError, UnicodeDecodeError) as exc:
            notes.append(f"{path.name} skipped ({exc})")
    meetings = 0
    for path in sorted((root / "diet").glob("*.json")):
        try:
            texts = diet_meetings(path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            notes.append(f"{path.name} skipped ({exc})")
            continue
        parts.extend(texts)
        meetings += len(texts)
    if not parts:
        return None, "skipped: no corpus files found under " + str(root)
    notes.insert(0, f"{len(local)} local files + {meetings} Diet meetings")
    return "\n".join(parts), "; ".join(notes)


def read_decode_time(data: bytes, repeat: int) -> float:
    """Best time to read ``data`` back from a file and decode it as UTF-8."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        path.write_bytes(data)
        return best_time(lambda: path.read_bytes().decode("utf-8"), repeat)


def memory(parse: ParseFn, text: str) -> dict[str, int]:
    """Peak traced bytes during one parse, and bytes still held while the result lives."""
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        meeting = parse(text)
        current, peak = tracemalloc.get_traced_memory()
        del meeting
    finally:
        tracemalloc.stop()
    return {"peak_bytes": peak - base, "retained_bytes": current - base}


def takes_keyword(fn: ParseFn, name: str) -> bool:
    """Whether ``fn`` has a parameter ``name`` that can be passed by keyword."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    param = params.get(name)
    return param is not None and param.kind in (
        inspect.Parameter.KEYWORD_ONLY,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
    )


def measure(
    name: str, text: str, data: bytes | None, repeat: int, parse: ParseFn, with_memory: bool
) -> dict[str, Any]:
    """All figures for one text; ``data`` is the text's file bytes, if it came from a file."""
    size = len(text.encode("utf-8", "surrogatepass"))
    raw = data if data is not None else text.encode("utf-8", "surrogatepass")
    t_parse = best_time(lambda: parse(text), repeat)
    t_nfkc = best_time(lambda: unicodedata.normalize("NFKC", text), repeat)
    t_read = read_decode_time(raw, repeat)
    meeting = parse(text)
    result: dict[str, Any] = {
        "text": name,
        "chars": len(text),
        "utf8_bytes": size,
        "repeat": repeat,
        "utterances": len(meeting.utterances),
        "unparsed_blocks": len(meeting.unparsed),
        "parse_s": t_parse,
        "nfkc_s": t_nfkc,
        "read_decode_s": t_read,
        "parse_mb_s": size / MB / t_parse,
        "nfkc_mb_s": size / MB / t_nfkc,
        "read_decode_mb_s": size / MB / t_read,
        "parse_over_nfkc": t_parse / t_nfkc,
    }
    del meeting
    if with_memory:
        mem = memory(parse, text)
        result.update(mem)
        result["peak_over_input"] = mem["peak_bytes"] / size
        result["retained_over_input"] = mem["retained_bytes"] / size
    return result


def measure_stage(stage: str, name: str, text: str, repeat: int, parse: ParseFn) -> dict[str, Any]:
    """``parse`` with ``stage=False`` against ``stage=True`` on one text."""
    out: dict[str, Any] = {"stage": stage, "text": name}
    try:
        off = best_time(lambda: parse(text, **{stage: False}), repeat)
        on = best_time(lambda: parse(text, **{stage: True}), repeat)
    except Exception as exc:  # a stage under construction may fail: report, go on
        out["error"] = f"{type(exc).__name__}: {exc}"
        return out
    out.update(off_s=off, on_s=on, cost_s=on - off, cost_ratio=(on - off) / off)
    return out


def default_repeat(size: int, requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    return SMALL_REPEAT if size < LARGE else LARGE_REPEAT


def print_table(results: Sequence[dict[str, Any]]) -> None:
    head = (
        f"{'text':<10} {'MB':>7} {'N':>2} {'utt':>6} {'parse ms':>9} {'parse MB/s':>10} "
        f"{'NFKC MB/s':>9} {'read MB/s':>9} {'parse/NFKC':>10} "
        f"{'peak MB':>8} {'peak/in':>7} {'kept MB':>8} {'kept/in':>7}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        mem = (
            f"{r['peak_bytes'] / MB:8.2f} {r['peak_over_input']:7.2f} "
            f"{r['retained_bytes'] / MB:8.2f} {r['retained_over_input']:7.2f}"
            if "peak_bytes" in r
            else f"{'-':>8} {'-':>7} {'-':>8} {'-':>7}"
        )
        print(
            f"{r['text']:<10} {r['utf8_bytes'] / MB:7.2f} {r['repeat']:2d} {r['utterances']:6d} "
            f"{r['parse_s'] * 1000:9.1f} {r['parse_mb_s']:10.1f} {r['nfkc_mb_s']:9.1f} "
            f"{r['read_decode_mb_s']:9.0f} {r['parse_over_nfkc']:10.2f} {mem}"
        )


def print_stages(stages: Sequence[dict[str, Any]], missing: Sequence[str]) -> None:
    for stage in missing:
        print(f"stage {stage!r}: not available (gikai_minutes.parse takes no {stage!r} keyword)")
    for s in stages:
        if "error" in s:
            print(f"stage {s['stage']!r} on {s['text']}: failed: {s['error']}")
        else:
            print(
                f"stage {s['stage']!r} on {s['text']}: off {s['off_s'] * 1000:.1f} ms, "
                f"on {s['on_s'] * 1000:.1f} ms, cost {s['cost_s'] * 1000:+.1f} ms "
                f"({s['cost_ratio']:+.0%})"
            )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", action="store_true", help="also time the shared corpus")
    ap.add_argument(
        "--corpus-dir", type=Path, default=DEFAULT_CORPUS, help=f"default: {DEFAULT_CORPUS}"
    )
    ap.add_argument(
        "--repeat",
        type=int,
        help=f"timed runs per measurement (default {SMALL_REPEAT}; {LARGE_REPEAT} for texts "
        f"of {LARGE // MB} MB or more)",
    )
    ap.add_argument(
        "--stage",
        action="append",
        default=[],
        metavar="NAME",
        help="time parse(text, NAME=False) against NAME=True, e.g. --stage structure",
    )
    ap.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    ap.add_argument("--json", action="store_true", help="print results as JSON")
    args = ap.parse_args(argv)

    parse: ParseFn = gikai_minutes.parse
    seed_bytes = SEED.read_bytes()
    seed = seed_bytes.decode("utf-8")
    texts: list[tuple[str, str, bytes | None]] = [
        ("seed", seed, seed_bytes),
        ("seed_x100", "\n".join([seed] * 100), None),
    ]
    corpus_note = "not requested (--corpus)"
    if args.corpus:
        corpus, corpus_note = build_corpus(args.corpus_dir)
        if corpus is not None:
            texts.append(("corpus", corpus, None))

    results: list[dict[str, Any]] = []
    stages: list[dict[str, Any]] = []
    missing = [s for s in args.stage if not takes_keyword(parse, s)]
    for name, text, data in texts:
        repeat = default_repeat(len(text.encode("utf-8", "surrogatepass")), args.repeat)
        results.append(measure(name, text, data, repeat, parse, not args.no_memory))
        for stage in args.stage:
            if stage not in missing:
                stages.append(measure_stage(stage, name, text, repeat, parse))

    env = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "gikai_minutes": gikai_minutes.__version__,
    }
    if args.json:
        report = {
            "environment": env,
            "corpus": corpus_note,
            "results": results,
            "stages": stages,
            "stages_missing": missing,
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(
        f"gikai_minutes {env['gikai_minutes']}, {env['implementation']} {env['python']} "
        f"({env['machine']}); best of N runs; MB = 10**6 UTF-8 bytes"
    )
    print(f"corpus: {corpus_note}")
    print_table(results)
    print_stages(stages, missing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
