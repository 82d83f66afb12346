"""The batch's pool path: inputs found as before, chunks handed out largest first, hashes
taken by the workers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests._export_docs import DIET_COMMITTEE

from _helpers import sized_tasks
from gikai_minutes import _batch


def _tree(tmp_path: Path) -> Path:
    """Inputs in nested folders, with a symbolic link to a file and one to a folder."""
    root = tmp_path / "in"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a-b").mkdir()
    (root / "out").mkdir()
    for rel in ("x.txt", "a/y.txt", "a/b/z.txt", "a-b/w.txt", "out/old.txt", "a/.hidden.txt"):
        (root / rel).write_text(DIET_COMMITTEE[: 100 + len(rel)], encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "v.txt").write_text(DIET_COMMITTEE, encoding="utf-8")
    (root / "link.txt").symlink_to(tmp_path / "elsewhere" / "v.txt")
    (root / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "a" / "to-out.txt").symlink_to(root / "out" / "old.txt")
    return root


def _reference(paths: list[str], exclude: list[Path]) -> list[tuple[Path, Path]]:
    """What :func:`_batch.find_inputs` gives, by resolving and comparing every path."""
    found: list[tuple[Path, Path]] = []
    excluded = [p.resolve() for p in exclude]
    seen: set[Path] = set()
    for arg in paths:
        root = Path(arg) if Path(arg).is_dir() else None
        files = sorted(_batch.expand_input(arg))  # sorted as paths compare
        for f in files:
            key = f.resolve()
            if any(key.is_relative_to(d) for d in excluded) or key in seen:
                continue
            seen.add(key)
            found.append((f, root if root is not None else f.parent))
    return found


def test_inputs_are_found_as_by_resolving_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    cases = [
        ([str(root)], [root / "out"]),
        (["in", "in/a", str(root / "a" / "b" / ".." / "y.txt")], [Path("in/out")]),
        (["in/**/*.txt", "elsewhere"], [Path("in/a/../out")]),
        (["in/linked/v.txt", "in/link.txt", "in/x.txt"], [tmp_path / "elsewhere"]),
        (["in"], []),
    ]
    for paths, exclude in cases:
        found, missing = _batch.find_inputs(paths, exclude=exclude)
        assert found == _reference(paths, exclude)
        assert missing == []
    # the link into the excluded folder is left out, the link out of it kept
    found, _ = _batch.find_inputs([str(root)], exclude=[root / "out"])
    names = [f.relative_to(root).as_posix() for f, _ in found]
    assert "a/to-out.txt" not in names
    assert "out/old.txt" not in names
    assert "link.txt" in names
    assert names.index("a/y.txt") < names.index("a-b/w.txt")  # by parts, not by string


def test_chunks_are_handed_out_largest_first(tmp_path: Path) -> None:
    sizes = [10] * 50 + [5_000] + [10] * 50 + [3_000] + [10] * 20
    tasks = sized_tasks(tmp_path, sizes)
    chunks = _batch._chunks(tasks, 2)
    order = _batch._largest_first(tasks, 2)
    assert sorted(order, key=lambda c: c[0][0]) == chunks  # the same chunks, reordered
    held = [sum(os.path.getsize(t[0]) for t in chunk) for chunk in order]
    assert held == sorted(held, reverse=True)
    assert order[0] == [tasks[50]]
    assert order[1] == [tasks[101]]
    ties = [c for c, h in zip(order, held, strict=True) if h == held[-1]]
    assert ties == [c for c in chunks if c in ties]  # equal sizes keep the input order


def test_workers_hash_new_inputs_and_a_rerun_skips_them(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(12):
        (tmp_path / "in" / f"{i:02d}.txt").write_text(DIET_COMMITTEE[: 300 + 50 * i], "utf-8")
    inputs, _ = _batch.find_inputs([str(tmp_path / "in")])
    first = _batch.convert_batch(inputs, tmp_path / "out", _batch.BatchOptions(), jobs=2)
    assert [r.status for r in first.results] == ["converted"] * 12
    assert [r.sha256 for r in first.results] == [_batch.file_sha256(f) for f, _ in inputs]
    (tmp_path / "in" / "03.txt").write_text(DIET_COMMITTEE[:333], "utf-8")
    again = _batch.convert_batch(inputs, tmp_path / "out", _batch.BatchOptions(), jobs=2)
    assert [r.status for r in again.results] == ["skipped"] * 3 + ["converted"] + ["skipped"] * 8
    assert again.results[3].sha256 == _batch.file_sha256(inputs[3][0])


def test_an_unreadable_input_fails_without_a_hash(tmp_path: Path) -> None:
    result = _batch.convert_one(
        str(tmp_path / "gone.txt"), "gone", "", str(tmp_path / "out"), _batch.BatchOptions()
    )
    assert result.status == "failed"
    assert result.sha256 == ""
    assert result.error is not None


def test_manifest_saves_are_spaced_by_their_own_cost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    for i in range(6):
        (tmp_path / "in" / f"{i}.txt").write_text(DIET_COMMITTEE[: 300 + 10 * i], "utf-8")
    inputs, _ = _batch.find_inputs([str(tmp_path / "in")])
    real = _batch._save_manifest
    saves: list[int] = []

    def counted(path: Path, entries: dict[str, object]) -> None:
        saves.append(len(entries))
        real(path, entries)

    monkeypatch.setattr(_batch, "_save_manifest", counted)
    monkeypatch.setattr(_batch, "MANIFEST_EVERY", 0.0)
    monkeypatch.setattr(_batch, "MANIFEST_SPACING", 0)
    _batch.convert_batch(inputs, tmp_path / "a", _batch.BatchOptions(), force=True)
    assert saves == [1, 2, 3, 4, 5, 6, 6]  # after each input (no spacing), and at the end
    saves.clear()
    monkeypatch.setattr(_batch, "MANIFEST_SPACING", 10**9)  # one save: the next is far off
    _batch.convert_batch(inputs, tmp_path / "b", _batch.BatchOptions(), force=True)
    assert saves == [1, 6]
