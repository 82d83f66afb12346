"""A readable outline of a meeting's structure: sections, presentations and exchanges."""

from __future__ import annotations

import regex

from gikai_minutes._structure._text import CALL_FOR_QUESTIONS, clean, is_courtesy, sentences
from gikai_minutes.model import Meeting, QAExchange, Section, Speaker, Structure
from gikai_minutes.model._columns import paragraph_texts

__all__ = ["format_outline"]

#: Characters of a question shown after ``questioner → respondent:``.
GIST = 40


def _label(meeting: Meeting, speaker_id: str) -> str:
    try:
        return meeting.speaker(speaker_id).label
    except KeyError:
        return speaker_id


_PREAMBLE = regex.compile(
    r"ありがとう|と申します|の[^、。]{1,12}(?:です|でございます)。$|よろしくお願い"
)


def _preamble(sentence: str) -> bool:
    """Thanks, greetings, self-introductions and calls for questions before the point."""
    return (
        is_courtesy([sentence])
        or CALL_FOR_QUESTIONS.search(sentence) is not None
        or _PREAMBLE.search(sentence) is not None
    )


def _gist(meeting: Meeting, utterance: int, width: int = GIST) -> str:
    """The first words of a turn, preamble skipped: ``私は、内閣府で…``."""
    text = " ".join(map(clean, paragraph_texts(meeting.utterances, utterance)))
    parts = sentences(text)
    first = 0
    while first + 1 < len(parts) and _preamble(parts[first]):
        first += 1
    words = ""
    for part in parts[first:]:  # only as many sentences as the gist shows
        words += part
        if len(words) > width:
            return words[:width] + "…"
    return words


def _where(section: Section) -> str:
    s, e = section.start, section.end
    return f"[{s.utterance}.{s.paragraph}–{e.utterance}.{e.paragraph}]"


def _speaker_line(s: Speaker) -> str:
    parts = [f"{s.label}: {s.category.value}"]
    if s.affiliation or s.title:
        parts.append(" ".join(x for x in (s.affiliation, s.title) if x))
    if s.aliases:
        parts.append("also " + "、".join(s.aliases))
    return "  " + "; ".join(parts)


def _exchange_line(meeting: Meeting, structure: Structure, k: int, e: QAExchange) -> str:
    respondents = "、".join(_label(meeting, r) for r in e.respondents)
    turns = f"{','.join(map(str, e.questions))}→{','.join(map(str, e.answers))}"
    note = e.rule if e.follows_up is None else f"{e.rule} of #{e.follows_up + 1}"
    gist = _gist(meeting, e.questions[0])
    return (
        f"    #{k + 1} {_label(meeting, e.questioner)} → {respondents}: {gist}  [{turns}; {note}]"
    )


def format_outline(meeting: Meeting) -> str:
    """Speakers, then each section with its presentation and its exchanges as
    ``questioner → respondent: first words…``."""
    lines = [meeting.title or meeting.front_matter.meeting_name or "(untitled)"]
    if meeting.date:
        lines[0] += f"  {meeting.date.isoformat()}"
    structure = meeting.structure
    if structure is None:
        lines.append("(no structure: parse with structure=True)")
        return "\n".join(lines) + "\n"
    lines.append("speakers:")
    lines.extend(_speaker_line(s) for s in meeting.speakers)
    by_section: dict[int | None, list[int]] = {}
    for j, e in enumerate(structure.exchanges):
        by_section.setdefault(e.section, []).append(j)
    shown: set[int] = set()
    for k, section in enumerate(structure.sections):
        title = f": {section.title}" if section.title else ""
        lines.append(f"{k + 1}. {section.kind.value}{title}  {_where(section)}")
        if section.presentation is not None:
            p = structure.presentations[section.presentation]
            who = " ".join(x for x in (p.organisation, p.title) if x)
            pages = f"; pages {', '.join(map(str, p.page_numbers))}" if p.pages else ""
            talk = ",".join(map(str, p.talk))
            lines.append(
                f"   presentation: {_label(meeting, p.presenter)}"
                f"{f' ({who})' if who else ''}; talk [{talk}]{pages}"
            )
        for j in by_section.get(k, ()):
            lines.append(_exchange_line(meeting, structure, j, structure.exchanges[j]))
            shown.add(j)
    rest = [j for j in range(len(structure.exchanges)) if j not in shown]
    if rest:
        lines.append("exchanges:" if not structure.sections else "exchanges outside sections:")
        lines.extend(_exchange_line(meeting, structure, j, structure.exchanges[j]) for j in rest)
    if not structure.sections and not structure.exchanges:
        lines.append("(no sections or exchanges found)")
    return "\n".join(lines) + "\n"
