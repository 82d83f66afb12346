#!/usr/bin/env python3
"""JSON export and import times of a parsed meeting, next to parsing and a bare NFKC pass.

For the seed (``seeds/000_18ecd38114dadbdf.txt``) and the seed repeated 20 times, the script
reports the best wall time over N runs of ``parse(text)``, ``meeting.to_dict()``,
``meeting.to_json()``, ``Meeting.from_dict(d)``, ``Meeting.from_json(j)`` and
``unicodedata.normalize("NFKC", text)``, each also as a ratio to the NFKC time of the same
text in the same run.

Run from anywhere: ``python benchmarks/bench_json.py [--repeat N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gikai_minutes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_parse import best_time  # the same timing rule in both scripts

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_18ecd38114dadbdf.txt"


def measure(name: str, text: str, repeat: int) -> dict[str, Any]:
    """Times of parsing, NFKC and the four JSON conversions on one text."""
    meeting = gikai_minutes.parse(text)
    data = meeting.to_dict()
    doc = meeting.to_json()
    assert gikai_minutes.Meeting.from_json(doc) == meeting
    times = {
        "nfkc": best_time(lambda: unicodedata.normalize("NFKC", text), repeat),
        "parse": best_time(lambda: gikai_minutes.parse(text), repeat),
        "to_dict": best_time(meeting.to_dict, repeat),
        "to_json": best_time(meeting.to_json, repeat),
        "from_dict": best_time(lambda: gikai_minutes.Meeting.from_dict(data), repeat),
        "from_json": best_time(lambda: gikai_minutes.Meeting.from_json(doc), repeat),
    }
    return {
        "text": name,
        "chars": len(text),
        "json_chars": len(doc),
        "repeat": repeat,
        "seconds": times,
        "over_nfkc": {k: v / times["nfkc"] for k, v in times.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per measurement")
    ap.add_argument("--json", action="store_true", help="print results as JSON")
    args = ap.parse_args(argv)
    seed = SEED.read_text(encoding="utf-8")
    results = [
        measure("seed", seed, max(1, args.repeat)),
        measure("seed_x20", "\n".join([seed] * 20), max(1, args.repeat // 2)),
    ]
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return 0
    names = list(results[0]["seconds"])
    head = f"{'text':<9} " + " ".join(f"{n + ' ms (/NFKC)':>22}" for n in names)
    print(head)
    print("-" * len(head))
    for r in results:
        cells = " ".join(
            f"{r['seconds'][n] * 1000:13.1f} ({r['over_nfkc'][n]:5.2f}x)" for n in names
        )
        print(f"{r['text']:<9} {cells}")
    print("(/NFKC) = time over the NFKC pass over the same text, same run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
