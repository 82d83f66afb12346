"""Minutes written for the export tests (invented, in the layout of real Diet minutes), and
the shared corpus files parsed once per test session."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import gikai_minutes
from gikai_minutes._batch import load_meetings

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus_files() -> list[Path]:
    """Every minutes file of the shared corpus (none when ``../shared`` is absent)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".json", ".pdf"))


@functools.cache
def corpus_meetings(path: Path) -> tuple[gikai_minutes.Meeting, ...]:
    """The meetings of one corpus file (PDF files need the ``pdf`` extra)."""
    if path.suffix == ".pdf":
        pytest.importorskip("pypdf")
    return load_meetings(path)


DIET_COMMITTEE = """\
令和六年五月十五日（水曜日）
　　　　午前九時開議
　出席委員
　　　委員長　山本　一郎君
　　　理事　森　　健君　理事　森　　茂君
　　　　　　川村　正之君
　出席国務大臣
　　　国土交通大臣　佐藤　花子君
　　―――――――――――――
本日の会議に付した案件
　国土交通行政の基本施策に関する件
　　―――――――――――――
○山本委員長　これより会議を開きます。
　国土交通行政の基本施策に関する件について調査を進めます。
　質疑の申出がありますので、順次これを許します。森健君。
○森（健）委員　おはようございます。
　地方の公共交通について伺います。路線バスの廃止が相次いでおりますが、国としてどのような支援を考えているのか、大臣の御見解をお聞かせください。
○佐藤国務大臣　お答えいたします。
　地域の公共交通は住民の生活を支える基盤であり、国としても自治体と連携して支援を強化してまいります。
○森（健）委員　ありがとうございました。終わります。
○山本委員長　次に、川村正之君。
○川村委員　物流の担い手不足について伺います。今後の対策はどうなっているのでしょうか。
○佐藤国務大臣　担い手の確保に向けて、処遇の改善と生産性の向上に取り組んでまいります。
　〔「了解」と呼ぶ者あり〕
○山本委員長　本日は、これにて散会いたします。
　　　　午前十時二分散会
"""
