"""Askmap's Gradio app: upload, themes side by side, organisation positions, asks, consultation answers, documents.

    python ui.py [--db PATH_OR_URL] [--host 127.0.0.1] [--port 7860] [--auth user:password]

The app calls the library (ingest/, analysis/, askmap/) and holds no logic of its own. Uploaded text
is always shown as text (tables, highlighted text), never rendered as HTML. Serves on 127.0.0.1
unless told otherwise; never opens a share link.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

import gradio as gr
import pandas as pd

from askmap import pipeline, theming
from askmap.export import export_asks
from askmap.store import (
    ask_breakdown,
    count_asks,
    count_documents,
    delete_document,
    list_documents,
    load_document,
    open_engine,
    query_asks,
)
from askmap.store import themes as theme_store
from askmap.store.positions import conflicts, organisations_of, position_counts, query_positions, top_organisations
from analysis.themes import Theme, seed_id
from ingest import ColumnRoles, ReadOptions

CORPUS = Path(__file__).resolve().parent / "corpus"
# the views read pages and counts from the database, never whole tables: they stay fast at 10,000 documents
ASK_PAGE = 100  # asks table rows per page
THEME_QUOTES = 50  # quotes shown under a theme
GRID_ORGS = 40  # organisations in the grid (those with the most asks and statements) …
NEWEST_DOCS = 5  # … and those of the newest documents
ORG_CHOICES = 500  # organisations offered in the profile list (any other can be typed)
DOC_PAGE = 200  # documents listed (newest first; find others by name)
QUOTES = 200  # quotes for one grid cell or profile
ASK_COLUMNS = ["doc", "type", "holder", "addressee", "themes", "number", "text", "start", "end", "id"]
STANCE_COLOURS = {"calls_for": "#cfe3ff", "commits": "#d7f5d0", "supports": "#a8e6a1", "welcomes": "#e6f7c1",
                  "concerned": "#ffe2b3", "opposes": "#ffb3b3"}
TYPE_LABELS = {"recommendation": "recommendation", "request": "request", "pledge": "pledge", "commitment": "commitment"}


def _asks_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame([{k: ("; ".join(r[k]) if isinstance(r[k], list) else r[k]) for k in ASK_COLUMNS} for r in rows],
                      columns=ASK_COLUMNS)
    return df


def highlighted(engine, doc_id: str) -> list[tuple[str, str | None]]:
    """A document's text cut into segments, each ask labelled with its type (for gr.HighlightedText)."""
    doc = load_document(engine, doc_id)
    if doc is None:
        return []
    asks = sorted(query_asks(engine, doc=doc_id), key=lambda a: a["start"])
    out, pos = [], 0
    for a in asks:
        if a["start"] < pos:
            continue
        if a["start"] > pos:
            out.append((doc.text[pos:a["start"]], None))
        out.append((doc.text[a["start"]:a["end"]], TYPE_LABELS.get(a["type"], a["type"])))
        pos = a["end"]
    out.append((doc.text[pos:], None))
    return out


def theme_choices(engine) -> list[tuple[str, str]]:
    return [(f"{t['name']} ({t['size']})", t["id"]) for t in theme_store.theme_summaries(engine, examples=0)]


def theme_column(engine, theme_id: str | None, summaries: list[dict] | None = None) -> tuple[str, pd.DataFrame]:
    """One theme's column: a heading with counts (as plain text) and its first asks with their quotes
    (``summaries``: the themes' summaries, when the caller has them already)."""
    cols = ["text", "doc", "holder", "addressee", "type"]
    if summaries is None and theme_id:
        summaries = theme_store.theme_summaries(engine, examples=0)
    summary = next((t for t in summaries if t["id"] == theme_id), None) if theme_id else None
    if summary is None:
        return "", pd.DataFrame(columns=cols)
    total = count_asks(engine, theme=theme_id)
    types = ask_breakdown(engine, "type", theme=theme_id)
    holders = ask_breakdown(engine, "holder", 6, theme=theme_id)
    addressees = ask_breakdown(engine, "addressee", 6, theme=theme_id)
    rows = query_asks(engine, theme=theme_id, limit=THEME_QUOTES)
    head = (f"{summary['name']}: {total} asks" + (f" (first {len(rows)} below)" if total > len(rows) else "") + "\n"
            f"types: {', '.join(f'{k} {v}' for k, v in types)}\n"
            f"holders: {', '.join(f'{k} ({v})' for k, v in holders)}\n"
            f"addressees: {', '.join(f'{k} ({v})' for k, v in addressees)}")
    return head, pd.DataFrame([{k: r[k] for k in cols} for r in rows], columns=cols)


