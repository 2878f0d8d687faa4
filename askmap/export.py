"""Exports of tagged asks with provenance: CSV, XLSX, JSONL — one ask a row.

Spreadsheet safety: a cell that starts (after any spaces) with '=', '+', '-', '@' (or their full-width
forms), a tab or a carriage return would be read as a formula by a spreadsheet. Every CSV the tool writes
— `export`, and the `--format csv` of `asks`, `docs`, `positions`, `extract`, `responses`, `summary` — goes
through ``write_csv_rows``, which gives such a cell a leading "'"; in XLSX every cell is written as a string
(never a formula).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import TextIO
from pathlib import Path

EXPORT_FIELDS = ["doc", "doc_id", "start", "end", "text", "type", "holder", "holder_kind", "speaker", "addressee",
                 "themes", "number", "lead_in_id", "id", "confidence", "rule"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def neutralise(text: str) -> str:
    """A CSV cell a spreadsheet would run as a formula is prefixed with "'" (spaces before the sign count
    too: " =1+1" is a formula to some spreadsheets)."""
    return "'" + text if text.startswith(_FORMULA_START) or text.lstrip(" ").startswith(_FORMULA_START) else text


def write_csv_rows(rows: Iterable[dict], out: TextIO, fields: Sequence[str], cell=cell_text) -> None:
    """The one CSV writer: a header, then each row's ``fields`` (``cell`` turns a value into text), every
    cell neutralised."""
    w = csv.writer(out)
    w.writerow(fields)
    for r in rows:
        w.writerow([neutralise(cell(r.get(k))) for k in fields])


def write_csv(rows: Sequence[dict], path: str | Path, fields: Sequence[str] = EXPORT_FIELDS) -> Path:
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as f:
        write_csv_rows(rows, f, fields)
    return path


def write_xlsx(rows: Sequence[dict], path: str | Path, fields: Sequence[str] = EXPORT_FIELDS) -> Path:
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("asks")
    ws.append(list(fields))
    for r in rows:
        values = []
        for k in fields:
            v = r.get(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                values.append(v)
            else:
                from openpyxl.cell import WriteOnlyCell

                c = WriteOnlyCell(ws, value=cell_text(v))
                c.data_type = "s"  # a string, even when it starts with '=': never a formula
                values.append(c)
        ws.append(values)
    wb.save(path)
    return path


def write_jsonl(rows: Sequence[dict], path: str | Path, fields: Sequence[str] = EXPORT_FIELDS) -> Path:
    path = Path(path)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: r.get(k) for k in fields}, ensure_ascii=False) + "\n")
    return path


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "jsonl": write_jsonl}


def export_asks(rows: Sequence[dict], path: str | Path, fmt: str) -> Path:
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r} (csv, xlsx, jsonl)")
    return WRITERS[fmt](rows, path)
