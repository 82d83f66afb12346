"""Speech records in the field names of the NDL Diet minutes API (国会会議録検索システム).

Tools written for the API's ``speechRecord`` list read any minutes this way: one record per
utterance in ``speechOrder`` from 1, and record 0 (speaker ``会議録情報``) holding the front
matter, as the NDL prints it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from gikai_minutes.export._records import as_meetings
from gikai_minutes.model import Meeting, Utterance

__all__ = ["NDL_SPEAKER_ROLES", "ndl_records", "ndl_response"]

#: Roles the NDL puts in ``speakerRole`` (the other roles go to ``speakerPosition`` only).
NDL_SPEAKER_ROLES = frozenset(
    {"議長", "副議長", "委員長", "会長", "小委員長", "分科会主査", "証人", "参考人", "公述人"}
)
#: The speaker of record 0, as the NDL names it.
FRONT_MATTER_SPEAKER = "会議録情報"


def issue_id(meeting: Meeting) -> str:
    """A 21-character id of the meeting (the NDL ``issueID`` length), from its checksum."""
    digest = (
        meeting.source.checksum.partition(":")[2]
        or hashlib.sha256(meeting.source.text.encode("utf-8", "surrogatepass")).hexdigest()
    )
    return digest[:21]


def _speech(u: Utterance) -> str:
    """The speech as the NDL prints it: ``○label　`` then the paragraphs, one per line."""
    return f"○{u.speaker.label}\u3000" + "\r\n\u3000".join(p.text for p in u.paragraphs)


def _meeting_fields(meeting: Meeting, issue: str) -> dict[str, Any]:
    fm = meeting.front_matter
    return {
        "issueID": issue,
        "imageKind": "会議録",
        "session": meeting.session,
        "nameOfHouse": fm.house,
        "nameOfMeeting": fm.meeting_name or meeting.body_name or meeting.title,
        "issue": f"第{fm.issue}号" if fm.issue is not None else None,
        "date": meeting.date.isoformat() if meeting.date else None,
        "closing": None,
    }


def _records(meeting: Meeting) -> Iterator[dict[str, Any]]:
    issue = issue_id(meeting)
    common = _meeting_fields(meeting, issue)
    fm = meeting.front_matter.span
    yield {
        "speechID": f"{issue}_000",
        **common,
        "speechOrder": 0,
        "speaker": FRONT_MATTER_SPEAKER,
        "speakerYomi": None,
        "speakerGroup": None,
        "speakerPosition": None,
        "speakerRole": None,
        "speech": meeting.source.text[fm.start : fm.end],
        "startPage": None,
    }
    for u in meeting.utterances:
        s = u.speaker
        yield {
            "speechID": f"{issue}_{u.index + 1:03d}",
            **common,
            "speechOrder": u.index + 1,
            "speaker": s.full_name or s.name or s.label,
            "speakerYomi": None,
            "speakerGroup": s.affiliation,
            "speakerPosition": s.title or s.role,
            "speakerRole": s.role if s.role in NDL_SPEAKER_ROLES else None,
            "speech": _speech(u),
            "startPage": u.pages[0] if u.pages else None,
        }


def ndl_records(meetings: Meeting | Iterable[Meeting]) -> list[dict[str, Any]]:
    """The NDL-style speech records of one meeting or many, in meeting and speech order."""
    return [r for m in as_meetings(meetings) for r in _records(m)]


def ndl_response(meetings: Meeting | Iterable[Meeting]) -> dict[str, Any]:
    """An API-like response ``{"numberOfRecords", "speechRecord": [...]}``; it reads back
    with :func:`gikai_minutes.parse_ndl`."""
    records = ndl_records(meetings)
    return {"numberOfRecords": len(records), "startRecord": 1, "speechRecord": records}
