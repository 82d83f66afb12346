"""Command line: ``gikai-minutes parse|convert|schema`` (see ``docs/cli.md``).

Exit codes: 0 success; 1 ``parse``: the input parsed but ``--strict`` found a problem, or
lenient parsing reported an error-level diagnostic and ``--fail-on-error`` was given;
``convert``: some inputs failed; 2 usage error; 3 the input could not be read or decoded;
4 the output could not be written (closed or full standard output, an output encoding
that cannot hold the text, an unwritable output directory).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from gikai_minutes._api import parse_document, parse_file
from gikai_minutes._errors import (
    DecodeError,
    GikaiMinutesError,
    InputError,
    ParseError,
    UnknownDialectError,
)
from gikai_minutes._extras import require
from gikai_minutes._read.decode import decode_named
from gikai_minutes.export._outline import format_outline
from gikai_minutes.export._text import format_summary, format_transcript
from gikai_minutes.model import Meeting, Severity
from gikai_minutes.sources import text_document

__all__ = ["main"]

EXIT_OK = 0
EXIT_PARSE = 1
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4

#: The largest ``--indent`` accepted (a larger one is a usage error, not a huge output).
MAX_INDENT = 16


def _indent(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value[:20]!r}") from None
    if number > MAX_INDENT:
        raise argparse.ArgumentTypeError(f"at most {MAX_INDENT} (negative: one line)")
    return number


def _parser() -> argparse.ArgumentParser:
    from gikai_minutes import DIALECTS, __version__
    from gikai_minutes._batch import FORMATS

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
    p.add_argument("--indent", type=_indent, default=2, help="JSON indent (default 2)")

    c = sub.add_parser("convert", help="convert many files, directories or globs")
    c.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or glob pattern")
    c.add_argument("--to", choices=list(FORMATS), default="jsonl", help="output format")
    c.add_argument("--out", required=True, help="output directory, or one file (see docs)")
    c.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes")
    c.add_argument(
        "--glob", help="file pattern when walking directories (default: *.txt, *.json, *.pdf)"
    )
    c.add_argument("--encoding", help="input encoding of text files (default: detect)")
    c.add_argument("--dialect", choices=sorted(DIALECTS), help="force a header convention")
    c.add_argument("--strict", action="store_true", help="a warning makes the file fail")
    c.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM (Excel)")
    c.add_argument("--indent", type=_indent, default=None, help="JSON indent (default: none)")
    c.add_argument("--force", action="store_true", help="redo inputs that are up to date")
    c.add_argument("--quiet", action="store_true", help="no progress, only the summary")

    s = sub.add_parser("schema", help="print the JSON Schema of the meeting JSON")
    s.add_argument("--indent", type=_indent, default=2, help="JSON indent (default 2)")
    return ap


# --- robust standard streams ---------------------------------------------------------------


def _error(message: str) -> None:
    """One line on standard error; nothing if standard error itself is unusable."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(f"gikai-minutes: {message}\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """Point standard output at the null device, so the exit-time flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _emit(text: str) -> int:
    """Write ``text`` to standard output; the exit code (0, or 4 with a message)."""
    stream = sys.stdout
    if stream is None:
        _error("standard output is closed")
        return EXIT_OUTPUT
    try:
        stream.write(text)
        stream.flush()
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end][:1]
        line = exc.object.count("\n", 0, exc.start) + 1
        _error(
            f"cannot write {bad!r} (U+{ord(bad):04X}, output line {line}) in the output "
            f"encoding {stream.encoding}; set PYTHONIOENCODING=utf-8"
        )
        return EXIT_OUTPUT
    except BrokenPipeError:
        _silence_stdout()
        _error("standard output was closed before the output was written (broken pipe)")
        return EXIT_OUTPUT
    except (OSError, ValueError) as exc:
        _silence_stdout()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        _error(f"cannot write standard output: {reason}")
        return EXIT_OUTPUT
    return EXIT_OK


# --- parse ---------------------------------------------------------------------------------


def _read_input(args: argparse.Namespace, name: str) -> Meeting:
    if args.file == "-":
        if sys.stdin is None:
            raise InputError("standard input is closed")
        try:
            data = sys.stdin.buffer.read()
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read standard input: {exc}") from None
    elif args.encoding is not None:
        try:
            data = Path(args.file).read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: {exc.strerror or exc}") from None
    else:
        return parse_file(args.file, strict=args.strict, dialect=args.dialect)
    if args.encoding is not None:
        document = text_document(decode_named(data, args.encoding), name=name)
        document = attrs.evolve(document, encoding=document.encoding or args.encoding)
    else:
        document = text_document(data, name=name)
    return parse_document(document, strict=args.strict, dialect=args.dialect)


def _render(meeting: Meeting, fmt: str, indent: int) -> str:
    if fmt == "json":
        return meeting.to_json(indent=indent if indent >= 0 else None) + "\n"
    if fmt == "text":
        return format_transcript(meeting)
    if fmt == "outline":
        return format_outline(meeting)
    return format_summary(meeting)


def _parse(args: argparse.Namespace) -> int:
    name = "<stdin>" if args.file == "-" else args.file
    try:
        meeting = _read_input(args, name)
    except InputError as exc:
        # parse_file's errors name the file already; stdin's do not.
        where = f"{name}: " if args.file == "-" or not str(exc).startswith(name) else ""
        _error(f"{where}{exc}")
        return EXIT_INPUT
    except ParseError as exc:
        _error(f"{name}:{exc.line}:{exc.column}: {exc.code}: {exc.message}")
        return EXIT_PARSE
    except UnknownDialectError as exc:
        _error(str(exc))
        return EXIT_USAGE
    code = _emit(_render(meeting, args.format, args.indent))
    if code != EXIT_OK:
        return code
    errors = [d for d in meeting.diagnostics if d.severity is Severity.ERROR]
    for d in errors:
        _error(f"{name}:{d.line}: {d.code}: {d.message}")
    return EXIT_PARSE if errors and args.fail_on_error else EXIT_OK


# --- convert -------------------------------------------------------------------------------


def _progress(total: int, total_bytes: int, quiet: bool) -> tuple[Callable[[Any], None], Any]:
    """A callback per finished input: a progress bar on a terminal, plain lines otherwise."""
    done = [0]
    tty = sys.stderr is not None and sys.stderr.isatty()
    if quiet:
        return (lambda result: None), None
    if tty:
        try:
            from tqdm import tqdm
        except ImportError:  # pragma: no cover - depends on the environment
            tty = False
    if tty:
        bar = tqdm(
            total=total_bytes,
            unit="B",
            unit_scale=True,
            desc="convert",
            file=sys.stderr,
            dynamic_ncols=True,
        )

        def update_bar(result: Any) -> None:
            done[0] += 1
            rate = done[0] / max(bar.format_dict["elapsed"], 1e-9)
            bar.set_postfix_str(f"{done[0]}/{total} files, {rate:.1f} files/s", refresh=False)
            bar.update(result.size)

        return update_bar, bar

    def line(result: Any) -> None:
        done[0] += 1
        status = result.status
        if result.error:
            status = f"failed: {result.error['error']}: {result.error['message']}"
        _error(f"[{done[0]}/{total}] {result.file}: {status}")

    return line, None


def _convert(args: argparse.Namespace) -> int:
    from gikai_minutes._batch import (
        FORMATS,
        BatchOptions,
        combine_outputs,
        convert_batch,
        file_size,
        find_inputs,
    )

    if args.jobs < 1:
        _error("--jobs must be at least 1")
        return EXIT_USAGE
    if args.to == "parquet":
        try:
            require("pyarrow.parquet", "arrow", "--to parquet")
        except GikaiMinutesError as exc:  # pragma: no cover - depends on the environment
            _error(str(exc))
            return EXIT_USAGE
    if args.encoding is not None:
        try:
            decode_named(b"", args.encoding)
        except DecodeError as exc:
            _error(str(exc))
            return EXIT_USAGE
    fmt = FORMATS[args.to]
    out = Path(args.out)
    single = not out.is_dir() and out.name.endswith(fmt.suffix) and not fmt.per_meeting
    parts = out.with_name(f".{out.name}.parts") if single else out
    inputs, missing = find_inputs(args.paths, walk_glob=args.glob, exclude=[parts])
    if not inputs:
        _error("no input files found in " + ", ".join(args.paths))
        return EXIT_USAGE
    if not out.is_dir() and out.name.endswith(fmt.suffix) and fmt.per_meeting:
        _error(f"--to {args.to} writes one file per meeting: --out must be a directory")
        return EXIT_USAGE
    options = BatchOptions(
        args.to,
        args.strict,
        args.dialect,
        args.encoding,
        args.bom,
        args.indent if args.indent is None or args.indent >= 0 else None,
    )
    total_bytes = sum(file_size(f) for f, _ in inputs)
    callback, bar = _progress(len(inputs), total_bytes, args.quiet)
    errors_path = out.with_name(out.name + ".errors.jsonl") if single else None
    try:
        summary = convert_batch(
            inputs,
            parts,
            options,
            jobs=args.jobs,
            force=args.force,
            progress=callback,
            errors_path=errors_path,
            missing=missing,
        )
        if single:
            combine_outputs(summary, parts, args.to, out)
    except OSError as exc:
        _error(f"cannot write {exc.filename or args.out}: {exc.strerror or exc}")
        return EXIT_OUTPUT
    finally:
        if bar is not None:
            bar.close()
    code = _emit("\n".join(summary.lines()) + "\n")
    if code != EXIT_OK:
        return code
    return EXIT_FAILED if summary.count("failed") else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from gikai_minutes.export._schema import json_schema

    indent = args.indent if args.indent >= 0 else None
    return _emit(json.dumps(json_schema(), ensure_ascii=False, indent=indent) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "convert":
        return _convert(args)
    if args.command == "schema":
        return _schema(args)
    return _parse(args)
