"""Reader for e-mails (.eml): the message body as one document, readable attachments as more.

* Headers go to ``metadata`` (from, to, cc, subject, date, message_id); the subject is the title,
  the From display name the author, the To names (or addresses) the addressees.
* The body is the text/plain part, else the text/html part read like a web page.
* Quoted history is not the sender's text: in a reply, everything from the attribution line
  ("On … wrote:", "-----Original Message-----", an Outlook "From:/Sent:" block, Gmail/Outlook/
  Thunderbird quote containers in HTML) and every ">"-quoted line is moved out of the text into
  ``metadata["quoted"]``. In a forward (subject "Fw:"/"Fwd:") the forwarded text is what was
  sent, so it is kept, with ">" quote marks removed (so they are never read as bullets).
* Attachments with a supported extension are read with :func:`ingest.reader.read_bytes` as
  ``"<source>/<filename>"`` and returned after the e-mail's document; e-mails nest at most
  :data:`MAX_DEPTH` deep. One that cannot be read is listed in the e-mail's
  ``metadata["attachment_errors"]`` ("name: reason", one a line) and the rest still reads.
  An e-mail whose body is empty but whose attachments read has an e-mail document with
  empty text (it carries the headers).
"""
from __future__ import annotations

import email
import email.policy
import email.utils
import os
import re
from email.message import EmailMessage

from bs4 import BeautifulSoup, Tag

from .html import MAX_DEPTH as MAX_HTML_DEPTH, html_to_blocks, nesting_depth, parse_html
from .layout import blocks_from_text
from .options import ReadOptions
from .records import Block, Document, IngestError, content_hash
from .text import decode_text, normalise_newlines

MAX_DEPTH = 2  # an e-mail attached to an e-mail attached to an e-mail is read; one level deeper is not

_HEADERS = {"from": "From", "to": "To", "cc": "Cc", "subject": "Subject", "date": "Date", "message_id": "Message-ID"}
_FORWARD = re.compile(r"^\s*(?:fwd?|fw)\s*:", re.I)
_ATTRIBUTION = re.compile(r"^On\b.{0,300}\bwrote:$", re.I | re.S)
_ORIGINAL = re.compile(r"^-{2,}\s*Original Message\s*-{2,}$", re.I)
_HTML_QUOTES = ("blockquote[type=cite]", ".gmail_quote", ".moz-cite-prefix", ".yahoo_quoted")  # quoted parts
_HTML_HISTORY = ("#divRplyFwdMsg", "#appendonsend")  # Outlook: where the quoted history starts


def read_eml(data: bytes, source: str, options: ReadOptions) -> list[Document]:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    if not msg.keys():
        raise IngestError(source, "not an e-mail file (no headers found)")
    meta = {key: value for key, name in _HEADERS.items() if (value := _header(msg, name))}
    forward = bool(_FORWARD.match(meta.get("subject", "")))
    text, blocks, quoted = _body(msg, forward)
    if quoted:
        meta["quoted"] = quoted
    attached, errors, names = _attachments(msg, source, options)
    if names:
        meta["attachments"] = ", ".join(names)
    if errors:
        meta["attachment_errors"] = "\n".join(errors)
    if not text.strip() and not attached:
        detail = f" (attachments not read: {'; '.join(errors)})" if errors else ""
        raise IngestError(source, "empty document (no text)" + detail)
    doc = Document(id=content_hash(data), source=source, format="eml", text=text, blocks=blocks,
                   title=meta.get("subject"), date=_date(msg), author=_author(msg), addressees=_addressees(msg),
                   metadata=meta)
    for d in attached:
        d.metadata.setdefault("attached_to", source)
    return [doc, *attached]


# --- headers --------------------------------------------------------------------------------------------

def _header(msg: EmailMessage, name: str) -> str | None:
    try:
        value = msg.get(name)
        text = " ".join(str(value).split()) if value is not None else ""
    except Exception:  # a malformed header: keep the rest of the e-mail
        return None
    return text or None


