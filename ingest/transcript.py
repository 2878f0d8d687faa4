"""Speaker turns of a transcript, and the "Question By / Asked Of / Answered By" header.

A speaker label starts a line and ends with a colon:

    Jane Smith (Director of Public Health, Anytown Council):  We have …
    Priya Patel AM:  Thank you.
    THE CHAIR:  Good morning.
    Q12 Chair:  Can you tell us …
    Witness (Ms Brown):  Yes.
    Q: …   /   A: …

The name part must look like a person or a role (capitalised words, linking words such as
"of" and "the", honorifics and post-nominals), so "Note:", "Subject:", "Recommendation 1:",
"In addition, she said:" and times like "10:30" are not labels. A document is a transcript
only when it has at least two labels, two speakers and some real speech.

The body holding the session comes from an all-capitals header at the top
("ANYTOWN COUNCIL" / "HOUSING SCRUTINY PANEL"), see :func:`session_body`.
"""
from __future__ import annotations

import re

from .dates import dates_in
from .linekinds import HONORIFIC, clean, has_role, is_all_caps, looks_like_org, looks_like_person, org_in_role, title_case
from .records import Turn

_LABEL = re.compile(
    r"^[ \t]*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?[ \t]+)?"  # a timestamp "[00:12:03]"
    r"(?:(?P<qnum>Q\s?\d{1,4})[.:]?[ \t]+)?"
    r"(?P<name>[A-Za-z][^:()\n]{0,80}?)"
    r"(?P<parens>(?:[ \t]*\([^()\n]{1,200}\))*)"
    r"[ \t\xa0]*:(?!\d)[ \t\xa0]*(?P<rest>[^\n]*)$",
    re.M,
)
_LINKS = {"of", "the", "and", "for", "de", "van", "von", "der", "den", "la", "le", "da", "du", "di", "y", "al",
          "bin", "&", "on", "in", "to"}
# first words of labels that head a field, not a speech
_NOT_SPEAKERS = {
    "note", "notes", "nb", "ps", "subject", "re", "date", "dated", "time", "session", "meeting", "hearing", "dear",
    "recommendation", "recommendations", "action", "actions", "question", "questions", "asked", "answered",
    "answer", "answers", "response", "responses", "from", "to", "cc", "bcc", "sent", "tel", "telephone", "phone",
    "mobile", "fax", "email", "e-mail", "web", "website", "address", "source", "sources", "title", "summary",
    "background", "table", "figure", "chart", "page", "section", "part", "annex", "appendix", "aim", "aims",
    "objective", "objectives", "purpose", "outcome", "outcomes", "result", "results", "conclusion", "conclusions",
    "update", "status", "deadline", "location", "venue", "attendees", "present", "apologies", "agenda", "item",
    "minutes", "contact", "name", "organisation", "organization", "role", "position", "signed", "signature",
    "example", "examples", "warning", "important", "step", "steps", "option", "options", "priority", "priorities",
    "theme", "themes", "topic", "issue", "issues", "evidence", "comment", "comments", "consultation", "proposal",
    "proposals", "total", "cost", "costs", "funding", "budget", "witness", "witnesses", "members", "key",
    "definition", "keywords", "category", "type", "author", "authors", "published", "publication", "version",
    "attachment", "attachments", "enclosure", "enclosures", "via", "by", "for", "fao", "attention", "ref",
    "reference", "our", "your", "please", "thanks", "thank", "yes", "no", "agenda", "recommendation", "finding",
    "findings", "quote", "case", "tags", "lessons", "next", "why", "what", "how", "who", "when", "where", "which",
    "in", "on", "at", "the", "a", "an", "this", "that", "we", "i", "it", "they", "he", "she", "you", "our",
    "however", "also", "and", "but", "so", "or", "if", "as", "all", "some", "committee", "panel", "inquiry",
    "terms", "scope", "target", "targets", "progress", "timescale", "timescales", "lead", "owner", "rationale",
}
# last words of labels that head a field: "Council Response:", "Key Findings:"
_FIELD_ENDINGS = {
    "response", "responses", "comment", "comments", "answer", "answers", "question", "questions", "recommendation",
    "recommendations", "note", "notes", "summary", "view", "views", "position", "rationale", "evidence", "action",
    "actions", "outcome", "outcomes", "status", "update", "conclusion", "conclusions", "finding", "findings",
    "proposal", "proposals", "objective", "objectives", "aim", "aims", "issue", "issues", "priority", "priorities",
    "date", "time", "title", "deadline", "budget", "total", "source", "theme", "topic", "example", "definition",
    "background", "context", "overview", "impact", "risk", "risks", "benefit", "benefits", "cost", "costs",
    "principle", "principles", "requirement", "requirements", "option", "options", "target", "targets", "measure",
    "measures", "lesson", "lessons", "area", "areas", "need", "needs", "point", "points", "step", "steps",
}
# a label whose name is only a role word, with the person in brackets: "Witness (Ms Brown)"
_ROLE_ONLY = re.compile(
    r"^(?:the\s+)?(?:witness|chair|chairman|chairwoman|chairperson|member|minister|interviewer|interviewee|"
    r"respondent|questioner|clerk|secretary|speaker|presenter|host|moderator|panellist|official)$", re.I)
