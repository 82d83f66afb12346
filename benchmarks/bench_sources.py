#!/usr/bin/env python3
"""Speed of the sources: PDF pages/s for each backend and HTML MB/s, as ratios to NFKC.

Inputs measured:

* ``pdf:ministry``: the ministry PDF in ``../shared/corpus/pdf`` (when present);
* ``pdf:generated``: a 37-page committee record written with reportlab (``tests/_pdfgen.py``)
  with running headers, footers, page numbers and margin line numbers;
* ``html:page``: an assembly minutes page (``<pre>`` text, speaker index, site chrome) made
  from the seed document, and the same page repeated 20 times in one body.

For each PDF and backend the script reports the best wall time of ``pdf_text`` over N runs
as pages/s, and the same for ``unicodedata.normalize("NFKC", text)`` over the extracted text
(ratio = source time / NFKC time). For HTML it reports ``html_text`` MB/s of UTF-8 input and
the ratio to NFKC over the page, and ``parse_html`` MB/s (extraction and parsing).

Run from the repository: ``python benchmarks/bench_sources.py [--repeat N] [--json]``.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_parse import best_time  # noqa: E402

import gikai_minutes  # noqa: E402
from gikai_minutes.sources import html_text, pdf_text  # noqa: E402

SEED = REPO / "seeds" / "000_18ecd38114dadbdf.txt"
MINISTRY = REPO.parent / "shared" / "corpus" / "pdf" / "caa_shohisha_kyoiku_25.pdf"
MB = 1_000_000


def nfkc_time(text: str, repeat: int) -> float:
    return best_time(lambda: unicodedata.normalize("NFKC", text), repeat)


def generated_pdf(folder: Path) -> Path:
    import tests._pdfgen as gen
    from tests._pdfgen import SPEECHES, TITLE, Layout, write_pdf

    path = folder / "generated.pdf"
    saved = gen.SPEECHES
    gen.SPEECHES = SPEECHES * 20  # about 37 pages of 30 lines
    try:
        write_pdf(
            path,
            Layout(lines_per_page=30, header=TITLE, footer="市民協働推進課",
                   number_form="- {n} -", margin_every=5),
        )  # fmt: skip
    finally:
        gen.SPEECHES = saved
    return path


def html_page(copies: int = 1) -> str:
    text = SEED.read_text(encoding="utf-8")
    index = "".join(f'<li><a href="#s{i}">発言者{i}</a></li>' for i in range(40))
    pre = (
        f'<pre class="minutes">{html.escape(text)}</pre>\n<p><a href="#top">ページの先頭へ</a></p>'
    )
    return (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>会議録</title>'
        "<script>var a = 1;</script><style>pre{white-space:pre-wrap}</style></head><body>"
        '<header><nav><ul><li><a href="/">トップ</a></li></ul></nav></header><main>'
        f'<div class="speakers"><ul>{index}</ul></div>{pre * copies}</main>'
        "<footer>Copyright</footer></body></html>"
    )


def bench_pdf(name: str, path: Path, repeat: int) -> list[dict[str, Any]]:
    rows = []
    for backend in ("pdfium", "pypdf"):
        text = pdf_text(path, backend=backend)  # type: ignore[arg-type]
        pages = text.count("\f")
        seconds = best_time(lambda b=backend: pdf_text(path, backend=b), repeat)  # type: ignore[misc]
        nfkc = nfkc_time(text, repeat)
        rows.append({
            "input": name, "backend": backend, "pages": pages,
            "ms_per_page": 1000 * seconds / pages, "pages_per_s": pages / seconds,
            "nfkc_ratio": seconds / nfkc,
        })  # fmt: skip
    return rows


def bench_html(name: str, page: str, repeat: int) -> dict[str, Any]:
    size = len(page.encode("utf-8")) / MB
    extract = best_time(lambda: html_text(page), repeat)
    parsed = best_time(lambda: gikai_minutes.parse_html(page), max(1, repeat // 2))
    nfkc = nfkc_time(page, repeat)
    return {
        "input": name, "mb": size, "html_text_mb_per_s": size / extract,
        "nfkc_ratio": extract / nfkc, "parse_html_mb_per_s": size / parsed,
        "parse_html_nfkc_ratio": parsed / nfkc,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    pdf_rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        if MINISTRY.is_file():
            pdf_rows += bench_pdf("pdf:ministry", MINISTRY, args.repeat)
        pdf_rows += bench_pdf("pdf:generated", generated_pdf(Path(folder)), args.repeat)
    html_rows = [
        bench_html("html:page", html_page(1), args.repeat),
        bench_html("html:page_x20", html_page(20), args.repeat),
    ]
    if args.json:
        print(json.dumps({"pdf": pdf_rows, "html": html_rows}, indent=2))
        return 0
    print(f"{'input':16} {'backend':8} {'pages':>5} {'ms/page':>8} {'pages/s':>8} {'x NFKC':>8}")
    for r in pdf_rows:
        print(
            f"{r['input']:16} {r['backend']:8} {r['pages']:5d} {r['ms_per_page']:8.2f}"
            f" {r['pages_per_s']:8.1f} {r['nfkc_ratio']:8.1f}"
        )
    print()
    print(
        f"{'input':16} {'MB':>6} {'html_text MB/s':>15} {'x NFKC':>8}"
        f" {'parse_html MB/s':>16} {'x NFKC':>8}"
    )
    for r in html_rows:
        print(
            f"{r['input']:16} {r['mb']:6.2f} {r['html_text_mb_per_s']:15.2f} {r['nfkc_ratio']:8.1f}"
            f" {r['parse_html_mb_per_s']:16.2f} {r['parse_html_nfkc_ratio']:8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
