"""The Python examples in docs/*.md run and print what the pages say they print.

Each ```python block is run in order, sharing one namespace per page: blocks with ``>>>``
as doctests, other blocks as plain code that must not raise. ``gikai_minutes`` is imported
beforehand, as the pages assume.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import gikai_minutes
from _helpers import REPO

FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
PAGES = sorted((REPO / "docs").glob("*.md"))


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
