"""gikai_minutes: Japanese meeting minutes (議事録・会議録) as typed data.

>>> import gikai_minutes
>>> meeting = gikai_minutes.parse("会議（第1回）\\n\\n【辻座長】 開会します。\\n")
>>> meeting.utterances[0].speaker.role, meeting.utterances[0].text
('座長', '開会します。')
"""

from gikai_minutes._api import parse, parse_file
from gikai_minutes._dialects import DIALECTS, Dialect
from gikai_minutes._errors import (
    DecodeError,
    EmptyInputError,
    GikaiMinutesError,
    InputError,
    ParseError,
    SchemaError,
    UnknownDialectError,
)
from gikai_minutes._model import (
    Diagnostic,
    FrontMatter,
    FrontMatterItem,
    Meeting,
    Note,
    NoteKind,
    Paragraph,
    Person,
    Roster,
    Segment,
    SegmentKind,
    Severity,
    Source,
    Span,
    Speaker,
    SpeakerCategory,
    TextFix,
    UnparsedBlock,
    Utterance,
)
from gikai_minutes._pdf import parse_pdf, pdf_text
from gikai_minutes._readers import discussnet_text, parse_discussnet, parse_ndl
from gikai_minutes._serialize import SCHEMA_VERSION
from gikai_minutes._structure import build_structure
from gikai_minutes._structure_model import (
    PageReference,
    ParagraphRef,
    Presentation,
    QAExchange,
    Section,
    SectionKind,
    SpeakerRule,
    Structure,
    TurnKind,
)

__version__ = "0.1.0"

__all__ = [
    "DIALECTS",
    "SCHEMA_VERSION",
    "DecodeError",
    "Diagnostic",
    "Dialect",
    "EmptyInputError",
    "FrontMatter",
    "FrontMatterItem",
    "GikaiMinutesError",
    "InputError",
    "Meeting",
    "Note",
    "NoteKind",
    "PageReference",
    "Paragraph",
    "ParagraphRef",
    "ParseError",
    "Person",
    "Presentation",
    "QAExchange",
    "Roster",
    "SchemaError",
    "Section",
    "SectionKind",
    "Segment",
    "SegmentKind",
    "Severity",
    "Source",
    "Span",
    "Speaker",
    "SpeakerCategory",
    "SpeakerRule",
    "Structure",
    "TextFix",
    "TurnKind",
    "UnknownDialectError",
    "UnparsedBlock",
    "Utterance",
    "__version__",
    "build_structure",
    "discussnet_text",
    "parse",
    "parse_discussnet",
    "parse_file",
    "parse_ndl",
    "parse_pdf",
    "pdf_text",
]
