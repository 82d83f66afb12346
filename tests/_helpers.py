"""The one helper module of the tests: paths, the tiling check, and the helpers for the
acceptance tests on the real minutes in ``../shared/corpus``.

The corpus is test data that lives outside the repository (``../shared`` next to the
checkout); tests that need it skip cleanly when it is absent. Nothing here parses minutes
the way the library does: the helpers only load documents, load the pinned expectations in
``tests/corpus_expected/`` and provide blunt, independent normalisers for comparing words.
Fixtures live in ``conftest.py``.
"""

from __future__ import annotations

import collections
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_18ecd38114dadbdf.txt"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
DIET_DIR = CORPUS / "diet"
LOCAL_DIR = CORPUS / "local"
EXPECTED_DIR = REPO / "tests" / "corpus_expected"

DIET_FILES = ("ndl_speeches_2024-07.json", "ndl_speeches_2024-08.json")

_WS = re.compile(r"\s+")  # str patterns: \s covers U+3000 and CR/LF
# 〔「異議なし」と呼ぶ者あり〕, 〔速記中止〕, 〔青木克德区長　登壇〕 …
BRACKET_DIRECTION = re.compile(r"〔[^〔〕]*〕")
# Parenthesised directions found inline in the corpus: （発言する者あり）, （拍手）,
# （木原国務大臣「はい」と呼ぶ）. Removed from both sides of a comparison, so a parser may
# keep them in the text or lift them out.
INLINE_PAREN_DIRECTION = re.compile(r"（(?:[^（）]*と呼ぶ|発言する者あり|拍手)）")
# A line that is only a rule: ――――◇―――――, ─────, ……, ＝＝＝
SEPARATOR_LINE = re.compile(r"[\s]*[―－─━＝◇…]{2,}[\s]*")
# A line that is only a time/procedure stamp: 午前十一時三十四分散会, 〇午後３時５１分散会
TIME_LINE = re.compile(
    r"[\s]*〇?午[前後][零〇一二三四五六七八九十0-9０-９]+時"
    r"(?:[〇一二三四五六七八九十0-9０-９]+分)?(?:開会・開議|開議|開会|散会|休憩|再開|閉会)[\s]*"
)
# The library's documented width repairs of cleaned text (docs/conventions.md, "fullwidth_alnum"
# and "halfwidth_katakana"): ＩＣＴ → ICT, １３ → 13. Applied to both sides of a comparison.
_FULLWIDTH_ALNUM = str.maketrans(
    {
        **{0xFF10 + i: 0x30 + i for i in range(10)},
        **{0xFF21 + i: 0x41 + i for i in range(26)},
        **{0xFF41 + i: 0x61 + i for i in range(26)},
    }
)
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
# A line that is only a parenthesised aside: （杉立敏也事務局長朗読）, （大泉　潤市長登壇）
PAREN_LINE = re.compile(r"[\s]*（[^（）]*）[\s]*")


def require(*paths: Path) -> None:
    """Skip the calling test module when a corpus path is missing (no ``../shared``)."""
    for path in paths:
        if not path.exists():
            pytest.skip(f"corpus not available: {path}", allow_module_level=True)


def nows(text: str | None) -> str | None:
    """``text`` with all whitespace (ASCII, U+3000, line breaks) removed; None stays None."""
    return None if text is None else _WS.sub("", text)


@functools.cache
def expected(name: str) -> Any:
    """A pinned expectation file from ``tests/corpus_expected``."""
    return json.loads((EXPECTED_DIR / name).read_text(encoding="utf-8"))


def words(
    text: str,
    *,
    drop_lines: Iterable[re.Pattern[str]] = (SEPARATOR_LINE, TIME_LINE),
    header: bool = False,
) -> str:
    """The words of ``text`` for comparing speeches: no header, directions, rules or spaces.

    Full-width Latin letters and digits are folded to ASCII and half-width katakana to
    full-width (NFKC restricted to those ranges), the two width repairs the library documents
    for cleaned text; nothing else is normalised.

    ``header=True`` removes a leading ``○label　`` (up to the first full-width space), as
    printed at the start of an NDL record. Whole lines matching one of ``drop_lines`` are
    dropped, then 〔…〕 directions and the inline parenthesised directions, then all
    whitespace.
    """
    if header:
        text = re.sub(r"\A○[^　]*　", "", text)
    patterns = tuple(drop_lines)
    kept = [
        line
        for line in text.splitlines()
        if not any(pattern.fullmatch(line) for pattern in patterns)
    ]
    joined = "\n".join(kept)
    joined = BRACKET_DIRECTION.sub("", joined)
    joined = INLINE_PAREN_DIRECTION.sub("", joined)
    joined = _HALFWIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), joined)
    return _WS.sub("", joined.translate(_FULLWIDTH_ALNUM))


