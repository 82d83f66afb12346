"""CSV of utterance records: the columns of :data:`UTTERANCE_COLUMNS`, one row per utterance.

List columns (``paragraphs``, ``pages``) are written as JSON arrays; ``None`` as an empty
cell. ``bom=True`` starts the output with a byte order mark so that Excel reads UTF-8.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from gikai_minutes.export._records import UTTERANCE_COLUMNS, utterance_records
from gikai_minutes.model import Meeting

__all__ = ["write_csv"]

_LISTS = frozenset(c.name for c in UTTERANCE_COLUMNS if c.kind in ("strings", "ints"))


def _cell(name: str, value: Any) -> Any:
    if name in _LISTS:
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def write_csv(
    meetings: Meeting | Iterable[Meeting], fp: TextIO, *, bom: bool = False, header: bool = True
) -> int:
    """Write a header row and one row per utterance to ``fp``; return the number of rows.

    Open ``fp`` with ``newline=""`` (rows end with CRLF, as RFC 4180 says).
    """
    if bom:
        fp.write("\ufeff")
    writer = csv.writer(fp)
    if header:
        writer.writerow([c.name for c in UTTERANCE_COLUMNS])
    count = 0
    for record in utterance_records(meetings):
        writer.writerow([_cell(k, v) for k, v in record.items()])
        count += 1
    return count
