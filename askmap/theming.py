"""Theme runs over the database: a full fit (seeded + discovered, ids kept across re-fits) and the
incremental path that puts a new document's asks into the existing themes without a re-fit."""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Engine

from analysis.embeddings import DIM, Embedder, embedder_from_env
from analysis.themes import (
    ASSIGN_MIN,
    DOC_WEIGHT,
    GENERIC_DOC_WEIGHT,
    DISCOVERED,
    SEED_MIN,
    SAMPLE,
    SEEDED,
    Assignment,
    Theme,
    ThemeSpec,
    _readable_name,
    _unit,
    adapted_vectors,
    content_words,
    default_themes,
    discover,
    discovered_id,
    facet_vectors,
    is_generic,
    keyword_bonus,
    keyword_rarity,
    match_to_previous,
    pick_themes,
    points_back,
    seed_themes,
    seed_vectors,
    seeded_scores,
    similarity,
    with_context,
)

from .spool import BoundedSample, Spool, release_memory
from .store.documents import mark_themed, unthemed_documents
from .store import statements as statement_store
from .store.schema import answers as answer_table
from .store.schema import asks as ask_table
from .store.schema import statements as statement_table
from .store.themes import (
    EmbeddingStore,
    add_assignments,
    ThemingRow,
    asks_for_theming,
    doc_chunks,
    document_texts,
    load_themes,
    manual_ask_ids,
    members,
    redirects,
    save_fit,
    set_statement_themes,
    statements_for_theming,
)


@dataclass
class ThemeRun:
    asks: int
    seeded: int  # asks in a seed theme
    discovered: int  # asks in a discovered theme
    unthemed: int
    themes: int
    seconds: float


def default_embedder(engine: Engine) -> Embedder:
    """MiniLM (or the hashing stand-in, ``ASKMAP_EMBEDDER=hashing``) with the database as its cache."""
    return embedder_from_env(EmbeddingStore(engine))


def current_specs(engine: Engine, given: list[ThemeSpec] | None = None) -> list[ThemeSpec]:
    """The seed list for a fit: the list given (a --themes file), else the seed themes stored (with the
    user's added themes), else the built-in list. Themes a user added are always kept."""
    # merged seed themes stay in the list: their asks are scored as before and follow the redirect
    stored = [t for t in load_themes(engine, include_merged=True) if t.origin == SEEDED]
    if given is not None and not given:
        return []  # discovery only
    if given:
        names = {s.name.lower() for s in given}
        ids = {seed_themes(given)[i].id for i in range(len(given))}
        kept = [ThemeSpec(t.name, t.description, t.keywords, t.question) for t in stored
                if t.id not in ids and t.name.lower() not in names and _user_added(engine, t.id)]
        return list(given) + kept
    if stored:
        return [ThemeSpec(t.name, t.description, t.keywords, t.question) for t in stored]
    return default_themes()


def _user_added(engine: Engine, theme_id: str) -> bool:
    from sqlalchemy import select

    from .store.schema import theme_edits

    with engine.connect() as conn:
        return any(r.args.get("theme") == theme_id for r in conn.execute(select(theme_edits).where(theme_edits.c.action == "add")))


DISCOVER_SAMPLE = SAMPLE  # asks (or one question's answers) that discovery is fitted on; the rest join its themes


