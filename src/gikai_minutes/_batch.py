"""Batch conversion of many minutes files (``gikai-minutes convert``), in parallel processes.

Inputs are files, directories (walked recursively) and glob patterns. Each input is read by
:func:`load_meetings` and written in one output format; a bad input is recorded in
``errors.jsonl`` and never stops the batch. A manifest in the output directory remembers
each input's source hash, so a re-run skips inputs whose outputs are up to date.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import gc
import glob
import hashlib
import importlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from gikai_minutes._api import parse_discussnet, parse_file, parse_ndl, parse_pdf
from gikai_minutes._errors import (
    DecodeError,
    EmptyInputError,
    GikaiMinutesError,
    InputError,
    ParseError,
    SchemaError,
)
from gikai_minutes.model import Meeting

__all__ = [
    "FORMATS",
    "BatchOptions",
    "BatchSummary",
    "FileResult",
    "Format",
    "convert_batch",
    "find_inputs",
    "load_meetings",
]

#: File suffixes picked up when walking a directory without ``--glob``.
INPUT_SUFFIXES = (".txt", ".json", ".pdf", ".html", ".htm")
MANIFEST = ".gikai-minutes-manifest.json"
#: Seconds between saves of the manifest during a run (so a killed run loses little).
MANIFEST_EVERY = 10.0
#: At least this many times the last save's own duration between two saves: on a large
#: archive, saving (which grows with every input) stays a small share of the parent's time,
#: which it would otherwise take from the workers.
MANIFEST_SPACING = 50
ERRORS = "errors.jsonl"
_GLOB_MAGIC = frozenset("*?[")


# --- reading -------------------------------------------------------------------------------


#: Keys of one NDL speech record (API or dump form); a JSON list of such records is NDL data.
_NDL_KEYS = frozenset({"speech", "speechOrder", "speechID", "meeting_info", "text"})


def _json_kind(name: str, data: bytes) -> tuple[str, Any]:
    """What a JSON input holds: ``meeting``, ``discussnet`` or ``ndl`` (else InputError)."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{name}: not JSON: {exc}") from None
    records = doc.get("speechRecord", doc.get("data")) if isinstance(doc, dict) else doc
    if isinstance(doc, dict) and "schema_version" in doc:
        return "meeting", doc
    if isinstance(doc, dict) and "tenant_minutes" in doc:
        return "discussnet", doc
    if isinstance(records, list) and all(
        isinstance(r, dict) and _NDL_KEYS & r.keys() for r in records[:50]
    ):
        return "ndl", doc
    raise InputError(
        f"{name}: JSON that holds no minutes (expected NDL speech records, a DiscussNet "
        "document or a meeting JSON)"
    )


def load_meetings(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    dialect: str | None = None,
    encoding: str | None = None,
) -> tuple[Meeting, ...]:
    """Every meeting in one file: a PDF, NDL speech records (one meeting per issue), a
    DiscussNet JSON document, a meeting JSON written by :meth:`Meeting.to_json`, or text
    (any other suffix). Raises the parse functions' errors, and :class:`InputError` for a
    ``.json`` file that is none of these."""
    name = os.fspath(path)
    if name.lower().endswith(".pdf"):
        return (parse_pdf(name, strict=strict, dialect=dialect),)
    if name.lower().endswith(".json"):
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: {exc.strerror or exc}") from exc
        kind, doc = _json_kind(name, data)
        if kind == "meeting":
            return (Meeting.from_dict(doc),)
        if kind == "discussnet":
            return (parse_discussnet(doc, strict=strict, dialect=dialect, source_name=name),)
        return parse_ndl(doc, strict=strict, dialect=dialect)
    return (parse_file(name, encoding, strict=strict, dialect=dialect),)


def expand_input(pattern: str, walk_glob: str | None = None) -> list[Path]:
    """The files one argument names: itself, the files of a directory (``walk_glob``, or
    the :data:`INPUT_SUFFIXES`; hidden files left out), or a glob pattern's matches."""
    path = Path(pattern)
    if path.is_dir():
        if walk_glob:
            found = path.rglob(walk_glob)
        else:
            found = (p for p in path.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES)
        kept = (p for p in found if not p.name.startswith(".") and p.is_file())
        return sorted(kept, key=_path_order)
    if path.is_file():
        return [path]
    if _GLOB_MAGIC & set(pattern):
        matches = (Path(p) for p in glob.glob(pattern, recursive=True))
        return sorted((p for p in matches if p.is_file()), key=_path_order)
    return []


