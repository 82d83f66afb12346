"""Meeting <-> JSON-ready builtins, through hooks compiled once per model class.

Layout (documented in docs/json.md): every attrs class becomes an object keyed by field
name, in field order; tuples become arrays, enums their value, dates and times ISO strings.
A class listed in :data:`_REFERENCED` is written in full only where it sits in a tuple (its
home, ``Meeting.speakers``); a field holding one object of it (``Utterance.speaker``) writes
its ``id``. The top level carries ``schema_version``.

Reading checks every value against the field types and raises :class:`SchemaError` with
the path of the offending value; nothing else escapes (not JSON, nesting too deep for the
``json`` module, integers too long or out of range, wrong types, unknown references).
"""

from __future__ import annotations

import collections.abc
import datetime
import enum
import json
import reprlib
import types
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs

from gikai_minutes._errors import SchemaError
from gikai_minutes.model import Meeting, Speaker, Utterances

__all__ = [
    "SCHEMA_VERSION",
    "meeting_from_dict",
    "meeting_from_json",
    "meeting_to_dict",
    "meeting_to_json",
]

#: Version of the JSON layout; bumped on any incompatible change.
SCHEMA_VERSION = 1

#: Classes written once in their home tuple and referred to elsewhere by this key field.
_REFERENCED: dict[type, str] = {Speaker: "id"}

#: Integers read back must fit a signed 64-bit integer (offsets, lines, counts, numbers).
_INT_LIMIT = 2**63 - 1

#: Objects already read, by referenced class and key: filled while reading their home tuple.
_Refs = dict[type, dict[str, Any]]
_Dump = Callable[[Any], Any]
#: Field types written as JSON arrays: ``tuple[X, ...]`` and ``Sequence[X]``.
_ARRAYS = (tuple, collections.abc.Sequence)
_Load = Callable[[Any, _Refs], Any]


class _Invalid(Exception):
    """A value that does not follow the layout; ``path`` is filled on the way out."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.path: list[str] = []

    def where(self) -> str:
        return "meeting" + "".join(reversed(self.path))


def _describe(value: Any) -> str:
    """A short, always safe description of a value for messages (no huge reprs)."""
    if isinstance(value, str):
        return reprlib.repr(value)
    return type(value).__name__


# -- writing -------------------------------------------------------------------------------


def _identity(value: Any) -> Any:
    return value


def _dump_enum(value: enum.Enum) -> Any:
    return value.value


def _dump_iso(value: datetime.date | datetime.time) -> str:
    return value.isoformat()


def _dumper(tp: Any, cache: dict[Any, _Dump]) -> _Dump:
    """The writer for values of type ``tp``; ``_identity`` for builtins."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = _optional_inner(tp)
        dump = _dumper(inner, cache)
        if dump is _identity:
            return _identity
        return lambda v: None if v is None else dump(v)
    if origin in _ARRAYS:
        item = _dumper(_tuple_item(tp), cache)
        if item is _identity:
            return list
        return lambda v: [item(x) for x in v]
    if tp in (str, int, bool):
        return _identity
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _dump_enum
    if tp is datetime.date or tp is datetime.time:
        return _dump_iso
    if isinstance(tp, type) and attrs.has(tp):
        return _attrs_dumper(tp, cache)
    raise TypeError(f"no JSON layout for {tp!r}")


def _dump_span_row(row: tuple[int, int, int, int]) -> dict[str, int]:
    return {"start": row[0], "end": row[1], "first_line": row[2], "last_line": row[3]}


def _dump_utterances(dump_items: _Dump) -> _Dump:
    """Utterances kept as rows are written from the rows (the same layout as
    ``dump_items`` gives a tuple of :class:`Utterance`, without making the objects)."""
    span = _dump_span_row

    def dump(value: Any) -> list[Any]:
        if not isinstance(value, Utterances):
            return cast(list[Any], dump_items(value))
        return [
            {
                "index": index,
                "speaker": speaker.id,
                "text": text,
                "paragraphs": [{"text": t, "span": span(s)} for t, s in paragraphs],
                "span": span(body),
                "header_span": span(header),
                "fixes": [
                    {"rule": r, "span": span(s), "original": o, "replacement": w}
                    for r, s, o, w in fixes
                ],
                "pages": list(pages),
            }
            for index, speaker, text, paragraphs, body, header, fixes, pages in value.rows()
        ]

    return dump


