"""Apache Parquet and Arrow tables of utterance records (needs the ``arrow`` extra: pyarrow)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from gikai_minutes._extras import require
from gikai_minutes.export._records import UTTERANCE_COLUMNS, utterance_records
from gikai_minutes.model import Meeting

__all__ = ["arrow_schema", "utterances_table", "write_parquet"]


def _pyarrow() -> Any:
    return require("pyarrow", "arrow", "Parquet and Arrow")


def arrow_schema() -> Any:
    """The ``pyarrow.Schema`` of the utterance records (one field per column)."""
    pa = _pyarrow()
    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "strings": pa.list_(pa.string()),
        "ints": pa.list_(pa.int64()),
    }
    return pa.schema([pa.field(c.name, types[c.kind], c.nullable) for c in UTTERANCE_COLUMNS])


def utterances_table(meetings: Meeting | Iterable[Meeting]) -> Any:
    """A ``pyarrow.Table`` with one row per utterance."""
    pa = _pyarrow()
    return pa.Table.from_pylist(list(utterance_records(meetings)), schema=arrow_schema())


def write_parquet(meetings: Meeting | Iterable[Meeting], path: str | os.PathLike[str]) -> int:
    """Write the utterance records to a Parquet file; return the number of rows."""
    table = utterances_table(meetings)
    require("pyarrow.parquet", "arrow", "Parquet").write_table(table, os.fspath(path))
    return int(table.num_rows)
