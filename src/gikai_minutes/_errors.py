"""Exception hierarchy: every error the library raises derives from :class:`GikaiMinutesError`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gikai_minutes.model import Span

__all__ = [
    "DecodeError",
    "EmptyInputError",
    "GikaiMinutesError",
    "InputError",
    "ParseError",
    "SchemaError",
    "UnknownDialectError",
]


class GikaiMinutesError(Exception):
    """Base class of all errors raised by gikai_minutes."""


class InputError(GikaiMinutesError, ValueError):
    """The input cannot be read as minutes text at all (also a ``ValueError``)."""


class DecodeError(InputError):
    """Bytes that are binary or not valid in any supported encoding."""


class EmptyInputError(InputError):
    """The input holds no text (raised in strict mode; lenient parsing reports an
    ``empty-input`` diagnostic instead)."""


class ParseError(GikaiMinutesError, ValueError):
    """A problem found while parsing in strict mode (also a ``ValueError``).

    ``line`` and ``column`` are 1-based; ``offset`` is the character offset of that
    position in the source text, ``span`` the text concerned when the diagnostic names it,
    and ``source_name`` the name of the input (a path, ``<stdin>``, ``None`` for a string).
    """

    def __init__(
        self,
        message: str,
        *,
        code: str,
        line: int,
        column: int = 1,
        offset: int | None = None,
        span: Span | None = None,
        source_name: str | None = None,
    ) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.message = message
        self.code = code
        self.line = line
        self.column = column
        self.offset = offset
        self.span = span
        self.source_name = source_name


class SchemaError(GikaiMinutesError, ValueError):
    """A dictionary or JSON document that does not follow the meeting schema (also a
    ``ValueError``)."""


class UnknownDialectError(GikaiMinutesError, ValueError):
    """A dialect name that no registered dialect has."""
