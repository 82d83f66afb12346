"""Readers for minutes served as JSON: DiscussNet systems and the NDL Diet minutes API.

They turn the served records into the text a user would download and parse that, so
the returned :class:`Meeting` tiles the extracted text (not the JSON around it).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

import regex

from gikai_minutes._errors import InputError
from gikai_minutes._text.numerals import parse_number
from gikai_minutes.sources._document import SourceDocument

__all__ = ["discussnet_document", "discussnet_text", "ndl_documents", "ndl_meetings"]

_TAGS = regex.compile(r"</?pre[^>]*>|<br\s*/?>", regex.IGNORECASE)
_ANY_TAG = regex.compile(r"<[^>\n]{1,200}>")
_ISSUE = regex.compile(r"第\s*([0-9０-９〇一二三四五六七八九十百]+)\s*号")


def _load(data: str | bytes | Mapping[str, Any] | Sequence[Any]) -> Any:
    if isinstance(data, str | bytes):
        try:
            return json.loads(data)
        except (ValueError, RecursionError) as exc:
            # ValueError: bad JSON, bad UTF-8, an integer over Python's digit limit;
            # RecursionError: arrays or objects nested too deep.
            raise InputError(f"not JSON: {exc}") from exc
    return data


def discussnet_text(data: str | bytes | Mapping[str, Any]) -> str:
    """The minutes text of a DiscussNet ``{"tenant_minutes": [...]}`` document.

    Each record's ``body`` is unwrapped from ``<pre>``, ``<br />`` become line breaks,
    other tags are dropped and HTML entities decoded; records are joined by a newline.
    """
    doc = _load(data)
    records = doc.get("tenant_minutes") if isinstance(doc, Mapping) else None
    if not isinstance(records, list):
        raise InputError("not a DiscussNet document: no 'tenant_minutes' list")
    bodies = []
    for record in records:
        body = record.get("body") if isinstance(record, Mapping) else None
        if not isinstance(body, str):
            continue
        text = _TAGS.sub(lambda m: "\n" if m.group().lower().startswith("<br") else "", body)
        bodies.append(html.unescape(_ANY_TAG.sub("", text)).rstrip("\n"))
    return "\n".join(bodies) + "\n"


def discussnet_document(
    data: str | bytes | Mapping[str, Any], *, name: str | None = None
) -> SourceDocument:
    """A DiscussNet JSON document as a :class:`SourceDocument` (see :func:`discussnet_text`)."""
    return SourceDocument(discussnet_text(data), name=name, reader="discussnet")


def ndl_meetings(data: str | bytes | Mapping[str, Any] | Sequence[Any]) -> dict[str, list[Any]]:
    """Speech records grouped by meeting, each group sorted by speech order.

    Accepts the NDL API's ``{"speechRecord": [...]}``, a ``{"data": [...]}`` dump of
    records with ``meeting_info``, or a plain list of either kind of record.
    """
    doc = _load(data)
    if isinstance(doc, Mapping):
        doc = doc.get("speechRecord", doc.get("data"))
    if not isinstance(doc, list):
        raise InputError("not NDL speech records: expected a list of records")
    groups: dict[str, list[Any]] = {}
    for record in doc:
        if not isinstance(record, Mapping):
            continue
        key = str(record.get("issueID") or str(record.get("id", "")).rsplit("_", 1)[0])
        groups.setdefault(key, []).append(record)
    for records in groups.values():
        records.sort(key=_order)
    return groups


def _order(record: Mapping[str, Any]) -> int:
    info = record.get("meeting_info")
    value = info.get("speech_order") if isinstance(info, Mapping) else record.get("speechOrder")
    try:
        return int(str(value))
    except ValueError:
        return 0


def _field(record: Mapping[str, Any], *names: str) -> str | None:
    info = record.get("meeting_info")
    for name in names:
        for source in (record, info if isinstance(info, Mapping) else {}):
            value = source.get(name)
            if isinstance(value, str) and value:
                return value
    return None


def ndl_documents(
    data: str | bytes | Mapping[str, Any] | Sequence[Any],
) -> tuple[SourceDocument, ...]:
    """One :class:`SourceDocument` per meeting in NDL speech records.

    The records' texts are joined with CRLF in speech order; house, meeting name and
    issue number come from the first record's metadata.
    """
    documents = []
    for key, records in ndl_meetings(data).items():
        texts = [_field(r, "text", "speech") or "" for r in records]
        first = records[0]
        issue_match = _ISSUE.search(_field(first, "issue") or "")
        documents.append(
            SourceDocument(
                "\r\n".join(texts),
                name=key,
                reader="ndl",
                house=_field(first, "house", "nameOfHouse"),
                meeting_name=_field(first, "meeting_name", "nameOfMeeting", "committee"),
                issue=parse_number(issue_match.group(1)) if issue_match else None,
            )
        )
    return tuple(documents)