def fit(engine: Engine, specs: list[ThemeSpec] | None = None, embedder: Embedder | None = None) -> ThemeRun:
    """Assign every ask: seed themes first (up to two each), then discover themes among the rest.

    A chunk of documents' asks at a time (:func:`~askmap.store.themes.doc_chunks`): the seed themes adapt to the
    first chunk's asks, discovery is fitted on a sample of the asks no seed theme took (:data:`DISCOVER_SAMPLE`,
    chosen by id hash) and the rest join its nearest theme above ``ASSIGN_MIN``; the assignments wait in a spool
    and replace the old ones in one transaction. A collection of one chunk is fitted exactly as a whole."""
    t0 = time.perf_counter()
    embedder = embedder or default_embedder(engine)
    decide_statements(engine, embedder)
    specs = current_specs(engine, specs)
    waiting = unthemed_documents(engine)  # read before the asks: a document stored meanwhile stays waiting
    seeds = seed_themes(specs)
    svecs = seed_vectors(specs, embedder.embed) if specs else np.zeros((0, DIM), np.float32)
    # a renamed seed theme keeps its id: match stored seed themes by id or by their current name
    stored = {t.id: t for t in load_themes(engine, include_merged=True)}
    for t, v in zip(seeds, svecs):
        t.centroid = v
        for old in stored.values():
            if old.origin == SEEDED and old.name.lower() == t.name.lower() and (old.question or None) == (t.question or None):
                t.id = old.id
    redirect = redirects(engine)
    manual = manual_ask_ids(engine)
    fvecs = adapted = rarity = None
    spool = Spool()
    leftover = BoundedSample(DISCOVER_SAMPLE, rest=lambda item: (item[0], item[2]))  # (id, text, vector)
    n_asks = n_manual = n_seeded = n_assigned = 0
    for part in doc_chunks(engine, ask_table):
        rows = asks_for_theming(engine, doc_ids=part)
        ids = [r[0] for r in rows]
        texts = [r[1] for r in rows]
        n_asks += len(rows)
        vecs = _ask_vectors(rows, embedder, engine=engine)
        if specs:
            if fvecs is None:
                fvecs = facet_vectors(specs, embedder.embed)
            if rarity is None:  # the keywords' rarity and the seed themes as the first chunk's asks speak of
                rarity = keyword_rarity(_keyword_texts(texts), [s.keywords for s in specs])  # them (all, where one)
            bonus = keyword_bonus(_keyword_texts(texts), [s.keywords for s in specs], rarity=rarity)
            if adapted is None:
                adapted = adapted_vectors(vecs, svecs, fvecs, bonus)
            picks = pick_themes(seeded_scores(texts, vecs, specs, svecs, fvecs, bonus=bonus, adapted=adapted),
                                keyword_hits=bonus > 0)
        else:
            picks = [[] for _ in texts]
        assignments: list[Assignment] = []
        for i, chosen in enumerate(picks):
            if ids[i] in manual:
                n_manual += 1
                continue
            if not chosen:
                leftover.add(ids[i], (ids[i], texts[i], vecs[i].copy()))
            for rank, (j, score) in enumerate(chosen, start=1):
                assignments.append(Assignment(ids[i], redirect.get(seeds[j].id, seeds[j].id), rank, score))
        assignments = _dedupe(assignments)
        n_assigned += len({a.ask_id for a in assignments})
        n_seeded += len({a.ask_id for a in assignments if not a.theme_id.startswith("d-")})
        spool.add(assignments)
        del rows, vecs, picks
        release_memory()

    found: list[Theme] = []
    if leftover.count:
        kept = leftover.items()
        left_ids = [k[0] for k in kept]
        left_vecs = np.vstack([k[2] for k in kept])
        labels, terms = discover([k[1] for k in kept], left_vecs, _bertopic_model(embedder))
        del kept
        groups: dict[int, list[int]] = {}
        for pos, lab in enumerate(labels):
            if lab >= 0:
                groups.setdefault(lab, []).append(pos)
        centroids = {lab: _unit(left_vecs[g].mean(axis=0)) for lab, g in groups.items()}
        new_members = {lab: [left_ids[p] for p in g] for lab, g in groups.items()}
        mapping = match_to_previous(new_members, centroids, [t for t in stored.values() if t.origin == DISCOVERED],
                                    members(engine)) if groups else {}
        targets: list[tuple[str, np.ndarray]] = []  # (theme id, centroid) for the asks beyond the sample
        for lab in sorted(groups, key=lambda k: (-len(groups[k]), k)):
            tid = mapping.get(lab) or discovered_id(new_members[lab])
            tid = redirect.get(tid, tid)
            name = _readable_name(terms.get(lab, [])) or f"Theme {len(found) + 1}"
            found.append(Theme(tid, name, "", [], DISCOVERED, terms.get(lab, [])[:10], centroids[lab]))
            targets.append((tid, centroids[lab]))
            chosen = [Assignment(left_ids[p], tid, 1, float(left_vecs[p] @ centroids[lab])) for p in groups[lab]]
            spool.add(chosen)
            n_assigned += len(chosen)
            n_seeded += sum(not a.theme_id.startswith("d-") for a in chosen)
        if targets and leftover.spilled.count:  # the asks beyond the sample join the nearest discovered theme
            c = np.vstack([v for _, v in targets])
            for batch in leftover.spilled.batches():
                sims = np.vstack([v for _, v in batch]) @ c.T
                best = sims.argmax(axis=1)
                chosen = [Assignment(batch[k][0], targets[b][0], 1, float(sims[k, b]))
                          for k, b in enumerate(best) if sims[k, b] >= ASSIGN_MIN]
                spool.add(chosen)
                n_assigned += len(chosen)
                n_seeded += sum(not a.theme_id.startswith("d-") for a in chosen)
    leftover.spilled.close()
    # themes merged into others don't come back as themes of their own
    fitted = [t for t in seeds + found if t.id not in redirect]
    seen_ids = set()
    fitted = [t for t in fitted if not (t.id in seen_ids or seen_ids.add(t.id))]
    save_fit(engine, fitted, spool)
    spool.close()
    assign_statements(engine, embedder, replace_all=True)
    assign_answers(engine, embedder)
    mark_themed(engine, waiting)
    themed = n_assigned + n_manual
    return ThemeRun(n_asks, n_seeded, themed - n_seeded, n_asks - themed, len(fitted), time.perf_counter() - t0)


