"""``askmap themes`` on a database fitted with the fake model: listing and edits, and the error paths
(none of which embeds anything)."""
import json

import pytest

from askmap.cli import main

from .helpers import asks_by_topic, assignments, primary, summaries, theme_holding


@pytest.fixture
def db(tmp_path, fitted):
    return str(tmp_path / "t.db")


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_theme(db, fitted, capsys):
    code, out, err = _run(capsys, "--db", db, "themes", "list")
    assert code == 0, err
    for tid, s in summaries(fitted).items():
        assert f"{tid}  {s['name']}  [{s['origin']}]  {s['size']} asks" in out
    assert "terms: " in out  # discovered themes show their terms
    assert "    - We urge" in out or "    - We ask" in out  # example asks


def test_list_jsonl(db, fitted, capsys):
    code, out, _ = _run(capsys, "--db", db, "themes", "list", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in rows] == list(summaries(fitted))
    assert {"id", "name", "origin", "edited", "size", "top_terms", "keywords", "examples"} <= set(rows[0])


def test_rename_move_merge_through_the_cli(db, fitted, capsys):
    meals = theme_holding(fitted, "meals")
    ask = asks_by_topic(fitted)["flooding"][0]
    assert _run(capsys, "--db", db, "themes", "rename", "s-buses", "Bus services")[:2] == (0, "renamed\n")
    assert summaries(fitted)["s-buses"]["name"] == "Bus services"
    assert _run(capsys, "--db", db, "themes", "move", ask, "s-libraries")[:2] == (0, "moved\n")
    assert assignments(fitted)[ask] == [("s-libraries", 1, True)]
    assert _run(capsys, "--db", db, "themes", "merge", "s-libraries", meals)[:2] == (0, "merged\n")
    assert meals not in summaries(fitted)
    code, out, _ = _run(capsys, "--db", db, "themes", "list")
    assert "s-buses  Bus services  [seed, edited]" in out and meals not in out


def test_run_with_themes_assigned_and_nothing_new(db, fitted, capsys):
    for ask, theme in primary(fitted).items():  # nothing left unthemed: nothing to embed
        if theme is None:
            main(["--db", db, "themes", "move", ask, "s-buses"])
    capsys.readouterr()
    code, out, err = _run(capsys, "--db", db, "themes")
    assert code == 0, err
    assert out.startswith("assigned 0 new asks to the existing themes (use --refit to re-fit)")
    assert "s-buses" in out  # then the list


@pytest.mark.parametrize("argv, names", [
    (["rename", "s-nope", "New name"], "s-nope"),
    (["merge", "s-buses", "d-nope"], "d-nope"),
    (["merge", "s-nope", "s-buses"], "s-nope"),
    (["move", "no-such-ask", "s-buses"], "no-such-ask"),
])
def test_unknown_ids_exit_2_and_name_the_id(db, capsys, argv, names):
    code, out, err = _run(capsys, "--db", db, "themes", *argv)
    assert code == 2 and out == ""
    assert err.startswith(f"askmap themes {argv[0]}: ") and names in err


def test_move_to_unknown_theme(db, fitted, capsys):
    ask = asks_by_topic(fitted)["buses"][0]
    before = assignments(fitted)[ask]
    code, _, err = _run(capsys, "--db", db, "themes", "move", ask, "d-nope")
    assert code == 2 and "d-nope" in err
    assert assignments(fitted)[ask] == before


def test_merged_theme_can_no_longer_be_edited(db, capsys):
    assert _run(capsys, "--db", db, "themes", "merge", "s-buses", "s-libraries")[0] == 0
    for argv in (["rename", "s-libraries", "X"], ["merge", "s-hospital-waiting", "s-libraries"]):
        code, _, err = _run(capsys, "--db", db, "themes", *argv)
        assert code == 2 and "s-libraries" in err and "merged into" in err and "s-buses" in err


def test_merge_into_itself_and_missing_arguments(db, capsys):
    code, _, err = _run(capsys, "--db", db, "themes", "merge", "s-buses", "s-buses")
    assert code == 2 and "itself" in err
    for argv, missing in ((["rename", "s-buses"], "NEW_NAME"), (["merge"], "INTO_ID"), (["move", "x"], "THEME_ID"),
                          (["add"], "NAME")):
        code, _, err = _run(capsys, "--db", db, "themes", *argv)
        assert code == 2 and f"missing {missing}" in err, argv


def test_adding_an_existing_theme_is_refused(db, fitted, capsys):
    code, _, err = _run(capsys, "--db", db, "themes", "add", "Buses")
    assert code == 2 and "s-buses" in err and "exists already" in err


def test_bad_theme_files_exit_2_and_name_the_file(db, tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[theme]]\ndescription = 'no name'\n", encoding="utf-8")
    for path in (bad, tmp_path / "missing.toml"):
        code, _, err = _run(capsys, "--db", db, "themes", "run", "--themes", str(path))
        assert code == 2 and str(path) in err
    letters = tmp_path / "letters"
    code, out, err = _run(capsys, "extract", str(letters), "--themes", str(bad))
    assert code == 2 and out == "" and err.startswith("askmap extract: ") and "bad.toml" in err


def test_list_on_an_empty_database(tmp_path, capsys):
    code, out, _ = _run(capsys, "--db", str(tmp_path / "empty.db"), "themes", "list")
    assert code == 0 and out == ""
