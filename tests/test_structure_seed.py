"""Exact structure expectations on the seed (総務省 研究会 第10回, 令和5年3月30日).

Everything below was read off the document itself: the chair's introductions of the four
invited speakers, every nomination, question, answer and thank-you in the four
discussions, and where the chair closes one hearing and opens the next.
"""

from __future__ import annotations

import pytest

import gikai_minutes
from _helpers import SEED
from gikai_minutes.model import ParagraphRef, QAExchange, SectionKind, SpeakerCategory, TurnKind

T, HOKKAIDO, K, M = 0, 1, 2, 3  # presentation numbers: 東京都, 北海道, 北九州市, 真岡市

# (questioner, questions, respondent, answers, rule, presentation, closing turn)
EXCHANGES = [
    ("田中委員", (3,), "星埜課長", (4,), "nominated", T, 5),
    ("太田委員", (7,), "星埜課長", (8,), "nominated", T, 9),
    ("権丈委員", (11,), "星埜課長", (12,), "nominated", T, 13),
    ("片山委員", (17,), "星埜課長", (18,), "floor-request", T, None),
    ("片山委員", (19,), "星埜課長", (20,), "follow-up", T, 21),
    ("辻座長", (22,), "星埜課長", (23,), "chair-question", T, None),
    ("森本委員", (25,), "星埜課長", (26,), "nominated", T, 27),
    ("田中委員", (35,), "所局長", (36,), "nominated", HOKKAIDO, 37),
    ("権丈委員", (39,), "所局長", (40,), "nominated", HOKKAIDO, 41),
    ("矢島委員", (43,), "所局長", (44,), "nominated", HOKKAIDO, None),
    ("矢島委員", (45,), "所局長", (46,), "follow-up", HOKKAIDO, 47),
    ("松尾委員", (49,), "所局長", (50,), "nominated", HOKKAIDO, 51),
    ("佐々木委員", (53,), "所局長", (54,), "nominated", HOKKAIDO, 55),
    ("太田委員", (57,), "所局長", (58,), "nominated", HOKKAIDO, 59),
    ("辻座長", (60,), "所局長", (61,), "chair-question", HOKKAIDO, None),
    ("田中委員", (65,), "久芳課長", (66,), "nominated", K, None),
    ("田中委員", (67,), "久芳課長", (68,), "follow-up", K, 69),
    ("権丈委員", (71,), "久芳課長", (72,), "nominated", K, 73),
    ("矢島委員", (75,), "久芳課長", (76,), "nominated", K, 77),
    ("辻座長", (78,), "久芳課長", (79,), "chair-question", K, None),
    ("田中委員", (85,), "石崎係長", (86,), "nominated", M, 87),
    ("飯島委員", (89,), "石崎係長", (90,), "nominated", M, 91),
    ("佐々木委員", (93,), "石崎係長", (94,), "nominated", M, 95),
    ("辻座長", (96,), "石崎係長", (97,), "chair-question", M, None),
]
#: The chair's turns that hand the floor to the next speaker (``太田委員、お願いします。``).
NOMINATIONS = {2, 6, 10, 16, 24, 34, 38, 42, 48, 52, 56, 64, 70, 74, 84, 88, 92}
#: Turns that are only thanks or greetings.
COURTESIES = {9, 13, 21, 27, 29, 32, 47, 51, 55, 59, 73, 77, 81, 91, 95}

PRESENTATIONS = [
    # presenter, organisation, title, topic, introduction, talk, pages
    (
        "星埜課長",
        "東京都",
        "デジタルサービス局戦略部デジタル推進課長",
        "東京都におけるデジタル人材の確保・育成に関する取組み",
        ParagraphRef(0, 6),
        (1,),
        (13, 24, 25),
    ),
    (
        "所局長",
        "北海道",
        "総合政策部次世代社会戦略局長",
        "北海道におけるデジタル人材の確保・育成に関する取組",
        ParagraphRef(30, 0),
        (31, 33),
        (5, 13, 14),
    ),
    (
        "久芳課長",
        "北九州市",
        "デジタル市役所推進課長",
        "北九州市におけるデジタル人材の確保・育成",
        ParagraphRef(62, 1),
        (63,),
        (1, 3, 4, 7, 9),
    ),
    (
        "石崎係長",
        "真岡市",
        "総務部デジタル戦略課係長",
        "真岡市におけるデジタル人材の確保・育成に関する取組み",
        ParagraphRef(82, 0),
        (83,),
        (2, 19, 21, 22),
    ),
]