STATEMENT_CONTEXT_WORDS = 12  # a stance statement shorter than this is themed with the sentence before it


def _document_vectors(engine: Engine | None, rows: list[ThemingRow], embedder: Embedder) -> np.ndarray | None:
    """Per row, the unit mean of its document's asks and statements: what the whole document is about."""
    if engine is None or not DOC_WEIGHT or not rows:
        return None
    docs = sorted({r.doc_id for r in rows})
    texts = document_texts(engine, docs)
    flat = [t for d in docs for t in texts[d]]
    if not flat:
        return None
    v = embedder.embed(flat)
    means, i = {}, 0
    for d in docs:
        n = len(texts[d])
        means[d] = _unit(v[i:i + n].mean(axis=0)) if n else np.zeros(v.shape[1], dtype=v.dtype)
        i += n
    return np.vstack([means[r.doc_id] for r in rows])


def _ask_vectors(rows: list[ThemingRow], embedder: Embedder, context_below: int | None = None,
                 engine: Engine | None = None) -> np.ndarray:
    """Each ask's vector for themes: its text, with a share of its context (lead-in, question answered);
    ``context_below``: only texts shorter than this many words take their context ("I agree with you."
    needs the question; a full sentence says what it is about, and one embedding fewer is time saved)."""
    if not rows:
        return np.zeros((0, 384), dtype=np.float32)
    texts = [r[1] for r in rows]
    docs = _document_vectors(engine, rows, embedder)
    # a sentence with no subject of its own ("The Guild backs the aim of the draft.") is about its document: where
    # the document's subject is known, that is its vector, and the sentence itself is not embedded
    generic = np.array([docs is not None and is_generic(t) and bool(docs[i].any()) for i, t in enumerate(texts)])
    own = [i for i in range(len(rows)) if not generic[i]]
    vecs = np.zeros((len(rows), 384), dtype=np.float32)
    if own:
        part = embedder.embed([texts[i] for i in own])
        vecs = np.zeros((len(rows), part.shape[1]), dtype=part.dtype)
        vecs[own] = part
    if generic.any():
        vecs[generic] = docs[generic].astype(vecs.dtype)
        # … except one that points back at the sentence before it ("The Department accepts this recommendation."):
        # that sentence is its subject, within its document's
        back = np.array([generic[i] and bool(r[2]) and points_back(r[1]) and not is_generic(r[2]) for i, r in enumerate(rows)])
        if back.any():
            before = embedder.embed([r[2] for r, b in zip(rows, back) if b])
            vecs[back] = with_context(before, DOC_WEIGHT * docs[back].astype(vecs.dtype), np.ones(int(back.sum()), dtype=bool))
    has = np.array([not generic[i] and bool(r[2]) and (context_below is None or len(r[1].split()) < context_below)
                    for i, r in enumerate(rows)])
    if has.any():
        ctx = np.zeros_like(vecs)
        ctx[has] = embedder.embed([r[2] for r, h in zip(rows, has) if h])
        vecs = with_context(vecs, ctx, has)
    if docs is not None:
        mixed = ~generic
        if mixed.any():
            vecs[mixed] = with_context(vecs[mixed], DOC_WEIGHT * docs[mixed].astype(vecs.dtype), np.ones(int(mixed.sum()), dtype=bool))
    return vecs


def _keyword_texts(texts: list[str]) -> list[str]:
    """The texts the theme keywords are looked for in: a generic sentence's words ("report", "members") say
    nothing of its theme."""
    return ["" if is_generic(t) else t for t in texts]


def _dedupe(assignments: list[Assignment]) -> list[Assignment]:
    """One row per (ask, theme): a merge can send two seed themes of one ask to the same place."""
    seen: set[tuple[str, str]] = set()
    out = []
    for a in assignments:
        if (a.ask_id, a.theme_id) not in seen:
            seen.add((a.ask_id, a.theme_id))
            out.append(a)
    return out


