"""Light Markdown clean-up for plain-text inputs.

Text exported from other tools often carries Markdown: ``**bold**``, ``[label](url)``,
``<sup>1</sup>`` footnote markers, ``#`` headings and ``---`` rules. The stored text
keeps the words and drops the markup, so that quotes read as prose. Footnote markers
become Unicode superscript digits (¹²³), which the layout stage recognises.
"""
from __future__ import annotations

import re

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_SUP = re.compile(r"<sup>\s*([0-9]+)\s*</sup>", re.I)
_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(([^)\s]*)\)")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\s]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_HTML_TAG = re.compile(r"</?(?:br|p|span|em|strong|b|i|u)\b[^>]*>", re.I)


def clean_line(line: str) -> str:
    line = _SUP.sub(lambda m: m.group(1).translate(SUPERSCRIPT), line)
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1) if m.group(1).strip() else m.group(2), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _BOLD.sub(lambda m: m.group(2), line)
    line = _ITALIC.sub(lambda m: m.group(1), line)
    line = _HTML_TAG.sub("", line)
    return line.rstrip()


def clean_markdown(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the cleaned text and the (start, end) spans of lines that were ``#`` headings."""
    out: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    for line in raw.split("\n"):
        if _RULE.match(line):
            line = ""
        else:
            m = _HEADING.match(line)
            if m:
                line = clean_line(m.group(2))
                if line:
                    headings.append((pos, pos + len(line)))
            else:
                line = clean_line(line)
        out.append(line)
        pos += len(line) + 1
    return "\n".join(out), headings