SECTIONS = [
    (SectionKind.OPENING, ParagraphRef(0, 0), ParagraphRef(0, 5), None),
    (SectionKind.HEARING, ParagraphRef(0, 6), ParagraphRef(29, 0), T),
    (SectionKind.HEARING, ParagraphRef(30, 0), ParagraphRef(62, 0), HOKKAIDO),
    (SectionKind.HEARING, ParagraphRef(62, 1), ParagraphRef(81, 0), K),
    (SectionKind.HEARING, ParagraphRef(82, 0), ParagraphRef(98, 2), M),
    (SectionKind.CLOSING, ParagraphRef(98, 3), ParagraphRef(100, 0), None),
]

MEMBERS = ["田中", "太田", "権丈", "片山", "森本", "矢島", "松尾", "佐々木", "飯島"]


@pytest.fixture(scope="module")
def seed() -> gikai_minutes.Meeting:
    return gikai_minutes.parse_file(SEED)


def test_speaker_categories(seed: gikai_minutes.Meeting) -> None:
    expected = {"辻座長": SpeakerCategory.CHAIR, "江口理事官": SpeakerCategory.SECRETARIAT}
    expected |= {f"{m}委員": SpeakerCategory.MEMBER for m in MEMBERS}
    expected |= {p[0]: SpeakerCategory.PRESENTER for p in PRESENTATIONS}
    assert {s.id: s.category for s in seed.speakers} == expected
    # every utterance carries the updated speaker object
    assert all(u.speaker == seed.speaker(u.speaker.id) for u in seed.utterances)


def test_presenters_affiliation_and_title(seed: gikai_minutes.Meeting) -> None:
    for presenter, org, title, *_ in PRESENTATIONS:
        speaker = seed.speaker(presenter)
        assert (speaker.affiliation, speaker.title) == (org, title)
    assert all(seed.speaker(f"{m}委員").affiliation is None for m in MEMBERS)


def test_title_in_passing_is_an_alias(seed: gikai_minutes.Meeting) -> None:
    # 辻座長: 「それでは、松尾市長、お願いします。」 — then 【松尾委員】 speaks.
    assert seed.speaker("松尾委員").aliases == ("松尾市長",)
    assert len(seed.speakers) == 15
    assert [s.id for s in seed.speakers if s.aliases] == ["松尾委員"]


def test_presentations(seed: gikai_minutes.Meeting) -> None:
    assert seed.structure is not None
    got = [
        (p.presenter, p.organisation, p.title, p.topic, p.introduction, p.talk, p.page_numbers)
        for p in seed.structure.presentations
    ]
    assert got == PRESENTATIONS
    assert [p.section for p in seed.structure.presentations] == [1, 2, 3, 4]


def test_page_references_point_at_their_text(seed: gikai_minutes.Meeting) -> None:
    assert seed.structure is not None
    kitakyushu = seed.structure.presentations[K]
    refs = {(r.text, r.utterance, r.paragraph) for r in kitakyushu.pages}
    assert ("資料の7ページ", 66, 0) in refs  # 久芳課長's answer to 田中委員
    assert ("3枚目", 65, 1) in refs  # 田中委員: 「3枚目のスライドで」
    tokyo = seed.structure.presentations[T]
    assert ("13ページ", 22, 0) in {(r.text, r.utterance, r.paragraph) for r in tokyo.pages}
    for p in seed.structure.presentations:
        for r in p.pages:
            text = seed.utterances[r.utterance].paragraphs[r.paragraph].text
            assert text[r.start : r.end] == r.text