def _bertopic_model(embedder: Embedder):
    """The sentence-transformer handed to BERTopic explicitly (never a name it would look up on a hub)."""
    model = embedder._model if embedder._model is not None else None
    if model is None and embedder.name == "all-MiniLM-L6-v2":
        model = embedder.model
    return model if hasattr(model, "encode") and type(model).__name__ == "SentenceTransformer" else None


def has_themes(engine: Engine) -> bool:
    return bool(load_themes(engine))


def _nearest(rows: list[ThemingRow], live: list[Theme], embedder: Embedder,
             context_below: int | None = None, engine: Engine | None = None) -> list[Assignment]:
    """Each row into the existing themes it is closest to: the incremental path (no re-fit)."""
    if not rows or not live:
        return []
    vecs = _ask_vectors(rows, embedder, context_below, engine)
    texts = [r[1] for r in rows]
    c = np.vstack([t.centroid for t in live])
    seeded = [t for t in live if t.origin == SEEDED]
    fv = iter(facet_vectors([ThemeSpec(t.name, t.description, t.keywords) for t in seeded], embedder.embed))
    facets = [next(fv) if t.origin == SEEDED else None for t in live]
    bonus = keyword_bonus(_keyword_texts(texts), [t.keywords for t in live])
    scores = similarity(vecs, c, facets) + bonus
    # one scale for both kinds: a seed theme needs SEED_MIN, a discovered one ASSIGN_MIN
    offset = np.array([0.0 if t.origin == SEEDED else ASSIGN_MIN - SEED_MIN for t in live])
    picks = pick_themes(scores - offset, SEED_MIN, keyword_hits=bonus > 0)
    return [Assignment(rows[i][0], live[j].id, rank, float(score + offset[j]))
            for i, chosen in enumerate(picks) for rank, (j, score) in enumerate(chosen, start=1)]


def assign_new(engine: Engine, embedder: Embedder | None = None, doc_ids: list[str] | None = None) -> int:
    """Put the asks (and stance statements) of new documents — ``doc_ids``, or every ask with no theme
    yet — into the existing themes, without a re-fit, a chunk of documents at a time. Asks that fitted no
    theme at the last fit stay where they are until the next one. Returns how many asks were placed."""
    live = [t for t in load_themes(engine) if t.centroid is not None]
    waiting = unthemed_documents(engine) if doc_ids is None else list(doc_ids)
    embedder = embedder or default_embedder(engine)
    decide_statements(engine, embedder)
    placed = 0
    for part in doc_chunks(engine, ask_table, doc_ids=doc_ids):
        out = _nearest(asks_for_theming(engine, only_unthemed=True, doc_ids=part), live, embedder, engine=engine)
        add_assignments(engine, out)
        placed += len({a.ask_id for a in out})
    assign_statements(engine, embedder, replace_all=False, doc_ids=doc_ids)
    # the answers of the documents not themed yet: new ones, and those a run stopped in the middle of theming
    # (their answers stored, not all themed); never re-theming the rest
    if waiting:
        assign_answers(engine, embedder, doc_ids=waiting)
    mark_themed(engine, waiting)
    return placed


def decide_statements(engine: Engine, embedder: Embedder) -> int:
    """The learned stance of every candidate statement (:mod:`analysis.statement_stance`), before anything is
    themed: each takes the model's stance, or is dropped. With no model, or vectors of another embedder than the one
    it was trained on, every candidate is dropped (the rules' statements stand). Returns how many were kept.
    The model reads word-piece vectors (:meth:`Embedder.word_vectors`): no sentence is embedded for it."""
    from analysis import statement_stance

    model = statement_stance.load()
    usable = model is not None and embedder.name == statement_stance.TRAINED_ON
    kept = 0
    while rows := statement_store.undecided(engine):
        if usable:
            texts = list(dict.fromkeys(t for _, t in rows))
            verdict = dict(zip(texts, (s for s, _ in model.predict(embedder.word_vectors(texts)))))
            decisions = {sid: verdict[t] for sid, t in rows}
        else:
            decisions = {sid: None for sid, _ in rows}
        statement_store.decide(engine, decisions)
        kept += sum(1 for v in decisions.values() if v)
        release_memory()
    return kept


