"""JSON Schema (draft 2020-12) of the meeting JSON, derived from the model's field types.

It follows the layout rules of :mod:`gikai_minutes.export._json` (docs/json.md): one object
per attrs class keyed by field name, arrays for tuples, enum values, ISO dates and times,
an utterance's ``speaker`` as the speaker's id, ``schema_version`` at the top.
"""

from __future__ import annotations

import collections.abc
import datetime
import enum
import types
import typing
from typing import Any

import attrs

from gikai_minutes.export._json import SCHEMA_VERSION
from gikai_minutes.model import Meeting, Utterance

__all__ = ["json_schema"]

_SCHEMA_ID = "https://gikai-minutes.invalid/schema/meeting-{version}.json"
_TIME = r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"
_SCALARS: dict[Any, dict[str, Any]] = {
    int: {"type": "integer"},
    str: {"type": "string"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
    datetime.date: {"type": "string", "format": "date"},
    datetime.time: {"type": "string", "pattern": _TIME},
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            (inner,) = args
            return {"anyOf": [self.type_schema(inner), {"type": "null"}]}
        if origin in (tuple, collections.abc.Sequence):
            return {"type": "array", "items": self.type_schema(typing.get_args(tp)[0])}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        if isinstance(tp, type) and attrs.has(tp):
            return {"$ref": f"#/$defs/{self.define(tp)}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - model types only

    def define(self, cls: type[Any]) -> str:
        name = cls.__name__
        if name in self.defs:
            return name
        self.defs[name] = {}  # placeholder against recursion
        self.defs[name] = self.object_schema(cls)
        return name

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            if cls is Utterance and field.name == "speaker":
                properties["speaker"] = {"type": "string", "description": "a speakers[].id"}
            else:
                properties[field.name] = self.type_schema(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        return {
            "type": "object",
            "description": " ".join(doc.split()),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Meeting.to_json` output, as a dict.

    Fields with a default in the model are optional, as :meth:`Meeting.from_json` reads
    them; ``to_json`` always writes every field.
    """
    builder = _Builder()
    meeting = builder.object_schema(Meeting)
    meeting["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **meeting["properties"]}
    meeting["required"] = ["schema_version", *meeting["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID.format(version=SCHEMA_VERSION),
        "title": "gikai_minutes meeting",
        **meeting,
        "$defs": dict(sorted(builder.defs.items())),
    }
