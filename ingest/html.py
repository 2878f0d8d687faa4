"""Reader for web pages (.html, .htm): the visible text, with blocks from the real structure.

Scripts, styles, hidden elements, forms and site chrome (navigation, menus, breadcrumbs,
cookie banners, page headers and footers) are dropped; ``<main>``/``<article>`` is preferred
when the page has one. Each block is its own chunk of ``Document.text``, chunks separated by
a blank line. List items keep a visible marker ("3.", "b.", "•") in the text, before the
block's span; the number is also in ``Block.number``.

:func:`html_to_blocks` is shared with the e-mail reader (HTML bodies).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from .layout import looks_like_line_group, classify_letter_parts, link_lead_ins, list_marker
from .markup import SUPERSCRIPT
from .options import ReadOptions
from .records import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, Block, Document, IngestError, content_hash
from .text import decode_text

_DROP_TAGS = ["script", "style", "noscript", "template", "svg", "head", "nav", "iframe", "object", "embed",
              "canvas", "video", "audio", "dialog", "button", "input", "select", "textarea", "link", "meta"]
_BLOCK_TAGS = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dir",
               "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
               "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre",
               "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
_LISTS = ("ul", "ol", "menu", "dir")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CHROME_WORDS = ("menu", "breadcrumb", "cookie", "footer", "skip")
_HIDDEN_CLASSES = {"hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}
_SPACES = re.compile(r"\s+")  # source whitespace, newlines included: only <br> breaks a line
# "hidden md:block" (Tailwind), "d-none d-lg-block" (Bootstrap): hidden on small screens only
_SHOWN_AT_WIDTH = re.compile(r"^(?:\w+:|d-\w+-)(?:block|flex|inline|inline-block|grid|table)$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BACKLINK_TEXT = {"↩", "↩︎", "↑", "^", "⤴"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, source: str) -> str:
    """Decode by BOM, then by the declared ``<meta charset>``, then like a text file."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, source)  # strict: broken bytes are refused, never replaced
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = (m.group(1) or m.group(2)).decode("ascii").lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            name = "cp1252"  # what browsers do (WHATWG encoding standard)
        try:
            if not codecs.lookup(name).name.startswith("utf-16"):  # a UTF-16 declaration without BOM is a lie
                return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, source)


MAX_DEPTH = 300  # elements nested deeper than this: refused (50,000 nested divs took 403 s, then RecursionError)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)(?:\s[^>]*)?>")
# left open by sloppy pages (closed by the parser) or never closed: not counted
_UNCOUNTED = {"p", "li", "dt", "dd", "tr", "td", "th", "option", "colgroup", "thead", "tbody", "tfoot", "rt", "rp",
              "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
              "wbr", "html", "head", "body"}


def nesting_depth(markup: str, stop: int = MAX_DEPTH) -> int:
    """How deep elements nest (counting the tags pages close), up to ``stop``."""
    depth = deepest = 0
    for m in _TAG.finditer(markup):
        name = m.group(2).lower()
        if name in _UNCOUNTED or m.group(0).endswith("/>"):
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > stop:
                break
    return deepest


def read_html(data: bytes, source: str, options: ReadOptions) -> list[Document]:
    markup = decode_html(data, source)
    if nesting_depth(markup) > MAX_DEPTH:
        raise IngestError(source, f"HTML nested more than {MAX_DEPTH} elements deep: not read (a generated or "
                                  "hostile page)")
    text, blocks, title = html_to_blocks(markup)
    if not text.strip():
        raise IngestError(source, "empty document (no text)")
    return [Document(id=content_hash(data), source=source, format="html", text=text, blocks=blocks, title=title)]


def parse_html(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "lxml")


def html_to_blocks(markup: str | BeautifulSoup) -> tuple[str, list[Block], str | None]:
    """(text, blocks, title) of the visible content of an HTML page; the soup given is modified."""
    soup = parse_html(markup) if isinstance(markup, str) else markup
    title = _clean(soup.title.get_text(" ")) if soup.title else ""
    _strip_invisible(soup)
    if not title:
        heading = soup.find(_HEADINGS)
        title = _clean(heading.get_text(" ")) if heading else ""
    builder = _Builder()
    for root in _content_roots(soup):
        builder.block(root, 0)
        builder.flush()
    text, blocks = builder.assemble()
    return text, blocks, title or None