def first_difference(a: str, b: str, context: int = 25) -> str:
    """A short description of where two strings first differ, for assertion messages."""
    n = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return (
        f"first difference at {n} (lengths {len(a)} vs {len(b)}):\n"
        f"  expected …{a[max(0, n - context) : n + context]}…\n"
        f"  got      …{b[max(0, n - context) : n + context]}…"
    )


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text`` (CRLF and LF both count once)."""
    return (
        text.count("\n", 0, offset)
        + text.count("\r", 0, offset)
        - text.count("\r\n", 0, offset)
        + 1
    )


def assert_tiles(meeting: Any, text: str | None = None) -> None:
    """``meeting.segments()`` covers ``text`` (by default the meeting's source text) exactly:
    every character in exactly one segment, in order."""
    if text is None:
        text = meeting.source.text
    segments = sorted(meeting.segments(), key=lambda s: (s.span.start, s.span.end))
    position = 0
    for segment in segments:
        start, end = segment.span.start, segment.span.end
        assert end > start, f"empty segment {segment!r}"
        assert start == position, (
            f"segments do not tile: {'gap' if start > position else 'overlap'} at {position}"
            f" (line {line_of(text, position)}), next segment {segment!r}"
        )
        position = end
    assert position == len(text), f"segments end at {position}, text has {len(text)} characters"


def notes_of_kind(meeting: Any, kind: str) -> list[Any]:
    """The meeting's notes whose kind value is ``kind`` ("stage_direction", "time", …)."""
    return [note for note in meeting.notes if note.kind.value == kind]


def note_lines(meeting: Any, kind: str) -> set[int]:
    """First lines of the notes of one kind."""
    return {note.span.first_line for note in notes_of_kind(meeting, kind)}


def label_core(label: str) -> str:
    """A header label compared loosely: no whitespace, no mark, no wrapping parentheses.

    ``○（伊藤よしのり議長）`` and ``（伊藤よしのり議長）`` and ``伊藤よしのり議長`` all give
    ``伊藤よしのり議長``; ``２２番（筒井たかひさ議員）`` keeps its parentheses.
    """
    core = _WS.sub("", label).lstrip("○〇◯◎◆◇")
    if core.startswith("（") and core.endswith("）") and core.count("（") == 1:
        core = core[1:-1]
    return core


# --- Diet (NDL) --------------------------------------------------------------------------


class DietMeeting:
    """One NDL meeting: its records in speech order and their CRLF-joined text."""

    def __init__(self, meeting_id: str, file: str, records: Sequence[dict[str, Any]]) -> None:
        self.id = meeting_id
        self.file = file
        self.records = sorted(records, key=lambda r: r["meeting_info"]["speech_order"])
        self.text = "\r\n".join(r["text"] for r in self.records)
        self.offsets: list[int] = []
        position = 0
        for record in self.records:
            self.offsets.append(position)
            position += len(record["text"]) + 2

    @property
    def speeches(self) -> list[dict[str, Any]]:
        """Records with speech_order >= 1 (record 0 is the 会議録情報 front matter)."""
        return [r for r in self.records if r["meeting_info"]["speech_order"] >= 1]

    def record_of_offset(self, offset: int) -> int:
        """Index of the record whose text contains ``offset`` of the joined text."""
        index = 0
        for i, start in enumerate(self.offsets):
            if start <= offset:
                index = i
        return index


@functools.cache
def diet_meetings() -> dict[str, DietMeeting]:
    """All meetings of both NDL dumps, keyed by the id prefix before the last ``_``."""
    found: dict[str, DietMeeting] = {}
    for name in DIET_FILES:
        data = json.loads((DIET_DIR / name).read_text(encoding="utf-8"))
        groups: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        for record in data["data"]:
            groups[record["id"].rsplit("_", 1)[0]].append(record)
        for meeting_id, records in groups.items():
            found[meeting_id] = DietMeeting(meeting_id, name, records)
    return found


def record_label(record: dict[str, Any]) -> str:
    """The header label at the start of an NDL record: ``○小泉委員長　…`` → ``小泉委員長``."""
    match = re.match(r"○([^　]+)　", record["text"])
    assert match, f"record {record['id']} does not start with a ○label header"
    return match.group(1)


# --- local assemblies --------------------------------------------------------------------


@functools.cache
def local_text(filename: str) -> str:
    """A local assembly file decoded as UTF-8 (the files are UTF-8 without BOM, CRLF)."""
    return (LOCAL_DIR / filename).read_bytes().decode("utf-8")


def local_lines(filename: str) -> list[str]:
    """The file's lines without their CRLF, 1-based through index + 1."""
    lines = local_text(filename).split("\r\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


@functools.cache
def discussnet_data() -> dict[str, Any]:
    """The DiscussNet JSON document of the Hakodate assembly."""
    result: dict[str, Any] = json.loads(
        (LOCAL_DIR / "hakodate_2024-02-22_discussnet.json").read_text(encoding="utf-8")
    )
    return result


# --- generated minutes-like text ------------------------------------------------------

# Text built from the pieces minutes are made of, so that headers and artefacts are common.
PIECES = st.sampled_from(
    [
        "【辻座長】", "【山田 太郎 委員】", "【資料１】", "【", "】", "【】", "k i n t o n e ",
        "ＩＣＴ", "ﾃﾞｼﾞﾀﾙ", "。", "、", "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\f",
        "令和5年3月30日", "（第10回）", "それでは", "abc", "第", "回", "\ufeff", "\x00",
        "14：00～15：56", "午前九時開議", "委員：山田 太郎、川口 花子", "○小泉委員長　",
        "○委員長（足立敏之君）　", "〔拍手〕", "（発言する者あり）", "―――――", "- 3 -",
        "　出席委員", "　　理事　渡辺　　周君", "○議事日程", "〇午後３時５１分散会",
    ]
)  # fmt: skip
MINUTES_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)


@functools.cache
def sample_documents(every: int, joined: int) -> tuple[str, ...]:
    """Texts for comparing a short path with its general path: the seed, the conventions
    corpus and, when ``../shared`` is present, the local files, every ``every``-th Diet record
    alone and the first ``joined`` records of each Diet file as one text."""
    docs = [SEED.read_text(encoding="utf-8")]
    docs += [
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "tests" / "conventions_corpus").glob("*.txt"))
    ]
    if CORPUS.is_dir():
        docs += [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "local").glob("*.txt"))]
        for path in sorted((CORPUS / "diet").glob("*.json")):
            records = json.loads(path.read_text(encoding="utf-8"))["data"]
            docs += [r["text"] for r in records[::every]]
            docs.append("\r\n".join(r["text"] for r in records[:joined]))
    return tuple(docs)


