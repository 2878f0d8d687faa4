"""DOCX fixtures generated with python-docx, plus zip rewriting for what python-docx cannot make
(footnotes). Nothing binary is committed."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTE_TEXT = {1: "Department for Transport, Bus statistics 2023.", 2: "Survey of 1,200 members, May 2024."}

# a three-level list: 1. / a) / i.
_MULTILEVEL = f"""<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""


def _add_multilevel_list(document) -> tuple[str, str]:
    """Add the three-level list to the numbering part: (numId, numId of a second list restarting at 1)."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    abstract = parse_xml(_MULTILEVEL)
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the first num
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="91"><w:abstractNumId w:val="90"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return "90", "91"


def _numbered(document, text: str, num_id: str, ilvl: int):
    p = document.add_paragraph(text, style="List Paragraph")
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = int(num_id)
    return p


def letter_docx(path: Path) -> Path:
    """A letter: address, salutation, heading, numbered and bulleted lists with lead-ins, a nested
    multi-level list, a typed "4." paragraph, a table, two footnote references, closing and signature."""
    d = docx.Document()
    d.core_properties.title = "Rural buses: our recommendations"
    d.core_properties.author = "Jane Smith"
    d.core_properties.created = dt.datetime(2024, 3, 5, 9, 30)
    for line in ("Rural Transport Alliance", "12 High Street", "Shrewsbury SY1 1AA"):
        d.add_paragraph(line)
    d.add_paragraph("Dear Minister,")
    d.add_heading("Our recommendations", level=1)
    p = d.add_paragraph("More than a quarter of supported routes have gone since 2015")
    p.add_run("[[FN1]]")
    p.add_run(" and passengers tell us the timetable matters most.")
    p.add_run("[[FN2]]")
    d.add_paragraph("We recommend that the government:")
    for text in ("guarantees multi-year funding for supported routes;", "publishes the number of journeys lost;",
                 "lets community transport bid for contracts."):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("In addition, councils should:")
    d.add_paragraph("share depots with community operators;", style="List Bullet")
    d.add_paragraph("consult passengers on timetable changes, including:", style="List Bullet")
    d.add_paragraph("school leavers;", style="List Bullet 2")
    d.add_paragraph("older people.", style="List Bullet 2")
    d.add_paragraph("publish their bus plans.", style="List Bullet")
    d.add_heading("Funding", level=2)
    d.add_paragraph("Funding should be allocated as follows:")
    num_id, restart_id = _add_multilevel_list(d)
    _numbered(d, "Capital funding for:", num_id, 0)
    _numbered(d, "new vehicles;", num_id, 1)
    _numbered(d, "depots, in particular:", num_id, 1)
    _numbered(d, "charging points.", num_id, 2)
    _numbered(d, "Revenue funding for drivers.", num_id, 0)
    d.add_paragraph("A separate list restarts its numbering:")
    _numbered(d, "First item of a new list.", restart_id, 0)
    d.add_paragraph("Finally, a number typed by hand:")
    d.add_paragraph("4. A typed number, not Word numbering.")
    table = d.add_table(rows=2, cols=2)
    for r, (a, b) in enumerate((("Route", "Journeys lost"), ("X12 Ludlow", "4,200"))):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    d.add_paragraph("Yours sincerely,")
    d.add_paragraph("Jane Smith")
    d.add_paragraph("Director")
    d.save(str(path))
    add_footnotes(path, FOOTNOTE_TEXT)
    return path


def add_footnotes(path: Path, notes: dict[int, str]) -> None:
    """Rewrite the zip: add word/footnotes.xml and turn each '[[FNn]]' run into a footnote reference."""
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    body = members["word/document.xml"].decode("utf-8")
    ref = ('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
           '<w:footnoteReference w:id="\\1"/></w:r>')
    body = re.sub(r"<w:r>(?:(?!</w:r>).)*?\[\[FN(\d+)\]\](?:(?!</w:r>).)*?</w:r>", ref, body, flags=re.S)
    members["word/document.xml"] = body.encode("utf-8")

    def note(note_id: int, text: str, kind: str | None = None) -> str:
        type_attr = f' w:type="{kind}"' if kind else ""
        inner = '<w:r><w:separator/></w:r>' if kind else (
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r>')
        return f'<w:footnote{type_attr} w:id="{note_id}"><w:p>{inner}</w:p></w:footnote>'

    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
           + note(-1, "", "separator") + note(0, "", "continuationSeparator")
           + "".join(note(i, t) for i, t in notes.items()) + "</w:footnotes>")
    members["word/footnotes.xml"] = xml.encode("utf-8")
    rels = members["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    members["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = members["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>", '<Override PartName="/word/footnotes.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
    members["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def simple_docx(path: Path, paragraphs: list[str]) -> Path:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(path))
    return path


def with_extra_member(path: Path, name: str, size: int, *, chunk: int = 1 << 20) -> Path:
    """Append a member of ``size`` zero bytes, streamed through the compressor (small on disk, quick)."""
    zeros = bytes(chunk)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf, zf.open(name, "w", force_zip64=True) as out:
        left = size
        while left > 0:
            out.write(zeros[: min(chunk, left)])
            left -= chunk
    return path
