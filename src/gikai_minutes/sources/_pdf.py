"""PDF minutes through the optional ``pdf`` extra: the text layer, normalised, in pages.

Two backends read the text layer: PDFium (``pypdfium2``, the default: fast, and no spaces
inserted inside Japanese words) and the pure-Python ``pypdf`` as a fallback. Both are
normalised the same way, so the parser sees the same shape of text whichever was used:

- line ends become ``\\n``, trailing spaces are dropped and blank lines removed;
- a line that opens an indented paragraph starts with one U+3000, whether the PDF types
  the indentation or only draws the line further right (both backends give positions);
- each page ends with a line break and a form feed, as ``pdftotext`` prints it, so page
  breaks and printed page numbers reach the parser's page rules.

Every failure of a backend is an :class:`InputError` naming the file (and the page when
known). Encrypted PDFs open with ``password`` (the empty password is tried by default).
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, Literal

import attrs
import regex

from gikai_minutes._errors import InputError
from gikai_minutes.model import Diagnostic, Severity
from gikai_minutes.sources._document import SourceDocument

__all__ = ["PDF_BACKENDS", "PdfBackend", "pdf_document", "pdf_pages", "pdf_text"]

PdfBackend = Literal["pdfium", "pypdf"]
#: The text-layer readers, in order of preference.
PDF_BACKENDS: tuple[PdfBackend, ...] = ("pdfium", "pypdf")

_INDENT = " \u3000\t"
# A line starts an indented paragraph when its first character sits this many character
# heights right of the page's left text margin.
_INDENT_EMS = 0.5
# A gap between two words this many character heights wide prints as two spaces.
_WIDE_GAP_EMS = 1.5
# A second column starts at least this many character heights right of the first.
_COLUMN_EMS = 4.0
# Vertical writing: most lines of the text layer hold one or two characters (pypdf),
# or most of the first lines sampled on a page run downwards (PDFium).
_VERTICAL_SHORT = 2
_VERTICAL_SHARE = 0.6
_VERTICAL_SAMPLE = 20
# A margin line number before a line's text (``12 ○石川委員長``): indentation is read after it.
_LEADING_NUMBER = regex.compile(r"[0-9]{1,4} {1,2}(?=[^ 0-9])")


@attrs.frozen(slots=True)
class _Page:
    """One page's text lines; ``vertical`` when they are the columns of vertical writing."""

    lines: tuple[str, ...]
    vertical: bool = False  # the lines are columns of vertical writing


def _need(module: str) -> Any:
    try:
        return __import__(module)
    except ImportError as exc:
        raise InputError(
            f"reading PDF with {module} needs the 'pdf' extra: pip install 'gikai-minutes[pdf]'"
        ) from exc


def _pdfium_pages(path: str, password: str | None) -> Iterator[_Page]:
    pdfium = _need("pypdfium2")
    try:
        document = pdfium.PdfDocument(path, password=password)
    except Exception as exc:  # any failure of the backend is bad input
        raise InputError(f"{path}: cannot read PDF: {_reason(exc)}") from exc
    try:
        for index in range(len(document)):
            try:
                page = document[index]
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                    read = _pdfium_page(text, functools.partial(textpage.get_charbox, loose=True))
                finally:
                    textpage.close()
                    page.close()
            except Exception as exc:  # any failure of the backend is bad input
                raise InputError(
                    f"{path}: page {index + 1}: cannot read text: {_reason(exc)}"
                ) from exc
            yield read
    finally:
        document.close()


_Box = tuple[float, float, float, float]  # left, bottom, right, top