_NUMBERED_SPEAKER = re.compile(
    r"^(?:speaker|participant|respondent|interviewee|interviewer|person|witness|member|panellist|delegate|"
    r"attendee|caller|resident|councillor)\s+[A-Z0-9]{1,3}$", re.I)
_POSTNOMINAL_WORD = re.compile(r"^(?:OBE|MBE|CBE|KBE|DBE|MP|AM|MS|MSP|MLA|MEP|QC|KC|JP|DL|PhD|Bt|BEM|QPM)$")
_QUESTION_HEADER = re.compile(
    r"^[ \t]*(?P<label>question(?:ed)? by|asked by|tabled by|asked of|question to|answered by|to be answered by)"
    r"[ \t]*:[ \t\xa0]*(?P<rest>[^\n]*)$", re.I | re.M)
# a line that interrupts the speech: an editorial note, a new heading for the next session
_BREAK = re.compile(r"^[ \t]*(?:\[?(?:note|nb|editor['’]s note)\s*:|\[[^\]\n]{3,80}\][ \t]*$)", re.I | re.M)
_HEADER_KEYS = {
    "question by": "question_by", "questioned by": "question_by", "asked by": "question_by",
    "tabled by": "question_by", "asked of": "asked_of", "question to": "asked_of",
    "answered by": "answered_by", "to be answered by": "answered_by",
}


def _is_speaker_name(name: str, has_parens: bool = False) -> bool:
    if has_parens and _ROLE_ONLY.match(name.strip()):
        return True  # "Witness (Ms Brown)"
    if "," in name:  # "Jane Smith, Chief Executive, Anytown Trust"
        first, *rest = [p.strip() for p in name.split(",")]
        return looks_like_person(first) and all(_is_speaker_name(p) for p in rest if p)
    words = name.split()
    if len(words) == 1 and words[0] in ("Q", "A"):
        return True
    if _NUMBERED_SPEAKER.match(name):
        return True  # "Speaker 1", "Participant 3"
    if not words or len(words) > 8 or any(ch.isdigit() for ch in name):
        return False
    if words[0].lower().strip(".") in _NOT_SPEAKERS and not (len(words) > 1 and words[0].lower() == "the"
                                                              and words[1][0].isupper()):
        return False
    if not words[0][0].isupper():
        return False
    if len(words) > 1 and words[-1].lower() in _FIELD_ENDINGS:
        return False  # "Council Response:", "Our Position:"
    for w in words:
        if w.lower() in _LINKS or _POSTNOMINAL_WORD.match(w) or w in ("plc", "ltd", "llp", "cic"):
            continue
        if not re.match(r"^[A-Z][\w'’.\-]*$", w):
            return False
    return True


def _split_parens(parens: str) -> list[str]:
    return [p.strip() for p in re.findall(r"\(([^()]*)\)", parens) if p.strip()]


def _speaker_role_org(name: str, parens: list[str]) -> tuple[str, str | None, str | None]:
    name = clean(name)
    if parens and _ROLE_ONLY.match(name) and looks_like_person(parens[0]):
        return clean(parens[0]), name, None  # "Witness (Ms Brown)"
    if "," in name:
        name, _, described = name.partition(",")
        parens = [described.strip(), *parens]
    return (name.strip(), *role_and_org(", ".join(parens) if parens else None))


def role_and_org(role: str | None) -> tuple[str | None, str | None]:
    """The role as written, and the organisation it names ("Head of X at the Met" → "the Met")."""
    org = None
    if role:
        org = org_in_role(role) or (role if looks_like_org(role) else None)
        if org is None:
            at = re.search(r"\s+at\s+(?P<org>.+)$", role)  # "Head of X at the Met": whatever follows "at"
            org = at.group("org").strip() if at else None
    return role, org


