"""The app's views read pages and counts from the database: paging, counts and the organisation grid
agree with the full queries (small pages here, so a few letters span several)."""
from collections import Counter

import pytest
from sqlalchemy import text

import ui
from analysis.themes import ThemeSpec
from askmap import pipeline
from askmap.store import count_asks, list_documents, open_engine, query_asks
from askmap.store.positions import organisations_of
from askmap.store.positions import query_positions

from ..themes.helpers import fake_embedder, letter, write_corpus

THEMES = [ThemeSpec("Buses", "Bus routes, fares and timetables", ["bus", "fares"]),
          ThemeSpec("Libraries", "Library opening hours and books", ["library", "books"])]
GROUPS = ["Riverside Bus Users Group", "Friends of Millbrook Library", "Northtown Cycling Forum", "Eastfield Residents Association"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("views")
    letters = {}
    for i in range(9):
        group = GROUPS[i % len(GROUPS)]
        asks = [f"We urge the Council to restore bus route {i}{k} on weekday evenings." for k in range(2)]
        if i % 2:
            asks.append(f"We ask the Council to open branch library {i} on Sundays and buy more books.")
        letters[f"letter_{i}.txt"] = letter("Leader of the Council", f"Writer {i}", f"the {group}", "We write as members.", asks)
    folder = write_corpus(root / "letters", letters)
    engine = open_engine(str(root / "v.db"))
    results = pipeline.ingest_paths(engine, [folder], theme_specs=THEMES, embedder=fake_embedder())
    assert all(r.status == pipeline.OK for r in results)
    return engine


def test_asks_view_pages_through_every_ask(engine, monkeypatch):
    monkeypatch.setattr(ui, "ASK_PAGE", 5)
    total = count_asks(engine)
    assert total == len(query_asks(engine)) == 9 * 2 + 4
    seen = []
    pages = -(-total // 5)
    for page in range(1, pages + 1):
        frame, caption = ui.asks_view(engine, {}, page)
        assert len(frame) == (5 if page < pages else total - 5 * (pages - 1))
        assert caption.endswith(f"of {total} (page {page} of {pages})")
        seen += list(frame["id"])
    assert seen == [a["id"] for a in query_asks(engine)]  # every ask once, in the full query's order
    frame, caption = ui.asks_view(engine, {}, 99)  # past the end: the last page
    assert caption.endswith(f"(page {pages} of {pages})")


def test_asks_view_counts_what_the_filters_select(engine):
    filters = ui.ask_filters("Libraries", "", "", "", "", "", "", "Sundays")
    assert filters == {"theme": "Libraries", "text": "Sundays"}
    frame, caption = ui.asks_view(engine, filters)
    assert len(frame) == 4 and caption == "Asks 1–4 of 4 (page 1 of 1)"
    assert all("library" in t for t in frame["text"])
    frame, caption = ui.asks_view(engine, ui.ask_filters("", "", "", "", "", "", "", "no such words"))
    assert len(frame) == 0 and caption == "Asks 0–0 of 0 (page 1 of 1)"


def test_grid_shows_the_newest_documents_and_the_most_active_organisations_with_database_counts(engine, monkeypatch):
    monkeypatch.setattr(ui, "NEWEST_DOCS", 1)
    styled, themes_ = ui.heatmap(engine, top=2)
    df = styled.data
    newest = organisations_of(engine, [d["id"] for d in list_documents(engine, limit=ui.NEWEST_DOCS, newest_first=True)])
    assert list(df["organisation"][:len(newest)]) == newest  # what was just uploaded comes first
    df = df[len(newest):]
    assert len(newest) == 1 and len(df) >= 1 and set(themes_) <= {"Buses", "Libraries"}
    with engine.connect() as conn:  # asks held (a joint letter's by every signatory) and stance statements
        held = [r[0] for r in conn.execute(text("SELECT organisation FROM ask_holders UNION ALL SELECT organisation FROM statements"))]
    ranked = sorted(Counter(held).items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    assert list(df["organisation"]) == [o for o, _ in ranked if o not in newest]
    for _, row in df.iterrows():
        for t in themes_:
            n = sum(1 for p in query_positions(engine, theme=t, organisation=row["organisation"]))
            assert (row[t] == "") if n == 0 else row[t].endswith(f" {n}")


def test_conflicts_name_who_is_for_and_against_a_theme(tmp_path):
    from askmap.store.positions import conflicts, theme_positions_summary

    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "for.txt").write_text(letter("Leader of the Council", "Ann Lee", "the Riverside Bus Users Group",
                                           "We write as members.", ["We urge the Council to restore bus route 7 on weekday evenings."]))
    (folder / "against.txt").write_text(letter("Leader of the Council", "Bo Chen", "the Northtown Motorists Association",
                                               "We write as members.", ["We oppose any new bus route through the town centre."]))
    engine = open_engine(str(tmp_path / "c.db"))
    pipeline.ingest_paths(engine, [folder], theme_specs=THEMES, embedder=fake_embedder())
    found = conflicts(engine)
    assert [(c["theme"], c["for"], c["against"]) for c in found] == [
        ("Buses", ["Riverside Bus Users Group"], ["Northtown Motorists Association"])]
    full = {t["theme"]: t for t in theme_positions_summary(engine)}  # the full summary agrees
    assert full["Buses"]["conflict"] and full["Buses"]["against"] == ["Northtown Motorists Association"]
    assert "Buses: for — Riverside Bus Users Group; against — Northtown Motorists Association" in ui.conflicts_text(engine)


def test_theme_column_counts_all_asks_and_shows_the_first(engine, monkeypatch):
    monkeypatch.setattr(ui, "THEME_QUOTES", 3)
    theme_id = next(t for t in ui.theme_store.theme_summaries(engine, examples=0) if t["name"] == "Buses")["id"]
    head, df = ui.theme_column(engine, theme_id)
    total = count_asks(engine, theme=theme_id)
    assert head.startswith(f"Buses: {total} asks (first 3 below)") and len(df) == 3
    assert "recommendation" in head or "request" in head


def test_documents_view_finds_by_name_newest_first(engine, monkeypatch):
    frame, choices, caption = ui.documents_view(engine)
    assert caption == "9 of 9 documents, newest first" and len(choices) == 9
    frame, choices, caption = ui.documents_view(engine, "letter_3")
    assert list(frame["source"]) == ["letter_3.txt"] and caption.startswith("1 of 9 documents matching")
    monkeypatch.setattr(ui, "DOC_PAGE", 4)
    frame, choices, caption = ui.documents_view(engine)
    assert len(frame) == 4 and caption == "4 of 9 documents, newest first"