def _path_order(path: Path) -> tuple[str, ...]:
    """The key that sorts paths as comparing them does (by their parts), at a fraction of
    the cost of ``sorted(paths)``."""
    return path.parts


def find_inputs(
    paths: Iterable[str], *, walk_glob: str | None = None, exclude: Iterable[Path] = ()
) -> tuple[list[tuple[Path, Path]], list[str]]:
    """``(file, root)`` pairs for every input, in order without repeats, and the arguments
    that matched nothing. ``root`` is the directory a file's output name is relative to.
    Files under an ``exclude`` directory (the outputs) are left out."""
    found: list[tuple[Path, Path]] = []
    excluded = [p.resolve() for p in exclude]
    seen: set[Path] = set()
    missing: list[str] = []
    folders: dict[Path, tuple[Path, bool]] = {}  # directory -> resolved, under an exclude
    for arg in paths:
        files = expand_input(arg, walk_glob)
        if not files:
            missing.append(arg)
        root = Path(arg) if Path(arg).is_dir() else None
        for f in files:
            key, out = _resolved(f, folders, excluded)
            if out:
                continue
            if key not in seen:
                seen.add(key)
                found.append((f, root if root is not None else f.parent))
    return found, missing


def _resolved(
    file: Path, folders: dict[Path, tuple[Path, bool]], excluded: Sequence[Path]
) -> tuple[Path, bool]:
    """``file.resolve()`` and whether it lies under an ``excluded`` directory. A file that
    is no symbolic link resolves to its resolved directory joined with its name, so each
    directory is resolved (and checked against ``excluded``) once."""
    if file.name in ("", ".", "..") or file.is_symlink():
        key = file.resolve()
        return key, any(key.is_relative_to(d) for d in excluded)
    folder = folders.get(file.parent)
    if folder is None:
        real = file.parent.resolve()
        folder = folders[file.parent] = real, any(real.is_relative_to(d) for d in excluded)
    key = folder[0] / file.name
    return key, folder[1] or key in excluded


# --- formats -------------------------------------------------------------------------------


def _write_jsonl(meetings: Sequence[Meeting], fp: TextIO, opts: BatchOptions) -> None:
    from gikai_minutes.export._jsonl import write_jsonl

    write_jsonl(meetings, fp)


def _write_csv(meetings: Sequence[Meeting], fp: TextIO, opts: BatchOptions) -> None:
    from gikai_minutes.export._csv import write_csv

    write_csv(meetings, fp, bom=opts.bom)


def _write_ndl(meetings: Sequence[Meeting], fp: TextIO, opts: BatchOptions) -> None:
    from gikai_minutes.export._ndl import ndl_response

    json.dump(ndl_response(meetings), fp, ensure_ascii=False, indent=opts.indent)


def _write_poliinfo(meetings: Sequence[Meeting], fp: TextIO, opts: BatchOptions) -> None:
    from gikai_minutes.export._poliinfo import poliinfo_records

    json.dump(poliinfo_records(meetings), fp, ensure_ascii=False, indent=opts.indent)


def _write_json(meetings: Sequence[Meeting], fp: TextIO, opts: BatchOptions) -> None:
    (meeting,) = meetings
    fp.write(meeting.to_json(indent=opts.indent) + "\n")


def _write_tei(meetings: Sequence[Meeting], fp: TextIO, opts: BatchOptions) -> None:
    from gikai_minutes.export._tei import tei_string

    (meeting,) = meetings
    fp.write(tei_string(meeting))


