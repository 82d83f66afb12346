"""Public entry points: one per published form of minutes, all through one pipeline."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from gikai_minutes._pipeline import ParseOptions, run, run_text
from gikai_minutes.model import Meeting
from gikai_minutes.sources import (
    PdfBackend,
    SourceDocument,
    discussnet_document,
    file_document,
    html_document,
    ndl_documents,
    pdf_document,
    text_document,
)
from gikai_minutes.sources._text import is_plain_text

__all__ = [
    "parse",
    "parse_discussnet",
    "parse_document",
    "parse_file",
    "parse_html",
    "parse_ndl",
    "parse_pdf",
]


def parse(
    source: str | bytes,
    *,
    strict: bool = False,
    dialect: str | None = None,
    source_name: str | None = None,
    encoding: str | None = None,
    structure: bool = True,
) -> Meeting:
    """Parse minutes into a :class:`Meeting`.

    ``source`` may be ``str`` or ``bytes`` (decoded as in :func:`parse_file`); a DiscussNet
    JSON document is unwrapped with :func:`~gikai_minutes.sources.discussnet_text` first.
    By default problems become :attr:`Meeting.diagnostics` and nothing raises for any
    ``str``; ``strict=True`` raises :class:`ParseError` on the first warning or error
    instead. ``dialect`` forces a header convention (see :data:`DIALECTS`) instead of
    detecting it. ``structure`` builds :attr:`Meeting.structure` and the speakers'
    categories (see :func:`build_structure`); ``False`` skips that step.
    """
    if not isinstance(source, _TEXTS):
        raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
    options = (
        ParseOptions(strict, dialect, structure)
        if strict or dialect is not None or not structure
        else _DEFAULTS
    )
    if isinstance(source, str) and is_plain_text(source):  # the document would be the text
        return run_text(source, source_name, options)
    return run(text_document(source, name=source_name, encoding=encoding), options)


_DEFAULTS = ParseOptions()
_TEXTS = (str, bytes, bytearray)


def parse_document(
    document: SourceDocument,
    *,
    strict: bool = False,
    dialect: str | None = None,
    structure: bool = True,
) -> Meeting:
    """Parse a :class:`~gikai_minutes.sources.SourceDocument` made by any source."""
    return run(document, ParseOptions(strict, dialect, structure))


def parse_file(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    strict: bool = False,
    dialect: str | None = None,
    structure: bool = True,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> Meeting:
    """Read and parse a minutes file with the reader its content and suffix call for.

    PDF (by its ``%PDF-`` start) is read as in :func:`parse_pdf` with ``backend`` and
    ``password``; an HTML page (by its markup, or a ``.html``/``.htm`` name) as in
    :func:`parse_html`; NDL speech records of one meeting as in :func:`parse_ndl`; a
    DiscussNet JSON document as in :func:`parse_discussnet`; anything else as text. The
    reader used is :attr:`Meeting.source.reader <gikai_minutes.model.Source.reader>`.

    Text encodings are detected unless given: UTF-8 with or without BOM, UTF-16 with BOM,
    Shift_JIS/CP932; an HTML page's declared charset is honoured. CRLF and CR line ends
    are handled. ``structure`` is as in :func:`parse`. Raises :class:`InputError`
    subclasses for unreadable, binary or undecodable files.
    """
    document = file_document(path, encoding, backend=backend, password=password)
    return run(document, ParseOptions(strict, dialect, structure))


def parse_html(
    html: str | bytes,
    *,
    strict: bool = False,
    dialect: str | None = None,
    source_name: str | None = None,
    encoding: str | None = None,
    structure: bool = True,
) -> Meeting:
    """Parse minutes published as an HTML page.

    The page becomes text as a reader sees it, without scripts, navigation, speaker
    index lists or form controls (see :func:`~gikai_minutes.sources.html_text`); bytes
    are decoded with the page's declared charset unless ``encoding`` is given. The
    page's heading and a date in it fill the meeting's title and date when the text does
    not print them. ``meeting.source.text`` is the extracted text.
    """
    document = html_document(html, name=source_name, encoding=encoding)
    return run(document, ParseOptions(strict, dialect, structure))


def parse_discussnet(
    data: str | bytes | Mapping[str, Any],
    *,
    strict: bool = False,
    dialect: str | None = None,
    source_name: str | None = None,
    structure: bool = True,
) -> Meeting:
    """Parse a DiscussNet JSON document (see :func:`~gikai_minutes.sources.discussnet_text`)."""
    document = discussnet_document(data, name=source_name)
    return run(document, ParseOptions(strict, dialect, structure))


def parse_ndl(
    data: str | bytes | Mapping[str, Any] | Sequence[Any],
    *,
    strict: bool = False,
    dialect: str | None = None,
    structure: bool = True,
) -> tuple[Meeting, ...]:
    """Parse every meeting in NDL speech records (see
    :func:`~gikai_minutes.sources.ndl_documents`); house, meeting name and issue number
    come from the records' metadata."""
    options = ParseOptions(strict, dialect, structure)
    return tuple(run(document, options) for document in ndl_documents(data))


def parse_pdf(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    dialect: str | None = None,
    structure: bool = True,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> Meeting:
    """Parse the text layer of a PDF (needs the ``pdf`` extra).

    ``backend`` is ``"pdfium"`` (default) or ``"pypdf"``; both give the same normalised
    text (see :func:`~gikai_minutes.sources.pdf_text`). ``password`` opens an encrypted
    PDF. Page numbers, running headers and footers and margin line numbers become notes
    and fixes; utterances carry the pages they span.
    """
    document = pdf_document(path, backend=backend, password=password)
    return run(document, ParseOptions(strict, dialect, structure))
