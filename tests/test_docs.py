"""Docs and code that cannot drift apart.

- Each ```python block of ``docs/*.md`` runs in order, sharing one namespace per page:
  blocks with ``>>>`` as doctests, other blocks as plain code that must not raise.
  ``gikai_minutes`` is imported beforehand, as the pages assume.
- The README's Python example runs, and prints what its comments say.
- Every ``>>>`` example in the package's docstrings runs.
- The shell sessions of ``docs/cli.md`` run, and print what the page shows.
- The ``rebuild()`` function of ``docs/model.md`` rebuilds every paragraph of random
  minutes-like text, as the page claims.
- Tables are not broken by blank lines; every enum value of the model is documented.
"""

from __future__ import annotations

import contextlib
import doctest
import enum
import importlib
import io
import json
import os
import pkgutil
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import gikai_minutes
import gikai_minutes.model
from _helpers import MINUTES_LIKE, REPO, SEED

FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
TEXT_FENCE = re.compile(r"^```text\n(.*?)^```", re.S | re.M)
PAGES = sorted((REPO / "docs").glob("*.md"))
README = REPO / "README.md"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    text = page.read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "docs", "gikai_minutes": gikai_minutes}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    parser = doctest.DocTestParser()
    for m in FENCE.finditer(text):
        line = text[: m.start()].count("\n") + 2
        block = m.group(1)
        where = f"{page.name}:{line}"
        if ">>>" in block:
            test = parser.get_doctest(block, namespace, where, str(page), line)
            result = runner.run(test, clear_globs=False)
            assert result.failed == 0, f"doctest failures in {where}"
            namespace.update(test.globs)
        else:
            exec(compile(block, where, "exec"), namespace)


def test_pages_exist() -> None:
    names = {p.name for p in PAGES}
    assert {"index.md", "model.md", "conventions.md", "json.md", "cli.md", "structure.md"} <= names


# -- README ---------------------------------------------------------------------------------


def test_readme_example_runs_and_prints_what_it_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    blocks = FENCE.findall(README.read_text(encoding="utf-8"))
    assert blocks, "README.md has no python example"
    for block in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
        printed = out.getvalue().splitlines()
        # ``print(...)  # …text``: the matching printed line ends with text.
        claims = [c for line in block.splitlines() if "print(" in line for c in _claim(line)]
        for claim in claims:
            assert any(p.endswith(claim) for p in printed), (claim, printed[:5])


def _claim(line: str) -> list[str]:
    m = re.search(r"#\s*…(.+)$", line)
    return [m.group(1).strip()] if m else []


# -- docstrings -----------------------------------------------------------------------------


def _modules_with_examples() -> list[str]:
    names = ["gikai_minutes"]
    names += [
        m.name for m in pkgutil.walk_packages(gikai_minutes.__path__, prefix="gikai_minutes.")
    ]
    out = []
    for name in names:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        if origin and origin.endswith(".py") and ">>>" in Path(origin).read_text("utf-8"):
            out.append(name)
    return out


DOCTEST_MODULES = _modules_with_examples()


def test_docstring_examples_are_found() -> None:
    assert "gikai_minutes" in DOCTEST_MODULES


@pytest.mark.parametrize("name", DOCTEST_MODULES)
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


# -- command line ---------------------------------------------------------------------------

#: Files the sessions of docs/cli.md use without showing them (``cat`` defines the others):
#: a plain UTF-8 text and a Shift_JIS one, both cut from the seed.
_SEED_TEXT = SEED.read_text(encoding="utf-8")
_UNSHOWN_FILES = {
    "minutes.txt": _SEED_TEXT.encode("utf-8"),
    "old.txt": _SEED_TEXT[: _SEED_TEXT.index("\n", 20_000) + 1].encode("cp932"),
}


def _sessions(text: str) -> list[list[tuple[str, list[str]]]]:
    """Each ```text block holding ``$`` commands, as (command, expected output lines)."""
    sessions = []
    for m in TEXT_FENCE.finditer(text):
        steps: list[tuple[str, list[str]]] = []
        for line in m.group(1).splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        if steps:
            sessions.append(steps)
    return sessions


CLI_SESSIONS = _sessions((REPO / "docs" / "cli.md").read_text(encoding="utf-8"))
#: Files a session shows with ``$ cat NAME``; later sessions of the page use them too.
CLI_FILES = {
    command[4:]: ("\n".join(expected) + "\n").encode("utf-8")
    for session in CLI_SESSIONS
    for command, expected in session
    if command.startswith("cat ") and "|" not in command
}


def _matches(expected: list[str], output: str) -> bool:
    """``…`` alone on a line stands for any lines, inside a line for any text."""
    parts = []
    for line in expected:
        if line == "…":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(map(re.escape, line.split("…"))) + r"\n")
    return re.fullmatch("".join(parts), output) is not None


def test_cli_sessions_are_found() -> None:
    assert len(CLI_SESSIONS) >= 5


