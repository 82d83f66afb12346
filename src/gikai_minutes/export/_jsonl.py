"""JSON Lines: one utterance record per line (see :data:`UTTERANCE_COLUMNS`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from gikai_minutes.export._records import utterance_records
from gikai_minutes.model import Meeting

__all__ = ["jsonl_lines", "write_jsonl"]


def jsonl_lines(meetings: Meeting | Iterable[Meeting]) -> Iterator[str]:
    """Each utterance record as one line of JSON (UTF-8 characters kept), newline included."""
    for record in utterance_records(meetings):
        yield json.dumps(record, ensure_ascii=False) + "\n"


def write_jsonl(meetings: Meeting | Iterable[Meeting], fp: TextIO) -> int:
    """Write the utterance records of ``meetings`` to ``fp``; return the number of lines."""
    count = 0
    for line in jsonl_lines(meetings):
        fp.write(line)
        count += 1
    return count
