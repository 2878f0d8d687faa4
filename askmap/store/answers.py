"""Consultation answers in the store: each answer with its stance, its themes (the machine's, and an
analyst's tags, which the machine never overwrites), the responses table and the per-question summary."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, delete, func, insert, select

from analysis.answers import ANSWER_STANCES, Answer
from analysis.stance_model import LEARNED  # the stance rule of an answer whose stance the learned model gave

from .batches import chunks, sorted_chunks
from .schema import answer_themes, answers, asks, documents, themes

MACHINE, ANALYST = "machine", "analyst"
NO_THEME = "(no theme fits)"
NO_THEME_ID = "-"  # an analyst's "no theme fits" for an answer, stored as a tag


@dataclass
class AnswerRow:
    id: str
    doc_id: str
    start: int
    end: int
    question: str | None
    text: str
    stance: str = "unclear"
    stance_rule: str | None = None


def docs_without_answers(engine: Engine, doc_ids: Sequence[str] | None = None) -> list[str]:
    """Stored documents that have no answers yet (all of them, or those of ``doc_ids``)."""
    with engine.connect() as conn:
        q = select(documents.c.id).where(~documents.c.id.in_(select(answers.c.doc_id))).order_by(documents.c.id)
        queries = [q] if doc_ids is None else [q.where(documents.c.id.in_(part)) for part in sorted_chunks(doc_ids)]
        return [doc_id for query in queries for doc_id in conn.execute(query).scalars()]


def save_answers(engine: Engine, items: Sequence[Answer]) -> None:
    """Store answers (one transaction); an answer already stored is left as it is."""
    if not items:
        return
    with engine.begin() as conn:
        have = {i for part in chunks([a.id for a in items]) for i in
                conn.execute(select(answers.c.id).where(answers.c.id.in_(part))).scalars()}
        rows = [{"id": a.id, "doc_id": a.doc_id, "start": a.start, "end": a.end, "question": a.question, "text": a.text,
                 "response_id": a.response_id, "respondent": a.respondent, "organisation": a.organisation,
                 "respondent_type": a.respondent_type, "stance": a.stance, "stance_rule": a.stance_rule,
                 "stance_evidence": [{"start": s, "end": e} for s, e in a.stance_evidence]}
                for a in items if a.id not in have]
        if rows:
            conn.execute(insert(answers), rows)


def answers_for_theming(engine: Engine, doc_ids: Sequence[str] | None = None) -> list[AnswerRow]:
    with engine.connect() as conn:
        q = select(answers.c.id, answers.c.doc_id, answers.c.start, answers.c.end, answers.c.question,
                   answers.c.text, answers.c.stance, answers.c.stance_rule).order_by(answers.c.doc_id, answers.c.start)
        queries = [q] if doc_ids is None else [q.where(answers.c.doc_id.in_(part)) for part in sorted_chunks(doc_ids)]
        return [AnswerRow(*r) for query in queries for r in conn.execute(query)]


def answers_by_ids(engine: Engine, ids: Sequence[str]) -> list[AnswerRow]:
    """These answers (an analyst's tagged ones), in document order."""
    with engine.connect() as conn:
        q = select(answers.c.id, answers.c.doc_id, answers.c.start, answers.c.end, answers.c.question,
                   answers.c.text, answers.c.stance, answers.c.stance_rule)
        found = [AnswerRow(*r) for part in chunks(list(ids)) for r in conn.execute(q.where(answers.c.id.in_(part)))]
    return sorted(found, key=lambda r: (r.doc_id, r.start, r.id))


def set_learned_stances(engine: Engine, rows: Sequence[dict]) -> None:
    """The learned stance of answers the model decides (see :mod:`analysis.stance_model`):
    ``{"answer_id", "stance", "start", "end"}`` (the evidence span in the document's text)."""
    if not rows:
        return
    stmt = (answers.update().where(answers.c.id == bindparam("answer"))
            .values(stance=bindparam("stance_"), stance_rule=LEARNED, stance_evidence=bindparam("evidence")))
    with engine.begin() as conn:  # one statement executed for every row
        conn.execute(stmt, [{"answer": r["answer_id"], "stance_": r["stance"],
                             "evidence": [{"start": r["start"], "end": r["end"]}] if r["stance"] != "unclear" else []}
                            for r in rows])


def set_answer_themes(engine: Engine, answer_ids: Sequence[str], rows: Sequence[dict]) -> None:
    """Replace the machine's themes of these answers; an analyst's tags stay (and the machine adds none
    to an answer an analyst has tagged)."""
    with engine.begin() as conn:
        ids = list(answer_ids)
        tagged: set[str] = set()
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            conn.execute(delete(answer_themes).where(answer_themes.c.answer_id.in_(part), answer_themes.c.source == MACHINE))
            tagged |= set(conn.execute(select(answer_themes.c.answer_id).where(
                answer_themes.c.answer_id.in_(part), answer_themes.c.source == ANALYST)).scalars())
        keep = [dict(r, source=MACHINE) for r in rows if r["answer_id"] not in tagged]
        if keep:
            conn.execute(insert(answer_themes), keep)


def analyst_tags(engine: Engine) -> dict[str, set[str]]:
    """Answer id → the theme ids an analyst tagged it with (an answer tagged with none has an empty set only
    when it was tagged "no theme fits": see :func:`tag_answer`)."""
    with engine.connect() as conn:
        out: dict[str, set[str]] = defaultdict(set)
        for r in conn.execute(select(answer_themes.c.answer_id, answer_themes.c.theme_id).where(answer_themes.c.source == ANALYST)):
            if r.theme_id != NO_THEME_ID:
                out[r.answer_id].add(r.theme_id)
            else:
                out.setdefault(r.answer_id, set())
        return dict(out)


def document_themes(engine: Engine, doc_ids: Sequence[str]) -> dict[str, list[tuple[str, float, int, int]]]:
    """Per document: (theme id, score, start, end) of its asks' and stance statements' themes — what a whole
    submission, read as one answer, is about, with the sentences that say it."""
    from .schema import ask_themes, statement_themes, statements

    out: dict[str, list[tuple[str, float, int, int]]] = defaultdict(list)
    ids = list(doc_ids)
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for r in conn.execute(select(asks.c.doc_id, ask_themes.c.theme_id, ask_themes.c.score, asks.c.start, asks.c.end)
                                  .join(ask_themes, ask_themes.c.ask_id == asks.c.id).where(asks.c.doc_id.in_(part))):
                out[r.doc_id].append((r.theme_id, float(r.score), r.start, r.end))
            for r in conn.execute(select(statements.c.doc_id, statement_themes.c.theme_id, statement_themes.c.score,
                                         statements.c.start, statements.c.end)
                                  .join(statement_themes, statement_themes.c.statement_id == statements.c.id)
                                  .where(statements.c.doc_id.in_(part))):
                out[r.doc_id].append((r.theme_id, float(r.score), r.start, r.end))
    return dict(out)


def replace_discovered(engine: Engine, question: str, found: Sequence) -> None:
    """Store a question's discovered themes: the new ones are upserted (after every other theme), and its
    earlier discovered themes that nobody edited and no analyst tagged with go, with the machine's links."""
    from .themes import _upsert_theme

    keep = {t.id for t in found}
    with engine.begin() as conn:
        old = conn.execute(select(themes.c.id, themes.c.edited).where(themes.c.question == question,
                                                                       themes.c.origin == "discovered")).all()
        tagged = set(conn.execute(select(answer_themes.c.theme_id).where(answer_themes.c.source == ANALYST)).scalars())
        stale = [r.id for r in old if r.id not in keep and not r.edited and r.id not in tagged]
        if stale:
            conn.execute(delete(answer_themes).where(answer_themes.c.theme_id.in_(stale)))
            conn.execute(delete(themes).where(themes.c.id.in_(stale)))
        start = int(conn.execute(select(func.coalesce(func.max(themes.c.position), 0))).scalar()) + 1
        for k, t in enumerate(found):
            _upsert_theme(conn, t, start + k, keep_name=any(r.id == t.id and r.edited for r in old))


def tag_answer(engine: Engine, answer_id: str, theme_names: Sequence[str]) -> list[str]:
    """An analyst's themes for an answer: replace its themes with these (stored as the analyst's; no re-fit
    or re-analysis overwrites them). Theme names match the answer's question's themes, without case.
    ValueError for an unknown answer or theme."""
    with engine.begin() as conn:
        row = conn.execute(select(answers.c.id, answers.c.question).where(answers.c.id == answer_id)).first()
        if row is None:
            raise ValueError(f"no answer {answer_id!r}")
        live = conn.execute(select(themes.c.id, themes.c.name, themes.c.question).where(themes.c.merged_into.is_(None))).all()
        mine = [t for t in live if (t.question or None) == (row.question or None)] or [t for t in live if not t.question]
        by_name = {t.name.lower(): t.id for t in mine}
        ids = []
        for name in theme_names:
            if name.lower() not in by_name:
                raise ValueError(f"no theme {name!r} for this answer's question; themes: {', '.join(sorted(t.name for t in mine))}")
            ids.append(by_name[name.lower()])
        conn.execute(delete(answer_themes).where(answer_themes.c.answer_id == answer_id))
        conn.execute(insert(answer_themes), [{"answer_id": answer_id, "theme_id": t, "score": 1.0, "start": None,
                                              "end": None, "source": ANALYST} for t in (dict.fromkeys(ids) or [NO_THEME_ID])])
        return ids


RESPONSE_FIELDS = ("id", "doc", "response_id", "respondent", "organisation", "respondent_type", "question", "themes",
                   "stance", "evidence", "stance_evidence", "asks", "tagged", "text", "start", "end")


def query_responses(engine: Engine, question: str | None = None, theme: str | None = None,
                    stance: str | None = None, answer_id: str | None = None) -> list[dict]:
    """One row per answer (INTERFACES.md: a consultation answer), in document order; filters by question
    (exact or contained, without case), theme name, stance and answer id."""
    if stance is not None and stance not in ANSWER_STANCES:
        raise ValueError(f"stance must be one of {', '.join(ANSWER_STANCES)}")
    with engine.connect() as conn:
        q = (select(answers, documents.c.source, documents.c.text.label("doc_text"))
             .join(documents, documents.c.id == answers.c.doc_id).order_by(documents.c.source, answers.c.start))
        linked_q = select(answer_themes).order_by(answer_themes.c.answer_id, answer_themes.c.score.desc())
        asks_q = select(asks.c.id, asks.c.doc_id, asks.c.start, asks.c.end)
        if stance:
            q = q.where(answers.c.stance == stance)
        if answer_id:
            q = q.where(answers.c.id == answer_id)
            linked_q = linked_q.where(answer_themes.c.answer_id == answer_id)
            asks_q = asks_q.where(asks.c.doc_id.in_(select(answers.c.doc_id).where(answers.c.id == answer_id)))
        rows = conn.execute(q).all()
        names = {r.id: r.name for r in conn.execute(select(themes.c.id, themes.c.name))}
        by_answer: dict[str, list] = defaultdict(list)
        for r in conn.execute(linked_q):
            by_answer[r.answer_id].append(r)
        ask_rows = conn.execute(asks_q).all()
    asks_by_doc: dict[str, list] = defaultdict(list)
    for a in ask_rows:
        asks_by_doc[a.doc_id].append(a)
    out = []
    for r in rows:
        if question and not _same_question(question, r.question):
            continue
        if stance and r.stance != stance:
            continue
        linked = [t for t in by_answer.get(r.id, []) if t.theme_id != NO_THEME_ID]
        tagged_none = any(t.theme_id == NO_THEME_ID for t in by_answer.get(r.id, []))
        theme_names = [names.get(t.theme_id, t.theme_id) for t in linked]
        if theme and theme.lower() not in {n.lower() for n in theme_names}:
            continue
        evidence = [{"theme": names.get(t.theme_id, t.theme_id), "text": r.doc_text[t.start:t.end], "start": t.start,
                     "end": t.end} for t in linked if t.start is not None]
        out.append({
            "id": r.id, "doc": r.source, "response_id": r.response_id, "respondent": r.respondent,
            "organisation": r.organisation, "respondent_type": r.respondent_type, "question": r.question,
            "themes": theme_names, "stance": r.stance, "evidence": evidence,
            "stance_evidence": [{"text": r.doc_text[e["start"]:e["end"]], **e} for e in (r.stance_evidence or [])],
            "asks": [a.id for a in asks_by_doc.get(r.doc_id, []) if r.start <= a.start and a.end <= r.end],
            "tagged": tagged_none or any(t.source == ANALYST for t in linked), "text": r.text, "start": r.start, "end": r.end})
    return out


def _same_question(wanted: str, question: str | None) -> bool:
    if question is None:
        return wanted.lower() in ("none", "-", "")
    w, q = " ".join(wanted.lower().split()), " ".join(question.lower().split())
    return w == q or w in q


ORGANISATION_KIND = "kind"  # the split by the kind of the respondent's organisation
INDIVIDUAL = "individual"  # a respondent who names no organisation
SPLITS = (None, "stance", "respondent_type", ORGANISATION_KIND)


def organisation_kinds(engine: Engine, names: set[str]) -> dict[str, str]:
    """Each organisation's kind (charity, company, public body, …): the registry's where it states one (a
    user's entry, a built-in body, a document's own words), else what the name suggests
    (:func:`ingest.lexicon.guess_kind`), else "organisation"."""
    from analysis.lexicon import guess_kind
    from analysis.organisations import GROUP, ORGANISATION

    from .schema import organisations

    stated: dict[str, str] = {}
    with engine.connect() as conn:
        for part in chunks(sorted(names)):
            for name, kind in conn.execute(select(organisations.c.name, organisations.c.kind).where(organisations.c.name.in_(part))):
                if kind not in (ORGANISATION, GROUP):
                    stated[name] = kind
    return {n: stated.get(n) or guess_kind(n) or ORGANISATION for n in names}


def summary(engine: Engine, question: str | None = None, by: str | None = None) -> list[dict]:
    """Per question and theme: how many respondents raise it and their share of the question's respondents,
    split by stance, respondent type or organisation kind when ``by`` asks for it (an answer naming no
    organisation counts as "individual"). Answers with no theme count under
    ``(no theme fits)``. Sorted by question, then count."""
    if by not in SPLITS:
        raise ValueError("by must be " + ", ".join(s for s in SPLITS if s))
    rows = query_responses(engine, question=question)
    if by == ORGANISATION_KIND:
        kinds = organisation_kinds(engine, {r["organisation"] for r in rows if r["organisation"]})
        rows = [dict(r, kind=kinds.get(r["organisation"]) if r["organisation"] else INDIVIDUAL) for r in rows]
    per_question: dict[str | None, list[dict]] = defaultdict(list)
    for r in rows:
        per_question[r["question"]].append(r)
    out = []
    for q, items in sorted(per_question.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
        respondents = {r["respondent"] for r in items}
        counts: dict[str, set] = defaultdict(set)
        split: dict[str, Counter] = defaultdict(Counter)
        for r in items:
            for t in r["themes"] or [NO_THEME]:
                counts[t].add(r["respondent"])
                if by:
                    split[t][r[by] or "unknown"] += 1
        for t, who in sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            row = {"question": q, "theme": t, "respondents": len(who), "share": round(len(who) / len(respondents), 4),
                   "of": len(respondents)}
            if by:
                row["by_" + by] = dict(sorted(split[t].items()))
            out.append(row)
    return out
