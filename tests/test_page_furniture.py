"""Page furniture in extracted text, whatever made it: page numbers, running headers and
footers, margin line numbers, and Latin words cut by extraction spaces.

The texts are written here the way pdftotext or a copy from a PDF viewer prints minutes.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

import gikai_minutes
from _helpers import assert_tiles
from gikai_minutes._read.fixes import fix_line
from gikai_minutes._read.pages import _increasing_run, find_margin_numbers, find_pages
from gikai_minutes.model import NoteKind
from gikai_minutes.model._positions import LineTable

SENTENCES = (
    "本市の公共交通の現状について御説明いたします。",
    "路線バスの利用者数は、平成三十年度と比べて約二割減少しております。",
    "特に、郊外部の路線では運転手の確保が難しくなっております。",
    "このため、デマンド交通の導入を検討してまいりました。",
    "来年度は、北部地区で実証運行を行う予定でございます。",
    "運行経費の一部は、国の補助金を活用する考えでございます。",
    "地域の皆様との意見交換会も、あわせて開催いたします。",
)


def _speech_lines(count: int) -> list[str]:
    """``count`` lines of a long answer, sentences in turn, some opening a paragraph."""
    return [
        ("\u3000" if i % 3 == 0 else "") + f"{SENTENCES[i % len(SENTENCES)][:-1]}（その{i + 1}）。"
        for i in range(count)
    ]


def _paged(pages: list[list[str]], *, top: str | None = None, bottom: str | None = None) -> str:
    out = ["地域公共交通会議（第２回）議事録", "", "○田中会長\u3000それでは開会いたします。"]
    for number, lines in enumerate(pages, 1):
        if top:
            out.append(top.format(n=number))
        out.extend(lines)
        if bottom:
            out.append(bottom.format(n=number))
    return "\n".join(out) + "\n"


def test_running_footer_with_page_numbers_is_a_note() -> None:
    body = _speech_lines(60)
    pages = [["○山口交通政策課長\u3000お答えします。", *body[:19]], body[19:39], body[39:]]
    text = _paged(pages, bottom="地域公共交通会議（第２回）議事録 - {n} -")
    meeting = gikai_minutes.parse(text)
    footers = [n.text for n in meeting.notes if n.kind is NoteKind.RUNNING_HEADER]
    assert footers == [f"地域公共交通会議（第２回）議事録 - {n} -" for n in (1, 2, 3)]
    assert all("議事録" not in u.text for u in meeting.utterances)
    assert [u.pages for u in meeting.utterances] == [(1,), (1, 2, 3)]
    assert_tiles(meeting)


def test_running_header_without_page_breaks_by_its_steady_return() -> None:
    # Copied from a viewer: no form feeds, no page numbers, the header every 25 lines.
    body = _speech_lines(100)
    pages = [body[i : i + 24] for i in range(0, 100, 24)]
    text = _paged(pages, top="地域公共交通会議（第２回）")
    meeting = gikai_minutes.parse(text)
    headers = [n.text for n in meeting.notes if n.kind is NoteKind.RUNNING_HEADER]
    assert headers == ["地域公共交通会議（第２回）"] * len(pages)
    joined = "".join(u.text for u in meeting.utterances)
    assert "（第２回）" not in joined.replace("地域公共交通会議（第２回）議事録", "")
    assert_tiles(meeting)


def test_a_turn_opening_most_pages_is_not_a_header() -> None:
    # Short answers that happen to open every page (form feeds from a PDF).
    body = _speech_lines(50)
    pages = []
    for n in range(1, 6):
        pages.append(
            "○山口交通政策課長\u3000はい。\n"
            + "\n".join(body[10 * (n - 1) : 10 * n])
            + "\n○田中会長\u3000次の質問をどうぞ。\n"
        )
    meeting = gikai_minutes.parse("\f".join(pages))
    assert not any(n.kind is NoteKind.RUNNING_HEADER for n in meeting.notes)
    assert [u.text for u in meeting.utterances].count("はい。") == 0
    assert sum(1 for u in meeting.utterances if u.speaker.label == "山口交通政策課長") == 5


def test_repeated_direction_is_not_a_header() -> None:
    lines = ["○議長（川村正義君）\u3000採決いたします。"]
    for k in range(6):
        lines += [f"○議長（川村正義君）\u3000議案第{k + 1}号を可決することに賛成の方は起立願います。",
                  "（賛成者起立）", "○議長（川村正義君）\u3000起立多数であります。"]  # fmt: skip
    meeting = gikai_minutes.parse("\n".join(lines) + "\n")
    assert not any(n.kind is NoteKind.RUNNING_HEADER for n in meeting.notes)


def test_page_number_alone_with_blank_lines_and_indentation() -> None:
    body = _speech_lines(47)
    # Page 1 ends in the middle of a sentence (高校に入 | って), as pages do.
    body[15] = "\u3000特に、二〇二〇年以降に高校に入"
    body[16] = "った生徒から、新しい学習指導要領による授業を受けております。"
    text = _paged([body[:16], body[16:31], body[31:]], bottom="\n          {n}\n")
    meeting = gikai_minutes.parse(text)
    numbers = [n.text for n in meeting.notes if n.kind is NoteKind.PAGE_NUMBER]
    assert numbers == ["1", "2", "3"]
    speech = meeting.utterances[0].text
    assert "高校に入った生徒から" in speech
    stray = [p.text for p in meeting.utterances[0].paragraphs if p.text.strip().isdigit()]
    assert stray == []
    assert [u.pages for u in meeting.utterances] == [(1, 2, 3)]
    assert_tiles(meeting)


def test_page_numbers_at_page_edges_with_form_feeds_need_no_run_of_three() -> None:
    first = "○佐藤委員長\u3000ただいまから委員会を開きます。\n本日は議案一件の審査を行い\n1\n"
    second = "\fます。\n○佐藤委員長\u3000以上で散会します。\n2\n\f"
    meeting = gikai_minutes.parse(first + second)
    assert [n.text for n in meeting.notes if n.kind is NoteKind.PAGE_NUMBER] == ["1", "2"]
    # The sentence cut by the page break is whole again.
    assert (
        meeting.utterances[0].text
        == "ただいまから委員会を開きます。本日は議案一件の審査を行います。"
    )
    assert meeting.utterances[0].pages == (1, 2)


def test_a_vote_count_is_not_a_page_number() -> None:
    text = "○議長\u3000投票の結果を報告します。\n賛成\n32\n反対\n5\n以上であります。\n"
    meeting = gikai_minutes.parse(text)
    assert not any(n.kind is NoteKind.PAGE_NUMBER for n in meeting.notes)


def test_many_page_numbers_in_linear_time() -> None:
    # Pages 1…9999, each a short page; the old quadratic chain copy took minutes here.
    lines = []
    for n in range(1, 10000):
        lines += [
            f"○議長\u3000第{n}の議案を議題とします。",
            "異議なしと認めます。",
            "可決しました。",
            str(n),
        ]
    layout = find_pages(LineTable("\n".join(lines) + "\n"))
    assert len(layout.number_lines) == 9999
    assert layout.numbers[-1] == 10000


def _reference_run(found: list[tuple[int, int]]) -> int:
    best = [1] * len(found)
    for j in range(len(found)):
        for i in range(j):
            if found[i][1] + 1 == found[j][1]:
                best[j] = max(best[j], best[i] + 1)
    longest = max(best, default=0)
    return longest if longest >= 3 else 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=12), max_size=40))
def test_increasing_run_is_a_longest_chain(values: list[int]) -> None:
    found = list(enumerate(values))
    run = _increasing_run(found)
    assert len(run) == _reference_run(found)
    assert all(b[1] == a[1] + 1 and b[0] > a[0] for a, b in itertools.pairwise(run))


# --- margin line numbers --------------------------------------------------------------


def _numbered(lines: list[str], every: int, *, right: bool = False) -> str:
    out = []
    for i, line in enumerate(lines):
        n = i % 30 + 1  # numbering restarts on each page of 30 lines
        if n % every:
            out.append(line)
        elif right:
            out.append(f"{line}  {n}")
        else:
            out.append(f"{n} {line}")
    return "\n".join(out) + "\n"


def _committee_lines() -> list[str]:
    lines = ["地域公共交通会議（第２回）議事録", "令和６年７月８日（月）"]
    for k, label in enumerate(["田中会長", "山口交通政策課長", "小野委員", "田中会長"] * 3):
        lines.append(f"○{label}\u3000{SENTENCES[k % len(SENTENCES)]}")
        lines += _speech_lines(4 + k % 3)
    return lines


def test_margin_numbers_every_five_lines_are_cut_with_fixes() -> None:
    lines = _committee_lines()
    text = _numbered(lines, 5)
    meeting = gikai_minutes.parse(text)
    clean = gikai_minutes.parse("\n".join(lines) + "\n")
    assert [u.speaker.label for u in meeting.utterances] == [
        u.speaker.label for u in clean.utterances
    ]
    assert [u.text for u in meeting.utterances] == [u.text for u in clean.utterances]
    fixes = [f for u in meeting.utterances for f in u.fixes if f.rule == "margin_line_number"]
    numbered_in_turns = [
        i for i in range(len(lines)) if (i % 30 + 1) % 5 == 0 and i >= 2
    ]  # lines 0-1 are front matter
    assert len(fixes) == len(numbered_in_turns)
    for f in fixes:
        assert text[f.span.start : f.span.end] == f.original
        assert f.original.strip().isdigit()
        assert f.replacement == ""
    assert_tiles(meeting)


def test_margin_numbers_on_every_line_and_at_line_ends() -> None:
    lines = _committee_lines()
    clean = gikai_minutes.parse("\n".join(lines) + "\n")
    for text in (_numbered(lines, 1), _numbered(lines, 5, right=True)):
        meeting = gikai_minutes.parse(text)
        assert [u.text for u in meeting.utterances] == [u.text for u in clean.utterances]
        assert_tiles(meeting)


def test_numbered_lists_are_not_margin_numbers() -> None:
    text = (
        "議事日程\n1 開会\n2 会議録署名議員の指名\n3 会期の決定\n4 閉会\n"
        "○議長\u3000ただいまから会議を開きます。\n"
        "出席議員\n1 番 山本一郎\n2 番 中川花子\n3 番 大西健\n4 番 石田誠\n5 番 森本優\n6 番 岡田聡\n7 番 松井学\n"
    )
    assert find_margin_numbers(LineTable(text)) == {}


# --- Latin words cut by extraction spaces ----------------------------------------------


def test_partly_spaced_latin() -> None:
    cases = {
        "、Pol i Pol iという東京の企業": "、PoliPoliという東京の企業",
        "Microsoft Team sで会議": "Microsoft Teamsで会議",
        "Google Meetを使い": "Google Meetを使い",
        "は e Gov で申請": "は e Gov で申請",
        "これは a pen です": "これは a pen です",
        "k i n t o n eの活用": "kintoneの活用",
    }
    for line, expected in cases.items():
        assert fix_line(line, 0, 1)[0] == expected, line
    _, fixes = fix_line("、Pol i Pol iという", 10, 3)
    assert [(f.rule, f.original, f.span.start, f.span.end) for f in fixes] == [
        ("partly_spaced_latin", "Pol i Pol i", 11, 22)
    ]


_LINE = st.tuples(
    st.sampled_from(["", "5 ", "10 ", "  3 ", "12  "]),
    st.sampled_from(["○田中会長\u3000", "○小野委員\u3000", "\u3000", "", "\f"]),
    st.sampled_from([*SENTENCES, "- 2 -", "3", "地域公共交通会議（第２回）", "（拍手）", ""]),
    st.sampled_from(["", " 15", "  20"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=60))
def test_furniture_rules_never_lose_text(lines: list[tuple[str, str, str, str]]) -> None:
    text = "\n".join("".join(parts) for parts in lines)
    meeting = gikai_minutes.parse(text)
    assert_tiles(meeting)
    for utterance in meeting.utterances:
        for fix in utterance.fixes:
            assert text[fix.span.start : fix.span.end] == fix.original
