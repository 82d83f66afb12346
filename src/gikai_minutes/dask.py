"""Parse a corpus on a Dask cluster (needs the ``dask`` extra: ``dask[bag]`` and ``distributed``).

    import gikai_minutes.dask as gmd
    bag = gmd.read_minutes("archive/**/*.txt", records=True)
    gmd.to_parquet(bag, "utterances/")

Paths are expanded on the client; every worker must see the same files (a shared or
network file system). The work per file is :func:`meetings_of` (or :func:`records_of`) and
per partition :func:`records_of_paths`, plain functions that any other engine (Spark
``mapPartitions``, multiprocessing) can call the same way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from gikai_minutes._batch import expand_input, load_meetings
from gikai_minutes._errors import GikaiMinutesError
from gikai_minutes._extras import require
from gikai_minutes.export._records import utterance_records
from gikai_minutes.model import Meeting

__all__ = [
    "expand_paths",
    "meetings_of",
    "read_minutes",
    "records_of",
    "records_of_paths",
    "to_parquet",
]


def _bag_module() -> Any:
    return require("dask.bag", "dask", "gikai_minutes.dask")


def expand_paths(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[str]:
    """Files named by a path, a directory (walked for ``.txt``, ``.json``, ``.pdf``), a glob
    pattern, or a list of these; sorted, without repeats."""
    items = [paths_or_glob] if isinstance(paths_or_glob, str | os.PathLike) else paths_or_glob
    found = [str(p) for item in items for p in expand_input(os.fspath(item))]
    return list(dict.fromkeys(found))


def meetings_of(path: str, **options: Any) -> tuple[Meeting, ...]:
    """Every meeting in one file (see :func:`gikai_minutes._batch.load_meetings`)."""
    return load_meetings(path, **options)


def records_of(path: str, **options: Any) -> list[dict[str, Any]]:
    """Utterance records of every meeting in one file, as a list: what a process pool should
    return (plain dicts travel between processes at a fraction of the cost of meetings)."""
    return list(utterance_records(meetings_of(path, **options)))


def records_of_paths(paths: Iterable[str], **options: Any) -> Iterator[dict[str, Any]]:
    """Utterance records of every meeting in ``paths``: the per-partition function."""
    for path in paths:
        yield from utterance_records(meetings_of(path, **options))


def read_minutes(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    records: bool = False,
    npartitions: int | None = None,
    strict: bool = False,
    dialect: str | None = None,
    encoding: str | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of the :class:`Meeting` objects in the files, or with
    ``records=True`` of their utterance records (dicts, see ``UTTERANCE_COLUMNS``).

    Files are parsed lazily on the workers, ``npartitions`` groups of files (default: one
    partition per file, at most 1,000 partitions). A bad file raises on compute, as
    :func:`gikai_minutes.parse_file` would; use ``gikai-minutes convert`` to collect errors.
    """
    bag = _bag_module()
    paths = expand_paths(paths_or_glob)
    if not paths:
        raise GikaiMinutesError(f"no minutes files found in {paths_or_glob!r}")
    parts = npartitions or min(len(paths), 1000)
    options = {"strict": strict, "dialect": dialect, "encoding": encoding}
    files = bag.from_sequence(paths, npartitions=parts)
    if records:
        return files.map_partitions(_records_partition, options)
    return files.map(meetings_of, **options).flatten()


def _records_partition(paths: Sequence[str], options: dict[str, Any]) -> list[dict[str, Any]]:
    return list(records_of_paths(paths, **options))


def _as_records(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Utterance records of a partition holding meetings, records, or both."""
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Meeting):
            out.extend(utterance_records(item))
        else:
            out.append(item)
    return out


def _write_partition(items: Iterable[Any], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from gikai_minutes.export._parquet import arrow_schema

    table = pa.Table.from_pylist(_as_records(items), schema=arrow_schema())
    pq.write_table(table, path)
    return int(table.num_rows)


def to_parquet(bag: Any, directory: str | os.PathLike[str], *, compute: bool = True) -> Any:
    """Write a bag of utterance records (or of meetings) as one Parquet file per partition,
    ``part.00000.parquet``…, into ``directory`` (read it back with
    ``pandas.read_parquet(directory)``); return the number of rows written, or the list of
    delayed row counts with ``compute=False``."""
    dask = require("dask", "dask", "gikai_minutes.dask")
    target = os.fspath(directory)
    os.makedirs(target, exist_ok=True)
    write = dask.delayed(_write_partition)
    counts = [
        write(part, os.path.join(target, f"part.{i:05d}.parquet"))
        for i, part in enumerate(bag.to_delayed())
    ]
    return sum(dask.compute(*counts)) if compute else counts