@attrs.frozen(slots=True)
class Format:
    """An output format of ``convert``: file suffix, writer, and whether it writes one file
    per meeting (``json``, ``tei``) or one per input with all its meetings."""

    name: str
    suffix: str
    write: Callable[[Sequence[Meeting], TextIO, BatchOptions], None] | None
    per_meeting: bool = False


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("jsonl", ".jsonl", _write_jsonl),
        Format("csv", ".csv", _write_csv),
        Format("parquet", ".parquet", None),
        Format("json", ".json", _write_json, per_meeting=True),
        Format("tei", ".xml", _write_tei, per_meeting=True),
        Format("ndl", ".ndl.json", _write_ndl),
        Format("poliinfo", ".poliinfo.json", _write_poliinfo),
    )
}


def _write_output(fmt: Format, meetings: Sequence[Meeting], path: Path, opts: BatchOptions) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    try:
        if fmt.write is None:
            from gikai_minutes.export._parquet import write_parquet

            write_parquet(meetings, partial)
        else:
            with open(partial, "w", encoding="utf-8", newline="") as fp:
                fmt.write(meetings, fp, opts)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)


# --- one input -----------------------------------------------------------------------------


@attrs.frozen(slots=True)
class BatchOptions:
    """What ``convert`` was asked for (everything a worker process needs)."""

    fmt: str = "jsonl"
    strict: bool = False
    dialect: str | None = None
    encoding: str | None = None
    bom: bool = False
    indent: int | None = None

    def key(self) -> dict[str, Any]:
        """The options that change the outputs (compared on a re-run)."""
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class FileResult:
    """What became of one input."""

    file: str
    status: str  # "converted", "skipped" or "failed"
    sha256: str = ""
    size: int = 0
    outputs: tuple[str, ...] = ()
    meetings: int = 0
    utterances: int = 0
    speakers: int = 0
    error: dict[str, Any] | None = None


def _error_record(file: str, exc: BaseException) -> dict[str, Any]:
    line: int | None = None
    if isinstance(exc, ParseError):
        code, line, message = exc.code, exc.line, exc.message
    else:
        codes: tuple[tuple[type[BaseException], str], ...] = (
            (EmptyInputError, "empty-input"),
            (DecodeError, "decode-error"),
            (UnicodeError, "decode-error"),
            (InputError, "input-error"),
            (SchemaError, "schema-error"),
            (GikaiMinutesError, "error"),
            (OSError, "output-error"),
        )
        code = next((c for t, c in codes if isinstance(exc, t)), "internal-error")
        message = str(exc) if code != "internal-error" else f"{type(exc).__name__}: {exc}"
        message = message.removeprefix(f"{file}: ")
    return {"file": file, "error": code, "line": line, "message": message}


def _output_names(fmt: Format, stem: str, meetings: Sequence[Meeting]) -> list[str]:
    if fmt.per_meeting and len(meetings) != 1:
        return [f"{stem}.{i:03d}{fmt.suffix}" for i in range(len(meetings))]
    return [stem + fmt.suffix]


def convert_one(file: str, stem: str, sha256: str, out_dir: str, opts: BatchOptions) -> FileResult:
    """Read one input and write its outputs under ``out_dir``; never raises. An empty
    ``sha256`` is computed here (in the worker, not in the parent that hands out inputs)."""
    fmt = FORMATS[opts.fmt]
    size = 0
    if not sha256:
        sha256 = file_sha256(Path(file))
    try:
        size = os.path.getsize(file)
        meetings = load_meetings(
            file, strict=opts.strict, dialect=opts.dialect, encoding=opts.encoding
        )
        names = _output_names(fmt, stem, meetings)
        groups = [[m] for m in meetings] if fmt.per_meeting else [list(meetings)]
        for name, group in zip(names, groups, strict=True):
            _write_output(fmt, group, Path(out_dir) / name, opts)
    except Exception as exc:  # a bad file is recorded, never fatal
        return FileResult(file, "failed", sha256, size, error=_error_record(file, exc))
    return FileResult(
        file,
        "converted",
        sha256,
        size,
        tuple(names),
        len(meetings),
        sum(len(m.utterances) for m in meetings),
        sum(len(m.speakers) for m in meetings),
    )


# --- the batch -----------------------------------------------------------------------------


