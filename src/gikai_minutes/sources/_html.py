"""Minutes published as an HTML page: the page's text as a reader sees it, minus the chrome.

The standard library's :mod:`html.parser` builds a small tree, which is then written out
as text the way the minutes read on screen:

- HTML whitespace collapses to one space (U+3000 is text and stays); a line break in the
  markup between two Japanese characters disappears, as in a browser's CJK line breaking;
  no-break spaces (``&nbsp;``) opening a line become one U+3000, others a space;
  ``<pre>`` keeps its text as is;
- ``<br>`` and block elements end a line, table cells are separated by tabs;
- ruby keeps its base text (``<rt>``/``<rp>`` dropped); entities are decoded;
- what is not minutes text is dropped: ``script``/``style``/``template``, form controls
  (``button``, ``label``, ``input``, ``select``, ``textarea``), ``<nav>``, the site's
  header, footer and side menus outside the page's article or main part, hidden and
  screen-reader or print helpers, lists made only of links (a speaker index, a table of
  contents), only of numbers (speech numbers) or only of short marked speaker labels
  (``○議長（川村正義君）``), and lone in-page links such as 「ページの先頭へ」.

The page's declared charset is honoured for bytes (``<meta charset>`` or
``http-equiv``); without one the text decoding rules of :func:`gikai_minutes.parse_file`
apply. The page title and a date found in the ``<title>`` or the first heading become the
document's metadata.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from html.parser import HTMLParser

import attrs

from gikai_minutes._errors import DecodeError
from gikai_minutes._read.decode import decode_bytes
from gikai_minutes._text.dates import find_date
from gikai_minutes.sources._document import SourceDocument

__all__ = ["html_document", "html_text", "looks_like_html"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Elements whose content is never minutes text.
DROPPED = _words(
    "script style template noscript head button label input select option textarea nav"
    " iframe object svg math rt rp"
)
#: Elements that end a line before and after them.
BLOCKS = _words(
    "address article aside blockquote body caption center dd details dialog div dl dt"
    " fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li"
    " main menu ol p pre section summary table tbody thead tfoot tr ul"
)
_VOID = _words("area base br col embed hr img input link meta param source track wbr")
#: ``class``/``id`` words marking helpers a reader never sees as minutes text.
HIDDEN_CLASSES = _words(
    "hidden hide sr-only visually-hidden visuallyhidden screen-reader-text screenreader"
    " skip skip-link skiplink print-only printonly noprint no-print pagetop page-top"
    " breadcrumb breadcrumbs topicpath pankuzu"
)
#: ``class``/``id`` words of a site's header, footer and menus around the page's content.
SITE_CHROME = _words(
    "header site-header footer site-footer sidebar side-menu gnav global-nav globalnav"
    " localnav local-nav menu"
)
_CONTENT = _words("article main section")
#: Marks opening a speaker label; a list of nothing but short marked labels is an index.
SPEAKER_MARKS = frozenset("○◯〇◎●◆◇")
_INDEX_ITEM_MAX = 40
_MAX_DEPTH = 200
_LISTS = _words("ul ol dl menu table")
_SPACE = re.compile(r"[ \t\n\r\f]+")
_NUMBER = re.compile(r"[ \u3000]*[0-9０-９]{1,4}[ \u3000.．:：]*")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_\-]{1,30})""", re.I)
_HTML_START = re.compile(
    r"\A[\ufeff\s]*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<!--)",
    re.I,
)
_TAGS = re.compile(r"</?(?:p|br|div|pre|span|table|td|a|font|b|h[1-6])[\s/>]", re.I)
# Shift_JIS pages are decoded with CP932, its superset used by Windows-made pages.
_CODEC_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932"}


@attrs.define(slots=True, eq=False)
class _Node:
    tag: str
    attributes: dict[str, str]
    children: list[_Node | str] = attrs.field(factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unknown end tags are ignored, open elements closed on demand."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]
        self.title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
            return
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th", "option"):
            self._close_implied(tag)
        node = _Node(tag, {k: v or "" for k, v in attributes})
        self.stack[-1].children.append(node)
        # Deeper nesting than any page needs is flattened (the writer recurses).
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attributes})
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        else:
            self.stack[-1].children.append(data)

    def _close_implied(self, tag: str) -> None:
        """A new ``<p>``/``<li>``/cell closes the open one of its kind (HTML's implied ends)."""
        siblings = {
            "p": ("p",),
            "li": ("li",),
            "dt": ("dt", "dd"),
            "dd": ("dt", "dd"),
            "tr": ("tr", "td", "th"),
            "td": ("td", "th"),
            "th": ("td", "th"),
            "option": ("option",),
        }[tag]
        stops = {"ul", "ol", "dl", "table", "div", "body", "section", "article", "select"}
        for depth in range(len(self.stack) - 1, 0, -1):
            name = self.stack[depth].tag
            if name in siblings:
                del self.stack[depth:]
                return
            if name in stops:
                return


