"""Exporters: they read a :class:`~gikai_minutes.model.Meeting` and write one format each."""

from gikai_minutes.export._json import (
    SCHEMA_VERSION,
    meeting_from_dict,
    meeting_from_json,
    meeting_to_dict,
    meeting_to_json,
)
from gikai_minutes.export._outline import format_outline
from gikai_minutes.export._text import format_summary, format_transcript

__all__ = [
    "SCHEMA_VERSION",
    "format_outline",
    "format_summary",
    "format_transcript",
    "meeting_from_dict",
    "meeting_from_json",
    "meeting_to_dict",
    "meeting_to_json",
]
