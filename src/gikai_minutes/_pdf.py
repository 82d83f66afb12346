"""PDF minutes through the optional ``pdf`` extra (pypdf): text layer in, Meeting out.

Each page's text ends with a line break and a form feed, as ``pdftotext`` prints it, so
page breaks and printed page numbers reach the parser's page rules.
"""

from __future__ import annotations

import os

from gikai_minutes._errors import InputError
from gikai_minutes._model import Meeting
from gikai_minutes._parser import parse_text
from gikai_minutes._structure import build_structure

__all__ = ["parse_pdf", "pdf_text"]


def pdf_text(path: str | os.PathLike[str]) -> str:
    """The text layer of a PDF, one form feed after each page."""
    try:
        import pypdf
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise InputError(
            "reading PDF needs the 'pdf' extra: pip install 'gikai-minutes[pdf]'"
        ) from exc
    try:
        reader = pypdf.PdfReader(os.fspath(path))
        pages = [page.extract_text() for page in reader.pages]
    except (OSError, pypdf.errors.PyPdfError) as exc:
        raise InputError(f"{os.fspath(path)}: cannot read PDF: {exc}") from exc
    return "".join(page.rstrip(" ") + "\n\f" for page in pages)


def parse_pdf(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    dialect: str | None = None,
    structure: bool = True,
) -> Meeting:
    """Parse the text layer of a PDF (see :func:`pdf_text`)."""
    name = os.fspath(path)
    meeting = parse_text(pdf_text(path), strict=strict, dialect=dialect, source_name=name)
    return build_structure(meeting) if structure else meeting
