"""Utterance records and the tabular exports (JSONL, CSV, Parquet, pandas) of the seed.

Expected rows come from the seed text itself: one row per ``【label】`` header line, in
order, with the label as printed and the line number of the header.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from tests.conftest import SEED

import gikai_minutes
from gikai_minutes.export import (
    UTTERANCE_COLUMNS,
    jsonl_lines,
    utterance_records,
    write_csv,
    write_jsonl,
)

NAMES = [c.name for c in UTTERANCE_COLUMNS]
HEADER = re.compile(r"^【([^】]+)】", re.M)


def seed_headers() -> list[tuple[int, str]]:
    """(line number, label) of every header line of the seed, read from the raw text."""
    text = SEED.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in HEADER.finditer(text)]


def test_records_follow_the_headers(seed: gikai_minutes.Meeting) -> None:
    headers = seed_headers()
    records = list(utterance_records(seed))
    assert len(headers) == 101
    assert [(r["first_line"], r["label"]) for r in records] == headers
    assert [list(r) for r in records[:1]] == [NAMES]
    assert {r["meeting_id"] for r in records} == {seed.source.checksum}
    assert [r["index"] for r in records] == list(range(101))


def test_records_point_into_the_source(seed: gikai_minutes.Meeting) -> None:
    text = seed.source.text
    for record in utterance_records(seed):
        body = re.sub(r"\s", "", text[record["span_start"] : record["span_end"]])
        assert text[: record["span_start"]].rstrip(" ").endswith(f"【{record['label']}】")
        # the seed's fixes only join spaced letters (k i n t o n e): without spaces,
        # every cleaned paragraph is in the source body
        for paragraph in record["paragraphs"]:
            assert re.sub(r"\s", "", paragraph) in body
        assert record["text"] == "\n".join(record["paragraphs"])


def test_structure_columns(seed: gikai_minutes.Meeting) -> None:
    records = list(utterance_records(seed))
    structure = seed.structure
    assert structure is not None
    for i, exchange in enumerate(structure.exchanges):
        for u in (*exchange.questions, *exchange.answers):
            assert records[u]["exchange"] == i
    for i, presentation in enumerate(structure.presentations):
        for u in presentation.talk:
            assert records[u]["presentation"] == i
    assert [r["turn_kind"] for r in records] == [t.value for t in structure.turns]
    assert all(r["section"] is not None for r in records)


def test_jsonl(seed: gikai_minutes.Meeting) -> None:
    out = io.StringIO()
    assert write_jsonl(seed, out) == 101
    lines = out.getvalue().splitlines()
    assert len(lines) == 101
    rows = [json.loads(line) for line in lines]
    assert [(r["first_line"], r["label"]) for r in rows] == seed_headers()
    assert "".join(jsonl_lines([seed, seed])).count("\n") == 202
    assert "\\u" not in lines[0]  # Japanese kept as characters


@pytest.mark.parametrize("bom", [False, True])
def test_csv(seed: gikai_minutes.Meeting, tmp_path: Path, bom: bool) -> None:
    path = tmp_path / "u.csv"
    with open(path, "w", encoding="utf-8", newline="") as fp:
        assert write_csv(seed, fp, bom=bom) == 101
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom
    with open(path, encoding="utf-8-sig", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert list(rows[0]) == NAMES
    assert [(int(r["first_line"]), r["label"]) for r in rows] == seed_headers()
    assert json.loads(rows[0]["paragraphs"])[0].startswith("それでは、定刻となりました")
    assert rows[0]["affiliation"] == ""  # None as an empty cell


def test_parquet(seed: gikai_minutes.Meeting, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from gikai_minutes.export import arrow_schema, write_parquet

    path = tmp_path / "u.parquet"
    assert write_parquet(seed, path) == 101
    table = pq.read_table(path)
    assert table.schema.names == NAMES
    assert table.schema.equals(arrow_schema())
    assert table.num_rows == 101
    assert (
        list(zip(table["first_line"].to_pylist(), table["label"].to_pylist(), strict=True))
        == seed_headers()
    )
    assert table.to_pylist() == list(utterance_records(seed))


def test_pandas(seed: gikai_minutes.Meeting) -> None:
    pytest.importorskip("pandas")
    from gikai_minutes.export import utterances_frame

    frame = utterances_frame([seed])
    assert list(frame.columns) == NAMES
    assert len(frame) == 101
    counts = frame.groupby("label").size()
    headers = [label for _, label in seed_headers()]
    assert counts["辻座長"] == headers.count("辻座長") == 31
    assert str(frame["exchange"].dtype) == "Int64"
    assert frame["exchange"].isna().sum() == sum(
        1 for r in utterance_records(seed) if r["exchange"] is None
    )


EXPORTERS = [
    "_records",
    "_jsonl",
    "_csv",
    "_parquet",
    "_pandas",
    "_ndl",
    "_tei",
    "_poliinfo",
    "_schema",
]
#: What an exporter may use: the model, errors, optional imports, other exporters, and the
#: one shared sentence splitter of the structure stage (PoliInfo records are per sentence).
ALLOWED = {"gikai_minutes.model", "gikai_minutes._errors", "gikai_minutes._extras",
           "gikai_minutes._structure._text"}  # fmt: skip


@pytest.mark.parametrize("name", EXPORTERS)
def test_exporters_only_read_the_model(name: str) -> None:
    import ast

    import gikai_minutes.export

    path = Path(gikai_minutes.export.__file__).parent / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module
        and node.module.startswith("gikai_minutes")
    }
    outside = {m for m in imported if m not in ALLOWED and not m.startswith("gikai_minutes.export")}
    assert not outside, f"export/{name}.py imports {outside}"
