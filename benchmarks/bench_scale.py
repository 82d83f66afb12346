#!/usr/bin/env python3
"""Corpus-scale speed: linearity, per-document cost, corpora, memory and a process pool.

Every figure is printed next to ``unicodedata.normalize("NFKC", text)`` over the same text in
the same run (``ratio`` = parse time / NFKC time), so that machines of different speed can be
compared. Single-process times are CPU seconds of this process (``time.process_time``), the
best of several runs, so that a busy (or virtual) machine's other work does not count; the
parallel section measures wall time, which is what a pool saves. Sections:

* ``linear``: the seed ×N and Diet meetings ×N from 0.1 MB to 16 MB (``--max-mb``): ms per MB
  and its spread (largest / smallest ms per MB; the target is within 25 %).
* ``per-document``: a 200-byte record and a Diet record of the 7.5 KB class: µs per parse.
* ``corpora``: the seed, the shared corpus, and a corpus of small Diet records (each record
  alone and each meeting alone): total parse time / total NFKC time.
* ``memory``: the model kept alive (tracemalloc) and the pickled ``Meeting`` against the
  input's UTF-8 bytes and the meeting's JSON.
* ``parallel``: the small-record corpus ×4 parsed into JSON bytes, and into utterance
  records, in this process and in a pool of 2 workers (started once, its start reported
  apart), in the same tasks of about equal bytes, the largest first: wall-clock speed-up,
  the workers' CPU time against the single process's, the parent's CPU time, and the load
  average; the same with whole ``Meeting`` objects returned, and a CPU-only task (what the
  machine scales to at the moment).

Run: ``python benchmarks/bench_scale.py [--max-mb 16] [--sections linear,memory]``.
Reads ``../shared/corpus`` beside the repository; sections that need it are skipped without it.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import resource
import sys
import time
import tracemalloc
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import gikai_minutes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_parse import best_time

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_18ecd38114dadbdf.txt"
CORPUS = REPO.parent / "shared" / "corpus"
MB = 1_000_000
SECTIONS = ("linear", "per-document", "corpora", "memory", "parallel")

#: A 200-byte record in the shape of one Diet speech (written for this benchmark).
SMALL_RECORD = (
    "○委員長（森山浩行君）　これより会議を開きます。\r\n"
    "　財政及び金融に関する件について調査を進めます。\r\n"
    "　質疑の申出がありますので、順次これを許します。\r\n"
)


#: Batches (or runs) whose best is taken in the single-process sections.
BATCHES = 9


def best(fn: Callable[[], object], repeat: int) -> float:
    """CPU seconds of this process (``time.process_time``) of the fastest of ``repeat``
    calls of ``fn``: the work's own cost, not the time a busy machine gave to others."""
    return best_time(fn, repeat, clock=time.process_time)


def per_call(fn: Callable[[], object], budget: float = 0.6) -> float:
    """CPU seconds per call of a fast ``fn``: the best of :data:`BATCHES` batches sized to
    ``budget`` in all (each batch keeps its results, as a caller collecting them does)."""
    fn()
    start = time.process_time()
    n = 0
    while time.process_time() - start < budget / BATCHES:
        fn()
        n += 1
    return best(lambda: [fn() for _ in range(n)], BATCHES) / n


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def diet_records() -> list[list[str]]:
    """The Diet meetings of the shared corpus, each as its records' texts in speech order."""
    meetings: dict[str, list[tuple[int, str]]] = {}
    for path in sorted((CORPUS / "diet").glob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8"))["data"]:
            key, order = record["id"].rsplit("_", 1)
            meetings.setdefault(key, []).append((int(order), record["text"]))
    return [[text for _, text in sorted(group)] for group in meetings.values()]


def local_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "local").glob("*.txt"))]


