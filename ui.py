"""Askmap's Gradio app: upload, themes side by side, organisation positions, asks, documents.

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
from askmap.store import count_documents, delete_document, list_documents, load_document, open_engine, query_asks
from askmap.store import themes as theme_store
from askmap.store.positions import query_positions, theme_positions_summary
from analysis.themes import Theme, seed_id
from ingest import ColumnRoles, ReadOptions

CORPUS = Path(__file__).resolve().parent / "corpus"
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


def theme_column(engine, theme_id: str | None) -> tuple[str, pd.DataFrame]:
    """One theme's column: a heading with counts (as plain text) and its asks with their quotes."""
    if not theme_id:
        return "", pd.DataFrame(columns=["text", "doc", "holder", "addressee", "type"])
    summary = next((t for t in theme_store.theme_summaries(engine, examples=0) if t["id"] == theme_id), None)
    rows = query_asks(engine, theme=theme_id)
    if summary is None:
        return "", pd.DataFrame(columns=["text", "doc", "holder", "addressee", "type"])
    types = Counter(r["type"] for r in rows)
    holders = Counter(r["holder"] for r in rows if r["holder"])
    addressees = Counter(r["addressee"] for r in rows if r["addressee"])
    head = (f"{summary['name']}: {len(rows)} asks\n"
            f"types: {', '.join(f'{k} {v}' for k, v in types.most_common())}\n"
            f"holders: {', '.join(f'{k} ({v})' for k, v in holders.most_common(6))}\n"
            f"addressees: {', '.join(f'{k} ({v})' for k, v in addressees.most_common(6))}")
    df = pd.DataFrame([{k: r[k] for k in ["text", "doc", "holder", "addressee", "type"]} for r in rows],
                      columns=["text", "doc", "holder", "addressee", "type"])
    return head, df


def heatmap(engine):
    """Organisation × theme: the main stance and its count in each cell, coloured by stance."""
    positions = query_positions(engine)
    if not positions:
        return pd.DataFrame({"organisation": []}), []
    cells: dict[tuple[str, str], Counter] = {}
    for p in positions:
        cells.setdefault((p["organisation"], p["theme"]), Counter())[p["stance"]] += 1
    orgs = sorted({o for o, _ in cells})
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


def conflicts_text(engine) -> str:
    lines = [f"{t['theme']}: for — {', '.join(t['for'])}; against — {', '.join(t['against'])}"
             for t in theme_positions_summary(engine) if t["conflict"]]
    return "\n".join(lines) or "No conflicts: no theme has organisations both for and against."


