"""The shared word lists (``ingest/data/lexicon.toml``): honorifics, postnominals, job and office
titles, organisation words, agent head nouns, imperative verbs and the organisation kinds.

One file instead of a copy in every module. Lists are read once and cached::

    lexicon.words("honorifics")            # ('Mr', 'Mrs', …) as written in the file
    lexicon.lower("agent_heads")           # frozenset of lower-case words
    lexicon.alternation("imperative_verbs")  # 'set\\s+up|deliver|…' for a larger pattern
    lexicon.pattern("organisation_words")  # a compiled whole-word pattern
    lexicon.kinds()                        # {'elected member': (…), 'office': (…), …}
    lexicon.guess_kind("Riverside Tenants Coalition")  # 'coalition'
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

# the organisation kinds a registry entry may carry (lexicon.toml's [kinds] adds the words for each)
PUBLIC_BODY = "public body"
OFFICE = "office"  # an office-holder: a minister, a mayor, a commissioner, a secretary of state
CHARITY = "charity"  # a charity or voluntary organisation
PROFESSIONAL_BODY = "professional body"
COMPANY = "company"
ACADEMIC = "academic"
COALITION = "coalition"
INDIVIDUAL = "individual"
ELECTED_MEMBER = "elected member"
KINDS = (PUBLIC_BODY, OFFICE, CHARITY, PROFESSIONAL_BODY, COMPANY, ACADEMIC, COALITION, INDIVIDUAL, ELECTED_MEMBER)


@lru_cache(maxsize=1)
def _data() -> Mapping[str, object]:
    text = resources.files("ingest").joinpath("data", "lexicon.toml").read_text(encoding="utf-8")
    return MappingProxyType(tomllib.loads(text))


def names() -> tuple[str, ...]:
    """The names of the word lists (not the kinds)."""
    return tuple(k for k, v in _data().items() if isinstance(v, list))


@lru_cache(maxsize=64)
def words(name: str) -> tuple[str, ...]:
    """A word list as the file writes it, each word once, in file order. KeyError for an unknown list."""
    value = _data()[name]
    if not isinstance(value, list):
        raise KeyError(f"{name!r} is not a word list")
    return tuple(dict.fromkeys(str(w) for w in value))


@lru_cache(maxsize=64)
def lower(name: str) -> frozenset[str]:
    """A word list, lower-cased, for membership tests."""
    return frozenset(w.lower() for w in words(name))


def _alternation(items: tuple[str, ...]) -> str:
    """Longest first (so 'Chief Executive Officer' is tried before 'Chief Executive'); spaces match any run of
    white space."""
    alts = sorted(dict.fromkeys(items), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in alts)


@lru_cache(maxsize=64)
def alternation(name: str) -> str:
    """The list as a regex alternation (no group, no boundaries), for a module's larger pattern."""
    return _alternation(words(name))


@lru_cache(maxsize=64)
def pattern(name: str, ignore_case: bool = True) -> re.Pattern[str]:
    """The list as a whole-word pattern (a word is not matched inside a longer word or hyphenated word)."""
    return re.compile(rf"(?<![\w'’-])(?:{alternation(name)})(?![\w-])", re.I if ignore_case else 0)


@lru_cache(maxsize=1)
def kinds() -> Mapping[str, tuple[str, ...]]:
    """Organisation kind → the words that suggest it, in the order :func:`guess_kind` tries them."""
    table = _data().get("kinds", {})
    assert isinstance(table, dict)
    return MappingProxyType({k: tuple(dict.fromkeys(v)) for k, v in table.items()})


@lru_cache(maxsize=1)
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for kind, ws in kinds().items():
        # words written in capitals ('MP', 'TD', 'NHS') are matched as written; the rest in any case
        upper = tuple(w for w in ws if w.isupper())
        other = tuple(w for w in ws if not w.isupper())
        parts = []
        if upper:
            parts.append(rf"(?-i:{_alternation(upper)})")
        if other:
            parts.append(_alternation(other))
        out.append((kind, re.compile(rf"(?<![\w'’-])(?:{'|'.join(parts)})(?![\w-])", re.I)))
    return tuple(out)


@lru_cache(maxsize=4096)
def guess_kind(name: str) -> str | None:
    """The kind an organisation's name suggests ('Ashgrove Parents Coalition' → 'coalition'), or None.
    A suggestion only: what a document or the user says about an organisation outranks it."""
    if not name or not name.strip():
        return None
    # the head noun decides: in "Eastmere Community Council" the body is a council, in "Council for Rural Crafts"
    # too — the last kind word of the name before its first "of/for/on/…", the longest where two end together
    head = _CONNECTIVE.search(name)
    head_end = head.start() if head else len(name)
    found = [(m.start() < head_end, m.end(), m.end() - m.start(), -order, kind)
             for order, (kind, rx) in enumerate(_kind_patterns()) for m in rx.finditer(name)]
    return max(found)[-1] if found else None


_CONNECTIVE = re.compile(r"\s(?:of|for|on|in|and|to|at|&)\s", re.I)