# --- clean-up ---------------------------------------------------------------------------------------

def _words(tag: Tag) -> list[str]:
    """Lower-cased words of a tag's class and id ("mainNav site-menu" → main, nav, site, menu)."""
    classes, tag_id = tag.get("class") or [], tag.get("id")
    if not classes and not tag_id:
        return []
    raw = " ".join([*(classes if isinstance(classes, list) else [classes]), str(tag_id or "")])
    raw = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)
    return [w for w in re.split(r"[^a-zA-Z0-9]+", raw.lower()) if w]


def _is_footnotes(tag: Tag) -> bool:
    """A footnote section or note (not a reference to one: those are inline)."""
    if tag.name not in _BLOCK_TAGS or tag.name in ("html", "body", "main", "article"):
        return False
    if str(tag.get("role") or "") in ("doc-endnotes", "doc-footnote", "doc-footnotes", "doc-endnote"):
        return True
    return any("footnote" in w or "endnote" in w for w in _words(tag))


def _is_hidden(tag: Tag) -> bool:
    if tag.name in ("html", "body", "main"):
        return False
    classes = [c.lower() for c in (tag.get("class") or [])]
    hidden_class = any(c in _HIDDEN_CLASSES for c in classes) and not any(map(_SHOWN_AT_WIDTH.match, classes))
    return (hidden_class or tag.has_attr("hidden") or str(tag.get("aria-hidden") or "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(str(tag.get("style") or "")))
            or str(tag.get("type") or "").lower() == "hidden")


def _in_content(tag: Tag) -> bool:
    return tag.find_parent(["main", "article"]) is not None or tag.find_parent(attrs={"role": "main"}) is not None


def _holds_content(tag: Tag) -> bool:
    return tag.find(["main", "article", "h1"]) is not None or tag.find(attrs={"role": "main"}) is not None


def _link_dense(tag: Tag) -> bool:
    total = len(tag.get_text(" ", strip=True))
    links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return total == 0 or links / total >= 0.5


def _is_chrome(tag: Tag) -> bool:
    """Site navigation and page furniture, not the page's content."""
    if tag.name in ("html", "body", "main", "article") or _is_footnotes(tag):
        return False
    role = str(tag.get("role") or "").lower()
    if tag.name == "header":
        return not _in_content(tag) and (role == "banner" or tag.find("nav") is not None or _link_dense(tag))
    if tag.name == "footer":
        return not _in_content(tag) or _link_dense(tag)
    if tag.name == "aside" and _link_dense(tag):
        return True
    if tag.name == "form":  # some sites wrap the whole page in a <form>: keep that one
        return not _holds_content(tag)
    words = _words(tag)
    nav = any((w.startswith("nav") and not w.startswith("navy")) or w.endswith("nav") for w in words)
    chrome = nav or role in _CHROME_ROLES or any(k in w for w in words for k in _CHROME_WORDS)
    return chrome and not _holds_content(tag)


def _is_backlink(tag: Tag) -> bool:
    words = _words(tag)
    return (str(tag.get("role") or "") == "doc-backlink" or any("backref" in w or "backlink" in w for w in words)
            or tag.get_text(strip=True) in _BACKLINK_TEXT)


def _strip_invisible(soup: BeautifulSoup) -> None:
    """Drop what a reader does not see: scripts and the like, hidden elements, then site chrome."""
    drop = set(_DROP_TAGS)
    for t in soup.find_all(True):
        if not t.decomposed and (t.name in drop or _is_hidden(t) or (t.name == "a" and _is_backlink(t))):
            t.decompose()
    for t in [t for t in soup.find_all(True) if _is_chrome(t)]:  # judged on the page as cleaned so far
        if not t.decomposed:
            t.decompose()


def _content_roots(soup: BeautifulSoup) -> list[Tag]:
    """<main>, else the top-level <article>s, else <body>; plus footnote sections outside them."""
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    roots = [main] if main else [a for a in soup.find_all("article") if a.find_parent("article") is None]
    roots = [r for r in roots if r.get_text(strip=True)]
    if not roots:
        return [soup.body or soup]
    notes = [t for t in soup.find_all(_is_footnotes)
             if not any(_inside(t, r) or _inside(r, t) for r in roots) and not any(map(_is_footnotes, t.parents))]
    return roots + notes


def _inside(tag: Tag, ancestor: Tag) -> bool:
    return tag is ancestor or any(p is ancestor for p in tag.parents)


# --- text and blocks ----------------------------------------------------------------------------------

def _clean(s: str) -> str:
    return " ".join(s.split())


def _superscript(tag: Tag) -> str | None:
    digits = tag.get_text(strip=True)
    return digits.translate(SUPERSCRIPT) if tag.name == "sup" and digits.isdigit() else None


def _is_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(
        node, (Comment, Declaration, Doctype, ProcessingInstruction))


def _inline_text(el: Tag, nested_lists: list[Tag] | None = None) -> str:
    """The text under ``el``: br and block edges become newlines; nested lists are set aside."""
    parts: list[str] = []

    def walk(node: Tag) -> None:
        for c in node.children:
            if _is_text(c):
                parts.append(_SPACES.sub(" ", c))
            elif isinstance(c, Tag):
                if c.name == "br":
                    parts.append("\n")
                elif nested_lists is not None and c.name in _LISTS:
                    nested_lists.append(c)
                elif (sup := _superscript(c)) is not None:
                    parts.append(sup)
                elif c.name in _BLOCK_TAGS:
                    parts.append("\n")
                    walk(c)
                    parts.append("\n")
                else:
                    walk(c)

    walk(el)
    return "".join(parts)


def _list_number(n: int, style: str) -> str:
    if style in ("a", "A") and n > 0:
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return letters if style == "a" else letters.upper()
    if style in ("i", "I") and 0 < n < 4000:
        out = ""
        for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                               (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while n >= value:
                out, n = out + numeral, n - value
        return out if style == "i" else out.upper()
    return str(n)


def _int_attr(tag: Tag, name: str) -> int | None:
    try:
        return int(str(tag.get(name)).strip())
    except ValueError:
        return None


@dataclass
class _Piece:
    kind: str
    text: str  # the chunk of Document.text
    offset: int = 0  # where the block's span starts in the chunk (after a list marker)
    number: str | None = None
    level: int = 0
    key: str | None = None  # one key per list: which items share a lead-in


class _Builder:
    """Walks the tree, collecting inline text into a buffer that is flushed as a paragraph at block edges."""

    def __init__(self) -> None:
        self.pieces: list[_Piece] = []
        self.buffer: list[str] = []
        self.footnotes = 0  # > 0 inside a footnote section
        self.runs = 0  # counter for runs of typed list markers ("1. …" paragraphs)

    def walk(self, el: Tag, level: int) -> None:
        for c in el.children:
            if _is_text(c):
                self.buffer.append(_SPACES.sub(" ", c))
            elif not isinstance(c, Tag):
                continue
            elif c.name == "br":
                self.buffer.append("\n")
            elif (sup := _superscript(c)) is not None:
                self.buffer.append(sup)
            elif c.name in _BLOCK_TAGS:
                self.flush()
                self.block(c, level)
                self.flush()
            else:
                self.walk(c, level)

    def flush(self) -> None:
        if self.buffer:
            self.emit(FOOTNOTE if self.footnotes else PARAGRAPH, "".join(self.buffer))
            self.buffer.clear()

    def block(self, el: Tag, level: int) -> None:
        if _is_footnotes(el) and not self.footnotes:
            self.footnotes += 1
            self.block(el, level)
            self.flush()
            self.footnotes -= 1
        elif el.name in _HEADINGS:
            self.emit(HEADING, _inline_text(el))
        elif el.name in _LISTS:
            self.list(el, level)
        elif el.name == "li":  # an item outside any list
            self.item(el, "•", level, f"html:{id(el.parent)}")
        elif el.name == "table":
            self.table(el, level)
        elif el.name == "pre":
            self.emit(FOOTNOTE if self.footnotes else PARAGRAPH, el.get_text())
        elif el.name != "hr":
            self.walk(el, level)

    def list(self, el: Tag, level: int) -> None:
        key = f"html:{id(el)}"
        ordered = el.name == "ol"
        style = str(el.get("type") or "1")
        step = -1 if el.has_attr("reversed") else 1
        counter = _int_attr(el, "start")
        if counter is None:
            counter = len(el.find_all("li", recursive=False)) if step < 0 else 1
        for c in el.children:
            if isinstance(c, Tag) and c.name == "li":
                value = _int_attr(c, "value")
                counter = value if value is not None else counter
                self.item(c, _list_number(counter, style) if ordered else "•", level, key)
                counter += step
            elif isinstance(c, Tag) and c.name in _LISTS:  # <ul><ul>…: invalid but common
                self.list(c, level + 1)
            elif isinstance(c, Tag):
                self.flush()
                self.block(c, level)
            elif _is_text(c) and c.strip():
                self.buffer.append(_SPACES.sub(" ", c))
        self.flush()

    def item(self, li: Tag, number: str, level: int, key: str) -> None:
        nested: list[Tag] = []
        self.emit(FOOTNOTE if self.footnotes else LIST_ITEM, _inline_text(li, nested), number, level, key)
        for sub in nested:
            self.list(sub, level + 1)

    def table(self, el: Tag, level: int) -> None:
        """A row of plain cells is one paragraph ("a | b | c"); cells holding blocks are walked."""
        for row in el.find_all("tr"):
            if row.find_parent("table") is not el:
                continue
            cells = row.find_all(["td", "th"], recursive=False)
            if any(c.find(sorted(_BLOCK_TAGS)) for c in cells):
                for c in cells:
                    self.walk(c, level)
                    self.flush()
            else:
                texts = [_clean(_inline_text(c)) for c in cells]
                self.emit(FOOTNOTE if self.footnotes else PARAGRAPH, " | ".join(t for t in texts if t))

    def emit(self, kind: str, raw: str, number: str | None = None, level: int = 0, key: str | None = None) -> None:
        lines = [_clean(line) for line in raw.split("\n")]
        if kind == HEADING:
            self.add(_Piece(HEADING, " ".join(line for line in lines if line)))
            return
        if kind == LIST_ITEM or (kind == FOOTNOTE and number):
            marker = f"{number}." if number and number != "•" else (number or "")
            prefix = "  " * level + marker + " "
            body = "\n".join(line for line in lines if line)
            if body:
                self.add(_Piece(kind, prefix + body, len(prefix), number, level, key))
            return
        # paragraphs: a blank line (<br><br>) splits; an address-like run of short lines is one block per line
        chunks: list[list[str]] = [[]]
        for line in lines:
            if line:
                chunks[-1].append(line)
            elif chunks[-1]:
                chunks.append([])
        for chunk in chunks:
            if kind == PARAGRAPH and looks_like_line_group(chunk) and not any(list_marker(x) for x in chunk):
                for line in chunk:
                    self.paragraph(line)
            elif chunk and kind == PARAGRAPH:
                self.paragraph("\n".join(chunk))
            elif chunk:
                self.add(_Piece(kind, "\n".join(chunk)))

    def paragraph(self, text: str) -> None:
        """A paragraph typed with its own list marker ("1. …", "(a) …") is a list item."""
        marker = list_marker(text)
        if marker is None or marker[0] == ">":
            self.add(_Piece(PARAGRAPH, text))
            return
        number, offset, style = marker
        prev = self.pieces[-1] if self.pieces else None
        if prev is None or prev.key != f"text:{style}:{self.runs}":
            self.runs += 1
        self.add(_Piece(LIST_ITEM, text, offset, number, 0, f"text:{style}:{self.runs}"))

    def add(self, piece: _Piece) -> None:
        if piece.text[piece.offset:].strip():
            self.pieces.append(piece)

    def assemble(self) -> tuple[str, list[Block]]:
        chunks: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for p in self.pieces:
            if chunks:
                chunks.append("\n\n")
                pos += 2
            chunks.append(p.text)
            blocks.append(Block(p.kind, pos + p.offset, pos + len(p.text), number=p.number, level=p.level,
                                section=p.key if p.kind == LIST_ITEM else None))
            pos += len(p.text)
        text = "".join(chunks)
        classify_letter_parts(text, blocks)
        link_lead_ins(text, blocks)
        # the markup knows better than the text heuristics: one lead-in per list, nesting depth as level
        first: dict[str, Block] = {}
        for b, p in zip(blocks, self.pieces):
            if p.key is not None and b.kind == LIST_ITEM:
                b.lead_in = first.setdefault(p.key, b).lead_in
                lead = blocks[b.lead_in] if b.lead_in is not None else None
                b.level = max(p.level, lead.level + 1) if lead is not None and lead.kind == LIST_ITEM else p.level
        return text, blocks