def _hidden(node: _Node) -> bool:
    a = node.attributes
    if "hidden" in a or a.get("aria-hidden", "").lower() == "true":
        return True
    if a.get("role", "").lower() == "navigation":
        return True
    style = a.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    words = a.get("class", "").lower().split() + a.get("id", "").lower().split()
    return any(w in HIDDEN_CLASSES for w in words)


def _plain(node: _Node | str) -> str:
    if isinstance(node, str):
        return node
    if node.tag in DROPPED:
        return ""
    return "".join(_plain(c) for c in node.children)


def _link_text(node: _Node | str) -> tuple[int, int]:
    """(characters inside links, all characters) of visible text, whitespace excluded."""
    if isinstance(node, str):
        n = len("".join(node.split()))
        return 0, n
    if node.tag in DROPPED or _hidden(node):
        return 0, 0
    if node.tag == "a" and "href" in node.attributes:
        n = len("".join(_plain(node).split()))
        return n, n
    linked = total = 0
    for child in node.children:
        a, b = _link_text(child)
        linked += a
        total += b
    return linked, total


def _links(node: _Node) -> int:
    return sum(
        (1 if c.tag == "a" and "href" in c.attributes else _links(c))
        for c in node.children
        if isinstance(c, _Node)
    )


def _items(node: _Node) -> list[_Node]:
    out = []
    for c in node.children:
        if isinstance(c, _Node):
            if c.tag in ("li", "dt", "dd", "td", "th"):
                out.append(c)
            elif c.tag in ("tbody", "thead", "tfoot", "tr"):
                out.extend(_items(c))
    return out


def _navigation(node: _Node) -> bool:
    """A list that only points elsewhere (links) or only counts (numbers)."""
    if node.tag in _LISTS:
        linked, total = _link_text(node)
        if total and _links(node) >= 2 and linked >= 0.8 * total:
            return True
        items = _items(node)
        texts = [" ".join(_plain(i).split()) for i in items]
        if len(items) < 2:
            return False
        # Speech numbers, or an index of speakers (short marked labels, no sentence).
        return all(_NUMBER.fullmatch(t) or not t for t in texts) or all(
            t[:1] in SPEAKER_MARKS and len(t) <= _INDEX_ITEM_MAX and "。" not in t for t in texts
        )
    if node.tag in ("p", "div", "li"):
        # A lone in-page link («ページの先頭へ», «目次へ戻る») between speeches.
        children = [c for c in node.children if not (isinstance(c, str) and not c.strip())]
        if len(children) == 1 and isinstance(children[0], _Node) and children[0].tag == "a":
            href = children[0].attributes.get("href", "")
            return href.startswith("#") and len(_plain(children[0]).strip()) <= 20
    return False


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


class _Writer:
    """Writes the tree out as lines; whitespace collapses except in ``<pre>``."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.line: list[str] = []  # pieces of the current line
        self.pending_space = False
        self.pending_break = False  # the collapsed space held a line break

    def text(self, data: str, pre: bool) -> None:
        if pre:
            self._flush_space()
            lines = data.split("\n")
            for i, part in enumerate(lines):
                if i:
                    self.newline(force=True)
                self.line.append(part.rstrip("\r"))
            return
        position = 0
        for m in _SPACE.finditer(data):
            self._chunk(data[position : m.start()])
            self.pending_space = True
            self.pending_break = self.pending_break or "\n" in m.group() or "\r" in m.group()
            position = m.end()
        self._chunk(data[position:])

    def _chunk(self, chunk: str) -> None:
        if chunk:
            self._flush_space(chunk[0])
            self.line.append(chunk)

    def _flush_space(self, following: str = "") -> None:
        if self.pending_space and self.line:
            previous = self.line[-1][-1:] if self.line[-1] else ""
            cjk_break = self.pending_break and previous and following and _wide(previous)
            if not (cjk_break and _wide(following)):
                self.line.append(" ")
        self.pending_space = False
        self.pending_break = False

    def tab(self) -> None:
        self.pending_space = False
        self.line.append("\t")

    def newline(self, force: bool = False) -> None:
        self.pending_space = False
        self.pending_break = False
        content = "".join(self.line).strip(" ")
        if "\xa0" in content:
            # No-break spaces do not collapse: a run opening the line is its indentation.
            body = content.lstrip("\xa0")
            lead = "\u3000" if len(body) < len(content) else ""
            content = lead + body.replace("\xa0", " ")
        self.line = []
        if content or force:
            self.out.append(content)

    def result(self) -> str:
        self.newline()
        return "".join(line + "\n" for line in self.out)


def _site_chrome(node: _Node) -> bool:
    """The site's own header, footer or side menu (outside any article or main part)."""
    if node.tag in ("header", "footer", "aside"):
        return True
    words = node.attributes.get("class", "").lower().split()
    words += node.attributes.get("id", "").lower().split()
    return any(w in SITE_CHROME for w in words)


