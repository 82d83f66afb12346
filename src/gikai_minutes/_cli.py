"""Command line: ``gikai-minutes parse FILE [--format json|text|summary|outline]``.

Exit codes: 0 success; 1 the input parsed but ``--strict`` found a problem, or lenient
parsing reported an error-level diagnostic and ``--fail-on-error`` was given; 2 usage
error; 3 the input could not be read or decoded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from gikai_minutes._api import parse, parse_file
from gikai_minutes._errors import InputError, ParseError, UnknownDialectError
from gikai_minutes.export._outline import format_outline
from gikai_minutes.export._text import format_summary, format_transcript
from gikai_minutes.model import Meeting, Severity

__all__ = ["main"]

EXIT_OK = 0
EXIT_PARSE = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


def _parser() -> argparse.ArgumentParser:
    from gikai_minutes import DIALECTS, __version__

    ap = argparse.ArgumentParser(
        prog="gikai-minutes", description="Parse Japanese meeting minutes into typed data."
    )
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse one minutes file ('-' reads stdin)")
    p.add_argument("file", help="path of the minutes text, or - for standard input")
    p.add_argument(
        "--format",
        choices=("json", "text", "summary", "outline"),
        default="summary",
        help="output format (outline: sections, presentations and Q&A exchanges)",
    )
    p.add_argument("--encoding", help="input encoding (default: detect UTF-8, UTF-16 BOM, CP932)")
    p.add_argument("--dialect", choices=sorted(DIALECTS), help="force a header convention")
    p.add_argument("--strict", action="store_true", help="fail on the first warning")
    p.add_argument(
        "--fail-on-error", action="store_true", help="exit 1 if an error diagnostic is reported"
    )
    p.add_argument("--indent", type=int, default=2, help="JSON indent (default 2)")
    return ap


def _render(meeting: Meeting, fmt: str, indent: int) -> str:
    if fmt == "json":
        return meeting.to_json(indent=indent if indent >= 0 else None) + "\n"
    if fmt == "text":
        return format_transcript(meeting)
    if fmt == "outline":
        return format_outline(meeting)
    return format_summary(meeting)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    name = "<stdin>" if args.file == "-" else args.file
    try:
        if args.file == "-":
            meeting = parse(
                sys.stdin.buffer.read(),
                strict=args.strict,
                dialect=args.dialect,
                source_name=name,
                encoding=args.encoding,
            )
        else:
            meeting = parse_file(args.file, args.encoding, strict=args.strict, dialect=args.dialect)
    except InputError as exc:
        # parse_file's errors name the file already; stdin's do not.
        where = f"{name}: " if args.file == "-" or not str(exc).startswith(name) else ""
        print(f"gikai-minutes: {where}{exc}", file=sys.stderr)
        return EXIT_INPUT
    except ParseError as exc:
        print(f"gikai-minutes: {name}:{exc.line}:{exc.column}: {exc.code}: {exc.message}",
              file=sys.stderr)  # fmt: skip
        return EXIT_PARSE
    except UnknownDialectError as exc:
        print(f"gikai-minutes: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(_render(meeting, args.format, args.indent))
    errors = [d for d in meeting.diagnostics if d.severity is Severity.ERROR]
    for d in errors:
        print(f"gikai-minutes: {name}:{d.line}: {d.code}: {d.message}", file=sys.stderr)
    return EXIT_PARSE if errors and args.fail_on_error else EXIT_OK
