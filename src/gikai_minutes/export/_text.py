"""Plain-text views of a meeting: a readable transcript and a one-screen summary."""

from __future__ import annotations

import collections
import unicodedata

from gikai_minutes.model import Meeting, Utterances

__all__ = ["display_width", "format_summary", "format_transcript"]

#: Speaker labels in the summary are padded to the widest one, within these bounds (columns).
_LABEL_COLUMNS = (12, 40)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: two for wide and full-width characters (漢字, かな,
    全角), one for the rest."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, columns: int) -> str:
    return text + " " * max(columns - display_width(text), 0)


def format_transcript(meeting: Meeting) -> str:
    """Every utterance as ``[index] label: paragraph…``, paragraphs indented below."""
    out: list[str] = []
    for u in meeting.utterances:
        first, *rest = u.text.split("\n") if u.text else [""]
        out.append(f"[{u.index}] {u.speaker.label}: {first}")
        out.extend(f"    {p}" for p in rest)
    return "\n".join(out) + ("\n" if out else "")


def format_summary(meeting: Meeting) -> str:
    """Title, date, speakers with their turn counts, and diagnostics by severity."""
    lines = [
        f"title:      {meeting.title or '-'}",
        f"body:       {meeting.body_name or '-'}",
        f"session:    {meeting.session if meeting.session is not None else '-'}",
        f"date:       {meeting.date.isoformat() if meeting.date else '-'}"
        f" ({meeting.date_text or 'not found'})",
        f"dialect:    {meeting.dialect}",
        f"utterances: {len(meeting.utterances)}",
        f"speakers:   {len(meeting.speakers)}",
    ]
    utterances = meeting.utterances
    counts = collections.Counter(
        utterances.speaker_ids()
        if isinstance(utterances, Utterances)
        else (u.speaker.id for u in utterances)
    )
    low, high = _LABEL_COLUMNS
    columns = min(max([low, *(display_width(s.label) for s in meeting.speakers)]), high)
    for s in meeting.speakers:
        parts = f"name={s.name or '?'} role={s.role or '?'} category={s.category.value}"
        lines.append(f"  {_pad(s.label, columns)} {parts}  turns={counts.get(s.id, 0)}")
    if meeting.unparsed:
        lines.append(f"unparsed:   {len(meeting.unparsed)} block(s)")
    lines.append(f"diagnostics: {len(meeting.diagnostics)}")
    lines.extend(
        f"  line {d.line}: {d.severity.value}: {d.code}: {d.message}" for d in meeting.diagnostics
    )
    return "\n".join(lines) + "\n"
