"""The pipeline glue's fast paths give what the general paths give."""

from __future__ import annotations

import copy
import hashlib
import pickle
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from gikai_minutes import _pipeline
from gikai_minutes._front.frontmatter import FrontMatterInfo, read_front_matter
from gikai_minutes._front.rosters import _MAX_PREFIX, _NameIndex
from gikai_minutes._read.pages import find_pages
from gikai_minutes._read.scan import scan
from gikai_minutes.model import (
    Diagnostic,
    FrontMatter,
    FrontMatterItem,
    FrontMatterKind,
    Meeting,
    Person,
    Severity,
    Source,
    Span,
    Speaker,
    SpeakerCategory,
)
from gikai_minutes.model._columns import UtterancesBuilder
from gikai_minutes.model._meeting import source_of
from gikai_minutes.model._positions import LineTable, items
from gikai_minutes.sources import text_document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_18ecd38114dadbdf.txt"

DIET_RECORD = (
    "○委員長（森山浩行君）\u3000これより会議を開きます。\r\n"
    "\u3000財政及び金融に関する件について調査を進めます。\r\n"
    "\u3000質疑の申出がありますので、順次これを許します。\r\n"
)
DIET_MEETING = (
    "令和六年七月三十日（火曜日）\n"
    "\u3000\u3000\u3000\u3000午前九時開議\n"
    "\u3000出席委員\n"
    "\u3000\u3000\u3000委員長\u3000小泉進次郎君\n"
    "\u3000\u3000\u3000理事\u3000黄川田仁志君\u3000理事\u3000中曽根康隆君\n"
    "\u3000\u3000\u3000\u3000―――――――――――――\n"
    "○小泉委員長\u3000これより会議を開きます。\n"
    "○黄川田委員\u3000質問いたします。\n"
    "○小泉委員長\u3000散会いたします。\n"
)
HEADED = "【森田座長】 ただいまから開会します。\n【原田参事官】 資料１を御覧ください。\n"
TEXTS = {
    "diet-record": DIET_RECORD,
    "diet-meeting": DIET_MEETING,
    "headed": HEADED,
    "no-headers": "ただの文章です。\n二行目。\n",
    "blank": " \n\u3000\n",
    "empty": "",
    "html-ish": "<html><body><p>○議長　開会します。</p></body></html>",
    "json-ish": '{"tenant_minutes": 1, "x": "○議長　開会します。"}',
    "lone-cr": "○議長\u3000開会します。\r○田中委員\u3000質問します。\r",
}


def _general(text: str | bytes, **options: object) -> Meeting:
    """What the pipeline gives through a document (the path every source takes)."""
    strict = bool(options.get("strict", False))
    structure = bool(options.get("structure", True))
    return _pipeline.run(text_document(text), _pipeline.ParseOptions(strict, None, structure))


@pytest.mark.parametrize("name", [*TEXTS, "seed"])
@pytest.mark.parametrize("structure", [True, False])
def test_plain_text_path_gives_the_document_path(name: str, structure: bool) -> None:
    text = SEED.read_text(encoding="utf-8") if name == "seed" else TEXTS[name]
    fast = gikai_minutes.parse(text, structure=structure)
    general = _general(text, structure=structure)
    assert fast == general
    assert fast.to_dict() == general.to_dict()
    assert fast.source.reader == "text"


@pytest.mark.parametrize("name", ["diet-record", "headed", "no-headers"])
def test_strict_plain_text_raises_as_the_document_path(name: str) -> None:
    def outcome(parse: object) -> object:
        try:
            return parse()  # type: ignore[operator]
        except gikai_minutes.ParseError as e:
            return (type(e), e.code, e.line)

    fast = outcome(lambda: gikai_minutes.parse(TEXTS[name], strict=True))
    general = outcome(lambda: _general(TEXTS[name], strict=True))
    assert fast == general


_LINES = st.sampled_from(
    [
        "○議長（山田太郎君）\u3000開会します。",
        "○田中委員\u3000質問します。",
        "○山田\u3000発言します。",
        "【座長】 どうぞ。",
        "\u3000続きの行です。",
        "\u3000\u3000\u3000\u3000〔拍手〕",
        "令和六年七月三十日（火曜日）",
        "\u3000出席委員",
        "\u3000\u3000\u3000理事\u3000黄川田仁志君",
        "―――――――――――",
        "- 3 -",
        "",
        "<b>",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINES, max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_plain_text_path_property(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert gikai_minutes.parse(text) == _general(text)


def test_lazy_checksum_equals_the_eager_one() -> None:
    text = DIET_RECORD
    expected = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    lazy = source_of(text, "name", None, "text")
    eager = Source(text, expected, "name", None, "text")
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert lazy.checksum == expected
    assert gikai_minutes.parse(text).source.checksum == expected


def test_lazy_checksum_survives_every_use_before_it_is_read() -> None:
    text = "○議長\u3000開会します。\ud800"  # a lone surrogate is hashed as encoded by surrogatepass
    expected = "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    for made in (
        lambda s: pickle.loads(pickle.dumps(s)),
        copy.copy,
        copy.deepcopy,
        lambda s: attrs.evolve(s, name="x"),
        repr,
        attrs.asdict,
    ):
        result = made(source_of(text, None, None, None))
        assert expected in repr(result)
    with pytest.raises(AttributeError):
        source_of(text, None, None, None).missing  # noqa: B018
    with pytest.raises(TypeError):
        Source(text)  # type: ignore[call-arg]


def test_speaker_index_is_made_on_first_use() -> None:
    m = gikai_minutes.parse(DIET_MEETING)
    first = m.speakers[0]
    assert m.speaker(first.id) is first
    for back in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m), attrs.evolve(m)):
        assert back == m
        assert back.speaker(first.id) == first
    with pytest.raises(KeyError):
        m.speaker("nobody")
    with pytest.raises(AttributeError):
        m.missing  # noqa: B018


