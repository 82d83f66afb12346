"""Exporters: they read a :class:`~gikai_minutes.model.Meeting` and write one format each.

Tabular exports share one record per utterance (:func:`utterance_records`, columns in
:data:`UTTERANCE_COLUMNS`): JSON Lines, CSV, Parquet (``arrow`` extra) and pandas
(``pandas`` extra). Others: NDL-style speech records, Parla-CLARIN TEI, PoliInfo-style QA
records, and the JSON Schema of the meeting JSON.
"""

from gikai_minutes.export._csv import write_csv
from gikai_minutes.export._json import (
    SCHEMA_VERSION,
    meeting_from_dict,
    meeting_from_json,
    meeting_to_dict,
    meeting_to_json,
)
from gikai_minutes.export._jsonl import jsonl_lines, write_jsonl
from gikai_minutes.export._ndl import ndl_records, ndl_response
from gikai_minutes.export._outline import format_outline
from gikai_minutes.export._pandas import utterances_frame
from gikai_minutes.export._parquet import arrow_schema, utterances_table, write_parquet
from gikai_minutes.export._poliinfo import poliinfo_records
from gikai_minutes.export._records import UTTERANCE_COLUMNS, Column, utterance_records
from gikai_minutes.export._schema import json_schema
from gikai_minutes.export._tei import tei_string, tei_tree
from gikai_minutes.export._text import format_summary, format_transcript

__all__ = [
    "SCHEMA_VERSION",
    "UTTERANCE_COLUMNS",
    "Column",
    "arrow_schema",
    "format_outline",
    "format_summary",
    "format_transcript",
    "json_schema",
    "jsonl_lines",
    "meeting_from_dict",
    "meeting_from_json",
    "meeting_to_dict",
    "meeting_to_json",
    "ndl_records",
    "ndl_response",
    "poliinfo_records",
    "tei_string",
    "tei_tree",
    "utterance_records",
    "utterances_frame",
    "utterances_table",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]
