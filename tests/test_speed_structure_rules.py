"""The structure rules' shortcuts (issue 11) keep their results: combined cues, early exits,
page references read once per turn, one question check per chair turn, cached lookups.
No timings: counts and equivalences only."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
import regex

import gikai_minutes
from gikai_minutes import Meeting
from gikai_minutes._structure import _handouts, _qa
from gikai_minutes._structure._affiliations import (
    Affiliation,
    _is_whole_organisation,
    affiliation_before,
    split_affiliation,
)
from gikai_minutes._structure._categories import category_from_role
from gikai_minutes._structure._handouts import _in_paragraph, page_references
from gikai_minutes._structure._presentations import _WALK, _talk, _Talks
from gikai_minutes._structure._sections import (
    _ANY_AGENDA_CUE,
    AGENDA_RULES,
    _any_cue,
    build_sections,
)
from gikai_minutes._structure._text import (
    EXTRA_TITLES,
    TITLE_WORDS,
    WordEnd,
    base_name,
    raw_paragraphs,
    raw_text,
)
from gikai_minutes._structure._turns import Turn, analyse_turns
from gikai_minutes._text.lexicon import ROLE_WORDS
from gikai_minutes.model import (
    PageReference,
    ParagraphRef,
    Section,
    SectionKind,
    Speaker,
    SpeakerCategory,
)

_C = SpeakerCategory


def _turns(meeting: Meeting) -> list[Turn]:
    categories = {s.id: category_from_role(s).category for s in meeting.speakers}
    return analyse_turns(meeting, categories)


@pytest.mark.parametrize(
    "text",
    [
        "財政及び金融に関する件について調査を進めます。",
        "日程第4　陳情受理の報告について。",
        "これより会議を開きます。",
        "議案6件を一括して上程いたします。",
        "審査",
        "日程",
        "",
    ],
)
def test_combined_cue_finds_what_any_rule_cue_finds(text: str) -> None:
    expected = any(rule.cue.search(text) for rule in AGENDA_RULES)
    assert (_ANY_AGENDA_CUE.search(text) is not None) is expected


def test_combined_cue_on_mixed_fragments() -> None:
    fragments = [w for rule in AGENDA_RULES for w in rule.cue.pattern.split("|")]
    pieces = [*fragments, *(w[:-1] for w in fragments), "、", "。", "を", "第", "会議"]
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        expected = any(rule.cue.search(text) for rule in AGENDA_RULES)
        assert (_any_cue(AGENDA_RULES).search(text) is not None) is expected, text


TALK = "地域の取組を説明いたします。資料の3ページと5頁を御覧ください。" * 12

HEARING = f"""テスト研究会（第1回）
令和6年4月1日

【辻座長】 ただいまから研究会を開催いたします。

それでは、株式会社サンプル代表の山本様から、地域DXについて御説明をいただきます。
【山本代表】 ただいま御紹介いただきました山本です。{TALK}

続いて2枚目のスライドです。
【辻座長】 ありがとうございました。それでは、御質問をお願いします。
【田中委員】 資料の7ページについて教えてください。
【山本代表】 7ページは費用の内訳です。
【辻座長】 以上で研究会を終了します。次回は追って連絡します。
"""


@pytest.fixture(scope="module")
def hearing() -> Meeting:
    return gikai_minutes.parse(HEARING, structure=False)


def _reference_pages(meeting: Meeting, section: Section) -> list[PageReference]:
    """Page references straight from the model's paragraphs (no shortcut)."""
    found: list[PageReference] = []
    for u in section.utterance_range:
        for p, paragraph in enumerate(meeting.utterances[u].paragraphs):
            if ParagraphRef(u, p) < section.start or ParagraphRef(u, p) > section.end:
                continue
            found.extend(_in_paragraph(paragraph.text, u, p))
    return found


