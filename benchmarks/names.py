"""Lenient comparison of organisation names, for the evaluation scripts.

Two names match when, after folding case, punctuation, articles and legal suffixes, one contains the
other as whole words, or one is the other's acronym (or the acronym a gold name gives in brackets), or
any comma/slash part of a multi-part gold name ("SMART Health IT, Computational Health Informatics
Program") matches, or what a gold name gives in brackets ("HM Government (Lord President of the Council)"). A name of a single generic word never matches a longer one by containment.
"""
from __future__ import annotations

import re

_LEGAL = r"\b(?:llc|l\.l\.c|inc|incorporated|ltd|limited|plc|pbc|corp|corporation|co|lp|llp|pty|gmbh|cic)\b\.?"
_GENERIC = {"association", "society", "council", "department", "government", "committee", "health", "office",
            "group", "network", "alliance", "institute", "foundation", "trust", "board", "services", "service"}


def fold(name: str | None) -> str:
    if not name:
        return ""
    s = name.lower().replace("’", "'").replace("&", " and ")
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(_LEGAL, " ", s)
    s = re.sub(r"\b(?:the|a|an|of|for|and|on|in|to|us|u s)\b", " ", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in s.split())


def acronyms(name: str) -> set[str]:
    """'American College of Radiology (ACR)' → {'acr'}; the initials of the words too."""
    out = {re.sub(r"[^a-z]", "", m.lower()) for m in re.findall(r"\(([A-Za-z&/.\-]{2,12})\)", name)}
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", re.sub(r"\([^)]*\)", " ", name))
             if w.lower() not in ("of", "for", "and", "the", "on", "in", "to")]
    if len(words) >= 2:
        out.add("".join(w[0] for w in words).lower())
    if len(words) >= 3 and words[0].lower() in ("department", "ministry", "office"):
        out.add("".join(w[0] for w in words[1:]).lower())  # "Department of Health and Human Services": HHS
    if re.fullmatch(r"[A-Za-z&/.\-]{2,12}", name.strip()) and name.strip().upper() == name.strip():
        out.add(re.sub(r"[^a-z]", "", name.strip().lower()))
    return out


def _contains(a: str, b: str) -> bool:
    return bool(a) and f" {a} " in f" {b} "


def same_org(pred: str | None, gold: str | None, alts: list[str] | tuple = ()) -> bool:
    if not pred or not gold:
        return not pred and not gold
    bracketed = re.findall(r"\(([^()]{4,})\)", gold)  # "HM Government (Lord President of the Council)": either
    for g in [gold, *alts, *re.split(r"\s*[,/;]\s*", gold), *bracketed]:
        if not g:
            continue
        fp, fg = fold(pred), fold(g)
        if not fp or not fg:
            continue
        if fp == fg:
            return True
        short = fp if len(fp) < len(fg) else fg
        if (len(short.split()) >= 2 or short not in _GENERIC and len(short) >= 4) and (
                _contains(fp, fg) or _contains(fg, fp)):
            return True
        p_up = pred.strip()
        if re.fullmatch(r"[A-Z][A-Za-z&/.\-]{1,11}", p_up) and sum(c.isupper() for c in p_up) >= 2:
            if re.sub(r"[^a-z]", "", p_up.lower()) in acronyms(g):
                return True
        g_up = g.strip()
        if re.fullmatch(r"[A-Z][A-Za-z&/.\-]{1,11}", g_up) and sum(c.isupper() for c in g_up) >= 2:
            if re.sub(r"[^a-z]", "", g_up.lower()) in acronyms(pred):
                return True
        if acronyms(pred) & {a for a in re.findall(r"\(([A-Za-z&/.\-]{2,12})\)", g.lower())}:
            return True
    return False
