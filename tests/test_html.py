"""HTML sources: minutes pages in the shapes the common minutes systems publish.

Each page is built here from a list of speeches, so the expectations come from the data
the page was made of: speakers in order and the text of each speech, with nothing of the
page's navigation, speaker index, scripts or buttons in any turn.
"""

from __future__ import annotations

import datetime
import html
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import SHARED, assert_tiles
from gikai_minutes.sources import html_document, html_text, looks_like_html, reader_for

# --- a city assembly's search system: one page per meeting, the text in <pre> ---------

ASSEMBLY = (
    ("議長（川村正義君）", ("ただいまから本日の会議を開きます。", "日程第１、一般質問を行います。順次発言を許します。１２番、森下陽子議員。")),
    ("１２番（森下陽子君）", ("おはようございます。通告に従い、子育て支援について質問します。", "本市の放課後児童クラブの待機児童数は、昨年度末で四十二人と伺っております。今年度の見通しをお聞かせください。")),
    ("議長（川村正義君）", ("市長。",)),
    ("市長（大野隆之君）", ("森下議員の御質問にお答えします。", "放課後児童クラブにつきましては、本年四月に二か所を新設し、定員を八十人増やしました。待機児童は解消できる見込みでございます。")),
    ("１２番（森下陽子君）", ("ありがとうございました。以上で質問を終わります。",)),
)  # fmt: skip


def _pre_text() -> str:
    lines = ["令和６年第１回みなと市議会定例会会議録（第２号）", "令和６年３月５日（火曜日）", ""]
    for label, paragraphs in ASSEMBLY:
        lines.append(f"○{label}　{paragraphs[0]}")
        lines.extend(f"　{p}" for p in paragraphs[1:])
    return "\n".join(lines) + "\n"


def _pre_page() -> str:
    index = "".join(
        f'<li><a href="#speech{i}">{html.escape(label)}</a></li>'
        for i, (label, _) in enumerate(ASSEMBLY, 1)
    )
    body = html.escape(_pre_text()).replace("&#x27;", "'")
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<title>令和６年第１回定例会（第２号） 本文 | みなと市議会 会議録検索システム</title>
<link rel="stylesheet" href="/css/style.css">
<script>window.dataLayer = [];function gtag(){{dataLayer.push(arguments);}}</script>
<style>pre {{ white-space: pre-wrap; }}</style>
</head>
<body>
<a class="skip-link" href="#main">本文へスキップ</a>
<header id="site-header"><p class="logo">みなと市議会 会議録検索システム</p>
<nav><ul><li><a href="/">トップ</a></li><li><a href="/search">検索</a></li><li><a href="/help">ヘルプ</a></li></ul></nav>
</header>
<ol class="breadcrumb"><li><a href="/">トップ</a></li><li><a href="/r6">令和６年</a></li><li>第１回定例会</li></ol>
<div id="main">
<form class="tools"><label for="size">文字サイズ</label><select id="size"><option>標準</option><option>大</option></select>
<button type="button" onclick="print()">印刷する</button><input type="checkbox" id="hl"><label for="hl">ハイライト</label></form>
<div class="speakers"><h2>発言者一覧</h2><ul>{index}</ul></div>
<pre class="minutes">{body}</pre>
<p class="pagetop"><a href="#site-header">ページの先頭へ</a></p>
</div>
<footer><p>Copyright &copy; みなと市議会 All Rights Reserved.</p></footer>
</body>
</html>
"""


def test_pre_page_turns_are_the_speeches() -> None:
    meeting = gikai_minutes.parse_html(_pre_page())
    assert meeting.source.reader == "html"
    assert [u.speaker.label for u in meeting.utterances] == [label for label, _ in ASSEMBLY]
    assert [u.text for u in meeting.utterances] == [
        _width("\n".join(paragraphs)) for _, paragraphs in ASSEMBLY
    ]
    assert meeting.unparsed == ()
    assert meeting.date == datetime.date(2024, 3, 5)
    assert_tiles(meeting)


def test_pre_page_drops_the_page_chrome() -> None:
    text = html_text(_pre_page())
    chrome = ("本文へスキップ", "検索システム", "トップ", "ヘルプ", "令和６年\n", "文字サイズ",
              "印刷する", "ハイライト", "ページの先頭へ", "Copyright", "dataLayer", "white-space")  # fmt: skip
    for words in chrome:
        assert words not in text, words
    # The index of speakers (links to the speeches) is dropped; its heading stays as text.
    assert text == "発言者一覧\n" + _pre_text()


def _width(text: str) -> str:
    return text.translate({0xFF10 + i: 0x30 + i for i in range(10)})


# --- a ministry council's page: <p> speeches, <br> inside, ruby, a table of front matter ---

COUNCIL = (
    ("高橋座長", ("皆様、おはようございます。定刻となりましたので、第４回デジタル人材育成検討会を開催いたします。",
                 "本日は、前回に引き続き、研修体系の見直しについて御議論いただきます。")),
    ("事務局（西田企画官）", ("事務局でございます。資料１に沿って御説明いたします。",
                          "一つ目は、管理職向けの研修に演習を取り入れることでございます。",
                          "二つ目は、受講の記録を人事評価に活用することでございます。")),
    ("高橋座長", ("ありがとうございました。御質問、御意見をお願いします。小池委員、どうぞ。",)),
    ("小池委員", ("小池でございます。演習を取り入れる方向に賛成です。",
                "ただ、現場の業務が忙しい中で、受講時間をどう確保するかが課題になると思います。")),
    ("高橋座長", ("ありがとうございます。本日の議論は以上といたします。",)),
)  # fmt: skip


def _council_page(*, with_index: bool = True) -> str:
    speeches = []
    for label, paragraphs in COUNCIL:
        first, *rest = paragraphs
        inner = "<br>\n".join(f"　{html.escape(p)}" for p in rest)
        speeches.append(
            f'<p id="s{len(speeches)}"><strong>○{html.escape(label)}</strong>\u3000{html.escape(first)}'
            + (f"<br>\n{inner}" if inner else "")
            + "</p>\n"
            + '<p class="totop"><a href="#top">▲このページの先頭へ</a></p>\n'
        )
    index = ""
    if with_index:
        index = (
            '<section class="toc"><h2>発言者</h2><ol>'
            + "".join(f'<li><a href="#s{i}">{html.escape(label)}</a></li>' for i, (label, _) in enumerate(COUNCIL))
            + "</ol></section>"
        )  # fmt: skip
    return f"""<html><head><meta charset="utf-8">