@pytest.mark.parametrize("session", CLI_SESSIONS, ids=lambda s: s[0][0][:40])
def test_cli_examples(session: list[tuple[str, list[str]]], tmp_path: Path) -> None:
    (tmp_path / "seeds").symlink_to(REPO / "seeds")
    for name, data in {**_UNSHOWN_FILES, **CLI_FILES}.items():
        (tmp_path / name).write_bytes(data)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), *sys.path])}
    env["PYTHONIOENCODING"] = "utf-8"
    program = f"{shlex.quote(sys.executable)} -m gikai_minutes"
    last_code = 0
    for command, expected in session:
        if command.startswith("cat ") and "|" not in command:
            continue  # written above
        if command == "echo $?":
            assert expected == [str(last_code)], (command, expected, last_code)
            continue
        shell = command.replace("python -m gikai_minutes", program)
        shell = shell.replace("gikai-minutes ", program + " ")
        done = subprocess.run(
            f"{shell} 2>&1",
            shell=True,
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        last_code = done.returncode
        assert _matches(expected, done.stdout), f"$ {command}\n{done.stdout[:2000]}"


# -- rebuild() ------------------------------------------------------------------------------


def _rebuild() -> Any:
    text = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    (block,) = [b for b in FENCE.findall(text) if "def rebuild(" in b]
    namespace: dict[str, Any] = {"__name__": "docs_model"}
    # The definitions only: the block's own checks run in test_examples_run.
    definitions = block[: block.index("\nm = ")]
    exec(compile(definitions, "docs/model.md", "exec"), namespace)
    return namespace["rebuild"]


REBUILD = _rebuild()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(MINUTES_LIKE)
def test_rebuild_from_model_md_rebuilds_every_paragraph(text: str) -> None:
    meeting = gikai_minutes.parse(text)
    for u in meeting.utterances:
        for p in u.paragraphs:
            assert REBUILD(meeting, u, p) == p.text


# -- tables and enums -----------------------------------------------------------------------


@pytest.mark.parametrize("page", [*PAGES, README], ids=lambda p: p.name)
def test_tables_are_not_broken_by_blank_lines(page: Path) -> None:
    lines = page.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        starts_table = i + 1 < len(lines) and re.fullmatch(r"\|(?:\s*:?-+:?\s*\|)+", lines[i + 1])
        if line.startswith("|") and not starts_table:
            assert i > 0, f"{page.name}: starts with a table row"
            assert lines[i - 1].startswith("|"), f"{page.name}:{i + 1}: stray row"


MODEL_ENUMS = [
    obj
    for name in gikai_minutes.model.__all__
    if isinstance(obj := getattr(gikai_minutes.model, name), type) and issubclass(obj, enum.Enum)
]


@pytest.mark.parametrize("cls", MODEL_ENUMS, ids=lambda c: c.__name__)
def test_every_enum_value_is_documented(cls: type[enum.Enum]) -> None:
    docs = "\n".join(p.read_text(encoding="utf-8") for p in PAGES)
    assert f"`{cls.__name__}`" in docs
    missing = [m.value for m in cls if f'`"{m.value}"`' not in docs and f"`{m.value}`" not in docs]
    assert not missing, f"{cls.__name__} values not in docs/: {missing}"


@pytest.mark.parametrize(
    "module",
    ["gikai_minutes", "gikai_minutes.model", "gikai_minutes.sources", "gikai_minutes.export"],
)
def test_every_public_name_is_in_the_api_section_of_the_index(module: str) -> None:
    index = (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    api = index[index.index("## Public API") : index.index("## Inside")]
    names = importlib.import_module(module).__all__
    missing = [n for n in names if not re.search(rf"`{re.escape(n)}[`(]", api)]
    assert not missing, f"{module}: not described in docs/index.md#public-api: {missing}"


def _within(excerpt: Any, real: Any, where: str = "") -> None:
    """``excerpt`` is ``real`` shortened by hand: keys and array items left out, strings cut
    with a trailing ``…``."""
    if isinstance(excerpt, dict):
        assert isinstance(real, dict), where
        for key, value in excerpt.items():
            assert key in real, f"{where}.{key} is not in the real output"
            _within(value, real[key], f"{where}.{key}")
    elif isinstance(excerpt, list):
        assert isinstance(real, list), where
        rest = iter(real)
        for i, item in enumerate(excerpt):
            assert any(_fits(item, r) for r in rest), f"{where}[{i}] is not in the real output"
    elif isinstance(excerpt, str) and excerpt.endswith("…"):
        assert isinstance(real, str), where
        assert real.startswith(excerpt[:-1]), where
    else:
        assert excerpt == real, f"{where}: {excerpt!r} != {real!r}"


def _fits(excerpt: Any, real: Any) -> bool:
    try:
        _within(excerpt, real)
    except AssertionError:
        return False
    return True


def test_json_excerpt_is_the_seed_output_shortened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    page = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```json\n(.*?)^```", page, re.S | re.M)
    real = gikai_minutes.parse_file("seeds/000_18ecd38114dadbdf.txt").to_dict()
    _within(json.loads(block), real)
