"""Names for discovered themes as a person would write them: a short noun phrase taken from what the
members say ("Ban on sports advertising", "Cost of parking permits"), never a bag of words, a stop word or a
place or person name alone.

Candidates are the noun phrases of the members' text (spaCy noun chunks without their determiners, and a
chunk joined to the next by "of", "on", "for", "to", "in", "from" or "with"). Each is scored by how many
members use it against how many members of the other themes do, with a small preference for two to four
words. Pure: texts in, a name out (the caller supplies the parser).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from . import lexicon

_JOINS = {"of", "on", "for", "to", "in", "from", "with", "about"}
_NAMED = {"PERSON", "GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_DROP_HEAD = {"det", "poss", "predet", "nummod", "punct", "case"}
_QUANTIFIERS = {"most", "many", "some", "all", "few", "several", "more", "other", "such", "any", "every", "each", "lot",
                "lots", "much", "same", "own", "main", "real", "whole"}
_WORD = re.compile(r"[a-z][a-z'’-]+")


def _stop(word: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    return word in STOP_WORDS or word in lexicon.lower("theme_stop_words")


def _tokens(chunk) -> list:
    """A chunk's words without its determiners, possessor ("the council's"), leading quantifiers and punctuation."""
    doc = chunk.doc

    def hyphened(t) -> bool:  # "two-way": the parts of a hyphenated word stay together
        return (t.i + 1 < len(doc) and doc[t.i + 1].text == "-") or (t.i > 0 and doc[t.i - 1].text == "-")

    def inner_hyphen(t) -> bool:
        return t.text == "-" and t.i > 0 and not doc[t.i - 1].whitespace_ and not t.whitespace_

    toks = [t for t in chunk if inner_hyphen(t) or not (
        t.i < chunk.root.i and not hyphened(t) and (t.dep_ in _DROP_HEAD or t.head.dep_ == "poss" or t.dep_ == "poss"))
        and not t.is_punct]
    while toks and toks[0].lower_ in _QUANTIFIERS and len(toks) > 1:
        toks = toks[1:]
    return toks


def _join(toks) -> str:
    """Tokens as written: no space around a hyphen inside a word."""
    return "".join(t.text + ("" if t.text == "-" or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-") else " ")
                   for t in toks).strip()


def _named(toks) -> bool:
    """The phrase is a name of a place, a person, a date or a number (and nothing else)."""
    return all(t.ent_type_ in _NAMED or t.pos_ == "PROPN" for t in toks)


def candidates(doc) -> list[str]:
    """The noun phrases of one parsed text (surface forms), without leading determiners, possessors or
    quantifiers; none that is only a place, person, date or number name."""
    out = []
    chunks = list(doc.noun_chunks)
    for k, c in enumerate(chunks):
        toks = _tokens(c)
        if not toks or c.root.pos_ == "PRON" or _named(toks):
            continue
        phrase = _join(toks)
        out.append(phrase)
        nxt = doc[c.end] if c.end < len(doc) else None
        if nxt is not None and nxt.lower_ in _JOINS and k + 1 < len(chunks) and chunks[k + 1].start == c.end + 1:
            tail = _tokens(chunks[k + 1])
            if tail and chunks[k + 1].root.pos_ != "PRON":
                out.append(f"{phrase} {nxt.lower_} " + _join(tail))
    return out


def acceptable(phrase: str) -> bool:
    """A name a person could give a theme: 1–6 words, with at least one content word that is no stop word."""
    words = phrase.split()
    if not 1 <= len(words) <= 6 or not any(_WORD.fullmatch(w) and not _stop(w) and len(w) > 2 for w in words):
        return False
    return not (len(words) == 1 and (_stop(words[0]) or len(words[0]) < 4))


def name_themes(groups: Sequence[Sequence[str]], parse: Callable[[list[str]], list]) -> list[str]:
    """One name per group of member texts: the noun phrase its members use most, and the other groups least.
    Distinct across groups; a group whose members share no usable phrase gets "" (no name)."""
    parsed = [parse(list(g)) for g in groups]
    per_group: list[Counter] = []
    forms: dict[str, Counter] = {}
    for docs in parsed:
        df: Counter = Counter()
        for d in docs:
            seen = set()
            for form in candidates(d):
                key = form.lower()
                if acceptable(key) and key not in seen:
                    seen.add(key)
                    df[key] += 1
                    forms.setdefault(key, Counter())[form] += 1
        per_group.append(df)
    names: list[str] = []
    used: set[str] = set()
    for g, df in enumerate(per_group):
        n_in = max(1, len(groups[g]))
        others = [per_group[h] for h in range(len(groups)) if h != g]
        n_out = max(1, sum(len(groups[h]) for h in range(len(groups)) if h != g))

        def score(p: str) -> float:
            inside = df[p] / n_in
            outside = sum(o.get(p, 0) for o in others) / n_out
            words = len(p.split())
            return inside - outside + (0.05 if 2 <= words <= 4 else 0.0) + 0.001 * len(p)

        ranked = sorted((p for p in df if p not in used and df[p] >= min(2, n_in)), key=lambda p: (-score(p), p))
        if not ranked:
            names.append("")  # nothing its answers share: no name (the caller leaves the group unthemed)
            continue
        used.add(ranked[0])
        form = forms[ranked[0]].most_common(1)[0][0]  # as the answers write it ("NHS staff", not "nhs staff")
        names.append(form[:1].upper() + form[1:])
    return names
