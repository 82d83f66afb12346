"""Plain-text minutes: bytes decoded, DiscussNet JSON recognised by its content."""

from __future__ import annotations

import contextlib
import re

import attrs

from gikai_minutes._errors import InputError
from gikai_minutes._read.decode import decode_bytes
from gikai_minutes.model import Diagnostic, Severity
from gikai_minutes.sources._document import SourceDocument
from gikai_minutes.sources._html import looks_like_html
from gikai_minutes.sources._records import discussnet_document

__all__ = ["is_plain_text", "text_document"]

#: The start of a JSON object (matched in place: stripping the text would copy it).
_JSON_START = re.compile(r"[\ufeff \r\n\t]*\{")


def text_document(
    data: str | bytes, *, name: str | None = None, encoding: str | None = None
) -> SourceDocument:
    """A :class:`SourceDocument` from text or bytes (encoding detected unless given).

    A DiscussNet JSON document is unwrapped; anything else is taken as minutes text. Text
    that is an HTML page is still taken as text, with an ``html-input`` warning pointing
    to :func:`gikai_minutes.parse_html`.
    """
    used: str | None = None
    if isinstance(data, bytes | bytearray):
        text, used = decode_bytes(bytes(data), encoding)
    else:
        text = data
    if _may_be_discussnet(text):
        # Not valid DiscussNet after all: then it is parsed as the text it is.
        with contextlib.suppress(InputError):
            return attrs.evolve(discussnet_document(text, name=name), encoding=used)
    if not _may_be_html(text):
        return SourceDocument(text, name, used)
    html = Diagnostic(
        "html-input",
        "the input is an HTML page, read here as plain text with its markup;"
        " use gikai_minutes.parse_html() to read it as a page",
        Severity.WARNING,
        1,
    )
    return SourceDocument(text, name=name, encoding=used, diagnostics=(html,))


def is_plain_text(text: str) -> bool:
    """Whether :func:`text_document` takes ``text`` as minutes text as it is: no DiscussNet
    JSON to unwrap, no HTML page to warn about (the document would have only the text)."""
    return not _may_be_discussnet(text) and not _may_be_html(text)


def _may_be_discussnet(text: str) -> bool:
    return _JSON_START.match(text) is not None and text.find('"tenant_minutes"', 0, 2000) >= 0


def _may_be_html(text: str) -> bool:
    return text.find("<", 0, 2000) >= 0 and looks_like_html(text)  # no page without a "<"
