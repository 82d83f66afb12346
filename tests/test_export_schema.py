"""The JSON Schema of the meeting JSON: valid, matches what to_json writes, layout pinned.

``tests/golden/seed_layout.json`` pins the layout of the seed's JSON (every key path and
the JSON types found there), so renaming, adding or dropping a field fails here until
the golden file, docs/json.md and the schema version are updated together.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tests._export_docs import corpus_files, corpus_meetings
from tests.conftest import REPO, SEED

import gikai_minutes

GOLDEN = REPO / "tests" / "golden" / "seed_layout.json"
_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def layout(
    value: Any, path: str = "$", out: dict[str, set[str]] | None = None
) -> dict[str, set[str]]:
    """Every key path of a JSON value with the JSON types seen there."""
    out = {} if out is None else out
    out.setdefault(path, set()).add(_TYPES[type(value)])
    if isinstance(value, dict):
        for key, item in value.items():
            layout(item, f"{path}.{key}", out)
    elif isinstance(value, list):
        for item in value:
            layout(item, f"{path}[]", out)
    return out


def schema_layout(schema: dict[str, Any]) -> dict[str, set[str]]:
    """Key paths and allowed JSON types that the schema describes (no value walk)."""
    defs = schema["$defs"]
    out: dict[str, set[str]] = {}

    def walk(node: dict[str, Any], path: str, depth: int) -> None:
        if depth > 12:
            return
        if "$ref" in node:
            walk(defs[node["$ref"].rsplit("/", 1)[1]], path, depth + 1)
            return
        if "anyOf" in node:
            for option in node["anyOf"]:
                walk(option, path, depth + 1)
            return
        types = out.setdefault(path, set())
        if "const" in node:
            types.add(_TYPES[type(node["const"])])
        elif "enum" in node:
            types.add("string")
        else:
            types.add(node["type"])
        for key, sub in node.get("properties", {}).items():
            walk(sub, f"{path}.{key}", depth + 1)
        if "items" in node:
            walk(node["items"], f"{path}[]", depth + 1)

    walk(schema, "$", 0)
    return out


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = gikai_minutes.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def errors_of(validator: jsonschema.protocols.Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_seed_validates(
    validator: jsonschema.protocols.Validator, seed: gikai_minutes.Meeting
) -> None:
    assert errors_of(validator, json.loads(seed.to_json())) == []


def test_schema_rejects_renamed_and_mistyped_fields(
    validator: jsonschema.protocols.Validator, seed: gikai_minutes.Meeting
) -> None:
    data = json.loads(seed.to_json())
    data["utterances"][0]["speaker_id"] = data["utterances"][0].pop("speaker")
    data["session"] = "10"
    data["speakers"][0]["category"] = "moderator"
    found = "\n".join(errors_of(validator, data))
    assert "'speaker' is a required property" in found
    assert "'speaker_id' was unexpected" in found
    assert "'10' is not valid" in found or "is not of type 'integer'" in found
    assert "'moderator' is not one of" in found


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_validates(validator: jsonschema.protocols.Validator, path: Path) -> None:
    meetings = corpus_meetings(path)
    assert meetings
    for meeting in meetings:
        assert errors_of(validator, json.loads(meeting.to_json())) == []


def test_golden_layout_of_the_seed() -> None:
    seed = gikai_minutes.parse_file(SEED)
    golden = {k: set(v) for k, v in json.loads(GOLDEN.read_text(encoding="utf-8")).items()}
    assert layout(json.loads(seed.to_json())) == golden
    described = schema_layout(gikai_minutes.json_schema())
    for path, types in golden.items():
        assert path in described, f"{path} is written but not in the schema"
        assert types <= described[path], path


def test_schema_command_prints_the_schema() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gikai_minutes", "schema", "--indent", "-1"],
        capture_output=True,
        check=False,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == gikai_minutes.json_schema()
    assert proc.stdout.count(b"\n") == 1
