"""Reading JSON back: every malformed document raises SchemaError, with a path and its cause.

The documents are a Diet-style meeting written by the library and then damaged: wrong types,
unknown enum values and references, missing fields, huge integers and deep nesting.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gikai_minutes
from gikai_minutes import Meeting, SchemaError

DIET = (
    "第二百十三回国会　衆議院\n"
    "環境委員会議録　第五号\n"
    "令和六年四月十日（水曜日）\n"
    "　　　　午前九時開議\n"
    "　出席委員\n"
    "　　　委員長　山本一郎君\n"
    "　　　理事　森　　健君　理事　森　　茂君\n"
    "―――――――――――――\n"
    "○山本委員長　これより会議を開きます。\n"
    "　〔「異議なし」と呼ぶ者あり〕\n"
    "○森（健）委員　環境省に伺います。温室効果ガスの削減目標について、\n"
    "進捗を教えてください。\n"
    "○山本委員長　環境大臣。\n"
    "○大川国務大臣　お答えします。削減は順調に進んでおります。\n"
    "○森（健）委員　ありがとうございました。\n"
    "　　　午前十時三分散会\n"
)


def repr_short(value: Any) -> str | None:
    """A test id that stays readable (and possible) for huge integers; pytest's own otherwise."""
    if isinstance(value, int) and abs(value) > 10**40:
        return f"int-{value.bit_length()}-bits"
    return None


@pytest.fixture(scope="module")
def meeting() -> Meeting:
    return gikai_minutes.parse(DIET, source_name="環境委員会第5号.txt")


@pytest.fixture(scope="module")
def data(meeting: Meeting) -> dict[str, Any]:
    return meeting.to_dict()


def damaged(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node: Any = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


def schema_error(data: Any) -> SchemaError:
    with pytest.raises(SchemaError) as info:
        Meeting.from_dict(data)
    return info.value


def test_the_document_is_rich_enough(meeting: Meeting) -> None:
    assert len(meeting.utterances) == 5
    assert meeting.notes
    assert meeting.front_matter.rosters
    assert meeting.front_matter.start_time is not None
    assert meeting.date is not None
    assert meeting.front_matter.issue == 5


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("utterances", 1, "speaker"), [], "meeting.utterances[1].speaker"),
        (("utterances", 1, "speaker"), {"id": "森（健）委員"}, "meeting.utterances[1].speaker"),
        (("utterances", 1, "speaker"), "森委員", "meeting.utterances[1].speaker"),
        (("session",), True, "meeting.session"),
        (("title",), ["環境委員会"], "meeting.title"),
        (("speakers", 0, "aliases"), "委員長", "meeting.speakers[0].aliases"),
        (("speakers", 0, "category"), "CHAIR", "meeting.speakers[0].category"),
        (("speakers", 0, "category"), 1, "meeting.speakers[0].category"),
        (("date",), "2024-04-31", "meeting.date"),
        (("date",), 20240410, "meeting.date"),
        (("front_matter", "start_time"), "9時", "meeting.front_matter.start_time"),
        (("utterances", 2, "span", "start"), "0", "meeting.utterances[2].span.start"),
        (("utterances", 2, "span", "start"), 1.5, "meeting.utterances[2].span.start"),
        (("utterances", 2, "span", "start"), 10**30, "meeting.utterances[2].span.start"),
        (("utterances", 2, "span", "start"), 10**5000, "meeting.utterances[2].span.start"),
        (("front_matter", "rosters", 0, "people"), {}, "meeting.front_matter.rosters[0].people"),
        (("notes", 0, "kind"), "applause", "meeting.notes[0].kind"),
        (("source",), None, "meeting.source"),
        (("utterances",), "[]", "meeting.utterances"),
    ],
    ids=repr_short,
)
def test_wrong_values_name_their_path(
    data: dict[str, Any], path: tuple[Any, ...], value: Any, where: str
) -> None:
    error = schema_error(damaged(data, path, value))
    assert str(error).startswith(where + ": "), str(error)


def test_missing_required_field(data: dict[str, Any]) -> None:
    bad = copy.deepcopy(data)
    del bad["utterances"][0]["span"]["end"]
    assert str(schema_error(bad)) == "meeting.utterances[0].span: missing 'end'"


def test_optional_fields_may_be_left_out(data: dict[str, Any], meeting: Meeting) -> None:
    bare = copy.deepcopy(data)
    for u in bare["utterances"]:
        del u["fixes"], u["pages"]
    again = Meeting.from_dict(bare)
    assert [u.fixes for u in again.utterances] == [u.fixes for u in meeting.utterances]


@pytest.mark.parametrize("version", [None, 2, "1", True, 1.0, 10**5000, [1]], ids=repr_short)
def test_schema_version_must_be_the_integer_one(data: dict[str, Any], version: Any) -> None:
    error = schema_error({**data, "schema_version": version})
    assert str(error).startswith("unsupported schema_version ")
    assert len(str(error)) < 100


def test_the_top_level_must_be_an_object() -> None:
    assert "expected a JSON object" in str(schema_error([1, 2]))
    with pytest.raises(SchemaError, match="expected a JSON object"):
        Meeting.from_json("[]")


def test_causes_are_kept(data: dict[str, Any]) -> None:
    error = schema_error(damaged(data, ("date",), "2024-02-30"))
    assert isinstance(error.__cause__, ValueError)
    with pytest.raises(SchemaError) as info:
        Meeting.from_json('{"schema_version": 1, "title": ')
    assert isinstance(info.value.__cause__, json.JSONDecodeError)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '{"schema_version": 1, "title": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"schema_version": 1, "session": ' + "7" * 5000 + "}",
        '{"schema_version": ' + "1" * 5000 + "}",
        b'{"schema_version": 1, "title": "\xff"}',
        '{"schema_version": 1, "title": NaN}',
        "",
    ],
    ids=["deep", "deep-field", "long-int", "long-version", "bad-utf8", "nan", "empty"],
)
def test_hostile_json_raises_schema_error(text: str | bytes) -> None:
    with pytest.raises(SchemaError):
        Meeting.from_json(text)  # type: ignore[arg-type]


def test_deep_python_data_raises_schema_error(data: dict[str, Any]) -> None:
    deep: Any = "x"
    for _ in range(100_000):
        deep = [deep]
    error = schema_error(damaged(data, ("speakers", 0, "name"), deep))
    assert str(error) == "meeting.speakers[0].name: expected str, got list"


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return []
    out = []
    for key, value in items:
        out.append((*prefix, key))
        out.extend(_paths(value, (*prefix, key)))
    return out


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.sampled_from(["chair", "stage_direction", "2024-04-10", "09:00:00", "山本委員長"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_damage_reads_back_or_raises_schema_error(data: dict[str, Any], draw: Any) -> None:
    small = {k: v for k, v in data.items() if k not in ("source", "structure")}
    small["source"] = {"text": "", "checksum": "sha256:0"}
    paths = _paths(small)
    path = draw.draw(st.sampled_from(paths))
    value = draw.draw(JSON_VALUES)
    bad = damaged(small, path, value)
    try:
        again = Meeting.from_dict(bad)
    except SchemaError as error:
        message = str(error)
    else:
        message = "meeting: read back"
        assert Meeting.from_dict(again.to_dict()) == again
    assert message.startswith(("meeting", "unsupported schema_version")), message
