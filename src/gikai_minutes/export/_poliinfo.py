"""QA-alignment records in the style of the NTCIR PoliInfo tasks: one record per sentence.

Every sentence of every utterance becomes a record; sentences of a Q&A exchange's questions
have ``QorA`` ``"質問"`` and of its answers ``"答弁"``, with ``QAID`` (the exchange index)
and ``QuestionerID`` (the questioner's speaker id); other sentences have empty values there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from gikai_minutes._structure._text import sentences
from gikai_minutes.export._records import as_meetings, meeting_id
from gikai_minutes.model import Meeting

__all__ = ["ANSWER", "QUESTION", "poliinfo_records"]

QUESTION = "質問"
ANSWER = "答弁"


def _roles(meeting: Meeting) -> dict[int, tuple[str, int, str]]:
    """utterance index -> (QorA, exchange index, questioner id), first exchange wins."""
    roles: dict[int, tuple[str, int, str]] = {}
    exchanges = meeting.structure.exchanges if meeting.structure else ()
    for i, e in enumerate(exchanges):
        for u in e.questions:
            roles.setdefault(u, (QUESTION, i, e.questioner))
        for u in e.answers:
            roles.setdefault(u, (ANSWER, i, e.questioner))
    return roles


def _records(meeting: Meeting) -> Iterator[dict[str, Any]]:
    roles = _roles(meeting)
    number = 0
    for u in meeting.utterances:
        q_or_a, qa_id, questioner = roles.get(u.index, ("", None, ""))
        for k, p in enumerate(u.paragraphs):
            for sentence in sentences(p.text):
                yield {
                    "ID": number,
                    "MeetingID": meeting_id(meeting),
                    "Date": meeting.date.isoformat() if meeting.date else "",
                    "Meeting": meeting.title or meeting.body_name or "",
                    "Speaker": u.speaker.label,
                    "SpeakerID": u.speaker.id,
                    "Utterance": sentence,
                    "UtteranceIndex": u.index,
                    "Paragraph": k,
                    "QorA": q_or_a,
                    "QAID": "" if qa_id is None else str(qa_id),
                    "QuestionerID": questioner,
                }
                number += 1


def poliinfo_records(meetings: Meeting | Iterable[Meeting]) -> list[dict[str, Any]]:
    """PoliInfo-style sentence records of one meeting or many (``ID`` counts per meeting)."""
    return [r for m in as_meetings(meetings) for r in _records(m)]