def themes_view(engine, selected: list[str] | None) -> tuple:
    """The Themes tab: up to three theme columns (heading, quotes) and the asks-per-theme bars."""
    selected = (selected or [])[:3]
    summaries = theme_store.theme_summaries(engine, examples=0)
    cols = []
    for i in range(3):
        head, df = theme_column(engine, selected[i] if i < len(selected) else None, summaries)
        cols += [head, df]
    bars = pd.DataFrame([{"theme": t["name"], "asks": t["size"]} for t in summaries], columns=["theme", "asks"])
    return (*cols, bars)


def heatmap(engine, top: int = GRID_ORGS):
    """Organisation × theme for the organisations holding the most asks and statements, and those of the
    newest documents: the main stance and its count of positions in each cell, coloured by stance
    (counted in the database)."""
    newest = [d["id"] for d in list_documents(engine, limit=NEWEST_DOCS, newest_first=True)]
    orgs = organisations_of(engine, newest)  # what was just uploaded comes first
    orgs += [o for o, _ in top_organisations(engine, top) if o not in orgs]
    if not orgs:
        return pd.DataFrame({"organisation": []}), []
    cells: dict[tuple[str, str], Counter] = {}
    for o, t, stance, n in position_counts(engine, orgs):
        cells.setdefault((o, t), Counter())[stance] += n
    themes_ = sorted({t for _, t in cells})
    table = []
    for o in orgs:
        row = {"organisation": o}
        for t in themes_:
            c = cells.get((o, t))
            row[t] = f"{c.most_common(1)[0][0]} {sum(c.values())}" if c else ""
        table.append(row)
    df = pd.DataFrame(table, columns=["organisation", *themes_])

    def colour(v):
        stance = str(v).split(" ")[0] if v else ""
        return f"background-color: {STANCE_COLOURS[stance]}" if stance in STANCE_COLOURS else ""

    styled = df.style.map(colour, subset=themes_)
    return styled, themes_


def organisation_choices(engine) -> list[str]:
    return sorted(o for o, _ in top_organisations(engine, ORG_CHOICES))


def conflicts_text(engine) -> str:
    def names(orgs: list[str], more: bool = False) -> str:
        shown = ", ".join(orgs[:10])
        return shown + (f" and {len(orgs) - 10} others" if len(orgs) > 10 else " and others" if more else "")

    lines = [f"{c['theme']}: for — {names(c['for'], c['more_for'])}; against — {names(c['against'])}"
             for c in conflicts(engine)]
    return "\n".join(lines) or "No conflicts: no theme has organisations both for and against."


def organisations_view(engine) -> tuple:
    """The Organisations tab: the grid, the conflicts, the organisations to profile."""
    return heatmap(engine)[0], conflicts_text(engine), gr.update(choices=organisation_choices(engine))