@pytest.mark.parametrize("name", ["diet-record", "headed", "lone-cr"])
def test_text_starting_with_its_speaker_has_the_empty_front_matter(name: str) -> None:
    table = LineTable(TEXTS[name])
    pages = find_pages(table)
    assert scan(table).events[0].start == 0
    info = read_front_matter(table, 0, pages.number_lines, pages.header_lines)
    missing = (
        Diagnostic("no-title", "no title before the first speaker", Severity.INFO, 1),
        Diagnostic("no-date", "no date before the first speaker", Severity.INFO, 1),
    )
    assert info == FrontMatterInfo(FrontMatter(table.span(0, 0)), None, None, None, (), missing)


def test_speakers_are_shared_only_for_the_same_reading() -> None:
    a = gikai_minutes.parse(DIET_RECORD, structure=False).speakers[0]
    b = gikai_minutes.parse(DIET_RECORD + "\u3000追加します。\n", structure=False).speakers[0]
    assert a is b
    assert a == Speaker(
        "委員長（森山浩行君）",
        "委員長（森山浩行君）",
        "森山浩行",
        "委員長",
        "君",
        SpeakerCategory.UNKNOWN,
    )
    _pipeline._SPEAKERS.clear()
    c = gikai_minutes.parse(DIET_RECORD, structure=False).speakers[0]
    assert c == a
    assert c is not a


@pytest.mark.parametrize(
    "text",
    [
        DIET_RECORD,
        DIET_MEETING,
        "a\n\nb\r\nc\rd",
        "短い\n" * 40,
        "長い行です。" * 20 + "\n" + "次の行。" * 20,
        "",
    ],
)
def test_lines_between_is_a_slice_of_the_lines(text: str) -> None:
    table = LineTable(text)
    every = tuple(table.lines)
    n = len(every)
    for first in range(n + 2):
        for end in range(n + 3):
            assert tuple(table.lines_between(first, end)) == every[first:end]


def test_turn_is_add_without_rows() -> None:
    text = "x" * 50
    a, b = UtterancesBuilder(text), UtterancesBuilder(text)
    for builder, record in ((a, "add"), (b, "turn")):
        builder.paragraph("p", 2, 5)
        builder.fix("rule", 3, 4, "")
        if record == "add":
            builder.add(0, 0, 2, 10, (), (), (1, 2))
            builder.add(0, 10, 12, 20, (), (), ())
        else:
            builder.turn(0, 0, 2, 10, (1, 2))
            builder.turn(0, 10, 12, 20, ())
    speakers = (Speaker("s", "s"),)
    assert list(a.finish(speakers).rows()) == list(b.finish(speakers).rows())


def test_model_converters_keep_what_is_right_and_convert_the_rest() -> None:
    m = gikai_minutes.parse(HEADED)
    assert items(m.utterances) is m.utterances
    kept = (1, 2)
    assert items(kept) is kept
    assert items([1, 2]) == (1, 2)
    span = Span(0, 1, 1, 1)
    assert FrontMatterItem("title", "x", span) == FrontMatterItem(FrontMatterKind.TITLE, "x", span)
    assert FrontMatterItem("title", "x", span).kind is FrontMatterKind.TITLE
    with pytest.raises(ValueError, match="no-such-kind"):
        FrontMatterItem("no-such-kind", "x", span)


_NAMES = st.text(alphabet="山田太郎花子川上", min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NAMES, min_size=1, max_size=8), st.text(alphabet="山田太郎花子川上", max_size=7))
def test_roster_prefix_lookup_is_membership_in_every_prefix(names: list[str], text: str) -> None:
    people = [Person(name, Span(0, 1, 1, 1)) for name in names]
    index = _NameIndex(people)
    prefixes = {n[:k] for n in names for k in range(1, min(len(n), _MAX_PREFIX) + 1)}
    assert index.has_prefix(text) == (text in prefixes)
    assert index.has_prefix("山" * (_MAX_PREFIX + 1)) is False
