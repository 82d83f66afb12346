"""PDF minutes through the optional ``pdf`` extra (pypdf): text layer in, Meeting out.

Each page's text ends with a line break and a form feed, as ``pdftotext`` prints it, so
page breaks and printed page numbers reach the parser's page rules.
"""

from __future__ import annotations

import os

from gikai_minutes._errors import InputError
from gikai_minutes.sources._document import SourceDocument

__all__ = ["pdf_document", "pdf_text"]


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


def pdf_document(path: str | os.PathLike[str]) -> SourceDocument:
    """The text layer of a PDF as a :class:`SourceDocument` (see :func:`pdf_text`)."""
    return SourceDocument(pdf_text(path), name=os.fspath(path), reader="pdf")
