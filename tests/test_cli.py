"""The command line, run in-process through main() and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from _helpers import SEED
from gikai_minutes._cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(SEED))
    assert code == 0
    assert "utterances: 101" in out
    assert "speakers:   15" in out
    assert "name=辻 role=座長 category=chair  turns=31" in out
    assert err == ""


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SEED), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert len(data["utterances"]) == 101
    assert data["utterances"][0]["speaker"] == "辻座長"


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SEED), "--format", "text")
    assert code == 0
    assert out.startswith("[0] 辻座長: それでは、定刻となりましたので")
    assert sum(1 for line in out.splitlines() if line.startswith("[")) == 101


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "none.txt"
    code, out, err = run(capsys, "parse", str(missing))
    assert code == 3
    assert out == ""
    assert err.startswith(f"gikai-minutes: {missing}: ")
    assert err.count("\n") == 1


def test_strict_error_reports_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("【辻座長】 はい。\n【田中委員 閉じていない\n", encoding="utf-8")
    code, _, err = run(capsys, "parse", str(path), "--strict")
    assert code == 1
    assert (
        err == f"gikai-minutes: {path}:2:1: malformed-header: line opens 【 but never closes it\n"
    )
    code, out, _ = run(capsys, "parse", str(path))
    assert code == 0
    assert "malformed-header" in out


def test_fail_on_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("見出しのない文章。\n", encoding="utf-8")
    assert run(capsys, "parse", str(path))[0] == 0
    code, _, err = run(capsys, "parse", str(path), "--fail-on-error")
    assert code == 1
    assert f"{path}:1: no-speaker-headers" in err


def test_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01\x02" * 50)
    code, _, err = run(capsys, "parse", str(path))
    assert code == 3
    assert "binary" in err


def test_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse"])
    assert exc.value.code == 2


def test_module_entry_point_reads_stdin() -> None:
    data = SEED.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "gikai_minutes", "parse", "-", "--format", "json", "--indent", "-1"],
        input=data,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["source"]["name"] == "<stdin>"
    assert len(out["utterances"]) == 101
