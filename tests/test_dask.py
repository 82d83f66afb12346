"""``gikai_minutes.dask`` on a two-worker ``distributed.LocalCluster`` over the shared corpus:
the same records as the single-process path."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import REPO, SEED

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import gikai_minutes.dask as gmd  # noqa: E402
from gikai_minutes import GikaiMinutesError  # noqa: E402
from gikai_minutes._batch import load_meetings  # noqa: E402
from gikai_minutes.export import utterance_records  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


def test_expand_paths(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "y.md").write_text("y", encoding="utf-8")
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    found = gmd.expand_paths([tmp_path / "a", str(tmp_path / "*.json"), str(tmp_path / "b.json")])
    assert found == [str(tmp_path / "a" / "x.txt"), str(tmp_path / "b.json")]


def test_local_cluster_matches_one_process(tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    paths = gmd.expand_paths([CORPUS / "local", CORPUS / "diet", CORPUS / "pdf", SEED])
    if any(p.endswith(".pdf") for p in paths):
        pytest.importorskip("pypdf")
    single = [r for p in paths for r in utterance_records(load_meetings(p))]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster),
    ):
        records = gmd.read_minutes(paths, records=True).compute()
        # a bag of meetings, turned into records on the workers while writing
        rows = gmd.to_parquet(gmd.read_minutes(paths, npartitions=3), tmp_path / "pq")
    assert records == single
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "pq")
    assert rows == table.num_rows == len(single)
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [
        f"part.{i:05d}.parquet" for i in range(3)
    ]
    assert table.to_pylist() == single


def test_read_minutes_of_nothing(tmp_path: Path) -> None:
    with pytest.raises(GikaiMinutesError):
        gmd.read_minutes(str(tmp_path / "*.txt"))