def assign_statements(engine: Engine, embedder: Embedder | None = None, replace_all: bool = True,
                      doc_ids: list[str] | None = None) -> int:
    """Stance statements join the themes (after a fit: all of them; after an upload: the new ones), a chunk of
    documents at a time, written in one transaction."""
    live = [t for t in load_themes(engine) if t.centroid is not None]
    if not live:
        return 0
    embedder = embedder or default_embedder(engine)
    spool, placed = Spool(), 0
    for part in doc_chunks(engine, statement_table, doc_ids=None if replace_all else doc_ids):
        rows = statements_for_theming(engine, only_unthemed=not replace_all, doc_ids=part)
        out = _nearest(rows, live, embedder, STATEMENT_CONTEXT_WORDS, engine)
        spool.add(out)
        release_memory()
        placed += len({a.ask_id for a in out})
    if spool.count or replace_all:
        set_statement_themes(engine, spool, replace_all)
    spool.close()
    return placed


# ------------------------------------------------------------------ consultation answers

def ensure_answers(engine: Engine, doc_ids: list[str] | None = None) -> int:
    """Split the stored documents that have no answers yet into answers (with their stance). Returns how many."""
    from analysis.answers import split_answers

    from .store import load_document
    from .store.answers import docs_without_answers, save_answers
    from .store.batches import chunks

    made = 0
    for part in chunks(docs_without_answers(engine, doc_ids)):  # a chunk of documents in memory at a time
        found = []
        for doc_id in part:
            doc = load_document(engine, doc_id)
            if doc is not None:
                found += split_answers(doc)
        save_answers(engine, found)
        made += len(found)
    return made


def _themes_for(question: str | None, live: list[Theme]) -> list[Theme]:
    """The themes an answer is scored against: its question's own (listed or discovered), else the listed themes
    for every question; none for a question without either (its themes are then discovered)."""
    norm = " ".join((question or "").lower().split())
    own = [t for t in live if t.question and " ".join(t.question.lower().split()) == norm] if question else []
    listed = [t for t in live if not t.question and t.origin == SEEDED]
    if own:
        # a list of its own replaces the general one; themes discovered among its answers that the general list
        # did not fit are scored beside that list (as at the fit that found them)
        return own if any(t.origin == SEEDED for t in own) else listed + own
    if question is not None:
        return listed  # none: the question's own themes are discovered among its answers
    return listed or [t for t in live if not t.question]


MAX_SENTENCES = 20  # sentences of one answer scored one by one (a longer answer's later sentences count only in the whole)


def assign_answers(engine: Engine, embedder: Embedder | None = None, doc_ids: list[str] | None = None,
                   report: dict | None = None) -> int:
    """Every answer (or those of ``doc_ids``) gets its themes from its question's list
    (:mod:`analysis.answer_themes`: sentences and the whole answer scored zero-shot; where an analyst has
    tagged answers of the question, a model learned from the tags shifts the scores). Each theme keeps the
    sentence that scores it best as evidence. Analysts' tags stay as they are. ``report``, when given, is
    filled per question with the tag models' cross-validated agreement with the analyst. Returns the number
    of answers given a theme.

    A chunk of documents' answers at a time; every tagged answer joins each chunk (a question's tag model learns
    from all its tags); a question's answers that no theme fits are pooled (a bounded sample, the rest spooled)
    and its themes discovered once all chunks are done."""
    from .store.answers import analyst_tags, answers_by_ids, answers_for_theming, set_answer_themes

    ensure_answers(engine, doc_ids)
    live = [t for t in load_themes(engine) if t.centroid is not None]
    embedder = embedder or default_embedder(engine)
    tags = analyst_tags(engine)
    tagged_rows = answers_by_ids(engine, sorted(tags)) if tags else []
    leftovers: dict[str, BoundedSample] = {}
    themed = 0
    for part in doc_chunks(engine, answer_table, doc_ids=doc_ids):
        themed += _assign_answer_chunk(engine, embedder, answers_for_theming(engine, part), live, tags, tagged_rows,
                                       leftovers, report)
        release_memory()
    for question in sorted(leftovers):
        pool = leftovers[question]
        for batch in discover_for_question(engine, embedder, question, pool.items(), rest=pool.spilled,
                                           total=pool.count).batches():
            ids = list(dict.fromkeys(a["answer_id"] for a in batch))
            themed += len(ids)
            set_answer_themes(engine, ids, batch)
        pool.spilled.close()
    return themed


