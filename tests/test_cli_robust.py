"""The command line under hostile conditions: closed and full outputs, odd encodings.

Each case runs the real program in a subprocess and expects one line on standard error,
the documented exit code (docs/cli.md) and never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO, SEED

from gikai_minutes._cli import main

SRC = str(REPO / "src")
EXIT_USAGE, EXIT_INPUT, EXIT_OUTPUT = 2, 3, 4


def env(**extra: str) -> dict[str, str]:
    out = {**os.environ, "PYTHONPATH": SRC, **extra}
    out.pop("PYTHONIOENCODING", None)
    out.update(extra)
    return out


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "gikai_minutes", *args]


def one_line_error(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    assert "Exception ignored" not in text, text
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("gikai-minutes: ")
    return lines[0]


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("env", env())
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(args, stderr=subprocess.PIPE, check=False, cwd=REPO, **kwargs)  # type: ignore[call-overload, no-any-return]


def test_stdout_pipe_closed_early() -> None:
    """``| head -1``: the reader goes away before the output is written."""
    proc = subprocess.Popen(
        cli("parse", str(SEED), "--format", "json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
        cwd=REPO,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == EXIT_OUTPUT
    assert "broken pipe" in one_line_error(err)


def test_stdout_closed() -> None:
    """``>&-``: no standard output at all."""
    proc = run(cli("parse", str(SEED)), stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert proc.returncode == EXIT_OUTPUT
    assert "standard output is closed" in one_line_error(proc.stderr)


def test_stdin_closed() -> None:
    """``<&-`` with ``-`` as the file."""
    proc = run(cli("parse", "-"), stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert proc.returncode == EXIT_INPUT
    assert "<stdin>: standard input is closed" in one_line_error(proc.stderr)


def test_stdin_closed_does_not_matter_for_a_file() -> None:
    proc = run(cli("parse", str(SEED)), stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 0
    assert b"utterances: 101" in proc.stdout


def test_stderr_closed(tmp_path: Path) -> None:
    """``2>&-``: the exit code still tells what happened."""
    proc = run(cli("parse", str(tmp_path / "missing.txt")), preexec_fn=lambda: os.close(2))
    assert proc.returncode == EXIT_INPUT
    assert proc.stdout == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["json", "summary"])
def test_dev_full(fmt: str) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            cli("parse", str(SEED), "--format", fmt),
            stdout=full,
            stderr=subprocess.PIPE,
            env=env(),
            cwd=REPO,
            check=False,
        )
    assert proc.returncode == EXIT_OUTPUT
    assert "No space left on device" in one_line_error(proc.stderr)


def test_output_encoding_cannot_hold_the_text(tmp_path: Path) -> None:
    path = tmp_path / "yoshino.txt"
    path.write_text(
        "第２回　商店街振興懇談会\n\n【吉田座長】 それでは、𠮷野町商店街の現状について御説明をお願いします。\n",
        encoding="utf-8",
    )
    proc = run(cli("parse", str(path), "--format", "text"), env=env(PYTHONIOENCODING="cp932"))
    assert proc.returncode == EXIT_OUTPUT
    line = one_line_error(proc.stderr)
    assert "U+20BB7" in line
    assert "cp932" in line
    assert proc.stdout == b""  # nothing half-written
    ok = run(cli("parse", str(path), "--format", "text"), env=env(PYTHONIOENCODING="utf-8"))
    assert ok.returncode == 0
    assert "𠮷野町" in ok.stdout.decode("utf-8")


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("undefined", "cannot decode input as undefined"),
        ("idna", "cannot decode input as idna"),
        ("punycode", "cannot decode input as punycode"),
        ("base64", "'base64' is not a text encoding"),
        ("rot13", "'rot13' is not a text encoding"),
        ("no-such-codec", "unknown encoding 'no-such-codec'"),
        pytest.param("utf\x008", "unknown encoding 'utf\\x008'", id="nul"),
        pytest.param(
            "x" * 10_000,
            "unknown encoding 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'…",
            id="long-name",
        ),
    ],
)
def test_encoding_that_is_not_a_text_codec(
    encoding: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(SEED), "--encoding", encoding]) == EXIT_INPUT
    out, err = capsys.readouterr()
    assert out == ""
    assert expected in one_line_error(err.encode())


def test_utf7_lone_surrogate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "u7.txt"
    path.write_bytes("【辻座長】 開会します。\n".encode("utf-7") + b"+2AA-\n")
    assert main(["parse", str(path), "--encoding", "utf-7"]) == EXIT_INPUT
    assert "lone surrogate U+D800 (line 2)" in one_line_error(capsys.readouterr().err.encode())
    good = run(
        cli("parse", "-", "--encoding", "utf-7", "--format", "text"),
        input="【辻座長】 開会します。\n".encode("utf-7"),
    )
    assert good.returncode == 0
    assert good.stdout.decode() == "[0] 辻座長: 開会します。\n"


@pytest.mark.parametrize("indent", ["1000000000", "17", "9" * 5000, "1e9"])
def test_absurd_indent_is_a_usage_error(indent: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(SEED), "--format", "json", "--indent", indent])
    assert exc.value.code == EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == ""
    assert "argument --indent" in err.splitlines()[-1]
    assert len(err.splitlines()[-1]) < 200


def test_indent_limits_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--format", "json", "--indent", "16"]) == 0
    assert '\n                "' in capsys.readouterr().out
    assert main(["parse", str(SEED), "--format", "json", "--indent", "-5"]) == 0
    assert capsys.readouterr().out.count("\n") == 1
