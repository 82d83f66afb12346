"""Public entry points: :func:`parse` for text or bytes, :func:`parse_file` for files."""

from __future__ import annotations

import contextlib
import os

from gikai_minutes._decode import decode_bytes
from gikai_minutes._errors import DecodeError, InputError
from gikai_minutes._model import Meeting
from gikai_minutes._parser import parse_text
from gikai_minutes._readers import discussnet_text
from gikai_minutes._structure import build_structure

__all__ = ["parse", "parse_file"]


def parse(
    text: str | bytes,
    *,
    strict: bool = False,
    dialect: str | None = None,
    source_name: str | None = None,
    encoding: str | None = None,
    structure: bool = True,
) -> Meeting:
    """Parse minutes into a :class:`Meeting`.

    ``text`` may be ``str`` or ``bytes`` (decoded as in :func:`parse_file`); a DiscussNet
    JSON document is unwrapped with :func:`discussnet_text` first. By default
    problems become :attr:`Meeting.diagnostics` and nothing raises for any ``str``;
    ``strict=True`` raises :class:`ParseError` on the first warning or error instead.
    ``dialect`` forces a header convention (see :data:`DIALECTS`) instead of detecting it.
    ``structure`` builds :attr:`Meeting.structure` and the speakers' categories (see
    :func:`build_structure`); ``False`` skips that step.
    """
    used: str | None = None
    if isinstance(text, bytes | bytearray):
        text, used = decode_bytes(bytes(text), encoding)
    elif not isinstance(text, str):
        raise TypeError(f"parse() takes str or bytes, not {type(text).__name__}")
    return _parse_decoded(text, strict, dialect, source_name, used, structure)


def _parse_decoded(
    text: str,
    strict: bool,
    dialect: str | None,
    source_name: str | None,
    encoding: str | None,
    structure: bool,
) -> Meeting:
    """Parse decoded text; a DiscussNet JSON document is unwrapped first."""
    if text.lstrip("\ufeff \r\n\t").startswith("{") and '"tenant_minutes"' in text[:2000]:
        # Not valid DiscussNet after all: then it is parsed as the text it is.
        with contextlib.suppress(InputError):
            text = discussnet_text(text)
    meeting = parse_text(
        text, strict=strict, dialect=dialect, source_name=source_name, encoding=encoding
    )
    return build_structure(meeting) if structure else meeting


def parse_file(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    strict: bool = False,
    dialect: str | None = None,
    structure: bool = True,
) -> Meeting:
    """Read and parse a minutes file.

    The encoding is detected unless given: UTF-8 with or without BOM, UTF-16 with BOM,
    Shift_JIS/CP932. CRLF and CR line ends are handled. A DiscussNet JSON document is
    recognised and read with :func:`parse_discussnet`. ``structure`` is as in
    :func:`parse`. Raises :class:`InputError` subclasses for unreadable, binary or
    undecodable files.
    """
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise InputError(f"{os.fspath(path)}: {exc.strerror or exc}") from exc
    try:
        text, used = decode_bytes(data, encoding)
    except DecodeError as exc:
        raise DecodeError(f"{os.fspath(path)}: {exc}") from exc
    return _parse_decoded(text, strict, dialect, os.fspath(path), used, structure)