def find_turns(text: str) -> list[Turn]:
    """Every speaker label and the speech after it (up to the next label)."""
    labels: list[tuple[re.Match, str, str | None, str | None]] = []
    matches = list(_LABEL.finditer(text))
    # people labelled with their speech or role somewhere: their bare "Ms. Jo Bloggs:" line elsewhere is a label too
    known = {m.group("name").strip() for m in matches if m.group("rest").strip() or m.group("parens")}
    for m in matches:
        name = m.group("name").strip()
        parens = _split_parens(m.group("parens") or "")
        if not _is_speaker_name(name, bool(parens)):
            continue
        rest = m.group("rest").strip()
        if not rest and not parens and not (name.isupper() and len(name) > 2) and not (
                name in known and (HONORIFIC.match(name) and looks_like_person(name) or _ROLE_ONLY.match(name))):
            continue  # "Chair:" alone on a line is a field name unless written as a label ("THE CHAIR:")
        if _QUESTION_HEADER.match(m.group(0)):
            continue
        speaker, role, org = _speaker_role_org(name, parens)
        labels.append((m, speaker, role, org))
    breaks = [m.start() for m in _BREAK.finditer(text)]
    turns: list[Turn] = []
    for i, (m, speaker, role, org) in enumerate(labels):
        start = m.start("rest")
        end = labels[i + 1][0].start() if i + 1 < len(labels) else len(text)
        end = min([end, *(p for p in breaks if start < p < end)])
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        label_start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        turns.append(Turn(speaker=speaker, role=role, organisation=org, start=start, end=end, label_start=label_start))
    return turns


def is_transcript(text: str, turns: list[Turn]) -> bool:
    """Two or more labels by two speakers, at least two turns with real speech, and labels that
    read as people: a speaker who comes back, or most labels with a sign of a person (a bracketed
    role, an honorific or post-nominal, capitals, "Q"/"A", "Speaker 2"). Inline headings such as
    "Housing Need: …" each appear once and carry no such sign."""
    if len(turns) < 2 or len({t.speaker.lower() for t in turns}) < 2:
        return False
    if sum(1 for t in turns if len(text[t.start : t.end].split()) >= 8) < 2:
        return False
    # the labels must read as people or offices: inline headings ("Framing: …", "Submitted to: …",
    # "Interoperability: …") can come back too, but name no one
    labels = {t.speaker.lower(): t for t in turns}
    people = sum(1 for t in labels.values() if _reads_as_person(t))
    order = [t.speaker.lower() for t in turns]
    turn_taking = len(order) >= 4 and all(a != b for a, b in zip(order, order[1:])) and len(labels) * 2 <= len(order)
    if people * 2 <= len(labels) and not (people and turn_taking):
        return False
    if _alternates([t.speaker.lower() for t in turns]):
        return True  # a speaker comes back after someone else spoke: a conversation
    return sum(1 for t in turns if _person_signal(t)) * 2 >= len(turns)


def _reads_as_person(turn: Turn) -> bool:
    """A label that names someone: a person, an office or a role ("Chair", "Jo Brown (Director, X Trust)"),
    "Q"/"A", "Speaker 2" — not a topic with a bracketed remark ("Successes (where it worked)")."""
    name = turn.speaker
    if turn.role and not (has_role(turn.role) or looks_like_org(turn.role) or looks_like_person(turn.role)):
        turn = Turn(name, None, turn.organisation, turn.start, turn.end, turn.label_start)
    return _person_signal(turn) or looks_like_person(name) or has_role(name)


def _alternates(speakers: list[str]) -> bool:
    """Someone speaks, someone else answers, the first speaks again (A … B … A). Two inline headings
    with the same label in a row ("Critique: …", "Critique: …") are not a conversation."""
    for i, first in enumerate(speakers):
        others = False
        for later in speakers[i + 1:]:
            if later != first:
                others = True
            elif others:
                return True
    return False


def _person_signal(turn: Turn) -> bool:
    name = turn.speaker
    words = name.split()
    return bool(turn.role or name in ("Q", "A") or _NUMBERED_SPEAKER.match(name) or (name.isupper() and len(name) > 3)
                or HONORIFIC.match(name) or _POSTNOMINAL_WORD.match(words[-1]))


def question_header(text: str) -> dict[str, str]:
    """"Question By: / Cllr Ann Lee / Green Group / Asked Of: / The Leader" → metadata.

    The value is the rest of the label's line, or the lines after it up to a blank line or the
    next label; a second line under "Question By" is the questioner's group or organisation.
    """
    out: dict[str, str] = {}
    lines = text.split("\n")
    starts = [m for m in _QUESTION_HEADER.finditer(text)]
    for m in starts:
        key = _HEADER_KEYS[re.sub(r"\s+", " ", m.group("label").lower())]
        if key in out:
            continue
        values: list[str] = []
        if m.group("rest").strip():
            values.append(clean(m.group("rest")))
        else:
            line_no = text.count("\n", 0, m.start()) + 1
            while line_no < len(lines) and not lines[line_no].strip():
                line_no += 1
            while line_no < len(lines) and lines[line_no].strip() and not _QUESTION_HEADER.match(lines[line_no]):
                values.append(clean(lines[line_no]))
                line_no += 1
                if len(values) == 2:
                    break
        if not values:
            continue
        out[key] = values[0]
        if key == "question_by" and len(values) > 1 and not _LABEL.match(values[1]):
            out["question_by_organisation"] = values[1]
    return out


