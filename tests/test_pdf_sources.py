"""PDF sources: both backends, page furniture, encryption, vertical writing, errors.

Most PDFs here are written by the tests (``tests/_pdfgen.py``) from a known list of
speeches, so each expectation comes from what was drawn: the speakers in order, the
words of each speech, and for PDFium the paragraphs too. The ministry PDF in
``../shared/corpus/pdf`` is read with both backends and compared with itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

import gikai_minutes
from _helpers import SHARED, assert_tiles
from _pdfgen import (
    FRONT,
    SPEECHES,
    TITLE,
    Layout,
    speech_texts,
    vertical_pdf,
    wrapped_lines,
    write_pdf,
)
from gikai_minutes.model import NoteKind, Severity
from gikai_minutes.sources import pdf_document, pdf_text

pytest.importorskip("pypdfium2")
pytest.importorskip("pypdf")
pytest.importorskip("reportlab")

BACKENDS = ("pdfium", "pypdf")
MINISTRY = SHARED / "corpus" / "pdf" / "caa_shohisha_kyoiku_25.pdf"


def _width(text: str) -> str:
    """The documented width repair of cleaned text: full-width digits and letters to ASCII."""
    return re.sub(r"[０-９Ａ-Ｚａ-ｚ]", lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _words(text: str) -> str:
    return "".join(text.split())


EXPECTED = [(label, _width(text)) for label, text in speech_texts()]

LAYOUTS = {
    "plain": Layout(),
    "running-header-footer": Layout(
        lines_per_page=12, header=TITLE, footer="市民協働推進課", number_form="- {n} -"
    ),
    "page-number-top": Layout(page_number="top"),
    "page-number-top-right": Layout(
        page_number="top-right", number_form="{n}/{total}", lines_per_page=12,
        header="市民協働のまちづくり検討委員会（第３回）",
    ),
    "page-number-in-footer": Layout(page_number="footer", footer="市民協働推進課"),
    "no-page-numbers": Layout(page_number=None),
    "margin-every-5-left": Layout(margin_every=5),
    "margin-every-5-right": Layout(margin_every=5, margin_side="right"),
    "margin-every-line": Layout(margin_every=1),
    "two-columns": Layout(columns=2),
    "indent-with-space": Layout(indent="space"),
}  # fmt: skip


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list]]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, layout in LAYOUTS.items():
        path = folder / f"{name}.pdf"
        out[name] = (path, write_pdf(path, layout))
    return out


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_turns_and_words_whatever_the_furniture(
    written: dict[str, tuple[Path, list]], name: str, backend: str
) -> None:
    path, printed = written[name]
    meeting = gikai_minutes.parse_pdf(path, backend=backend)  # type: ignore[arg-type]
    assert meeting.source.reader == f"pdf:{backend}"
    assert [u.speaker.label for u in meeting.utterances] == [label for label, _ in SPEECHES]
    assert [_words(u.text) for u in meeting.utterances] == [_words(t) for _, t in EXPECTED]
    assert meeting.unparsed == ()
    assert_tiles(meeting)
    pages = [p for u in meeting.utterances for p in u.pages]
    assert pages == sorted(pages)
    layout = LAYOUTS[name]
    header_notes = [n for n in meeting.notes if n.kind is NoteKind.RUNNING_HEADER]
    page_count = meeting.source.text.count("\f")
    if layout.header:
        # On every page but the first (which opens with the title instead).
        assert sum(1 for n in header_notes if layout.header in n.text) == page_count - 1
    if layout.footer:
        assert sum(1 for n in header_notes if layout.footer in n.text) == page_count
    if layout.page_number is not None:
        # Alone on their line, or on the line of a running header or footer.
        furniture = [
            _words(n.text)
            for n in meeting.notes
            if n.kind in (NoteKind.PAGE_NUMBER, NoteKind.RUNNING_HEADER)
        ]
        labels = [
            layout.number_form.format(n=i, total=page_count) for i in range(1, 1 + page_count)
        ]
        found = [
            next(
                (
                    f
                    for f in furniture
                    if f.endswith(_words(label))
                    and (f == _words(label) or not f[-len(_words(label)) - 1].isdigit())
                ),
                None,
            )
            for label in labels
        ]
        assert None not in found, (labels, furniture)
        assert meeting.utterances[-1].pages[-1] == page_count
        assert not any(
            re.fullmatch(r"[-\d/ ]+", p.text) for u in meeting.utterances for p in u.paragraphs
        )
    if layout.margin_every:
        fixes = [f for u in meeting.utterances for f in u.fixes if f.rule == "margin_line_number"]
        drawn = [m for text, m in printed if m is not None and text not in FRONT]
        # pypdf may print a number on its own line before the line it numbers: the one
        # before the first speaker then lies in the front matter, not in a turn.
        removed = Counter(int(f.original) for f in fixes)
        assert removed <= Counter(drawn)
        assert removed.total() >= len(drawn) - 1
        assert all(f.replacement == "" for f in fixes)
        for f in fixes:
            assert meeting.source.text[f.span.start : f.span.end] == f.original


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_paragraphs_kept(written: dict[str, tuple[Path, list]], name: str, backend: str) -> None:
    # Each sentence was drawn as its own paragraph, its first line indented (moved right
    # or opened with U+3000); PDFium's character boxes and the positions pypdf hands to
    # its visitor show it.
    meeting = gikai_minutes.parse_pdf(written[name][0], backend=backend)  # type: ignore[arg-type]
    assert [(u.speaker.label, u.text) for u in meeting.utterances] == EXPECTED


def test_both_backends_normalise_alike(written: dict[str, tuple[Path, list]]) -> None:
    path = written["indent-with-space"][0]
    assert pdf_text(path, backend="pdfium") == pdf_text(path, backend="pypdf")


def test_front_matter_from_pdf(written: dict[str, tuple[Path, list]]) -> None:
    meeting = gikai_minutes.parse_pdf(written["plain"][0])
    assert meeting.title is not None
    assert "市民協働のまちづくり検討委員会" in meeting.title
    assert meeting.front_matter.place == "市役所本庁舎４階 第二会議室"
    assert meeting.date is not None
    assert meeting.date.isoformat() == "2024-05-20"


def test_parse_file_reads_pdf_by_content(
    written: dict[str, tuple[Path, list]], tmp_path: Path
) -> None:
    renamed = tmp_path / "minutes.bin"
    renamed.write_bytes(written["plain"][0].read_bytes())
    meeting = gikai_minutes.parse_file(renamed)
    assert meeting.source.reader == "pdf:pdfium"
    assert len(meeting.utterances) == len(SPEECHES)
    assert gikai_minutes.parse_file(renamed, backend="pypdf").source.reader == "pdf:pypdf"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_encrypted_pdf(
    written: dict[str, tuple[Path, list]], tmp_path: Path, backend: str, algorithm: str
) -> None:
    pytest.importorskip("cryptography")
    import pypdf

    reader = pypdf.PdfReader(written["plain"][0])
    open_path, locked_path = tmp_path / "open.pdf", tmp_path / "locked.pdf"
    for path, password in ((open_path, ""), (locked_path, "gikai2024")):
        writer = pypdf.PdfWriter(clone_from=reader)
        writer.encrypt(password, "owner-secret", algorithm=algorithm)
        with open(path, "wb") as f:
            writer.write(f)
    # An empty user password (only printing or copying restricted) opens as is.
    meeting = gikai_minutes.parse_pdf(open_path, backend=backend)  # type: ignore[arg-type]
    assert len(meeting.utterances) == len(SPEECHES)
    with pytest.raises(gikai_minutes.InputError, match=r"(?i)password"):
        gikai_minutes.parse_pdf(locked_path, backend=backend)  # type: ignore[arg-type]
    meeting = gikai_minutes.parse_pdf(locked_path, backend=backend, password="gikai2024")  # type: ignore[arg-type]
    assert [u.speaker.label for u in meeting.utterances] == [label for label, _ in SPEECHES]


@pytest.mark.parametrize("backend", BACKENDS)
def test_backend_failures_are_input_errors(tmp_path: Path, backend: str) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really a PDF\n")
    with pytest.raises(gikai_minutes.InputError, match=r"x\.pdf"):
        gikai_minutes.parse_pdf(bad, backend=backend)  # type: ignore[arg-type]
    with pytest.raises(gikai_minutes.InputError, match="no such file"):
        gikai_minutes.parse_pdf(tmp_path / "missing.pdf", backend=backend)  # type: ignore[arg-type]


def test_parse_file_sends_a_pdf_name_to_the_pdf_reader(tmp_path: Path) -> None:
    bad = tmp_path / "minutes.pdf"
    bad.write_text("○議長　開会します。\n", encoding="utf-8")
    with pytest.raises(gikai_minutes.InputError, match=r"minutes\.pdf"):
        gikai_minutes.parse_file(bad)


def test_truncated_pdf(written: dict[str, tuple[Path, list]], tmp_path: Path) -> None:
    data = written["plain"][0].read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    for backend in BACKENDS:
        try:
            meeting = gikai_minutes.parse_pdf(cut, backend=backend)  # type: ignore[arg-type]
        except gikai_minutes.InputError:
            continue
        assert_tiles(meeting)  # a backend that repairs the file gives a whole meeting


def test_unknown_backend(written: dict[str, tuple[Path, list]]) -> None:
    with pytest.raises(ValueError, match="pdfium"):
        pdf_text(written["plain"][0], backend="poppler")  # type: ignore[arg-type]


def test_vertical_columns_read_right_to_left(tmp_path: Path) -> None:
    path = tmp_path / "tategaki.pdf"
    vertical_pdf(path)
    meeting = gikai_minutes.parse_pdf(path)
    codes = [(d.code, d.severity) for d in meeting.diagnostics]
    assert ("vertical-pdf", Severity.INFO) in codes
    drawn = [line for line, _ in wrapped_lines(30)[5:25]]
    labels = [line[1:].split("\u3000")[0] for line in drawn if line.startswith("○")]
    assert [u.speaker.label for u in meeting.utterances] == labels
    assert meeting.utterances[0].text.startswith("それでは、定刻となりましたので")


@pytest.mark.parametrize("backend", BACKENDS)
def test_vertical_characters_one_by_one_are_reported(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "tategaki-chars.pdf"
    vertical_pdf(path, one_char_a_line=True)
    document = pdf_document(path, backend=backend)  # type: ignore[arg-type]
    assert [(d.code, d.severity) for d in document.diagnostics] == [
        ("vertical-pdf", Severity.WARNING)
    ]
    meeting = gikai_minutes.parse_document(document)
    assert any(d.code == "vertical-pdf" for d in meeting.diagnostics)
    with pytest.raises(gikai_minutes.ParseError):
        gikai_minutes.parse_document(document, strict=True)


# --- the ministry PDF -----------------------------------------------------------------


@pytest.fixture(scope="module")
def ministry() -> dict[str, gikai_minutes.Meeting]:
    if not MINISTRY.is_file():
        pytest.skip("../shared/corpus/pdf is not present")
    return {b: gikai_minutes.parse_pdf(MINISTRY, backend=b) for b in BACKENDS}  # type: ignore[arg-type]


def test_ministry_pdf_same_turns_with_both_backends(
    ministry: dict[str, gikai_minutes.Meeting],
) -> None:
    pdfium, pypdf = ministry["pdfium"], ministry["pypdf"]
    assert len(pdfium.utterances) == 81
    assert [u.speaker.label for u in pdfium.utterances] == [
        u.speaker.label for u in pypdf.utterances
    ]
    assert [_words(u.text) for u in pdfium.utterances] == [_words(u.text) for u in pypdf.utterances]
    assert [u.pages for u in pdfium.utterances] == [u.pages for u in pypdf.utterances]
    for meeting in (pdfium, pypdf):
        numbers = [n.text for n in meeting.notes if n.kind is NoteKind.PAGE_NUMBER]
        assert numbers == [str(i) for i in range(1, 34)]
        assert_tiles(meeting)


def test_ministry_pdf_no_spaces_inside_words_with_pdfium(
    ministry: dict[str, gikai_minutes.Meeting],
) -> None:
    # pypdf prints a space wherever a line of the PDF is drawn in two pieces
    # (`推進会議の 枠組み`); PDFium does not. Count spaces between two Japanese letters.
    between = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff]) (?=[\u3040-\u30ff\u4e00-\u9fff])")

    def count(meeting: gikai_minutes.Meeting) -> int:
        return sum(len(between.findall(u.text)) for u in meeting.utterances)

    assert count(ministry["pypdf"]) > 0
    assert count(ministry["pdfium"]) == 0
