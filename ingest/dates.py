"""The date a document bears: a letter's date line, a transcript's session date.

Only dates that stand as the document's own date count: a line that is little more
than a date ("16th March 2021", "Tuesday, 3 April 2023", "Leeds, 29/01/2020"), a
meeting's "date, time, place" line ("Thursday 6 March 2025, 10.00am, Committee Room 2,
Town Hall") or a labelled one ("Date: …", "Session date: …", "Meeting held on …") near the top. Dates
inside body sentences ("In May 2020, I wrote …", "by 1 March 2020") are never used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS = [
    re.compile(rf"\b{_DAY}(?:\s+of)?[\s\-]+{_MONTH}[\s,\-]+{_YEAR}\b", re.I),  # 16th March 2021, 3rd of April 2023
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # January 29, 2020
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),  # 2020-01-29
    re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)?\d{2})\b"),  # 29/01/2020, 29/01/20 (day first)
    re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[.\-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d{2})\b"),  # 29.01.2020
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I)

_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)
_DATE_LABEL = re.compile(
    r"\b(?:date(?:d)?|session date|date of (?:meeting|hearing|session|letter|submission)|"
    r"(?:meeting|hearing|session)?\s*held on|sent|written on|submitted on|published)\b\s*:?", re.I)
# labels of dates that are not the document's own date
_OTHER_DATE = re.compile(
    r"\b(?:deadline|clos(?:e|es|ed|ing)|due|until|before|expir\w*|effective|respond by|reply by|"
    r"received|updated|last (?:modified|updated)|review date|next review|accessed)\b", re.I)

TOP_LINES = 25


@dataclass
class FoundDate:
    iso: str
    start: int  # offset of the date text in the searched text
    end: int
    precision: str = "day"  # "day" or "month" ("March 2023" alone)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        day, month = (a, b) if a > 12 or b <= 12 else (b, a)  # day first unless that is impossible
        return _iso(year, month, day)
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
    return _iso(year, month, int(groups["day"]))


def dates_in(line: str) -> list[FoundDate]:
    """Every full date in a line, left to right (overlapping matches dropped)."""
    found: list[FoundDate] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(line):
            iso = _from_match(m)
            if iso and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(FoundDate(iso, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str) -> str | None:
    """ISO date of the first full date in ``text``, else None."""
    found = dates_in(text)
    return found[0].iso if found else None


def _residual_words(line: str, found: FoundDate) -> list[str]:
    rest = line[: found.start] + " " + line[found.end :]
    rest = _DATE_LABEL.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    return re.findall(r"[A-Za-z][\w'’\-]*", rest)


def _is_date_line(line: str, found: FoundDate) -> bool:
    """A line that is essentially just the date (a weekday, a label or a place name may go with it)."""
    if len(line.strip()) > 80 or _OTHER_DATE.search(line):
        return False
    words = _residual_words(line, found)
    if re.search(r"[.!?]\s+\S", line):
        return False
    if len(words) <= 3:
        return True
    # "Council Question Time on 2023-02-09": a short title ending "on <date>"
    return len(words) <= 6 and bool(re.search(r"\bon\s*$", line[: found.start])) and not line[found.end :].strip()


_TIME = re.compile(
    r"^[\s,;–—\-|]*(?:at\s+|from\s+)?"
    r"(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[.:]\d{2}\b|noon\b|midday\b)", re.I)


def _is_session_line(line: str, found: FoundDate) -> bool:
    """A meeting's date, time and place: "Thursday 6 March 2025, 10.00am – 12.30pm, Council Chamber,
    Town Hall": the line starts with the date (a weekday or a label may come first) and a time follows."""
    if len(line.strip()) > 160 or _OTHER_DATE.search(line) or re.search(r"[.!?]\s+[A-Z]", line):
        return False
    before = _WEEKDAY.sub(" ", _DATE_LABEL.sub(" ", line[: found.start]))
    if re.search(r"[A-Za-z]", before):
        return False
    return bool(_TIME.match(line[found.end :]))


def _is_dated_title(line: str, found: FoundDate) -> bool:
    """A short title ending with its date after a separator: "Response to X – 3 April 2023"."""
    if len(line.strip()) > 140 or _OTHER_DATE.search(line):
        return False
    before, after = line[: found.start].rstrip(), line[found.end :].strip()
    return bool(before) and before[-1] in ",–—-|(:" and after in ("", ")", ".")


def find_date(text: str) -> FoundDate | None:
    """The document's own date; offsets are into ``text``."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, line))
        pos += len(line) + 1
    top = lines[:TOP_LINES]

    def shifted(offset: int, f: FoundDate) -> FoundDate:
        return FoundDate(f.iso, offset + f.start, offset + f.end, f.precision)

    for offset, line in top:  # a date line near the top (or a meeting's "date, time, place" line)
        for f in dates_in(line):
            if _is_date_line(line, f) or _is_session_line(line, f):
                return shifted(offset, f)
    for offset, line in lines[:60]:  # a labelled date: "Date: Mon, 3 Apr 2023 10:14"
        label = _DATE_LABEL.search(line)
        if label and label.start() < 30 and not _OTHER_DATE.search(line[: label.end()]):
            for f in dates_in(line):
                if f.start >= label.start():
                    return shifted(offset, f)
    for offset, line in top[:10]:
        for f in dates_in(line):
            if _is_dated_title(line, f):
                return shifted(offset, f)
    for offset, line in lines[TOP_LINES:]:  # a date line further down (letters dated at the foot)
        for f in dates_in(line):
            if _is_date_line(line, f):
                return shifted(offset, f)
    for offset, line in top:  # "March 2023" alone: month precision, the first of the month
        m = _MONTH_YEAR.search(line)
        if m and len(line.strip()) <= 40 and not _OTHER_DATE.search(line):
            rest = _WEEKDAY.sub(" ", _DATE_LABEL.sub(" ", line[: m.start()] + " " + line[m.end() :]))
            if not re.findall(r"[A-Za-z]{2,}", rest):
                iso = _iso(int(m.group("year")), _MONTHS[m.group("month")[:3].lower()], 1)
                if iso:
                    return FoundDate(iso, offset + m.start(), offset + m.end(), "month")
    return None
