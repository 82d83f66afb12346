"""``gikai-minutes convert``: many inputs, errors recorded, re-runs skip what is up to date."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from tests._export_docs import DIET_COMMITTEE
from tests.conftest import SEED

import gikai_minutes
from _helpers import sized_tasks
from gikai_minutes._cli import main
from gikai_minutes.export import ndl_response

SEED_TURNS = 101
DIET_TURNS = DIET_COMMITTEE.count("\n○")
STRICT_BAD = "第１回　検討会\n\n【辻座長】 開会します。\n【田中委員 閉じていない見出しです。\n"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    (root / "2024").mkdir(parents=True)
    shutil.copy(SEED, root / "seed.txt")
    (root / "2024" / "diet.txt").write_text(DIET_COMMITTEE, encoding="utf-8")
    (root / "2024" / "scan.txt").write_bytes(b"\x00\x01\x02\x03PK" * 40)
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    return root


def convert(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["convert", *args])
    out, err = capsys.readouterr()
    return code, out, err


def summary(out: str) -> dict[str, str]:
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines())}


def test_bad_file_is_recorded_and_the_batch_goes_on(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, stdout, err = convert(
        capsys, str(archive), "--to", "jsonl", "--out", str(out), "--jobs", "1"
    )
    assert code == 1
    assert summary(stdout)["files"] == "3 (converted 2, skipped 0, failed 1)"
    assert summary(stdout)["utterances"] == str(SEED_TURNS + DIET_TURNS)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert errors == [
        {
            "file": str(archive / "2024" / "scan.txt"),
            "error": "decode-error",
            "line": None,
            "message": errors[0]["message"],
        }
    ]
    assert "binary" in errors[0]["message"]
    assert len((out / "seed.jsonl").read_text(encoding="utf-8").splitlines()) == SEED_TURNS
    assert len((out / "2024" / "diet.jsonl").read_text(encoding="utf-8").splitlines()) == DIET_TURNS
    assert not (out / "notes.jsonl").exists()
    assert err.count("\n") == 3  # one plain progress line per file (not a terminal)


def test_strict_failure_has_code_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(STRICT_BAD, encoding="utf-8")
    out = tmp_path / "out"
    code, _, _ = convert(capsys, str(bad), str(SEED), "--strict", "--out", str(out), "--quiet")
    assert code == 1
    (error,) = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert (error["file"], error["error"], error["line"]) == (str(bad), "malformed-header", 4)


def test_rerun_skips_then_force_redoes(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (archive / "2024" / "scan.txt").unlink()
    out = tmp_path / "out"
    args = (str(archive), "--to", "csv", "--out", str(out), "--quiet")
    assert convert(capsys, *args)[0] == 0
    first = (out / "seed.csv").stat().st_mtime_ns
    code, stdout, _ = convert(capsys, *args)
    assert code == 0
    assert summary(stdout)["files"] == "2 (converted 0, skipped 2, failed 0)"
    assert summary(stdout)["utterances"] == str(SEED_TURNS + DIET_TURNS)
    assert (out / "seed.csv").stat().st_mtime_ns == first
    diet = archive / "2024" / "diet.txt"
    diet.write_text(DIET_COMMITTEE.replace("森健君。", "森健君、どうぞ。"), encoding="utf-8")
    code, stdout, _ = convert(capsys, *args)
    assert summary(stdout)["files"] == "2 (converted 1, skipped 1, failed 0)"
    code, stdout, _ = convert(capsys, *args, "--bom")  # other options: redone
    assert summary(stdout)["files"] == "2 (converted 2, skipped 0, failed 0)"
    code, stdout, _ = convert(capsys, *args, "--bom", "--force")
    assert summary(stdout)["files"] == "2 (converted 2, skipped 0, failed 0)"
    assert (out / "seed.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    (out / "seed.csv").unlink()  # a missing output is redone
    code, stdout, _ = convert(capsys, *args, "--bom")
    assert summary(stdout)["files"] == "2 (converted 1, skipped 1, failed 0)"


def test_one_output_file_and_two_processes(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "all.csv"
    code, stdout, _ = convert(
        capsys, str(archive), "--to", "csv", "--bom", "--out", str(target), "--jobs", "2", "--quiet"
    )
    assert code == 1
    assert summary(stdout)["errors"] == f"{target}.errors.jsonl"
    with open(target, encoding="utf-8-sig", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert len(rows) == SEED_TURNS + DIET_TURNS
    # inputs in sorted path order: 2024/diet.txt, then seed.txt
    assert {r["label"] for r in rows[:DIET_TURNS]} <= {
        "山本委員長",
        "森（健）委員",
        "佐藤国務大臣",
        "川村委員",
    }
    assert rows[DIET_TURNS]["label"] == "辻座長"
    one = tmp_path / "one.jsonl"
    assert convert(capsys, str(archive), "--out", str(one), "--jobs", "1", "--quiet")[0] == 1
    two = tmp_path / "two.jsonl"
    assert convert(capsys, str(archive), "--out", str(two), "--jobs", "2", "--quiet")[0] == 1
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert len(one.read_text(encoding="utf-8").splitlines()) == SEED_TURNS + DIET_TURNS


def test_globs_missing_paths_and_meetings_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "in" / "ndl_dump.json"
    records.parent.mkdir()
    meetings = [gikai_minutes.parse(DIET_COMMITTEE), gikai_minutes.parse_file(SEED)]
    records.write_text(json.dumps(ndl_response(meetings), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "tei"
    code, stdout, _ = convert(
        capsys,
        str(tmp_path / "in" / "*.json"),
        str(tmp_path / "nothing-*.txt"),
        "--to",
        "tei",
        "--out",
        str(out),
        "--quiet",
    )
    assert code == 1
    assert sorted(p.name for p in out.glob("*.xml")) == ["ndl_dump.000.xml", "ndl_dump.001.xml"]
    assert summary(stdout)["meetings"] == "2"
    (error,) = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert error["error"] == "not-found"


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = convert(capsys, str(tmp_path / "none"), "--out", str(tmp_path / "o"))
    assert code == 2
    assert "no input files" in err
    code, _, err = convert(capsys, str(SEED), "--to", "json", "--out", str(tmp_path / "x.json"))
    assert code == 2
    assert "one file per meeting" in err
    code, _, err = convert(capsys, str(SEED), "--out", str(tmp_path / "o"), "--jobs", "0")
    assert code == 2
    code, _, err = convert(capsys, str(SEED), "--out", str(tmp_path / "o"), "--encoding", "base64")
    assert code == 2
    assert "not a text encoding" in err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = convert(capsys, str(SEED), "--out", str(blocker / "out"), "--quiet")
    assert code == 4
    assert err.startswith("gikai-minutes: cannot write")
    assert err.count("\n") == 1


def test_outputs_inside_the_input_directory_are_not_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "minutes"
    root.mkdir()
    shutil.copy(SEED, root / "seed.txt")
    (root / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    args = (str(root), "--to", "json", "--out", str(root / "json"), "--quiet")
    code, stdout, _ = convert(capsys, *args)
    assert code == 1  # settings.json holds no minutes
    (error,) = [json.loads(x) for x in (root / "json" / "errors.jsonl").read_text().splitlines()]
    assert (error["error"], error["file"]) == ("input-error", str(root / "settings.json"))
    assert "holds no minutes" in error["message"]
    code, stdout, _ = convert(capsys, *args)
    assert summary(stdout)["files"] == "2 (converted 0, skipped 1, failed 1)"
    (meeting_json,) = [p for p in (root / "json").glob("*.json") if not p.name.startswith(".")]
    assert gikai_minutes.Meeting.from_json(meeting_json.read_text(encoding="utf-8")) == (
        gikai_minutes.parse_file(root / "seed.txt")
    )


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    pytest.importorskip("tqdm")
    import fcntl
    import os
    import struct
    import sys
    import termios

    from tests.conftest import REPO

    pid, fd = pty.fork()
    if pid == 0:  # child: a terminal 100 columns wide
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        os.environ["PYTHONPATH"] = str(REPO / "src")
        os.execv(sys.executable, [sys.executable, "-m", "gikai_minutes", "convert", str(SEED),
                                  "--out", str(tmp_path / "out"), "--jobs", "1"])  # fmt: skip
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "1/1 files" in text
    assert "B/s" in text
    assert "[1/1]" not in text
    assert "files:      1 (converted 1, skipped 0, failed 0)" in text


def test_a_worker_that_dies_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import os

    from gikai_minutes import _batch

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched reader reaches the workers only when they are forked")
    real = _batch.load_meetings

    def dying(path: str, **options: object) -> object:
        if "killed" in str(path):
            os._exit(9)  # as if the kernel's OOM killer struck
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(_batch, "load_meetings", dying)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "killed.txt").write_text(STRICT_BAD, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "in" / "seed.txt")
    inputs, _ = _batch.find_inputs([str(tmp_path / "in")])
    summary = _batch.convert_batch(inputs, tmp_path / "out", _batch.BatchOptions(), jobs=2)
    by_file = {Path(r.file).name: r for r in summary.results}
    assert by_file["seed.txt"].status == "converted"  # in flight beside it, run again
    assert by_file["killed.txt"].status == "failed"
    assert by_file["killed.txt"].error is not None
    assert by_file["killed.txt"].error["error"] == "worker-crashed"
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
    assert "killed.txt" in errors


def test_only_the_input_that_kills_its_worker_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing
    import os

    from gikai_minutes import _batch

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched reader reaches the workers only when they are forked")
    real = _batch.load_meetings

    def dying(path: str, **options: object) -> object:
        if "killed" in str(path):
            os._exit(9)
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(_batch, "load_meetings", dying)
    monkeypatch.setattr(_batch, "CHUNK_FILES", 4)
    (tmp_path / "in").mkdir()
    names = [f"{i:02d}{'-killed' if i == 7 else ''}.txt" for i in range(20)]
    for name in names:
        (tmp_path / "in" / name).write_text(DIET_COMMITTEE, encoding="utf-8")
    inputs, _ = _batch.find_inputs([str(tmp_path / "in")])
    summary = _batch.convert_batch(inputs, tmp_path / "out", _batch.BatchOptions(), jobs=2)
    assert [Path(r.file).name for r in summary.results] == names
    failed = [Path(r.file).name for r in summary.results if r.status == "failed"]
    assert failed == ["07-killed.txt"]
    assert summary.total("utterances") == 19 * DIET_TURNS


def test_chunks_keep_order_and_bound_files_and_bytes(tmp_path: Path) -> None:
    from gikai_minutes import _batch

    sizes = [10] * 100 + [20_000] + [10] * 300
    tasks = sized_tasks(tmp_path, sizes)
    chunks = _batch._chunks(tasks, 2)
    assert [t for chunk in chunks for t in chunk] == tasks
    assert max(len(c) for c in chunks) == _batch.CHUNK_FILES
    assert [tasks[100]] in chunks  # larger than a chunk's share: alone
    assert _batch._chunks(tasks[:1], 2) == [tasks[:1]]


def test_two_processes_match_one(archive: Path, tmp_path: Path) -> None:
    from gikai_minutes import _batch

    (archive / "2024" / "scan.txt").unlink()
    for i in range(40):
        (archive / f"small{i:02d}.txt").write_text(DIET_COMMITTEE[: 200 + 37 * i], "utf-8")
    inputs, _ = _batch.find_inputs([str(archive)])
    one = _batch.convert_batch(inputs, tmp_path / "one", _batch.BatchOptions(), jobs=1)
    two = _batch.convert_batch(inputs, tmp_path / "two", _batch.BatchOptions(), jobs=2)
    assert [(r.file, r.status, r.outputs, r.utterances) for r in one.results] == [
        (r.file, r.status, r.outputs, r.utterances) for r in two.results
    ]
    for result in one.results:
        for name in result.outputs:
            assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_an_interrupted_run_keeps_what_it_finished(archive: Path, tmp_path: Path) -> None:
    from gikai_minutes import _batch

    (archive / "2024" / "scan.txt").unlink()
    inputs, _ = _batch.find_inputs([str(archive)])
    seen: list[str] = []

    def interrupt_after_one(result: _batch.FileResult) -> None:
        seen.append(result.file)
        if len(seen) == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _batch.convert_batch(inputs, tmp_path / "out", _batch.BatchOptions(),
                             progress=interrupt_after_one)  # fmt: skip
    again = _batch.convert_batch(inputs, tmp_path / "out", _batch.BatchOptions())
    assert [(Path(r.file).name, r.status) for r in again.results] == [
        ("diet.txt", "skipped"), ("seed.txt", "converted")]  # fmt: skip


def test_glob_option_picks_files_when_walking(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (archive / "2024" / "diet.minutes").write_text(DIET_COMMITTEE, encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, _ = convert(
        capsys, str(archive), "--glob", "*.minutes", "--out", str(out), "--quiet"
    )
    assert code == 0
    assert summary(stdout)["files"] == "1 (converted 1, skipped 0, failed 0)"
    assert [p.relative_to(out).as_posix() for p in out.rglob("*.jsonl")] == ["2024/diet.jsonl"]


def test_lone_surrogates_fail_one_file_and_leave_no_partial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    good = "第１回　検討会\n\n【辻座長】 開会します。\n"
    (tmp_path / "in" / "good.txt").write_bytes(good.encode("utf-7"))
    (tmp_path / "in" / "bad.txt").write_bytes(good.encode("utf-7") + b"+2AA-\n")
    out = tmp_path / "out"
    code, _stdout, _ = convert(
        capsys, str(tmp_path / "in"), "--encoding", "utf-7", "--out", str(out), "--quiet"
    )
    assert code == 1
    (error,) = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert (Path(error["file"]).name, error["error"]) == ("bad.txt", "decode-error")
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "errors.jsonl", "good.jsonl"]  # fmt: skip


COUNCIL_PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>令和６年度第２回 環境審議会 会議録</title></head>
<body>
<nav><ul><li><a href="/">トップ</a></li><li><a href="/shisei/">市政情報</a></li></ul></nav>
<main>
<h1>令和６年度第２回 環境審議会 会議録</h1>
<p>日時　令和６年11月12日（火）午後２時から</p>
<p>○中川会長　ただいまから令和６年度第２回環境審議会を開会いたします。<br>
本日は委員12名中10名の出席をいただいております。</p>
<p>○環境政策課長　資料１に沿って、第３次環境基本計画の進捗を御報告いたします。</p>
<p>○小林委員　再生可能エネルギーの導入目標について伺います。</p>
</main>
<footer>Copyright 市役所</footer>
</body></html>
"""


def test_directory_walk_reads_web_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kankyo_2.html").write_text(COUNCIL_PAGE, encoding="utf-8")
    (tmp_path / "in" / "kankyo_2_old.htm").write_text(COUNCIL_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    code, _, _ = convert(
        capsys, str(tmp_path / "in"), "--to", "jsonl", "--out", str(out), "--quiet"
    )
    assert code == 0
    files = sorted(out.glob("*.jsonl"))
    assert [p.stem for p in files] == ["kankyo_2", "kankyo_2_old"]
    rows = [json.loads(line) for line in files[0].read_text(encoding="utf-8").splitlines()]
    assert [r["label"] for r in rows] == ["中川会長", "環境政策課長", "小林委員"]
