"""The public face and the model's shape: error classes, strict-mode positions, the
front-matter kinds and where a meeting's title-derived metadata comes from."""

from __future__ import annotations

import ast
from pathlib import Path

import attrs
import pytest

import gikai_minutes
from gikai_minutes.export import format_summary
from gikai_minutes.export._text import display_width
from gikai_minutes.model import FrontMatterKind, Meeting
from gikai_minutes.sources import SourceDocument

STUDY_GROUP = (
    "地域交通のあり方に関する検討会（第３回）議事録\n"
    "\n"
    "日時：令和６年５月２０日（月）１４：００～１６：００\n"
    "場所：中央合同庁舎第２号館\n"
    "\n"
    "【山田座長】 それでは、定刻となりましたので、第３回検討会を開会いたします。\n"
    "【田中委員】 ありがとうございます。地方の路線バスについて伺います。\n"
    "　【佐藤委員 運転士の確保について補足いたします。\n"
    "【山田座長】 ありがとうございました。本日はこれで閉会いたします。\n"
)

ERRORS = [
    obj
    for name in gikai_minutes.__all__
    if isinstance(obj := getattr(gikai_minutes, name), type) and issubclass(obj, Exception)
]


def test_every_error_is_exported_and_reports_the_package_as_its_module() -> None:
    assert {e.__name__ for e in ERRORS} >= {
        "GikaiMinutesError", "InputError", "DecodeError", "EmptyInputError", "ParseError",
        "SchemaError", "UnknownDialectError",
    }  # fmt: skip
    for error in ERRORS:
        assert error.__module__ == "gikai_minutes", error
        assert issubclass(error, gikai_minutes.GikaiMinutesError)


@pytest.mark.parametrize(
    "name", ["InputError", "DecodeError", "EmptyInputError", "ParseError", "SchemaError"]
)
def test_bad_input_errors_are_value_errors(name: str) -> None:
    assert issubclass(getattr(gikai_minutes, name), ValueError)


def test_strict_error_carries_offset_and_source_name() -> None:
    with pytest.raises(gikai_minutes.ParseError) as info:
        gikai_minutes.parse(STUDY_GROUP, strict=True, source_name="検討会第3回.txt")
    error = info.value
    assert (error.code, error.line, error.column) == ("malformed-header", 8, 2)
    assert error.offset is not None
    assert STUDY_GROUP[error.offset] == "【"
    assert STUDY_GROUP.count("\n", 0, error.offset) + 1 == error.line
    assert error.source_name == "検討会第3回.txt"
    assert str(error).startswith("line 8, column 2: ")


def test_parse_file_names_its_file_in_strict_errors(tmp_path: Path) -> None:
    path = tmp_path / "kentoukai.txt"
    path.write_text(STUDY_GROUP, encoding="utf-8")
    with pytest.raises(gikai_minutes.ParseError) as info:
        gikai_minutes.parse_file(path, strict=True)
    assert info.value.source_name == str(path)


def test_front_matter_kinds_are_enum_members_equal_to_their_values() -> None:
    m = gikai_minutes.parse(STUDY_GROUP)
    kinds = [item.kind for item in m.front_matter.items]
    assert all(isinstance(k, FrontMatterKind) for k in kinds)
    assert kinds == [FrontMatterKind.TITLE, FrontMatterKind.DATE, FrontMatterKind.PLACE]
    assert kinds[0] == "title"
    assert m.to_dict()["front_matter"]["items"][0]["kind"] == "title"


def test_title_from_the_source_gives_body_name_and_session_like_a_printed_one() -> None:
    title, body = STUDY_GROUP.split("\n\n", 1)
    printed = gikai_minutes.parse(STUDY_GROUP)
    given = gikai_minutes.parse_document(SourceDocument(body, title=title))
    assert given.title == printed.title == title
    assert (given.body_name, given.session) == (printed.body_name, printed.session)
    assert (printed.body_name, printed.session) == ("地域交通のあり方に関する検討会", 3)


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("辻座長") == 6
    assert display_width("ＩＣＴ委員") == 10
    assert display_width("ﾃﾞｼﾞﾀﾙ") == 6  # half-width katakana: one column each
    assert display_width("Smith委員") == 9


def test_summary_columns_line_up_by_display_width() -> None:
    m = gikai_minutes.parse(
        "港南市地域交通協議会（第２回）\n"
        "【辻会長】 開会します。\n"
        "【Smith委員】 Thank you. 意見を申し上げます。\n"
        "【佐々木副会長】 補足します。\n"
        "【ＩＣＴ推進課長】 ご説明します。\n"
        "【辻会長】 閉会します。\n"
    )
    rows = [line for line in format_summary(m).splitlines() if " name=" in line]
    assert len(rows) == 4
    columns = {display_width(row[: row.index(" name=")]) for row in rows}
    assert len(columns) == 1, rows


def _imports(path: Path, *, module_level: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "gikai_minutes"}


PACKAGE = Path(gikai_minutes.__file__).parent


@pytest.mark.parametrize("path", sorted((PACKAGE / "model").glob("*.py")), ids=lambda p: p.name)
def test_the_model_imports_no_other_stage(path: Path) -> None:
    outside = {
        m for m in _imports(path, module_level=True) if not m.startswith("gikai_minutes.model")
    }
    assert not outside, f"model/{path.name} imports {outside}"


@pytest.mark.parametrize("name", ["_json.py", "_text.py"])
def test_the_json_and_text_exporters_read_only_the_model(name: str) -> None:
    imported = _imports(PACKAGE / "export" / name, module_level=False)
    assert imported <= {"gikai_minutes.model", "gikai_minutes._errors"}, imported


def test_speaker_lookup_follows_the_speakers_and_is_not_data() -> None:
    m = gikai_minutes.parse(STUDY_GROUP)
    assert m.speaker("田中委員") is m.utterances[1].speaker
    with pytest.raises(KeyError):
        m.speaker("鈴木委員")
    renamed = attrs.evolve(m.speakers[1], affiliation="港南市")
    changed = attrs.evolve(m, speakers=(m.speakers[0], renamed, *m.speakers[2:]))
    assert changed.speaker("田中委員").affiliation == "港南市"
    assert changed != m
    assert hash(Meeting.from_json(m.to_json())) == hash(m)
    assert "_by_id" not in m.to_dict()
    assert "_by_id" not in repr(m)
