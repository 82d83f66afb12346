"""Parla-CLARIN / ParlaMint-style TEI XML of a meeting.

``<u who="#speaker.N" ana="#chair|#regular|#guest" xml:id n>`` per utterance with one
``<seg>`` per paragraph, grouped in ``<div type="debateSection">`` per structure section (an
utterance that a section boundary cuts is split in two ``<u>`` linked by ``next``/``prev``);
notes as ``<note>``, ``<kinesic>``, ``<vocal>``, ``<incident>``, ``<pb n>`` and ``<fw>``
where they stand; a ``listPerson`` with ``persName`` (``surname``, ``roleName``) and
``affiliation``. Front matter before the first utterance goes to a ``<div type="preface">``
(title items as ``<head>``, others as ``<note type="date|text">``). Characters XML 1.0
cannot hold are written as U+FFFD.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from typing import Any

import regex

from gikai_minutes.model import (
    FrontMatterItem,
    FrontMatterKind,
    Meeting,
    Note,
    NoteKind,
    Paragraph,
    ParagraphRef,
    SpeakerCategory,
    Utterance,
)

__all__ = ["TEI_NS", "tei_string", "tei_tree"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: ``ana`` value of a speaker category (ParlaMint's speaker types).
SPEAKER_TYPE = {
    SpeakerCategory.CHAIR: "#chair",
    SpeakerCategory.MEMBER: "#regular",
}
GUEST = "#guest"

#: Stage directions by what they record: (element, type, pattern), first match wins.
STAGE_ELEMENTS: tuple[tuple[str, str, regex.Pattern[str]], ...] = (
    ("vocal", "interruption", regex.compile(r"呼ぶ|発言する者|声あり|「")),
    ("kinesic", "applause", regex.compile(r"拍手")),
    ("kinesic", "gesture", regex.compile(r"起立|登壇|降壇|着席|退席|退場|入場")),
)
#: Element and type of the other note kinds.
NOTE_ELEMENTS: dict[NoteKind, tuple[str, str]] = {
    NoteKind.TIME: ("note", "time"),
    NoteKind.SEPARATOR: ("note", "separator"),
    NoteKind.HEADING: ("note", "heading"),
    NoteKind.RUNNING_HEADER: ("fw", "header"),
    NoteKind.OTHER: ("note", "comment"),
    NoteKind.STAGE_DIRECTION: ("incident", "action"),
}
_NOT_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DIGITS = regex.compile(r"[0-9０-９]+")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(name), attrib)
    if text is not None:
        element.text = _xml(text)
    return element


def _note_element(parent: ET.Element, note: Note) -> None:
    if note.kind is NoteKind.PAGE_NUMBER:
        digits = _DIGITS.search(note.text)
        number = str(int(digits.group())) if digits else _xml(note.text.strip())
        _sub(parent, "pb", n=number)
        return
    name, kind = NOTE_ELEMENTS[note.kind]
    if note.kind is NoteKind.STAGE_DIRECTION:
        for element, stage_type, pattern in STAGE_ELEMENTS:
            if pattern.search(note.text):
                name, kind = element, stage_type
                break
    if name in ("vocal", "kinesic", "incident"):
        _sub(_sub(parent, name, type=kind), "desc", note.text)
    else:
        _sub(parent, name, note.text, type=kind)


def _header(root: ET.Element, meeting: Meeting, ids: dict[str, str]) -> None:
    header = _sub(root, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", meeting.title or meeting.source.name or "")
    _sub(_sub(file_desc, "publicationStmt"), "p", "Converted by gikai_minutes.")
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    _sub(bibl, "title", meeting.title or "")
    if meeting.body_name:
        _sub(bibl, "orgName", meeting.body_name)
    if meeting.date:
        _sub(
            bibl,
            "date",
            meeting.date_text or meeting.date.isoformat(),
            when=meeting.date.isoformat(),
        )
    _sub(bibl, "idno", meeting.source.checksum, type="checksum")
    profile = _sub(header, "profileDesc")
    persons = _sub(_sub(profile, "particDesc"), "listPerson")
    for speaker in meeting.speakers:
        person = _sub(persons, "person", **{_XML_ID: ids[speaker.id], "n": _xml(speaker.label)})
        pers_name = _sub(person, "persName")
        if speaker.full_name or speaker.name:
            _sub(pers_name, "surname", speaker.full_name or speaker.name)
        if speaker.role:
            _sub(pers_name, "roleName", speaker.role)
        if not (speaker.full_name or speaker.name or speaker.role):
            pers_name.text = _xml(speaker.label)
        if speaker.affiliation:
            _sub(person, "affiliation", speaker.affiliation)


def _events(meeting: Meeting) -> list[tuple[int, int, Any]]:
    """Front-matter items, notes and paragraphs in source order: (offset, order, item).

    An utterance without paragraphs is one event with paragraph index -1.
    """
    events: list[tuple[int, int, Any]] = [
        (item.span.start, 0, item) for item in meeting.front_matter.items
    ]
    events.extend((n.span.start, 0, n) for n in meeting.notes)
    for u in meeting.utterances:
        if not u.paragraphs:
            events.append((u.span.start, 1, (u, -1, None)))
        for k, p in enumerate(u.paragraphs):
            events.append((p.span.start, 1, (u, k, p)))
    events.sort(key=lambda e: (e[0], e[1]))
    return events


class _Writer:
    """Places front matter, paragraphs and notes into divisions and utterances in order."""

    def __init__(self, meeting: Meeting, body: ET.Element, ids: dict[str, str]) -> None:
        self.body = body
        self.ids = ids
        self.sections = meeting.structure.sections if meeting.structure else ()
        self.div: ET.Element | None = None
        self.section: int | None = None
        self.preface = False
        self.u: ET.Element | None = None
        self.u_index = -1
        self.parts: dict[int, list[ET.Element]] = {}

    def open_div(self, section: int | None) -> ET.Element:
        """The division for ``section`` (a new one when the section changes)."""
        if self.div is None or self.preface or section != self.section:
            attrib = {"type": "debateSection"}
            if section is not None:
                attrib["ana"] = f"#{self.sections[section].kind.value}"
            self.div = _sub(self.body, "div", **attrib)
            self.section = section
            self.preface = False
            self.u = None
            if section is not None and self.sections[section].title:
                _sub(self.div, "head", self.sections[section].title)
        return self.div

    def section_of(self, ref: ParagraphRef) -> int | None:
        """The section holding ``ref``; paragraphs come in order, so the search moves on."""
        start = self.section or 0
        for i in range(start, len(self.sections)):
            if self.sections[i].contains(ref):
                return i
        return None

    def paragraph(self, u: Utterance, k: int, p: Paragraph | None) -> None:
        ref = ParagraphRef(u.index, max(k, 0))
        div = self.open_div(self.section_of(ref) if self.sections else None)
        if self.u is None or self.u_index != u.index:
            parts = self.parts.setdefault(u.index, [])
            uid = f"u{u.index}" if not parts else f"u{u.index}.{len(parts)}"
            ana = SPEAKER_TYPE.get(u.speaker.category, GUEST)
            attrib = {"who": f"#{self.ids[u.speaker.id]}", "ana": ana, _XML_ID: uid}
            self.u = _sub(div, "u", **attrib, n=str(u.index))
            parts.append(self.u)
            self.u_index = u.index
        if p is not None:
            _sub(self.u, "seg", p.text, **{_XML_ID: f"u{u.index}.p{k}"})

    def outside(self) -> ET.Element:
        """Where text outside every utterance goes: the current division, or a preface
        division before the first utterance."""
        self.u = None
        if self.div is None:
            self.div = _sub(self.body, "div", type="preface")
            self.preface = True
        return self.div

    def note(self, note: Note) -> None:
        if self.u is not None and note.utterance_index == self.u_index:
            _note_element(self.u, note)
        else:
            _note_element(self.outside(), note)

    def front_matter(self, item: FrontMatterItem) -> None:
        if item.kind is FrontMatterKind.TITLE:
            _sub(self.outside(), "head", item.text)
        else:
            _sub(self.outside(), "note", item.text, type=item.kind.value)

    def link_parts(self) -> None:
        for parts in self.parts.values():
            for a, b in itertools.pairwise(parts):
                a.set("next", f"#{b.get(_XML_ID)}")
                b.set("prev", f"#{a.get(_XML_ID)}")


def tei_tree(meeting: Meeting) -> ET.ElementTree[ET.Element]:
    """The meeting as a TEI ``ElementTree`` (Parla-CLARIN style)."""
    ids = {s.id: f"speaker.{i}" for i, s in enumerate(meeting.speakers)}
    root = ET.Element(_tag("TEI"), {_XML_LANG: "ja"})
    _header(root, meeting, ids)
    body = _sub(_sub(root, "text"), "body")
    writer = _Writer(meeting, body, ids)
    for _, _, item in _events(meeting):
        if isinstance(item, Note):
            writer.note(item)
        elif isinstance(item, FrontMatterItem):
            writer.front_matter(item)
        else:
            writer.paragraph(*item)
    if writer.div is None:
        writer.open_div(None)
    writer.link_parts()
    return ET.ElementTree(root)


def tei_string(meeting: Meeting) -> str:
    """The meeting as a TEI XML document (with XML declaration), indented."""
    ET.register_namespace("", TEI_NS)
    tree = tei_tree(meeting)
    ET.indent(tree, space=" ")
    return ET.tostring(tree.getroot(), encoding="unicode", xml_declaration=True) + "\n"