def _write(node: _Node, writer: _Writer, pre: bool, content: bool = False) -> None:
    """Write ``node``'s children; ``content`` once inside an article, main part or section."""
    for child in node.children:
        if isinstance(child, str):
            writer.text(child, pre)
            continue
        tag = child.tag
        if tag in DROPPED or _hidden(child) or _navigation(child):
            continue
        if not content and _site_chrome(child):
            continue
        if tag == "br":
            writer.newline(force=pre)
            continue
        if tag in ("td", "th") and writer.line:
            writer.tab()
        block = tag in BLOCKS
        if block:
            writer.newline()
        _write(
            child,
            writer,
            pre or tag in ("pre", "listing", "plaintext", "xmp"),
            content or tag in _CONTENT,
        )
        if block:
            writer.newline()


def _body(root: _Node) -> _Node:
    """The page's ``<main>`` (or ``role=main``) when it has one, else the whole page."""
    stack: list[_Node] = [root]
    while stack:
        node = stack.pop()
        if node.tag == "main" or node.attributes.get("role", "").lower() == "main":
            return node
        stack.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
    return root


def _first_heading(root: _Node) -> str | None:
    stack: list[_Node] = [root]
    while stack:
        node = stack.pop()
        if node.tag in ("h1", "h2") and not _hidden(node):
            text = " ".join(_plain(node).split())
            if text:
                return text
        if node.tag in DROPPED or _hidden(node):
            continue
        stack.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
    return None


@attrs.frozen(slots=True)
class _Page:
    text: str
    title: str | None
    heading: str | None


def _convert(markup: str) -> _Page:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    writer = _Writer()
    _write(_body(builder.root), writer, False)
    title = " ".join("".join(builder.title).split()) or None
    return _Page(writer.result(), title, _first_heading(builder.root))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>``), if any."""
    m = _CHARSET.search(data[:4096])
    if m is None:
        return None
    name = m.group(1).decode("ascii").lower()
    name = _CODEC_ALIASES.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is None and not data.startswith((codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff")):
        declared = declared_charset(data)
        if declared is not None:
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass  # a wrong declaration: detect instead
    return decode_bytes(data, encoding)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (or a fragment with several tags) rather than minutes."""
    head = text[:2000]
    if _HTML_START.match(head):
        return True
    return len(_TAGS.findall(head)) >= 3


def html_text(html: str | bytes, *, encoding: str | None = None) -> str:
    """The minutes text of an HTML page (see the module documentation)."""
    if isinstance(html, bytes | bytearray):
        html, _ = _decode(bytes(html), encoding)
    return _convert(html).text


def html_document(
    html: str | bytes, *, name: str | None = None, encoding: str | None = None
) -> SourceDocument:
    """An HTML page as a :class:`SourceDocument` with ``reader="html"``.

    ``title`` is the page's first ``<h1>``/``<h2>`` heading (else its ``<title>``), and
    ``date`` the first date in the title or that heading; both only fill gaps the
    minutes text leaves.
    """
    used: str | None = None
    if isinstance(html, bytes | bytearray):
        try:
            html, used = _decode(bytes(html), encoding)
        except DecodeError as exc:
            raise DecodeError(f"{name}: {exc}" if name else str(exc)) from exc
    page = _convert(html)
    date = None
    for candidate in (page.heading, page.title):
        found = find_date(candidate) if candidate else None
        if found is not None and found.value is not None:
            date = found.value
            break
    return SourceDocument(
        page.text,
        name=name,
        encoding=used,
        reader="html",
        title=page.heading or page.title,
        date=date,
    )
