"""PDF minutes through the optional ``pdf`` extra: the text layer, normalised, in pages.

Two backends read the text layer: PDFium (``pypdfium2``, the default: fast, and no spaces
inserted inside Japanese words) and the pure-Python ``pypdf`` as a fallback. Both are
normalised the same way, so the parser sees the same shape of text whichever was used:

- line ends become ``\\n``, trailing spaces are dropped and blank lines removed;
- a line that opens an indented paragraph starts with one U+3000 (pypdf prints the
  indentation as leading spaces; for PDFium it is read from the characters' positions);
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
# Vertical writing: most lines of the text layer hold one or two characters.
_VERTICAL_SHORT = 2
_VERTICAL_SHARE = 0.6


@attrs.frozen(slots=True)
class _Page:
    """One page's text lines; ``indented`` marks lines placed right of the margin."""

    lines: tuple[str, ...]
    indented: frozenset[int] = frozenset()


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
    except (pdfium.PdfiumError, OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read PDF: {_reason(exc)}") from exc
    try:
        for index in range(len(document)):
            try:
                page = document[index]
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                yield _pdfium_page(text, functools.partial(textpage.get_charbox, loose=True))
            except (pdfium.PdfiumError, OSError, ValueError) as exc:
                raise InputError(
                    f"{path}: page {index + 1}: cannot read text: {_reason(exc)}"
                ) from exc
    finally:
        document.close()


def _pdfium_page(text: str, charbox: Callable[[int], tuple[float, float, float, float]]) -> _Page:
    """Lines of PDFium's page text, with indentation and wide gaps read from the boxes.

    PDFium's character indexes match offsets in its page text (generated line breaks
    count as characters), so each line's first character has a box. PDFium prints one
    space for any gap between words; a gap of one and a half character heights or more (a key and
    its value in a 議事次第) becomes two spaces, as pypdf prints it.
    """
    raw = text.split("\r\n")
    offsets = []
    position = 0
    for line in raw:
        offsets.append(position)
        position += len(line) + 2
    boxes: dict[int, tuple[float, float]] = {}
    for i, line in enumerate(raw):
        if line.strip(_INDENT):
            left, bottom, _, top = charbox(offsets[i] + len(line) - len(line.lstrip(_INDENT)))
            boxes[i] = (left, top - bottom)
    if len(boxes) < 3:
        return _Page(tuple(raw))
    heights = sorted(h for _, h in boxes.values())
    em = max(heights[len(heights) // 2], 1.0)
    edges = _left_edges([x for x, _ in boxes.values()], em)
    indented = frozenset(
        i
        for i, (x, _) in boxes.items()
        if x - max((e for e in edges if e <= x + 0.25 * em), default=edges[0]) >= _INDENT_EMS * em
    )
    lines = list(raw)
    for i, line in enumerate(raw):
        if " " in line.strip(_INDENT):
            lines[i] = _widen(line, offsets[i], charbox, em)
    return _Page(tuple(lines), indented)


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


def _widen(
    line: str, offset: int, charbox: Callable[[int], tuple[float, float, float, float]], em: float
) -> str:
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
    errors = (OSError, ValueError, KeyError, TypeError, pypdf.errors.PyPdfError)
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(password or ""):
            raise InputError(f"{path}: PDF is encrypted and the password does not open it")
        pages = reader.pages
        count = len(pages)
    except InputError:
        raise
    except errors as exc:
        raise InputError(f"{path}: cannot read PDF: {_reason(exc)}") from exc
    for index in range(count):
        try:
            text = pages[index].extract_text()
        except errors as exc:
            raise InputError(f"{path}: page {index + 1}: cannot read text: {_reason(exc)}") from exc
        yield _Page(tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))


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
    for i, line in enumerate(page.lines):
        content = line.strip(_INDENT)
        if not content:
            continue
        if i in page.indented or line[:1] in _INDENT:
            content = "\u3000" + content
        out.append(content)
    return out


def pdf_pages(
    path: str | os.PathLike[str],
    *,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> list[str]:
    """The normalised text of each page of a PDF (see the module documentation)."""
    name = os.fspath(path)
    reader = _READERS.get(backend)
    if reader is None:
        raise ValueError(f"unknown PDF backend {backend!r}; known: {', '.join(PDF_BACKENDS)}")
    if not os.path.isfile(name):
        raise InputError(f"{name}: no such file")
    return ["\n".join(_normalise(page)) for page in reader(name, password)]


def pdf_text(
    path: str | os.PathLike[str],
    *,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> str:
    """The text layer of a PDF, normalised, one line break and form feed after each page."""
    return "".join(page + "\n\f" for page in pdf_pages(path, backend=backend, password=password))


def _vertical(pages: list[str]) -> bool:
    lines = [line for page in pages for line in page.split("\n") if line.strip(_INDENT)]
    if len(lines) < 10:
        return False
    short = sum(1 for line in lines if len(line.strip(_INDENT)) <= _VERTICAL_SHORT)
    return short >= _VERTICAL_SHARE * len(lines)


def pdf_document(
    path: str | os.PathLike[str],
    *,
    backend: PdfBackend = "pdfium",
    password: str | None = None,
) -> SourceDocument:
    """The text layer of a PDF as a :class:`SourceDocument` (see :func:`pdf_text`).

    ``reader`` is ``pdf:pdfium`` or ``pdf:pypdf``. Minutes set in vertical writing (縦書き)
    come out of the text layer one or two characters a line; the document then carries an
    ``vertical-pdf`` warning, since speaker headers cannot be read from such text.
    """
    pages = pdf_pages(path, backend=backend, password=password)
    diagnostics: tuple[Diagnostic, ...] = ()
    if _vertical(pages):
        diagnostics = (
            Diagnostic(
                "vertical-pdf",
                "the PDF looks set in vertical writing (縦書き): its text layer holds one or"
                " two characters a line, so turns cannot be read from it",
                Severity.WARNING,
                1,
            ),
        )
    text = "".join(page + "\n\f" for page in pages)
    return SourceDocument(
        text, name=os.fspath(path), reader=f"pdf:{backend}", diagnostics=diagnostics
    )