def _attrs_dumper(cls: type, cache: dict[Any, _Dump]) -> _Dump:
    if cls in cache:
        return cache[cls]
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, _Dump]] = []

    def dump(obj: Any) -> dict[str, Any]:
        return {name: fn(getattr(obj, name)) for name, fn in plan}

    cache[cls] = dump
    for field in attrs.fields(cls):
        if field.init:
            tp = hints[field.name]
            key = _REFERENCED.get(tp)
            if key is not None:
                plan.append((field.name, _reference_dumper(key)))
            elif cls is Meeting and field.name == "utterances":
                plan.append((field.name, _dump_utterances(_dumper(tp, cache))))
            else:
                plan.append((field.name, _dumper(tp, cache)))
    return dump


def _reference_dumper(key: str) -> _Dump:
    return lambda obj: getattr(obj, key)


# -- reading -------------------------------------------------------------------------------


def _load_str(value: Any, refs: _Refs) -> Any:
    if isinstance(value, str):
        return value
    raise _Invalid(f"expected str, got {_describe(value)}")


def _load_int(value: Any, refs: _Refs) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        if -_INT_LIMIT <= value <= _INT_LIMIT:
            return value
        raise _Invalid("integer out of range")
    raise _Invalid(f"expected int, got {_describe(value)}")


def _load_bool(value: Any, refs: _Refs) -> Any:
    if isinstance(value, bool):
        return value
    raise _Invalid(f"expected bool, got {_describe(value)}")


_LOAD_BUILTIN: dict[Any, _Load] = {
    str: _load_str,
    int: _load_int,
    bool: _load_bool,
}


