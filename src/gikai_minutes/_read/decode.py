"""Bytes to text: BOM, UTF-8 and Shift_JIS/CP932 detection, binary rejection."""

from __future__ import annotations

import codecs
import re

from gikai_minutes._errors import DecodeError

__all__ = ["decode_bytes", "decode_named"]

# Control bytes that never occur in minutes text (tab, LF, VT, FF, CR and ESC are allowed).
_BINARY_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
#: Counting the control bytes: deleting every other byte leaves only them (in C, not a
#: Python loop over 8 KB).
_NOT_BINARY = bytes(b for b in range(256) if b not in _BINARY_BYTES)
_SNIFF = 8192
_SURROGATE = re.compile("[\ud800-\udfff]")


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    odd = len(head.translate(None, _NOT_BINARY))
    return odd > max(2, len(head) // 100)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding used)``.

    With ``encoding`` given, only that codec is tried. Otherwise a UTF-8 BOM selects
    ``utf-8-sig`` and a UTF-16 BOM ``utf-16``;
    then strict UTF-8, then CP932 (a superset of Shift_JIS) are tried.
    Raises :class:`DecodeError` for binary data or bytes no candidate decodes.
    """
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding is None and _looks_binary(data):
        raise DecodeError("input looks binary (control bytes found), not minutes text")
    if encoding is not None:
        return decode_named(data, encoding), encoding
    candidates = ["utf-8-sig"] if data.startswith(codecs.BOM_UTF8) else ["utf-8", "cp932"]
    failures = []
    for name in candidates:
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            failures.append(f"{name}: byte {exc.start} (line {line})")
    raise DecodeError("cannot decode input as " + "; ".join(failures))


def decode_named(data: bytes, encoding: str) -> str:
    """Decode with a codec the user named; every way a codec can fail is a :class:`DecodeError`.

    Codecs that are not text encodings (``base64``, ``rot13``) are refused, and
    so is a decoding that yields lone surrogates (``utf-7`` can), which no output can hold.
    """
    shown = repr(encoding[:40]) + ("…" if len(encoding) > 40 else "")
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError) as exc:  # ValueError: a NUL in the name
        raise DecodeError(f"unknown encoding {shown}") from exc
    if not getattr(info, "_is_text_encoding", True):
        raise DecodeError(f"{shown} is not a text encoding")
    try:
        text = data.decode(info.name)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        where = f"byte {exc.start} (line {line})"
        raise DecodeError(f"cannot decode input as {info.name}: {where}") from exc
    except (UnicodeError, ValueError, LookupError, TypeError) as exc:
        raise DecodeError(f"cannot decode input as {info.name}: {exc}") from exc
    bad = _SURROGATE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise DecodeError(
            f"decoding as {info.name} gives a lone surrogate U+{ord(bad.group()):04X} "
            f"(line {line}), which is not text"
        )
    return text