def test_page_references_read_each_turn_once(
    hearing: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    turns = _turns(hearing)
    last = len(turns) - 1
    sections = [
        Section(SectionKind.HEARING, ParagraphRef(0, 0), ParagraphRef(last, 0), "hearing"),
        Section(SectionKind.HEARING, ParagraphRef(1, 1), ParagraphRef(3, 0), "hearing"),
        Section(SectionKind.HEARING, ParagraphRef(1, 0), ParagraphRef(1, 0), "hearing"),
    ]
    for section in sections:
        reads: list[int] = []

        def counted(turn: Turn, reads: list[int] = reads) -> tuple[str, ...]:
            reads.append(turn.index)
            return raw_paragraphs(turn)

        monkeypatch.setattr(_handouts, "raw_paragraphs", counted)
        refs = page_references(turns, section)
        assert len(reads) == len(set(reads))
        assert list(refs) == _reference_pages(hearing, section)
        for r in refs:
            assert raw_paragraphs(turns[r.utterance])[r.paragraph][r.start : r.end] == r.text
    assert [r.page for r in page_references(turns, sections[0])][-3:] == [2, 7, 7]


def test_raw_text_joins_raw_paragraphs(hearing: Meeting) -> None:
    for turn in _turns(hearing):
        assert raw_text(turn) == "\n".join(raw_paragraphs(turn))


def test_each_chair_turn_is_checked_for_a_question_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chair = "\n".join(f"【辻座長】 {k}点目について確認します。いかがですか。" for k in range(1, 30))
    text = (
        "テスト会議\n\n"
        + chair
        + "\n【佐藤課長】 お答えします。順に説明いたします。\n"
        + chair
        + "\n【佐藤課長】 続けてお答えします。\n【田中委員】 費用について教えてください。\n"
        "【佐藤課長】 年間100万円ほどです。\n"
    )
    meeting = gikai_minutes.parse(text, structure=False)
    calls: list[int] = []
    asks = _qa._asks

    def counted(turn: Turn) -> bool:
        calls.append(turn.index)
        return asks(turn)

    monkeypatch.setattr(_qa, "_asks", counted)
    structured = gikai_minutes.build_structure(meeting)
    assert calls
    assert len(calls) == len(set(calls))
    assert structured.structure is not None
    exchanges = structured.structure.exchanges
    assert exchanges[-1].questioner == meeting.utterances[-2].speaker.id


@pytest.mark.parametrize(
    "text",
    [
        "【辻座長】 ただいまから会議を開きます。何か御質問はありますか。\n",
        "【辻座長】 開会します。\n【田中委員】 費用について教えてください。\n"
        "【山田委員】 私も知りたいです。どうでしょうか。\n",
    ],
)
def test_no_respondent_means_no_exchange(text: str) -> None:
    meeting = gikai_minutes.parse(text)
    assert meeting.structure is not None
    assert meeting.structure.exchanges == ()


def test_closing_after_the_content_end_inside_one_turn() -> None:
    text = (
        "【辻座長】 次回の日程は後で決めます。\n\n財政に関する件について調査を進めます。\n\n"
        "以上で本日の会議を終了します。\n"
    )
    meeting = gikai_minutes.parse(text, structure=False)
    sections = build_sections(_turns(meeting), [], [])
    assert [(s.kind, s.start, s.end) for s in sections] == [
        (SectionKind.OPENING, ParagraphRef(0, 0), ParagraphRef(0, 0)),
        (SectionKind.AGENDA_ITEM, ParagraphRef(0, 1), ParagraphRef(0, 1)),
        (SectionKind.CLOSING, ParagraphRef(0, 2), ParagraphRef(0, 2)),
    ]


def test_no_boundary_means_no_sections() -> None:
    meeting = gikai_minutes.parse("【辻座長】 次回は追って連絡します。散会します。\n")
    assert meeting.structure is not None
    assert meeting.structure.sections == ()
    assert build_sections([], [], [], [(ParagraphRef(0, 0), "《議事》")]) == []


def test_cached_lookups_depend_on_the_words_only() -> None:
    a = Speaker("a", "星埜課長", name="星埜", role="課長")
    b = Speaker("b", "久芳課長", name="久芳", role="課長")
    assert category_from_role(a) is category_from_role(b)
    assert category_from_role(a).category is _C.GOVERNMENT
    member = Speaker("c", "田中君", name="田中", honorific="君")
    assert category_from_role(member).rule == "member-honorific"
    assert base_name("渡辺（周）") == base_name("渡辺 （周）") == "渡辺"
    assert base_name("") is None


def _reference_affiliation(prefix: str) -> Affiliation:
    """``affiliation_before`` as first written: split the whole prefix into clauses."""
    prefix = prefix.rstrip(" \u3000")
    if prefix.endswith("の"):
        prefix = prefix[:-1]
    clauses = re.split(r"[、,，]", prefix.rstrip("、,，"))
    found = split_affiliation(clauses[-1])
    if found.organisation is None and len(clauses) >= 2:
        org = _is_whole_organisation(clauses[-2])
        if org is not None:
            return Affiliation(org, found.title)
    return found


def test_affiliation_reads_the_last_clauses_only() -> None:
    pieces = [
        "北九州市",
        "東京都",
        "デジタル推進課長",
        "株式会社サンプル",
        "代表",
        "、",
        "，",
        "の",
        " ",
        "\u3000",
        "続きまして",
    ]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        tail = "".join(rng.choice(["様", "", "から"]) for _ in range(2))
        assert affiliation_before(text + tail, len(text)) == affiliation_before(text), text
        assert affiliation_before(text) == _reference_affiliation(text), text


@dataclasses.dataclass
class _StubTurn:
    """What a talk's walk reads of a turn."""

    index: int
    speaker: str
    empty: bool
    courtesy: bool
    is_chair: bool


def _reference_talk(turns: list[_StubTurn], start: int, presenter: str) -> list[int]:
    talk: list[int] = []
    for turn in turns[start:]:
        if turn.speaker == presenter:
            talk.append(turn.index)
        elif not (turn.empty or (turn.is_chair and turn.courtesy)):
            break
    return talk


def test_talks_match_a_plain_walk() -> None:
    rng = random.Random(13)
    for _ in range(300):
        turns = []
        for k in range(rng.randint(1, 12)):
            speaker = rng.choice("abcC")
            empty, courtesy = rng.random() < 0.3, rng.random() < 0.3
            turns.append(_StubTurn(k, speaker, empty, courtesy, speaker == "C"))
        talks = _Talks(turns)  # type: ignore[arg-type]
        for start in range(len(turns) + 1):
            for presenter in "abcC":
                assert talks.talk(start, presenter) == _reference_talk(turns, start, presenter)


def test_word_end_finds_what_the_alternation_finds() -> None:
    words = sorted({*ROLE_WORDS, *EXTRA_TITLES}, key=len, reverse=True)
    pattern = regex.compile("(?:" + "|".join(regex.escape(w) for w in words) + ")$")
    ends = WordEnd(words)
    pieces = [*rng_words(words), "山田", "の", "\n", "長", "課", " "]
    rng = random.Random(14)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        begin = rng.randint(0, len(text))
        end = rng.randint(begin, len(text))
        m = pattern.search(text, begin, end)
        assert ends.start(text, begin, end) == (m.start() if m else -1), (text, begin, end)
        m = pattern.search(text)
        assert TITLE_WORDS.start(text) == (m.start() if m else -1), text


def rng_words(words: list[str]) -> list[str]:
    """A sample of the words and of their tails."""
    sample = words[::7]
    return [*sample, *(w[1:] for w in sample if len(w) > 1)]


def test_long_runs_of_skippable_turns() -> None:
    rng = random.Random(15)
    for _ in range(20):
        turns = []
        for k in range(rng.randint(_WALK - 5, 2 * _WALK + 5)):
            speaker = rng.choice("abC") if rng.random() < 0.02 else "x"
            turns.append(_StubTurn(k, speaker, speaker == "x", False, speaker == "C"))
        talks = _Talks(turns)  # type: ignore[arg-type]
        for start in range(0, len(turns), 7):
            for presenter in "abx":
                expected = _reference_talk(turns, start, presenter)
                assert talks.talk(start, presenter) == expected
                walked = _talk(turns, start, presenter)  # type: ignore[arg-type]
                assert walked is None or walked == expected
