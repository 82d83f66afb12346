"""A pandas DataFrame of utterance records (needs the ``pandas`` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gikai_minutes._extras import require
from gikai_minutes.export._records import UTTERANCE_COLUMNS, utterance_records
from gikai_minutes.model import Meeting

__all__ = ["utterances_frame"]


def utterances_frame(meetings: Meeting | Iterable[Meeting]) -> Any:
    """A ``pandas.DataFrame`` with one row per utterance and the columns of
    :data:`UTTERANCE_COLUMNS`; nullable integer columns have the ``Int64`` dtype."""
    pd = require("pandas", "pandas", "utterances_frame")
    names = [c.name for c in UTTERANCE_COLUMNS]
    frame = pd.DataFrame.from_records(list(utterance_records(meetings)), columns=names)
    dtypes = {c.name: "Int64" for c in UTTERANCE_COLUMNS if c.kind == "int" and c.nullable}
    return frame.astype(dtypes)