def _loader(tp: Any, cache: dict[Any, _Load]) -> _Load:
    """The reader for values of type ``tp``."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        load = _loader(_optional_inner(tp), cache)
        return lambda v, refs: None if v is None else load(v, refs)
    if origin in _ARRAYS:
        return _tuple_loader(_tuple_item(tp), cache)
    if tp in _LOAD_BUILTIN:
        return _LOAD_BUILTIN[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_loader(tp)
    if tp is datetime.date or tp is datetime.time:
        return _iso_loader(tp)
    if isinstance(tp, type) and attrs.has(tp):
        return _attrs_loader(tp, cache)
    raise TypeError(f"no JSON layout for {tp!r}")


def _tuple_loader(item_type: Any, cache: dict[Any, _Load]) -> _Load:
    item = _loader(item_type, cache)
    key = _REFERENCED.get(item_type)
    builtin = item_type if item in (_load_str, _load_bool) else None

    def load(value: Any, refs: _Refs) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Invalid(f"expected an array, got {_describe(value)}")
        if builtin is not None and all(isinstance(v, builtin) for v in value):
            return tuple(value)
        out = []
        for i, v in enumerate(value):
            try:
                out.append(item(v, refs))
            except _Invalid as err:
                err.path.append(f"[{i}]")
                raise
        if key is not None:  # the home of a referenced class: remember its objects
            refs.setdefault(item_type, {}).update((getattr(o, key), o) for o in out)
        return tuple(out)

    return load


def _enum_loader(cls: type[enum.Enum]) -> _Load:
    by_value = {member.value: member for member in cls}

    def load(value: Any, refs: _Refs) -> Any:
        if isinstance(value, str) and value in by_value:
            return by_value[value]
        raise _Invalid(f"not a {cls.__name__} value: {_describe(value)}")

    return load


def _iso_loader(cls: type[datetime.date] | type[datetime.time]) -> _Load:
    def load(value: Any, refs: _Refs) -> Any:
        if not isinstance(value, str):
            raise _Invalid(f"expected an ISO {cls.__name__} string, got {_describe(value)}")
        try:
            return cls.fromisoformat(value)
        except ValueError as exc:
            raise _Invalid(f"not an ISO {cls.__name__}: {_describe(value)}") from exc

    return load


def _reference_loader(cls: type) -> _Load:
    def load(value: Any, refs: _Refs) -> Any:
        if not isinstance(value, str):
            raise _Invalid(f"expected a {cls.__name__} id, got {_describe(value)}")
        found = refs.get(cls, {}).get(value)
        if found is None:
            raise _Invalid(f"unknown {cls.__name__.lower()} id {_describe(value)}")
        return found

    return load


@attrs.frozen(slots=True)
class _FieldPlan:
    name: str
    arg: str
    required: bool
    load: _Load


def _attrs_loader(cls: type, cache: dict[Any, _Load]) -> _Load:
    if cls in cache:
        return cache[cls]
    hints = typing.get_type_hints(cls)
    plan: list[_FieldPlan] = []
    what = f"expected an object for {cls.__name__}"

    def load(data: Any, refs: _Refs) -> Any:
        if not isinstance(data, dict):
            raise _Invalid(f"{what}, got {_describe(data)}")
        kwargs: dict[str, Any] = {}
        for f in plan:
            if f.name not in data:
                if f.required:
                    raise _Invalid(f"missing {f.name!r}")
                continue
            try:
                kwargs[f.arg] = f.load(data[f.name], refs)
            except _Invalid as err:
                err.path.append(f".{f.name}")
                raise
        return cls(**kwargs)

    cache[cls] = load
    for field in attrs.fields(cls):
        if field.init:
            tp = hints[field.name]
            fn = _reference_loader(tp) if tp in _REFERENCED else _loader(tp, cache)
            required = field.default is attrs.NOTHING
            plan.append(_FieldPlan(field.name, field.alias or field.name, required, fn))
    return load


def _optional_inner(tp: Any) -> Any:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if len(args) != 1:
        raise TypeError(f"no JSON layout for {tp!r}")
    return args[0]


def _tuple_item(tp: Any) -> Any:
    args = typing.get_args(tp)
    if typing.get_origin(tp) is collections.abc.Sequence and len(args) == 1:
        return args[0]
    if len(args) != 2 or args[1] is not Ellipsis:
        raise TypeError(f"no JSON layout for {tp!r}")
    return args[0]


_dump_meeting = _attrs_dumper(Meeting, {})
_load_meeting = _attrs_loader(Meeting, {})


# -- public functions ----------------------------------------------------------------------


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """The meeting as JSON-ready builtins, with ``schema_version`` first."""
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    out.update(_dump_meeting(meeting))
    return out


def meeting_from_dict(data: dict[str, Any]) -> Meeting:
    """Rebuild a meeting from :func:`meeting_to_dict` output; raises :class:`SchemaError`."""
    if not isinstance(data, dict):
        raise SchemaError(f"expected a JSON object, got {_describe(data)}")
    version = data.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:
        small = version is None or (type(version) is int and abs(version) < 10**6)
        shown = repr(version) if small else _describe(version)
        raise SchemaError(f"unsupported schema_version {shown} (expected {SCHEMA_VERSION})")
    try:
        meeting: Meeting = _load_meeting(data, {})
    except _Invalid as err:
        raise SchemaError(f"{err.where()}: {err.message}") from err.__cause__
    return meeting


def meeting_to_json(meeting: Meeting, *, indent: int | None = None) -> str:
    """The meeting as JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(meeting_to_dict(meeting), ensure_ascii=False, indent=indent)


def meeting_from_json(text: str | bytes) -> Meeting:
    """Rebuild a meeting from :func:`meeting_to_json` output; raises :class:`SchemaError`."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError, RecursionError) as exc:
        # ValueError covers JSONDecodeError, bad UTF-8 and over-long integers.
        raise SchemaError(f"not JSON: {type(exc).__name__}: {str(exc)[:200]}") from exc
    return meeting_from_dict(data)