def _date(msg: EmailMessage) -> str | None:
    try:
        when = msg["date"].datetime if msg["date"] is not None else None
    except Exception:
        when = None
    if when is None and (raw := _header(msg, "Date")):
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
    return when.date().isoformat() if when else None


def _addresses(msg: EmailMessage, name: str) -> list[tuple[str, str]]:
    try:
        header = msg[name]
        return [(a.display_name, a.addr_spec) for a in header.addresses] if header is not None else []
    except Exception:
        return []


def _author(msg: EmailMessage) -> str | None:
    senders = _addresses(msg, "From")
    return (senders[0][0] or None) if senders else None


def _addressees(msg: EmailMessage) -> list[str]:
    return [display or addr for display, addr in _addresses(msg, "To") if display or addr]


# --- body -----------------------------------------------------------------------------------------------

def _part_text(part: EmailMessage) -> str:
    """A text part's text, decoded strictly: by its declared charset, else like a text file (never with
    replacement characters: a base64 body of garbage is refused, not stored mangled)."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload:
        return ""
    charset = part.get_content_charset()
    if charset and charset.lower() not in ("utf-8", "utf8", "us-ascii", "ascii"):
        try:
            return normalise_newlines(payload.decode(charset))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: read it like a text file
    try:
        return normalise_newlines(decode_text(payload, "body"))
    except IngestError as exc:
        raise IngestError("body", f"the e-mail's body: {exc.reason}") from None


def _body(msg: EmailMessage, forward: bool) -> tuple[str, list[Block], str]:
    """(text, blocks, quoted text) of the message body: text/plain preferred, else text/html."""
    quoted = ""
    plain = msg.get_body(preferencelist=("plain",))
    if plain is not None:
        raw = _part_text(plain)
        if str(plain.get_param("format", "")).lower() == "flowed":
            raw = _unflow(raw, str(plain.get_param("delsp", "")).lower() == "yes")
        text, quoted = _split_quoted(raw, forward)
        if text.strip():
            return text, blocks_from_text(text), quoted
    html = msg.get_body(preferencelist=("html",))
    if html is not None:
        markup = _part_text(html)
        if nesting_depth(markup) > MAX_HTML_DEPTH:
            raise IngestError("body", f"the HTML body is nested more than {MAX_HTML_DEPTH} elements deep: not read")
        soup = parse_html(markup)
        html_quoted = "" if forward else _pop_html_quotes(soup)
        text, blocks, _ = html_to_blocks(soup)
        if text.strip():
            return text, blocks, html_quoted
        quoted = quoted or html_quoted
    return "", [], quoted


def _unflow(text: str, delsp: bool) -> str:
    """RFC 3676 format=flowed: a line ending with a space continues on the next line."""
    out: list[str] = []
    joining = False
    for line in text.split("\n"):
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        if joining:
            out[-1] += line
        else:
            out.append(line)
        joining = line.endswith(" ") and line != "-- "
        if joining and delsp:
            out[-1] = out[-1][:-1]
    return "\n".join(out)


def _is_history_start(lines: list[str], i: int, forward: bool) -> bool:
    line = lines[i].strip()
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if _ATTRIBUTION.match(line) or (line.startswith("On ") and _ATTRIBUTION.match(f"{line} {nxt}")):
        return True
    # Outlook's reply header; in a forward the same header introduces the forwarded text
    return not forward and (bool(_ORIGINAL.match(line)) or (line.startswith("From:") and nxt.startswith("Sent:")))


def _split_quoted(raw: str, forward: bool) -> tuple[str, str]:
    """(the sender's own text, the quoted text) of a plain-text body."""
    lines = raw.split("\n")
    cut = next((i for i in range(len(lines)) if _is_history_start(lines, i, forward)), len(lines))
    own: list[str] = []
    inline_quotes: list[str] = []
    for line in lines[:cut]:
        if line.rstrip() == "--":  # signature delimiter "-- ": the signature follows as its own block
            own.append("")
        elif line.lstrip().startswith(">"):
            if forward:
                own.append(re.sub(r"^\s*(?:>\s?)+", "", line).rstrip())
            else:
                inline_quotes.append(line)
        else:
            own.append(line.rstrip())
    text = "\n".join(own).strip("\n")
    quoted = "\n".join(inline_quotes + lines[cut:]).strip()
    return text, quoted


def _pop_html_quotes(soup: BeautifulSoup) -> str:
    """Remove quoted history from an HTML body; return its text."""
    removed: list[Tag] = [el for sel in _HTML_QUOTES for el in soup.select(sel)]
    start = next((el for sel in _HTML_HISTORY for el in soup.select(sel)), None)
    if start is None:  # Outlook desktop: a "From: … Sent: …" header block, often in a bordered div
        start = next((el for el in soup.find_all(["div", "p"]) if _is_outlook_header(el)), None)
    if start is not None:  # everything from there to the end, in document order
        removed.append(start)
        node: Tag | None = start
        while node is not None and node.name not in ("body", "html", "[document]"):
            removed.extend(node.find_next_siblings())
            node = node.parent
    quoted: list[str] = []
    for el in removed:
        if not el.decomposed:
            quoted.append(el.get_text("\n", strip=True))
            el.decompose()
    return "\n".join(q for q in quoted if q)


def _is_outlook_header(el: Tag) -> bool:
    text = el.get_text(" ", strip=True)
    return len(text) <= 600 and (bool(_ORIGINAL.match(text)) or bool(re.match(r"From:.{0,300}\bSent:", text)))


# --- attachments ----------------------------------------------------------------------------------------

def _leaf_parts(part: EmailMessage):  # noqa: ANN202 (an iterator of parts)
    """Non-multipart parts, not descending into attached messages."""
    if part.get_content_maintype() == "multipart":
        for sub in part.iter_parts():
            yield from _leaf_parts(sub)
    else:
        yield part


def _attachment_name(part: EmailMessage, n: int) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if name:
        name = re.split(r"[\\/]", name)[-1].strip()
    if not name and part.get_content_type() == "message/rfc822":
        name = f"attached-message-{n}.eml"
    return name or None


def _attachments(msg: EmailMessage, source: str, options: ReadOptions) -> tuple[list[Document], list[str], list[str]]:
    """(documents read from attachments, "name: reason" for those that failed, all attachment names)."""
    from .reader import SUPPORTED_EXTENSIONS, read_bytes  # here: reader imports this module

    bodies = {id(msg.get_body(preferencelist=(p,))) for p in ("plain", "html")}
    docs: list[Document] = []
    errors: list[str] = []
    names: list[str] = []
    depth = source.lower().count(".eml/")
    for n, part in enumerate(_leaf_parts(msg), 1):
        name = _attachment_name(part, n)
        if name is None or id(part) in bodies:
            continue
        names.append(name)
        ext = os.path.splitext(name)[1].lower()
        if ext not in SUPPORTED_EXTENSIONS:
            continue
        if ext == ".eml" and depth + 1 > MAX_DEPTH:
            errors.append(f"{name}: e-mail nested too deep (more than {MAX_DEPTH} levels), not read")
            continue
        try:
            if part.get_content_type() == "message/rfc822":
                payload = part.get_payload()[0].as_bytes()
            else:
                payload = part.get_payload(decode=True) or b""
            docs.extend(read_bytes(payload, f"{source}/{name}", options))
        except IngestError as exc:
            errors.append(f"{name}: {exc.reason}")
        except Exception as exc:  # never lose the e-mail over one attachment
            errors.append(f"{name}: could not read: {type(exc).__name__}: {exc}")
    return docs, errors, names
