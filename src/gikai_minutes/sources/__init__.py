"""Sources: turn a published form of minutes into text plus metadata (:class:`SourceDocument`).

Sources do no parsing; :func:`gikai_minutes.parse_document` turns a document into a
:class:`~gikai_minutes.model.Meeting`.
"""

from gikai_minutes.sources._document import SourceDocument
from gikai_minutes.sources._pdf import pdf_document, pdf_text
from gikai_minutes.sources._records import (
    discussnet_document,
    discussnet_text,
    ndl_documents,
    ndl_meetings,
)
from gikai_minutes.sources._text import text_document

__all__ = [
    "SourceDocument",
    "discussnet_document",
    "discussnet_text",
    "ndl_documents",
    "ndl_meetings",
    "pdf_document",
    "pdf_text",
    "text_document",
]