def _pairs(exchanges: tuple[QAExchange, ...]) -> list[tuple[object, ...]]:
    return [
        (e.questioner, e.questions, *e.respondents, e.answers, e.rule, e.presentation)
        for e in exchanges
    ]


def test_every_question_answer_pair(seed: gikai_minutes.Meeting) -> None:
    assert seed.structure is not None
    assert _pairs(seed.structure.exchanges) == [x[:6] for x in EXCHANGES]
    assert [e.acknowledgement for e in seed.structure.exchanges] == [x[6] for x in EXCHANGES]


def test_procedural_links(seed: gikai_minutes.Meeting) -> None:
    assert seed.structure is not None
    exchanges = seed.structure.exchanges
    # the member asks for the floor (15), the chair gives it (16), then he asks (17)
    assert (exchanges[3].floor_request, exchanges[3].nomination) == (15, 16)
    # follow-ups point at the exchange they continue
    assert {k: e.follows_up for k, e in enumerate(exchanges) if e.follows_up is not None} == {
        4: 3,
        10: 9,
        16: 15,
    }
    nominated = {e.nomination for e in exchanges if e.nomination is not None}
    assert nominated == NOMINATIONS
    for e in exchanges:
        if e.rule == "nominated":
            assert e.nomination == e.questions[0] - 1
        if e.rule == "chair-question":
            assert e.nomination is None
            assert e.floor_request is None


def test_procedural_turns_are_neither_question_nor_answer(seed: gikai_minutes.Meeting) -> None:
    assert seed.structure is not None
    kinds = seed.structure.turns
    assert len(kinds) == len(seed.utterances)
    questions = {q for e in seed.structure.exchanges for q in e.questions}
    answers = {a for e in seed.structure.exchanges for a in e.answers}
    assert {i for i, k in enumerate(kinds) if k is TurnKind.QUESTION} == questions
    assert {i for i, k in enumerate(kinds) if k is TurnKind.ANSWER} == answers
    assert {i for i, k in enumerate(kinds) if k is TurnKind.NOMINATION} == NOMINATIONS
    assert {i for i, k in enumerate(kinds) if k is TurnKind.FLOOR_REQUEST} == {15}
    assert {i for i, k in enumerate(kinds) if k is TurnKind.COURTESY} == COURTESIES
    assert {i for i, k in enumerate(kinds) if k is TurnKind.PRESENTATION} == {1, 31, 33, 63, 83}
    assert not (questions | answers) & (NOMINATIONS | COURTESIES | {15})


def test_every_question_in_the_discussions_is_answered(seed: gikai_minutes.Meeting) -> None:
    assert seed.structure is not None
    for e in seed.structure.exchanges:
        assert e.answers, e
        # answers directly follow the question: no other turn between them
        assert e.answers[0] == e.questions[-1] + 1


def test_sections(seed: gikai_minutes.Meeting) -> None:
    assert seed.structure is not None
    got = [(s.kind, s.start, s.end, s.presentation) for s in seed.structure.sections]
    assert got == SECTIONS
    hearing = seed.structure.sections[1]
    assert hearing.title == "東京都におけるデジタル人材の確保・育成に関する取組み"
    # one chair turn closes the 北海道 hearing and opens the 北九州市 one
    assert seed.structure.sections[2].end.utterance == seed.structure.sections[3].start.utterance
    assert [e.section for e in seed.structure.exchanges] == [x[5] + 1 for x in EXCHANGES]


def test_json_round_trip_keeps_structure(seed: gikai_minutes.Meeting) -> None:
    again = gikai_minutes.Meeting.from_json(seed.to_json())
    assert again == seed
    assert again.structure == seed.structure


def test_building_twice_changes_nothing(seed: gikai_minutes.Meeting) -> None:
    assert gikai_minutes.build_structure(seed) == seed


def test_structure_can_be_skipped() -> None:
    plain = gikai_minutes.parse_file(SEED, structure=False)
    assert plain.structure is None
    assert {s.category for s in plain.speakers} == {SpeakerCategory.UNKNOWN}
    assert gikai_minutes.build_structure(plain) == gikai_minutes.parse_file(SEED)
