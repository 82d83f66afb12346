"""The cheap paths of front-matter reading agree with the general ones they stand for.

Diet roster cells are read in one pattern pass (:func:`kun_people`) instead of splitting
each cell into columns and words; the front matter's lines are split at once unless a lone
CR ends a line; the items are made from rows when first read. Each is compared here with
the step-by-step reading it replaces, on realistic lines and on generated ones.
"""

from __future__ import annotations

import copy
import pickle
import re

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from _helpers import DIET_DIR, DIET_FILES
from gikai_minutes._front import frontmatter as fm
from gikai_minutes._front import rosters
from gikai_minutes._front.rosters import RosterEntry, _is_role, _squash, kun_people
from gikai_minutes._text.lexicon import DEFAULT_LEXICON, RoleLexicon
from gikai_minutes.model import FrontMatter, FrontMatterItem, FrontMatterKind, Span
from gikai_minutes.model._meeting import front_matter_of
from gikai_minutes.model._positions import LineTable

_CELL = re.compile(r"(?!君)([ \u3000]*)(?:[（(]([^（）()君]+)[）)][ \u3000]*)?([^君]*)君")
_COLUMNS = re.compile(r"[ \u3000]{2,}")
_SPACES = re.compile(r"[ \u3000]+")


def _kun_reference(
    line: str, pending: str | None, lexicon: RoleLexicon = DEFAULT_LEXICON
) -> list[RosterEntry]:
    """Diet roster cells read step by step: each cell split into columns (two spaces or
    more) and its first column into words, then the office taken from the front."""
    out = []
    for m in _CELL.finditer(line):
        affiliation = m.group(2)
        cell = line[m.start(3) : m.end()]
        parts = _COLUMNS.split(cell)
        tokens = _SPACES.split(parts[0])
        role: str | None = None
        if affiliation is not None:
            role = pending
        elif len(parts) >= 2 and pending:
            role, parts = pending + _squash(parts[0]), parts[1:]
        elif len(tokens) > 1 and _is_role(tokens[0], lexicon):
            role, parts = tokens[0], [*tokens[1:], *parts[1:]]
        elif (
            len(parts) >= 2
            and len(tokens) == 1
            and (_is_role(parts[0], lexicon) or len(parts[0]) > 4)
        ):
            role, parts = parts[0], parts[1:]
        role = role or pending
        name = _squash("".join(parts)).removesuffix("君")
        if name:
            out.append(RosterEntry(name, m.end(1), m.end(), role, "君", affiliation, None))
        pending = None
    return out


def _kun_fast(
    line: str, pending: str | None, lexicon: RoleLexicon = DEFAULT_LEXICON
) -> list[RosterEntry]:
    return [
        RosterEntry(p.name, p.span.start, p.span.end, p.role, "君", p.affiliation, None)
        for p in kun_people(line, pending, 0, 0, lexicon)
    ]


#: Diet roster lines as printed (invented names): offices before names one or several
#: spaces apart, names with spaces inside, affiliations, two cells on a line.
_ROSTER_LINES = (
    "　　　委員長　山川　一郎君",
    "　　　理事　海野花太郎君　理事　森　　健君",
    "　　　　　　谷口　　進君　　　　石田みどり君",
    "　　　外務大臣　　　　　　　　　岡村　　稔君",
    "　　　（防衛省大臣官房審議官）　　　　　　　　林田　次郎君",
    "　　　議院運営委員　　　　　　　北野　友子君",
    "員　　中道　康之君",
    "　　　小委員長　村上　太一君",
    "　　　安全保障委員会専門員　　　古川　克己君",
    "　　　理事　　佐野　一郎　君",
    "　　　常任委員会専門員　佐野　　一郎　　君",
    "君",
    "　　君山田君",
)


