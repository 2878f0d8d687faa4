"""The .html reader: visible text only, structure from the markup, exact spans."""
import pytest

from ingest import IngestError, read
from ingest.records import ADDRESS, CLOSING, FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, SALUTATION, SIGNATURE

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Letter to the   Minister</title>
<style>body { color: red } .SECRET_STYLE {}</style>
<script>var SECRET_SCRIPT = "<p>not text</p>";</script></head>
<body class="has-nav">
<header class="site-header"><a href="/">Home</a> <nav><ul><li><a href="/a">About us</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Home</a> &gt; Letters</div>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<a class="skip-link" href="#main">Skip to content</a>
<main id="main">
<h1>Funding for   rural
   buses</h1>
<p>Rivertown Council<br>1 High Street<br>Rivertown</p>
<p>Dear Minister,</p>
<p>We write about <b>rural</b> bus services.<sup><a href="#fn1" class="footnote-ref">1</a></sup>
   They matter&nbsp;to   everyone.</p>
<div style="display: none">SECRET_HIDDEN_ONE</div>
<div hidden>SECRET_HIDDEN_TWO</div><span aria-hidden="true">SECRET_HIDDEN_THREE</span>
<script type="text/javascript">document.write("SECRET_INLINE_SCRIPT")</script>
<noscript>SECRET_NOSCRIPT</noscript><template><p>SECRET_TEMPLATE</p></template>
<h2>Our requests</h2>
<p>We ask the government to:</p>
<ol start="3">
  <li>restore the rural bus grant;</li>
  <li>fund new routes:
    <ul><li>to the hospital;</li><li>to the college.</li></ul>
  </li>
  <li>publish <em>punctuality</em> data.</li>
</ol>
<ol type="a"><li>first lettered</li><li>second lettered</li></ol>
<ol type="i" start="4"><li>roman four</li></ol>
<form action="/subscribe"><label>SECRET_FORM_LABEL</label><input name="email"></form>
<p>Yours sincerely,<br>Jane Smith<br>Chair</p>
<section class="footnotes" role="doc-endnotes"><ol>
  <li id="fn1">Rural bus survey, 2023. <a href="#fnref1" class="footnote-back">↩</a></li>