<title>第４回デジタル人材育成検討会 議事録｜総務省</title></head>
<body id="top"><div id="wrapper">
<div class="header"><span class="visually-hidden">総務省ホームページ</span><a href="/">ホーム</a> &gt; <a href="/council">審議会</a></div>
<main>
<h1>第４回デジタル人材育成検討会 議事録</h1>
<table class="outline">
<tr><th>日時</th><td>令和６年２月１５日（木）１０時００分～１１時３０分</td></tr>
<tr><th>場所</th><td>中央合同庁舎第２号館８階 第一特別会議室</td></tr>
</table>
{index}
<h2>議事</h2>
{"".join(speeches)}
<p class="print-only">（印刷用）</p>
</main>
<div class="footer" aria-hidden="true">ページ上部へ</div>
</div></body></html>
"""


def test_speaker_index_without_links_is_not_turns() -> None:
    index = "".join(f"<li>○{html.escape(label)}</li>" for label, _ in ASSEMBLY)
    numbers = "".join(f"<li>{i}</li>" for i in range(1, len(ASSEMBLY) + 1))
    page = _pre_page().replace(
        '<div class="speakers">',
        f'<div class="list"><h2>発言順</h2><ol>{index}</ol><ol class="no">{numbers}</ol></div>'
        '<div class="speakers">',
    )
    meeting = gikai_minutes.parse_html(page)
    assert [u.speaker.label for u in meeting.utterances] == [label for label, _ in ASSEMBLY]
    assert meeting.utterances[0].text == _width("\n".join(ASSEMBLY[0][1]))


@pytest.mark.parametrize("with_index", [True, False])
def test_paragraph_page(with_index: bool) -> None:
    meeting = gikai_minutes.parse_html(_council_page(with_index=with_index))
    assert [u.speaker.label for u in meeting.utterances] == [label for label, _ in COUNCIL]
    assert [u.text for u in meeting.utterances] == [
        _width("\n".join(paragraphs)) for _, paragraphs in COUNCIL
    ]
    assert all("先頭へ" not in u.text for u in meeting.utterances)
    assert meeting.title == "第４回デジタル人材育成検討会 議事録"
    assert meeting.date == datetime.date(2024, 2, 15)
    assert_tiles(meeting)


def test_table_cells_become_tabs() -> None:
    text = html_text(_council_page())
    assert "日時\t令和６年２月１５日（木）１０時００分～１１時３０分\n" in text
    assert "（印刷用）" not in text
    assert "総務省ホームページ" not in text
    assert "ページ上部へ" not in text


def test_ruby_keeps_the_base_text() -> None:
    page = (
        "<html><body><p>○議長（<ruby>東海林<rp>（</rp><rt>しょうじ</rt><rp>）</rp></ruby>"
        "誠君）\u3000<ruby><rb>尖閣</rb><rt>せんかく</rt></ruby>諸島に関する意見書案を議題といたします。</p>"
        "<p>○議長（<ruby>東海林<rt>しょうじ</rt></ruby>誠君）\u3000異議なしと認めます。</p></body></html>"
    )
    meeting = gikai_minutes.parse_html(page)
    assert [u.speaker.label for u in meeting.utterances] == ["議長（東海林誠君）"] * 2
    assert meeting.utterances[0].text == "尖閣諸島に関する意見書案を議題といたします。"


def test_whitespace_collapses_but_full_width_space_stays() -> None:
    page = (
        "<p>○市長（大野隆之君）\u3000本市の　財政状況は\n        健全であり、\n"
        "   Society 5.0 の\n  実現に向けて    取り組みます。</p>"
    )
    # A line break in the markup between Japanese letters disappears (as in a browser's
    # Japanese line breaking); elsewhere whitespace becomes one space.
    assert html_text(page) == (
        "○市長（大野隆之君）\u3000本市の　財政状況は健全であり、 Society 5.0 の実現に向けて 取り組みます。\n"
    )


def test_no_break_spaces_indent() -> None:
    page = (
        "<p>○委員長（石井修君）&nbsp;&nbsp;ただいまから委員会を開きます。<br>"
        "&nbsp;&nbsp;本日は、議案第12号&nbsp;の審査を行います。</p>"
    )
    assert html_text(page) == (
        "○委員長（石井修君）  ただいまから委員会を開きます。\n"
        "\u3000本日は、議案第12号 の審査を行います。\n"
    )
    meeting = gikai_minutes.parse_html(page)
    assert (
        meeting.utterances[0].text
        == "ただいまから委員会を開きます。\n本日は、議案第12号 の審査を行います。"
    )


def test_entities_decoded_and_markup_inside_pre_kept_as_text() -> None:
    page = "<pre>○委員長（石井　修君）\u3000&lt;資料&gt;の３ページ&amp;４ページを御覧ください。\n</pre>"
    assert (
        html_text(page) == "○委員長（石井　修君）\u3000<資料>の３ページ&４ページを御覧ください。\n"
    )


# --- a Shift_JIS page from an older system ---------------------------------------------


def _sjis_page() -> bytes:
    rows = "".join(
        f"<tr><td><font size=2>○{label}　{'<br>　'.join(paragraphs)}</font></td></tr>\n"
        for label, paragraphs in ASSEMBLY
    )
    page = f"""<HTML><HEAD>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS">
