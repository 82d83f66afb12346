#!/usr/bin/env python3
"""Throughput of ``gikai-minutes convert`` (1 and 2 processes) and of the Dask path.

The shared corpus (``../shared/corpus``: text, NDL and DiscussNet JSON, and PDF unless
``--no-pdf``) is copied ``N`` times into a temporary directory (``--copies``, default 8). Each
path converts all copies to ``--to`` (default ``parquet``) into a fresh output directory:

* ``convert -j1`` / ``convert -j2``: ``gikai-minutes convert --jobs 1|2 --quiet``, in process;
* ``dask 2 workers``: ``gikai_minutes.dask.to_parquet(read_minutes(paths, records=True))`` on a
  ``distributed.LocalCluster`` with two single-threaded worker processes (cluster start-up
  not timed).

Reported per path: best wall time of ``--repeat`` runs, files/s, meetings/s, MB/s of input
bytes, the ratio of its speed to ``convert -j1``, and the ratio of its time to one NFKC pass
(``unicodedata.normalize("NFKC", text)``) over the decoded text of all inputs in the same run.

Run: ``python benchmarks/bench_convert.py [--copies N] [--repeat R] [--no-pdf] [--json]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gikai_minutes._batch import load_meetings
from gikai_minutes._cli import main as cli_main

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".json", ".pdf")
MB = 1_000_000


def corpus_files(with_pdf: bool) -> list[Path]:
    """The corpus inputs, sorted."""
    suffixes = SUFFIXES if with_pdf else SUFFIXES[:2]
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in suffixes)


def replicate(files: list[Path], copies: int, into: Path) -> list[Path]:
    """``copies`` copies of every file under ``into/copyK/``."""
    out = []
    for k in range(copies):
        folder = into / f"copy{k:03d}"
        folder.mkdir(parents=True)
        for f in files:
            shutil.copy(f, folder / f.name)
            out.append(folder / f.name)
    return out


def best(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` timed calls of ``fn``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def nfkc_seconds(files: list[Path], repeat: int) -> float:
    """One NFKC pass over the decoded text of every input (meetings' source text)."""
    texts = [m.source.text for f in files for m in load_meetings(f)]
    return best(lambda: [unicodedata.normalize("NFKC", t) for t in texts], repeat)


def run_convert(inputs: Path, out: Path, jobs: int, fmt: str) -> None:
    if out.exists():
        shutil.rmtree(out)
    args = ["convert", str(inputs), "--to", fmt, "--out", str(out), "--jobs", str(jobs), "--quiet"]
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(args)
    if code != 0:
        raise SystemExit(f"convert failed with exit code {code}")


def dask_seconds(paths: list[str], out: Path, repeat: int) -> float | None:
    try:
        import distributed

        import gikai_minutes.dask as gmd
    except ImportError:
        return None
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster),
    ):
        gmd.to_parquet(gmd.read_minutes(paths[:2], records=True), out)  # warm the workers

        def once() -> None:
            if out.exists():
                shutil.rmtree(out)
            gmd.to_parquet(gmd.read_minutes(paths, records=True, npartitions=8), out)

        return best(once, repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--to", default="parquet")
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}")
    files = corpus_files(not args.no_pdf)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inputs = replicate(files, args.copies, root / "in")
        size = sum(p.stat().st_size for p in inputs)
        meetings = sum(len(load_meetings(f)) for f in files) * args.copies
        nfkc = nfkc_seconds(inputs, args.repeat)
        results: dict[str, float | None] = {}
        for jobs in (1, 2):
            run_convert(root / "in", root / f"warm{jobs}", jobs, args.to)  # warm-up
            results[f"convert -j{jobs}"] = best(
                lambda j=jobs: run_convert(root / "in", root / f"out{j}", j, args.to), args.repeat
            )
        results["dask 2 workers"] = dask_seconds(
            [str(p) for p in inputs], root / "dask", args.repeat
        )
    base = results["convert -j1"]
    assert base is not None
    rows = []
    for name, seconds in results.items():
        if seconds is None:
            rows.append({"path": name, "seconds": None})
            continue
        rows.append({
            "path": name,
            "seconds": round(seconds, 3),
            "files_per_s": round(len(inputs) / seconds, 1),
            "meetings_per_s": round(meetings / seconds, 1),
            "mb_per_s": round(size / MB / seconds, 2),
            "speed_vs_j1": round(base / seconds, 2),
            "time_vs_nfkc": round(seconds / nfkc, 1),
        })  # fmt: skip
    report = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "format": args.to,
        "files": len(inputs),
        "meetings": meetings,
        "mb": round(size / MB, 2),
        "nfkc_seconds": round(nfkc, 4),
        "results": rows,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{len(inputs)} files ({args.copies} copies of {len(files)}), {meetings} meetings, "
          f"{size / MB:.2f} MB, --to {args.to}; NFKC pass {nfkc * 1000:.1f} ms; "
          f"{os.cpu_count()} CPUs (load {os.getloadavg()[0]:.1f}), "
          f"Python {platform.python_version()}")  # fmt: skip
    print(f"{'path':<16}{'s':>8}{'files/s':>10}{'mtg/s':>9}{'MB/s':>8}{'vs -j1':>8}{'×NFKC':>8}")
    for r in rows:
        if r["seconds"] is None:
            print(f"{r['path']:<16}  (dask or distributed not installed)")
            continue
        print(f"{r['path']:<16}{r['seconds']:>8.2f}{r['files_per_s']:>10.1f}"
              f"{r['meetings_per_s']:>9.1f}{r['mb_per_s']:>8.2f}{r['speed_vs_j1']:>8.2f}"
              f"{r['time_vs_nfkc']:>8.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