def _assign_answer_chunk(engine: Engine, embedder: Embedder, rows: list, live: list[Theme], tags: dict[str, set[str]],
                         tagged_rows: list, leftovers: dict[str, BoundedSample], report: dict | None) -> int:
    """One chunk's answers themed, their learned stances set, and those that no theme fits, of a question with
    no list of its own, pooled in ``leftovers`` for discovery. Returns the chunk's answers given a theme."""
    from analysis.answer_themes import copy_near_duplicates, cross_validate, fit_tags, pick
    from analysis.answers import sentences

    from .store.answers import set_answer_themes, set_learned_stances

    if not rows:
        return 0
    own = {r.id for r in rows}
    # a whole submission (an answer to no one question) is about what its asks and stance sentences are about:
    # their themes, with their sentences as evidence (already themed: nothing more to embed)
    whole_docs = [r for r in rows if r.question is None and r.id not in tags]
    rows = [r for r in rows if not (r.question is None and r.id not in tags)]
    out: list[dict] = []
    stances: list[dict] = []
    themed = 0
    if whole_docs:
        from .store.answers import document_themes

        by_doc = document_themes(engine, sorted({r.doc_id for r in whole_docs}))
        live_ids = {t.id for t in live}
        for r in whole_docs:
            best: dict[str, tuple[float, int, int]] = {}
            for theme_id, score, start, end in by_doc.get(r.doc_id, []):
                if theme_id in live_ids and (theme_id not in best or score > best[theme_id][0]):
                    best[theme_id] = (score, start, end)
            themed += bool(best)
            out += [{"answer_id": r.id, "theme_id": t, "score": sc, "start": st, "end": en} for t, (sc, st, en) in best.items()]
        set_answer_themes(engine, [r.id for r in whole_docs], out)
        out = []
    if not rows:
        return themed
    groups: dict[tuple[str, ...], list] = {}
    for r in rows:
        groups.setdefault(tuple(t.id for t in _themes_for(r.question, live)), []).append(r)
    if tagged_rows:  # a model learns from every tagged answer of the question, not only this chunk's
        for key, members in groups.items():
            have = {r.id for r in members}
            members += [r for r in tagged_rows if r.id not in have and
                        tuple(t.id for t in _themes_for(r.question, live)) == key]
    by_id = {t.id: t for t in live}
    for ids, members in groups.items():
        group = [by_id[i] for i in ids]
        if not group:  # no themes at all: every answer to a question waits for discovery
            for r in members:
                if r.question is not None and r.id not in tags and r.id in own:
                    _pool(leftovers, r, None)
            continue
        index = {t.id: j for j, t in enumerate(group)}
        seeded = [t for t in group if t.origin == SEEDED]
        fv = iter(facet_vectors([ThemeSpec(t.name, t.description, t.keywords) for t in seeded], embedder.embed))
        facets = [next(fv) if t.origin == SEEDED else None for t in group]
        centroids = np.vstack([t.centroid for t in group])
        offset = np.array([0.0 if t.origin == SEEDED else ASSIGN_MIN - SEED_MIN for t in group])
        texts, owners = [], []  # (answer index, span or None for the whole answer)
        for i, r in enumerate(members):
            texts.append(r.text)
            owners.append((i, None))
            spans = sentences(r.text)
            if len(spans) > 1:
                for s, e in spans[:MAX_SENTENCES]:
                    texts.append(r.text[s:e])
                    owners.append((i, (s, e)))
        vecs = embedder.embed(texts)
        scores = similarity(vecs, centroids, facets) + keyword_bonus(_keyword_texts(texts), [t.keywords for t in group]) - offset
        tagged = {i: {index[t] for t in tags[r.id] if t in index} for i, r in enumerate(members) if r.id in tags}
        if tagged:
            whole = {i: k for k, (i, span) in enumerate(owners) if span is None}
            model = fit_tags(vecs[[whole[i] for i in sorted(tagged)]], [tagged[i] for i in sorted(tagged)], len(group))
            base = scores
            if model.learned:
                scores = base + model.shift(vecs)
            if report is not None:
                cv = cross_validate(owners, base, vecs, tagged, len(group))
                question = members[0].question
                report[question] = {"tagged": len(tagged), "themes_learned": model.learned, "sample_f1": cv["sample_f1"],
                                    "themes": {group[j].name: v for j, v in cv["themes"].items() if v["tagged"] or v["precision"] is not None}}
        stances += _learned_stances(members, owners, vecs, embedder)
        picked = pick(owners, scores, len(members))
        sentence_rows: dict[int, list[int]] = {}  # answer index → its sentences' rows (found once, not per theme)
        for k, (i, span) in enumerate(owners):
            if span is not None:
                sentence_rows.setdefault(i, []).append(k)
        whole_rows = [k for k, (_, span) in enumerate(owners) if span is None]
        if tagged:
            copy_near_duplicates(picked, vecs[whole_rows], tagged, scores[whole_rows])
        for i, r in enumerate(members):
            if (not picked[i] and r.question is not None and r.id not in tags and r.id in own
                    and not any(t.question for t in group)):
                _pool(leftovers, r, vecs[whole_rows[i]])
        for i, r in enumerate(members):
            chosen = picked[i]
            if chosen and r.id in own:
                themed += 1
            for j, (score, span) in chosen.items():
                if span is None:  # the whole answer's theme: its evidence is the sentence that scores it best
                    mine = sentence_rows.get(i)
                    if mine:
                        span = owners[max(mine, key=lambda k: scores[k][j])][1]
                    else:
                        span = _whole_span(r.text)
                out.append({"answer_id": r.id, "theme_id": group[j].id, "score": float(score + offset[j]),
                            "start": r.start + span[0], "end": r.start + span[1]})
    set_answer_themes(engine, list(dict.fromkeys(r.id for m in groups.values() for r in m)), out)
    set_learned_stances(engine, stances)
    return themed