def file_size(path: Path) -> int:
    """The size of a file in bytes (0 if it cannot be read)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes (empty string if it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def _stems(inputs: Sequence[tuple[Path, Path]]) -> list[str]:
    """Output names without suffix: the input's path relative to its root, made unique."""
    used: set[str] = set()
    stems = []
    for file, root in inputs:
        rel = file.relative_to(root) if file.is_relative_to(root) else Path(file.name)
        base = rel.with_suffix("").as_posix()
        stem, n = base, 1
        while stem in used:
            n += 1
            stem = f"{base}-{n}"
        used.add(stem)
        stems.append(stem)
    return stems


@attrs.frozen(slots=True)
class BatchSummary:
    """Totals of one ``convert`` run."""

    results: tuple[FileResult, ...]
    seconds: float
    errors_path: Path | None

    def count(self, status: str) -> int:
        """How many inputs ended with ``status``."""
        return sum(1 for r in self.results if r.status == status)

    def total(self, name: str) -> int:
        """The sum of one counter (``meetings``, ``utterances``, ``speakers``, ``size``)."""
        return sum(int(getattr(r, name)) for r in self.results)

    def lines(self) -> list[str]:
        """The summary printed at the end of a run."""
        done = [r for r in self.results if r.status == "converted"]
        size = sum(r.size for r in done)
        rate = f"{len(done) / self.seconds:.1f} files/s, {size / 1e6 / self.seconds:.2f} MB/s"
        lines = [
            f"files:      {len(self.results)} (converted {len(done)}, skipped "
            f"{self.count('skipped')}, failed {self.count('failed')})",
            f"meetings:   {self.total('meetings')}",
            f"utterances: {self.total('utterances')}",
            f"speakers:   {self.total('speakers')}",
            f"time:       {self.seconds:.2f} s ({rate if self.seconds > 0 else '-'})",
        ]
        if self.errors_path is not None:
            lines.append(f"errors:     {self.errors_path}")
        return lines


def _load_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("inputs"), dict) else {}


def _save_manifest(path: Path, entries: dict[str, Any]) -> None:
    """Write the manifest atomically (a killed run leaves the previous one whole)."""
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps({"inputs": entries}, ensure_ascii=False, indent=1), "utf-8")
    os.replace(partial, path)


def _up_to_date(entry: Any, sha256: str, options: dict[str, Any], out_dir: Path) -> bool:
    return (
        isinstance(entry, dict)
        and bool(sha256)
        and entry.get("sha256") == sha256
        and entry.get("options") == options
        and bool(entry.get("outputs"))
        and all((out_dir / name).is_file() for name in entry["outputs"])
    )


#: One input's work: file, output stem, SHA-256, output directory, options.
Task = tuple[str, str, str, str, BatchOptions]
#: Most inputs sent to a worker in one task (their results come back together).
CHUNK_FILES = 32
#: Tasks per worker of the batch's bytes at least: smaller tasks near the end keep every
#: worker busy until the last input.
CHUNKS_PER_WORKER = 16


def _chunks(tasks: Sequence[Task], jobs: int) -> list[list[Task]]:
    """Consecutive tasks grouped into chunks of at most :data:`CHUNK_FILES` inputs and about
    ``1 / (jobs * CHUNKS_PER_WORKER)`` of the input bytes each (a large file goes alone)."""
    return [chunk for _, chunk in _sized_chunks(tasks, jobs)]


def _sized_chunks(tasks: Sequence[Task], jobs: int) -> list[tuple[int, list[Task]]]:
    """The :func:`_chunks` of ``tasks``, each with its input bytes."""
    sizes = [file_size(Path(task[0])) for task in tasks]
    target = sum(sizes) / (jobs * CHUNKS_PER_WORKER)
    chunks: list[tuple[int, list[Task]]] = []
    chunk: list[Task] = []
    held = 0
    for task, size in zip(tasks, sizes, strict=True):
        if chunk and (held + size > target or len(chunk) >= CHUNK_FILES):
            chunks.append((held, chunk))
            chunk, held = [], 0
        chunk.append(task)
        held += size
    if chunk:
        chunks.append((held, chunk))
    return chunks


def _largest_first(tasks: Sequence[Task], jobs: int) -> list[list[Task]]:
    """The :func:`_chunks` of ``tasks`` in the order to hand them out: the most bytes first
    (ties in input order), so that the last ones to finish are small and no worker waits
    long at the end for another that took a large file last."""
    sized = _sized_chunks(tasks, jobs)
    sized.sort(key=lambda item: -item[0])
    return [chunk for _, chunk in sized]


