"""Public entry points: one per published form of minutes, all through one pipeline."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from gikai_minutes._errors import DecodeError, InputError
from gikai_minutes._pipeline import ParseOptions, run
from gikai_minutes.model import Meeting
from gikai_minutes.sources import (
    SourceDocument,
    discussnet_document,
    ndl_documents,
    pdf_document,
    text_document,
)

__all__ = ["parse", "parse_discussnet", "parse_document", "parse_file", "parse_ndl", "parse_pdf"]


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
    if not isinstance(source, str | bytes | bytearray):
        raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
    document = text_document(source, name=source_name, encoding=encoding)
    return run(document, ParseOptions(strict, dialect, structure))


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
) -> Meeting:
    """Read and parse a minutes file.

    The encoding is detected unless given: UTF-8 with or without BOM, UTF-16 with BOM,
    Shift_JIS/CP932. CRLF and CR line ends are handled. A DiscussNet JSON document is
    recognised and read with :func:`parse_discussnet`. ``structure`` is as in
    :func:`parse`. Raises :class:`InputError` subclasses for unreadable, binary or
    undecodable files.
    """
    name = os.fspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except (OSError, ValueError) as exc:
        # ValueError: a path with a NUL character, or one the file system cannot encode
        # (a lone surrogate: UnicodeEncodeError).
        message = getattr(exc, "strerror", None) or exc
        shown = name if name.isprintable() else ascii(name)
        raise InputError(f"{shown}: {message}") from exc
    try:
        document = text_document(data, name=name, encoding=encoding)
    except DecodeError as exc:
        raise DecodeError(f"{name}: {exc}") from exc
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
) -> Meeting:
    """Parse the text layer of a PDF (needs the ``pdf`` extra; see
    :func:`~gikai_minutes.sources.pdf_text`)."""
    return run(pdf_document(path), ParseOptions(strict, dialect, structure))
