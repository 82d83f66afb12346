"""Which reader a file needs, chosen by its content first and its suffix second."""

from __future__ import annotations

import os

import attrs

from gikai_minutes._errors import DecodeError, InputError
from gikai_minutes._read.decode import decode_bytes
from gikai_minutes.sources._document import SourceDocument
from gikai_minutes.sources._html import html_document, looks_like_html
from gikai_minutes.sources._pdf import PdfBackend, pdf_document
from gikai_minutes.sources._records import ndl_documents
from gikai_minutes.sources._text import text_document

__all__ = ["file_document", "reader_for"]

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_JSON_MARKS = ('"speechRecord"', '"meeting_info"', '"nameOfMeeting"')


def reader_for(data: bytes, name: str = "") -> str:
    """The reader for a file's bytes: ``pdf``, ``html``, ``ndl`` or ``text``.

    ``text`` covers plain text in any supported encoding and DiscussNet JSON (which the
    text reader unwraps). Content decides first (``%PDF-``, an HTML start, NDL records);
    the suffix decides for content that says nothing (``.html``/``.htm``); a ``.pdf`` name
    always goes to the PDF reader, so a damaged PDF fails as one.
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    suffix = os.path.splitext(name)[1].lower()
    if head.startswith(b"%PDF-") or suffix == ".pdf":
        return "pdf"
    if head.startswith((b"{", b"[")):
        sample = data[:4096].decode("utf-8", "ignore")
        return "ndl" if any(mark in sample for mark in _JSON_MARKS) else "text"
    if suffix in _HTML_SUFFIXES:
        return "html"
    try:
        text, _ = decode_bytes(data[:4096])
    except DecodeError:
        # A cut multi-byte character or a binary file: the full decode will tell.
        return "text"
    return "html" if looks_like_html(text) else "text"


def file_document(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> SourceDocument:
    """A file read with the reader its content and suffix call for (see :func:`reader_for`).

    NDL records holding more than one meeting raise :class:`InputError` (read them with
    :func:`gikai_minutes.parse_ndl`).
    """
    name = os.fspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror or exc}") from exc
    reader = reader_for(data, name)
    try:
        if reader == "pdf":
            return pdf_document(name, backend=backend, password=password)
        if reader == "html":
            return html_document(data, name=name, encoding=encoding)
        if reader == "ndl":
            documents = ndl_documents(data)
            if len(documents) != 1:
                raise InputError(
                    f"{name}: NDL records of {len(documents)} meetings;"
                    " read them with gikai_minutes.parse_ndl()"
                )
            return attrs.evolve(documents[0], name=name)
        return text_document(data, name=name, encoding=encoding)
    except DecodeError as exc:
        if str(exc).startswith(name):
            raise
        raise DecodeError(f"{name}: {exc}") from exc
