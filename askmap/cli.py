"""``askmap`` command line: thin — parse arguments, call the library, print results."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from ingest import ColumnRoles, ReadOptions

from . import pipeline, theming
from .export import export_asks, write_csv_rows
from .store import themes as theme_store
from .store.positions import POSITION_FIELDS, query_positions, theme_positions_summary
from .store.themes import theme_summaries
from analysis.records import Organisation
from analysis.themes import Theme, ThemeSpec, load_theme_file, seed_id

from .store import ASK_FIELDS, add_organisation, list_documents, open_engine, query_asks
from .store.organisations import list_organisations

DOC_FIELDS = ["id", "source", "format", "kind", "date", "author", "author_org", "addressees", "title", "signatories",
              "speakers", "chars", "blocks", "turns"]


def _read_options(args: argparse.Namespace) -> ReadOptions:
    questions = [q.strip() for q in args.question_columns.split(",")] if args.question_columns else None
    return ReadOptions(
        max_bytes=int(args.max_mb * 1024 * 1024),
        columns=ColumnRoles(id=args.id_column, organisation=args.org_column, respondent_type=args.type_column,
                            name=args.name_column, questions=questions),
    )


def _progress() -> "Callable[[int], None]":
    """A line on stderr at most every PROGRESS_SECONDS while a long batch is stored."""
    last = [time.monotonic()]

    def on_progress(stored: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_SECONDS:
            last[0] = now
            print(f"… {stored} new documents stored so far", file=sys.stderr, flush=True)

    return on_progress


PROGRESS_SECONDS = 5.0


def cmd_ingest(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    results = pipeline.ingest_paths(engine, args.paths, _read_options(args), themes=not args.no_themes,
                                    on_progress=_progress())
    for r in results:
        print(r.line(), flush=True)
    counts = {s: sum(r.status == s for r in results) for s in (pipeline.OK, pipeline.DUPLICATE, pipeline.ERROR)}
    print(f"{len(results)} files: {counts['ok']} ok, {counts['duplicate']} duplicate, {counts['error']} error",
          file=sys.stderr)
    return 1 if counts[pipeline.ERROR] or not results else 0


def _user() -> str | None:
    """Who makes a change from the command line: $ASKMAP_USER, else the login name."""
    return os.environ.get("ASKMAP_USER") or os.environ.get("USER") or None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def cmd_docs(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    rows = list_documents(engine)
    if args.format in ("jsonl", "csv"):
        _print_rows(rows, DOC_FIELDS, args.format)
    else:
        if not rows:
            print("no documents stored")
        for r in rows:
            print(f"{r['source']}  [{r['kind']}, {r['format']}, {r['date'] or 'no date'}]  id {r['id'][:12]}")
            sender = r["author_org"] or ("each speaker" if r["kind"] == "transcript" else "?")
            print(f"    from: {sender}" + (f" ({r['author']})" if r["author"] else ""))
            print(f"    to:   {_cell(r['addressees']) or '?'}")
            extra = f"    {r['chars']} chars, {r['blocks']} blocks"
            if r["turns"]:
                extra += f", {r['turns']} speaker turns by {len(r['speakers'])} speakers: {', '.join(r['speakers'])}"
            if r["signatories"]:
                extra += f", {len(r['signatories'])} signatories"
            print(extra)
        print(f"{len(rows)} documents")
    return 0


def _print_rows(rows: list[dict], fields: list[str], fmt: str) -> None:
    """One object a line (JSONL) or a CSV table with a header; lists joined with '; ' in CSV."""
    if fmt == "csv":
        write_csv_rows(rows, sys.stdout, fields)
    else:
        for r in rows:
            print(json.dumps({k: r[k] for k in fields}, ensure_ascii=False, default=str))


def _theme_specs(value: str | None) -> list[ThemeSpec] | None:
    """--themes FILE → its list; --themes none → discovery only; no option → the stored or built-in list."""
    if value is None:
        return None
    if value.lower() == "none":
        return []
    return load_theme_file(value)


def cmd_extract(args: argparse.Namespace) -> int:
    """The one-shot pipeline: a fresh in-memory database, ingest + analyse, print every ask."""
    engine = open_engine(":memory:")
    try:
        specs = _theme_specs(args.themes)
    except ValueError as exc:
        print(f"askmap extract: {exc}", file=sys.stderr)
        return 2
    results = pipeline.ingest_paths(engine, args.paths, _read_options(args), themes=not args.no_themes,
                                    theme_specs=specs if specs is not None else None)
    failed = False
    for r in results:
        if r.status == pipeline.ERROR:
            # an empty document simply has no asks; anything else unreadable is a failure
            empty = (r.reason or "").startswith(("empty file", "empty document"))
            print(("skipped: " if empty else "") + r.line(), file=sys.stderr)
            failed = failed or not empty
    _print_rows(query_asks(engine), ASK_FIELDS, args.format)
    return 1 if failed else 0


def cmd_asks(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    rows = query_asks(engine, type=args.type, holder=args.holder, addressee=args.addressee, doc=args.doc,
                      text=args.text, limit=args.limit)
    _print_rows(rows, ASK_FIELDS, args.format)
    return 0


def cmd_orgs(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    if args.action == "add":
        if not args.name:
            print("askmap orgs add: give the organisation's canonical name", file=sys.stderr)
            return 2
        add_organisation(engine, Organisation(args.name, list(args.alias or []), args.acronym, args.kind))
        print(f"added: {args.name}")
        return 0
    rows = list_organisations(engine, include_builtin=not args.no_builtin)
    if args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        for r in rows:
            extra = f" ({r['acronym']})" if r["acronym"] else ""
            aliases = f"  aka {', '.join(r['aliases'])}" if r["aliases"] else ""
            print(f"{r['name']}{extra}  [{r['kind']}, {r['origin']}]{aliases}")
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    action = args.action or "run"
    try:
        if action == "run":
            specs = _theme_specs(args.themes)
            if args.refit or specs is not None or not theming.has_themes(engine):
                run = theming.fit(engine, specs)
                print(f"fitted {run.themes} themes over {run.asks} asks: {run.seeded} in seed themes, "
                      f"{run.discovered} in discovered themes, {run.unthemed} unthemed ({run.seconds:.1f} s)")
            else:
                n = theming.assign_new(engine)
                print(f"assigned {n} new asks to the existing themes (use --refit to re-fit)")
            action = "list"
        if action == "list":
            rows = theme_summaries(engine)
            if args.format == "jsonl":
                for r in rows:
                    print(json.dumps(r, ensure_ascii=False))
                return 0
            for r in rows:
                flag = ", edited" if r["edited"] else ""
                print(f"{r['id']}  {r['name']}  [{r['origin']}{flag}]  {r['size']} asks")
                if r["top_terms"]:
                    print(f"    terms: {', '.join(r['top_terms'][:6])}")
                for ex in r["examples"]:
                    print(f"    - {ex[:110]}")
        elif action == "rename":
            theme_store.rename_theme(engine, _arg(args, 0, "THEME_ID"), _arg(args, 1, "NEW_NAME"), user=_user())
            print("renamed")
        elif action == "merge":
            theme_store.merge_themes(engine, _arg(args, 0, "INTO_ID"), _arg(args, 1, "OTHER_ID"), user=_user())
            print("merged")
        elif action == "move":
            theme_store.move_ask(engine, _arg(args, 0, "ASK_ID"), _arg(args, 1, "THEME_ID"), user=_user())
            print("moved")
        elif action == "add":
            name = _arg(args, 0, "NAME")
            keywords = [k.strip() for k in (args.keywords or "").split(",") if k.strip()]
            theme_store.add_theme(engine, Theme(seed_id(name), name, args.description or "", keywords, "seed"), user=_user())
            n = theming.fit(engine) if theming.has_themes(engine) else None
            print(f"added {seed_id(name)}" + (f"; re-fitted: {n.seeded} asks in seed themes" if n else ""))
    except (KeyError, ValueError) as exc:
        print(f"askmap themes {action}: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    rows = query_asks(engine, type=args.type, holder=args.holder, addressee=args.addressee, doc=args.doc, text=args.text)
    path = export_asks(rows, args.output, args.format)
    print(f"{len(rows)} asks written to {path}", file=sys.stderr)
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    import ui

    argv = ["--host", args.host, "--port", str(args.port)] + (["--db", args.db] if args.db else [])
    for account in args.auth or []:
        argv += ["--auth", account]
    return ui.main(argv)


def cmd_positions(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    if args.summary:
        for t in theme_positions_summary(engine, co_signers=args.co_signers):
            print(f"{t['theme']}  ({t['positions']} positions){'  CONFLICT' if t['conflict'] else ''}")
            for stance, orgs in sorted(t["stances"].items()):
                print(f"    {stance}: " + ", ".join(f"{o} ({n})" for o, n in sorted(orgs.items())))
            if t["conflict"]:
                print(f"    for: {', '.join(t['for'])} — against: {', '.join(t['against'])}")
        return 0
    _print_rows(query_positions(engine, theme=args.theme, organisation=args.organisation, co_signers=args.co_signers),
                POSITION_FIELDS, args.format)
    return 0


RESPONSE_COLUMNS = ["id", "doc", "response_id", "respondent", "organisation", "respondent_type", "question", "themes",
                    "stance", "evidence", "asks", "tagged"]


def cmd_responses(args: argparse.Namespace) -> int:
    """Consultation answers, one row each; ``responses tag ANSWER_ID THEME…`` stores an analyst's themes."""
    from .store.answers import query_responses, tag_answer

    engine = open_engine(args.db)
    if args.values and args.values[0] == "tag":
        if len(args.values) < 2:
            print("usage: askmap responses tag ANSWER_ID [THEME …]", file=sys.stderr)
            return 2
        try:
            ids = tag_answer(engine, args.values[1], args.values[2:])
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"{args.values[1]}: {len(ids)} theme(s) tagged", file=sys.stderr)
        return 0
    if args.values and args.values[0] == "learn":
        report: dict = {}
        n = theming.assign_answers(engine, report=report)
        print(f"{n} answers themed", file=sys.stderr)
        if not report:
            print("no tagged answers yet: tag some with 'askmap responses tag ANSWER_ID THEME…'", file=sys.stderr)
        for question, r in report.items():
            if args.question and not (question and args.question.lower() in question.lower()):
                continue
            print(json.dumps({"question": question, **r}, ensure_ascii=False))  # the figures, for scripts
            f1 = "n/a" if r["sample_f1"] is None else f"{r['sample_f1']:.2f}"
            print(f"\n{question or '(whole submissions)'}\n  {r['tagged']} tagged answers, {r['themes_learned']} themes learned; "
                  f"cross-validated agreement with the analyst: sample F1 {f1}", file=sys.stderr)
            for name, v in r["themes"].items():
                cell = lambda x: "  -  " if x is None else f"{x:.2f}"  # noqa: E731
                print(f"    P {cell(v['precision'])}  R {cell(v['recall'])}  F1 {cell(v['f1'])}  ({v['tagged']} tagged)  {name}",
                      file=sys.stderr)
        return 0
    if args.values:
        print(f"error: unknown action {args.values[0]!r} (tag or learn)", file=sys.stderr)
        return 2
    theming.ensure_answers(engine)  # stances need no model: answers exist even when themes were skipped
    try:
        rows = query_responses(engine, question=args.question, theme=args.theme, stance=args.stance)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.format == "csv":
        write_csv_rows((dict(r, evidence=[f"{e['theme']}: {e['text']}" for e in r["evidence"]]) for r in rows),
                       sys.stdout, RESPONSE_COLUMNS)
    else:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    """Per question: the share of respondents raising each theme."""
    from .store.answers import summary

    engine = open_engine(args.db)
    theming.ensure_answers(engine)
    rows = summary(engine, question=args.question, by=args.by)
    if args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    if args.format == "csv":
        fields = ["question", "theme", "respondents", "of", "share"] + ([f"by_{args.by}"] if args.by else [])
        write_csv_rows(rows, sys.stdout, fields, cell=lambda v: json.dumps(v) if isinstance(v, dict) else _cell(v))
        return 0
    current = object()
    for r in rows:
        if r["question"] != current:
            current = r["question"]
            print(f"\n{current or '(whole submissions)'}  — {r['of']} respondents")
        split = ""
        if args.by:
            split = "  (" + ", ".join(f"{k} {v}" for k, v in r[f"by_{args.by}"].items()) + ")"
        print(f"  {r['respondents']:5d}  {100 * r['share']:5.1f}%  {r['theme']}{split}")
    return 0


