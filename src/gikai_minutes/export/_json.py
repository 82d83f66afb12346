"""Meeting <-> JSON-ready builtins, driven by the attrs field types.

Layout (documented in docs/json.md): every attrs class becomes an object keyed by field
name; tuples become arrays, enums their value, dates and times ISO strings. An utterance's
``speaker`` is written as the speaker's ``id``. The top level carries ``schema_version``.
"""

from __future__ import annotations

import datetime
import enum
import json
import types
import typing
from typing import Any

import attrs

from gikai_minutes._errors import SchemaError
from gikai_minutes.model import Meeting, Speaker, Utterance

__all__ = [
    "SCHEMA_VERSION",
    "meeting_from_dict",
    "meeting_from_json",
    "meeting_to_dict",
    "meeting_to_json",
]

#: Version of the JSON layout; bumped on any incompatible change.
SCHEMA_VERSION = 1


def _unstructure(value: Any) -> Any:
    if value is None or isinstance(value, int | str | float | bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_unstructure(v) for v in value]
    if attrs.has(type(value)):
        return _unstructure_attrs(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _unstructure_attrs(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        if not field.init:
            continue
        value = getattr(obj, field.name)
        if isinstance(obj, Utterance) and field.name == "speaker":
            out["speaker"] = value.id
        else:
            out[field.name] = _unstructure(value)
    return out


def _structure(data: Any, tp: Any, speakers: dict[str, Speaker], where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _structure(data, inner, speakers, where)
    if origin is tuple:
        if not isinstance(data, list):
            raise SchemaError(f"{where}: expected an array")
        (item, _) = typing.get_args(tp)
        return tuple(_structure(v, item, speakers, f"{where}[{i}]") for i, v in enumerate(data))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(data)
        except ValueError as exc:
            raise SchemaError(f"{where}: {exc}") from None
    if tp is datetime.date or tp is datetime.time:
        try:
            return tp.fromisoformat(data)
        except (TypeError, ValueError) as exc:
            raise SchemaError(f"{where}: {exc}") from None
    if tp in (int, str, bool, float):
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            raise SchemaError(f"{where}: expected {tp.__name__}, got {type(data).__name__}")
        return data
    if isinstance(tp, type) and attrs.has(tp):
        return _structure_attrs(data, tp, speakers, where)
    raise SchemaError(f"{where}: unsupported type {tp!r}")


def _structure_attrs(data: Any, cls: type[Any], speakers: dict[str, Speaker], where: str) -> Any:
    if not isinstance(data, dict):
        raise SchemaError(f"{where}: expected an object for {cls.__name__}")
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        key = field.alias or field.name
        if field.name not in data:
            if field.default is attrs.NOTHING:
                raise SchemaError(f"{where}: missing {field.name!r}")
            continue
        value = data[field.name]
        if cls is Utterance and field.name == "speaker":
            if value not in speakers:
                raise SchemaError(f"{where}.speaker: unknown speaker id {value!r}")
            kwargs[key] = speakers[value]
        else:
            kwargs[key] = _structure(value, hints[field.name], speakers, f"{where}.{field.name}")
    return cls(**kwargs)


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """The meeting as JSON-ready builtins, with ``schema_version`` first."""
    return {"schema_version": SCHEMA_VERSION, **_unstructure_attrs(meeting)}


def meeting_from_dict(data: dict[str, Any]) -> Meeting:
    """Rebuild a meeting from :func:`meeting_to_dict` output; raises :class:`SchemaError`."""
    if not isinstance(data, dict):
        raise SchemaError("expected a JSON object")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise SchemaError(f"unsupported schema_version {version!r} (expected {SCHEMA_VERSION})")
    raw_speakers = data.get("speakers", [])
    speakers_tuple = _structure(raw_speakers, tuple[Speaker, ...], {}, "speakers")
    speakers = {s.id: s for s in speakers_tuple}
    body = {k: v for k, v in data.items() if k != "schema_version"}
    meeting: Meeting = _structure_attrs(body, Meeting, speakers, "meeting")
    return meeting


def meeting_to_json(meeting: Meeting, *, indent: int | None = None) -> str:
    """The meeting as JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(meeting_to_dict(meeting), ensure_ascii=False, indent=indent)


def meeting_from_json(text: str) -> Meeting:
    """Rebuild a meeting from :func:`meeting_to_json` output."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"not JSON: {exc}") from None
    return meeting_from_dict(data)