def build_app(db: str | None = None) -> gr.Blocks:
    engine = open_engine(db)
    if count_documents(engine) == 0 and CORPUS.is_dir():
        pipeline.ingest_paths(engine, [CORPUS])  # the demo corpus on first start

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

    def doc_choices():
        return [(f"{d['source']} ({d['kind']}, {d['date'] or 'no date'})", d["id"]) for d in list_documents(engine)]

    def filter_asks(theme, type_, holder, addressee, doc, date_from, date_to, text):
        rows = query_asks(engine, theme=theme or None, type=type_ or None, holder=holder or None,
                          addressee=addressee or None, doc=doc or None, text=text or None,
                          date_from=date_from or None, date_to=date_to or None)
        return _asks_frame(rows), rows

    def download(rows, fmt):
        out = Path(tempfile.mkdtemp(prefix="askmap-")) / f"asks.{fmt}"
        return str(export_asks(rows or [], out, fmt))

    def show_themes(selected):
        selected = (selected or [])[:3]
        cols = []
        for i in range(3):
            head, df = theme_column(engine, selected[i] if i < len(selected) else None)
            cols += [head, df]
        bars = pd.DataFrame([{"theme": t["name"], "asks": t["size"]} for t in theme_store.theme_summaries(engine, examples=0)])
        return (*cols, bars)

    def edit(action, a, b, name, description, keywords):
        try:
            if action == "rename":
                theme_store.rename_theme(engine, a, name)
            elif action == "merge":
                theme_store.merge_themes(engine, a, b)
            elif action == "move ask":
                theme_store.move_ask(engine, name.strip(), a)
            elif action == "add theme":
                kws = [k.strip() for k in (keywords or "").split(",") if k.strip()]
                theme_store.add_theme(engine, Theme(seed_id(name), name, description or "", kws, "seed"))
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
        rows = [p for p in query_positions(engine, theme=theme, organisation=org)]
        return pd.DataFrame([{k: p[k] for k in ["stance", "evidence", "doc", "speaker"]} for p in rows],
                            columns=["stance", "evidence", "doc", "speaker"])

    def profile(org):
        rows = query_positions(engine, organisation=org) if org else []
        return pd.DataFrame([{k: p[k] for k in ["theme", "stance", "evidence", "doc"]} for p in rows],
                            columns=["theme", "stance", "evidence", "doc"])

    def view_doc(doc_id):
        if not doc_id:
            return [], ""
        d = load_document(engine, doc_id)
        meta = (f"{d.source} — {d.kind}, {d.date or 'no date'}\nfrom: {d.author_org or d.author or '?'}\n"
                f"to: {', '.join(d.addressees) or '?'}") if d else ""
        return highlighted(engine, doc_id), meta

    def remove_doc(doc_id):
        if doc_id:
            delete_document(engine, doc_id)
        return gr.update(choices=doc_choices(), value=None), docs_frame(), [], "deleted" if doc_id else ""

    def docs_frame():
        return pd.DataFrame([{k: (", ".join(d[k]) if isinstance(d[k], list) else d[k])
                              for k in ["source", "kind", "date", "author_org", "addressees", "chars", "turns"]}
                             for d in list_documents(engine)])

    orgs = sorted({p["organisation"] for p in query_positions(engine)})
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
            grid = gr.Dataframe(value=styled, label="Organisation × theme (main stance and count); select a cell for its quotes",
                                interactive=False)
            quotes = gr.Dataframe(label="Quotes", interactive=False, wrap=True)
            conflicts = gr.Textbox(value=conflicts_text(engine), label="Conflicts", lines=3, interactive=False)
            org = gr.Dropdown(choices=orgs, label="Organisation profile")
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
            search = gr.Button("Filter", variant="primary")
            table = gr.Dataframe(value=_asks_frame(query_asks(engine)), interactive=False, wrap=True, label="Asks")
            state = gr.State(query_asks(engine))
            with gr.Row():
                fmt = gr.Radio(["csv", "xlsx", "jsonl"], value="csv", label="Download format")
                get = gr.Button("Prepare download")
                file_out = gr.File(label="Filtered asks")
        with gr.Tab("Documents") as t_docs:
            docs_table = gr.Dataframe(value=docs_frame(), interactive=False, label="Documents")
            which = gr.Dropdown(choices=doc_choices(), label="Document")
            meta = gr.Textbox(label="Metadata", lines=3, interactive=False)
            viewer = gr.HighlightedText(label="Text, asks highlighted by type", show_legend=True)
            delete = gr.Button("Delete this document (its asks and positions go with it)", variant="stop")
            deleted = gr.Textbox(label="", interactive=False)

        go.click(do_upload, [files, id_col, org_col, type_col, question_cols],
                 [results, new_asks, new_text, which, column_prompt], api_name="upload")
        # each tab shows the database as it is now (an upload or an edit elsewhere is reflected)
        t_themes.select(lambda sel: (gr.update(choices=theme_choices(engine)), *show_themes(sel)), pick,
                        [pick, heads[0], tables[0], heads[1], tables[1], heads[2], tables[2], bars])
        t_orgs.select(lambda: (heatmap(engine)[0], conflicts_text(engine),
                               gr.update(choices=sorted({p["organisation"] for p in query_positions(engine)}))),
                      None, [grid, conflicts, org])
        t_asks.select(lambda *f: (*filter_asks(*f),
                                  gr.update(choices=[t["name"] for t in theme_store.theme_summaries(engine, examples=0)])),
                      [f_theme, f_type, f_holder, f_addressee, f_doc, f_from, f_to, f_text], [table, state, f_theme])
        t_docs.select(lambda: (docs_frame(), gr.update(choices=doc_choices())), None, [docs_table, which])
        pick.change(show_themes, pick, [heads[0], tables[0], heads[1], tables[1], heads[2], tables[2], bars])
        app.load(show_themes, pick, [heads[0], tables[0], heads[1], tables[1], heads[2], tables[2], bars])
        apply.click(edit, [action, theme_a, theme_b, name, description, keywords], [edit_msg, pick, theme_a, theme_b])
        grid.select(cell_quotes, None, quotes)
        org.change(profile, org, org_table)
        inputs = [f_theme, f_type, f_holder, f_addressee, f_doc, f_from, f_to, f_text]
        search.click(filter_asks, inputs, [table, state], api_name="filter_asks")
        get.click(download, [state, fmt], file_out, api_name="download")
        which.change(view_doc, which, [viewer, meta])
        delete.click(remove_doc, which, [which, docs_table, viewer, deleted])
    return app


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="askmap ui", description="Askmap's Gradio app")
    p.add_argument("--db", default=None, help="database path or URL (default $ASKMAP_DB or askmap.db)")
    p.add_argument("--host", default=os.environ.get("ASKMAP_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("ASKMAP_PORT", 7860)))
    p.add_argument("--auth", default=os.environ.get("ASKMAP_AUTH"), help="user:password for basic auth")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    auth = tuple(args.auth.split(":", 1)) if args.auth and ":" in args.auth else None
    app = build_app(args.db)
    app.queue().launch(server_name=args.host, server_port=args.port, auth=auth, share=False,
                       max_file_size="50mb")
    return 0


if __name__ == "__main__":
    sys.exit(main())