def _same_person(a: str, b: str) -> bool:
    """"Jane Smith OBE" and "Jane Smith OBE AM (Chair)" name the same person."""
    def core(s: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[A-Za-z][\w'’\-]+", s) if not _POSTNOMINAL_WORD.match(w)}

    ca, cb = core(a), core(b)
    return bool(ca) and (ca <= cb or cb <= ca)


def add_questioner_group(turns: list[Turn], header: dict[str, str]) -> None:
    """Give the questioner's turns the group the header names, where a turn has no organisation."""
    who, group = header.get("question_by"), header.get("question_by_organisation")
    if not who or not group:
        return
    for t in turns:
        if t.organisation is None and _same_person(t.speaker, who):
            t.organisation = group


_WITNESSES = re.compile(r"^[ \t]*(?:witness(?:es)?|panel|present|speakers?)\s*:[ \t]*(?P<rest>.+)$", re.I | re.M)
_NEXT_PERSON = re.compile(r"\s*;\s*|,?\s+and\s+(?=(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame|Lord|Lady|Baroness|Cllr)\b)"
                          r"|,?\s+and\s+(?=[A-Z][a-z]+\s+[A-Z][\w'’\-]+,)")


def witness_roles(text: str) -> dict[str, str]:
    """"Witnesses: Dr A Okafor, Chief Executive, X Trust; and Tom Reid, Director, Y" → name → role."""
    out: dict[str, str] = {}
    for m in _WITNESSES.finditer(text):
        for piece in _NEXT_PERSON.split(m.group("rest")):
            name, _, role = clean(piece).strip(" .").partition(",")
            name = re.sub(r"^and\s+", "", name.strip())
            if role.strip() and looks_like_person(name):
                out[name] = role.strip(" .")
    return out


def add_witness_roles(turns: list[Turn], roles: dict[str, str]) -> None:
    """Give turns without a role the role a witness list gives the speaker."""
    for t in turns:
        if t.role is None:
            for name, role in roles.items():
                if _same_person(t.speaker, name):
                    t.role, t.organisation = role, t.organisation or role_and_org(role)[1]
                    break


def resolve_office(name: str, turns: list[Turn]) -> str:
    """"The Leader" → "Leader of X Council" when a speaker's role in the document names it fully, else "Leader"."""
    bare = re.sub(r"^the\s+", "", clean(name), flags=re.I)
    for t in turns:
        if _same_person(t.speaker, bare) and t.role:
            return t.role
    for t in turns:
        role = t.role or ""
        if role.lower() == bare.lower() or re.match(rf"^{re.escape(bare)}\s+(?:of|for)\s+[A-Z]", role, re.I):
            return role
    return bare


# a title naming the event rather than the body: "PUBLIC MEETING ON THE LIBRARY SERVICE"
_EVENT = re.compile(r"\b(?:MEETING|SESSION|HEARING|MINUTES|TRANSCRIPT|EVIDENCE|INQUIRY|AGENDA|QUESTION TIME|DEBATE|"
                    r"CONSULTATION|BRIEFING|WEBINAR|EVENT|REPORT|ON|ABOUT)\b")


def session_body(text: str, turns: list[Turn]) -> str | None:
    """The body holding the session, from the all-capitals lines at the top of a transcript:
    "ANYTOWN COUNCIL" / "HOUSING SCRUTINY PANEL" → "Anytown Council Housing Scrutiny Panel".

    The leading capitals lines (blank lines between them allowed) that each name a body are
    joined, the wider body first as written; the header stops at the first other line."""
    end = turns[0].label_start if turns and turns[0].label_start is not None else len(text)
    names: list[str] = []
    for line in text[:end].split("\n")[:12]:
        s = clean(line)
        if not s:
            continue
        if (len(s) <= 100 and len(s.split()) >= 2 and is_all_caps(s) and ":" not in s and not dates_in(s)
                and looks_like_org(s) and not _EVENT.search(s)):
            names.append(s)
            continue
        break
    return title_case(" ".join(names)) if names else None
