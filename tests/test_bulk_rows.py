"""The bulk readers of :class:`Utterances` (:meth:`~Utterances.sized_paragraphs`,
:meth:`~Utterances.record_rows`) give what the per-utterance readers and the utterance
objects give, and their readers (the turns of the structure, the flat records) give the
same output for utterances kept as rows and for a meeting built by hand with tuples."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import gikai_minutes
from _helpers import REPO, diet_meetings
from gikai_minutes._structure._categories import category_from_role
from gikai_minutes._structure._turns import analyse_turns
from gikai_minutes.export import utterance_records
from gikai_minutes.model import Meeting, Speaker, Utterances
from gikai_minutes.model._columns import UtterancesBuilder, sized_paragraphs

LIMITS = (0, 1, 40, 200, 10**9)


def _conventions() -> Iterator[Meeting]:
    for path in sorted((REPO / "tests" / "conventions_corpus").glob("*.txt")):
        yield gikai_minutes.parse(path.read_text(encoding="utf-8"))


def _diet(shared: object) -> Iterator[Meeting]:
    for meeting in list(diet_meetings().values())[:12]:
        yield gikai_minutes.parse(meeting.text)


def _by_hand(meeting: Meeting) -> Meeting:
    """The meeting with its utterances and notes as tuples of objects."""
    return attrs.evolve(meeting, utterances=tuple(meeting.utterances), notes=tuple(meeting.notes))


def _built() -> Meeting:
    """A meeting whose rows hold an utterance without paragraphs, one without pages after
    one with pages, and paragraphs of several lines."""
    text = "【甲】一行目\n二行目\n\n【乙】\n【甲】三\n四\n"
    builder = UtterancesBuilder(text)
    builder.add(0, 0, 3, 11, [("一行目", 3, 6), ("二行目", 7, 10)], pages=(3, 4))
    builder.add(1, 12, 15, 16, [])
    builder.add(0, 16, 19, 23, [("三\n四", 19, 22)], [("rule", 20, 21, "\n")])
    speakers = [Speaker("s1", "甲"), Speaker("s2", "乙")]
    utterances = builder.finish(speakers)
    meeting = gikai_minutes.parse(text)
    return attrs.evolve(meeting, utterances=utterances, speakers=tuple(speakers))


def _check_rows(meeting: Meeting) -> None:
    utterances = meeting.utterances
    assert isinstance(utterances, Utterances)
    objects = tuple(utterances)
    for limit in LIMITS:
        expected = []
        for i in range(len(utterances)):
            chars = utterances.paragraph_chars(i)
            expected.append((chars, utterances.paragraph_texts(i) if chars <= limit else None))
        assert list(utterances.sized_paragraphs(limit)) == expected
        assert list(sized_paragraphs(objects, limit)) == expected
    records = [
        (
            u.index,
            u.speaker,
            u.text,
            [p.text for p in u.paragraphs],
            u.pages,
            u.span.start,
            u.span.end,
            u.header_span.first_line,
            u.span.last_line,
        )
        for u in objects
    ]
    assert list(utterances.record_rows()) == records
    from_rows = [
        (i, s, text, [t for t, _ in paras], pages, body[0], body[1], header[2], body[3])
        for i, s, text, paras, body, header, _, pages in utterances.rows()
    ]
    assert from_rows == records


def _check_readers(meeting: Meeting) -> None:
    hand = _by_hand(meeting)
    assert list(utterance_records(meeting)) == list(utterance_records(hand))
    categories = {s.id: category_from_role(s).category for s in meeting.speakers}
    for a, b in zip(
        analyse_turns(meeting, categories), analyse_turns(hand, categories), strict=True
    ):
        assert _turn(a) == _turn(b)


def _turn(t: Any) -> tuple[Any, ...]:
    return (
        t.index,
        t.speaker,
        t.category,
        t.position,
        t.length,
        t.courtesy,
        t.interjection,
        t.is_chair,
        t._raw,
        t._paragraphs,
        t.raw_paragraphs,
        t.paragraphs,
    )


def test_seed(seed: Meeting) -> None:
    _check_rows(seed)
    _check_readers(seed)


def test_conventions_corpus() -> None:
    for meeting in _conventions():
        _check_rows(meeting)
        _check_readers(meeting)


def test_diet_meetings(shared: object) -> None:
    for meeting in _diet(shared):
        _check_rows(meeting)
        _check_readers(meeting)


def test_rows_built_by_hand() -> None:
    meeting = _built()
    _check_rows(meeting)
    rows = list(meeting.utterances.record_rows())  # type: ignore[attr-defined]
    assert [r[3] for r in rows] == [["一行目", "二行目"], [], ["三\n四"]]
    assert [r[4] for r in rows] == [(3, 4), (), ()]
    assert list(sized_paragraphs(meeting.utterances, 6)) == [
        (6, ("一行目", "二行目")),
        (0, ()),
        (3, ("三\n四",)),
    ]
    assert list(sized_paragraphs(meeting.utterances, 6)) == list(
        sized_paragraphs(tuple(meeting.utterances), 6)
    )


def test_records_of_a_meeting_built_with_tuples(seed: Meeting) -> None:
    shifted = tuple(attrs.evolve(u, index=u.index + 3) for u in seed.utterances)
    hand = attrs.evolve(seed, utterances=shifted, notes=tuple(seed.notes))
    records = list(utterance_records(hand))
    assert [r["index"] for r in records] == [u.index for u in shifted]
    assert [r["text"] for r in records] == [u.text for u in seed.utterances]
    # two speakers of one id: each record reads its own
    other = attrs.evolve(shifted[1].speaker, label="別", name=None)
    mixed = (*shifted[:1], attrs.evolve(shifted[1], speaker=other), *shifted[2:])
    records = list(utterance_records(attrs.evolve(hand, utterances=mixed)))
    assert [(r["speaker_id"], r["label"], r["name"]) for r in records] == [
        (u.speaker.id, u.speaker.label, u.speaker.name) for u in mixed
    ]
    assert records[1]["label"] == "別"


@pytest.mark.parametrize("limit", [0, 200])
def test_long_turns_keep_no_text(seed: Meeting, limit: int) -> None:
    sizes = list(seed.utterances.sized_paragraphs(limit))  # type: ignore[attr-defined]
    assert all((texts is None) == (chars > limit) for chars, texts in sizes)