def asks_view(engine, filters: dict, page: int = 1) -> tuple[pd.DataFrame, str]:
    """The Asks tab: one page of the filtered asks and a line saying which of how many."""
    total = count_asks(engine, **filters)
    pages = max(1, -(-total // ASK_PAGE))
    page = min(max(1, int(page or 1)), pages)
    rows = query_asks(engine, limit=ASK_PAGE, offset=(page - 1) * ASK_PAGE, **filters)
    first = (page - 1) * ASK_PAGE + 1 if rows else 0
    return _asks_frame(rows), f"Asks {first}–{first + len(rows) - 1 if rows else 0} of {total} (page {page} of {pages})"


def ask_filters(theme, type_, holder, addressee, doc, date_from, date_to, text) -> dict:
    return {k: v for k, v in {"theme": theme, "type": type_, "holder": holder, "addressee": addressee, "doc": doc,
                              "date_from": date_from, "date_to": date_to, "text": text}.items() if v}


def documents_view(engine, contains: str | None = None) -> tuple[pd.DataFrame, list[tuple[str, str]], str]:
    """The Documents tab: the newest documents (or those whose name contains ``contains``)."""
    docs = list_documents(engine, limit=DOC_PAGE, contains=contains or None, newest_first=True)
    total = count_documents(engine)
    frame = pd.DataFrame([{k: (", ".join(d[k]) if isinstance(d[k], list) else d[k])
                           for k in ["source", "kind", "date", "author_org", "addressees", "chars", "turns"]} for d in docs],
                         columns=["source", "kind", "date", "author_org", "addressees", "chars", "turns"])
    choices = [(f"{d['source']} ({d['kind']}, {d['date'] or 'no date'})", d["id"]) for d in docs]
    caption = f"{len(docs)} of {total} documents" + (f" matching “{contains}”" if contains else ", newest first")
    return frame, choices, caption


ANSWER_COLUMNS = ["text", "themes", "stance", "respondent", "respondent_type", "question", "doc", "id"]
ANSWER_PAGE = 500  # answers listed at once (filter to find others)


def question_choices(engine) -> list[tuple[str, str]]:
    """The consultation's questions (and whole submissions), as (label, value) for a dropdown."""
    from askmap.store.answers import summary

    seen = []
    for r in summary(engine):
        if r["question"] not in seen:
            seen.append(r["question"])
    return [(q or "(whole submissions)", q or "(whole submissions)") for q in seen]


def consultation_view(engine, question: str | None, theme: str | None, stance: str | None, text: str | None):
    """Per question: each theme's respondents split by stance (a stacked bar chart and its table, which also
    splits them by who answers: individuals, organisations by kind), and the
    answers table filtered by theme, stance and text. Returns (prevalence frame, chart frame, answers frame, caption)."""
    from askmap.store.answers import query_responses, summary

    theming.ensure_answers(engine)
    q = None if not question or question == "(whole submissions)" else question
    rows = summary(engine, question=q or ("none" if question == "(whole submissions)" else None), by="stance")
    if question and question != "(whole submissions)":
        rows = [r for r in rows if r["question"] == question]
    # the same themes split by who answers: individuals, and organisations by kind (charity, company, public body, …)
    by_kind = {(r["question"], r["theme"]): r["by_kind"] for r in
               summary(engine, question=q or ("none" if question == "(whole submissions)" else None), by="kind")}
    totals: dict[str, int] = {}
    for r in rows:
        for k, n in by_kind.get((r["question"], r["theme"]), {}).items():
            totals[k] = totals.get(k, 0) + n
    kinds = sorted(totals, key=lambda k: (-totals[k], k))
    columns = ["theme", "respondents", "share %", "agree", "disagree", "mixed", "unclear", *kinds]
    prevalence = pd.DataFrame([{"theme": r["theme"], "respondents": r["respondents"], "share %": round(100 * r["share"], 1),
                                **{k: r["by_stance"].get(k, 0) for k in ("agree", "disagree", "mixed", "unclear")},
                                **{k: by_kind.get((r["question"], r["theme"]), {}).get(k, 0) for k in kinds}}
                               for r in rows], columns=columns)
    chart = pd.DataFrame([{"theme": r["theme"], "stance": k, "respondents": n} for r in rows
                          for k, n in r["by_stance"].items()], columns=["theme", "stance", "respondents"])
    answers = query_responses(engine, question=q or ("none" if question == "(whole submissions)" else None),
                              theme=theme or None, stance=stance or None)
    if question and question != "(whole submissions)":
        answers = [a for a in answers if a["question"] == question]
    if text:
        answers = [a for a in answers if text.lower() in a["text"].lower()]
    shown = answers[:ANSWER_PAGE]
    frame = pd.DataFrame([{k: ("; ".join(a[k]) if isinstance(a[k], list) else a[k]) for k in ANSWER_COLUMNS} for a in shown],
                         columns=ANSWER_COLUMNS)
    caption = f"{len(answers)} answers" + (f" (the first {ANSWER_PAGE} shown)" if len(answers) > ANSWER_PAGE else "")
    return prevalence, chart, frame, caption


def answer_tag_choices(engine, answer_id: str) -> tuple[list[str], list[str]]:
    """The theme names an analyst may tag an answer with (its question's themes) and its themes now."""
    from askmap.store.answers import query_responses

    row = next(iter(query_responses(engine, answer_id=answer_id)), None)
    if row is None:
        return [], []
    live = [t for t in theme_store.load_themes(engine) if t.centroid is not None or t.question]
    names = [t.name for t in theming._themes_for(row["question"], live)]
    return names, [n for n in row["themes"] if n in names]


def answer_highlighted(engine, answer_id: str) -> list[tuple[str, str | None]]:
    """One answer's text with its evidence marked: each theme's sentence by theme name, the stance's by stance."""
    from askmap.store.answers import query_responses

    row = next(iter(query_responses(engine, answer_id=answer_id)), None)
    if row is None:
        return []
    marks = [(e["start"] - row["start"], e["end"] - row["start"], e["theme"]) for e in row["evidence"]]
    marks += [(e["start"] - row["start"], e["end"] - row["start"], f"stance: {row['stance']}") for e in row["stance_evidence"]]
    text, out, pos = row["text"], [], 0
    for s, e, label in sorted(marks):
        if s < pos:  # a sentence that carries a theme and the stance: one label each, joined
            if out and out[-1][1] and out[-1][0] == text[s:e]:
                out[-1] = (out[-1][0], f"{out[-1][1]} + {label}")
            continue
        if s > pos:
            out.append((text[pos:s], None))
        out.append((text[s:e], label))
        pos = e
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def build_app(db: str | None = None) -> gr.Blocks:
    engine = open_engine(db)
    if count_documents(engine) == 0 and CORPUS.is_dir():
        pipeline.ingest_paths(engine, [CORPUS])  # the demo corpus on first start
    else:
        pipeline.finish_theming(engine)  # documents an interrupted ingest left waiting for themes: finished now

    def do_upload(files, id_col, org_col, type_col, question_cols, progress=gr.Progress()):
        empty = pd.DataFrame(columns=["file", "result", "reason", "asks"])
        if not files:
            return empty, _asks_frame([]), [], gr.update(), ""
        questions = [q.strip() for q in (question_cols or "").split(",") if q.strip()] or None
        options = ReadOptions(columns=ColumnRoles(id=id_col or None, organisation=org_col or None,
                                                  respondent_type=type_col or None, questions=questions))
        results, new_docs, ask_for_columns = [], [], []
        for i, f in enumerate(files):
            progress((i, len(files)), desc=f"reading {Path(f).name}")
            r = pipeline.ingest_paths(engine, [f], options)[0]  # one by one: a failure never loses the others
            results.append({"file": Path(f).name, "result": r.status, "reason": r.reason or "", "asks": r.asks})
            new_docs += r.new_ids
            if r.reason and ("column" in r.reason.lower()):
                ask_for_columns.append(f"{Path(f).name}: {r.reason}")
        asks = [a for d in new_docs for a in query_asks(engine, doc=d)]
        text = highlighted(engine, new_docs[0]) if new_docs else []
        prompt = ("Which columns are which? Name them under 'Consultation export columns' and upload again.\n"
                  + "\n".join(ask_for_columns)) if ask_for_columns else ""
        return pd.DataFrame(results), _asks_frame(asks), text, gr.update(choices=doc_choices()), prompt

    def doc_choices(contains=None):
        return documents_view(engine, contains)[1]

    def filter_asks(theme, type_, holder, addressee, doc, date_from, date_to, text, page=1):
        filters = ask_filters(theme, type_, holder, addressee, doc, date_from, date_to, text)
        frame, caption = asks_view(engine, filters, page)
        return frame, filters, caption

    def download(filters, fmt):
        """Every ask the filters select (not only the page shown)."""
        out = Path(tempfile.mkdtemp(prefix="askmap-")) / f"asks.{fmt}"
        return str(export_asks(query_asks(engine, **(filters or {})), out, fmt))

    def show_themes(selected):
        return themes_view(engine, selected)

    def edit(action, a, b, name, description, keywords, request: gr.Request):
        user = getattr(request, "username", None)  # the analyst signed in (--auth): each edit is logged under it
        try:
            if action == "rename":
                theme_store.rename_theme(engine, a, name, user=user)
            elif action == "merge":
                theme_store.merge_themes(engine, a, b, user=user)
            elif action == "move ask":
                theme_store.move_ask(engine, name.strip(), a, user=user)
            elif action == "add theme":
                kws = [k.strip() for k in (keywords or "").split(",") if k.strip()]
                theme_store.add_theme(engine, Theme(seed_id(name), name, description or "", kws, "seed"), user=user)
                theming.fit(engine)
            msg = f"{action}: done"
        except (KeyError, ValueError) as exc:
            msg = f"{action}: {exc}"
        choices = theme_choices(engine)
        return msg, gr.update(choices=choices), gr.update(choices=choices), gr.update(choices=choices)

    def cell_quotes(evt: gr.SelectData):
        row, col = evt.index
        styled, themes_ = heatmap(engine)
        df = styled.data if hasattr(styled, "data") else styled
        if col == 0 or row >= len(df):
            return pd.DataFrame(columns=["stance", "evidence", "doc", "speaker"])
        org, theme = df.iloc[row, 0], df.columns[col]
        rows = query_positions(engine, theme=theme, organisation=org, limit=QUOTES)
        return pd.DataFrame([{k: p[k] for k in ["stance", "evidence", "doc", "speaker"]} for p in rows],
                            columns=["stance", "evidence", "doc", "speaker"])

    def profile(org):
        rows = query_positions(engine, organisation=org, limit=QUOTES) if org else []
        return pd.DataFrame([{k: p[k] for k in ["theme", "stance", "evidence", "doc"]} for p in rows],
                            columns=["theme", "stance", "evidence", "doc"])

    def view_doc(doc_id):
        if not doc_id:
            return [], ""
        d = load_document(engine, doc_id)
        meta = (f"{d.source} — {d.kind}, {d.date or 'no date'}\nfrom: {d.author_org or d.author or '?'}\n"
                f"to: {', '.join(d.addressees) or '?'}") if d else ""
        return highlighted(engine, doc_id), meta

    def remove_doc(doc_id, contains):
        if doc_id:
            delete_document(engine, doc_id)
        frame, choices, caption = documents_view(engine, contains)
        return gr.update(choices=choices, value=None), frame, caption, [], "deleted" if doc_id else ""

    def find_docs(contains):
        frame, choices, caption = documents_view(engine, contains)
        return frame, gr.update(choices=choices), caption

    with gr.Blocks(title="Askmap") as app:
        gr.Markdown("# Askmap\nWho asks what of whom — every figure links back to its quote.")
        with gr.Tab("Upload"):
            files = gr.File(file_count="multiple", label="Submissions (PDF, DOCX, TXT, MD, HTML, EML, CSV, XLSX)")
            with gr.Accordion("Consultation export columns (when they can't be recognised from their headers)", open=False):
                with gr.Row():
                    id_col = gr.Textbox(label="Respondent id column")
                    org_col = gr.Textbox(label="Organisation column")
                    type_col = gr.Textbox(label="Respondent type column")
                    question_cols = gr.Textbox(label="Question columns, comma-separated")
            go = gr.Button("Read and analyse", variant="primary")
            column_prompt = gr.Textbox(label="Columns needed", interactive=False)
            results = gr.Dataframe(label="Per-file result", interactive=False)
            new_asks = gr.Dataframe(label="Asks in the new documents", interactive=False, wrap=True)
            new_text = gr.HighlightedText(label="The first new document, asks highlighted by type", show_legend=True)
        with gr.Tab("Themes") as t_themes:
            pick = gr.Dropdown(choices=theme_choices(engine), multiselect=True, max_choices=3,
                               label="Compare up to three themes")
            with gr.Row():
                heads, tables = [], []
                for i in range(3):
                    with gr.Column():
                        heads.append(gr.Textbox(label=f"Theme {i + 1}", lines=4, interactive=False))
                        tables.append(gr.Dataframe(interactive=False, wrap=True))
            bars = gr.BarPlot(x="theme", y="asks", label="Asks per theme", x_label_angle=-30)
            with gr.Accordion("Edit themes", open=False):
                action = gr.Radio(["rename", "merge", "move ask", "add theme"], value="rename", label="Edit")
                theme_a = gr.Dropdown(choices=theme_choices(engine), label="Theme (rename; merge into; move to)")
                theme_b = gr.Dropdown(choices=theme_choices(engine), label="Other theme (merge)")
                name = gr.Textbox(label="New name / ask id (move) / new theme's name (add)")
                description = gr.Textbox(label="Description (add)")
                keywords = gr.Textbox(label="Keywords, comma-separated (add)")
                apply = gr.Button("Apply")
                edit_msg = gr.Textbox(label="Result", interactive=False)
        with gr.Tab("Organisations") as t_orgs:
            styled, _ = heatmap(engine)
            grid = gr.Dataframe(value=styled, label=f"Organisation × theme (main stance and count) for the {GRID_ORGS} "
                                                    "organisations with the most asks and statements and those of the newest documents; "
                                                    "select a cell for its quotes",
                                interactive=False)
            quotes = gr.Dataframe(label="Quotes", interactive=False, wrap=True)
            conflicts = gr.Textbox(value=conflicts_text(engine), label="Conflicts", lines=3, interactive=False)
            org = gr.Dropdown(choices=organisation_choices(engine), label="Organisation profile (choose or type a name)",
                              allow_custom_value=True)
            org_table = gr.Dataframe(interactive=False, wrap=True)
        with gr.Tab("Asks") as t_asks:
            with gr.Row():
                f_theme = gr.Dropdown(choices=[t["name"] for t in theme_store.theme_summaries(engine, examples=0)],
                                      label="Theme", value=None)
                f_type = gr.Dropdown(choices=list(TYPE_LABELS), label="Type", value=None)
                f_holder = gr.Textbox(label="Holder contains")
                f_addressee = gr.Textbox(label="Addressee contains")
            with gr.Row():
                f_doc = gr.Textbox(label="Document contains")
                f_from = gr.Textbox(label="Dated from (yyyy-mm-dd)")
                f_to = gr.Textbox(label="Dated to (yyyy-mm-dd)")
                f_text = gr.Textbox(label="Text contains")
            with gr.Row():
                search = gr.Button("Filter", variant="primary")
                page = gr.Number(value=1, precision=0, minimum=1, label="Page")
            first_frame, first_caption = asks_view(engine, {})
            caption = gr.Markdown(first_caption)
            table = gr.Dataframe(value=first_frame, interactive=False, wrap=True, label="Asks")
            state = gr.State({})  # the filters of the table shown: a download takes every ask they select
            with gr.Row():
                fmt = gr.Radio(["csv", "xlsx", "jsonl"], value="csv", label="Download format")
                get = gr.Button("Prepare download")
                file_out = gr.File(label="Filtered asks")
        with gr.Tab("Consultation") as t_consult:
            gr.Markdown("Per question: which themes respondents raise, how many, and where they stand. "
                        "Select an answer to see the sentences that carry its themes and its stance.")
            with gr.Row():
                c_question = gr.Dropdown(choices=question_choices(engine), label="Question", value=None)
                c_theme = gr.Dropdown(choices=[], label="Theme", value=None, allow_custom_value=True)
                c_stance = gr.Dropdown(choices=["agree", "disagree", "mixed", "unclear"], label="Stance", value=None)
                c_text = gr.Textbox(label="Answer contains")
            c_go = gr.Button("Show", variant="primary")
            c_chart = gr.BarPlot(x="theme", y="respondents", color="stance", label="Respondents per theme, by stance",
                                 x_label_angle=-30)
            c_prevalence = gr.Dataframe(label="Share of the question's respondents raising each theme",
                                        interactive=False, wrap=True)
            c_caption = gr.Markdown("")
            c_answers = gr.Dataframe(label="Answers (select one for its evidence)", interactive=False, wrap=True)
            c_evidence = gr.HighlightedText(label="The answer, its evidence highlighted", show_legend=True)
            c_selected = gr.State(None)  # the selected answer's id
            with gr.Row():
                c_tags = gr.Dropdown(choices=[], multiselect=True, label="Themes for the selected answer (your tags)")
                c_tag = gr.Button("Tag this answer")
                c_learn = gr.Button("Learn from the tags")
            c_tag_msg = gr.Textbox(label="Tags", interactive=False, lines=3)
        with gr.Tab("Documents") as t_docs:
            first_docs, first_choices, first_docs_caption = documents_view(engine)
            find = gr.Textbox(label="Find documents by name")
            docs_caption = gr.Markdown(first_docs_caption)
            docs_table = gr.Dataframe(value=first_docs, interactive=False, label="Documents")
            which = gr.Dropdown(choices=first_choices, label="Document")
            meta = gr.Textbox(label="Metadata", lines=3, interactive=False)
            viewer = gr.HighlightedText(label="Text, asks highlighted by type", show_legend=True)
            delete = gr.Button("Delete this document (its asks and positions go with it)", variant="stop")
            deleted = gr.Textbox(label="", interactive=False)

        go.click(do_upload, [files, id_col, org_col, type_col, question_cols],
                 [results, new_asks, new_text, which, column_prompt], api_name="upload")
        # each tab shows the database as it is now (an upload or an edit elsewhere is reflected)
        t_themes.select(lambda sel: (gr.update(choices=theme_choices(engine)), *show_themes(sel)), pick,
                        [pick, heads[0], tables[0], heads[1], tables[1], heads[2], tables[2], bars])
        t_orgs.select(lambda: organisations_view(engine), None, [grid, conflicts, org])
        inputs = [f_theme, f_type, f_holder, f_addressee, f_doc, f_from, f_to, f_text]
        t_asks.select(lambda *f: (*filter_asks(*f),
                                  gr.update(choices=[t["name"] for t in theme_store.theme_summaries(engine, examples=0)])),
                      inputs + [page], [table, state, caption, f_theme])
        def show_consultation(question, theme, stance, text):
            prevalence, chart, frame, caption = consultation_view(engine, question, theme, stance, text)
            names = [t for t in prevalence["theme"].tolist()]
            return prevalence, chart, frame, caption, gr.update(choices=names)

        def pick_answer(frame, evt: gr.SelectData):
            row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
            if frame is None or row >= len(frame):
                return [], None, gr.update(choices=[], value=[])
            answer_id = frame.iloc[row]["id"]  # looked up by the answer's id, not its place
            choices, current = answer_tag_choices(engine, answer_id)
            return answer_highlighted(engine, answer_id), answer_id, gr.update(choices=choices, value=current)

        def tag_selected(answer_id, names, question, theme, stance, text):
            from askmap.store.answers import tag_answer

            if not answer_id:
                return ("select an answer first", *show_consultation(question, theme, stance, text))
            try:
                tag_answer(engine, answer_id, names or [])
                msg = f"tagged: {', '.join(names) if names else 'no theme fits'} (kept through every re-fit)"
            except ValueError as exc:
                msg = f"not tagged: {exc}"
            return (msg, *show_consultation(question, theme, stance, text))

        def learn(question, theme, stance, text):
            report: dict = {}
            theming.assign_answers(engine, report=report)
            lines = [f"{q or '(whole submissions)'}: {r['tagged']} tagged, {r['themes_learned']} themes learned, "
                     f"cross-validated agreement with you (sample F1) "
                     f"{'n/a' if r['sample_f1'] is None else format(r['sample_f1'], '.2f')}" for q, r in report.items()]
            return ("\n".join(lines) or "no tagged answers yet", *show_consultation(question, theme, stance, text))

        c_inputs = [c_question, c_theme, c_stance, c_text]
        c_outputs = [c_prevalence, c_chart, c_answers, c_caption, c_theme]
        t_consult.select(lambda *a: (*show_consultation(*a), gr.update(choices=question_choices(engine))), c_inputs,
                         c_outputs + [c_question])
        c_go.click(show_consultation, c_inputs, c_outputs, api_name="consultation")
        c_question.change(lambda q: show_consultation(q, None, None, None), c_question, c_outputs)
        c_answers.select(pick_answer, c_answers, [c_evidence, c_selected, c_tags])
        c_tag.click(tag_selected, [c_selected, c_tags] + c_inputs, [c_tag_msg] + c_outputs)
        c_learn.click(learn, c_inputs, [c_tag_msg] + c_outputs)
        t_docs.select(find_docs, find, [docs_table, which, docs_caption])
        find.submit(find_docs, find, [docs_table, which, docs_caption])
        pick.change(show_themes, pick, [heads[0], tables[0], heads[1], tables[1], heads[2], tables[2], bars])
        app.load(show_themes, pick, [heads[0], tables[0], heads[1], tables[1], heads[2], tables[2], bars])
        apply.click(edit, [action, theme_a, theme_b, name, description, keywords], [edit_msg, pick, theme_a, theme_b])
        grid.select(cell_quotes, None, quotes)
        org.change(profile, org, org_table)
        search.click(lambda *f: filter_asks(*f, 1) + (1,), inputs, [table, state, caption, page], api_name="filter_asks")
        page.submit(filter_asks, inputs + [page], [table, state, caption], api_name="asks_page")
        get.click(download, [state, fmt], file_out, api_name="download")
        which.change(view_doc, which, [viewer, meta])
        delete.click(remove_doc, [which, find], [which, docs_table, docs_caption, viewer, deleted])
    return app


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="askmap ui", description="Askmap's Gradio app")
    p.add_argument("--db", default=None, help="database path or URL (default $ASKMAP_DB or askmap.db)")
    p.add_argument("--host", default=os.environ.get("ASKMAP_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("ASKMAP_PORT", 7860)))
    p.add_argument("--auth", action="append", default=None,
                   help="user:password of an account for the sign-in form (repeatable; @FILE: one a line); "
                        "default $ASKMAP_AUTH")
    args = p.parse_args(argv)
    if args.auth is None and os.environ.get("ASKMAP_AUTH") is not None:
        args.auth = [os.environ["ASKMAP_AUTH"]]
    return args


def main(argv: list[str] | None = None) -> int:
    from askmap.auth import AuthError, checker, exposure_warning, parse_auth

    args = parse_args(argv)
    try:
        accounts = parse_auth(args.auth)
    except AuthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    warning = exposure_warning(args.host, accounts)
    if warning:
        print(warning, file=sys.stderr)
    if not _port_free(args.host, args.port):
        print(f"error: port {args.port} on {args.host} is in use: stop what is serving there, or choose another "
              f"with --port N (or ASKMAP_PORT=N)", file=sys.stderr)
        return 2
    from sqlalchemy.exc import DBAPIError

    from askmap.cli import database_problem

    try:
        app = build_app(args.db)
    except (DBAPIError, TimeoutError) as exc:
        print(f"error: {database_problem(exc, args.db)}", file=sys.stderr)
        return 3
    app.queue().launch(server_name=args.host, server_port=args.port, auth=checker(accounts) if accounts else None,
                       share=False, max_file_size="50mb")
    return 0


def _port_free(host: str, port: int) -> bool:
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return True  # let the server report a name it cannot resolve
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError:
            return False
    return True


if __name__ == "__main__":
    sys.exit(main())