</ol></section>
</main>
<footer><p>Copyright SECRET_FOOTER 2024 <a href="/privacy">Privacy</a></p></footer>
<script>alert("SECRET_SCRIPT_TWO")</script>
</body></html>
"""


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def spans_exact(doc):
    assert doc.blocks
    for b in doc.blocks:
        t = doc.text[b.start:b.end]
        assert t and t == t.strip(), (b, t)


def texts(doc, kind):
    return [doc.block_text(b) for b in doc.blocks if b.kind == kind]


def test_visible_text_only(tmp_path):
    doc = read(write(tmp_path, "letter.html", PAGE.encode()))[0]
    assert doc.format == "html" and doc.source == "letter.html"
    assert doc.title == "Letter to the Minister"
    assert "SECRET" not in doc.text  # scripts, styles, hidden elements, forms, page footer
    for chrome in ("About us", "Letters", "cookies", "Skip to content", "Home"):
        assert chrome not in doc.text
    assert "They matter to everyone." in doc.text  # whitespace (and &nbsp;) collapsed
    assert "bus services.¹" in doc.text  # footnote reference as a superscript digit
    spans_exact(doc)


def test_structure_from_markup(tmp_path):
    doc = read(write(tmp_path, "letter.html", PAGE.encode()))[0]
    assert texts(doc, HEADING) == ["Funding for rural buses", "Our requests"]
    assert texts(doc, ADDRESS) == ["Rivertown Council", "1 High Street", "Rivertown"]
    assert texts(doc, SALUTATION) == ["Dear Minister,"]
    assert texts(doc, CLOSING) == ["Yours sincerely,"]
    assert texts(doc, SIGNATURE) == ["Jane Smith", "Chair"]
    assert texts(doc, FOOTNOTE) == ["Rural bus survey, 2023."]
    items = {doc.block_text(b): b for b in doc.blocks if b.kind == LIST_ITEM}
    lead = doc.blocks.index(next(b for b in doc.blocks if doc.block_text(b) == "We ask the government to:"))
    assert doc.blocks[lead].kind == PARAGRAPH
    assert [(items[t].number, items[t].level, items[t].lead_in) for t in
            ("restore the rural bus grant;", "fund new routes:", "publish punctuality data.")] == [
        ("3", 0, lead), ("4", 0, lead), ("5", 0, lead)]  # the lead-in holds after the nested list
    parent = doc.blocks.index(items["fund new routes:"])
    assert [(items[t].number, items[t].level, items[t].lead_in) for t in ("to the hospital;", "to the college.")] == [
        ("•", 1, parent), ("•", 1, parent)]
    assert [items[t].number for t in ("first lettered", "second lettered", "roman four")] == ["a", "b", "iv"]
    assert all(b.section is None for b in doc.blocks)
    # the rendered numbers are in the text, before the spans
    assert "3. restore the rural bus grant;" in doc.text and "  • to the hospital;" in doc.text


def test_blocks_are_separated_by_blank_lines(tmp_path):
    doc = read(write(tmp_path, "letter.html", PAGE.encode()))[0]
    for a, b in zip(doc.blocks, doc.blocks[1:]):
        assert "\n\n" in doc.text[a.end:b.start]


def test_page_without_main_keeps_body_and_drops_navigation(tmp_path):
    html = b"""<html><body>
    <div id="topnav"><a href="/">Home</a><a href="/news">News</a></div>
    <ul role="navigation"><li>Menu entry</li></ul>
    <div class="content"><h2>Response to the transport consultation</h2>
      <script>var x = "SECRET_BODY_SCRIPT";</script>
      <div>We support the proposal.<br>We also ask for more
      buses.</div>
      <p>1. Extend the night service.</p><p>2. Cap fares at &pound;2.</p>
      <table><tr><th>Route</th><th>Cuts</th></tr><tr><td>12</td><td>Evenings</td></tr></table>
    </div>
    <div class="site-footer">Contact us</div></body></html>"""
    doc = read(write(tmp_path, "response.htm", html))[0]
    assert "Home" not in doc.text and "Menu entry" not in doc.text and "Contact us" not in doc.text
    assert "SECRET" not in doc.text
    assert doc.title == "Response to the transport consultation"  # no <title>: the first heading
    assert texts(doc, HEADING)[0] == "Response to the transport consultation"
    assert "We support the proposal.\nWe also ask for more buses." in texts(doc, PARAGRAPH)
    items = [b for b in doc.blocks if b.kind == LIST_ITEM]  # typed numbers in paragraphs
    assert [(b.number, doc.block_text(b)) for b in items] == [("1", "Extend the night service."),
                                                              ("2", "Cap fares at £2.")]
    rows = [doc.block_text(b) for b in doc.blocks]
    assert rows[-2:] == ["Route | Cuts", "12 | Evenings"]  # a table row is one block
    spans_exact(doc)


def test_footnotes_outside_main_and_aside(tmp_path):
    html = b"""<html><body><main><p>Buses matter.<sup>1</sup></p>
    <aside class="footnotes"><p>2 A second note.</p></aside></main>
    <div id="footnotes"><ol><li>First note.</li></ol></div>
    <aside class="related"><a href="/x">Related link</a></aside></body></html>"""
    doc = read(write(tmp_path, "n.html", html))[0]
    assert texts(doc, FOOTNOTE) == ["2 A second note.", "First note."]
    assert "Related link" not in doc.text
    spans_exact(doc)


@pytest.mark.parametrize("data", [
    '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u2019quotes\u2019 \u2013 fine</p></body></html>'
    .encode("cp1252"),
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
    '<body><p>Caf\u00e9 \u2019quotes\u2019 \u2013 fine</p></body></html>'.encode("cp1252"),
    b"\xef\xbb\xbf" + '<p>Caf\u00e9 \u2019quotes\u2019 \u2013 fine</p>'.encode("utf-8"),
    '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
    '<p>Caf\u00e9 \u2019quotes\u2019 \u2013 fine</p></body></html>'.encode("utf-8"),
])
def test_charsets(tmp_path, data):
    doc = read(write(tmp_path, "c.html", data))[0]
    assert doc.text == "Caf\u00e9 \u2019quotes\u2019 \u2013 fine"


def test_page_with_no_visible_text_is_an_error(tmp_path):
    html = b"<html><head><title>T</title><script>document.write('x')</script></head><body><nav>Home</nav></body></html>"
    with pytest.raises(IngestError, match="empty document"):
        read(write(tmp_path, "blank.html", html))


def test_same_page_same_id(tmp_path):
    a = read(write(tmp_path, "a.html", PAGE.encode()))[0]
    b = read(write(tmp_path, "b.html", PAGE.encode()))[0]
    c = read(write(tmp_path, "c.html", PAGE.replace("Dear Minister", "Dear Secretary").encode()))[0]
    assert a.id == b.id != c.id


def test_html_nested_beyond_the_bound_is_refused_at_once():
    """Issue 15: 50,000 nested elements ran 403 s, then RecursionError."""
    import time

    from ingest import IngestError, read_bytes

    deep = ("<html><body>" + "<div>" * 50000 + "<p>We ask the council to act.</p>" + "</div>" * 50000 + "</body></html>")
    t0 = time.perf_counter()
    with pytest.raises(IngestError, match="nested more than 300 elements deep"):
        read_bytes(deep.encode(), "deep.html")
    assert time.perf_counter() - t0 < 30  # refused before parsing (a guard, not a benchmark)
    ok = ("<html><body>" + "<div>" * 250 + "<p>We ask the council to act.</p>" + "</div>" * 250 + "</body></html>")
    assert "We ask the council" in read_bytes(ok.encode(), "ok.html")[0].text
    sloppy = "<html><body>" + "<p>Item" * 2000 + "</body></html>"  # unclosed paragraphs are not depth
    assert read_bytes(sloppy.encode(), "sloppy.html")