<TITLE>みなと市議会　会議録　令和６年３月５日</TITLE></HEAD>
<BODY BGCOLOR="#FFFFFF"><CENTER><B>令和６年第１回みなと市議会定例会会議録（第２号）</B></CENTER><HR>
<TABLE WIDTH="90%">{rows}</TABLE></BODY></HTML>"""
    return page.encode("cp932")


def test_shift_jis_page_bytes() -> None:
    data = _sjis_page()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    meeting = gikai_minutes.parse_html(data)
    assert meeting.source.encoding == "cp932"
    assert [u.speaker.label for u in meeting.utterances] == [label for label, _ in ASSEMBLY]
    assert meeting.utterances[1].text == _width("\n".join(ASSEMBLY[1][1]))
    assert meeting.date == datetime.date(2024, 3, 5)


def test_parse_file_chooses_the_html_reader(tmp_path: Path) -> None:
    path = tmp_path / "minutes.htm"
    path.write_bytes(_sjis_page())
    meeting = gikai_minutes.parse_file(path)
    assert meeting.source.reader == "html"
    assert meeting.source.name == str(path)
    assert len(meeting.utterances) == len(ASSEMBLY)
    # By content, whatever the name says.
    named_txt = tmp_path / "minutes.txt"
    named_txt.write_text(_pre_page(), encoding="utf-8")
    assert gikai_minutes.parse_file(named_txt).source.reader == "html"
    plain = tmp_path / "plain.txt"
    plain.write_bytes(_pre_text().encode("cp932"))
    meeting = gikai_minutes.parse_file(plain)
    assert (meeting.source.reader, meeting.source.encoding) == ("text", "cp932")
    assert [u.speaker.label for u in meeting.utterances] == [label for label, _ in ASSEMBLY]


def test_reader_for_by_content_and_suffix() -> None:
    assert reader_for(b"%PDF-1.7\n...", "a.txt") == "pdf"
    assert reader_for(_pre_page().encode(), "a.txt") == "html"
    assert reader_for("○議長　開会します。\n".encode(), "a.html") == "html"
    assert reader_for("○議長　開会します。\n".encode("cp932"), "a.txt") == "text"
    assert reader_for(b'{"tenant_minutes": []}', "a.json") == "text"
    assert reader_for(b'{"speechRecord": []}', "a.json") == "ndl"


def test_parse_points_to_parse_html() -> None:
    meeting = gikai_minutes.parse(_pre_page())
    codes = [d.code for d in meeting.diagnostics]
    assert "html-input" in codes
    with pytest.raises(gikai_minutes.ParseError, match="parse_html"):
        gikai_minutes.parse(_pre_page(), strict=True)
    # Minutes that mention a tag in passing are not HTML.
    assert not looks_like_html("○議長（川村正義君）　<資料>を御覧ください。\n")
    assert "html-input" not in [d.code for d in gikai_minutes.parse(_pre_text()).diagnostics]


def test_title_from_the_page_only_fills_a_gap() -> None:
    page = "<html><head><title>令和６年５月２０日 まちづくり委員会</title></head><body><p>○委員長　開会します。</p></body></html>"
    document = html_document(page)
    assert document.title == "令和６年５月２０日 まちづくり委員会"
    assert document.date == datetime.date(2024, 5, 20)
    meeting = gikai_minutes.parse_html(page)
    assert meeting.date == datetime.date(2024, 5, 20)


def test_deep_nesting_does_not_recurse_without_end() -> None:
    page = "<div>" * 5000 + "<p>○議長　開会します。</p>" + "</div>" * 5000
    meeting = gikai_minutes.parse_html(page)
    assert [u.text for u in meeting.utterances] == ["開会します。"]


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("<>/=\"' abpre!-&;#x○議長　\n\r\tbrulio")), max_size=300)
)
def test_any_markup_gives_text_and_a_whole_meeting(markup: str) -> None:
    text = html_text(markup)
    assert isinstance(text, str)
    meeting = gikai_minutes.parse_html(markup)
    assert_tiles(meeting)


# --- DiscussNet still read from its JSON ------------------------------------------------


def test_discussnet_file_through_parse_file() -> None:
    path = SHARED / "corpus" / "local" / "hakodate_2024-02-22_discussnet.json"
    if not path.is_file():
        pytest.skip("../shared/corpus is not present")
    meeting = gikai_minutes.parse_file(path)
    assert meeting.source.reader == "discussnet"
    assert meeting.utterances
    assert meeting.source.text == gikai_minutes.sources.discussnet_text(path.read_bytes())


# --- NDL speech records through parse_file ------------------------------------------------


def _ndl_record(issue: str, order: int, speaker: str, speech: str) -> dict[str, object]:
    return {
        "speechID": f"{issue}_{order:03d}",
        "issueID": issue,
        "nameOfHouse": "衆議院",
        "nameOfMeeting": "総務委員会",
        "issue": "第５号",
        "date": "2024-03-12",
        "speechOrder": order,
        "speaker": speaker,
        "speech": speech,
    }


def test_parse_file_reads_ndl_records_of_one_meeting(tmp_path: Path) -> None:
    records = [
        _ndl_record(
            "121304601X00520240312", 1, "浮島智子", "○浮島委員長　これより会議を開きます。"
        ),
        _ndl_record("121304601X00520240312", 2, "松本剛明", "○松本国務大臣　お答えいたします。"),
    ]
    path = tmp_path / "speeches.json"
    path.write_text(json.dumps({"speechRecord": records}, ensure_ascii=False), encoding="utf-8")
    meeting = gikai_minutes.parse_file(path)
    assert meeting.source.reader == "ndl"
    assert meeting.front_matter.house == "衆議院"
    assert meeting.front_matter.issue == 5
    assert [u.speaker.label for u in meeting.utterances] == ["浮島委員長", "松本国務大臣"]
    two = [
        *records,
        _ndl_record("121304601X00620240315", 1, "浮島智子", "○浮島委員長\u3000開会します。"),
    ]
    path.write_text(json.dumps({"speechRecord": two}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(gikai_minutes.InputError, match="parse_ndl"):
        gikai_minutes.parse_file(path)
