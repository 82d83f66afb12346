"""Header families of issue 8 on a labelled corpus of invented excerpts, the one role
table, and the induction property: a header form not chosen never swallows text silently.

``tests/conventions_corpus/`` holds one ``.txt`` per excerpt and ``expected.json`` with
the turns written by hand from reading each excerpt (see its ``_note``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import assert_tiles

import gikai_minutes
from gikai_minutes._read.dialects import DIALECTS
from gikai_minutes._text.lexicon import (
    DEFAULT_LEXICON,
    HEAD_WORDS,
    HONORIFICS,
    ROLE_WORDS,
    ROLES,
)
from gikai_minutes.model import NoteKind, SpeakerCategory

CORPUS = Path(__file__).resolve().parent / "conventions_corpus"
EXPECTED: dict[str, Any] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
FILES = sorted(k for k in EXPECTED if not k.startswith("_"))


def parse(name: str) -> gikai_minutes.Meeting:
    return gikai_minutes.parse((CORPUS / name).read_text(encoding="utf-8"))


def test_corpus_has_every_family_twice() -> None:
    families: dict[str, int] = {}
    for name in FILES:
        families[EXPECTED[name]["family"]] = families.get(EXPECTED[name]["family"], 0) + 1
    assert len(FILES) >= 40
    assert min(families.values()) >= 2, families
    assert sorted(p.name for p in CORPUS.glob("*.txt")) == FILES


@pytest.mark.parametrize("name", FILES)
def test_turns(name: str) -> None:
    expected = EXPECTED[name]
    m = parse(name)
    got = [(u.speaker.label, u.speaker.name, u.speaker.role, u.text) for u in m.utterances]
    want = [tuple(t) for t in expected["turns"]]
    if expected.get("prefix"):
        got = [(*g[:3], g[3][: len(w[3])]) for g, w in zip(got, want, strict=False)]
    assert got == want
    assert_tiles(m)


@pytest.mark.parametrize("name", FILES)
def test_false_friends_and_headings(name: str) -> None:
    expected = EXPECTED[name]
    m = parse(name)
    labels = {s.label for s in m.speakers}
    assert not labels & set(expected.get("not_speakers", ()))
    headings = [n.text for n in m.notes if n.kind is NoteKind.HEADING]
    for heading in expected.get("headings", ()):
        assert heading in headings
    for label, letter in expected.get("disambiguators", {}).items():
        assert m.speaker("".join(label.split())).disambiguator == letter
    for label, seat in expected.get("seats", {}).items():
        assert m.speaker(label).seat == seat
    for label, full in expected.get("full_names", {}).items():
        assert m.speaker(label).full_name == full


def test_induction_records_the_evidence() -> None:
    m = parse("false_friends_2.txt")
    assert m.dialect == "mark"
    m = parse("colon_3.txt")
    assert m.dialect == "colon"
    m = parse("flattened_3.txt")
    assert m.dialect == "spaced"


def test_a_contested_choice_is_diagnosed_with_its_evidence() -> None:
    text = (
        "第３回　検討会　議事録\n\n○大野座長　開会します。\n○川村委員　質問です。\n"
        "○大野座長　どうぞ。\n(事務局) 資料を配布します。\n○川村委員　ありがとうございます。\n"
    )
    m = gikai_minutes.parse(text)
    assert m.dialect == "mark"
    convention = [d for d in m.diagnostics if d.code == "convention"]
    assert len(convention) == 1
    assert "mark: 4 headers" in convention[0].message
    assert "paren 1" in convention[0].message
    not_chosen = [d.line for d in m.diagnostics if d.code == "header-form-not-chosen"]
    assert not_chosen == [6]
    assert m.utterances[2].text == "どうぞ。(事務局) 資料を配布します。"


def test_forcing_a_dialect_still_works() -> None:
    m = gikai_minutes.parse(
        (CORPUS / "paren_inline_2.txt").read_text(encoding="utf-8"), dialect="paren"
    )
    assert m.dialect == "paren"
    assert len(m.utterances) == 5


def test_every_role_word_has_a_category() -> None:
    assert set(ROLE_WORDS) == set(ROLES)
    for word, category in ROLES.items():
        assert category is not SpeakerCategory.UNKNOWN, word
        assert DEFAULT_LEXICON.is_role(word), word
    # the words issue 7 found reading as roles without a category
    for word in (
        "理事長",
        "副理事長",
        "監事",
        "オブザーバー",
        "総長",
        "担当大臣",
        "政府特別補佐人",
    ):
        assert word in ROLES


def test_head_word_reads_an_unlisted_office_with_a_diagnostic() -> None:
    text = (
        "第３回　統計改革推進会議　議事録\n\n日時　令和６年５月１３日（月）\n\n"
        "【山本統計調査監】　資料について御説明いたします。\n"
        "【辻座長】　ありがとうございました。\n"
    )
    m = gikai_minutes.parse(text)
    s = m.speaker("山本統計調査監")
    assert (s.name, s.role) == ("山本", "統計調査監")
    assert "unlisted-office" in [d.code for d in m.diagnostics]
    assert not set(HEAD_WORDS) & set(HONORIFICS)


_UNSURE = (
    "第２回　統計制度検討会　議事録\n\n{roster}"
    "【辻座長】　開会します。\n【勅使河原三郎太審議官】　御説明いたします。\n"
)


def test_unsure_split_keeps_the_label_as_the_role() -> None:
    m = gikai_minutes.parse(_UNSURE.format(roster=""))
    s = m.speaker("勅使河原三郎太審議官")
    assert (s.name, s.role) == (None, "勅使河原三郎太審議官")
    assert "unsure-name" in [d.code for d in m.diagnostics]


def test_roster_tells_where_the_name_ends() -> None:
    roster = "出席者\n　審議官　　勅使河原　三郎太\n　座長　　　辻　琢也\n\n"
    m = gikai_minutes.parse(_UNSURE.format(roster=roster))
    s = m.speaker("勅使河原三郎太審議官")
    assert (s.name, s.role, s.full_name) == ("勅使河原三郎太", "審議官", "勅使河原三郎太")
    assert "unsure-name" not in [d.code for d in m.diagnostics]


# -- the induction property ---------------------------------------------------------------

_NAMES = ("大野", "川村", "佐伯", "田島", "杉本", "石原")
_ROLES = ("委員", "委員長", "座長", "課長", "会長")
_SENTENCES = (
    "ただ今から会議を開会いたします。",
    "資料について御説明いたします。",
    "その点について質問があります。",
    "ありがとうございました。",
)
_FORMS = {
    "bracket": "【{label}】　{text}",
    "mark": "○{label}　{text}",
    "paren": "（{label}）　{text}",
    "colon": "{label}：{text}",
    "close-paren": "{label}）{text}",
    "spaced": "{label}　　{text}",
}

turns = st.lists(
    st.tuples(
        st.sampled_from(sorted(_FORMS)),
        st.sampled_from(_NAMES),
        st.sampled_from(_ROLES),
        st.sampled_from(_SENTENCES),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(turns)
def test_a_form_not_chosen_never_swallows_text_silently(
    items: list[tuple[str, str, str, str]],
) -> None:
    lines = [_FORMS[form].format(label=name + role, text=text) for form, name, role, text in items]
    text = "第１回　検討会　議事録\n\n" + "\n".join(lines) + "\n"
    m = gikai_minutes.parse(text)
    assert_tiles(m)
    chosen = set(m.dialect.split("+")) if m.utterances else set()
    header_lines = {u.header_span.first_line for u in m.utterances}
    diagnosed = {d.line for d in m.diagnostics}
    for i, (form, *_rest) in enumerate(items):
        line = i + 3  # after the title and a blank line
        if form in chosen:
            assert line in header_lines or line in diagnosed, (form, lines[i])
        else:
            assert line in diagnosed or line in header_lines, (form, lines[i], m.dialect)
    assert set(m.dialect.split("+")) <= set(DIALECTS)


# -- the rules on single lines --------------------------------------------------------------


@pytest.mark.parametrize(
    ("dialect", "line", "label"),
    [
        ("paren", "(事務局) どうも、遅れまして申し訳ございません。", "事務局"),
        ("paren", "（大野委員長）　それでは始めます。", "大野委員長"),
        ("close-paren", "宮本委員長)ただ今から、建設委員会を開会します。", "宮本委員長"),
        ("colon", "委員長(相川君):ただいまより委員会を開会いたします。", "委員長(相川君)"),
        ("colon", "本田君:議案第12号について伺います。", "本田君"),
        ("colon", "委員Ｂ：同意の取り方について申し上げます。", "委員Ｂ"),
        ("label-line", "平松(健)委員", "平松(健)委員"),
        ("spaced", "大山課長  ただ今から第２回策定委員会を開催いたします。", "大山課長"),
        ("mark", "〇堀 次郎委員長 これより本日の会議を開きます。", "堀 次郎委員長"),
        ("mark", "◯１２番（原田正和）〔登壇〕　おはようございます。", "１２番（原田正和）"),
    ],
)
def test_rules_accept(dialect: str, line: str, label: str) -> None:
    (rule,) = DIALECTS[dialect].header_rules
    result = rule.match(line)
    assert result is not None
    assert getattr(result, "label", None) == label


@pytest.mark.parametrize(
    ("dialect", "line"),
    [
        ("paren", "　　　（外務省北米局長）　　　　有馬　　裕君"),  # a Diet roster line
        ("paren", "（拍手）"),
        ("colon", "座長：辻　琢也"),  # a roster line
        ("colon", "日時：令和６年９月１２日（木）１４時００分"),
        ("colon", "出席者：学校教育課、教育センター、情報政策課"),
        ("close-paren", "２）専門調査会の報告書について"),
        ("label-line", "出席委員"),
        ("spaced", "委員長　　山田　太郎　　副委員長　　川口　花子"),
        ("mark", "○場所　　第３委員会室"),
        ("mark", "〇招集日時　令和６年１１月８日（金）午前１０時"),
        ("mark", "○議題"),
    ],
)
def test_rules_reject(dialect: str, line: str) -> None:
    (rule,) = DIALECTS[dialect].header_rules
    result = rule.match(line)
    assert result is None or not hasattr(result, "label"), result


def test_flattened_turns_never_overlap_a_header() -> None:
    # found by test_properties: a mark right after a header's closing parenthesis
    text = (
        "○小泉委員長\u3000○委員長（足立敏之君）\u3000○委員長（足立敏之君）\u3000○小泉委員長\u3000"
    )
    m = gikai_minutes.parse(text)
    assert_tiles(m)
    text = "○松村委員長 開会します。○坂口審議官\u3000○辻本委員 質問です。\n"
    m = gikai_minutes.parse(text)
    assert_tiles(m)
    assert [u.speaker.label for u in m.utterances] == ["松村委員長", "坂口審議官"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_NAMES),
            st.sampled_from(_ROLES),
            st.sampled_from(_SENTENCES),
            st.sampled_from(("", "\n", "\u3000", " ")),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_flattened_marked_turns_are_all_found(items: list[tuple[str, str, str, str]]) -> None:
    body = "".join(f"○{name}{role}\u3000{text}{gap}" for name, role, text, gap in items)
    m = gikai_minutes.parse("第１回　検討会　議事録\n\n" + body)
    assert_tiles(m)
    # every turn follows a sentence end or a line start, so every one is found
    assert [u.speaker.label for u in m.utterances] == [name + role for name, role, _, _ in items]
    assert [u.text for u in m.utterances] == [text for _, _, text, _ in items]