def _pool(leftovers: dict[str, BoundedSample], r, vec: np.ndarray | None) -> None:
    """An answer no theme fits joins its question's pool for discovery: kept whole in the sample, or spooled as
    (id, evidence start, end, vector or None) beyond it. An answer of stop words only ("Yes.", "No, I don't.")
    has nothing to discover a theme by: it stays without one."""
    if content_words(r.text) < 1:
        return
    pool = leftovers.get(r.question)
    if pool is None:
        pool = leftovers[r.question] = BoundedSample(DISCOVER_SAMPLE, rest=_rest_of_answer)
    pool.add(r.id, (r, None if vec is None else vec.copy()))


def _rest_of_answer(item) -> tuple:
    r, vec = item
    s, e = _discovered_span(r.text)
    return (r.id, r.start + s, r.start + e, r.text if vec is None else None, vec)


def _discovered_span(text: str) -> tuple[int, int]:
    """A discovered theme's evidence in its answer: the answer's sentences, first to last."""
    from analysis.answers import sentences

    spans = sentences(text)
    return (spans[0] if len(spans) == 1 else (spans[0][0], spans[-1][1])) if spans else (0, len(text))


def _whole_span(text: str) -> tuple[int, int]:
    """An answer's evidence span when no one sentence of it was scored: its only sentence, else all of it."""
    from analysis.answers import sentences

    spans = sentences(text)
    return spans[0] if len(spans) == 1 else (0, len(text))


STANCE_BATCH = 2048  # answers whose stance features are built at once (four vectors each: memory stays flat)


def _learned_stances(members: list, owners: list[tuple[int, tuple[int, int] | None]], vecs: np.ndarray,
                     embedder: Embedder) -> list[dict]:
    """For the answers to a question whose words gave the stance rules nothing (or only a cue the model reads
    better, :meth:`analysis.stance_model.StanceModel.decides`), the learned model's stance
    (:mod:`analysis.stance_model`) from the vectors already made for themes, with the sentence that speaks
    most for it as evidence. Only for vectors of the model it was trained on."""
    from analysis import stance_model
    from analysis.answers import UNCLEAR

    from .store.batches import chunks

    model = stance_model.load()
    if model is None or embedder.name != stance_model.TRAINED_ON:
        return []
    todo = [i for i, r in enumerate(members) if r.question and model.decides(r.stance_rule)]
    if not todo:
        return []
    questions = sorted({members[i].question for i in todo})
    qv = dict(zip(questions, embedder.embed(questions)))
    rows_of: dict[int, list[int]] = {}  # answer → its rows: the whole answer first, then its sentences (if more than one)
    for k, (i, _) in enumerate(owners):
        rows_of.setdefault(i, []).append(k)
    decided: list[tuple[str, float]] = []
    for part in chunks(todo, STANCE_BATCH):  # features of a batch at a time
        whole = [rows_of[i][0] for i in part]
        first = [rows_of[i][1] if len(rows_of[i]) > 1 else rows_of[i][0] for i in part]
        last = [rows_of[i][-1] for i in part]
        q = np.vstack([qv[members[i].question] for i in part])
        decided += model.predict(vecs[whole], q, vecs[first], vecs[last])
    out = []
    for i, (stance, _) in zip(todo, decided):
        r, said = members[i], rows_of[i][1:]
        if stance == UNCLEAR:
            out.append({"answer_id": r.id, "stance": UNCLEAR, "start": r.start, "end": r.start})
            continue
        if said:  # the sentence the model reads as most for that stance
            p = model.probabilities(vecs[said], np.repeat(qv[r.question][None, :], len(said), axis=0))
            span = owners[said[int(p[:, model.classes.index(stance)].argmax())]][1]
        else:
            span = _whole_span(r.text)
        out.append({"answer_id": r.id, "stance": stance, "start": r.start + span[0], "end": r.start + span[1]})
    return out