def _prepare(fmt: str) -> None:
    """Import the writer of ``fmt`` (``gikai_minutes.export._<fmt>``, and pyarrow for Parquet)
    once: in the parent before forking, and in each worker when it starts."""
    with contextlib.suppress(ImportError):
        importlib.import_module(f"gikai_minutes.export._{fmt}")
        if fmt == "parquet":
            importlib.import_module("pyarrow.parquet")


def _start_worker(fmt: str) -> None:
    """A worker's initializer: :func:`_prepare`, then every object it holds (the parent's,
    when forked, and the imports) is frozen out of the garbage collector's reach. A worker
    never frees them; unfrozen, each full collection would walk them all again, and write
    to the pages it shares with the parent, which the kernel must then copy."""
    _prepare(fmt)
    gc.freeze()


def _convert_chunk(tasks: Sequence[Task]) -> list[FileResult]:
    """A worker's task: several inputs, their (small) results returned together."""
    return [convert_one(*task) for task in tasks]


def _crashed(task: Task, exc: BaseException) -> FileResult:
    error = {"file": task[0], "error": "worker-crashed", "line": None,
             "message": f"{type(exc).__name__}: {exc}"}  # fmt: skip
    return FileResult(task[0], "failed", task[2], error=error)


def _run_pool(tasks: Sequence[Task], jobs: int, level: int = 0) -> Iterator[FileResult]:
    """Results of ``tasks`` in a pool of ``jobs`` processes, in the order they finish.

    ``level`` 0 sends chunks of inputs, the largest first, two per worker in flight; a chunk
    that fails (a worker died, killed or out of memory) is run again at level 1, one input per
    task and one task per worker in flight; a failure there at level 2, one input at a time in
    one worker, where a failure is that input's own and is recorded as ``worker-crashed``.
    Inputs that were merely in flight beside the culprit are converted again, not blamed.
    """
    workers, window = {0: (jobs, 2 * jobs), 1: (jobs, jobs), 2: (1, 1)}[level]
    todo = collections.deque(_largest_first(tasks, jobs) if level == 0 else [[t] for t in tasks])
    fmt = tasks[0][4].fmt
    while todo:
        suspects: list[Task] = []
        culprit: BaseException | None = None
        pool = concurrent.futures.ProcessPoolExecutor(
            workers, initializer=_start_worker, initargs=(fmt,)
        )
        try:
            running: dict[concurrent.futures.Future[list[FileResult]], list[Task]] = {}
            while (todo or running) and not suspects:
                while todo and len(running) < window:
                    chunk = todo.popleft()
                    running[pool.submit(_convert_chunk, chunk)] = chunk
                done, _ = concurrent.futures.wait(
                    running, return_when=concurrent.futures.FIRST_COMPLETED
                )
                for future in done:
                    chunk = running.pop(future)
                    try:
                        results = future.result()
                    except Exception as exc:  # the pool is broken: retry what was in flight
                        culprit = exc
                        suspects.extend(chunk)
                    else:
                        yield from results
            for chunk in running.values():
                suspects.extend(chunk)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        if suspects and level == 2:
            assert culprit is not None
            yield from (_crashed(task, culprit) for task in suspects)
        elif suspects:
            yield from _run_pool(suspects, jobs, level + 1)


def _run(tasks: list[Task], jobs: int) -> Iterator[FileResult]:
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield convert_one(*task)
        return
    _prepare(tasks[0][4].fmt)  # imported once here, so that forked workers inherit it
    yield from _run_pool(tasks, min(jobs, len(tasks)))


