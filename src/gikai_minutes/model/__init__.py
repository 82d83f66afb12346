"""The typed data model of parsed minutes: frozen attrs classes, no parsing.

Offsets are character offsets into :attr:`Source.text`; line numbers are 1-based.
"""

from gikai_minutes.model._columns import Notes, Utterances
from gikai_minutes.model._meeting import (
    Diagnostic,
    FrontMatter,
    FrontMatterItem,
    FrontMatterKind,
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
    Speaker,
    SpeakerCategory,
    TextFix,
    UnparsedBlock,
    Utterance,
)
from gikai_minutes.model._positions import Span
from gikai_minutes.model._structure import (
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

__all__ = [
    "Diagnostic",
    "FrontMatter",
    "FrontMatterItem",
    "FrontMatterKind",
    "Meeting",
    "Note",
    "NoteKind",
    "Notes",
    "PageReference",
    "Paragraph",
    "ParagraphRef",
    "Person",
    "Presentation",
    "QAExchange",
    "Roster",
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
    "UnparsedBlock",
    "Utterance",
    "Utterances",
]