def _arg(args: argparse.Namespace, i: int, name: str) -> str:
    if len(args.values) <= i:
        raise ValueError(f"missing {name}")
    return args.values[i]


def _add_read_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-mb", type=float, default=float(os.environ.get("ASKMAP_MAX_MB", 50)),
                   help="per-file size limit in MB (default 50, or $ASKMAP_MAX_MB)")
    p.add_argument("--id-column", help="consultation export: the respondent id column")
    p.add_argument("--org-column", help="consultation export: the organisation column")
    p.add_argument("--type-column", help="consultation export: the respondent type column")
    p.add_argument("--name-column", help="consultation export: the respondent name column")
    p.add_argument("--question-columns", help="consultation export: question columns, comma-separated")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="askmap", description="Find the asks in policy documents.")
    p.add_argument("--db", default=None,
                   help="database path or SQLAlchemy URL (default: $ASKMAP_DB or askmap.db; ':memory:' keeps nothing)")
    sub = p.add_subparsers(dest="command", required=True)

    ing = sub.add_parser("ingest", help="read files or folders into the database")
    ing.add_argument("paths", nargs="+", help="files or folders (recursive)")
    ing.add_argument("--no-themes", action="store_true", help="don't assign the new asks to themes now")
    _add_read_options(ing)
    ing.set_defaults(func=cmd_ingest)

    ext = sub.add_parser("extract", help="one-shot: read files into a fresh in-memory database and print every ask")
    ext.add_argument("paths", nargs="+", help="files or folders (recursive)")
    ext.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    ext.add_argument("--themes", metavar="FILE", help="theme list (TOML) that fills each ask's themes; 'none': discovered themes only")
    ext.add_argument("--no-themes", action="store_true", help="skip theme assignment (no embedding model is loaded)")
    _add_read_options(ext)
    ext.set_defaults(func=cmd_extract)

    asks = sub.add_parser("asks", help="the asks in the database")
    asks.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    asks.add_argument("--type", choices=["recommendation", "request", "pledge", "commitment"])
    asks.add_argument("--holder", help="holder contains this text")
    asks.add_argument("--addressee", help="addressee contains this text")
    asks.add_argument("--doc", help="document name contains this text (or a document id)")
    asks.add_argument("--text", help="ask text contains this text")
    asks.add_argument("--limit", type=int)
    asks.set_defaults(func=cmd_asks)

    th = sub.add_parser("themes", help="assign or re-fit themes; list, rename, merge, move an ask, add a theme")
    th.add_argument("action", nargs="?", choices=["run", "list", "rename", "merge", "move", "add"], default="run",
                    help="run (default): assign new asks, or fit when there are no themes yet or with --refit/--themes")
    th.add_argument("values", nargs="*", help="rename THEME_ID NAME | merge INTO_ID OTHER_ID | move ASK_ID THEME_ID | add NAME")
    th.add_argument("--themes", metavar="FILE", help="seed theme list (TOML); 'none' for discovered themes only")
    th.add_argument("--refit", action="store_true", help="re-fit every ask (edits, merges and moves are kept)")
    th.add_argument("--description", help="with add: the theme's description")
    th.add_argument("--keywords", help="with add: comma-separated keywords")
    th.add_argument("--format", choices=["table", "jsonl"], default="table")
    th.set_defaults(func=cmd_themes)

    exp = sub.add_parser("export", help="tagged asks with provenance, one a row (spreadsheet formulas neutralised)")
    exp.add_argument("--format", choices=["csv", "xlsx", "jsonl"], required=True)
    exp.add_argument("-o", "--output", required=True, help="file to write")
    exp.add_argument("--type", choices=["recommendation", "request", "pledge", "commitment"])
    exp.add_argument("--holder")
    exp.add_argument("--addressee")
    exp.add_argument("--doc")
    exp.add_argument("--text")
    exp.set_defaults(func=cmd_export)

    app = sub.add_parser("ui", help="the Gradio app (same as python ui.py)")
    app.add_argument("--host", default=os.environ.get("ASKMAP_HOST", "127.0.0.1"))
    app.add_argument("--port", type=int, default=int(os.environ.get("ASKMAP_PORT", 7860)))
    app.add_argument("--auth", action="append", default=None,
                     help="user:password of an account for the sign-in form (repeatable; @FILE: one a line); "
                          "default $ASKMAP_AUTH")
    app.set_defaults(func=cmd_ui)

    pos = sub.add_parser("positions", help="organisation × theme positions with their evidence")
    pos.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    pos.add_argument("--theme", help="only this theme (name or id)")
    pos.add_argument("--organisation", help="only this organisation (canonical name)")
    pos.add_argument("--summary", action="store_true", help="per theme: who calls for, supports, opposes it; conflicts")
    pos.add_argument("--co-signers", action="store_true",
                     help="a joint letter's positions held by every signatory, not once by its own name or lead signatory")
    pos.set_defaults(func=cmd_positions)

    orgs = sub.add_parser("orgs", help="the organisation registry: list it, or add your own entry")
    orgs.add_argument("action", nargs="?", choices=["list", "add"], default="list")
    orgs.add_argument("name", nargs="?", help="with add: the canonical name")
    orgs.add_argument("--alias", action="append", help="with add: another name it goes by (repeatable)")
    orgs.add_argument("--acronym", help="with add: its acronym")
    orgs.add_argument("--kind", choices=["organisation", "office", "group"], default="organisation")
    orgs.add_argument("--no-builtin", action="store_true", help="list only entries learned from documents or added")
    orgs.add_argument("--format", choices=["table", "jsonl"], default="table")
    orgs.set_defaults(func=cmd_orgs)

    resp = sub.add_parser("responses", help="consultation answers, one row per (respondent, question) answer or "
                                             "submission: themes, stance, evidence, asks; 'responses tag ANSWER_ID THEME…', 'responses learn'")
    resp.add_argument("values", nargs="*", help="tag ANSWER_ID [THEME…]: an analyst's themes for an answer (none: no theme "
                                                "fits); learn: re-map the untagged answers with what the tags teach, and "
                                                "print the cross-validated agreement with the analyst per theme")
    resp.add_argument("--question", help="only answers to this question (its text, or a part of it)")
    resp.add_argument("--theme", help="only answers with this theme")
    resp.add_argument("--stance", choices=["agree", "disagree", "mixed", "unclear"])
    resp.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    resp.set_defaults(func=cmd_responses)

    summ = sub.add_parser("summary", help="per question: share of respondents raising each theme, with counts")
    summ.add_argument("--question", help="only this question (its text, or a part of it)")
    summ.add_argument("--by", choices=["stance", "respondent_type", "kind"],
                      help="split each theme's respondents (kind: of the respondent's organisation — charity, company, public body, …; "
                           "individual where no organisation is named)")
    summ.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")
    summ.set_defaults(func=cmd_summary)

    docs = sub.add_parser("docs", help="list stored documents with their metadata")
    docs.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")
    docs.set_defaults(func=cmd_docs)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except (DBAPIError, TimeoutError) as exc:
        print(f"error: {database_problem(exc, getattr(args, 'db', None))}", file=sys.stderr)
        return 3


def database_problem(exc: BaseException, db: str | None) -> str:
    """One line for a database that can't be opened or is held by another process (never a traceback)."""
    from .store.db import resolve_url

    try:
        where = make_url(resolve_url(db)).render_as_string(hide_password=True)
    except Exception:  # an unparseable URL: say so below
        where = db or "the database"
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = detail[0] if detail else type(exc).__name__
    if "locked" in first.lower() or isinstance(exc, TimeoutError):
        return (f"{where} is locked by another askmap process ({first}); it was waited for — try again when that "
                "process has finished")
    return f"cannot use the database {where}: {first}"


if __name__ == "__main__":
    sys.exit(main())
