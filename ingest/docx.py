"""Reader for Word documents (.docx).

Walks the body XML in order (paragraphs, tables, content controls) and builds blocks with
exact spans: headings from heading/title styles, list items with the number Word shows
(computed from word/numbering.xml), table cells as paragraphs, and footnotes/endnotes
appended at the end as footnote blocks ("¹ Source text") with a superscript marker at the
point of reference. Running headers/footers, comments, text boxes and deleted text are left out.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from .layout import looks_like_line_group, classify_letter_parts, link_lead_ins, list_marker
from .options import ReadOptions
from .archive import check_zip
from .records import FOOTNOTE, HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, Block, Document, IngestError, content_hash

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_HEADING_STYLE = re.compile(r"^(?:heading \d|title|subtitle)$", re.I)
_LIST_STYLE_LEVEL = re.compile(r"^list (?:number|bullet|paragraph)(?: (\d))?$", re.I)
# inline elements whose text is not part of the visible body text
_SKIP = {_W + t for t in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "drawing", "pict", "object",
                          "footnoteRef", "endnoteRef", "commentReference", "sym")} | {_MC + "AlternateContent"}


def read_docx(data: bytes, source: str, options: ReadOptions) -> list[Document]:
    _check_archive(data, source, options)
    import docx  # python-docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        word = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(source, f"not a valid DOCX file ({type(exc).__name__}: {str(exc)[:120]})") from None
    styles = _read_styles(word.styles.element)
    notes = _Notes({"footnote": _part_element(word, RT.FOOTNOTES), "endnote": _part_element(word, RT.ENDNOTES)})
    ctx = _Context(styles=styles, numbering=_Numbering(_numbering_element(word), styles), notes=notes)
    _walk(word.element.body, ctx)
    _append_notes(ctx)
    out = ctx.out
    if not any(b.kind != PAGE_BREAK for b in out.blocks):
        raise IngestError(source, "empty document (no text)")
    text = "".join(out.parts)
    levels = {id(b): b.level for b in out.numbered}
    classify_letter_parts(text, out.blocks)
    link_lead_ins(text, out.blocks)
    for b in out.blocks:
        if id(b) in levels:
            b.level = levels[id(b)]  # Word's own nesting (ilvl) beats the layout guess
        if id(b) in out.cells and b.kind == HEADING:
            b.kind = PARAGRAPH  # a short table cell is not a heading
    doc = Document(id=content_hash(data), source=source, format="docx", text=text, blocks=out.blocks)
    _core_properties(word, doc)
    return [doc]


# --- the archive -------------------------------------------------------------------------

def _check_archive(data: bytes, source: str, options: ReadOptions) -> None:
    """Refuse non-zips, zips without a Word body, and zip bombs (declared or real sizes), before python-docx."""
    check_zip(data, source, "DOCX", "word/document.xml", options.max_unzipped_bytes)


def _numbering_element(word):  # -> the w:numbering element, or None
    try:
        return word.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _part_element(word, reltype: str):  # -> the root element of a related part (footnotes, endnotes), or None
    from docx.oxml.parser import parse_xml

    for rel in word.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            return element if element is not None else parse_xml(part.blob)
    return None


def _core_properties(word, doc: Document) -> None:
    try:
        props = word.core_properties
        title, author, created = props.title, props.author, props.created
    except Exception:  # a malformed docProps/core.xml is not worth failing the file for
        return
    if title and title.strip():
        doc.title = " ".join(title.split())
    if author and author.strip():
        doc.metadata["docx_author"] = " ".join(author.split())
    if created is not None:
        doc.metadata["docx_created"] = created.isoformat()


# --- styles and numbering ------------------------------------------------------------------

@dataclass
class _Style:
    name: str
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


def _val(el, path: str) -> str | None:
    found = el.find(path) if el is not None else None
    return found.get(_W + "val") if found is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _read_styles(styles_el) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for s in styles_el.iter(_W + "style"):
        sid = s.get(_W + "styleId")
        if not sid:
            continue
        ppr = s.find(_W + "pPr")
        style = _Style(name=_val(s, _W + "name") or sid, based_on=_val(s, _W + "basedOn"),
                       num_id=_val(ppr, f"{_W}numPr/{_W}numId"), ilvl=_int(_val(ppr, f"{_W}numPr/{_W}ilvl")),
                       outline=_int(_val(ppr, _W + "outlineLvl")))
        styles[sid] = style
        if s.get(_W + "default") in ("1", "true") and s.get(_W + "type") == "paragraph":
            styles[""] = style  # the default paragraph style
    return styles


def _style_chain(styles: dict[str, _Style], style_id: str) -> list[_Style]:
    chain: list[_Style] = []
    while style_id in styles and len(chain) < 20 and all(s is not styles[style_id] for s in chain):
        chain.append(styles[style_id])
        style_id = styles[style_id].based_on or ""
        if not style_id:
            break
    return chain


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: …, z, aa, bb
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and n > 0:
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Counts list items the way Word numbers them: per abstract list, level by level.

    Lists (w:num) that share an abstract definition continue one another's numbering unless
    one restarts a level with w:startOverride.
    """

    def __init__(self, numbering_el, styles: dict[str, _Style]):
        self.levels: dict[str, dict[int, _Level]] = {}  # abstractNumId → ilvl → level
        self.style_level: dict[str, dict[str, int]] = {}  # abstractNumId → linked paragraph style → ilvl
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.counts: dict[str, list[int | None]] = {}
        self.started: set[tuple[str, int]] = set()
        if numbering_el is None:
            return
        links: dict[str, str] = {}  # abstractNumId → numbering style it takes its levels from
        for a in numbering_el.iter(_W + "abstractNum"):
            aid = a.get(_W + "abstractNumId") or ""
            self.levels[aid] = {}
            self.style_level[aid] = {}
            for lvl in a.findall(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl")) or 0
                start = _int(_val(lvl, _W + "start"))
                self.levels[aid][ilvl] = _Level(fmt=_val(lvl, _W + "numFmt") or "decimal",
                                                text=_val(lvl, _W + "lvlText") or "", start=1 if start is None else start)
                pstyle = _val(lvl, _W + "pStyle")
                if pstyle:
                    self.style_level[aid][pstyle] = ilvl
            link = _val(a, _W + "numStyleLink")
            if link:
                links[aid] = link
        for n in numbering_el.iter(_W + "num"):
            overrides = {(_int(o.get(_W + "ilvl")) or 0): start for o in n.findall(_W + "lvlOverride")
                         if (start := _int(_val(o, _W + "startOverride"))) is not None}
            self.nums[n.get(_W + "numId") or ""] = (_val(n, _W + "abstractNumId") or "", overrides)
        for aid, style_id in links.items():  # an abstract list defined through a numbering style
            style = styles.get(style_id)
            target = self.nums.get(style.num_id or "") if style else None
            if target and not self.levels.get(aid):
                self.levels[aid] = self.levels.get(target[0], {})

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        aid = self.nums.get(num_id, ("", {}))[0]
        return self.style_level.get(aid, {}).get(style_id)

    def next(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(marker as shown, number) for the next item of list ``num_id`` at ``ilvl``; None if not numbered."""
        if num_id not in self.nums:
            return None
        ilvl = max(0, min(ilvl, 8))  # Word has nine levels
        aid, overrides = self.nums[num_id]
        levels = self.levels.get(aid, {})
        level = levels.get(ilvl, _Level(text=f"%{ilvl + 1}."))
        counts = self.counts.setdefault(aid, [None] * 9)
        if (num_id, ilvl) not in self.started and ilvl in overrides:
            counts[ilvl] = overrides[ilvl]
        elif counts[ilvl] is None:
            counts[ilvl] = level.start
        else:
            counts[ilvl] += 1
        self.started.add((num_id, ilvl))
        counts[ilvl + 1:] = [None] * (8 - ilvl)
        if level.fmt == "none":
            return None
        if level.fmt == "bullet":
            return "•", "•"

        def placeholder(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            return _format_number(counts[k] if counts[k] is not None else lv.start, lv.fmt)

        marker = re.sub(r"%([1-9])", placeholder, level.text).strip()
        number = marker.strip(" .:)(][")
        return (marker, number) if number else None


# --- footnotes and endnotes ----------------------------------------------------------------

class _Notes:
    """Footnotes and endnotes by id; separators (type separator/continuationSeparator, ids -1 and 0) left out."""

    def __init__(self, roots: dict[str, object]):  # "footnote"/"endnote" → root element or None
        self.notes: dict[tuple[str, str], object] = {}  # (kind, id) → w:footnote / w:endnote, in document order
        for kind, root in roots.items():
            for note in root.iter(_W + kind) if root is not None else ():
                note_id = note.get(_W + "id") or ""
                if note.get(_W + "type") in (None, "normal") and note_id not in ("-1", "0"):
                    self.notes[(kind, note_id)] = note
        self.numbers: dict[tuple[str, str], int] = {}  # (kind, id) → number shown

    def body(self, kind: str, note_id: str):  # -> the w:footnote/w:endnote element, or None
        return self.notes.get((kind, note_id))

    def reference(self, kind: str, note_id: str | None) -> str:
        """The superscript marker for a reference in the body (numbering notes in order of first reference)."""
        key = (kind, note_id or "")
        if key not in self.numbers:
            if self.body(kind, key[1]) is None:
                return ""
            self.numbers[key] = len(self.numbers) + 1
        return str(self.numbers[key]).translate(_SUPERSCRIPT)


# --- building the text ---------------------------------------------------------------------

@dataclass
class _Out:
    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    pos: int = 0
    row: int | None = None  # the table row being read: its cells are separated by single newlines
    last_row: int | None = None
    rows_seen: int = 0
    cells: set[int] = field(default_factory=set)  # id() of paragraph blocks read from table cells
    numbered: list[Block] = field(default_factory=list)  # list items numbered by Word (their level is known)

    def add(self, text: str, kind: str, *, skip: int = 0, tight: bool = False, **fields) -> Block:
        """Append ``text`` as one block (its first ``skip`` characters, a list marker, left out of the span)."""
        if self.parts:
            prev = self.blocks[-1].kind if self.blocks else None
            tight = tight or (self.row is not None and self.row == self.last_row) or (kind == prev == LIST_ITEM)
            sep = "\n" if tight else "\n\n"
            self.parts.append(sep)
            self.pos += len(sep)
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        self.last_row = self.row
        block = Block(kind, start + skip, self.pos, **fields)
        self.blocks.append(block)
        if self.row is not None and kind == PARAGRAPH:
            self.cells.add(id(block))
        return block


@dataclass
class _Context:
    styles: dict[str, _Style]
    numbering: _Numbering
    notes: _Notes
    out: _Out = field(default_factory=_Out)


def _walk(container, ctx: _Context) -> None:
    """Block-level content in document order: paragraphs, tables, and what content controls hold."""
    for child in container:
        if child.tag == _W + "p":
            _paragraph(child, ctx)
        elif child.tag == _W + "tbl":
            _table(child, ctx)
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                _walk(content, ctx)
        elif child.tag == _W + "customXml":
            _walk(child, ctx)


def _table(tbl, ctx: _Context) -> None:
    outer = ctx.out.row
    for tr in tbl.iter(_W + "tr"):
        if tr.getparent() is not tbl:
            continue  # rows of nested tables are read with their cell
        ctx.out.rows_seen += 1
        ctx.out.row = ctx.out.rows_seen
        for tc in tr.findall(_W + "tc"):
            _walk(tc, ctx)
        ctx.out.row = outer


def _inline_text(el, notes: _Notes) -> str:
    """Visible text of a paragraph (or part of one): '\\n' for line breaks, '\\f' for page breaks."""
    out: list[str] = []
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag == _W + "br":
            out.append("\f" if child.get(_W + "type") == "page" else "\n")
        elif tag == _W + "cr":
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag in (_W + "footnoteReference", _W + "endnoteReference"):
            out.append(notes.reference(tag[len(_W):-len("Reference")], child.get(_W + "id")))
        else:
            out.append(_inline_text(child, notes))
    return "".join(out)


def _lines(raw: str) -> list[str]:
    raw = raw.replace("\f", "").replace("\u00a0", " ").replace("\u00ad", "")
    return [line for line in (" ".join(l.split()) for l in raw.split("\n")) if line]


def _paragraph(p, ctx: _Context) -> None:
    out = ctx.out
    ppr = p.find(_W + "pPr")
    style_id = _val(ppr, _W + "pStyle") or ""
    chain = _style_chain(ctx.styles, style_id)
    raw = _inline_text(p, ctx.notes)
    lines = _lines(raw)
    flag = ppr.find(_W + "pageBreakBefore") if ppr is not None else None
    page_before = (flag is not None and flag.get(_W + "val") not in ("0", "false")) or (
        "\f" in raw and not raw.split("\f")[0].strip())
    if page_before:
        out.add("\f", PAGE_BREAK)

    numbered = _numbering_of(ppr, style_id, chain, ctx)
    outline = _int(_val(ppr, _W + "outlineLvl"))
    if outline is None:
        outline = next((s.outline for s in chain if s.outline is not None), None)
    is_heading = any(_HEADING_STYLE.match(s.name) for s in chain[:1]) or (outline is not None and outline < 9)

    if lines and is_heading:
        out.add(" ".join(lines), HEADING)
    elif lines and numbered:
        marker, number, num_id, ilvl, level = numbered
        out.numbered.append(out.add(f"{marker} " + "\n".join(lines), LIST_ITEM, skip=len(marker) + 1, number=number,
                                    level=level, section=f"docx:{num_id}:{ilvl}"))
    elif lines and (typed := list_marker(lines[0])) and lines[0][typed[1]:].strip():
        number, offset, style = typed
        out.add("\n".join(lines), LIST_ITEM, skip=offset, number=number, section=style)
    elif len(lines) > 1 and looks_like_line_group(lines):
        for i, line in enumerate(lines):  # an address or signature typed with line breaks
            out.add(line, PARAGRAPH, tight=i > 0)
    elif lines:
        out.add("\n".join(lines), PARAGRAPH)

    if "\f" in raw and not page_before:
        out.add("\f", PAGE_BREAK)


def _numbering_of(ppr, style_id: str, chain: list[_Style], ctx: _Context) -> tuple[str, str, str, int, int] | None:
    """(marker, number, numId, ilvl, level) when the paragraph is a numbered or bulleted list item."""
    num_id = _val(ppr, f"{_W}numPr/{_W}numId")
    ilvl = _int(_val(ppr, f"{_W}numPr/{_W}ilvl"))
    if num_id is None:
        num_id = next((s.num_id for s in chain if s.num_id is not None), None)
    if num_id is None or num_id == "0":
        return None
    if ilvl is None:
        ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
    if ilvl is None:
        ilvl = ctx.numbering.level_for_style(num_id, style_id) or 0
    shown = ctx.numbering.next(num_id, ilvl)
    if shown is None:
        return None
    level = ilvl
    if level == 0 and chain:  # "List Bullet 2" style lists are single-level lists one step in
        m = _LIST_STYLE_LEVEL.match(chain[0].name)
        level = int(m.group(1)) - 1 if m and m.group(1) else 0
    return shown[0], shown[1], num_id, ilvl, level


def _append_notes(ctx: _Context) -> None:
    """Footnotes then endnotes, in order of first reference, then any never referenced."""
    notes = ctx.notes
    for kind, note_id in list(notes.notes):
        notes.reference(kind, note_id)  # numbers the notes nobody referenced, after the rest
    for (kind, note_id), number in sorted(notes.numbers.items(), key=lambda kv: kv[1]):
        note = notes.body(kind, note_id)
        lines = [line for p in note.iter(_W + "p") for line in _lines(_inline_text(p, notes))] if note is not None else []
        if lines:
            marker = str(number).translate(_SUPERSCRIPT)
            tight = bool(ctx.out.blocks) and ctx.out.blocks[-1].kind == FOOTNOTE
            ctx.out.add(f"{marker} " + "\n".join(lines), FOOTNOTE, tight=tight)