def _pdfium_page(text: str, charbox: Callable[[int], _Box]) -> _Page:
    """Lines of PDFium's page text, with the characters' boxes read where text alone
    is not enough.

    PDFium's character indexes match offsets in its page text (generated line breaks
    count as characters), so every character has a box:

    - PDFium sometimes joins lines with a space; a space between characters on
      different baselines ends the line instead;
    - a line whose first character sits right of its column's left edge opens an
      indented paragraph;
    - PDFium prints one space for any gap between words; a gap of one and a half
      character heights or more (a key and its value in a 議事次第) becomes two spaces,
      as pypdf prints it;
    - a page whose lines run downwards is vertical writing (縦書き): its lines are the
      columns, put in reading order, right to left.
    """
    pieces: list[tuple[int, str]] = []  # (offset, line)
    position = 0
    for line in text.split("\r\n"):
        pieces.extend(_split_baselines(line, position, charbox))
        position += len(line) + 2
    boxes: dict[int, _Box] = {}
    starts: dict[int, int] = {}  # where each line's text starts, after a margin number
    for i, (offset, line) in enumerate(pieces):
        if line.strip(_INDENT):
            m = _LEADING_NUMBER.match(line)
            starts[i] = m.end() if m else len(line) - len(line.lstrip(_INDENT))
            boxes[i] = charbox(offset + starts[i])
    if len(boxes) < 3:
        return _Page(tuple(line for _, line in pieces))
    heights = sorted(b[3] - b[1] for b in boxes.values())
    em = max(heights[len(heights) // 2], 1.0)
    if _runs_down(pieces, boxes, charbox):
        columns = sorted(boxes, key=lambda i: -boxes[i][0])
        return _Page(tuple(pieces[i][1] for i in columns), vertical=True)
    indented = _indented({i: b[0] for i, b in boxes.items()}, em, [p[1] for p in pieces])
    lines = []
    for i, (offset, line) in enumerate(pieces):
        if " " in line.strip(_INDENT):
            line = _widen(line, offset, charbox, em)
        if i in indented:
            line = line[: starts[i]] + "\u3000" + line[starts[i] :].lstrip(_INDENT)
        lines.append(line)
    return _Page(tuple(lines))


def _indented(lefts: dict[int, float], em: float, lines: list[str]) -> set[int]:
    """The lines (by index) whose first character stands right of their column's left
    edge by half a character or more, but less than a centred or right-aligned line.

    Lines that are only a number (a page or margin line number) do not make edges.
    """
    text_lefts = [x for i, x in lefts.items() if not lines[i].strip(_INDENT).isdigit()]
    edges = _left_edges(text_lefts or list(lefts.values()), em)
    out = set()
    for i, x in lefts.items():
        edge = max((e for e in edges if e <= x + 0.25 * em), default=edges[0])
        if _INDENT_EMS * em <= x - edge < _COLUMN_EMS * em:
            out.add(i)
    return out


def _split_baselines(
    line: str, offset: int, charbox: Callable[[int], _Box]
) -> list[tuple[int, str]]:
    """``line`` cut at each space whose neighbours stand on different baselines."""
    out = []
    start = 0
    k = line.find(" ", 1)
    while 0 < k < len(line) - 1:
        before, after = charbox(offset + k - 1), charbox(offset + k + 1)
        height = max(before[3] - before[1], 1.0)
        if abs(before[1] - after[1]) > 0.5 * height and abs(before[0] - after[0]) > 0.5 * height:
            out.append((offset + start, line[start:k]))
            start = k + 1
        k = line.find(" ", k + 1)
    out.append((offset + start, line[start:]))
    return out


def _runs_down(
    pieces: list[tuple[int, str]], boxes: dict[int, _Box], charbox: Callable[[int], _Box]
) -> bool:
    """Whether most lines (of those long enough to tell) run down the page."""
    down = across = 0
    for i in list(boxes)[:_VERTICAL_SAMPLE]:
        offset, line = pieces[i]
        first = len(line) - len(line.lstrip(_INDENT))
        if len(line) - first < 3:
            continue
        a, b = boxes[i], charbox(offset + first + 1)
        height = max(a[3] - a[1], 1.0)
        if abs(a[0] - b[0]) < 0.3 * height and a[1] - b[1] > 0.5 * height:
            down += 1
        else:
            across += 1
    return down > across


def _left_edges(lefts: list[float], em: float) -> list[float]:
    """Where the lines of a page's columns start: the positions most lines start at,
    leaving out those a few characters from a more common one (the paragraphs'
    indentation, numbers in the margin)."""
    counts: Counter[int] = Counter(round(x) for x in lefts)
    least = max(2, len(lefts) // 10)
    edges: list[float] = []
    for x, n in counts.most_common():
        if n < least and edges:
            break
        if all(abs(x - e) >= _COLUMN_EMS * em for e in edges):
            edges.append(x)
    return sorted(edges)


def _widen(line: str, offset: int, charbox: Callable[[int], _Box], em: float) -> str:
    """``line`` with each single space between two wide-apart characters doubled."""
    parts = []
    last = 0
    for k in range(1, len(line) - 1):
        if line[k] != " " or line[k - 1] in _INDENT or line[k + 1] in _INDENT:
            continue
        gap = charbox(offset + k + 1)[0] - charbox(offset + k - 1)[2]
        if gap >= _WIDE_GAP_EMS * em:
            parts.append(line[last:k])
            parts.append(" ")
            last = k
    parts.append(line[last:])
    return "".join(parts)


def _pypdf_pages(path: str, password: str | None) -> Iterator[_Page]:
    pypdf = _need("pypdf")
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(password or ""):
            raise InputError(f"{path}: PDF is encrypted and the password does not open it")
        pages = reader.pages
        count = len(pages)
    except InputError:
        raise
    except Exception as exc:  # any failure of the backend is bad input
        raise InputError(f"{path}: cannot read PDF: {_reason(exc)}") from exc
    for index in range(count):
        try:
            read = _pypdf_page(pages[index])
        except Exception as exc:  # any failure of the backend is bad input
            raise InputError(f"{path}: page {index + 1}: cannot read text: {_reason(exc)}") from exc
        yield read


def _pypdf_page(page: Any) -> _Page:
    """pypdf's page text, with indentation read from where each line's text is drawn.

    pypdf hands each piece of text it prints to a visitor with its text and current
    matrices; the pieces put together are the page text, so the piece that opens a line
    tells where the line starts on the page.
    """
    pieces: list[tuple[str, float | None, float]] = []  # (text, x, character height)

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        x = height = None
        if cm is not None and tm is not None and size:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            height = abs(float(size) * tm[3] * cm[3]) or abs(float(size))
        pieces.append((text, x, height or 0.0))

    text = page.extract_text(visitor_text=visit)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if "".join(t for t, _, _ in pieces) != text or "\r" in text:
        return _Page(tuple(lines))  # pieces that do not add up: text alone
    lefts: dict[int, float] = {}
    heights = []
    line = 0
    at_start = True
    for piece, x, height in pieces:
        for k, ch in enumerate(piece):
            if ch == "\n":
                line += 1
                at_start = True
            elif at_start:
                at_start = False
                # The piece's position is where its first character is drawn.
                if x is not None and k == len(piece) - len(piece.lstrip("\n")):
                    lefts[line] = x
                    heights.append(height)
    lefts = {i: x for i, x in lefts.items() if lines[i].strip(_INDENT)}
    if len(lefts) < 3 or not heights:
        return _Page(tuple(lines))
    em = max(sorted(heights)[len(heights) // 2], 1.0)
    indented = _indented(lefts, em, lines)
    return _Page(tuple("\u3000" + line if i in indented else line for i, line in enumerate(lines)))


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if "password" in text.lower() or "encrypt" in text.lower():
        return f"{text} (encrypted PDF: pass password=...)"
    return text


_READERS: dict[str, Callable[[str, str | None], Iterator[_Page]]] = {
    "pdfium": _pdfium_pages,
    "pypdf": _pypdf_pages,
}


def _normalise(page: _Page) -> list[str]:
    """Trailing spaces and blank lines dropped; indentation becomes one U+3000."""
    out = []
    for line in page.lines:
        content = line.strip(_INDENT)
        if not content:
            continue
        if line[:1] in _INDENT:
            content = "\u3000" + content
        out.append(content)
    return out


def _read(name: str, backend: PdfBackend, password: str | None) -> list[_Page]:
    reader = _READERS.get(backend)
    if reader is None:
        raise ValueError(f"unknown PDF backend {backend!r}; known: {', '.join(PDF_BACKENDS)}")
    if not os.path.isfile(name):
        raise InputError(f"{name}: no such file")
    return list(reader(name, password))


def pdf_pages(
    path: str | os.PathLike[str],
    *,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> list[str]:
    """The normalised text of each page of a PDF (see the module documentation)."""
    return ["\n".join(_normalise(page)) for page in _read(os.fspath(path), backend, password)]


def pdf_text(
    path: str | os.PathLike[str],
    *,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> str:
    """The text layer of a PDF, normalised, one line break and form feed after each page."""
    return "".join(page + "\n\f" for page in pdf_pages(path, backend=backend, password=password))


def _short_lines(pages: list[str]) -> bool:
    """Whether most lines hold one or two characters (vertical text read across)."""
    lines = [line for page in pages for line in page.split("\n") if line.strip(_INDENT)]
    if len(lines) < 10:
        return False
    short = sum(1 for line in lines if len(line.strip(_INDENT)) <= _VERTICAL_SHORT)
    return short >= _VERTICAL_SHARE * len(lines)


def _vertical_diagnostic(read: list[_Page], pages: list[str]) -> Diagnostic | None:
    columns = sum(1 for page in read if page.vertical)
    if columns:
        return Diagnostic(
            "vertical-pdf",
            f"{columns} of {len(read)} pages are set in vertical writing (縦書き); their"
            " columns were read right to left, one line each",
            Severity.INFO,
            1,
        )
    if _short_lines(pages):
        return Diagnostic(
            "vertical-pdf",
            "the PDF looks set in vertical writing (縦書き): its text layer holds one or two"
            " characters a line, so turns cannot be read from it (the pdfium backend reads"
            " such pages column by column)",
            Severity.WARNING,
            1,
        )
    return None


def pdf_document(
    path: str | os.PathLike[str],
    *,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> SourceDocument:
    """The text layer of a PDF as a :class:`SourceDocument` (see :func:`pdf_text`).

    ``reader`` is ``pdf:pdfium`` or ``pdf:pypdf``. Minutes set in vertical writing
    (縦書き) carry a ``vertical-pdf`` diagnostic: with PDFium each column becomes a line,
    in reading order (information); text that comes out one or two characters a line
    cannot be read as turns (a warning).
    """
    name = os.fspath(path)
    read = _read(name, backend, password)
    pages = ["\n".join(_normalise(page)) for page in read]
    vertical = _vertical_diagnostic(read, pages)
    return SourceDocument(
        "".join(page + "\n\f" for page in pages),
        name=name,
        reader=f"pdf:{backend}",
        diagnostics=() if vertical is None else (vertical,),
    )