DISCOVER_MIN_ANSWERS = 10  # answers to a question that no theme fits before themes are discovered among them


NAME_SAMPLE = 60  # members of a discovered theme, the closest to its centre, whose phrases name it (parsing is the cost)


def _central(idx: list[int], vecs: np.ndarray, n: int) -> list[int]:
    """The ``n`` members of a cluster closest to its centroid (all of a smaller one), in their original order."""
    if len(idx) <= n:
        return idx
    centroid = _unit(vecs[idx].mean(axis=0))
    sims = vecs[idx] @ centroid
    keep = sorted(np.argsort(-sims, kind="stable")[:n])
    return [idx[k] for k in keep]


def discover_for_question(engine: Engine, embedder: Embedder, question: str, members: list,
                          rest: Spool | None = None, total: int | None = None) -> Spool:
    """Themes discovered among one question's answers that no listed theme fits (BERTopic, as for asks),
    each named with the noun phrase its answers use most and the others least
    (:mod:`analysis.theme_names`), described with a representative answer, and stored as the question's
    own discovered themes (replacing its earlier ones that nobody edited). ``members``: the answers discovery
    is fitted on, as (answer row, vector or None); ``rest``: the question's other such answers (spooled by
    :func:`_pool`), which join the nearest named theme above ``ASSIGN_MIN``; ``total``: how many there are in all.
    Returns the answers' assignments, spooled."""
    import hashlib

    from analysis.nlp import nlp, with_entities
    from analysis.theme_names import name_themes

    from .store.answers import replace_discovered

    out = Spool()
    rows = [m[0] if isinstance(m, tuple) else m for m in members]
    if (total if total is not None else len(rows)) < DISCOVER_MIN_ANSWERS or len(rows) < DISCOVER_MIN_ANSWERS:
        return out
    texts = [r.text for r in rows]
    vecs = embedder.embed(texts)
    labels, _ = discover(texts, vecs, _bertopic_model(embedder))
    clusters: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        if lab >= 0:
            clusters.setdefault(lab, []).append(i)
    clusters = {lab: idx for lab, idx in clusters.items() if len(idx) >= 2}
    if not clusters:
        return out
    order = sorted(clusters, key=lambda lab: (-len(clusters[lab]), min(clusters[lab])))
    names = name_themes([[texts[i] for i in _central(clusters[lab], vecs, NAME_SAMPLE)] for lab in order],
                        lambda ts: [with_entities(d) for d in nlp().pipe(ts)])
    themes = []
    for lab, name in zip(order, names):
        if not name:
            continue  # its answers share no phrase to name it by: they stay without a theme
        idx = clusters[lab]
        centroid = _unit(vecs[idx].mean(axis=0))
        central = max(idx, key=lambda i: float(vecs[i] @ centroid))
        quote = texts[central] if len(texts[central]) <= 160 else texts[central][:157].rsplit(" ", 1)[0] + "…"
        tid = "d-" + hashlib.sha1(f"{' '.join(question.lower().split())}\n{name.lower()}".encode()).hexdigest()[:10]
        themes.append(Theme(tid, name, f"{len(idx)} answers to this question, for example: “{quote}”", [], DISCOVERED,
                            [], centroid, question))
        for i in idx:
            r = rows[i]
            s, e = _discovered_span(r.text)
            out.add([{"answer_id": r.id, "theme_id": tid, "score": float(vecs[i] @ centroid),
                      "start": r.start + s, "end": r.start + e}])
    replace_discovered(engine, question, themes)
    if themes and rest is not None and rest.count:  # the answers beyond the sample join the nearest named theme
        c = np.vstack([t.centroid for t in themes])
        for batch in rest.batches():
            need = [k for k, item in enumerate(batch) if item[4] is None]
            made = iter(embedder.embed([batch[k][3] for k in need])) if need else iter(())
            v = np.vstack([item[4] if item[4] is not None else next(made) for item in batch])
            sims = v @ c.T
            best = sims.argmax(axis=1)
            out.add([{"answer_id": item[0], "theme_id": themes[b].id, "score": float(sims[k, b]),
                      "start": item[1], "end": item[2]} for k, (item, b) in enumerate(zip(batch, best))
                     if sims[k, b] >= ASSIGN_MIN])
    return out
