"""The cheap paths of front-matter reading agree with the plain ones they stand for.

The rule dispatch (cue words, first characters, sections) must never keep a rule from a
line it would take; the Diet roster cell reader, the role-word test and the numeral table
must read as the patterns and the general reader do.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gikai_minutes._front import frontmatter as fm
from gikai_minutes._front.rosters import (
    ROSTER_HEADING,
    ROSTER_HEADING_CUES,
    _is_role,
    _kun_entries,
    _read_role,
    _squash,
)
from gikai_minutes._text.lexicon import DEFAULT_LEXICON, RoleLexicon
from gikai_minutes._text.numerals import _KNOWN, _parse, parse_number
from gikai_minutes.model._positions import LineTable

#: Characters front matter is made of: cue words' characters, numerals, spaces, marks.
_ALPHABET = (
    "委員会議事次第日程本の付した案件題名称場所会理大臣参考人者衆参院号年月時分午前後"
    "令和六七三十一二：:（）()…―・○　 \t君長官部課山田太郎花子出席欠席開散"
)
_LINES = st.lists(st.text(alphabet=_ALPHABET, max_size=30), max_size=12)


def _read_all_rules(text: str) -> fm.FrontMatterInfo:
    """The front matter read with every rule tried on every line (no dispatch)."""
    plain = tuple(fm.LineRule(r.name, r.apply) for r in fm.LINE_RULES)
    saved = fm._DISPATCH
    fm._DISPATCH = fm._Dispatch(plain)
    try:
        return fm.read_front_matter(LineTable(text), len(text))
    finally:
        fm._DISPATCH = saved


@settings(max_examples=300, deadline=None)
@given(_LINES)
@example(["安全保障委員会議録第二号", "令和六年七月三十日（火曜日）", "午前九時開議", "出席委員"])
@example(["本日の会議に付した案件", "　議題：予算", "会議名：定例会"])
@example(["　委員長　小泉進次郎君", "　理事　黄川田仁志君　理事　中曽根康隆君", "…………"])
def test_dispatch_tries_every_rule_that_can_take_a_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert fm.read_front_matter(LineTable(text), len(text)) == _read_all_rules(text)


def test_long_lines_are_given_to_every_rule() -> None:
    line = "議題" + "員" * (fm._LONG_LINE + 10)
    text = f"{line}\n令和6年1月5日"
    assert fm.read_front_matter(LineTable(text), len(text)) == _read_all_rules(text)


@given(st.from_regex(ROSTER_HEADING, fullmatch=True))
def test_every_roster_heading_holds_a_cue(heading: str) -> None:
    assert any(cue in heading for cue in ROSTER_HEADING_CUES)


def test_cue_bits_cover_words_inside_and_across_a_cue() -> None:
    dispatch = fm._Dispatch(fm.LINE_RULES)
    bit = {r.name: 1 << i for i, r in enumerate(fm.LINE_RULES)}
    # 「本日の会議に付した案件」 holds 「会議」 (a title word) and 「案件」
    assert dispatch.cue_bits["本日の会議に付した案件"] & bit["title"]
    assert fm._overlaps("会議", "議事録")
    assert not fm._overlaps("会議", "次第")


_AFFILIATION = re.compile(r"[（(]([^（）()]+)[）)]")
_KUN_ENTRY = re.compile(r"[^君]+?君")
_COLUMNS = re.compile(r"[ \u3000]{2,}")
_SPACES = re.compile(r"[ \u3000]+")


def _kun_reference(line: str) -> list[tuple[str, int, int, str | None, str | None]]:
    """Diet roster cells read step by step: affiliation, columns, then tokens."""
    out = []
    pending = None
    for m in _KUN_ENTRY.finditer(line):
        cell = m.group()
        affiliation = None
        a = _AFFILIATION.search(cell)
        if a is not None and not cell[: a.start()].strip(" \u3000"):
            affiliation = a.group(1)
            cell = cell[: a.start()] + " " + cell[a.end() :]
        parts = [p for p in _COLUMNS.split(cell.strip(" \u3000")) if p]
        tokens = [t for t in _SPACES.split(parts[0]) if t] if parts else []
        role = None
        if affiliation is not None:
            role = pending
        elif len(tokens) > 1 and _is_role(tokens[0], DEFAULT_LEXICON):
            role, parts = tokens[0], [*tokens[1:], *parts[1:]]
        elif (
            len(parts) >= 2
            and len(tokens) == 1
            and (_is_role(parts[0], DEFAULT_LEXICON) or len(parts[0]) > 4)
        ):
            role, parts = parts[0], parts[1:]
        name = _squash("".join(parts)).removesuffix("君")
        if name:
            lead = len(m.group()) - len(m.group().lstrip(" \u3000"))
            out.append((name, m.start() + lead, m.end(), role, affiliation))
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="君君君理事大臣外務山田（）() 　　長官", max_size=40))
@example("　　　理事　黄川田仁志君　理事　中曽根康隆君")
@example("　　　（外務省北米局長）　　　　有馬　　裕君")
@example("（山田君の秘書）君")
def test_kun_cells_read_as_step_by_step(line: str) -> None:
    got = [
        (e.name, e.start, e.end, e.role, e.affiliation)
        for e in _kun_entries(line, None, DEFAULT_LEXICON)
    ]
    assert got == _kun_reference(line)


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet="理事長官課部大臣兼務代理山田委員会監補佐担当授（）()\n", min_size=1, max_size=12
    )
)
@example("理事\n")
@example("（統計調査監）")
@example("経営企画監")
def test_role_test_agrees_with_the_lexicon_patterns(token: str) -> None:
    suffix = re.compile(r"(?:兼務|兼|事務取扱|代理|心得)$")
    expected = (
        DEFAULT_LEXICON.is_role(token)
        or (bool(suffix.search(token)) and len(token) > 2)
        or (
            DEFAULT_LEXICON.interpret(token).guess == "unlisted-office"
            and DEFAULT_LEXICON.interpret(token).name is None
        )
    )
    assert _read_role(token, DEFAULT_LEXICON) == expected


def test_numeral_table_agrees_with_the_reader() -> None:
    assert all(_parse(text) == value for text, value in _KNOWN.items())
    assert parse_number("三十一") == 31
    assert parse_number("０９") == 9
    assert parse_number("元") == 1
    assert parse_number("二百十三") == 213
    assert parse_number(" 12 ") == 12


def test_a_lexicon_of_its_own_is_read_by_its_patterns() -> None:
    custom = RoleLexicon(roles=("番頭",))
    assert _read_role("大番頭", custom)
    assert not _read_role("理事", custom)