def line_end_variants(text: str, mixed: bool = True) -> Iterator[str]:
    """``text`` with LF, CRLF and lone CR line ends, and (``mixed``) all three mixed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    yield "\n".join(lines)
    yield "\r\n".join(lines)
    yield "\r".join(lines)
    if mixed:  # a lone CR only before a line with content: it would join a next LF
        yield "".join(
            line + ("\r" if k % 3 == 0 and lines[k + 1 : k + 2] != [""] else ("\n", "\r\n")[k % 2])
            for k, line in enumerate(lines)
        )


def line_windows(text: str, size: int = 6) -> Iterator[str]:
    """Short texts cut from ``text``: its lines ``size`` at a time."""
    lines = text.splitlines()
    for k in range(0, max(len(lines) - size, 1), size):
        yield "\n".join(lines[k : k + size])


def layout_facts(layout: Any) -> tuple[object, ...]:
    """What a ``PageLayout`` tells, as plain values to compare (``first`` only with breaks)."""
    return (
        layout.number_lines,
        layout.header_lines,
        tuple(layout.breaks),
        tuple(layout.numbers),
        layout.first if layout.breaks else 1,
        dict(layout.margins),
    )


#: The arguments of one ``read_body_rows`` call: table, lines, positional and keyword ones.
BodyCall = tuple[Any, list[Any], tuple[Any, ...], dict[str, Any]]


def body_calls(text: str) -> list[BodyCall]:
    """The arguments of a ``read_body_rows`` call for every body the pipeline reads in
    ``text`` (without sinks: called with these, it gives every row)."""
    import gikai_minutes
    from gikai_minutes._read.bodies import BodyReader

    calls: list[BodyCall] = []
    read = BodyReader.read

    def record(reader: Any, lo: int, hi: int, body_start: int, utterance: int,
               closing: bool = False, end: Any = None, lines: Any = None, fixes: Any = None,
               ) -> Any:  # fmt: skip
        lines = list(reader._table.lines_between(lo, hi) if lines is None else lines)
        args = (body_start, reader._sites, reader._pages, utterance, reader._line_rules)
        calls.append((reader._table, lines, args, {"closing": closing, "end": end}))
        return read(reader, 0, 0, body_start, utterance, closing, end, lines, fixes)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(BodyReader, "read", record)
        gikai_minutes.parse(text)
    return calls


def sized_tasks(folder: Path, sizes: Sequence[int]) -> list[tuple[str, str, str, str, Any]]:
    """Batch tasks of files of ``sizes`` bytes written in ``folder`` (default options)."""
    from gikai_minutes import _batch

    tasks = []
    for i, size in enumerate(sizes):
        path = folder / f"{i:03d}.txt"
        path.write_bytes(b"x" * size)
        tasks.append((str(path), path.stem, "", str(folder), _batch.BatchOptions()))
    return tasks