@pytest.mark.parametrize("line", _ROSTER_LINES)
@pytest.mark.parametrize("pending", [None, "", "政府参考人", "常任委員会専門"])
def test_kun_cells_read_as_the_columns_and_words(line: str, pending: str | None) -> None:
    assert _kun_fast(line, pending) == _kun_reference(line, pending)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="君君理事委員長大臣官外務山田一（）() 　　　\t", max_size=40),
    st.sampled_from([None, "", "政府参考人", "専門"]),
)
@example("　理事　山田　　一郎　　君", "専門")
@example("　山田　一郎　　太君", "専門")
@example("　（外務省）　山田　一郎君", None)
def test_kun_cells_agree_on_any_line(line: str, pending: str | None) -> None:
    assert _kun_fast(line, pending) == _kun_reference(line, pending)


def test_kun_cells_agree_with_a_lexicon_of_its_own() -> None:
    custom = RoleLexicon(roles=("番頭",))
    for line in ("　大番頭　山田　一郎君", "　理事　山田　一郎君", "　大番頭　　　山田君"):
        assert _kun_fast(line, None, custom) == _kun_reference(line, None, custom)


def test_kun_cells_agree_on_the_diet_rosters() -> None:
    paths = [DIET_DIR / name for name in DIET_FILES]
    if not all(p.exists() for p in paths):
        pytest.skip("corpus not available")
    lines = {
        line
        for p in paths
        for line in re.findall(r"^[^\n]*君[^\n]*$", p.read_text(encoding="utf-8"), re.M)
        if len(line) < 120
    }
    assert lines
    for line in lines:
        for pending in (None, "政府参考人"):
            assert _kun_fast(line, pending) == _kun_reference(line, pending), line


def test_office_words_are_remembered_as_read() -> None:
    for word in ("理事", "山田", "外務大臣", "経営企画監", "総括審議官兼務", "番頭"):
        assert rosters._office_word(word, DEFAULT_LEXICON) == rosters._read_role(
            word, DEFAULT_LEXICON
        )
        assert rosters._office_word(word, DEFAULT_LEXICON) == rosters._read_role(
            word, DEFAULT_LEXICON
        )
    custom = RoleLexicon(roles=("番頭",))
    assert rosters._office_word("大番頭", custom)
    assert not rosters._office_word("大番頭", DEFAULT_LEXICON)


# -- lines -------------------------------------------------------------------------------


def _raw_reference(table: LineTable, end: int) -> list[str]:
    """The lines starting before ``end``, cut at ``end``, read one at a time from the
    table's line starts (a CRLF's CR dropped)."""
    text, starts = table.text, table.starts
    out = []
    for index in range(table.line_of(end - 1)):
        start = starts[index]
        stop = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
        if 0 < stop < len(text) and text[stop] == "\n" and text[stop - 1] == "\r" and stop > start:
            stop -= 1
        out.append(text[start : min(stop, end)])
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 　\r\n", min_size=1, max_size=30))
@example("a\r\nb\r")
@example("a\nb\r\nc")
@example("a\rb\r\n\r\nc")
def test_lines_split_at_once_as_one_at_a_time(text: str) -> None:
    table = LineTable(text)
    for end in range(1, len(text) + 1):
        raws = fm._raw_lines(table, end)
        reference = _raw_reference(table, end)
        # a split may give one more line: the empty one after an LF at ``end - 1``
        assert raws[: len(reference)] == reference
        assert raws[len(reference) :] in ([], [""])


# -- whole front matter ------------------------------------------------------------------

_FRONT = """安全保障委員会議録第三号
令和六年七月三十日（火曜日）
　　　　午前九時開議
　出席委員
　　　委員長　山川　一郎君
　　　理事　海野花太郎君　理事　森　　健君
　　　　　　谷口　　進君　　　　石田みどり君
　　　　…………………………………
　　　外務大臣　　　　　　　　　岡村　　稔君
　　　政府参考人
　　　（外務省北米局長）　　　　有田　　裕君
　　　常任委員会専門
　　　員　　中道　康之君
　　　　―――――――――――――
本日の会議に付した案件
　国の安全保障に関する件
　　　　　――――◇―――――
"""
_BODY = "○山川委員長　これより会議を開きます。\n"