def repeat_to(text: str, size: int) -> str:
    """``text`` repeated (joined by a newline) until it holds at least ``size`` UTF-8 bytes."""
    n = max(1, -(-size // len(text.encode("utf-8"))))
    return "\n".join([text] * n)


def row(first: str, *cells: object) -> str:
    return f"{first:<22}" + "".join(f"{c!s:>14}" for c in cells)


def section_linear(max_mb: float) -> None:
    print("\n== linear: ms per MB from 0.1 MB up (seed ×N, Diet meetings ×N)")
    bases = {"seed": SEED.read_text(encoding="utf-8")}
    if CORPUS.is_dir():
        bases["diet"] = "\r\n".join(min(diet_records(), key=len))
    sizes = [s for s in (0.1, 0.25, 0.5, 1, 2, 4, 8, 16) if s <= max_mb]
    print(row("text", "MB", "parse ms", "ms/MB", "NFKC ms", "ratio"))
    for name, base in bases.items():
        per_mb = []
        for size in sizes:
            text = repeat_to(base, int(size * MB))
            mb = len(text.encode("utf-8")) / MB
            repeat = 3 if mb < 4 else 1
            t = best(lambda text=text: gikai_minutes.parse(text), repeat)
            n = best(lambda text=text: nfkc(text), repeat)
            per_mb.append(t * 1000 / mb)
            print(
                row(
                    name,
                    f"{mb:.2f}",
                    f"{t * 1000:.1f}",
                    f"{per_mb[-1]:.1f}",
                    f"{n * 1000:.1f}",
                    f"{t / n:.2f}",
                )
            )
        print(row(f"{name} spread", "", "", f"{max(per_mb) / min(per_mb):.2f}", "", ""))


def section_per_document() -> None:
    print("\n== per-document cost")
    texts = {"200-byte record": SMALL_RECORD}
    if CORPUS.is_dir():
        records = [r for m in diet_records() for r in m]
        texts["largest Diet record"] = max(records, key=len)
        meetings = ["\r\n".join(m) for m in diet_records()]
        texts["7.5 KB-class meeting"] = min(
            meetings, key=lambda m: abs(len(m.encode("utf-8")) - 7_500)
        )
    print(row("text", "bytes", "parse µs", "NFKC µs", "ratio"))
    for name, text in texts.items():
        t = per_call(lambda text=text: gikai_minutes.parse(text))
        n = per_call(lambda text=text: nfkc(text))
        size = len(text.encode("utf-8"))
        print(row(name, size, f"{t * 1e6:.1f}", f"{n * 1e6:.2f}", f"{t / n:.1f}"))


def small_corpus() -> list[str]:
    """Each Diet record alone and each Diet meeting alone."""
    meetings = diet_records()
    return [r for m in meetings for r in m] + ["\r\n".join(m) for m in meetings]


def corpus_ratio(name: str, texts: Sequence[str]) -> None:
    t = best(lambda: [gikai_minutes.parse(x) for x in texts], 5)
    n = best(lambda: [nfkc(x) for x in texts], 5)
    mb = sum(len(x.encode("utf-8")) for x in texts) / MB
    print(
        row(
            name,
            len(texts),
            f"{mb:.2f}",
            f"{t * 1000:.1f}",
            f"{mb / t:.1f}",
            f"{n * 1000:.1f}",
            f"{t / n:.2f}",
        )
    )


def section_corpora() -> None:
    print("\n== corpora: total parse time against total NFKC time")
    print(row("corpus", "docs", "MB", "parse ms", "MB/s", "NFKC ms", "ratio"))
    corpus_ratio("seed", [SEED.read_text(encoding="utf-8")])
    if CORPUS.is_dir():
        shared = local_texts() + ["\r\n".join(m) for m in diet_records()]
        corpus_ratio("shared corpus", shared)
        corpus_ratio("small Diet records", small_corpus())


def section_memory() -> None:
    print("\n== memory: model kept alive and pickle size against the input's UTF-8 bytes")
    texts = {"seed": SEED.read_text(encoding="utf-8")}
    if CORPUS.is_dir():
        texts["Diet meetings"] = "\r\n".join("\r\n".join(m) for m in diet_records())
        texts["local files"] = "\n".join(local_texts())
    print(row("text", "input MB", "kept/in", "peak/in", "pickle/in", "json/in", "pickle/json"))
    for name, text in texts.items():
        size = len(text.encode("utf-8"))
        gc.collect()
        tracemalloc.start()
        meeting = gikai_minutes.parse(text)
        kept, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        pickled = len(pickle.dumps(meeting, protocol=pickle.HIGHEST_PROTOCOL))
        as_json = len(meeting.to_json().encode("utf-8"))
        print(
            row(
                name,
                f"{size / MB:.2f}",
                f"{kept / size:.2f}",
                f"{peak / size:.2f}",
                f"{pickled / size:.2f}",
                f"{as_json / size:.2f}",
                f"{pickled / as_json:.2f}",
            )
        )
        del meeting


#: Tasks the documents are grouped into, each of about the same bytes (as ``convert --jobs 2``
#: makes them: 16 a worker); the single process runs the same tasks.
PARALLEL_TASKS = 32
PARALLEL_REPEAT = 5


def _tasks(texts: Sequence[str], count: int) -> list[list[str]]:
    """Consecutive texts grouped into tasks of about ``1 / count`` of their UTF-8 bytes each
    (a larger text alone), the largest first (ties in order): no worker is left alone with
    a large task at the end, as when tasks hold a fixed number of documents."""
    sizes = [len(t.encode("utf-8")) for t in texts]
    target = sum(sizes) / count
    tasks: list[tuple[int, list[str]]] = []
    task: list[str] = []
    held = 0
    for text, size in zip(texts, sizes, strict=True):
        if task and held + size > target:
            tasks.append((held, task))
            task, held = [], 0
        task.append(text)
        held += size
    if task:
        tasks.append((held, task))
    tasks.sort(key=lambda item: -item[0])
    return [task for _, task in tasks]


def _json_chunk(texts: Sequence[str]) -> list[bytes]:
    """Each text parsed and returned as its JSON's UTF-8 bytes."""
    return [gikai_minutes.parse(t).to_json().encode("utf-8") for t in texts]


def _records_chunk(texts: Sequence[str]) -> list[list[dict[str, object]]]:
    """Each text parsed and returned as its utterance records."""
    from gikai_minutes.export import utterance_records

    return [list(utterance_records(gikai_minutes.parse(t))) for t in texts]


def _meetings_chunk(texts: Sequence[str]) -> list[gikai_minutes.Meeting]:
    """Each text parsed, the ``Meeting`` itself returned (pickled back whole)."""
    return [gikai_minutes.parse(t) for t in texts]


def _spin_chunk(counts: Sequence[int]) -> list[int]:
    """Pure CPU work without data (the machine's own scaling at the moment)."""
    return [sum(i * i for i in range(n)) for n in counts]


def _canon(item: object) -> bytes:
    """One result as bytes, the same whichever process made it."""
    if isinstance(item, bytes):
        return item
    if isinstance(item, gikai_minutes.Meeting):
        return item.to_json().encode("utf-8")
    return json.dumps(item, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")


def _digest(results: list[list[Any]]) -> str:
    """A fingerprint of the results (so that they need not be kept for comparison)."""
    digest = hashlib.sha256()
    for items in results:
        for item in items:
            digest.update(_canon(item))
    return digest.hexdigest()


def _warm_worker() -> None:
    """One parse, so that lazily built patterns exist before timing."""
    gikai_minutes.parse(SMALL_RECORD).to_json()


def _start_worker() -> None:
    """Pool initializer: :func:`_warm_worker`, then everything the worker holds (what it
    inherited from the parent included) frozen out of the garbage collector's reach, as
    ``convert --jobs`` does: full collections then walk only what the worker made since."""
    _warm_worker()
    gc.freeze()


def _worker_pid(_: object) -> int:
    time.sleep(0.01)
    return os.getpid()


_HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_of(pids: Sequence[int]) -> float:
    """CPU seconds used so far by the processes ``pids`` (Linux ``/proc``; else this process)."""
    try:
        ticks = 0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / _HZ
    except OSError:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime


def _machine_cpu() -> float:
    """CPU seconds the whole machine has been busy (Linux ``/proc/stat``; else 0)."""
    try:
        ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    return (sum(ticks) - ticks[3] - ticks[4]) / _HZ  # all but idle and iowait


def section_parallel() -> None:
    """The same chunks of work in this process and in a pool of 2 started once (its start
    timed apart), best of ``PARALLEL_REPEAT`` interleaved runs, with the CPU used by the
    pool and by other processes meanwhile."""
    method = multiprocessing.get_start_method()
    print(f"\n== parallel: 1 process against a pool of 2 ({method}), {PARALLEL_TASKS} tasks "
          f"of equal bytes, best of {PARALLEL_REPEAT} interleaved")  # fmt: skip
    if not CORPUS.is_dir():
        print("(skipped: no shared corpus)")
        return
    texts = small_corpus() * 4
    docs = _tasks(texts, PARALLEL_TASKS)
    mb = sum(len(t.encode("utf-8")) for t in texts) / MB
    spin_n = 5_000
    spins = [[spin_n] * -(-len(texts) // len(docs))] * len(docs)
    work: dict[str, tuple[Callable[..., list[Any]], list[Any]]] = {
        "JSON bytes": (_json_chunk, docs),
        "records": (_records_chunk, docs),
        "Meeting objects": (_meetings_chunk, docs),
        "CPU only": (_spin_chunk, spins),
    }
    _warm_worker()
    load = os.getloadavg()[0]
    start = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor(2, initializer=_start_worker) as pool:
        workers: set[int] = set()
        while len(workers) < 2:
            workers |= set(pool.map(_worker_pid, range(4)))
        started = time.perf_counter() - start
        me, mine = [os.getpid()], [os.getpid(), *workers]
        # per run: 1-process s, pool s, 1-process CPU s, pool CPU s, parent CPU s, others' CPU s
        runs: dict[str, list[tuple[float, ...]]] = {k: [] for k in work}
        for _ in range(PARALLEL_REPEAT):
            for name, (fn, chunks) in work.items():
                gc.collect()
                busy, cpu1, start = _machine_cpu(), _cpu_of(me), time.perf_counter()
                one = [fn(c) for c in chunks]
                single = time.perf_counter() - start
                cpu1 = _cpu_of(me) - cpu1
                others = _machine_cpu() - busy - cpu1
                same = _digest(one)
                del one  # nothing kept alive between runs: gc costs the same in both
                gc.collect()
                busy, parent, cpu2 = _machine_cpu(), _cpu_of(me), _cpu_of(mine)
                start = time.perf_counter()
                two = list(pool.map(fn, chunks))
                double = time.perf_counter() - start
                parent, cpu2 = _cpu_of(me) - parent, _cpu_of(mine) - cpu2
                others += _machine_cpu() - busy - cpu2
                assert _digest(two) == same
                del two
                runs[name].append((single, double, cpu1, cpu2, parent, others / (single + double)))
    print(f"{len(texts)} documents, {mb:.2f} MB, {len(docs)} tasks; pool start (2 workers "
          f"initialised) {started * 1000:.0f} ms; load average {load:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after")  # fmt: skip
    print(row("work", "1 process s", "2 processes s", "speed-up", "median", "pool CPU",
              "parent CPU s", "others cores"))  # fmt: skip
    for name, rs in runs.items():
        single, double = min(r[0] for r in rs), min(r[1] for r in rs)
        median = sorted(r[0] / r[1] for r in rs)[len(rs) // 2]
        cpu = sum(r[3] for r in rs) / sum(r[2] for r in rs)
        print(row(name, f"{single:.2f}", f"{double:.2f}", f"{single / double:.2f}",
                  f"{median:.2f}", f"{cpu:.2f}", f"{min(r[4] for r in rs):.3f}",
                  f"{max(r[5] for r in rs):.2f}"))  # fmt: skip
    print("pool CPU: CPU seconds of the parent and workers over the single process's for the "
          "same work; parent CPU: sending tasks and receiving results; others cores: CPU used "
          "by other processes meanwhile (largest over the runs). With autogroup scheduling (Linux "
          "desktops and servers) a pool shares its session's CPU with every other session: "
          "its speed-up shows only when others cores is near 0.")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=16)
    parser.add_argument("--sections", default=",".join(SECTIONS))
    args = parser.parse_args(argv)
    chosen = args.sections.split(",")
    print(f"gikai_minutes {gikai_minutes.__version__}, Python {sys.version.split()[0]}")
    if "per-document" in chosen:
        section_per_document()
    if "corpora" in chosen:
        section_corpora()
    if "memory" in chosen:
        section_memory()
    if "parallel" in chosen:
        section_parallel()
    if "linear" in chosen:
        section_linear(args.max_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
