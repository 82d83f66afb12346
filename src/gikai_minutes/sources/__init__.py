"""Sources: turn a published form of minutes into text plus metadata (:class:`SourceDocument`).

Sources do no parsing; :func:`gikai_minutes.parse_document` turns a document into a
:class:`~gikai_minutes.model.Meeting`.
"""

from gikai_minutes.sources._document import SourceDocument
from gikai_minutes.sources._files import file_document, reader_for
from gikai_minutes.sources._html import html_document, html_text, looks_like_html
from gikai_minutes.sources._pdf import PDF_BACKENDS, PdfBackend, pdf_document, pdf_pages, pdf_text
from gikai_minutes.sources._records import (
    discussnet_document,
    discussnet_text,
    ndl_documents,
    ndl_meetings,
)
from gikai_minutes.sources._text import text_document

__all__ = [
    "PDF_BACKENDS",
    "PdfBackend",
    "SourceDocument",
    "discussnet_document",
    "discussnet_text",
    "file_document",
    "html_document",
    "html_text",
    "looks_like_html",
    "ndl_documents",
    "ndl_meetings",
    "pdf_document",
    "pdf_pages",
    "pdf_text",
    "reader_for",
    "text_document",
]