def convert_batch(
    inputs: Sequence[tuple[Path, Path]],
    out_dir: Path,
    opts: BatchOptions,
    *,
    jobs: int = 1,
    force: bool = False,
    progress: Callable[[FileResult], None] | None = None,
    errors_path: Path | None = None,
    missing: Sequence[str] = (),
) -> BatchSummary:
    """Convert ``inputs`` into ``out_dir``; return the summary (see the module doc).

    ``jobs`` is the number of worker processes: 1 (the default) converts in this process,
    more start a pool once, which receives the inputs in chunks (see :func:`_run_pool`); the
    workers write the outputs and send back only each input's :class:`FileResult`. ``missing``
    arguments (matching no file) are recorded as ``not-found`` failures.
    """
    start = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / MANIFEST
    manifest = {} if force else _load_manifest(manifest_path)
    entries: dict[str, Any] = dict(manifest.get("inputs", {}))
    options = opts.key()
    results: list[FileResult] = [
        FileResult(
            arg,
            "failed",
            error={
                "file": arg,
                "error": "not-found",
                "line": None,
                "message": "no such file, directory or match",
            },
        )
        for arg in missing
    ]
    tasks = []
    for (file, _), stem in zip(inputs, _stems(inputs), strict=True):
        entry = entries.get(stem)
        # an input that cannot be skipped is hashed by the worker that converts it
        sha = file_sha256(file) if not force and isinstance(entry, dict) else ""
        if not force and _up_to_date(entry, sha, options, out_dir):
            assert isinstance(entry, dict)
            skipped = FileResult(
                str(file),
                "skipped",
                sha,
                file_size(file),
                tuple(entry["outputs"]),
                entry.get("meetings", 0),
                entry.get("utterances", 0),
                entry.get("speakers", 0),
            )
            results.append(skipped)
            if progress:
                progress(skipped)
            continue
        tasks.append((str(file), stem, sha, str(out_dir), opts))
    stem_of = {task[0]: task[1] for task in tasks}
    saved, spacing = time.monotonic(), MANIFEST_EVERY
    try:
        for result in _run(tasks, jobs):
            results.append(result)
            stem = stem_of[result.file]
            if result.status == "converted":
                entries[stem] = {
                    "source": result.file,
                    "sha256": result.sha256,
                    "options": options,
                    "outputs": list(result.outputs),
                    "meetings": result.meetings,
                    "utterances": result.utterances,
                    "speakers": result.speakers,
                }
            else:
                entries.pop(stem, None)
            if progress:
                progress(result)
            if time.monotonic() - saved > spacing:
                start = time.monotonic()
                _save_manifest(manifest_path, entries)
                saved = time.monotonic()
                spacing = max(MANIFEST_EVERY, MANIFEST_SPACING * (saved - start))
    finally:
        _save_manifest(manifest_path, entries)
    order = {str(file): i for i, (file, _) in enumerate(inputs)}
    results.sort(key=lambda r: order.get(r.file, -1))
    errors_file = errors_path or out_dir / ERRORS
    failed = [r.error for r in results if r.error is not None]
    if failed:
        with open(errors_file, "w", encoding="utf-8") as fp:
            for record in failed:
                fp.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        errors_file.unlink(missing_ok=True)
    return BatchSummary(
        tuple(results), time.perf_counter() - start, errors_file if failed else None
    )


def combine_outputs(summary: BatchSummary, parts: Path, fmt: str, target: Path) -> None:
    """Join the per-input outputs under ``parts`` into one ``target`` file, in input order."""
    names = [n for r in summary.results if r.status != "failed" for n in r.outputs]
    partial = target.with_name(target.name + ".part")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        from gikai_minutes.export._parquet import arrow_schema

        with pq.ParquetWriter(partial, arrow_schema()) as writer:
            for name in names:
                table = pq.read_table(parts / name, schema=arrow_schema())
                writer.write_table(table)
    elif fmt in ("ndl", "poliinfo"):
        records: list[Any] = []
        for name in names:
            doc = json.loads((parts / name).read_text(encoding="utf-8"))
            records.extend(doc["speechRecord"] if fmt == "ndl" else doc)
        out: Any = records
        if fmt == "ndl":
            out = {"numberOfRecords": len(records), "startRecord": 1, "speechRecord": records}
        partial.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        with open(partial, "w", encoding="utf-8", newline="") as fp:
            for i, name in enumerate(names):
                with open(parts / name, encoding="utf-8", newline="") as part:
                    text = part.read()
                if fmt == "csv" and i > 0:
                    text = text.lstrip("\ufeff").split("\r\n", 1)[1]
                fp.write(text)
    os.replace(partial, target)