def _read(text: str, end: int) -> fm.FrontMatterInfo:
    return fm.read_front_matter(LineTable(text), end)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_front_read_the_same_with_every_line_read_alone(newline: str) -> None:
    """A lone CR after the front matter makes it read line by line from the line
    starts; the offsets are the same, and so must the front matter be."""
    front = _FRONT.replace("\n", newline)
    split = _read(front + _BODY, len(front))
    alone = _read(front + _BODY + "\r末尾", len(front))
    assert LineTable(front + _BODY + "\r末尾").lone_cr
    assert split == alone
    assert [p.name for r in split.front_matter.rosters for p in r.people] == [
        "山川一郎", "海野花太郎", "森健", "谷口進", "石田みどり", "岡村稔", "有田裕", "中道康之",
    ]  # fmt: skip
    roles = {p.name: p.role for r in split.front_matter.rosters for p in r.people}
    assert roles["有田裕"] == "政府参考人"
    assert roles["中道康之"] == "常任委員会専門員"


def test_front_read_the_same_with_lf_and_lone_cr() -> None:
    text = _FRONT + _BODY
    assert _read(text, len(_FRONT)) == _read(text.replace("\n", "\r"), len(_FRONT))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_items_are_the_lines_they_say(newline: str) -> None:
    text = (_FRONT + _BODY).replace("\n", newline)
    end = len(_FRONT.replace("\n", newline))
    items = _read(text, end).front_matter.items
    assert len(items) == _FRONT.count("\n")
    for item in items:
        assert text[item.span.start : item.span.end] == item.text
        assert item.span.first_line == item.span.last_line
        assert isinstance(item.kind, FrontMatterKind)


# -- items made on first access ----------------------------------------------------------


def _rows_and_eager() -> tuple[FrontMatter, FrontMatter]:
    info = _read(_FRONT + _BODY, len(_FRONT))
    lazy = info.front_matter
    eager = FrontMatter(
        lazy.span,
        tuple(
            FrontMatterItem(i.kind.value, i.text, Span(*attrs.astuple(i.span)))
            for i in _read(_FRONT + _BODY, len(_FRONT)).front_matter.items
        ),
        house=lazy.house,
        meeting_name=lazy.meeting_name,
        issue=lazy.issue,
        place=lazy.place,
        start_time=lazy.start_time,
        end_time=lazy.end_time,
        agenda=lazy.agenda,
        rosters=lazy.rosters,
    )
    return lazy, eager


def test_lazy_items_compare_pickle_and_copy_as_made_ones() -> None:
    lazy, eager = _rows_and_eager()
    assert lazy == eager
    assert eager == lazy
    assert hash(lazy) == hash(eager)
    lazy, eager = _rows_and_eager()
    assert pickle.loads(pickle.dumps(lazy)) == eager  # pickled before its items were read
    lazy, eager = _rows_and_eager()
    assert copy.deepcopy(lazy) == eager
    assert copy.copy(lazy) == eager
    lazy, eager = _rows_and_eager()
    assert repr(lazy) == repr(eager)
    lazy, eager = _rows_and_eager()
    assert attrs.evolve(lazy, place="第１委員室") == attrs.evolve(eager, place="第１委員室")
    assert attrs.asdict(lazy) == attrs.asdict(eager)


def test_lazy_items_are_made_once_and_keep_no_rows() -> None:
    lazy, eager = _rows_and_eager()
    items = lazy.items
    assert items is lazy.items
    assert items == eager.items
    assert lazy._item_rows is None
    with pytest.raises(AttributeError):
        lazy.no_such_field  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        lazy.items = ()  # type: ignore[misc]


def test_front_matter_without_rows_has_no_items() -> None:
    front = front_matter_of(Span(0, 0, 1, 1), [], None, None, None, None, None, None, (), ())
    assert front == FrontMatter(Span(0, 0, 1, 1))
    assert front.items == ()
