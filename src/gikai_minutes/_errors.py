"""Exception hierarchy: every error the library raises derives from :class:`GikaiMinutesError`."""

from __future__ import annotations

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


class InputError(GikaiMinutesError):
    """The input cannot be read as minutes text at all."""


class DecodeError(InputError):
    """Bytes that are binary or not valid in any supported encoding."""


class EmptyInputError(InputError):
    """The input holds no text (raised in strict mode; lenient parsing reports an
    ``empty-input`` diagnostic instead)."""


class ParseError(GikaiMinutesError):
    """A problem found while parsing in strict mode, with its 1-based position."""

    def __init__(self, message: str, *, code: str, line: int, column: int = 1) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.message = message
        self.code = code
        self.line = line
        self.column = column


class SchemaError(GikaiMinutesError):
    """A dictionary or JSON document that does not follow the meeting schema."""


class UnknownDialectError(GikaiMinutesError, ValueError):
    """A dialect name that no registered dialect has."""
