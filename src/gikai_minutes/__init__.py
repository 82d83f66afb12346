"""gikai_minutes: Japanese meeting minutes (議事録・会議録) as typed data.

>>> import gikai_minutes
>>> meeting = gikai_minutes.parse("会議（第1回）\\n\\n【辻座長】 開会します。\\n")
>>> meeting.utterances[0].speaker.role, meeting.utterances[0].text
('座長', '開会します。')

The model classes live in :mod:`gikai_minutes.model`, the sources (text, HTML,
DiscussNet, NDL, PDF) in :mod:`gikai_minutes.sources`, the exporters in :mod:`gikai_minutes.export`.
"""

from types import MappingProxyType

from gikai_minutes._api import (
    parse,
    parse_discussnet,
    parse_document,
    parse_file,
    parse_html,
    parse_ndl,
    parse_pdf,
)
from gikai_minutes._errors import (
    DecodeError,
    EmptyInputError,
    GikaiMinutesError,
    InputError,
    ParseError,
    SchemaError,
    UnknownDialectError,
)
from gikai_minutes._read.dialects import DIALECTS as _DIALECTS
from gikai_minutes._read.dialects import Dialect
from gikai_minutes._structure import build_structure
from gikai_minutes.export._schema import json_schema
from gikai_minutes.model import Meeting

__version__ = "0.1.0"

#: The header conventions by name, read-only (see ``docs/conventions.md``).
DIALECTS: MappingProxyType[str, Dialect] = MappingProxyType(_DIALECTS)

for _error in (
    DecodeError,
    EmptyInputError,
    GikaiMinutesError,
    InputError,
    ParseError,
    SchemaError,
    UnknownDialectError,
):
    _error.__module__ = __name__
del _error

__all__ = [
    "DIALECTS",
    "DecodeError",
    "EmptyInputError",
    "GikaiMinutesError",
    "InputError",
    "Meeting",
    "ParseError",
    "SchemaError",
    "UnknownDialectError",
    "__version__",
    "build_structure",
    "json_schema",
    "parse",
    "parse_discussnet",
    "parse_document",
    "parse_file",
    "parse_html",
    "parse_ndl",
    "parse_pdf",
]
