"""What every source returns: the minutes as text, plus what the file said about itself."""

from __future__ import annotations

import datetime

import attrs

from gikai_minutes.model import Diagnostic

__all__ = ["SourceDocument"]


@attrs.frozen(slots=True)
class SourceDocument:
    """Minutes text extracted from a file or record, with metadata from outside the text.

    ``reader`` names the source that produced it (``text``, ``html``, ``discussnet``,
    ``ndl``, ``pdf:pdfium``, ``pdf:pypdf``); it is kept in the meeting's
    :attr:`~gikai_minutes.model.Source.reader`. The metadata fields fill the meeting's
    front matter where the text itself does not print them (the NDL's joined speeches
    never name the house, for example). ``diagnostics`` are what the source noticed
    (a vertical PDF, HTML given as text); they join the meeting's diagnostics.
    """

    text: str
    name: str | None = None
    encoding: str | None = None
    reader: str = "text"
    house: str | None = None
    meeting_name: str | None = None
    issue: int | None = None
    title: str | None = None
    date: datetime.date | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
